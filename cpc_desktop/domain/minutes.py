"""Rules about the minutes themselves: views that must be heard, word counts, the scale.

Pure functions over :class:`ConferenceRecord`; nothing here reads a clock or a store.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.validation import Problem, Severity

#: The agenda keys whose views must be recorded, or their absence explained.
VIEWS_ITEMS: Mapping[str, str] = MappingProxyType(
    {
        "childs_views": "the child's views",
        "parents_views": "the parents' views",
    }
)

#: The lowest and highest point of the Signs of Safety safety scale.
SCALE_MIN = 0
SCALE_MAX = 10

#: What the two ends of the safety scale stand for, to print beside the scores.
SCALE_MEANING: Mapping[int, str] = MappingProxyType(
    {
        SCALE_MIN: (
            "The danger is so serious that the child cannot safely go on living with the parents."
        ),
        SCALE_MAX: (
            "All involved are satisfied the child is now safe enough for the child "
            "protection work to come to an end."
        ),
    }
)


#: A word from its first letter or digit to the next space: one match per run of
#: non-space characters that holds a letter or digit (``[^\W_]`` is ``str.isalnum``,
#: ``\S`` is ``not str.isspace``). No backtracking: linear even in a long run of dashes.
_WORD = re.compile(r"[^\W_]\S*")


def word_count(text: str) -> int:
    """How many words ``text`` holds: runs between spaces that contain a letter or digit.

    A lone dash, bullet or emoji between spaces is not counted as a word. (The same as
    counting the pieces of ``text.split()`` that hold an ``isalnum`` character, about
    twice as fast: this runs over a whole item's minutes.)
    """
    return len(_WORD.findall(text))


def views_ready(record: ConferenceRecord) -> tuple[Problem, ...]:
    """Problems that stop the minutes being finalised because a voice is not recorded.

    Each agenda item keyed ``childs_views`` or ``parents_views`` needs at least one
    minute entry with some text, or a reason why the views were not obtained. A
    conference whose agenda has no such item at all is reported too: the heading was
    removed, so nothing shows the views were sought.
    """
    written = {entry.agenda_item_id for entry in record.minutes if entry.text.strip()}
    problems: list[Problem] = []
    for key, what in VIEWS_ITEMS.items():
        found = False
        for index, item in enumerate(record.agenda):
            if item.key != key:
                continue
            found = True
            reason = item.not_obtained_reason
            if item.id in written or (reason is not None and reason.strip()):
                continue
            title = item.title.strip() or what
            problems.append(
                Problem(
                    f"minutes.{key}_missing",
                    f"Nothing is recorded under “{title}”: minute {what}, or record "
                    "why they could not be obtained.",
                    f"agenda[{index}]",
                    Severity.ERROR,
                )
            )
        if not found:
            problems.append(
                Problem(
                    f"minutes.{key}_item_missing",
                    f"The agenda has no item for {what}, so the minutes cannot show they "
                    "were sought.",
                    "agenda",
                    Severity.ERROR,
                )
            )
    return tuple(problems)
