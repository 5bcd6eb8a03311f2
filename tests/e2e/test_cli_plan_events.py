"""``cpc-desktop birth`` and ``cpc-desktop transfer set`` (issue 20's acceptance: a
pre-birth conference, the birth recorded, the post-birth review due date; a transfer-in
with its letter from the command line). Each refusal is one line and changes nothing."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from cpc_desktop.domain.enums import ConferenceType
from cpc_desktop.domain.letters import LetterKind
from cpc_desktop.services.demo import build_demo_record
from cpc_desktop.services.session import open_session
from tests.e2e.test_cli_output import (
    PASSPHRASE,
    REF,
    check_everything_held,
    one_line_error,
    pdf_text,
    run,
)
from tests.helpers.plan_events import PRE_BIRTH_REF, pre_birth_record


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CPC_USER", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The demo's concluded conference as a transfer-in (notice received two days
    before), and a concluded pre-birth conference whose baby is not yet born."""
    record = build_demo_record(date.today(), "Alex Chair")
    held = record.conference.date
    record = dataclasses.replace(
        record,
        conference=dataclasses.replace(
            record.conference,
            type=ConferenceType.TRANSFER_IN,
            transfer_notice_date=held - timedelta(days=2),
        ),
    )
    path = tmp_path / "store.db"
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair") as session:
        session.conferences.import_record(record)
        session.conferences.import_record(pre_birth_record())
    return path


def test_the_birth_is_recorded_and_the_review_brought_forward(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    argv = ("birth", PRE_BIRTH_REF, "--db", str(db), "--given", "Amara", "--family", "Oyelaran")
    code, out, err = run(capsys, *argv, "--born", "2999-01-01")
    one_line_error(code, err, "a birth cannot be after today")
    code, out, err = run(capsys, *argv, "--born", "2026-12-01")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "recorded the birth of Amara Oyelaran on 1 December 2026",
        "the post-birth review is due by 31 December 2026",
        "the review set for 19 February 2027 is later: bring it forward",
    ]
    with open_session(db, PASSPHRASE) as session:
        (baby,) = session.conferences.get(PRE_BIRTH_REF).children
    assert (baby.given_name, baby.date_of_birth) == ("Amara", date(2026, 12, 1))
    code, out, err = run(capsys, *argv, "--born", "2026-12-01")
    one_line_error(code, err, "name the baby with --child")


def test_the_transfer_letter_is_written_from_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: Path, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys,
        *("transfer", "set", REF, "--db", str(db), "--from", "Northshire Council"),
        *("--contact", "Ruth Ames", "--address", "County Hall", "--address", "Northshire NS1 2AB"),
        *("--email", "ruth.ames@northshire.example"),
    )
    assert (code, err, out) == (0, "", f"{REF} comes from Ruth Ames, Northshire Council\n")
    with open_session(db, PASSPHRASE) as session:
        plans = session.letters.plan(REF)
    # Everyone else's address is confirmed from a file; the transfer letter's is the record's.
    addresses = {
        p.need.recipient_name: ["1 Mill Lane", "HB1 2CD"]
        for p in plans
        if p.need.kind is not LetterKind.TRANSFER
    }
    book = tmp_path / "addresses.json"
    book.write_text(json.dumps(addresses), encoding="utf-8")
    folder = tmp_path / "letters"
    folder.mkdir()
    argv = ["letters", REF, "--db", str(db), "--out-dir", str(folder), "--addresses", str(book)]
    code, _, err = run(capsys, *argv)
    one_line_error(code, err, "await a check by a second person")
    check_everything_held(capsys, monkeypatch, db)
    monkeypatch.delenv("CPC_USER", raising=False)
    code, _, err = run(capsys, *argv)
    assert code == 0, err
    texts = [pdf_text(path) for path in sorted(folder.iterdir())]
    (letter,) = [text for text in texts if "County Hall" in text]
    assert "Ruth Ames" in letter and "Northshire NS1 2AB" in letter
    assert "ruth.ames@northshire.example" not in letter


def test_only_a_transfer_in_comes_from_another_authority(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    argv = ("transfer", "set", PRE_BIRTH_REF, "--db", str(db), "--from", "Northshire Council")
    code, _, err = run(capsys, *argv)
    one_line_error(code, err, "only a transfer-in conference comes from another authority")
