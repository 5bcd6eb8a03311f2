"""What the tests run on is exactly the lock (requirements/test.txt, made by
scripts/lock.sh): the same versions, nothing more, every pin hashed."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def pins(lock: Path) -> dict[str, tuple[str, str | None]]:
    """name -> (version, marker) for every pinned line, checking each has a hash."""
    found: dict[str, tuple[str, str | None]] = {}
    lines = lock.read_text().splitlines()
    for number, line in enumerate(lines):
        if not line or line.startswith((" ", "#")):
            continue
        match = PIN.match(line)
        assert match, f"{lock.name}:{number + 1} is not an exact pin: {line}"
        assert lines[number + 1].strip().startswith("--hash=sha256:"), line
        name, version, marker = match.groups()
        found[canonicalize_name(name)] = (version, marker)
    return found


def wanted_here(lock: Path) -> dict[str, str]:
    return {
        name: version
        for name, (version, marker) in pins(lock).items()
        if marker is None or Marker(marker).evaluate()
    }


def installed() -> dict[str, str]:
    here = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    here.pop("cpc-desktop")  # the project itself, installed in place from this tree
    return here


def test_the_environment_is_the_test_lock() -> None:
    assert installed() == wanted_here(ROOT / "requirements" / "test.txt")


def test_the_application_lock_is_part_of_the_test_lock() -> None:
    app, full = pins(ROOT / "requirements" / "app.txt"), pins(ROOT / "requirements" / "test.txt")
    assert app, "requirements/app.txt pins nothing"
    assert {name: full.get(name) for name in app} == app


def test_every_declared_dependency_is_locked() -> None:
    from packaging.requirements import Requirement

    declared = metadata.requires("cpc-desktop") or []
    locked = pins(ROOT / "requirements" / "test.txt")
    for line in declared:
        requirement = Requirement(line)
        assert canonicalize_name(requirement.name) in locked, line
        version, _ = locked[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version, prereleases=True), (line, version)
