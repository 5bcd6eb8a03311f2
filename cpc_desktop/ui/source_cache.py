"""Stop PySide6 keeping the source of every module imported after it (memory, issue 21.5).

Once PySide6 is loaded, its ``__feature__`` import hook asks of each newly imported module
whether its source mentions "PySide6", by ``inspect.getsource``. That reads the file
through :mod:`linecache`, which keeps every line of it for the rest of the process: in
this application about 600 files, 9 MiB of text and 15 MiB of resident memory, freed
neither by clearing the cache later (the lines sit among the modules' own objects) nor
ever used again. :func:`stop_caching_sources` gives the hook the same answer read
straight from the file, so nothing is kept. If a later PySide6 no longer has that
function, nothing is changed.
"""

from __future__ import annotations

import inspect
import sys
import tokenize
from types import ModuleType

#: The module of PySide6's import hook, and the function it asks.
FEATURE_MODULE = "shibokensupport.feature"
FEATURE_CHECK = "_mod_uses_pyside"


def mentions_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source file mentions PySide6 (as the hook's own check), read
    without :mod:`linecache`; False when it has no readable source."""
    try:
        path = inspect.getsourcefile(module)
        if path is None:
            return False
        with tokenize.open(path) as source:
            return "PySide6" in source.read()
    except (OSError, TypeError, SyntaxError, UnicodeDecodeError):
        return False


def stop_caching_sources() -> bool:
    """Give PySide6's import hook :func:`mentions_pyside`; True if it was there to replace
    (call it once PySide6 is imported)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, FEATURE_CHECK, None)):
        return False
    setattr(feature, FEATURE_CHECK, mentions_pyside)
    return True
