"""Each field's rule is declared once (domain/fields.py) and the schema says the same."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from cpc_desktop.domain.fields import FIELDS, FieldRule, Readers, record_problems, rule, values_at
from tests.strategies import example_record

SCHEMA: dict[str, Any] = json.loads(
    resources.files("cpc_desktop").joinpath("resources/schema/conference.schema.json").read_text()
)
LIMITS = ("minLength", "maxLength", "minimum", "maximum")
# The schema's shapes that are not typed by a person: ids, dates, times and digests.
SHAPED = {"id", "date", "instant", "time", "SHA-256 digest"}


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        rest = {k: v for k, v in node.items() if k != "$ref"}
        node = {**SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]], **rest}
    return node


def leaves(node: dict[str, Any], path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every field of the document with its schema, by its place (indexes left out)."""
    node = resolve(node)
    if "properties" in node:
        for key, child in node["properties"].items():
            yield from leaves(child, f"{path}.{key}")
    elif node.get("type") == "array":
        yield from leaves(node["items"], f"{path}[]")
    else:
        yield path, node


SCHEMA_FIELDS = dict(leaves(SCHEMA))


def declared_limits(field_rule: FieldRule) -> dict[str, int]:
    found = {
        "maxLength": field_rule.max_length,
        "minLength": field_rule.min_length or None,
        "minimum": field_rule.minimum,
        "maximum": field_rule.maximum,
    }
    return {key: value for key, value in found.items() if value is not None}


@pytest.mark.parametrize("path", sorted(FIELDS))
def test_the_schema_holds_each_declared_field_to_the_same_limits(path: str) -> None:
    assert path in SCHEMA_FIELDS, f"{path} is not a field of the document"
    node = SCHEMA_FIELDS[path]
    in_schema = {key: node[key] for key in LIMITS if key in node}
    assert in_schema == declared_limits(FIELDS[path])


def test_every_limit_in_the_schema_is_declared() -> None:
    limited = {
        path
        for path, node in SCHEMA_FIELDS.items()
        if any(key in node for key in LIMITS) and node.get("title") not in SHAPED
    }
    assert limited - set(FIELDS) == set()


def test_every_free_text_field_says_who_reads_it() -> None:
    free_text = {
        path
        for path, node in SCHEMA_FIELDS.items()
        if "string" in node.get("type", ())
        and not {"pattern", "enum", "maxLength"} & set(node)
        and path not in ("$.format",)
    }
    assert free_text, "the schema has free text"
    for path in free_text:
        assert path in FIELDS and FIELDS[path].readers is not None, path
    for path, field_rule in FIELDS.items():
        if field_rule.readers not in (None, Readers.SELF):  # private details have limits
            assert path in free_text, f"{path} says who reads it but is not free text"


def test_what_the_professional_side_alone_reads() -> None:
    # An appeal's details and outcome are the professional record of what followed the
    # conference: no family copy of the minutes prints them.
    assert {p for p, r in FIELDS.items() if r.readers is Readers.PROFESSIONALS} == {
        "$.participants[].side_reason",
        "$.appeals[].details",
        "$.appeals[].outcome_note",
        # A transfer-in's contact details, the chair's words on an adjournment and the
        # consultation behind an administrative ending (issue 20) stay on the full copy.
        "$.conference.transfer_contact_details",
        "$.conference.adjourn_reason",
        "$.decisions[].ending_note",
        # What a complaint says and how it ended, and what a correction disputes and asks
        # (issue 20): records about the conference, printed in no copy.
        "$.complaints[].details",
        "$.complaints[].outcome_note",
        "$.corrections[].disputed",
        "$.corrections[].asked",
    }


def test_what_the_chair_may_share_with_the_family_and_its_flag() -> None:
    chosen = {p: r.shared_by for p, r in FIELDS.items() if r.readers is Readers.CHOSEN}
    assert chosen == {
        "$.conference.delay_reason": "delay_reason_shared",
        "$.conference.quorum_reason": "quorum_reason_shared",
        "$.participants[].attendance[].note": "shared_with_family",
        "$.decisions[].views[].reason": "shared_with_family",
        "$.decisions[].dissents[].reasons": "shared_with_family",
    }
    for path, flag in chosen.items():
        owner = path.rsplit(".", 1)[0]
        assert SCHEMA_FIELDS[f"{owner}.{flag}"]["type"] == "boolean", path
    assert all(r.shared_by is None for r in FIELDS.values() if r.readers is not Readers.CHOSEN)


def test_private_details_are_for_the_person_and_professionals() -> None:
    assert {p for p, r in FIELDS.items() if r.readers is Readers.SELF} == {
        "$.participants[].address",
        "$.participants[].telephone",
        "$.participants[].email",
        "$.participants[].school_or_workplace",
    }


@pytest.mark.parametrize("path", sorted(FIELDS))
def test_every_declared_place_is_found_in_a_full_record(path: str) -> None:
    places = list(values_at(example_record(), path))
    assert places, f"the example record has nothing at {path}"
    for place, _ in places:
        assert place.replace("[", "[#").count("[#") == path.count("[]")


def test_limits() -> None:
    name = rule("$.participants[].name")
    assert name.problem("x" * 200) is None
    assert name.problem("x" * 201) == "is too long (201 characters; at most 200)"
    assert name.problem(None) is None
    assert name.blank == "a participant needs a name"
    assert rule("$.agenda[].key").problem("") == "must not be empty"
    score = rule("$.scaling[].score")
    assert [score.problem(n) for n in (-1, 0, 10, 11)] == [
        "must be at least 0",
        None,
        None,
        "must be at most 10",
    ]
    assert score.problem(True) is None  # not a number: the schema's type check says so
    assert rule("$.conference.venue").problem("x" * 100_000) is None


def test_a_record_past_a_limit_names_each_place() -> None:
    record = example_record()
    people = list(record.participants)
    people[1] = dataclasses.replace(people[1], name="N" * 201, agency="A" * 300)
    problems = record_problems(dataclasses.replace(record, participants=tuple(people)))
    assert problems == (
        ("$.participants[1].name", "is too long (201 characters; at most 200)"),
        ("$.participants[1].agency", "is too long (300 characters; at most 200)"),
    )
    assert record_problems(record) == ()
