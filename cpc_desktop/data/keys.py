"""How a store is keyed: a passphrase (SQLCipher's PBKDF2) or a raw 32-byte key."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

#: SQLCipher 4's default key derivation: PBKDF2-HMAC-SHA512 over the file's first 16 bytes.
KDF_HASH = "sha512"
KDF_ROUNDS = 256_000
SALT_BYTES = 16


@dataclass(frozen=True, repr=False)
class StoreKey:
    """Key material for one store. ``repr`` never shows it."""

    passphrase: str | None = None
    raw: bytes | None = None

    def __post_init__(self) -> None:
        if (self.passphrase is None) == (self.raw is None):
            raise ValueError("give exactly one of passphrase or raw key")
        if self.raw is not None and len(self.raw) != 32:
            raise ValueError("a raw key is 32 bytes")
        if self.passphrase is not None and "\x00" in self.passphrase:
            raise ValueError("a passphrase cannot contain a NUL character")

    def __repr__(self) -> str:
        return "StoreKey(<hidden>)"

    @classmethod
    def from_passphrase(cls, passphrase: str) -> StoreKey:
        # Different keyboards send "é" as one or two code points: key on one form.
        return cls(passphrase=unicodedata.normalize("NFC", passphrase))

    @classmethod
    def from_raw(cls, raw: bytes) -> StoreKey:
        return cls(raw=raw)

    def for_salt(self, salt: bytes) -> StoreKey:
        """The raw key SQLCipher would derive from this passphrase for a file with ``salt``.

        Deriving once lets every connection to one file (the read-only checks before
        opening, then the store itself) skip SQLCipher's 256,000 rounds.
        """
        if self.raw is not None:
            return self
        assert self.passphrase is not None
        if len(salt) != SALT_BYTES:
            raise ValueError("a SQLCipher salt is 16 bytes")
        derived = hashlib.pbkdf2_hmac(
            KDF_HASH, self.passphrase.encode("utf-8"), salt, KDF_ROUNDS, 32
        )
        return StoreKey(raw=derived)

    def sql_literal(self) -> str:
        """The key as SQLCipher expects it after ``PRAGMA key =`` or ``KEY``."""
        if self.raw is not None:
            return "\"x'" + self.raw.hex() + "'\""
        assert self.passphrase is not None
        return "'" + self.passphrase.replace("'", "''") + "'"
