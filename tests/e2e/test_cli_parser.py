"""Each command's parser built alone (``cli_parser.py``) says exactly what the whole
parser says, and running one command imports no other command's module to describe it."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from cpc_desktop.cli import COMMANDS, build_parser

ASKS = [
    ["-h"],
    [],
    ["--db"],
    ["--db", "x.db", "--bogus"],
    ["--db", "x.db", "REF", "--out", "o.pdf", "extra"],
    ["list", "-h"],
    ["add", "--db", "x.db", "-h"],
]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_command_alone_says_what_the_whole_parser_says(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for ask in ASKS:
        said = []
        for only in (None, command):
            try:
                parsed: Any = vars(build_parser(only).parse_args([command, *ask]))
            except SystemExit as end:
                parsed = end.code
            said.append((parsed, capsys.readouterr()))
        assert said[0] == said[1], (command, ask)


def test_the_whole_parser_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser(None).parse_args(["--help"])
    listed = capsys.readouterr().out
    assert all(f"    {name} " in listed or f"    {name}\n" in listed for name in COMMANDS)


def test_minutes_imports_no_other_commands_module() -> None:
    code = (
        "import sys\n"
        "from cpc_desktop.cli import main\n"
        "try:\n    main(['minutes', '--help'])\nexcept SystemExit as e:\n    assert e.code == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('cpc_desktop.cli_')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "--recipient" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "['cpc_desktop.cli_parser']"


def test_version_alone_says_what_the_whole_parser_says(capsys: pytest.CaptureFixture[str]) -> None:
    said = []
    for only in (None, "--version"):
        with pytest.raises(SystemExit) as end:
            build_parser(only).parse_args(["--version"])
        said.append((end.value.code, capsys.readouterr()))
    assert said[0] == said[1] and said[0][0] == 0 and "cpc-desktop" in said[0][1].out
