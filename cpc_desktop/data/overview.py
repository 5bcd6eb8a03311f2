"""Conferences and their children as frozen values, read with Core selects.

The home screen and ``cpc-desktop list`` need a few columns of every conference (a
store may hold 10,000 and more). Reading them as ORM objects builds an identity map
and an instrumented object per row only to copy each into a frozen value; these
selects build the values straight from the result rows, in the dataclasses' field
order (the column types convert enums and dates exactly as the ORM does).

Every read takes an optional ``where`` over the ``conference`` table, such as
:func:`current_since`, to read a part of the store instead of all of it. The reads of
the conferences' children, letters and decisions also take ``ids``, the conferences
``where`` has already found: the conference table (wide rows: on a store of 10,000
conferences 30-40 ms to read through once) is then not read again for each of them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import fields
from datetime import date, datetime

import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import ConferenceStatus, Outcome

Where = sa.ColumnElement[bool] | None
#: At most this many conference ids are given to a read as values; more (a part of the
#: store larger than any authority's current conferences) are found again by ``where``.
MOST_IDS = 10_000


def _table(row_class: type[m.Row]) -> sa.Table:
    table = row_class.__table__
    assert isinstance(table, sa.Table)
    return table


_CONFERENCE = _table(m.ConferenceRow)
_CHILD = _table(m.ChildRow)
_DISTRIBUTION = _table(m.DistributionRow)
_DECISION = _table(m.DecisionRow)
_CONFERENCE_COLUMNS = [_CONFERENCE.c[f.name] for f in fields(d.Conference)]
_CHILD_COLUMNS = [_CHILD.c[f.name] for f in fields(d.Child)]
_HELD = (ConferenceStatus.CONCLUDED, ConferenceStatus.CANCELLED)


def current_since(since: date) -> sa.ColumnElement[bool]:
    """Conferences not yet concluded or cancelled, and any dated on or after ``since``."""
    return sa.or_(_CONFERENCE.c.status.not_in(_HELD), _CONFERENCE.c.date >= since)


def conferences(connection: sa.Connection, where: Where = None) -> tuple[d.Conference, ...]:
    """The conferences (all, or those matching ``where``) by date, then reference."""
    query = sa.select(*_CONFERENCE_COLUMNS).order_by(_CONFERENCE.c.date, _CONFERENCE.c.reference)
    if where is not None:
        query = query.where(where)
    return tuple(d.Conference(*row) for row in connection.execute(query).all())


def children_by_conference(
    connection: sa.Connection, where: Where = None, ids: Collection[str] | None = None
) -> dict[str, tuple[d.Child, ...]]:
    """Each conference's children in their order, keyed by conference id."""
    query = sa.select(_CHILD.c.conference_id, *_CHILD_COLUMNS).order_by(
        _CHILD.c.conference_id, _CHILD.c.position
    )
    if where is not None:
        query = query.where(_among(_CHILD.c.conference_id, where, ids))
    grouped: dict[str, list[d.Child]] = {}
    for conference_id, *values in connection.execute(query).all():
        grouped.setdefault(conference_id, []).append(d.Child(*values))
    return {key: tuple(children) for key, children in grouped.items()}


def first_sent(
    connection: sa.Connection, where: Where = None, ids: Collection[str] | None = None
) -> dict[tuple[str, str], datetime]:
    """The first time each item (e.g. ``decision_letter``) of each conference went out."""
    query = sa.select(
        _DISTRIBUTION.c.conference_id,
        _DISTRIBUTION.c.item,
        sa.func.min(_DISTRIBUTION.c.sent_at),  # keeps the column's type: UTC instants
    ).group_by(_DISTRIBUTION.c.conference_id, _DISTRIBUTION.c.item)
    if where is not None:
        query = query.where(_among(_DISTRIBUTION.c.conference_id, where, ids))
    return {(conference, item): sent for conference, item, sent in connection.execute(query)}


def without_a_plan(
    connection: sa.Connection, where: Where = None, ids: Collection[str] | None = None
) -> frozenset[str]:
    """Conferences whose final decisions leave no child on a child protection plan (the
    plan ended, or none was made): no review follows them."""
    plan = sa.case((_DECISION.c.outcome == Outcome.CP_PLAN, 1), else_=0)
    query = (
        sa.select(_DECISION.c.conference_id)
        .where(_DECISION.c.final.is_(True))
        .group_by(_DECISION.c.conference_id)
        .having(sa.func.sum(plan) == 0)
    )
    if where is not None:
        query = query.where(_among(_DECISION.c.conference_id, where, ids))
    return frozenset(connection.execute(query).scalars())


def count(connection: sa.Connection) -> int:
    """How many conferences the store holds."""
    query = sa.select(sa.func.count()).select_from(_CONFERENCE)
    return int(connection.execute(query).scalar_one())


def concluded_unsent_before(connection: sa.Connection, before: date, items: Iterable[str]) -> int:
    """How many conferences concluded before ``before`` never sent one of ``items``."""
    missing = [
        ~sa.exists().where(
            _DISTRIBUTION.c.conference_id == _CONFERENCE.c.id, _DISTRIBUTION.c.item == item
        )
        for item in items
    ]
    query = (
        sa.select(sa.func.count())
        .select_from(_CONFERENCE)
        .where(
            _CONFERENCE.c.status == ConferenceStatus.CONCLUDED,
            _CONFERENCE.c.date < before,
            sa.or_(sa.false(), *missing),
        )
    )
    return int(connection.execute(query).scalar_one())


def _ids(where: sa.ColumnElement[bool]) -> sa.Select[tuple[str]]:
    return sa.select(_CONFERENCE.c.id).where(where)


def _among(
    column: sa.Column[str], where: sa.ColumnElement[bool], ids: Collection[str] | None
) -> sa.ColumnElement[bool]:
    """``column`` is one of the conferences ``where`` finds: ``ids`` when given (and not
    too many), else ``where`` asked again."""
    if ids is not None and len(ids) <= MOST_IDS:
        return column.in_(sorted(ids))
    return column.in_(_ids(where))
