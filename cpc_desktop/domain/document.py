"""The conference document: a ``ConferenceRecord`` as versioned, JSON-ready data.

``to_document`` and ``from_document`` convert between the frozen dataclasses of
``conference.py`` and plain dicts/lists/strings, field for field: every key of the
document is the name of a dataclass field, in the same order. ``dumps`` writes the
canonical text. ``check_references`` finds what a JSON Schema cannot express (ids
that must be unique or must point at something in the same document).

Canonical forms written by ``to_document``:

- calendar dates: ``YYYY-MM-DD``;
- instants: UTC, always six fractional digits and a ``Z``, e.g.
  ``2026-11-20T10:04:05.000000Z`` (fixed width, so text order is time order);
- ``start_time``: ``HH:MM`` (seconds are not kept);
- enums: their value; absent values: ``null``. Every key is always written, except
  the sections of :data:`OPTIONAL_SECTIONS` (complaints, correction requests), which
  are left out when empty so that documents without them stay byte for byte as before.

``from_document`` assumes its input is valid against the schema
(``resources/schema/conference.schema.json``); it accepts instants with zero to six
fractional digits and lets keys with a default be absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, date, datetime, time
from enum import Enum
from functools import cache
from types import NoneType, UnionType
from typing import Any, get_args, get_origin, get_type_hints

from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.enums import AttendanceKind, CorrectionRuling, MinutesState

FORMAT = "cpc-conference"
VERSION = 1

#: Sections written only when they hold something (older documents never had them).
OPTIONAL_SECTIONS = ("complaints", "corrections")


@dataclass(frozen=True)
class DocumentProblem:
    """Something wrong with a document, at a JSON path such as ``$.minutes[3].speaker_id``."""

    path: str
    message: str


# --- scalar forms -----------------------------------------------------------------------


def format_instant(value: datetime) -> str:
    """The canonical text of an instant: UTC, microseconds, trailing ``Z``."""
    if value.utcoffset() is None:
        raise ValueError("an instant must be timezone-aware")
    utc = value.astimezone(UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"


def parse_instant(text: str) -> datetime:
    """A UTC-aware datetime from ``YYYY-MM-DDTHH:MM:SS[.f{1,6}]Z``."""
    return datetime.fromisoformat(text).astimezone(UTC)


def parse_date(text: str) -> date:
    return date.fromisoformat(text)


def format_time(value: time) -> str:
    """``HH:MM``: a conference starts on the minute, so seconds are dropped."""
    return f"{value.hour:02d}:{value.minute:02d}"


def parse_time(text: str) -> time:
    return time(int(text[:2]), int(text[3:5]))


# Types whose document form is text needing a parser; every other scalar type
# (str, int, bool, the enums) is rebuilt by calling the type on the JSON value.
_PARSERS: dict[Any, Any] = {datetime: parse_instant, date: parse_date, time: parse_time}


# --- field introspection ----------------------------------------------------------------


@cache
def _field_types(cls: type) -> dict[str, Any]:
    """The resolved type of each dataclass field, in field order."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls)}


def _without_none(hint: Any) -> Any:
    """``X`` for ``X | None``; any other type unchanged."""
    if get_origin(hint) is UnionType:
        (inner,) = (arg for arg in get_args(hint) if arg is not NoneType)
        return inner
    return hint


# --- record -> document ----------------------------------------------------------------


def _encode(value: object) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):  # before date: a datetime is a date
        return format_instant(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return format_time(value)
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
    return value  # str, int, bool, None


def to_document(record: ConferenceRecord) -> dict[str, Any]:
    """The canonical document for ``record``: every key present (an empty optional
    section aside), in field order."""
    body: dict[str, Any] = _encode(record)
    for section in OPTIONAL_SECTIONS:
        if not body[section]:
            del body[section]
    return {"format": FORMAT, "version": VERSION, **body}


# --- document -> record ----------------------------------------------------------------


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    hint = _without_none(hint)
    if get_origin(hint) is tuple:
        item_hint = get_args(hint)[0]
        return tuple(_decode(item_hint, item) for item in value)
    if isinstance(hint, type) and is_dataclass(hint):
        return _decode_object(hint, value)
    return _PARSERS.get(hint, hint)(value)


def _decode_object(cls: type, data: Mapping[str, Any]) -> Any:
    values = {
        name: _decode(hint, data[name]) for name, hint in _field_types(cls).items() if name in data
    }
    return cls(**values)


def from_document(doc: Mapping[str, Any]) -> ConferenceRecord:
    """The record a schema-valid document describes; absent keys take their defaults."""
    record: ConferenceRecord = _decode_object(ConferenceRecord, doc)
    return record


# --- canonical text ----------------------------------------------------------------------


def _ordered_value(hint: Any, value: Any) -> Any:
    hint = _without_none(hint)
    if isinstance(value, Mapping) and isinstance(hint, type) and is_dataclass(hint):
        return _ordered_object(hint, value)
    if isinstance(value, list) and get_origin(hint) is tuple:
        item_hint = get_args(hint)[0]
        return [_ordered_value(item_hint, item) for item in value]
    return value


def _ordered_object(cls: type, data: Mapping[str, Any]) -> dict[str, Any]:
    types = _field_types(cls)
    ordered = {name: _ordered_value(types[name], data[name]) for name in types if name in data}
    ordered.update((key, value) for key, value in data.items() if key not in types)
    return ordered


def dumps(doc: Mapping[str, Any]) -> str:
    """Canonical JSON text: keys in dataclass-field order, two-space indent, final newline.

    Keys the model does not know (there are none in a valid document) keep their
    relative order after the known ones.
    """
    ordered = {key: doc[key] for key in ("format", "version") if key in doc}
    ordered.update(_ordered_object(ConferenceRecord, doc))
    return json.dumps(ordered, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# --- references ------------------------------------------------------------------------


def _items(doc: Mapping[str, Any], section: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for index, item in enumerate(doc.get(section, ())):
        yield f"$.{section}[{index}]", item


def _ids(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every ``id`` in the document, with its path, in document order."""
    if isinstance(value, Mapping):
        if "id" in value:
            yield f"{path}.id", value["id"]
        for key, child in value.items():
            yield from _ids(child, f"{path}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _ids(child, f"{path}[{index}]")


#: The attendance events that say how the person takes part (in the room, video, phone).
_ARRIVALS = frozenset({AttendanceKind.PRESENT, AttendanceKind.ARRIVED})

#: The other events, in words, for the message refusing a mode on one of them.
_EVENT_WORDS = {
    AttendanceKind.APOLOGIES: "apologies",
    AttendanceKind.ABSENT: "absence",
    AttendanceKind.LEFT: "leaving",
    AttendanceKind.EXCLUDED: "exclusion",
}


def _mode_problem(person: Mapping[str, Any], event: Mapping[str, Any], mode: str) -> str:
    what = _EVENT_WORDS[AttendanceKind(event["kind"])]
    return (
        f"{person['name']}'s {what} at {event['at']} gives the attendance mode {mode!r}, "
        "but only being present or arriving has a mode"
    )


def check_references(doc: Mapping[str, Any]) -> tuple[DocumentProblem, ...]:
    """What a schema-valid document gets wrong about its own ids and times.

    Duplicate ids come first, then the other problems section by section.
    """
    problems: list[DocumentProblem] = []

    def refer(path: str, value: str | None, known: Mapping[str, str], what: str) -> None:
        if value is not None and value not in known:
            problems.append(DocumentProblem(path, f"no {what} has the id {value}"))

    first_use: dict[str, str] = {}
    for path, ident in _ids(doc, "$"):
        if ident in first_use:
            problems.append(
                DocumentProblem(path, f"duplicate id, first used at {first_use[ident]}")
            )
        else:
            first_use[ident] = path

    def known(section: str) -> dict[str, str]:
        return {item["id"]: path for path, item in _items(doc, section)}

    children = known("children")
    participants = known("participants")
    agenda = known("agenda")
    versions = known("minutes_versions")
    letters = known("letters")

    for path, person in _items(doc, "participants"):
        for index, child in enumerate(person.get("child_ids", ())):
            refer(f"{path}.child_ids[{index}]", child, children, "child")
        for index, other in enumerate(person.get("withhold_from", ())):
            refer(f"{path}.withhold_from[{index}]", other, participants, "participant")
        for index, event in enumerate(person.get("attendance", ())):
            at = f"{path}.attendance[{index}]"
            until = event.get("until")
            if until is not None and parse_instant(until) < parse_instant(event["at"]):
                problems.append(DocumentProblem(f"{at}.until", "ends before it starts (at)"))
            if event["kind"] == AttendanceKind.EXCLUDED and event.get("grounds") is None:
                problems.append(
                    DocumentProblem(f"{at}.grounds", "an exclusion must record its grounds")
                )
            mode = event.get("mode")
            if mode is not None and event["kind"] not in _ARRIVALS:
                problems.append(DocumentProblem(f"{at}.mode", _mode_problem(person, event, mode)))

    for path, entry in _items(doc, "minutes"):
        refer(f"{path}.agenda_item_id", entry["agenda_item_id"], agenda, "agenda item")
        refer(f"{path}.speaker_id", entry.get("speaker_id"), participants, "participant")
        for ruling in ("shown_to", "kept_from"):
            for index, person in enumerate(entry.get(ruling, ())):
                refer(f"{path}.{ruling}[{index}]", person, participants, "participant")
        for index, (start, end) in enumerate(entry.get("changes", ())):
            if parse_instant(end) < parse_instant(start):
                problems.append(
                    DocumentProblem(f"{path}.changes[{index}]", "ends before it starts")
                )

    decided: dict[str, str] = {}
    for path, decision in _items(doc, "decisions"):
        child_id = decision["child_id"]
        refer(f"{path}.child_id", child_id, children, "child")
        if child_id in decided:
            problems.append(
                DocumentProblem(
                    f"{path}.child_id", f"this child already has a decision at {decided[child_id]}"
                )
            )
        else:
            decided[child_id] = path
        refer(
            f"{path}.lead_social_worker_id",
            decision.get("lead_social_worker_id"),
            participants,
            "participant",
        )
        for index, member in enumerate(decision.get("core_group", ())):
            refer(f"{path}.core_group[{index}]", member, participants, "participant")
        for part in ("views", "dissents"):
            for index, item in enumerate(decision.get(part, ())):
                refer(
                    f"{path}.{part}[{index}].participant_id",
                    item["participant_id"],
                    participants,
                    "participant",
                )

    for path, plan in _items(doc, "plans"):
        refer(f"{path}.child_id", plan["child_id"], children, "child")
        refer(
            f"{path}.lead_social_worker_id",
            plan.get("lead_social_worker_id"),
            participants,
            "participant",
        )
        for index, member in enumerate(plan.get("core_group", ())):
            refer(f"{path}.core_group[{index}]", member, participants, "participant")

    for path, version in _items(doc, "minutes_versions"):
        supersedes = version.get("supersedes_id")
        if supersedes is not None and supersedes == version["id"]:
            problems.append(
                DocumentProblem(f"{path}.supersedes_id", "a version cannot supersede itself")
            )
        else:
            refer(f"{path}.supersedes_id", supersedes, versions, "minutes version")

    for path, letter in _items(doc, "letters"):
        refer(f"{path}.recipient_id", letter["recipient_id"], participants, "participant")

    for path, sent in _items(doc, "distributions"):
        refer(f"{path}.participant_id", sent["participant_id"], participants, "participant")
        refer(
            f"{path}.minutes_version_id",
            sent.get("minutes_version_id"),
            versions,
            "minutes version",
        )
        refer(f"{path}.letter_id", sent.get("letter_id"), letters, "letter")

    entries = known("minutes")
    for path, action in _items(doc, "actions"):
        refer(f"{path}.minute_entry_id", action.get("minute_entry_id"), entries, "minute entry")

    scaled: dict[str, str] = {}
    for path, scale in _items(doc, "scaling"):
        person = scale["participant_id"]
        refer(f"{path}.participant_id", person, participants, "participant")
        if person in scaled:
            problems.append(
                DocumentProblem(
                    f"{path}.participant_id",
                    f"this participant already has a safety scale at {scaled[person]}",
                )
            )
        else:
            scaled[person] = path

    for path, appeal in _items(doc, "appeals"):
        refer(f"{path}.appellant_id", appeal.get("appellant_id"), participants, "participant")
        for index, child in enumerate(appeal.get("child_ids", ())):
            refer(f"{path}.child_ids[{index}]", child, children, "child")
        decided_on = appeal.get("decided")  # ISO dates compare as text
        if decided_on is not None and decided_on < appeal["received"]:
            problems.append(DocumentProblem(f"{path}.decided", "is before the appeal was received"))

    for path, moment in _items(doc, "clock"):
        refer(f"{path}.agenda_item_id", moment.get("agenda_item_id"), agenda, "agenda item")

    problems += _kept_problems(doc, children, participants, versions)
    return tuple(problems)


#: Why a correction request's ruling and its ruled_at/ruled_by disagree, by whether the
#: request is still waiting for a ruling.
_RULED_WORDS = {
    True: "a request still waiting for the chair's ruling has no ruled_at or ruled_by",
    False: "a ruling must say when it was made and by whom (ruled_at, ruled_by)",
}
_STATEMENT_RULINGS = frozenset({CorrectionRuling.REFUSED, CorrectionRuling.PARTLY})


def _kept_problems(
    doc: Mapping[str, Any],
    children: Mapping[str, str],
    participants: Mapping[str, str],
    versions: Mapping[str, str],
) -> list[DocumentProblem]:
    """What the complaints and correction requests get wrong about the rest."""
    problems: list[DocumentProblem] = []

    def refer(path: str, value: str | None, known: Mapping[str, str], what: str) -> None:
        if value is not None and value not in known:
            problems.append(DocumentProblem(path, f"no {what} has the id {value}"))

    def not_before(path: str, later: str | None, earlier: str, what: str) -> None:
        if later is not None and later < earlier:  # ISO dates compare as text
            problems.append(DocumentProblem(path, f"is before {what}"))

    own = doc["conference"]["id"]
    for path, complaint in _items(doc, "complaints"):
        if complaint["conference_id"] != own:
            problems.append(DocumentProblem(f"{path}.conference_id", "is not this conference's id"))
        refer(
            f"{path}.complainant_id", complaint.get("complainant_id"), participants, "participant"
        )
        for index, child in enumerate(complaint.get("child_ids", ())):
            refer(f"{path}.child_ids[{index}]", child, children, "child")
        received = complaint["received"]
        for step in ("acknowledged", "decided"):
            not_before(
                f"{path}.{step}", complaint.get(step), received, "the complaint was received"
            )

    issued = any(v["state"] == MinutesState.ISSUED for v in doc.get("minutes_versions", ()))
    if doc.get("corrections") and not issued:
        problems.append(
            DocumentProblem("$.corrections", "only issued minutes can be disputed, and none are")
        )
    for path, request in _items(doc, "corrections"):
        refer(f"{path}.participant_id", request.get("participant_id"), participants, "participant")
        for link in ("version_id", "correction_version_id"):
            refer(f"{path}.{link}", request.get(link), versions, "minutes version")
        ruling = CorrectionRuling(request.get("ruling", CorrectionRuling.PENDING))
        stamps = [request.get(key) is not None for key in ("ruled_at", "ruled_by")]
        pending = ruling is CorrectionRuling.PENDING
        if any(stamps) if pending else not all(stamps):
            problems.append(DocumentProblem(f"{path}.ruling", _RULED_WORDS[pending]))
        if request.get("statement") and ruling not in _STATEMENT_RULINGS:
            problems.append(
                DocumentProblem(
                    f"{path}.statement",
                    "a statement of disagreement goes with a refused or partly accepted request",
                )
            )
    return problems
