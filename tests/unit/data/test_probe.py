"""The read-only checks made before a store file is opened for writing (``data/probe.py``)."""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from cpc_desktop.data import errors, integrity, page_check, probe
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.schema import HEAD_REVISION
from cpc_desktop.data.store import create_store, open_store
from tests.helpers.stores import FIXED_NOW, digest_tree

pytestmark = pytest.mark.sqlite_only

PASSPHRASE = StoreKey.from_passphrase("correct horse battery staple")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("probe") / "store.db"
    # The last page holds rows, not the schema: the damage tests flip a byte there,
    # and reading the schema revision must still work to reach the page check.
    made = create_store(path, PASSPHRASE, owner="Chair", now=FIXED_NOW)
    with made, made.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE padding (x BLOB)")
        conn.exec_driver_sql("INSERT INTO padding VALUES (zeroblob(3000))")
    return path


@pytest.fixture
def store(tmp_path: Path, template: Path) -> Path:
    path = tmp_path / "store.db"
    shutil.copy(template, path)
    return path


def test_the_derived_key_is_sqlciphers_own(store: Path) -> None:
    raw = probe.key_for_file(PASSPHRASE, store)
    assert raw.raw is not None and raw.passphrase is None
    con = sqlcipher.connect(f"file:{store}?mode=ro", uri=True)
    con.execute("PRAGMA key = " + raw.sql_literal())
    assert con.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    con.close()
    wrong = probe.key_for_file(StoreKey.from_passphrase("Correct horse battery staple"), store)
    assert wrong.raw != raw.raw


def test_a_raw_key_is_used_as_it_is(store: Path) -> None:
    key = StoreKey.from_raw(bytes(range(32)))
    assert probe.key_for_file(key, store) is key


def test_a_new_store_is_for_its_owner_alone(store: Path) -> None:
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    with open_store(store, PASSPHRASE) as opened:
        with opened.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE extra (x)")
        for sidecar in ("store.db-wal", "store.db-shm"):
            assert stat.S_IMODE(store.with_name(sidecar).stat().st_mode) == 0o600


def test_the_probe_puts_the_sidecars_back(store: Path) -> None:
    before = digest_tree(store.parent)
    assert probe.probe(store, probe.key_for_file(PASSPHRASE, store)) is not None
    assert digest_tree(store.parent) == before


def test_another_stores_wal_is_named_and_left_alone(tmp_path: Path, store: Path) -> None:
    other = tmp_path / "other" / "store.db"
    other.parent.mkdir()
    create_store(other, PASSPHRASE, owner="Chair", now=FIXED_NOW).close()
    with open_store(other, PASSPHRASE) as second:
        with second.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE extra (x)")
        shutil.copy(other.with_name("store.db-wal"), store.with_name("store.db-wal"))
    before = digest_tree(store.parent)
    with pytest.raises(errors.StoreError, match=r"store\.db-wal beside it does not belong"):
        open_store(store, PASSPHRASE)
    assert digest_tree(store.parent) == before


def test_a_wrong_passphrase_never_touches_a_hot_wal(store: Path, tmp_path: Path) -> None:
    frozen = tmp_path / "frozen"
    with open_store(store, PASSPHRASE) as live:
        with live.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE extra (x)")
        frozen.mkdir()
        for name in ("store.db", "store.db-wal", "store.db-shm"):
            shutil.copy(store.with_name(name), frozen / name)
    before = digest_tree(frozen)
    with pytest.raises(errors.WrongKeyOrDamaged):
        open_store(frozen / "store.db", StoreKey.from_passphrase("not the passphrase"))
    assert digest_tree(frozen) == before
    # The right passphrase replays it.
    recovered = open_store(frozen / "store.db", PASSPHRASE)
    with recovered, recovered.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM extra").scalar() == 0


def _flip_last_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-99] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_damaged_page_is_refused_at_open_when_small(store: Path) -> None:
    _flip_last_page(store)
    before = digest_tree(store.parent)
    with pytest.raises(errors.StoreDamaged, match=r"store\.db is damaged \(page \d+ fails"):
        open_store(store, PASSPHRASE)
    assert digest_tree(store.parent) == before


def test_a_large_store_is_page_checked_at_open_unless_checked_later(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe, "VERIFY_AT_OPEN_BYTES", 0)
    _flip_last_page(store)
    before = digest_tree(store.parent)
    with pytest.raises(errors.StoreDamaged, match=r"store\.db is damaged \(page \d+ fails"):
        open_store(store, PASSPHRASE)  # the command line: every page, whatever the size
    assert digest_tree(store.parent) == before
    with open_store(store, PASSPHRASE, check_later=True) as opened:  # the application
        assert opened.checking
        report = integrity.check(opened)
    assert not report.sound
    assert "HMAC" in report.problems[0]


def test_a_small_store_is_checked_at_open_even_when_the_application_opens_it(
    store: Path,
) -> None:
    _flip_last_page(store)
    with pytest.raises(errors.StoreDamaged):
        open_store(store, PASSPHRASE, check_later=True)


def test_the_background_check_finds_a_damaged_page_of_an_open_store(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe, "VERIFY_AT_OPEN_BYTES", 0)
    with open_store(store, PASSPHRASE, check_later=True) as opened:
        opened.pages_checked(None)
        assert page_check.damage_in(store, PASSPHRASE) is None
        with opened.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE extra (x)")  # the -wal is the open store's
    _flip_last_page(store)
    with open_store(store, PASSPHRASE, check_later=True) as opened:
        before = store.read_bytes()
        found = page_check.damage_in(store, PASSPHRASE)
        assert found is not None
        assert re.fullmatch(
            r"store\.db is damaged \(page \d+ fails its check\); restore it from a backup", found
        )
        assert store.read_bytes() == before
        with opened.reading() as session:  # the store's own connection is undisturbed
            read = session.connection().exec_driver_sql
            assert read("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").scalar() == 1


def test_the_background_check_says_when_the_file_is_gone(store: Path) -> None:
    moved = store.with_name("elsewhere.db")
    store.rename(moved)
    found = page_check.damage_in(store, PASSPHRASE)
    assert found == "store.db can no longer be read; restore it from a backup"


def test_a_large_store_that_must_be_migrated_is_checked_before_it_is(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    con = sqlcipher.connect(str(store))
    con.execute("PRAGMA key = " + PASSPHRASE.sql_literal())
    con.execute("UPDATE alembic_version SET version_num = '0000'")
    con.commit()
    con.close()
    monkeypatch.setattr("cpc_desktop.data.store.KNOWN_REVISIONS", ("0000", HEAD_REVISION))
    monkeypatch.setattr(probe, "VERIFY_AT_OPEN_BYTES", 0)
    _flip_last_page(store)
    before = digest_tree(store.parent)
    with pytest.raises(errors.StoreDamaged, match=r"store\.db is damaged \(page \d+ fails"):
        open_store(store, PASSPHRASE, check_later=True)  # migrating writes: checked first
    assert digest_tree(store.parent) == before  # no backup made, nothing migrated
