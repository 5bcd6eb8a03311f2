"""Minutes versions: draft → approved → issued, and corrections as new versions."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from cpc_desktop.domain import approval
from cpc_desktop.domain.enums import MinutesState
from tests.helpers.records import small_record

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _with(record, *versions):
    return dataclasses.replace(record, minutes_versions=tuple(versions))


def test_content_hash_follows_the_content_not_the_minutes_life() -> None:
    record = small_record()
    first = approval.content_hash(record)
    assert len(first) == 64
    assert approval.content_hash(record) == first
    changed = dataclasses.replace(
        record, minutes=(dataclasses.replace(record.minutes[0], text="edited"), *record.minutes[1:])
    )
    assert approval.content_hash(changed) != first
    approved = approval.approve(record, new_id="v1", chair="Chair", at=AT)
    assert approval.content_hash(_with(record, approved)) == first


def test_approve_then_issue_then_amend() -> None:
    record = small_record()
    assert approval.current(record) is None and approval.editable(record)
    v1 = approval.approve(record, new_id="v1", chair="Ruth Chair", at=AT)
    assert (v1.version, v1.state, v1.approved_by, v1.approved_at) == (
        "1.0",
        MinutesState.APPROVED,
        "Ruth Chair",
        AT,
    )
    assert v1.content_hash == approval.content_hash(record)
    record = _with(record, v1)
    assert not approval.editable(record)
    issued = approval.issue(record, file_sha256="ab" * 32, at=AT)
    assert (issued.state, issued.issued_at, issued.file_sha256) == (
        MinutesState.ISSUED,
        AT,
        "ab" * 32,
    )
    record = _with(record, issued)
    v11 = approval.amend(record, new_id="v2", note="  Mum's name misspelt; asked by Mum  ", at=AT)
    assert (v11.version, v11.state, v11.supersedes_id, v11.amendment_note) == (
        "1.1",
        MinutesState.DRAFT,
        issued.id,
        "Mum's name misspelt; asked by Mum",
    )
    record = _with(record, issued, v11)
    assert approval.editable(record)
    again = approval.approve(record, new_id="unused", chair="Ruth Chair", at=AT)
    assert (again.id, again.version, again.supersedes_id) == ("v2", "1.1", issued.id)


def test_each_step_refuses_the_wrong_state() -> None:
    record = small_record()
    with pytest.raises(approval.ApprovalError, match="only approved minutes can be issued"):
        approval.issue(record, file_sha256="0" * 64, at=AT)
    with pytest.raises(approval.ApprovalError, match="only issued minutes"):
        approval.amend(record, new_id="x", note="n", at=AT)
    v1 = approval.approve(record, new_id="v1", chair="C", at=AT)
    with pytest.raises(approval.ApprovalError, match="already approved"):
        approval.approve(_with(record, v1), new_id="x", chair="C", at=AT)
    with pytest.raises(
        approval.ApprovalError, match="only approved minutes can be issued; these are draft"
    ):
        approval.issue(
            _with(record, dataclasses.replace(v1, state=MinutesState.DRAFT)),
            file_sha256="0" * 64,
            at=AT,
        )
    issued = approval.issue(_with(record, v1), file_sha256="0" * 64, at=AT)
    with pytest.raises(approval.ApprovalError, match="say what is being corrected"):
        approval.amend(_with(record, issued), new_id="x", note="  ", at=AT)


def test_a_record_changed_after_approval_cannot_be_issued() -> None:
    record = small_record()
    v1 = approval.approve(record, new_id="v1", chair="C", at=AT)
    changed = dataclasses.replace(_with(record, v1), minutes=record.minutes[:1])
    with pytest.raises(approval.ApprovalError, match="changed after it was approved"):
        approval.issue(changed, file_sha256="0" * 64, at=AT)


@pytest.mark.parametrize(
    ("before", "after"), [("1.0", "1.1"), ("1.9", "1.10"), ("2.3", "2.4"), ("A", "A.1")]
)
def test_next_number(before: str, after: str) -> None:
    assert approval.next_number(before) == after
