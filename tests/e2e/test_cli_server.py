"""The command line with a store on a PostgreSQL server (``--db postgresql://...``).

Runs only against the server named by ``CPC_TEST_POSTGRES_URL`` (each test in its own
schema): no passphrase is asked for, and the URL's password is never printed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cpc_desktop.cli import main
from tests.helpers.stores import store_location

pytestmark = pytest.mark.postgres_only


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CPC_PASSPHRASE", raising=False)
    monkeypatch.delenv("CPC_USER", raising=False)


PRINTED: list[str] = []


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    PRINTED.extend((out, err))
    return code, out, err


@pytest.fixture(autouse=True)
def _password_never_printed() -> object:
    """Whatever a test ran, the URL's password was not in anything printed."""
    PRINTED.clear()
    yield
    from sqlalchemy.engine import make_url

    from tests.helpers.stores import POSTGRES_URL

    secret = make_url(POSTGRES_URL or "").password
    if secret:
        assert not [text for text in PRINTED if f":{secret}@" in text]


def test_demo_list_check_and_import_without_a_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(store_location(tmp_path))
    code, out, err = run(capsys, "demo", "--db", url)
    assert (code, err) == (0, "")
    assert "sample conferences: CPC-2026-0001" in out
    code, out, _ = run(capsys, "list", "--db", url, "--json")
    assert code == 0
    assert [c["reference"] for c in json.loads(out)][:1] == ["CPC-2026-0001"]
    code, out, _ = run(capsys, "check", "--db", url)
    assert code == 0 and " is sound: " in out
    exported = tmp_path / "c.json"
    assert run(capsys, "export-json", "CPC-2026-0001", "--db", url, "--out", str(exported))[0] == 0
    other = str(store_location(tmp_path, "other"))
    code, out, _ = run(capsys, "import", str(exported), "--db", other)
    assert code == 0 and "into a new store" in out
    code, out, _ = run(capsys, "import", str(exported), "--db", other)
    assert code == 1  # the same reference again: refused, the store exists now
    code, out, _ = run(capsys, "check", "--db", other)
    assert code == 0 and "1 conferences" in out
    assert ":***@" in out or "@" not in url


def test_a_second_demo_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(store_location(tmp_path))
    assert run(capsys, "demo", "--db", url)[0] == 0
    code, _, err = run(capsys, "demo", "--db", url)
    assert code == 1 and err.count("\n") == 1
    assert "already holds a CPC Desktop store" in err


def test_an_empty_database_is_not_opened_and_undo_is_the_servers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(store_location(tmp_path))
    code, _, err = run(capsys, "list", "--db", url)
    assert code == 1 and "holds no CPC Desktop store" in err
    assert run(capsys, "demo", "--db", url)[0] == 0
    backup = tmp_path / "x.bak"
    backup.write_bytes(b"not a store")
    code, _, err = run(capsys, "handover", "undo", str(backup), "--db", url)
    assert code == 1 and "server's own backups" in err


def test_the_application_window_opens_a_server_store(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window takes the URL as it is (tests/ui/test_server_store_ui.py opens one)."""
    from cpc_desktop import app

    opened: list[object] = []
    monkeypatch.setattr(app, "run", lambda db=None: opened.append(db) or 0)
    url = "postgresql://chair:s3cret@db.example.org/cpc"
    code, out, err = run(capsys, "--db", url)
    assert code == 0 and opened == [url]
    assert "s3cret" not in out + err
