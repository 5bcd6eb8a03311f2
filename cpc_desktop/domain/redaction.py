"""What a family copy of the minutes leaves out, and why.

Two things never reach a family member's copy (domain.md §6, checklist items 15, 22 and
41): entries marked restricted (third-party or professionals-only information), and
whatever was said while that person was out of the room under an exclusion. An entry
belongs to the moment it was started (``created_at``), as the minute-taker begins it
when the point is made.

A family copy made for one named recipient follows that recipient's exclusions. A
family copy with no named recipient follows the exclusions of *every* family member,
so it is safe to hand to any of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cpc_desktop.domain.conference import ConferenceRecord, MinuteEntry, Participant
from cpc_desktop.domain.enums import AttendanceKind
from cpc_desktop.domain.sides import family_side


class RedactionReason(StrEnum):
    RESTRICTED = "restricted"  # marked restricted: professionals only
    EXCLUDED = "excluded"  # said while the recipient (or a family member) was excluded


@dataclass(frozen=True)
class Redaction:
    """One minute entry left out of a family copy.

    ``participant_id`` is the excluded person whose window the entry fell in (``None``
    for a restricted entry).
    """

    entry_id: str
    agenda_item_id: str
    reason: RedactionReason
    participant_id: str | None = None


Window = tuple[datetime, datetime | None]


def exclusion_windows(participant: Participant) -> tuple[Window, ...]:
    """The ``[start, end)`` spans ``participant`` was excluded; ``None`` ends with the meeting."""
    return tuple(
        (event.at, event.until)
        for event in participant.attendance
        if event.kind is AttendanceKind.EXCLUDED
    )


def _inside(instant: datetime, windows: Iterable[Window]) -> bool:
    return any(start <= instant and (end is None or instant < end) for start, end in windows)


def family_redactions(
    record: ConferenceRecord, recipient_id: str | None = None
) -> tuple[Redaction, ...]:
    """Every entry a family copy must leave out, in the minutes' own order.

    Raises:
        ValueError: ``recipient_id`` names no participant of this conference.
    """
    if recipient_id is None:
        watched = list(family_side(record))
    else:
        watched = [p for p in record.participants if p.id == recipient_id]
        if not watched:
            raise ValueError(f"no participant {recipient_id!r} in this conference")
    windows = [(person.id, exclusion_windows(person)) for person in watched]
    out: list[Redaction] = []
    for entry in record.minutes:
        redaction = _redaction(entry, windows)
        if redaction is not None:
            out.append(redaction)
    return tuple(out)


def _redaction(
    entry: MinuteEntry, windows: list[tuple[str, tuple[Window, ...]]]
) -> Redaction | None:
    if entry.restricted:
        return Redaction(entry.id, entry.agenda_item_id, RedactionReason.RESTRICTED)
    for person_id, spans in windows:
        if _inside(entry.created_at, spans):
            return Redaction(entry.id, entry.agenda_item_id, RedactionReason.EXCLUDED, person_id)
    return None
