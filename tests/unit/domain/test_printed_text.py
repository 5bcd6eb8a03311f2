"""The words of a printed document for the checker on the command line, in reading order."""

from __future__ import annotations

from cpc_desktop.domain.printed import Fields, Para, PrintedDocument, Section, Table
from cpc_desktop.domain.printed_text import document_text


def _document(watermark: str | None) -> PrintedDocument:
    return PrintedDocument(
        title="Minutes",
        subtitle="Initial conference",
        marking="OFFICIAL-SENSITIVE",
        reference="CPC-2026-0001",
        sections=(
            Section(
                "Attendance",
                (
                    Para("Present all morning", label="Jo", meta="10:00"),
                    Fields((("Chair", "Demo Chair"),)),
                    Table(("Name", "Role"), (("Jo", "Parent"),), (0.5, 0.5)),
                ),
            ),
        ),
        watermark=watermark,
    )


def test_a_draft_says_so_and_every_block_reads_in_order() -> None:
    lines = document_text(_document("DRAFT")).splitlines()
    assert lines[:4] == ["OFFICIAL-SENSITIVE", "Minutes", "Initial conference", "DRAFT"]
    assert lines[4:] == [
        "",
        "Attendance",
        "----------",
        "Jo: Present all morning (10:00)",
        "Chair: Demo Chair",
        "Name | Role",
        "Jo | Parent",
        "OFFICIAL-SENSITIVE",
    ]


def test_an_issued_copy_has_no_watermark_line() -> None:
    lines = document_text(_document(None)).splitlines()
    assert lines[:4] == ["OFFICIAL-SENSITIVE", "Minutes", "Initial conference", ""]
