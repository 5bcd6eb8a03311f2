"""A store key's derivation started ahead on a thread (``data/keys.py``): the same key as
deriving it in place, derived once, and only ever for a regular file's own salt."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from cpc_desktop.data import keys
from cpc_desktop.data.keys import SALT_BYTES, StoreKey

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread of every key derivation made from now on."""
    threads: list[str] = []
    derive = keys._derive

    def counting(passphrase: str, salt: bytes) -> bytes:
        threads.append(threading.current_thread().name)
        return derive(passphrase, salt)

    monkeypatch.setattr(keys, "_derive", counting)
    return threads


@pytest.fixture
def salted(tmp_path: Path) -> tuple[Path, bytes]:
    salt = bytes(range(7, 7 + SALT_BYTES))
    path = tmp_path / "store.db"
    path.write_bytes(salt + b"\x00" * 100)
    return path, salt


def test_the_key_derived_ahead_is_the_key_derived_in_place(
    salted: tuple[Path, bytes], counted: list[str]
) -> None:
    path, salt = salted
    key = StoreKey.from_passphrase(PASSPHRASE)
    ahead = key.derive_ahead(path)
    assert ahead.ahead is not None
    derived = ahead.for_salt(salt)
    assert derived.raw is not None and len(derived.raw) == 32
    assert counted == ["key derivation"]  # once, on its own thread, then awaited
    assert ahead.for_salt(salt) == derived  # asked again: the same result, no new rounds
    assert counted == ["key derivation"]
    assert key.for_salt(salt) == derived  # deriving in place gives the same key
    assert counted == ["key derivation", threading.current_thread().name]


def test_another_salt_is_derived_for_itself(salted: tuple[Path, bytes], counted: list[str]) -> None:
    path, salt = salted
    ahead = StoreKey.from_passphrase(PASSPHRASE).derive_ahead(path)
    other = bytes(SALT_BYTES)
    assert ahead.for_salt(other) == StoreKey.from_passphrase(PASSPHRASE).for_salt(other)
    assert ahead.for_salt(other) != ahead.for_salt(salt)
    assert counted.count("key derivation") == 1  # only the file's own salt went ahead


def test_nothing_goes_ahead_without_a_regular_file_and_its_salt(
    tmp_path: Path, counted: list[str]
) -> None:
    key = StoreKey.from_passphrase(PASSPHRASE)
    short = tmp_path / "short.db"
    short.write_bytes(b"x" * (SALT_BYTES - 1))
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # reading it would wait for a writer: never opened
    for path in (tmp_path / "missing.db", tmp_path, short, pipe):
        assert key.derive_ahead(path) is key
    raw = StoreKey.from_raw(bytes(32))
    assert raw.derive_ahead(short) is raw
    assert counted == []


def test_a_key_going_ahead_shows_nothing_and_equals_the_same_key(
    salted: tuple[Path, bytes],
) -> None:
    path, salt = salted
    key = StoreKey.from_passphrase(PASSPHRASE)
    ahead = key.derive_ahead(path)
    assert ahead == key and hash(ahead) == hash(key)
    assert PASSPHRASE not in repr(ahead) and "hidden" in repr(ahead)
    assert PASSPHRASE not in repr(ahead.ahead)
    assert ahead.for_salt(salt).raw is not None
    assert ahead.for_salt(salt).raw.hex() not in repr(ahead.ahead)  # type: ignore[union-attr]
