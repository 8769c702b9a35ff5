"""Corpus statistics: counts per kind and label, distinct skeletons and values."""
from __future__ import annotations

import json
import re
from collections import Counter

_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def skeleton(doc: dict) -> str:
    t = doc["text"]
    out, p = [], 0
    for s in doc["spans"]:
        out.append(t[p:s["start"]])
        out.append("<" + s["label"] + ">")
        p = s["end"]
    out.append(t[p:])
    return "".join(out)


def compute(docs) -> dict:
    kinds, labels = Counter(), Counter()
    skels, values = set(), set()
    per_label_values: dict[str, set] = {}
    n = chars = 0
    for d in docs:
        n += 1
        chars += len(d["text"])
        kinds[d.get("kind", "?")] += 1
        for s in d["spans"]:
            labels[s["label"]] += 1
            v = d["text"][s["start"]:s["end"]]
            values.add(v)
            per_label_values.setdefault(s["label"], set()).add(v)
        for sent in _SPLIT.split(skeleton(d)):
            sent = sent.strip()
            if sent:
                skels.add(sent)
    return {
        "documents": n, "characters": chars, "spans": sum(labels.values()),
        "kinds": dict(sorted(kinds.items())), "labels": dict(sorted(labels.items())),
        "distinct_sentence_skeletons": len(skels), "distinct_values": len(values),
        "distinct_values_per_label": {k: len(v) for k, v in sorted(per_label_values.items())},
    }


def load(path: str):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def format_stats(st: dict) -> str:
    lines = [f"documents: {st['documents']}  characters: {st['characters']}  spans: {st['spans']}",
             f"distinct sentence skeletons: {st['distinct_sentence_skeletons']}",
             f"distinct PHI values: {st['distinct_values']}", "", "kinds:"]
    lines += [f"  {k:<18} {v}" for k, v in st["kinds"].items()]
    lines += ["", f"labels ({len(st['labels'])}):  count / distinct values"]
    lines += [f"  {k:<15} {v:>6} / {st['distinct_values_per_label'][k]}" for k, v in st["labels"].items()]
    return "\n".join(lines)
