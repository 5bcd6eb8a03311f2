"""The line above the home table saying which conferences it lists, of how many."""

from __future__ import annotations

from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.services.schedule import Listing


def _conferences(n: int) -> str:
    return f"{n:,} conference{'' if n == 1 else 's'}"


def listing_note(listing: Listing) -> str:
    """E.g. "Showing 612 of 10,001 conferences: every one not yet concluded or cancelled,
    and any dated from Sat 23 May 2026." plus how many older ones have unsent documents."""
    if listing.since is None:
        return f"All {_conferences(listing.total)}."
    shown = len(listing.summaries)
    text = (
        f"Showing {shown:,} of {_conferences(listing.total)}: every one not yet concluded "
        f"or cancelled, and any dated from {weekday_date(listing.since)}."
    )
    older = listing.older_unsent
    if older:
        have = "has its" if older == 1 else "have their"
        text += (
            f" {_conferences(older)} concluded before then {have} decision letter or "
            "minutes not recorded as sent: show all conferences to see them."
        )
    return text
