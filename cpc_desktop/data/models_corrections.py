"""The tables of issue 20's corrections and audited printing (revision 0013).

Kept beside ``models`` (which imports this module, so every table is tracked by the
audit chain), with the same columns every row has:

    correction_request  a person's request to correct the minutes, the chair's ruling
                        and reasons, and the person's statement of disagreement.
    minutes_basis       what an issued version said when a correction opened the next
                        version (canonical JSON of the meeting's content), and why:
                        the change list of the new version is computed from it.
    printed_copy        each time a recorded copy was sent to a printer: who, when,
                        which file, the printer's name and the pages (never content).

Correction requests travel in the conference document (its ``corrections`` section);
the basis and the printed copies stay in this store, as the output files they belong to
do.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from cpc_desktop.data.models import Row, _fk, _ref
from cpc_desktop.data.types import enum_column
from cpc_desktop.domain.enums import CorrectionRuling

__all__ = ["CorrectionRequestRow", "MinutesBasisRow", "PrintedCopyRow"]


class CorrectionRequestRow(Row):
    __tablename__ = "correction_request"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    received: Mapped[dt.date] = mapped_column(sa.Date)
    requested_by: Mapped[str] = mapped_column(sa.String(200))
    participant_id: Mapped[str | None] = _ref("participant.id")
    # Not a foreign key: the entry may be the one the correction removes.
    entry_id: Mapped[str | None] = mapped_column(sa.String(36))
    version_id: Mapped[str | None] = _ref("minutes_version.id")
    disputed: Mapped[str] = mapped_column(sa.Text)
    asked: Mapped[str] = mapped_column(sa.Text)
    ruling: Mapped[CorrectionRuling] = mapped_column(enum_column(CorrectionRuling))
    reasons: Mapped[str] = mapped_column(sa.Text, default="")
    ruled_at: Mapped[dt.datetime | None]
    ruled_by: Mapped[str | None] = mapped_column(sa.String(200))
    statement: Mapped[str] = mapped_column(sa.Text, default="")
    correction_version_id: Mapped[str | None] = _ref("minutes_version.id")


class MinutesBasisRow(Row):
    __tablename__ = "minutes_basis"

    version_id: Mapped[str] = _fk("minutes_version.id")
    reason: Mapped[str] = mapped_column(sa.Text)
    content: Mapped[str] = mapped_column(sa.Text)


class PrintedCopyRow(Row):
    __tablename__ = "printed_copy"

    conference_id: Mapped[str] = _fk("conference.id")
    output_file_id: Mapped[str] = _fk("output_file.id")
    printed_at: Mapped[dt.datetime]
    printed_by: Mapped[str] = mapped_column(sa.String(200))
    printer: Mapped[str] = mapped_column(sa.String(200))
    pages: Mapped[int]
