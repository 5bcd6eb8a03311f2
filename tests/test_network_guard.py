"""The tests themselves cannot reach the network."""

from __future__ import annotations

import pytest


def test_the_network_is_out_of_reach() -> None:
    """The autouse guard in conftest makes any socket use fail in every test."""
    import socket

    from tests.conftest import NetworkUseError

    with pytest.raises(NetworkUseError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUseError), socket.socket() as raw:
        raw.connect(("127.0.0.1", 9))
