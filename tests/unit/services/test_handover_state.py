"""Whether a copy has changes the other laptop has not been sent (the closing check's
"hand-over not exported")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cpc_desktop.domain.enums import AttendanceKind
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.session import Session
from tests.helpers.records import small_record
from tests.helpers.stores import TickingClock, new_store
from tests.unit.services.test_handover_service import AT, CHAIR, TAKER, WORDS, add_entry

REF = "CPC-2026-0042"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Session, Session, Path]]:
    chair_store = new_store(tmp_path, "chair.db")
    ConferenceService(chair_store, CHAIR, TickingClock()).import_record(small_record())
    chair = Session(chair_store, CHAIR, TickingClock(AT))
    taker = Session(new_store(tmp_path, "taker.db"), TAKER, TickingClock(AT))
    yield chair, taker, tmp_path
    chair.close()
    taker.close()


def test_never_handed_over_then_exported_then_changed_again(
    pair: tuple[Session, Session, Path],
) -> None:
    chair, taker, folder = pair
    assert chair.handover.state(REF).last_handover is None
    assert chair.handover.state(REF).not_exported  # made here, never sent
    path = folder / "to-taker.cpcx"
    chair.handover.export_package(REF, path, WORDS, cost=FAST_COST)
    assert not chair.handover.state(REF).not_exported
    taker.handover.import_package(taker.handover.read(path, WORDS))
    assert not taker.handover.state(REF).not_exported  # just as it came
    entry = add_entry(taker, "Typed on the minute-taker's laptop")
    assert taker.handover.state(REF).not_exported
    taker.handover.export_package(REF, folder / "back.cpcx", WORDS, cost=FAST_COST)
    assert not taker.handover.state(REF).not_exported
    taker.entries.save_text(entry.id, "Typed, then changed")
    assert taker.handover.state(REF).not_exported


def test_a_change_under_a_participant_counts(pair: tuple[Session, Session, Path]) -> None:
    chair, _taker, folder = pair
    chair.handover.export_package(REF, folder / "out.cpcx", WORDS, cost=FAST_COST)
    assert not chair.handover.state(REF).not_exported
    police = next(p for p in chair.conferences.get(REF).participants if p.name == "PC Dee")
    chair.roll_call.record_attendance(police.id, AttendanceKind.PRESENT, AT)
    assert chair.handover.state(REF).not_exported
