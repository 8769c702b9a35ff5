"""JSON from transcription tools: every string value scrubbed (speaker fields too),
keys, numbers, booleans and the layout of the file kept."""
from __future__ import annotations

import json as _json
from typing import Any, Sequence

import regex

from ..errors import InputError
from . import Document, decode

# values under these keys are a speaker's label: a name unless it is a role
_SPEAKER_KEY = regex.compile(r"speaker|^(?:name|author|participant|user|sender|from|to|display_?name)$", regex.IGNORECASE)


class JsonDocument(Document):
    def __init__(self, obj: Any, indent, bom: bool, trailing_newline: bool) -> None:
        self.obj = obj
        self.indent = indent
        self.bom = bom
        self.nl = trailing_newline
        self.paths: list[tuple[Any, Any]] = []  # (container, key) of each string value
        self.texts = []
        self.speakers = set()
        self._walk(obj, None)

    def _walk(self, node: Any, key: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for k, v in items:
            if isinstance(v, str):
                if v.strip():
                    if isinstance(k, str) and _SPEAKER_KEY.search(k) or (not isinstance(k, str) and isinstance(key, str) and _SPEAKER_KEY.search(key)):
                        self.speakers.add(len(self.texts))
                    self.paths.append((node, k))
                    self.texts.append(v)
            else:
                self._walk(v, k)

    def render(self, new_texts: Sequence[str]) -> bytes:
        if len(new_texts) != len(self.texts):
            raise ValueError("segment count changed")
        old = [c[k] for c, k in self.paths]
        try:
            for (c, k), t in zip(self.paths, new_texts):
                c[k] = t
            out = _json.dumps(self.obj, ensure_ascii=False, indent=self.indent)
        finally:
            for (c, k), t in zip(self.paths, old):
                c[k] = t
        return (b"\xef\xbb\xbf" if self.bom else b"") + (out + ("\n" if self.nl else "")).encode("utf-8")


def read(data: bytes, name: str) -> JsonDocument:
    text, bom = decode(data, name)
    try:
        obj = _json.loads(text)
    except _json.JSONDecodeError as e:
        raise InputError(f"{name}: not valid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    m = regex.search(r"\n([ \t]+)\S", text)
    indent = (m.group(1) if "\t" in m.group(1) else len(m.group(1))) if m else None
    return JsonDocument(obj, indent, bom, text.endswith("\n"))
