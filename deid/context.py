"""Context enhancement without Presidio's per-result lemmatization.

Presidio's ``LemmaContextAwareEnhancer`` walks the spaCy tokens for every result and
deep-copies the results; on long notes that dominates the profile.  This enhancer
implements the same ``ContextAwareEnhancer`` interface with the same rule: a result
whose recognizer lists context words gets ``+0.35`` (and at least ``0.4``) when one of
those words is among the few words before it.  Words are read straight from the text
(lowercase), so no parser or lemmatizer is needed.  Only results that are still under
the threshold are looked at: the others are kept anyway.
"""
from __future__ import annotations

from typing import Optional

import regex

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

_WORD = regex.compile(r"[\p{L}\p{N}]+")


class WindowContextEnhancer(ContextAwareEnhancer):
    def __init__(self, threshold: float = 0.4, prefix_words: int = 5, suffix_words: int = 1,
                 boost: float = 0.35, floor: float = 0.4) -> None:
        super().__init__(context_similarity_factor=boost, min_score_with_context_similarity=floor,
                         context_prefix_count=prefix_words, context_suffix_count=suffix_words)
        self.threshold = threshold
        self._compiled: dict[str, tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]] = {}

    def _context_of(self, rec: EntityRecognizer):
        key = rec.id
        if key not in self._compiled:
            words, prefixes, phrases = set(), [], []
            for c in rec.context or []:
                c = c.lower().strip()
                if not c:
                    continue
                if " " in c or not c.isalnum():
                    phrases.append(c)
                else:
                    words.add(c)
                    if len(c) >= 3:
                        prefixes.append(c)
            self._compiled[key] = (frozenset(words), tuple(prefixes), tuple(phrases))
        return self._compiled[key]

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult], nlp_artifacts=None,
                              recognizers: Optional[list[EntityRecognizer]] = None,
                              context: Optional[list[str]] = None) -> list[RecognizerResult]:
        by_id = {r.id: r for r in recognizers or []}
        extra = {c.lower() for c in context or []}
        for res in raw_results:
            if res.score >= self.threshold:
                continue
            rec = by_id.get((res.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if rec is None or not (rec.context or extra):
                continue
            words, prefixes, phrases = self._context_of(rec)
            before = text[max(0, res.start - 80):res.start].lower()
            after = text[res.end:res.end + 40].lower()
            window = _WORD.findall(before)[-self.context_prefix_count:] + _WORD.findall(after)[: self.context_suffix_count]
            hit = None
            for w in window:
                if w in words or w in extra or any(w.startswith(p) for p in prefixes):
                    hit = w
                    break
            if hit is None:
                joined = before[-60:] + " " + after[:30]
                hit = next((p for p in phrases if p in joined), None)
            if hit is None:
                continue
            res.score = min(EntityRecognizer.MAX_SCORE, max(res.score + self.context_similarity_factor, self.min_score_with_context_similarity))
            if res.analysis_explanation is not None:
                res.analysis_explanation.set_supportive_context_word(hit)
                res.analysis_explanation.set_improved_score(res.score)
        return raw_results
