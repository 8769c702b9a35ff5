"""Train deid's own spaCy NER model on the project's synthetic corpora.

Run from the repository root::

    python models/train.py                      # full run (defaults below)
    python models/train.py --quick              # smoke run (~1 min), saved to models/training/quick_model
    python models/train.py --n-train 8000 --max-steps 6000 --seed 0
    python models/train.py --package-only       # ship models/training/output/model-best as-is

Steps:
1. regenerate train/dev/test with the generator's fixed seeds (train=1, dev=2, test=3);
2. convert gold char spans to spaCy Docs (labels mapped through deid/labels.py to the
   small NER label set), tokenised exactly as at inference (deid.nlp.add_shorthand);
3. augment a fraction of the training documents with lowercase, UPPERCASE,
   punctuation-stripped and lowercase+stripped copies (spans adjusted);
4. ``spacy train`` (python API) with models/config.cfg and a fixed seed;
5. copy model-best to models/deid_ner/ (shorthand tokenizer cases baked in, meta set),
   leaving every intermediate under models/training/ (git-ignored).

Nothing here prints a PHI value: only counts and offsets are logged.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.util import filter_spans  # noqa: E402

from deid.labels import LABEL_MAP  # noqa: E402
from deid.nlp import add_shorthand  # noqa: E402

# The NER label set (deid entity types). Everything else is left to regex recognizers
# and is trained as "outside".
NER_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "STREET_ADDRESS")
SPLIT_SEEDS = {"train": 1, "dev": 2, "test": 3}

TRAIN_DIR = HERE / "training"
OUT_MODEL = HERE / "deid_ner"
CONFIG = HERE / "config.cfg"

# Characters removed in the punctuation-stripped augmentation (ASR-like text).  "/", "&",
# "-", "@" and "'" are kept: they are part of shorthand, emails and names.
STRIP_CHARS = set(".,;:!?\"()[]{}*•#")


def log(msg: str) -> None:
    print(f"[train] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- data
def generate_split(name: str, n: int, out_dir: Path) -> Path:
    from corpora import generate
    from corpora.generate import dumps

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.jsonl"
    t0 = time.time()
    with path.open("w", encoding="utf-8") as f:
        for d in generate(n, SPLIT_SEEDS[name]):
            f.write(dumps(d) + "\n")
    log(f"{name}: {n} docs (seed {SPLIT_SEEDS[name]}) in {time.time() - t0:.1f}s")
    return path


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ner_spans(doc: dict) -> list[tuple[int, int, str]]:
    out = []
    for s in doc["spans"]:
        t = LABEL_MAP.get(s["label"])
        if t in NER_TYPES:
            out.append((s["start"], s["end"], t))
    return out


def _case_map(text: str, fn) -> str:
    """Apply str.lower/str.upper per character, keeping length (and so offsets) fixed."""
    out = []
    for ch in text:
        c2 = fn(ch)
        out.append(c2 if len(c2) == 1 else ch)
    return "".join(out)


def _strip_punct(text: str, spans: list[tuple[int, int, str]]):
    """Remove STRIP_CHARS, collapse the double spaces left behind, remap spans."""
    keep = []  # kept original indices
    prev_space = False
    for i, ch in enumerate(text):
        if ch in STRIP_CHARS:
            continue
        if ch == " " and prev_space:
            continue
        prev_space = ch == " "
        keep.append(i)
    new_text = "".join(text[i] for i in keep)
    # old index -> new index of the first kept char at or after it
    pos = [0] * (len(text) + 1)
    j = len(keep)
    for i in range(len(text), -1, -1):
        while j > 0 and keep[j - 1] >= i:
            j -= 1
        pos[i] = j
    new_spans = []
    for s, e, lab in spans:
        ns, ne = pos[s], pos[e]
        while ns < ne and new_text[ns].isspace():
            ns += 1
        while ne > ns and new_text[ne - 1].isspace():
            ne -= 1
        if ne > ns:
            new_spans.append((ns, ne, lab))
    return new_text, new_spans


_WORD = re.compile(r"(?<![\w&/@.'-])[A-Za-z]{2,}(?![\w&/@'-])")
_SYL_ON = "b c d f g h j k l m n p r s t v w z ch sh th br cr dr fl gr pl pr st tr".split()
_SYL_NU = "a e i o u a e i o ai ea ou y".split()
_SYL_CO = ["", "", "", "n", "r", "l", "s", "x", "m", "t", "ck", "nd"]


def _pseudo_word(rng: random.Random) -> str:
    """An unfamiliar token: a made-up word, an abbreviation-like cluster, or letters+digits."""
    r = rng.random()
    if r < 0.6:
        return "".join(rng.choice(_SYL_ON) + rng.choice(_SYL_NU) + rng.choice(_SYL_CO)
                       for _ in range(rng.randint(1, 3)))
    if r < 0.85:
        return "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(rng.randint(2, 4)))
    return "".join(rng.choice("abcdefghklmnprstv") for _ in range(rng.randint(1, 3))) + str(rng.randint(1, 99))


def vocab_noise(text: str, spans, rng: random.Random, p: float):
    """Replace a fraction p of the words outside entity spans by unfamiliar tokens.

    Synthetic text has a small template vocabulary, so without this the model learns that
    any unfamiliar word in caseless text is a name; real notes are full of unfamiliar
    words (drugs, abbreviations).  Spans are shifted to stay exact.
    """
    if p <= 0:
        return text, spans
    spans = sorted(spans)
    out, last, deltas = [], 0, []  # deltas: (orig_pos, cumulative shift after it)
    shift, si = 0, 0
    for m in _WORD.finditer(text):
        s, e = m.span()
        while si < len(spans) and spans[si][1] <= s:
            si += 1
        if si < len(spans) and spans[si][0] < e + 3:  # inside an entity, or the word just before one
            continue
        if rng.random() >= p:
            continue
        w = _pseudo_word(rng)
        src = m.group()
        if src.isupper():
            w = w.upper()
        elif src[0].isupper():
            w = w[0].upper() + w[1:]
        out.append(text[last:s])
        out.append(w)
        last = e
        shift += len(w) - (e - s)
        deltas.append((e, shift))
    out.append(text[last:])
    new_text = "".join(out)

    def move(i: int) -> int:
        d = 0
        for pos, sh in deltas:
            if pos <= i:
                d = sh
            else:
                break
        return i + d

    return new_text, [(move(s), move(e), lab) for s, e, lab in spans]


def augment(text: str, spans, mode: str):
    if mode == "lower":
        return _case_map(text, str.lower), spans
    if mode == "upper":
        return _case_map(text, str.upper), spans
    if mode == "strip":
        return _strip_punct(text, spans)
    if mode == "lower_strip":
        return _strip_punct(_case_map(text, str.lower), spans)
    raise ValueError(mode)


def make_doc(nlp, text: str, spans, stats: dict) -> Doc:
    doc = nlp.make_doc(text)
    ents = []
    for s, e, lab in spans:
        sp = doc.char_span(s, e, label=lab, alignment_mode="expand")
        if sp is None or len(sp) == 0:
            stats["dropped"] = stats.get("dropped", 0) + 1
            continue
        ents.append(sp)
    kept = filter_spans(ents)
    stats["dropped"] = stats.get("dropped", 0) + len(ents) - len(kept)
    stats["ents"] = stats.get("ents", 0) + len(kept)
    doc.ents = kept
    return doc


AUG_FRACTIONS = (("lower", 0.15), ("upper", 0.10), ("strip", 0.08), ("lower_strip", 0.12))


def build_docbin(nlp, docs: list[dict], out: Path, aug_seed: int | None, noise: float = 0.0) -> dict:
    db = DocBin(store_user_data=False)
    stats: dict = {"docs": 0}
    rng = random.Random(aug_seed) if aug_seed is not None else None
    for d in docs:
        spans = ner_spans(d)
        db.add(make_doc(nlp, d["text"], spans, stats))
        stats["docs"] += 1
        if rng is None:
            continue
        for mode, frac in AUG_FRACTIONS:
            if rng.random() < frac:
                t2, s2 = augment(*vocab_noise(d["text"], spans, rng, noise), mode)
                db.add(make_doc(nlp, t2, s2, stats))
                stats["docs"] += 1
                stats[mode] = stats.get(mode, 0) + 1
    db.to_disk(out)
    return stats


# --------------------------------------------------------------------------- training
def package(best: Path, dest: Path, meta_extra: dict) -> None:
    """Copy model-best to dest with the shorthand special cases and a proper meta."""
    nlp = spacy.load(best)
    add_shorthand(nlp)
    nlp.meta.update({
        "name": "deid_ner",
        "version": "0.1.0",
        "description": "deid PHI NER (tok2vec + ner), trained only on the project's synthetic corpora. "
                       "Labels are deid entity types.",
        "license": "Apache-2.0",
        "author": "deid contributors",
    })
    nlp.meta.setdefault("deid", {}).update(meta_extra)
    tmp = dest.with_name(dest.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if dest.exists():
        shutil.rmtree(dest)
    tmp.rename(dest)
    size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    log(f"shipped model -> {dest} ({size / 1e6:.1f} MB)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n-train", type=int, default=8000)
    ap.add_argument("--n-dev", type=int, default=500, help="dev docs used for model selection")
    ap.add_argument("--n-test", type=int, default=2000, help="test docs written for evaluate_model.py")
    ap.add_argument("--max-steps", type=int, default=6000)
    ap.add_argument("--patience", type=int, default=1600)
    ap.add_argument("--eval-frequency", type=int, default=300)
    ap.add_argument("--wide-pools", type=float, default=0.0,
                    help="share of names and towns drawn from the packaged lexicons (corpora.core.WIDE_POOLS)")
    ap.add_argument("--vocab-noise", type=float, default=0.0,
                    help="fraction of non-entity words replaced by unfamiliar tokens in augmented copies")
    ap.add_argument("--out-dir", type=Path, default=TRAIN_DIR / "output", help="spacy train output folder")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="config override, e.g. components.tok2vec.model.encode.width=64 (repeatable)")
    ap.add_argument("--ship-to", type=Path, default=None,
                    help="package model-best here instead of models/deid_ner (for experiments)")
    ap.add_argument("--quick", action="store_true", help="smoke run: 300 train docs, 100 dev, 150 steps")
    ap.add_argument("--package-only", action="store_true", help="only copy training/output/model-best to deid_ner/")
    a = ap.parse_args(argv)

    if a.quick:
        a.n_train, a.n_dev, a.n_test, a.max_steps, a.eval_frequency = 300, 100, 100, 150, 50

    data_dir = TRAIN_DIR / "data"
    out_dir = a.out_dir
    if a.quick and out_dir == TRAIN_DIR / "output":
        out_dir = TRAIN_DIR / "quick_output"
    meta_extra = {"train_docs": a.n_train, "dev_docs": a.n_dev, "seed": a.seed,
                  "split_seeds": SPLIT_SEEDS, "augmentation": dict(AUG_FRACTIONS),
                  "vocab_noise": a.vocab_noise}

    meta_extra["wide_pools"] = a.wide_pools
    if not a.package_only:
        import corpora.core

        corpora.core.WIDE_POOLS = a.wide_pools
        t_all = time.time()
        TRAIN_DIR.mkdir(parents=True, exist_ok=True)
        paths = {name: generate_split(name, n, data_dir)
                 for name, n in (("train", a.n_train), ("dev", a.n_dev), ("test", a.n_test))}
        nlp = add_shorthand(spacy.blank("en"))
        t0 = time.time()
        st = build_docbin(nlp, read_jsonl(paths["train"]), data_dir / "train.spacy", aug_seed=a.seed + 1000,
                          noise=a.vocab_noise)
        log(f"train DocBin: {st} in {time.time() - t0:.1f}s")
        sd = build_docbin(nlp, read_jsonl(paths["dev"]), data_dir / "dev.spacy", aug_seed=None)
        log(f"dev DocBin: {sd}")
        meta_extra["train_docs_after_augmentation"] = st["docs"]

        from spacy.cli.train import train as spacy_train

        if out_dir.exists():
            shutil.rmtree(out_dir)
        overrides = {
            "paths.train": str(data_dir / "train.spacy"),
            "paths.dev": str(data_dir / "dev.spacy"),
            "system.seed": a.seed,
            "training.max_steps": a.max_steps,
            "training.patience": a.patience,
            "training.eval_frequency": a.eval_frequency,
        }
        for kv in a.set:
            k, _, v = kv.partition("=")
            overrides[k] = int(v) if v.lstrip("-").isdigit() else v
        meta_extra["config_overrides"] = {k: overrides[k] for k in (kv.partition("=")[0] for kv in a.set)}
        t0 = time.time()
        spacy_train(CONFIG, out_dir, overrides=overrides, use_gpu=-1)
        log(f"spacy train finished in {time.time() - t0:.0f}s (total {time.time() - t_all:.0f}s)")

    best = out_dir / "model-best"
    if not (best / "config.cfg").exists():
        log("no model-best found; nothing shipped")
        return 1
    try:
        perf = json.loads((best / "meta.json").read_text())["performance"]
        meta_extra["dev_performance_at_selection"] = {k: perf[k] for k in ("ents_p", "ents_r", "ents_f") if k in perf}
    except (OSError, KeyError, ValueError):
        pass
    # a smoke run never replaces the shipped model
    package(best, a.ship_to or (TRAIN_DIR / "quick_model" if a.quick else OUT_MODEL), meta_extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
