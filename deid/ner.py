"""The NER model's findings, gated by evidence the model cannot fake.

The shipped model is trained on the project's synthetic corpora. On text that looks
like them it is very precise; on text that does not (terse ICU shorthand, for
example) it tags section headings, drugs and abbreviations as names: on the PhysioNet
development split 97% of its PERSON spans were wrong, while those with a lexicon name
inside were right three times out of four (benchmarks/RESULTS.md).

So each text is first classed by the model's own output: when at least half of its
PERSON spans, and at least two, are lexicon names, the model is on home ground and all
its findings there are trusted (on the synthetic dev split this keeps 336 correct
names that the gate below would drop), except for names and places made only of
words no proper name is made of: function words ("TONIGHT", "to"; not after a title,
not initials) and, in mixed-case text, lowercase ordinary words in no name list
("breakfast", "medical team").  Elsewhere a finding is kept at full score only with
outside evidence:

* PERSON: a word of the span is a first name or surname of the lexicon that is not
  too ambiguous and not among its rarest entries (surnames such as Doppler or Vue are
  also clinical words); or, in a mixed-case text, every word is a capitalised lexicon
  name and none of them is a word of the hand list's word sections
  (``lexicons/ambiguous_words.txt``: months, clinical words, ICU shorthand such as
  Levo, Alert, Pacer; its word-names section, Faith or Harmony, counts as names), and
  the span does not open a sentence, line or heading;
* DATE_TIME, LOCATION, ORGANIZATION, STREET_ADDRESS: never (the pattern recognizers,
  which have context, decide those).

Spans without evidence get a low score, under the profile threshold; the engine still
uses them to extend a confident finding they overlap (``deid.engine``).
"""
from __future__ import annotations

import regex

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers.nlp_engine_recognizers.spacy_recognizer import SpacyRecognizer

from .recognizers import _patterns
from .recognizers.name_context import FUNCTION_WORDS, TIMESTAMP, kin_role_words
from .recognizers.years import icu_style
from .safety_net import clipped_word, is_safe_word, misspelt_word, shape_score, vocabulary

_TOKEN = _patterns.compile(r"\p{L}+(?:['’]\p{L}+)*")
STRONG, WEAK = 0.85, 0.2
# a text where at least half the model's PERSON spans, and at least two of them, are
# lexicon names is one the model understands: there all its findings are trusted
TRUST_SHARE, TRUST_MIN = 0.5, 2
# on home ground, a name or place span of lowercase words this common (wordness 0-9), in
# no name list, is dropped in mixed-case text
ORDINARY = 3
_CAPITALISED_TYPES = {"PERSON", "LOCATION", "ORGANIZATION"}
_PROSE_TYPES = {"DATE_TIME", "LOCATION", "ORGANIZATION", "PERSON"}
# a model name of one vocabulary word needs letters this name-like (safety_net.shape_score:
# "Kiri" 1.6, "Tui" 0.9; "Olanzapine" 0.1, "Seroquel" -0.1, "Lexapro" -1.2)
NAME_SHAPE = 0.3
_TITLE_BEFORE = _patterns.compile(r"(?i:\b(?:dr|mr|mrs|ms|mx|miss|prof|professor|doctor)\.?[ \t]+)$")
_JOIN = frozenset("of and & the de la le du des del da di van von".split())
_SENTENCE_START = _patterns.compile(r"(?:^|[.:;!?\n\-*#(]\s*)$")
# a date span of the model's is kept off home ground when it names a month, a year or a
# day of the month ("Tues 4th", "the 4th of", "Labour Weekend 2024"; not a weekday alone,
# which is no identifier, nor a bare "10/5", which in a note may be a ventilator setting)
_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE_EVIDENCE = _patterns.compile(rf"(?i:\b(?:{_MONTH})\b|\b(?:19|20)\d\d\b|\b\d{{1,2}}(?:st|nd|rd|th)\b)")


_COLON_NEXT = _patterns.compile(r"[ \t]*:")
# never a name, whatever its case ("Her daughter Mia", "His son"); "Will", "May", "And"
# may be, so auxiliaries and conjunctions are not here
_PRONOUNS = frozenset("i me my mine you your yours he him his she her hers it its we us our ours they them "
                      "their theirs this that these those the a an".split())


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
        for r in results:
            if "\n" in text[r.start:r.end]:
                _cut_at_line_break(text, r)
        persons = [r for r in results if r.entity_type == "PERSON"]
        for r in persons:
            self._trim(text, r)
        named = sum(self._lexicon_name(text[r.start:r.end]) for r in persons)
        trusted = named >= TRUST_MIN and named >= TRUST_SHARE * len(persons)
        # dates, places, organisations and names of the model count off home ground in
        # prose only: an ICU note's clock times and ranges ("2200", "1/2 NS") are not dates
        prose = (not trusted and any(r.entity_type in _PROSE_TYPES for r in results)
                 and not icu_style(text))
        for r in results:
            initial = _SENTENCE_START.search(text[max(0, r.start - 4):r.start]) is not None
            span = text[r.start:r.end]
            if trusted:
                ok = not (r.entity_type in _CAPITALISED_TYPES and self._only_ordinary_words(span, mode)
                          and not _TITLE_BEFORE.search(text, max(0, r.start - 10), r.start)
                          or self._never_a_name(text, r))
            elif r.entity_type == "DATE_TIME":
                # a date named by month, year or day of the month
                ok = prose and len(span.split()) <= 6 and _trim_date(text, r)
            elif r.entity_type in ("ORGANIZATION", "LOCATION"):
                ok = prose and (self._proper_phrase(span, initial) if mode == "mixed" else self._caseless_name(span))
            else:
                ok = self._has_evidence(r.entity_type, span, mode, initial) or (
                    r.entity_type == "PERSON" and prose and mode == "mixed" and self._proper_person(span, initial))
            r.score = STRONG if ok else WEAK
            if r.analysis_explanation is not None:
                r.analysis_explanation.original_score = r.score
        return results

    def _never_a_name(self, text: str, r: RecognizerResult) -> bool:
        """A pronoun, a determiner or a relation alone ("Her daughter Mia", "Mum (Ngaire)");
        a person made only of nationalities and languages ("Samoan"), or a form's label."""
        span = text[r.start:r.end]
        low = span.lower()
        if low in _PRONOUNS or low in kin_role_words():
            return True
        return r.entity_type == "PERSON" and (self._nationality(span) or self._field_label(text, r.start, r.end))

    def _field_label(self, text: str, start: int, end: int) -> bool:
        """One ordinary word opening a line before a colon, in no name list: a form's
        label ("Postal:", "Household:"), not a speaker ("Tevita:", "Will:")."""
        word = text[start:end]
        if not _TOKEN.fullmatch(word) or self._lex.lookup(word) is not None:
            return False
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip(" \t*#-•") or not _COLON_NEXT.match(text, end):
            return False
        return word.lower() in vocabulary()

    def _nationality(self, span: str) -> bool:
        """Every word a nationality, language, country or religion word of the safe list
        and in no name list ("Fijian Indian", "Samoan"; not "Jordan")."""
        words = _TOKEN.findall(span)
        return bool(words) and all(w.lower() in self._lex.safe_terms() and self._lex.lookup(w) is None
                                   for w in words)

    def _trim(self, text: str, r: RecognizerResult) -> None:
        """Drop ordinary words the model let a name run into ("nakamura yesterday"), and
        the relation or role word before a name ("Stepdad (Bevan)" -> "Bevan")."""
        words = [m for m in _TOKEN.finditer(text, r.start, r.end)]
        kin = kin_role_words()
        while len(words) > 1 and words[0].group().lower() in kin:
            words.pop(0)
            r.start = words[0].start()
        if words:  # end on the last word, or on an initial's full stop ("J.")
            last = words[-1]
            initial = len(last.group()) == 1 and r.end == last.end() + 1 and text[last.end()] == "."
            r.end = r.end if initial else last.end()
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

    def _lexicon_name(self, span: str, min_popularity: int = 0) -> bool:
        lex = self._lex
        for t in _TOKEN.findall(span):
            if len(t) >= 2:
                info = lex.lookup(t)
                if info is not None and info[2] >= min_popularity and lex.is_name_like(t):
                    return True
        return False

    def _has_evidence(self, entity_type: str, span: str, mode: str, sentence_initial: bool) -> bool:
        """Outside evidence for a finding made off the model's home ground (see the module doc)."""
        if entity_type != "PERSON":
            return False
        # the rarest lexicon entries (surnames such as Doppler or Vue that are also
        # clinical words) are not evidence enough
        if self._lexicon_name(span, min_popularity=1):
            return True
        toks = [t for t in _TOKEN.findall(span) if len(t) >= 2]
        return (bool(toks) and mode == "mixed" and not sentence_initial
                and all(t[0].isupper() and not t.isupper() and self._capitalised_name(t) for t in toks))

    def _geo_or_term(self, words: list[str]) -> bool:
        """A part of a word is a state, country, nationality, language or packaged term."""
        lex = self._lex
        return any(p.lower() in lex.safe_terms() or p.lower() in lex.geo_names() for w in words for p in w.split("-"))

    def _proper_person(self, span: str, sentence_initial: bool) -> bool:
        """A person's name of prose written as one: one to four Title-case words, not one
        word opening a sentence, none a calendar, clinical or heading word, a state,
        country, nationality or drug, one at least no ordinary English word."""
        words = _title_core(span)
        if not words or len(words) > 4:
            return False
        lex = self._lex
        if self._geo_or_term(words) or any(lex.is_hand_word(w) or lex._key(w) in lex.headings() for w in words):
            return False
        # one word alone must be no English word at all ("Coarse" in an ICU note is a word),
        # and a word of the vocabulary needs a name's letters: "Kiri", not "Quetiapine"
        if len(words) == 1:
            w = words[0]
            if sentence_initial:  # a word opening a sentence: no word of any list, a name's letters
                return (lex.wordness(w) < 0 and not is_safe_word(w) and shape_score(w) > NAME_SHAPE
                        and not misspelt_word(w) and not clipped_word(w))
            return lex.wordness(w) < 0 and (not is_safe_word(w) or shape_score(w) > NAME_SHAPE)
        return any(lex.wordness(w) < 3 for w in words)

    def _proper_phrase(self, span: str, sentence_initial: bool) -> bool:
        """A place or organisation span of prose written as a proper name: every word
        capitalised (joining words aside), one at least no ordinary English word and no
        calendar, clinical or heading word, and not one word opening a sentence."""
        if len(span.split()) > 6:
            return False
        core = _title_core(span)
        if not core or (sentence_initial and len(core) == 1):
            return False
        lex = self._lex
        if self._geo_or_term(core):
            return False  # a state, country, nationality or language ("Victoria", "Korean-American")
        if all(lex.is_name_like(w) for w in core):
            return False  # a person's name ("Marguerite Pemberton"): the name recognizers' business
        return any(lex.wordness(w) < 3 and not lex.is_hand_word(w) and lex._key(w) not in lex.headings()
                   for w in core)

    def _caseless_name(self, span: str) -> bool:
        """A place or organisation span of lower-case or ALL-CAPS prose with a word that no
        word list knows ("kowhai grove", "te awamutu"), none of them a function, calendar,
        clinical or heading word, a country or a nationality."""
        words = [w for w in _TOKEN.findall(span) if w.lower() not in _JOIN]
        if not words or len(words) > 5:
            return False
        lex = self._lex
        for w in words:
            k = w.lower()
            if (k in FUNCTION_WORDS or lex.is_hand_word(k) or lex._key(w) in lex.headings()
                    or any(p in lex.safe_terms() for p in k.split("-"))):
                return False
        # a word no word list knows, nor the clipped start of one ("coags", "LENTE")
        return any(len(w) >= 4 and lex.wordness(w) < 0 and not is_safe_word(w) and not clipped_word(w)
                   for w in words)

    def _capitalised_name(self, token: str) -> bool:
        """A lexicon name that, capitalised mid-sentence, is more likely a name than a word:
        any, except the words of the hand list's word sections (months, clinical words,
        ICU shorthand: Friday, Alert, Levo); its word-names section (Grace, Harmony)
        counts as names."""
        return self._lex.lookup(token) is not None and not self._lex.is_hand_word(token)

    def _only_ordinary_words(self, span: str, mode: str) -> bool:
        """The span is function words ("TONIGHT", "to"; Title case is left alone: "Just
        call me And"), or, in mixed-case text, lowercase ordinary words in no name list
        ("breakfast", "medical team"): a proper name there would be capitalised."""
        toks = _TOKEN.findall(span)
        if not toks or any(len(t) == 1 for t in toks):
            return False  # initials ("a. a.") are names
        lex = self._lex
        if all(t.lower() in FUNCTION_WORDS and (mode == "upper" or t.islower()) for t in toks):
            return True
        return mode == "mixed" and all(
            t.islower() and lex.lookup(t) is None and lex.wordness(t) >= ORDINARY for t in toks)


# the words a date is made of; a model date span is cut to the run from the first to the
# last of them ("sertraline March 2024" -> "March 2024")
_DATE_WORD = _patterns.compile(
    rf"(?i:{_MONTH}|mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?|(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)|\d{1,2}|mid|early|late|"
    r"the|of|on|from|to|and|until|till|between)"
)
# an ordinal that counts something is no day of the month: "3rd dose", "the 19th floor",
# "the 2nd of 5 children", "the 1st in her family"
_ORDINAL_NOT_DAY = _patterns.compile(
    r"\d{1,2}(?:st|nd|rd|th)[ \t]+(?i:dose|doses|floor|day|days|time|times|attempt|session|visit|week|"
    r"year|child|children|grade|place|round|cycle|line|trial|of[ \t]+\d|in[ \t]+(?:her|his|their|the|my))\b"
)


def _title_core(span: str) -> "list[str] | None":
    """The words of a span (joining words and punctuation aside), when every one is written
    Title case ("Tevita Fonua", "Church of St Anne"); None otherwise."""
    core = [w.strip(".,;:()\"'’") for w in span.split()]
    core = [w for w in core if w and w.lower() not in _JOIN]
    if not core or not all(w[0].isupper() and not w.isupper() for w in core):
        return None
    return core


def _trim_date(text: str, r: RecognizerResult) -> bool:
    """Cut a model date span to its date words; False (the span left as it was) when they
    name no month, year or day of the month, or an ordinal in it counts something."""
    span = text[r.start:r.end]
    toks = [m for m in regex.finditer(r"[\p{L}\p{N}'’]+", span)]
    idx = [i for i, m in enumerate(toks) if _DATE_WORD.fullmatch(m.group())]
    if not idx:
        return False
    start, end = r.start + toks[idx[0]].start(), r.start + toks[idx[-1]].end()
    if _ORDINAL_NOT_DAY.search(text, start, min(len(text), end + 30)):
        return False
    if regex.fullmatch(r"(?:19|20)\d\d", text[start:end]):
        return False  # a year alone: years.py judges those by their cue ("on file 2019 returns")
    if _DATE_EVIDENCE.search(text, start, end) is None:
        return False  # no month, year or day of the month: the span stays as the model cut it
    r.start, r.end = start, end
    return True


# a speaker's turn opening a line: "\nspeaker_a:", "\n[00:01:15] Client:"
_TURN = _patterns.compile(rf"\n[ \t]*{TIMESTAMP}?[\p{{L}}_][\p{{L}}\p{{N}}_ ]{{0,23}}:|\n[ \t]*\r?\n")  # a turn or a blank line


def _cut_at_line_break(text: str, r: RecognizerResult) -> None:
    """A model span never runs over a speaker's turn or a blank line, and only an address
    runs over a line ("hers til sunday\nspeaker_a: okay and the police" is no address,
    nor "IL 62704\n\nDear Dr"): keep the first line."""
    span = text[r.start:r.end]
    if r.entity_type == "STREET_ADDRESS":
        m = _TURN.search(span)
        cut = m.start() if m is not None else None
    else:
        cut = span.index("\n")
    if cut is None:
        return
    head = span[:cut].rstrip()
    if any(c.isalnum() for c in head):
        r.end = r.start + len(head)
    else:
        tail = span[cut:].lstrip()
        r.start = r.end - len(tail)
