"""An adjourned conference (issue 20, point 4): adjourned for want of a quorum or of
information, why recorded; exported and imported again, and handed over, whole.

Before, an inquorate conference the wizard adjourned was asked for a reason for going
ahead as soon as a minute sat under the decision item, and could not be imported again.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.adjournment import QuorumAnswer
from cpc_desktop.domain.decision_flow import start
from cpc_desktop.domain.enums import AdjournReason, ConferenceStatus
from cpc_desktop.domain.flow_dates import reconvene_by
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.document import parse_document, render_document
from cpc_desktop.services.session import Session
from tests.helpers.meeting import CHAIR, MINUTER, REF
from tests.helpers.records import small_record
from tests.helpers.stores import TickingClock, new_store

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)


def adjourned(tmp_path: Path, answer: QuorumAnswer) -> tuple[Session, d.ConferenceRecord]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock(AT)).import_record(small_record())
    session = Session(store, CHAIR, TickingClock(LATER))
    # The small record is inquorate (only the social worker came); a minute is written
    # under the decision item before the chair adjourns.
    item = session.agenda.add_agenda_item(REF, "Decision", 10, key="decision")
    session.entries.add_entry(REF, item.id, "The conference cannot decide today.")
    ctx = session.decisions.context(REF)
    assert not ctx.quorum.quorate
    answers = dataclasses.replace(
        start(ctx), quorum=dataclasses.replace(answer, reconvene_date=reconvene_by(ctx))
    )
    assert session.decisions.finish(REF, answers) == ()
    return session, session.conferences.export_record(REF)


def test_an_inquorate_adjournment_round_trips_through_the_document(tmp_path: Path) -> None:
    session, record = adjourned(tmp_path, QuorumAnswer(proceed=False, adjourn=True))
    try:
        c = record.conference
        assert (c.status, c.adjourned_for, c.quorum_reason) == (
            ConferenceStatus.ADJOURNED,
            AdjournReason.INQUORATE,
            None,
        )
        again = parse_document(render_document(record))
        assert again == record
        other = new_store(tmp_path, "other.db")
        ConferenceService(other, CHAIR, TickingClock(LATER)).import_record(again)
        with Session(other, CHAIR, TickingClock(LATER)) as there:
            assert there.conferences.get(REF) == record
        other.close()
    finally:
        session.close()


def test_an_adjournment_for_information_is_handed_over(tmp_path: Path) -> None:
    why = "The police have not yet shared what they know."
    answer = QuorumAnswer(
        proceed=False,
        adjourn=True,
        adjourn_for=AdjournReason.MORE_INFORMATION,
        adjourn_reason=f"  {why} ",
    )
    session, record = adjourned(tmp_path, answer)
    try:
        c = record.conference
        assert (c.status, c.adjourned_for, c.adjourn_reason) == (
            ConferenceStatus.ADJOURNED,
            AdjournReason.MORE_INFORMATION,
            why,
        )
        reconvened = session.conferences.get("CPC-2026-0043").conference
        assert (reconvened.reconvene_of, reconvened.adjourned_for) == (c.id, None)
        path = tmp_path / "adjourned.cpcx"
        with Session(session.store, MINUTER, TickingClock(LATER)) as minuter:
            minuter.handover.export_package(REF, path, "hand-over words", cost=FAST_COST)
        other = new_store(tmp_path, "laptop.db")
        with Session(other, MINUTER, TickingClock(LATER)) as laptop:
            package = laptop.handover.read(path, "hand-over words")
            laptop.handover.import_package(package)
            assert laptop.conferences.get(REF).conference == c
        other.close()
    finally:
        session.close()
