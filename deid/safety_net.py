"""The recall-first safety net (opt-in per profile: ``recall: max``).

In the spirit of Philter's deny-by-default pass: after every recognizer has run,
each word that no finding covers is removed unless it is known to be safe:

* a word of the English vocabulary (``lexicons/vocabulary.txt.gz``: ~250k word forms
  written in English text at least about as often lowercase as capitalised, so
  ordinary, clinical and drug words, but not names, and frequent acronyms such as
  CBT or GP), a spaCy stop word, a word of the hand list (months, clinical
  shorthand) or a note heading;
* a single letter.

Everything else (a name no list knows, a misspelt place, a nickname, a business name
with no head word) is reported as ``UNKNOWN``. Numbers are left to the identifier
recognizers. The cost is precision: figures in ``benchmarks/RESULTS.md``.
"""
from __future__ import annotations

import gzip
from functools import lru_cache

from .findings import Finding
from .recognizers.name_lexicon import LEXICON_DIR, TOKEN, headings, is_hand_word

ENTITY = "UNKNOWN"
RECOGNIZER = "SafetyNet"


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    with gzip.open(LEXICON_DIR / "vocabulary.txt.gz", "rt", encoding="utf-8") as fh:
        return frozenset(fh.read().split())


@lru_cache(maxsize=1)
def _safe_extra() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | frozenset(headings())


def is_safe_word(word: str, safe: frozenset[str] = frozenset()) -> bool:
    """``safe``: more words known to be safe (the words of the profile's allow list)."""
    k = word.lower().replace("’", "'")
    if len(k) < 2 or k in vocabulary() or k in _safe_extra() or k in safe or is_hand_word(k):
        return True
    base = k.split("'")[0]  # "client's", "don't"
    return base != k and (base in vocabulary() or base in _safe_extra())


def unknown_words(text: str, findings: list[Finding], score: float = 0.5,
                  safe: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings for every word that no finding covers and that is not known to be safe
    (``safe``: the lowercase words of the profile's allow list, e.g. PHQ, Lifeline)."""
    spans = sorted((f.start, f.end) for f in findings)
    out: list[Finding] = []
    j = 0
    for m in TOKEN.finditer(text):
        s, e = m.span()
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        if j < len(spans) and spans[j][0] < e:
            continue  # already (partly) covered
        if all(is_safe_word(part, safe) for part in m.group().split("-") if part):
            continue
        out.append(Finding(s, e, ENTITY, score, RECOGNIZER, pattern="not a known word"))
    return out
