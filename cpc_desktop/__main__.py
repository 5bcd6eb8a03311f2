"""Allow ``python -m cpc_desktop``."""

from cpc_desktop.cli import main

raise SystemExit(main())
