"""How long issuing long minutes holds the screen's thread: all on it (before) against
the typesetting done by the typesetting process (now), same run.

    .venv/bin/python bench/issue_gui_thread.py [--runs 3] [--entries 440,2000]

Issue 21 point 1. A store holding the reference conference of ``minutes_pdf.py`` (seed
46) with each number of entries, its minutes approved, copied afresh for every issue.
*Before*: ``MinutesService.issue(ref, certificate)``, which builds, typesets, signs and
records on the calling thread (the window's, in the application until now). *Now*, as
the minutes window does: ``issue_document`` on the thread, the PDF typeset by a warm
``Typesetter`` child (its wall time shown apart: the window stays responsive
meanwhile), then ``issue(ref, certificate, pages)`` on the thread, which signs and
records. The ratio is the thread's time now over before. Medians of ``--runs``; a first
issue, not counted, pays this process's imports.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
PASSPHRASE = "a passphrase for the issuing benchmark"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--entries", default="440,2000")
    args = parser.parse_args()

    from make_store import Generator, make
    from minutes_pdf import INDEX, SEED

    from cpc_desktop.data.keys import StoreKey
    from cpc_desktop.export import typesetter
    from cpc_desktop.export.signing import create_self_signed, load_certificate
    from cpc_desktop.services.outputs import Typeset
    from cpc_desktop.services.session import open_session

    certificate = load_certificate(create_self_signed("Bench Chair", b"secret"), b"secret")
    setter = typesetter.Typesetter()
    setter.start()

    def typeset_away(made: object) -> tuple[bytes, float]:
        start = time.perf_counter()
        job = setter.submit(made.document, first=False)  # type: ignore[attr-defined]
        while True:
            for message in setter.messages():
                if message.job == job and isinstance(message, typesetter.Done):
                    return message.pdf, time.perf_counter() - start
                if message.job == job and isinstance(message, typesetter.Failed):
                    raise SystemExit(message.message)
            time.sleep(0.005)

    sizes = [int(x) for x in args.entries.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        key = StoreKey.from_passphrase(PASSPHRASE)
        for k, entries in enumerate(sizes):
            record = Generator(SEED, 10_000, (entries, entries)).record(
                INDEX + k, status="concluded"
            )
            ref = record.conference.reference
            master = work / f"approved-{entries}.db"
            make(master, key, 0, per_event=1, extra=[record]).close()
            with open_session(master, PASSPHRASE) as session:
                session.minutes.approve(ref)
            if k == 0:  # this process's imports (ReportLab, pyHanko), not counted
                shutil.copy(master, work / "warm.db")
                with open_session(work / "warm.db", PASSPHRASE) as session:
                    session.minutes.issue(ref, certificate)
            before, now_thread, now_child, pages = [], [], [], 0
            for run in range(args.runs):
                for way in ("before", "now"):
                    copy = work / f"run-{entries}-{run}-{way}.db"
                    shutil.copy(master, copy)
                    with open_session(copy, PASSPHRASE) as session:
                        if way == "before":
                            start = time.perf_counter()
                            session.minutes.issue(ref, certificate)
                            before.append(time.perf_counter() - start)
                            continue
                        start = time.perf_counter()
                        made = session.minutes.issue_document(ref)
                        asked = time.perf_counter() - start
                        pdf, away = typeset_away(made)
                        start = time.perf_counter()
                        issued = session.minutes.issue(ref, certificate, (Typeset.of(made, pdf),))
                        now_thread.append(asked + time.perf_counter() - start)
                        now_child.append(away)
                        pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
                        assert issued.signed
            b, n, c = (statistics.median(x) for x in (before, now_thread, now_child))
            print(
                f"{entries:5} entries (~{pages} pages): before, on the thread {b:.2f} s "
                f"[{min(before):.2f}-{max(before):.2f}]; now on the thread {n:.2f} s "
                f"[{min(now_thread):.2f}-{max(now_thread):.2f}] + typeset away {c:.2f} s; "
                f"thread ratio {n / b:.2f}",
                flush=True,
            )
    setter.stop()


if __name__ == "__main__":
    main()
