"""The record travels whole from the command line (issue 20): a complaint and a refused
correction carrying a statement of disagreement, written by ``export-json`` and read by
``import`` into a new store, where the statement still prints in its maker's family copy.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.e2e.test_cli_output import (
    REF,
    _secrets,
    check_everything_held,
    issued,
    issued_template,
    one_line_error,
    pdf_text,
    run,
)
from tests.helpers.stores import digest_tree

__all__ = ["_secrets", "issued", "issued_template"]  # fixtures, used by name

STATEMENT = "I was at the clinic that day and the minutes say I was not."


def refuse_with_a_statement(capsys: pytest.CaptureFixture[str], db: Path, folder: Path) -> str:
    """A correction asked for by the mother, refused with her statement; its id."""
    today = date.today().isoformat()
    code, out, err = run(
        capsys,
        *("correction", "record", REF, "--db", str(db), "--by", "Justyna Harland"),
        *("--received", today, "--disputed", "The health entry", "--asked", "Say I went"),
    )
    assert code == 0, err
    request_id = out.split()[2]
    said = folder / "statement.txt"
    said.write_text(STATEMENT + "\n", encoding="utf-8")
    code, _, err = run(
        capsys,
        *("correction", "rule", REF, request_id, "--db", str(db), "--ruling", "refused"),
        *("--reasons", "The clinic's record agrees", "--statement-file", str(said)),
    )
    assert code == 0, err
    return request_id


def test_export_and_import_carry_a_statement_and_a_complaint(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    issued: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    db, p12 = issued
    request_id = refuse_with_a_statement(capsys, db, tmp_path)
    code, _, err = run(
        capsys,
        *("complaint", "record", REF, "--db", str(db), "--by", "Justyna Harland"),
        *("--received", date.today().isoformat(), "--ground", "not_heard"),
        *("--details", "Not heard", "--child", "Theo Harland", "--child", "Lily Harland"),
    )
    assert code == 0, err

    document = tmp_path / "conference.json"
    code, _, err = run(capsys, "export-json", REF, "--db", str(db), "--out", str(document))
    assert code == 0, err
    written = json.loads(document.read_text(encoding="utf-8"))
    assert [r["statement"] for r in written["corrections"]] == [STATEMENT]
    assert [c["details"] for c in written["complaints"]] == ["Not heard"]
    # The children it concerns, in the conference's order of children (Kai, Lily, Theo).
    kids = [child["id"] for child in written["children"]]
    assert [c["child_ids"] for c in written["complaints"]] == [kids[1:]]

    fresh = tmp_path / "fresh" / "store.db"
    fresh.parent.mkdir()
    code, _, err = run(capsys, "import", str(document), "--db", str(fresh))
    assert code == 0, err
    again = tmp_path / "again.json"
    code, _, err = run(capsys, "export-json", REF, "--db", str(fresh), "--out", str(again))
    assert code == 0, err
    assert again.read_bytes() == document.read_bytes()  # same ids, nothing lost
    code, listing, err = run(capsys, "correction", "list", REF, "--db", str(fresh))
    assert code == 0 and request_id in listing and "refused" in listing
    code, listing, err = run(capsys, "complaint", "list", REF, "--db", str(fresh))
    assert code == 0 and "Justyna Harland about Lily Harland, Theo Harland" in listing

    # Her family copy, made in the new store, carries her statement.
    out = tmp_path / "family.pdf"
    argv = ["minutes", REF, "--db", str(fresh), "--out", str(out), "--copy", "family"]
    signed = [*argv, "--recipient", "Justyna Harland", "--certificate", str(p12)]
    code, _, err = run(capsys, *signed)
    one_line_error(code, err, "awaits a check by a second person")
    check_everything_held(capsys, monkeypatch, fresh)
    code, _, err = run(capsys, *signed)
    assert code == 0, err
    assert " ".join(STATEMENT.split()) in " ".join(pdf_text(out).split())

    # Importing the same document again is refused in one line and changes nothing.
    before = digest_tree(fresh.parent)
    code, _, err = run(capsys, "import", str(document), "--db", str(fresh))
    one_line_error(code, err, "already in this store")
    assert digest_tree(fresh.parent) == before


def test_a_hand_over_carries_the_statement_to_a_new_store_once(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    issued: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    db, _ = issued
    monkeypatch.setenv("CPC_HANDOVER_PASSPHRASE", "hand-over words")
    request_id = refuse_with_a_statement(capsys, db, tmp_path)
    code, _, err = run(
        capsys,
        *("complaint", "record", REF, "--db", str(db), "--name", "Pat Advocate"),
        *("--received", date.today().isoformat(), "--ground", "process"),
        *("--child", "Theo Harland"),
    )
    assert code == 0, err
    package = tmp_path / "to-other.cpcx"
    code, _, err = run(capsys, "handover", "export", REF, "--db", str(db), "--out", str(package))
    assert code == 0, err
    other = tmp_path / "other" / "store.db"
    other.parent.mkdir()
    code, _, err = run(capsys, "handover", "import", str(package), "--db", str(other))
    assert code == 0, err
    code, listing, err = run(capsys, "correction", "list", REF, "--db", str(other))
    assert code == 0, err
    assert listing.count(request_id) == 1 and "refused" in listing
    # The same package again adds nothing.
    code, _, err = run(capsys, "handover", "import", str(package), "--db", str(other))
    assert code == 0, err
    code, again, _ = run(capsys, "correction", "list", REF, "--db", str(other))
    assert again == listing
    document = tmp_path / "other.json"
    code, _, err = run(capsys, "export-json", REF, "--db", str(other), "--out", str(document))
    assert code == 0, err
    written = json.loads(document.read_text(encoding="utf-8"))
    assert [(r["id"], r["statement"]) for r in written["corrections"]] == [(request_id, STATEMENT)]
    theo = [child["id"] for child in written["children"] if child["given_name"] == "Theo"]
    assert [c["child_ids"] for c in written["complaints"]] == [theo]
    code, listing, err = run(capsys, "complaint", "list", REF, "--db", str(other))
    assert code == 0 and "from Pat Advocate about Theo Harland (process)" in listing
