"""A Northern Ireland conference for the appeal tests: the small record under NI's rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AppealGround, ParticipantRole
from tests.helpers.records import small_record, uid

NI_REF = "CPC-2026-0061"
SALT = "ni-"
NI_MUM, NI_SW, NI_CHILD = uid(SALT + "mum"), uid(SALT + "sw"), uid(SALT + "child")
NI_GRAN, NI_DAD = uid(SALT + "gran"), uid(SALT + "dad")
NI_APPEAL = uid(SALT + "appeal")


def ni_record(
    reference: str = NI_REF,
    *,
    appeal: bool = False,
    salt: str = SALT,
    received: date = date(2026, 11, 21),
) -> d.ConferenceRecord:
    """The small record (a conference on 20/11/2026) under Northern Ireland's rules, with
    a grandmother without parental responsibility and a father who has it but is
    recorded as a family member; ``appeal``: with the mother's appeal, ``received`` on
    21/11/2026 unless said, not yet decided."""
    record = small_record(reference, salt=salt)
    family = (
        d.Participant(
            id=uid(salt + "gran"), name="Gail Oyelaran", role=ParticipantRole.FAMILY_MEMBER
        ),
        d.Participant(
            id=uid(salt + "dad"),
            name="Tobi Oyelaran",
            role=ParticipantRole.FAMILY_MEMBER,
            parental_responsibility=True,
        ),
    )
    appeals = (
        (
            d.Appeal(
                id=uid(salt + "appeal"),
                received=received,
                appellant_id=uid(salt + "mum"),
                grounds=(AppealGround.THRESHOLD,),
                details="The mother says the threshold was not met.",
            ),
        )
        if appeal
        else ()
    )
    return replace(
        record,
        conference=replace(record.conference, profile="northern_ireland"),
        participants=(*record.participants, *family),
        appeals=appeals,
    )
