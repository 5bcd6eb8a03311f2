"""The first open's warm-up (issue 21 point 3): in the idle after the home screen, the
statements that read a conference are compiled on the store's engine, the commands'
keys worked out and the workspace's kinds of widget painted once, off the screen;
nothing is read about anyone and nothing is audited; a step that fails stops nothing."""

from __future__ import annotations

import threading
import time
from typing import Any

import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from cpc_desktop import app
from cpc_desktop.app import Preload
from cpc_desktop.services.session import Session
from cpc_desktop.ui import first_open
from cpc_desktop.ui.actions import _DRESS, SPECS
from cpc_desktop.ui.first_open import FirstOpenWarmup

#: The demo's concluded conference.
CONCLUDED = "CPC-2026-0001"


def _audited(session: Session) -> int:
    with session.store.engine.connect() as conn:
        return int(conn.execute(sa.text("select count(*) from audit_event")).scalar_one())


def _compiled(session: Session) -> int:
    cache = session.store.engine._compiled_cache
    assert cache is not None
    return len(cache)


def _warm(qtbot: QtBot, warmup: FirstOpenWarmup) -> None:
    with qtbot.waitSignal(warmup.done, timeout=20_000):
        warmup.start()


def test_the_warm_up_compiles_the_reads_of_a_conference_and_audits_nothing(
    qtbot: QtBot, session: Session
) -> None:
    session.conferences.overview()  # as the home screen has done
    audited, compiled = _audited(session), _compiled(session)
    _DRESS.clear()
    _warm(qtbot, FirstOpenWarmup(session))
    assert _audited(session) == audited  # no one's record read, no view recorded
    assert _compiled(session) > compiled + 15  # every section's statement and more
    assert set(_DRESS) == set(SPECS)
    # The first open after it compiles nothing more for its read of the record.
    warmed = _compiled(session)
    record = session.conferences.get(CONCLUDED)
    assert record.minutes  # and reads it whole, as ever
    assert _audited(session) == audited + 1
    assert _compiled(session) - warmed <= 1  # at most the view's own audit statement


def test_without_the_warm_up_the_first_read_compiles_them(session: Session) -> None:
    # The contrast that shows the test above measures something.
    session.conferences.overview()
    compiled = _compiled(session)
    session.conferences.get(CONCLUDED)
    assert _compiled(session) > compiled + 15


def test_a_step_that_fails_stops_nothing(qtbot: QtBot, session: Session, monkeypatch: Any) -> None:
    ran: list[str] = []

    def broken() -> None:
        ran.append("broken")
        raise RuntimeError("the store went away")

    monkeypatch.setattr(
        first_open, "warm_steps", lambda _session: [broken, lambda: ran.append("next")]
    )
    _warm(qtbot, FirstOpenWarmup(session))
    assert ran == ["broken", "next"]


def test_started_from_the_import_thread_it_runs_on_the_screen_s_thread(
    qtbot: QtBot, session: Session, monkeypatch: Any
) -> None:
    threads: list[threading.Thread] = []
    monkeypatch.setattr(
        first_open,
        "warm_steps",
        lambda _session: [lambda: threads.append(threading.current_thread())],
    )
    monkeypatch.setattr(app.importlib, "import_module", lambda name: time.sleep(0.01))
    monkeypatch.setattr(app.gc, "freeze", lambda: None)
    warmup = FirstOpenWarmup(session)
    preload = Preload(lambda: None, lambda: ["one", "two"])
    with qtbot.waitSignal(warmup.done, timeout=10_000):
        preload.then(warmup.start)  # as run() does: when the imports are over
        preload.resume()
    assert threads == [threading.main_thread()]
    assert preload.finished_later()


def test_then_after_the_imports_are_over_calls_at_once(monkeypatch: Any) -> None:
    monkeypatch.setattr(app.importlib, "import_module", lambda name: None)
    monkeypatch.setattr(app.gc, "freeze", lambda: None)
    preload = Preload(lambda: None, lambda: ["one"])
    preload.resume()
    deadline = time.monotonic() + 10
    while not preload.finished_later() and time.monotonic() < deadline:
        time.sleep(0.01)
    called: list[bool] = []
    preload.then(lambda: called.append(True))
    assert called == [True]
