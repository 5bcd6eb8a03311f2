"""Nothing a person typed can steer the terminal: the command line shows control
characters in names and references as escapes (domain/inert.for_terminal)."""

from __future__ import annotations

import dataclasses
import json
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


@pytest.mark.parametrize("as_json", [False, True])
def test_no_escape_sequence_or_bidi_control_reaches_the_terminal_from_list(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    as_json: bool,
) -> None:
    # CSI (ESC [ and the one-byte C1 form), OSC ending in BEL and in ST, and every bidi
    # control, in an imported reference; the JSON listing as well as the table.
    hostile = "CPC-\x1b[31m\x9b2J\x1b]0;owned\x07\x9d8;;x\x9c\u202e\u2066\u200fX9"
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    record = build_demo_record(date(2026, 12, 1))
    record = dataclasses.replace(
        record, conference=dataclasses.replace(record.conference, reference=hostile)
    )
    document = tmp_path / "hostile.json"
    document.write_text(render_document(record), encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["import", str(document), "--db", db]) == 0
    capsys.readouterr()
    assert main(["list", "--db", db, *(["--json"] if as_json else [])]) == 0
    out, err = capsys.readouterr()
    assert not re.search(
        "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]", out + err
    ), repr(out + err)
    if as_json:  # still JSON, holding the reference as it was typed
        assert json.loads(out)[0]["reference"] == hostile
    else:
        assert "X9" in out


def test_an_error_line_quoting_an_imported_name_prints_it_as_escapes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Issue 17, point 9: a name in an error message (here `letters` refusing a letter for
    want of an address) is escaped like any other output line."""
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    record = build_demo_record(date(2026, 12, 1))
    hostile = "Justyna\x1b]0;owned\x07 \x1b[2J\u202eHarland"
    record = dataclasses.replace(
        record,
        participants=tuple(
            dataclasses.replace(p, name=hostile) if p.name == "Justyna Harland" else p
            for p in record.participants
        ),
    )
    document = tmp_path / "hostile.json"
    document.write_text(render_document(record), encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["import", str(document), "--db", db]) == 0
    capsys.readouterr()
    code = main(["letters", record.conference.reference, "--db", db, "--out-dir", str(tmp_path)])
    code_r = main(
        [
            "minutes",
            record.conference.reference,
            "--db",
            db,
            "--out",
            str(tmp_path / "m.pdf"),
            "--recipient",
            "Nobody \x1b[2J",
        ]
    )
    out, err = capsys.readouterr()
    assert (code, code_r) == (1, 1), err
    assert not CONTROLS.search(out + err), repr(out + err)
    assert err.count("\n") == 2, err
    assert "Nobody \\x1b[2J" in err, err
    assert "letter to Justyna\\x1b]0;owned\\x07 \\x1b[2J\\u202eHarland" in err, err
