"""Reading a profile's translations: ``[translations.<code>]``, its words in another language.

A translation gives every word a letter or an agenda prints, so nothing falls back to
English in the middle of a Welsh letter::

    [translations.cy]
    complaints_route = "..."
    protective_marking = "SWYDDOGOL-SENSITIF"      # optional: else the English marking
    [translations.cy.terminology]                  # every key of [terminology]
    [translations.cy.letters.<kind>]               # subject, body, salutation, sign_off
    [translations.cy.categories]                   # category key = label, for each one
    [translations.cy.agenda]                       # agenda item key = title, for each one
    [translations.cy.authority]                    # optional: name, service (an authority's)

An agenda title may instead be a table of titles by conference type
(``purpose = { initial = "...", review = "..." }``) where the agendas word it differently.
A translated letter must use every placeholder its English template uses, in the same
part (subject, body, salutation), and only known placeholders. Every problem is a
:class:`~cpc_desktop.domain.profile.ProfileError` naming the key path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace

from cpc_desktop.domain.enums import ConferenceType, Language
from cpc_desktop.domain.profile import (
    LETTER_KINDS,
    AgendaTitle,
    Category,
    LetterTemplate,
    LetterTemplates,
    Profile,
    Terminology,
    Translation,
    template_paragraphs,
)
from cpc_desktop.domain.profile_letters import placeholders, read_letter
from cpc_desktop.domain.profile_table import Table, describe, fail, field_names

__all__ = ["read_translations"]

_KEYS = (
    "authority",
    "complaints_route",
    "protective_marking",
    "terminology",
    "letters",
    "categories",
    "agenda",
)
_LINE_LIMIT = 120  # as for the authority's own lines
_LANGUAGES = tuple(language.value for language in Language if language is not Language.ENGLISH)


def read_translations(root: Table, english: Profile) -> Profile:
    """``english`` with the translations under ``root``'s ``translations`` key, each
    checked against it (and the authority's name and service in each language)."""
    if not root.has("translations"):
        return english
    table = root.table("translations", _LANGUAGES)
    translations: list[Translation] = []
    named: list[tuple[Language, str, str]] = []
    authority = english.authority
    for code in _LANGUAGES:
        if not table.has(code):
            continue
        language = Language(code)
        words = table.table(code, _KEYS)
        translations.append(_translation(words, language, english))
        if words.has("authority"):
            if authority is None:
                fail(words.where("authority"), "only goes with an [authority] table")
            own = words.table("authority", ("name", "service"))
            name, service = own.text("name", authority.name), own.text("service", authority.service)
            for key, value in (("name", name), ("service", service)):
                if "\n" in value or len(value) > _LINE_LIMIT:
                    fail(own.where(key), f"expected one line of at most {_LINE_LIMIT} characters")
            named.append((language, name, service))
    if authority is not None and named:
        authority = replace(authority, translated=tuple(named))
    return replace(english, translations=tuple(translations), authority=authority)


def _translation(table: Table, language: Language, english: Profile) -> Translation:
    terms = table.table("terminology", field_names(Terminology))
    return Translation(
        language=language,
        terminology=Terminology(**{f.name: terms.text(f.name) for f in fields(Terminology)}),
        complaints_route=table.text("complaints_route"),
        protective_marking=table.text("protective_marking", english.protective_marking),
        letters=_letters(table.table("letters", LETTER_KINDS), english.letters),
        categories=_categories(table.table("categories", english.category_keys), english),
        agenda_titles=_agenda(table, english),
    )


def _letters(table: Table, english: LetterTemplates) -> LetterTemplates:
    templates: dict[str, LetterTemplate] = {}
    for kind in LETTER_KINDS:
        letter = table.table(kind, field_names(LetterTemplate))
        for key in ("salutation", "sign_off"):  # their defaults are English words
            if not letter.has(key):
                fail(letter.where(key), "missing (a translation gives every letter's own)")
        template = read_letter(letter, kind)
        original = english.for_kind(kind)
        for part in ("subject", "body", "salutation"):
            wanted = _used(letter.where(part), getattr(original, part))
            have = _used(letter.where(part), getattr(template, part))
            for name in wanted:
                if name not in have:
                    fail(letter.where(part), f"lacks {{{name}}}, which the English {part} uses")
        templates[kind] = template
    return LetterTemplates(**templates)


def _used(where: str, text: str) -> set[str]:
    return {
        name for paragraph in template_paragraphs(text) for name in placeholders(where, paragraph)
    }


def _categories(table: Table, english: Profile) -> tuple[Category, ...]:
    return tuple(Category(key, table.text(key)) for key in english.category_keys)


def _agenda(table: Table, english: Profile) -> tuple[AgendaTitle, ...]:
    """A title for every agenda item key the English agendas use."""
    used: dict[str, list[str]] = {}  # key -> the conference types whose agenda has it
    for kind in ConferenceType:
        for item in english.agenda.for_type(kind):
            used.setdefault(item.key, []).append(kind.value)
    agenda = table.table("agenda", tuple(used))
    titles: list[AgendaTitle] = []
    for key, kinds in used.items():
        value = agenda.raw(key)
        if not isinstance(value, Mapping):
            titles.append(AgendaTitle(key, agenda.text(key)))
            continue
        by_type = agenda.table(key, tuple(kinds))
        if not set(kinds) <= set(value):
            missing = next(kind for kind in kinds if kind not in value)
            fail(
                by_type.where(missing),
                f"missing: the {missing.replace('_', '-')} agenda has item {describe(key)}",
            )
        titles += [AgendaTitle(key, by_type.text(kind), kind) for kind in kinds]
    return tuple(titles)
