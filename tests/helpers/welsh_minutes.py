"""The Wales profile in Welsh words, and the demo conference held under it."""

from __future__ import annotations

import dataclasses
from datetime import date

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import Language
from cpc_desktop.domain.profile import Profile
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile

TODAY = date(2026, 11, 23)

#: The title of one item that the chair typed for this conference: printed as typed.
TYPED_TITLE = "Information from each agency, with the school's own report"


def wales() -> Profile:
    return load_profile("wales")


def welsh(profile: Profile) -> Profile:
    """``profile`` (Wales) with its words in Welsh: its own ``[translations.cy]``."""
    return profile.in_language(Language.WELSH)


def agenda_cy() -> dict[str, str]:
    """The Welsh title of each item of the Wales initial conference's agenda, by key."""
    return {item.key: item.title for item in welsh(wales()).agenda.initial}


def wales_record() -> d.ConferenceRecord:
    """The demo's initial conference held under the Wales profile: its agenda carries
    the profile's English titles, but for one item whose title the chair typed."""
    record = build_demo_records(TODAY)[0]
    titles = {item.key: item.title for item in wales().agenda.initial}
    agenda = tuple(
        dataclasses.replace(
            item,
            title=TYPED_TITLE if item.key == "agency_information" else titles[item.key],
        )
        for item in record.agenda
    )
    conference = dataclasses.replace(record.conference, profile="wales")
    return dataclasses.replace(record, conference=conference, agenda=agenda)
