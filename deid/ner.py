"""The NER model's findings, gated by evidence the model cannot fake.

The shipped model is trained on the project's synthetic corpora. On text that looks
like them it is very precise; on text that does not (terse ICU shorthand, for
example) it tags section headings, drugs and abbreviations as names. Measured on the
PhysioNet development split, 97% of its PERSON spans there were wrong, while those
with a lexicon name inside were right three times out of four (benchmarks/RESULTS.md).
So its findings are kept at full score only with outside evidence:

* PERSON: at least one word of the span is a known first name or surname that is not
  too ambiguous (``name_lexicon.is_name_like``); or, in a mixed-case document, every
  word is a capitalised lexicon name (even an ambiguous one such as "Faith") and the
  span does not open a sentence, line or heading (where capitals mean nothing);
* DATE_TIME: never on its own (out of domain it tags times, doses and vitals; the date
  recognizers handle dates);
* LOCATION, ORGANIZATION, STREET_ADDRESS: the document is in mixed case,
  the span's words are capitalised, it is not a lone short abbreviation, and at least
  one word is not a common English word.

Spans without that evidence get a low score, under the profile threshold: the regex and
lexicon recognizers, which have context, decide those.

Except where the text shows the model is on home ground: when at least half of its
PERSON spans in a text (two or more) are lexicon names, all its findings there are
trusted. On the synthetic dev split this trusts 336 correct names the gate would drop;
on the PhysioNet split it lets through 18 wrong ones out of 15,500.
"""
from __future__ import annotations

import regex

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

_TOKEN = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
_LOWER_OK = {"of", "the", "and", "for", "de", "la", "le", "van", "von", "da", "di", "del", "on", "at"}
STRONG, WEAK = 0.85, 0.2
# a text where at least half the model's PERSON spans, and at least two of them, are
# lexicon names is one the model understands: there all its findings are trusted
TRUST_SHARE, TRUST_MIN = 0.5, 2
_SENTENCE_START = regex.compile(r"(?:^|[.:;!?\n\-*#(]\s*)$")


class GatedSpacyRecognizer(SpacyRecognizer):
    def __init__(self, supported_entities: list[str]) -> None:
        super().__init__(supported_entities=supported_entities, ner_strength=STRONG, name="SpacyRecognizer")
        from .recognizers import name_lexicon

        self._lex = name_lexicon

    def analyze(self, text, entities, nlp_artifacts=None):
        results: list[RecognizerResult] = super().analyze(text, entities, nlp_artifacts)
        if not results:
            return results
        mode = self._lex.case_mode(text)
        persons = [r for r in results if r.entity_type == "PERSON"]
        for r in persons:
            self._trim(text, r)
        named = sum(self._lexicon_name(text[r.start:r.end]) for r in persons)
        trusted = named >= TRUST_MIN and named >= TRUST_SHARE * len(persons)
        for r in results:
            initial = _SENTENCE_START.search(text[max(0, r.start - 4):r.start]) is not None
            ok = trusted or self._has_evidence(r.entity_type, text[r.start:r.end], mode, initial)
            r.score = STRONG if ok else WEAK
            if r.analysis_explanation is not None:
                r.analysis_explanation.original_score = r.score
        return results

    def _trim(self, text: str, r: RecognizerResult) -> None:
        """Drop ordinary words the model let a name run into ("nakamura yesterday")."""
        words = [m for m in _TOKEN.finditer(text, r.start, r.end)]
        common = [self._lex.is_common_word(m.group()) and not self._lex.is_name_like(m.group()) for m in words]
        if not words or all(common):
            return
        lo, hi = 0, len(words) - 1
        while common[lo]:
            lo += 1
        while common[hi]:
            hi -= 1
        if lo > 0:
            r.start = words[lo].start()
        if hi < len(words) - 1:
            r.end = words[hi].end()

    def _lexicon_name(self, span: str) -> bool:
        lex = self._lex
        return any(lex.lookup(t) is not None and lex.is_name_like(t) for t in _TOKEN.findall(span) if len(t) >= 2)

    def _has_evidence(self, entity_type: str, span: str, mode: str, sentence_initial: bool) -> bool:
        toks = [t for t in _TOKEN.findall(span) if len(t) >= 2]
        if not toks:
            return False
        lex = self._lex
        if entity_type == "DATE_TIME":
            return False
        if entity_type == "PERSON":
            if self._lexicon_name(span):
                return True
            return (mode == "mixed" and not sentence_initial
                    and all(t[0].isupper() and not t.isupper() and lex.lookup(t) is not None for t in toks))
        if mode != "mixed":
            return False
        if not all(t[0].isupper() for t in toks if len(t) >= 3 and t.lower() not in _LOWER_OK):
            return False
        if len(toks) == 1 and toks[0].isupper() and len(toks[0]) <= 5:
            return False
        return any(lex.wordness(t) < 3 for t in toks)
