"""The minutes' fixed words in Welsh (see :mod:`cpc_desktop.domain.minutes_words`).

Written for the product in plain modern Welsh, with the terms of docs/welsh-glossary.md
(section "Minutes" lists every term used here, for a fluent reviewer). People's names
are never mutated. A date reads "dydd Llun 7 Rhagfyr 2026" (``domain.dates``, the one
place with the Welsh months and days; no short month names: a table cell gives the whole
month, "7 Rhagfyr 2026").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from cpc_desktop.domain.dates import long_date, plain_date
from cpc_desktop.domain.enums import Language
from cpc_desktop.domain.labels import label as english_label
from cpc_desktop.domain.minutes_words import Wording


def welsh_date(day: date | None) -> str:
    """ "7 Rhagfyr 2026" ("" for no date)."""
    return plain_date(day, Language.WELSH)


def welsh_long_date(day: date | None) -> str:
    """ "dydd Llun 7 Rhagfyr 2026" ("" for no date)."""
    return long_date(day, Language.WELSH)


#: The Welsh for every coded value the minutes print, by the value's stored spelling.
LABELS_CY: Mapping[str, str] = MappingProxyType(
    {
        # ParticipantRole
        "chair": "Cadeirydd",
        "minute_taker": "Cofnodwr",
        "social_worker": "Gweithiwr cymdeithasol",
        "team_manager": "Rheolwr tîm",
        "professional": "Ymarferydd",
        "parent": "Rhiant",
        "carer": "Gofalwr",
        "family_member": "Aelod o'r teulu",
        "child": "Plentyn",
        "advocate": "Eiriolwr",
        "supporter": "Cefnogwr",
        "interpreter": "Cyfieithydd",
        "observer": "Sylwedydd",
        # AttendanceKind
        "present": "Yn bresennol",
        "apologies": "Ymddiheuriadau",
        "absent": "Absennol",
        "arrived": "Cyrhaeddodd",
        "left": "Gadawodd",
        "excluded": "Eithriwyd",
        # ExclusionGround
        "prejudice_to_welfare": "Gallai niweidio lles y plentyn",
        "violence_or_threats": "Trais neu fygythiadau",
        "unfit_to_take_part": "Ddim mewn cyflwr i gymryd rhan",
        "child_asked": "Gofynnodd y plentyn",
        "prevents_others": "Yn atal eraill rhag cymryd rhan",
        "confidential_information": "Gwybodaeth gyfrinachol",
        "family_conflict": "Gwrthdaro yn y teulu",
        # ChildParticipation
        "attends_all": "Yn bresennol ar gyfer y cyfarfod cyfan",
        "attends_part": "Yn bresennol ar gyfer rhan o'r cyfarfod",
        "written_or_drawn": "Barn wedi'i rhoi mewn ysgrifen neu luniau",
        "through_advocate": "Barn wedi'i rhoi drwy eiriolwr",
        "not_taking_part": "Ddim yn cymryd rhan",
        # MeetingMode
        "in_person": "Wyneb yn wyneb",
        "remote": "O bell",
        "hybrid": "Hybrid",
        # AnalysisSection (Signs of Safety)
        "harm": "Niwed",
        "danger": "Perygl",
        "complicating_factors": "Ffactorau sy'n cymhlethu",
        "working_well": "Beth sy'n gweithio'n dda",
        "next_steps": "Camau nesaf",
        "danger_statements": "Datganiadau perygl",
        "safety_goals": "Nodau diogelwch",
        # Tag
        "fact": "Ffaith",
        "observation": "Arsylwad",
        "allegation": "Honiad",
        "opinion": "Barn",
        # View and Outcome (the plans themselves are the profile's words)
        "no_further_action": "Dim camau pellach",
        "unsure": "Ansicr",
        "adjourn": "Gohiriwyd",
        # AdministrativeEnding
        "turned_18": "Wedi troi'n 18 oed",
        "moved_authority": "Wedi symud i awdurdod arall",
        "died": "Wedi marw",
        "left_uk": "Wedi gadael y Deyrnas Unedig",
        # MinutesState
        "draft": "Drafft",
        "approved": "Cymeradwywyd",
        "issued": "Cyhoeddwyd",
    }
)


def welsh_label(value: StrEnum) -> str:
    """The Welsh label of a coded value (the English one if the table has none)."""
    return LABELS_CY.get(str(value.value)) or english_label(value)


WELSH = Wording(
    tag="cy",
    title="{meeting}: cofnodion",
    family_copy_for="Copi'r teulu ar gyfer {who}",
    family_copy="Copi'r teulu",
    full_copy="Copi llawn: ymarferwyr yn unig",
    draft_mark="DRAFFT",
    page_label="Tudalen {page} o {pages}",
    details_heading="Manylion y gynhadledd",
    attendance_heading="Presenoldeb",
    contacts_heading="Manylion cyswllt: ymarferwyr yn unig",
    reports_heading="Adroddiadau",
    decisions_heading="Penderfyniadau",
    actions_heading="Camau gweithredu a gytunwyd",
    next_dates_heading="Y dyddiadau nesaf",
    approval_heading="Cymeradwyaeth",
    appendix_heading="Atodiad: yr hyn sy'n cael ei adael allan o gopïau'r teulu",
    statements_heading="Datganiadau o anghytundeb â'r cofnodion hyn",
    statement_from="Datganiad o anghytundeb gan {who}, wedi'i gadw gyda'r cofnod ers {date}",
    elsewhere="Mae hyn wedi'i gofnodi yng nghopi'r ymarferwyr.",
    withheld="Wedi'i gadw'n ôl ar gais y person hwn.",
    fields_left_out=(
        "Mae copïau'r teulu yn gadael allan yr hyn a ysgrifennwyd ar gyfer ymarferwyr yn "
        "unig: y rhesymau dros oedi a thros fynd ymlaen heb gworwm, sail a nodiadau pob "
        "eithrio, a'r rhesymau a roddwyd gyda barn asiantaethau ac anghytundeb, oni bai bod "
        "y cadeirydd wedi'u rhannu â'r teulu. Mae sail eithrio yn cael ei gadael allan o "
        "gopi'r person a gafodd ei eithrio, oni bai bod y cadeirydd wedi dewis ei dangos "
        "i'r person hwnnw."
    ),
    no_decision="Nid oes penderfyniad wedi'i gofnodi eto.",
    decided_by="Penderfynwyd gan {who}.",
    reference="Cyfeirnod",
    conference="Cynhadledd",
    date="Dyddiad",
    where="Lleoliad",
    local_authority="Awdurdod lleol",
    chair="Cadeirydd",
    minutes_taker="Cofnodwyd gan",
    minutes_version="Fersiwn y cofnodion",
    draft="drafft",
    meeting_time="Amser y cyfarfod",
    ran="{start} tan {end}",
    running_from="o {start}",
    paused_for="saib o {minutes} munud",
    late_reason="Pam roedd y gynhadledd yn hwyr",
    child="Plentyn",
    birth="Dyddiad geni, neu'r dyddiad y disgwylir y babi",
    taking_part="Cymryd rhan",
    expected="disgwylir ar {date}",
    name="Enw",
    role="Rôl",
    agency="Asiantaeth neu berthynas",
    attendance="Presenoldeb",
    not_quorate="Nid oedd cworwm yn y gynhadledd. Aeth y cadeirydd ymlaen oherwydd",
    quorum="Cworwm",
    quorate="Roedd cworwm yn y gynhadledd.",
    adjourned="Gohiriwyd",
    adjourned_inquorate=(
        "Nid oedd cworwm yn y gynhadledd, felly ni wnaeth benderfyniad a bydd yn ailymgynnull."
    ),
    adjourned_information=(
        "Nid oedd digon o wybodaeth i benderfynu, felly ni wnaeth y gynhadledd "
        "benderfyniad a bydd yn ailymgynnull."
    ),
    transferred_from="Wedi'i throsglwyddo o",
    kept_responsibility=(
        "Roedd {authority} yn dal yn gyfrifol am y cynllun amddiffyn plant tan y gynhadledd hon."
    ),
    excluded="Eithriwyd",
    until_end="y diwedd",
    no_grounds="dim sail wedi'i chofnodi",
    invited_only="Gwahoddwyd; ni chofnodwyd presenoldeb",
    in_the_room="yn yr ystafell",
    on_video="ar fideo",
    by_phone="ar y ffôn",
    who="Pwy",
    address="Cyfeiriad",
    telephone="Ffôn",
    email="E-bost",
    workplace="Ysgol neu weithle",
    no_reports="Ni chofnodwyd unrhyw adroddiadau ysgrifenedig.",
    report_from="Gan",
    received="Adroddiad wedi dod i law",
    shared="Wedi'i rannu â'r teulu",
    not_obtained="Heb ei gael",
    not_discussed="Ni thrafodwyd hyn.",
    nothing_minuted="Ni chofnodwyd dim.",
    restricted="CYFYNGEDIG: ymarferwyr yn unig",
    safety_scale="Graddfa diogelwch",
    scale_anchors=(
        "Mae {low} yn golygu: mae'r perygl mor ddifrifol fel na all y plentyn ddal i fyw'n "
        "ddiogel gyda'r rhieni. Mae {high} yn golygu: mae pawb sy'n ymwneud â'r plentyn yn "
        "fodlon ei fod bellach yn ddigon diogel i'r gwaith amddiffyn plant ddod i ben."
    ),
    score="Sgôr ({low}-{high})",
    why="Pam",
    a_child="Plentyn",
    threshold="Y trothwy ar gyfer cynllun",
    met="Wedi'i gyrraedd",
    not_met="Heb ei gyrraedd",
    not_answered="Heb ei ateb",
    decision="Penderfyniad",
    not_decided="Heb ei benderfynu",
    reasons="Rhesymau",
    ending="Dod i ben",
    contact="Manylion cyswllt",
    contingency="Cynllun wrth gefn",
    not_recorded="Heb ei gofnodi.",
    child_views="Barn y plentyn",
    parents_views="Barn y rhieni",
    agency_view="Barn asiantaeth",
    recommends="Yn argymell",
    dissent_from="Anghytundeb gan {who}",
    plan_action="Cynllun amlinellol: cam gweithredu",
    by="Erbyn",
    outcome_wanted="Y canlyniad a ddymunir",
    meets="Mae'r grŵp craidd yn cyfarfod",
    progress_heading="Cynnydd ar y cynllun",
    progress="Cynnydd",
    behind="Heb ddechrau neu ar ei hôl hi (coch)",
    under_way="Ar y gweill (ambr)",
    done="Wedi gorffen (gwyrdd)",
    not_judged="Heb ei farnu eto",
    scale_over_plan="Graddfa diogelwch dros gyfnod y cynllun",
    scale_history_intro=(
        "Sgôr pob person ym mhob cynhadledd o'r cynllun, yn ôl dyddiad; mae'r siart yn "
        "dangos yr un sgorau."
    ),
    no_actions="Ni nodwyd unrhyw gamau gweithredu yn ystod y cyfarfod.",
    action="Cam gweithredu",
    some_child="plentyn",
    no_meetings="Ni threfnwyd unrhyw gyfarfodydd pellach.",
    not_approved="Drafft yw'r cofnodion hyn. Nid yw'r cadeirydd wedi'u cymeradwyo.",
    version="Fersiwn",
    state="Cyflwr",
    approved_by="Cymeradwywyd gan",
    approved_at="Cymeradwywyd ar",
    issued_at="Cyhoeddwyd ar",
    fingerprint="Ôl bys y cynnwys (SHA-256)",
    changes="Newidiadau ers y fersiwn flaenorol",
    why_restricted="Cyfyngedig: ymarferwyr yn unig",
    why_excluded="Dywedwyd pan eithriwyd {who}",
    why_edited="Golygwyd tra oedd {who} allan o'r ystafell",
    awaiting="wedi'i adael allan nes i'r cadeirydd benderfynu",
    appendix_intro=(
        "Mae'r cofnodion hyn yn y copi llawn hwn ac yn cael eu gadael allan o gopïau'r "
        "teulu (mewn copi a wnaed i un person, dim ond eithriadau'r person hwnnw sy'n "
        "cyfrif)."
    ),
    agenda_item="Eitem ar yr agenda",
    time="Amser",
    speaker="Siaradwr",
    why_left_out="Pam y'i gadawyd allan",
    long_date=welsh_long_date,
    short_date=welsh_date,
    label=welsh_label,
)
