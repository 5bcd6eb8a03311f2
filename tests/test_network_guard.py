"""The tests themselves cannot reach the network."""

from __future__ import annotations

import os

import pytest


def test_the_network_is_out_of_reach() -> None:
    """The autouse guard in conftest makes any socket use fail in every test."""
    import socket

    from tests.conftest import NetworkUseError

    with pytest.raises(NetworkUseError):
        socket.create_connection(("192.0.2.1", 9))  # TEST-NET-1: never routed
    with pytest.raises(NetworkUseError), socket.socket() as raw:
        raw.connect(("192.0.2.1", 9))
    with pytest.raises(NetworkUseError):
        socket.getaddrinfo("example.org", 443)
    if os.environ.get("CPC_TEST_POSTGRES_URL"):
        return  # testing against a server on loopback: only this machine is reachable
    with pytest.raises(NetworkUseError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUseError), socket.socket() as raw:
        raw.connect(("127.0.0.1", 9))
