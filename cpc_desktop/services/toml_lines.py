"""Which line of a TOML file a key path (as profile errors name it) was written on.

``quorum.agencies[2].also[1]`` is the ``also`` key of the second ``[[quorum.agencies]]``
table. The search reads the text line by line, the way people write these files
(``[table]`` and ``[[array]]`` headers, ``key = value`` lines, dotted keys); a value
spread over several lines is found at its first line. ``None`` when the key is not
written in the file (a value missing, or inherited from the shipped profile).
"""

from __future__ import annotations

import re

_SEGMENT = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\-\" ]+?)\s*=")


def _segments(path: str) -> list[tuple[str, int | None]]:
    found = []
    for part in path.split("."):
        match = _SEGMENT.fullmatch(part)
        if match is None:
            return []
        found.append((match.group(1), int(match.group(2)) if match.group(2) else None))
    return found


def _sections(lines: list[str]) -> list[tuple[str, int, int]]:
    """Every table header as (dotted name with array positions, first line, end line)."""
    headers: list[tuple[str, int]] = [("", 0)]
    counts: dict[str, int] = {}
    for number, line in enumerate(lines):
        match = _HEADER.match(line)
        if match is None:
            continue
        name = ".".join(part.strip().strip('"') for part in match.group(2).split("."))
        if match.group(1) == "[[":
            counts[name] = counts.get(name, 0) + 1
            name = f"{name}[{counts[name]}]"
        headers.append((name, number))
    ends = [start for _, start in headers[1:]] + [len(lines)]
    return [(name, start, end) for (name, start), end in zip(headers, ends, strict=True)]


def line_of(text: str, path: str) -> int | None:
    """The 1-based line where ``path`` is written in ``text``, or ``None``."""
    segments = _segments(path)
    if not segments:
        return None
    lines = text.splitlines()
    sections = _sections(lines)
    # The deepest table written in the file, then the key's line inside it (or, when
    # the key is not written there, the table's header).
    for cut in range(len(segments), -1, -1):
        table = ".".join(f"{n}[{i}]" if i is not None else n for n, i in segments[:cut])
        found = [(start, end) for name, start, end in sections if name == table]
        if not found:
            continue
        start, end = found[0]
        key = ".".join(name for name, _ in segments[cut:])
        if not key:
            return start + 1
        for number in range(start + (1 if table else 0), end):
            match = _KEY.match(lines[number])
            if match is None:
                continue
            written = ".".join(p.strip().strip('"') for p in match.group(1).split("."))
            if written == key or key.startswith(written + "."):
                return number + 1
        return start + 1 if table else None
    return None
