"""A local authority's settings file: loaded, checked line by line, and on every document.

The example for each nation in ``docs/authorities`` is the one README and
``docs/profiles.md`` point an authority to; each must load and reach the letters and
minutes of a conference made under it.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from cpc_desktop.domain.enums import ConferenceType, Nation, UserRole
from cpc_desktop.domain.letters import LetterRequest
from cpc_desktop.domain.profile import ProfileError
from cpc_desktop.services.conferences import ConferenceService, NewChild, NewConference
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile, profile_choices
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.stores import TickingClock, new_store

EXAMPLES = Path(__file__).parents[3] / "docs" / "authorities"
NATIONS = {
    "fenbridge": Nation.ENGLAND,
    "bro-tawel": Nation.WALES,
    "glenmorven": Nation.SCOTLAND,
    "northern-lough": Nation.NORTHERN_IRELAND,
}
CHAIR = Actor("Demo Chair", UserRole.CHAIR)
TODAY = date(2026, 11, 23)


def _install(authorities: Path, *ids: str) -> None:
    for profile_id in ids:
        shutil.copy(EXAMPLES / f"{profile_id}.toml", authorities / f"{profile_id}.toml")


@pytest.mark.parametrize("profile_id", sorted(NATIONS))
def test_each_nations_example_loads_with_its_authority(authorities: Path, profile_id: str) -> None:
    _install(authorities, profile_id)
    profile = load_profile(profile_id)
    assert profile.nation is NATIONS[profile_id]
    assert profile.authority is not None and profile.authority.address
    assert "@" in profile.authority.email
    # The local agencies are added to the nation's list, which stays whole.
    nation = load_profile(NATIONS[profile_id].value)
    assert len(profile.quorum.agencies) > len(nation.quorum.agencies)


def test_the_examples_are_offered_by_name_before_the_nations(authorities: Path) -> None:
    _install(authorities, *NATIONS)
    labels = [c.label for c in profile_choices()]
    assert labels == [
        "Bro Tawel County Borough Council (Wales)",
        "Fenbridge County Council (England)",
        "Glenmorven Council (Scotland)",
        "Northern Lough Health and Social Care Trust (Northern Ireland)",
        "England",
        "Northern Ireland",
        "Scotland",
        "Wales",
    ]
    assert all(c.problem is None for c in profile_choices())


def test_a_broken_file_is_listed_with_its_file_line_and_problem(authorities: Path) -> None:
    text = (EXAMPLES / "fenbridge.toml").read_text(encoding="utf-8")
    broken = text.replace("minutes_days = 20", "minutes_days = 0")
    (authorities / "fenbridge.toml").write_text(broken, encoding="utf-8")
    line = broken.splitlines().index(
        next(t for t in broken.splitlines() if t.startswith("minutes_days = 0"))
    )
    (choice,) = [c for c in profile_choices() if c.id == "fenbridge"]
    assert choice.problem == (
        f"{authorities / 'fenbridge.toml'}, line {line + 1}: timescales.minutes_days: "
        "expected from 1 day to 366 days, got 0"
    )
    with pytest.raises(ProfileError, match=r"line \d+: timescales.minutes_days"):
        load_profile("fenbridge")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("email = ", 'email = "not an address"\n#'), "authority.email: expected an email"),
        (("address = ", "address = []\n#"), "authority.address: missing"),
        (("[authority]", "[authority]\nmotto = 'x'"), "authority.motto: unknown key"),
        (
            ('name = "Fenbridge County Council"\n\n#', 'nme = "x"\n\n#'),
            "line 11: nme: unknown key (did you mean 'name'?)",
        ),
    ],
)
def test_each_authority_mistake_names_its_line(
    authorities: Path, change: tuple[str, str], message: str
) -> None:
    text = (EXAMPLES / "fenbridge.toml").read_text(encoding="utf-8")
    old, new = change
    assert old in text
    (authorities / "fenbridge.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        load_profile("fenbridge")
    assert str(raised.value).startswith(f"{authorities / 'fenbridge.toml'}")
    assert message in str(raised.value)


def test_a_conference_made_under_an_authority_carries_its_name_and_letterhead(
    authorities: Path, tmp_path: Path
) -> None:
    _install(authorities, "bro-tawel")
    store = new_store(tmp_path)
    chair = ConferenceService(store, CHAIR, TickingClock())
    made = chair.create_conference(
        NewConference(
            ConferenceType.INITIAL,
            date(2026, 12, 14),
            (NewChild("Ada", "Quinn", date(2020, 1, 1)),),
            profile="bro-tawel",
            strategy_discussion_date=date(2026, 12, 1),
        )
    )
    assert made.local_authority == "Bro Tawel County Borough Council"
    assert made.profile == "bro-tawel"
    store.close()


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_letters_and_minutes_carry_the_authoritys_details(
    authorities: Path, tmp_path: Path
) -> None:
    _install(authorities, "fenbridge")
    demo = build_demo_records(TODAY)[0]
    record = dataclasses.replace(
        demo,
        conference=dataclasses.replace(
            demo.conference, profile="fenbridge", local_authority="Fenbridge County Council"
        ),
    )
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(record)
    session = Session(store, CHAIR, TickingClock(datetime(2026, 11, 23, 12, tzinfo=UTC)))
    try:
        ref = record.conference.reference
        plan = session.letters.plan(ref)[0]
        request = LetterRequest(
            plan.need.kind,
            plan.need.recipient_id,
            plan.need.recipient_name or "X",
            ("1 Mill Lane",),
        )
        words = _text(session.letters.preview(ref, request).data)
        for line in (
            "Safeguarding and Quality Assurance Service",
            "County Hall",
            "FB1 2CC",
            "Telephone 01632 960 000",
            "cp.conferences@fenbridge.example.org",
        ):
            assert line in words
        minutes = _text(session.minutes.preview(ref).data)
        assert "Fenbridge County Council" in minutes
    finally:
        session.close()
