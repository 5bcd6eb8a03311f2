"""The conference document in the domain: record <-> dict, canonical text, references."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from cpc_desktop.domain.conference import Child, Conference, ConferenceRecord
from cpc_desktop.domain.document import (
    FORMAT,
    VERSION,
    DocumentProblem,
    check_references,
    dumps,
    format_instant,
    from_document,
    parse_instant,
    to_document,
)
from cpc_desktop.domain.enums import ConferenceStatus, ConferenceType
from tests.strategies import example_record, records

PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def ident(number: int) -> str:
    return str(uuid.UUID(int=number))


@pytest.fixture
def doc() -> dict[str, Any]:
    return to_document(example_record())


# --- round trips ------------------------------------------------------------------------


@PROPERTY
@given(records())
def test_generated_records_round_trip_exactly(record: ConferenceRecord) -> None:
    document = to_document(record)
    assert from_document(document) == record
    assert to_document(from_document(document)) == document
    text = dumps(document)
    assert json.loads(text) == document
    assert dumps(json.loads(text)) == text
    assert check_references(document) == ()


def test_every_key_is_written_in_field_order(doc: dict[str, Any]) -> None:
    record = example_record()
    assert list(doc) == ["format", "version"] + [f.name for f in fields(ConferenceRecord)]
    assert (doc["format"], doc["version"]) == (FORMAT, VERSION)

    def same_keys(value: object, data: Any) -> None:
        if is_dataclass(value):
            assert list(data) == [f.name for f in fields(value)]
            for f in fields(value):
                same_keys(getattr(value, f.name), data[f.name])
        elif isinstance(value, tuple):
            for item, item_data in zip(value, data, strict=True):
                same_keys(item, item_data)

    same_keys(record, {key: doc[key] for key in doc if key not in ("format", "version")})
    # Absent values are written as null, never left out.
    assert doc["conference"]["transfer_notice_date"] is None
    assert doc["minutes"][0]["speaker_id"] is None


def test_absent_keys_take_the_model_defaults() -> None:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "conference": {
            "id": ident(1),
            "reference": "R1",
            "type": "review",
            "status": "scheduled",
            "date": "2026-03-01",
        },
    }
    record = from_document(document)
    assert record == ConferenceRecord(
        Conference(
            ident(1), "R1", ConferenceType.REVIEW, ConferenceStatus.SCHEDULED, date(2026, 3, 1)
        )
    )
    written = to_document(record)
    assert written["conference"]["profile"] == "england"
    assert written["conference"]["start_time"] is None
    assert written["children"] == []


def test_a_document_without_the_workspace_keys_still_reads() -> None:
    document = to_document(example_record())
    for key in ("actions", "scaling"):
        del document[key]
    for item in document["agenda"]:
        del item["not_obtained_reason"]
    for entry in document["minutes"]:
        del entry["section"]
    record = from_document(document)
    assert record.actions == record.scaling == ()
    assert {item.not_obtained_reason for item in record.agenda} == {None}
    assert {entry.section for entry in record.minutes} == {None}
    written = to_document(record)
    assert written["actions"] == written["scaling"] == []
    assert written["minutes"][0]["section"] is None


def test_nested_defaults_and_nulls() -> None:
    record = from_document(
        {
            "conference": to_document(example_record())["conference"],
            "children": [{"id": ident(10), "given_name": "A", "family_name": "B"}],
            "participants": [
                {"id": ident(20), "name": "P", "role": "parent", "report_received": None}
            ],
        }
    )
    assert record.children == (Child(ident(10), "A", "B"),)
    assert record.participants[0].attendance == ()
    assert record.participants[0].report_received is None


# --- canonical forms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T10:04:05Z", datetime(2026, 11, 20, 10, 4, 5, tzinfo=UTC)),
        ("2026-11-20T10:04:05.1Z", datetime(2026, 11, 20, 10, 4, 5, 100000, tzinfo=UTC)),
        ("2026-11-20T10:04:05.000123Z", datetime(2026, 11, 20, 10, 4, 5, 123, tzinfo=UTC)),
    ],
)
def test_instants_read_any_precision_and_write_microseconds(text: str, expected: datetime) -> None:
    value = parse_instant(text)
    assert value == expected
    assert value.utcoffset() == timedelta(0)
    assert format_instant(value) == expected.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def test_instants_are_written_in_utc_with_a_fixed_width() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert format_instant(datetime(2026, 6, 1, 12, 0, tzinfo=plus_two)) == (
        "2026-06-01T10:00:00.000000Z"
    )
    assert format_instant(datetime(5, 1, 1, tzinfo=UTC)) == "0005-01-01T00:00:00.000000Z"


def test_a_naive_instant_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        format_instant(datetime(2026, 6, 1, 12, 0))


def test_start_time_is_kept_to_the_minute() -> None:
    record = example_record()
    with_seconds = replace(
        record, conference=replace(record.conference, start_time=time(9, 5, 59, 7))
    )
    assert to_document(with_seconds)["conference"]["start_time"] == "09:05"
    assert from_document(to_document(with_seconds)).conference.start_time == time(9, 5)


def test_dumps_is_canonical_text(doc: dict[str, Any]) -> None:
    text = dumps(doc)
    assert text.endswith("}\n")
    assert text.startswith('{\n  "format": "cpc-conference",\n  "version": 1,\n')
    shuffled = {key: doc[key] for key in reversed(list(doc))}
    shuffled["conference"] = dict(reversed(list(doc["conference"].items())))
    shuffled["participants"][2]["attendance"][1] = dict(
        reversed(list(doc["participants"][2]["attendance"][1].items()))
    )
    assert dumps(shuffled) == text


def test_dumps_keeps_text_as_written_and_unknown_keys_last(doc: dict[str, Any]) -> None:
    doc["children"][0]["given_name"] = "أميرة \u202e 👩\u200d👧 e\u0301 \x00"
    doc["children"][0] = {"zz_extra": 1, **doc["children"][0]}
    text = dumps(doc)
    assert "أميرة \u202e 👩\u200d👧 e\u0301 \\u0000" in text
    assert list(json.loads(text)["children"][0])[-1] == "zz_extra"


def test_dumps_refuses_nan(doc: dict[str, Any]) -> None:
    doc["conference"]["review_number"] = float("nan")
    with pytest.raises(ValueError, match="JSON compliant"):
        dumps(doc)


# --- references -------------------------------------------------------------------------


def test_a_consistent_document_has_no_problems(doc: dict[str, Any]) -> None:
    assert check_references(doc) == ()


def test_sections_may_be_absent() -> None:
    assert check_references({"conference": {"id": ident(1)}}) == ()


Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: object) -> Mutation:
    """Set the value at a simple path such as ``minutes.1.speaker_id``."""

    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return mutate


UNKNOWN = ident(999)

PROBLEMS: list[tuple[str, Mutation, DocumentProblem]] = [
    (
        "duplicate id across sections",
        _set("participants.1.attendance.0.id", ident(10)),
        DocumentProblem(
            "$.participants[1].attendance[0].id", "duplicate id, first used at $.children[0].id"
        ),
    ),
    (
        "duplicate id in a nested list",
        _set("decisions.0.actions.0.id", ident(61)),
        DocumentProblem(
            "$.decisions[0].actions[0].id", "duplicate id, first used at $.decisions[0].views[0].id"
        ),
    ),
    (
        "unknown agenda item",
        _set("minutes.1.agenda_item_id", UNKNOWN),
        DocumentProblem("$.minutes[1].agenda_item_id", f"no agenda item has the id {UNKNOWN}"),
    ),
    (
        "unknown speaker",
        _set("minutes.0.speaker_id", UNKNOWN),
        DocumentProblem("$.minutes[0].speaker_id", f"no participant has the id {UNKNOWN}"),
    ),
    (
        "unknown child",
        _set("decisions.0.child_id", UNKNOWN),
        DocumentProblem("$.decisions[0].child_id", f"no child has the id {UNKNOWN}"),
    ),
    (
        "unknown lead social worker",
        _set("decisions.0.lead_social_worker_id", UNKNOWN),
        DocumentProblem(
            "$.decisions[0].lead_social_worker_id", f"no participant has the id {UNKNOWN}"
        ),
    ),
    (
        "unknown core group member",
        _set("decisions.0.core_group.1", UNKNOWN),
        DocumentProblem("$.decisions[0].core_group[1]", f"no participant has the id {UNKNOWN}"),
    ),
    (
        "view by an unknown participant",
        _set("decisions.0.views.1.participant_id", UNKNOWN),
        DocumentProblem(
            "$.decisions[0].views[1].participant_id", f"no participant has the id {UNKNOWN}"
        ),
    ),
    (
        "dissent by an unknown participant",
        _set("decisions.0.dissents.0.participant_id", UNKNOWN),
        DocumentProblem(
            "$.decisions[0].dissents[0].participant_id", f"no participant has the id {UNKNOWN}"
        ),
    ),
    (
        "attendance ending before it starts",
        _set("participants.2.attendance.1.until", "2026-11-20T10:39:59.999999Z"),
        DocumentProblem("$.participants[2].attendance[1].until", "ends before it starts (at)"),
    ),
    (
        "an entry's change ending before it starts",
        _set(
            "minutes.0.changes",
            [["2026-11-20T10:40:00.000000Z", "2026-11-20T10:39:59.999999Z"]],
        ),
        DocumentProblem("$.minutes[0].changes[0]", "ends before it starts"),
    ),
    (
        "an entry shown to an unknown participant",
        _set("minutes.0.shown_to", [UNKNOWN]),
        DocumentProblem("$.minutes[0].shown_to[0]", f"no participant has the id {UNKNOWN}"),
    ),
    (
        "a person related to an unknown child",
        _set("participants.2.child_ids", [UNKNOWN]),
        DocumentProblem("$.participants[2].child_ids[0]", f"no child has the id {UNKNOWN}"),
    ),
    (
        "details withheld from an unknown participant",
        _set("participants.2.withhold_from", [UNKNOWN]),
        DocumentProblem(
            "$.participants[2].withhold_from[0]", f"no participant has the id {UNKNOWN}"
        ),
    ),
    (
        "exclusion without grounds",
        _set("participants.2.attendance.1.grounds", None),
        DocumentProblem(
            "$.participants[2].attendance[1].grounds", "an exclusion must record its grounds"
        ),
    ),
    (
        "an exclusion given an attendance mode",
        _set("participants.2.attendance.1.mode", "video"),
        DocumentProblem(
            "$.participants[2].attendance[1].mode",
            "Layla Haddad's exclusion at 2026-11-20T10:40:00.000000Z gives the attendance mode "
            "'video', but only being present or arriving has a mode",
        ),
    ),
    (
        "minutes version superseding an unknown version",
        _set("minutes_versions.1.supersedes_id", UNKNOWN),
        DocumentProblem(
            "$.minutes_versions[1].supersedes_id", f"no minutes version has the id {UNKNOWN}"
        ),
    ),
    (
        "minutes version superseding itself",
        _set("minutes_versions.1.supersedes_id", ident(71)),
        DocumentProblem("$.minutes_versions[1].supersedes_id", "a version cannot supersede itself"),
    ),
    (
        "letter to an unknown participant",
        _set("letters.0.recipient_id", UNKNOWN),
        DocumentProblem("$.letters[0].recipient_id", f"no participant has the id {UNKNOWN}"),
    ),
    (
        "distribution to an unknown participant",
        _set("distributions.0.participant_id", UNKNOWN),
        DocumentProblem(
            "$.distributions[0].participant_id", f"no participant has the id {UNKNOWN}"
        ),
    ),
    (
        "distribution of an unknown minutes version",
        _set("distributions.0.minutes_version_id", UNKNOWN),
        DocumentProblem(
            "$.distributions[0].minutes_version_id", f"no minutes version has the id {UNKNOWN}"
        ),
    ),
    (
        "distribution of an unknown letter",
        _set("distributions.0.letter_id", UNKNOWN),
        DocumentProblem("$.distributions[0].letter_id", f"no letter has the id {UNKNOWN}"),
    ),
    (
        "action from an unknown minute entry",
        _set("actions.0.minute_entry_id", UNKNOWN),
        DocumentProblem("$.actions[0].minute_entry_id", f"no minute entry has the id {UNKNOWN}"),
    ),
    (
        "safety scale of an unknown participant",
        _set("scaling.1.participant_id", UNKNOWN),
        DocumentProblem("$.scaling[1].participant_id", f"no participant has the id {UNKNOWN}"),
    ),
    (
        "two safety scales for one participant",
        _set("scaling.1.participant_id", ident(21)),
        DocumentProblem(
            "$.scaling[1].participant_id",
            "this participant already has a safety scale at $.scaling[0]",
        ),
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [pytest.param(mutate, expected, id=name) for name, mutate, expected in PROBLEMS],
)
def test_each_reference_problem_names_its_path(
    doc: dict[str, Any], mutate: Mutation, expected: DocumentProblem
) -> None:
    mutate(doc)
    assert check_references(doc) == (expected,)


@pytest.mark.parametrize(
    ("kind", "words"),
    [("apologies", "apologies"), ("absent", "absence"), ("left", "leaving")],
)
def test_only_an_arrival_has_an_attendance_mode(doc: dict[str, Any], kind: str, words: str) -> None:
    event = doc["participants"][1]["attendance"][0]
    event["mode"] = "phone"
    assert check_references(doc) == ()  # present, by phone
    event["kind"] = "arrived"
    assert check_references(doc) == ()
    event["kind"] = kind
    assert check_references(doc) == (
        DocumentProblem(
            "$.participants[1].attendance[0].mode",
            f"Sam Worker's {words} at 2026-11-20T10:00:00.000000Z gives the attendance mode "
            "'phone', but only being present or arriving has a mode",
        ),
    )


def test_two_decisions_for_one_child(doc: dict[str, Any]) -> None:
    second = copy.deepcopy(doc["decisions"][0])
    second["id"] = ident(65)
    second["views"] = second["dissents"] = second["actions"] = []
    doc["decisions"].append(second)
    assert check_references(doc) == (
        DocumentProblem(
            "$.decisions[1].child_id", "this child already has a decision at $.decisions[0]"
        ),
    )


def test_attendance_may_end_when_it_starts_and_instants_compare_by_time(
    doc: dict[str, Any],
) -> None:
    event = doc["participants"][2]["attendance"][1]
    event["at"] = "2026-11-20T10:40:00.5Z"
    event["until"] = "2026-11-20T10:40:00.500000Z"
    assert check_references(doc) == ()


def test_problems_are_all_reported(doc: dict[str, Any]) -> None:
    doc["minutes"][0]["speaker_id"] = UNKNOWN
    doc["minutes"][1]["speaker_id"] = UNKNOWN
    doc["letters"][0]["id"] = ident(1)
    assert [problem.path for problem in check_references(doc)] == [
        "$.letters[0].id",
        "$.minutes[0].speaker_id",
        "$.minutes[1].speaker_id",
        "$.distributions[0].letter_id",
    ]


def test_a_one_megabyte_minute_round_trips() -> None:
    record = example_record()
    long_entry = replace(record.minutes[0], text="ש" * 1_000_000)
    record = replace(record, minutes=(long_entry,))
    document = to_document(record)
    assert len(document["minutes"][0]["text"]) == 1_000_000
    assert from_document(json.loads(dumps(document))) == record
