"""What a family copy of the minutes leaves out, and why.

Two things never reach a family member's copy (domain.md §6, checklist items 15, 22 and
41; disclosure.md): entries marked restricted (third-party or professionals-only
information), and whatever was written while that person was out of the room under an
exclusion. Every moment of writing counts, not only the first: an entry is left out of
a person's copy when it was begun inside one of their exclusion windows, or when any
span of its history (``MinuteEntry.changes``: written, edited or moved) overlaps one.

An entry begun before a window and changed during it may be harmless (a typo put right)
or may now hold what the person must not read. The chair decides: ``shown_to`` holds
the people whose copy includes it, ``kept_from`` those whose copy leaves it out. Until
the chair rules, it is left out and listed by :func:`rulings_needed`, and the minutes
cannot be approved. An entry begun inside a window needs no ruling: it always goes.

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
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.problems import Problem
from cpc_desktop.domain.sides import family_side


class RedactionReason(StrEnum):
    RESTRICTED = "restricted"  # marked restricted: professionals only
    EXCLUDED = "excluded"  # begun while the recipient (or a family member) was excluded
    #: Begun before the person was excluded and written, edited or moved while they were
    #: out: left out until the chair rules it may go to them.
    CHANGED_WHILE_EXCLUDED = "changed_while_excluded"


Window = tuple[datetime, datetime | None]


@dataclass(frozen=True)
class Redaction:
    """One minute entry left out of a family copy.

    ``participant_id`` is the excluded person whose window the entry fell in (``None``
    for a restricted entry). ``awaiting_ruling`` is true while the chair has not decided
    whether that person's copy includes an entry changed during their exclusion.
    """

    entry_id: str
    agenda_item_id: str
    reason: RedactionReason
    participant_id: str | None = None
    awaiting_ruling: bool = False


@dataclass(frozen=True)
class RulingNeeded:
    """An entry begun before ``participant_id``'s exclusion ``window`` and changed during
    it, on which the chair has not ruled: left out of that person's copy until they do."""

    entry_id: str
    participant_id: str
    window: Window


def exclusion_windows(participant: Participant) -> tuple[Window, ...]:
    """The ``[start, end)`` spans ``participant`` was excluded; ``None`` ends with the meeting."""
    return tuple(
        (event.at, event.until)
        for event in participant.attendance
        if event.kind is AttendanceKind.EXCLUDED
    )


def _inside(instant: datetime, window: Window) -> bool:
    start, end = window
    return start <= instant and (end is None or instant < end)


def _overlaps(span: tuple[datetime, datetime], window: Window) -> bool:
    """Whether ``[span start, span end]`` meets ``[window start, window end)``."""
    start, end = window
    return (end is None or span[0] < end) and span[1] >= start


def _watched(record: ConferenceRecord, recipient_id: str | None) -> list[Participant]:
    """The people whose exclusions shape the copy: the recipient, or everyone on the
    family side."""
    if recipient_id is None:
        return list(family_side(record))
    watched = [p for p in record.participants if p.id == recipient_id]
    if not watched:
        raise ValueError(f"no participant {recipient_id!r} in this conference")
    return watched


def _finding(entry: MinuteEntry, person: Participant) -> Redaction | RulingNeeded | None:
    """Why ``entry`` leaves ``person``'s copy, if it does (restriction aside).

    A :class:`RulingNeeded` means left out, awaiting the chair's ruling.
    """
    straddled: Window | None = None  # begun before it, changed during it
    after = False  # changed during a window it was begun after: no ruling can show it
    for window in exclusion_windows(person):
        if _inside(entry.created_at, window):
            return Redaction(entry.id, entry.agenda_item_id, RedactionReason.EXCLUDED, person.id)
        if any(_overlaps(span, window) for span in entry.changes):
            if entry.created_at >= window[0]:
                after = True
            elif straddled is None:
                straddled = window
    if straddled is None and not after:
        return None
    if straddled is not None and not after and person.id not in entry.kept_from:
        if person.id in entry.shown_to:
            return None
        return RulingNeeded(entry.id, person.id, straddled)
    return Redaction(
        entry.id, entry.agenda_item_id, RedactionReason.CHANGED_WHILE_EXCLUDED, person.id
    )


def _findings(
    record: ConferenceRecord, recipient_id: str | None
) -> Iterable[tuple[MinuteEntry, list[Redaction | RulingNeeded]]]:
    watched = _watched(record, recipient_id)
    for entry in record.minutes:
        found = [_finding(entry, person) for person in watched] if not entry.restricted else []
        yield entry, [f for f in found if f is not None]


def family_redactions(
    record: ConferenceRecord, recipient_id: str | None = None
) -> tuple[Redaction, ...]:
    """Every entry a family copy must leave out, in the minutes' own order.

    One redaction an entry: restricted first, else the first watched person (roll-call
    order) whose exclusion it fell in or was changed during.

    Raises:
        ValueError: ``recipient_id`` names no participant of this conference.
    """
    out: list[Redaction] = []
    for entry, found in _findings(record, recipient_id):
        if entry.restricted:
            out.append(Redaction(entry.id, entry.agenda_item_id, RedactionReason.RESTRICTED))
        elif found:
            first = found[0]
            if isinstance(first, RulingNeeded):
                first = Redaction(
                    entry.id,
                    entry.agenda_item_id,
                    RedactionReason.CHANGED_WHILE_EXCLUDED,
                    first.participant_id,
                    awaiting_ruling=True,
                )
            out.append(first)
    return tuple(out)


def rulings_needed(
    record: ConferenceRecord, recipient_id: str | None = None
) -> tuple[RulingNeeded, ...]:
    """The chair's rulings a copy waits for, in the minutes' order then roll-call order.

    Every entry begun before a watched person's exclusion and changed during it, not
    restricted, and neither shown to nor kept from that person. With no
    ``recipient_id``, every family member is watched: the list approval waits for.

    Raises:
        ValueError: ``recipient_id`` names no participant of this conference.
    """
    return tuple(
        finding
        for _entry, found in _findings(record, recipient_id)
        for finding in found
        if isinstance(finding, RulingNeeded)
    )


def ruling_question(record: ConferenceRecord, ruling: RulingNeeded) -> str:
    """The chair's question, in one sentence without the entry's words: "Decide whether
    Dean Harland's copy includes entry 3 under “Police”: it was begun before they left
    the room and changed while they were out." Entries are counted under their item."""
    names = {p.id: p.name for p in record.participants}
    titles = {item.id: item.title for item in record.agenda}
    entry = next(e for e in record.minutes if e.id == ruling.entry_id)
    under = [e.id for e in record.minutes if e.agenda_item_id == entry.agenda_item_id]
    return (
        f"Decide whether {isolated(names[ruling.participant_id])}'s copy includes entry "
        f"{under.index(entry.id) + 1} under “{isolated(titles.get(entry.agenda_item_id, ''))}”: "
        "it was begun before they left the room and changed while they were out"
    )


#: How many rulings a refused approval names before saying how many more there are.
NAMED_RULINGS = 3


def ruling_problems(record: ConferenceRecord) -> tuple[Problem, ...]:
    """What stops approval while the chair has rulings to make: the first
    :data:`NAMED_RULINGS` questions, then how many more (every family member watched)."""
    needed = rulings_needed(record)
    places = {entry.id: index for index, entry in enumerate(record.minutes)}
    problems = [
        Problem("exclusion_ruling", ruling_question(record, r), f"minutes[{places[r.entry_id]}]")
        for r in needed[:NAMED_RULINGS]
    ]
    more = len(needed) - NAMED_RULINGS
    if more > 0:
        problems.append(
            Problem(
                "exclusion_ruling",
                f"and {more} more {'entry' if more == 1 else 'entries'} changed while "
                "someone was out of the room need your decision",
                "minutes",
            )
        )
    return tuple(problems)
