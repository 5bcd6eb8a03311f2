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

import os
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from cpc_desktop.domain.enums import StrategyAnchor
from cpc_desktop.domain.profile import Profile, ProfileError
from cpc_desktop.domain.profile_reader import merge, parse_profile
from cpc_desktop.services.toml_lines import line_of

DEFAULT_PROFILE = "england"
#: Names the folder of local authorities' settings files (tests, or a managed install).
AUTHORITIES_ENV = "CPC_AUTHORITIES"
#: A settings file larger than this is refused unread (the shipped profiles are ~20 KiB).
_MOST_BYTES = 1024 * 1024

_SUFFIX = ".toml"
_ID = re.compile(r"[a-z][a-z0-9_-]*")


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


def authorities_folder() -> Path:
    """Where local authorities' settings files live: ``$CPC_AUTHORITIES``, or the
    folder ``authorities`` in this user's CPC Desktop configuration folder."""
    named = os.environ.get(AUTHORITIES_ENV)
    if named:
        return Path(named)
    import platformdirs

    return Path(platformdirs.user_config_dir("CPC Desktop", appauthor=False)) / "authorities"


def local_profile_path(profile_id: str) -> Path | None:
    """The settings file of the local profile ``profile_id`` (``<id>.toml``), if present."""
    if not _ID.fullmatch(profile_id):
        return None
    path = authorities_folder() / f"{profile_id}{_SUFFIX}"
    return path if path.is_file() else None


@dataclass(frozen=True)
class ProfileChoice:
    """A profile a conference can be made under: a nation's, or a local authority's.

    Attributes:
        id: the profile's id, stored with each conference.
        label: how it is offered ("Fenbridge County Council (Wales)").
        path: the local settings file, or ``None`` for a shipped profile.
        problem: why the file cannot be used (one line naming the file and line), or
            ``None``; a choice with a problem is shown but cannot be chosen.
        strategy_discussion: what the profile calls the discussion that starts the
            clock for an initial conference.
        authority: the local authority its settings file names ("" for a nation's).
        strategy_anchor: which strategy discussion starts the clock by default when
            there was more than one.
    """

    id: str
    label: str
    path: Path | None = None
    problem: str | None = None
    strategy_discussion: str = "strategy discussion"
    #: The authority its settings file names ("" for a nation's own rules).
    authority: str = ""
    strategy_anchor: StrategyAnchor = StrategyAnchor.INITIATED


def profile_choices() -> tuple[ProfileChoice, ...]:
    """The local authorities' profiles (by name), then each nation's shipped profile."""
    local: list[ProfileChoice] = []
    folder = authorities_folder()
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == _SUFFIX and p.is_file())
    except OSError:
        files = []
    for path in files:
        profile_id = path.name.removesuffix(_SUFFIX)
        try:
            if not _ID.fullmatch(profile_id):
                raise ProfileError(
                    f"{path}: the file's name must be the profile's id: lower-case letters,"
                    " digits, '_' and '-'"
                )
            profile = load_profile(profile_id, path)
        except ProfileError as error:
            local.append(ProfileChoice(profile_id, path.name, path, str(error)))
            continue
        nation = load_profile(profile.nation.value).name
        name = profile.authority.name if profile.authority else profile.name
        strategy = profile.terminology.strategy_discussion_name
        own = profile.authority.name if profile.authority else ""
        anchor = profile.timescales.strategy_anchor
        local.append(
            ProfileChoice(profile.id, f"{name} ({nation})", path, None, strategy, own, anchor)
        )
    local.sort(key=lambda c: c.label.casefold())
    shipped = [
        ProfileChoice(
            p.id,
            p.name,
            strategy_discussion=p.terminology.strategy_discussion_name,
            strategy_anchor=p.timescales.strategy_anchor,
        )
        for p in map(load_profile, available_profiles())
    ]
    shipped.sort(key=lambda c: (c.id != DEFAULT_PROFILE, c.label))
    return (*local, *shipped)


def load_profile(profile_id: str, override_path: Path | None = None) -> Profile:
    """Read, merge and check a profile.

    Args:
        profile_id: a shipped profile id, or the id a local override file gives the
            profile it defines.
        override_path: a local TOML file whose values replace the shipped ones; by
            default, for an id that is not shipped, ``<id>.toml`` in
            :func:`authorities_folder`.

    Raises:
        ProfileError: the id is unknown, a file cannot be read or is not valid TOML, or
            a value is missing or unusable.
    """
    shipped_ids = available_profiles()
    override = None
    base_id = profile_id
    text = ""
    if override_path is None and profile_id not in shipped_ids:
        override_path = local_profile_path(profile_id)
    if override_path is not None:
        override, text = _read_override(override_path)
        if "base" in override:
            base_id = _base_id(override["base"], override_path, shipped_ids)
    if base_id not in shipped_ids:
        advice = (
            "; a local profile file must name the shipped profile it starts from,"
            ' e.g. base = "england"'
        )
        if override is None and _ID.fullmatch(base_id):
            advice = f", and {authorities_folder()} holds no {base_id}{_SUFFIX}"
        elif override is None:
            advice = ""
        raise ProfileError(
            f"unknown profile {base_id!r}: the shipped profiles are {', '.join(shipped_ids)}"
            + advice
        )
    shipped = _read_shipped(base_id)
    if override is None:
        return _parse_from(shipped, f"{base_id}{_SUFFIX} (shipped)")
    _parse_from(shipped, f"{base_id}{_SUFFIX} (shipped)")  # the base must be sound

    changes = {key: value for key, value in override.items() if key != "base"}
    profile = _parse_from(merge(shipped, changes), str(override_path), text)
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


def _parse_from(data: dict[str, object], source: str, text: str = "") -> Profile:
    """:func:`parse_profile`, with ``source`` (a file name) leading any error message,
    and the line of ``text`` (the file's own text) where the key is, if it is there."""
    try:
        return parse_profile(data)
    except ProfileError as exc:
        line = line_of(text, str(exc).split(":", 1)[0]) if text else None
        where = f"{source}, line {line}" if line else source
        raise ProfileError(f"{where}: {exc}") from None


def _read_shipped(profile_id: str) -> dict[str, object]:
    text = (_folder() / f"{profile_id}{_SUFFIX}").read_text(encoding="utf-8")
    return _parse_toml(text, f"{profile_id}{_SUFFIX} (shipped)")


def _read_override(path: Path) -> tuple[dict[str, object], str]:
    try:
        if path.stat().st_size > _MOST_BYTES:
            raise ProfileError(f"{path}: the file is too large for a settings file")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProfileError(f"{path}: the file is not UTF-8 text") from None
    except OSError as exc:
        raise ProfileError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    return _parse_toml(text, str(path)), text


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
