"""The fixed wordings of an outcome letter in English (see :mod:`.letter_words`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cpc_desktop.domain.dates import long_date
from cpc_desktop.domain.enums import AdministrativeEnding, Language, Outcome
from cpc_desktop.domain.letter_words import LetterWords, Reader


def join(words: Sequence[str], labels: bool = False) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _on_date(day: date) -> str:
    return f"on {long_date(day)}"


WORDS = LetterWords(
    language=Language.ENGLISH,
    join=join,
    you="you",
    now=("now", "still"),
    outcomes={
        Reader.FAMILY: {
            Outcome.CP_PLAN: "{Name} is {now} {registered}. {The_plan} will set out how"
            " everyone will help to keep {name} safe and well.",
            Outcome.CIN_PLAN: "{Name} does not need a {plan}. Instead, {name} will have a"
            " {support}, so that the family keeps getting help.",
            Outcome.NO_FURTHER_ACTION: "{Name} does not need a {plan}, and no other plan is"
            " needed at the moment.",
            Outcome.ADJOURN: "The meeting has not yet made a decision about {name}. It will"
            " meet again to decide.",
            Outcome.END_PLAN: "{Possessive} {plan} has ended.{still_registered}",
        },
        Reader.CHILD: {
            Outcome.CP_PLAN: "You are {now} {registered}. {The_plan} will set out how the"
            " adults around you will help to keep you safe and well.",
            Outcome.CIN_PLAN: "You do not need a {plan}. Instead, you will have a {support},"
            " so that you and your family keep getting help.",
            Outcome.NO_FURTHER_ACTION: "You do not need a {plan}. We do not need to make any"
            " other plan for you right now.",
            Outcome.ADJOURN: "We have not decided yet. We will meet again soon to decide.",
            Outcome.END_PLAN: "Your {plan} has ended.{still_registered}",
        },
        Reader.PROFESSIONAL: {
            Outcome.CP_PLAN: "{Name} is {now} {registered}.",
            Outcome.CIN_PLAN: "{Name} does not need a {plan}; a {support} will be put in place.",
            Outcome.NO_FURTHER_ACTION: "{Name} does not need a {plan}; no further action is"
            " needed.",
            Outcome.ADJOURN: "No decision was made about {name}: the meeting was adjourned and"
            " will reconvene.",
            Outcome.END_PLAN: "{Possessive} {plan} has ended.{still_registered}",
        },
    },
    no_longer_registered=(" {Name} is no longer {registered}.", " You are no longer {registered}."),
    possessive=("{name}'s", "your"),
    endings={
        AdministrativeEnding.TURNED_18: ("{Name} turned 18{when}.", "You turned 18{when}."),
        AdministrativeEnding.MOVED_AUTHORITY: (
            "{Name} moved to live in another area{when}, and that area took over the plan.",
            "You moved to live in another area{when}, and that area took over the plan.",
        ),
        AdministrativeEnding.DIED: ("{Name} died{when}.", "{Name} died{when}."),
        AdministrativeEnding.LEFT_UK: (
            "{Name} moved to live outside the UK{when}.",
            "You moved to live outside the UK{when}.",
        ),
    },
    on_day=lambda day: f" {_on_date(day)}",
    long_date=long_date,
    on_date=_on_date,
    about={
        Reader.FAMILY: "About {names}: ",
        Reader.CHILD: "About {names}: ",
        Reader.PROFESSIONAL: "{names}: ",
    },
    category_one="The {singular} for {name} is {label}.",
    categories_many="The {plural} for {name} are {labels}.{main}",
    category_main=" The main {singular} is {label}.",
    lead_worker_for="{name} (for {names})",
    contact_for="For {names}: {contact}",
    first_core_group={
        Reader.FAMILY: "The first {core} meeting for {names} will be {on_date}.",
        Reader.CHILD: "The people helping with your plan will first meet {on_date}.",
        Reader.PROFESSIONAL: "First {core} meeting for {names}: {date}.",
    },
    review={
        Reader.FAMILY: "There will be a review meeting for {names} {on_date}, to look at how"
        " things are going.",
        Reader.CHILD: "There will be another meeting about you {on_date}, to see how things"
        " are going.",
        Reader.PROFESSIONAL: "Review {meeting} for {names}: {date}.",
    },
    core_group_explained="The {core} (your family and the workers who help with the plan)"
    " meets often to check that the plan is working.",
    signatory_title="Independent chair",
    reference_label="Our reference:",
    page_label="Page {page} of {pages}",
)
