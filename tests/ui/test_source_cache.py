"""PySide6's import hook no longer keeps every imported module's source (issue 21.5)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore  # noqa: F401 - loads the import hook under test

from cpc_desktop.ui import source_cache


def _feature() -> object:
    feature = sys.modules.get(source_cache.FEATURE_MODULE)
    if feature is None:  # pragma: no cover - a PySide6 without the hook
        pytest.skip("this PySide6 has no __feature__ import hook")
    return feature


def _import_new(folder: Path, name: str, text: str) -> str:
    path = folder / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        __import__(name)  # the import statement's way, through the hook
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop(name, None)
    return str(path)


def test_the_hook_alone_keeps_the_source_of_each_module_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = _feature()
    monkeypatch.setattr(linecache, "cache", {})
    path = _import_new(tmp_path, "cpc_probe_kept", "VALUE = 1\n")
    assert path in linecache.cache  # what stop_caching_sources is for
    assert feature.pyside_feature_dict["cpc_probe_kept"] == -1  # type: ignore[attr-defined]


def test_once_stopped_nothing_is_kept_and_the_hook_answers_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = _feature()
    check = source_cache.FEATURE_CHECK
    monkeypatch.setattr(feature, check, getattr(feature, check))  # put back afterwards
    monkeypatch.setattr(linecache, "cache", {})
    assert source_cache.stop_caching_sources()
    plain = _import_new(tmp_path, "cpc_probe_plain", "VALUE = 1\n")
    qt = _import_new(tmp_path, "cpc_probe_qt", "# uses PySide6\nVALUE = 2\n")
    assert plain not in linecache.cache and qt not in linecache.cache
    answers = feature.pyside_feature_dict  # type: ignore[attr-defined]
    assert answers["cpc_probe_plain"] == -1  # no PySide6 in it: the hook leaves it alone
    assert answers["cpc_probe_qt"] == 0


def test_a_module_without_a_source_file_does_not_mention_pyside() -> None:
    assert not source_cache.mentions_pyside(sys)  # built in: no file
    assert source_cache.mentions_pyside(sys.modules[__name__])


def test_without_the_hook_nothing_is_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, source_cache.FEATURE_MODULE, raising=False)
    assert not source_cache.stop_caching_sources()
