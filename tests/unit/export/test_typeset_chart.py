"""A chart in the minutes: drawn, with the same scores as a table under it (issue 20)."""

from __future__ import annotations

import io

import pypdf

from cpc_desktop.domain.printed import Chart, Para, ParaStyle, PrintedDocument, Section
from cpc_desktop.export.typeset import render_document
from cpc_desktop.export.typeset_chart import chart_drawing

CHART = Chart(
    ("Who", "20 Nov 2026", "19 Feb 2027", "19 Aug 2027"),
    (
        ("Sam Worker (Children's Social Care)", "3", "6", "8"),
        ("Hana Visitor (Health visiting service)", "4", "", "7"),
        ("PC Dee (Police)", "", "4", ""),
        ("Ola", "1", "2", "3"),
    ),
)


def _document(chart: Chart) -> PrintedDocument:
    intro = Para("Each person's score at each conference.", "Safety scale.", ParaStyle.NOTE)
    return PrintedDocument(
        title="Minutes",
        subtitle="A review",
        marking="OFFICIAL-SENSITIVE",
        reference="CPC-2027-0002",
        sections=(Section("Progress on the plan", (intro, chart)),),
    )


def test_the_chart_is_drawn_with_a_line_and_markers_for_each_person() -> None:
    drawing = chart_drawing(CHART, 450, 8)
    kinds = [type(shape).__name__ for shape in drawing.contents]
    assert kinds.count("PolyLine") == 3  # PC Dee has one point: a marker, no line
    assert {"Circle", "Rect", "Polygon"} <= set(kinds)
    labels = [shape.text for shape in drawing.contents if type(shape).__name__ == "String"]
    assert "19 Feb 2027" in labels and "PC Dee (Police)" in labels
    assert {"0", "2", "10"} <= set(labels)
    alone = chart_drawing(Chart(("Who", "19 Feb 2027"), (("Sam", "5"),), low=0, high=4), 300, 8)
    assert "1" in [s.text for s in alone.contents if type(s).__name__ == "String"]


def test_the_scores_are_printed_as_text_under_the_chart() -> None:
    pdf = render_document(_document(CHART))
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Progress on the plan" in text
    assert "Each person's score at each conference." in text
    at = text.index("Who")
    assert text.index("Sam Worker", at) < text.index("Hana Visitor", at)
