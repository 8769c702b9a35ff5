"""The catalogue's patterns, compiled once per machine instead of once per process.

The ``regex`` module parses a pattern in Python: the catalogue's few hundred patterns
(name lists, place heads, cue words) cost most of a second of every ``deid`` start-up,
the largest share of a one-note ``deid scrub``. A compiled ``regex`` pattern pickles
as its compiled program (``regex._regex.compile`` and its code list), so
:func:`compile` keeps the programs of the patterns it compiles in one file of the
cache folder (``_cache``) and later processes load them instead of parsing again.

What goes in: only patterns handed to :func:`compile`, and only the catalogue's own
(module constants, recognizer patterns, profile allow lists) are: never a pattern
built from a note's text (propagation, the client card, restore compile theirs with
``regex.compile``). The key is the pattern's own text and flags, so an edited pattern
is simply a new entry; the file name holds the ``regex`` and Python versions.
:func:`derived` keeps small results computed from catalogue data the same way.

Loading accepts nothing but compiled patterns, word sets and text (any other object
makes the file ignored), and every failure to read or write falls back to compiling
as usual: the cache can make a start slower, never an answer different.
"""
from __future__ import annotations

import atexit
import hashlib
import io
import pickle
import sys
import threading
from pathlib import Path
from typing import Callable, Optional

import regex

from . import _cache

_LIMIT = 4096  # entries kept; past it the file keeps only what the last process used
_lock = threading.Lock()
_store: Optional[dict] = None  # (pattern, flags) -> compiled pattern, loaded on first use
_used: set = set()
_added = False


def cache_file() -> Optional[Path]:
    where = _cache.folder()
    if where is None:
        return None
    v = sys.version_info
    return where / f"patterns-regex{regex.__version__}-py{v[0]}.{v[1]}.pickle"


class _Only(pickle.Unpickler):
    """Unpickles compiled patterns and nothing else (no other callable can run)."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError("not a compiled pattern")


def _load() -> dict:
    path = cache_file()
    if path is None or not _cache.safe_to_read(path):
        return {}
    try:
        data = _Only(io.BytesIO(path.read_bytes())).load()
    except Exception:  # unreadable, truncated, another version's objects: compile as usual
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if _entry_ok(k, v)}


def _entry_ok(key, value) -> bool:
    if not (isinstance(key, tuple) and len(key) == 2):
        return False
    if isinstance(value, regex.Pattern):
        return value.pattern == key[0]
    # derived(): a set of words, or a pattern's text, under a digest of its inputs
    if key[0] != "derived":
        return False
    return isinstance(value, str) or (isinstance(value, frozenset) and all(isinstance(w, str) for w in value))


def _ensure_loaded() -> None:
    global _store
    if _store is None:
        _store = _load()
        if cache_file() is not None:
            atexit.register(save)


def _cached(key: tuple, build: Callable[[], object]):
    """The stored value under ``key``, or ``build()`` stored under it for the next process."""
    global _added
    with _lock:
        _ensure_loaded()
        hit = _store.get(key)
        if hit is not None:
            _used.add(key)
            return hit
    value = build()
    with _lock:
        _store[key] = value
        _used.add(key)
        _added = True
    return value


def compile(pattern: str, flags: int = 0) -> "regex.Pattern":  # noqa: A001 - the regex name
    """``regex.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    # the key holds a plain int: RegexFlag members do not load back
    return _cached((pattern, int(flags)), lambda: regex.compile(pattern, flags))


def derived(inputs: str, build: Callable[[], "frozenset | str"]) -> "frozenset | str":
    """``build()``, a set of words or a pattern's text computed from catalogue data at
    import, kept in the same file under a digest of ``inputs`` (everything the result
    depends on, as text)."""

    def make():
        value = build()
        return value if isinstance(value, str) else frozenset(value)

    return _cached(("derived", hashlib.sha256(inputs.encode("utf-8")).hexdigest()), make)


def save() -> bool:
    """Write the file when this process compiled something new; True when written."""
    global _added
    path = cache_file()
    with _lock:
        if not _added or _store is None or path is None:
            return False
        keep = _store if len(_store) <= _LIMIT else {k: _store[k] for k in _used if k in _store}
        try:
            blob = pickle.dumps(keep, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return False
        _added = False
    return _cache.write(path, lambda tmp: Path(tmp).write_bytes(blob))
