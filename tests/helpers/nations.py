"""What each shipped authority example should look like on screen and on paper.

One :class:`Nation` per file in docs/authorities: how to pick it under **Rules**, the
label of the date the clock runs from, the people round the table with their agencies
written as that authority's chairs write them (its local names, Welsh names, a council's
name in front), and the words its profile uses, which must show in the wizard and in
the PDFs, with the words of the other nations that must not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).parents[2] / "docs" / "authorities"


@dataclass(frozen=True)
class Person:
    """Someone added on the Introductions tab: what is typed in each box."""

    name: str
    role: str  # typed into the role box: the start of the role's name
    agency: str
    relationship: str
    direct: bool


@dataclass(frozen=True)
class Nation:
    """One authority's example file and what its conference must say."""

    file: str  # in docs/authorities
    profile: str  # its id
    rules_label: str  # the Rules box's text once chosen
    anchor_label: str  # the label of the date the clock runs from (mnemonic removed)
    due: str  # "Due by" for a strategy discussion on Fri 27 Nov 2026 (the limit itself)
    authority: str  # [authority].name
    address: tuple[str, ...]  # [authority].address
    people: tuple[Person, ...]
    csc: str  # children's social care in the profile's words, as the quorum says it
    quorum_groups: tuple[str, ...]  # the other agencies the quorum names, in its order
    meeting: str  # terminology.meeting_name
    plan: str  # "A <plan_name>" on the outcome page, capitalised as the profile says
    categories: str  # the categories page's title word ("Categories", "Areas of concern")
    category: str  # one category label to choose
    lead: str  # the lead worker's title, as the plan page names the box
    decided_by: str  # words of the outcome page's "Decided by …" line
    letter_words: tuple[str, ...]  # the profile's own words in the parent's letter
    minutes_words: tuple[str, ...]  # … and in the minutes
    not_words: tuple[str, ...]  # other nations' words, in neither PDF

    @property
    def social_worker(self) -> str:
        """The allocated social worker's name (the lead worker of the plan)."""
        return next(p.name for p in self.people if p.role == "Soc")


_SW = "allocated social worker"
CHAIR = Person("Alex Chair", "Chai", "", "independent chair", False)
MOTHER = Person("Mo Quinn", "Par", "", "mother", False)


def _nation(
    file: str,
    staff: tuple[Person, ...],
    *,
    anchor_label: str = "Strategy discussion:",
    due: str = "Fri 18 Dec 2026",  # the English, Welsh and Northern Irish 15 working days
    meeting: str = "Child Protection Conference",
    plan: str = "A child protection plan",
    categories: str = "Categories",
    category: str = "Neglect",
    decided_by: str = "the chair",
    **words: Any,
) -> Nation:
    """One example: the chair, its ``staff`` and the mother round the table; what most
    examples share by default."""
    return Nation(
        file=file,
        profile=file.removesuffix(".toml"),
        anchor_label=anchor_label,
        due=due,
        people=(CHAIR, *staff, MOTHER),
        meeting=meeting,
        plan=plan,
        categories=categories,
        category=category,
        decided_by=decided_by,
        **words,
    )


NATIONS: tuple[Nation, ...] = (
    _nation(
        file="fenbridge.toml",
        rules_label="Fenbridge County Council (England)",
        authority="Fenbridge County Council",
        address=("County Hall", "Market Street", "Fenbridge", "FB1 2CC"),
        staff=(
            Person("Sam Worker", "Soc", "Fenbridge Children's Social Care", _SW, True),
            Person("Pat Hubb", "Prof", "Fenbridge Family Hub", "family support worker", True),
            Person("Di Aid", "Prof", "FDWA", "outreach worker", True),
        ),
        csc="children's social care",
        quorum_groups=("Domestic abuse services", "Early help"),
        lead="Lead social worker",
        letter_words=(
            "What the Child Protection Conference decided",
            "subject to a child protection plan",
            "Your lead social worker is Sam Worker",
        ),
        minutes_words=(
            "Child Protection Conference: minutes",
            "Decided by the chair",
            "Decision Child protection plan",
            "Categories Neglect",
            "Lead social worker Sam Worker",
        ),
        not_words=(
            "care and support protection plan",
            "Child Protection Register",
            "lead professional",
            "co-ordinator",
            "Planning Meeting",
            "Case Conference",
        ),
    ),
    _nation(
        file="bro-tawel.toml",
        rules_label="Bro Tawel County Borough Council (Wales)",
        authority="Bro Tawel County Borough Council",
        address=("Civic Offices", "Heol y Cei", "Aberdawel", "AB10 1AB"),
        staff=(
            Person("Siân Gwaith", "Soc", "Gwasanaethau Plant", _SW, True),
            Person("PC Huw Lane", "Prof", "Heddlu", "public protection unit", True),
            Person("Nia Cychwyn", "Prof", "Dechrau'n Deg", "Flying Start health visitor", True),
        ),
        csc="children's services",
        quorum_groups=("Early years", "Police"),
        plan="A care and support protection plan",
        lead="Care and support protection plan co-ordinator",
        decided_by="the practitioners at the conference",
        letter_words=(
            "Ada is now on the Child Protection Register",
            "A care and support protection plan will set out",
            "Your care and support protection plan co-ordinator is Siân Gwaith",
            "Public Services Ombudsman for Wales",
        ),
        minutes_words=(
            "Child Protection Conference: minutes",
            "Decided by the practitioners at the conference, each giving a view",
            "Decision Care and support protection plan",
            "Categories Neglect",
        ),
        not_words=(
            "child protection plan",
            "lead social worker",
            "lead professional",
            "child in need plan",
            "Planning Meeting",
            "Case Conference",
        ),
    ),
    _nation(
        file="glenmorven.toml",
        rules_label="Glenmorven Council (Scotland)",
        anchor_label="Inter-agency referral discussion:",
        due="Fri 25 Dec 2026",  # 28 calendar days
        authority="Glenmorven Council",
        address=("Council Headquarters", "High Street", "Glenmorven", "GM1 1AA"),
        staff=(
            Person("Sam Worker", "Soc", "Glenmorven Children and Families Social Work", _SW, True),
            Person("PC Dee Lane", "Prof", "Police Scotland", "public protection unit", True),
            Person("Hana Visitor", "Prof", "Glenmorven HSCP", "health visitor", True),
            Person("Gus Doctor", "Prof", "Castle Street Surgery", "GP", True),
        ),
        csc="social work services",
        quorum_groups=("Health", "Police Scotland"),
        meeting="Child Protection Planning Meeting",
        categories="Areas of concern",
        lead="Lead professional",
        letter_words=(
            "What the Child Protection Planning Meeting decided",
            "Ada is now on the child protection register",
            "Your lead professional is Sam Worker",
            "Scottish Public Services Ombudsman",
        ),
        minutes_words=(
            "Child Protection Planning Meeting: minutes",
            "Initial child protection planning meeting",
            "Areas of concern Neglect",
            "Lead professional Sam Worker",
            "Whether to refer to the Children's Reporter",
        ),
        not_words=(
            "care and support protection plan",
            "lead social worker",
            "child in need plan",
            "Child Protection Conference",
            "Case Conference",
        ),
    ),
    _nation(
        file="northern-lough.toml",
        rules_label="Northern Lough Health and Social Care Trust (Northern Ireland)",
        authority="Northern Lough Health and Social Care Trust",
        address=("Lough House", "Quay Road", "Lisnamore", "BT99 1AA"),
        staff=(
            Person("Sam Worker", "Soc", "Gateway Team", _SW, True),
            Person("Con Dee Lane", "Prof", "Public Protection Branch", "PSNI officer", True),
            Person("Fay Hub", "Prof", "Family Support Hub", "family support worker", True),
        ),
        csc="HSC Trust children's social work",
        quorum_groups=(
            "Northern Lough Family Support Hub",
            "Police Service of Northern Ireland (PSNI)",
        ),
        meeting="Child Protection Case Conference",
        lead="Lead social worker",
        letter_words=(
            "What the Child Protection Case Conference decided",
            "Ada is now on the Child Protection Register",
            "Your lead social worker is Sam Worker",
            "Northern Ireland Public Services Ombudsman",
        ),
        minutes_words=(
            "Child Protection Case Conference: minutes",
            "Decision Child protection plan",
            "Categories Neglect",
            "Lead social worker Sam Worker",
        ),
        not_words=(
            "care and support protection plan",
            "lead professional",
            "Planning Meeting",
            "Child Protection Conference",
            "child's plan",
        ),
    ),
)
