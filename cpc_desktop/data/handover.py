"""The hand-over log: which packages a store exported or imported, and the agreed base.

Each row remembers one package in one direction and the canonical JSON of the
conference both sides agreed on after it, which is the base of the next three-way
merge. The rows are written inside the caller's unit of work.
"""

from __future__ import annotations

from datetime import datetime

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
