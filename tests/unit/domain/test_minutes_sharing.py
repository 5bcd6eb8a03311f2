"""Text the chair chooses to share, per item: agency view reasons, dissent reasons, an
exclusion's grounds and note, and the reasons for delay and for going ahead without a
quorum print in family copies only when the item's flag says so (disclosure.md: the
allow-list starts closed); an exclusion's grounds reach the excluded person's own copy
only when the chair also says so. Letters to the family carry none of this text.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AttendanceKind, CopyKind, ExclusionGround
from cpc_desktop.domain.labels import label
from cpc_desktop.domain.letters import LetterKind, LetterRequest, compose_letter
from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes
from cpc_desktop.domain.sides import family_side
from cpc_desktop.domain.terms import terms_of
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile
from tests.unit.domain.test_minutes_document import words

TODAY = date(2026, 11, 23)
ELSEWHERE = "Recorded in the professionals' copy."
GROUNDS = label(ExclusionGround.CONFIDENTIAL_INFORMATION)


def utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    return build_demo_records(TODAY)[0]


@pytest.fixture(scope="module")
def profile():
    return load_profile("england")


def person(record: d.ConferenceRecord, name: str) -> d.Participant:
    return next(p for p in record.participants if p.name == name)


def copies(record: d.ConferenceRecord, profile) -> dict[str | None, str]:
    """The words of every family copy: for each family-side person, and for anyone."""
    out: dict[str | None, str] = {}
    for who in [p.id for p in family_side(record)] + [None]:
        built = build_minutes(record, profile, MinutesCopy(CopyKind.FAMILY, who), local=utc)
        out[who] = words(built.document)
    return out


def full(record: d.ConferenceRecord, profile) -> str:
    return words(build_minutes(record, profile, local=utc).document)


def strings(value: object) -> list[str]:
    """Every string in ``value``, however deeply nested in tuples."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple | list):
        return [s for item in value for s in strings(item)]
    return []


def police_shared(record: d.ConferenceRecord, shared: bool) -> d.ConferenceRecord:
    police = person(record, "DC Neil Brannigan").id
    decisions = tuple(
        dataclasses.replace(
            decision,
            views=tuple(
                dataclasses.replace(v, shared_with_family=shared and v.participant_id == police)
                for v in decision.views
            ),
        )
        for decision in record.decisions
    )
    return dataclasses.replace(record, decisions=decisions)


def test_a_police_view_reason_goes_to_the_family_only_when_shared(demo, profile) -> None:
    police = person(demo, "DC Neil Brannigan").id
    reasons = [v.reason for dec in demo.decisions for v in dec.views if v.participant_id == police]
    others = [v.reason for dec in demo.decisions for v in dec.views if v.participant_id != police]
    assert reasons and others

    closed = police_shared(demo, False)
    for text in copies(closed, profile).values():
        assert not any(reason in text for reason in reasons + others)
        assert "Agency view\nRecommends\nWhy\n" not in text  # no reasons at all
        assert "Agency view\nRecommends\n" in text  # but every view
    assert all(reason in full(closed, profile) for reason in reasons + others)

    shared = police_shared(demo, True)
    for text in copies(shared, profile).values():
        assert all(reason in text for reason in reasons)
        assert not any(reason in text for reason in others)
        assert "Agency view\nRecommends\nWhy\n" in text
        assert ELSEWHERE in text  # where the others' reasons would be
    assert all(reason in full(shared, profile) for reason in reasons + others)


def test_a_shared_view_without_a_reason_prints_a_dash(demo, profile) -> None:
    decision = demo.decisions[0]
    views = (
        dataclasses.replace(decision.views[0], reason="", shared_with_family=True),
        dataclasses.replace(decision.views[1], reason=""),
        *decision.views[2:],
    )
    record = dataclasses.replace(
        demo, decisions=(dataclasses.replace(decision, views=views), *demo.decisions[1:])
    )
    text = copies(record, profile)[None]
    terms = terms_of(profile)
    assert f"\n{terms.view(views[0].view)}\n-\n" in text  # shared, but nothing to print
    assert f"\n{terms.view(views[1].view)}\n-\n" in text  # not shared, and nothing written
    assert ELSEWHERE in text  # the other views' reasons


def test_a_dissent_goes_to_the_family_only_when_shared(demo, profile) -> None:
    decision = next(dec for dec in demo.decisions if dec.dissents)
    reasons = decision.dissents[0].reasons
    for shared in (False, True):
        dissents = tuple(
            dataclasses.replace(x, shared_with_family=shared) for x in decision.dissents
        )
        record = dataclasses.replace(
            demo,
            decisions=tuple(
                dataclasses.replace(dec, dissents=dissents) if dec is decision else dec
                for dec in demo.decisions
            ),
        )
        for text in copies(record, profile).values():
            assert (reasons in text) is shared
            assert "Dissent from" in text
        assert reasons in full(record, profile)


def sharing_exclusion(record: d.ConferenceRecord, shared: bool, shown: bool) -> d.ConferenceRecord:
    def event(e: d.AttendanceEvent) -> d.AttendanceEvent:
        if e.kind is not AttendanceKind.EXCLUDED:
            return e
        return dataclasses.replace(e, shared_with_family=shared, shown_to_excluded=shown)

    people = tuple(
        dataclasses.replace(p, attendance=tuple(event(e) for e in p.attendance))
        for p in record.participants
    )
    return dataclasses.replace(record, participants=people)


@pytest.mark.parametrize(
    ("shared", "shown", "in_mothers", "in_fathers", "in_anyones"),
    [
        (False, False, False, False, False),
        (True, False, True, False, False),
        (True, True, True, True, True),
    ],
)
def test_exclusion_grounds_follow_the_chairs_choices(
    demo, profile, shared, shown, in_mothers, in_fathers, in_anyones
) -> None:
    record = sharing_exclusion(demo, shared, shown)
    father, mother = person(record, "Dean Harland"), person(record, "Justyna Harland")
    event = next(e for e in father.attendance if e.kind is AttendanceKind.EXCLUDED)
    assert event.note and event.grounds is ExclusionGround.CONFIDENTIAL_INFORMATION
    texts = copies(record, profile)
    for who, expected in ((mother.id, in_mothers), (father.id, in_fathers), (None, in_anyones)):
        text = texts[who]
        assert "Excluded " in text  # the fact and the times stay in every copy
        assert (event.note in text) is expected, who
        assert (GROUNDS in text) is expected, who
    text = full(record, profile)
    assert event.note in text and GROUNDS in text


def test_a_professionals_shared_grounds_reach_a_copy_for_anyone(demo, profile) -> None:
    """Only a family-side person's own grounds wait for ``shown_to_excluded``."""
    police = person(demo, "DC Neil Brannigan")
    at = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    excluded = d.AttendanceEvent(
        "ex-police",
        AttendanceKind.EXCLUDED,
        at,
        grounds=ExclusionGround.FAMILY_CONFLICT,
        note="Stepped out while the family spoke alone",
        shared_with_family=True,
    )
    people = tuple(
        dataclasses.replace(p, attendance=(*p.attendance, excluded)) if p is police else p
        for p in demo.participants
    )
    record = dataclasses.replace(demo, participants=people)
    for text in copies(record, profile).values():
        assert "Stepped out while the family spoke alone" in text
        assert label(ExclusionGround.FAMILY_CONFLICT) in text


def test_the_delay_and_quorum_reasons_go_to_the_family_only_when_shared(demo, profile) -> None:
    delay, quorum = "Awaiting the disclosure officer", "The risk of waiting was too great"
    for shared in (False, True):
        conference = dataclasses.replace(
            demo.conference,
            delay_reason=delay,
            quorum_reason=quorum,
            delay_reason_shared=shared,
            quorum_reason_shared=shared,
        )
        record = dataclasses.replace(demo, conference=conference)
        for text in copies(record, profile).values():
            assert (delay in text) is shared and (quorum in text) is shared
        assert delay in full(record, profile) and quorum in full(record, profile)
    both = dataclasses.replace(
        demo.conference, delay_reason=delay, quorum_reason=quorum, delay_reason_shared=True
    )
    text = copies(dataclasses.replace(demo, conference=both), profile)[None]
    assert delay in text and quorum not in text  # each reason has its own flag


def test_the_full_copy_says_what_family_copies_leave_out(demo, profile) -> None:
    text = full(demo, profile)
    assert "except where the chair shared them with the family" in text
    assert "own copy unless the chair chose to show them" in text


@pytest.mark.parametrize("shared", [False, True])
@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (LetterKind.PARENT, "Justyna Harland"),
        (LetterKind.EXCLUDED_PARENT, "Dean Harland"),
        (LetterKind.CHILD, "Kai Harland"),
    ],
)
def test_letters_to_the_family_carry_no_chosen_text(demo, profile, kind, name, shared) -> None:
    """Letters print the decision and its reasons (written for the family), never a
    view's or dissent's reasons, an exclusion's grounds or a reason for delay, shared
    or not: the minutes are where the chair's choices apply."""
    record = sharing_exclusion(police_shared(demo, shared), shared, shared)
    record = dataclasses.replace(
        record,
        conference=dataclasses.replace(
            record.conference,
            delay_reason="Awaiting the disclosure officer",
            quorum_reason="The risk of waiting was too great",
            delay_reason_shared=shared,
            quorum_reason_shared=shared,
        ),
        decisions=tuple(
            dataclasses.replace(
                dec,
                dissents=tuple(
                    dataclasses.replace(x, shared_with_family=shared) for x in dec.dissents
                ),
            )
            for dec in record.decisions
        ),
    )
    recipient = next((p.id for p in record.participants if p.name == name), None)
    request = LetterRequest(kind, recipient, name, ("1 High Street", "Fenbridge"))
    letter = compose_letter(record, profile, request, TODAY)
    text = "\n".join(strings(dataclasses.astuple(letter)))
    chosen = [
        record.conference.delay_reason,
        record.conference.quorum_reason,
        *(v.reason for dec in record.decisions for v in dec.views if v.reason),
        *(x.reasons for dec in record.decisions for x in dec.dissents),
        *(e.note for p in record.participants for e in p.attendance if e.grounds),
        GROUNDS,
    ]
    assert letter.paragraphs and all(chosen)
    for words_ in chosen:
        assert words_ not in text


def test_shown_follows_each_fields_readers(demo) -> None:
    """The one rule every call site goes through (domain/fields.py decides)."""
    from cpc_desktop.domain.minutes_document import _Writer

    family, whole = _Writer(demo, utc, family=True), _Writer(demo, utc)
    view = demo.decisions[0].views[0]
    assert family.shown("$.decisions[].reason", "For the family", None) == "For the family"
    assert family.shown("$.participants[].side_reason", "Professionals", None) is None
    assert whole.shown("$.participants[].side_reason", "Professionals", None) == "Professionals"
    assert family.shown("$.decisions[].views[].reason", "Why", view) is None
    shared = dataclasses.replace(view, shared_with_family=True)
    assert family.shown("$.decisions[].views[].reason", "Why", shared) == "Why"
