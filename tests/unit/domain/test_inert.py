"""Names made inert: bidi controls stay inside the name; terminals see escapes."""

from __future__ import annotations

import re

from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from cpc_desktop.domain.inert import BIDI_CONTROLS, balanced, for_terminal, isolated

RLO, LRE, PDF, FSI, RLI, PDI, RLM = (
    "\u202e",
    "\u202a",
    "\u202c",
    "\u2068",
    "\u2067",
    "\u2069",
    "\u200f",
)
CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_plain_text_is_left_alone() -> None:
    assert isolated("Jane Smith") == "Jane Smith"
    assert isolated("") == ""
    assert balanced("علي") == "علي"


def test_open_controls_are_closed_at_the_end_of_each_line() -> None:
    assert balanced(f"{RLO}Ali") == f"{RLO}Ali{PDF}"
    assert balanced(f"{RLI}{LRE}x") == f"{RLI}{LRE}x{PDF}{PDI}"
    assert balanced(f"{RLO}a\nb") == f"{RLO}a{PDF}\nb"
    assert isolated(f"{RLO}Ali") == f"{FSI}{RLO}Ali{PDF}{PDI}"
    assert isolated(f"{RLM}a\nb") == f"{FSI}{RLM}a{PDI}\n{FSI}b{PDI}"


def test_closers_that_match_nothing_are_dropped() -> None:
    assert balanced(f"a{PDF}b{PDI}c") == "abc"
    # A PDF cannot close an embedding from outside the isolate it sits in.
    assert balanced(f"{LRE}{RLI}x{PDF}") == f"{LRE}{RLI}x{PDI}{PDF}"
    # A PDI closes its isolate and every embedding opened inside it.
    assert balanced(f"{RLI}{LRE}{RLO}x{PDI}y") == f"{RLI}{LRE}{RLO}x{PDI}y"


def test_terminal_text_shows_controls_as_escapes() -> None:
    assert for_terminal("Jane Smith, علي") == "Jane Smith, علي"
    assert for_terminal(f"Ali{RLO}x") == "Ali\\u202ex"
    assert for_terminal("a\x1b[31mb\tc\nd\re\x9b\x7f\u2028") == (
        "a\\x1b[31mb\\tc\\nd\\re\\x9b\\x7f\\u2028"
    )


@given(
    st.lists(
        st.text(alphabet=st.sampled_from("abAB عل-,." + CONTROLS), max_size=12),
        min_size=1,
        max_size=4,
    )
)
def test_a_name_cannot_reorder_the_text_around_it(names: list[str]) -> None:
    line = ", ".join(isolated(n) for n in names) + ", Jane Smith"
    display = BIDI_CONTROLS.sub("", str(get_display(line, base_dir="L")))
    assert display.endswith(", Jane Smith")


@given(st.text(max_size=40))
def test_terminal_text_holds_no_control_character(text: str) -> None:
    shown = for_terminal(text)
    assert re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", shown) is None
    assert BIDI_CONTROLS.search(shown) is None


def test_json_for_a_terminal_escapes_what_a_terminal_acts_on_and_parses_back() -> None:
    import json

    from cpc_desktop.domain.inert import json_for_terminal

    value = {"reference": "CPC\u009b31m-\u009d0;x\u009c\u2028" + RLO + "A"}
    text = json_for_terminal(json.dumps(value, ensure_ascii=False))
    assert not re.search("[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]", text)
    assert "\\u009b" in text and "\\u202e" in text
    assert json.loads(text) == value
    assert json_for_terminal('{"a": "plain"}') == '{"a": "plain"}'
