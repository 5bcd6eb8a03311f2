"""The children a complaint names are kept in ``complaint_child`` (revision 0014): a whole
record written to the store and read back names them in the conference's order of
children, a sync adds and deletes just the rows that differ (and counts them), and a
child deleted by a hand-over drops out of the complaints that named it, which stay."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from cpc_desktop.data import audit, integrity, repository
from cpc_desktop.data import models as m
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.merge import apply_merge, plan_merge
from tests.helpers.stores import FIXED_NOW, new_store
from tests.strategies import example_record

LATER = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)
SECOND = "00000000-0000-0000-0000-000000000801"


def _context(action: str) -> audit.AuditContext:
    return audit.AuditContext("Alex Chair", "chair", action, "conference", at=FIXED_NOW)


def _base() -> d.ConferenceRecord:
    """The example record: its complaint names the second child; a second complaint,
    recorded before complaints named children, names none."""
    record = example_record()
    older = replace(record.complaints[0], id=SECOND, child_ids=())
    return replace(record, complaints=(*record.complaints, older))


def _insert(store: Store, record: d.ConferenceRecord) -> None:
    with store.unit_of_work(_context("import")) as work:
        repository.insert_record(work.session, record, "Alex Chair", FIXED_NOW)


def _sync(store: Store, merged: d.ConferenceRecord) -> repository.SyncCounts:
    with store.unit_of_work(_context("handover_import")) as work:
        return repository.sync_record(work.session, merged, "Min Taker", LATER)


def _load(store: Store, record: d.ConferenceRecord) -> d.ConferenceRecord:
    with store.reading() as session:
        loaded = repository.load_record(session, record.conference.id)
    assert loaded is not None
    return loaded


def _links(store: Store) -> list[tuple[str, str]]:
    with store.reading() as session:
        rows = session.execute(
            sa.select(m.ComplaintChildRow.complaint_id, m.ComplaintChildRow.child_id)
        )
        return sorted((str(a), str(b)) for a, b in rows)


def _with_children(record: d.ConferenceRecord, *child_ids: str) -> d.ConferenceRecord:
    first, *rest = record.complaints
    return replace(record, complaints=(replace(first, child_ids=child_ids), *rest))


def test_the_children_named_are_stored_and_read_in_the_conferences_order(
    tmp_path: Path,
) -> None:
    base = _base()
    amira, baby = (child.id for child in base.children)
    complaint = base.complaints[0].id
    with new_store(tmp_path) as store:
        _insert(store, _with_children(base, baby, amira))  # named in another order
        assert _links(store) == sorted([(complaint, amira), (complaint, baby)])
        loaded = _load(store, base)
        assert [c.child_ids for c in loaded.complaints] == [(amira, baby), ()]
        assert integrity.check(store).sound


def test_a_sync_writes_only_the_links_that_differ_and_counts_them(tmp_path: Path) -> None:
    base = _base()
    amira, baby = (child.id for child in base.children)
    with new_store(tmp_path) as store:
        _insert(store, base)
        assert _sync(store, base) == repository.SyncCounts(0, 0, 0)
        assert _sync(store, _with_children(base, amira, baby)) == repository.SyncCounts(1, 0, 0)
        assert _sync(store, _with_children(base, amira)) == repository.SyncCounts(0, 0, 1)
        assert _load(store, base) == _with_children(base, amira)
        assert _sync(store, base) == repository.SyncCounts(1, 0, 1)
        assert _load(store, base) == base
        assert integrity.check(store).sound


def test_a_child_deleted_by_a_hand_over_leaves_the_complaints_that_named_it(
    tmp_path: Path,
) -> None:
    amira, baby = (child.id for child in _base().children)
    base = _with_children(_base(), amira, baby)
    theirs = replace(base, children=base.children[:1])
    merged = apply_merge(plan_merge(base, base, theirs), {})
    with new_store(tmp_path) as store:
        _insert(store, base)
        # The child is deleted; the database deletes the link naming it (told to the
        # audit, as rows it deletes always are) and the complaint row is unchanged.
        assert _sync(store, merged) == repository.SyncCounts(0, 0, 1)
        loaded = _load(store, base)
        assert [child.id for child in loaded.children] == [amira]
        assert [(c.id, c.child_ids) for c in loaded.complaints] == [
            (base.complaints[0].id, (amira,)),
            (SECOND, ()),
        ]
        assert _links(store) == [(base.complaints[0].id, amira)]
        assert integrity.check(store).sound
