"""Default names for exported files: the conference reference, never a child's name.

Names leak into file lists, e-mail attachments and search indexes, so a file is named
from the reference and the conference date (security.md §4.6). Whatever the reference
holds, the name has no control or bidi characters and is valid on every system.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from pathvalidate import sanitize_filename


class UnsafePath(ValueError):
    """The chosen name would write outside the chosen folder."""


def clean_stem(text: str) -> str:
    """``text`` without control, format (bidi) or separator characters, NFC-normalised."""
    kept = []
    for ch in unicodedata.normalize("NFC", text):
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp"):
            continue
        kept.append("-" if ch in "/\\" or category == "Zs" else ch)
    return "".join(kept).strip("-. ")


def default_name(reference: str, date: dt.date, what: str, suffix: str = ".pdf") -> str:
    """ "CPC-2026-0001_2026-11-19_minutes-full-v1.0.pdf" for ``what="minutes-full-v1.0"``."""
    stem = "_".join(p for p in (clean_stem(reference), date.isoformat(), clean_stem(what)) if p)
    name = sanitize_filename(stem + suffix, platform="universal", max_len=200)
    return name or "document" + suffix


def output_path(folder: Path, name: str) -> Path:
    """``folder / name`` after cleaning ``name``; refuses anything that escapes ``folder``."""
    cleaned = sanitize_filename(clean_stem(name), platform="universal", max_len=200)
    if not cleaned:
        raise UnsafePath(f"{name!r} is not a usable file name")
    path = (folder / cleaned).resolve()
    if path.parent != folder.resolve():
        raise UnsafePath(f"{name!r} would be written outside {folder}")
    return path
