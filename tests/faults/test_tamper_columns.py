"""Tampering with any one stored value is caught by ``check`` (issue 17, acceptance).

Parametrized over every column of every audited table and every column of
``audit_event``, read from the models' metadata, so a column added later is covered
without touching this file. Each case changes that one value, to another value its
column's type reads without complaint (so only the hashes can catch it), with SQL run
outside CPC Desktop on the keyed file, and ``check`` must name the row or the event.

That alone would pass if a column existed in the file but not in the models (it would
be neither hashed nor tampered with here), or if the event hash listed its fields by
hand and missed one; the first tests close those gaps.
"""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.orm import Session

from cpc_desktop.data import audit, integrity
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.models import TRACKED_TABLES, AuditEvent
from cpc_desktop.data.probe import key_for_file
from cpc_desktop.data.store import open_store
from cpc_desktop.data.types import InstantSpans, UTCDateTime
from tests.faults.support import PASSPHRASE, assert_refused, run_cli

pytestmark = pytest.mark.sqlite_only

EVENTS = AuditEvent.__table__
AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
#: Text columns whose CHECK constraint allows only these values.
CHECKED_TEXT = {("handover", "direction"): ("exported", "imported")}


def _different(table: sa.Table, column: sa.Column[Any], current: Any) -> Any:
    """A value other than ``current`` that the column's type reads back without error."""
    kind = column.type
    if (column.primary_key and table is not EVENTS) or column.foreign_keys:
        return str(uuid.uuid4())
    if isinstance(kind, sa.Enum):
        assert kind.enum_class is not None
        return next(m for m in kind.enum_class if m != current)
    if isinstance(kind, InstantSpans):
        return (*(current or ()), (AT, AT + timedelta(minutes=1)))
    if isinstance(kind, sa.JSON):
        return [*(current or []), "tampered"]
    if isinstance(kind, UTCDateTime):
        return (current or AT) + timedelta(seconds=1)
    if isinstance(kind, sa.Date):
        return (current or date(2026, 11, 23)) + timedelta(days=1)
    if isinstance(kind, sa.Time):
        return (datetime.combine(AT.date(), current or time(9)) + timedelta(minutes=1)).time()
    if isinstance(kind, sa.Boolean):
        return not current
    if isinstance(kind, sa.Integer):
        return 1 if current is None else current + 1 if current < 10 else current - 1
    if isinstance(kind, sa.LargeBinary):
        return (current or b"") + b"tampered"
    if isinstance(kind, sa.String):  # Text too
        allowed = CHECKED_TEXT.get((table.name, column.name))
        if allowed is not None:
            return next(v for v in allowed if v != current)
        return (current or "") + "x"
    raise AssertionError(f"no way to change {table.name}.{column.name} ({kind!r})")


def _fill_empty_tables(session: Session) -> None:
    """One row in each table the demo leaves empty, through an audited unit of work."""
    for table in TRACKED_TABLES:
        if session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
            continue
        row: dict[str, Any] = {}
        for column in table.columns:
            if column.foreign_keys:
                (fk,) = column.foreign_keys
                target = fk.column.table
                row[column.name] = session.scalars(
                    sa.select(target.c.id).order_by(target.c.id).limit(1)
                ).first()
            else:
                row[column.name] = _different(table, column, None)
        session.execute(sa.insert(table).values(row))
        audit.mark_touched(session, table.name, row["id"])


@pytest.fixture(scope="module")
def every_table(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store with a row in every audited table, the chain sound."""
    path = tmp_path_factory.mktemp("tamper") / "demo.db"
    shutil.copy(demo_template, path)
    with open_store(path, _key(path)) as store:
        context = audit.AuditContext("Alex Chair", "chair", "import", "store", at=AT)
        with store.unit_of_work(context) as work:
            _fill_empty_tables(work.session)
        report = integrity.check(store)
        assert report.sound, report.problems
        with store.reading() as session:
            for table in TRACKED_TABLES:
                count = sa.select(sa.func.count()).select_from(table)
                assert session.execute(count).scalar_one() > 0, table.name
    return path


_KEYS: dict[bytes, StoreKey] = {}


def _key(path: Path) -> StoreKey:
    """The file's raw key, derived once (copies of one store share its salt)."""
    with path.open("rb") as handle:
        salt = handle.read(16)
    if salt not in _KEYS:
        _KEYS[salt] = key_for_file(StoreKey.from_passphrase(PASSPHRASE), path)
    return _KEYS[salt]


@pytest.fixture
def store(every_table: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    shutil.copy(every_table, path)
    return path


def _behind_its_back(path: Path) -> sa.Engine:
    """An engine on the keyed file with no triggers' protection and no foreign keys:
    SQL run here is outside CPC Desktop (no audit event, no hashes)."""

    def connect() -> sqlcipher.Connection:
        con = sqlcipher.connect(str(path), check_same_thread=False)
        con.execute("PRAGMA key = " + _key(path).sql_literal())
        con.execute("PRAGMA foreign_keys = OFF")
        return con

    return sa.create_engine("sqlite://", module=sqlcipher, creator=connect)


def _problems(path: Path) -> tuple[str, ...]:
    with open_store(path, _key(path)) as opened:
        return integrity.check(opened).problems


ROW_COLUMNS = [
    pytest.param(table, column, id=f"{table.name}.{column.name}")
    for table in TRACKED_TABLES
    for column in table.columns
]
EVENT_COLUMNS = [pytest.param(column, id=f"audit_event.{column.name}") for column in EVENTS.columns]


# --- nothing is left out of the hashes -------------------------------------------------


def test_the_file_holds_no_column_the_models_do_not_know(store: Path) -> None:
    """A column only the file has would be neither hashed nor covered below."""
    engine = _behind_its_back(store)
    with engine.connect() as conn:
        for table in (*TRACKED_TABLES, EVENTS):
            stored = {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table.name})")}
            assert stored == {c.name for c in table.columns}, table.name
    engine.dispose()


def test_a_row_hash_covers_every_column_of_its_table(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: dict[str, set[str]] = {}
    real = audit.row_hash

    def spy(table: str, row: Any) -> str:
        hashed[table] = set(row.keys())
        return real(table, row)

    monkeypatch.setattr(audit, "row_hash", spy)
    with open_store(store, _key(store)) as opened, opened.reading() as session:
        for table in TRACKED_TABLES:
            row_id = session.scalars(sa.select(table.c.id).limit(1)).one()
            audit.current_hashes(session, [(table.name, row_id)])
    assert hashed == {t.name: {c.name for c in t.columns} for t in TRACKED_TABLES}


def test_an_event_hash_covers_every_column_but_the_hash_itself(store: Path) -> None:
    with open_store(store, _key(store)) as opened, opened.reading() as session:
        event = session.scalars(sa.select(AuditEvent).limit(1)).one()
        body = audit._event_body(event)
    assert set(body) | {"hash"} == {c.name for c in EVENTS.columns}


# --- one changed value, caught ---------------------------------------------------------


@pytest.mark.parametrize(("table", "column"), ROW_COLUMNS)
def test_changing_any_value_of_any_audited_row_is_named(
    store: Path, table: sa.Table, column: sa.Column[Any]
) -> None:
    engine = _behind_its_back(store)
    with engine.begin() as conn:
        # A row where the value is set, if there is one (else: set it where it is empty).
        row = conn.execute(
            sa.select(table.c.id, column).order_by(column.is_(None), table.c.id).limit(1)
        ).one()
        new = _different(table, column, row[1])
        conn.execute(sa.update(table).where(table.c.id == row[0]).values({column.name: new}))
        assert conn.execute(sa.select(column).where(table.c.id == row[0])).all() != [(row[1],)]
    engine.dispose()
    if column.name == "id":
        expected = f"{table.name} row {new} was added outside CPC Desktop"
    else:
        expected = f"{table.name} row {row[0]} was changed outside CPC Desktop"
    assert _problems(store)[:1] == (expected,)


@pytest.mark.parametrize("column", EVENT_COLUMNS)
def test_changing_any_value_of_an_audit_event_is_named(store: Path, column: sa.Column[Any]) -> None:
    engine = _behind_its_back(store)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_event_no_update")
        current = conn.execute(sa.select(column).where(EVENTS.c.seq == 2)).scalar_one()
        new = current + 100 if column.name == "seq" else _different(EVENTS, column, current)
        conn.execute(sa.update(EVENTS).where(EVENTS.c.seq == 2).values({column.name: new}))
    engine.dispose()
    problems = _problems(store)
    if column.name == "seq":
        assert problems[:1] == ("audit event 2 is missing (the next one is 3)",)
    else:
        assert len(problems) == 1
        assert problems[0].startswith("audit event 2 (") and problems[0].endswith(") was altered")


# --- the command says so ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "UPDATE minute_entry SET created_at = datetime(created_at, '+1 second') "
            "WHERE id = (SELECT min(id) FROM minute_entry)",
            r"minute_entry row [0-9a-f-]{36} was changed outside CPC Desktop",
        ),
        (
            "UPDATE audit_event SET role = 'read_only' WHERE seq = 2",
            r"audit event 2 \(\w+\) was altered",
        ),
    ],
    ids=["minute_entry.created_at", "audit_event.role"],
)
def test_the_check_command_names_the_tampering(
    capsys: pytest.CaptureFixture[str], store: Path, sql: str, expected: str
) -> None:
    engine = _behind_its_back(store)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_event_no_update")
        conn.exec_driver_sql(sql)
    engine.dispose()
    outcome = run_cli(capsys, ["check", "--db", str(store)])
    assert_refused(outcome, rf".*demo\.db failed its check: {expected}")
