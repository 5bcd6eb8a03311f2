"""A realistic, entirely fictional sample for ``cpc-desktop demo``.

The content is data in ``cpc_desktop/resources/demo`` (its README describes the files):
the main sample, a concluded initial conference for three siblings with a full agenda,
minutes, attendance and a decision for each child, then two smaller scheduled
conferences. Building reads those files and nothing else (no clock, no randomness):
dates follow from ``today`` and ids from :data:`NAMESPACE` and stable keys, so the same
``today`` gives equal records. Every name, place, telephone number (Ofcom's drama range)
and e-mail address (``example.org``) is invented.
"""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable

from cpc_desktop.domain.calendar import WorkingCalendar
from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.services.demo.dates import demo_calendar, month_day
from cpc_desktop.services.demo.reader import DemoDataError, read
from cpc_desktop.services.demo.records import NAMESPACE, build_record

__all__ = [
    "NAMESPACE",
    "DemoDataError",
    "build_demo_record",
    "build_demo_records",
    "load_demo_records",
    "sample_calendar",
]

_INDEX = "demo.json"


def _folder() -> Traversable:
    return files("cpc_desktop") / "resources" / "demo"


def _index(folder: Traversable, today: date) -> tuple[WorkingCalendar, tuple[str, ...]]:
    index = read(folder, _INDEX, "index")
    calendar = demo_calendar(index.each("closed_days", month_day), today)
    return calendar, tuple(index.get("conferences"))


def load_demo_records(
    folder: Traversable, today: date, author: str, *, first_only: bool = False
) -> tuple[ConferenceRecord, ...]:
    """The sample conferences ``folder`` holds (only the first if ``first_only``)."""
    calendar, names = _index(folder, today)
    return tuple(
        build_record(read(folder, name, "sample"), today, author, calendar)
        for name in names[: 1 if first_only else None]
    )


def sample_calendar(today: date) -> WorkingCalendar:
    """The working days the shipped sample counts, around ``today``."""
    return _index(_folder(), today)[0]


def build_demo_record(today: date, author: str = "Demo Chair") -> ConferenceRecord:
    """The main sample: a concluded initial conference for three siblings.

    ``author`` is used as the independent chair's name, so whoever creates the demo store
    sees themselves in the chair. The conference was held two working days before
    ``today``.
    """
    return load_demo_records(_folder(), today, author, first_only=True)[0]


def build_demo_records(today: date, author: str = "Demo Chair") -> tuple[ConferenceRecord, ...]:
    """The main sample followed by a scheduled review and a scheduled pre-birth conference."""
    return load_demo_records(_folder(), today, author)
