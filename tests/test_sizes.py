"""No module over 600 lines and no class over 400 (project issue 15).

Every module under ``cpc_desktop`` counts except the generated Alembic migrations
(``data/migrations``). A module is measured in lines; a class from its ``class``
line to its last line, nested classes included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import cpc_desktop

MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 400

ROOT = Path(cpc_desktop.__file__).parent


def _sizes() -> dict[tuple[str, str | None], int]:
    """Every module's line count (class ``None``), and every class's."""
    sizes: dict[tuple[str, str | None], int] = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("data/migrations/"):
            continue
        source = path.read_text(encoding="utf-8")
        sizes[(relative, None)] = len(source.splitlines())
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef):
                assert node.end_lineno is not None
                key = (relative, node.name)
                sizes[key] = max(sizes.get(key, 0), node.end_lineno - node.lineno + 1)
    return sizes


def test_the_package_is_measured() -> None:
    sizes = _sizes()
    assert ("services/session.py", "Session") in sizes
    assert ("ui/main_window.py", None) in sizes
    assert not any(path.startswith("data/migrations/") for path, _ in sizes)


def test_no_module_or_class_is_too_long() -> None:
    too_long = [
        f"{path if cls is None else f'{path}: class {cls}'} has {size} lines "
        f"(the limit is {MAX_MODULE_LINES if cls is None else MAX_CLASS_LINES})"
        for (path, cls), size in _sizes().items()
        if size > (MAX_MODULE_LINES if cls is None else MAX_CLASS_LINES)
    ]
    assert not too_long, "\n".join(too_long)
