"""Importing and exporting conference documents: the schema and the one-line messages."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import MISSING, fields, replace
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_type_hints

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from cpc_desktop.domain import conference
from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.document import dumps, to_document
from cpc_desktop.services.document import (
    DocumentError,
    _describe,
    load_schema,
    parse_document,
    render_document,
    validate_document,
)
from tests.strategies import example_record, records

PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The schema's object definitions and the dataclasses they mirror.
DEFINITIONS = {
    "conference": conference.Conference,
    "child": conference.Child,
    "attendance_event": conference.AttendanceEvent,
    "participant": conference.Participant,
    "agenda_item": conference.AgendaItem,
    "minute_entry": conference.MinuteEntry,
    "agency_view": conference.AgencyView,
    "dissent": conference.Dissent,
    "plan_action": conference.PlanAction,
    "decision": conference.Decision,
    "minutes_version": conference.MinutesVersion,
    "letter": conference.Letter,
    "distribution": conference.Distribution,
    "conference_action": conference.ConferenceAction,
    "safety_scale": conference.SafetyScale,
    "complaint": conference.Complaint,
    "correction_request": conference.CorrectionRequest,
}


def ident(number: int) -> str:
    return str(uuid.UUID(int=number))


@pytest.fixture
def doc() -> dict[str, Any]:
    return to_document(example_record())


def message_for(doc: Any) -> str:
    with pytest.raises(DocumentError) as caught:
        parse_document(json.dumps(doc))
    return str(caught.value)


def message_for_text(text: str) -> str:
    with pytest.raises(DocumentError) as caught:
        parse_document(text)
    return str(caught.value)


# --- the schema mirrors the model -----------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(load_schema())


@pytest.mark.parametrize("name", DEFINITIONS)
def test_each_definition_has_every_field_in_order(name: str) -> None:
    definition = load_schema()["$defs"][name]
    cls = DEFINITIONS[name]
    assert definition["additionalProperties"] is False
    assert list(definition["properties"]) == [f.name for f in fields(cls)]
    no_default = [
        f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING
    ]
    assert definition["required"] == no_default


@pytest.mark.parametrize("name", DEFINITIONS)
def test_schema_defaults_are_the_model_defaults(name: str) -> None:
    documented = {
        key: prop["default"]
        for key, prop in load_schema()["$defs"][name]["properties"].items()
        if "default" in prop
    }
    cls = DEFINITIONS[name]
    for f in fields(cls):
        if f.default is not MISSING:
            expected = f.default.value if isinstance(f.default, Enum) else f.default
            if isinstance(expected, tuple):
                expected = list(expected)
            assert documented.pop(f.name) == expected, f.name
    assert documented == {}


def test_top_level_sections_match_the_record() -> None:
    schema = load_schema()
    assert list(schema["properties"]) == ["format", "version"] + [
        f.name for f in fields(ConferenceRecord)
    ]
    assert schema["required"] == ["format", "version", "conference"]


def _schema_property(definition: str, key: str) -> dict[str, Any]:
    schema = load_schema()
    prop: dict[str, Any] = schema["$defs"][definition]["properties"][key]
    return prop


@pytest.mark.parametrize("name", DEFINITIONS)
def test_schema_enums_are_the_model_enums(name: str) -> None:
    hints = get_type_hints(DEFINITIONS[name])
    for key, hint in hints.items():
        enums = [
            arg
            for arg in (hint, *get_args(hint))
            if isinstance(arg, type) and issubclass(arg, Enum)
        ]
        if not enums:
            continue
        values: list[str | None] = [member.value for member in enums[0]]
        if type(None) in get_args(hint):
            values.append(None)
        prop = _schema_property(name, key)
        if prop.get("type") == "array":  # a tuple of enum values, e.g. a complaint's grounds
            prop = prop["items"]
        assert prop["enum"] == values, key


# --- generated documents -----------------------------------------------------------------


@PROPERTY
@given(records())
def test_generated_documents_import_and_export_unchanged(record: ConferenceRecord) -> None:
    text = render_document(record)
    validate_document(json.loads(text))
    assert parse_document(text) == record
    assert render_document(parse_document(text)) == text


def test_the_example_document(doc: dict[str, Any]) -> None:
    text = render_document(example_record())
    assert text == dumps(doc)
    assert parse_document(text) == example_record()


def test_a_byte_order_mark_is_ignored() -> None:
    text = render_document(example_record())
    assert parse_document("\ufeff" + text) == example_record()


def test_keys_with_defaults_may_be_absent(doc: dict[str, Any]) -> None:
    minimal = {
        "format": "cpc-conference",
        "version": 1,
        "conference": {
            key: doc["conference"][key] for key in ("id", "reference", "type", "status", "date")
        },
    }
    record = parse_document(json.dumps(minimal))
    assert record.conference.profile == "england"
    assert record.children == ()


def test_instants_with_fewer_decimals_are_accepted(doc: dict[str, Any]) -> None:
    doc["minutes"][0]["created_at"] = "2026-11-20T10:01:00Z"
    doc["minutes"][0]["updated_at"] = "2026-11-20T10:02:00.5Z"
    record = parse_document(json.dumps(doc))
    assert to_document(record)["minutes"][0]["updated_at"] == "2026-11-20T10:02:00.500000Z"


def test_a_one_megabyte_minute_is_accepted() -> None:
    record = example_record()
    entry = replace(record.minutes[0], text="ب" * 1_000_000)
    record = replace(record, minutes=(entry, *record.minutes[1:]))
    assert parse_document(render_document(record)) == record


# --- rejections: one line naming the path -------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: object) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return mutate


def _all(*mutations: Mutation) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        for one in mutations:
            one(doc)

    return mutate


def _delete(path: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return mutate


REJECTIONS: list[tuple[str, Mutation, str]] = [
    (
        "wrong enum",
        _set("participants.0.role", "judge"),
        "$.participants[0].role: 'judge' is not one of: chair, minute_taker, social_worker,"
        " team_manager, professional, parent, carer, family_member, child, advocate,"
        " supporter, interpreter, observer",
    ),
    (
        "wrong nullable enum",
        _set("minutes.1.tag", "rumour"),
        "$.minutes[1].tag: 'rumour' is not one of: fact, observation, allegation, opinion, null",
    ),
    (
        "month 13",
        _set("children.0.date_of_birth", "2020-13-01"),
        "$.children[0].date_of_birth: '2020-13-01' is not a valid date (expected YYYY-MM-DD)",
    ),
    (
        "30 February",
        _set("children.0.date_of_birth", "2026-02-30"),
        "$.children[0].date_of_birth: '2026-02-30' is not a valid date (expected YYYY-MM-DD)",
    ),
    (
        "year zero",
        _set("conference.date", "0000-01-01"),
        "$.conference.date: '0000-01-01' is not a valid date (expected YYYY-MM-DD)",
    ),
    (
        "instant with an offset",
        _set("minutes.0.created_at", "2026-11-20T10:01:00+01:00"),
        "$.minutes[0].created_at: '2026-11-20T10:01:00+01:00' is not a valid instant"
        " (expected UTC, YYYY-MM-DDTHH:MM:SS with up to 6 decimals and a final Z)",
    ),
    (
        "31 April instant",
        _set("letters.0.created_at", "2026-04-31T10:00:00Z"),
        "$.letters[0].created_at: '2026-04-31T10:00:00Z' is not a valid instant"
        " (expected UTC, YYYY-MM-DDTHH:MM:SS with up to 6 decimals and a final Z)",
    ),
    (
        "start time with seconds",
        _set("conference.start_time", "10:00:00"),
        "$.conference.start_time: '10:00:00' is not a valid time (expected HH:MM)",
    ),
    (
        "upper-case id",
        _set("children.1.id", ident(11).upper().replace("0", "A")),
        "$.children[1].id: 'AAAAAAAA-AAAA-AAAA-AAAA-AAAAAAAAAAAB' is not a valid id"
        " (expected a lower-case UUID)",
    ),
    (
        "short digest",
        _set("letters.0.file_sha256", "abc"),
        "$.letters[0].file_sha256: 'abc' is not a valid SHA-256 digest"
        " (expected 64 lower-case hexadecimal digits)",
    ),
    (
        "missing required key",
        _delete("participants.1.name"),
        "$.participants[1]: the required key 'name' is missing",
    ),
    (
        "missing conference",
        _delete("conference"),
        "$: the required key 'conference' is missing",
    ),
    (
        "extra key",
        _set("decisions.0.views.0.score", 7),
        "$.decisions[0].views[0]: unexpected key 'score'",
    ),
    (
        "extra top-level key",
        _set("comments", []),
        "$: unexpected key 'comments'",
    ),
    (
        "string for a number",
        _set("conference.review_number", "2"),
        "$.conference.review_number: expected a whole number, found a string",
    ),
    (
        "fraction for a number",
        _set("agenda.0.allowance_minutes", 2.5),
        "$.agenda[0].allowance_minutes: expected a whole number, found a number with a fraction",
    ),
    (
        "number for a flag",
        _set("minutes.0.restricted", 1),
        "$.minutes[0].restricted: expected true or false, found a whole number",
    ),
    (
        "flag for a text",
        _set("decisions.0.reason", False),
        "$.decisions[0].reason: expected a string, found true or false",
    ),
    (
        "object for a list",
        _set("children", {}),
        "$.children: expected an array, found an object",
    ),
    (
        "list for a nullable text",
        _set("conference.delay_reason", []),
        "$.conference.delay_reason: expected a string or null, found an array",
    ),
    (
        "null where required",
        _set("conference.reference", None),
        "$.conference.reference: expected a string, found null",
    ),
    (
        "empty reference",
        _set("conference.reference", ""),
        "$.conference.reference: must not be empty",
    ),
    (
        "negative number",
        _set("conference.review_number", -1),
        "$.conference.review_number: -1 is less than 0",
    ),
    (
        "too many minutes",
        _set("agenda.1.allowance_minutes", 1441),
        "$.agenda[1].allowance_minutes: 1441 is more than 1440",
    ),
    (
        "safety scale above 10",
        _set("scaling.0.score", 11),
        "$.scaling[0].score: 11 is more than 10",
    ),
    (
        "safety scale below 0",
        _set("scaling.1.score", -1),
        "$.scaling[1].score: -1 is less than 0",
    ),
    (
        "safety scale as a fraction",
        _set("scaling.0.score", 3.5),
        "$.scaling[0].score: expected a whole number, found a number with a fraction",
    ),
    (
        "unknown analysis section",
        _set("minutes.2.section", "worries"),
        "$.minutes[2].section: 'worries' is not one of: harm, danger, complicating_factors,"
        " working_well, next_steps, danger_statements, safety_goals, null",
    ),
    (
        "action without its creation time",
        _delete("actions.0.created_at"),
        "$.actions[0]: the required key 'created_at' is missing",
    ),
    (
        "action for an unknown minute entry",
        _set("actions.0.minute_entry_id", ident(999)),
        f"$.actions[0].minute_entry_id: no minute entry has the id {ident(999)}",
    ),
    (
        "two scales for one person",
        _set("scaling.1.participant_id", ident(21)),
        "$.scaling[1].participant_id: this participant already has a safety scale at $.scaling[0]",
    ),
    (
        "category twice",
        _set("decisions.0.categories", ["neglect", "neglect"]),
        "$.decisions[0].categories: the same value appears twice",
    ),
    (
        "wrong version type",
        _set("version", "1"),
        "$.version: expected 1, found '1'",
    ),
    (
        "object for a version",
        _set("version", {"major": 1}),
        "$.version: expected 1, found an object",
    ),
    (
        "array for an enum",
        _set("distributions.0.copy", ["full"]),
        "$.distributions[0].copy: an array is not one of: full, family",
    ),
    (
        "true for a version",
        _set("version", True),
        "$.version: expected 1, found true",
    ),
    (
        "old version",
        _set("version", 0),
        "$.version: expected 1, found 0",
    ),
    (
        "unknown speaker",
        _set("minutes.0.speaker_id", ident(999)),
        f"$.minutes[0].speaker_id: no participant has the id {ident(999)}",
    ),
    (
        "several bad references",
        _all(_set("minutes.0.speaker_id", ident(999)), _set("minutes.1.speaker_id", ident(999))),
        f"$.minutes[0].speaker_id: no participant has the id {ident(999)} (and 1 more)",
    ),
    (
        "three bad references",
        _all(
            _set("minutes.0.agenda_item_id", ident(999)),
            _set("minutes.1.agenda_item_id", ident(999)),
            _set("letters.0.recipient_id", ident(998)),
        ),
        f"$.minutes[0].agenda_item_id: no agenda item has the id {ident(999)} (and 2 more)",
    ),
    (
        "complaint of another conference",
        _set("complaints.0.conference_id", ident(999)),
        "$.complaints[0].conference_id: is not this conference's id",
    ),
    (
        "complaint by an unknown person",
        _set("complaints.0.complainant_id", ident(999)),
        f"$.complaints[0].complainant_id: no participant has the id {ident(999)}",
    ),
    (
        "complaint acknowledged before it came",
        _set("complaints.0.acknowledged", "2026-11-01"),
        "$.complaints[0].acknowledged: is before the complaint was received",
    ),
    (
        "complaint on an unknown ground",
        _set("complaints.0.grounds", ["rudeness"]),
        "$.complaints[0].grounds[0]: 'rudeness' is not one of: process, information, "
        "threshold, category, not_heard",
    ),
    (
        "complaint with a stray key",
        _set("complaints.0.children", []),
        "$.complaints[0]: unexpected key 'children'",
    ),
    (
        "complaints not a list",
        _set("complaints", {}),
        "$.complaints: expected an array, found an object",
    ),
    (
        "correction of an unknown version",
        _set("corrections.0.version_id", ident(999)),
        f"$.corrections[0].version_id: no minutes version has the id {ident(999)}",
    ),
    (
        "correction by an unknown person",
        _set("corrections.0.participant_id", ident(999)),
        f"$.corrections[0].participant_id: no participant has the id {ident(999)}",
    ),
    (
        "ruling without its time",
        _set("corrections.0.ruled_at", None),
        "$.corrections[0].ruling: a ruling must say when it was made and by whom "
        "(ruled_at, ruled_by)",
    ),
    (
        "pending request with a ruling time",
        _set("corrections.1.ruled_by", "Chair Person"),
        "$.corrections[1].ruling: a request still waiting for the chair's ruling has no "
        "ruled_at or ruled_by",
    ),
    (
        "statement with an accepted request",
        _set("corrections.0.ruling", "accepted"),
        "$.corrections[0].statement: a statement of disagreement goes with a refused or "
        "partly accepted request",
    ),
    (
        "correction of minutes never issued",
        _set("minutes_versions.0.state", "approved"),
        "$.corrections: only issued minutes can be disputed, and none are",
    ),
    (
        "correction without the name of who asked",
        _set("corrections.0.requested_by", ""),
        "$.corrections[0].requested_by: must not be empty",
    ),
    (
        "lone surrogate",
        _set("minutes.0.text", "ok \ud800 not ok"),
        "$.minutes[0].text: contains a lone surrogate, which is not valid Unicode",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [pytest.param(mutate, expected, id=name) for name, mutate, expected in REJECTIONS],
)
def test_invalid_documents_are_rejected_with_the_path(
    doc: dict[str, Any], mutate: Mutation, expected: str
) -> None:
    mutate(doc)
    message = message_for(doc)
    assert message == expected
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{\n  "format": "cpc-conference",\n  "version": 1\n  "conference": {}\n}',
            "not valid JSON: line 4, column 3: Expecting ',' delimiter",
        ),
        ("", "not valid JSON: line 1, column 1: Expecting value"),
        ('{"a": 1, "a": 2}', "not valid JSON: the key 'a' appears twice in one object"),
        ('{"a": NaN}', "not valid JSON: NaN is not a JSON number"),
        ('{"a": -Infinity}', "not valid JSON: -Infinity is not a JSON number"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply"),
        ('{"a": ' + "9" * 5000 + "}", "not valid JSON: a number is too long"),
        ("[]", "this is not a CPC conference document"),
        ('"cpc-conference"', "this is not a CPC conference document"),
        ('{"version": 1}', "this is not a CPC conference document"),
        ('{"format": "cpc-minutes", "version": 1}', "this is not a CPC conference document"),
        (
            '{"format": "cpc-conference", "version": 2, "anything": "else"}',
            "document version 2 is newer than this application understands (it reads version 1)",
        ),
        (
            '{"format": "cpc-conference", "version": 1}',
            "$: the required key 'conference' is missing",
        ),
    ],
)
def test_unreadable_text_is_rejected_in_one_line(text: str, expected: str) -> None:
    assert message_for_text(text) == expected


# --- hostile sizes: the message never echoes long text ------------------------------------

MEGABYTE = "\u202e" + "x" * 1_000_000
QUOTED = repr(MEGABYTE[:40]) + "…"  # what a message may show of it


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            _set("conference.reference", MEGABYTE),
            "$.conference.reference: too long (1000001 characters; at most 40)",
        ),
        (
            _set("participants.0.role", MEGABYTE),
            f"$.participants[0].role: {QUOTED} is not one of:",
        ),
        (
            _set("children.0.date_of_birth", MEGABYTE),
            f"$.children[0].date_of_birth: {QUOTED} is not a valid date",
        ),
        (
            _set("minutes.0.speaker_id", MEGABYTE),
            f"$.minutes[0].speaker_id: {QUOTED} is not a valid id",
        ),
        (
            _set(f"conference.{MEGABYTE}", 1),
            f"$.conference: unexpected key {QUOTED}",
        ),
        (
            _set("version", MEGABYTE),
            f"$.version: expected 1, found {QUOTED}",
        ),
    ],
)
def test_messages_stay_short_for_megabyte_values(
    doc: dict[str, Any], mutate: Mutation, expected: str
) -> None:
    mutate(doc)
    message = message_for(doc)
    assert message.startswith(expected)
    assert len(message) < 400
    assert "\n" not in message
    assert "\u202e" not in message  # bidi controls are shown escaped, never applied


def test_a_megabyte_duplicate_key_is_not_echoed() -> None:
    key = "k" * 1_000_000
    message = message_for_text(f'{{"{key}": 1, "{key}": 2}}')
    assert message == f"not valid JSON: the key '{'k' * 40}'… appears twice in one object"


def test_a_keyword_without_its_own_wording_still_names_the_path() -> None:
    error = ValidationError(
        "3 is not a multiple of 2", validator="multipleOf", path=["agenda", 0, "key"], instance=3
    )
    assert _describe(error) == "$.agenda[0].key: does not satisfy the schema keyword 'multipleOf'"


def test_a_mode_on_an_event_that_is_not_an_arrival_is_refused(doc: dict[str, Any]) -> None:
    doc["participants"][2]["attendance"].append(
        {"id": ident(33), "kind": "left", "at": "2026-11-20T11:30:00.000000Z", "mode": "video"}
    )
    assert message_for(doc) == (
        "$.participants[2].attendance[2].mode: Layla Haddad's leaving at "
        "2026-11-20T11:30:00.000000Z gives the attendance mode 'video', but only being "
        "present or arriving has a mode"
    )
    doc["participants"][2]["attendance"][2]["kind"] = "arrived"  # arriving by video
    record = parse_document(json.dumps(doc))
    assert record.participants[2].attendance[2].mode == "video"


def test_messages_carry_no_traceback(doc: dict[str, Any]) -> None:
    doc["children"][0]["date_of_birth"] = "2026-02-30"
    with pytest.raises(DocumentError) as caught:
        parse_document(json.dumps(doc))
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__ or caught.value.__context__ is None
    assert "Traceback" not in str(caught.value)


# --- the administrator's guide stays true -----------------------------------------------

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "conference-document.md"


def test_the_guide_example_imports() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    example = text.split("## A short example", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    record = parse_document(example)
    assert record.conference.reference == "CPC-2026-0042"
    assert record.decisions[0].views[0].view == "plan"


@pytest.mark.parametrize("name", DEFINITIONS)
def test_the_guide_names_every_field(name: str) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    missing = [f.name for f in fields(DEFINITIONS[name]) if f"`{f.name}`" not in text]
    assert missing == []
