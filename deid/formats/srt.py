"""SubRip subtitles: cue numbers and timings kept; cue text and speaker names
(``Name:`` at the start of a line, ``<v Name>``) scrubbed; ``<i>``/``<font>`` tags kept.

A small parser (number line, timing line, text lines, blank line) rather than the
``srt`` package: only the text lines are rewritten and everything else is copied
byte for byte.
"""
from __future__ import annotations

import regex

from ..errors import InputError
from . import PartsDocument, decode
from .vtt import lines, payload

_TIMING = regex.compile(r"^\s*\d+:\d+:\d+[,.]\d+\s*-->\s*\d+:\d+:\d+[,.]\d+")


def read(data: bytes, name: str) -> PartsDocument:
    text, bom = decode(data, name)
    parts: list[tuple[str, str]] = []
    seen_timing = False
    at_start = True  # the first line of a block: its number
    for body, eol in lines(text):
        if not body.strip():
            parts.append(("keep", body + eol))
            at_start = True
            continue
        if _TIMING.match(body) or (at_start and regex.fullmatch(r"\s*\d+\s*", body)):
            parts.append(("keep", body + eol))
            seen_timing = seen_timing or bool(_TIMING.match(body))
            at_start = False
            continue
        at_start = False
        parts += payload(body) + [("keep", eol)]
    if not seen_timing:
        raise InputError(f"{name}: not an SRT file (no cue timings)")
    return PartsDocument(parts, bom=bom)
