"""Recall and speed of deid side by side with Presidio's default analyzer.

    python -m benchmarks.run [--gold FILE ...] [--quick] [--out benchmarks/results]
                             [--peer-python PATH] [--n-synthetic 1000]

In one run, on the same inputs:

* recall per gold label (entity recall, full-coverage recall) and precision (span,
  character) for deid and the peer, both scored by ``deid.evaluate.score_document``;
* whole-process throughput: ``deid detect --jsonl`` vs a peer script that does the same
  (load, analyze every line, write JSONL), on one core (``taskset``, BLAS/OMP threads = 1)
  and on all cores (one process per core over shards of the input);
* warm-engine throughput, 500-word-note latency (p50/p95), start-up time to the first
  output line, peak memory (max RSS of the whole-process run), throughput vs length.

Writes ``results.json`` and PNG plots under ``--out`` and regenerates ``RESULTS.md`` from
``benchmarks/RESULTS.template.md``, keeping its hand-written section.

The peer is Presidio's default ``AnalyzerEngine`` with the first installed spaCy English
model (lg, md, sm). It runs in a subprocess with ``--peer-python`` so that the model can
live in a separate venv and never becomes a deid dependency.  With no model, the full run
measures Presidio's default recognizers over a blank spaCy pipeline, labelled as such;
``--quick`` then skips the peer and says "peer unavailable".

No document text, detected value or document id is written to results.json, the plots
or RESULTS.md: only counts, rates and timings.  Temporary inputs live in a temporary
folder that is removed at the end.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORKER = HERE / "worker.py"
SAMPLE = ROOT / "corpora" / "samples" / "sample.jsonl"
TEMPLATE = HERE / "RESULTS.template.md"
RESULTS_MD = HERE / "RESULTS.md"
HAND_BEGIN = "<!-- BEGIN HAND-WRITTEN: kept as is when RESULTS.md is regenerated -->"
HAND_END = "<!-- END HAND-WRITTEN -->"

FULL_LENGTHS = [1_000, 5_000, 20_000, 100_000, 500_000]
QUICK_LENGTHS = [1_000, 5_000]

TARGETS = {
    "ratio": 10.0,        # whole-process deid chars/s >= 10x peer, one core
    "p95_ms": 50.0,       # 500-word note, warm
    "startup_s": 1.5,     # process start to first output line
    "rss_mb": 1024.0,     # peak memory
}

SINGLE_THREAD_ENV = {
    "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1", "VECLIB_MAXIMUM_THREADS": "1", "BLIS_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false", "PYTHONHASHSEED": "0",
}


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- machine
def machine_info() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 1
    mem_gb = None
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu_model": cpu or "unknown", "logical_cpus": os.cpu_count(), "usable_cpus": usable,
        "memory_gb": mem_gb, "platform": platform.platform(),
        "load_average_start": _loadavg(),
        "taskset": shutil.which("taskset") is not None,
    }


def _loadavg():
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": sys.version.split()[0]}
    for pkg in ("deid", "presidio-analyzer", "presidio-anonymizer", "spacy", "regex", "matplotlib"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = None
    return out


# --------------------------------------------------------------------------- inputs
def write_jsonl(path: Path, texts: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": i, "text": t}) + "\n")


def synthetic_gold(work: Path, n: int, quick: bool) -> Path:
    """The synthetic test split, regenerated deterministically (seed 3)."""
    if quick:
        dst = work / "synthetic.jsonl"
        with open(SAMPLE, encoding="utf-8") as src, open(dst, "w", encoding="utf-8") as fh:
            for i, line in enumerate(src):
                if i >= n:
                    break
                fh.write(line)
        return dst
    dst = work / "synthetic.jsonl"
    cmd = [sys.executable, "-m", "corpora", "generate", "--n", str(n), "--seed", "3", "--out", str(dst)]
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return dst


_WORD = re.compile(r"\S+")


def notes_of_words(texts: list[str], words: int = 500, count: int = 20) -> list[str]:
    """~``words``-word documents cut at word boundaries from the synthetic notes."""
    out: list[str] = []
    buf = ""
    for t in texts * 50:
        buf = (buf + "\n\n" + t) if buf else t
        ms = list(_WORD.finditer(buf))
        while len(ms) >= words:
            end = ms[words - 1].end()
            out.append(buf[:end])
            if len(out) >= count:
                return out
            buf = buf[end:].lstrip()
            ms = list(_WORD.finditer(buf))
    return out or [buf]


def texts_of_length(texts: list[str], lengths: list[int]) -> list[str]:
    pool = "\n\n".join(texts)
    while len(pool) < max(lengths):
        pool = pool + "\n\n" + pool
    out = []
    for L in lengths:
        cut = pool[:L]
        # end on whitespace so that no token is cut in half
        sp = cut.rfind(" ", max(0, L - 50))
        out.append(cut[:sp] if sp > 0 else cut)
    return out


# --------------------------------------------------------------------------- processes
def _env(single_thread: bool) -> dict:
    env = dict(os.environ)
    if single_thread:
        env.update(SINGLE_THREAD_ENV)
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


def _pin(cmd: list[str], core: int | None) -> list[str]:
    if core is not None and shutil.which("taskset"):
        return ["taskset", "-c", str(core)] + cmd
    return cmd


def deid_cmd(python: str) -> list[str]:
    return [python, "-m", "deid", "detect", "--jsonl"]


def peer_cmd(python: str, model: str | None, threshold: float) -> list[str]:
    cmd = [python, str(WORKER), "detect", "--system", "presidio", "--threshold", str(threshold)]
    return cmd + (["--model", model] if model else [])


def run_process(cmd: list[str], inp: Path, outp: Path, core: int | None) -> dict:
    """Run one whole-process job: stdin from ``inp``, stdout to ``outp``; time and max RSS."""
    errp = outp.with_suffix(".err")
    with open(inp, "rb") as fi, open(outp, "wb") as fo, open(errp, "wb") as fe:
        t0 = time.perf_counter()
        p = subprocess.Popen(_pin(cmd, core), stdin=fi, stdout=fo, stderr=fe, cwd=ROOT, env=_env(True))
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    chars = _chars(inp)
    lines_out = sum(1 for _ in open(outp, "rb"))
    res = {"seconds": round(dt, 3), "chars": chars, "chars_per_second": round(chars / dt) if dt else None,
           "max_rss_mb": round(ru.ru_maxrss / 1024.0, 1), "rc": p.returncode, "lines_out": lines_out,
           "cpu_seconds": round(ru.ru_utime + ru.ru_stime, 3)}
    if p.returncode != 0:
        res["stderr_tail"] = _safe_tail(errp)
    return res


def _safe_tail(path: Path) -> str:
    """Last line of a child's stderr (error classes only: our CLI never prints PHI)."""
    try:
        lines = [l for l in open(path, encoding="utf-8", errors="replace").read().splitlines() if l.strip()]
    except OSError:
        return ""
    return lines[-1][:300] if lines else ""


def _chars(path: Path) -> int:
    n = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                n += len(json.loads(line)["text"])
    return n


def run_parallel(cmd: list[str], shards: list[Path], work: Path, tag: str) -> dict:
    """One process per shard, all at once, each pinned to its own core; aggregate rate."""
    procs = []
    t0 = time.perf_counter()
    for i, sh in enumerate(shards):
        fo = open(work / f"{tag}-par-{i}.out", "wb")
        fi = open(sh, "rb")
        p = subprocess.Popen(_pin(cmd, i), stdin=fi, stdout=fo, stderr=subprocess.DEVNULL, cwd=ROOT, env=_env(True))
        procs.append((p, fi, fo))
    rss, rcs = [], []
    for p, fi, fo in procs:
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        rss.append(ru.ru_maxrss / 1024.0)
        rcs.append(p.returncode)
        fi.close()
        fo.close()
    dt = time.perf_counter() - t0
    chars = sum(_chars(s) for s in shards)
    return {"processes": len(shards), "seconds": round(dt, 3), "chars": chars,
            "chars_per_second": round(chars / dt) if dt else None,
            "max_rss_mb_per_process": round(max(rss), 1) if rss else None, "rc": max(rcs) if rcs else None}


def time_to_first_line(cmd: list[str], inp: Path, core: int | None, runs: int = 3) -> dict:
    times = []
    for _ in range(runs):
        with open(inp, "rb") as fi:
            t0 = time.perf_counter()
            p = subprocess.Popen(_pin(cmd, core), stdin=fi, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=_env(True))
            first = p.stdout.readline()
            dt = time.perf_counter() - t0
            p.stdout.read()
            p.wait()
        if first:
            times.append(dt)
    return {"runs_s": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3) if times else None}


def shard(inp: Path, n: int, work: Path, tag: str) -> list[Path]:
    lines = [l for l in open(inp, encoding="utf-8") if l.strip()]
    paths = [work / f"{tag}-shard-{i}.jsonl" for i in range(n)]
    fhs = [open(p, "w", encoding="utf-8") for p in paths]
    # balance by characters: greedy, longest first
    loads = [0] * n
    for line in sorted(lines, key=len, reverse=True):
        k = loads.index(min(loads))
        fhs[k].write(line)
        loads[k] += len(line)
    for fh in fhs:
        fh.close()
    return paths


def probe(python: str, system: str, model: str | None) -> dict:
    cmd = [python, str(WORKER), "probe", "--system", system] + (["--model", model] if model else [])
    try:
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, env=_env(False))
        return json.loads(out.stdout.strip().splitlines()[-1])
    except Exception as e:  # noqa: BLE001
        return {"system": system, "python": python, "available": False, "reason": f"probe failed ({type(e).__name__})"}


def warm(python: str, system: str, model: str | None, threshold: float, job: dict, work: Path, core: int | None) -> dict:
    jp = work / f"job-{system}.json"
    op = work / f"warm-{system}.json"
    jp.write_text(json.dumps(job))
    cmd = [python, str(WORKER), "warm", "--system", system, "--job", str(jp), "--out", str(op), "--threshold", str(threshold)]
    if model:
        cmd += ["--model", model]
    errp = work / f"warm-{system}.err"
    with open(errp, "wb") as fe:
        p = subprocess.run(_pin(cmd, core), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=fe, env=_env(True))
    if p.returncode != 0:
        raise RuntimeError(f"warm run of {system} failed (exit {p.returncode}): {_safe_tail(errp)}")
    return json.loads(op.read_text())


# --------------------------------------------------------------------------- scoring
def score(gold_docs, findings_per_doc, seconds: float, load_s: float) -> dict:
    from deid.evaluate import Report, score_document

    rep = Report()
    for doc, fs in zip(gold_docs, findings_per_doc):
        score_document(rep, doc, [SimpleNamespace(start=s, end=e, entity_type=t, score=sc) for s, e, t, sc in fs])
    rep.seconds = seconds
    rep.load_seconds = load_s
    return rep.as_dict()


# --------------------------------------------------------------------------- main
def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--gold", action="append", default=[], metavar="FILE", help="extra gold JSONL corpus (repeatable)")
    p.add_argument("--quick", action="store_true", help="smoke run for CI: 20 sample docs, tiny sweeps, peer only if installed")
    p.add_argument("--out", default=None, help="results folder (default benchmarks/results; benchmarks/results-quick with --quick)")
    p.add_argument("--results-md", default=None, help="RESULTS.md to regenerate (default benchmarks/RESULTS.md; <out>/RESULTS.md with --quick)")
    p.add_argument("--n-synthetic", type=int, default=None, help="synthetic test documents (default 1000; 20 with --quick)")
    p.add_argument("--process-docs", type=int, default=None, help="documents fed to the whole-process runs (default 400; all with --quick)")
    p.add_argument("--peer-python", default=os.environ.get("DEID_BENCH_PEER_PYTHON", sys.executable),
                   help="python that runs the Presidio peer (a venv with a spaCy English model); env DEID_BENCH_PEER_PYTHON")
    p.add_argument("--peer-model", default=None, help="spaCy model for the peer (default: first installed of lg, md, sm)")
    p.add_argument("--peer-threshold", type=float, default=0.0, help="peer score threshold (Presidio's default, 0)")
    p.add_argument("--no-peer", action="store_true", help="measure deid only")
    p.add_argument("--core", type=int, default=0, help="core for single-core runs (taskset)")
    p.add_argument("--workers", type=int, default=None, help="processes for the all-cores run (default: usable cores)")
    p.add_argument("--latency-runs", type=int, default=None, help="warm single-document runs for latency (default 200; 30 with --quick)")
    p.add_argument("--lengths", default=None, help="comma-separated text lengths for the sweep")
    p.add_argument("--no-plots", action="store_true")
    p.add_argument("--keep-work", action="store_true", help="keep the temporary folder (holds document text!)")
    return p.parse_args(argv)


def main(argv=None) -> int:
    a = parse_args(argv)
    quick = a.quick
    out = Path(a.out) if a.out else (HERE / ("results-quick" if quick else "results"))
    out.mkdir(parents=True, exist_ok=True)
    results_md = Path(a.results_md) if a.results_md else (out / "RESULTS.md" if quick else RESULTS_MD)
    n_syn = a.n_synthetic or (20 if quick else 1000)
    lengths = [int(x) for x in a.lengths.split(",")] if a.lengths else (QUICK_LENGTHS if quick else FULL_LENGTHS)
    lat_runs = a.latency_runs or (30 if quick else 200)
    workers = a.workers or machine_info()["usable_cpus"]
    core = a.core if shutil.which("taskset") else None
    cmdline = "python -m benchmarks.run " + " ".join(shlex.quote(x) for x in (argv if argv is not None else sys.argv[1:]))

    work = Path(tempfile.mkdtemp(prefix="deid-bench-"))
    t_all = time.perf_counter()
    try:
        return _run(a, quick, out, results_md, n_syn, lengths, lat_runs, workers, core, cmdline, work, t_all)
    finally:
        if a.keep_work:
            log(f"temporary inputs kept in {work} (they hold document text: delete them)")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _run(a, quick, out, results_md, n_syn, lengths, lat_runs, workers, core, cmdline, work, t_all) -> int:
    from deid.evaluate import load_gold

    machine = machine_info()
    res: dict = {
        "schema": 1, "generated_utc": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": cmdline, "quick": quick, "machine": machine, "versions": versions(),
        "settings": {"n_synthetic": n_syn, "lengths": lengths, "latency_runs": lat_runs, "workers": workers,
                     "single_core": core, "single_thread_env": SINGLE_THREAD_ENV,
                     "peer_threshold": a.peer_threshold},
        "targets": TARGETS,
    }

    # ---- corpora
    log("preparing inputs")
    gold_paths = {"synthetic": synthetic_gold(work, n_syn, quick)}
    for g in a.gold:
        name = Path(g).stem
        while name in gold_paths:
            name += "_"
        gold_paths[name] = Path(g)
    gold = {name: load_gold(str(p)) for name, p in gold_paths.items()}
    inputs = {}
    for name, docs in gold.items():
        inputs[name] = work / f"in-{name}.jsonl"
        write_jsonl(inputs[name], [d.text for d in docs])
    syn_texts = [d.text for d in gold["synthetic"]]
    lat_docs = notes_of_words(syn_texts, 500, 20)
    write_jsonl(work / "latency.jsonl", lat_docs)
    len_docs = texts_of_length(syn_texts, lengths)
    write_jsonl(work / "lengths.jsonl", len_docs)
    n_proc = a.process_docs or (len(syn_texts) if quick else min(400, len(syn_texts)))
    write_jsonl(work / "process.jsonl", syn_texts[:n_proc])
    write_jsonl(work / "one.jsonl", ["Seen by the therapist on 3 March 2024 for a follow-up session."])
    job = {"corpora": {k: str(v) for k, v in inputs.items()}, "latency_docs": str(work / "latency.jsonl"),
           "latency_runs": lat_runs, "length_docs": str(work / "lengths.jsonl"), "length_seconds": 1.0 if quick else 3.0,
           "limits": True}

    # ---- systems
    sysinfo = {"deid": probe(sys.executable, "deid", None)}
    peer_model = a.peer_model
    peer_label = None
    peer_status = "not run (--no-peer)"
    if not a.no_peer:
        pinfo = probe(a.peer_python, "presidio", a.peer_model)
        sysinfo["peer"] = pinfo
        if pinfo.get("available"):
            peer_model = pinfo["model"]
            peer_label = f"presidio default ({peer_model})"
            peer_status = "ok"
        elif quick or "presidio_version" not in pinfo:
            peer_status = "peer unavailable: " + pinfo.get("reason", "unknown")
        else:
            peer_model = "blank"
            peer_label = "presidio default recognizers, blank spaCy (NO English model: no NER)"
            peer_status = ("peer degraded: " + pinfo.get("reason", "no model") +
                           "; measured Presidio's default recognizers over a blank spaCy pipeline")
    run_peer = peer_label is not None
    res["systems"] = sysinfo
    res["peer"] = {"status": peer_status, "available": peer_status == "ok", "ran": run_peer, "label": peer_label,
                   "model": peer_model if run_peer else None, "python": a.peer_python if not a.no_peer else None}
    log(f"peer: {peer_status}")
    if not sysinfo["deid"].get("available"):
        raise SystemExit(f"deid is not importable here: {sysinfo['deid'].get('reason')}")

    # ---- warm: detection for scoring, warm rate, latency, length sweep
    log("warm run: deid")
    w_deid = warm(sys.executable, "deid", None, 0.0, job, work, core)
    w_peer = None
    if run_peer:
        log(f"warm run: {peer_label}")
        w_peer = warm(a.peer_python, "presidio", peer_model, a.peer_threshold, job, work, core)

    res["corpora"] = {}
    for name, docs in gold.items():
        entry = {"docs": len(docs), "chars": sum(len(d.text) for d in docs)}
        for key, w in (("deid", w_deid), ("peer", w_peer)):
            if w is None:
                entry[key] = None
                continue
            c = w["corpora"][name]
            entry[key] = score(docs, c["findings"], c["seconds"], w["load_seconds"])
        res["corpora"][name] = entry

    speed: dict = {"warm": {}, "latency_500w": {}, "length_sweep": {}, "warm_max_rss_mb": {}}
    for key, w in (("deid", w_deid), ("peer", w_peer)):
        if w is None:
            continue
        speed["warm"][key] = {n: {"chars_per_second": c["chars_per_second"], "seconds": c["seconds"], "chars": c["chars"]}
                              for n, c in w["corpora"].items()}
        speed["warm"][key]["load_seconds"] = w["load_seconds"]
        speed["latency_500w"][key] = w.get("latency")
        speed["length_sweep"][key] = w.get("length_sweep")
        speed["warm_max_rss_mb"][key] = w.get("max_rss_mb")
    speed["limits"] = w_deid.get("limits")

    # ---- whole process, one core
    log("whole-process runs, one core")
    systems = [("deid", deid_cmd(sys.executable))]
    if run_peer:
        systems.append(("peer", peer_cmd(a.peer_python, peer_model, a.peer_threshold)))
    speed["whole_process_1core"] = {"docs": n_proc, "core": core}
    speed["startup"] = {}
    speed["all_cores"] = {"processes": workers}
    for key, cmd in systems:
        speed["whole_process_1core"][key] = run_process(cmd, work / "process.jsonl", work / f"{key}-1core.out", core)
        speed["startup"][key] = time_to_first_line(cmd, work / "one.jsonl", core, runs=2 if quick else 3)
    d1, p1 = speed["whole_process_1core"]["deid"], speed["whole_process_1core"].get("peer")
    speed["whole_process_1core"]["ratio"] = (round(d1["chars_per_second"] / p1["chars_per_second"], 2)
                                             if p1 and p1.get("chars_per_second") else None)

    # ---- whole process, all cores
    log(f"whole-process runs, {workers} processes")
    shards = shard(work / "process.jsonl", workers, work, "proc")
    for key, cmd in systems:
        speed["all_cores"][key] = run_parallel(cmd, shards, work, key)
    dA, pA = speed["all_cores"]["deid"], speed["all_cores"].get("peer")
    speed["all_cores"]["ratio"] = round(dA["chars_per_second"] / pA["chars_per_second"], 2) if pA and pA.get("chars_per_second") else None

    speed["peak_memory_mb"] = {k: speed["whole_process_1core"][k]["max_rss_mb"] for k, _ in systems}
    res["speed"] = speed
    res["machine"]["load_average_end"] = _loadavg()
    res["target_checks"] = check_targets(res)
    res["elapsed_seconds"] = round(time.perf_counter() - t_all, 1)

    # ---- write
    (out / "results.json").write_text(json.dumps(res, indent=1) + "\n")
    if not a.no_plots:
        try:
            from .plots import make_plots

            res["plots"] = make_plots(res, out)
        except ImportError as e:
            res["plots"] = f"skipped: {e.name or 'matplotlib'} not installed (pip install -e '.[bench]')"
        (out / "results.json").write_text(json.dumps(res, indent=1) + "\n")
    from .report import write_results_md

    write_results_md(res, results_md, out)
    print(summary(res))
    log(f"wrote {out / 'results.json'} and {results_md} in {res['elapsed_seconds']} s")
    return 0


def check_targets(res: dict) -> list[dict]:
    sp = res["speed"]
    checks = []

    def add(name, target, measured, ok, unit=""):
        checks.append({"name": name, "target": target, "measured": measured, "unit": unit,
                       "pass": None if measured is None else bool(ok)})

    r = sp["whole_process_1core"].get("ratio")
    add("whole-process chars/s vs peer, one core", f">= {TARGETS['ratio']:g}x", r, r is not None and r >= TARGETS["ratio"], "x")
    lat = (sp["latency_500w"].get("deid") or {}).get("p95_ms")
    add("500-word note p95 latency, warm", f"<= {TARGETS['p95_ms']:g} ms", lat, lat is not None and lat <= TARGETS["p95_ms"], "ms")
    st = sp["startup"]["deid"]["median_s"]
    add("start-up to first output line", f"<= {TARGETS['startup_s']:g} s", st, st is not None and st <= TARGETS["startup_s"], "s")
    mem = sp["peak_memory_mb"]["deid"]
    add("peak memory (max RSS), whole process", f"< {TARGETS['rss_mb']:g} MB", mem, mem is not None and mem < TARGETS["rss_mb"], "MB")
    return checks


def summary(res: dict) -> str:
    lines = ["", "== deid benchmark ==", f"peer: {res['peer']['status']}"]
    for name, c in res["corpora"].items():
        for key in ("deid", "peer"):
            r = c.get(key)
            if r:
                o = r["overall"]
                lines.append(f"{name:<16} {key:<5} recall {o['recall']}  full {o['full_recall']}  "
                             f"span P {r['span_precision']}  char P {r['char_precision']}  warm {r['chars_per_second']} chars/s")
    sp = res["speed"]
    for key in ("deid", "peer"):
        w = sp["whole_process_1core"].get(key)
        if w:
            lines.append(f"whole process, 1 core, {key}: {w['chars_per_second']} chars/s, max RSS {w['max_rss_mb']} MB, "
                         f"start-up {sp['startup'][key]['median_s']} s, all cores {sp['all_cores'][key]['chars_per_second']} chars/s")
    for ch in res["target_checks"]:
        verdict = "n/a" if ch["pass"] is None else ("PASS" if ch["pass"] else "FAIL")
        lines.append(f"target {ch['name']}: {ch['target']}, measured {ch['measured']} {ch['unit']} -> {verdict}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
