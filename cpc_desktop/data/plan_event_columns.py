"""Columns for a plan's events (issue 20): a transfer-in's origin, an adjournment, an
administrative ending's consultation note (migration 0011).

Kept apart from :mod:`cpc_desktop.data.models` (at its size limit) as mixins its tables
take in; each column maps to the record's field of the same name.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from cpc_desktop.data.types import enum_column
from cpc_desktop.domain.enums import AdjournReason


class TransferAndAdjournment:
    """The conference's columns: where a transfer-in comes from; why it was adjourned."""

    transfer_from: Mapped[str] = mapped_column(sa.String(200), default="")
    transfer_contact: Mapped[str] = mapped_column(sa.String(200), default="")
    transfer_contact_details: Mapped[str] = mapped_column(sa.Text, default="")
    adjourned_for: Mapped[AdjournReason | None] = mapped_column(enum_column(AdjournReason))
    adjourn_reason: Mapped[str] = mapped_column(sa.Text, default="")


class EndingNote:
    """The decision's column: who was consulted about an administrative ending."""

    ending_note: Mapped[str] = mapped_column(sa.Text, default="")
