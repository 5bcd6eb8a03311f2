"""A realistic, entirely fictional sample for ``cpc-desktop demo``.

The content is data in ``cpc_desktop/resources/demo`` (its README describes the files):
the main sample, a concluded initial conference for three siblings with a full agenda,
minutes, attendance and a decision for each child; two smaller scheduled conferences;
and last the review made from the main sample's plan (some actions judged, a safety
scale given). Building reads those files and nothing else (no clock, no randomness):
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
from cpc_desktop.services.demo.records import NAMESPACE, build_record, build_records

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
    if first_only:
        return (build_record(read(folder, names[0], "sample"), today, author, calendar),)
    built = [build_records(read(folder, name, "sample"), today, author, calendar) for name in names]
    # Each file's conference in the index's order, then the reviews made from them.
    return tuple(made[0] for made in built) + tuple(r for made in built for r in made[1:])


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
    """The main sample, a scheduled review (of a plan made elsewhere), a scheduled
    pre-birth conference, then the review made from the main sample's plan."""
    return load_demo_records(_folder(), today, author)
