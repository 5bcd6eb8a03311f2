"""The Core overview reads give what the ORM reads give, for all or a part of a store."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpc_desktop.data import audit, overview, repository
from cpc_desktop.data.store import Store
from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.enums import ConferenceStatus
from tests.helpers.stores import FIXED_NOW, ON_SERVER, new_store
from tests.strategies import example_record, holds_nul, records

HELD = (ConferenceStatus.CONCLUDED, ConferenceStatus.CANCELLED)
ITEMS = ("decision_letter", "minutes")


def _insert_all(store: Store, candidates: list[ConferenceRecord]) -> list[ConferenceRecord]:
    """Insert those whose ids and reference clash with none inserted before."""
    kept: list[ConferenceRecord] = []
    ids: set[tuple[str, str]] = set()
    refs: set[str] = set()
    context = audit.AuditContext("Alex Chair", "chair", "import", "conference", at=FIXED_NOW)
    for record in candidates:
        mine = set(repository.all_ids(record))
        if mine & ids or record.conference.reference in refs:
            continue
        with store.unit_of_work(context) as work:
            repository.insert_record(work.session, record, "Alex Chair", FIXED_NOW)
        ids |= mine
        refs.add(record.conference.reference)
        kept.append(record)
    return kept


def _current(status: ConferenceStatus, day: date, since: date) -> bool:
    return status not in HELD or day >= since


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(max_participants=4), min_size=1, max_size=4), st.dates())
def test_the_core_reads_match_the_orm_reads(
    candidates: list[ConferenceRecord], since: date
) -> None:
    if ON_SERVER and holds_nul(candidates):
        return  # PostgreSQL text cannot hold NUL
    with tempfile.TemporaryDirectory() as folder, new_store(Path(folder)) as store:
        kept = _insert_all(store, candidates)
        with store.reading() as session:
            orm_conferences = tuple(repository.conferences(session))
            orm_children = {
                k: tuple(v) for k, v in repository.children_by_conference(session).items()
            }
            orm_sent = repository.first_sent(session)
        with store.reading() as session:
            connection = session.connection()
            everything = (
                overview.conferences(connection),
                overview.children_by_conference(connection),
                overview.first_sent(connection),
                overview.count(connection),
            )
            where = overview.current_since(since)
            part = (
                overview.conferences(connection, where),
                overview.children_by_conference(connection, where),
                overview.first_sent(connection, where),
            )
            unsent = overview.concluded_unsent_before(connection, since, ITEMS)
            found = [c.id for c in part[0]]
            given_ids = (
                overview.children_by_conference(connection, where, found),
                overview.first_sent(connection, where, found),
                overview.without_a_plan(connection, where, found),
            )
            again = overview.without_a_plan(connection, where)

    assert everything == (orm_conferences, orm_children, orm_sent, len(kept))
    current = tuple(c for c in orm_conferences if _current(c.status, c.date, since))
    ids = {c.id for c in current}
    assert part == (
        current,
        {k: v for k, v in orm_children.items() if k in ids},
        {k: v for k, v in orm_sent.items() if k[0] in ids},
    )
    assert given_ids == (*part[1:], again)  # the ids found once, the same rows
    assert unsent == sum(
        1
        for c in orm_conferences
        if c.status is ConferenceStatus.CONCLUDED
        and c.date < since
        and any((c.id, item) not in orm_sent for item in ITEMS)
    )


def test_the_example_record_is_read_whole(tmp_path: Path) -> None:
    record = example_record()
    with new_store(tmp_path) as store:
        _insert_all(store, [record])
        with store.reading() as session:
            connection = session.connection()
            conferences = overview.conferences(connection)
            children = overview.children_by_conference(connection)
            sent = overview.first_sent(connection)
    assert conferences == (record.conference,)
    assert children == {record.conference.id: record.children}
    for (conference_id, item), when in sent.items():
        assert conference_id == record.conference.id
        assert when == min(x.sent_at for x in record.distributions if x.item == item)
        assert when.tzinfo is not None  # UTC instants, as the ORM gives them


def test_a_part_of_the_store_reads_the_conference_table_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The home screen's listing finds the current conferences once and gives their ids to
    the reads of children, letters and decisions (on 10,000 conferences each read of the
    wide conference table costs 30-40 ms); past :data:`overview.MOST_IDS` they ask again."""
    from sqlalchemy import event

    from cpc_desktop.domain.enums import UserRole
    from cpc_desktop.services.roles import Actor
    from cpc_desktop.services.session import Session
    from tests.helpers.stores import TickingClock

    with new_store(tmp_path) as store:
        _insert_all(store, [example_record()])
        session = Session(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock())
        seen: list[str] = []
        event.listen(store.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
        whole = session.conferences.overview()
        part = session.conferences.overview(date(2000, 1, 1))
        reads = [sql for sql in seen if "FROM conference" in sql and "count(" not in sql]
        seen.clear()
        monkeypatch.setattr(overview, "MOST_IDS", 0)
        asked_again = session.conferences.overview(date(2000, 1, 1))
        again = [sql for sql in seen if "FROM conference" in sql and "count(" not in sql]
    assert part.conferences == whole.conferences == asked_again.conferences
    assert part.children == whole.children == asked_again.children
    assert len(reads) == 2  # the whole store's one, then the part's one
    assert len(again) == 4  # the part's, then again for children, letters and decisions
