"""Reading a profile's letter templates (``[letters.<kind>]``), checking each placeholder.

See :mod:`cpc_desktop.domain.profile` for what a template may hold; every problem is a
:class:`~cpc_desktop.domain.profile.ProfileError` naming the key path.
"""

from __future__ import annotations

import difflib

from cpc_desktop.domain.profile import (
    DEFAULT_SALUTATION,
    DEFAULT_SIGN_OFF,
    LETTER_ESSENTIAL_PLACEHOLDERS,
    LETTER_KINDS,
    LETTER_OPTIONAL_PLACEHOLDERS,
    LETTER_PLACEHOLDERS,
    LETTER_REQUIRED_PLACEHOLDERS,
    LETTER_SALUTATION_PLACEHOLDERS,
    LETTER_SUBJECT_PLACEHOLDERS,
    LetterTemplate,
    LetterTemplates,
    Placeholder,
    parse_template,
    template_paragraphs,
)
from cpc_desktop.domain.profile_table import Table, fail, field_names


def read_letters(table: Table) -> LetterTemplates:
    return LetterTemplates(
        **{
            kind: read_letter(table.table(kind, field_names(LetterTemplate)), kind)
            for kind in LETTER_KINDS
        }
    )


def read_letter(table: Table, kind: str) -> LetterTemplate:
    subject = table.text("subject")
    placeholders(
        table.where("subject"),
        subject,
        LETTER_SUBJECT_PLACEHOLDERS,
        "a subject (it may become a file name, so it must not name a child)",
    )
    if "reference" not in placeholders(table.where("subject"), subject):
        fail(table.where("subject"), "must include {reference}")
    body = table.text("body")
    where = table.where("body")
    used: list[str] = []
    for paragraph in template_paragraphs(body):
        names = placeholders(where, paragraph)
        used += names
        essential = [name for name in LETTER_ESSENTIAL_PLACEHOLDERS if name in names]
        optional = sorted(LETTER_OPTIONAL_PLACEHOLDERS.intersection(names))
        if essential and optional:
            fail(
                where,
                f"{{{optional[0]}}} shares a paragraph with {{{essential[0]}}}; a paragraph"
                f" is left out when {{{optional[0]}}} is empty, so give it a paragraph of its own",
            )
    for name in LETTER_REQUIRED_PLACEHOLDERS[kind]:
        if name not in used:
            fail(where, f"must include {{{name}}} ({LETTER_PLACEHOLDERS[name]})")
    salutation = table.text("salutation", DEFAULT_SALUTATION)
    placeholders(
        table.where("salutation"), salutation, LETTER_SALUTATION_PLACEHOLDERS, "a salutation"
    )
    sign_off = table.text("sign_off", DEFAULT_SIGN_OFF)
    placeholders(table.where("sign_off"), sign_off, (), "a sign-off")
    return LetterTemplate(subject=subject, body=body, salutation=salutation, sign_off=sign_off)


def placeholders(
    where: str, text: str, allowed: tuple[str, ...] | None = None, what: str = ""
) -> tuple[str, ...]:
    """The placeholder names ``text`` uses, each checked against the whitelist."""
    try:
        pieces = parse_template(text)
    except ValueError as exc:
        fail(where, str(exc))
    names = tuple(piece.name for piece in pieces if isinstance(piece, Placeholder))
    for name in names:
        if name not in LETTER_PLACEHOLDERS:
            hint = difflib.get_close_matches(name, LETTER_PLACEHOLDERS, n=1)
            advice = f" (did you mean {{{hint[0]}}}?)" if hint else ""
            fail(where, f"unknown placeholder {{{name}}}{advice}")
        if allowed is not None and name not in allowed:
            listed = ", ".join(f"{{{option}}}" for option in allowed) or "none"
            fail(where, f"{{{name}}} cannot be used in {what}; it may use {listed}")
    return names
