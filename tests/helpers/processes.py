"""Running the installed command as a user would, in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# The console script pip wrote beside this Python (pyproject.toml's [project.scripts]).
COMMAND = Path(sys.executable).with_name("cpc-desktop")


def as_a_user(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run argv with Python's default warning filters and no CPC_ settings but `env`."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONWARNINGS", "CPC_"))}
    return subprocess.run(argv, capture_output=True, text=True, env=base | (env or {}), check=False)
