"""People's private details: whose an output may show, and finding them where they must not be.

A person's address, telephone number, e-mail address, school or workplace
(``Readers.SELF`` in :mod:`cpc_desktop.domain.fields`) go only on that person's own
letters and in the professionals' full copy (disclosure.md). A person may also ask that
their details be kept from named people (``Participant.withhold_from``); that holds for
every output made for one of them, a professional's full copy included.

Structured details are easy to leave out. The harder case is the same detail typed into
free text: a new address written into a minute (the Charnwood case). :func:`find_leaks`
searches every string an output would print for the details its recipient may not see:

- an address, line by line (lines split at new lines and commas), each line of six or
  more characters once spaces are collapsed and case is ignored, that holds a digit or
  more than one word (a town's name on its own is not private);
- a telephone number of six or more digits, ignoring spaces and punctuation, and
  reading a UK ``+44`` or ``0044`` as the leading ``0``;
- an e-mail address, ignoring case;
- a school or workplace of six or more characters, as for an address line.

A detail the recipient shares (two parents at one address) is theirs too, so is not
looked for in their own output.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cpc_desktop.domain.conference import ConferenceRecord, Participant
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.printed import Fields, LetterDocument, Para, PrintedDocument, Table

__all__ = [
    "KINDS",
    "Leak",
    "Place",
    "find_leaks",
    "hidden_from",
    "leak_message",
    "letter_places",
    "may_show",
    "minutes_places",
]

#: The shortest address line, school or workplace, and telephone number looked for.
SHORTEST = 6

#: Each private field of a participant, and what it is called in a message.
KINDS: tuple[tuple[str, str], ...] = (
    ("address", "address"),
    ("telephone", "telephone number"),
    ("email", "e-mail address"),
    ("school_or_workplace", "school or workplace"),
)

_NUMBER = re.compile(r"\+?\d[\d\s().\-/]*\d")


@dataclass(frozen=True)
class Place:
    """One string an output would print, and where it is, in words a chair can find."""

    where: str  # e.g. "'Parents' views' (entry 3)"
    text: str


@dataclass(frozen=True)
class Leak:
    """A private detail of ``owner`` found in an output where it may not be."""

    owner: Participant
    kind: str  # "address", "telephone number", ...
    where: str


def may_show(owner: Participant, recipient: Participant | None, *, family: bool) -> bool:
    """Whether an output made for ``recipient`` may show ``owner``'s private details.

    A person always sees their own. A family copy shows no one else's. A full copy
    shows them unless the owner asked that they be kept from its recipient; a full copy
    for no one in particular goes to every professional, so it leaves out the details of
    anyone who asked that they be kept from someone.
    """
    if recipient is not None and recipient.id == owner.id:
        return True
    if family:
        return False
    if recipient is None:
        return not owner.withhold_from
    return recipient.id not in owner.withhold_from


def hidden_from(
    record: ConferenceRecord, recipient: Participant | None, *, family: bool
) -> tuple[Participant, ...]:
    """The people whose private details an output for ``recipient`` may not show."""
    return tuple(
        owner
        for owner in record.participants
        if not may_show(owner, recipient, family=family) and _details(owner)
    )


# --------------------------------------------------------------------------- normalising


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0044"):
        return "0" + digits[4:]
    if text.lstrip().startswith("+44"):
        return "0" + digits[2:]
    return digits


def _needles(field: str, value: str) -> tuple[str, ...]:
    """What to look for of one private detail (empty when it is too short to find)."""
    if field == "address":
        lines = (_plain(line) for line in re.split(r"[\n,]", value))
        return tuple(
            line
            for line in lines
            if len(line) >= SHORTEST and (" " in line or any(c.isdigit() for c in line))
        )
    if field == "telephone":
        digits = _digits(value)
        return (digits,) if len(digits) >= SHORTEST else ()
    plain = _plain(value)
    if field == "email":
        return (plain,) if "@" in plain else ()
    return (plain,) if len(plain) >= SHORTEST else ()


def _details(owner: Participant) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Each private detail ``owner`` has: its field, its name in words, what to look for."""
    out = []
    for field, kind in KINDS:
        needles = _needles(field, getattr(owner, field))
        if needles:
            out.append((field, kind, needles))
    return tuple(out)


def _found(field: str, needles: Iterable[str], text: str) -> bool:
    if field == "telephone":
        numbers = {_digits(number) for number in _NUMBER.findall(text)}
        return any(needle in number for needle in needles for number in numbers)
    plain = _plain(text)
    return any(needle in plain for needle in needles)


# --------------------------------------------------------------------------- the search


def find_leaks(
    record: ConferenceRecord,
    recipient: Participant | None,
    places: Iterable[Place],
    *,
    family: bool,
) -> tuple[Leak, ...]:
    """Every private detail an output for ``recipient`` would show but may not.

    ``places`` are the strings the output prints. One leak is reported per person, kind
    of detail and place, in the order of the places and then of the roll call.
    """
    owners = hidden_from(record, recipient, family=family)
    own: dict[str, set[str]] = {field: set() for field, _ in KINDS}
    if recipient is not None:
        for field, _, needles in _details(recipient):
            own[field].update(needles)
    watched = [
        (owner, field, kind, tuple(n for n in needles if n not in own[field]))
        for owner in owners
        for field, kind, needles in _details(owner)
    ]
    leaks = []
    for place in places:
        for owner, field, kind, needles in watched:
            if needles and _found(field, needles, place.text):
                leaks.append(Leak(owner, kind, place.where))
    return tuple(leaks)


def leak_message(what: str, leak: Leak) -> str:
    """One line for the user: ``what`` is e.g. "This copy for Mark Bloggs"."""
    return (
        f"{what} would show {isolated(leak.owner.name)}'s {leak.kind} in {leak.where}. "
        f"Restrict that entry or remove the {leak.kind}."
    )


def minutes_places(document: PrintedDocument) -> Iterator[Place]:
    """Every string the minutes ``document`` prints, with where it is."""
    yield Place("the title", f"{document.title}\n{document.subtitle}")
    for name, value in document.metadata:
        yield Place(f"the file's {name.lower()}", value)
    for section in document.sections:
        title = f"'{section.title}'"
        yield Place(title, section.title)
        entry = 0
        for block in section.blocks:
            if isinstance(block, Para):
                entry += 1
                yield Place(f"{title} (entry {entry})", f"{block.label}\n{block.text}")
            elif isinstance(block, Fields):
                for label, value in block.pairs:
                    yield Place(f"{title} ({label})", f"{label}\n{value}")
            else:
                yield from _table_places(title, block)


def _table_places(title: str, table: Table) -> Iterator[Place]:
    yield Place(f"{title} (table heading)", "\n".join(table.header))
    for number, row in enumerate(table.rows, start=1):
        yield Place(f"{title} (row {number})", "\n".join(row))


def letter_places(letter: LetterDocument) -> Iterator[Place]:
    """Every string ``letter`` prints, with where it is."""
    yield Place("the sender's address", "\n".join(letter.sender))
    yield Place("the recipient's name and address", "\n".join(letter.recipient_address))
    several = len(letter.versions) > 1
    for version in letter.versions:
        language = {"cy": "Welsh", "en": "English"}.get(version.language, version.language)
        where = f" of the {language} version" if several else ""
        yield Place(f"the subject{where}", f"{version.subject}\n{version.salutation}")
        for number, para in enumerate(version.paragraphs, start=1):
            yield Place(f"paragraph {number}{where}", f"{para.label}\n{para.text}")
        yield Place(f"the signature{where}", "\n".join(version.signatory))
