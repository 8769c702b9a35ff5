"""Document generation: one seeded RNG per document, so output is reproducible."""
from __future__ import annotations

import json
import random
from typing import Iterator

from .core import LABEL_SET, fakers
from .kinds import KINDS, DocCtx

REGIONS = [("US", 40), ("AU", 25), ("UK", 20), ("CA", 15)]
KIND_NAMES = list(KINDS)


def _wchoice(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def doc_seed(seed: int, i: int) -> int:
    return (seed * 1_000_003 + i * 7919 + 12345) % (2 ** 63)


def generate_doc(seed: int, i: int, kind: str | None = None) -> dict:
    ds = doc_seed(seed, i)
    rng = random.Random(ds)
    for k, (loc, f) in enumerate(sorted(fakers().items())):
        f.seed_instance(ds + k)
    kind = kind or _wchoice(rng, [(k, w) for k, (_, w) in KINDS.items()])
    region = _wchoice(rng, REGIONS)
    asr = kind == "asr_transcript"
    ctx = DocCtx(rng, region, asr=asr)
    KINDS[kind][0](ctx)
    case = "none"
    if kind in ("icu_note", "hospital_note"):
        x = rng.random()
        case = "upper" if x < 0.25 else "lower" if x < 0.45 else "none"
    elif not asr:
        x = rng.random()
        case = "lower" if x < 0.03 else "none"
    text, spans = ctx.b.finish(case, asr, rng, typo_rate=0.03)
    text, spans = _rstrip(text, spans)
    return {"id": f"syn-{seed}-{i:06d}", "text": text, "spans": spans, "kind": kind}


def _rstrip(text, spans):
    end = len(text.rstrip())
    if spans and spans[-1]["end"] > end:
        end = spans[-1]["end"]
    return text[:end], spans


def generate(n: int, seed: int) -> Iterator[dict]:
    for i in range(n):
        yield generate_doc(seed, i)


def dumps(doc: dict) -> str:
    return json.dumps({"id": doc["id"], "text": doc["text"], "spans": doc["spans"], "kind": doc["kind"]},
                      ensure_ascii=False)


def write(path: str, n: int, seed: int) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for doc in generate(n, seed):
            fh.write(dumps(doc) + "\n")
            count += 1
    return count


def validate(doc: dict) -> list[str]:
    """Problems with a gold document (empty list when valid)."""
    errs = []
    text = doc["text"]
    prev = 0
    for s in doc["spans"]:
        a, b, lab = s["start"], s["end"], s["label"]
        if not (0 <= a < b <= len(text)):
            errs.append(f"span out of bounds {a}-{b}")
        if a < prev:
            errs.append(f"overlap/unsorted at {a}")
        if lab not in LABEL_SET:
            errs.append(f"bad label {lab}")
        seg = text[a:b]
        if seg != seg.strip():
            errs.append(f"untrimmed span at {a}")
        prev = b
    return errs
