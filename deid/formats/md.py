"""Markdown: scrubbed as plain text, so the markup stays where it is.

Headings, emphasis and lists are not PHI and are left as they are.  The syntax of
inline links and images (``[`` ``](`` ``)``) is kept out of every finding, so a link
stays a link; the link text and the URL are scrubbed like any other text (a URL or
e-mail address that identifies someone is replaced inside the parentheses).  A file
without links takes exactly the plain-text path of ``deid scrub``.
"""
from __future__ import annotations

import regex

from . import PartsDocument, decode
from .txt import scrub_text_document as _plain

_LINK = regex.compile(r"(!?\[)([^\]\n]*)(\]\()([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)((?:\s+\"[^\"\n]*\")?\))")


def _parts(text: str) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    pos = 0
    for m in _LINK.finditer(text):
        if m.start() > pos:
            parts.append(("text", text[pos:m.start()]))
        parts += [("keep", m.group(1)), ("text", m.group(2)), ("keep", m.group(3)), ("text", m.group(4)), ("keep", m.group(5))]
        pos = m.end()
    if pos < len(text):
        parts.append(("text", text[pos:]))
    return [p for p in parts if p[1]]


def read(data: bytes, name: str) -> PartsDocument:
    text, bom = decode(data, name)
    return PartsDocument(_parts(text), bom=bom)


def scrub_text_document(engine, data: bytes, name: str, client=None) -> tuple[bytes, dict[str, int]]:
    from . import scrub_doc

    text, bom = decode(data, name)
    if not _LINK.search(text):
        return _plain(engine, data, name, client=client)
    return scrub_doc(engine, PartsDocument(_parts(text), bom=bom), client=client)
