"""`deid evaluate`: score detection against any gold file (DESIGN.md section 3).

A gold span counts as *found* when any finding covers any of its characters, and as
*fully covered* when every letter and digit of it is covered; a found span counts
whatever type was predicted, because a mis-typed removal is still a removal.
Precision is reported per character (non-space characters removed that are inside a
gold span) and per span (findings that touch a gold span).  It is computed over the
findings the profile actually changes: under Safe Harbor an age under 90 or a bare
year is detected but kept, so it costs no readability.  The same figures over every
finding are reported too (``*_all_findings``).
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from .errors import InputError


@dataclass
class GoldDoc:
    id: str
    text: str
    spans: list[tuple[int, int, str]]
    kind: str | None = None


def load_gold(path: str) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            where = f"{path} line {lineno}"
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                raise InputError(f"{where}: not valid UTF-8") from None
            except json.JSONDecodeError as e:
                raise InputError(f"{where}: not valid JSON ({e.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(obj.get("spans"), list):
                raise InputError(f"{where}: needs a string 'text' and a list 'spans'")
            text = obj["text"]
            spans = []
            for j, s in enumerate(obj["spans"]):
                try:
                    st, en, lab = int(s["start"]), int(s["end"]), str(s["label"])
                except (KeyError, TypeError, ValueError):
                    raise InputError(f"{where}: span {j} needs integer start, end and a label") from None
                if not (0 <= st < en <= len(text)):
                    raise InputError(f"{where}: span {j} is outside the text")
                spans.append((st, en, lab))
            docs.append(GoldDoc(str(obj.get("id", lineno)), text, sorted(spans), obj.get("kind")))
    if not docs:
        raise InputError(f"{path}: no documents")
    return docs


@dataclass
class Tally:
    n: int = 0
    found: int = 0
    full: int = 0

    def add(self, found: bool, full: bool) -> None:
        self.n += 1
        self.found += found
        self.full += full

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "recall": round(self.found / self.n, 4) if self.n else None,
            "full_recall": round(self.full / self.n, 4) if self.n else None,
        }


@dataclass
class Report:
    by_label: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    overall: Tally = field(default_factory=Tally)
    pred_chars: int = 0
    pred_chars_in_gold: int = 0
    pred_spans: int = 0
    pred_spans_hit: int = 0
    all_spans: int = 0
    all_spans_hit: int = 0
    pred_by_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    chars: int = 0
    docs: int = 0
    seconds: float = 0.0
    load_seconds: float = 0.0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # (doc id, label, value, context)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.docs,
            "characters": self.chars,
            "overall": self.overall.as_dict(),
            "char_precision": round(self.pred_chars_in_gold / self.pred_chars, 4) if self.pred_chars else None,
            "span_precision": round(self.pred_spans_hit / self.pred_spans, 4) if self.pred_spans else None,
            "findings": self.pred_spans,
            "span_precision_all_findings": round(self.all_spans_hit / self.all_spans, 4) if self.all_spans else None,
            "all_findings": self.all_spans,
            "by_label": {k: v.as_dict() for k, v in sorted(self.by_label.items())},
            "by_kind": {k: v.as_dict() for k, v in sorted(self.by_kind.items())},
            "precision_by_type": {
                k: {"findings": v[0], "span_precision": round(v[1] / v[0], 4) if v[0] else None}
                for k, v in sorted(self.pred_by_type.items())
            },
            "chars_per_second": round(self.chars / self.seconds) if self.seconds else None,
            "load_seconds": round(self.load_seconds, 2),
        }


def score_document(report: Report, doc: GoldDoc, findings: Iterable, keep_misses: bool = False,
                   changed=lambda f: True) -> None:
    """Add one document to ``report``. ``changed(finding)`` says whether the profile alters it."""
    text = doc.text
    covered = bytearray(len(text))
    fl = list(findings)
    for f in fl:
        for i in range(max(0, f.start), min(len(text), f.end)):
            covered[i] = 1
    in_gold = bytearray(len(text))
    for s, e, _ in doc.spans:
        for i in range(s, e):
            in_gold[i] = 1
    for s, e, label in doc.spans:
        found = any(covered[s:e])
        alnum = [i for i in range(s, e) if text[i].isalnum()]
        full = all(covered[i] for i in alnum) if alnum else found
        report.by_label[label].add(found, full)
        report.overall.add(found, full)
        if doc.kind:
            report.by_kind[doc.kind].add(found, full)
        if keep_misses and not full:
            ctx = text[max(0, s - 40):min(len(text), e + 40)].replace("\n", " ")
            report.misses.append((doc.id, label if found else label + " (missed)", text[s:e], ctx))
    for f in fl:
        hit = any(in_gold[f.start:f.end])
        report.all_spans += 1
        report.all_spans_hit += hit
        if not changed(f):
            continue
        nonspace = [i for i in range(f.start, f.end) if not text[i].isspace()]
        report.pred_chars += len(nonspace)
        report.pred_chars_in_gold += sum(in_gold[i] for i in nonspace)
        report.pred_spans += 1
        report.pred_spans_hit += hit
        t = report.pred_by_type[f.entity_type]
        t[0] += 1
        t[1] += hit
    report.chars += len(text)
    report.docs += 1


def evaluate(deidentifier, docs: list[GoldDoc], keep_misses: bool = False, progress=None) -> Report:
    report = Report()
    t0 = time.perf_counter()
    all_findings = []
    for findings in deidentifier.detect_many(d.text for d in docs):
        all_findings.append(findings)
        if progress:
            progress(1)
    report.seconds = time.perf_counter() - t0
    for doc, findings in zip(docs, all_findings):
        score_document(report, doc, findings, keep_misses, changed=deidentifier.changes)
    return report


def format_table(rep: Report) -> str:
    d = rep.as_dict()
    lines = [f"{'label':<22}{'n':>7}{'recall':>9}{'full':>9}"]
    lines.append("-" * len(lines[0]))
    for label, t in d["by_label"].items():
        lines.append(f"{label:<22}{t['n']:>7}{_f(t['recall'])}{_f(t['full_recall'])}")
    lines.append("-" * len(lines[0]))
    o = d["overall"]
    lines.append(f"{'ALL':<22}{o['n']:>7}{_f(o['recall'])}{_f(o['full_recall'])}")
    if d["by_kind"]:
        lines.append("")
        lines.append(f"{'kind':<22}{'n':>7}{'recall':>9}{'full':>9}")
        for k, t in d["by_kind"].items():
            lines.append(f"{k:<22}{t['n']:>7}{_f(t['recall'])}{_f(t['full_recall'])}")
    lines.append("")
    lines.append(f"changed findings {d['findings']}: span precision {_s(d['span_precision'])}, char precision {_s(d['char_precision'])}")
    lines.append(f"all findings {d['all_findings']} (incl. ages under 90 and years the profile keeps): span precision {_s(d['span_precision_all_findings'])}")
    lines.append(f"{d['documents']} documents, {d['characters']} chars, {d['chars_per_second']} chars/s (warm engine), load {d['load_seconds']} s")
    return "\n".join(lines)


def _f(v) -> str:
    return f"{v:>9.4f}" if v is not None else f"{'-':>9}"


def _s(v) -> str:
    return f"{v:.4f}" if v is not None else "-"
