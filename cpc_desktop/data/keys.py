"""How a store is keyed: a passphrase (SQLCipher's PBKDF2) or a raw 32-byte key.

The key derivation (256,000 rounds, a quarter of a second or more) can start on a thread
as soon as the passphrase and the file's salt are known (:meth:`StoreKey.derive_ahead`):
``hashlib`` lets other threads run meanwhile, so a command imports what it needs while the
key is derived, and :meth:`StoreKey.for_salt` waits for that result instead of deriving
again. The rounds and the result are the same either way.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

#: SQLCipher 4's default key derivation: PBKDF2-HMAC-SHA512 over the file's first 16 bytes.
KDF_HASH = "sha512"
KDF_ROUNDS = 256_000
SALT_BYTES = 16


@dataclass(frozen=True, repr=False)
class StoreKey:
    """Key material for one store. ``repr`` never shows it."""

    passphrase: str | None = None
    raw: bytes | None = None
    #: A derivation for one salt already under way (:meth:`derive_ahead`).
    ahead: _Ahead | None = field(default=None, compare=False)

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
    def given(cls, passphrase: str | StoreKey) -> StoreKey:
        """The key of ``passphrase``, or ``passphrase`` itself when it is already a key
        (perhaps deriving ahead: :meth:`derive_ahead`)."""
        return cls.from_passphrase(passphrase) if isinstance(passphrase, str) else passphrase

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
        if self.ahead is not None and self.ahead.salt == salt:
            return StoreKey(raw=self.ahead.result())
        return StoreKey(raw=_derive(self.passphrase, salt))

    def derive_ahead(self, path: Path) -> StoreKey:
        """This key with its derivation for the store file at ``path`` started on a thread.

        Only the file's first 16 bytes (its salt) are read, and only from a regular file;
        anything else (no file, a folder, a pipe, a short file, a raw key) returns this key
        as it is, for the open to refuse or derive in its usual way."""
        if self.raw is not None:
            return self
        assert self.passphrase is not None
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return self
            with open(path, "rb") as handle:
                salt = handle.read(SALT_BYTES)
        except OSError:
            return self
        if len(salt) != SALT_BYTES:
            return self
        return StoreKey(passphrase=self.passphrase, ahead=_Ahead(self.passphrase, salt))

    def sql_literal(self) -> str:
        """The key as SQLCipher expects it after ``PRAGMA key =`` or ``KEY``."""
        if self.raw is not None:
            return "\"x'" + self.raw.hex() + "'\""
        assert self.passphrase is not None
        return "'" + self.passphrase.replace("'", "''") + "'"


def _derive(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac(KDF_HASH, passphrase.encode("utf-8"), salt, KDF_ROUNDS, 32)


class _Ahead:
    """One key derivation running on its own thread; :meth:`result` waits for it."""

    def __init__(self, passphrase: str, salt: bytes) -> None:
        self.salt = salt
        self._raw: bytes | None = None
        self._error: BaseException | None = None
        # A daemon: a command that stops early (a refusal) does not wait for it to end.
        self._thread = threading.Thread(
            target=self._run, args=(passphrase,), name="key derivation", daemon=True
        )
        self._thread.start()

    def _run(self, passphrase: str) -> None:
        try:
            self._raw = _derive(passphrase, self.salt)
        except BaseException as error:  # pragma: no cover - hashlib failing (no memory)
            self._error = error

    def result(self) -> bytes:
        self._thread.join()
        if self._error is not None:  # pragma: no cover - see _run
            raise self._error
        assert self._raw is not None
        return self._raw

    def __repr__(self) -> str:
        return "_Ahead(<hidden>)"
