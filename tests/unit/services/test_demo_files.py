"""The sample files are checked as they are read: a fault names the file and the field."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import cpc_desktop
from cpc_desktop.services.demo import DemoDataError, build_demo_records, load_demo_records
from cpc_desktop.services.errors import ServiceError

SHIPPED = Path(cpc_desktop.__file__).parent / "resources" / "demo"
TODAY = date(2026, 3, 10)

Change = Callable[[Any], None]


def setting(*path: str | int, value: object) -> Change:
    def change(data: Any) -> None:
        for part in path[:-1]:
            data = data[part]
        data[path[-1]] = value

    return change


def removing(*path: str | int) -> Change:
    def change(data: Any) -> None:
        for part in path[:-1]:
            data = data[part]
        del data[path[-1]]

    return change


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "demo"
    shutil.copytree(SHIPPED, copy)
    return copy


def edit(folder: Path, name: str, change: Change) -> None:
    data = json.loads((folder / name).read_text(encoding="utf-8"))
    change(data)
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_an_unchanged_copy_gives_the_shipped_sample(folder: Path) -> None:
    assert load_demo_records(folder, TODAY, "Demo Chair") == build_demo_records(TODAY)
    assert load_demo_records(folder, TODAY, "Demo Chair", first_only=True) == (
        build_demo_records(TODAY)[0],
    )


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        # The shape, checked against resources/schema/demo.schema.json.
        (
            "harland.json",
            setting("participants", 3, "nmae", value="Gareth Lloyd"),
            "harland.json: participants[3]: Additional properties are not allowed "
            "('nmae' was unexpected)",
        ),
        (
            "harland.json",
            setting("participants", 2, "direct_contact", value="yes"),
            "harland.json: participants[2].direct_contact: 'yes' is not of type 'boolean'",
        ),
        (
            "harland.json",
            removing("conference", "venue"),
            "harland.json: conference: 'venue' is a required property",
        ),
        (
            "harland.json",
            setting("minutes", "entries", 0, "at", value="10.02"),
            "harland.json: minutes.entries[0].at: '10.02' does not match",
        ),
        (
            "demo.json",
            setting("conferences", value=[]),
            "demo.json: conferences: [] should be non-empty",
        ),
        # What a value means, checked as it is read.
        (
            "harland.json",
            setting("participants", 3, "role", value="profesional"),
            "harland.json: participants[3].role: 'profesional' is not one of: chair, ",
        ),
        (
            "marsh.json",
            setting("conference", "mode", value="online"),
            "marsh.json: conference.mode: 'online' is not one of: in_person, remote, hybrid",
        ),
        (
            "harland.json",
            setting("dates", "review", value="conference + 3 months"),
            "harland.json: dates.review: 'conference + 3 months' is not a date",
        ),
        (
            "harland.json",
            setting("conference", "strategy_discussion_date", value="conferance -14 working days"),
            "harland.json: conference.strategy_discussion_date: unknown date 'conferance'",
        ),
        (
            "harland.json",
            setting("dates", "today", value="today -1 day"),
            "harland.json: dates.today: a date of that name is already defined",
        ),
        (
            "harland.json",
            setting("minutes", "entries", 0, "at", value="25:00"),
            "harland.json: minutes.entries[0].at: hour must be in 0..23",
        ),
        (
            "harland.json",
            setting("decisions", 0, "views", 1, "participant", value="nobody"),
            "harland.json: decisions[0].views[1].participant: no participant has the key 'nobody'",
        ),
        (
            "harland.json",
            setting("minutes", "entries", 4, "item", value="nowhere"),
            "harland.json: minutes.entries[4].item: no agenda item has the key 'nowhere'",
        ),
        (
            "harland.json",
            setting("participants", 1, "key", value="chair"),
            "harland.json: participants[1].key: 'chair' is given twice",
        ),
        (
            "harland.json",
            setting("minutes", "entries", 40, "text", value="Next on {revue:long}."),
            "harland.json: minutes.entries[40].text: unknown placeholder {revue:long}",
        ),
        (
            "demo.json",
            setting("closed_days", 0, value="02-30"),
            "demo.json: closed_days[0]: day is out of range for month",
        ),
        (
            "demo.json",
            setting("conferences", value=["harland.json", "nosuch.json"]),
            "nosuch.json: cannot be read (No such file or directory)",
        ),
    ],
)
def test_a_fault_names_the_file_and_the_field(
    folder: Path, name: str, change: Change, message: str
) -> None:
    edit(folder, name, change)
    with pytest.raises(DemoDataError) as caught:
        load_demo_records(folder, TODAY, "Demo Chair")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ServiceError)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"key": "harland",', "harland.json: not JSON: Expecting property name"),
        (
            '{"key": "harland", "key": "x"}',
            "harland.json: not JSON: the field 'key' is given twice",
        ),
        ("[]", "harland.json: top level: [] is not of type 'object'"),
    ],
)
def test_a_file_that_is_not_a_json_object_is_refused(folder: Path, text: str, message: str) -> None:
    (folder / "harland.json").write_text(text, encoding="utf-8")
    with pytest.raises(DemoDataError, match="^" + re.escape(message)):
        load_demo_records(folder, TODAY, "Demo Chair")
