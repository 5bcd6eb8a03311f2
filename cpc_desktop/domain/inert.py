"""User text made inert: a name cannot change how the text around it reads.

A name or phrase holding a bidirectional control (a right-to-left override, say) would
otherwise reorder whatever follows it on the same line: the next names in a list, the rest
of a salutation. :func:`isolated` closes what the text opens and wraps it in a first-strong
isolate, so its controls act inside it alone; :func:`for_terminal` shows every control
character as a visible escape, so nothing a person typed can steer a terminal.
"""

from __future__ import annotations

import re

# Explicit embeddings and overrides (closed by PDF), isolates (closed by PDI), and the
# marks, which open nothing but sway the characters beside them.
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_ISOLATES = frozenset("\u2066\u2067\u2068")
_PDF = "\u202c"
_PDI = "\u2069"
_FSI = "\u2068"
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# C0 and C1 controls, DEL, the line and paragraph separators, lone surrogates, and the bidi
# controls: nothing a terminal should be handed as it is.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

_UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def balanced(text: str) -> str:
    """``text`` with each bidi embedding, override and isolate it opens closed at the end
    of its line, and closers that match nothing dropped (the Unicode rules X6a and X7)."""
    return "\n".join(_balanced_line(line) for line in text.split("\n"))


def isolated(text: str) -> str:
    """``text`` as it is if it holds no bidi control; otherwise balanced and, line by line,
    wrapped in FSI … PDI, so that none of its controls reaches the text around it."""
    if BIDI_CONTROLS.search(text) is None:
        return text
    return "\n".join(f"{_FSI}{line}{_PDI}" for line in balanced(text).split("\n"))


def for_terminal(text: str) -> str:
    """``text`` with control characters (C0, C1, bidi controls, line separators) shown as
    escapes such as ``\\u202e`` or ``\\n``, safe to print on one terminal line."""
    return _UNSAFE.sub(_escape, text)


def json_for_terminal(text: str) -> str:
    """JSON text with every character :func:`for_terminal` escapes written as a ``\\uXXXX``
    escape: the same JSON once parsed, and nothing in it a terminal acts on. ``json.dumps``
    escapes only C0 controls, so a C1 control (CSI U+009B, OSC U+009D) or a bidi control
    in a string would otherwise reach the terminal as it is."""
    # json.dumps escapes C0 controls in strings, so any left are its own white space.
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    named = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
    if code in named:
        return named[code]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _balanced_line(line: str) -> str:
    kept: list[str] = []
    opened: list[str] = []  # what is open, innermost last
    for ch in line:
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            opened.append(ch)
        elif ch == _PDF:
            # X7: a PDF closes the innermost embedding, unless an isolate opened after it.
            if not opened or opened[-1] in _ISOLATES:
                continue
            opened.pop()
        elif ch == _PDI:
            # X6a: a PDI closes the innermost isolate and every embedding opened inside it.
            if not any(o in _ISOLATES for o in opened):
                continue
            while opened.pop() not in _ISOLATES:
                pass
        kept.append(ch)
    closers = (_PDI if o in _ISOLATES else _PDF for o in reversed(opened))
    return "".join(kept) + "".join(closers)
