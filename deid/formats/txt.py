"""Plain text: one segment, the whole text; long texts are detected window by window."""
from __future__ import annotations

from . import PartsDocument, decode


def read(data: bytes, name: str) -> PartsDocument:
    text, bom = decode(data, name)
    return PartsDocument([("text", text)], bom=bom)


def scrub_text_document(engine, data: bytes, name: str, client=None) -> tuple[bytes, dict[str, int]]:
    """The bounded-memory path of ``deid.streaming`` (the same result as ``deid scrub``)."""
    from ..streaming import scrub_text

    text, bom = decode(data, name)
    del data
    out, counts = scrub_text(engine, text, client=client)
    return (b"\xef\xbb\xbf" if bom else b"") + out.encode("utf-8"), counts
