"""Which agency a typed name means: quorum counts agencies, never spellings.

The profile's agency list is a directory: each agency has a name, its quorum group, a
kind (health, police, education, ...) and the other names it goes by (``also``:
abbreviations and local names). A name typed in the roll call is matched, in order:

1. as a whole name, or one of its other names, ignoring case, punctuation,
   apostrophes and "&" for "and" ("Childrens Social Care" is "Children's social care");
2. by the longest listed name found inside it as whole words ("Fenbridge Children's
   Social Care" is children's social care; "Riverside GP surgery" is the GP practice);
3. by the words that mark a kind of agency ("Fenbridge Constabulary" is police). Such
   a name counts in its kind's group when all the listed agencies of that kind share
   one; otherwise it counts as an agency of its own;
4. otherwise it is an agency of its own, as typed.

Legal advisers (kind ``legal``) never count, whatever their name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum


class AgencyKind(StrEnum):
    """What kind of service an agency is, whatever a local authority calls it."""

    CHILDRENS_SOCIAL_CARE = "childrens_social_care"
    POLICE = "police"
    HEALTH = "health"
    EDUCATION = "education"
    EARLY_YEARS = "early_years"
    PROBATION = "probation"
    HOUSING = "housing"
    YOUTH_JUSTICE = "youth_justice"
    SUBSTANCE_MISUSE = "substance_misuse"
    DOMESTIC_ABUSE = "domestic_abuse"
    ADULT_SOCIAL_CARE = "adult_social_care"
    EARLY_HELP = "early_help"
    VOLUNTARY = "voluntary_sector"
    ARMED_FORCES = "armed_forces"
    LEGAL = "legal"
    OTHER = "other"


#: How each kind is named to the chair ("taken as health").
KIND_NAMES: dict[AgencyKind, str] = {
    AgencyKind.CHILDRENS_SOCIAL_CARE: "children's social care",
    AgencyKind.POLICE: "police",
    AgencyKind.HEALTH: "health",
    AgencyKind.EDUCATION: "education",
    AgencyKind.EARLY_YEARS: "early years",
    AgencyKind.PROBATION: "probation",
    AgencyKind.HOUSING: "housing",
    AgencyKind.YOUTH_JUSTICE: "youth justice",
    AgencyKind.SUBSTANCE_MISUSE: "drug and alcohol services",
    AgencyKind.DOMESTIC_ABUSE: "domestic abuse services",
    AgencyKind.ADULT_SOCIAL_CARE: "adult social care",
    AgencyKind.EARLY_HELP: "early help",
    AgencyKind.VOLUNTARY: "the voluntary sector",
    AgencyKind.ARMED_FORCES: "armed forces welfare",
    AgencyKind.LEGAL: "legal advice",
    AgencyKind.OTHER: "another agency",
}

#: The kind of each quorum group the shipped profiles use, for agencies that do not
#: name their kind. A group not here is of kind ``other`` unless its agency says.
GROUP_KINDS: dict[str, AgencyKind] = {
    "childrens_social_care": AgencyKind.CHILDRENS_SOCIAL_CARE,
    "police": AgencyKind.POLICE,
    "health": AgencyKind.HEALTH,
    "health_visiting": AgencyKind.HEALTH,
    "school_nursing": AgencyKind.HEALTH,
    "general_practice": AgencyKind.HEALTH,
    "paediatrics": AgencyKind.HEALTH,
    "midwifery": AgencyKind.HEALTH,
    "camhs": AgencyKind.HEALTH,
    "adult_mental_health": AgencyKind.HEALTH,
    "learning_disability": AgencyKind.OTHER,  # health or social care, by area
    "education": AgencyKind.EDUCATION,
    "education_welfare": AgencyKind.EDUCATION,
    "early_years": AgencyKind.EARLY_YEARS,
    "probation": AgencyKind.PROBATION,
    "justice_social_work": AgencyKind.PROBATION,
    "housing": AgencyKind.HOUSING,
    "youth_justice": AgencyKind.YOUTH_JUSTICE,
    "substance_misuse": AgencyKind.SUBSTANCE_MISUSE,
    "domestic_abuse": AgencyKind.DOMESTIC_ABUSE,
    "adult_social_care": AgencyKind.ADULT_SOCIAL_CARE,
    "early_help": AgencyKind.EARLY_HELP,
    "voluntary_sector": AgencyKind.VOLUNTARY,
    "armed_forces": AgencyKind.ARMED_FORCES,
    "legal": AgencyKind.LEGAL,
}

#: Words (already in :func:`words` form) that mark a kind, for names not in the list.
#: Checked in this order: the first kind with a marker in the name wins.
_MARKERS: tuple[tuple[AgencyKind, tuple[str, ...]], ...] = (
    (AgencyKind.LEGAL, ("solicitor", "solicitors", "barrister", "legal", "law firm", "llp")),
    (AgencyKind.ADULT_SOCIAL_CARE, ("adult social care", "adult services", "adult social work")),
    (
        AgencyKind.CHILDRENS_SOCIAL_CARE,
        (
            "childrens social care",
            "childrens social work",
            "childrens services",
            "children and families",
            "social care",
            "social services",
            "social work",
            "csc",
        ),
    ),
    (AgencyKind.POLICE, ("police", "constabulary", "psni", "cid", "mash police")),
    (AgencyKind.PROBATION, ("probation", "justice social work")),
    (AgencyKind.YOUTH_JUSTICE, ("youth justice", "youth offending", "yot")),
    (AgencyKind.SUBSTANCE_MISUSE, ("drug", "drugs", "alcohol", "substance", "addiction")),
    (AgencyKind.DOMESTIC_ABUSE, ("domestic abuse", "domestic violence", "womens aid", "idva")),
    (AgencyKind.HOUSING, ("housing", "homeless", "homelessness")),
    (
        AgencyKind.EARLY_YEARS,
        ("nursery", "pre school", "preschool", "early years", "childminder", "flying start"),
    ),
    (
        AgencyKind.HEALTH,
        (
            "nhs",
            "health",
            "hospital",
            "clinic",
            "surgery",
            "medical",
            "gp",
            "nurse",
            "nursing",
            "midwife",
            "midwifery",
            "paediatric",
            "paediatrics",
            "paediatrician",
            "camhs",
            "hsc trust",
            "health board",
        ),
    ),
    (
        AgencyKind.EDUCATION,
        ("school", "academy", "college", "education", "primary", "secondary", "pupil"),
    ),
    (AgencyKind.EARLY_HELP, ("early help", "family support", "family hub")),
    (AgencyKind.VOLUNTARY, ("charity", "nspcc", "barnardos", "action for children")),
)


def words(name: str) -> str:
    """A name as compared: case folded, "&" as "and", apostrophes dropped, every other
    mark a space, spaces collapsed ("Children’s  Social-Care" → "childrens social care")."""
    folded = name.casefold().replace("&", " and ")
    folded = re.sub(r"['’‘`]", "", folded)
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def _within(needle: str, haystack: str) -> bool:
    return f" {needle} " in f" {haystack} "


@dataclass(frozen=True)
class DirectoryEntry:
    """One listed agency as the matcher sees it (see :class:`~.profile.Agency`)."""

    name: str
    group: str
    kind: AgencyKind
    counts_for_quorum: bool
    also: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """Its name, other names, and the name's bracketed abbreviation and remainder
        ("CAMHS" and "Child and adolescent mental health service")."""
        found = [self.name, *self.also]
        bracket = re.search(r"\(([^)]+)\)", self.name)
        if bracket:
            found += [bracket.group(1), re.sub(r"\s*\([^)]*\)", "", self.name)]
        return tuple(dict.fromkeys(w for w in (words(s) for s in found) if w))


@dataclass(frozen=True)
class AgencyMatch:
    """What a typed agency name was taken as.

    Attributes:
        typed: the name as typed, spaces tidied.
        entry: the listed agency it means, if any.
        kind: the kind of agency it was taken as.
        group: the quorum group it counts in, or ``None`` if it does not count.
        how: ``"listed"`` (a name or other name of a listed agency), ``"within"``
            (a listed name inside it), ``"kind"`` (a word marking a kind) or
            ``"unknown"``; ``""`` for a blank name.
        label: how its quorum group is named to the chair (``""`` if it counts nowhere).
    """

    typed: str
    entry: DirectoryEntry | None
    kind: AgencyKind
    group: str | None
    how: str
    label: str = ""

    def note(self) -> str:
        """One line for the roll call: what the name was taken as, and how it counts."""
        if self.how == "":
            return ""
        if self.group is None:
            return f"Taken as {KIND_NAMES[self.kind]}: does not count towards quorum."
        if self.how == "listed":
            return f"{self.entry.name if self.entry else self.typed}: a listed agency."
        if self.how == "within" and self.entry is not None:
            return f"Taken as {self.entry.name} (a listed agency)."
        if self.how == "kind":
            alone = self.group == words(self.typed)
            tail = "as an agency of its own" if alone else f"with {self.label}"
            return f"Not in the list: taken as {KIND_NAMES[self.kind]}, counted {tail}."
        return "Not in the list: counted as an agency of its own; check the spelling."


class Directory:
    """The agencies of a profile (and the local authority's own), for matching."""

    def __init__(self, entries: Iterable[DirectoryEntry]) -> None:
        self.entries = tuple(entries)
        self._exact: dict[str, DirectoryEntry] = {}
        spelled: list[tuple[str, DirectoryEntry]] = []
        for entry in self.entries:
            for spelling in entry.spellings:
                self._exact.setdefault(spelling, entry)
                spelled.append((spelling, entry))
        # Longest first: "school nursing service" before "school".
        self._by_length = sorted(spelled, key=lambda pair: -len(pair[0]))
        groups: dict[AgencyKind, set[str]] = {}
        for entry in self.entries:
            groups.setdefault(entry.kind, set()).add(entry.group)
        self._kind_group = {kind: next(iter(g)) for kind, g in groups.items() if len(g) == 1}

    def match(self, typed: str) -> AgencyMatch:
        """What ``typed`` means (see the module's notes for the order of the rules)."""
        tidy = " ".join(typed.split())
        key = words(tidy)
        if not key:
            return AgencyMatch(tidy, None, AgencyKind.OTHER, None, "")
        entry = self._exact.get(key)
        how = "listed"
        if entry is None:
            entry = next((e for s, e in self._by_length if _within(s, key)), None)
            how = "within"
        if entry is not None:
            group = entry.group if entry.counts_for_quorum else None
            return self._labelled(AgencyMatch(tidy, entry, entry.kind, group, how))
        kind = _marked_kind(key)
        if kind is None:
            return AgencyMatch(tidy, None, AgencyKind.OTHER, key, "unknown", tidy)
        if kind is AgencyKind.LEGAL:
            return AgencyMatch(tidy, None, kind, None, "kind")
        group = self._kind_group.get(kind)
        if group is None:
            return AgencyMatch(tidy, None, kind, key, "kind", tidy)
        return self._labelled(AgencyMatch(tidy, None, kind, group, "kind"))

    def _labelled(self, found: AgencyMatch) -> AgencyMatch:
        if found.group is None:
            return found
        return replace(found, label=self.group_label(found.group))

    def group_label(self, group: str) -> str:
        """How a quorum group is named to the chair: its one agency's name, or the kind
        its agencies share ("Health" for Scotland's health services), or the group."""
        members = [e for e in self.entries if e.group == group]
        if len(members) == 1:
            return members[0].name
        kinds = {e.kind for e in members}
        name = group.replace("_", " ")
        if len(kinds) == 1 and AgencyKind.OTHER not in kinds:
            name = KIND_NAMES[kinds.pop()].removeprefix("the ")
        return name[:1].upper() + name[1:]


def _marked_kind(key: str) -> AgencyKind | None:
    for kind, markers in _MARKERS:
        if any(_within(marker, key) for marker in markers):
            return kind
    return None
