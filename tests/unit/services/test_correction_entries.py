"""``CorrectionService.entries``: the entries of an issued version, numbered, with their
ids, items, speakers and first words, so a correction request can name the entry it
disputes. Chairs only, audited as a view; a version's words as it was issued, even
after a correction changed them.

Runs on a real encrypted store holding the demo conference, approved and issued.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.entry_index import first_words
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.errors import Conflict, NotFound, PermissionDenied
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
MINUTER = Actor("Morgan Minutes", UserRole.MINUTE_TAKER)
TODAY = date(2026, 11, 23)
LATER = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def certificate() -> Any:
    p12 = create_self_signed("Demo Chair", b"certificate passphrase")
    return load_certificate(p12, b"certificate passphrase")


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    return build_demo_records(TODAY)[0]


@pytest.fixture
def session(tmp_path: Path, demo: d.ConferenceRecord, certificate: Any) -> Iterator[Session]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(demo)
    opened = Session(store, CHAIR, TickingClock(LATER))
    opened.minutes.approve(demo.conference.reference)
    opened.minutes.issue(demo.conference.reference, certificate)
    yield opened
    opened.close()


def last_event(session: Session) -> dict[str, Any]:
    with session.store.engine.connect() as conn:
        found = conn.exec_driver_sql("select * from audit_event order by seq desc limit 1")
        return dict(found.mappings().one())


def expected_order(demo: d.ConferenceRecord) -> list[d.MinuteEntry]:
    place = {item.id: n for n, item in enumerate(demo.agenda)}
    return sorted(demo.minutes, key=lambda e: place[e.agenda_item_id])


def test_the_issued_entries_are_listed_numbered_and_the_look_is_audited(
    session: Session, demo: d.ConferenceRecord
) -> None:
    ref = demo.conference.reference
    listed = session.corrections.entries(ref)
    assert (listed.reference, listed.version) == (ref, "1.0")
    entries = expected_order(demo)
    assert [line.id for line in listed.lines] == [e.id for e in entries]
    assert [line.number for line in listed.lines] == list(range(1, len(entries) + 1))
    names = {p.id: p.name for p in demo.participants}
    titles = {item.id: f"{n}. {item.title}" for n, item in enumerate(demo.agenda, start=1)}
    for line, entry in zip(listed.lines, entries, strict=True):
        assert line.item == titles[entry.agenda_item_id]
        assert line.speaker == names.get(entry.speaker_id or "", "")
        assert line.opening == first_words(entry.text)
    event = last_event(session)
    version = session.minutes.status(ref).versions[0]
    assert (event["actor"], event["action"], event["outcome"]) == ("Demo Chair", "view", "ok")
    assert (event["object_type"], event["object_id"]) == ("minutes_version", version.id)
    assert session.corrections.entries(ref, " 1.0 ") == listed


def test_a_version_is_listed_as_it_was_issued_after_a_correction_changes_it(
    session: Session, demo: d.ConferenceRecord, certificate: Any
) -> None:
    ref = demo.conference.reference
    before = session.corrections.entries(ref)
    first = before.lines[0]
    request = session.corrections.record_request(
        ref,
        requested_by="A Neighbour",
        received=date(2026, 11, 24),
        disputed="the first entry",
        asked="reword it",
        entry_id=first.id,
    )
    session.corrections.rule(ref, request.id, "accepted", "Agreed")
    session.entries.save_text(first.id, "Reworded from the start. " + "word " * 20)
    assert session.corrections.entries(ref) == before  # 1.0, as issued
    session.minutes.approve(ref)
    session.minutes.issue(ref, certificate)
    newest = session.corrections.entries(ref)
    assert newest.version == "1.1"
    assert newest.lines[0].opening == "Reworded from the start. word word word word…"
    assert session.corrections.entries(ref, "1.0") == before


def test_listing_entries_is_refused_in_one_line(
    tmp_path: Path, session: Session, demo: d.ConferenceRecord
) -> None:
    ref = demo.conference.reference
    minuter = Session(session.store, MINUTER, TickingClock(LATER))
    with pytest.raises(PermissionDenied, match="may not approve, reopen or correct minutes"):
        minuter.corrections.entries(ref)
    assert last_event(session)["outcome"] == "denied"
    with pytest.raises(NotFound) as caught:
        session.corrections.entries(ref, "2.0")
    assert caught.value.message == "no issued version '2.0': the issued versions are 1.0"
    (tmp_path / "draft").mkdir()
    draft_store = new_store(tmp_path / "draft")
    ConferenceService(draft_store, CHAIR, TickingClock()).import_record(demo)
    with (
        Session(draft_store, CHAIR, TickingClock(LATER)) as fresh,
        pytest.raises(Conflict, match="no version of these minutes has been issued"),
    ):
        fresh.corrections.entries(ref)
