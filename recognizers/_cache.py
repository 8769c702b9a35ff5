"""deid's cache folder: compiled patterns and word tables built once per machine.

Start-up work that gives the same result every time (parsing the catalogue's patterns,
hashing the big word lists) is done by the first process and kept here for the next
ones: ``_patterns`` (compiled patterns) and ``_tables`` (memory-mapped word tables).
Nothing from a note is ever written here.

Where: ``$DEID_CACHE_DIR``, else ``$XDG_CACHE_HOME/deid``, else ``~/.cache/deid``
(``%LOCALAPPDATA%\\deid\\Cache`` on Windows); ``DEID_CACHE_DIR=off`` turns it off, and
every start then builds in memory as before. The folder is created private (0700),
files are written whole (a temporary file renamed) and private (0600), and a file that
is not the user's own, or that others may write, is never read. A cache that cannot be
read or written changes nothing but the time a start takes.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Optional

_OFF = ("", "0", "off", "no", "false")


def folder() -> Optional[Path]:
    """The cache folder, or None when the cache is off."""
    env = os.environ.get("DEID_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in _OFF else Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "deid"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "deid" / "Cache"
    try:
        return Path.home() / ".cache" / "deid"
    except (RuntimeError, KeyError, OSError):  # no home directory: no cache
        return None


def safe_to_read(path: Path) -> bool:
    """A plain file of this user's that no one else may write."""
    try:
        st = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def write(path: Path, fill) -> bool:
    """Write ``path`` whole or not at all: ``fill(tmp_path)`` writes a temporary file in
    the same folder, which then replaces ``path``. False when it could not."""
    try:
        root = folder()
        if root is not None:
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + "-", dir=path.parent)
        os.close(fd)
        try:
            fill(tmp)
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:  # full disk, read-only home, a library error: no cache this time
        return False
    return True
