"""How strong a new passphrase looks (a hint, not a gate beyond the minimum length)."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

MIN_LENGTH = 8


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (unusable) .. 4 (strong)
    label: str
    advice: str


def _alphabet(text: str) -> int:
    size = 0
    if any(c in string.ascii_lowercase for c in text):
        size += 26
    if any(c in string.ascii_uppercase for c in text):
        size += 26
    if any(c in string.digits for c in text):
        size += 10
    if any(c in string.punctuation or c == " " for c in text):
        size += 33
    if any(ord(c) > 127 for c in text):
        size += 100
    return max(size, 1)


def strength(text: str) -> Strength:
    """A rough estimate of guessing effort, with advice in plain words."""
    if len(text) < MIN_LENGTH:
        return Strength(0, "too short", f"Use at least {MIN_LENGTH} characters.")
    distinct = len(set(text))
    bits = len(text) * math.log2(_alphabet(text)) * min(1.0, distinct / 6)
    if bits < 40:
        return Strength(1, "weak", "Add more words or characters; a short sentence works well.")
    if bits < 60:
        return Strength(2, "fair", "Longer is better: add another word.")
    if bits < 80:
        return Strength(3, "good", "A good passphrase. Keep it somewhere safe.")
    return Strength(4, "strong", "A strong passphrase. Keep it somewhere safe.")
