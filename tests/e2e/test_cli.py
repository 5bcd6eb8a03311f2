"""The command line as users and scripts meet it (design.md §5).

Every bad input gets one line on stderr, exit status 1, no traceback, and leaves
every file as it was (compared by hash before and after).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cpc_desktop import __version__
from cpc_desktop.cli import main
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import open_store
from tests.helpers.stores import digest_tree

PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CPC_USER", raising=False)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    os.environ["CPC_PASSPHRASE"] = PASSPHRASE
    try:
        assert main(["demo", "--db", str(folder / "demo.db")]) == 0
    finally:
        del os.environ["CPC_PASSPHRASE"]
    return folder / "demo.db"


@pytest.fixture
def demo(tmp_path: Path, demo_template: Path) -> Path:
    target = tmp_path / "demo.db"
    shutil.copy(demo_template, target)
    return target


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, words: str) -> None:
    assert code == 1
    assert err.count("\n") == 1, err
    assert err.startswith("cpc-desktop: ")
    assert "Traceback" not in err
    assert words in err, err


# --- the happy paths --------------------------------------------------------------------


def test_version_imports_neither_qt_nor_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "from cpc_desktop.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as e:\n    assert e.code == 0\n"
        "heavy = [m for m in ('PySide6', 'sqlalchemy', 'alembic') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"cpc-desktop {__version__}"


def test_demo_list_and_check(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    code, out, _ = run(capsys, "list", "--db", str(demo), "--json")
    assert code == 0
    listed = json.loads(out)
    main_sample = next(c for c in listed if c["reference"].endswith("-0001"))
    assert main_sample["type"] == "initial"
    assert main_sample["children"] >= 2
    assert main_sample["due"]["next_review"] and main_sample["due"]["first_core_group"]
    assert main_sample["due"]["decision_letter"] and main_sample["due"]["minutes"]
    assert len(listed) == 4  # the three samples and the review of the first
    code, out, _ = run(capsys, "list", "--db", str(demo))
    assert code == 0 and "REFERENCE" in out and main_sample["reference"] in out
    code, out, _ = run(capsys, "check", "--db", str(demo))
    assert code == 0 and "is sound" in out


def test_export_import_export_is_identical(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    first, second, copy = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "copy.db"
    assert (
        run(capsys, "export-json", "CPC-2026-0001", "--db", str(demo), "--out", str(first))[0] == 0
    )
    assert run(capsys, "import", str(first), "--db", str(copy))[0] == 0
    assert (
        run(capsys, "export-json", "CPC-2026-0001", "--db", str(copy), "--out", str(second))[0] == 0
    )
    assert first.read_bytes() == second.read_bytes()
    assert run(capsys, "check", "--db", str(copy))[0] == 0


def test_passphrase_file(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CPC_PASSPHRASE")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert run(capsys, "check", "--db", str(demo), "--passphrase-file", str(secret))[0] == 0


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["list"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_the_store_may_be_named_before_the_command(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    """The usage line shows ``--db`` first: ``--db FILE list`` is ``list --db FILE``."""
    after = run(capsys, "list", "--db", str(demo))
    assert after[0] == 0 and "CPC-2026-0001" in after[1]
    assert run(capsys, "--db", str(demo), "list") == after
    assert run(capsys, f"--db={demo}", "list") == after
    with pytest.raises(SystemExit) as caught:  # a command still needs its store
        main(["list", "--json"])
    assert caught.value.code == 2


# --- bad stores -------------------------------------------------------------------------


def _plain(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("create table t(x)")
    con.commit()
    con.close()


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x55
    path.write_bytes(bytes(data))


STORE_CASES = {
    "empty": (lambda p: p.write_bytes(b""), "is empty"),
    "random": (lambda p: p.write_bytes(os.urandom(16384)), "passphrase is wrong"),
    "plain-sqlite": (_plain, "unencrypted SQLite"),
    "truncated-page": (lambda p: p.write_bytes(p.read_bytes()[:8192]), "damaged"),
    "truncated-mid-page": (lambda p: p.write_bytes(p.read_bytes()[: 8192 + 700]), "damaged"),
    "flipped-page-1": (lambda p: _flip(p, 64), "passphrase is wrong"),
    "flipped-later-page": (lambda p: _flip(p, 4096 * 5 + 99), "damaged (page 6 fails its check)"),
}


@pytest.mark.parametrize("case", sorted(STORE_CASES))
def test_bad_store_for_check(capsys: pytest.CaptureFixture[str], demo: Path, case: str) -> None:
    make, words = STORE_CASES[case]
    if case in ("empty", "random", "plain-sqlite"):
        demo.unlink()
    make(demo)
    before = digest_tree(demo.parent)
    code, _, err = run(capsys, "check", "--db", str(demo))
    assert_one_line_error(code, err, words)
    assert digest_tree(demo.parent) == before


def test_wrong_passphrase(
    capsys: pytest.CaptureFixture[str], demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest_tree(demo.parent)
    for wrong in (
        "wrong",
        "'; DROP TABLE x; --",
        "\u05e9\u05dc\u05d5\u05dd \U0001f600",
        "x" * 1024,
    ):
        monkeypatch.setenv("CPC_PASSPHRASE", wrong)
        code, _, err = run(capsys, "list", "--db", str(demo))
        assert_one_line_error(code, err, "passphrase is wrong")
    assert digest_tree(demo.parent) == before


def test_directory_and_missing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "list", "--db", str(tmp_path))
    assert_one_line_error(code, err, "is a folder")
    code, _, err = run(capsys, "check", "--db", str(tmp_path / "none.db"))
    assert_one_line_error(code, err, "no store at")
    assert os.listdir(tmp_path) == []


def test_read_only_store(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    demo.chmod(stat.S_IRUSR)
    before = digest_tree(demo.parent)
    try:
        code, _, err = run(capsys, "list", "--db", str(demo))
    finally:
        demo.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert_one_line_error(code, err, "read-only")
    assert digest_tree(demo.parent) == before


def test_second_instance(demo: Path) -> None:
    with open_store(demo, StoreKey.from_passphrase(PASSPHRASE)):
        before = digest_tree(demo.parent)
        done = subprocess.run(
            [sys.executable, "-m", "cpc_desktop", "list", "--db", str(demo)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "CPC_PASSPHRASE": PASSPHRASE},
        )
        assert digest_tree(demo.parent) == before
    assert done.returncode == 1
    assert_one_line_error(done.returncode, done.stderr, "already open")


def test_no_passphrase_without_a_terminal(
    capsys: pytest.CaptureFixture[str], demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CPC_PASSPHRASE")
    with open(os.devnull) as nothing:
        monkeypatch.setattr(sys, "stdin", nothing)
        code, _, err = run(capsys, "list", "--db", str(demo))
    assert_one_line_error(code, err, "no passphrase")


def test_demo_refuses_an_existing_store(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    before = digest_tree(demo.parent)
    code, _, err = run(capsys, "demo", "--db", str(demo))
    assert_one_line_error(code, err, "will not overwrite")
    assert digest_tree(demo.parent) == before


def test_short_passphrase_for_new_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", "short")
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "new.db"))
    assert_one_line_error(code, err, "at least 8 characters")
    assert os.listdir(tmp_path) == []


# --- bad documents ----------------------------------------------------------------------


@pytest.fixture
def exported(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> dict:
    out = tmp_path / "doc.json"
    assert run(capsys, "export-json", "CPC-2026-0001", "--db", str(demo), "--out", str(out))[0] == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _breaks_rule(doc: dict) -> dict:
    plan = next(x for x in doc["decisions"] if x["outcome"] == "child_protection_plan")
    plan["contingency_plan"] = ""
    return doc


def _breaks_schema(doc: dict) -> dict:
    doc["children"][0]["date_of_birth"] = "2020-13-45"
    return doc


def _bad_reference(doc: dict) -> dict:
    doc["minutes"][0]["speaker_id"] = "00000000-0000-4000-8000-000000000000"
    return doc


def _bad_complaint(doc: dict) -> dict:
    doc["complaints"] = [
        {
            "id": "00000000-0000-4000-8000-0000000000c1",
            "conference_id": doc["conference"]["id"],
            "received": "2026-11-30",
            "grounds": ["process"],
            "complainant_id": "00000000-0000-4000-8000-000000000000",
        }
    ]
    return doc


def _statement_on_accepted(doc: dict) -> dict:
    doc["corrections"] = [
        {
            "id": "00000000-0000-4000-8000-0000000000c2",
            "received": "2026-11-30",
            "requested_by": "A Parent",
            "disputed": "the second paragraph",
            "asked": "remove it",
            "ruling": "accepted",
            "reasons": "agreed",
            "ruled_at": "2026-11-30T10:00:00Z",
            "ruled_by": "Demo Chair",
            "statement": "I still disagree",
        }
    ]
    return doc


def _mode_on_apologies(doc: dict) -> dict:
    event = next(p for p in doc["participants"] if p["attendance"])["attendance"][0]
    event["kind"], event["mode"] = "apologies", "video"
    return doc


def _fresh_reference(doc: dict) -> dict:
    return doc  # same reference as the one already in the store


DOC_CASES = {
    "invalid-json": (None, "not valid JSON"),
    "breaks-schema": (_breaks_schema, "$.children[0].date_of_birth"),
    "unknown-speaker": (_bad_reference, "$.minutes[0].speaker_id"),
    "breaks-a-rule": (_breaks_rule, "contingency"),
    "mode-on-apologies": (
        _mode_on_apologies,
        "$.participants[0].attendance[0].mode: Demo Chair's apologies at ",
    ),
    "already-there": (_fresh_reference, "already in this store"),
    "bad-complaint": (_bad_complaint, "$.complaints[0].complainant_id: no participant"),
    # The demo's minutes are not issued: nothing can have been disputed yet.
    "correction-of-unissued-minutes": (
        _statement_on_accepted,
        "$.corrections: only issued minutes can be disputed, and none are (and 1 more)",
    ),
}


@pytest.mark.parametrize("case", sorted(DOC_CASES))
def test_bad_documents_change_nothing(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, exported: dict, case: str
) -> None:
    change, words = DOC_CASES[case]
    source = tmp_path / "in" / "doc.json"
    source.parent.mkdir()
    if change is None:
        source.write_text('{"format": "cpc-conference", "version": 1,', encoding="utf-8")
    else:
        source.write_text(json.dumps(change(exported)), encoding="utf-8")
    before = digest_tree(demo.parent)
    code, _, err = run(capsys, "import", str(source), "--db", str(demo))
    assert_one_line_error(code, err, words)
    assert digest_tree(demo.parent) == before
    # Into a new path, nothing is created either.
    code, _, err = run(capsys, "import", str(source), "--db", str(tmp_path / "in" / "new.db"))
    if case != "already-there":
        assert_one_line_error(code, err, words)
        assert sorted(os.listdir(source.parent)) == ["doc.json"]


def test_import_of_a_missing_or_binary_file(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "import", str(tmp_path / "nope.json"), "--db", str(demo))
    assert_one_line_error(code, err, "no such file")
    blob = tmp_path / "blob.json"
    blob.write_bytes(b"\xff\xfe\x00garbage")
    code, _, err = run(capsys, "import", str(blob), "--db", str(demo))
    assert_one_line_error(code, err, "not UTF-8")


def test_export_errors(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "export-json", "CPC-1999-9999", "--db", str(demo), "--out", str(tmp_path / "x.json")
    )
    assert_one_line_error(code, err, "no conference")
    code, _, err = run(
        capsys, "export-json", "CPC-2026-0001", "--db", str(demo), "--out", str(demo)
    )
    assert_one_line_error(code, err, "the store itself")
    assert not (tmp_path / "x.json").exists()
