"""The hand-over log: which packages a store exported or imported, and the agreed base.

Each row remembers one package in one direction and the canonical JSON of the
conference both sides agreed on after it, which is the base of the next three-way
merge. The rows are written inside the caller's unit of work.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data.repository import row_meta

DIRECTIONS = ("exported", "imported")


def record_handover(
    session: Session,
    *,
    conference_id: str,
    package_id: str,
    direction: str,
    peer: str,
    base_document: str,
    who: str,
    now: datetime,
) -> None:
    """Add the row for one package sent (``exported``) or received (``imported``)."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    session.add(
        m.HandoverRow(
            conference_id=conference_id,
            package_id=package_id,
            direction=direction,
            at=now,
            peer=peer,
            base_document=base_document,
            **row_meta(who, now),
        )
    )
    session.flush()


def agreed_base(session: Session, conference_id: str) -> str | None:
    """The base document of the conference's latest hand-over, or ``None`` if none yet."""
    h = m.HandoverRow
    return session.scalar(
        sa.select(h.base_document)
        .where(h.conference_id == conference_id)
        .order_by(h.at.desc(), h.row_created_at.desc())
        .limit(1)
    )


def handover_seen(session: Session, package_id: str, direction: str) -> datetime | None:
    """When the package was recorded in that direction, or ``None`` if never."""
    h = m.HandoverRow
    return session.scalar(
        sa.select(h.at).where(h.package_id == package_id, h.direction == direction)
    )


def last_handover(session: Session, conference_id: str) -> datetime | None:
    """When the conference last went in or out as a package (either way), or ``None``."""
    h = m.HandoverRow
    return session.scalar(sa.select(sa.func.max(h.at)).where(h.conference_id == conference_id))


def last_change(session: Session, conference_id: str) -> datetime | None:
    """When any row of the conference's record was last written (``row_updated_at``).

    The conference row, each table holding its ``conference_id`` (the hand-over log, the
    files made and the release checks aside: they are not in a package) and the rows
    under a participant or a decision. A row deleted leaves no time behind.
    """
    aside = {m.HandoverRow, m.OutputFileRow, m.ReleaseCheckRow}
    owned = [
        cls
        for cls in (mapper.class_ for mapper in m.Base.registry.mappers)
        if cls not in aside and "conference_id" in cls.__table__.columns
    ]
    queries: list[sa.Select[Any]] = [
        sa.select(sa.func.max(m.ConferenceRow.row_updated_at)).where(
            m.ConferenceRow.id == conference_id
        )
    ]
    queries += [
        sa.select(sa.func.max(cls.row_updated_at)).where(cls.conference_id == conference_id)
        for cls in owned
    ]
    for child, parent, key in (
        (m.AttendanceEventRow, m.ParticipantRow, m.AttendanceEventRow.participant_id),
        (m.AgencyViewRow, m.DecisionRow, m.AgencyViewRow.decision_id),
        (m.DissentRow, m.DecisionRow, m.DissentRow.decision_id),
        (m.PlanActionRow, m.DecisionRow, m.PlanActionRow.decision_id),
    ):
        queries.append(
            sa.select(sa.func.max(child.row_updated_at))
            .join(parent, parent.id == key)
            .where(parent.conference_id == conference_id)
        )
    times: list[datetime] = [t for q in queries if (t := session.scalar(q)) is not None]
    return max(times, default=None)
