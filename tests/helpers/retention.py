"""A conference whose retention has ended: the small record held on 10/01/1990."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from cpc_desktop.domain import conference as d
from tests.helpers.records import small_record

OLD_REF = "CPC-1990-0001"


def old_record(reference: str = OLD_REF) -> d.ConferenceRecord:
    """The small record moved to 10/01/1990: kept until 10/01/2025 (35 years)."""
    record = small_record(reference, salt="old-")
    return replace(
        record,
        conference=replace(
            record.conference, date=date(1990, 1, 10), strategy_discussion_date=date(1990, 1, 2)
        ),
    )
