"""``cpc-desktop retention delete`` stays deleted through ``handover undo``, and
``retention uploaded`` lets the local copy be wiped early (issue 20 point 7, item 40)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.probe import key_for_file
from cpc_desktop.domain.enums import ConferenceStatus, UserRole
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.demo import build_demo_record
from cpc_desktop.services.session import open_session
from tests.e2e.test_cli import PASSPHRASE, assert_one_line_error, run
from tests.helpers.records import small_record
from tests.helpers.retention import OLD_REF, old_record
from tests.helpers.stores import digest_tree

FAMILY = (b"Harland", b"Sandra Pell")  # the demo's family and a worker
HANDOVER = "hand-over words"

pytestmark = pytest.mark.sqlite_only  # the files beside a SQLite store


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CPC_HANDOVER_PASSPHRASE", HANDOVER)
    monkeypatch.delenv("CPC_USER", raising=False)


def pages(path: Path) -> bytes:
    """Every page of a store file decrypted (free pages too), with its raw bytes."""
    raw = path.read_bytes()
    if len(raw) < 4096 or len(raw) % 4096:
        return raw
    key = key_for_file(StoreKey.from_passphrase(PASSPHRASE), path).raw
    assert key is not None
    out = [raw]
    for at in range(0, len(raw), 4096):
        page = raw[at : at + 4096]
        iv = page[4096 - 80 : 4096 - 64]
        decrypt = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(decrypt.update(page[16 if at == 0 else 0 : 4096 - 80]) + decrypt.finalize())
    return b"".join(out)


def family_beside(db: Path) -> list[str]:
    return sorted(
        f.name for f in db.parent.iterdir() if f.is_file() and any(n in pages(f) for n in FAMILY)
    )


def issued_demo(path: Path, when: date) -> str:
    """A store holding the demo conference (held ``when``), its minutes issued, and the
    small record; a minute-taker besides the chair. The demo's reference."""
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair") as session:
        demo = build_demo_record(when, "Alex Chair")
        ref = demo.conference.reference
        session.conferences.import_record(
            replace(demo, conference=replace(demo.conference, status=ConferenceStatus.CONCLUDED))
        )
        session.conferences.import_record(small_record())
        session.conferences.add_user("Morgan Minutes", UserRole.MINUTE_TAKER)
        session.minutes.approve(ref)
        certificate = load_certificate(create_self_signed("Alex Chair", b"words"), b"words")
        session.minutes.issue(ref, certificate)
    return ref


def test_undo_after_delete_does_not_bring_the_conference_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "store.db"
    old = issued_demo(db, date(1991, 1, 14))  # its 35 years have passed
    laptop_folder = tmp_path / "laptop"
    laptop_folder.mkdir()
    package = laptop_folder / "old.cpcx"
    with open_session(laptop_folder / "laptop.db", PASSPHRASE, create=True) as laptop:
        laptop.conferences.import_record(old_record())
        laptop.handover.export_package(OLD_REF, package, HANDOVER, cost=FAST_COST)
    code, out, err = run(capsys, "handover", "import", str(package), "--db", str(db))
    assert (code, err) == (0, ""), out
    [backup] = tmp_path.glob("store.db.before-import-*.bak")
    assert family_beside(db) == sorted([db.name, backup.name])

    code, out, err = run(
        capsys, "retention", "delete", old, "--reason", "Ended", "--yes", "--db", str(db)
    )
    assert (code, err) == (0, "")
    assert f"purged it from the backup beside the store: {backup.name}" in out
    assert family_beside(db) == []

    code, out, err = run(capsys, "handover", "undo", str(backup), "--db", str(db))
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "retention", "list", "--all", "--db", str(db))
    assert old not in out and OLD_REF not in out  # not back; the import undone
    code, out, err = run(capsys, "retention", "deleted", "--db", str(db))
    assert out.startswith(f"{old}  held 1991-01-") and "by Alex Chair: Ended" in out
    assert family_beside(db) == []
    code, out, err = run(capsys, "check", "--db", str(db))
    assert code == 0, (out, err)


def test_confirm_upload_then_wipe(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    demo = issued_demo(db, date.today())  # kept 35 years
    code, out, err = run(
        capsys, "retention", "delete", demo, "--reason", "Early", "--yes", "--db", str(db)
    )
    assert_one_line_error(code, err, "cannot be deleted before then")

    before = digest_tree(db.parent)
    for args, words in (
        (("--case-ref", "  "), "give the case system's reference"),
        (("--case-ref", "LCS-1", "--on", "2999-01-01"), "cannot be after today"),
        (("--case-ref", "LCS-1", "--version", "9"), "has no minutes version 9"),
    ):
        code, out, err = run(capsys, "retention", "uploaded", demo, *args, "--db", str(db))
        assert_one_line_error(code, err, words)
    code, out, err = run(
        capsys, "retention", "uploaded", "CPC-2026-0042", "--case-ref", "X", "--db", str(db)
    )
    assert_one_line_error(code, err, "has no issued minutes to upload")
    assert digest_tree(db.parent) == before

    code, out, err = run(
        capsys, "retention", "uploaded", demo, "--case-ref", "LCS-2026-4471", "--db", str(db)
    )
    assert (code, err) == (0, "")
    assert f"{demo}: version 1.0 confirmed as uploaded to the case system on " in out
    assert "ref LCS-2026-4471" in out
    code, out, err = run(capsys, "retention", "list", "--all", "--db", str(db))
    assert "(uploaded to the case system on " in out

    run(capsys, "retention", "hold", demo, "--reason", "Subject access", "--db", str(db))
    code, out, err = run(capsys, "retention", "delete", demo, "--yes", "--db", str(db))
    assert_one_line_error(code, err, "is on legal hold")
    run(capsys, "retention", "release", demo, "--db", str(db))

    code, out, err = run(capsys, "retention", "delete", demo, "--yes", "--db", str(db))
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "retention", "deleted", "--db", str(db))
    assert "by Alex Chair: Local copy wiped: uploaded to the case system on " in out
    assert "ref LCS-2026-4471 (version 1.0)" in out
    assert family_beside(db) == []


def test_a_minute_taker_may_not_confirm_an_upload(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "store.db"
    demo = issued_demo(db, date.today())
    monkeypatch.setenv("CPC_USER", "Morgan Minutes")
    code, out, err = run(
        capsys, "retention", "uploaded", demo, "--case-ref", "LCS-1", "--db", str(db)
    )
    assert_one_line_error(code, err, "may not")
    monkeypatch.delenv("CPC_USER")
    code, out, err = run(capsys, "retention", "list", "--all", "--db", str(db))
    assert demo in out and "uploaded" not in out  # the refusal (audited) recorded nothing
