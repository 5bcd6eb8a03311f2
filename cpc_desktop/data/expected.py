"""Row hashes, recorded and found, brought together by table and id in bounded memory.

The audit log lists, event by event, ``[table, id, hash]`` for every row each act
touched; the last entry for a row is what the row must hash to now. The rows themselves
are read in the order the file keeps them (reading them in id order instead costs a
page read per row on a large store). Both go in here, in any order, and come out sorted
by (table, id), each row's recorded hash beside its hash now, for ``check`` to compare.

While the log names at most :data:`IN_MEMORY` rows (a store of 1,000 conferences names
about 120,000), the recorded hashes are kept in a dictionary and each row found is
compared with its own at once, as a plain script would: only the rows that differ are
kept, and only they come back out. Beyond that (or once more than :data:`IN_MEMORY`
rows differ) everything goes the bounded way: up to :data:`RUN` entries are sorted in
memory, each sorted run is written to a scratch file and the runs are merged back in
order. The scratch file is an SQLCipher database under a random key that lives only in
this process, in a private temporary folder removed afterwards; it holds row ids and
hashes, never a row's contents.
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
#: Rows whose recorded hash is kept in a dictionary (about 300 bytes each) before the
#: check goes over to sorted runs: 1,000 conferences never spill, 10,000 do.
IN_MEMORY = 160_000
_READ = 2000

#: (table, id, audit event's number or FOUND, hash or None once deleted)
Entry = tuple[str, str, int, str | None]
#: Sorts after every event's number: a row's hash as found comes after those recorded.
FOUND = 2**62


class ExpectedHashes:
    """Collect what the log recorded (in any order), then every row's hash as found; read
    back, sorted by table then id, ``(table, id, recorded, found)`` for every row that
    differs (or, once the entries went to sorted runs, for every row either side names:
    equal pairs are no problem to the caller). Close it (or use ``with``)."""

    def __init__(self, run: int | None = None, in_memory: int | None = None) -> None:
        self._run = run or RUN
        self._in_memory = IN_MEMORY if in_memory is None else in_memory
        #: While small: table -> id -> (event number, hash recorded).
        self._recorded: dict[str, dict[str, tuple[int, str | None]]] | None = {}
        self._kept = 0
        #: Rows found that differ from what was recorded (while small).
        self._differ: list[tuple[str, str, str | None, str | None]] = []
        self._found_any = False
        self._entries: list[Entry] = []
        self._folder: Path | None = None
        self._scratch: sqlcipher.Connection | None = None
        self._runs = 0
        self.size = 0

    def add(self, table: str, row_id: str, seq: int, digest: str | None) -> None:
        """What audit event ``seq`` recorded for the row (``None``: it was deleted).
        Every recorded entry comes before the first row found."""
        if self._found_any and seq != FOUND:
            raise RuntimeError("recorded hashes come before the rows found")
        self.size += 1
        recorded = self._recorded
        if recorded is not None and seq != FOUND:
            rows = recorded.get(table)
            if rows is None:
                rows = recorded[table] = {}
            had = rows.get(row_id)
            if had is None:
                self._kept += 1
                rows[row_id] = (seq, digest)
                if self._kept > self._in_memory:
                    self._to_runs()
            elif seq >= had[0]:
                rows[row_id] = (seq, digest)
            return
        self._entries.append((table, row_id, seq, digest))
        if len(self._entries) >= self._run:
            self._spill()

    def found(self, table: str, row_id: str, digest: str) -> None:
        """The row's hash as it is now."""
        self._found_any = True
        recorded = self._recorded
        if recorded is None:
            self.add(table, row_id, FOUND, digest)
            return
        self.size += 1
        rows = recorded.get(table)
        had = None if rows is None else rows.pop(row_id, None)
        if had is None or had[1] != digest:
            self._differ.append((table, row_id, None if had is None else had[1], digest))
            if len(self._differ) > self._in_memory:
                self._to_runs()

    def _to_runs(self) -> None:
        """Too many to hold: everything kept so far goes the bounded way."""
        recorded, self._recorded = self._recorded, None
        assert recorded is not None
        differ, self._differ = self._differ, []
        for table, rows in recorded.items():
            for row_id, (seq, digest) in rows.items():
                self._append((table, row_id, seq, digest))
        recorded.clear()
        for table, row_id, was, now in differ:
            if was is not None:
                # Its event's number is gone: it was the last recorded, found since.
                self._append((table, row_id, 0, was))
            self._append((table, row_id, FOUND, now))

    def _append(self, entry: Entry) -> None:
        self._entries.append(entry)
        if len(self._entries) >= self._run:
            self._spill()

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
        if self._recorded is not None:
            yield from self._differences()
            return
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

    def _differences(self) -> Iterator[tuple[str, str, str | None, str | None]]:
        """The rows kept in memory that differ: changed, added, or recorded and not found."""
        assert self._recorded is not None
        missing = [
            (table, row_id, digest, None)
            for table, rows in self._recorded.items()
            for row_id, (_seq, digest) in rows.items()
            if digest is not None
        ]
        yield from sorted([*self._differ, *missing])

    def close(self) -> None:
        self._recorded = None
        self._differ = []
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
