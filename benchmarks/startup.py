"""Start-up time of ``echo NOTE | deid scrub``, where it goes, and a detection-identity check.

    python -m benchmarks.startup time [--runs 5] [--other ROOT]
    python -m benchmarks.startup breakdown [--root ROOT]
    python -m benchmarks.startup dump OUTDIR [--root ROOT] [--gold-dir DIR]
    python -m benchmarks.startup compare DIR_A DIR_B

``time``: runs ``python -m deid scrub`` on one invented note N times and prints the
median wall time from process start to the first output line and the CPU time (user +
system) of the whole process.  With ``--other ROOT`` (a copy of the source tree, e.g. an
older one) the two trees are run alternately, so a shared, loaded machine hurts both alike.

``breakdown``: in a fresh process, the time of ``import deid.engine``, the spaCy load,
``build_registry()``, the rest of ``Deidentifier()``, the first scrub and a warm scrub.

``dump`` / ``compare``: ``deid detect --jsonl --explain`` findings (offsets, types,
scores, recognizers: never values) for the committed sample, 300 generated notes
(seed 3) and, when present, dev corpora, written under OUTDIR; ``compare`` counts the
documents whose findings differ.  A start-up change must leave every count at zero.
Nothing here prints note text or values.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "sample.jsonl"
# invented: no real person, place or number
NOTE = "Client Jordan Reyes (DOB 02/11/1987) lives at 42 Elm Street, Ballarat VIC 3350; call 0412 345 678.\n"
GOLD_DIR = Path("/work/shared/corpora")
GOLD_SETS = {"physionet_dev": ("physionet_dev.jsonl", 300), "mh_dev_open": ("mh_dev_open.jsonl", None)}


def _env(root: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(root) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("OMP_NUM_THREADS", "1")
    return env


def one_run(root: Path) -> tuple[float, float, float]:
    """(wall to first output line, wall total, CPU user+sys) of one ``deid scrub``."""
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "deid", "scrub"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, cwd=root, env=_env(root))
    p.stdin.write(NOTE.encode())
    p.stdin.close()
    first = p.stdout.readline()
    t_first = time.perf_counter() - t0
    p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    t_all = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if not first or p.returncode != 0:
        raise SystemExit(f"deid scrub failed under {root} (exit {p.returncode})")
    return t_first, t_all, ru.ru_utime + ru.ru_stime


def cmd_time(a) -> None:
    roots = [("this", ROOT)] + ([("other", Path(a.other).resolve())] if a.other else [])
    res: dict[str, list[tuple[float, float, float]]] = {k: [] for k, _ in roots}
    for i in range(a.runs):
        order = roots if i % 2 == 0 else list(reversed(roots))
        for key, root in order:
            res[key].append(one_run(root))
    for key, root in roots:
        runs = res[key]
        med = [statistics.median(r[j] for r in runs) for j in range(3)]
        print(f"{key:5s} {str(root):30s} runs={len(runs)} first-line median {med[0]:.2f} s "
              f"(min {min(r[0] for r in runs):.2f}), CPU median {med[2]:.2f} s (min {min(r[2] for r in runs):.2f})")


_BREAKDOWN = r"""
import time, json, resource
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
out = {}
t = time.perf_counter(); c = cpu()
def step(name):
    global t, c
    t2, c2 = time.perf_counter(), cpu(); out[name] = (round(t2 - t, 3), round(c2 - c, 3)); t, c = t2, c2
import deid.cli
step("import deid.cli")
import deid.engine as E
step("import deid.engine")
from deid.nlp import load_spacy
nlp = load_spacy("builtin")
step("spaCy model load")
reg = E.build_registry()
step("build_registry()")
d = E.Deidentifier(profile="safe-harbor")
step("Deidentifier() (again: spaCy+registry+rest)")
NOTE = %r
d.scrub(NOTE)
step("first scrub")
for _ in range(5):
    d.scrub(NOTE)
step("5 warm scrubs")
print(json.dumps(out))
"""


def cmd_breakdown(a) -> None:
    root = Path(a.root).resolve()
    for _ in range(a.runs):
        p = subprocess.run([sys.executable, "-c", _BREAKDOWN % NOTE], cwd=root, env=_env(root), capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit("breakdown failed: " + p.stderr.strip().splitlines()[-1])
        for k, (w, c) in json.loads(p.stdout).items():
            print(f"  {k:45s} wall {w:6.3f} s  CPU {c:6.3f} s")
        print()


def _inputs(outdir: Path, gold_dir: Path) -> dict[str, Path]:
    ins = {"sample": SAMPLE}
    gen = outdir / "generated.in.jsonl"
    subprocess.run([sys.executable, "-m", "corpora", "generate", "--n", "300", "--seed", "3", "--out", str(gen)],
                   cwd=ROOT, check=True, env=_env(ROOT))
    ins["generated"] = gen
    for key, (name, limit) in GOLD_SETS.items():
        src = gold_dir / name
        if not src.exists():
            continue
        dst = outdir / f"{key}.in.jsonl"
        with open(src, encoding="utf-8") as fi, open(dst, "w", encoding="utf-8") as fo:
            for i, line in enumerate(fi):
                if limit is not None and i >= limit:
                    break
                fo.write(line)
        ins[key] = dst
    return ins


def cmd_dump(a) -> None:
    root = Path(a.root).resolve()
    out = Path(a.outdir)
    out.mkdir(parents=True, exist_ok=True)
    for key, src in _inputs(out, Path(a.gold_dir)).items():
        with open(src, "rb") as fi, open(out / f"{key}.out.jsonl", "wb") as fo:
            p = subprocess.run([sys.executable, "-m", "deid", "detect", "--jsonl", "--explain"], stdin=fi, stdout=fo,
                               stderr=subprocess.DEVNULL, cwd=root, env=_env(root))
        h = hashlib.sha256((out / f"{key}.out.jsonl").read_bytes()).hexdigest()[:16]
        print(f"{key:15s} exit {p.returncode} sha256 {h}")
        # the generated/copied inputs hold note text: remove them, keep only findings
        if src.parent == out:
            src.unlink()


def cmd_compare(a) -> None:
    bad = 0
    for fa in sorted(Path(a.a).glob("*.out.jsonl")):
        fb = Path(a.b) / fa.name
        la, lb = fa.read_text().splitlines(), fb.read_text().splitlines() if fb.exists() else []
        diff = sum(1 for x, y in zip(la, lb) if x != y) + abs(len(la) - len(lb))
        n = sum(len(json.loads(x).get("entities", [])) for x in la)
        print(f"{fa.name:25s} docs {len(la):4d} findings {n:6d} differing docs {diff}")
        bad += diff
    print("IDENTICAL" if bad == 0 else f"DIFFERENT: {bad} documents")
    sys.exit(1 if bad else 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("time")
    t.add_argument("--runs", type=int, default=5)
    t.add_argument("--other", help="another source tree to run alternately")
    b = sub.add_parser("breakdown")
    b.add_argument("--root", default=str(ROOT))
    b.add_argument("--runs", type=int, default=1)
    d = sub.add_parser("dump")
    d.add_argument("outdir")
    d.add_argument("--root", default=str(ROOT))
    d.add_argument("--gold-dir", default=str(GOLD_DIR))
    c = sub.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    a = ap.parse_args()
    {"time": cmd_time, "breakdown": cmd_breakdown, "dump": cmd_dump, "compare": cmd_compare}[a.cmd](a)


if __name__ == "__main__":
    main()
