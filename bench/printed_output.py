"""Printed output: the demo minutes as PDF, and every letter of a 4-child, 20-person conference.

    .venv/bin/python bench/printed_output.py [--runs 5]

Budgets (design.md §7): all letters for 4 children and 20 participants ≤ 1 s. The
reference, taken in the same run, is ReportLab drawing the same number of plain pages
of text with its canvas (no layout, no fonts of ours), so the ratio shows what layout,
our fonts and the checks cost on top of the cheapest possible PDF.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import time
from datetime import date

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import ParticipantRole
from cpc_desktop.domain.letters import LetterRequest, compose_letter, letters_needed
from cpc_desktop.domain.minutes_document import build_minutes
from cpc_desktop.export.typeset import render_document, render_letter
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile

TODAY = date(2026, 11, 23)
ADDRESS = ("14 Orchard Row", "Fenbridge", "FB3 7QT")


def four_children_twenty_people() -> d.ConferenceRecord:
    record = build_demo_records(TODAY)[0]
    child = record.children[0]
    fourth = dataclasses.replace(child, id="bench-child-4", given_name="Ava")
    decision = dataclasses.replace(record.decisions[0], id="bench-dec-4", child_id=fourth.id)
    template = next(p for p in record.participants if p.role is ParticipantRole.PROFESSIONAL)
    extra = tuple(
        dataclasses.replace(template, id=f"bench-p{i}", name=f"Professional {i}")
        for i in range(max(0, 20 - len(record.participants)))
    )
    return dataclasses.replace(
        record,
        children=(*record.children, fourth),
        decisions=(*record.decisions, decision),
        participants=(*record.participants, *extra),
    )


def all_letters(record: d.ConferenceRecord) -> int:
    profile = load_profile(record.conference.profile)
    pages = 0
    for need in letters_needed(record):
        request = LetterRequest(
            need.kind, need.recipient_id, need.recipient_name or "Authority", ADDRESS
        )
        pdf = render_letter(compose_letter(record, profile, request, TODAY))
        pages += len(PdfReader(io.BytesIO(pdf)).pages)
    return pages


def plain_pages(count: int) -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    for page in range(count):
        for line in range(50):
            canvas.drawString(
                72, 800 - 14 * line, f"Page {page} line {line} of plain reference text"
            )
        canvas.showPage()
    canvas.save()


def timed(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    record = four_children_twenty_people()
    letters = len(letters_needed(record))
    pages = all_letters(record)  # warm up fonts and imports
    letters_s = timed(lambda: all_letters(record), runs)
    letters_ref = timed(lambda: plain_pages(pages), runs)
    demo = build_demo_records(TODAY)[0]
    profile = load_profile(demo.conference.profile)
    minutes = render_document(build_minutes(demo, profile).document)
    minutes_pages = len(PdfReader(io.BytesIO(minutes)).pages)
    minutes_s = timed(lambda: render_document(build_minutes(demo, profile).document), runs)
    minutes_ref = timed(lambda: plain_pages(minutes_pages), runs)
    print(f"children {len(record.children)}, participants {len(record.participants)}")
    print(
        f"all letters: {letters} letters, {pages} pages, {letters_s:.3f} s (budget 1 s); "
        f"plain canvas reference {letters_ref:.3f} s; ratio {letters_s / letters_ref:.1f}"
    )
    print(
        f"demo minutes: {minutes_pages} pages, {minutes_s:.3f} s; "
        f"plain canvas reference {minutes_ref:.3f} s; ratio {minutes_s / minutes_ref:.1f}"
    )


if __name__ == "__main__":
    main()
