"""Split long texts into overlapping chunks on paragraph or sentence boundaries.

spaCy refuses texts over ``nlp.max_length`` and its memory grows with document size,
so long inputs are detected chunk by chunk.  Each chunk overlaps its neighbours, so an
identifier that straddles a cut is still seen whole by at least one chunk; findings
from the overlaps are merged afterwards.
"""
from __future__ import annotations

import regex

CHUNK_CHARS = 20_000
OVERLAP_CHARS = 400

_PARA = regex.compile(r"\n\s*\n")
_SENT = regex.compile(r"(?<=[.!?])\s+|\n")
_SPACE = regex.compile(r"\s")


def _cut_near(text: str, lo: int, hi: int) -> int:
    """A boundary in text[lo:hi], preferring the last paragraph, then sentence, then space."""
    window = text[lo:hi]
    for pat in (_PARA, _SENT, _SPACE):
        last = None
        for m in pat.finditer(window):
            last = m
        if last is not None and last.end() > 0:
            return lo + last.end()
    return hi


def chunk_spans(text: str, size: int = CHUNK_CHARS, overlap: int = OVERLAP_CHARS) -> list[tuple[int, int]]:
    """(start, end) of chunks covering ``text``, each overlapping the next by about ``overlap``."""
    n = len(text)
    if n <= size:
        return [(0, n)]
    spans: list[tuple[int, int]] = []
    start = 0
    while start < n:
        hard_end = min(n, start + size)
        if hard_end == n:
            spans.append((start, n))
            break
        end = _cut_near(text, start + size // 2, hard_end)
        # extend past the cut by the overlap, to the next whitespace
        ext = min(n, end + overlap)
        m = _SPACE.search(text, ext)
        ext = m.start() if m and m.start() - ext < 200 else ext
        spans.append((start, ext))
        # the next chunk starts `overlap` before the cut, at a whitespace
        back = max(start + 1, end - overlap)
        m = _SPACE.search(text, back)
        start = m.end() if m and m.end() < end else back
    return spans
