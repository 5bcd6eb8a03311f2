"""The records kept about a conference in its document and its hand-over merge (issue 20):
complaints and correction requests are written only when there are some, checked against
the rest of the document, and a merge never drops them nor asks about them (the receiving
copy's value wins a field both sides changed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.approval import content_hash
from cpc_desktop.domain.document import check_references, from_document, to_document
from cpc_desktop.domain.enums import AppealGround, AppealOutcome, CorrectionRuling, MinutesState
from cpc_desktop.domain.merge import ChangeKind, UnitKey, apply_merge, plan_merge
from tests.strategies import example_record

RULED = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
UNKNOWN = "00000000-0000-0000-0000-000000000999"


def bare() -> d.ConferenceRecord:
    return replace(example_record(), complaints=(), corrections=())


def complaint(number: int, **changes: Any) -> d.Complaint:
    found = d.Complaint(
        f"00000000-0000-0000-0000-{number + 800:012d}",
        example_record().conference.id,
        date(2026, 11, 30),
        (AppealGround.PROCESS,),
    )
    return replace(found, **changes)


def refused(number: int, **changes: Any) -> d.CorrectionRequest:
    found = d.CorrectionRequest(
        f"00000000-0000-0000-0000-{number + 800:012d}",
        date(2026, 11, 28),
        "Jo Parent",
        "the entry",
        "change it",
        ruling=CorrectionRuling.REFUSED,
        reasons="the notes agree",
        ruled_at=RULED,
        ruled_by="Chair Person",
        statement="I disagree.",
    )
    return replace(found, **changes)


# --- the document ---------------------------------------------------------------------------


def test_empty_kept_sections_are_left_out_and_older_documents_read_as_before() -> None:
    doc = to_document(bare())
    assert "complaints" not in doc and "corrections" not in doc
    assert from_document(doc) == bare()
    full = to_document(example_record())
    assert list(full)[-2:] == ["complaints", "corrections"]
    assert from_document(full) == example_record()


def test_a_complaint_names_its_children_and_one_written_before_them_concerns_every_child() -> None:
    doc = to_document(example_record())
    assert doc["complaints"][0]["child_ids"] == ["00000000-0000-0000-0000-00000000000b"]
    del doc["complaints"][0]["child_ids"]  # as written before complaints named children
    assert check_references(doc) == ()
    (older,) = from_document(doc).complaints
    assert older == replace(example_record().complaints[0], child_ids=())


def test_kept_records_are_not_part_of_what_the_minutes_say() -> None:
    assert content_hash(example_record()) == content_hash(bare())


def problems(record: d.ConferenceRecord) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in check_references(to_document(record))]


def test_the_example_records_are_consistent() -> None:
    assert problems(example_record()) == []
    with_both = replace(bare(), complaints=(complaint(1, decided=date(2026, 12, 1)),))
    assert problems(with_both) == []


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        ({"conference_id": "00000000-0000-0000-0000-000000000999"}, "conference_id", "not this"),
        ({"complainant_id": "00000000-0000-0000-0000-000000000999"}, "complainant_id", "no "),
        ({"acknowledged": date(2026, 11, 1)}, "acknowledged", "is before"),
        ({"decided": date(2026, 11, 29)}, "decided", "is before"),
        (
            {"child_ids": ("00000000-0000-0000-0000-00000000000b", UNKNOWN)},
            "child_ids[1]",
            f"no child has the id {UNKNOWN}",
        ),
    ],
)
def test_a_complaint_at_odds_with_its_document(changes: Any, path: str, words: str) -> None:
    found = problems(replace(bare(), complaints=(complaint(1, **changes),)))
    assert len(found) == 1
    assert found[0][0] == f"$.complaints[0].{path}" and words in found[0][1]


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        ({"participant_id": "00000000-0000-0000-0000-000000000999"}, "participant_id", "no "),
        ({"version_id": "00000000-0000-0000-0000-000000000999"}, "version_id", "no minutes"),
        (
            {"correction_version_id": "00000000-0000-0000-0000-000000000999"},
            "correction_version_id",
            "no minutes",
        ),
        ({"ruled_by": None}, "ruling", "must say when"),
        ({"ruled_at": None}, "ruling", "must say when"),
        (
            {"ruling": CorrectionRuling.PENDING, "statement": "", "ruled_by": None},
            "ruling",
            "still waiting",
        ),
        ({"ruling": CorrectionRuling.ACCEPTED}, "statement", "refused or partly"),
    ],
)
def test_a_correction_request_at_odds_with_its_document(
    changes: Any, path: str, words: str
) -> None:
    found = problems(replace(bare(), corrections=(refused(1, **changes),)))
    assert len(found) == 1
    assert found[0][0] == f"$.corrections[0].{path}" and words in found[0][1]


def test_partly_accepted_may_carry_a_statement_and_pending_needs_no_stamps() -> None:
    partly = refused(1, ruling=CorrectionRuling.PARTLY)
    pending = refused(2, ruling=CorrectionRuling.PENDING, ruled_at=None, ruled_by=None)
    assert problems(replace(bare(), corrections=(partly, replace(pending, statement="")))) == []


# --- the hand-over merge --------------------------------------------------------------------


def merged(
    base: d.ConferenceRecord, mine: d.ConferenceRecord, theirs: d.ConferenceRecord
) -> d.ConferenceRecord:
    plan = plan_merge(base, mine, theirs)
    assert plan.conflicts == ()
    return apply_merge(plan, {})


def test_records_only_one_side_has_are_kept_and_never_removed() -> None:
    base = replace(bare(), complaints=(complaint(1),), corrections=(refused(5),))
    # Mine added complaint 2; theirs added complaint 3 and lacks what the base had.
    mine = replace(base, complaints=(complaint(1), complaint(2)))
    theirs = replace(base, complaints=(complaint(3),), corrections=())
    result = merged(base, mine, theirs)
    assert {c.id for c in result.complaints} == {complaint(n).id for n in (1, 2, 3)}
    assert result.corrections == (refused(5),)
    plan = plan_merge(base, mine, theirs)
    assert [(c.key.kind, c.kind) for c in plan.changes] == [("complaint", ChangeKind.ADDED)]
    # Gone from both copies since the base (the two copies agree): gone.
    gone = replace(base, complaints=(), corrections=())
    assert merged(base, gone, gone).complaints == ()


def test_the_receivers_ruling_wins_a_field_both_changed() -> None:
    pending = refused(5, ruling=CorrectionRuling.PENDING, ruled_at=None, ruled_by=None)
    pending = replace(pending, reasons="", statement="")
    base = replace(bare(), complaints=(complaint(1),), corrections=(pending,))
    mine = replace(
        base,
        corrections=(refused(5),),
        complaints=(complaint(1, outcome=AppealOutcome.UPHELD),),
    )
    theirs = replace(
        base,
        corrections=(refused(5, reasons="other reasons", statement="Something else."),),
        complaints=(complaint(1, acknowledged=date(2026, 12, 1)),),
    )
    result = merged(base, mine, theirs)
    assert result.corrections == (refused(5),)
    # Different fields changed on each side: both land.
    assert result.complaints == (
        complaint(1, outcome=AppealOutcome.UPHELD, acknowledged=date(2026, 12, 1)),
    )
    assert plan_merge(base, mine, theirs).conflicts == ()
    assert UnitKey("correction_request", refused(5).id) not in {
        c.key for c in plan_merge(base, mine, theirs).changes
    }


def test_a_record_added_on_both_sides_keeps_the_receivers_copy() -> None:
    base = bare()
    mine = replace(base, complaints=(complaint(1, details="mine"),))
    theirs = replace(base, complaints=(complaint(1, details="theirs"),))
    assert merged(base, mine, theirs).complaints == (complaint(1, details="mine"),)


def test_only_issued_minutes_can_be_disputed() -> None:
    record = example_record()
    unissued = tuple(replace(v, state=MinutesState.DRAFT) for v in record.minutes_versions)
    assert problems(replace(record, minutes_versions=unissued)) == [
        ("$.corrections", "only issued minutes can be disputed, and none are")
    ]
    assert problems(replace(bare(), minutes_versions=unissued)) == []


def test_a_ruling_is_taken_whole_from_one_side_never_pieced_together() -> None:
    pending = refused(5, ruling=CorrectionRuling.PENDING, ruled_at=None, ruled_by=None)
    pending = replace(pending, reasons="", statement="")
    base = replace(bare(), corrections=(pending,))
    # Here the chair refused without a statement; there, another chair refused with one.
    mine = replace(base, corrections=(refused(5, statement=""),))
    theirs = replace(base, corrections=(refused(5, ruled_by="Second Chair", statement="Not so."),))
    assert merged(base, mine, theirs).corrections == (refused(5, statement=""),)
    # Ruled only there: that ruling whole; a change here outside the ruling still lands.
    asked = replace(pending, asked="change it, please")
    here = replace(base, corrections=(asked,))
    assert merged(base, here, theirs).corrections == (
        refused(5, ruled_by="Second Chair", statement="Not so.", asked="change it, please"),
    )


def test_a_complaints_steps_are_each_taken_from_one_side() -> None:
    base = replace(bare(), complaints=(complaint(1),))
    day = date(2026, 12, 2)
    # Both acknowledged it (here without naming who handles it); only there did it end.
    mine = replace(base, complaints=(complaint(1, acknowledged=day),))
    there = complaint(
        1,
        acknowledged=date(2026, 12, 1),
        handled_by="Panel",
        outcome=AppealOutcome.WITHDRAWN,
        decided=day,
    )
    theirs = replace(base, complaints=(there,))
    assert merged(base, mine, theirs).complaints == (
        complaint(1, acknowledged=day, outcome=AppealOutcome.WITHDRAWN, decided=day),
    )


def test_a_child_deleted_there_drops_out_of_the_complaints_that_named_it() -> None:
    amira, baby = (child.id for child in bare().children)
    both = complaint(1, child_ids=(amira, baby))
    base = replace(bare(), complaints=(both, complaint(2, child_ids=(baby,))))
    theirs = replace(base, children=base.children[:1])
    result = merged(base, base, theirs)
    assert [child.id for child in result.children] == [amira]
    # The complaint that named both now names the one left; the one that named only the
    # deleted child names none: like a complaint recorded before children were named, it
    # concerns every child of the conference.
    assert [c.child_ids for c in result.complaints] == [(amira,), ()]
