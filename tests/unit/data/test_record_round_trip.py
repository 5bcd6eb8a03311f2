"""Any conference document survives the store: import then export gives it back exactly."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from cpc_desktop.data import audit, integrity, repository
from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.store import Store
from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.services.document import parse_document, render_document
from tests.helpers.stores import FIXED_NOW, ON_SERVER, new_store
from tests.strategies import example_record, records


def _through_store(store: Store, record: ConferenceRecord) -> ConferenceRecord:
    context = audit.AuditContext("Alex Chair", "chair", "import", "conference", at=FIXED_NOW)
    with store.unit_of_work(context) as work:
        repository.insert_record(work.session, record, "Alex Chair", FIXED_NOW)
    with store.session() as session:
        loaded = repository.load_record(session, record.conference.id)
    assert loaded is not None
    return loaded


def test_example_record_round_trips(tmp_path: Path) -> None:
    text = render_document(example_record())
    with new_store(tmp_path) as store:
        assert render_document(_through_store(store, parse_document(text))) == text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_any_document_round_trips_through_a_store(record: ConferenceRecord) -> None:
    text = render_document(record)
    if ON_SERVER and "\\u0000" in text:
        # PostgreSQL text cannot hold NUL: a server store refuses the document whole.
        with tempfile.TemporaryDirectory() as folder, new_store(Path(folder)) as store:
            with pytest.raises(StoreError, match="cannot hold a value"):
                _through_store(store, parse_document(text))
            assert integrity.check(store).sound
        return
    with tempfile.TemporaryDirectory() as folder, new_store(Path(folder)) as store:
        exported = render_document(_through_store(store, parse_document(text)))
        assert integrity.check(store).sound
    assert exported == text
