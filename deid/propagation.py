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
# the NER model's findings are removed where they stand but spread only when written
# as a proper name in mid-sentence: out of its training domain a wrong guess (a heading,
# a drug) would otherwise be removed all through the document
UNSEEDED = {"SpacyRecognizer"}
_SENTENCE_START = regex.compile(r"(?:^|[.:;!?\n\-*#(]\s*)$")


def _proper_mid_sentence(text: str, f: Finding) -> bool:
    words = _NAME_TOKEN.findall(text[f.start:f.end])
    if not words or not all(w[0].isupper() and not w.isupper() for w in words if len(w) > 1):
        return False
    return _SENTENCE_START.search(text[max(0, f.start - 4):f.start]) is None
MAX_PHRASE = 8
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-@.]*[\p{L}\p{N}]|[\p{L}\p{N}]")
_NAME_TOKEN = regex.compile(r"[\p{L}][\p{L}'’\-]*[\p{L}]|[\p{L}]")
_POSS = regex.compile(r"['’]s$", regex.IGNORECASE)
# two-letter capitals that are far more often an abbreviation than someone's initials
_NOT_INITIALS = {
    "MD", "RN", "PT", "OT", "ED", "ER", "BP", "HR", "RR", "IV", "PO", "OR", "DR", "MR", "MS", "NP",
    "PA", "GP", "CT", "MI", "DM", "ID", "OK", "TV", "UK", "US", "AM", "PM", "IQ", "GI", "GU", "CV",
    "SW", "CM", "NA", "IT", "IN", "IS", "AS", "AT", "BE", "DO", "GO", "HE", "ME", "MY", "NO", "OF",
    "ON", "SO", "TO", "UP", "WE", "AN", "BY", "IF", "OH", "AA", "NA", "SI", "HI", "CA", "VA", "LA",
}
_STOP = {"the", "and", "but", "for", "not", "you", "she", "her", "his", "him", "they", "was", "are", "has", "had", "can", "may", "will", "did"}


def _norm(w: str) -> str:
    return _POSS.sub("", w).casefold().strip(".-'’")


def name_variants(value: str, is_common: Callable[[str], bool]) -> tuple[set[tuple[str, ...]], set[str], set[str]]:
    """What to search for, for one name.

    Returns (word sequences matched in any case, words that are also ordinary English
    words and so are matched only when capitalised as a name, initials such as "JR"
    matched only in capitals).
    """
    raw = [t for t in _NAME_TOKEN.findall(value) if _norm(t)]
    toks = [_norm(t) for t in raw]
    out: set[tuple[str, ...]] = set()
    cased: set[str] = set()
    initials: set[str] = set()
    if len(toks) > 1:
        out.add(tuple(toks))
        if all(len(t) >= 2 for t in toks) and len(toks) <= 3:
            ini = "".join(t[0] for t in toks).upper()
            if ini not in _NOT_INITIALS:
                initials.add(ini)
    for t, r in zip(toks, raw):
        if len(t) < 3:
            continue
        if not is_common(t):
            out.add((t,))
            if "-" in t:  # hyphenated surnames: each half too
                out.update((p,) for p in t.split("-") if len(p) >= 3 and not is_common(p))
        elif r[:1].isupper() and not r.isupper() and t not in _STOP:
            cased.add(r[:1].upper() + t[1:])
    return out, cased, initials


def propagate(text: str, findings: list[Finding], is_common: Callable[[str], bool],
              veto: Optional[Callable[[str, int, int], bool]] = None) -> list[Finding]:
    """New findings for further occurrences of confidently found values."""
    targets: dict[tuple[str, ...], str] = {}
    cased: set[str] = set()      # ambiguous name words: only "Grace", never "grace"
    initials: set[str] = set()   # "JR" for a known "Jordan Reyes"
    for f in findings:
        if f.score < MIN_SCORE or (f.recognizer in UNSEEDED and not _proper_mid_sentence(text, f)):
            continue
        val = text[f.start:f.end]
        if f.entity_type == "PERSON":
            seqs, c, ini = name_variants(val, is_common)
            for v in seqs:
                targets.setdefault(v, "PERSON")
            cased |= c
            initials |= ini
        elif f.entity_type in EXACT_TYPES and len(val.strip()) >= 4:
            v = tuple(_norm(w.group()) for w in _WORD.finditer(val))
            if v and (len(v) > 1 or not is_common(v[0])):
                targets.setdefault(v, f.entity_type)
    if not (targets or cased or initials):
        return []
    firsts = {v[0] for v in targets}
    longest = min(MAX_PHRASE, max((len(v) for v in targets), default=1))
    words = [(m.start(), m.end(), _norm(m.group())) for m in _WORD.finditer(text)]
    spans = sorted((f.start, f.end) for f in findings)
    new: list[Finding] = []

    def single_word(i: int) -> None:
        """An ambiguous name word written as a name ("Grace") or a known initials form."""
        s, e = words[i][0], words[i][1]
        w = _POSS.sub("", text[s:e])
        if (w in cased or w.replace(".", "") in initials) and not _covered(spans, s, e) and not (veto and veto(text, s, e)):
            new.append(Finding(s, e, "PERSON", MIN_SCORE, "DocumentPropagation"))

    i, n = 0, len(words)
    while i < n:
        hit = None
        if words[i][2] in firsts:
            for k in range(min(longest, n - i), 0, -1):
                key = tuple(w[2] for w in words[i:i + k])
                if key in targets:
                    hit = (k, targets[key])
                    break
        if hit is None:
            # also when the word starts a longer known name that is not here
            # ("Blessing" alone after "Blessing O.")
            single_word(i)
            i += 1
            continue
        k, et = hit
        s, e = words[i][0], words[i + k - 1][1]
        if et == "PERSON":  # an initial right before a known name goes with it: "J. Reyes"
            m = regex.search(r"(?<![\p{L}\p{N}])\p{Lu}\.?\s+$", text[max(0, s - 4):s])
            if m:
                s = s - (min(4, s) - m.start())
        if not _covered(spans, s, e) and not (veto and veto(text, s, e)):
            new.append(Finding(s, e, et, MIN_SCORE, "DocumentPropagation"))
        i += k
    return new


def _covered(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Is [s, e) inside one of ``spans`` (sorted, non-overlapping: the merged findings)?"""
    j = bisect.bisect_right(spans, (s, float("inf"))) - 1
    return j >= 0 and spans[j][1] >= e
