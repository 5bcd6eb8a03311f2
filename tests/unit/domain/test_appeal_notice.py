"""Northern Ireland: the family is told in writing of the right to appeal (domain.md §8).

A profile with ``appeals = true`` must say so in its complaints route, which each family
letter must carry; every NI family letter, after every outcome, then tells the reader in
plain words that they can appeal and how.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest

from cpc_desktop.domain.appeals import may_appeal
from cpc_desktop.domain.conference import ConferenceRecord, Participant
from cpc_desktop.domain.enums import Outcome, ParticipantRole, Side
from cpc_desktop.domain.letters import FAMILY_KINDS, LetterKind
from cpc_desktop.domain.profile import ProfileError
from cpc_desktop.domain.profile_reader import parse_profile
from tests.unit.domain.test_letters import (
    KAI,
    LILY,
    PROFILES,
    THEO,
    compose,
    ended,
    harland,
    text_of,
    with_decision,
)
from tests.unit.domain.test_profile import changed

NI = PROFILES["northern_ireland"]
#: Who each family letter goes to in the Harland record.
READERS = {
    LetterKind.PARENT: "Justyna Harland",
    LetterKind.EXCLUDED_PARENT: "Dean Harland",
    LetterKind.CHILD: "Kai Harland",
}


def nothing_further() -> ConferenceRecord:
    record = harland()
    for child in (KAI, LILY, THEO):
        record = with_decision(
            record,
            child,
            outcome=Outcome.NO_FURTHER_ACTION,
            threshold_met=False,
            categories=(),
            primary_category=None,
            reason="The family is doing well.",
        )
    return record


RECORDS = {"plans": harland, "no-further-action": nothing_further, "plans-ended": ended}


def test_only_northern_ireland_has_appeals() -> None:
    assert {key: profile.appeals for key, profile in PROFILES.items()} == {
        "england": False,
        "wales": False,
        "scotland": False,
        "northern_ireland": True,
    }


def test_every_family_kind_is_covered() -> None:
    assert set(READERS) == FAMILY_KINDS


@pytest.mark.parametrize("outcome", sorted(RECORDS))
@pytest.mark.parametrize("kind", sorted(READERS), ids=str)
def test_every_northern_ireland_family_letter_gives_the_right_to_appeal(
    kind: LetterKind, outcome: str
) -> None:
    body = text_of(compose(RECORDS[outcome](), kind=kind, name=READERS[kind], profile=NI))
    plain = " ".join(body.split())

    assert "you have the right to appeal" in plain
    assert "how to appeal and the time limit" in plain
    assert "The decision stays in place while your appeal" in plain


@pytest.mark.parametrize("kind", [LetterKind.PARENT, LetterKind.EXCLUDED_PARENT], ids=str)
def test_a_parent_is_told_the_letter_is_their_written_notice(kind: LetterKind) -> None:
    body = " ".join(text_of(compose(kind=kind, name=READERS[kind], profile=NI)).split())
    assert "This letter is also your written notice of the right to appeal." in body


def ni_data() -> dict[str, Any]:
    folder = resources.files("cpc_desktop") / "resources" / "profiles"
    return tomllib.loads((folder / "northern_ireland.toml").read_text("utf-8"))


def test_a_profile_with_appeals_must_say_so_in_its_complaints_route() -> None:
    data = ni_data()
    data["complaints_route"] = "Please tell the chair first, then use the complaints procedure."
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    assert str(caught.value) == (
        "complaints_route: must tell the family of the right to appeal, as appeals = true"
    )
    data["appeals"] = False
    assert parse_profile(data).appeals is False


def test_every_family_letter_must_carry_the_complaints_route() -> None:
    """So a route that speaks of the appeal reaches every family letter."""
    for kind in sorted(FAMILY_KINDS):
        data = ni_data()
        body = data["letters"][kind.value]["body"]
        data["letters"][kind.value]["body"] = body.replace("{complaints_route}", "")
        with pytest.raises(ProfileError, match=rf"^letters\.{kind.value}\.body: must include "):
            parse_profile(data)


def test_the_flag_is_true_or_false() -> None:
    with pytest.raises(ProfileError, match=r"^appeals: expected true or false, got 'yes'$"):
        parse_profile(changed("appeals", "yes"))
    assert parse_profile(changed("appeals", False)).appeals is False


@pytest.mark.parametrize(
    ("role", "responsibility", "side", "may"),
    [
        (ParticipantRole.PARENT, False, None, True),
        (ParticipantRole.CARER, False, None, True),
        (ParticipantRole.FAMILY_MEMBER, True, None, True),
        (ParticipantRole.FAMILY_MEMBER, False, None, False),
        (ParticipantRole.SUPPORTER, True, None, True),
        (ParticipantRole.PROFESSIONAL, True, None, False),
        (ParticipantRole.PROFESSIONAL, True, Side.FAMILY, True),
        (ParticipantRole.SOCIAL_WORKER, False, None, False),
    ],
)
def test_who_may_appeal(
    role: ParticipantRole, responsibility: bool, side: Side | None, may: bool
) -> None:
    person = Participant(
        id="p", name="P", role=role, parental_responsibility=responsibility, side=side
    )
    assert may_appeal(person) is may
