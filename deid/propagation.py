"""Document-level propagation.

Once a value is found with confidence anywhere in a document, every other occurrence
of it, and of its variants, is removed too: the first name alone, the surname alone,
possessives, any case, and initials next to a known surname.  A name caught once by
its title ("Dr Okafor") is then also caught where it stands bare ("okafor said").

The search is one pass over the document's words with dictionary look-ups, not a
regex per value, so it costs the same however many values were found.
"""
from __future__ import annotations

import bisect
from typing import Callable, Optional

import regex

from .findings import Finding

# entity types whose exact values are propagated (names get their variants too)
EXACT_TYPES = {
    "EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "LOCATION", "ORGANIZATION",
    "MEDICAL_RECORD_NUMBER", "US_SSN", "URL", "SOCIAL_HANDLE", "HEALTH_PLAN_NUMBER",
    "ACCOUNT_NUMBER", "ID", "PROVIDER_NUMBER", "LICENSE_NUMBER", "VEHICLE_ID", "DEVICE_ID",
    "AU_MEDICARE", "AU_IHI", "UK_NHS", "CA_HEALTH_NUMBER",
}
MIN_SCORE = 0.5
MAX_PHRASE = 8
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-@.]*[\p{L}\p{N}]|[\p{L}\p{N}]")
_NAME_TOKEN = regex.compile(r"[\p{L}][\p{L}'’\-]*[\p{L}]|[\p{L}]")
_POSS = regex.compile(r"['’]s$", regex.IGNORECASE)


def _norm(w: str) -> str:
    return _POSS.sub("", w).casefold().strip(".-'’")


def name_variants(value: str, is_common: Callable[[str], bool]) -> set[tuple[str, ...]]:
    """Word sequences to search for: the whole name and each distinctive word of it."""
    toks = [_norm(t) for t in _NAME_TOKEN.findall(value)]
    toks = [t for t in toks if t]
    out: set[tuple[str, ...]] = set()
    if len(toks) > 1:
        out.add(tuple(toks))
    for t in toks:
        if len(t) >= 3 and not is_common(t):
            out.add((t,))
            if "-" in t:  # hyphenated surnames: each half too
                out.update((p,) for p in t.split("-") if len(p) >= 3 and not is_common(p))
    return out


def propagate(text: str, findings: list[Finding], is_common: Callable[[str], bool],
              veto: Optional[Callable[[str, int, int], bool]] = None) -> list[Finding]:
    """New findings for further occurrences of confidently found values."""
    targets: dict[tuple[str, ...], str] = {}
    for f in findings:
        if f.score < MIN_SCORE:
            continue
        val = text[f.start:f.end]
        if f.entity_type == "PERSON":
            for v in name_variants(val, is_common):
                targets.setdefault(v, "PERSON")
        elif f.entity_type in EXACT_TYPES and len(val.strip()) >= 4:
            v = tuple(_norm(w.group()) for w in _WORD.finditer(val))
            if v and (len(v) > 1 or not is_common(v[0])):
                targets.setdefault(v, f.entity_type)
    if not targets:
        return []
    firsts = {v[0] for v in targets}
    longest = min(MAX_PHRASE, max(len(v) for v in targets))
    words = [(m.start(), m.end(), _norm(m.group())) for m in _WORD.finditer(text)]
    starts = sorted((f.start, f.end) for f in findings)
    new: list[Finding] = []
    i, n = 0, len(words)
    while i < n:
        if words[i][2] not in firsts:
            i += 1
            continue
        hit = None
        for k in range(min(longest, n - i), 0, -1):
            key = tuple(w[2] for w in words[i:i + k])
            if key in targets:
                hit = (k, targets[key])
                break
        if hit is None:
            i += 1
            continue
        k, et = hit
        s, e = words[i][0], words[i + k - 1][1]
        if et == "PERSON":  # an initial right before a known name goes with it: "J. Reyes"
            m = regex.search(r"(?<![\p{L}\p{N}])\p{Lu}\.?\s+$", text[max(0, s - 4):s])
            if m:
                s = s - (min(4, s) - m.start())
        if not _covered(starts, s, e) and not (veto and veto(text, s, e)):
            new.append(Finding(s, e, et, MIN_SCORE, "DocumentPropagation"))
        i += k
    return new


def _covered(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Is [s, e) inside one of the (sorted) spans?"""
    j = bisect.bisect_right(spans, (s, float("inf"))) - 1
    while j >= 0 and spans[j][0] <= s:
        if spans[j][1] >= e:
            return True
        j -= 1
        if s - spans[j + 1][0] > 200:
            break
    return False
