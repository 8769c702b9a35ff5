"""Model-only evaluation of deid's NER (no regex recognizers, no Presidio).

Run from the repository root::

    python models/evaluate_model.py                         # shipped model, dev+test, speed, PhysioNet
    python models/evaluate_model.py --model PATH --n 500 --json out.json
    python models/evaluate_model.py --skip-physionet

Reports (counts and scores only; never a PHI value):
- per-label precision / recall / F1 on the synthetic dev (seed 2) and test (seed 3) splits.
  Gold char spans are mapped to deid entity types (deid/labels.py) and expanded to token
  boundaries, as in training; a prediction is correct when start, end and label match.
  "overlap recall" counts a gold span as found when any predicted entity overlaps it.
- PERSON recall per document kind (overlap with any predicted entity, and typed: a PERSON
  prediction overlapping it).
- words/second on ONE core (OMP/BLAS threads pinned to 1 before numpy is imported),
  ``nlp.pipe(batch_size=64)``.
- PhysioNet dev (measurement only, never training data): recall of name spans (HCPName,
  PTName, RelativeProxyName) where any PERSON/ORGANIZATION/LOCATION entity overlaps, and
  the number of predicted entities that overlap no gold span.
"""
from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from deid.labels import LABEL_MAP  # noqa: E402
from deid.nlp import load_spacy  # noqa: E402

NER_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "STREET_ADDRESS")
SPLIT_SEEDS = {"dev": 2, "test": 3}
PHYSIONET = Path("/work/shared/corpora/physionet_dev.jsonl")
PN_NAME_LABELS = ("HCPName", "PTName", "RelativeProxyName")


def _docs(split: str, n: int) -> list[dict]:
    from corpora import generate

    cached = HERE / "training" / "data" / f"{split}.jsonl"
    if cached.exists():
        with cached.open(encoding="utf-8") as f:
            docs = [json.loads(line) for line in f if line.strip()]
        if len(docs) >= n:
            return docs[:n]
    return list(generate(n, SPLIT_SEEDS[split]))


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


def _overlaps(s, e, ents) -> bool:
    return any(a < e and s < b for a, b, _ in ents)


def eval_synthetic(nlp, docs: list[dict]) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    ov_found, ov_total = Counter(), Counter()
    kind_any, kind_typed, kind_total = Counter(), Counter(), Counter()
    texts = [d["text"] for d in docs]
    for d, doc in zip(docs, nlp.pipe(texts, batch_size=64)):
        pred = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        gold = []
        for s in d["spans"]:
            t = LABEL_MAP.get(s["label"])
            if t not in NER_TYPES:
                continue
            sp = doc.char_span(s["start"], s["end"], alignment_mode="expand")
            gs, ge = (sp.start_char, sp.end_char) if sp is not None and len(sp) else (s["start"], s["end"])
            gold.append((gs, ge, t, s["start"], s["end"]))
        gold_set = {(a, b, t) for a, b, t, _, _ in gold}
        pred_set = set(pred)
        for g in gold_set:
            (tp if g in pred_set else fn)[g[2]] += 1
        for p in pred_set:
            if p not in gold_set:
                fp[p[2]] += 1
        kind = d.get("kind", "?")
        for _, _, t, s0, e0 in gold:
            hit = _overlaps(s0, e0, pred)
            ov_total[t] += 1
            ov_found[t] += hit
            if t == "PERSON":
                kind_total[kind] += 1
                kind_any[kind] += hit
                kind_typed[kind] += _overlaps(s0, e0, [p for p in pred if p[2] == "PERSON"])
    labels = sorted(set(tp) | set(fp) | set(fn))
    per_label = {lab: {**_prf(tp[lab], fp[lab], fn[lab]),
                       "overlap_recall": round(ov_found[lab] / ov_total[lab], 4) if ov_total[lab] else None}
                 for lab in labels}
    per_label["ALL"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    per_kind = {k: {"person_spans": kind_total[k],
                    "recall_any": round(kind_any[k] / kind_total[k], 4),
                    "recall_typed": round(kind_typed[k] / kind_total[k], 4)}
                for k in sorted(kind_total)}
    non_asr = [k for k in kind_total if k != "asr_transcript"]
    tot = sum(kind_total[k] for k in non_asr)
    per_kind["ALL_BUT_ASR"] = {"person_spans": tot,
                               "recall_any": round(sum(kind_any[k] for k in non_asr) / tot, 4) if tot else None,
                               "recall_typed": round(sum(kind_typed[k] for k in non_asr) / tot, 4) if tot else None}
    return {"docs": len(docs), "per_label": per_label, "person_recall_by_kind": per_kind}


def speed(nlp, texts: list[str], repeat: int = 1) -> dict:
    list(nlp.pipe(texts[:32], batch_size=64))  # warm-up
    words = chars = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for doc in nlp.pipe(texts, batch_size=64):
            words += len(doc)
            chars += len(doc.text)
    dt = time.perf_counter() - t0
    return {"docs": len(texts) * repeat, "tokens": words, "seconds": round(dt, 2),
            "words_per_s": round(words / dt), "chars_per_s": round(chars / dt)}


def eval_physionet(nlp, path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    found, total = Counter(), Counter()
    unmatched = Counter()
    n_pred = Counter()
    t0 = time.perf_counter()
    chars = 0
    for d, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=64)):
        chars += len(d["text"])
        pred = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        name_pred = [p for p in pred if p[2] in ("PERSON", "ORGANIZATION", "LOCATION")]
        for s in d["spans"]:
            lab = s["label"]
            ents = name_pred if lab in PN_NAME_LABELS or lab == "PTNameInitial" else pred
            total[lab] += 1
            found[lab] += _overlaps(s["start"], s["end"], ents)
        gold = [(s["start"], s["end"], s["label"]) for s in d["spans"]]
        for a, b, t in pred:
            n_pred[t] += 1
            if not _overlaps(a, b, gold):
                unmatched[t] += 1
    dt = time.perf_counter() - t0
    names_total = sum(total[k] for k in PN_NAME_LABELS)
    names_found = sum(found[k] for k in PN_NAME_LABELS)
    return {
        "docs": len(docs),
        "name_recall": round(names_found / names_total, 4) if names_total else None,
        "name_spans": names_total,
        "recall_by_label": {k: {"found": found[k], "total": total[k], "recall": round(found[k] / total[k], 4)}
                            for k in sorted(total)},
        "predicted_entities": dict(n_pred),
        "predicted_overlapping_no_gold": dict(unmatched),
        "chars_per_s_1core": round(chars / dt),
    }


def _print_table(title: str, res: dict) -> None:
    print(f"\n## {title} ({res['docs']} docs)")
    print("| label | P | R | F | overlap R | support |")
    print("|---|---|---|---|---|---|")
    for lab, m in res["per_label"].items():
        print(f"| {lab} | {m['p']:.3f} | {m['r']:.3f} | {m['f']:.3f} | "
              f"{m.get('overlap_recall') if m.get('overlap_recall') is not None else '-'} | {m['support']} |")
    print("\n| kind | PERSON spans | recall (any entity) | recall (PERSON) |")
    print("|---|---|---|---|")
    for k, m in res["person_recall_by_kind"].items():
        print(f"| {k} | {m['person_spans']} | {m['recall_any']} | {m['recall_typed']} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="builtin", help="'builtin' (models/deid_ner) or a path/package")
    ap.add_argument("--n", type=int, default=2000, help="docs per synthetic split")
    ap.add_argument("--splits", default="dev,test")
    ap.add_argument("--skip-physionet", action="store_true")
    ap.add_argument("--json", type=Path, default=HERE / "training" / "eval.json")
    a = ap.parse_args(argv)

    model = str(HERE / "deid_ner") if a.model == "builtin" else a.model
    nlp = load_spacy(model)
    out: dict = {"model": a.model, "pipeline": nlp.pipe_names}
    test_texts: list[str] = []
    for split in [s for s in a.splits.split(",") if s]:
        docs = _docs(split, a.n)
        out[split] = eval_synthetic(nlp, docs)
        _print_table(f"synthetic {split}", out[split])
        test_texts = [d["text"] for d in docs]
    if test_texts:
        out["speed_1core"] = speed(nlp, test_texts)
        print(f"\nspeed (1 core): {out['speed_1core']}")
    if not a.skip_physionet and PHYSIONET.exists():
        out["physionet_dev"] = eval_physionet(nlp, PHYSIONET)
        print(f"\nPhysioNet dev: {json.dumps(out['physionet_dev'], indent=1)}")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
