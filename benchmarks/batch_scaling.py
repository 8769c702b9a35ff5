"""`deid batch --jobs N` scaling: wall time of the same folder with 1, 2, ... workers.

    python -m benchmarks.batch_scaling                  # 300 notes, jobs 1..cpu count
    python -m benchmarks.batch_scaling --notes 600 --jobs 1 --jobs 2 --json OUT

The folder holds synthetic notes from the generator (``corpora``, seeded; no real text),
one ``.txt`` file each, in a temporary folder removed at the end. Each run is a fresh
``deid batch IN -o OUT --jobs N`` process into an empty output folder; the table gives
wall time, chars/s, the speed-up over one job and the peak RSS of the largest process
(``os.wait4``: the parent or one worker). Run it on an otherwise idle machine: on a
loaded one the workers compete with whatever else runs. Only sizes and times are
printed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks.memory import _pool, measure


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--notes", type=int, default=300)
    ap.add_argument("--jobs", type=int, action="append", help="worker counts to time (default 1..cpu count)")
    ap.add_argument("--json", metavar="OUT")
    a = ap.parse_args(argv)
    cpus = os.cpu_count() or 1
    jobs = a.jobs or list(range(1, cpus + 1))
    tmp = Path(tempfile.mkdtemp(prefix="deid-batch-"))
    try:
        src = tmp / "in"
        src.mkdir()
        chars = 0
        for i, text in enumerate(_pool(a.notes, seed=21)[: a.notes]):
            (src / f"note-{i:05d}.txt").write_text(text, encoding="utf-8")
            chars += len(text)
        rows = []
        for n in jobs:
            out = tmp / f"out-{n}"
            r = measure([sys.executable, "-m", "deid", "batch", str(src), "-o", str(out), "--jobs", str(n)])
            r.update(jobs=n, files=a.notes, chars=chars,
                     chars_per_s=round(chars / r["wall_s"]) if r["wall_s"] else None)
            rows.append(r)
            shutil.rmtree(out, ignore_errors=True)
            print(f"jobs {n}: rc {r['rc']}, {r['wall_s']} s, {r['chars_per_s']:,} chars/s, "
                  f"peak RSS {r['peak_rss_mb']} MB", flush=True)
        base = rows[0]["wall_s"] if rows and rows[0]["jobs"] == 1 else None
        for r in rows:
            r["speedup"] = round(base / r["wall_s"], 2) if base and r["wall_s"] else None
        print(f"\n{a.notes} notes, {chars:,} chars, {cpus} CPUs")
        print("| jobs | wall s | chars/s | speed-up | peak RSS MB | exit |")
        print("|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['jobs']} | {r['wall_s']} | {r['chars_per_s']:,} | {r['speedup']} | {r['peak_rss_mb']} | {r['rc']} |")
        if a.json:
            Path(a.json).write_text(json.dumps({"cpus": cpus, "rows": rows}, indent=1), encoding="utf-8")
        return 0 if all(r["rc"] == 0 for r in rows) else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
