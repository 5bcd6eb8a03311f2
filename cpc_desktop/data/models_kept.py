"""The records kept about a conference after it (issue 20): complaints, retention and
the tombstone of a deleted conference.

Part of :mod:`cpc_desktop.data.models` (which imports this module before it lists the
tracked tables); kept apart only for the module size limit. Import the classes from
here, after :mod:`~cpc_desktop.data.models` (importing this module first fails loudly).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from cpc_desktop.data.models import Row, _fk, _ref
from cpc_desktop.data.types import enum_column
from cpc_desktop.domain.enums import AppealOutcome

__all__ = ["ComplaintChildRow", "ComplaintRow", "RetentionRow", "TombstoneRow"]


class ComplaintRow(Row):
    """A complaint about a conference (domain.md §8, §10 item 36), and how it ended.

    Travels in the conference document (its ``complaints`` section) with the conference
    it is about; it has no position: listed by date received, then id. The complainant
    is a person of the roll call (``complainant_id``) or named in ``complainant_name``
    (an advocate, a relative not invited). Grounds are the appeal grounds' values; the
    outcome uses the appeal outcomes.
    """

    __tablename__ = "complaint"

    conference_id: Mapped[str] = _fk("conference.id")
    complainant_id: Mapped[str | None] = _ref("participant.id")
    complainant_name: Mapped[str] = mapped_column(sa.String(200), default="")
    relation: Mapped[str] = mapped_column(sa.String(80), default="")
    grounds: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    details: Mapped[str] = mapped_column(sa.Text, default="")
    received: Mapped[dt.date] = mapped_column(sa.Date)
    acknowledged: Mapped[dt.date | None] = mapped_column(sa.Date)
    handled_by: Mapped[str] = mapped_column(sa.Text, default="")
    outcome: Mapped[AppealOutcome] = mapped_column(enum_column(AppealOutcome))
    decided: Mapped[dt.date | None] = mapped_column(sa.Date)
    outcome_note: Mapped[str] = mapped_column(sa.Text, default="")


class ComplaintChildRow(Row):
    """A child of the conference whom a complaint concerns (revision 0014). A complaint
    with none was recorded before then and concerns every child of its conference."""

    __tablename__ = "complaint_child"
    __table_args__ = (sa.UniqueConstraint("complaint_id", "child_id"),)

    complaint_id: Mapped[str] = _fk("complaint.id")
    child_id: Mapped[str] = _fk("child.id")


class RetentionRow(Row):
    """A conference's retention facts beyond its profile's rule: the date the case closed
    (when later than the conference) and a legal hold with its reason (item 40)."""

    __tablename__ = "retention"

    conference_id: Mapped[str] = mapped_column(
        sa.String(36), sa.ForeignKey("conference.id", ondelete="CASCADE"), unique=True
    )
    closed: Mapped[dt.date | None] = mapped_column(sa.Date)
    held: Mapped[bool] = mapped_column(default=False)
    hold_reason: Mapped[str] = mapped_column(sa.Text, default="")


class TombstoneRow(Row):
    """What is left of a conference deleted at the end of its retention: no content, only
    its reference, dates, the rule it was kept under and who deleted it, when and why.

    Not a foreign key: the conference is gone. While it exists the issued-minutes guards
    let that conference's minutes go (migration 0012).
    """

    __tablename__ = "tombstone"

    conference_id: Mapped[str] = mapped_column(sa.String(36), unique=True)
    reference: Mapped[str] = mapped_column(sa.String(40))
    conference_date: Mapped[dt.date] = mapped_column(sa.Date)
    profile: Mapped[str] = mapped_column(sa.String(60))
    retain_until: Mapped[dt.date] = mapped_column(sa.Date)
    policy: Mapped[str] = mapped_column(sa.Text, default="")
    deleted_at: Mapped[dt.datetime]
    deleted_by: Mapped[str] = mapped_column(sa.String(200))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    rows_deleted: Mapped[int] = mapped_column(sa.Integer, default=0)
