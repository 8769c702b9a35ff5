"""JSONL, as ``deid scrub --jsonl``: each line {"id", "text"}; one output line per input
line, in order; a bad line becomes {"id", "error"} and the others carry on.  Streamed
line by line in batches, so a file of any length runs in the same memory."""
from __future__ import annotations

import json
from typing import Any, BinaryIO

from ..errors import InputError
from . import Document, Outcome, PartsDocument, _add, separated

BATCH = 64


def read(data: bytes, name: str) -> Document:
    """Every line's text as a segment (for callers of ``read_document``)."""
    from ..io import parse_jsonl_line

    lines = data.splitlines()
    recs = [parse_jsonl_line(raw, i, name) for i, raw in enumerate(lines, start=1) if raw.strip()]
    if not recs:
        raise InputError(f"{name}: input is empty")
    return _JsonlDocument(recs)


class _JsonlDocument(PartsDocument):
    def __init__(self, recs: list[tuple[Any, str]]) -> None:
        self.ids = [r[0] for r in recs]
        super().__init__(separated([t for _, t in recs]))

    def render(self, new_texts) -> bytes:
        return "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in zip(self.ids, new_texts)).encode("utf-8")


def scrub_stream(engine, src: BinaryIO, out: BinaryIO, name: str, client=None, columns=None) -> Outcome:
    from ..io import iter_lines, parse_jsonl_line, safe_id
    from ..streaming import STREAM_CHARS, count_types, scrub_text

    res = Outcome()
    pending: list[tuple[int, Any, Any]] = []  # (lineno, id, text or InputError)
    kw = {"client": client} if client is not None else {}

    def flush() -> None:
        short = [t for _, _, t in pending if isinstance(t, str) and len(t) <= STREAM_CHARS]
        done = iter(engine.scrub_many(short, **kw) if short else ())
        for lineno, rid, t in pending:
            if isinstance(t, InputError):
                rec = {"id": rid, "error": str(t)}
                res.bad_lines += 1
            elif len(t) <= STREAM_CHARS:
                r = next(done)
                _add(res.counts, count_types(r.findings))
                rec = {"id": rid, "text": r.text}
            else:
                text, counts = scrub_text(engine, t, client=client)
                _add(res.counts, counts)
                rec = {"id": rid, "text": text}
            out.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
        pending.clear()

    seen = False
    for lineno, raw in iter_lines(src):
        seen = seen or bool(raw.strip())
        try:
            rid, text = parse_jsonl_line(raw, lineno, name)
            pending.append((lineno, rid, text))
        except InputError as e:
            pending.append((lineno, safe_id(raw), e))
        if len(pending) >= BATCH:
            flush()
    flush()
    if not seen:
        raise InputError(f"{name}: input is empty")
    return res
