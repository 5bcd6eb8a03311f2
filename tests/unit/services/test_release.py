"""The release check: a second person checks each family copy and family letter.

Real encrypted stores holding the demo conference (restricted entries, an excluded
parent); the chair writes, a second user checks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, UserRole
from cpc_desktop.domain.letters import LetterRequest
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.distribution import DECISION_LETTER, FULL_MINUTES
from cpc_desktop.services.errors import PermissionDenied, ServiceError
from cpc_desktop.services.held import AwaitingCheck
from cpc_desktop.services.release import ALONE, OWN_WORK
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.meeting import events
from tests.helpers.release import CHECKER, add_checker
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Alex Chair", UserRole.CHAIR)  # the store's own first chair
READER = Actor("Robin Reader", UserRole.READ_ONLY)
TODAY = date(2026, 11, 23)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    return build_demo_records(TODAY)[0]


@pytest.fixture
def session(tmp_path: Path, demo: d.ConferenceRecord) -> Iterator[Session]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(demo)
    opened = Session(store, CHAIR, TickingClock(LATER))
    yield opened
    opened.close()


def _dad(demo: d.ConferenceRecord) -> d.Participant:
    return next(
        p for p in demo.participants if any(e.kind.value == "excluded" for e in p.attendance)
    )


def _rows(session: Session, table: type[m.Row]) -> int:
    with session.store.reading() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(table)) or 0


def test_a_family_copy_is_held_checked_by_another_then_released_exactly(
    session: Session, demo: d.ConferenceRecord, tmp_path: Path
) -> None:
    ref, dad = demo.conference.reference, _dad(demo)
    which = MinutesCopy(CopyKind.FAMILY, dad.id)
    out = tmp_path / "out"
    out.mkdir()
    item = session.release.hold_minutes(ref, which)
    assert not item.confirmed and item.author == CHAIR.name and item.recipient_id == dad.id
    # Nothing is written or recorded as sent before the check.
    with pytest.raises(AwaitingCheck, match="awaits a check by a second person"):
        session.minutes.export(ref, which, out=out / "family.pdf")
    with pytest.raises(AwaitingCheck):
        session.distribution.record_sent(
            ref, dad.id, FULL_MINUTES, copy=CopyKind.FAMILY, method="post"
        )
    assert list(out.iterdir()) == []
    assert _rows(session, m.DistributionRow) == 0
    # The same copy asked for again is the one held.
    assert session.release.hold_minutes(ref, which).id == item.id
    assert [p.id for p in session.release.pending(ref)] == [item.id]
    # The checker sees the file, for whom, and what it leaves out.
    review = session.release.review(item.id)
    assert review.current and review.sha256 == hashlib.sha256(review.data).hexdigest()
    assert dad.name in review.recipient
    hidden = {e.id: e for e in demo.minutes}
    assert len(review.left_out) > 1
    assert any(
        hidden[r].text[:30] in " ".join(review.left_out)
        for r in hidden
        if any(hidden[r].text[:30] in line for line in review.left_out)
    )
    assert "Family copy for" in review.text
    add_checker(session.store)
    checked = session.release.confirm(item.id, CHECKER)
    assert checked.checked_by == CHECKER.name and checked.checked_at is not None
    pdf = session.minutes.export(ref, which, out=out / "family.pdf")
    assert pdf.data == review.data and pdf.sha256 == item.sha256
    assert hashlib.sha256((out / "family.pdf").read_bytes()).hexdigest() == item.sha256
    # Recorded as sent now that it is checked; saving it again gives the same file.
    session.distribution.record_sent(ref, dad.id, FULL_MINUTES, copy=CopyKind.FAMILY, method="post")
    assert session.minutes.export(ref, which).data == review.data
    assert session.release.pending(ref) == ()
    check_events = [e for e in events(session.store) if e["action"] == "check_release"]
    assert [(e["actor"], e["outcome"], e["object_id"]) for e in check_events] == [
        (CHECKER.name, "ok", item.id)
    ]
    with session.store.reading() as s:
        row = s.get(m.ReleaseCheckRow, item.id)
        assert row is not None and row.released_at is not None
        assert (row.checked_by, row.file_sha256) == (CHECKER.name, item.sha256)


def test_the_author_cannot_check_their_own_copy(session: Session, demo) -> None:
    ref = demo.conference.reference
    item = session.release.hold_minutes(ref, MinutesCopy(CopyKind.FAMILY))
    with pytest.raises(ServiceError) as alone:
        session.release.confirm(item.id, CHAIR)
    assert alone.value.message == ALONE  # one user: say so plainly
    add_checker(session.store)
    with pytest.raises(ServiceError) as own:
        session.release.confirm(item.id, CHAIR)
    assert own.value.message == OWN_WORK
    assert session.release.checkers(item.id) == (CHECKER.name,)
    denied = [e for e in events(session.store) if e["outcome"] == "denied"]
    assert [e["action"] for e in denied] == ["check_release", "check_release"]
    assert not session.release.pending(ref)[0].confirmed


def test_a_read_only_user_cannot_check(session: Session, demo) -> None:
    ref = demo.conference.reference
    item = session.release.hold_minutes(ref, MinutesCopy(CopyKind.FAMILY))
    session.conferences.add_user(READER.name, READER.role)
    with pytest.raises(PermissionDenied, match="may not check a copy before release"):
        session.release.confirm(item.id, READER)
    assert not session.release.pending(ref)[0].confirmed


def test_a_check_lapses_when_the_copy_would_change(session: Session, demo) -> None:
    ref = demo.conference.reference
    which = MinutesCopy(CopyKind.FAMILY)
    first = session.release.hold_minutes(ref, which)
    add_checker(session.store)
    session.release.confirm(first.id, CHECKER)
    item = demo.agenda[0].id
    session.entries.add_entry(ref, item, "Said after the copy was checked.")
    with pytest.raises(AwaitingCheck):
        session.minutes.export(ref, which)
    again = session.release.hold_minutes(ref, which)
    assert again.id != first.id and not again.confirmed


def test_a_family_letter_is_checked_before_it_is_issued(session: Session, demo, tmp_path) -> None:
    ref = demo.conference.reference
    tmp_path = tmp_path / "letters"
    tmp_path.mkdir()
    plan = next(p for p in session.letters.plan(ref) if p.need.kind.value == "parent")
    request = LetterRequest(
        plan.need.kind, plan.need.recipient_id, plan.need.recipient_name, ("1 Road", "Town")
    )
    with pytest.raises(AwaitingCheck):
        session.letters.issue_all(ref, [request], folder=tmp_path)
    item = session.release.hold_letter(ref, request)
    assert list(tmp_path.iterdir()) == [] and session.conferences.get(ref).letters == ()
    review = session.release.review(item.id)
    assert plan.need.recipient_name in review.text
    add_checker(session.store)
    session.release.confirm(item.id, CHECKER)
    (pdf,) = session.letters.issue_all(ref, [request], folder=tmp_path)
    assert pdf.data == review.data
    assert (tmp_path / pdf.file_name).read_bytes() == review.data
    (letter,) = session.conferences.get(ref).letters
    assert letter.file_sha256 == item.sha256
    session.distribution.record_sent(
        ref,
        plan.need.recipient_id,
        DECISION_LETTER,
        copy=CopyKind.FAMILY,
        method="post",
        letter_id=letter.id,
    )


def test_a_profile_may_turn_the_check_off_with_a_reason(session: Session, demo, tmp_path) -> None:
    ref = demo.conference.reference
    profile = session.rules.profile(demo.conference.profile)
    session.rules._profiles[profile.id] = replace(
        profile, release_check=False, release_check_off_reason="a pilot of one chair"
    )
    pdf = session.minutes.export(ref, MinutesCopy(CopyKind.FAMILY), out=tmp_path / "f.pdf")
    assert (tmp_path / "f.pdf").read_bytes() == pdf.data
    with session.store.reading() as s:
        row = s.scalars(sa.select(m.ReleaseCheckRow)).one()
        assert row.check_note == "no check: a pilot of one chair" and row.checked_by is None
        assert row.released_at is not None and row.file_sha256 == pdf.sha256
