"""``cpc-desktop demo`` makes the review of its main sample's plan: ``review actions``
shows the progress the demo judged, ``review new`` of the main sample is refused in one
line (it is reviewed already), and the chair judges one more action by its id.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli import PASSPHRASE, assert_one_line_error, demo, demo_template, run

__all__ = ["demo", "demo_template"]  # the fixtures, used by name


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CPC_USER", raising=False)


def test_the_demo_has_a_review_with_progress_judged(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    store = ("--db", str(demo))
    listed = json.loads(run(capsys, "list", *store, "--json")[1])
    main = next(c["reference"] for c in listed if c["reference"].endswith("-0001"))
    review = next(c["reference"] for c in listed if c["reference"].endswith("-0004"))
    assert next(c for c in listed if c["reference"] == review)["type"] == "review"

    code, out, err = run(capsys, "review", "actions", review, *store)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 9  # Lily's four actions and Theo's five
    ends = [line.rsplit("): ", 1)[1] for line in lines]
    assert ends.count("Not yet judged") == 4
    assert sum("Done (green)" in end for end in ends) == 2
    assert sum("Under way (amber)" in end for end in ends) == 2
    assert sum("Not started / behind (red)" in end for end in ends) == 1

    code, _, err = run(capsys, "review", "new", main, *store)
    assert_one_line_error(code, err, f"{main} is already reviewed by {review}")

    unjudged = next(line for line in lines if line.endswith("Not yet judged")).split()[0]
    code, out, err = run(capsys, "review", "status", review, unjudged, *store, "--status", "done")
    assert (code, err) == (0, "") and out.rstrip().endswith("Done (green)")
    after = run(capsys, "review", "actions", review, *store)[1].splitlines()
    assert [line.rsplit("): ", 1)[1] for line in after].count("Not yet judged") == 3
