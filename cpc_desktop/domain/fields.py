"""Each field's rule, declared once, keyed by its place in the conference document.

A place is written as in the document's schema with the list indexes left out:
``"$.participants[].name"``. Everything that takes text or a number from a person (the
services, the JSON schema check, the widgets' ``setMaxLength`` and ranges) reads its limits
from :data:`FIELDS`; a test holds the shipped schema to the same limits.

Two kinds of rule:

* Limits (``max_length``, ``min_length``, ``minimum``, ``maximum``) hold for every record
  the store keeps, however it arrived: typed, created, imported or handed over. They are
  what the schema says, so every accepted record exports and reads back.
* ``blank`` is a rule of entry: the message when a person leaves the field blank where it
  is typed. Documents may hold blank values (older versions wrote them).

``readers`` says who free text is written for. ``FAMILY`` text goes into family copies
and letters as written; ``PROFESSIONALS`` text is for the professional side only.
``CHOSEN`` text (agency views, reasons for dissent, an exclusion's note, reasons for
delay) is for the professional side unless the item's own flag, named by ``shared_by``,
says the chair shares it with the family (disclosure.md: the allow-list starts closed).
``SELF`` is a person's private detail (address, telephone, e-mail, school or workplace):
printed only on that person's own letters and in the professionals' full copy. Fields
that are not free text (names, labels, numbers) have ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.minutes import SCALE_MAX, SCALE_MIN

#: The longest name of a person, agency, relationship, authority or language.
NAME_LENGTH = 200
#: The longest key: a profile, agenda key, category, letter kind or distributed item.
LABEL_LENGTH = 60
#: The longest conference reference.
REFERENCE_LENGTH = 40
#: The longest minutes version label ("1", "1.1", ...).
VERSION_LENGTH = 20
#: A SHA-256 digest in hexadecimal.
HASH_LENGTH = 64
#: The longest postal address (lines joined by newlines).
ADDRESS_LENGTH = 500
#: The longest telephone number or e-mail address.
CONTACT_LENGTH = 254


class Readers(StrEnum):
    """Who free text is written for."""

    FAMILY = "family"  # family copies and letters carry it as written
    PROFESSIONALS = "professionals"  # the professional side only
    CHOSEN = "chosen"  # professionals only, unless the item is shared with the family
    SELF = "self"  # a private detail: the person themselves and professionals only


@dataclass(frozen=True)
class FieldRule:
    """The rule of one field of the conference document."""

    path: str
    max_length: int | None = None
    min_length: int = 0
    minimum: int | None = None
    maximum: int | None = None
    blank: str | None = None
    readers: Readers | None = None
    #: For ``Readers.CHOSEN``: the item's flag that shares the text with the family.
    shared_by: str | None = None

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value`` under the limits (not the entry rule), if anything."""
        if value is None:
            return None
        if isinstance(value, str):
            if self.max_length is not None and len(value) > self.max_length:
                return f"is too long ({len(value)} characters; at most {self.max_length})"
            if len(value) < self.min_length:
                return "must not be empty"
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return f"must be at least {self.minimum}"
            if self.maximum is not None and value > self.maximum:
                return f"must be at most {self.maximum}"
        return None


def _name(path: str, blank: str | None = None) -> FieldRule:
    return FieldRule(path, max_length=NAME_LENGTH, blank=blank)


def _label(path: str) -> FieldRule:
    return FieldRule(path, max_length=LABEL_LENGTH, min_length=1)


def _text(path: str, readers: Readers, blank: str | None = None) -> FieldRule:
    return FieldRule(path, readers=readers, blank=blank)


def _chosen(path: str, shared_by: str) -> FieldRule:
    return FieldRule(path, readers=Readers.CHOSEN, shared_by=shared_by)


def _private(path: str, max_length: int | None = None) -> FieldRule:
    return FieldRule(path, max_length=max_length, readers=Readers.SELF)


_F, _P = Readers.FAMILY, Readers.PROFESSIONALS

_RULES = (
    # the conference
    FieldRule("$.conference.reference", max_length=REFERENCE_LENGTH, min_length=1),
    _label("$.conference.profile"),
    _name("$.conference.local_authority"),
    _text("$.conference.venue", _F),
    FieldRule("$.conference.review_number", minimum=0, maximum=1000),
    _chosen("$.conference.delay_reason", "delay_reason_shared"),
    _chosen("$.conference.quorum_reason", "quorum_reason_shared"),
    _name("$.conference.transfer_from"),
    _name("$.conference.transfer_contact"),
    _text("$.conference.transfer_contact_details", _P),
    _text("$.conference.adjourn_reason", _P),
    # children
    _name("$.children[].given_name"),
    _name("$.children[].family_name"),
    _text("$.children[].participation_reason", _F),
    # the people
    _name("$.participants[].name", blank="a participant needs a name"),
    _name("$.participants[].agency"),
    _name("$.participants[].relationship"),
    _name("$.participants[].interpreter_language"),
    _chosen("$.participants[].attendance[].note", "shared_with_family"),
    _text("$.participants[].side_reason", _P),
    _private("$.participants[].address", ADDRESS_LENGTH),
    _private("$.participants[].telephone", CONTACT_LENGTH),
    _private("$.participants[].email", CONTACT_LENGTH),
    _private("$.participants[].school_or_workplace", NAME_LENGTH),
    # the agenda and the minutes
    FieldRule(
        "$.agenda[].key",
        max_length=LABEL_LENGTH,
        min_length=1,
        blank="an agenda key must not be blank",
    ),
    _text("$.agenda[].title", _F, blank="an agenda item needs a title"),
    FieldRule("$.agenda[].allowance_minutes", minimum=0, maximum=1440),
    _text("$.agenda[].not_obtained_reason", _F),
    _text("$.minutes[].text", _F),
    _name("$.minutes[].author"),
    # decisions
    _text("$.decisions[].threshold_rationale", _F),
    _text("$.decisions[].reason", _F),
    _label("$.decisions[].categories[]"),
    _label("$.decisions[].primary_category"),
    _text("$.decisions[].lead_social_worker_contact", _F),
    _text("$.decisions[].first_core_group_reason", _F),
    _text("$.decisions[].review_date_reason", _F),
    _text("$.decisions[].contingency_plan", _F),
    _name("$.decisions[].core_group_frequency"),
    _text("$.decisions[].parents_view", _F),
    _text("$.decisions[].child_view", _F),
    _text("$.decisions[].reporter_referral_reason", _F),
    _text("$.decisions[].ending_note", _P),
    _chosen("$.decisions[].views[].reason", "shared_with_family"),
    _chosen("$.decisions[].dissents[].reasons", "shared_with_family"),
    _name("$.decisions[].actions[].owner"),
    _text("$.decisions[].actions[].action", _F),
    _text("$.decisions[].actions[].outcome", _F),
    # what was issued and sent
    FieldRule("$.minutes_versions[].version", max_length=VERSION_LENGTH, min_length=1),
    FieldRule("$.minutes_versions[].content_hash", max_length=HASH_LENGTH),
    _name("$.minutes_versions[].approved_by"),
    _text("$.minutes_versions[].amendment_note", _F),
    _label("$.letters[].kind"),
    _text("$.letters[].recipient_name", _F),
    _text("$.letters[].recipient_address", _F),
    _label("$.distributions[].item"),
    _name("$.distributions[].method"),
    # noted in the meeting
    _name("$.actions[].owner", blank="an action needs an owner"),
    _text("$.actions[].action", _F, blank="say what the action is"),
    FieldRule("$.scaling[].score", minimum=SCALE_MIN, maximum=SCALE_MAX),
    _text("$.scaling[].note", _F),
    # a review's plan carried from the conference before it
    _label("$.plans[].categories[]"),
    _label("$.plans[].primary_category"),
    _text("$.plans[].lead_social_worker_contact", _F),
    _name("$.plans[].core_group_frequency"),
    _text("$.plans[].contingency_plan", _F),
    _name("$.plans[].actions[].owner"),
    _text("$.plans[].actions[].action", _F),
    _name("$.scale_history[].name"),
    _name("$.scale_history[].agency"),
    FieldRule("$.scale_history[].score", minimum=SCALE_MIN, maximum=SCALE_MAX),
    # after the conference
    _text("$.appeals[].details", _P),
    _text("$.appeals[].outcome_note", _P),
    _name("$.complaints[].complainant_name"),
    FieldRule("$.complaints[].relation", max_length=80),
    _text("$.complaints[].details", _P),
    FieldRule("$.complaints[].handled_by", max_length=400),
    _text("$.complaints[].outcome_note", _P),
    FieldRule("$.corrections[].requested_by", max_length=NAME_LENGTH, min_length=1),
    _text("$.corrections[].disputed", _P),
    _text("$.corrections[].asked", _P),
    # The reasons open a new version's printed list of changes; a statement of
    # disagreement is printed in its maker's own family copy (domain/corrections.py).
    _text("$.corrections[].reasons", _F),
    _name("$.corrections[].ruled_by"),
    _text("$.corrections[].statement", _F),
)

#: Every declared field, by its place in the document.
FIELDS: Mapping[str, FieldRule] = {rule.path: rule for rule in _RULES}


def rule(path: str) -> FieldRule:
    """The rule for ``path``; a path nobody declared is a programming error."""
    return FIELDS[path]


_STEP = re.compile(r"\.([a-z_]+)(\[\])?")


def _values(node: object, steps: list[tuple[str, bool]], at: str) -> Iterator[tuple[str, object]]:
    if not steps:
        yield at, node
        return
    (name, many), rest = steps[0], steps[1:]
    value = getattr(node, name)
    if not many:
        yield from _values(value, rest, f"{at}.{name}")
        return
    for index, item in enumerate(value):
        yield from _values(item, rest, f"{at}.{name}[{index}]")


def values_at(record: ConferenceRecord, path: str) -> Iterator[tuple[str, object]]:
    """Each value of ``record`` at the declared ``path``, with its indexed place."""
    steps = [(m.group(1), bool(m.group(2))) for m in _STEP.finditer(path)]
    yield from _values(record, steps, "$")


def record_problems(record: ConferenceRecord) -> tuple[tuple[str, str], ...]:
    """``(place, message)`` for every value of ``record`` that breaks its field's limits."""
    found: list[tuple[str, str]] = []
    for path, field_rule in FIELDS.items():
        for place, value in values_at(record, path):
            message = field_rule.problem(value)
            if message:
                found.append((place, message))
    return tuple(found)
