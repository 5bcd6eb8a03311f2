"""Preferences, kept in QSettings: never a child's name or any case content."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore

from cpc_desktop.domain.enums import Language

DEFAULT_IDLE_LOCK_MINUTES = 5
DEFAULT_CLIPBOARD_SECONDS = 30  # as ui/clipboard_guard.py's default
MAX_CLIPBOARD_SECONDS = 3600


class Preferences:
    """Typed access to the few things CPC Desktop remembers between runs."""

    def __init__(self, settings: QtCore.QSettings) -> None:
        self._settings = settings

    @property
    def idle_lock_minutes(self) -> int:
        value = self._settings.value("lock/idle_minutes", DEFAULT_IDLE_LOCK_MINUTES)
        try:
            minutes = int(str(value))
        except ValueError:
            return DEFAULT_IDLE_LOCK_MINUTES
        return max(0, min(minutes, 240))

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        self._settings.setValue("lock/idle_minutes", int(minutes))

    @property
    def check_unfinished(self) -> bool:
        """Whether closing a conference first lists what is unfinished
        (``conference/check_unfinished``; on unless turned off)."""
        value = self._settings.value("conference/check_unfinished", True)
        return str(value).strip().lower() not in ("false", "0", "no", "off")

    @check_unfinished.setter
    def check_unfinished(self, on: bool) -> None:
        self._settings.setValue("conference/check_unfinished", bool(on))

    @property
    def clipboard_clear_seconds(self) -> int:
        """After how long minute text copied from CPC Desktop is cleared from the
        clipboard (``clipboard/clear_seconds``; 0: only on lock and close)."""
        value = self._settings.value("clipboard/clear_seconds", DEFAULT_CLIPBOARD_SECONDS)
        try:
            seconds = int(str(value))
        except ValueError:
            return DEFAULT_CLIPBOARD_SECONDS
        return max(0, min(seconds, MAX_CLIPBOARD_SECONDS))

    @clipboard_clear_seconds.setter
    def clipboard_clear_seconds(self, seconds: int) -> None:
        self._settings.setValue("clipboard/clear_seconds", int(seconds))

    @property
    def last_store(self) -> Path | str | None:
        """The store opened last: a file's path, or a server's URL (as text: a ``Path``
        would fold its ``//``). A URL is only ever kept without a password."""
        value = self._settings.value("store/last_path", "")
        if not value:
            return None
        return str(value) if "://" in str(value) else Path(str(value))

    @last_store.setter
    def last_store(self, path: Path | str) -> None:
        self._settings.setValue("store/last_path", str(path))

    @property
    def signing_certificate(self) -> Path | None:
        """The chair's certificate file (PKCS#12); its passphrase is never kept."""
        value = self._settings.value("signing/certificate", "")
        return Path(str(value)) if value else None

    @signing_certificate.setter
    def signing_certificate(self, path: Path | None) -> None:
        if path is None:
            self._settings.remove("signing/certificate")
        else:
            self._settings.setValue("signing/certificate", str(path))

    @property
    def default_profile(self) -> str:
        """The profile a new conference starts with (the last one chosen), or ""."""
        return str(self._settings.value("conference/profile", "") or "")

    @default_profile.setter
    def default_profile(self, profile_id: str) -> None:
        self._settings.setValue("conference/profile", profile_id)

    @property
    def local_authority(self) -> str:
        """The local authority last typed for a conference under a nation's own rules."""
        return str(self._settings.value("conference/local_authority", "") or "")

    @local_authority.setter
    def local_authority(self, name: str) -> None:
        self._settings.setValue("conference/local_authority", name)

    @property
    def ui_language(self) -> Language:
        """The language the screens are shown in (``ui/language``): English unless the
        chair chose Welsh in Preferences."""
        value = str(self._settings.value("ui/language", Language.ENGLISH.value) or "")
        try:
            return Language(value)
        except ValueError:
            return Language.ENGLISH

    @ui_language.setter
    def ui_language(self, language: Language) -> None:
        self._settings.setValue("ui/language", language.value)

    def window_geometry(self, screens: str) -> QtCore.QByteArray | None:
        """The main window's size and place last used with the screens ``screens``
        (:func:`cpc_desktop.ui.window_place.screens_key`), or None."""
        value = self._settings.value(f"window/{screens}/geometry")
        if isinstance(value, QtCore.QByteArray) and not value.isEmpty():
            return value
        return None

    def set_window_geometry(self, screens: str, geometry: QtCore.QByteArray) -> None:
        self._settings.setValue(f"window/{screens}/geometry", geometry)
