"""Reading one sample file, naming the file and the field of any fault.

:func:`read` parses the JSON and checks its shape against ``resources/schema/
demo.schema.json`` (required and unknown fields, JSON types). A :class:`Node` then gives
the fields of one object; :meth:`Node.parse` checks what a text means (a date, a time, a
choice, a reference) and names the field when it cannot be used. Every problem is a
:class:`DemoDataError` whose one line reads ``<file>: <field path>: <problem>``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from cpc_desktop.services.errors import ServiceError

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)

SCHEMA_RESOURCE = "resources/schema/demo.schema.json"


class DemoDataError(ServiceError):
    """A sample file is missing, not JSON, or holds a field that cannot be used."""


def member(kind: type[E], value: str) -> E:
    """The member of ``kind`` spelt ``value``; ValueError naming the choices otherwise."""
    try:
        return kind(value)
    except ValueError:
        raise ValueError(f"{value!r} is not one of: {', '.join(kind)}") from None


def _path(parts: Iterable[str | int]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts)


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        twice = next(key for index, (key, _) in enumerate(pairs) if key in dict(pairs[:index]))
        raise ValueError(f"the field {twice!r} is given twice in one object")
    return found


@cache
def _validator(definition: str) -> Draft202012Validator:
    schema = json.loads(files("cpc_desktop").joinpath(SCHEMA_RESOURCE).read_text("utf-8"))
    return Draft202012Validator({**schema, "$ref": f"#/$defs/{definition}"})


def read(folder: Traversable, name: str, definition: str) -> Node:
    """The file ``name`` in ``folder``, checked against the schema's ``definition``."""
    try:
        text = (folder / name).read_text("utf-8")
    except (OSError, ValueError) as error:  # ValueError: not UTF-8
        reason = getattr(error, "strerror", None) or error
        raise DemoDataError(f"{name}: cannot be read ({reason})") from None
    return Node(_checked(text, name, definition), name)


@lru_cache(maxsize=16)  # the same text is parsed and checked once
def _checked(text: str, name: str, definition: str) -> dict[str, Any]:
    try:
        value = json.loads(text, object_pairs_hook=_unique)
    except ValueError as error:
        raise DemoDataError(f"{name}: not JSON: {error}") from None
    problem = best_match(_validator(definition).iter_errors(value))
    if problem is not None:
        where = _path(problem.absolute_path).lstrip(".") or "top level"
        raise DemoDataError(f"{name}: {where}: {problem.message}")
    checked: dict[str, Any] = value
    return checked


@dataclass(frozen=True)
class Node:
    """One object (``value``) of a checked sample file, found at ``path`` in ``file``.

    ``render``, if given, is applied to every text read (the files' placeholders).
    """

    value: dict[str, Any]
    file: str
    path: str = ""
    render: Callable[[str], str] | None = None

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str, problem: str) -> DemoDataError:
        return DemoDataError(f"{self.file}: {self._where(key)}: {problem}")

    def _convert(self, key: str, value: Any, parser: Callable[[Any], T]) -> T:
        try:
            if isinstance(value, str) and self.render is not None:
                value = self.render(value)
            return parser(value)
        except ValueError as error:
            raise self.error(key, str(error)) from None

    def get(self, key: str, default: Any = None) -> Any:
        return self._convert(key, self.value[key], _same) if key in self.value else default

    def plain(self, *keys: str) -> dict[str, Any]:
        """The fields ``keys`` the object has, as they are (texts with placeholders filled)."""
        return {key: self.get(key) for key in keys if key in self.value}

    def parse(self, key: str, parser: Callable[[Any], T]) -> T:
        """The value of ``key`` passed through ``parser``, whose ValueError names the field."""
        return self._convert(key, self.value[key], parser)

    def optional(self, key: str, parser: Callable[[Any], T]) -> T | None:
        return self.parse(key, parser) if key in self.value else None

    def each(self, key: str, parser: Callable[[Any], T]) -> tuple[T, ...]:
        """Each item of the list ``key`` (empty if absent) passed through ``parser``."""
        items = enumerate(self.value.get(key, []))
        return tuple(self._convert(f"{key}[{index}]", item, parser) for index, item in items)

    def child(self, key: str) -> Node:
        return Node(self.value[key], self.file, self._where(key), self.render)

    def children(self, key: str) -> tuple[Node, ...]:
        """The objects of the list ``key`` (empty if absent)."""
        items = enumerate(self.value.get(key, []))
        return tuple(
            Node(item, self.file, self._where(f"{key}[{index}]"), self.render)
            for index, item in items
        )


def _same(value: T) -> T:
    return value
