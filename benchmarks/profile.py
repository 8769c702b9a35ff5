"""Where the warm engine spends its time: pyinstrument over ``Deidentifier.detect_many``.

    python -m benchmarks.profile [--gold FILE] [--n N] [--top 25] [--html OUT.html]

Loads the engine once, warms it up, then profiles detection of ``N`` documents (the
committed synthetic sample by default, or the texts of ``--gold``) and prints the top
hotspots by self time and by inclusive time (function, file, % of profiled time).
Prints no document text.  Needs pyinstrument (the ``bench`` extra).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "samples" / "sample.jsonl"


def _texts(path: Path, n: int) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


_HARNESS = ("<frozen runpy>", "benchmarks/profile.py", "<thread>")


def _walk(frame, ancestors: frozenset, self_t: dict, incl_t: dict) -> None:
    # pyinstrument's synthetic frames ([self], [await], ...) hold time already counted
    # in their parent's total_self_time: skip them.
    if frame.is_synthetic:
        return
    path = frame.file_path_short or frame.file_path or "?"
    key = (frame.function or "?", path, frame.line_no or 0)
    if not any(path.endswith(h) or path.startswith(h) for h in _HARNESS):
        self_t[key] = self_t.get(key, 0.0) + frame.total_self_time
        if key not in ancestors:  # count recursion once
            incl_t[key] = incl_t.get(key, 0.0) + frame.time
    for ch in frame.children:
        _walk(ch, ancestors | {key}, self_t, incl_t)


def hotspots(root) -> tuple[list, list, float]:
    self_t: dict = {}
    incl_t: dict = {}
    _walk(root, frozenset(), self_t, incl_t)
    total = root.time or 1e-9
    by_self = sorted(self_t.items(), key=lambda kv: -kv[1])
    by_incl = sorted(incl_t.items(), key=lambda kv: -kv[1])
    return by_self, by_incl, total


def _table(rows, total: float, top: int, title: str) -> str:
    lines = [title, f"{'%':>6}  {'seconds':>8}  function  (file:line)"]
    for (fn, path, ln), t in rows[:top]:
        lines.append(f"{100 * t / total:6.1f}  {t:8.3f}  {fn}  ({path}:{ln})")
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__.split("\n\n")[0])
    p.add_argument("--gold", default=str(SAMPLE), help="JSONL with a 'text' field per line (default: the committed sample)")
    p.add_argument("--n", type=int, default=200, help="documents to profile")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--interval", type=float, default=0.0005, help="sampling interval, seconds")
    p.add_argument("--html", default=None, help="also write pyinstrument's HTML report here")
    a = p.parse_args(argv)
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    from deid import Deidentifier

    texts = _texts(Path(a.gold), a.n)
    if not texts:
        print("no documents", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    d = Deidentifier()
    for _ in d.detect_many(texts[:5]):  # warm-up
        pass
    load = time.perf_counter() - t0
    prof = Profiler(interval=a.interval)
    t0 = time.perf_counter()
    prof.start()
    for _ in d.detect_many(texts):
        pass
    prof.stop()
    dt = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} documents, {chars:,} chars in {dt:.2f} s under the profiler "
          f"({chars / dt:,.0f} chars/s; load + warm-up {load:.2f} s)")
    root = prof.last_session.root_frame()
    if root is None:
        print("no samples")
        return 1
    by_self, by_incl, total = hotspots(root)
    print()
    print(_table(by_self, total, a.top, f"Top {a.top} by self time"))
    print()
    print(_table(by_incl, total, a.top, f"Top {a.top} by inclusive time"))
    if a.html:
        Path(a.html).write_text(prof.output_html(), encoding="utf-8")
        print(f"\nHTML report: {a.html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
