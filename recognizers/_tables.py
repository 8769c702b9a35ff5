"""The big word tables as memory-mapped tries, built once per machine.

Reading the gazetteer, the name lists and the vocabulary into Python sets and dicts
hashes about a million strings on every start: some 0.6 s of a one-note ``deid
scrub``, for a note that looks up a few hundred words. Here the first process that
needs a table builds it as before, and also writes it to the cache folder
(``_cache``) as a `marisa-trie <https://github.com/pytries/marisa-trie>`_ file; every
later process maps that file into memory (no parsing, no hashing, pages shared
between ``deid batch`` workers) and looks words up in it, about a microsecond each.

A table file is named by a digest of its source files and of the table's format, so a
changed list (a new release) is simply another file; the old one is removed. Without
``marisa-trie``, with the cache off, or when a file cannot be read, the table is the
plain set or dict it always was: the answers are the same either way (tests/
test_tables.py compares them key by key).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from . import _cache

_FORMAT = "1"  # bump when a table's layout changes

try:  # pragma: no cover - import guard
    import marisa_trie
    from importlib.metadata import version as _version

    _MARISA = _version("marisa-trie")
except Exception:  # pragma: no cover - without it, tables are plain sets and dicts
    marisa_trie, _MARISA = None, None


class TrieSet:
    """A read-only set of words backed by a mapped ``marisa_trie.Trie``."""

    __slots__ = ("_t",)

    def __init__(self, trie) -> None:
        self._t = trie

    def __contains__(self, word) -> bool:
        return isinstance(word, str) and word in self._t

    def __iter__(self) -> Iterator[str]:
        return self._t.iterkeys()

    def __len__(self) -> int:
        return len(self._t)


class TrieTable(TrieSet):
    """A read-only ``word -> value`` table backed by a mapped record or bytes trie."""

    __slots__ = ("_text",)

    def __init__(self, trie, text: bool) -> None:
        super().__init__(trie)
        self._text = text

    def get(self, word, default=None):
        if not isinstance(word, str):
            return default
        v = self._t.get(word)
        if not v:
            return default
        return v[0].decode("utf-8") if self._text else v[0][0]

    def __getitem__(self, word):
        v = self.get(word, _MISSING)
        if v is _MISSING:
            raise KeyError(word)
        return v

    def items(self) -> Iterator[tuple[str, object]]:
        for k in self._t.iterkeys():
            yield k, self.get(k)


_MISSING = object()


def _digest(name: str, kind: str, sources: Sequence[Path]) -> str:
    h = hashlib.sha256(f"{_FORMAT}|{_MARISA}|{name}|{kind}".encode())
    for src in sources:
        h.update(b"\0" + Path(src).read_bytes())
    return h.hexdigest()[:24]


def _path(name: str, kind: str, sources: Sequence[Path]) -> Optional[Path]:
    where = _cache.folder()
    if where is None or marisa_trie is None:
        return None
    try:
        return where / "tables" / f"{name}-{_digest(name, kind, sources)}.marisa"
    except OSError:
        return None


def _empty(kind: str):
    if kind == "set":
        return marisa_trie.Trie()
    if kind == "text":
        return marisa_trie.BytesTrie()
    return marisa_trie.RecordTrie("<b")


def _mapped(path: Path, kind: str):
    if not _cache.safe_to_read(path):
        return None
    try:
        trie = _empty(kind)
        trie.mmap(str(path))
    except Exception:  # damaged or foreign: built again below
        return None
    return TrieSet(trie) if kind == "set" else TrieTable(trie, kind == "text")


def _save(path: Path, kind: str, data) -> None:
    try:
        if kind == "set":
            trie = marisa_trie.Trie(list(data))
        elif kind == "text":
            trie = marisa_trie.BytesTrie([(k, v.encode("utf-8")) for k, v in data.items()])
        else:
            trie = marisa_trie.RecordTrie("<b", [(k, (v,)) for k, v in data.items()])
    except Exception:
        return
    if _cache.write(path, lambda tmp: trie.save(tmp)):
        stem = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{stem}-*.marisa"):  # an older release's table
            if old != path:
                old.unlink(missing_ok=True)


def _table(name: str, kind: str, sources: Sequence[Path], build: Callable):
    path = _path(name, kind, sources)
    if path is not None and path.exists():
        hit = _mapped(path, kind)
        if hit is not None:
            return hit
    data = frozenset(build()) if kind == "set" else dict(build())
    if path is not None:
        _save(path, kind, data)
    return data


def word_set(name: str, sources: Sequence[Path], build: Callable[[], Iterable[str]]):
    """The set of words ``build()`` makes from ``sources`` (a frozenset, or a mapped trie)."""
    return _table(name, "set", sources, build)


def small_int_table(name: str, sources: Sequence[Path], build: Callable[[], Iterable[tuple[str, int]]]):
    """``word -> int`` (-128..127) from ``sources`` (a dict, or a mapped trie)."""
    return _table(name, "int", sources, build)


def text_table(name: str, sources: Sequence[Path], build: Callable[[], Iterable[tuple[str, str]]]):
    """``word -> short text`` from ``sources`` (a dict, or a mapped trie)."""
    return _table(name, "text", sources, build)
