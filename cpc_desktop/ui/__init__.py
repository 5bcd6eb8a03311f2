"""The ui layer of CPC Desktop (see design.md §2)."""
