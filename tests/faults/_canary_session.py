"""A scripted working session whose every piece of case text is a canary.

Run by ``test_canary_scan.py`` in a child process whose temporary, settings, cache,
state and data folders are fresh ones the test then scans::

    python -m tests.faults._canary_session DATA EXPORTS OUTBOX [--handover-round]

DATA holds the stores (and the backup a hand-over import makes); EXPORTS receives the
plaintext files CPC Desktop writes on purpose (the conference document to import, the
exported JSON, the minutes PDF) and is not scanned; OUTBOX receives the sealed
hand-over packages, which are scanned. Every step is a real command
(``cpc_desktop.cli.main``) except the typing, which goes through the services as the
application's panes do. Prints ``review REF``: the conference the test types into next.
"""

from __future__ import annotations

import dataclasses
import sys
import uuid
from pathlib import Path

from cpc_desktop.cli import main as cli
from cpc_desktop.domain import conference as d
from cpc_desktop.services.document import render_document
from cpc_desktop.services.session import open_session
from tests.helpers.records import CANARY, small_record

REFERENCE = "CPC-2026-0042"
MINUTE = CANARY  # in the imported minutes
CHILD_GIVEN = "Qm4Canarygiven"
CHILD_FAMILY = "\u00d8yelar\u00e1n-Canaryfamily-Wd2"  # not ASCII: NFC and NFD differ
PARENT = "Tb6Canaryparent Oyelaran"
DECISION = "Jr5-canary-decision-reason-Pk2"
ADDED = "Hc3-canary-added-through-services-Lm8"
TAKER = "Yd6-canary-taker-laptop-Rq1"
TYPED = "Zt9-canary-typed-Vw5 "  # typed key by key by the typing child (ASCII only)
CANARIES = (MINUTE, CHILD_GIVEN, CHILD_FAMILY, PARENT, DECISION, ADDED, TAKER, TYPED.strip())


def canary_record() -> d.ConferenceRecord:
    """The small test conference with a canary in the minutes, the names and a decision."""
    record = small_record(REFERENCE)
    child = dataclasses.replace(
        record.children[0], given_name=CHILD_GIVEN, family_name=CHILD_FAMILY
    )
    people = tuple(
        dataclasses.replace(p, name=PARENT) if p.name == "Ola Oyelaran" else p
        for p in record.participants
    )
    decision = d.Decision(id=str(uuid.uuid4()), child_id=child.id, reason=DECISION)
    return dataclasses.replace(
        record, children=(child,), participants=people, decisions=(decision,)
    )


def _run(*argv: str) -> None:
    code = cli(list(argv))
    if code != 0:
        raise SystemExit(f"step failed with status {code}: {argv[0]}")


def _add_through_services(store: Path, text: str) -> None:
    with open_session(store, _passphrase()) as session:
        record = session.conferences.get(REFERENCE)
        item = record.agenda[0]
        entry = session.entries.add_entry(REFERENCE, item.id, text[:10])
        session.entries.save_text(entry.id, text)
        session.entries.save_text(entry.id, f"{text}: said twice, {text}")
        assert session.search.search(text.split("-")[0])
        decision = record.decisions[0]
        session.conferences.record_decision(
            REFERENCE, dataclasses.replace(decision, threshold_rationale=text)
        )


def _passphrase() -> str:
    import os

    return os.environ["CPC_PASSPHRASE"]


def main() -> None:
    data, exports, outbox = (Path(p) for p in sys.argv[1:4])
    handover_round = "--handover-round" in sys.argv[4:]
    chair = data / "chair.db"
    document = exports / "canary.json"
    document.write_text(render_document(canary_record()), encoding="utf-8")
    _run("demo", "--db", str(chair))
    _run("import", str(document), "--db", str(chair))
    _add_through_services(chair, ADDED)
    _run("export-json", REFERENCE, "--db", str(chair), "--out", str(exports / "out.json"))
    _run("minutes", REFERENCE, "--db", str(chair), "--out", str(exports / "minutes.pdf"))
    _run("handover", "export", REFERENCE, "--db", str(chair), "--out", str(outbox / "a.cpcx"))
    if handover_round:
        # The minute-taker's laptop takes the package, adds to it and sends it back; the
        # chair's import backs the store up beside it first.
        taker = data / "taker.db"
        _run("handover", "import", str(outbox / "a.cpcx"), "--db", str(taker))
        _add_through_services(taker, TAKER)
        _run("handover", "export", REFERENCE, "--db", str(taker), "--out", str(outbox / "b.cpcx"))
        _run("handover", "import", str(outbox / "b.cpcx"), "--db", str(chair), "--take", "theirs")
    with open_session(chair, _passphrase()) as session:
        review = next(
            c.reference
            for c in session.conferences.overview().conferences
            if c.reference.endswith("-0002")
        )
    print(f"review {review}", flush=True)


if __name__ == "__main__":
    main()
