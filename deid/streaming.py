"""Long texts in bounded memory: detect window by window, apply segment by segment.

Why: the engine's own path keeps the whole text, every finding object and the
document-wide propagation in memory at once (its model batches are bounded: 1.5 MB of
text peaks near 370 MB), which grows with the text. Here a long text is cut into windows no longer than one engine chunk, each detected
alone through the public ``engine.detect``; findings are kept as compact arrays, not
objects (a 50 MB note has over a million of them); windows are stitched at the middle
of their overlap; names found anywhere in the document are carried to every other
window (document-wide propagation, as the engine does within one text); the profile's
operators are built once for the whole document, so ``[PERSON_1]`` is the same
person throughout, and applied one segment at a time.

Texts up to ``STREAM_CHARS`` (2 million characters, far more than a session
transcript or a case file) take the engine's ordinary path unchanged; streaming output
can differ slightly at window edges (the model sees less context there).
"""
from __future__ import annotations

import bisect
from array import array
from typing import Callable, Iterator, Optional

import regex

from .chunking import CHUNK_CHARS, OVERLAP_CHARS, chunk_spans
from .findings import Finding, count_types, expand_to_words, merge_overlaps

STREAM_CHARS = 2_000_000
# a window must fit in one engine chunk, or the engine would batch several again
WINDOW_CHARS = CHUNK_CHARS - OVERLAP_CHARS - 400
_SPACE = regex.compile(r"\s")
_CARRY = "StreamCarry"


class FindingArrays:
    """Findings as parallel arrays: about 22 bytes each instead of several hundred."""

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.types = array("H")
        self.scores = array("f")
        self.recs = array("H")
        self._names: list[str] = []
        self._ids: dict[str, int] = {}

    def _id(self, name: str) -> int:
        i = self._ids.get(name)
        if i is None:
            i = self._ids[name] = len(self._names)
            self._names.append(name)
        return i

    def __len__(self) -> int:
        return len(self.starts)

    def add(self, start: int, end: int, entity_type: str, score: float, recognizer: str) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.types.append(self._id(entity_type))
        self.scores.append(score)
        self.recs.append(self._id(recognizer))

    def add_finding(self, f: Finding, offset: int = 0) -> None:
        self.add(f.start + offset, f.end + offset, f.entity_type, f.score, f.recognizer)

    def finding(self, i: int, offset: int = 0) -> Finding:
        return Finding(self.starts[i] - offset, self.ends[i] - offset, self._names[self.types[i]],
                       float(self.scores[i]), self._names[self.recs[i]])

    def between(self, lo: int, hi: int) -> range:
        """Indices of findings starting in [lo, hi) (the arrays are sorted by start)."""
        return range(bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi))


def _cut(text: str, lo: int, hi: int) -> int:
    """A whitespace near the middle of the overlap [lo, hi), where two windows hand over."""
    mid = (lo + hi) // 2
    m = _SPACE.search(text, mid, hi)
    return m.start() if m else mid


def _windows(text: str) -> list[tuple[int, int, int, int]]:
    """(window start, window end, own from, own to): each window owns the findings starting
    in its own part; own parts tile the text and meet in the middle of each overlap."""
    spans = chunk_spans(text, WINDOW_CHARS, OVERLAP_CHARS)
    cuts = [0] + [_cut(text, spans[k + 1][0], spans[k][1]) for k in range(len(spans) - 1)] + [len(text)]
    return [(s, e, cuts[k], cuts[k + 1]) for k, (s, e) in enumerate(spans)]


def _detect_windows(engine, text: str, client) -> tuple[FindingArrays, list[tuple[int, int, int, int]]]:
    """Pass 1: each window alone through the engine; stitched into sorted, non-overlapping arrays."""
    wins = _windows(text)
    out = FindingArrays()
    last_end = -1
    for ws, we, own_lo, own_hi in wins:
        found = engine.detect(text[ws:we], client=client)
        for f in found:
            s, e = f.start + ws, f.end + ws
            if not own_lo <= s < own_hi:
                continue
            if s < last_end:  # overlaps the previous window's last finding: union them
                out.ends[-1] = max(out.ends[-1], e)
                if f.score > out.scores[-1]:
                    out.types[-1] = out._id(f.entity_type)
                    out.scores[-1] = f.score
                    out.recs[-1] = out._id(f.recognizer)
                last_end = out.ends[-1]
                continue
            out.add(s, e, f.entity_type, f.score, f.recognizer)
            last_end = e
    return out, wins


def _segments(text: str, found: FindingArrays, wins) -> list[tuple[int, int]]:
    """Segments to finish and apply one at a time: the windows' own parts, moved so that
    no finding crosses a segment boundary."""
    bounds = [0]
    for _, _, _, hi in wins[:-1]:
        j = bisect.bisect_left(found.starts, hi) - 1
        if j >= 0 and found.ends[j] > hi:
            hi = found.ends[j]
        if hi > bounds[-1]:
            bounds.append(hi)
    if bounds[-1] < len(text):
        bounds.append(len(text))
    return list(zip(bounds, bounds[1:]))


class _Carry:
    """Values found with confidence anywhere in the document, indexed by their words, so a
    window gets only the few seeds whose words it contains."""

    def __init__(self, engine) -> None:
        from . import propagation as P

        self.P = P
        self.ok = hasattr(engine, "_is_common") and hasattr(engine, "_veto")
        self.engine = engine
        self.seeds: dict[tuple[str, str], int] = {}
        self.values: list[tuple[str, str]] = []
        self.index: dict[str, set[int]] = {}

    def add(self, text: str, f: Finding) -> None:
        P = self.P
        if not self.ok:
            return
        if f.score < P.MIN_SCORE or f.recognizer == "DocumentPropagation":
            return
        if f.entity_type != "PERSON" and f.entity_type not in P.EXACT_TYPES:
            return
        if f.recognizer in P.UNSEEDED and not P._proper_mid_sentence(text, f):
            return
        val = text[f.start:f.end]
        if "\n" in val or len(val) > 200:
            return
        key = (f.entity_type, val)
        if key in self.seeds:
            return
        i = self.seeds[key] = len(self.values)
        self.values.append(key)
        for k in self._keys(f.entity_type, val):
            self.index.setdefault(k, set()).add(i)

    def _keys(self, et: str, val: str) -> set[str]:
        """Words a window must contain for this value (or a variant) to be found in it:
        uncommon words as they are, common name words only capitalised ("^grace"), initials
        ("#JR"); a multi-word identifier by its first uncommon word."""
        P, common = self.P, self.engine._is_common
        if et == "PERSON":
            raw = [t for t in P._NAME_TOKEN.findall(val) if P._norm(t)]
            keys = set()
            for r in raw:
                w = P._norm(r)
                if len(w) >= 3:
                    keys.add(w if not common(w) else "^" + w)
            if 2 <= len(raw) <= 3:
                keys.add("#" + "".join(P._norm(r)[0] for r in raw).upper())
            return keys
        words = [P._norm(m.group()) for m in P._WORD.finditer(val)]
        words = [w for w in words if w]
        rare = [w for w in words if not common(w)]
        return {rare[0] if rare else words[0]} if words else set()

    def _seg_keys(self, seg: str) -> set[str]:
        P = self.P
        keys = set()
        for m in P._WORD.finditer(seg):
            raw = m.group()
            w = P._norm(raw)
            keys.add(w)
            if raw[:1].isupper():
                keys.add("^" + w)
                if raw.replace(".", "").isupper() and 2 <= len(raw.replace(".", "")) <= 3:
                    keys.add("#" + raw.replace(".", ""))
        return keys

    def extra(self, seg: str, kept: list[Finding]) -> list[Finding]:
        """Further occurrences in ``seg`` of values found elsewhere in the document."""
        if not self.ok or not self.values:
            return []
        P = self.P
        hits: set[int] = set()
        for k in self._seg_keys(seg):
            hits |= self.index.get(k, set())
        if not hits:
            return []
        prefix, seeds, pos = [], [], 0
        for i in sorted(hits):
            et, val = self.values[i]
            seeds.append(Finding(pos, pos + len(val), et, 1.0, _CARRY))
            prefix.append(val + "\n\n")
            pos += len(val) + 2
        shifted = [Finding(f.start + pos, f.end + pos, f.entity_type, f.score, f.recognizer) for f in kept]
        new = P.propagate("".join(prefix) + seg, seeds + shifted, self.engine._is_common, self.engine._veto)
        return [Finding(f.start - pos, f.end - pos, f.entity_type, f.score, f.recognizer) for f in new if f.start >= pos]


def _finish(engine, text: str, client) -> tuple[FindingArrays, list[tuple[int, int]]]:
    """Passes 1 and 2: windowed detection, then document-wide propagation segment by segment."""
    found, wins = _detect_windows(engine, text, client)
    segs = _segments(text, found, wins)
    from .relative_dates import with_birth_years
    carry = _Carry(engine)
    for i in range(len(found)):
        carry.add(text, found.finding(i))
    final = FindingArrays()
    for lo, hi in segs:
        seg = text[lo:hi]
        kept = [found.finding(i, lo) for i in found.between(lo, hi)]
        extra = carry.extra(seg, kept)
        if extra:
            kept = merge_overlaps(kept + [expand_to_words(seg, f) for f in extra])
        # as engine.apply does: bare birth years of the 90+
        kept = with_birth_years(seg, kept, getattr(engine, "today", None))
        for f in kept:
            final.add_finding(f, lo)
    return final, segs


def detect_text(engine, text: str, client=None) -> list[Finding]:
    """``engine.detect(text)``, in bounded memory for long texts."""
    if len(text) <= STREAM_CHARS:
        return engine.detect(text, client=client)
    final, _ = _finish(engine, text, client)
    out = []
    for i in range(len(final)):
        f = final.finding(i)
        f.value = text[f.start:f.end]
        out.append(f)
    return out


class Applier:
    """The profile's operators for a whole long document, applied one segment at a time.

    This mirrors ``engine.apply`` (operators built once from every value of the
    document, so ``[PERSON_1]`` is one person in every segment; surrogates inside the
    engine's vault transaction), which would need every finding of the document as an
    object at once.  Use as a context manager."""

    def __init__(self, engine, findings, text: str = "", client=None) -> None:
        from presidio_analyzer import RecognizerResult

        uniq: dict[tuple[str, str], Finding] = {}
        for f in findings:  # first occurrence of each value, in document order
            uniq.setdefault((f.entity_type, f.value), f)
        self.engine, self.text, self.uniq = engine, text, list(uniq.values())
        self.card = client if client is not None else getattr(engine, "client", None)
        self.anonymizer = engine.anonymizer
        self._RR = RecognizerResult
        self._cache: dict[tuple[str, str], str] = {}

    def __enter__(self) -> "Applier":
        import inspect
        from contextlib import nullcontext

        from .operators import build_operators

        e = self.engine
        self._cm = e._surrogates(self.uniq, self.text, self.card) if hasattr(e, "_surrogates") else nullcontext(None)
        surrogates = self._cm.__enter__()
        kw = {}
        params = inspect.signature(build_operators).parameters
        if "today" in params:
            kw["today"] = getattr(e, "today", None)
        if "surrogates" in params:
            kw["surrogates"] = surrogates
        self.ops = build_operators(e.profile, self.uniq, text=self.text, client=self.card, **kw)
        return self

    def __exit__(self, *exc):
        return self._cm.__exit__(*exc)

    def replacement(self, entity_type: str, value: str) -> str:
        key = (entity_type, value)
        r = self._cache.get(key)
        if r is None:
            res = [self._RR(entity_type, 0, len(value), 1.0)]
            r = self._cache[key] = self.anonymizer.anonymize(text=value, analyzer_results=res, operators=self.ops).text
        return r

    def edits(self, seg: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """(start, end, replacement) for sorted, non-overlapping (start, end, type) in ``seg``;
        same-type neighbours separated only by spaces are replaced together, as presidio does."""
        merged: list[list] = []
        for s, e, et in spans:
            if merged and merged[-1][2] == et and s > merged[-1][1] and regex.fullmatch(" +", seg[merged[-1][1]:s]):
                merged[-1][1] = e
            else:
                merged.append([s, e, et])
        return [(s, e, self.replacement(et, seg[s:e])) for s, e, et in merged]


class _Recorder:
    """Stands in for the engine's anonymizer to learn where each replacement went.

    ``engine.apply`` stays the one place where a profile's operators are applied (tags,
    surrogates and their vault, purpose plans); the recorder does presidio's merge of
    same-type neighbours separated by spaces itself, so every replacement's input span
    is known, and checks that the output lines up with them."""

    def __init__(self, real) -> None:
        self.real = real
        self.edits: list[tuple[int, int, str]] = []

    def __getattr__(self, name):
        return getattr(self.real, name)

    def anonymize(self, text, analyzer_results, operators=None, **kw):
        from presidio_analyzer import RecognizerResult

        merged: list[list] = []
        for r in sorted(analyzer_results, key=lambda r: (r.start, r.end)):
            if merged and merged[-1][2] == r.entity_type and r.start > merged[-1][1] and regex.fullmatch(" +", text[merged[-1][1]:r.start]):
                merged[-1][1], merged[-1][3] = r.end, r.score
            else:
                merged.append([r.start, r.end, r.entity_type, r.score])
        res = self.real.anonymize(text=text, analyzer_results=[RecognizerResult(et, s, e, sc) for s, e, et, sc in merged],
                                  operators=operators, merge_entities_with_spaces=False)
        items = sorted(res.items, key=lambda i: i.start)
        if len(items) != len(merged):
            raise RuntimeError("replacements do not line up with the findings")
        delta = 0
        for (s, e, _, _), it in zip(merged, items):
            if it.start != s + delta:
                raise RuntimeError("replacements do not line up with the findings")
            self.edits.append((s, e, it.text))
            delta += (it.end - it.start) - (e - s)
        return res


def apply_recorded(engine, text: str, findings: list[Finding], client=None) -> list[tuple[int, int, str]]:
    """``engine.apply(text, findings)`` as (start, end, replacement) edits of ``text``."""
    import copy

    while "_engine" in vars(engine):  # a wrapper (deid.audit.AuditedEngine): the engine itself
        engine = engine._engine
    eng = copy.copy(engine)
    rec = eng.anonymizer = _Recorder(engine.anonymizer)
    out = eng.apply(text, findings, client=client)
    if apply_edits(text, rec.edits) != out:
        raise RuntimeError("replacements do not line up with the findings")
    return rec.edits


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for s, e, new in edits:
        out.append(text[pos:s])
        out.append(new)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def scrub_text_to(engine, text: str, write: Callable[[str], object], client=None) -> dict[str, int]:
    """Scrub ``text``, handing the result to ``write`` piece by piece; returns counts per type.

    Nothing is written before detection of the whole text has succeeded (fail closed
    for a caller that writes to a temporary file)."""
    if len(text) <= STREAM_CHARS:
        r = engine.scrub(text, client=client)
        write(r.text)
        return count_types(r.findings)
    final, segs = _finish(engine, text, client)

    def values():
        for i in range(len(final)):
            f = final.finding(i)
            f.value = text[f.start:f.end]
            yield f

    counts = count_types(values())
    with Applier(engine, values(), text=text, client=client) as applier:
        for lo, hi in segs:
            seg = text[lo:hi]
            spans = [(final.starts[i] - lo, final.ends[i] - lo, final._names[final.types[i]]) for i in final.between(lo, hi)]
            write(apply_edits(seg, applier.edits(seg, spans)) if spans else seg)
    return counts


def scrub_text(engine, text: str, client=None) -> tuple[str, dict[str, int]]:
    """(scrubbed text, counts per entity type), in bounded working memory for long texts."""
    parts: list[str] = []
    counts = scrub_text_to(engine, text, parts.append, client=client)
    return "".join(parts), counts


def iter_windows(text: str) -> Iterator[tuple[int, int]]:
    """The windows a long text is detected in (for tests and benchmarks)."""
    for ws, we, _, _ in _windows(text):
        yield ws, we
