"""The domain layer of CPC Desktop (see design.md §2)."""
