"""Reading and writing conference documents (design.md §6).

``parse_document`` turns untrusted text into a ``ConferenceRecord`` or raises
``DocumentError`` with one short line naming the JSON path at fault: the whole
document is accepted or none of it is. ``render_document`` writes the canonical text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match

from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.document import (
    FORMAT,
    VERSION,
    check_references,
    dumps,
    from_document,
    to_document,
)
from cpc_desktop.services.errors import ServiceError

SCHEMA_RESOURCE = "resources/schema/conference.schema.json"

_QUOTE_LIMIT = 40
_SURROGATE = re.compile("[\ud800-\udfff]")

# How each kind of string the schema names (by its "title") is spelled.
_FORMS = {
    "date": "YYYY-MM-DD",
    "instant": "UTC, YYYY-MM-DDTHH:MM:SS with up to 6 decimals and a final Z",
    "time": "HH:MM",
    "id": "a lower-case UUID",
    "SHA-256 digest": "64 lower-case hexadecimal digits",
}

# JSON Schema type names as a message says them.
_JSON_TYPES = {
    "object": "an object",
    "array": "an array",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number with a fraction",
    "boolean": "true or false",
    "null": "null",
}

_PYTHON_TO_JSON: dict[type, str] = {
    dict: "object",
    list: "array",
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


class DocumentError(ServiceError):
    """A conference document that cannot be imported; ``str()`` is one line for the user."""


# --- the schema -----------------------------------------------------------------------


def load_schema() -> dict[str, Any]:
    """The conference document schema shipped inside the package."""
    text = files("cpc_desktop").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _is_date(instance: object) -> bool:
    # The schema's pattern fixes the shape; this rejects days a calendar lacks (2026-02-30).
    if isinstance(instance, str):
        date.fromisoformat(instance)
    return True


def _is_instant(instance: object) -> bool:
    if isinstance(instance, str):
        datetime.fromisoformat(instance)
    return True


@cache
def _validator() -> Draft202012Validator:
    # Our own checker: the stock "date-time" check needs an optional package.
    checker = FormatChecker(formats=())
    checker.checks("date", raises=ValueError)(_is_date)
    checker.checks("date-time", raises=ValueError)(_is_instant)
    return Draft202012Validator(load_schema(), format_checker=checker)


# --- messages -------------------------------------------------------------------------


def _quote(value: object) -> str:
    """A short, single-line rendering of a value for a message."""
    if isinstance(value, str):
        if len(value) > _QUOTE_LIMIT:
            return repr(value[:_QUOTE_LIMIT]) + "…"
        return repr(value)
    if isinstance(value, dict | list):
        return _type_name(value)
    return json.dumps(value)


def _json_path(parts: Iterable[str | int]) -> str:
    path = "$"
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}"
    return path


def _type_name(value: object) -> str:
    """What kind of JSON value ``value`` (as ``json.loads`` builds it) is, in words."""
    return _JSON_TYPES[_PYTHON_TO_JSON[type(value)]]


def _describe(error: ValidationError) -> str:
    """One line for the most relevant schema error: its path, then what is wrong."""
    path = _json_path(error.absolute_path)
    keyword = error.validator
    wanted = error.validator_value
    value = error.instance
    title = error.schema.get("title") if isinstance(error.schema, dict) else None
    if keyword in ("pattern", "format") and title in _FORMS:
        problem = f"{_quote(value)} is not a valid {title} (expected {_FORMS[title]})"
    elif keyword == "required":
        missing = next(key for key in wanted if key not in value)
        problem = f"the required key {_quote(missing)} is missing"
    elif keyword == "additionalProperties":
        allowed = error.schema.get("properties", {})
        extra = next(key for key in value if key not in allowed)
        problem = f"unexpected key {_quote(extra)}"
    elif keyword == "type":
        kinds = [wanted] if isinstance(wanted, str) else list(wanted)
        expected = " or ".join(_JSON_TYPES[kind] for kind in kinds)
        problem = f"expected {expected}, found {_type_name(value)}"
    elif keyword == "enum":
        choices = ", ".join("null" if choice is None else choice for choice in wanted)
        problem = f"{_quote(value)} is not one of: {choices}"
    elif keyword == "const":
        problem = f"expected {_quote(wanted)}, found {_quote(value)}"
    elif keyword == "maxLength":
        problem = f"too long ({len(value)} characters; at most {wanted})"
    elif keyword == "minLength":
        problem = "must not be empty"
    elif keyword == "minimum":
        problem = f"{_quote(value)} is less than {wanted}"
    elif keyword == "maximum":
        problem = f"{_quote(value)} is more than {wanted}"
    elif keyword == "uniqueItems":
        problem = "the same value appears twice"
    else:  # a keyword this schema does not use today
        problem = f"does not satisfy the schema keyword {keyword!r}"
    return f"{path}: {problem}"


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, f"{path}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, f"{path}[{index}]")


# --- reading --------------------------------------------------------------------------


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DocumentError(
                f"not valid JSON: the key {_quote(key)} appears twice in one object"
            )
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise DocumentError(f"not valid JSON: {name} is not a JSON number")


def _parse_json(text: str) -> Any:
    try:
        return json.loads(
            text.removeprefix("\ufeff"),
            object_pairs_hook=_reject_duplicate_keys,
            parse_constant=_reject_constant,
        )
    except json.JSONDecodeError as error:
        raise DocumentError(
            f"not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise DocumentError("not valid JSON: nested too deeply") from None
    except ValueError:  # e.g. an integer with thousands of digits
        raise DocumentError("not valid JSON: a number is too long") from None


def _check_kind(doc: Any) -> None:
    """Refuse anything that is not a conference document of a version we read."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise DocumentError("this is not a CPC conference document")
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise DocumentError(
            f"document version {version} is newer than this application understands"
            f" (it reads version {VERSION})"
        )


def validate_document(doc: Any) -> None:
    """Raise ``DocumentError`` unless ``doc`` is a whole, consistent conference document."""
    _check_kind(doc)
    error = best_match(_validator().iter_errors(doc))
    if error is not None:
        raise DocumentError(_describe(error))
    for path, text in _strings(doc, "$"):
        if _SURROGATE.search(text):
            raise DocumentError(f"{path}: contains a lone surrogate, which is not valid Unicode")
    problems = check_references(doc)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DocumentError(f"{first.path}: {first.message}{more}")


def parse_document(text: str) -> ConferenceRecord:
    """The conference that ``text`` describes, or ``DocumentError`` (one line, names the path)."""
    doc = _parse_json(text)
    validate_document(doc)
    return from_document(doc)


def render_document(record: ConferenceRecord) -> str:
    """The canonical document text for ``record`` (UTF-8 when written, final newline)."""
    return dumps(to_document(record))
