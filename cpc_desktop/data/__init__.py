"""The data layer of CPC Desktop (see design.md §2)."""
