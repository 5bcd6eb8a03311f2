"""`handover export|import|undo` on the command line between two laptops' stores.

Conflicts are listed and nothing is written without a choice; bad input is one line,
exit 1, and the store's content is unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cpc_desktop.cli import main
from cpc_desktop.services.session import open_session

PASSPHRASE = "correct horse battery"
HANDOVER = "hand-over words"
REF = "CPC-2026-0001"


@pytest.fixture(autouse=True)
def _secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CPC_HANDOVER_PASSPHRASE", HANDOVER)
    monkeypatch.delenv("CPC_USER", raising=False)


def content(db: Path) -> str:
    with open_session(db, PASSPHRASE) as session:
        return repr(session.conferences.get(REF))


def texts(db: Path) -> dict[str, str]:
    with open_session(db, PASSPHRASE) as session:
        return {e.id: e.text for e in session.conferences.get(REF).minutes}


def save_text(db: Path, entry_id: str, text: str) -> None:
    with open_session(db, PASSPHRASE) as session:
        session.entries.save_text(entry_id, text)


def _copy(template: Path, folder: Path) -> tuple[Path, Path, Path]:
    for name in ("chair.db", "taker.db", "to-chair.cpcx"):
        if (template / name).exists():
            shutil.copy(template / name, folder / name)
    return folder / "chair.db", folder / "taker.db", folder


@pytest.fixture(scope="module")
def first_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A chair's demo store and a minute-taker's store made from its first hand-over."""
    folder = tmp_path_factory.mktemp("laptops")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CPC_PASSPHRASE", PASSPHRASE)
        mp.setenv("CPC_HANDOVER_PASSPHRASE", HANDOVER)
        chair, taker = folder / "chair.db", folder / "taker.db"
        assert main(["demo", "--db", str(chair)]) == 0
        out = folder / "to-taker.cpcx"
        assert main(["handover", "export", REF, "--db", str(chair), "--out", str(out)]) == 0
        assert main(["handover", "import", str(out), "--db", str(taker)]) == 0
    for backup in folder.glob("*.bak"):
        backup.unlink()
    return folder


@pytest.fixture(scope="module")
def disagreed_template(
    first_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """Both sides rewrote the first entry; the taker handed back ``to-chair.cpcx``."""
    folder = tmp_path_factory.mktemp("disagreed")
    chair, taker, _ = _copy(first_template, folder)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CPC_PASSPHRASE", PASSPHRASE)
        mp.setenv("CPC_HANDOVER_PASSPHRASE", HANDOVER)
        entry = next(iter(texts(chair)))
        save_text(taker, entry, "the minute-taker's wording")
        save_text(chair, entry, "the chair's wording")
        back = folder / "to-chair.cpcx"
        assert main(["handover", "export", REF, "--db", str(taker), "--out", str(back)]) == 0
    return folder, entry


@pytest.fixture
def laptops(tmp_path: Path, first_template: Path) -> tuple[Path, Path, Path]:
    return _copy(first_template, tmp_path)


def disagree(tmp: Path, template: tuple[Path, str]) -> tuple[Path, str, Path]:
    """A fresh copy of the disagreeing pair: the chair's store, the entry, the package."""
    folder, entry = template
    chair, _, _ = _copy(folder, tmp)
    return chair, entry, tmp / "to-chair.cpcx"


def test_the_first_hand_over_makes_the_minute_takers_store(
    laptops: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    chair, taker, _ = laptops
    assert content(taker) == content(chair)


def test_conflicts_are_listed_and_nothing_is_written_without_a_choice(
    tmp_path: Path, disagreed_template: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    chair, entry, back = disagree(tmp_path, disagreed_template)
    folder = tmp_path
    before = content(chair)
    capsys.readouterr()
    assert main(["handover", "import", str(back), "--db", str(chair), "--preview"]) == 0
    out = capsys.readouterr().out
    assert f"! conflict  minute entry {entry[:8]}" in out
    assert 'here:    "the chair\'s wording"' in out
    assert 'package: "the minute-taker\'s wording"' in out
    assert "0 added, 0 changed, 0 removed, 1 in conflict" in out

    assert main(["handover", "import", str(back), "--db", str(chair)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "cpc-desktop: 1 conflict(s) need a choice: give --take theirs|mine, "
        "--choose ID=theirs|mine or --edit ID=FILE; nothing was imported"
    ]
    assert content(chair) == before
    assert not list(folder.glob("chair.db.before-import-*"))


def test_a_choice_imports_once_and_undo_puts_it_back(
    tmp_path: Path, disagreed_template: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    chair, entry, back = disagree(tmp_path, disagreed_template)
    folder = tmp_path
    before = content(chair)
    args = ["handover", "import", str(back), "--db", str(chair)]
    assert main([*args, "--choose", f"{entry[:8]}=theirs"]) == 0
    out = capsys.readouterr().out
    assert f"imported {REF}: 0 added, 1 changed, 0 removed" in out
    assert texts(chair)[entry] == "the minute-taker's wording"
    merged = content(chair)

    assert main(args) == 0  # the same package again
    assert "already imported" in capsys.readouterr().out
    assert content(chair) == merged

    [backup] = folder.glob("chair.db.before-import-*.bak")
    assert f"handover undo {backup} --db {chair}" in out
    assert main(["handover", "undo", str(backup), "--db", str(chair)]) == 0
    assert content(chair) == before


def test_an_edited_text_settles_a_conflict(
    tmp_path: Path, disagreed_template: tuple[Path, str]
) -> None:
    chair, entry, back = disagree(tmp_path, disagreed_template)
    merged = tmp_path / "merged.txt"
    merged.write_text("both wordings, agreed\n", encoding="utf-8")
    args = ["handover", "import", str(back), "--db", str(chair), "--edit", f"{entry}={merged}"]
    assert main(args) == 0
    assert texts(chair)[entry] == "both wordings, agreed"


def test_take_settles_every_conflict(tmp_path: Path, disagreed_template: tuple[Path, str]) -> None:
    chair, entry, back = disagree(tmp_path, disagreed_template)
    assert main(["handover", "import", str(back), "--db", str(chair), "--take", "mine"]) == 0
    assert texts(chair)[entry] == "the chair's wording"


def test_approved_minutes_are_not_changed_by_an_import(
    laptops: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    chair, taker, folder = laptops
    entry = next(iter(texts(chair)))
    save_text(taker, entry, "a late correction")
    back = folder / "to-chair.cpcx"
    assert main(["handover", "export", REF, "--db", str(taker), "--out", str(back)]) == 0
    with open_session(chair, PASSPHRASE) as session:
        session.minutes.approve(REF)
    before = content(chair)
    capsys.readouterr()
    assert main(["handover", "import", str(back), "--db", str(chair), "--take", "theirs"]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported: the minutes of CPC-2026-0001 are approved" in err
    assert content(chair) == before


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda f: f.write_bytes(b""), "this is not a CPC hand-over package"),
        (lambda f: f.write_bytes(b"SQLite format 3\x00" + bytes(200)), "not a CPC hand-over"),
        (lambda f: f.mkdir(), "is a folder, not a hand-over package"),
        (lambda f: None, "does not exist"),
    ],
)
def test_a_file_that_is_not_a_package_is_one_line(
    laptops: tuple[Path, Path, Path],
    capsys: pytest.CaptureFixture[str],
    make: object,
    message: str,
) -> None:
    chair, _, folder = laptops
    bad = folder / "bad.cpcx"
    make(bad)  # type: ignore[operator]
    before = content(chair)
    capsys.readouterr()
    assert main(["handover", "import", str(bad), "--db", str(chair)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert content(chair) == before


def test_a_wrong_or_damaged_package_changes_nothing(
    tmp_path: Path,
    disagreed_template: tuple[Path, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chair, _, back = disagree(tmp_path, disagreed_template)
    before = content(chair)
    monkeypatch.setenv("CPC_HANDOVER_PASSPHRASE", "not the words")
    assert main(["handover", "import", str(back), "--db", str(chair)]) == 1
    assert capsys.readouterr().err == "cpc-desktop: the hand-over passphrase is wrong\n"
    monkeypatch.setenv("CPC_HANDOVER_PASSPHRASE", HANDOVER)
    data = bytearray(back.read_bytes())
    data[-40] ^= 0x01
    back.write_bytes(bytes(data))
    assert main(["handover", "import", str(back), "--db", str(chair)]) == 1
    assert "damaged (it fails its integrity check)" in capsys.readouterr().err
    assert content(chair) == before


def test_export_refuses_a_short_passphrase_a_folder_and_an_unknown_conference(
    laptops: tuple[Path, Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chair, _, folder = laptops
    out = folder / "x.cpcx"
    monkeypatch.setenv("CPC_HANDOVER_PASSPHRASE", "short")
    assert main(["handover", "export", REF, "--db", str(chair), "--out", str(out)]) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    monkeypatch.setenv("CPC_HANDOVER_PASSPHRASE", HANDOVER)
    assert main(["handover", "export", REF, "--db", str(chair), "--out", str(folder)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(["handover", "export", "CPC-1999-9999", "--db", str(chair), "--out", str(out)]) == 1
    assert "no conference 'CPC-1999-9999'" in capsys.readouterr().err
    assert not out.exists()
