"""Labelled fields: the value after a label that names an identifier, a phone, a person,
an organisation or a place, whatever the value's format.

Forms, letters and notes write identifiers as ``Label: value`` ("Policy: QXR-2210394",
"Matriculation no: 2741186P", "crime ref CR/0214552/25", "card ending 4471",
"GMC number (7311942)", "NI no. QQ 12 34 56 C").  What makes the value PHI is the label,
so any value shape is read after one: letters and digits joined by - / . and single
spaces, letter prefixes and trailing check letters.  The labels live in
``data/field_labels.txt``, one section per entity type and kind of value:

* ``code`` labels (ID, ACCOUNT_NUMBER, HEALTH_PLAN_NUMBER, LICENSE_NUMBER, US_SSN): a
  value with 3+ digits after a marker (":", "#", "no.", "number", "(", "ending in"),
  or 4+ digits right after the label ("PIN 118734"); not a date, a ratio, a decimal,
  a year after a bare label, or a quantity (a unit after it, a lab or vital word as
  its prefix);
* ``phone`` labels (Phone, Mobile, Tel, Fax, Cell...): a number of 7-15 digits in any
  national grouping ("+44 7700 900123", "0470 12 34 56", "06 12 34 56 78"), reported
  as PHONE_NUMBER even where the phone recognizer cannot validate it;
* ``name`` labels (Employer:, Insurer:, School:, GP:, Next of kin:, Place of birth:):
  the value up to the end of the field (line end, two or more spaces, ; | , or a
  sentence end), only when it looks like a name: capitalised words, at most eight, no
  digits, not a sentence, not a stock answer ("N/A", "Retired", "Self-employed": the
  ``[not a name]`` list).  A PERSON field whose value ends in an organisation head word
  ("GP: Elm Road Surgery") is reported as ORGANIZATION.  In a lower-case or ALL-CAPS
  document, where nothing is capitalised, any words will do if there are at most six and
  none reads as a sentence or a stock answer ("insurer: southern cross health", not
  "gp: to review next week").

Speed: labels are tried only at the words that can start one (from the text's set of
distinct words, shared with identifiers.py), each with one anchored match.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import _patterns
from ._base import LazyRegex, make_result, match_at
from .name_lexicon import case_mode, is_common_word, lookup
from .identifiers import DATA_DIR, glued_unit, number_words, read_sections, word_positions, word_set
from .name_context import english_form

SCORES = {"code": 0.65, "phone": 0.7, "name": 0.6}


@dataclass(frozen=True)
class Label:
    entity: str
    kind: str  # code | phone | name
    marker: bool = False  # the value must follow a marker
    digits: int = 0  # minimum digits in a code value (0: the default)


def _norm(label: str) -> str:
    return " ".join(label.lower().replace(".", " ").split())


_DATA = None


def field_data():
    """(labels by normalised text, not-a-name values, organisation head words)."""
    global _DATA
    if _DATA is None:
        labels: dict[str, Label] = {}
        not_names: set[str] = set()
        heads: set[str] = set()
        for head, lines in read_sections(DATA_DIR / "field_labels.txt").items():
            if head == "not a name":
                not_names.update(_norm(x) for x in lines)
                continue
            if head == "organisation head words":
                heads.update(w.lower() for x in lines for w in x.split())
                continue
            entity, kind = head.split()
            for line in lines:
                text, _, opts = line.partition("|")
                opts = opts.split()
                digits = next((int(o[7:]) for o in opts if o.startswith("digits=")), 0)
                labels[_norm(text)] = Label(entity, kind, "marker" in opts, digits)
        _DATA = (labels, frozenset(not_names), frozenset(heads))
    return _DATA


def labels_() -> dict:
    return field_data()[0]


def _label_regex(labels) -> str:
    alts = []
    for lab in sorted(labels, key=lambda w: (-len(w), w)):
        words = [regex.escape(w) for w in lab.split()]
        alts.append(r"[ \t]*\.?[ \t]*".join(words) + r"\.?")
    return r"(?<![\w/])(?P<label>" + "|".join(alts) + r")(?![A-Za-z])"


# a label closing its line with a colon, its value on the next line, as forms exported
# to text write them ("Phone:" / "021 448 9031", "Employer:" / "Tākaro Tree Services")
_NEXT_LINE = r"(?:(?<=:)[ \t]*\r?\n(?=[ \t]*\S))?"
_NUMWORD = r"(?:no\.?|number|num|nbr|\#|id|ref\.?|reference)(?![A-Za-z])"
_FIRST = _patterns.compile(r"[A-Za-z]+")
_NUMWORDS = {"no", "number", "num", "nbr", "id", "ref", "reference"}
_CODE_SEP = (
    r"(?P<qual>[ \t]*\([^()\n]{1,20}\))?"  # "SSN (last 4): 6620"
    rf"(?P<num>[ \t]*{_NUMWORD}(?:[ \t]*{_NUMWORD})?)?"  # "GMC number", "NI no."
    r"(?P<mark>[ \t]*(?:[:=\#]|-(?=[ \t])|\((?=[ \t]*[A-Za-z0-9])))?"
    rf"{_NEXT_LINE}"
    r"[ \t]*(?:(?P<verb>is|was|of|ending(?:[ \t]+in)?|ends[ \t]+in|on[ \t]+file)[ \t]*[:\-]?[ \t]+)?"
    r"\#?[ \t]*(?P<paren>\()?[ \t]*"
)
_CODE_VALUE = (
    r"(?P<phi>(?P<prefix>(?-i:[A-Z]{1,4})[ ](?=\d\d))?"
    r"(?P<main>[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*)"
    r"(?:[ ]\d{2,}(?-i:[A-Z])?(?:[-/.]\d+)*)*"  # "204 123 456K": a check letter on the last group
    r"(?:[ ](?-i:[A-Z])(?![\w]))?)"
    r"(?![\w@])"
)
_PHONE_SEP = rf"(?:[ \t]*(?:no\.?|number|\#))?[ \t]*(?P<mark>[:=\#]|-(?=[ \t]))?{_NEXT_LINE}[ \t]*(?:(?:is|on)[ \t]+)?"
_PHONE_VALUE = r"(?P<phi>(?:\+|00)?\(?\d[\d()]*(?:[ .\-]\(?\d[\d()]*|\([\d]+\))*)(?![\w])"
_NAME_SEP = rf"[ \t]*(?:[:=]|[ \t]-[ \t]){_NEXT_LINE}[ \t]*"
_NAME_VALUE = r"(?P<phi>[^\s;|,(:][^\n\t;|,(:]{0,100})"

_DATE_LIKE = _patterns.compile(r"\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|\d{1,2}[-/.]\d{4}")
_DECIMAL = _patterns.compile(r"\d{1,5}\.\d{1,3}")
_YEAR = _patterns.compile(r"(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?")
_RATIO = _patterns.compile(r"\d{1,3}(?:/\d{1,3})+")
_NEXT_WORD = _patterns.compile(r"[ \t]?([A-Za-z%][A-Za-z0-9/]*)")
_ABBREV = {"dr", "st", "mr", "mrs", "ms", "mx", "prof", "mt", "ft", "jr", "sr", "rev", "fr"}
_CONNECT = {"of", "and", "the", "de", "la", "le", "du", "da", "di", "del", "della", "van", "von", "der",
            "den", "y", "for", "on", "upon", "at", "in", "&", "'n'"}
_TITLE_WORD = _patterns.compile(r"(?:\p{Lu}[\p{Ll}\p{Lu}'’.\-]*|\p{Lu}{2,6})")
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "rev", "sr", "sister", "fr"}
# in lower-case or ALL-CAPS text a field value with one of these words is a sentence
_SENTENCE_WORDS = frozenset(
    "i he she they we you it is was are were be been to will would can could has have had not "
    "no none nil unknown unemployed retired declined n/a na nk tbc tba see as per same pending "
    "with without if when then this that these those my his her their our your a an".split())
_CASELESS_WORD = _patterns.compile(r"[\p{L}][\p{L}'’.\-&]*|&")


def _geo_codes() -> frozenset:
    from ._geo import AU_STATES, CA_PROVINCES, US_STATES

    return frozenset(US_STATES) | frozenset(AU_STATES) | frozenset(CA_PROVINCES)


class LabelledFieldRecognizer(LocalRecognizer):
    ENTITIES = ["ID", "ACCOUNT_NUMBER", "HEALTH_PLAN_NUMBER", "LICENSE_NUMBER", "US_SSN", "PHONE_NUMBER",
                "ORGANIZATION", "PERSON", "LOCATION"]

    def __init__(self) -> None:
        super().__init__(supported_entities=list(self.ENTITIES), name="LabelledFieldRecognizer",
                         supported_language="en")

    def load(self) -> None:
        labels, _, _ = field_data()
        by_kind: dict[str, list[str]] = {}
        for text, lab in labels.items():
            by_kind.setdefault(lab.kind, []).append(text)
        body = {"code": _CODE_SEP + _CODE_VALUE, "phone": _PHONE_SEP + _PHONE_VALUE, "name": _NAME_SEP + _NAME_VALUE}
        # compiled when a label of that kind is first met (start-up)
        self.patterns = {k: LazyRegex(_label_regex(v) + body[k], regex.IGNORECASE) for k, v in by_kind.items()}
        self.kinds_of: dict[str, list[str]] = {}  # first word of a label -> kinds it starts
        for text, lab in labels.items():
            kinds = self.kinds_of.setdefault(text.split()[0], [])
            if lab.kind not in kinds:
                kinds.append(lab.kind)
        self._trig: dict[str, bool] = {}

    # ------------------------------------------------------------------ candidates
    def _starts(self, text: str) -> list[int]:
        trig = self._trig
        if len(trig) > 200_000:
            trig.clear()
        hits = []
        for w in word_set(text):
            t = trig.get(w)
            if t is None:
                t = trig[w] = w.lower() in self.kinds_of
            if t:
                hits.append(w)
        return word_positions(text, hits) if hits else []

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and not set(entities) & set(self.ENTITIES):
            return []
        labels, not_names, heads = field_data()
        out: list[RecognizerResult] = []
        kinds_of, patterns = self.kinds_of, self.patterns
        for pos in self._starts(text):
            first = _FIRST.match(text, pos).group().lower()
            for kind in kinds_of.get(first, ()):
                m = match_at(patterns[kind], text, pos)
                if m is None:
                    continue
                lab = labels.get(_norm(m.group("label")))
                if lab is None:
                    continue
                span = getattr(self, "_" + kind)(text, m, lab, not_names, heads)
                if span is None:
                    continue
                s, e, entity = span
                if entities and entity not in entities:
                    continue
                out.append(make_result(self, entity, s, e, SCORES[kind], f"field_{kind}"))
        return out

    # ------------------------------------------------------------------ values
    @staticmethod
    def _code(text, m, lab: Label, not_names, heads) -> Optional[tuple]:
        value, main = m.group("phi"), m.group("main")
        marked = any(m.group(g) for g in ("qual", "num", "mark", "verb", "paren")) or \
            _norm(m.group("label")).split()[-1] in _NUMWORDS
        if lab.marker and not marked:
            return None
        digits = sum(c.isdigit() for c in value)
        need = lab.digits or (3 if marked else 4)
        if digits < need or not any(c.isdigit() for c in main):
            return None
        units, measured = number_words()
        prefix = m.group("prefix")
        if prefix and (not marked or prefix.strip().lower() in measured or _norm(prefix) in labels_()):
            return None  # "NMBI PIN 118734": the PIN label, not a prefix; "Tmax 101.2"
        if _DATE_LIKE.fullmatch(main) or _RATIO.fullmatch(main) or (
                _DECIMAL.fullmatch(value) and not value.startswith("0")):
            return None  # a date, a ratio or a measurement ("Ref: 3.5")
        if not marked and _YEAR.fullmatch(value):
            return None
        nxt = _NEXT_WORD.match(text, m.end("phi"))
        if nxt is not None and nxt.group(1).lower() in units:
            return None
        if glued_unit(main):
            return None  # "report 1500cc"
        return m.start("phi"), m.end("phi"), lab.entity

    @staticmethod
    def _phone(text, m, lab: Label, not_names, heads) -> Optional[tuple]:
        value = m.group("phi")
        if lab.marker and not (m.group("mark") or value.startswith("(")):
            return None
        s, e = m.start("phi"), m.end("phi")
        # drop trailing groups past 15 digits, then an unbalanced ")"
        while sum(c.isdigit() for c in value) > 15:
            cut = max(value.rfind(" "), value.rfind("-"), value.rfind("."))
            if cut <= 0:
                return None
            value = value[:cut]
        while value.endswith(")") and value.count(")") > value.count("("):
            value = value[:-1]
        digits = sum(c.isdigit() for c in value)
        if digits < 7 or (digits == 7 and not regex.fullmatch(r"\d{3}[-. ]\d{4}", value)):
            return None
        if _DECIMAL.match(value) and "." in value[:4]:
            return None  # "pH 7.35 ..."
        return s, s + len(value), lab.entity

    @staticmethod
    def _name(text, m, lab: Label, not_names, heads) -> Optional[tuple]:
        raw = m.group("phi")
        value = regex.split(r"[ \t]{2,}", raw, maxsplit=1)[0]
        # a sentence end, unless the period closes an abbreviation or an initial ("Dr.", "J.")
        for pm in regex.finditer(r"([\p{L}]+)\.(?=\s|$)", value):
            w = pm.group(1)
            if w.lower() not in _ABBREV and len(w) > 1:
                value = value[:pm.start() + len(w)]
                break
        value = value.rstrip(" .-–—'\"")
        toks = value.split()
        if not toks or len(toks) > 8:
            return None
        if _norm(value) in not_names or _norm(toks[0]) in not_names:
            return None
        caseless = case_mode(text) != "mixed"
        if caseless:
            # speech-to-text or shorthand: no capitals to go by, so the words must not
            # read as a sentence ("gp: to review next week", "NOK: SHE IS AWARE")
            if len(toks) > 6 or any(t.lower().strip(".,'’") in _SENTENCE_WORDS for t in toks):
                return None
            if not all(_CASELESS_WORD.fullmatch(t) for t in toks):
                return None
        titled = 0
        for i, t in enumerate(toks):
            if t.lower() in _CONNECT and 0 < i < len(toks) - 1:
                continue
            if not caseless and not _TITLE_WORD.fullmatch(t):
                return None
            titled += not t.isupper()
        if titled == 0 and not caseless:
            return None  # ALL-CAPS lines in mixed text: headings and shouted notes, not names
        words = [t.strip(".'’") for t in toks if t.lower() not in _CONNECT]
        if len(words) == 1 and (is_common_word(words[0]) or english_form(words[0].lower())
                                and lookup(words[0]) is None):
            return None  # "Mother: Lives", "Father - Remarried"
        entity = lab.entity
        if entity == "PERSON":
            if toks[-1].lower().strip(".") in heads:
                entity = "ORGANIZATION"
            elif all(is_common_word(w) and w.lower() not in _TITLES for w in words):
                return None  # "Mother: Lives Nearby"
        if entity == "LOCATION":
            from ._geo import STATE_NAMES

            if value in STATE_NAMES or value.upper() in _geo_codes():
                return None
        s = m.start("phi")
        return s, s + len(value), entity


def get_recognizers():
    rec = LabelledFieldRecognizer()
    rec.load()
    return [rec]
