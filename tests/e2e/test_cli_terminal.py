"""Nothing a person typed can steer the terminal: the command line shows control
characters in names and references as escapes (domain/inert.for_terminal)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest

from cpc_desktop.cli import main
from cpc_desktop.services.demo import build_demo_record
from cpc_desktop.services.document import render_document

PASSPHRASE = "correct horse battery"
HOSTILE = "CPC-\x1b[2J\u202eX1"  # clears the screen; reverses what follows
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_a_hostile_reference_prints_as_escapes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    record = build_demo_record(date(2026, 12, 1))
    record = dataclasses.replace(
        record, conference=dataclasses.replace(record.conference, reference=HOSTILE)
    )
    document = tmp_path / "hostile.json"
    document.write_text(render_document(record), encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["import", str(document), "--db", db]) == 0
    assert main(["list", "--db", db]) == 0
    assert (
        main(["export-json", record.conference.id, "--db", db, "--out", str(tmp_path / "o.json")])
        == 0
    )
    out, err = capsys.readouterr()
    assert not CONTROLS.search(out + err), repr(out + err)
    assert out.count("CPC-\\x1b[2J\\u202eX1") == 3  # imported, listed, exported
