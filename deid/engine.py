"""The Deidentifier: Presidio assembled for clinical and therapy text.

Detection runs in five steps:

1. spaCy (the shipped NER model, only the components detection needs, its findings
   gated by ``deid.ner``) and every recognizer of Presidio's registry, then context
   enhancement (``deid.context``); long texts are chunked with overlap
   (``deid.chunking``);
2. findings under the profile's threshold, clinical eponyms (Asperger's, Beck) and
   the profile's allow-list are dropped; weak model spans that extend a confident
   finding are kept;
3. the client card's known values are added (``deid.client_card``);
4. a quoted nickname or a closing initial right after a person found joins the people
   ('desmond ("des", 61)', "shirin b.,"); confidently found values are propagated to
   their other occurrences in the document (``deid.propagation``);
5. findings are grown to whole words and merged into non-overlapping spans; an age
   right after a person found is added ("marisol (17)", "MASON, 5 MONTHS"), and the
   suburb and town after a street address found ("12 elm st, hillhead, glasgow");
6. with a ``recall: max`` profile, every word left that is not known to be safe is
   removed too (``deid.safety_net``).

Scrubbing applies the profile's operators through presidio-anonymizer.
"""
from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Sequence

import regex
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.predefined_recognizers.generic.credit_card_recognizer import CreditCardRecognizer
from presidio_analyzer.predefined_recognizers.generic.iban_recognizer import IbanRecognizer
from presidio_anonymizer import AnonymizerEngine

from .recognizers import _patterns
from .recognizers.name_lexicon import _PERSON_VERB, case_mode, lookup
from .chunking import chunk_spans
from .client_card import ClientCard
from .context import WindowContextEnhancer
from .findings import Finding, expand_to_words, merge_overlaps
from .ner import GatedSpacyRecognizer
from .nlp import DeidNlpEngine, load_spacy
from .offline import enforce_offline
from .operators import build_operators
from .profiles import Profile, load_profile
from .propagation import propagate
from .safety_net import unknown_words, vocabulary
from .recognizers.addresses import block_after_address, places_after_address
from .recognizers.ages import ages_after_people
from .recognizers.name_context import after_people, never_a_name_word

log = logging.getLogger("deid")

# the model sometimes calls an eponym ("Stevens-Johnson") an organisation or a place
_EPONYM_TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "DATE_TIME"}
NER_ENTITIES = ["PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "STREET_ADDRESS", "AGE", "ZIP_CODE"]


@dataclass
class ScrubResult:
    text: str
    findings: list[Finding]


def build_registry() -> RecognizerRegistry:
    """The project's recognizer registry: the catalogue plus the built-ins that earn a place.

    Presidio built-ins are kept only where they are precise on clinical text (both
    validate a checksum).  Its US driver's licence, bank, passport and ITIN
    recognizers fire on ordinary words and numbers in notes, its phone, e-mail, URL
    and date recognizers are replaced by the catalogue's own.
    """
    from . import recognizers as catalogue

    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(GatedSpacyRecognizer(supported_entities=NER_ENTITIES))
    registry.add_recognizer(CreditCardRecognizer())
    registry.add_recognizer(IbanRecognizer())
    for rec in catalogue.build_recognizers():
        registry.add_recognizer(rec)
    return registry


# Typography that word processors and phones put in text, folded one character for one
# before detection (so every offset holds for the original): no-break and thin spaces
# -> space, hyphens and the minus sign -> "-". "34\u2011year\u2011old", "0412\u202f345\u202f678",
# "Dr\u00a0Rees" then read as typed. Dashes stay: folding the en dash, even inside a word,
# cost a place on the MH lockbox half (recognizers read "\u2013" as a separator).
_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_HYPHENS = "\u2010\u2011\u2012\u2212\ufe63\uff0d"
_TYPOGRAPHY = str.maketrans({**dict.fromkeys(_SPACES, " "), **dict.fromkeys(_HYPHENS, "-")})
_TYPO_CHARS = frozenset(_SPACES + _HYPHENS)


# Line breaks written as escapes, as text exported through JSON, CSV or a log carries
# them ("Phone:\\n0412 345 678", "Apt. 4\\nSpringfield"): read as the break they stand
# for, one character for one ("\\n" -> " " + newline, "\\t" -> two spaces), so that a
# value after one is no longer glued to the letter "n".
_ESCAPED_BREAK = _patterns.compile(r"\\(?:r\\n|[nrt])")


def _unescape_breaks(m: "regex.Match") -> str:
    s = m.group()
    return " " * (len(s) - 1) + ("\n" if s[-1] == "n" or s == "\\r" else " ")


def fold_typography(text: str) -> str:
    """``text`` with typographic spaces and hyphens made plain and escaped line breaks
    read as breaks (same length); ``text`` itself when it has none of them."""
    if "\\" in text:
        text = _ESCAPED_BREAK.sub(_unescape_breaks, text)
    if text.isascii() or _TYPO_CHARS.isdisjoint(text):
        return text
    return text.translate(_TYPOGRAPHY)


def _common_word_checker():
    """A predicate: is this word too common to propagate on its own?"""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .recognizers.name_lexicon import is_common_word  # the lexicon's ambiguity scores

    def is_common(word: str) -> bool:
        w = word.lower()
        return w in STOP_WORDS or is_common_word(w)

    return is_common


def _eponym_veto():
    """Clinical eponyms ("Asperger's", "Foley catheter") and languages ("Russian speaking")."""
    from .recognizers.eponyms import is_eponym, is_language_use

    def veto(text: str, start: int, end: int) -> bool:
        return is_eponym(text, start, end) or is_language_use(text, start, end)

    return veto


_DATE_WORD = _patterns.compile(
    r"(?:\d+(?:st|nd|rd|th)?|['’]\d\d|of|the|on|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon|tue|wed|thu|fri|sat|sun)\.?",
    regex.IGNORECASE,
)
_EXT_TOKEN = _patterns.compile(r"[\p{L}\p{N}'’.]+")
# a weekday written right before a date ("Friday 7 March", "Thurs the 13th", "Monday,
# March 24"): part of the date
# and "mid-" glued to a month ("mid-January", "mid-Feb")
_WEEKDAY_BEFORE = _patterns.compile(
    r"(?<![\p{L}\p{N}])(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+|mid-)$",
    regex.IGNORECASE,
)


# the other half of a hyphenated name: "Min-jun", "Seo-yeon", "Do-hyun", "Smith-Jones"
_HYPHEN_LEFT = _patterns.compile(r"(?<![\p{L}\p{N}'’])\p{L}+-\Z")
_HYPHEN_RIGHT = _patterns.compile(r"-\p{L}+(?![\p{L}\p{N}])")


def _hyphen_joined(text: str, f: Finding) -> Finding:
    """A person found on one side of a hyphen takes the other side too, unless that side
    is a lower-case English word ("Jordan-led", "Mia-like"): half a name is a leak."""
    if f.entity_type != "PERSON":
        return f
    if f.start > 1 and text[f.start - 1] == "-":
        m = _HYPHEN_LEFT.search(text, max(0, f.start - 24), f.start)
        if m is not None:
            part = m.group()[:-1]
            if not (part.islower() and part in vocabulary()):
                f.start = m.start()
    if f.end < len(text) - 1 and text[f.end] == "-":
        m = _HYPHEN_RIGHT.match(text, f.end, min(len(text), f.end + 24))
        if m is not None:
            part = m.group()[1:]
            if not (part.islower() and part in vocabulary()):
                f.end = m.end()
    return f


_NEXT_TOKEN = _patterns.compile(r"[ \t]+(\p{L}[\p{L}'’\-]*)")
_PREV_TOKEN = _patterns.compile(r"(?<![\p{L}\p{N}'’\-])(\p{L}[\p{L}'’\-]*)[ \t]+\Z")
# a Māori particle that opens a name ("te aroha", "ngā")
_NAME_PARTICLES = frozenset({"te", "ngā", "nga"})
# a person, or the safety net's unknown word (a name more often than not)
_NAME_TYPES = frozenset({"PERSON", "UNKNOWN"})


def _caseless_name_joined(text: str, f: Finding, mode: str) -> Finding:
    """Without capitals, a person found by one word takes its neighbours when the name
    lists say they go with it: a listed surname after ("hinewai goodall", "sam brown"), a
    listed first name or a Māori particle before ("sam jones", "te aroha"). Never a
    function word, a heading, a calendar or clinical word ("walker"), a relation, or after
    the name a verb people do ("said", "told")."""
    if mode == "mixed" or f.entity_type not in _NAME_TYPES:
        return f
    m = _NEXT_TOKEN.match(text, f.end)
    if m is not None and not never_a_name_word(m.group(1)):
        info = lookup(m.group(1))
        if info is not None and info[1] and not _PERSON_VERB.fullmatch(" " + m.group(1).lower()):
            f.end = m.end(1)
    m = _PREV_TOKEN.search(text, max(0, f.start - 30), f.start)
    if m is not None:
        w = m.group(1)
        if w.lower() in _NAME_PARTICLES or (not never_a_name_word(w) and (info := lookup(w)) is not None and info[0]):
            f.start = m.start(1)
    return f


def _with_weekday(text: str, f: Finding) -> Finding:
    if f.entity_type == "DATE_TIME" and f.start > 0:
        m = _WEEKDAY_BEFORE.search(text, max(0, f.start - 14), f.start)
        if m is not None:
            f.start = m.start()
    return f


def _corroborated_model_findings(found: list[Finding], thr: float, text: str, is_common) -> list[Finding]:
    """Model findings under the threshold that extend a confident finding of another recognizer.

    They often cover the whole of what a pattern caught only part of ("March 3rd" of
    "March 3rd, 2024"), so the overlapping part and its neighbouring words are kept, as
    long as those words fit the type (date words for dates, no ordinary words for names
    and places): "sertraline March 2024" keeps only "March 2024".
    """
    weak = [f for f in found if f.recognizer == "SpacyRecognizer" and f.score < thr]
    if not weak:
        return []
    strong = sorted((f.start, f.end) for f in found if f.score >= thr and f.recognizer != "SpacyRecognizer")
    starts = [st for st, _ in strong]
    out: list[Finding] = []
    for f in weak:
        i = bisect.bisect_left(starts, f.end)
        for j in range(i - 1, max(-1, i - 50), -1):
            s0, e0 = strong[j]
            if e0 <= f.start:
                continue
            if f.entity_type == "DATE_TIME":
                fits = lambda w: _DATE_WORD.fullmatch(w) is not None  # noqa: E731
            else:
                # no ordinary words, and no lower-case word on a capitalised name
                # ("Obinna rang him": the model's span, not the name)
                lower_ok = text[s0:e0].islower()
                fits = lambda w, lower_ok=lower_ok: not is_common(w) and (lower_ok or not w.islower())  # noqa: E731
            lo, hi = max(f.start, s0), min(f.end, e0)
            for m in reversed(list(_EXT_TOKEN.finditer(text, f.start, s0))):
                if not fits(m.group()):
                    break
                lo = m.start()
            for m in _EXT_TOKEN.finditer(text, e0, f.end):
                if not fits(m.group()):
                    break
                hi = m.end()
            out.append(Finding(lo, hi, f.entity_type, thr, f.recognizer, pattern=f.pattern))
            break
    return out


def _allow_pattern(terms: Iterable[str]) -> "Optional[regex.Pattern]":
    """One pattern for the profile's allow list: whole words, any spacing (numbers: any
    spacing or dashes between digits); a term written
    with two or more capitals (an acronym: CAGE, SCARED, MoCA) matches only as written,
    others in any case (Lifeline, lifeline)."""
    alts = []
    for t in sorted({t.strip() for t in terms if t.strip()}, key=lambda w: (-len(w), w)):
        if regex.fullmatch(r"[\d\s\-]+", t):  # a number: any spacing or dashes (13 11 14, 131114)
            body = r"[\s\-]?".join(regex.escape(c) for c in regex.sub(r"\D", "", t))
        else:
            body = r"\s+".join(regex.escape(w) for w in t.split())
        alts.append(body if sum(c.isupper() for c in t) >= 2 else f"(?i:{body})")
    if not alts:
        return None
    return _patterns.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(alts) + r")(?![\p{L}\p{N}])")


def _only_allowed(text: str, f: Finding, allowed: list[tuple[int, int]], ends: Optional[list[int]] = None) -> bool:
    """Is ``f`` made only of allowed terms, spaces and punctuation ("Lifeline 13 11 14"
    found as one date)?  A finding with anything else in it ("Port William Headspace",
    "911 Colin Corners", "Maria rang Lifeline") is kept whole: the allowed term may be part
    of an identifier.  ``allowed`` is sorted and does not overlap (one regex's matches);
    ``ends`` is the list of its ends, for a binary search on long texts."""
    i = bisect.bisect_right(ends if ends is not None else [e for _, e in allowed], f.start)
    pos = f.start
    while i < len(allowed) and allowed[i][0] < f.end:
        s, e = allowed[i]
        if s > pos and regex.search(r"[\p{L}\p{N}]", text[pos:s]):
            return False
        pos = max(pos, e)
        i += 1
    if pos == f.start:
        return False  # touches no allowed term
    return pos >= f.end or not regex.search(r"[\p{L}\p{N}]", text[pos:f.end])


_LOWER = _patterns.compile(r"\p{Ll}")


def _allowed_spans(rx, text: str) -> list[tuple[int, int]]:
    """Where the allow list's terms occur; an acronym (no lower-case letter) does not count
    on a line written in capitals only, where names are capitals too ("SEEN BY BAI")."""
    out = []
    for m in rx.finditer(text):
        term = m.group()
        if not any(c.islower() for c in term) and any(c.isalpha() for c in term):
            lo = text.rfind("\n", 0, m.start()) + 1
            hi = text.find("\n", m.end())
            if _LOWER.search(text, lo, hi if hi >= 0 else len(text)) is None:
                continue
        out.append(m.span())
    return out


class Deidentifier:
    """Detect and remove PHI. Loading is the slow part: create once, reuse.

    >>> d = Deidentifier(profile="safe-harbor")
    >>> d.scrub("Seen by Dr Okafor on 3 March 2024.").text
    'Seen by Dr [PERSON_1] on 2024.'
    """

    def __init__(
        self,
        profile: str | Profile = "safe-harbor",
        model: str = "builtin",
        client: Optional[str | ClientCard] = None,
        today=None,
        vault=None,
        client_id: Optional[str] = None,
    ) -> None:
        enforce_offline()
        self.vault = vault  # deid.vault.Vault: surrogate pairs recorded per client (the ai profile)
        self.client_id = client_id
        self.profile = profile if isinstance(profile, Profile) else load_profile(profile)
        self.client = ClientCard.load(client) if isinstance(client, str) else client
        self.today = today  # reference date of the 90-or-older rule (None: today)
        if self.profile.requires_client and self.client is None:
            from .errors import ConfigError
            from .purpose import missing_client_message

            raise ConfigError(missing_client_message(self.profile))
        self.nlp = load_spacy(model)
        self.nlp_engine = DeidNlpEngine(self.nlp)
        self.registry = build_registry()
        self.recognizers = self.registry.get_recognizers(language="en", all_fields=True)
        self.entities = sorted({e for r in self.recognizers for e in r.supported_entities})
        self.context = WindowContextEnhancer(threshold=self.profile.threshold)
        self.anonymizer = AnonymizerEngine()
        self._is_common = _common_word_checker()
        self._veto = _eponym_veto()
        self._allow = {a.casefold() for a in self.profile.allow}
        self._allow_words = frozenset(w for a in self._allow for w in regex.findall(r"[\p{L}\p{N}]+", a))
        self._allow_rx = _allow_pattern(self.profile.allow)

    # ---- detection -------------------------------------------------------
    def detect(self, text: str, client: Optional[ClientCard] = None) -> list[Finding]:
        """Findings (start, end, entity_type, score, recognizer, pattern, context words)."""
        return next(self.detect_many([text], client=client))

    def detect_many(self, texts: Iterable[str], client: Optional[ClientCard] = None, batch_size: int = 32) -> Iterator[list[Finding]]:
        """Findings for each text, in order. Texts are batched through ``nlp.pipe``."""
        card = client or self.client
        batch: list[str] = []
        for t in texts:
            batch.append(t)
            if len(batch) >= batch_size:
                yield from self._detect_batch(batch, card)
                batch = []
        if batch:
            yield from self._detect_batch(batch, card)

    def _detect_batch(self, texts: Sequence[str], card: Optional[ClientCard]) -> Iterator[list[Finding]]:
        originals = texts
        texts = [fold_typography(t) for t in texts]  # same length: offsets hold for the original
        # every chunk of every text goes through nlp.pipe together
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, chunk)
        for i, t in enumerate(texts):
            for s, e in chunk_spans(t):
                pieces.append((i, s, t[s:e]))
        raw: list[list[Finding]] = [[] for _ in texts]
        # the model's memory grows with the characters in one batch: at most ~40k of them
        # (sixteen short notes, or one 20k-character chunk of a long text at a time)
        longest = max((len(p[2]) for p in pieces), default=1)
        arts = self.nlp_engine.process_batch([p[2] for p in pieces], language="en",
                                             batch_size=max(1, min(16, 40_000 // max(1, longest))))
        for (i, off, chunk), (_, art) in zip(pieces, arts):
            raw[i].extend(self._to_finding(r, off) for r in self.analyze(chunk, art))
        for t, orig, found in zip(texts, originals, raw):
            kept = self._postprocess(t, found, card)
            if t is not orig:
                for f in kept:
                    f.value = orig[f.start:f.end]
            yield kept

    def analyze(self, text: str, nlp_artifacts) -> list[RecognizerResult]:
        """Run every recognizer of the registry on one chunk, then context enhancement.

        This is what Presidio's ``AnalyzerEngine.analyze`` does, without its per-result
        lemmatization and deep copies (see ``deid.context``); thresholds, eponyms,
        propagation and merging follow in ``_postprocess``.
        """
        results: list[RecognizerResult] = []
        for rec in self.recognizers:
            found = rec.analyze(text=text, entities=self.entities, nlp_artifacts=nlp_artifacts)
            if found:
                results.extend(found)
        return self.context.enhance_using_context(text, results, nlp_artifacts, self.recognizers)

    def presidio_analyzer(self) -> AnalyzerEngine:
        """A Presidio ``AnalyzerEngine`` over the same registry and NLP engine, for Presidio users."""
        return AnalyzerEngine(registry=self.registry, nlp_engine=self.nlp_engine, supported_languages=["en"],
                              context_aware_enhancer=WindowContextEnhancer(threshold=self.profile.threshold))

    @staticmethod
    def _to_finding(r: RecognizerResult, offset: int) -> Finding:
        meta = r.recognition_metadata or {}
        exp = r.analysis_explanation
        ctx = []
        if exp is not None and getattr(exp, "supportive_context_word", None):
            ctx = [exp.supportive_context_word]
        return Finding(
            start=r.start + offset,
            end=r.end + offset,
            entity_type=r.entity_type,
            score=float(r.score),
            recognizer=meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) or (exp.recognizer if exp else "unknown"),
            pattern=getattr(exp, "pattern_name", None) if exp else None,
            context_words=ctx,
        )

    def _postprocess(self, text: str, found: list[Finding], card: Optional[ClientCard]) -> list[Finding]:
        thr = self.profile.threshold
        kept = []
        allowed = _allowed_spans(self._allow_rx, text) if self._allow_rx is not None else []
        ends = [e for _, e in allowed]
        for f in found + _corroborated_model_findings(found, thr, text, self._is_common):
            if f.score < thr or f.end <= f.start:
                continue
            if self._veto and f.entity_type in _EPONYM_TYPES and self._veto(text, f.start, f.end):
                continue
            if allowed and _only_allowed(text, f, allowed, ends):
                continue  # allowed terms, however the recognizer cut or joined them
            kept.append(f)
        if card is not None:
            kept.extend(card.find(text))
        # people as found, before a longer place or organisation span can absorb one
        found_people = {(f.start, f.end) for f in kept if f.entity_type == "PERSON"}
        kept = merge_overlaps(kept)
        extra = after_people(text, [(f.start, f.end) for f in kept if f.entity_type == "PERSON"])
        if extra:
            kept = merge_overlaps(kept + [Finding(s, e, "PERSON", 0.6, "ContextNameRecognizer", pattern="after_person_found")
                                          for s, e in extra])
        spread = propagate(text, kept, self._is_common, self._veto)
        kept.extend(f for f in spread if not (allowed and _only_allowed(text, f, allowed, ends)))
        kept = merge_overlaps([_with_weekday(text, _hyphen_joined(text, expand_to_words(text, f))) for f in kept])
        ages = ages_after_people(text, sorted(found_people | {(f.start, f.end) for f in kept if f.entity_type == "PERSON"}))
        streets = [(f.start, f.end) for f in kept if f.entity_type == "STREET_ADDRESS"]
        places, postcodes = places_after_address(text, streets)
        units, towns, codes = block_after_address(text, streets)
        places, postcodes = places + towns, postcodes + codes
        if ages or places or units or postcodes:
            kept = merge_overlaps(
                kept + [Finding(s, e, "AGE", 0.6, "AgeRecognizer", pattern="after_person_found") for s, e in ages]
                + [Finding(s, e, "STREET_ADDRESS", 0.6, "StreetAddressRecognizer", pattern="unit_line_after_address")
                   for s, e in units]
                + [Finding(s, e, "LOCATION", 0.6, "StreetAddressRecognizer", pattern="after_address_found")
                   for s, e in places]
                + [Finding(s, e, "ZIP_CODE", 0.6, "StreetAddressRecognizer", pattern="postcode_after_address")
                   for s, e in postcodes])
        if self.profile.recall in ("max", "high"):
            kept = merge_overlaps(kept + unknown_words(text, kept, safe=self._allow_words,
                                                       level=self.profile.recall, veto=self._veto))
        mode = case_mode(text)
        if mode != "mixed":
            kept = merge_overlaps([_caseless_name_joined(text, f, mode) for f in kept])
        for f in kept:
            f.value = text[f.start:f.end]
        return kept

    # ---- scrubbing -------------------------------------------------------
    def scrub(self, text: str, client: Optional[ClientCard] = None) -> ScrubResult:
        return next(self.scrub_many([text], client=client))

    def scrub_many(self, texts: Iterable[str], client: Optional[ClientCard] = None, batch_size: int = 32) -> Iterator[ScrubResult]:
        """Scrubbed results for each text, in order, batched through spaCy's ``nlp.pipe``."""
        texts = iter(texts)
        while True:
            batch = [t for _, t in zip(range(batch_size), texts)]
            if not batch:
                return
            for t, findings in zip(batch, self.detect_many(batch, client=client, batch_size=batch_size)):
                yield ScrubResult(self.apply(t, findings, client=client or self.client), findings)

    def changes(self, finding: Finding) -> bool:
        """Does the profile change this finding's text? (Safe Harbor keeps ages under 90 and years.)"""
        from .operators import changes

        return changes(self.profile.operator_for(finding.entity_type), finding.entity_type, finding.value)

    def apply(self, text: str, findings: list[Finding], client: Optional[ClientCard] = None) -> str:
        """Apply the profile's operators to ``findings`` (non-overlapping) in ``text``.

        Operators see the whole document and the client card (role tags, relative
        dates and surrogates depend on them), not only each value."""
        from .relative_dates import with_birth_years

        client = client if client is not None else self.client
        if self.profile.requires_client and client is None:
            from .errors import ConfigError
            from .purpose import missing_client_message

            raise ConfigError(missing_client_message(self.profile))
        findings = with_birth_years(text, findings, self.today)
        if not findings:
            return text
        with self._surrogates(findings, text, client) as surrogates:
            operators = build_operators(self.profile, findings, text=text, client=client, today=self.today, surrogates=surrogates)
            results = [RecognizerResult(f.entity_type, f.start, f.end, f.score) for f in findings]
            return self.anonymizer.anonymize(text=text, analyzer_results=results, operators=operators).text

    # ---- surrogates and the vault (the ai profile) -------------------------
    def uses_surrogates(self) -> bool:
        return any(spec.get("operator") == "surrogate" for spec in [self.profile.default, *self.profile.entities.values()])

    def warm_up(self) -> None:
        """Load everything a long-running process would otherwise load on first use:
        the model, the lexicons, and every lazily compiled pattern (``deid serve`` calls
        this before it listens, so no request pays for a first compile)."""
        from . import recognizers as catalogue

        catalogue.compile_all(self.recognizers)
        if self.profile.recall != "normal":
            from . import safety_net

            safety_net.load()
        self.detect("Warm-up note: Dr Ana Reyes saw the client on 1 March 2024 at 12 Elm St, "
                    "Springfield; MRN 4471902, phone 555-0142, aged 34.")
        # the model, lexicons and patterns live as long as the process: move them out of
        # the garbage collector's sight, so that a full collection in the middle of a
        # request does not walk millions of lexicon objects (a p95 cost)
        import gc

        gc.collect()
        gc.freeze()

    def for_client(self, client_id: Optional[str] = None, vault=None, client: Optional[str | ClientCard] = None) -> "Deidentifier":
        """This engine (the same loaded model, no reload) for another client or vault."""
        import copy

        d = copy.copy(self)
        d.client_id, d.vault = client_id, vault
        if client is not None:
            d.client = ClientCard.load(client) if isinstance(client, str) else client
        return d

    def _surrogates(self, findings, text: str, client):
        """The document's surrogates inside a vault transaction (re-read, recorded, written
        atomically), or None when the profile has no surrogate operator."""
        from contextlib import contextmanager, nullcontext

        if not self.uses_surrogates():
            return nullcontext(None)
        from .surrogates import client_key, default_source, for_document

        key = client_key(self.client_id, client)

        @contextmanager
        def ctx():
            if self.vault is None:
                src = default_source()
                with src._lock:
                    yield for_document(findings, text, client, state=src.state(key), today=self.today)
                return
            if key == "default":
                from .errors import ConfigError

                raise ConfigError("a vault needs to know whose document this is: give a client id or a client card")
            with self.vault.transaction() as v:
                yield for_document(findings, text, client, state=v.client(key, create=True),
                                   others=v.surrogates_cf(but=key), today=self.today)

        return ctx()

    def restore(self, text: str, client_id: Optional[str] = None):
        """Originals put back into ``text`` (an AI's reply to surrogate text) ->
        ``deid.restore.RestoreResult(text, restored, unmatched)``. Uses the vault's pairs of
        this client (all clients when no client id or card is known), else the pairs made
        in memory by this process."""
        from .restore import restore
        from .surrogates import client_key, default_source

        key = client_key(client_id or self.client_id, self.client)
        if self.vault is not None:
            self.vault.refresh()
            clients = self.vault.clients
        else:
            clients = default_source().clients
        states = list(clients.values()) if key == "default" and self.vault is not None else \
            [clients[key]] if key in clients else []
        return restore(text, states)
