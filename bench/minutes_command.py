"""The whole ``cpc-desktop minutes`` command for 50, 440 and 2,000 entries, beside the warm
typesetting alone in the same run.

    .venv/bin/python bench/minutes_command.py [--runs 3] [--entries 50,440,2000]
        [--before DIR] [--libreoffice]

Issue 21 point 1: measure the whole command, not only a warm function. Each run is a new
process, ``python -m cpc_desktop minutes REF --db STORE --passphrase-file F --out
FILE.pdf`` on an encrypted store made here (the reference conference of
``minutes_pdf.py`` with each number of entries, concluded, minutes in draft): imports,
key derivation, the page check, reading the record, ``build_minutes``, typesetting,
recording the output and the durable write. The reference, in the same run, is
``build_minutes`` + ``render_document`` of the same conference warm in this process
(``minutes_pdf.py``'s measure); the difference is what the command pays besides the
typesetting. ``--before DIR`` also times the command with ``DIR`` first on
``PYTHONPATH`` (the ``cpc_desktop`` of an earlier commit, from ``git archive``),
alternating with ours (every child runs outside the project folder, so that ``-m`` and
``-c`` do not put this checkout first). Medians of ``--runs``. First, the cost a new
process pays once for typesetting (fonts, first use): a one-page document typeset twice
in a new process, the first time minus the second.

Each command's CPU seconds (user + system of the child, all its threads) are shown
beside its wall seconds, as they move less with the load of a shared machine; so is the
load average after each size.

``--libreoffice``: in the same runs, alternating with the command, LibreOffice converts
the same content of each size to PDF (``minutes_pdf.py``'s HTML and call, a new
``soffice --headless`` each time, its first run a warm-up not counted); the budget
(design.md §7) is the whole command ≤ 0.5 × LibreOffice and the warm typesetting
≤ 0.35 × LibreOffice, for the 46-page (440-entry) reference. The CPU times of the warm
typesetting (this thread) and of LibreOffice (its process, every thread) are printed
too, with their ratio: on a shared machine they swing much less than wall times.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
PASSPHRASE = "a passphrase for the minutes command benchmark"


def command(
    store: Path, passphrase: Path, ref: str, out: Path, pythonpath: str | None
) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child, all its threads) of one command."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cpc_desktop", "minutes", ref, "--db", str(store),
         "--passphrase-file", str(passphrase), "--out", str(out)],
        capture_output=True, text=True, env=env, timeout=600, cwd=store.parent,
    )  # fmt: skip
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"the command failed:\n{done.stdout}\n{done.stderr}")
    out.unlink()
    return took, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


FIRST = """
import time
from cpc_desktop.domain.printed import Para, PrintedDocument, Section
from cpc_desktop.export.typeset import render_document
words = (Section("One", (Para("Café — “words”"),)),)
doc = PrintedDocument("Minutes", "", "OFFICIAL", "R-1", words)
start = time.perf_counter()
render_document(doc)
first = time.perf_counter() - start
start = time.perf_counter()
render_document(doc)
print(first, time.perf_counter() - start)
"""


def first_typesetting(pythonpath: str | None) -> tuple[float, float]:
    """A one-page document typeset twice in a new process: (first, second) in seconds; the
    difference is what each process pays once (the fonts)."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    done = subprocess.run(
        [sys.executable, "-c", FIRST],
        capture_output=True, text=True, env=env, check=True, cwd=tempfile.gettempdir(),
    )  # fmt: skip
    first, second = done.stdout.split()
    return float(first), float(second)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--entries", default="50,440,2000")
    parser.add_argument("--before", type=Path, help="an earlier cpc_desktop's parent folder")
    parser.add_argument("--libreoffice", action="store_true", help="LibreOffice, same runs")
    args = parser.parse_args()

    from make_store import Generator, make
    from minutes_pdf import INDEX, SEED, as_html, libreoffice, libreoffice_cpu, minutes_document

    soffice = None
    if args.libreoffice:
        import shutil

        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            raise SystemExit("LibreOffice is missing: apt-get install libreoffice-writer-nogui")

    from cpc_desktop.data.keys import StoreKey
    from cpc_desktop.export.typeset import render_document

    once: dict[str, list[float]] = {"ours": [], "before": []}
    for _ in range(max(5, args.runs)):
        for label, where in (("ours", None), ("before", args.before)):
            if label == "before" and where is None:
                continue
            first, second = first_typesetting(str(where) if where else None)
            once[label].append(first - second)
    ours_once = statistics.median(once["ours"]) * 1000
    line = f"fonts and first-use set-up, once a process: median {ours_once:.0f} ms"
    if once["before"]:
        line += f"; before {statistics.median(once['before']) * 1000:.0f} ms"
    print(line + " (a one-page document typeset first minus second, in a new process)")
    sizes = [int(x) for x in args.entries.split(",")]
    records = [
        Generator(SEED, 10_000, (n, n)).record(INDEX + k, status="concluded")
        for k, n in enumerate(sizes)
    ]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        secret = work / "pass.txt"
        secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
        store = work / "minutes.db"
        key = StoreKey.from_passphrase(PASSPHRASE)
        make(store, key, 0, per_event=1, extra=records).close()
        out = work / "minutes.pdf"
        render_document(minutes_document(records[0]))  # this process's imports and fonts
        print(f"store {store.stat().st_size / 2**20:.1f} MiB; {args.runs} runs each")
        profile = work / "lo-profile"
        for record, entries in zip(records, sizes, strict=True):
            ref = record.conference.reference
            ours, before, warm, lo = [], [], [], []
            ours_cpu, before_cpu = [], []
            warm_cpu, lo_cpu = [], []
            source = work / f"minutes-{entries}.html"
            if soffice:
                source.write_text(as_html(minutes_document(record)), encoding="utf-8")
                libreoffice(soffice, source, work, profile)  # warm-up, not counted
            for _ in range(args.runs):
                if soffice:
                    lo_wall, lo_used = libreoffice_cpu(soffice, source, work, profile)
                    lo.append(lo_wall)
                    lo_cpu.append(lo_used)
                wall, cpu = command(store, secret, ref, out, None)
                ours.append(wall)
                ours_cpu.append(cpu)
                if args.before:
                    wall, cpu = command(store, secret, ref, out, str(args.before))
                    before.append(wall)
                    before_cpu.append(cpu)
                start, cpu = time.perf_counter(), time.thread_time()
                pdf = render_document(minutes_document(record))
                warm.append(time.perf_counter() - start)
                warm_cpu.append(time.thread_time() - cpu)
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
            ours_m, warm_m = statistics.median(ours), statistics.median(warm)
            line = (
                f"  {entries:5} entries, {pages:3} pages: command median {ours_m:.2f} s "
                f"[{min(ours):.2f}-{max(ours):.2f}]"
            )
            line += f" (CPU {statistics.median(ours_cpu):.2f} s)"
            if before:
                line += (
                    f"; before {statistics.median(before):.2f} s "
                    f"(CPU {statistics.median(before_cpu):.2f} s)"
                )
            line += (
                f" | reference build_minutes + render_document warm {warm_m:.2f} s; "
                f"the command's own cost {ours_m - warm_m:.2f} s (ratio {ours_m / warm_m:.2f})"
            )
            if lo:
                lo_m = statistics.median(lo)
                lo_pages = len(PdfReader(work / source.with_suffix(".pdf").name).pages)
                line += (
                    f"\n        LibreOffice median {lo_m:.2f} s [{min(lo):.2f}-{max(lo):.2f}], "
                    f"{lo_pages} pages: command / LibreOffice {ours_m / lo_m:.2f} (budget 0.5), "
                    f"warm typesetting / LibreOffice {warm_m / lo_m:.2f} (budget 0.35)"
                )
                warm_c, lo_c = statistics.median(warm_cpu), statistics.median(lo_cpu)
                line += (
                    f"\n        CPU time: warm typesetting median {warm_c:.2f} s, LibreOffice "
                    f"{lo_c:.2f} s: ratio {warm_c / lo_c:.2f}; the command's CPU "
                    f"{statistics.median(ours_cpu):.2f} s: ratio "
                    f"{statistics.median(ours_cpu) / lo_c:.2f}"
                )
            load = os.getloadavg()
            print(line + f"\n        load average {load[0]:.2f} {load[1]:.2f}", flush=True)


if __name__ == "__main__":
    main()
