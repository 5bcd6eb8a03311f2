"""`minutes`, `letters`, `verify` and `certificate` on the command line (design.md §5).

Bad input: one line on stderr, exit 1, no traceback, no file written or changed.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from cpc_desktop.cli import main
from cpc_desktop.domain.dates import plain_date
from cpc_desktop.export.signing import load_certificate
from cpc_desktop.services.session import open_session
from tests.helpers.processes import COMMAND, as_a_user
from tests.helpers.stores import digest_tree

PASSPHRASE = "correct horse battery"
CERT_SECRET = "chair certificate secret"
REF = "CPC-2026-0001"
SECRETS = {"CPC_PASSPHRASE": PASSPHRASE, "CPC_CERTIFICATE_PASSPHRASE": CERT_SECRET}


@pytest.fixture(autouse=True)
def _secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CPC_CERTIFICATE_PASSPHRASE", CERT_SECRET)
    monkeypatch.delenv("CPC_USER", raising=False)


@pytest.fixture(scope="module")
def issued_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A demo store whose first conference's minutes are approved and issued, and the p12."""
    folder = tmp_path_factory.mktemp("issued")
    mp = pytest.MonkeyPatch()
    mp.setenv("CPC_PASSPHRASE", PASSPHRASE)
    mp.setenv("CPC_CERTIFICATE_PASSPHRASE", CERT_SECRET)
    try:
        db, p12 = folder / "demo.db", folder / "chair.p12"
        assert main(["demo", "--db", str(db)]) == 0
        assert main(["certificate", "--out", str(p12), "--name", "Demo Chair"]) == 0
        certificate = load_certificate(p12.read_bytes(), CERT_SECRET.encode())
        with open_session(db, PASSPHRASE) as session:
            session.minutes.approve(REF)
            session.minutes.issue(REF, certificate)
    finally:
        mp.undo()
    return db, p12


@pytest.fixture
def issued(tmp_path: Path, issued_template: tuple[Path, Path]) -> tuple[Path, Path]:
    db, p12 = issued_template
    shutil.copy(db, tmp_path / "demo.db")
    shutil.copy(p12, tmp_path / "chair.p12")
    return tmp_path / "demo.db", tmp_path / "chair.p12"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str, words: str) -> None:
    assert code == 1, err
    assert err.count("\n") == 1 and err.startswith("cpc-desktop: "), err
    assert "Traceback" not in err
    assert words in err, err


def pdf_text(path: Path) -> str:
    return " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages).split()
    )


def test_minutes_full_then_verify(capsys, issued, tmp_path: Path) -> None:
    db, _ = issued
    out = tmp_path / "full.pdf"
    code, stdout, err = run(capsys, "minutes", REF, "--db", str(db), "--out", str(out))
    assert code == 0, err
    assert "signed" in stdout
    assert "Page 1 of" in pdf_text(out)
    code, stdout, err = run(capsys, "verify", str(out), "--db", str(db))
    assert code == 0, err
    assert stdout.startswith("VALID") and "Demo Chair" in stdout
    changed = tmp_path / "changed.pdf"
    data = bytearray(out.read_bytes())
    data[100] ^= 0x20
    changed.write_bytes(bytes(data))
    code, _, err = run(capsys, "verify", str(changed), "--db", str(db))
    one_line_error(code, err, "INVALID")
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(out.read_bytes() + b"%%EOF\n")
    code, _, err = run(capsys, "verify", str(appended), "--db", str(db))
    one_line_error(code, err, "INVALID")


def test_verify_says_a_genuine_file_of_a_superseded_version_is_superseded(
    capsys, issued, tmp_path: Path
) -> None:
    """Issue 17, point 8: version 1.0 stays genuine (exit 0) but the line names 1.1."""
    db, p12 = issued
    old = tmp_path / "v1.0.pdf"
    assert run(capsys, "minutes", REF, "--db", str(db), "--out", str(old))[0] == 0
    code, stdout, err = run(capsys, "verify", str(old), "--db", str(db))
    assert code == 0, err
    assert "version 1.0" in stdout and "superseded" not in stdout
    certificate = load_certificate(p12.read_bytes(), CERT_SECRET.encode())
    with open_session(db, PASSPHRASE) as session:
        session.minutes.amend(REF, "Kai's school name corrected")
    code, stdout, err = run(capsys, "verify", str(old), "--db", str(db))
    # A draft correction is not a later version yet.
    assert code == 0 and "superseded" not in stdout, err
    with open_session(db, PASSPHRASE) as session:
        entry = session.conferences.get(REF).minutes[0]
        session.entries.save_text(entry.id, entry.text + " (the school's name corrected)")
        session.minutes.approve(REF)
        later = session.minutes.issue(REF, certificate)
        issued_on = session.minutes.status(REF).current.issued_at
    new = tmp_path / "v1.1.pdf"
    new.write_bytes(later.data)
    code, stdout, err = run(capsys, "verify", str(old), "--db", str(db))
    assert code == 0, err
    assert stdout.count("\n") == 1 and stdout.startswith("VALID"), stdout
    assert "version 1.0" in stdout
    assert f"superseded: version 1.1 was issued on {plain_date(issued_on.date())}" in stdout
    code, stdout, err = run(capsys, "verify", str(new), "--db", str(db))
    assert code == 0, err
    assert "version 1.1" in stdout and "superseded" not in stdout


def test_the_installed_command_prints_only_its_own_lines(
    issued: tuple[Path, Path], tmp_path: Path
) -> None:
    """As a user runs it: no warning from a library (pyHanko's import of cryptography's
    deprecated DSA names, for one) comes before or after the command's own line."""
    db, _ = issued
    signed, draft = tmp_path / "signed.pdf", tmp_path / "draft.pdf"
    for ref, out in ((REF, signed), ("CPC-2026-0002", draft)):
        done = as_a_user(
            str(COMMAND), "minutes", ref, "--db", str(db), "--out", str(out), env=SECRETS
        )
        assert (done.returncode, done.stderr) == (0, ""), done.stderr
    done = as_a_user(str(COMMAND), "verify", str(signed), "--db", str(db), env=SECRETS)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout.startswith("VALID") and done.stdout.count("\n") == 1
    changed = tmp_path / "changed.pdf"
    data = bytearray(signed.read_bytes())
    data[100] ^= 0x20
    changed.write_bytes(bytes(data))
    # A draft is recorded but unsigned, so pyHanko reads it; a changed file is not recorded.
    for path, problem in ((draft, "has no signature"), (changed, "not recorded")):
        done = as_a_user(str(COMMAND), "verify", str(path), "--db", str(db), env=SECRETS)
        one_line_error(done.returncode, done.stderr, problem)


SECOND, SECOND_SECRET = "Sam Second", "sam's own password"


def check_everything_held(capsys, monkeypatch, db: Path) -> list[str]:
    """A second user (added by the chair) checks every held copy from the command line."""
    if run(capsys, "release", "list", REF, "--db", str(db))[0] == 0:
        monkeypatch.setenv("CPC_USER_NEW_SECRET", SECOND_SECRET)
        run(capsys, "user", "add", SECOND, "--role", "minute_taker", "--db", str(db))
    code, listing, err = run(capsys, "release", "list", REF, "--db", str(db))
    assert code == 0, err
    ids = [line.split()[0] for line in listing.splitlines() if "awaiting" in line]
    monkeypatch.setenv("CPC_USER", SECOND)
    monkeypatch.setenv("CPC_USER_SECRET", "not the password")
    code, _, err = run(capsys, "release", "check", ids[0], "--db", str(db), "--confirm")
    one_line_error(code, err, "That name and password do not match a user of this store.")
    monkeypatch.setenv("CPC_USER_SECRET", SECOND_SECRET)
    for check_id in ids:
        code, shown, err = run(capsys, "release", "check", check_id, "--db", str(db), "--confirm")
        assert code == 0, err
        assert "for the checker only" in shown and f"checked by {SECOND}" in shown
    monkeypatch.delenv("CPC_USER")
    return ids


def test_family_copy_for_a_named_recipient(capsys, monkeypatch, issued, tmp_path: Path) -> None:
    db, p12 = issued
    out = tmp_path / "family.pdf"
    argv = ["minutes", REF, "--db", str(db), "--out", str(out), "--copy", "family"]
    code, _, err = run(capsys, *argv, "--recipient", "Dean Harland")
    one_line_error(code, err, "must be signed")
    assert not out.exists()
    signed = [*argv, "--recipient", "dean  harland", "--certificate", str(p12)]
    code, _, err = run(capsys, *signed)
    one_line_error(code, err, "awaits a check by a second person; nothing was written")
    assert "release check" in err and not out.exists()
    # The author alone cannot check it.
    code, listing, _ = run(capsys, "release", "list", REF, "--db", str(db))
    held_id = listing.split()[0]
    code, _, err = run(capsys, "release", "check", held_id, "--db", str(db), "--confirm")
    one_line_error(code, err, "Only one person uses this store")
    assert check_everything_held(capsys, monkeypatch, db) == [held_id]
    code, stdout, err = run(capsys, *signed)
    assert code == 0, err
    assert "family copy for Dean Harland" in stdout and "entries left out" in stdout
    assert "Family copy for Dean Harland" in pdf_text(out)
    with open_session(db, PASSPHRASE) as session:
        review = session.release.review(held_id)
    assert out.read_bytes() == review.data and review.sha256 in stdout
    assert run(capsys, "verify", str(out), "--db", str(db))[0] == 0


def test_full_copy_for_a_parent_is_refused_in_one_line(issued, tmp_path: Path) -> None:
    """A separate process: a full copy for a family-side person exits 1, writes nothing."""
    db, p12 = issued
    out = tmp_path / "full.pdf"
    argv = ["minutes", REF, "--db", str(db), "--out", str(out), "--copy", "full"]
    done = as_a_user(
        str(COMMAND), *argv, "--recipient", "Dean Harland", "--certificate", str(p12), env=SECRETS
    )
    one_line_error(
        done.returncode,
        done.stderr,
        "Dean Harland is on the family side, so may receive only a family copy.",
    )
    assert done.stdout == ""
    assert not out.exists()


def test_letters_need_confirmed_addresses(capsys, monkeypatch, issued, tmp_path: Path) -> None:
    db, _ = issued
    letters = tmp_path / "letters"
    letters.mkdir()
    code, _, err = run(capsys, "letters", REF, "--db", str(db), "--out-dir", str(letters))
    one_line_error(code, err, "no confirmed address")
    assert list(letters.iterdir()) == []
    with open_session(db, PASSPHRASE) as session:
        plans = session.letters.plan(REF)
    addresses = {plan.need.recipient_name: ["1 Mill Lane", "Harbury", "HB1 2CD"] for plan in plans}
    book = tmp_path / "addresses.json"
    book.write_text(json.dumps(addresses), encoding="utf-8")
    argv = ["letters", REF, "--db", str(db), "--out-dir", str(letters), "--addresses", str(book)]
    code, _, err = run(capsys, *argv)
    one_line_error(code, err, "await a check by a second person")
    assert list(letters.iterdir()) == []
    check_everything_held(capsys, monkeypatch, db)
    code, _, err = run(capsys, *argv)
    assert code == 0, err
    written = sorted(letters.iterdir())
    assert len(written) == len(plans) > 0
    for path in written:
        assert path.name.startswith(REF)
        assert "Harland" not in path.name
        assert "1 Mill Lane" in pdf_text(path)


def test_bad_input_changes_nothing(capsys, issued, tmp_path: Path) -> None:
    db, p12 = issued

    def state() -> tuple[dict[str, str], str]:
        # Reads and refusals are audited, so the store's bytes may change; its content may not.
        files = {k: v for k, v in digest_tree(tmp_path).items() if not k.startswith("demo.db")}
        with open_session(db, PASSPHRASE) as session:
            from cpc_desktop.services.document import render_document

            return files, render_document(session.conferences.export_record(REF))

    before = state()
    cases = [
        (
            ["minutes", "CPC-1999-9999", "--db", str(db), "--out", str(tmp_path / "x.pdf")],
            "no conference",
        ),
        (["minutes", REF, "--db", str(db), "--out", str(tmp_path)], "is a folder"),
        (
            ["minutes", REF, "--db", str(db), "--out", str(tmp_path / "no" / "x.pdf")],
            "does not exist",
        ),
        (
            [
                "minutes",
                REF,
                "--db",
                str(db),
                "--out",
                str(tmp_path / "x.pdf"),
                "--recipient",
                "Dean Harland",
            ],
            "is on the family side, so may receive only a family copy",
        ),
        (
            [
                "minutes",
                REF,
                "--db",
                str(db),
                "--out",
                str(tmp_path / "x.pdf"),
                "--copy",
                "family",
                "--recipient",
                "Nobody Here",
            ],
            "no participant called",
        ),
        (
            [
                "minutes",
                REF,
                "--db",
                str(db),
                "--out",
                str(tmp_path / "x.pdf"),
                "--copy",
                "family",
                "--certificate",
                str(db),
            ],
            "not a certificate file",
        ),
        (["verify", str(tmp_path / "missing.pdf"), "--db", str(db)], "no such file"),
        (["verify", str(tmp_path), "--db", str(db)], "is a folder"),
        (["verify", str(p12), "--db", str(db)], "INVALID"),
        (["letters", REF, "--db", str(db), "--out-dir", str(tmp_path / "nope")], "is not a folder"),
        (["certificate", "--out", str(p12), "--name", "X"], "already exists"),
    ]
    for argv, words in cases:
        code, _, err = run(capsys, *argv)
        one_line_error(code, err, words)
    assert state() == before


def test_wrong_certificate_passphrase(capsys, issued, tmp_path: Path, monkeypatch) -> None:
    db, p12 = issued
    monkeypatch.setenv("CPC_CERTIFICATE_PASSPHRASE", "not it")
    out = tmp_path / "family.pdf"
    argv = ["minutes", REF, "--db", str(db), "--out", str(out), "--copy", "family"]
    code, _, err = run(capsys, *argv, "--certificate", str(p12))
    one_line_error(code, err, "wrong passphrase")
    assert not out.exists()
