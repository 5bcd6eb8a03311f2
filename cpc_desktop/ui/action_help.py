"""What the help page and the key-clash test read from the declared commands
(:data:`cpc_desktop.ui.actions.SPECS`): the shortcut tables by scope, and any two
commands that share a key where both can be active at once."""

from __future__ import annotations

from collections.abc import Iterable

from cpc_desktop.ui.actions import SPECS, ActionId, ActionSpec, Scope, shortcut_text


def help_sections() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The help page's shortcut tables: (scope heading, [(command, keys, what it does)])."""
    sections = []
    for scope in Scope:
        rows = [
            (spec.name, shortcut_text(action_id), spec.tip)
            for action_id, spec in SPECS.items()
            if spec.scope is scope and spec.keys
        ]
        if rows:
            sections.append((scope.value, rows))
    return sections


def key_clashes(specs: Iterable[tuple[ActionId, ActionSpec]] | None = None) -> list[str]:
    """Two commands with one key that can be active at once (one scope within the other)."""
    pairs = list(SPECS.items() if specs is None else specs)
    found: list[str] = []
    for at, (first_id, first) in enumerate(pairs):
        for second_id, second in pairs[at + 1 :]:
            if (
                first.scope not in second.scope.enclosing()
                and second.scope not in first.scope.enclosing()
            ):
                continue
            shared = {k.toString() for k in first.sequences()} & {
                k.toString() for k in second.sequences()
            }
            found.extend(f"{key}: {first_id} and {second_id}" for key in sorted(shared))
    return found
