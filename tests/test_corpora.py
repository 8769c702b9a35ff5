"""Tests for the synthetic corpus generator (corpora/)."""
from __future__ import annotations

import ast
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from corpora import LABELS, generate, generate_doc, validate
from corpora import ids
from corpora.core import parse, slots_in
from corpora.generate import dumps
from corpora.kinds import KINDS, DocCtx
from corpora.stats import compute

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "samples" / "sample.jsonl"
SAMPLE_N, SAMPLE_SEED = 200, 7  # documented in corpora/README.md


@pytest.fixture(scope="module")
def docs300():
    return list(generate(300, 7))


def _jsonl(n, seed):
    return "".join(dumps(d) + "\n" for d in generate(n, seed))


# ------------------------------------------------------------------ determinism

def test_same_seed_same_bytes():
    assert _jsonl(40, 11) == _jsonl(40, 11)


def test_different_seed_different_output():
    assert _jsonl(40, 11) != _jsonl(40, 12)


def test_doc_independent_of_n():
    a = list(generate(30, 5))
    b = list(generate(10, 5))
    assert a[:10] == b


def test_cli_generate_is_byte_identical(tmp_path):
    import os
    outs = []
    for k in range(2):
        out = tmp_path / f"g{k}.jsonl"
        env = dict(os.environ, PYTHONHASHSEED=str(k + 1))  # no dependence on hash randomisation
        subprocess.run([sys.executable, "-m", "corpora", "generate", "--n", "25", "--seed", "3", "--out", str(out)],
                       cwd=ROOT, check=True, capture_output=True, env=env)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") == 25


def test_committed_sample_matches_fresh_generation():
    assert SAMPLE.exists(), "regenerate with: python -m corpora generate --n 200 --seed 7 --out corpora/samples/sample.jsonl"
    assert SAMPLE.read_text(encoding="utf-8") == _jsonl(SAMPLE_N, SAMPLE_SEED)
    assert SAMPLE.stat().st_size < 1_000_000


# ------------------------------------------------------------------ span validity

def test_spans_valid(docs300):
    allowed = set(LABELS)
    for d in docs300:
        assert set(d) == {"id", "text", "spans", "kind"}
        assert validate(d) == [], d["id"]
        prev_end = 0
        for s in d["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(d["text"])
            assert s["start"] >= prev_end
            assert s["label"] in allowed
            v = d["text"][s["start"]:s["end"]]
            assert v.strip() == v and v
            prev_end = s["end"]


def test_validate_catches_bad_docs():
    d = {"id": "x", "text": "Jordan saw Dr Lee", "kind": "t",
         "spans": [{"start": 0, "end": 6, "label": "CLIENT_NAME"}, {"start": 3, "end": 8, "label": "NOPE"}]}
    errs = validate(d)
    assert any("overlap" in e for e in errs) and any("bad label" in e for e in errs)
    assert validate({"id": "y", "text": "ab", "spans": [{"start": 0, "end": 5, "label": "AGE"}]})


def test_kinds_and_labels_coverage(docs300):
    kinds = {d["kind"] for d in docs300}
    labels = {s["label"] for d in docs300 for s in d["spans"]}
    assert len(kinds) >= 12 and kinds <= set(KINDS)
    assert len(labels) >= 25, sorted(set(LABELS) - labels)


def test_every_label_reachable():
    labels = {s["label"] for d in generate(1500, 99) for s in d["spans"]}
    assert labels == set(LABELS), sorted(set(LABELS) - labels)


def test_all_template_slots_exist():
    missing = set()
    for mod in ("kinds.py", "pools.py"):
        tree = ast.parse((ROOT / "corpora" / mod).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "{" in node.value:
                for s in slots_in(parse(node.value)):
                    if not hasattr(DocCtx, "s_" + s):
                        missing.add(s)
    assert not missing


def test_template_parser():
    nodes = parse("a {x|{y}} b {C}")
    assert nodes[0] == "a " and nodes[1][0] == "c" and nodes[-1] == ("s", "C")
    assert slots_in(nodes) == {"y", "C"}
    with pytest.raises(ValueError):
        parse("broken {C")


# ------------------------------------------------------------------ content

def test_asr_transcripts_lowercase_spoken():
    n = 0
    for i in range(120):
        d = generate_doc(21, i, kind="asr_transcript")
        t = d["text"]
        assert t == t.lower()
        assert not re.search(r"\d", t), "ASR text must spell numbers as words"
        assert not re.search(r"[,;!?\"]", t)
        for s in d["spans"]:
            v = t[s["start"]:s["end"]]
            if s["label"] == "PHONE":
                assert re.fullmatch(r"[a-z ]+", v)
            if s["label"] == "EMAIL":
                assert " at " in v and " dot " in v
            if s["label"] in ("CLIENT_NAME", "FAMILY_NAME"):
                n += 1
                assert v == v.lower()
    assert n > 50


def test_caps_and_lowercase_clinical_notes():
    styles = Counter()
    for i in range(200):
        d = generate_doc(8, i, kind="icu_note")
        t = d["text"]
        letters = [c for c in t if c.isalpha()]
        if all(not c.islower() for c in letters):
            styles["upper"] += 1
            names = [t[s["start"]:s["end"]] for s in d["spans"] if s["label"] == "CLIENT_NAME"]
            assert all(v == v.upper() for v in names)
        elif all(not c.isupper() for c in letters):
            styles["lower"] += 1
    assert 20 <= styles["upper"] <= 80 and 15 <= styles["lower"] <= 70


NEGATIVES = ["PHQ-9", "GAD-7", "C-SSRS", "AUDIT", "BDI-II", "sertraline", "quetiapine", "F32.1", "F41.1", "296.32",
             "Asperger's", "Alzheimer's", "Parkinson's", "Tourette's", "BP 120/80", "HR 88", "Na 138", "mg"]


def test_negatives_present_and_never_labelled():
    docs = list(generate(600, 13))
    found = Counter()
    for d in docs:
        t = d["text"]
        for neg in NEGATIVES:
            for m in re.finditer(r"(?<!\w)" + re.escape(neg) + r"(?!\w)", t, flags=re.IGNORECASE):
                found[neg] += 1
                for s in d["spans"]:
                    assert not (s["start"] < m.end() and m.start() < s["end"]), (d["id"], neg, s["label"])
    assert sum(1 for n in NEGATIVES if found[n]) >= len(NEGATIVES) - 2, found


def test_no_lone_year_dates_and_title_not_in_names(docs300):
    for d in docs300:
        t = d["text"]
        for s in d["spans"]:
            v = t[s["start"]:s["end"]]
            if s["label"] == "DATE":
                assert not re.fullmatch(r"\d{4}", v)
            if s["label"].endswith("_NAME"):
                assert not re.match(r"(?i)(dr|mr|mrs|ms|miss|prof)\.?\s", v)
                assert not v.endswith("'s")


def test_name_variety(docs300):
    vals = {d["text"][s["start"]:s["end"]] for d in docs300 for s in d["spans"] if s["label"].endswith("_NAME")}
    assert any(re.fullmatch(r"[A-Z]\.?[A-Z]\.?", v) for v in vals)  # initials
    assert any("-" in v for v in vals)  # hyphenated
    assert any(not v.isascii() for v in vals)  # diacritics (non-Anglo)
    words = {"Hope", "Grace", "Will", "June", "Summer", "Hunter", "Rose", "Faith", "Joy", "Dawn", "Bill", "Mark",
             "Frank", "Brown", "White", "Green", "Long", "Price", "Rich", "Young"}
    assert any(set(v.split()) & words for v in vals)


def test_repeated_mentions_of_client(docs300):
    multi = sum(1 for d in docs300 if sum(s["label"] == "CLIENT_NAME" for s in d["spans"]) >= 3)
    assert multi > 150


# ------------------------------------------------------------------ checksums

def _values(docs, label):
    return [d["text"][s["start"]:s["end"]] for d in docs for s in d["spans"] if s["label"] == label]


def test_generated_checksums_valid():
    docs = [d for d in generate(1500, 42) if d["kind"] != "asr_transcript"]
    checks = {"NPI": ids.npi_ok, "AU_MEDICARE": ids.au_medicare_ok, "NHS": ids.nhs_ok, "IHI": ids.ihi_ok,
              "DEA": ids.dea_ok, "MEDICARE": ids.mbi_ok}
    for label, fn in checks.items():
        vals = _values(docs, label)
        assert vals, label
        assert all(fn(v) for v in vals), label
    vins = [v for v in _values(docs, "VEHICLE") if len(v) == 17]
    for v in vins:
        assert ids.vin_ok(v)


def test_checksum_functions_reject_corruption():
    rng = random.Random(0)
    for gen, ok in [(ids.npi, ids.npi_ok), (ids.nhs, ids.nhs_ok), (ids.ihi, ids.ihi_ok), (ids.au_medicare, ids.au_medicare_ok),
                    (ids.vin, ids.vin_ok), (lambda r: ids.dea(r, "Smith"), ids.dea_ok)]:
        bad = 0
        for _ in range(200):
            v = gen(rng)
            assert ok(v), v
            # change one digit (not the last for medicare's issue/IRN digits)
            pos = [i for i, c in enumerate(v) if c.isdigit()]
            i = pos[len(pos) // 2]
            w = v[:i] + str((int(v[i]) + 3) % 10) + v[i + 1:]
            bad += not ok(w)
        assert bad >= 180
    # known published test values
    assert ids.npi_ok("1234567893") and not ids.npi_ok("1234567890")
    assert ids.nhs_ok("943 476 5919") and not ids.nhs_ok("943 476 5918")
    assert ids.vin_ok("1M8GDM9AXKP042788") and not ids.vin_ok("1M8GDM9A1KP042788")
    prov = Counter()
    for k in range(300):
        num, p = ids.ca_health(random.Random(k))
        prov[p] += 1
        if p == "ON":
            assert ids.ontario_ok(num)
        elif p == "BC":
            assert ids.bc_phn_ok(num)
        else:
            assert re.fullmatch(r"[A-Z]{4} ?\d{4} ?\d{4}", num)
    assert set(prov) == {"ON", "BC", "QC"}


def test_ssn_rules():
    rng = random.Random(1)
    for _ in range(500):
        d = ids.only_digits(ids.ssn(rng))
        assert len(d) == 9 and d[:3] not in ("000", "666") and int(d[:3]) < 900 and d[3:5] != "00" and d[5:] != "0000"


# ------------------------------------------------------------------ stats, speed, splits

def test_stats_and_cli(tmp_path, docs300):
    st = compute(docs300)
    assert st["documents"] == 300 and st["distinct_sentence_skeletons"] > 1000 and st["distinct_values"] > 2000
    out = tmp_path / "s.jsonl"
    out.write_text("".join(dumps(d) + "\n" for d in docs300[:20]), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "corpora", "stats", str(out)], cwd=ROOT, check=True, capture_output=True, text=True)
    assert "distinct sentence skeletons" in r.stdout and "CLIENT_NAME" in r.stdout


def test_splits_cli(tmp_path):
    subprocess.run([sys.executable, "-m", "corpora", "splits", "--out-dir", str(tmp_path), "--n-train", "5", "--n-dev", "3",
                    "--n-test", "2"], cwd=ROOT, check=True, capture_output=True)
    tr = (tmp_path / "train.jsonl").read_text(encoding="utf-8")
    assert tr == _jsonl(5, 1)
    assert (tmp_path / "dev.jsonl").read_text(encoding="utf-8") == _jsonl(3, 2)
    assert (tmp_path / "test.jsonl").read_text(encoding="utf-8") == _jsonl(2, 3)



# ------------------------------------------------------------------ wide pools (models/train.py --wide-pools)

def test_wide_pools_draw_names_and_towns_from_the_lexicons(monkeypatch):
    import corpora.core as core

    plain = list(generate(60, 21))
    monkeypatch.setattr(core, "WIDE_POOLS", 0.5)
    wide = list(generate(60, 21))
    assert wide == list(generate(60, 21))  # still reproducible
    assert wide != plain
    pools = {k: set(core.wide_pool(k)) for k in ("first", "last", "place")}

    def values(docs, labels):
        return [d["text"][s["start"]:s["end"]] for d in docs for s in d["spans"] if s["label"] in labels]

    names = [w.lower() for v in values(wide, {"CLIENT_NAME", "FAMILY_NAME", "OTHER_NAME"}) for w in v.split()]
    towns = [v.lower() for v in values(wide, {"CITY"})]
    assert sum(w in pools["first"] or w in pools["last"] for w in names) > 0.3 * len(names)
    assert sum(t in pools["place"] for t in towns) > 0.3 * len(towns)
    for d in wide:
        assert validate(d) == []
