"""Test-wide set-up: Qt without a screen, and no network, ever.

With ``CPC_TEST_POSTGRES_URL`` set, the data and service tests run against that
PostgreSQL server (see ``tests/helpers/stores.py``): connections to this machine's
loopback addresses and UNIX sockets are then allowed, and nothing else; tests marked
``sqlite_only`` (about the SQLite file itself) are deselected. Without it, tests
marked ``postgres_only`` are deselected.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_SERVER = bool(os.environ.get("CPC_TEST_POSTGRES_URL"))
_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


class NetworkUseError(AssertionError):
    """Raised when code under test tries to open a network connection."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    other = "sqlite_only" if _SERVER else "postgres_only"
    kept = [item for item in items if item.get_closest_marker(other) is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept


def _is_loopback(host: object) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every socket use fail: the application must never touch the network.

    Testing against a PostgreSQL server on this machine, loopback stays open.
    """

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise NetworkUseError("the application tried to use the network")

    if not _SERVER:
        monkeypatch.setattr(socket.socket, "connect", refuse)
        monkeypatch.setattr(socket.socket, "connect_ex", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        monkeypatch.setattr(socket, "getaddrinfo", refuse)
        return

    def local_only(real: object, host_of: object) -> object:
        def guarded(*args: object, **kwargs: object) -> object:
            host = host_of(*args)  # type: ignore[operator]
            if host is not None and not _is_loopback(host):
                refuse()
            return real(*args, **kwargs)  # type: ignore[operator]

        return guarded

    def socket_host(sock: socket.socket, address: object, *_rest: object) -> object:
        if sock.family == getattr(socket, "AF_UNIX", None):
            return None  # a UNIX socket is on this machine
        return address[0] if isinstance(address, tuple) else address

    monkeypatch.setattr(socket.socket, "connect", local_only(socket.socket.connect, socket_host))
    monkeypatch.setattr(
        socket.socket, "connect_ex", local_only(socket.socket.connect_ex, socket_host)
    )
    monkeypatch.setattr(
        socket, "create_connection", local_only(socket.create_connection, lambda a, *_: a[0])
    )
    monkeypatch.setattr(socket, "getaddrinfo", local_only(socket.getaddrinfo, lambda h, *_: h))


def pytest_sessionfinish(session: pytest.Session) -> None:
    stores = sys.modules.get("tests.helpers.stores")
    if _SERVER and stores is not None:
        stores.finish_drops()


@pytest.fixture(autouse=True)
def _drop_server_stores() -> Iterator[None]:
    """Testing against a server: drop the schemas a test made, once it is done."""
    yield
    stores = sys.modules.get("tests.helpers.stores")
    if _SERVER and stores is not None:
        stores.drop_server_stores()


@pytest.fixture(autouse=True)
def authorities(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Local authorities' settings files are read from an empty folder of the test's own,
    never from this user's configuration folder (a test may put files in it)."""
    folder = tmp_path_factory.mktemp("authorities")
    monkeypatch.setenv("CPC_AUTHORITIES", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _seal_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test keeps the audit seals of its stores in a folder of its own, never in the
    user's data folder (child processes inherit it through the environment)."""
    monkeypatch.setenv("CPC_SEAL_DIR", str(tmp_path_factory.mktemp("seals")))
