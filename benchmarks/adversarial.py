"""Recognizers on long adversarial text: chars/s per recognizer, and the 2x length check.

Each recognizer of the catalogue runs alone on texts made of the tokens its
patterns branch on (titles, initials, digits, slashes, speaker labels, field
labels), where a pattern with nested or overlapping quantifiers would backtrack
catastrophically.  For every (text, recognizer) pair the harness reports chars/s at
the full length and the ratio time(L) / time(L/2): a linear recognizer is near 2,
a quadratic one near 4.  It replaces the wall-clock assertions that used to live in
tests/ (speed is measured here, never by timed tests).

    python -m benchmarks.adversarial              # 1 MB per text, table to stdout
    python -m benchmarks.adversarial --chars 200000 --json benchmarks/results/adversarial.json

Exit status 1 when any ratio exceeds ``--max-ratio`` (default 3.0) or any rate is
under ``--min-rate`` chars/s (default 100,000): catastrophic backtracking shows up
as both.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

# Vocabularies: each is a bag of tokens that the patterns of one family of recognizers
# branch on.  None of them comes from any corpus; they are pattern prefixes.
TEXTS: dict[str, str] = {
    "names": (
        "the client reports low mood and poor sleep Dr Mr Mrs my sister son per by "
        "Jordan Reyes PLAN NEURO: aware LCSW MD RN ( ) , . : \n J. A.B. O'Brien "
        "Smith-Jones and & kind regards seen discussed with WILL SAID BELL"
    ),
    "shorthand": (
        "per to from AWARE Wexley 3 K. called cell # area in DC the general hospital "
        "8/30 : on Bob PAGED"
    ),
    "facilities": "pt transferred to qvh micu at 1500. sent to CT.",
    "years": "HR 88 BP 120/70 at 2000 s/p MI '92 given 1500 cc.",
    "dates": (
        "Pt seen 3/14, BP 120/80, pain 2/10, plan review March 2024. Took 5/325 mg at "
        "14:00 for two weeks. Lives with mother since 2019."
    ),
    "identifiers": (
        "patient chart record plan group account serial plate case file the a of and was is "
        "MRN NHS Medicare BP 120/80 HR 88 5 mg 10:30 3 days x2 @ home #"
    ),
    "codes_fields": (
        "case ref report card ending policy member phone tel employer: GP: the a of and BP "
        "120/80 HR 88 5 mg 1500cc 600x12 F32.1 PHQ-9 10:30 x2 # no. ID: Ref:"
    ),
    "speech": (
        "speaker 1: okay so um the third of march nineteen eighty seven uh my number is "
        "oh seven seven nine double five at gmail dot com first time\n"
    ),
}


def build_text(vocab: str, n_chars: int, seed: int = 7) -> str:
    """Random order of the vocabulary's tokens, with random numbers mixed in."""
    rnd = random.Random(seed)
    words = vocab.split(" ")
    out, size = [], 0
    while size < n_chars:
        w = rnd.choice(words)
        if rnd.random() < 0.08:
            w = str(rnd.randint(0, 10 ** rnd.randint(1, 9)))
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n_chars]


def _time(rec, text: str) -> float:
    t = time.process_time()
    rec.analyze(text, [])
    return time.process_time() - t


def measure(n_chars: int, names: list[str] | None = None) -> list[dict]:
    from deid.recognizers import build_recognizers

    recs = build_recognizers()
    for r in recs:  # warm-up: lazy compiles and lexicon loads are not the subject
        r.analyze("warm up Dr Smith on 3/14/2020 MRN 12345", [])
    rows = []
    for tname, vocab in TEXTS.items():
        if names and tname not in names:
            continue
        full = build_text(vocab, n_chars)
        half = full[: n_chars // 2]
        for r in recs:
            t_half = _time(r, half)
            t_full = _time(r, full)
            rows.append({
                "text": tname,
                "recognizer": type(r).__name__ + ("" if not getattr(r, "name", None) or r.name == type(r).__name__
                                                  else f"[{r.name}]"),
                "chars": len(full),
                "seconds": round(t_full, 4),
                "chars_per_s": round(len(full) / t_full) if t_full > 0 else None,
                "ratio_full_half": round(t_full / t_half, 2) if t_half > 0.05 else None,
            })
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--text", action="append", choices=sorted(TEXTS), help="only these texts")
    ap.add_argument("--max-ratio", type=float, default=3.0)
    ap.add_argument("--min-rate", type=float, default=100_000)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--top", type=int, default=15, help="rows to print, slowest first")
    a = ap.parse_args(argv)

    rows = measure(a.chars, a.text)
    rows.sort(key=lambda r: r["chars_per_s"] or float("inf"))
    print(f"{'text':13} {'recognizer':48} {'chars/s':>12} {'t(L)/t(L/2)':>12}")
    for r in rows[: a.top]:
        ratio = "-" if r["ratio_full_half"] is None else f"{r['ratio_full_half']:.2f}"
        print(f"{r['text']:13} {r['recognizer'][:48]:48} {r['chars_per_s'] or 0:>12,} {ratio:>12}")
    bad = [r for r in rows
           if (r["ratio_full_half"] or 0) > a.max_ratio or (r["chars_per_s"] or float("inf")) < a.min_rate]
    total = sum(r["seconds"] for r in rows)
    print(f"\n{len(rows)} (text, recognizer) pairs, {total:.1f} s CPU; "
          f"{len(bad)} over ratio {a.max_ratio} or under {a.min_rate:,.0f} chars/s")
    for r in bad:
        print(f"  SLOW {r['text']} {r['recognizer']} {r['chars_per_s']} chars/s ratio {r['ratio_full_half']}")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps({"chars": a.chars, "rows": rows}, indent=1), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
