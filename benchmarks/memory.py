"""Peak memory and wall time of `deid` on one very long text and one long JSONL file.

    python -m benchmarks.memory                       # 50 MB text, 100,000 JSONL lines
    python -m benchmarks.memory --text-mb 5 --jsonl-lines 10000 [--batch] [--json OUT]

Inputs are made from the synthetic corpus generator (``corpora``, seeded; no real
text) in a temporary folder that is removed at the end.  Each measurement runs a fresh
child process (``deid scrub FILE -o OUT``, ``deid scrub --jsonl``, and with ``--batch``
``deid batch --jobs 1`` over a folder holding both) and reads its own peak RSS from
``os.wait4``.  Only sizes, times and memory figures are printed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _pool(n: int = 3000, seed: int = 11) -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from corpora import generate

    return [d["text"] for d in generate(n, seed=seed)]


def make_text(path: Path, mb: float, pool: list[str]) -> int:
    """Synthetic notes one after another (the pool repeated) up to ``mb`` megabytes."""
    target, n, i = int(mb * 1024 * 1024), 0, 0
    with open(path, "w", encoding="utf-8") as fh:
        while n < target:
            t = pool[i % len(pool)] + "\n\n"
            fh.write(t)
            n += len(t.encode("utf-8"))
            i += 1
    return n


def make_jsonl(path: Path, lines: int, pool: list[str]) -> int:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(lines):
            fh.write(json.dumps({"id": i, "text": pool[i % len(pool)]}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def measure(cmd: list[str]) -> dict:
    """Wall time, exit code and the child's own peak RSS (MB)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as errf:  # a file, not a pipe: a chatty child cannot block on it
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errf)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace").strip().splitlines()
    p.returncode = os.waitstatus_to_exitcode(status)
    return {"rc": p.returncode, "wall_s": round(wall, 1), "peak_rss_mb": round(ru.ru_maxrss / 1024), "stderr_tail": err[-1:] }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text-mb", type=float, default=50.0)
    ap.add_argument("--jsonl-lines", type=int, default=100_000)
    ap.add_argument("--batch", action="store_true", help="also time `deid batch --jobs 1` over both files")
    ap.add_argument("--skip-text", action="store_true")
    ap.add_argument("--skip-jsonl", action="store_true")
    ap.add_argument("--json", metavar="OUT", help="write the figures as JSON here")
    args = ap.parse_args(argv)
    deid = [sys.executable, "-m", "deid"]
    tmp = Path(tempfile.mkdtemp(prefix="deid-mem-"))
    results: dict = {"cpus": os.cpu_count()}
    try:
        pool = _pool()
        src = tmp / "in"
        src.mkdir()
        if not args.skip_text:
            size = make_text(src / "long.txt", args.text_mb, pool)
            r = measure(deid + ["scrub", str(src / "long.txt"), "-o", str(tmp / "long.out.txt")])
            results["text"] = {"bytes": size, **r}
            print(f"text  {size / 1e6:7.1f} MB: rc {r['rc']}, {r['wall_s']:8.1f} s, peak RSS {r['peak_rss_mb']:5d} MB", flush=True)
        if not args.skip_jsonl:
            size = make_jsonl(src / "notes.jsonl", args.jsonl_lines, pool)
            r = measure(deid + ["scrub", "--jsonl", str(src / "notes.jsonl"), "-o", str(tmp / "notes.out.jsonl")])
            results["jsonl"] = {"lines": args.jsonl_lines, "bytes": size, **r}
            print(f"jsonl {args.jsonl_lines:7d} lines ({size / 1e6:.1f} MB): rc {r['rc']}, {r['wall_s']:8.1f} s, peak RSS {r['peak_rss_mb']:5d} MB", flush=True)
        if args.batch:
            r = measure(deid + ["batch", str(src), "-o", str(tmp / "out"), "--jobs", "1"])
            results["batch"] = r
            print(f"batch (both files, --jobs 1): rc {r['rc']}, {r['wall_s']:8.1f} s, peak RSS {r['peak_rss_mb']:5d} MB", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
