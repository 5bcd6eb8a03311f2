"""The sample's review (issue 20): made from the main sample's plan as New review… makes
one, with some actions judged and safety scales given, so a new user sees Plan progress;
a fault in the file's ``review`` names the file and the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import ActionStatus, ConferenceStatus, ConferenceType
from cpc_desktop.domain.plan_review import progress, scale_series
from cpc_desktop.services.demo import DemoDataError, build_demo_records, load_demo_records
from cpc_desktop.services.errors import Conflict
from cpc_desktop.services.session import Session
from tests.helpers.meeting import CHAIR
from tests.helpers.stores import TickingClock, new_store
from tests.unit.services.test_demo_files import TODAY, edit, folder, setting

__all__ = ["folder"]  # the fixture, used by name


def shape(record: d.ConferenceRecord) -> dict[str, Any]:
    """What a review is, leaving out its ids and what the chair judges later."""
    names = {p.id: p.name for p in record.participants}
    return {
        "conference": (
            record.conference.type,
            record.conference.status,
            record.conference.date,
            record.conference.review_number,
            record.conference.previous_conference_id,
            record.conference.plan_id,
        ),
        "children": [(c.given_name, c.family_name) for c in record.children],
        "people": [(p.name, p.role, p.attendance) for p in record.participants],
        "agenda": [item.key for item in record.agenda],
        "plans": [
            (
                plan.categories,
                names.get(plan.lead_social_worker_id or ""),
                [names[i] for i in plan.core_group],
                [(a.owner, a.action, a.due_date) for a in plan.actions],
            )
            for plan in record.plans
        ],
    }


def test_the_review_is_what_new_review_makes_of_the_main_sample(tmp_path: Path) -> None:
    main, *_, review = build_demo_records(TODAY)
    store = new_store(tmp_path)
    session = Session(store, CHAIR, TickingClock())
    session.conferences.import_record(main)
    made = session.conferences.get(session.reviews.new_review(main.conference.reference).reference)
    assert shape(review) == shape(made)
    assert review.conference.type is ConferenceType.REVIEW
    assert review.conference.status is ConferenceStatus.SCHEDULED
    assert review.conference.previous_conference_id == main.conference.id
    assert review.conference.reference == f"CPC-{review.conference.date.year}-0004"
    store.close()


def test_some_actions_are_judged_and_scales_given_so_plan_progress_shows(
    tmp_path: Path,
) -> None:
    records = build_demo_records(TODAY)
    review = records[-1]
    lines = progress(review)
    assert [(line.child.given_name, line.action.status) for line in lines] == [
        ("Lily", ActionStatus.DONE),
        ("Lily", ActionStatus.UNDER_WAY),
        ("Lily", None),
        ("Lily", ActionStatus.BEHIND),
        ("Theo", ActionStatus.DONE),
        ("Theo", ActionStatus.UNDER_WAY),
        ("Theo", None),
        ("Theo", None),
        ("Theo", None),
    ]
    assert [name for name, _ in scale_series(review)] == [
        "Amira Hussain (Children's Social Care)",
        "Claire Munro (Health Visiting Service)",
    ]
    # In a store with the rest of the sample: the main sample is reviewed already.
    store = new_store(tmp_path)
    session = Session(store, CHAIR, TickingClock())
    for record in records:
        session.conferences.import_record(record)
    main = records[0].conference.reference
    with pytest.raises(Conflict, match=f"{main} is already reviewed by CPC-"):
        session.reviews.new_review(main)
    stored = session.conferences.get(review.conference.reference)
    assert progress(stored) == lines and stored.scaling == review.scaling
    store.close()


Change = Callable[[Any], None]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            setting("review", "judged", 0, "action", value=9),
            "harland.json: review.judged[0].action: the plan has no action 9",
        ),
        (
            setting("review", "judged", 0, "child", value="kai"),
            "harland.json: review.judged[0].child: 'kai' has no plan to review",
        ),
        (
            setting("review", "judged", 0, "child", value="nobody"),
            "harland.json: review.judged[0].child: no child has the key 'nobody'",
        ),
        (
            setting("review", "judged", 0, "status", value="green"),
            "harland.json: review.judged[0].status: 'green' is not one of: behind,",
        ),
        (
            setting("review", "scaling", 0, "participant", value="nobody"),
            "harland.json: review.scaling[0].participant: no participant has the key",
        ),
        (
            setting("review", "scaling", 0, "score", value=11),
            "harland.json: review.scaling[0].score: 11 is greater than the maximum of 10",
        ),
        (
            setting("conference", "status", value="scheduled"),
            "harland.json: review.reference: CPC-2026-0001 is not concluded yet",
        ),
    ],
)
def test_a_fault_in_the_review_names_the_file_and_the_field(
    folder: Path, change: Change, message: str
) -> None:
    edit(folder, "harland.json", change)
    with pytest.raises(DemoDataError) as caught:
        load_demo_records(folder, TODAY, "Demo Chair")
    assert str(caught.value).startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)


def test_without_a_review_the_file_gives_its_conference_alone(folder: Path) -> None:
    edit(folder, "harland.json", lambda data: data.pop("review"))
    assert load_demo_records(folder, TODAY, "Demo Chair") == build_demo_records(TODAY)[:3]
    assert date(2026, 3, 10) == TODAY
