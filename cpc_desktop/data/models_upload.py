"""The confirmed upload of issued minutes to the authority's case system (revision 0015).

Kept beside ``models`` (which imports this module through ``models_extra``, so the table
is tracked by the audit chain). Not part of the conference document: the store's own
record of where the issued minutes went, as output files are. Once the newest issued
version is confirmed as uploaded, a chair may wipe the local copy before its retention
date (:mod:`cpc_desktop.services.retention`).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from cpc_desktop.data.models import Row, _fk

__all__ = ["UploadRow"]


class UploadRow(Row):
    """One issued minutes version confirmed as uploaded: the day, the case system's
    reference for it and who confirmed it (one row per version)."""

    __tablename__ = "upload"

    conference_id: Mapped[str] = _fk("conference.id")
    minutes_version_id: Mapped[str] = mapped_column(
        sa.String(36), sa.ForeignKey("minutes_version.id", ondelete="CASCADE"), unique=True
    )
    version: Mapped[str] = mapped_column(sa.String(20))
    uploaded_on: Mapped[dt.date] = mapped_column(sa.Date)
    case_ref: Mapped[str] = mapped_column(sa.String(200))
    confirmed_by: Mapped[str] = mapped_column(sa.String(200))
