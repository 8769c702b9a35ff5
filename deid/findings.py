"""The Finding record and the span arithmetic shared by the engine and the evaluator."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Finding:
    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str
    value: str = field(default="", repr=False)  # never logged; used by operators only
    pattern: Optional[str] = None
    context_words: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "entity_type": self.entity_type,
            "score": round(float(self.score), 4),
            "recognizer": self.recognizer,
        }

    def __repr__(self) -> str:  # no value: findings may end up in logs
        return f"Finding({self.start}, {self.end}, {self.entity_type}, {self.score:.2f}, {self.recognizer})"


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def expand_to_words(text: str, f: Finding) -> Finding:
    """Grow a finding that starts or ends inside a word to the whole word.

    Half a name left behind is still a leak.
    """
    s, e = f.start, f.end
    while s > 0 and _is_word(text[s - 1]) and _is_word(text[s]):
        s -= 1
    while e < len(text) and e > 0 and _is_word(text[e - 1]) and _is_word(text[e]):
        e += 1
    if (s, e) != (f.start, f.end):
        f.start, f.end = s, e
    return f


def merge_overlaps(findings: list[Finding]) -> list[Finding]:
    """Union overlapping findings into non-overlapping ones.

    The merged finding covers every character any member covered; it takes the type,
    recognizer and score of its highest-scoring member (the longest on a tie).
    """
    if not findings:
        return []
    items = sorted(findings, key=lambda f: (f.start, -f.end))
    out: list[Finding] = []
    group = [items[0]]
    end = items[0].end
    for f in items[1:]:
        if f.start < end:
            group.append(f)
            end = max(end, f.end)
        else:
            out.append(_combine(group, end))
            group, end = [f], f.end
    out.append(_combine(group, end))
    return out


def _combine(group: list[Finding], end: int) -> Finding:
    best = max(group, key=lambda f: (f.score, f.end - f.start))
    if len(group) == 1:
        return best
    ctx = sorted({w for f in group for w in f.context_words})
    return Finding(group[0].start, end, best.entity_type, best.score, best.recognizer, pattern=best.pattern, context_words=ctx)


def count_types(findings) -> dict[str, int]:
    """How many findings of each entity type (audit records, batch manifests)."""
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.entity_type] = counts.get(f.entity_type, 0) + 1
    return counts
