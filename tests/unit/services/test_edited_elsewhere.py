"""Two editors of one store (issue 17): a save made from an older version is refused.

Each editor is its own :class:`Session` (its own services, so its own record of the
versions it read), as two chairs' windows are; on SQLite they share the file, on a
server (``CPC_TEST_POSTGRES_URL``) each has its own connection. A refused save changes
nothing and says so in one line, carrying what is stored now; it is never written over
unless the person chooses to, and then only over the version they were shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.data.audit import AuditContext
from cpc_desktop.data.errors import RowChanged
from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import Tag
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.services.session import Session
from tests.helpers.meeting import CHAIR, ITEM, M1, MINUTER, REF, assert_sound, decided_plan
from tests.helpers.records import small_record
from tests.helpers.stores import TickingClock, new_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = new_store(tmp_path)
    ConferenceService(opened, CHAIR, TickingClock()).import_record(small_record())
    yield opened
    opened.close()


@pytest.fixture
def alex(store: Store) -> Session:
    return Session(store, CHAIR, TickingClock())


@pytest.fixture
def morgan(store: Store) -> Session:
    return Session(store, MINUTER, TickingClock())


def stored_text(store: Store, entry_id: str) -> str:
    with store.reading() as s:
        found = s.get(m.MinuteEntryRow, entry_id)
        assert found is not None
        return found.text


def version(store: Store, table: type[m.Row], row_id: str) -> int:
    with store.reading() as s:
        found = s.get(table, row_id)
        assert found is not None
        return found.row_version


# --- minute entries ---------------------------------------------------------------------


def test_a_save_from_an_older_version_is_refused_with_theirs(
    store: Store, alex: Session, morgan: Session
) -> None:
    alex.entries.entry(M1)
    morgan.entries.entry(M1)
    alex.entries.save_text(M1, "Alex's words")
    with pytest.raises(EditedElsewhere) as caught:
        morgan.entries.save_text(M1, "Morgan's words")
    refusal = caught.value
    assert "someone else saved this entry" in refusal.message
    assert "\n" not in refusal.message
    assert refusal.theirs.text == "Alex's words"
    assert refusal.version == version(store, m.MinuteEntryRow, M1) == 2
    assert stored_text(store, M1) == "Alex's words"
    # Trying again blindly is refused again: only a chosen base writes over theirs.
    with pytest.raises(EditedElsewhere):
        morgan.entries.save_text(M1, "Morgan's words")
    morgan.entries.save_text(M1, "Morgan's words, knowingly", base=refusal.version)
    assert stored_text(store, M1) == "Morgan's words, knowingly"
    assert version(store, m.MinuteEntryRow, M1) == 3
    # ... and Alex, who last saw version 2, is now the one refused.
    with pytest.raises(EditedElsewhere):
        alex.entries.save_text(M1, "Alex again")
    assert_sound(store)


def test_a_chosen_base_is_refused_too_if_it_moved_on_again(alex: Session, morgan: Session) -> None:
    alex.entries.entry(M1)
    morgan.entries.entry(M1)
    alex.entries.save_text(M1, "one")
    with pytest.raises(EditedElsewhere) as first:
        morgan.entries.save_text(M1, "mine")
    alex.entries.save_text(M1, "two")
    with pytest.raises(EditedElsewhere) as second:
        morgan.entries.save_text(M1, "mine", base=first.value.version)
    assert second.value.theirs.text == "two"


def test_every_change_of_an_entry_is_checked(store: Store, alex: Session, morgan: Session) -> None:
    alex.entries.entry(M1)
    morgan.entries.entry(M1)
    alex.entries.update_entry(M1, tag=Tag.OPINION)
    before = stored_text(store, M1)
    for change in (
        lambda: morgan.entries.update_entry(M1, tag=Tag.FACT),
        lambda: morgan.entries.move_entry(M1, 1),
        lambda: morgan.entries.delete_entry(M1),
        lambda: morgan.entries.save_text(M1, "late"),
    ):
        with pytest.raises(EditedElsewhere):
            change()
    assert alex.entries.entry(M1).tag is Tag.OPINION
    assert stored_text(store, M1) == before


def test_a_deleted_entry_is_reported_as_deleted(alex: Session, morgan: Session) -> None:
    alex.entries.entry(M1)
    morgan.entries.entry(M1)
    alex.entries.delete_entry(M1)
    with pytest.raises(EditedElsewhere) as caught:
        morgan.entries.save_text(M1, "late")
    assert caught.value.theirs is None
    assert "deleted" in caught.value.message


def test_an_editor_goes_on_from_its_own_saves_and_changes(store: Store, alex: Session) -> None:
    alex.entries.entry(M1)
    alex.entries.save_text(M1, "one")
    alex.entries.update_entry(M1, tag=Tag.OPINION)
    alex.entries.save_text(M1, "two")  # also through the autosave worker's connection:
    ticket = alex.entries.text_writer.submit(M1, "three")
    outcome = alex.entries.text_writer.outcome(ticket, wait=True)
    assert outcome is not None and outcome.error is None
    alex.entries.save_text(M1, "four")
    assert stored_text(store, M1) == "four"
    assert version(store, m.MinuteEntryRow, M1) == 6


def test_entries_moving_along_the_list_are_not_edits(
    store: Store, alex: Session, morgan: Session
) -> None:
    morgan.entries.entry(M1)
    alex.entries.add_entry(REF, ITEM, "A new first entry", index=0)
    with store.reading() as s:
        moved = s.get(m.MinuteEntryRow, M1)
        assert moved is not None and moved.position == 1 and moved.row_version == 1
    morgan.entries.save_text(M1, "Still Morgan's to save")
    assert stored_text(store, M1) == "Still Morgan's to save"


def test_reloading_the_list_does_not_make_older_text_current(
    alex: Session, morgan: Session
) -> None:
    morgan.entries.entry(M1)
    alex.entries.entry(M1)
    alex.entries.save_text(M1, "Alex's")
    morgan.entries.entries(REF)  # the pane's list reloads under the open editor
    with pytest.raises(EditedElsewhere):
        morgan.entries.save_text(M1, "Morgan's older")


def test_an_orm_change_of_a_row_changed_since_it_was_read_is_refused(store: Store) -> None:
    context = AuditContext(CHAIR.name, "chair", "write_minutes", "minute_entry", M1)
    with pytest.raises(RowChanged, match="nothing was saved"):  # noqa: SIM117
        with store.unit_of_work(context) as work:
            entry = work.session.get(m.MinuteEntryRow, M1)
            assert entry is not None
            table = m.MinuteEntryRow.__table__
            work.session.execute(
                sa.update(table).where(table.c.id == M1).values(row_version=7)  # type: ignore[attr-defined]
            )
            entry.text = "over a newer version"
    assert version(store, m.MinuteEntryRow, M1) == 1


# --- decisions --------------------------------------------------------------------------


def test_a_decision_recorded_meanwhile_is_not_overwritten(store: Store) -> None:
    first = Session(store, CHAIR, TickingClock())
    second = Session(store, CHAIR, TickingClock())
    mine, theirs = second.decisions.context(REF), first.decisions.context(REF)
    first.decisions.finish(REF, decided_plan(theirs, "first chair"))
    with pytest.raises(EditedElsewhere) as caught:
        second.decisions.finish(REF, decided_plan(mine, "second chair"))
    assert "someone else recorded the decision for" in caught.value.message
    assert [dec.reason for dec in caught.value.theirs] == ["first chair"]
    assert [dec.reason for dec in first.conferences.get(REF).decisions] == ["first chair"]
    # Keeping mine, knowingly: over the decision shown, and no other.
    second.decisions.finish(REF, decided_plan(mine, "second chair"), base=caught.value.version)
    assert [dec.reason for dec in first.conferences.get(REF).decisions] == ["second chair"]
    with pytest.raises(EditedElsewhere):
        first.decisions.finish(REF, decided_plan(theirs, "first chair again"))
    assert_sound(store)
