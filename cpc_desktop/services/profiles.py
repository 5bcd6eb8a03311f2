"""Load jurisdiction profiles: a shipped TOML file, adjusted by an optional local file.

The shipped profiles live in the package (``cpc_desktop/resources/profiles/<id>.toml``)
and are read with :mod:`importlib.resources`, so they work from a wheel as well as from
a checkout. A local override file names only the keys it changes (see
:func:`cpc_desktop.domain.profile_reader.merge`). It may also start from a different shipped
profile and give the result its own id, which is how a local authority defines a
profile of its own::

    base = "england"
    id = "northshire"
    name = "Northshire Council"

    [timescales]
    minutes_days = 20

Every failure is a :class:`~cpc_desktop.domain.profile.ProfileError` with a one-line
message that names the file and, where it applies, the key.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from cpc_desktop.domain.profile import Profile, ProfileError
from cpc_desktop.domain.profile_reader import merge, parse_profile

DEFAULT_PROFILE = "england"

_SUFFIX = ".toml"


def _folder() -> Traversable:
    return resources.files("cpc_desktop") / "resources" / "profiles"


def available_profiles() -> tuple[str, ...]:
    """The ids of the shipped profiles, in alphabetical order."""
    return tuple(
        sorted(
            entry.name.removesuffix(_SUFFIX)
            for entry in _folder().iterdir()
            if entry.is_file() and entry.name.endswith(_SUFFIX)
        )
    )


def load_profile(profile_id: str, override_path: Path | None = None) -> Profile:
    """Read, merge and check a profile.

    Args:
        profile_id: a shipped profile id, or the id a local override file gives the
            profile it defines.
        override_path: a local TOML file whose values replace the shipped ones.

    Raises:
        ProfileError: the id is unknown, a file cannot be read or is not valid TOML, or
            a value is missing or unusable.
    """
    shipped_ids = available_profiles()
    override = None
    base_id = profile_id
    if override_path is not None:
        override = _read_override(override_path)
        if "base" in override:
            base_id = _base_id(override["base"], override_path, shipped_ids)
    if base_id not in shipped_ids:
        advice = (
            "; a local profile file must name the shipped profile it starts from,"
            ' e.g. base = "england"'
        )
        raise ProfileError(
            f"unknown profile {base_id!r}: the shipped profiles are {', '.join(shipped_ids)}"
            + (advice if override is not None else "")
        )
    shipped = _read_shipped(base_id)
    if override is None:
        return _parse_from(shipped, f"{base_id}{_SUFFIX} (shipped)")
    _parse_from(shipped, f"{base_id}{_SUFFIX} (shipped)")  # the base must be sound

    changes = {key: value for key, value in override.items() if key != "base"}
    profile = _parse_from(merge(shipped, changes), str(override_path))
    if profile.id != base_id and profile.id in shipped_ids:
        raise ProfileError(
            f"{override_path}: id: '{profile.id}' is a shipped profile;"
            " give a local profile an id of its own"
        )
    if profile_id not in (profile.id, base_id):
        raise ProfileError(
            f"{override_path}: defines profile '{profile.id}' (based on '{base_id}'),"
            f" not '{profile_id}'"
        )
    return profile


def _parse_from(data: dict[str, object], source: str) -> Profile:
    """:func:`parse_profile`, with ``source`` (a file name) leading any error message."""
    try:
        return parse_profile(data)
    except ProfileError as exc:
        raise ProfileError(f"{source}: {exc}") from None


def _read_shipped(profile_id: str) -> dict[str, object]:
    text = (_folder() / f"{profile_id}{_SUFFIX}").read_text(encoding="utf-8")
    return _parse_toml(text, f"{profile_id}{_SUFFIX} (shipped)")


def _read_override(path: Path) -> dict[str, object]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProfileError(f"{path}: the file is not UTF-8 text") from None
    except OSError as exc:
        raise ProfileError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    return _parse_toml(text, str(path))


def _parse_toml(text: str, source: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = " ".join(str(exc).split())
        raise ProfileError(f"{source}: not valid TOML: {reason}") from None


def _base_id(value: object, path: Path, shipped_ids: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in shipped_ids:
        shown = repr(value) if isinstance(value, str | int | float) else "a table or list"
        raise ProfileError(
            f"{path}: base: expected one of the shipped profiles ({', '.join(shipped_ids)}),"
            f" got {shown}"
        )
    return value
