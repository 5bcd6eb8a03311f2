"""Corrections of issued minutes: a person's request, the chair's ruling, what changed.

A person who disputes issued minutes (a participant, or someone named who was not in
the roll call) asks for a correction: what they dispute (an entry, or a passage in
their own words) and what they ask for. The chair rules: accepted, partly accepted or
refused, with reasons (disclosure.md, "Corrections are visible"). An accepted or partly
accepted request opens a new version; when the chair approves it, the list of what
changed is computed by comparing what was issued with the record as corrected
(:func:`content_changes`), never typed. A refused or partly accepted request may carry
the person's statement of disagreement, printed with every later copy they or the full
record receive (:func:`statements_for`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cpc_desktop.domain.enums import CorrectionRuling

#: The fields of a minute entry that are what it says (not when it was typed or by whom).
_ENTRY_FIELDS = (
    "text",
    "speaker_id",
    "tag",
    "agenda_item_id",
    "restricted",
    "section",
    "shown_to",
    "kept_from",
)

#: Each other part of the record in words, for the change list.
_PARTS = {
    "conference": "the conference's details",
    "children": "the children's details",
    "participants": "who was invited and who attended",
    "agenda": "the agenda",
    "decisions": "the decisions",
    "actions": "the actions agreed",
    "scaling": "the safety scales",
    "clock": "the meeting's times",
}

#: The document's own keys, which are not part of what the minutes say.
_NOT_COMPARED = frozenset({"format", "version", "minutes"})

#: The most changes listed one by one; the rest are counted.
MOST_LISTED = 40

_RULED = {
    CorrectionRuling.ACCEPTED: "accepted",
    CorrectionRuling.PARTLY: "partly accepted",
    CorrectionRuling.REFUSED: "refused",
}


@dataclass(frozen=True)
class CorrectionRequest:
    """A request to correct the minutes, and the chair's ruling on it."""

    id: str
    received: date
    requested_by: str  # the person's name as recorded
    disputed: str  # the entry or passage disputed
    asked: str  # what the person asks to be changed
    participant_id: str | None = None  # when the person is in the roll call
    entry_id: str | None = None  # when one entry is disputed
    version_id: str | None = None  # the version disputed
    ruling: CorrectionRuling = CorrectionRuling.PENDING
    reasons: str = ""
    ruled_at: datetime | None = None
    ruled_by: str | None = None
    statement: str = ""  # the person's statement of disagreement
    correction_version_id: str | None = None  # the version an accepted request opened


@dataclass(frozen=True)
class Statement:
    """A statement of disagreement as the minutes print it."""

    by: str
    participant_id: str | None
    ruled: date
    text: str


@dataclass(frozen=True)
class Change:
    """One thing a new version changed: ``kind`` is "added", "changed" or "removed"."""

    kind: str
    what: str
    entry_id: str | None = None


def ruling_words(ruling: CorrectionRuling) -> str:
    """ "accepted", "partly accepted", "refused", or "waiting for the chair's ruling"."""
    return _RULED.get(ruling, "waiting for the chair's ruling")


def ruling_problem(ruling: CorrectionRuling, reasons: str, statement: str) -> str | None:
    """Why the ruling cannot be recorded as given, in one line, or ``None``."""
    if ruling is CorrectionRuling.PENDING:
        return "choose a ruling: accepted, partly accepted or refused"
    if not reasons.strip():
        return "give the reasons for the ruling"
    if statement.strip() and ruling is CorrectionRuling.ACCEPTED:
        return (
            "a statement of disagreement goes with a refused or partly accepted request, "
            "not an accepted one"
        )
    return None


def opens_version(ruling: CorrectionRuling) -> bool:
    """Whether the ruling changes the minutes (a new version is opened)."""
    return ruling in (CorrectionRuling.ACCEPTED, CorrectionRuling.PARTLY)


def amendment_reason(request: CorrectionRequest) -> str:
    """The first line of a new version's changes: who asked, when, and the ruling."""
    received = request.received.strftime("%d/%m/%Y")
    ruled = ruling_words(request.ruling)
    return (
        f"Correction asked for by {request.requested_by} on {received}, {ruled} by the "
        f"chair: {' '.join(request.reasons.split())}"
    )


def statements_for(
    requests: Sequence[CorrectionRequest], *, family: bool, recipient_id: str | None
) -> tuple[Statement, ...]:
    """The statements a copy prints: every one in a full copy; in a family copy only the
    recipient's own (a family copy never gains what someone else wrote)."""
    found = []
    for request in requests:
        if not request.statement.strip() or request.ruled_at is None:
            continue
        if family and (recipient_id is None or request.participant_id != recipient_id):
            continue
        found.append(
            Statement(
                request.requested_by,
                request.participant_id,
                request.ruled_at.date(),
                request.statement.strip(),
            )
        )
    return tuple(found)


# --- what changed -----------------------------------------------------------------------


def content_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[Change, ...]:
    """What changed between two content documents (``approval.content_document``): each
    minute entry added, changed or removed, then each other part that changed."""
    changes = list(_entry_changes(before, after))
    for key in sorted(set(before) | set(after)):
        if key in _NOT_COMPARED or before.get(key) == after.get(key):
            continue
        changes.append(Change("changed", _PARTS.get(key, key.replace("_", " "))))
    return tuple(changes)


def change_words(reason: str, changes: Sequence[Change]) -> str:
    """The changes of a new version in words, one a line, after ``reason``."""
    lines = [reason.strip()] if reason.strip() else []
    for change in changes[:MOST_LISTED]:
        lines.append(f"{change.kind.capitalize()}: {change.what}.")
    if len(changes) > MOST_LISTED:
        lines.append(f"And {len(changes) - MOST_LISTED} more changes.")
    return "\n".join(lines)


def _entry_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Change]:
    old = {e["id"]: e for e in before.get("minutes", ())}
    new = {e["id"]: e for e in after.get("minutes", ())}
    changes = []
    for entry_id, entry in new.items():
        if entry_id not in old:
            changes.append(Change("added", _entry_place(after, entry), entry_id))
        elif any(old[entry_id].get(f) != entry.get(f) for f in _ENTRY_FIELDS):
            changes.append(Change("changed", _entry_place(after, entry), entry_id))
    for entry_id, entry in old.items():
        if entry_id not in new:
            changes.append(Change("removed", _entry_place(before, entry), entry_id))
    return changes


def _entry_place(doc: Mapping[str, Any], entry: Mapping[str, Any]) -> str:
    """Where an entry is, without what it says: "an entry by Jo Bell under item 2,
    “Risks”" (a family copy prints this line: the entry's words are not in it)."""
    items = list(doc.get("agenda", ()))
    where = ""
    for number, item in enumerate(items, start=1):
        if item.get("id") == entry.get("agenda_item_id"):
            title = item.get("title") or str(item.get("key", "")).replace("_", " ")
            where = f" under item {number}, “{title}”"
    names = {p.get("id"): p.get("name", "") for p in doc.get("participants", ())}
    speaker = names.get(entry.get("speaker_id"))
    by = f" by {speaker}" if speaker else ""
    return f"an entry{by}{where}"
