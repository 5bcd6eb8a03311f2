"""Read-only checks on a store file before it is opened for writing.

A read-write SQLite connection changes files as soon as it reads: it replays a ``-wal``
into the ``-shm`` index, switches the journal mode, and on closing checkpoints the
``-wal`` into the store and deletes it. So a wrong passphrase, another store's ``-wal``
beside the file, or another program's database must all be refused *before* that
connection exists. The checks here:

1. open the store file alone (``immutable=1``: the ``-wal`` is not read) and read its
   schema: a wrong passphrase or a damaged first page stops here, touching nothing;
2. open it read-only with its ``-wal``: frames that do not decrypt with this store's
   key belong to another file, and the message names the ``-wal``;
3. read the schema revision (another program's database has none) and check every
   page's HMAC, so a damaged page that the command would never read is still reported
   before anything is written. Only the application may leave the pages of a store
   larger than :data:`VERIFY_AT_OPEN_BYTES` to a background check (``check_pages=False``),
   and it then refuses every write until that check has passed (``Store.hold_writes``).

A read-only connection may create an empty ``-wal`` and a ``-shm``, and writes its index
into an existing ``-shm``. The sidecars are put back exactly as they were afterwards.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from cpc_desktop.data.errors import StoreDamaged, StoreError
from cpc_desktop.data.keys import SALT_BYTES, StoreKey

#: The application checks every page at unlock up to this size (about 10 ms a MiB); a
#: larger store opens at once and is checked in the background, writes refused until the
#: check passes. The command line checks every page of any size before its first write.
VERIFY_AT_OPEN_BYTES = 16 * 2**20


def key_for_file(key: StoreKey, path: Path) -> StoreKey:
    """The raw key for this file, derived once from its salt (a raw key is returned as is)."""
    with path.open("rb") as handle:
        salt = handle.read(SALT_BYTES)
    if len(salt) < SALT_BYTES:
        return key  # too short to be a store: SQLCipher itself will refuse it
    return key.for_salt(salt)


def keyed_connection(path: Path, key: StoreKey, query: str) -> sqlcipher.Connection:
    """A connection to ``path`` opened with URI ``query`` and keyed (nothing read yet)."""
    con = sqlcipher.connect(
        path.absolute().as_uri() + "?" + query,
        uri=True,
        check_same_thread=False,
        isolation_level=None,
    )
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute("PRAGMA key = " + key.sql_literal())
    except BaseException:
        con.close()
        raise
    return con


def _revision(con: sqlcipher.Connection) -> str | None:
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
    if "alembic_version" not in tables:
        return None
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def damaged_pages(con: sqlcipher.Connection) -> list[str]:
    """SQLCipher's report of every page whose HMAC fails (empty when all are sound)."""
    return [str(row[0]) for row in con.execute("PRAGMA cipher_integrity_check")]


class _Sidecars:
    """The ``-wal`` and ``-shm`` beside a store as they were, to put back after a probe."""

    def __init__(self, path: Path) -> None:
        self.wal = path.with_name(path.name + "-wal")
        self.shm = path.with_name(path.name + "-shm")
        self.had_wal = self.wal.exists()
        self.hot_wal = self.had_wal and self.wal.stat().st_size > 0
        self.shm_bytes = self.shm.read_bytes() if self.shm.exists() else None

    def restore(self) -> None:
        if not self.had_wal and self.wal.exists() and self.wal.stat().st_size == 0:
            self.wal.unlink()
        if self.shm_bytes is None:
            with suppress(FileNotFoundError):
                self.shm.unlink()
        elif not self.shm.exists() or self.shm.read_bytes() != self.shm_bytes:
            self.shm.write_bytes(self.shm_bytes)


def probe(path: Path, key: StoreKey, *, check_pages: bool = True) -> str | None:
    """Check ``path`` read-only and return its schema revision (``None``: not a store).

    ``key`` should already be :func:`key_for_file`'s. ``check_pages=False`` leaves the
    page check to the caller, who must then write nothing until it has passed. Driver
    errors are raised as they are (the caller translates them), except a ``-wal`` that
    does not belong to the store, which is a :class:`StoreError` naming it.
    """
    sidecars = _Sidecars(path)
    try:
        alone = keyed_connection(path, key, "immutable=1")
        try:
            alone.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            alone.close()
        con = keyed_connection(path, key, "mode=ro")
        try:
            try:
                revision = _revision(con)
            except sqlcipher.DatabaseError:
                if sidecars.hot_wal:
                    raise _foreign_wal(path, sidecars.wal) from None
                raise
            if revision is not None and check_pages:
                bad = damaged_pages(con)
                if bad:
                    raise StoreDamaged(
                        f"{path.name} is damaged ({first_page(bad)}); restore it from a backup"
                    )
        finally:
            con.close()
    finally:
        sidecars.restore()
    return revision


def first_page(problems: list[str]) -> str:
    """The first damaged page of :func:`damaged_pages`' report, in words."""
    words = problems[0].split()
    if "page" in words and words.index("page") + 1 < len(words):
        return "page " + words[words.index("page") + 1] + " fails its check"
    return "a page fails its check"


def _foreign_wal(path: Path, wal: Path) -> StoreError:
    return StoreError(
        f"cannot open {path.name}: {wal.name} beside it does not belong to this store or is "
        f"damaged; nothing was changed. Move {wal.name} to another folder and open the store "
        "again (changes made since it was last closed may be in that file: keep it)"
    )
