"""`minutes` and `letters` that cannot write: one line, exit 1, no file, nothing recorded."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.export import files
from cpc_desktop.services.session import open_session
from tests.e2e.test_cli_output import (
    PASSPHRASE,
    REF,
    _secrets,
    check_everything_held,
    issued,
    issued_template,
    one_line_error,
    run,
)

__all__ = ["_secrets", "issued", "issued_template"]  # the fixtures, used by name


def recorded(db: Path) -> tuple[Any, ...]:
    with open_session(db, PASSPHRASE) as session, session.store.reading() as s:
        return (
            s.scalars(sa.select(m.LetterRow.id).order_by(m.LetterRow.id)).all(),
            s.scalars(sa.select(m.OutputFileRow.id).order_by(m.OutputFileRow.id)).all(),
        )


def address_book(db: Path, tmp_path: Path) -> Path:
    with open_session(db, PASSPHRASE) as session:
        plans = session.letters.plan(REF)
    book = tmp_path / "addresses.json"
    book.write_text(json.dumps({p.need.recipient_name: ["1 Mill Lane"] for p in plans}))
    return book


def test_minutes_into_an_unwritable_folder(capsys, monkeypatch, issued, tmp_path: Path) -> None:
    db, _ = issued
    (tmp_path / "file.txt").write_text("a file")
    code, _, err = run(
        capsys, "minutes", REF, "--db", str(db), "--out", str(tmp_path / "m.pdf"), "--copy",
        "family", "--certificate", str(tmp_path / "chair.p12"),
    )  # fmt: skip
    assert code == 1 and "awaits a check" in err  # held; a second person checks it
    check_everything_held(capsys, monkeypatch, db)
    before = recorded(db)
    out = tmp_path / "file.txt" / "out.pdf"
    code, _, err = run(capsys, "minutes", REF, "--db", str(db), "--out", str(out))
    one_line_error(code, err, "does not exist")  # refused before the store is opened
    code, _, err = run(
        capsys, "minutes", REF, "--db", str(db), "--out", str(tmp_path / "m.pdf"), "--copy",
        "family", "--certificate", str(tmp_path / "chair.p12"),
    )  # fmt: skip
    assert code == 0, err
    after_one = recorded(db)
    # The checked copy was recorded when it was held: writing it adds no second copy.
    assert after_one == before and (tmp_path / "m.pdf").exists()
    (tmp_path / "m.pdf").unlink()
    real = files._write_temporary

    def fail(path: Path, data: bytes) -> str:
        raise OSError(28, "No space left on device")

    files._write_temporary = fail  # type: ignore[assignment]
    try:
        code, _, err = run(
            capsys, "minutes", REF, "--db", str(db), "--out", str(tmp_path / "m.pdf"), "--copy",
            "family", "--certificate", str(tmp_path / "chair.p12"),
        )  # fmt: skip
    finally:
        files._write_temporary = real  # type: ignore[assignment]
    one_line_error(code, err, "cannot write")
    assert not (tmp_path / "m.pdf").exists()
    assert recorded(db) == after_one


def test_letters_third_unwritable(capsys, issued, tmp_path: Path, monkeypatch) -> None:
    db, _ = issued
    book = address_book(db, tmp_path)
    letters = tmp_path / "letters"
    letters.mkdir()
    argv = ["letters", REF, "--db", str(db), "--out-dir", str(letters), "--addresses", str(book)]
    assert run(capsys, *argv)[0] == 1  # the family's letters held; a second person checks them
    check_everything_held(capsys, monkeypatch, db)
    before = recorded(db)
    real = os.replace
    calls = []

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).parent != letters:  # not an output (the audit log's seal, say)
            return real(src, dst)
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    code, out, err = run(
        capsys, "letters", REF, "--db", str(db), "--out-dir", str(letters), "--addresses", str(book)
    )
    monkeypatch.undo()
    one_line_error(code, err, "cannot write")
    assert out == ""
    assert list(letters.iterdir()) == []
    assert recorded(db) == before
