"""File formats: one small module per format (DESIGN.md section 7).

A format turns a file into text segments (``doc.texts``) and writes scrubbed segments
back into the same structure (``doc.render(new_texts)``): markup, cue timings, JSON keys
and numbers, CSV quoting, Word formatting all stay as they were.  A whole document is
detected as one text, so a name found once is removed in every segment; a finding never
crosses a segment boundary (it is cut there).

    from deid.formats import read_document, scrub_document, FORMATS
    doc = read_document(data, "session.vtt")      # InputError on unreadable input
    clean = scrub_document(engine, data, "session.vtt")

``.csv`` and ``.jsonl`` are also streamed row by row from a file (``scrub_file``), each
row or line its own document, so their size does not matter.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable, Optional, Sequence

from ..errors import DeidError, InputError
from ..findings import Finding

# extension -> module in this package
_MODULES = {
    ".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".vtt": "vtt",
    ".srt": "srt", ".json": "json", ".csv": "csv", ".jsonl": "jsonl",
}
FORMATS = set(_MODULES)
BINARY_FORMATS = {".docx"}
SEPARATOR = "\n\n"  # between segments when a document is detected as one text


@dataclass
class Outcome:
    """What scrubbing one file gave: counts per entity type, and JSONL lines that became
    error records (the file is written, but the run must say so)."""

    counts: dict[str, int] = field(default_factory=dict)
    bad_lines: int = 0


class Document:
    """Text segments of a file, and how to write them back.

    ``speakers`` holds the indices of segments that are a speaker's label (a cue's
    ``Name:``, a ``<v Name>`` tag, a JSON ``speaker`` field): they are removed as a
    person's name unless they are a role (Therapist, Speaker 2)."""

    texts: list[str]
    speakers: set[int]

    def render(self, new_texts: Sequence[str]) -> bytes:
        raise NotImplementedError

    def render_edits(self, edits: Sequence[Sequence[tuple[int, int, str]]]) -> bytes:
        """Write back with each segment's replacements (start, end, new); formats that
        keep sub-segment structure (docx runs) use the exact places."""
        from ..streaming import apply_edits

        return self.render([apply_edits(t, e) for t, e in zip(self.texts, edits)])

    def joined(self) -> tuple[str, list[tuple[int, int]]]:
        """The segments as one text (for detection) and each segment's (start, end) in it."""
        offsets, pos = [], 0
        for t in self.texts:
            offsets.append((pos, pos + len(t)))
            pos += len(t) + len(SEPARATOR)
        return SEPARATOR.join(self.texts), offsets


class PartsDocument(Document):
    """A text file cut into parts kept verbatim and parts to scrub (txt, md, vtt, srt)."""

    def __init__(self, parts: list[tuple[str, str]], bom: bool = False) -> None:
        # parts: (kind, text) with kind "keep", "text" or "speaker"
        self.parts = parts
        self.bom = bom
        self.texts = [t for k, t in parts if k != "keep"]
        self.speakers = {i for i, (k, _) in enumerate(p for p in parts if p[0] != "keep") if k == "speaker"}

    def joined(self) -> tuple[str, list[tuple[int, int]]]:
        """The file's own text (detection sees the segments in their place and context,
        offsets are those of the file); the parts kept verbatim lie between segments,
        so no finding is written into them."""
        offsets, pos = [], 0
        for k, t in self.parts:
            if k != "keep":
                offsets.append((pos, pos + len(t)))
            pos += len(t)
        return "".join(t for _, t in self.parts), offsets

    def render(self, new_texts: Sequence[str]) -> bytes:
        if len(new_texts) != len(self.texts):
            raise ValueError("segment count changed")
        it = iter(new_texts)
        out = "".join(t if k == "keep" else next(it) for k, t in self.parts)
        return (b"\xef\xbb\xbf" if self.bom else b"") + out.encode("utf-8")


def separated(texts: Sequence[str]) -> list[tuple[str, str]]:
    """Parts for independent pieces of text (cells, lines): separated as paragraphs."""
    parts: list[tuple[str, str]] = []
    for t in texts:
        if parts:
            parts.append(("keep", SEPARATOR))
        parts.append(("text", t))
    return parts


def extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def format_module(name: str):
    ext = extension(name)
    mod = _MODULES.get(ext)
    if mod is None:
        raise InputError(f"{name}: unsupported format {ext or '(no extension)'}")
    return importlib.import_module(f"{__name__}.{mod}")


def decode(data: bytes, name: str, allow_empty: bool = False) -> tuple[str, bool]:
    """(text, had a BOM): the checks of ``deid.io.decode_text`` (binary, UTF-8, empty)."""
    from ..io import decode_text

    if allow_empty and not data.strip():
        return data.decode("utf-8", errors="replace"), False
    return decode_text(data, name), data.startswith(b"\xef\xbb\xbf")


def read_document(data: bytes, name: str) -> Document:
    """The document in ``data`` (its format from the extension of ``name``)."""
    return format_module(name).read(data, name)


# ----------------------------------------------------------------- scrubbing
_ROLE_WORDS = frozenset("""
therapist client patient counsellor counselor clinician interviewer interviewee speaker
doctor dr nurse psychologist psychiatrist worker social case manager supervisor supervisee
mother father mom mum dad parent partner husband wife son daughter brother sister child teen
unknown participant facilitator moderator host guest caller agent member group male female
man woman boy girl student teacher staff provider practitioner intern trainee counsel
narrator audience all both other q a p t c i r s m f x spk voice person
""".split())


def is_role_label(label: str) -> bool:
    """'Therapist', 'SPEAKER_01', 'Client 2': a role, not a name."""
    import regex

    words = regex.findall(r"\p{L}+", label.casefold())
    return not words or all(w in _ROLE_WORDS for w in words)


def _speaker_findings(doc: Document, offsets, found: list[Finding], is_common=None) -> list[Finding]:
    """A speaker label not already removed becomes a PERSON finding, unless it is a role
    ("Therapist", "Speaker 2") or made only of ordinary words ("Plan:", "Note:")."""
    import bisect

    import regex

    starts = [f.start for f in found]
    out = []
    for i in sorted(doc.speakers):
        t = doc.texts[i]
        lo, hi = offsets[i]
        lo2 = lo + (len(t) - len(t.lstrip()))
        hi2 = hi - (len(t) - len(t.rstrip()))
        if hi2 <= lo2 or is_role_label(t):
            continue
        words = [w for w in regex.findall(r"\p{L}+", t.casefold()) if w not in _ROLE_WORDS]
        if is_common is not None and all(is_common(w) for w in words):
            continue
        j = bisect.bisect_right(starts, lo2) - 1
        if j >= 0 and found[j].end >= hi2:
            continue
        out.append(Finding(lo2, hi2, "PERSON", 1.0, "SpeakerLabel"))
    return out


def _detect(engine, doc: Document, client=None) -> tuple[str, list[tuple[int, int]], list[Finding]]:
    """Findings of the whole document as one text, speaker labels included, propagated."""
    return next(_detect_many(engine, [doc], client))


def _detect_many(engine, docs: Sequence[Document], client=None):
    """``_detect`` for several documents (CSV rows, JSONL lines) batched through the engine."""
    from ..findings import expand_to_words, merge_overlaps
    from ..streaming import STREAM_CHARS, detect_text

    joined = [d.joined() for d in docs]
    short = [t for t, _ in joined if t.strip() and len(t) <= STREAM_CHARS]
    kw = {"client": client} if client is not None else {}
    batch = iter(engine.detect_many(short, **kw) if short else ())
    for doc, (text, offsets) in zip(docs, joined):
        if not text.strip():
            yield text, offsets, []
            continue
        found = next(batch) if len(text) <= STREAM_CHARS else detect_text(engine, text, client=client)
        if doc.speakers:  # a role label ("Therapist", "SPEAKER_01") is not PHI: kept as it is
            roles = [offsets[i] for i in doc.speakers if is_role_label(doc.texts[i])]
            if roles:
                found = [f for f in found if not any(lo <= f.start and f.end <= hi for lo, hi in roles)]
        extra = _speaker_findings(doc, offsets, found, getattr(engine, "_is_common", None)) if doc.speakers else []
        if extra:
            found = merge_overlaps(found + extra)
            if hasattr(engine, "_is_common"):  # names only known from labels: spread them too
                from ..propagation import propagate

                found.extend(propagate(text, found, engine._is_common, getattr(engine, "_veto", None)))
                found = merge_overlaps([expand_to_words(text, f) for f in found])
        for f in found:
            f.value = text[f.start:f.end]
        yield text, offsets, found


def _cut(found: list[Finding], offsets: list[tuple[int, int]]) -> list[list[Finding]]:
    """Each finding as pieces inside segments (local offsets); separators are never part of one."""
    import bisect

    per: list[list[Finding]] = [[] for _ in offsets]
    starts = [s for s, _ in offsets]
    for f in found:
        k = max(0, bisect.bisect_right(starts, f.start) - 1)
        while k < len(offsets) and offsets[k][0] < f.end:
            lo, hi = offsets[k]
            s, e = max(f.start, lo), min(f.end, hi)
            if e > s:
                piece = Finding(s - lo, e - lo, f.entity_type, f.score, f.recognizer, pattern=f.pattern)
                per[k].append(piece)
            k += 1
    return per


def scrub_doc(engine, doc: Document, client=None) -> tuple[bytes, dict[str, int]]:
    """(the scrubbed file, counts per entity type) for a read document."""
    return next(scrub_docs(engine, [doc], client))


def scrub_docs(engine, docs: Sequence[Document], client=None):
    """(bytes, counts) for each document, in order; detection batched across them."""
    for doc, (edits, counts) in zip(docs, _edits_many(engine, docs, client)):
        yield doc.render_edits(edits), counts


def scrub_docs_edits(engine, docs: Sequence[Document], client=None):
    """(new segment texts, counts) for each document, in order."""
    from ..streaming import apply_edits

    for doc, (edits, counts) in zip(docs, _edits_many(engine, docs, client)):
        yield [apply_edits(t, e) for t, e in zip(doc.texts, edits)], counts


def _edits_many(engine, docs: Sequence[Document], client=None):
    """Each document's replacements per segment, (start, end, new), and its counts."""
    from ..streaming import apply_recorded, count_types

    for doc, (text, offsets, found) in zip(docs, _detect_many(engine, docs, client)):
        pieces = []  # findings cut at segment boundaries, in joined-text offsets
        for k, fs in enumerate(_cut(found, offsets)):
            for f in fs:
                f.start += offsets[k][0]
                f.end += offsets[k][0]
                f.value = text[f.start:f.end]
                pieces.append(f)
        edits = apply_recorded(engine, text, pieces, client)
        per: list[list[tuple[int, int, str]]] = [[] for _ in offsets]
        starts = [lo for lo, _ in offsets]
        import bisect

        for s, e, new in edits:
            k = bisect.bisect_right(starts, s) - 1
            lo, hi = offsets[k]
            if e > hi:  # joined across a kept space by the anonymizer: keep it whole
                raise DeidError("a replacement crossed the document's structure")
            per[k].append((s - lo, e - lo, new))
        yield per, count_types(found)


def scrub_document_counts(engine, data: bytes, name: str, client=None, columns: Optional[Sequence[str]] = None) -> tuple[bytes, dict[str, int]]:
    mod = format_module(name)
    if hasattr(mod, "scrub_stream"):  # row-wise formats (csv, jsonl)
        import io

        out = io.BytesIO()
        res = mod.scrub_stream(engine, io.BytesIO(data), out, name, client=client, columns=columns)
        return out.getvalue(), res.counts
    if hasattr(mod, "scrub_text_document"):  # one plain text: the bounded-memory path
        return mod.scrub_text_document(engine, data, name, client=client)
    return scrub_doc(engine, mod.read(data, name), client=client)


def scrub_document(engine, data: bytes, name: str, client=None, columns: Optional[Sequence[str]] = None) -> bytes:
    """Read -> detect the whole document together -> replace -> the same format, as bytes."""
    return scrub_document_counts(engine, data, name, client=client, columns=columns)[0]


def scrub_file(engine, src: str, out: BinaryIO, name: Optional[str] = None, client=None,
               columns: Optional[Sequence[str]] = None, max_bytes: Optional[int] = None) -> Outcome:
    """Scrub the file at ``src`` into the binary stream ``out``.

    ``.csv`` and ``.jsonl`` are streamed row by row; other formats are read whole (a
    long plain text is then detected window by window, see ``deid.streaming``).
    On an error part of the output may have been written: write to a temporary file."""
    from ..io import MAX_BYTES, read_bytes

    name = name or src
    mod = format_module(name)
    if hasattr(mod, "scrub_stream"):
        with open(src, "rb") as fh:
            return mod.scrub_stream(engine, fh, out, name, client=client, columns=columns)
    data = read_bytes(src, max_bytes or MAX_BYTES)
    result, counts = scrub_document_counts(engine, data, name, client=client, columns=columns)
    del data
    out.write(result)
    return Outcome(counts)


def detect_document(engine, data: bytes, name: str, client=None) -> tuple[Document, list[tuple[int, Finding]]]:
    """(the document, [(segment index, finding)]): offsets are into ``doc.texts[segment]``
    (for .txt and .md, the one segment is the whole text)."""
    doc = read_document(data, name)
    _, offsets, found = _detect(engine, doc, client)
    out = []
    for k, fs in enumerate(_cut(found, offsets)):
        for f in fs:
            f.value = doc.texts[k][f.start:f.end]
            out.append((k, f))
    return doc, out


def _add(total: dict[str, int], counts: dict[str, int]) -> None:
    for k, v in counts.items():
        total[k] = total.get(k, 0) + v
