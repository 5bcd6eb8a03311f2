"""The Wales profile in Welsh words, and the demo conference held under it.

Until the profile's own ``[translations.cy]`` is read (``Profile.in_language``), the
tests of the Welsh minutes build the translated profile with ``dataclasses.replace``.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import ConferenceType
from cpc_desktop.domain.profile import Category, Profile, Terminology
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile

TODAY = date(2026, 11, 23)

TERMINOLOGY_CY = Terminology(
    meeting_name="Cynhadledd Amddiffyn Plant",
    meeting_abbreviation="CAP",
    plan_name="cynllun amddiffyn gofal a chymorth",
    support_plan_name="cynllun gofal a chymorth",
    register_name="Cofrestr Amddiffyn Plant",
    registered_phrase="ar y Gofrestr Amddiffyn Plant",
    lead_worker_title="cydgysylltydd y cynllun amddiffyn gofal a chymorth",
    core_group_name="grŵp craidd",
    category_singular="categori",
    category_plural="categorïau",
    strategy_discussion_name="trafodaeth strategaeth",
    decision_maker="yr ymarferwyr yn y gynhadledd",
)

CATEGORIES_CY = {
    "neglect": "Esgeulustod",
    "physical_abuse": "Cam-drin corfforol",
    "emotional_abuse": "Cam-drin emosiynol neu seicolegol",
    "sexual_abuse": "Cam-drin rhywiol",
    "financial_abuse": "Cam-drin ariannol",
}

AGENDA_CY = {
    "welcome": "Croeso a chyflwyniadau",
    "purpose": "Diben y gynhadledd a chyfrinachedd",
    "equality": "Cydraddoldeb, dewis iaith, anghenion cyfathrebu a gwahaniaeth proffesiynol",
    "apologies_reports": "Ymddiheuriadau, ac adroddiadau a ddaeth i law ac a rannwyd â'r teulu",
    "reason": "Pam y galwyd y gynhadledd, a chanlyniad yr ymholiadau",
    "agency_information": "Gwybodaeth gan bob asiantaeth",
    "childs_views": "Barn, dymuniadau a theimladau'r plentyn",
    "parents_views": "Barn y rhieni, y gofalwyr a'r teulu ehangach",
    "analysis": "Cryfderau, risgiau a dadansoddiad",
    "decision": "Penderfyniad ar gyfer pob plentyn: cofrestru a chategori",
    "plan": "Cynllun amlinellol, cydgysylltydd, grŵp craidd a chynllun wrth gefn",
    "future_meetings": "Dyddiadau'r grŵp craidd a'r adolygiad; sut i gwyno",
}

#: The title of one item that the chair typed for this conference: printed as typed.
TYPED_TITLE = "Information from each agency, with the school's own report"


def wales() -> Profile:
    return load_profile("wales")


def welsh(profile: Profile) -> Profile:
    """``profile`` (Wales) with its words in Welsh, as ``Profile.in_language`` gives it."""

    def items(kind: ConferenceType) -> tuple:
        return tuple(
            dataclasses.replace(item, title=AGENDA_CY.get(item.key, item.title))
            for item in profile.agenda.for_type(kind)
        )

    agenda = dataclasses.replace(
        profile.agenda, **{kind.value: items(kind) for kind in ConferenceType}
    )
    return dataclasses.replace(
        profile,
        terminology=TERMINOLOGY_CY,
        categories=tuple(Category(c.key, CATEGORIES_CY[c.key]) for c in profile.categories),
        agenda=agenda,
        complaints_route="Os nad ydych yn fodlon, dywedwch wrth y cadeirydd yn gyntaf.",
        protective_marking="SWYDDOGOL-SENSITIF",
    )


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
