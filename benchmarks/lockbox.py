"""Recall and precision on every corpus at once, with lockbox discipline.

    python -m benchmarks.lockbox                      # the table, every corpus
    python -m benchmarks.lockbox --misses 200 --only mh_open   # misses, open halves only
    python -m benchmarks.lockbox --json out.json

Corpora (the shared ones are read from ``../shared/corpora`` and never copied):

* ``mh_open`` / ``mh_lockbox``: the hand-written mental-health halves as shipped;
* ``pn_open`` / ``pn_lockbox``: the PhysioNet dev split (odd patient ids) halved by
  patient, ``patient % 4 == 1`` open and ``patient % 4 == 3`` lockbox;
* ``synthetic``: documents of the generator's test seed (3), which the model never saw;
* ``ps_open`` / ``ps_lockbox``: sentences of presidio-evaluator's generator (the
  generator of the issue's Presidio benchmark), even / odd templates, when
  ``benchmarks/presidio_style.py`` has written them to ``benchmarks/out/``;
* ``mh_open_lower`` ... ``mh_lockbox_upper``: the mental-health halves in lower case (as
  speech-to-text writes) and in ALL CAPS (as shorthand does), character for character,
  so the same gold spans hold: does what was learnt from capitals hold without them?

Misses are printed only for open halves: asking for a lockbox's misses is refused.
A lockbox is run for its aggregate figures, to tell learning from fitting.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from deid.evaluate import GoldDoc, Report, load_gold, score_document
from deid.recognizers.name_lexicon import recase  # one character for one: gold offsets hold

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
LOCKBOXES = {"mh_lockbox", "pn_lockbox", "mh_lockbox_lower", "mh_lockbox_upper", "ps_lockbox"}
PRESIDIO_STYLE = ROOT / "benchmarks" / "out"  # written by benchmarks/presidio_style.py


def _physionet(half: int) -> list[GoldDoc]:
    path = SHARED / "physionet_dev.jsonl"
    keep = []
    docs = load_gold(str(path))
    patients = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            patients[str(obj["id"])] = int(obj["patient"])
    for d in docs:
        if patients[d.id] % 4 == half:
            keep.append(d)
    return keep


def _synthetic(n: int) -> list[GoldDoc]:
    from corpora.generate import generate

    return [GoldDoc(d["id"], d["text"], sorted((s["start"], s["end"], s["label"]) for s in d["spans"]), d.get("kind"))
            for d in generate(n, seed=3)]


def _recased(path: Path, case: str) -> list[GoldDoc]:
    return [GoldDoc(d.id, recase(d.text, case), d.spans, d.kind) for d in load_gold(str(path))]


def corpora(n_synthetic: int) -> dict[str, callable]:
    mh_open, mh_lock = SHARED / "mh_dev_open.jsonl", SHARED / "mh_dev_lockbox.jsonl"
    return {
        "mh_open": lambda: load_gold(str(mh_open)),
        "mh_lockbox": lambda: load_gold(str(mh_lock)),
        "pn_open": lambda: _physionet(1),
        "pn_lockbox": lambda: _physionet(3),
        "synthetic": lambda: _synthetic(n_synthetic),
        "mh_open_lower": lambda: _recased(mh_open, "lower"),
        "mh_lockbox_lower": lambda: _recased(mh_lock, "lower"),
        "mh_open_upper": lambda: _recased(mh_open, "upper"),
        "mh_lockbox_upper": lambda: _recased(mh_lock, "upper"),
    } | {  # the Presidio-style probe, when benchmarks/presidio_style.py has written it
        name: (lambda p=path: load_gold(str(p)))
        for name, path in (("ps_open", PRESIDIO_STYLE / "presidio_style_open.jsonl"),
                           ("ps_lockbox", PRESIDIO_STYLE / "presidio_style_lockbox.jsonl"))
        if path.exists()
    }


def run(names: list[str], misses: int, model: str, profile: str, n_synthetic: int) -> dict:
    from deid import Deidentifier

    d = Deidentifier(profile=profile, model=model)
    out = {}
    for name in names:
        docs = corpora(n_synthetic)[name]()
        rep = Report()
        t0 = time.perf_counter()
        found = list(d.detect_many(x.text for x in docs))
        rep.seconds = time.perf_counter() - t0
        keep = misses > 0 and name not in LOCKBOXES
        for doc, f in zip(docs, found):
            score_document(rep, doc, f, keep_misses=keep, changed=d.changes)
        out[name] = rep
    return out


def table(reports: dict[str, Report]) -> str:
    rows = ["| corpus | docs | spans | entity recall | full coverage | span precision (changed) | span precision (all) | chars/s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, rep in reports.items():
        a = rep.as_dict()
        rows.append(f"| {name} | {a['documents']} | {a['overall']['n']} | {a['overall']['recall']:.3f} | "
                    f"{a['overall']['full_recall']:.3f} | {a['span_precision'] or 0:.3f} | "
                    f"{a['span_precision_all_findings'] or 0:.3f} | {a['chars_per_second'] or 0:,} |")
    return "\n".join(rows)


def labels(reports: dict[str, Report]) -> str:
    out = []
    for name, rep in reports.items():
        a = rep.as_dict()["by_label"]
        out.append(f"{name}: " + ", ".join(f"{k} {v['recall']:.3f} ({v['n']})" for k, v in a.items()))
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", help="corpus name (repeatable); default all")
    ap.add_argument("--misses", type=int, default=0, help="print up to N misses per OPEN corpus")
    ap.add_argument("--model", default="builtin")
    ap.add_argument("--profile", default="safe-harbor")
    ap.add_argument("--synthetic", type=int, default=500, help="documents of the synthetic test seed")
    ap.add_argument("--json", help="write the figures as JSON here")
    a = ap.parse_args(argv)
    names = a.only or list(corpora(0))
    if a.misses and any(n in LOCKBOXES for n in names) and a.only:
        print("lockbox misses are never printed; run the lockbox for its figures only", file=sys.stderr)
        return 2
    reports = run(names, a.misses, a.model, a.profile, a.synthetic)
    print(table(reports))
    print()
    print(labels(reports))
    if a.misses:
        for name, rep in reports.items():
            if name in LOCKBOXES:
                continue
            print(f"\n## misses in {name}")
            for doc_id, lab, val, ctx in rep.misses[: a.misses]:
                print(f"{doc_id}\t{lab}\t{val!r}\t{ctx}")
    if a.json:
        Path(a.json).write_text(json.dumps({k: v.as_dict() for k, v in reports.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
