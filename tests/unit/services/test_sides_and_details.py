"""Sides, children and private details through the services, on a real encrypted store."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, Side
from cpc_desktop.domain.letters import LetterKind, LetterRequest
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.distribution import FULL_MINUTES
from cpc_desktop.services.errors import RuleViolation, ServiceError
from cpc_desktop.services.session import Session
from tests.helpers.release import checked_minutes
from tests.unit.services.test_letters_distribution import TODAY, at, open_demo

MUM_ADDRESS = "14 Larch Close\nFenbridge\nFB2 7QD"
DAD_ADDRESS = "3 Mill Row\nHarbury\nHB9 1XY"


@pytest.fixture
def demo() -> d.ConferenceRecord:
    return build_demo_records(TODAY)[0]


@pytest.fixture
def session(tmp_path: Path, demo) -> Iterator[Session]:
    opened = open_demo(tmp_path, demo, at(TODAY))
    yield opened
    opened.close()


def text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def who(session: Session, ref: str, name: str) -> d.Participant:
    return next(p for p in session.conferences.get(ref).participants if p.name == name)


def snapshot(session: Session, ref: str) -> tuple[object, ...]:
    record = session.conferences.get(ref)
    return (record.participants, record.distributions, record.letters)


def test_a_full_copy_for_the_family_side_is_refused(session: Session, demo) -> None:
    ref = demo.conference.reference
    dean = who(session, ref, "Dean Harland")
    before = snapshot(session, ref)
    message = "Dean Harland is on the family side, so may receive only a family copy."
    with pytest.raises(ServiceError, match=message):
        session.minutes.export(ref, MinutesCopy(CopyKind.FULL, dean.id))
    with pytest.raises(ServiceError, match=message):
        session.minutes.preview(ref, MinutesCopy(CopyKind.FULL, dean.id))
    with pytest.raises(ServiceError, match=message):
        session.distribution.record_sent(
            ref, dean.id, FULL_MINUTES, copy=CopyKind.FULL, method="post"
        )
    with pytest.raises(ServiceError, match=message):
        session.letters.preview(
            ref, LetterRequest(LetterKind.PROFESSIONAL, dean.id, dean.name, ("1 Road",))
        )
    assert snapshot(session, ref) == before
    assert session.verification.outputs(ref) == ()
    # A family copy for him is fine, and so is a full copy for a professional.
    assert checked_minutes(session, ref, MinutesCopy(CopyKind.FAMILY, dean.id)).output_id
    gp = who(session, ref, "Dr Thomas Ewing")
    assert session.minutes.export(ref, MinutesCopy(CopyKind.FULL, gp.id)).output_id


def test_moving_a_professional_to_the_family_side_needs_a_reason(session: Session, demo) -> None:
    ref = demo.conference.reference
    priya = who(session, ref, "Priya Shah")
    with pytest.raises(RuleViolation, match="say why Priya Shah is on the family side"):
        session.roll_call.update_participant(priya.id, side=Side.FAMILY)
    assert who(session, ref, "Priya Shah") == priya
    moved = session.roll_call.update_participant(
        priya.id, side=Side.FAMILY, side_reason="She is the children's aunt."
    )
    assert moved.side is Side.FAMILY
    with pytest.raises(ServiceError, match="Priya Shah is on the family side"):
        session.minutes.export(ref, MinutesCopy(CopyKind.FULL, priya.id))
    line = next(x for x in session.distribution.tracker(ref) if x.participant_id == priya.id)
    assert line.copy is CopyKind.FAMILY
    # The side the role implies needs no reason; clearing the reason then is allowed.
    back = session.roll_call.update_participant(priya.id, side=None, side_reason=None)
    assert back.side is None and back.side_reason is None


def test_children_and_people_named_must_belong_to_the_conference(session: Session, demo) -> None:
    ref = demo.conference.reference
    dean = who(session, ref, "Dean Harland")
    with pytest.raises(RuleViolation, match="child not in this conference"):
        session.roll_call.update_participant(dean.id, child_ids=["no-such-child"])
    with pytest.raises(RuleViolation, match="not on this roll call"):
        session.roll_call.update_participant(dean.id, withhold_from=[dean.id])
    with pytest.raises(RuleViolation, match="list of ids"):
        session.roll_call.update_participant(dean.id, child_ids="abc")
    assert who(session, ref, "Dean Harland") == dean


def test_a_side_change_after_approval_is_refused(session: Session, demo) -> None:
    ref = demo.conference.reference
    session.minutes.approve(ref)
    priya = who(session, ref, "Priya Shah")
    with pytest.raises(ServiceError, match="approved"):
        session.roll_call.update_participant(
            priya.id, side=Side.FAMILY, side_reason="The children's aunt."
        )
    with pytest.raises(ServiceError, match="approved"):
        session.roll_call.update_participant(priya.id, address="1 New Road")
    assert who(session, ref, "Priya Shah") == priya


def test_a_family_copy_for_a_father_carries_only_his_childs_decision(
    session: Session, demo
) -> None:
    ref = demo.conference.reference
    kai = demo.children[0]
    dean = who(session, ref, "Dean Harland")
    session.roll_call.update_participant(dean.id, child_ids=[kai.id])
    assert who(session, ref, "Dean Harland").child_ids == (kai.id,)
    his = text(session.minutes.preview(ref, MinutesCopy(CopyKind.FAMILY, dean.id)).data)
    mum = who(session, ref, "Justyna Harland")
    hers = text(session.minutes.preview(ref, MinutesCopy(CopyKind.FAMILY, mum.id)).data)
    for name in ("Lily Harland", "Theo Harland"):
        assert "Review child protection conference (Lily)" not in his
        assert name in hers
    assert "Review child protection conference (Kai)" in his
    assert "Review child protection conference (Lily)" in hers


def with_details(session: Session, ref: str) -> tuple[d.Participant, d.Participant]:
    mum, dad = who(session, ref, "Justyna Harland"), who(session, ref, "Dean Harland")
    session.roll_call.update_participant(
        mum.id, address=MUM_ADDRESS, telephone="07700 900 123", email="j.h@example.org"
    )
    session.roll_call.update_participant(dad.id, address=DAD_ADDRESS)
    return who(session, ref, "Justyna Harland"), who(session, ref, "Dean Harland")


def test_private_details_go_only_where_they_may(session: Session, demo) -> None:
    ref = demo.conference.reference
    mum, dad = with_details(session, ref)
    full = text(session.minutes.preview(ref).data)
    assert "14 Larch Close" in full and "07700 900 123" in full and "3 Mill Row" in full
    for person in (mum, dad, None):
        family = text(
            session.minutes.preview(
                ref, MinutesCopy(CopyKind.FAMILY, None if person is None else person.id)
            ).data
        )
        assert "Larch Close" not in family and "900 123" not in family
        assert "Mill Row" not in family and "j.h@example.org" not in family
    # Letters: each parent's own address (prefilled from the roll call), no one else's.
    plans = {p.need.recipient_id: p for p in session.letters.plan(ref)}
    assert plans[mum.id].last_address == ("14 Larch Close", "Fenbridge", "FB2 7QD")
    for person, own, other in (
        (mum, "14 Larch Close", "3 Mill Row"),
        (dad, "3 Mill Row", "14 Larch Close"),
    ):
        need = plans[person.id].need
        pdf = session.letters.preview(
            ref, LetterRequest(need.kind, person.id, person.name, plans[person.id].last_address)
        )
        assert own in text(pdf.data) and other not in text(pdf.data)
    # Typing another parent's address as the recipient's is refused.
    need = plans[dad.id].need
    with pytest.raises(ServiceError) as caught:
        session.letters.issue(
            ref, LetterRequest(need.kind, dad.id, dad.name, ("14 Larch Close", "Fenbridge"))
        )
    assert str(caught.value) == (
        "This letter to Dean Harland would show Justyna Harland's address in the "
        "recipient's name and address. Restrict that entry or remove the address."
    )
    assert session.conferences.get(ref).letters == ()


def test_withheld_details_are_kept_from_a_professional_too(session: Session, demo) -> None:
    ref = demo.conference.reference
    mum, _ = with_details(session, ref)
    police = who(session, ref, "DC Neil Brannigan")
    gp = who(session, ref, "Dr Thomas Ewing")
    session.roll_call.update_participant(mum.id, withhold_from=[police.id])
    for_police = text(session.minutes.export(ref, MinutesCopy(CopyKind.FULL, police.id)).data)
    assert "14 Larch Close" not in for_police and "07700 900 123" not in for_police
    assert "Withheld at this person's request." in for_police
    assert "3 Mill Row" in for_police
    for_gp = text(session.minutes.preview(ref, MinutesCopy(CopyKind.FULL, gp.id)).data)
    assert "14 Larch Close" in for_gp
    # The copy for no one in particular goes to every professional: withheld there too.
    assert "14 Larch Close" not in text(session.minutes.preview(ref).data)
    # An address typed into a minute is found in the police officer's copy as well.
    entry = next(e for e in session.conferences.get(ref).minutes if not e.restricted)
    session.entries.save_text(entry.id, entry.text + " She is at 14 Larch Close.")
    with pytest.raises(ServiceError, match="DC Neil Brannigan would show Justyna Harland's"):
        session.minutes.export(ref, MinutesCopy(CopyKind.FULL, police.id))


def test_an_address_in_a_minute_stops_the_family_copy(session: Session, demo) -> None:
    ref = demo.conference.reference
    _, dad = with_details(session, ref)
    record = session.conferences.get(ref)
    titles = {item.id: item.title for item in record.agenda}
    entry = next(e for e in record.minutes if not e.restricted)
    session.entries.save_text(entry.id, entry.text + " Mum now lives at 14 larch  close.")
    before = session.verification.outputs(ref)
    with pytest.raises(ServiceError) as caught:
        session.release.hold_minutes(ref, MinutesCopy(CopyKind.FAMILY, dad.id))
    message = str(caught.value)
    assert message.startswith(
        "This copy for Dean Harland would show Justyna Harland's address in "
        f"'{titles[entry.agenda_item_id]}' (entry "
    )
    assert message.endswith("Restrict that entry or remove the address.")
    assert "\n" not in message
    assert session.verification.outputs(ref) == before
    # Restricting the entry lets the copy be made; the full copy was never refused.
    session.entries.update_entry(entry.id, restricted=True)
    assert checked_minutes(session, ref, MinutesCopy(CopyKind.FAMILY, dad.id)).output_id
    assert "14 larch close" in text(session.minutes.preview(ref).data)
