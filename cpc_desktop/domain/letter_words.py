"""The fixed wordings of an outcome letter, as one table per language.

:mod:`cpc_desktop.domain.letter_facts` finds the facts; a :class:`LetterWords` says
them in one language. The English table is :mod:`cpc_desktop.domain.letter_words_en`,
the Welsh :mod:`cpc_desktop.domain.letter_words_cy`; :func:`words_for` picks one.

Each wording is a constant format string; names and terms are only ever arguments, so
nothing typed into the record is read as a wording. The arguments each one may use are
listed on its field. Welsh nouns mutate after some words, but names never do: so the
Welsh wordings put a name or a profile term where its word keeps its first letter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cpc_desktop.domain.enums import AdministrativeEnding, Language, Outcome


class Reader(StrEnum):
    """Who reads the letter, which decides how its facts are worded."""

    FAMILY = "family"  # a parent or carer: first names, everyday words
    CHILD = "child"  # the one child the letter is to: "you"
    PROFESSIONAL = "professional"  # full names, categories, brief


@dataclass(frozen=True)
class LetterWords:
    """Every fixed wording of a letter in one language."""

    language: Language
    #: ``a``, ``a and b``, ``a, b and c``; ``labels`` when the words are not names (a
    #: Welsh label mutates after "a", a name never does).
    join: Callable[[Sequence[str], bool], str]
    #: What the child a letter is to is called where the others are named ("you"), or
    #: None to name them by their first name.
    you: str | None
    #: "now" / "still" (a continuing plan at a review): the ``{now}`` of an outcome.
    now: tuple[str, str]
    #: Each outcome for each reader. Arguments: name, Name, Possessive, now, plan,
    #: The_plan, support, registered, still_registered. END_PLAN's serves both endings.
    outcomes: Mapping[Reader, Mapping[Outcome, str]]
    #: ``{still_registered}``: (about a child, to the child). Arguments: name, Name,
    #: registered.
    no_longer_registered: tuple[str, str]
    #: "Kai's" (``{Possessive}``, about a child) and "Your" (to the child).
    possessive: tuple[str, str]
    #: Why a plan ended administratively: (about a child, to the child). Arguments:
    #: name, Name, when (:attr:`on_day` of the date, or "").
    endings: Mapping[AdministrativeEnding, tuple[str, str]]
    #: " on 7 December 2026": the ``{when}`` of an ending.
    on_day: Callable[[date], str]
    #: The date as a name ("Monday 7 December 2026") and as "on" that day.
    long_date: Callable[[date], str]
    on_date: Callable[[date], str]
    #: "About Kai and Lily: " before a reason when a letter is about several children.
    about: Mapping[Reader, str]
    #: The categories of a child with a plan. Arguments: singular, plural, name, label,
    #: labels, main.
    category_one: str
    categories_many: str
    category_main: str
    #: "Sam Smith (for Kai)" and "For Kai: 01234 567890" when children differ.
    lead_worker_for: str
    contact_for: str
    #: The next dates for each reader. Arguments: core, meeting, names, date, on_date.
    first_core_group: Mapping[Reader, str]
    review: Mapping[Reader, str]
    #: What the core group is, for the family. Argument: core.
    core_group_explained: str
    #: Under the chair's name.
    signatory_title: str
    #: Before the conference reference at the head of a letter.
    reference_label: str
    #: At the foot of each page of a letter longer than one. Arguments: page, pages.
    page_label: str
