"""The encrypted hand-over container (.cpcx): sealing, opening and every way to fail."""

from __future__ import annotations

import functools
import os
import struct
import unicodedata
import zlib

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from cpc_desktop.export import package
from cpc_desktop.export.package import (
    DEFAULT_COST,
    FAST_COST,
    MAGIC,
    SUFFIX,
    KdfCost,
    PackageError,
    looks_like_package,
    open_sealed,
    seal,
)

PASSPHRASE = "correct horse battery staple"

NOT_A_PACKAGE = "this is not a CPC hand-over package"
NEWER_VERSION = "this hand-over package was made by a newer version of CPC Desktop"
BAD_HEADER = "this hand-over package is damaged (its header is not valid)"
TOO_SHORT = "this hand-over package is damaged (it is too short)"
WRONG_PASSPHRASE = "the hand-over passphrase is wrong"
FAILS_INTEGRITY = "this hand-over package is damaged (it fails its integrity check)"
CANNOT_UNPACK = "this hand-over package is damaged (its contents cannot be unpacked)"
EMPTY_PASSPHRASE = "the hand-over passphrase must not be empty"

# Layout offsets (see the module docstring).
VERSION_AT = 4
KDF_AT = 5
MEMORY_AT = 6
ITERATIONS_AT = 10
LANES_AT = 14
SALT_AT = 15
NONCE_AT = 31
CHECK_AT = 43
CIPHERTEXT_AT = 59
TAG_SIZE = 16


@functools.cache
def _small_package() -> bytes:
    return seal(b"minutes of the conference", PASSPHRASE, cost=FAST_COST)


def _sealed(payload: bytes = b"payload", passphrase: str = PASSPHRASE) -> bytes:
    return seal(payload, passphrase, cost=FAST_COST)


def _flip(data: bytes, offset: int, mask: int = 0x01) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= mask
    return bytes(changed)


def _with(data: bytes, offset: int, field: bytes) -> bytes:
    return data[:offset] + field + data[offset + len(field) :]


def _open_fails(data: bytes, message: str, passphrase: str = PASSPHRASE) -> None:
    with pytest.raises(PackageError) as caught:
        open_sealed(data, passphrase)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def _hand_made(plaintext: bytes, passphrase: str = PASSPHRASE) -> bytes:
    """A well-formed, correctly keyed package whose plaintext is ``plaintext`` as given
    (not compressed by seal), built with the module's own primitives."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    header = (
        struct.pack(
            ">4sBBIIB", MAGIC, 1, 1, FAST_COST.memory_kib, FAST_COST.iterations, FAST_COST.lanes
        )
        + salt
        + nonce
    )
    enc_key, check_key = package._keys(passphrase, salt, FAST_COST)
    ciphertext = AESGCM(enc_key).encrypt(nonce, plaintext, header)
    return header + package._check_value(check_key, header) + ciphertext


# --------------------------------------------------------------------------- constants


def test_public_constants() -> None:
    assert MAGIC == b"CPCX"
    assert SUFFIX == ".cpcx"
    assert package.MAX_PAYLOAD == 512 * 1024 * 1024
    assert KdfCost() == DEFAULT_COST == KdfCost(memory_kib=64 * 1024, iterations=3, lanes=1)
    assert (FAST_COST.memory_kib, FAST_COST.iterations, FAST_COST.lanes) == (19 * 1024, 2, 1)
    assert issubclass(PackageError, ValueError)


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [
        (19 * 1024 - 1, 2, 1),
        (1024 * 1024 + 1, 2, 1),
        (19 * 1024, 1, 1),
        (19 * 1024, 17, 1),
        (19 * 1024, 2, 0),
        (19 * 1024, 2, 9),
    ],
)
def test_kdf_cost_refuses_values_open_would_refuse(
    memory_kib: int, iterations: int, lanes: int
) -> None:
    with pytest.raises(ValueError, match="out of bounds"):
        KdfCost(memory_kib=memory_kib, iterations=iterations, lanes=lanes)


def test_header_layout() -> None:
    data = _sealed(b"x")
    assert data[:4] == MAGIC
    assert data[VERSION_AT] == 1
    assert data[KDF_AT] == 1
    assert struct.unpack(">IIB", data[MEMORY_AT:SALT_AT]) == (19 * 1024, 2, 1)
    assert len(data) >= CIPHERTEXT_AT + TAG_SIZE


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        os.urandom(1024 * 1024),
        "Zoë Ångström — العربية עברית 🙂 \"quoted\" 'single'\n".encode() * 100,
        bytes(range(256)),
        b"\x00" * 100_000,
    ],
    ids=["empty", "1MB-random", "utf8-text", "all-bytes", "zeros"],
)
def test_round_trip_payloads(payload: bytes) -> None:
    assert open_sealed(_sealed(payload), PASSPHRASE) == payload


@pytest.mark.parametrize(
    "passphrase",
    [
        'it\'s "quoted" `back` \\ slash',
        "🔐🙂👩‍👩‍👧 flags 🇬🇧",
        "كلمة المرور السرية",
        "סיסמה סודית",
        "mixed עברית and العربية and English",
        "x" * 1024,
        "ü" * 512,
        " leading and trailing spaces ",
        "\t\n",
        "a",
    ],
)
def test_round_trip_passphrases(passphrase: str) -> None:
    data = _sealed(b"contents", passphrase)
    assert open_sealed(data, passphrase) == b"contents"


def test_nfc_and_nfd_forms_open_each_other() -> None:
    composed = unicodedata.normalize("NFC", "café é")
    decomposed = unicodedata.normalize("NFD", "café é")
    assert composed != decomposed
    assert open_sealed(_sealed(b"a", composed), decomposed) == b"a"
    assert open_sealed(_sealed(b"b", decomposed), composed) == b"b"


def test_two_seals_differ_and_both_open() -> None:
    first = _sealed(b"same payload")
    second = _sealed(b"same payload")
    assert first != second
    assert first[SALT_AT:NONCE_AT] != second[SALT_AT:NONCE_AT]
    assert first[NONCE_AT:CHECK_AT] != second[NONCE_AT:CHECK_AT]
    assert open_sealed(first, PASSPHRASE) == open_sealed(second, PASSPHRASE) == b"same payload"


def test_payload_is_compressed() -> None:
    payload = b"the same line again\n" * 10_000
    assert len(_sealed(payload)) < len(payload) // 10


def test_looks_like_package() -> None:
    assert looks_like_package(_sealed())
    assert looks_like_package(MAGIC + b"\x01")
    assert not looks_like_package(b"")
    assert not looks_like_package(MAGIC)
    assert not looks_like_package(MAGIC + b"\x02")
    assert not looks_like_package(MAGIC + b"\x00")
    assert not looks_like_package(b"SQLite format 3\x00")
    assert not looks_like_package(b"cpcx\x01")


# --------------------------------------------------------------------------- passphrases


def test_wrong_passphrase() -> None:
    _open_fails(_small_package(), WRONG_PASSPHRASE, passphrase="incorrect horse")


def test_passphrase_is_case_sensitive() -> None:
    _open_fails(_small_package(), WRONG_PASSPHRASE, passphrase=PASSPHRASE.upper())


def test_empty_passphrase_when_opening() -> None:
    _open_fails(_small_package(), WRONG_PASSPHRASE, passphrase="")


def test_empty_passphrase_when_sealing() -> None:
    with pytest.raises(PackageError) as caught:
        seal(b"payload", "", cost=FAST_COST)
    assert str(caught.value) == EMPTY_PASSPHRASE


def test_lone_surrogate_passphrase_does_not_crash() -> None:
    data = _sealed(b"odd", "\ud800")
    assert open_sealed(data, "\ud800") == b"odd"
    _open_fails(data, WRONG_PASSPHRASE, passphrase="\udc00")


def test_seal_refuses_payload_it_could_not_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_PAYLOAD", 10)
    with pytest.raises(PackageError):
        seal(b"x" * 11, PASSPHRASE, cost=FAST_COST)


# --------------------------------------------------------------------------- not a package


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"C",
        b"CPC",
        b"cpcx\x01",
        b"SQLite format 3\x00" + bytes(100),
        b"PK\x03\x04" + bytes(100),
        b"%PDF-1.7\n",
        b"\x00" * 200,
        b"XCPCX\x01",
    ],
)
def test_not_a_package(data: bytes) -> None:
    _open_fails(data, NOT_A_PACKAGE)


def test_random_bytes_are_not_a_package() -> None:
    data = b"\xff" + os.urandom(999)
    _open_fails(data, NOT_A_PACKAGE)


def test_flipped_magic_byte() -> None:
    for offset in range(4):
        _open_fails(_flip(_small_package(), offset), NOT_A_PACKAGE)


# --------------------------------------------------------------------------- header


@pytest.mark.parametrize("version", [2, 3, 255])
def test_newer_version(version: int) -> None:
    _open_fails(_with(_small_package(), VERSION_AT, bytes([version])), NEWER_VERSION)


def test_newer_version_even_when_short() -> None:
    _open_fails(MAGIC + b"\x02", NEWER_VERSION)
    _open_fails(MAGIC + b"\x02" + bytes(13), NEWER_VERSION)


def test_version_zero_is_a_bad_header() -> None:
    _open_fails(_with(_small_package(), VERSION_AT, b"\x00"), BAD_HEADER)


@pytest.mark.parametrize("kdf", [0, 2, 255])
def test_unknown_kdf(kdf: int) -> None:
    _open_fails(_with(_small_package(), KDF_AT, bytes([kdf])), BAD_HEADER)


@pytest.mark.parametrize(
    ("offset", "field"),
    [
        (MEMORY_AT, struct.pack(">I", 19 * 1024 - 1)),
        (MEMORY_AT, struct.pack(">I", 1024 * 1024 + 1)),
        (MEMORY_AT, struct.pack(">I", 0xFFFFFFFF)),
        (MEMORY_AT, struct.pack(">I", 0)),
        (ITERATIONS_AT, struct.pack(">I", 0)),
        (ITERATIONS_AT, struct.pack(">I", 1)),
        (ITERATIONS_AT, struct.pack(">I", 17)),
        (ITERATIONS_AT, struct.pack(">I", 0xFFFFFFFF)),
        (LANES_AT, b"\x00"),
        (LANES_AT, b"\x09"),
        (LANES_AT, b"\xff"),
    ],
)
def test_kdf_parameters_out_of_bounds(offset: int, field: bytes) -> None:
    _open_fails(_with(_small_package(), offset, field), BAD_HEADER)


def test_flipped_memory_byte_out_of_bounds() -> None:
    # 19 MiB = 0x00004C00; setting the top bit asks for more than 2 TiB.
    _open_fails(_flip(_small_package(), MEMORY_AT, 0x80), BAD_HEADER)


def test_in_bounds_change_of_cost_is_detected() -> None:
    # Another (allowed) cost derives other keys, so the check value no longer matches.
    changed = _with(_small_package(), ITERATIONS_AT, struct.pack(">I", 3))
    _open_fails(changed, WRONG_PASSPHRASE)


@pytest.mark.parametrize("offset", [SALT_AT, SALT_AT + 15, NONCE_AT, NONCE_AT + 11])
def test_flipped_salt_or_nonce_byte_is_detected(offset: int) -> None:
    # The check value covers the header, so this reads as a wrong passphrase.
    _open_fails(_flip(_small_package(), offset), WRONG_PASSPHRASE)


def test_flipped_header_byte_fails_decryption_too() -> None:
    # Even with a matching check value the header is AEAD associated data.
    data = _small_package()
    header = bytearray(data[:CHECK_AT])
    header[NONCE_AT] ^= 1
    salt = bytes(header[SALT_AT:NONCE_AT])
    _enc_key, check_key = package._keys(PASSPHRASE, salt, FAST_COST)
    forged = bytes(header) + package._check_value(check_key, bytes(header)) + data[CIPHERTEXT_AT:]
    _open_fails(forged, FAILS_INTEGRITY)


# --------------------------------------------------------------------------- length


@pytest.mark.parametrize(
    "length", [4, 5, 10, 14, CHECK_AT, CHECK_AT + 15, CIPHERTEXT_AT, CIPHERTEXT_AT + TAG_SIZE - 1]
)
def test_truncated(length: int) -> None:
    _open_fails(_small_package()[:length], TOO_SHORT)


def test_truncated_ciphertext_fails_integrity() -> None:
    data = _small_package()
    _open_fails(data[: CIPHERTEXT_AT + TAG_SIZE], FAILS_INTEGRITY)
    _open_fails(data[:-1], FAILS_INTEGRITY)


def test_appended_bytes_fail_integrity() -> None:
    _open_fails(_small_package() + b"\x00", FAILS_INTEGRITY)


# --------------------------------------------------------------------------- body


@pytest.mark.parametrize("offset", [CHECK_AT, CHECK_AT + 15])
def test_flipped_check_byte(offset: int) -> None:
    # A damaged check value cannot be told from a wrong passphrase.
    _open_fails(_flip(_small_package(), offset), WRONG_PASSPHRASE)


@pytest.mark.parametrize("offset", [CIPHERTEXT_AT, -TAG_SIZE - 1, -TAG_SIZE, -1])
def test_flipped_ciphertext_or_tag_byte(offset: int) -> None:
    data = _small_package()
    _open_fails(_flip(data, offset % len(data)), FAILS_INTEGRITY)


@pytest.mark.parametrize(
    "plaintext",
    [
        b"not zlib at all",
        b"",
        zlib.compress(b"payload" * 100)[:-5],  # unfinished stream
        zlib.compress(b"payload") + b"trailing",  # bytes after the stream
    ],
    ids=["garbage", "empty", "unfinished", "trailing"],
)
def test_contents_that_cannot_be_unpacked(plaintext: bytes) -> None:
    _open_fails(_hand_made(plaintext), CANNOT_UNPACK)


def test_hand_made_package_opens() -> None:
    # Confirms the hand-made packages above fail only for their contents.
    assert open_sealed(_hand_made(zlib.compress(b"fine")), PASSPHRASE) == b"fine"


def test_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _sealed(b"\x00" * (4 * 1024 * 1024))
    assert len(bomb) < 10_000
    monkeypatch.setattr(package, "MAX_PAYLOAD", 1024 * 1024)
    _open_fails(bomb, CANNOT_UNPACK)


def test_payload_at_the_limit_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_PAYLOAD", 1000)
    assert open_sealed(_sealed(b"y" * 1000), PASSPHRASE) == b"y" * 1000
    bigger = _hand_made(zlib.compress(b"y" * 1001))
    _open_fails(bigger, CANNOT_UNPACK)


# --------------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_single_byte_flip_is_refused(data: st.DataObject) -> None:
    sealed = _small_package()
    offset = data.draw(st.integers(min_value=0, max_value=len(sealed) - 1), label="offset")
    mask = data.draw(st.integers(min_value=1, max_value=255), label="mask")
    with pytest.raises(PackageError) as caught:
        open_sealed(_flip(sealed, offset, mask), PASSPHRASE)
    assert "\n" not in str(caught.value)


_VALID_PREFIX = struct.pack(
    ">4sBBIIB", MAGIC, 1, 1, FAST_COST.memory_kib, FAST_COST.iterations, FAST_COST.lanes
)


@settings(max_examples=100, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.binary(max_size=40).map(lambda tail: MAGIC + tail),
        st.binary(max_size=120).map(lambda tail: _VALID_PREFIX + tail),
    ),
    passphrase=st.text(max_size=20),
)
def test_arbitrary_bytes_raise_package_error_only(data: bytes, passphrase: str) -> None:
    with pytest.raises(PackageError) as caught:
        open_sealed(data, passphrase)
    assert "\n" not in str(caught.value)
