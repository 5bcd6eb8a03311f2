"""A deleted conference stays deleted: no backup the application keeps brings it back
(issue 20 point 7, domain.md §10 item 40).

The demo conference (its family: Harland) is deleted when its 35 years have passed.
Before that, a hand-over import made a backup beside the store. The deletion purges that
backup too; ``handover undo`` (Session.restore) of any backup re-applies every
tombstone, before the copy is put back and again once it is open. Afterwards no page
of any file beside the store, free pages included, holds the family's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cpc_desktop.data import integrity
from cpc_desktop.data.backups import backup_store
from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.store import Store
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.services import wipe
from cpc_desktop.services.session import Session
from tests.helpers.meeting import CHAIR, REF, events
from tests.helpers.retention import OLD_REF, old_record
from tests.helpers.stores import new_store
from tests.unit.services.test_retention import (
    DEMO,
    LATER,
    NAMES,
    decrypted_pages,
    session,
)
from tests.unit.services.test_retention import store as store  # the fixture

pytestmark = pytest.mark.sqlite_only  # about the files beside a SQLite store


def readable(path: Path) -> bytes:
    """What someone holding the key could read in ``path``: every page decrypted if it
    is a store, and its bytes as they are."""
    raw = path.read_bytes()
    if raw and len(raw) % 4096 == 0:
        return decrypted_pages(path) + raw
    return raw


def names_beside(store_path: Path) -> dict[str, list[str]]:
    """The demo's names found in each file in the store's folder."""
    found = {}
    for path in sorted(store_path.parent.iterdir()):
        if path.is_file():
            text = readable(path)
            hits = [name for name in NAMES if name.encode() in text]
            if hits:
                found[path.name] = hits
    return found


def imported_backup(store: Store, tmp_path: Path) -> Path:
    """A hand-over import into ``store`` (the old record, from a laptop): its backup."""
    folder = tmp_path / "laptop"
    folder.mkdir()
    laptop = new_store(folder, "laptop.db")
    try:
        session(laptop).conferences.import_record(old_record())
        package = folder / "old.cpcx"
        session(laptop).handover.export_package(OLD_REF, package, "words", cost=FAST_COST)
    finally:
        laptop.close()
    chair = session(store)
    result = chair.handover.import_package(chair.handover.read(package, "words"))
    assert result.backup is not None
    return result.backup


@pytest.fixture
def chair(store: Store) -> Iterator[Session]:
    chair = session(store)
    yield chair
    chair.close()


def test_undoing_an_import_does_not_bring_back_a_conference_deleted_since(
    store: Store, chair: Session, tmp_path: Path
) -> None:
    assert store.path is not None
    backup = imported_backup(store, tmp_path)
    assert DEMO.encode() in decrypted_pages(backup) and names_beside(store.path)[backup.name]

    done = chair.retention.delete_conference(DEMO, "Retention period ended")
    assert done.purged_copies == (backup,) and done.older_copies == ()
    assert names_beside(store.path) == {}  # the store and its backup: the name is nowhere
    purged = [e for e in events(store) if e["action"] == "delete_records"]
    assert [e["actor"] for e in purged] == [CHAIR.name]

    chair.restore(backup)  # handover undo
    refs = {c.reference for c in chair.conferences.overview().conferences}
    assert DEMO not in refs and OLD_REF not in refs and REF in refs  # the import undone
    assert [stone.reference for stone in chair.retention.tombstones()] == [DEMO]
    assert names_beside(store.path) == {}
    assert integrity.check(chair.store).sound, integrity.check(chair.store).problems
    purge_events = [e for e in events(chair.store) if e["action"] == "delete_records"]
    assert [(e["actor"], e["object_type"]) for e in purge_events] == [
        (CHAIR.name, "tombstone")  # the purge, as the backup recorded it
    ]


def test_a_backup_kept_elsewhere_is_purged_as_it_is_restored(
    store: Store, chair: Session, tmp_path: Path
) -> None:
    far = tmp_path / "elsewhere"
    far.mkdir()
    backup = backup_store(store, "manual", LATER)
    moved = far / backup.name
    backup.rename(moved)  # not beside the store: the deletion does not see it
    done = chair.retention.delete_conference(DEMO, "Retention period ended")
    assert done.purged_copies == ()
    assert DEMO.encode() in decrypted_pages(moved)

    chair.restore(moved)
    assert DEMO not in {c.reference for c in chair.conferences.overview().conferences}
    assert [stone.reference for stone in chair.retention.tombstones()] == [DEMO]
    assert [name for name in NAMES if name.encode() in decrypted_pages(moved)] == []
    assert integrity.check(chair.store).sound


def test_a_backup_that_cannot_be_purged_first_is_purged_once_restored(
    store: Store, chair: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    backup = backup_store(store, "manual", LATER)
    moved = tmp_path / "elsewhere.bak"
    backup.rename(moved)
    chair.retention.delete_conference(DEMO, "Retention period ended")

    def cannot(*_args: object) -> int:
        raise StoreError("made by an older version")  # as a migration's backup is

    monkeypatch.setattr(wipe.purge, "purge_copy", cannot)
    chair.restore(moved)
    assert DEMO not in {c.reference for c in chair.conferences.overview().conferences}
    assert [stone.reference for stone in chair.retention.tombstones()] == [DEMO]
    assert chair.store.path is not None
    assert [n for n in NAMES if n.encode() in decrypted_pages(chair.store.path)] == []
    assert integrity.check(chair.store).sound


def test_a_copy_beside_the_store_that_cannot_be_opened_is_named(
    store: Store, chair: Session
) -> None:
    assert store.path is not None
    stray = store.path.with_name(store.path.name + ".before-0009-20200101T000000Z.bak")
    stray.write_bytes(b"not a store" * 1000)
    done = chair.retention.delete_conference(DEMO, "Retention period ended")
    assert done.older_copies == (stray,) and done.purged_copies == ()
    assert DEMO not in {c.reference for c in chair.conferences.overview().conferences}
