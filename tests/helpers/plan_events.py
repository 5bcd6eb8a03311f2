"""Records for a plan's events (issue 20): a pre-birth conference whose baby is born
afterwards, and a transfer-in conference from another authority."""

from __future__ import annotations

import dataclasses
from datetime import date

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import ConferenceStatus, ConferenceType, Outcome
from tests.helpers.records import small_record, uid

PRE_BIRTH_REF = "CPC-2026-0961"
TRANSFER_REF = "CPC-2026-0962"
BABY = uid("pb-child")
HELD = date(2026, 11, 20)  # a Friday: both conferences were held then


def pre_birth_record(reference: str = PRE_BIRTH_REF) -> d.ConferenceRecord:
    """The small record as a concluded pre-birth conference for Baby Oyelaran (due
    14/01/2027), whose plan (not yet final) sets the review three months on."""
    record = small_record(reference, salt="pb-")
    baby = dataclasses.replace(
        record.children[0],
        given_name="Baby",
        date_of_birth=None,
        expected_date_of_delivery=date(2027, 1, 14),
    )
    return dataclasses.replace(
        record,
        conference=dataclasses.replace(
            record.conference, type=ConferenceType.PRE_BIRTH, status=ConferenceStatus.CONCLUDED
        ),
        children=(baby,),
        decisions=(
            d.Decision(
                id=uid("pb-decision"),
                child_id=baby.id,
                threshold_met=True,
                outcome=Outcome.CP_PLAN,
                review_date=date(2027, 2, 19),
            ),
        ),
    )


def transfer_record(reference: str = TRANSFER_REF) -> d.ConferenceRecord:
    """The small record as a transfer-in conference, its notice received on 10/11/2026,
    with no originating authority recorded yet."""
    record = small_record(reference, salt="tr-")
    return dataclasses.replace(
        record,
        conference=dataclasses.replace(
            record.conference,
            type=ConferenceType.TRANSFER_IN,
            strategy_discussion_date=None,
            transfer_notice_date=date(2026, 11, 10),
        ),
    )
