"""A real database outage for a test: the connection cannot be opened."""

import copy
import socket
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.db import connections


def closed_port():
    """A loopback port nothing listens on (it was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def database_unavailable():
    """
    While the block runs, the default database cannot be reached: its connection
    points at a loopback port nothing listens on (PostgreSQL) or at a file in a folder
    that does not exist (SQLite), so every query fails on connecting, as in an outage.
    The test's own connection, with its transaction, is put back afterwards.
    """
    original = connections["default"]
    settings_dict = copy.deepcopy(original.settings_dict)
    with tempfile.TemporaryDirectory() as folder:
        if original.vendor == "sqlite":
            settings_dict["NAME"] = str(Path(folder) / "no-such-folder" / "db.sqlite3")
        else:
            settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", str(closed_port())
            settings_dict.setdefault("OPTIONS", {})["connect_timeout"] = 2
        broken = type(original)(settings_dict, alias=original.alias)
        connections[original.alias] = broken
        try:
            yield
        finally:
            broken.close()
            connections[original.alias] = original
