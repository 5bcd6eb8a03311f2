"""Where a store is: a file path, or the URL of a PostgreSQL server shared by the chairs.

Only the standard library here: the command line asks these questions before it knows
whether it needs SQLAlchemy at all (``--help`` and the application's first window must
not wait for it).
"""

from __future__ import annotations

import re

#: ``--db`` names a server store when it starts with one of these (``postgresql://`` or
#: ``postgresql+psycopg://``; other drivers are refused with a message when opened).
_SERVER_PREFIX = re.compile(r"postgres(ql)?(\+[a-z0-9_]+)?://", re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"(?i)(^|&)(password=)[^&]*")


def is_server_url(location: object) -> bool:
    """Whether ``location`` (as typed after ``--db``) is a PostgreSQL URL, not a file."""
    return isinstance(location, str) and _SERVER_PREFIX.match(location) is not None


def shown(location: str) -> str:
    """``location`` as it may be printed: a URL without its password, a path unchanged."""
    if not is_server_url(location):
        return location
    scheme, _, rest = location.partition("://")
    authority_and_path, question, query = rest.partition("?")
    userinfo, at, host_and_path = authority_and_path.rpartition("@")
    if at and ":" in userinfo:
        userinfo = userinfo.split(":", 1)[0] + ":***"
    query = _QUERY_PASSWORD.sub(r"\1\2***", query)
    return f"{scheme}://{userinfo}{at}{host_and_path}{question}{query}"
