"""Moving whole conferences between the ORM rows and the frozen domain record.

Column names equal the dataclass field names, so the mapping is generic: nested
lists (attendance, views, dissents, actions) are handled by name, positions come
from the order of the tuples, and row metadata (who, when) is filled in here.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from cpc_desktop.data import audit, record_reader
from cpc_desktop.data import models as m
from cpc_desktop.domain import conference as d

T = TypeVar("T")

# dataclass type -> (ORM class, nested field name -> nested dataclass type)
_NESTED: dict[type[Any], dict[str, type[Any]]] = {
    d.Participant: {"attendance": d.AttendanceEvent},
    d.Decision: {"views": d.AgencyView, "dissents": d.Dissent, "actions": d.PlanAction},
    d.CarriedPlan: {"actions": d.CarriedAction},
}
_ORM: dict[type[Any], type[m.Row]] = {
    d.Conference: m.ConferenceRow,
    d.Child: m.ChildRow,
    d.Participant: m.ParticipantRow,
    d.AttendanceEvent: m.AttendanceEventRow,
    d.AgendaItem: m.AgendaItemRow,
    d.MinuteEntry: m.MinuteEntryRow,
    d.Decision: m.DecisionRow,
    d.AgencyView: m.AgencyViewRow,
    d.Dissent: m.DissentRow,
    d.PlanAction: m.PlanActionRow,
    d.MinutesVersion: m.MinutesVersionRow,
    d.Letter: m.LetterRow,
    d.Distribution: m.DistributionRow,
    d.ConferenceAction: m.ConferenceActionRow,
    d.SafetyScale: m.SafetyScaleRow,
    d.Appeal: m.AppealRow,
    d.ClockEvent: m.ClockEventRow,
    d.CarriedPlan: m.CarriedPlanRow,
    d.CarriedAction: m.CarriedActionRow,
    d.ScalePoint: m.ScalePointRow,
    d.Complaint: m.ComplaintRow,
    d.CorrectionRequest: m.CorrectionRequestRow,
}
# Sections kept about the conference, with no relationship on its row: read, added and
# synced by conference id. A complaint names its conference itself and has no position.
_KEPT: dict[str, type[Any]] = {"complaints": d.Complaint, "corrections": d.CorrectionRequest}
_VALUE: dict[type[m.Row], type[Any]] = {row: value for value, row in _ORM.items()}
# dataclass -> fields held in a table of their own (written by _sync_kept), not columns
_APART: dict[type[Any], tuple[str, ...]] = {d.Complaint: ("child_ids",)}
# ConferenceRecord field -> element dataclass
_SECTIONS: dict[str, type[Any]] = {
    "children": d.Child,
    "participants": d.Participant,
    "agenda": d.AgendaItem,
    "minutes": d.MinuteEntry,
    "decisions": d.Decision,
    "minutes_versions": d.MinutesVersion,
    "letters": d.Letter,
    "distributions": d.Distribution,
    "actions": d.ConferenceAction,
    "scaling": d.SafetyScale,
    "appeals": d.Appeal,
    "clock": d.ClockEvent,
    "plans": d.CarriedPlan,
    "scale_history": d.ScalePoint,
}


def row_meta(who: str, now: datetime) -> dict[str, Any]:
    return {
        "row_created_at": now,
        "row_created_by": who,
        "row_updated_at": now,
        "row_updated_by": who,
    }


def _to_row(value: Any, position: int | None, meta: dict[str, Any], **extra: Any) -> m.Row:
    cls = type(value)
    nested = _NESTED.get(cls, {})
    columns: dict[str, Any] = {}
    for f in fields(value):
        item = getattr(value, f.name)
        if f.name in _APART.get(cls, ()):
            continue
        if f.name in nested:
            columns[f.name] = [_to_row(child, i, meta) for i, child in enumerate(item)]
        elif isinstance(item, tuple):
            columns[f.name] = list(item)
        else:
            columns[f.name] = item
    if position is not None:
        columns["position"] = position
    return _ORM[cls](**columns, **meta, **extra)


def _to_value(cls: type[T], row: m.Row) -> T:
    nested = _NESTED.get(cls, {})
    kwargs: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        item = getattr(row, f.name)
        if f.name in nested:
            kwargs[f.name] = tuple(_to_value(nested[f.name], child) for child in item)
        elif isinstance(item, list):
            kwargs[f.name] = tuple(item)
        else:
            kwargs[f.name] = item
    return cls(**kwargs)


def insert_record(session: Session, record: d.ConferenceRecord, who: str, now: datetime) -> None:
    """Add a whole conference as new rows (ids are kept from the record)."""
    meta = row_meta(who, now)
    conference = _to_row(record.conference, None, meta)
    session.add(conference)
    session.flush()  # the conference row first: every section refers to it
    for section in _SECTIONS:  # in order: later sections refer to earlier ones
        items: Sequence[Any] = getattr(record, section)
        session.add_all(
            _to_row(item, i, meta, conference_id=record.conference.id)
            for i, item in enumerate(items)
        )
        session.flush()
    _sync_kept(session, record, meta, Counter())


@dataclass(frozen=True)
class SyncCounts:
    """Rows (nested rows included) that :func:`sync_record` added, changed and deleted.

    A row that only moved (its position) is written but not counted as changed.
    """

    added: int = 0
    changed: int = 0
    deleted: int = 0


def sync_record(
    session: Session, merged: d.ConferenceRecord, who: str, now: datetime
) -> SyncCounts:
    """Make the stored conference equal to ``merged``, writing only the rows that differ.

    Rows whose id is not in ``merged`` are deleted (in reverse section order, so nothing
    is left pointing at a deleted row), then the conference and each section in order get
    their changed columns set and their new rows added. A row whose values and position
    are unchanged is not written at all (an issued minutes version refuses any UPDATE).
    Rows the database itself deletes or sets to null as a consequence are told to the
    audit. Raises ``LookupError`` if the conference is not stored.
    """
    tally: Counter[str] = Counter()
    stored = _stored(session, merged.conference.id)
    meta = row_meta(who, now)
    removed: list[m.Row] = []
    for section in reversed(_SECTIONS):
        _removed(getattr(stored, section), getattr(merged, section), removed)
    _mark_dependants(session, {(row.__tablename__, row.id) for row in removed})
    for row in removed:  # already in reverse section order
        tally["deleted"] += _size(row)
        session.delete(row)
        session.flush()
    stored = _stored(session, merged.conference.id)  # as the database left it
    _update(stored, merged.conference, None, meta, tally)
    session.flush()
    parent = {"conference_id": merged.conference.id}
    for section in _SECTIONS:  # in order: later sections refer to earlier ones
        _upsert(session, getattr(stored, section), getattr(merged, section), parent, meta, tally)
        session.flush()
    _sync_kept(session, merged, meta, tally)  # last: they refer to versions just added
    return SyncCounts(tally["added"], tally["changed"], tally["deleted"])


def _sync_kept(
    session: Session, record: d.ConferenceRecord, meta: dict[str, Any], tally: Counter[str]
) -> None:
    """Make the conference's complaints and correction requests those of ``record``."""
    for section, cls in _KEPT.items():
        table = _ORM[cls]
        where = table.conference_id == record.conference.id  # type: ignore[attr-defined]
        stored = {row.id: row for row in session.scalars(sa.select(table).where(where))}
        values = getattr(record, section)
        wanted = {value.id for value in values}
        for gone in [row for row in stored.values() if row.id not in wanted]:
            tally["deleted"] += 1
            session.delete(gone)
        positioned = hasattr(table, "position")
        for i, value in enumerate(values):
            position = i if positioned else None
            found = stored.get(value.id)
            if found is None:
                extra = {"conference_id": record.conference.id} if positioned else {}
                session.add(_to_row(value, position, meta, **extra))
                tally["added"] += 1
            else:
                _update(found, value, position, meta, tally)
        session.flush()
    _sync_complaint_children(session, record, meta, tally)


def _sync_complaint_children(
    session: Session, record: d.ConferenceRecord, meta: dict[str, Any], tally: Counter[str]
) -> None:
    """Make the ``complaint_child`` rows name the children each complaint names."""
    link = m.ComplaintChildRow
    ids = [c.id for c in record.complaints]
    stored = {
        (row.complaint_id, row.child_id): row
        for row in session.scalars(sa.select(link).where(link.complaint_id.in_(ids)))
    }
    wanted = {(c.id, child) for c in record.complaints for child in c.child_ids}
    for key in sorted(set(stored) - wanted):
        tally["deleted"] += 1
        session.delete(stored[key])
    for complaint in record.complaints:
        for child in complaint.child_ids:
            if (complaint.id, child) not in stored:
                session.add(link(id=m.new_id(), complaint_id=complaint.id, child_id=child, **meta))
                tally["added"] += 1
    session.flush()


def _stored(session: Session, conference_id: str) -> m.ConferenceRow:
    row = session.scalars(
        sa.select(m.ConferenceRow)
        .where(m.ConferenceRow.id == conference_id)
        .options(*_loaded())
        .execution_options(populate_existing=True)
    ).one_or_none()
    if row is None:
        raise LookupError(f"no conference {conference_id!r}")
    return row


def _removed(rows: Sequence[m.Row], values: Sequence[Any], out: list[m.Row]) -> None:
    """Collect the rows (nested ones first) whose ids are not among ``values``."""
    wanted = {value.id: value for value in values}
    for row in rows:
        value = wanted.get(row.id)
        if value is None:
            out.append(row)
            continue
        for name in _NESTED.get(type(value), {}):
            _removed(getattr(row, name), getattr(value, name), out)


def _size(row: m.Row) -> int:
    """One for a row and one for each row nested in it."""
    nested = _NESTED.get(_VALUE[type(row)], {})
    return 1 + sum(_size(child) for name in nested for child in getattr(row, name))


def _mark_dependants(session: Session, removed: set[tuple[str, str]]) -> None:
    """Tell the audit about rows the database will cascade-delete or set to null."""
    seen, frontier = set(removed), removed
    while frontier:
        by_table: dict[str, list[str]] = {}
        for name, row_id in frontier:
            by_table.setdefault(name, []).append(row_id)
        frontier = set()
        for table in m.TRACKED_TABLES:
            for fk in table.foreign_keys:
                ids = by_table.get(fk.column.table.name)
                if not ids:
                    continue
                for row_id in session.scalars(sa.select(table.c.id).where(fk.parent.in_(ids))):
                    key = (table.name, row_id)
                    if key not in seen:
                        seen.add(key)
                        audit.mark_touched(session, *key)
                        if fk.ondelete == "CASCADE":
                            frontier.add(key)


def _upsert(
    session: Session,
    rows: Sequence[m.Row],
    values: Sequence[Any],
    parent: dict[str, str],
    meta: dict[str, Any],
    tally: Counter[str],
) -> None:
    stored = {row.id: row for row in rows}
    for position, value in enumerate(values):
        row = stored.get(value.id)
        if row is None:
            new = _to_row(value, position, meta, **parent)
            session.add(new)
            tally["added"] += _size(new)
            continue
        _update(row, value, position, meta, tally)
        key = {f"{row.__tablename__}_id": row.id}  # participant_id, decision_id
        for name in _NESTED.get(type(value), {}):
            _upsert(session, getattr(row, name), getattr(value, name), key, meta, tally)


def _update(
    row: m.Row, value: Any, position: int | None, meta: dict[str, Any], tally: Counter[str]
) -> None:
    """Set only the columns of ``row`` that differ from ``value`` (nested lists aside)."""
    nested = _NESTED.get(type(value), {})
    wanted: dict[str, Any] = {
        f.name: list(item) if isinstance(item := getattr(value, f.name), tuple) else item
        for f in fields(value)
        if f.name not in nested and f.name not in _APART.get(type(value), ())
    }
    if position is not None:
        wanted["position"] = position
    changed = {
        name: item for name, item in wanted.items() if _plain(getattr(row, name)) != _plain(item)
    }
    if not changed:
        return
    for name, item in changed.items():
        setattr(row, name, item)
    row.row_updated_at = meta["row_updated_at"]
    row.row_updated_by = meta["row_updated_by"]
    if set(changed) != {"position"}:  # a row that only moved up or down is not "changed"
        tally["changed"] += 1


def _loaded() -> Iterable[Any]:
    c = m.ConferenceRow
    return (
        selectinload(c.children),
        selectinload(c.participants).selectinload(m.ParticipantRow.attendance),
        selectinload(c.agenda),
        selectinload(c.minutes),
        selectinload(c.decisions).selectinload(m.DecisionRow.views),
        selectinload(c.decisions).selectinload(m.DecisionRow.dissents),
        selectinload(c.decisions).selectinload(m.DecisionRow.actions),
        selectinload(c.minutes_versions),
        selectinload(c.letters),
        selectinload(c.distributions),
        selectinload(c.actions),
        selectinload(c.scaling),
        selectinload(c.plans).selectinload(m.CarriedPlanRow.actions),  # type: ignore[attr-defined]
        selectinload(c.scale_history),  # type: ignore[attr-defined]
    )


def load_record(session: Session, conference_id: str) -> d.ConferenceRecord | None:
    """The whole conference as stored, or ``None``: the one reader of a conference,
    :func:`cpc_desktop.data.record_reader.read_record`, on ``session``'s connection, after
    flushing what the session holds so that the record includes it."""
    session.flush()
    return record_reader.read_record(session.connection(), conference_id)


def conference_row(session: Session, conference_id: str) -> m.ConferenceRow | None:
    return session.get(m.ConferenceRow, conference_id)


def find_conference_id(session: Session, ref: str) -> str | None:
    """The id of the conference whose reference or UUID is ``ref``."""
    ref = ref.strip()
    found = session.scalar(sa.select(m.ConferenceRow.id).where(m.ConferenceRow.reference == ref))
    if found is not None:
        return found
    try:
        as_uuid = str(uuid.UUID(ref))
    except ValueError:
        return None
    return session.scalar(sa.select(m.ConferenceRow.id).where(m.ConferenceRow.id == as_uuid))


def conferences(session: Session) -> list[d.Conference]:
    rows = session.scalars(
        sa.select(m.ConferenceRow).order_by(m.ConferenceRow.date, m.ConferenceRow.reference)
    )
    return [_to_value(d.Conference, row) for row in rows]


def children_by_conference(session: Session) -> dict[str, list[d.Child]]:
    result: dict[str, list[d.Child]] = {}
    for row in session.scalars(sa.select(m.ChildRow).order_by(m.ChildRow.position)):
        result.setdefault(row.conference_id, []).append(_to_value(d.Child, row))
    return result


def store_users(session: Session) -> dict[str, m.AppUser]:
    return {u.name: u for u in session.scalars(sa.select(m.AppUser))}


def all_ids(record: d.ConferenceRecord) -> list[tuple[str, str]]:
    """Every (table, id) in a record, for clash checks before import."""
    out: list[tuple[str, str]] = [("conference", record.conference.id)]
    for section in (*_SECTIONS, *_KEPT):
        for item in getattr(record, section):
            out += _ids(item)
    return out


def existing_ids(session: Session, keys: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Which of these (table, id) pairs the store already holds."""
    by_table: dict[str, list[str]] = {}
    for table, row_id in keys:
        by_table.setdefault(table, []).append(row_id)
    clashes: list[tuple[str, str]] = []
    for name, ids in by_table.items():
        tbl = m.Base.metadata.tables[name]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            clashes.extend(
                (name, i) for i in session.scalars(sa.select(tbl.c.id).where(tbl.c.id.in_(chunk)))
            )
    return clashes


def to_value(cls: type[T], row: m.Row) -> T:
    """The frozen value of one row (nested lists included), e.g. an ``AgendaItem``."""
    return _to_value(cls, row)


def minute_entry(row: m.MinuteEntryRow) -> d.MinuteEntry:
    return _to_value(d.MinuteEntry, row)


def first_sent(session: Session) -> dict[tuple[str, str], datetime]:
    """The first time each item (e.g. ``decision_letter``) of each conference went out."""
    rows = session.execute(
        sa.select(
            m.DistributionRow.conference_id,
            m.DistributionRow.item,
            sa.func.min(m.DistributionRow.sent_at),
        ).group_by(m.DistributionRow.conference_id, m.DistributionRow.item)
    )
    return {(conf, item): sent for conf, item, sent in rows}


def conference(row: m.ConferenceRow) -> d.Conference:
    return _to_value(d.Conference, row)


def next_reference(session: Session, year: int, abbreviation: str = "CPC") -> str:
    """The next free reference of the form <abbreviation>-<year>-<number>: CPC-2026-0001,
    or under Scotland's rules CPPM-2026-0001 (the profile's name for the meeting; letters
    and digits only, "CPC" when it has none)."""
    letters = "".join(ch for ch in abbreviation.upper() if ch.isascii() and ch.isalnum())
    prefix = f"{letters[:10] or 'CPC'}-{year}-"
    taken = session.scalars(
        sa.select(m.ConferenceRow.reference).where(m.ConferenceRow.reference.like(prefix + "%"))
    )
    numbers = [int(r[len(prefix) :]) for r in taken if r[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _ids(value: Any) -> list[tuple[str, str]]:
    """(table, id) of a value and of everything nested in it."""
    out = [(_ORM[type(value)].__tablename__, value.id)]
    for name in _NESTED.get(type(value), {}):
        for child in getattr(value, name):
            out += _ids(child)
    return out


def decision_ids(decision: d.Decision) -> list[tuple[str, str]]:
    return _ids(decision)


def add_decision(
    session: Session,
    decision: d.Decision,
    conference_id: str,
    position: int,
    who: str,
    now: datetime,
) -> None:
    session.add(_to_row(decision, position, row_meta(who, now), conference_id=conference_id))
    session.flush()


def add_value(
    session: Session, value: Any, conference_id: str, position: int, who: str, now: datetime
) -> None:
    """Add one element of a record's list (a minutes version, a letter, a distribution)."""
    session.add(_to_row(value, position, row_meta(who, now), conference_id=conference_id))
    session.flush()


def update_value(session: Session, value: Any, who: str, now: datetime) -> None:
    """Write every field of a flat value (no nested lists) onto its existing row."""
    row = session.get(_ORM[type(value)], value.id)
    if row is None:
        raise LookupError(f"no {type(value).__name__} {value.id!r}")
    for f in fields(value):
        item = getattr(value, f.name)
        setattr(row, f.name, list(item) if isinstance(item, tuple) else item)
    row.row_updated_at = now
    row.row_updated_by = who
    session.flush()


def _plain(value: Any) -> Any:
    """``value`` with every list and tuple in it as a tuple, for comparing."""
    if isinstance(value, list | tuple):
        return tuple(_plain(item) for item in value)
    return value
