"""Regression cases kept as data (tests/cases/<category>.json), run through the full engine.

Every `phi` string must be fully covered by a finding; every `keep` string must be left
untouched.  Cases listed in `known_failures` are expected to fail: if one starts
passing, the test says so, so the list stays honest.
"""
import json
from pathlib import Path

import pytest

CASES_DIR = Path(__file__).parent / "cases"


def _load():
    out = []
    for f in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        known = set(data.get("known_failures", []))
        for case in data["cases"]:
            marks = [pytest.mark.xfail(strict=True, reason="known failure")] if case["id"] in known else []
            out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _positions(text, needle):
    i = text.find(needle)
    assert i >= 0, "case string not in its text"
    while i >= 0:
        yield i, i + len(needle)
        i = text.find(needle, i + 1)


@pytest.mark.parametrize("case", _load())
def test_case(engine, case):
    text = case["text"]
    covered = bytearray(len(text))
    for f in engine.detect(text):
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    for v in case.get("phi", []):
        for s, e in _positions(text, v):
            missing = [i for i in range(s, e) if text[i].isalnum() and not covered[i]]
            assert not missing, f"phi not fully removed ({len(missing)} chars left)"
    for v in case.get("keep", []):
        for s, e in _positions(text, v):
            assert not any(covered[s:e]), "a kept term was removed"
