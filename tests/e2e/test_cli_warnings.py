"""The command never shows a user a warning raised inside another package.

`cli.run` (the console script's entry) runs in a child process with Python's default
warning filters, as from a user's shell. `verify` as installed: tests/e2e/test_cli_output.py.
"""

from __future__ import annotations

import sys
import textwrap

import pytest

from tests.helpers.processes import as_a_user

# A function whose module is `somelib` (a stand-in for any other package) or one of ours,
# put in place of the `list` command; `run` reads sys.argv as the console script does.
NOISY = textwrap.dedent(
    """
    import sys, warnings
    from cpc_desktop import cli

    def noisy(module):
        space = {"__name__": module, "warnings": warnings}
        exec("def command(args):\\n    warnings.warn('from ' + __name__)\\n    return 0", space)
        return space["command"]

    cli.COMMANDS["list"] = noisy(sys.argv[1])
    sys.argv = ["cpc-desktop", "list", "--db", "unused.db"]
    raise SystemExit(cli.run())
    """
)


@pytest.mark.parametrize(
    ("module", "debug", "shown"),
    [
        ("somelib.sign", "", False),
        ("cpc_desktop_lookalike", "", False),
        ("somelib.sign", "1", True),
        ("cpc_desktop.services.minutes", "", True),
    ],
)
def test_only_our_own_warnings_reach_stderr(module: str, debug: str, shown: bool) -> None:
    extra = {"CPC_DEBUG": debug} if debug else {}
    done = as_a_user(sys.executable, "-c", NOISY, module, env=extra)
    assert done.returncode == 0, done.stderr
    assert (f"UserWarning: from {module}" in done.stderr) is shown, done.stderr
    if not shown:
        assert done.stderr == ""
