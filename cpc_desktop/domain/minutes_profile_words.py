"""The profile's words as the minutes print them, in one language.

The meeting, the plans, the lead worker, the core group, the categories, the agenda's
titles and the protective marking differ between nations and authorities, so they come
from the profile: in English from the profile itself, in Welsh from the profile in Welsh
(``Profile.in_language(Language.WELSH)``, which puts the words of the profile's
``[translations.cy]`` in place). The sentences built around them follow each language's
own grammar here, one table of patterns a language.

An agenda item's title is stored with the conference. A Welsh copy prints the profile's
Welsh title for the item when the stored title is still the profile's English one; a
title the chair typed is printed as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cpc_desktop.domain.enums import ConferenceType, Outcome, View
from cpc_desktop.domain.minutes_words_cy import welsh_label
from cpc_desktop.domain.profile import Profile
from cpc_desktop.domain.terms import capital, terms_of


@dataclass(frozen=True, kw_only=True)
class ProfileWords:
    """The words of one profile in one language (or two, paired by ``bilingual``)."""

    meeting: str  # "Child Protection Conference"
    marking: str  # "OFFICIAL-SENSITIVE"
    decision_maker: str
    categories: str  # "Categories"
    main_category: str  # "Main category"
    lead_worker: str
    core_group: str
    first_core_group: str
    review: str  # the next conference: "Review child protection conference"
    conference_type: Callable[[ConferenceType], str]
    outcome: Callable[[Outcome], str]
    view: Callable[[View], str]
    category: Callable[[str], str]  # a category's key → its label
    agenda_title: Callable[[str, str], str]  # an item's key and stored title → as printed
    #: Scotland: each decision says whether the child is referred to the Children's Reporter.
    reporter: bool = False


def _category_labels(profile: Profile) -> Callable[[str], str]:
    labels = {c.key: c.label for c in profile.categories}
    return lambda key: labels.get(key, key)


def english_words(profile: Profile) -> ProfileWords:
    """``profile``'s words in English, as the minutes have always printed them."""
    terms = terms_of(profile)
    return ProfileWords(
        meeting=profile.terminology.meeting_name,
        marking=profile.protective_marking,
        decision_maker=profile.terminology.decision_maker,
        categories=terms.categories,
        main_category=capital(terms.main_category),
        lead_worker=terms.lead_worker,
        core_group=terms.core_group,
        first_core_group=terms.first_core_group,
        review=terms.review,
        conference_type=terms.conference_type,
        outcome=terms.outcome,
        view=terms.view,
        category=_category_labels(profile),
        agenda_title=lambda _key, title: title,
        reporter=profile.consider_reporter_referral,
    )


#: Each type of conference in Welsh (the shared glossary's terms).
_TYPES_CY = {
    ConferenceType.INITIAL: "Cynhadledd gychwynnol",
    ConferenceType.REVIEW: "Cynhadledd adolygu",
    ConferenceType.PRE_BIRTH: "Cynhadledd cyn geni",
    ConferenceType.TRANSFER_IN: "Cynhadledd trosglwyddo i mewn",
}

#: The soft mutation of a word's first consonant(s), longest first ("ll" before "l").
_SOFT = (("ll", "l"), ("rh", "r"), ("c", "g"), ("p", "b"), ("t", "d"), ("g", ""))
_SOFT_ONE = {"b": "f", "d": "dd", "m": "f"}


def soft_mutation(word: str) -> str:
    """``word`` after a word that softens it, as "prif" does: "categori" → "gategori".

    For the profile's terms only; a person's name is never mutated.
    """
    lower = word.lower()
    for start, becomes in _SOFT:
        if lower.startswith(start):
            return becomes + word[len(start) :]
    if lower[:1] in _SOFT_ONE:
        return _SOFT_ONE[lower[:1]] + word[1:]
    return word


def _the(word: str) -> str:
    """Welsh "the" before ``word``: "yr" before a vowel or "h", else "y"."""
    return f"yr {word}" if word[:1].lower() in "aeiouwyhâêîôûŵŷ" else f"y {word}"


def welsh_words(english: Profile, welsh: Profile) -> ProfileWords:
    """The words of ``english`` in Welsh, from ``welsh`` (the same profile in Welsh)."""
    words = welsh.terminology
    plan, support = words.plan_name, words.support_plan_name
    outcomes = {
        Outcome.CP_PLAN: capital(plan),
        Outcome.CIN_PLAN: capital(support),
        Outcome.END_PLAN: f"Daeth {_the(plan)} i ben",
        Outcome.ADMINISTRATIVE_END: f"Daeth {_the(plan)} i ben am reswm gweinyddol",
    }
    views = {View.PLAN: capital(plan), View.CHILD_IN_NEED: capital(support)}
    titles = {
        (item.key, item.title): translated.title
        for kind in ConferenceType
        for item, translated in zip(
            english.agenda.for_type(kind), welsh.agenda.for_type(kind), strict=False
        )
        if item.key == translated.key
    }
    return ProfileWords(
        meeting=words.meeting_name,
        marking=welsh.protective_marking,
        decision_maker=words.decision_maker,
        categories=capital(words.category_plural),
        main_category=f"Prif {soft_mutation(words.category_singular)}",
        lead_worker=capital(words.lead_worker_title),
        core_group=capital(words.core_group_name),
        first_core_group=f"Cyfarfod cyntaf {_the(words.core_group_name)}",
        review=_TYPES_CY[ConferenceType.REVIEW],
        conference_type=lambda kind: _TYPES_CY[kind],
        outcome=lambda outcome: outcomes.get(outcome) or welsh_label(outcome),
        view=lambda view: views.get(view) or welsh_label(view),
        category=_category_labels(welsh),
        agenda_title=lambda key, title: titles.get((key, title), title),
    )
