"""Where the UI tests leave pictures of what they drove, for a person to look at.

Inside this checkout (`shots/`, ignored by git), so that any user running the tests can
write there, whoever ran them before.
"""

from __future__ import annotations

from pathlib import Path

SHOTS = Path(__file__).resolve().parents[2] / "shots"


def shots(folder: str = "") -> Path:
    """The folder for pictures (made if missing)."""
    path = SHOTS / folder if folder else SHOTS
    path.mkdir(parents=True, exist_ok=True)
    return path
