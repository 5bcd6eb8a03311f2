"""Reading one whole conference with Core selects straight into the frozen record.

This is the one reader of a conference record (``repository.load_record`` calls it inside
a unit of work). Each table is read with one Core ``SELECT`` of exactly the dataclass's
fields, in field order, so a row becomes its value with ``cls(*row)``; the column types
(enums, UTC instants, dates, JSON lists) convert values as the ORM would. Building ORM
objects first (identity map, ``selectinload``) and converting them took about 0.2 s for a
conference of 2,000 minute entries.

One exception, for speed: on SQLite a UTC instant is stored as ISO text without a zone,
and :class:`~cpc_desktop.data.types.UTCDateTime` reads it as a naive ``datetime`` and
then ``replace(tzinfo=UTC)``, which costs 6-7 µs a value on this Python (two instants an
entry: 30 ms for 2,000 entries). Here that text is read with the zone appended, in one
``fromisoformat``: the same aware value. Likewise a JSON list (most are empty: three
an entry) is read as its text there, ``[]`` taken as it is and anything else parsed by
the column's own type, so the value is what the ORM would give.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from cpc_desktop.data import models as m
from cpc_desktop.data.types import InstantSpans, UTCDateTime
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AppealGround

# ConferenceRecord field -> (element dataclass, its table)
_SECTIONS: tuple[tuple[str, type[Any], type[m.Row]], ...] = (
    ("children", d.Child, m.ChildRow),
    ("participants", d.Participant, m.ParticipantRow),
    ("agenda", d.AgendaItem, m.AgendaItemRow),
    ("minutes", d.MinuteEntry, m.MinuteEntryRow),
    ("decisions", d.Decision, m.DecisionRow),
    ("minutes_versions", d.MinutesVersion, m.MinutesVersionRow),
    ("letters", d.Letter, m.LetterRow),
    ("distributions", d.Distribution, m.DistributionRow),
    ("actions", d.ConferenceAction, m.ConferenceActionRow),
    ("scaling", d.SafetyScale, m.SafetyScaleRow),
    ("appeals", d.Appeal, m.AppealRow),
    ("clock", d.ClockEvent, m.ClockEventRow),
    ("plans", d.CarriedPlan, m.CarriedPlanRow),
    ("scale_history", d.ScalePoint, m.ScalePointRow),
)
# parent dataclass -> nested field -> (element dataclass, its table, the parent's key column)
_NESTED: dict[type[Any], dict[str, tuple[type[Any], type[m.Row], str]]] = {
    d.Participant: {"attendance": (d.AttendanceEvent, m.AttendanceEventRow, "participant_id")},
    d.Decision: {
        "views": (d.AgencyView, m.AgencyViewRow, "decision_id"),
        "dissents": (d.Dissent, m.DissentRow, "decision_id"),
        "actions": (d.PlanAction, m.PlanActionRow, "decision_id"),
    },
    d.CarriedPlan: {"actions": (d.CarriedAction, m.CarriedActionRow, "carried_plan_id")},
}
# dataclass -> fields held in a table of their own and filled in afterwards (not columns)
_APART: dict[type[Any], tuple[str, ...]] = {d.Complaint: ("child_ids",)}


def _utc_from_text(value: Any) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(value + "+00:00")


class _UTCText(sa.types.UserDefinedType[datetime]):
    """A UTC instant as SQLite holds it (``2026-11-20 09:30:00.000000``), read as aware."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:  # pragma: no cover - never used to make tables
        return "TEXT"

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any]:
        return _utc_from_text


class _JSONText(sa.types.UserDefinedType[Any]):
    """A JSON column as SQLite holds it (text), ``[]`` read without parsing."""

    cache_ok = True

    def __init__(self, column_type: sa.types.TypeEngine[Any]) -> None:
        self.column_type = column_type

    def get_col_spec(self, **kw: Any) -> str:  # pragma: no cover - never used to make tables
        return "TEXT"

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any]:
        parse = self.column_type.dialect_impl(dialect).result_processor(dialect, coltype)
        assert parse is not None  # JSON types always convert what they read

        def process(value: Any) -> Any:
            return () if value == "[]" else parse(value)

        return process


def _selected(column: sa.Column[Any], dialect: str) -> sa.ColumnElement[Any]:
    if dialect == "sqlite" and isinstance(column.type, UTCDateTime):
        return sa.type_coerce(column, _UTCText())
    if dialect == "sqlite" and isinstance(column.type, sa.JSON | InstantSpans):
        return sa.type_coerce(column, _JSONText(column.type))
    return column


def _table(row_class: type[m.Row]) -> sa.Table:
    table = row_class.__table__
    assert isinstance(table, sa.Table)
    return table


_Plan = tuple[list[sa.ColumnElement[Any]], Callable[..., Any]]
_PLANS: dict[tuple[type[Any], str], _Plan] = {}


def _plan(cls: type[Any], row_class: type[m.Row], dialect: str) -> _Plan:
    """The columns to select for ``cls`` (its own fields, in order) and a row -> value maker.

    Nested fields are left out (filled in afterwards); JSON lists become tuples, as the
    frozen values hold them. Made once per dataclass and dialect.
    """
    plan = _PLANS.get((cls, dialect))
    if plan is None:
        plan = _PLANS[(cls, dialect)] = _make_plan(cls, row_class, dialect)
    return plan


def _make_plan(cls: type[Any], row_class: type[m.Row], dialect: str) -> _Plan:
    table = _table(row_class)
    nested = (*_NESTED.get(cls, {}), *_APART.get(cls, ()))
    names = [f.name for f in fields(cls) if f.name not in nested]
    columns = [table.c[name] for name in names]
    lists = [i for i, c in enumerate(columns) if isinstance(c.type, sa.JSON)]
    selected = [_selected(c, dialect) for c in columns]
    if not lists and not nested:
        return selected, cls

    def make(*row: Any) -> Any:
        values = list(row)
        for i in lists:
            if isinstance(values[i], list):
                values[i] = tuple(values[i])
        if nested:  # a nested field may come before others: name every value
            return cls(**dict(zip(names, values, strict=True)))
        return cls(*values)

    return selected, make


def _children_of(
    conn: sa.Connection, parents: type[m.Row], conference_id: str, cls: type[Any], field: str
) -> dict[str, list[Any]]:
    """Every ``field`` element of the conference's ``parents`` rows, by parent id, in order."""
    element, row_class, key = _NESTED[cls][field]
    columns, make = _plan(element, row_class, conn.dialect.name)
    table, parent = _table(row_class), _table(parents)
    query = (
        sa.select(table.c[key], *columns)
        .join(parent, parent.c.id == table.c[key])
        .where(parent.c.conference_id == conference_id)
        .order_by(table.c.position)
    )
    found: dict[str, list[Any]] = {}
    for owner, *values in conn.execute(query):
        found.setdefault(owner, []).append(make(*values))
    return found


def _section(
    conn: sa.Connection,
    cls: type[Any],
    row_class: type[m.Row],
    conference_id: str,
    every: bool = False,
) -> tuple[Any, ...]:
    """The conference's ``row_class`` rows as ``cls`` values, with their nested ones;
    with ``every``, the nested ones' statements run even when there is no row."""
    columns, make = _plan(cls, row_class, conn.dialect.name)
    table = _table(row_class)
    query = sa.select(*columns).where(table.c.conference_id == conference_id)
    rows: Sequence[Any] = conn.execute(query.order_by(table.c.position)).all()
    nested = _NESTED.get(cls)
    if not nested or not (rows or every):
        return tuple(make(*row) for row in rows)
    kids = {name: _children_of(conn, row_class, conference_id, cls, name) for name in nested}
    values = []
    for row in rows:
        value = make(*row)
        extra = {name: tuple(found.get(value.id, ())) for name, found in kids.items()}
        values.append(replace(value, **extra) if any(extra.values()) else value)
    return tuple(values)


def read_record(conn: sa.Connection, conference_id: str) -> d.ConferenceRecord | None:
    """The whole conference ``conference_id`` as stored, or ``None`` if there is none."""
    columns, make = _plan(d.Conference, m.ConferenceRow, conn.dialect.name)
    table = _table(m.ConferenceRow)
    row = conn.execute(sa.select(*columns).where(table.c.id == conference_id)).first()
    if row is None:
        return None
    return d.ConferenceRecord(conference=make(*row), **_sections(conn, conference_id))


def _sections(conn: sa.Connection, conference_id: str, every: bool = False) -> dict[str, Any]:
    sections = {
        name: _section(conn, cls, row_class, conference_id, every)
        for name, cls, row_class in _SECTIONS
    }
    return {**sections, **_kept(conn, conference_id, every)}


def prepare(conn: sa.Connection) -> None:
    """Run every statement :func:`read_record` runs, for a conference id no conference
    has: each is compiled once on this connection's engine and kept in its cache, so the
    first conference opened reads as quickly as later ones. No row is read."""
    nobody = ""  # ids are UUIDs
    columns, _make = _plan(d.Conference, m.ConferenceRow, conn.dialect.name)
    table = _table(m.ConferenceRow)
    conn.execute(sa.select(*columns).where(table.c.id == nobody)).first()
    _sections(conn, nobody, every=True)


def _kept(
    conn: sa.Connection, conference_id: str, every: bool = False
) -> dict[str, tuple[Any, ...]]:
    """The complaints (by date received, then id: they have no position), each with the
    children it names (in the conference's order of children; none for a complaint
    recorded before revision 0014, which concerns every child), and the correction
    requests (in the order recorded)."""
    complaint = _table(m.ComplaintRow)
    columns, make = _plan(d.Complaint, m.ComplaintRow, conn.dialect.name)
    found = conn.execute(
        sa.select(*columns)
        .where(complaint.c.conference_id == conference_id)
        .order_by(complaint.c.received, complaint.c.id)
    ).all()
    named: dict[str, list[str]] = {}
    if found or every:
        link, child = _table(m.ComplaintChildRow), _table(m.ChildRow)
        query = (
            sa.select(link.c.complaint_id, link.c.child_id)
            .join(child, child.c.id == link.c.child_id)
            .where(child.c.conference_id == conference_id)
            .order_by(child.c.position, link.c.complaint_id)
        )
        for complaint_id, child_id in conn.execute(query):
            named.setdefault(complaint_id, []).append(child_id)
    complaints = tuple(
        replace(
            c,
            grounds=tuple(map(AppealGround, c.grounds)),
            child_ids=tuple(named.get(c.id, ())),
        )
        for c in (make(*r) for r in found)
    )
    return {
        "complaints": complaints,
        "corrections": _section(
            conn, d.CorrectionRequest, m.CorrectionRequestRow, conference_id, every
        ),
    }
