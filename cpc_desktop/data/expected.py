"""Row hashes, recorded and found, brought together by table and id in bounded memory.

The audit log lists, event by event, ``[table, id, hash]`` for every row each act
touched; the last entry for a row is what the row must hash to now. The rows themselves
are read in the order the file keeps them (reading them in id order instead costs a
page read per row on a large store). Both go in here, in any order, and come out sorted
by (table, id), each row's recorded hash beside its hash now, for ``check`` to compare:
up to :data:`RUN` entries are sorted in memory; beyond that each sorted run is written to
a scratch file and the runs are merged back in order. The scratch file is an SQLCipher
database under a random key that lives only in this process, in a private temporary
folder removed afterwards; it holds row ids and hashes, never a row's contents.
"""

from __future__ import annotations

import heapq
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

#: Entries sorted in memory at once (about 300 bytes each).
RUN = 50_000
_READ = 2000

#: (table, id, audit event's number or FOUND, hash or None once deleted)
Entry = tuple[str, str, int, str | None]
#: Sorts after every event's number: a row's hash as found comes after those recorded.
FOUND = 2**62


class ExpectedHashes:
    """Collect entries in any order; read them back sorted by table then id as
    ``(table, id, recorded, found)``. Close it (or use ``with``)."""

    def __init__(self, run: int | None = None) -> None:
        self._run = run or RUN
        self._entries: list[Entry] = []
        self._folder: Path | None = None
        self._scratch: sqlcipher.Connection | None = None
        self._runs = 0
        self.size = 0

    def add(self, table: str, row_id: str, seq: int, digest: str | None) -> None:
        """What audit event ``seq`` recorded for the row (``None``: it was deleted)."""
        self._entries.append((table, row_id, seq, digest))
        self.size += 1
        if len(self._entries) >= self._run:
            self._spill()

    def found(self, table: str, row_id: str, digest: str) -> None:
        """The row's hash as it is now."""
        self.add(table, row_id, FOUND, digest)

    @property
    def spilled(self) -> int:
        """How many sorted runs went to the scratch file."""
        return self._runs

    def _spill(self) -> None:
        self._entries.sort()
        scratch = self._open_scratch()
        name = f"run{self._runs}"
        scratch.execute("BEGIN")
        scratch.execute(f"CREATE TABLE {name} (t TEXT, id TEXT, seq INTEGER, h TEXT)")
        scratch.executemany(f"INSERT INTO {name} VALUES (?, ?, ?, ?)", self._entries)
        scratch.execute("COMMIT")
        self._runs += 1
        self._entries = []

    def _open_scratch(self) -> sqlcipher.Connection:
        if self._scratch is None:
            self._folder = Path(tempfile.mkdtemp(prefix="cpc-check-"))
            con = sqlcipher.connect(str(self._folder / "runs.db"), isolation_level=None)
            con.execute("PRAGMA cipher_log_level = NONE")
            con.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-2000"):
                con.execute("PRAGMA " + pragma).fetchall()
            self._scratch = con
        return self._scratch

    def _read_run(self, index: int) -> Iterator[Entry]:
        assert self._scratch is not None
        cursor = self._scratch.cursor()
        try:
            cursor.execute(f"SELECT t, id, seq, h FROM run{index} ORDER BY rowid")
            while part := cursor.fetchmany(_READ):
                yield from part
        finally:
            cursor.close()

    def pairs(self) -> Iterator[tuple[str, str, str | None, str | None]]:
        """``(table, id, recorded, found)`` for every row either side names, in order:
        ``recorded`` the last hash the log holds (``None``: none, or deleted), ``found``
        the row's hash now (``None``: no such row)."""
        self._entries.sort()
        runs: list[Any] = [self._read_run(i) for i in range(self._runs)]
        merged = heapq.merge(*runs, self._entries) if runs else iter(self._entries)
        table, row_id = "", ""
        recorded: str | None = None
        found: str | None = None
        started = False
        for entry in merged:
            if entry[1] != row_id or entry[0] != table:
                if started:
                    yield table, row_id, recorded, found
                table, row_id, recorded, found, started = entry[0], entry[1], None, None, True
            if entry[2] == FOUND:
                found = entry[3]
            else:
                recorded = entry[3]
        if started:
            yield table, row_id, recorded, found

    def close(self) -> None:
        self._entries = []
        if self._scratch is not None:
            self._scratch.close()
            self._scratch = None
        if self._folder is not None:
            with suppress(OSError):
                shutil.rmtree(self._folder)
            self._folder = None

    def __enter__(self) -> ExpectedHashes:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
