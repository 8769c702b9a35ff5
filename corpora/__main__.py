"""Command line: python -m corpora {generate,splits,stats}."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

from .generate import write
from .stats import compute, format_stats, load

SPLIT_SEEDS = {"train": 1, "dev": 2, "test": 3}
SPLIT_SIZES = {"train": 20000, "dev": 2000, "test": 2000}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpora", description="Synthetic mental-health PHI corpus generator.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="write N gold documents as JSONL")
    g.add_argument("--n", type=int, required=True)
    g.add_argument("--seed", type=int, required=True)
    g.add_argument("--out", required=True, help="output file ('-' for stdout)")
    s = sub.add_parser("splits", help="write train/dev/test with fixed seeds (train=1, dev=2, test=3)")
    s.add_argument("--out-dir", required=True)
    for name in SPLIT_SEEDS:
        s.add_argument(f"--n-{name}", type=int, default=SPLIT_SIZES[name])
    st = sub.add_parser("stats", help="print counts per kind and label, distinct skeletons and values")
    st.add_argument("file")
    st.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)

    if a.cmd == "generate":
        if a.n < 0:
            ap.error("--n must be >= 0")
        t0 = time.time()
        if a.out == "-":
            from .generate import dumps, generate
            for d in generate(a.n, a.seed):
                sys.stdout.write(dumps(d) + "\n")
        else:
            n = write(a.out, a.n, a.seed)
            print(f"wrote {n} documents to {a.out} in {time.time() - t0:.1f}s", file=sys.stderr)
        return 0
    if a.cmd == "splits":
        os.makedirs(a.out_dir, exist_ok=True)
        for name, seed in SPLIT_SEEDS.items():
            n = getattr(a, f"n_{name}")
            path = os.path.join(a.out_dir, f"{name}.jsonl")
            t0 = time.time()
            write(path, n, seed)
            print(f"{name}: {n} documents (seed {seed}) -> {path} in {time.time() - t0:.1f}s", file=sys.stderr)
        return 0
    if a.cmd == "stats":
        res = compute(load(a.file))
        print(json.dumps(res, indent=2) if a.json else format_stats(res))
        return 0
    return 2


if __name__ == "__main__":
    try:
        rc = main()
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `stats FILE | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        rc = 0
    sys.exit(rc)
