"""Allow ``python -m cpc_desktop``."""

from cpc_desktop.cli import run

raise SystemExit(run())
