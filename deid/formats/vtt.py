"""WebVTT transcripts: cue timings, settings, identifiers and styles kept; cue text,
NOTE comments and speaker names (``<v Name>`` tags, ``Name:`` at the start of a line)
scrubbed.

A small parser of the W3C format's block structure (header, NOTE/STYLE/REGION blocks,
cues) rather than a dependency: only the cue payload is rewritten, everything else is
copied byte for byte, which a parse-and-serialise library would not guarantee.
"""
from __future__ import annotations

import regex

from ..errors import InputError
from . import PartsDocument, decode

_TAG = regex.compile(r"<[^>]*>")
_VOICE = regex.compile(r"(<v(?:\.[^\s>]*)?[ \t]+)([^>]*)(>)")
# "Jordan: ...", "- Dr Okafor: ...", ">> MARIA: ..." at the start of a cue line
_SPEAKER = regex.compile(r"^([ \t]*(?:-[ \t]*|>>[ \t]*)?)(\p{L}[\p{L}\p{N}.'’\- ]{0,48}?)(:)(?=\s|$)")
_TIMING = regex.compile(r"-->")


def lines(text: str):
    """(content, line ending) pairs, endings kept as they were (CRLF stays CRLF)."""
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        yield body, raw[len(body):]


def payload(line: str) -> list[tuple[str, str]]:
    """Parts of one cue text line: tags kept, text and speaker names to scrub."""
    parts: list[tuple[str, str]] = []
    pos, first = 0, True
    for m in _TAG.finditer(line):
        _text(parts, line[pos:m.start()], first)
        first = first and not line[pos:m.start()].strip()
        v = _VOICE.fullmatch(m.group())
        if v and v.group(2).strip():
            parts += [("keep", v.group(1)), ("speaker", v.group(2)), ("keep", v.group(3))]
        else:
            parts.append(("keep", m.group()))
        pos = m.end()
    _text(parts, line[pos:], first)
    return parts


def _text(parts: list, s: str, first: bool) -> None:
    if not s:
        return
    m = _SPEAKER.match(s) if first else None
    if m:
        if m.group(1):
            parts.append(("keep", m.group(1)))
        parts += [("speaker", m.group(2)), ("keep", m.group(3))]
        s = s[m.end():]
    if s:
        parts.append(("text", s) if s.strip() else ("keep", s))


def read(data: bytes, name: str) -> PartsDocument:
    text, bom = decode(data, name)
    if not text.startswith("WEBVTT"):
        raise InputError(f"{name}: not a WebVTT file (no WEBVTT header)")
    parts: list[tuple[str, str]] = []
    block: str | None = "header"   # header, note, keep, cue, or None between blocks
    for i, (body, eol) in enumerate(lines(text)):
        if not body.strip():
            parts.append(("keep", body + eol))
            block = None
            continue
        if i == 0:  # "WEBVTT" and an optional title, which may name someone
            parts.append(("keep", body[:6]))
            if body[6:].strip():
                parts.append(("text", body[6:]))
            parts.append(("keep", eol))
            continue
        if block is None:
            word = body.split(None, 1)[0] if body.split() else ""
            block = "note" if word == "NOTE" else "keep" if word in ("STYLE", "REGION") else "cue"
            if block == "note":
                parts.append(("keep", body[:4]))
                if body[4:].strip():
                    parts.append(("text", body[4:]))
                parts.append(("keep", eol))
                continue
            if block == "cue" and not _TIMING.search(body):  # a cue identifier
                parts += [("keep" if regex.fullmatch(r"[\d\s\-_.:]*", body) else "text", body), ("keep", eol)]
                continue
        if block in ("header", "keep") or (block == "cue" and _TIMING.search(body)):
            parts.append(("keep", body + eol))
        elif block == "note":
            parts += [("text", body), ("keep", eol)]
        else:
            parts += payload(body) + [("keep", eol)]
    return PartsDocument(parts, bom=bom)
