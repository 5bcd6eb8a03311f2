"""The encrypted hand-over container (``.cpcx``) in which a conference travels.

A chair and a minute-taker exchange a conference as one file sealed with a passphrase they
share. This module only seals and opens bytes; it knows nothing about conferences.

File format (all integers big-endian)::

    offset  size  field
         0     4  MAGIC, b"CPCX"
         4     1  format version, 1
         5     1  KDF id, 1 = Argon2id
         6     4  memory_kib (uint32), Argon2id memory cost in KiB
        10     4  iterations (uint32)
        14     1  lanes (uint8)
        15    16  salt, random
        31    12  nonce, random
        43    16  check value
        59     …  AES-256-GCM ciphertext of the zlib-compressed payload, 16-byte tag last

The header is bytes 0–42 (everything before the check value). It is the AEAD associated
data, so a change to any header byte makes decryption fail.

Keys: Argon2id(passphrase, salt, header's cost) gives 32 bytes; HKDF-SHA256 with
``info=b"cpcx enc v1"`` turns them into the AES key and with ``info=b"cpcx check v1"``
into the check key. The check value is the first 16 bytes of HMAC-SHA256(check key,
header); it lets ``open_sealed`` tell a wrong passphrase from a damaged file.

Passphrases are arbitrary Unicode. They are normalised to NFC before being encoded as
UTF-8, so the same passphrase typed on two systems (one composing "é" as one code point,
the other as "e" plus a combining accent) opens the same package.

The KDF cost read from a header is bounded (``KdfCost`` enforces the same bounds), so a
foreign file cannot make us allocate gigabytes, and the unpacked payload is capped at
``MAX_PAYLOAD`` bytes, so a zip bomb cannot exhaust memory. Every failure to open is a
``PackageError`` whose text is one line fit for a user, never a traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import unicodedata
import zlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "DEFAULT_COST",
    "FAST_COST",
    "MAGIC",
    "MAX_PAYLOAD",
    "SUFFIX",
    "KdfCost",
    "PackageError",
    "looks_like_package",
    "open_sealed",
    "seal",
]

MAGIC = b"CPCX"
SUFFIX = ".cpcx"
MAX_PAYLOAD = 512 * 1024 * 1024  # largest payload open_sealed will unpack, in bytes

_VERSION = 1
_KDF_ARGON2ID = 1
_PARAMS = struct.Struct(">4sBBIIB")  # magic, version, KDF id, memory_kib, iterations, lanes
_SALT_SIZE = 16
_NONCE_SIZE = 12
_HEADER_SIZE = _PARAMS.size + _SALT_SIZE + _NONCE_SIZE
_CHECK_SIZE = 16
_TAG_SIZE = 16
_KEY_SIZE = 32
_ENC_INFO = b"cpcx enc v1"
_CHECK_INFO = b"cpcx check v1"

_MIN_MEMORY_KIB = 19 * 1024
_MAX_MEMORY_KIB = 1024 * 1024
_MIN_ITERATIONS = 2
_MAX_ITERATIONS = 16
_MIN_LANES = 1
_MAX_LANES = 8

# PackageError texts, one line each.
_NOT_A_PACKAGE = "this is not a CPC hand-over package"
_NEWER_VERSION = "this hand-over package was made by a newer version of CPC Desktop"
_BAD_HEADER = "this hand-over package is damaged (its header is not valid)"
_TOO_SHORT = "this hand-over package is damaged (it is too short)"
_WRONG_PASSPHRASE = "the hand-over passphrase is wrong"
_FAILS_INTEGRITY = "this hand-over package is damaged (it fails its integrity check)"
_CANNOT_UNPACK = "this hand-over package is damaged (its contents cannot be unpacked)"
_EMPTY_PASSPHRASE = "the hand-over passphrase must not be empty"
_TOO_LARGE = "the contents are too large for a hand-over package"


class PackageError(ValueError):
    """A package that cannot be opened; str() is one line for a person."""


def _cost_in_bounds(memory_kib: int, iterations: int, lanes: int) -> bool:
    return (
        _MIN_MEMORY_KIB <= memory_kib <= _MAX_MEMORY_KIB
        and _MIN_ITERATIONS <= iterations <= _MAX_ITERATIONS
        and _MIN_LANES <= lanes <= _MAX_LANES
    )


@dataclass(frozen=True)
class KdfCost:
    """Argon2id cost; the bounds are those ``open_sealed`` accepts from a header."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 1

    def __post_init__(self) -> None:
        if not _cost_in_bounds(self.memory_kib, self.iterations, self.lanes):
            raise ValueError(
                f"KDF cost out of bounds: memory_kib {_MIN_MEMORY_KIB}–{_MAX_MEMORY_KIB}, "
                f"iterations {_MIN_ITERATIONS}–{_MAX_ITERATIONS}, "
                f"lanes {_MIN_LANES}–{_MAX_LANES}"
            )


DEFAULT_COST = KdfCost()
FAST_COST = KdfCost(memory_kib=19 * 1024, iterations=2, lanes=1)  # the floor; tests use it


def _passphrase_bytes(passphrase: str) -> bytes:
    # "surrogatepass" keeps a lone surrogate (not valid text, but a possible str) from
    # raising here; it simply becomes part of the secret.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogatepass")


def _keys(passphrase: str, salt: bytes, cost: KdfCost) -> tuple[bytes, bytes]:
    """Return (AES key, check key) for ``passphrase``, ``salt`` and ``cost``."""
    secret = Argon2id(
        salt=salt,
        length=_KEY_SIZE,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    ).derive(_passphrase_bytes(passphrase))
    enc_key = HKDF(algorithm=hashes.SHA256(), length=_KEY_SIZE, salt=None, info=_ENC_INFO).derive(
        secret
    )
    check_key = HKDF(
        algorithm=hashes.SHA256(), length=_KEY_SIZE, salt=None, info=_CHECK_INFO
    ).derive(secret)
    return enc_key, check_key


def _check_value(check_key: bytes, header: bytes) -> bytes:
    return hmac.new(check_key, header, hashlib.sha256).digest()[:_CHECK_SIZE]


def seal(payload: bytes, passphrase: str, *, cost: KdfCost = DEFAULT_COST) -> bytes:
    """Compress and encrypt ``payload`` under ``passphrase``; return the package bytes."""
    if not passphrase:
        raise PackageError(_EMPTY_PASSPHRASE)
    if len(payload) > MAX_PAYLOAD:
        raise PackageError(_TOO_LARGE)
    salt = os.urandom(_SALT_SIZE)
    nonce = os.urandom(_NONCE_SIZE)
    header = (
        _PARAMS.pack(MAGIC, _VERSION, _KDF_ARGON2ID, cost.memory_kib, cost.iterations, cost.lanes)
        + salt
        + nonce
    )
    enc_key, check_key = _keys(passphrase, salt, cost)
    ciphertext = AESGCM(enc_key).encrypt(nonce, zlib.compress(payload), header)
    return header + _check_value(check_key, header) + ciphertext


def looks_like_package(data: bytes) -> bool:
    """Whether ``data`` starts like a package this version can read (MAGIC, version 1)."""
    return data[: len(MAGIC) + 1] == MAGIC + bytes([_VERSION])


def _read_header(data: bytes) -> KdfCost:
    """Check everything up to the ciphertext that needs no key; return the KDF cost."""
    if not data.startswith(MAGIC):
        raise PackageError(_NOT_A_PACKAGE)
    if len(data) <= len(MAGIC):
        raise PackageError(_TOO_SHORT)
    version = data[len(MAGIC)]
    if version > _VERSION:
        raise PackageError(_NEWER_VERSION)
    if version != _VERSION:
        raise PackageError(_BAD_HEADER)
    if len(data) < _PARAMS.size:
        raise PackageError(_TOO_SHORT)
    _magic, _version, kdf, memory_kib, iterations, lanes = _PARAMS.unpack_from(data)
    if kdf != _KDF_ARGON2ID:
        raise PackageError(_BAD_HEADER)
    if not _cost_in_bounds(memory_kib, iterations, lanes):
        raise PackageError(_BAD_HEADER)
    if len(data) < _HEADER_SIZE + _CHECK_SIZE + _TAG_SIZE:
        raise PackageError(_TOO_SHORT)
    return KdfCost(memory_kib=memory_kib, iterations=iterations, lanes=lanes)


def _unpack(compressed: bytes) -> bytes:
    """Decompress at most MAX_PAYLOAD bytes; anything else is a damaged package."""
    limit = MAX_PAYLOAD
    unpacker = zlib.decompressobj()
    try:
        payload = unpacker.decompress(compressed, limit + 1)
    except zlib.error:
        raise PackageError(_CANNOT_UNPACK) from None
    # More than the limit, an unfinished stream or bytes after its end: all refused.
    if len(payload) > limit or not unpacker.eof or unpacker.unused_data:
        raise PackageError(_CANNOT_UNPACK)
    return payload


def open_sealed(data: bytes, passphrase: str) -> bytes:
    """Return the payload sealed in ``data``; raise ``PackageError`` if that is not possible."""
    cost = _read_header(data)
    if not passphrase:
        raise PackageError(_WRONG_PASSPHRASE)
    header = data[:_HEADER_SIZE]
    salt = header[_PARAMS.size : _PARAMS.size + _SALT_SIZE]
    nonce = header[_PARAMS.size + _SALT_SIZE :]
    check = data[_HEADER_SIZE : _HEADER_SIZE + _CHECK_SIZE]
    ciphertext = data[_HEADER_SIZE + _CHECK_SIZE :]
    enc_key, check_key = _keys(passphrase, salt, cost)
    # A damaged check value or header byte (salt, nonce, an in-bounds cost) also lands
    # here and is reported as a wrong passphrase: the check value cannot tell the two
    # apart, and that is acceptable, since either way the package cannot be opened.
    if not hmac.compare_digest(check, _check_value(check_key, header)):
        raise PackageError(_WRONG_PASSPHRASE)
    try:
        compressed = AESGCM(enc_key).decrypt(nonce, ciphertext, header)
    except InvalidTag:
        raise PackageError(_FAILS_INTEGRITY) from None
    return _unpack(compressed)
