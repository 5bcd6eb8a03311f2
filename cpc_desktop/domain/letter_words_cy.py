"""The fixed wordings of an outcome letter in Welsh (see :mod:`.letter_words`).

Written for the product in plain, modern Welsh: "chi" to adults, "ti" to a child. Names
are never mutated, so a name or a profile term (``{plan}``, ``{core}``) only follows words
after which its first letter stays as it is; dates said as "on" a day take the soft
mutation ("ddydd Llun"). Every term is in docs/welsh-glossary.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cpc_desktop.domain.dates import long_date, plain_date, welsh_on_date
from cpc_desktop.domain.enums import AdministrativeEnding, Language, Outcome
from cpc_desktop.domain.letter_words import LetterWords, Reader

_VOWELS = frozenset("aeiouyâêîôûŷáéíóúàèìòùäëïöüÿ")
# The aspirate mutation a word takes after "a" (and): c, p, t become ch, ph, th.
_ASPIRATE = {"c": "ch", "p": "ph", "t": "th"}


def _and(word: str) -> str:
    """ "a" (and) before a consonant, "ac" before a vowel."""
    return "ac" if word[:1].casefold() in _VOWELS else "a"


def join(words: Sequence[str], labels: bool = False) -> str:
    """``a``, ``a ac b``, ``a, b a c``: a label (not a name) after "a" takes the aspirate
    mutation ("esgeulustod a cham-drin corfforol"); a name never does."""
    if len(words) < 2:
        return "".join(words)
    last = words[-1]
    conjunction = _and(last)
    if labels and conjunction == "a" and last[:1] in _ASPIRATE:
        last = _ASPIRATE[last[:1]] + last[1:]
    return f"{', '.join(words[:-1])} {conjunction} {last}"


def _date(day: date) -> str:
    return long_date(day, Language.WELSH)


WORDS = LetterWords(
    language=Language.WELSH,
    join=join,
    you=None,  # "am ti" would need "amdanat ti": the child is named by first name
    now=("nawr", "o hyd"),
    outcomes={
        Reader.FAMILY: {
            Outcome.CP_PLAN: "Mae {name} {registered} {now}. Bydd y {plan} yn nodi sut y"
            " bydd pawb yn helpu i gadw {name} yn ddiogel ac yn iach.",
            Outcome.CIN_PLAN: "Nid oes angen {plan} ar {name}. Yn lle hynny, bydd {support}"
            " ar gyfer {name}, fel bod y teulu'n dal i gael help.",
            Outcome.NO_FURTHER_ACTION: "Nid oes angen {plan} ar {name}, ac nid oes angen"
            " unrhyw gynllun arall ar hyn o bryd.",
            Outcome.ADJOURN: "Nid yw'r cyfarfod wedi gwneud penderfyniad am {name} eto. Bydd"
            " yn cyfarfod eto i benderfynu.",
            Outcome.END_PLAN: "Mae'r {plan} ar gyfer {name} wedi dod i ben.{still_registered}",
        },
        Reader.CHILD: {
            Outcome.CP_PLAN: "Rwyt ti {registered} {now}. Bydd y {plan} yn nodi sut y bydd"
            " yr oedolion o dy gwmpas yn helpu i dy gadw di'n ddiogel ac yn iach.",
            Outcome.CIN_PLAN: "Nid oes angen {plan} arnat ti. Yn lle hynny, bydd {support}"
            " ar dy gyfer di, fel dy fod ti a'th deulu'n dal i gael help.",
            Outcome.NO_FURTHER_ACTION: "Nid oes angen {plan} arnat ti. Does dim angen i ni"
            " wneud unrhyw gynllun arall i ti ar hyn o bryd.",
            Outcome.ADJOURN: "Dydyn ni ddim wedi penderfynu eto. Byddwn ni'n cyfarfod eto cyn"
            " bo hir i benderfynu.",
            Outcome.END_PLAN: "Mae'r {plan} ar dy gyfer di wedi dod i ben.{still_registered}",
        },
        Reader.PROFESSIONAL: {
            Outcome.CP_PLAN: "Mae {name} {registered} {now}.",
            Outcome.CIN_PLAN: "Nid oes angen {plan} ar {name}; bydd {support} yn cael ei roi"
            " ar waith.",
            Outcome.NO_FURTHER_ACTION: "Nid oes angen {plan} ar {name}; nid oes angen"
            " gweithredu pellach.",
            Outcome.ADJOURN: "Ni wnaed penderfyniad am {name}: cafodd y cyfarfod ei ohirio, a"
            " bydd yn ailymgynnull.",
            Outcome.END_PLAN: "Mae'r {plan} ar gyfer {name} wedi dod i ben.{still_registered}",
        },
    },
    no_longer_registered=(
        " Nid yw {name} {registered} mwyach.",
        " Nid wyt ti {registered} mwyach.",
    ),
    possessive=("{name}", "dy"),  # unused: the Welsh wordings say "ar gyfer {name}"
    endings={
        AdministrativeEnding.TURNED_18: (
            "Trodd {name} yn 18 oed{when}.",
            "Troaist ti'n 18 oed{when}.",
        ),
        AdministrativeEnding.MOVED_AUTHORITY: (
            "Symudodd {name} i fyw mewn ardal arall{when}, ac mae'r ardal honno wedi cymryd"
            " y cynllun drosodd.",
            "Symudaist ti i fyw mewn ardal arall{when}, ac mae'r ardal honno wedi cymryd y"
            " cynllun drosodd.",
        ),
        AdministrativeEnding.DIED: ("Bu farw {name}{when}.", "Bu farw {name}{when}."),
        AdministrativeEnding.LEFT_UK: (
            "Symudodd {name} i fyw y tu allan i'r Deyrnas Unedig{when}.",
            "Symudaist ti i fyw y tu allan i'r Deyrnas Unedig{when}.",
        ),
    },
    on_day=lambda day: f" ar {plain_date(day, Language.WELSH)}",
    long_date=_date,
    on_date=welsh_on_date,
    about={
        Reader.FAMILY: "Am {names}: ",
        Reader.CHILD: "Am {names}: ",
        Reader.PROFESSIONAL: "{names}: ",
    },
    category_one="Y {singular} ar gyfer {name} yw {label}.",
    categories_many="Y {plural} ar gyfer {name} yw {labels}.{main}",
    category_main=" Y {singular} pennaf yw {label}.",
    lead_worker_for="{name} (ar gyfer {names})",
    contact_for="Ar gyfer {names}: {contact}",
    first_core_group={
        Reader.FAMILY: "Bydd cyfarfod cyntaf y {core} ar gyfer {names} {on_date}.",
        Reader.CHILD: "Bydd y bobl sy'n helpu gyda'r cynllun yn cyfarfod am y tro cyntaf"
        " {on_date}.",
        Reader.PROFESSIONAL: "Cyfarfod cyntaf y {core} ar gyfer {names}: {date}.",
    },
    review={
        Reader.FAMILY: "Bydd cyfarfod adolygu ar gyfer {names} {on_date}, i edrych ar sut mae"
        " pethau'n mynd.",
        Reader.CHILD: "Bydd cyfarfod arall amdanat ti {on_date}, i weld sut mae pethau'n mynd.",
        Reader.PROFESSIONAL: "Cynhadledd adolygu ar gyfer {names}: {date}.",
    },
    core_group_explained="Mae'r {core} (eich teulu a'r gweithwyr sy'n helpu gyda'r cynllun)"
    " yn cyfarfod yn aml i wneud yn siŵr bod y cynllun yn gweithio.",
    signatory_title="Cadeirydd annibynnol",
    reference_label="Ein cyfeirnod:",
    page_label="Tudalen {page} o {pages}",
)
