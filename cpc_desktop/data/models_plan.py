"""The tables and columns of a review carried from the plan before it (revision 0010).

Kept beside :mod:`cpc_desktop.data.models` (which is at its size limit) and imported at
its end, so they join the same metadata: import them through ``models`` only.

Tables:
    carried_plan        the plan a review starts from, per child (categories, core group,
                        lead social worker, how often the core group meets).
    carried_action      each action of that plan: owner, due date, and how far it has
                        come (red / amber / green, as the chair judges it).
    scale_point         a safety scale given at an earlier conference of the plan.

Columns added to earlier tables:
    conference.previous_conference_id   the conference a review was made from (not a
                                        key: it may live in another store).
    conference.plan_id                  the id of the conference that made the plan.
    decision.core_group_frequency       how often the core group meets, in words.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from cpc_desktop.data.models import _CHILDREN, ConferenceRow, DecisionRow, Row, _fk, _ref
from cpc_desktop.data.types import enum_column
from cpc_desktop.domain.enums import ActionStatus

__all__ = ["CarriedActionRow", "CarriedPlanRow", "ScalePointRow"]


class CarriedPlanRow(Row):
    __tablename__ = "carried_plan"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    child_id: Mapped[str] = _fk("child.id")
    categories: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    primary_category: Mapped[str | None] = mapped_column(sa.String(60))
    lead_social_worker_id: Mapped[str | None] = _ref("participant.id")
    lead_social_worker_contact: Mapped[str] = mapped_column(sa.Text, default="")
    core_group: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    core_group_frequency: Mapped[str] = mapped_column(sa.String(200), default="")
    contingency_plan: Mapped[str] = mapped_column(sa.Text, default="")

    actions: Mapped[list[CarriedActionRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="CarriedActionRow.position"
    )


class CarriedActionRow(Row):
    __tablename__ = "carried_action"

    carried_plan_id: Mapped[str] = _fk("carried_plan.id")
    position: Mapped[int]
    owner: Mapped[str] = mapped_column(sa.String(200))
    action: Mapped[str] = mapped_column(sa.Text)
    due_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    status: Mapped[ActionStatus | None] = mapped_column(enum_column(ActionStatus))


class ScalePointRow(Row):
    __tablename__ = "scale_point"
    __table_args__ = (sa.CheckConstraint("score >= 0 AND score <= 10", name="score_range"),)

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    conference_date: Mapped[dt.date] = mapped_column(sa.Date)
    name: Mapped[str] = mapped_column(sa.String(200))
    agency: Mapped[str] = mapped_column(sa.String(200), default="")
    score: Mapped[int]


# The columns and lists added to earlier tables (declarative appends them to the class).
ConferenceRow.previous_conference_id = mapped_column(sa.String(36))
ConferenceRow.plan_id = mapped_column(sa.String(36), index=True)
ConferenceRow.plans = orm.relationship(
    CarriedPlanRow, cascade=_CHILDREN, order_by=CarriedPlanRow.position
)
ConferenceRow.scale_history = orm.relationship(
    ScalePointRow, cascade=_CHILDREN, order_by=ScalePointRow.position
)
DecisionRow.core_group_frequency = mapped_column(sa.String(200), default="", nullable=False)
