"""The 46-page minutes PDF against LibreOffice converting the same content, same run.

    .venv/bin/python bench/minutes_pdf.py [--runs 3] [--keep DIR]

Budget (design.md §7): our PDF of the 46-page reference minutes in at most 0.35 × the
time LibreOffice (headless) takes to convert the same content to PDF.

The reference content is :func:`reference_record`: conference 4600 of the store
generator (``bench/make_store.py``, seed 46), concluded, two children, with
:data:`ENTRIES` minute entries, which the project's full minutes lay out on 46 pages.
Ours is ``build_minutes`` + ``render_document`` (the layout and typesetting behind
``cpc-desktop minutes``, without signing). LibreOffice converts an HTML file holding
every section, paragraph, label, field and table of the same ``PrintedDocument``
(``soffice --headless --convert-to pdf``, a new process each time, as a server script
would call it); its first run (profile creation, cold caches) is a warm-up and is
not counted. Medians of ``--runs``, wall time and CPU time (this thread's for ours; the
LibreOffice process's user + system time, all its threads, for LibreOffice): on a
shared machine the CPU ratio is the steadier one. The load average is printed.

Second reference (design.md §7, "within 1.1 × plain ReportLab platypus on the same
text"): :func:`plain_platypus`, the same words set with ReportLab alone: a
``SimpleDocTemplate`` with ReportLab's own ``TTFont`` of the same DejaVu files, one
``Paragraph`` per paragraph (a label run in, in bold), field and table rows as plain
``Table`` cells, no page furniture, no checks. CPU time, same process, alternating.
"""

from __future__ import annotations

import argparse
import html
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.minutes_document import build_minutes
from cpc_desktop.domain.printed import Fields, Para, PrintedDocument, Table
from cpc_desktop.export.typeset import render_document
from cpc_desktop.services.profiles import load_profile

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_store import Generator

SEED, INDEX, ENTRIES = 46, 4600, 440
PAGES = 46


def reference_record() -> d.ConferenceRecord:
    """The deterministic conference whose full minutes are the reference content."""
    return Generator(SEED, 10_000, (ENTRIES, ENTRIES)).record(INDEX, status="concluded")


def minutes_document(record: d.ConferenceRecord) -> PrintedDocument:
    profile = load_profile(record.conference.profile)
    return build_minutes(record, profile, local=lambda instant: instant).document


def ours(record: d.ConferenceRecord) -> bytes:
    return render_document(minutes_document(record))


_PLAIN_FONTS: list[str] = []


def plain_platypus(doc: PrintedDocument) -> bytes:
    """The document's words with plain ReportLab platypus (the second reference)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as RLTable

    if not _PLAIN_FONTS:
        folder = Path(__file__).resolve().parents[1] / "cpc_desktop" / "resources" / "fonts"
        pdfmetrics.registerFont(TTFont("PlainSans", str(folder / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("PlainSans-Bold", str(folder / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily("PlainSans", normal="PlainSans", bold="PlainSans-Bold")
        _PLAIN_FONTS.append("PlainSans")
    body = ParagraphStyle("b", fontName="PlainSans", fontSize=10, leading=14, spaceAfter=5.5)
    head = ParagraphStyle("h", body, fontName="PlainSans-Bold", fontSize=13, leading=17)
    e = html.escape
    story: list[object] = [Paragraph(e(doc.title), head), Paragraph(e(doc.subtitle), body)]
    for section in doc.sections:
        story.append(Paragraph(e(section.title), head))
        for block in section.blocks:
            if isinstance(block, Para):
                label = f"<b>{e(block.label)}</b> " if block.label else ""
                text = e(block.text).replace("\n", "<br/>")
                story.append(Paragraph(f"{label}{text} {e(block.meta)}", body))
            elif isinstance(block, Fields | Table):
                rows = block.pairs if isinstance(block, Fields) else (block.header, *block.rows)
                if rows:
                    table = RLTable([list(row) for row in rows], repeatRows=0)
                    table.setStyle([("FONTNAME", (0, 0), (-1, -1), "PlainSans")])
                    story.append(table)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm).build(story)
    return out.getvalue()


def as_html(doc: PrintedDocument) -> str:
    """The same words, in the same order and emphasis, as one HTML page for LibreOffice."""
    e = html.escape
    out = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{e(doc.title)}</title><style>",
        "@page { size: A4; margin: 27mm 18mm 20mm 18mm }",
        "body { font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 1.4 }",
        "table { border-collapse: collapse; width: 100% } td, th { border: 0.5pt solid #999;"
        " font-size: 8.5pt; padding: 2pt; vertical-align: top }",
        ".note { color: #555; font-size: 8.5pt } .quote { margin-left: 12mm }",
        ".warning { border: 1pt solid #b91c1c; padding: 3pt } .meta { color: #555 }",
        "</style></head><body>",
        f"<p class='meta'>{e(doc.marking)} — {e(doc.reference)}</p>",
        f"<h1>{e(doc.title)}</h1><p><b>{e(doc.subtitle)}</b></p>",
    ]
    number = 0
    for section in doc.sections:
        if section.level <= 1:
            number += 1
            out.append(f"<h2>{number}. {e(section.title)}</h2>")
        else:
            out.append(f"<h3>{e(section.title)}</h3>")
        for block in section.blocks:
            if isinstance(block, Para):
                label = f"<b>{e(block.label)}</b> " if block.label else ""
                meta = f" <span class='meta'>{e(block.meta)}</span>" if block.meta else ""
                text = e(block.text).replace("\n", "<br>")
                out.append(f"<p class='{block.style.value}'>{label}{text}{meta}</p>")
            elif isinstance(block, Fields):
                rows = "".join(
                    f"<tr><td><b>{e(k)}</b></td><td>{e(v).replace(chr(10), '<br>')}</td></tr>"
                    for k, v in block.pairs
                )
                out.append(f"<table>{rows}</table>")
            elif isinstance(block, Table):
                head = "".join(f"<th>{e(h)}</th>" for h in block.header)
                rows = "".join(
                    "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                    for row in block.rows
                )
                out.append(f"<table><tr>{head}</tr>{rows}</table>")
    out.append(f"<p class='meta'>{e(doc.marking)}</p></body></html>")
    return "\n".join(out)


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def libreoffice_cpu(
    soffice: str, source: Path, out_dir: Path, profile: Path
) -> tuple[float, float]:
    """LibreOffice's wall time and CPU time (user + system, every thread) for one conversion."""
    before = _children_cpu()
    wall = libreoffice(soffice, source, out_dir, profile)
    return wall, _children_cpu() - before


def libreoffice(soffice: str, source: Path, out_dir: Path, profile: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write both PDFs and the HTML here")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice is missing: apt-get install libreoffice-writer-nogui", file=sys.stderr)
        sys.exit(2)
    record = reference_record()
    pdf = ours(record)  # warm-up: fonts, imports
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    document = minutes_document(record)
    plain_pages = len(PdfReader(io.BytesIO(plain_platypus(document))).pages)  # warm-up
    ours_s, ours_cpu, plain_cpu = [], [], []
    for _ in range(args.runs):
        start, cpu = time.perf_counter(), time.thread_time()
        ours(record)
        ours_s.append(time.perf_counter() - start)
        ours_cpu.append(time.thread_time() - cpu)
        cpu = time.thread_time()
        plain_platypus(minutes_document(record))
        plain_cpu.append(time.thread_time() - cpu)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "minutes.html"
        source.write_text(as_html(minutes_document(record)), encoding="utf-8")
        profile = work / "lo-profile"
        warm = libreoffice(soffice, source, work, profile)
        lo_runs = [libreoffice_cpu(soffice, source, work, profile) for _ in range(args.runs)]
        lo_s, lo_cpu = [wall for wall, _ in lo_runs], [cpu for _, cpu in lo_runs]
        lo_pages = len(PdfReader(work / "minutes.pdf").pages)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, args.keep / "minutes.html")
            shutil.copy(work / "minutes.pdf", args.keep / "libreoffice.pdf")
            (args.keep / "ours.pdf").write_bytes(pdf)
    ours_m, lo_m = statistics.median(ours_s), statistics.median(lo_s)
    print(
        f"reference minutes: {len(record.minutes)} entries, {len(record.children)} children; "
        f"ours {pages} pages (target {PAGES}), LibreOffice {lo_pages} pages"
    )
    print(
        f"  ours (build_minutes + render_document) median {ours_m:.3f} s  "
        f"[{', '.join(f'{t:.3f}' for t in ours_s)}]"
    )
    print(
        f"  LibreOffice --convert-to pdf   median {lo_m:.3f} s  "
        f"[{', '.join(f'{t:.3f}' for t in lo_s)}]; warm-up run {warm:.3f} s not counted"
    )
    print(f"  ratio {ours_m / lo_m:.2f} (budget 0.35)")
    ours_c, lo_c = statistics.median(ours_cpu), statistics.median(lo_cpu)
    print(
        f"  CPU time: ours median {ours_c:.3f} s, LibreOffice median {lo_c:.3f} s: "
        f"ratio {ours_c / lo_c:.2f}; load average {os.getloadavg()[0]:.2f}"
    )
    plain_c = statistics.median(plain_cpu)
    print(
        f"  plain ReportLab platypus, same words ({plain_pages} pages): CPU median "
        f"{plain_c:.3f} s; ours / plain {ours_c / plain_c:.2f} (budget 1.1)"
    )


if __name__ == "__main__":
    main()
