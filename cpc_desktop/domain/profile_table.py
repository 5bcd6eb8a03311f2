"""Reading one table of a profile: typed values, each error naming its key path.

Shared by :mod:`cpc_desktop.domain.profile_reader` and the readers of a profile's parts
(:mod:`cpc_desktop.domain.profile_letters`, :mod:`cpc_desktop.domain.profile_translations`).
Every problem is a :class:`~cpc_desktop.domain.profile.ProfileError` whose one-line
message starts with the path of the offending key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import fields
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

from cpc_desktop.domain.profile import ProfileError, normalise_name

KEY_FORM = (
    re.compile(r"[a-z][a-z0-9_]*"),
    "a key of lower-case letters, digits and '_', starting with a letter",
)
ID_FORM = (
    re.compile(r"[a-z][a-z0-9_-]*"),
    "an id of lower-case letters, digits, '_' and '-', starting with a letter",
)
_MISSING = object()
_E = TypeVar("_E", bound=StrEnum)


def field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def fail(path: str, problem: str) -> NoReturn:
    raise ProfileError(f"{path}: {problem}")


def describe(value: object) -> str:
    """A short, one-line rendering of a value for an error message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return repr(value)


def _amount(count: int, unit: str) -> str:
    return f"{count} {unit.removesuffix('s') if count == 1 else unit}"


class Table:
    """Read typed values from one table, naming the key path in every error."""

    def __init__(self, data: object, path: str, known: tuple[str, ...]) -> None:
        if not isinstance(data, Mapping):
            fail(path or "profile", f"expected a table, got {describe(data)}")
        self._data: Mapping[str, object] = data
        self._path = path
        for key in data:
            if key not in known:
                hint = difflib.get_close_matches(str(key), known, n=1)
                advice = f" (did you mean '{hint[0]}'?)" if hint else ""
                fail(self.where(str(key)), f"unknown key{advice}")

    def where(self, key: str) -> str:
        return f"{self._path}.{key}" if self._path else key

    def raw(self, key: str) -> object:
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            fail(self.where(key), "missing (this key is required)")
        return value

    def has(self, key: str) -> bool:
        return key in self._data

    def text(self, key: str, default: str | None = None) -> str:
        if default is not None and not self.has(key):
            return default
        value = self.raw(key)
        if not isinstance(value, str):
            fail(self.where(key), f"expected text, got {describe(value)}")
        if not value.strip():
            fail(self.where(key), "must not be empty")
        return value.strip()

    def key(self, key: str, form: tuple[re.Pattern[str], str] = KEY_FORM) -> str:
        value = self.text(key)
        pattern, description = form
        if not pattern.fullmatch(value):
            fail(self.where(key), f"expected {description}, got {describe(value)}")
        return value

    def whole(self, key: str, unit: str, low: int, high: int) -> int:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int):
            fail(self.where(key), f"expected a whole number of {unit}, got {describe(value)}")
        if not low <= value <= high:
            fail(
                self.where(key),
                f"expected from {_amount(low, unit)} to {_amount(high, unit)}, got {value}",
            )
        return value

    def optional_whole(self, key: str, unit: str, low: int, high: int) -> int | None:
        return self.whole(key, unit, low, high) if self.has(key) else None

    def flag(self, key: str, default: bool | None = None) -> bool:
        if default is not None and not self.has(key):
            return default
        value = self.raw(key)
        if not isinstance(value, bool):
            fail(self.where(key), f"expected true or false, got {describe(value)}")
        return value

    def choice(self, key: str, kind: type[_E]) -> _E:
        value = self.raw(key)
        options = [member.value for member in kind]
        if not isinstance(value, str) or value not in options:
            listed = ", ".join(f"'{option}'" for option in options)
            fail(self.where(key), f"expected one of {listed}, got {describe(value)}")
        return kind(value)

    def table(self, key: str, known: tuple[str, ...]) -> Table:
        return Table(self.raw(key), self.where(key), known)

    def tables(self, key: str, known: tuple[str, ...], one: str, many: str) -> list[Table]:
        value = self.raw(key)
        if not isinstance(value, list):
            fail(self.where(key), f"expected a list of {many}, got {describe(value)}")
        if not value:
            fail(self.where(key), f"expected at least one {one}")
        where = self.where(key)
        return [Table(item, f"{where}[{n}]", known) for n, item in enumerate(value, 1)]

    def texts(self, key: str) -> list[tuple[str, str]]:
        """An optional list of text values, each with its own key path."""
        if not self.has(key):
            return []
        value = self.raw(key)
        if not isinstance(value, list):
            fail(self.where(key), f"expected a list of text, got {describe(value)}")
        items: list[tuple[str, str]] = []
        for n, item in enumerate(value, 1):
            where = f"{self.where(key)}[{n}]"
            if not isinstance(item, str):
                fail(where, f"expected text, got {describe(item)}")
            items.append((where, item))
        return items


def unique(path: str, value: str, seen: set[str], what: str) -> None:
    folded = normalise_name(value)
    if folded in seen:
        fail(path, f"{what} {describe(value)} is listed twice")
    seen.add(folded)
