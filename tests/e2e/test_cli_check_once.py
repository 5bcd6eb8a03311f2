"""``cpc-desktop check`` checks every page once: its open does, before anything is written,
and the check itself goes on from there (issue 21.2). A check that did not open the store
itself (the application's) still checks them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from cpc_desktop.cli import main
from cpc_desktop.data import integrity, opening, probe, store
from cpc_desktop.data.keys import StoreKey
from tests.helpers.stores import DEMO_PASSPHRASE

PASSPHRASE = DEMO_PASSPHRASE  # the demo fixture's (tests/e2e/conftest.py)


@pytest.fixture
def page_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every ``PRAGMA cipher_integrity_check`` run on a connection to a store."""
    seen: list[str] = []
    real = probe.keyed_connection

    def counted(path: Path, key: StoreKey, query: str) -> sqlcipher.Connection:
        con = real(path, key, query)

        def heard(sql: str) -> None:
            if "cipher_integrity_check" in sql:
                seen.append(sql)

        con.set_trace_callback(heard)
        return con

    for module in (probe, opening):
        monkeypatch.setattr(module, "keyed_connection", counted)
    return seen


def test_the_command_checks_every_page_once(
    capsys: pytest.CaptureFixture[str], demo: Path, page_checks: list[str]
) -> None:
    capsys.readouterr()
    assert main(["check", "--db", str(demo)]) == 0
    assert "is sound" in capsys.readouterr().out
    assert len(page_checks) == 1


def test_list_checks_every_page_before_it_writes(demo: Path, page_checks: list[str]) -> None:
    assert main(["list", "--db", str(demo)]) == 0
    assert len(page_checks) == 1


@pytest.mark.parametrize(("just_opened", "checks"), [(False, 2), (True, 1)])
def test_a_check_on_a_store_opened_earlier_checks_its_pages(
    demo: Path, page_checks: list[str], just_opened: bool, checks: int
) -> None:
    """Only a check told that the store was opened for it relies on the open's check."""
    with store.open_store(demo, StoreKey.from_passphrase(PASSPHRASE)) as opened:
        report: Any = integrity.check(opened, just_opened=just_opened)
    assert report.sound
    assert len(page_checks) == checks


def test_a_store_opened_with_its_pages_left_for_later_is_checked_in_full(
    demo: Path, page_checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe, "VERIFY_AT_OPEN_BYTES", 0)  # every store is "large"
    with store.open_store(demo, StoreKey.from_passphrase(PASSPHRASE), check_later=True) as opened:
        assert opened.checking and page_checks == []
        assert integrity.check(opened, just_opened=True).sound  # checked here, then
    assert len(page_checks) == 1


def test_a_store_found_damaged_has_its_pages_checked_again(
    demo: Path, page_checks: list[str]
) -> None:
    with store.open_store(demo, StoreKey.from_passphrase(PASSPHRASE)) as opened:
        opened.refuse_writes("demo.db is damaged (page 6 fails its check)")
        integrity.check(opened, just_opened=True)
    assert len(page_checks) == 2
