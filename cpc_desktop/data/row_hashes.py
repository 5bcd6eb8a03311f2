"""Each stored row's hash, read in batches in the order the store keeps them, for ``check``.

:func:`~cpc_desktop.data.audit.row_hash` hashes a row as SQLAlchemy reads it (dates as
``date``, instants as aware ``datetime``, enums as members). Going through SQLAlchemy for
every row of a large store is most of what ``check`` costs, so on SQLite the rows are
read here with the driver's own cursor and each value is turned straight into what
``row_hash`` would have hashed, with the same functions SQLAlchemy's types use
(``fromisoformat``). The result is byte for byte the same hash: the audit chain and the
seal depend on it.

A value that does not have the form CPC Desktop writes (an instant with a zone, text in
a number's column, an enum value it never wrote) is not guessed at: that row is read
again through SQLAlchemy and hashed exactly as before, so an odd value is judged by the
same rules as ever (and an unreadable one still gets its own message).

On another database (PostgreSQL) the rows are read through SQLAlchemy, streamed in
batches from the server.
"""

from __future__ import annotations

import hashlib
import json
import numbers
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa

from cpc_desktop.data import audit
from cpc_desktop.data.types import UTCDateTime

#: Rows read from the driver at a time: progress and cancelling are looked at between them.
BATCH = 2000

_ENCODE = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode
_sha256 = hashlib.sha256
_loads = json.loads


class Unusual(Exception):
    """A stored value not in the form CPC Desktop writes: read this row the slow way."""


Convert = Callable[[Any], Any]


def _instant(raw: Any) -> Any:
    if raw is None:
        return None
    value = datetime.fromisoformat(raw)
    if value.tzinfo is not None:
        raise Unusual
    return value.isoformat() + "+00:00"


def _day(raw: Any) -> Any:
    return None if raw is None else date.fromisoformat(raw).isoformat()


def _clock(raw: Any) -> Any:
    return None if raw is None else time.fromisoformat(raw).isoformat()


def _enum(values: dict[Any, Any]) -> Convert:
    def convert(raw: Any) -> Any:
        return values[raw]  # KeyError: not a value CPC Desktop wrote

    return convert


def _flag(raw: Any) -> Any:
    return None if raw is None else bool(raw)  # as SQLAlchemy's int_to_boolean


def _json(process: Convert) -> Convert:
    def convert(raw: Any) -> Any:
        value = process(raw)
        if type(value) is list and all(type(item) is str for item in value):
            return value  # a list of ids: already as row_hash hashes it
        return audit.plain(value)

    return convert


def _sqlite_json(raw: Any) -> Any:
    """SQLAlchemy's reading of a JSON column on SQLite with no deserializer of its own:
    ``json.loads``, and a number stored as a number is that number."""
    if raw is None:
        return None
    try:
        return _loads(raw)
    except TypeError:
        if isinstance(raw, numbers.Number):
            return raw
        raise


def _through(process: Convert) -> Convert:
    def convert(raw: Any) -> Any:
        return audit.plain(process(raw))

    return convert


def converter(column: sa.Column[Any], dialect: sa.Dialect) -> Convert | None:
    """What turns the driver's value of ``column`` into the value ``row_hash`` hashes;
    ``None`` when it is the driver's value itself."""
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return _instant
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        values: dict[Any, Any] = {member.value: member.value for member in kind.enum_class}
        values[None] = None
        return _enum(values)
    if isinstance(kind, sa.DateTime):
        pass  # a plain DateTime: SQLAlchemy's own reading below
    elif isinstance(kind, sa.Date):
        return _day
    elif isinstance(kind, sa.Time):
        return _clock
    process = kind._cached_result_processor(dialect, None)  # what SQLAlchemy itself runs
    if process is None and not isinstance(kind, sa.LargeBinary):
        return None
    if type(kind) is sa.Boolean and dialect.name == "sqlite":
        return _flag
    if type(kind) is sa.JSON and process is not None:
        if dialect.name == "sqlite" and dialect._json_deserializer is None:
            return _json(_sqlite_json)  # what SQLAlchemy runs there, without its wrappers
        return _json(process)
    return _through(process or (lambda raw: raw))


class TableHashes:
    """The rows of one table as ``(id, hash)``, ``BATCH`` at a time, in no set order.

    ``slow(row_id)`` hashes one row through SQLAlchemy (raising what SQLAlchemy raises
    for a value it cannot read).
    """

    def __init__(self, conn: sa.Connection, table: sa.Table) -> None:
        self.conn = conn
        self.table = table
        self.name = str(table.name)  # not SQLAlchemy's quoted_name: plain text is faster
        self.fast = conn.dialect.name == "sqlite"

    def count(self) -> int:
        query = sa.select(sa.func.count()).select_from(self.table)
        return int(self.conn.execute(query).scalar_one())

    def slow(self, row_id: Any) -> str:
        table = self.table
        row = self.conn.execute(sa.select(table).where(table.c.id == row_id)).mappings().one()
        return audit.row_hash(self.name, row)

    def batches(self) -> Iterator[list[tuple[str, str]]]:
        return self._raw() if self.fast else self._typed()

    def _typed(self) -> Iterator[list[tuple[str, str]]]:
        table = self.table
        result = self.conn.execute(sa.select(table).execution_options(yield_per=BATCH))
        try:
            for part in result.mappings().partitions(BATCH):
                yield [(row["id"], audit.row_hash(self.name, row)) for row in part]
        finally:
            result.close()

    def _raw(self) -> Iterator[list[tuple[str, str]]]:
        columns = list(self.table.columns)
        names = [str(column.name) for column in columns]
        dialect = self.conn.dialect
        changes = [
            (str(column.name), convert)
            for column in columns
            if (convert := converter(column, dialect)) is not None
        ]
        at_id = names.index("id")
        quoted = ", ".join(f'"{name}"' for name in names)
        cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        hashed = self._hasher(names, changes)
        try:
            cursor.execute(f'SELECT {quoted} FROM "{self.name}"')
            while part := cursor.fetchmany(BATCH):
                yield [(raw[at_id], hashed(raw)) for raw in part]
        finally:
            cursor.close()

    def _hasher(
        self, names: list[str], changes: list[tuple[str, Convert]]
    ) -> Callable[[tuple[Any, ...]], str]:
        """What hashes one row as the driver gives it (the slow way for an odd value)."""
        prefix = self.name.encode() + b"\x00"
        at_id = names.index("id")
        versioned = "row_version" in names
        encode, sha256 = _ENCODE, _sha256

        def hashed(raw: tuple[Any, ...]) -> str:
            row = dict(zip(names, raw, strict=False))  # the SELECT names exactly these
            try:
                for name, convert in changes:
                    row[name] = convert(row[name])
            except (Unusual, LookupError, ValueError, TypeError):
                return self.slow(raw[at_id])
            if versioned and row["row_version"] == 1:
                del row["row_version"]
            return sha256(prefix + encode(row).encode("utf-8")).hexdigest()

        return hashed
