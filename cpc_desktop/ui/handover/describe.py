"""The words for what a hand-over changes: "Minute entry — Reason for the conference, ...".

Everything here is plain Python over the merge plan's values (no Qt), so the list, the
conflict panel and the tests describe a unit the same way. Names of people, agenda
items and children are looked up in every copy the plan holds (this laptop's, the
package's and the one both started from), so a removed or newly added unit is still
described by name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.corrections import ruling_words
from cpc_desktop.domain.dates import clock, short_date
from cpc_desktop.domain.labels import child_name, label
from cpc_desktop.domain.merge import Change, ChangeKind, Conflict, ConflictKind, Side, UnitKey
from cpc_desktop.ui.output.common import moment_text

#: How long a quoted text may be in a one-line description.
SNIPPET = 80

KIND_WORDS = {
    "conference": "Conference details",
    "child": "Child",
    "participant": "Participant",
    "attendance_event": "Attendance",
    "agenda_item": "Agenda item",
    "minute_entry": "Minute entry",
    "decision": "Decision",
    "agency_view": "Agency's view",
    "dissent": "Disagreement with the decision",
    "plan_action": "Plan action",
    "minutes_version": "Minutes version",
    "letter": "Letter",
    "distribution": "Record of sending",
    "conference_action": "Action",
    "safety_scale": "Safety scale",
    "carried_plan": "Plan carried from the conference before",
    "carried_action": "Progress of a carried action",
    "scale_point": "Safety scale at an earlier conference",
    "complaint": "Complaint",
    "correction_request": "Request to correct the minutes",
}

#: Field names as a person says them ("the text", "who spoke").
FIELD_WORDS = {
    "text": "the text",
    "core_group_frequency": "how often the core group meets",
    "speaker_id": "who spoke",
    "agenda_item_id": "the agenda item",
    "tag": "the tag",
    "restricted": "whether it is restricted",
    "section": "the analysis section",
    "author": "who wrote it",
    "updated_at": "when it was last edited",
    "created_at": "when it was written",
    "given_name": "the first name",
    "family_name": "the family name",
    "date_of_birth": "the date of birth",
    "expected_date_of_delivery": "the expected date of delivery",
    "participation": "how the child takes part",
    "participation_reason": "the reason for how the child takes part",
    "name": "the name",
    "role": "the role",
    "agency": "the agency",
    "relationship": "the relationship",
    "direct_contact": "direct contact with the family",
    "invited": "whether they were invited",
    "report_received": "when the report arrived",
    "report_shared_with_family": "when the report was shared with the family",
    "interpreter_language": "the interpreter's language",
    "advocate_needed": "whether an advocate is needed",
    "language": "the language they chose",
    "parental_responsibility": "whether they have parental responsibility",
    "kind": "the kind",
    "at": "the time",
    "until": "the end time",
    "grounds": "the grounds",
    "note": "the note",
    "title": "the title",
    "allowance_minutes": "the time allowed",
    "status": "the status",
    "not_obtained_reason": "why the views could not be obtained",
    "owner": "who does it",
    "action": "what is to be done",
    "due_date": "the date it is due",
    "outcome": "the outcome",
    "minute_entry_id": "the minute entry it comes from",
    "participant_id": "whose it is",
    "view": "the view",
    "reason": "the reason",
    "reasons": "the reasons",
    "score": "the score",
    "threshold_met": "whether the threshold is met",
    "threshold_rationale": "why the threshold is or is not met",
    "categories": "the categories",
    "primary_category": "the main category",
    "lead_social_worker_id": "the lead social worker",
    "lead_social_worker_contact": "how to reach the lead social worker",
    "core_group": "the core group",
    "first_core_group_date": "the first core group date",
    "review_date": "the review date",
    "contingency_plan": "the contingency plan",
    "parents_view": "the parents' view",
    "child_view": "the child's view",
    "final": "whether the decision is final",
    "recipient_name": "the recipient's name",
    "recipient_address": "the recipient's address",
    "method": "how it was sent",
    "sent_at": "when it was sent",
    "date": "the date",
    "start_time": "the start time",
    "venue": "the venue",
    "mode": "how the meeting is held",
    "delay_reason": "the reason for the delay",
    "quorum_reason": "the reason for going ahead without quorum",
}

#: Which ids name what kind of thing, for showing a name instead of an id.
_ID_KINDS = {
    "speaker_id": "participant",
    "participant_id": "participant",
    "lead_social_worker_id": "participant",
    "recipient_id": "participant",
    "agenda_item_id": "agenda_item",
    "child_id": "child",
    "minute_entry_id": "minute_entry",
    "core_group": "participant",
}

CONFLICT_WORDS = {
    ConflictKind.BOTH_CHANGED: "Changed on both laptops",
    ConflictKind.BOTH_ADDED: "Added on both laptops, differently",
    ConflictKind.DELETED_HERE: "Removed on this laptop, changed in the package",
    ConflictKind.DELETED_THERE: "Changed on this laptop, removed in the package",
}

CHOICE_WORDS = {
    None: "Unsettled",
    Side.THEIRS: "Taking theirs",
    Side.MINE: "Keeping mine",
    Side.EDITED: "Edited",
}


def field_words(name: str) -> str:
    return FIELD_WORDS.get(name, "the " + name.removesuffix("_id").replace("_", " "))


def join_words(parts: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(parts)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def snippet(text: str, limit: int = SNIPPET) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class Names:
    """Names of the people, agenda items, children and entries in every copy of a plan."""

    def __init__(self, records: Iterable[d.ConferenceRecord]) -> None:
        self.participants: dict[str, d.Participant] = {}
        self.agenda: dict[str, d.AgendaItem] = {}
        self.children: dict[str, d.Child] = {}
        self.entries: dict[str, d.MinuteEntry] = {}
        self.owner_of_event: dict[str, str] = {}  # attendance event id -> participant id
        self.position: dict[str, int] = {}  # unit id -> where it comes in the record
        for record in records:
            self._place(record)
            for p in record.participants:
                self.participants.setdefault(p.id, p)
                for event in p.attendance:
                    self.owner_of_event.setdefault(event.id, p.id)
            for item in record.agenda:
                self.agenda.setdefault(item.id, item)
            for child in record.children:
                self.children.setdefault(child.id, child)
            for entry in record.minutes:
                self.entries.setdefault(entry.id, entry)

    def _place(self, record: d.ConferenceRecord) -> None:
        """Number every unit in document order (the first copy to hold it decides)."""

        def place(value: Any) -> None:
            self.position.setdefault(value.id, len(self.position))
            for f in dataclasses.fields(value):
                raw = getattr(value, f.name)
                if isinstance(raw, tuple):
                    for part in raw:
                        if dataclasses.is_dataclass(part):
                            place(part)

        place(record.conference)
        for f in dataclasses.fields(record):
            if f.name != "conference":
                for value in getattr(record, f.name):
                    place(value)

    def person(self, participant_id: str | None) -> str:
        if participant_id is None:
            return "no one"
        found = self.participants.get(participant_id)
        return found.name if found else "someone not in the list"

    def item(self, item_id: str | None) -> str:
        found = self.agenda.get(item_id or "")
        return found.title if found else "an agenda item"

    def child(self, child_id: str | None) -> str:
        found = self.children.get(child_id or "")
        return child_name(found, blank="") if found else "a child"

    def name_of(self, kind: str, value: str) -> str:
        if kind == "participant":
            return self.person(value)
        if kind == "agenda_item":
            return self.item(value)
        if kind == "child":
            return self.child(value)
        if kind == "minute_entry":
            entry = self.entries.get(value)
            return f"“{snippet(entry.text, 40)}”" if entry else "a minute entry"
        return value


def value_text(name: str, value: Any, names: Names) -> str:
    """One field's value in words: a name for an id, a label for a coded value."""
    if value is None or value == "":
        return "(none)"
    kind = _ID_KINDS.get(name)
    if kind is not None:
        if isinstance(value, tuple):
            return join_words(names.name_of(kind, v) for v in value) or "(none)"
        return names.name_of(kind, str(value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, dt.datetime):
        return moment_text(value)
    if isinstance(value, dt.date):
        return short_date(value)
    if isinstance(value, dt.time):
        return clock(value)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)


def describe(key: UnitKey, value: Any, names: Names) -> str:
    """A short description of one unit for a person (no kind word)."""
    kind = key.kind
    if value is None:
        return "(no details)"
    if kind == "minute_entry":
        said = snippet(value.text) or "(empty entry)"
        who = names.person(value.speaker_id) if value.speaker_id else ""
        return f"{names.item(value.agenda_item_id)}, {who + ': ' if who else ''}“{said}”"
    if kind == "participant":
        return f"{value.name} ({value.agency or label(value.role)})"
    if kind == "attendance_event":
        who = names.person(names.owner_of_event.get(value.id))
        return f"{who}: {label(value.kind).lower()}, {moment_text(value.at)}"
    if kind in ("conference_action", "plan_action"):
        return f"{value.owner or 'No one named'}: {snippet(value.action)}"
    if kind == "agenda_item":
        return str(value.title)
    if kind == "child":
        return child_name(value, blank="")
    if kind == "conference":
        return f"{value.reference}, {short_date(value.date)}"
    if kind == "decision":
        outcome = label(value.outcome) if value.outcome else "no outcome yet"
        return f"for {names.child(value.child_id)}: {outcome}"
    if kind == "agency_view":
        return f"{names.person(value.participant_id)}: {label(value.view)}"
    if kind == "dissent":
        return f"{names.person(value.participant_id)}: {snippet(value.reasons)}"
    if kind == "safety_scale":
        return f"{names.person(value.participant_id)}: {value.score} out of 10"
    if kind == "minutes_version":
        return f"version {value.version} ({label(value.state).lower()})"
    if kind == "letter":
        to = value.recipient_name or names.person(value.recipient_id)
        return f"{value.kind.replace('_', ' ')} to {to}"
    if kind == "distribution":
        item = str(value.item).replace("_", " ")
        how = f" by {value.method.lower()}" if value.method else ""
        return f"{item} sent to {names.person(value.participant_id)}{how}"
    if kind == "complaint":
        who = value.complainant_name or names.person(value.complainant_id)
        return f"from {who}, received {short_date(value.received)}"
    if kind == "correction_request":
        return f"from {value.requested_by}, {ruling_words(value.ruling)}"
    return str(getattr(value, "id", ""))


def kind_words(key: UnitKey) -> str:
    return KIND_WORDS.get(key.kind, key.kind.replace("_", " ").capitalize())


def changed_words(change: Change) -> str:
    """For a changed unit: "Changes the text and who spoke"."""
    names = [n for n in change.fields if n != "updated_at"] or list(change.fields)
    return "Changes " + join_words(field_words(n) for n in names) if names else "Changes it"


def change_words(change: Change) -> str:
    if change.kind is ChangeKind.ADDED:
        return "Added from the package"
    if change.kind is ChangeKind.DELETED:
        return "Removed: the package no longer has it"
    return changed_words(change)


def conflict_words(conflict: Conflict) -> str:
    what = CONFLICT_WORDS[conflict.kind]
    disputed = [n for n in conflict.fields if n != "updated_at"]
    if disputed and conflict.kind in (ConflictKind.BOTH_CHANGED, ConflictKind.BOTH_ADDED):
        return f"{what}: {join_words(field_words(n) for n in disputed)}"
    return what


#: Fields never worth showing to the chair when a whole unit is shown.
_SKIP = frozenset({"id", "created_at", "updated_at", "author"})


def _shown_fields(value: Any) -> tuple[str, ...]:
    """The telling fields of a unit: not its id or stamps, nor the units nested in it."""
    shown = []
    for f in dataclasses.fields(value):
        raw = getattr(value, f.name)
        nested = isinstance(raw, tuple) and any(dataclasses.is_dataclass(x) for x in raw)
        if f.name not in _SKIP and not nested:
            shown.append(f.name)
    return tuple(shown)


def unit_text(value: Any, names: Names, only: tuple[str, ...] = ()) -> str:
    """What one copy of a unit says: the fields in ``only``, or every telling field.

    A single text field is shown as it is written; otherwise one line per field,
    "Who spoke: Amira Hussain".
    """
    if value is None:
        return ""
    fields = only or _shown_fields(value)
    if len(fields) == 1:
        raw = getattr(value, fields[0])
        if isinstance(raw, str) and not isinstance(raw, StrEnum) and fields[0] not in _ID_KINDS:
            return raw
    lines = []
    for name in fields:
        words = field_words(name).removeprefix("the ")
        shown = value_text(name, getattr(value, name), names)
        lines.append(f"{words[:1].upper() + words[1:]}: {shown}")
    return "\n".join(lines)
