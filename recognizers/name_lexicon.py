"""Person names found by lexicon lookup, in any case (Title, lowercase, ALL CAPS).

The lexicons (``lexicons/names*.gz``, see ``lexicons/PROVENANCE.md``) hold ~117k
first names and surnames from the 1990 US Census and Faker's Latin-script locale
lists, each with a popularity (0-9) and an *ambiguity* score (0-9: how much the name
is also an ordinary English or clinical word, e.g. Hope, Will, Brown, Stone, Fall),
plus ~390k *weak* names from names-dataset (106 countries) that are taken only as
Title-case words in prose (:func:`_weak_name_ok`).

The text is tokenised with one regex and every token is looked up in a dict; no big
alternation.  How much a match counts depends on the document's *case mode*:

* ``mixed`` (normal prose): capitalisation is evidence; a Title-case unambiguous name
  scores 0.6, lowercase words are ignored unless they form an unambiguous
  first+last pair.
* ``upper`` / ``lower`` (shorthand notes, ASR transcripts): capitalisation carries no
  information, so single tokens must be unambiguous and reasonably long; pairs of
  first name + surname score high.

Ambiguous names are emitted at 0.2-0.3 with context words, so Presidio's context
enhancer lifts them only when a cue word ("mr", "called", "sister" ...) precedes them.
The helpers (:func:`lookup`, :func:`wordness`, :func:`is_common_word`) are shared with
``name_context``.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from typing import Optional

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

from . import _patterns, _tables
from .eponyms import is_eponym

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

# name -> (is_first, is_last, pop, amb)
NameInfo = tuple[bool, bool, int, int]


@lru_cache(maxsize=1)
def _names() -> "dict[str, str] | _tables.TrieTable":
    """name -> its raw entry ("FL\t7\t0"): ~117k lines share ~400 distinct entries, each
    parsed once, on first lookup (:func:`_info`), so start-up only splits lines."""
    return _tables.text_table("names", [LEXICON_DIR / "names.tsv.gz"], _read_names)


def _read_names() -> dict[str, str]:
    with gzip.open(LEXICON_DIR / "names.tsv.gz", "rt", encoding="utf-8") as fh:
        return dict(line.split("\t", 1) for line in fh.read().split("\n") if "\t" in line)


@lru_cache(maxsize=None)
def _info(entry: str) -> Optional[NameInfo]:
    parts = entry.split("\t")
    if len(parts) != 3:
        return None
    kinds, pop, amb = parts
    return ("F" in kinds, "L" in kinds, int(pop), int(amb))


# the entry of a *weak* name (names-dataset only, never an English word): pop -1
_WEAK_INFO = {"F": (True, False, -1, 0), "L": (False, True, -1, 0), "FL": (True, True, -1, 0)}


@lru_cache(maxsize=1)
def _weak() -> tuple:
    """Weak first names and surnames (``lexicons/build.py`` says why they are weak)."""
    out = []
    for kind in ("first", "last"):
        path = LEXICON_DIR / f"names_weak_{kind}.txt.gz"
        out.append(_tables.word_set(f"names_weak_{kind}", [path], lambda path=path: _read_words(path)))
    return out[0], out[1]


def _read_words(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.read().split()


def _weak_info(k: str) -> Optional[NameInfo]:
    first, last = _weak()
    f, l = k in first, k in last
    if not (f or l):
        return None
    return _WEAK_INFO["FL" if f and l else "F" if f else "L"]


@lru_cache(maxsize=1)
def _common() -> "dict[str, int] | _tables.TrieTable":
    return _tables.small_int_table("common_words", [LEXICON_DIR / "common_words.tsv.gz"], lambda: _read_common().items())


def _read_common() -> dict[str, int]:
    out: dict[str, int] = {}
    with gzip.open(LEXICON_DIR / "common_words.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            w, _, s = line.rstrip("\n").partition("\t")
            if s:
                out[w] = int(s)
    return out


@lru_cache(maxsize=1)
def safe_terms() -> frozenset[str]:
    """Drug names, countries, nationalities and language names that are no name or place
    the lexicons know (``lexicons/safe_terms.txt.gz``, built by ``build_safe_terms.py``)."""
    with gzip.open(LEXICON_DIR / "safe_terms.txt.gz", "rt", encoding="utf-8") as fh:
        return frozenset(fh.read().split())


@lru_cache(maxsize=1)
def headings() -> frozenset[str]:
    """Note headings and speaker roles that are never names (lexicons/headings.txt)."""
    out = set()
    for line in (LEXICON_DIR / "headings.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.add(line)
    return frozenset(out)


@lru_cache(maxsize=1)
def _hand_list() -> tuple[frozenset[str], frozenset[str]]:
    """lexicons/ambiguous_words.txt: (every word, the words of its "virtue / word first
    names" section)."""
    words, names, in_names = set(), set(), False
    for line in (LEXICON_DIR / "ambiguous_words.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            in_names = line.lstrip("# ").lower().startswith("virtue")  # a section heading
            continue
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.add(word)
            if in_names:
                names.add(word)
    return frozenset(words), frozenset(names)


def hand_ambiguous() -> frozenset[str]:
    return _hand_list()[0]


def word_first_names() -> frozenset[str]:
    """The hand list's "virtue / word first names" section (Grace, Faith, Royal): words
    that, capitalised mid-sentence, are usually names."""
    return _hand_list()[1]


def is_hand_word(word: str) -> bool:
    """A word of the hand list's word sections (months, clinical words, ICU shorthand,
    function words: Friday, Alert, Levo), as opposed to its word-names section."""
    words, names = _hand_list()
    k = word.lower()
    return k in words and k not in names


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def lookup(word: str, weak: bool = False) -> Optional[NameInfo]:
    """Lexicon entry for a name token (any case), trying apostrophe-less forms.

    *Weak* names (pop -1: known only from names-dataset) are returned only with
    ``weak=True``: the lexicon recognizer takes them in ordinary prose
    (:func:`_weak_name_ok`); every other user sees the stricter lexicon."""
    names = _names()
    k = _key(word)
    entry = names.get(k)
    if entry is None and "'" in k:
        entry = names.get(k.replace("'", ""))
        if entry is None and k.endswith("'s"):
            k = k[:-2]
            entry = names.get(k)
    info = None if entry is None else _info(entry)
    if info is None and weak:
        return _weak_info(k)
    return info


def wordness(word: str) -> int:
    """0-9: how common ``word`` is as a lowercase English word (-1 when not listed)."""
    k = _key(word)
    if k in hand_ambiguous():
        return 9
    return _common().get(k, -1)


def is_common_word(word: str, threshold: int = 3) -> bool:
    """An ordinary English word that is not mainly a name ("was", "today", "practitioner")."""
    k = _key(word)
    if k in hand_ambiguous():
        return True
    w = _common().get(k, -1)
    if w < 0:
        return False
    info = lookup(word)
    if info is not None and info[3] <= 4:
        return False  # listed as a name and not much of a word (Jordan, Kim, Lee)
    return w >= threshold


def is_name_like(word: str, max_amb: int = 5) -> bool:
    """A token that can be a name: in the lexicon and not too ambiguous, or not a word."""
    info = lookup(word)
    if info is not None:
        return info[3] <= max_amb
    return wordness(word) < 0


@lru_cache(maxsize=4)
def case_mode(text: str) -> str:
    """'upper', 'lower' or 'mixed' for the whole document (from a sample of it).

    Cached: five recognizers ask it of the same chunk."""
    sample = text if len(text) <= 60000 else text[:30000] + text[-30000:]
    upper = sum(map(str.isupper, sample))
    lower = sum(map(str.islower, sample))
    letters = upper + lower
    if letters < 20:
        return "mixed"
    r = upper / letters
    if r > 0.6:
        return "upper"
    if r < 0.01:
        return "lower"
    return "mixed"


def recase(text: str, case: str) -> str:
    """``text`` in "lower" or "upper" case, one character for one (a character whose other
    case is longer, such as "ß" or "İ", stays), so every offset still holds."""
    out = getattr(text, case)()
    if len(out) == len(text):
        return out
    return "".join(c2 if len(c2 := getattr(c, case)()) == 1 else c for c in text)


@lru_cache(maxsize=4)
def caps_as_lower(text: str) -> Optional[str]:
    """An ALL-CAPS document in lower case, one character for one (None otherwise): the
    recognizers with lower-case rules read it so (cached: three of them ask)."""
    return recase(text, "lower") if case_mode(text) == "upper" else None


TOKEN = _patterns.compile(r"\p{L}+(?:['’]\p{L}+)*(?:-\p{L}+(?:['’]\p{L}+)*)*")
_VOWEL = _patterns.compile(r"[aeiouyàáâãäåèéêëìíîïòóôõöùúûüý]", regex.IGNORECASE)
_CONTRACTION = _patterns.compile(r"['’](?:m|t|re|ve|ll|d)$", regex.IGNORECASE)
_POSSESSIVE = _patterns.compile(r"['’]s$", regex.IGNORECASE)
# verbs only people do, after a word that may be a name ("Dawn denied", "Priyanka came");
# the safety net takes a word no list knows opening a sentence only before one of the
# action verbs, not an auxiliary ("Qwendolyx is a word")
_ACTIONS = (
    r"reports|reported|denies|denied|states|stated|shared|describes|described|"
    r"discloses|disclosed|endorses|endorsed|attended|attends|engaged|expressed|expresses|"
    r"identifies|presented|presents|agreed|agrees|declined|declines|arrived|cried|laughed|"
    r"said|says|told|walks|lives|lived|works|worked|feels|felt|wants|wanted|admits|admitted|"
    r"acknowledged|acknowledges|practised|practiced|completed|missed|cancelled|canceled|"
    r"returned|called|texted|emailed|became|continues|continued|tearful|appeared|appears|"
    r"mentioned|mentions|talked|talks|offered|offers|spoke|speaks|discussed|discusses|"
    r"explained|explains|asked|asks|complained|complains|brought|gave|withdrew|joined|"
    r"grew|went|goes|participated|participates|seemed|seems|shows|showed|left|"
    r"came|comes|got|gets|took|takes|tried|tries|started|starts|stopped|stops|moved|moves|"
    r"needs|needed|loves|loved|hates|hated|thinks|thought|knows|knew|keeps|kept|turned|"
    r"rang|phoned|visited|visits|stayed|stays|slept|sleeps|drinks|drank|smokes|smoked"
)
_PERSON_ACTION = _patterns.compile(rf"[ \t]+(?:{_ACTIONS})\b")
_PERSON_VERB = _patterns.compile(rf"[ \t]+(?:{_ACTIONS}|was|is|has|had|did|does|will|would|can|could)\b")
_GEO_PREP = _patterns.compile(
    r"(?i:\b(?:in|to|from|near|at|of|across|around|visiting|visited|toward|towards|into|"
    r"outside|throughout|via)[ \t]+)$"
)


@lru_cache(maxsize=1)
def geo_names() -> frozenset:
    """States, provinces, nations and countries, lowercase (not PHI; ``_geo.STATE_NAMES``)."""
    from ._geo import STATE_NAMES  # shared vocabulary (states, provinces, countries)

    return frozenset(n.lower() for n in STATE_NAMES)


def _geo_after_prep(text: str, t) -> bool:
    if t.text.lower() not in geo_names():
        return False
    return _GEO_PREP.search(text, max(0, t.start - 16), t.start) is not None


_LAST_TOKEN = _patterns.compile(r"\p{L}+(?:['’\-]\p{L}+)*$")
_NEXT_WORD = _patterns.compile(r"[ ](\p{L}{3,}(?:-\p{L}+)?)(?![\p{L}\p{N}'’])")
# endings of clinical words and misspellings, not surnames
_NOT_SURNAME_END = _patterns.compile(
    r"(?:otomy|ectomy|ostomy|osis|emia|algia|plasty|scopy|graphy|opathy|uria|ysis|"
    r"ment|tion|sion|ness|ity|able|ible|ally|(?<![ypmlnjqxhgw])ing|ed|ly)$"
)
_SENT_END = set(".!?:;\n•*-–—\"“(")

CONTEXT_WORDS = [
    "mr", "mrs", "ms", "miss", "dr", "doctor", "called", "named", "name", "sister",
    "brother", "mother", "father", "mom", "dad", "wife", "husband", "son", "daughter",
    "friend", "partner", "boyfriend", "girlfriend", "aunt", "uncle", "cousin",
    "grandmother", "grandfather", "spoke", "told", "nurse", "therapist", "met", "dear",
    "signed",
]


def _style(tok: str) -> str:
    if tok.isupper():
        return "U"
    if tok.islower():
        return "l"
    if tok[0].isupper():
        return "T"
    return "x"


class _Tok:
    __slots__ = ("start", "end", "text", "style", "info", "sent_start", "initial_before", "ord")

    def __init__(self, start: int, end: int, text: str, style: str, info, sent_start: bool):
        self.start, self.end, self.text, self.style, self.info = start, end, text, style, info
        self.sent_start = sent_start
        self.initial_before = None


def _token_info(tok: str) -> Optional[NameInfo]:
    info = lookup(tok, weak=True)
    if info is not None or "-" not in tok:
        return info
    # hyphenated: a double-barrelled name when every part is a name
    pieces = tok.split("-")
    if any(_key(p) in hand_ambiguous() for p in pieces):
        return None
    parts = [lookup(p) for p in pieces]
    if all(p is not None for p in parts):
        return (any(p[0] for p in parts), any(p[1] for p in parts),
                max(p[2] for p in parts), max(p[3] for p in parts))
    return None


_INFO: dict = {}
# relation / role / clinical words that are also (folded) names: no verb boost
_NOT_PERSON = frozenset(
    "son sons mother father sister brother wife husband daughter patient client echo "
    "family team staff nurse doctor pain mom dad baby child partner friend scan test "
    "report review chart group unit ward care".split()
)


def _classify(w: str):
    """(lexicon info or None, characters of possessive to cut) for a token."""
    if len(w) < 2:
        return None, 0
    if _POSSESSIVE.search(w):
        base = w[:-2]
        return (_token_info(base) if len(base) >= 2 else None), 2
    if _CONTRACTION.search(w):
        return None, 0
    return _token_info(w), 0


def _weak_name_ok(text: str, m, mode: str) -> bool:
    """A *weak* name (known only from names-dataset, which also holds abbreviations
    such as Tmax or Fio; only those that are never English words are kept) counts
    only when it stands as an ordinary capitalised word in ordinary
    prose: Title case with no inner capitals, not glued to a digit (FiO2), in a
    mixed-case document. Elsewhere it needs a cue (name_context)."""
    w = m.group()
    if mode != "mixed" or not w[0].isupper() or not w[1:].replace("-", "").replace("'", "").replace("’", "").islower():
        return False
    if w.lower() in safe_terms():
        return False  # a nationality, language or drug that names-dataset also holds ("Samoan")
    s, e = m.span()
    return not ((s and text[s - 1].isdigit()) or (e < len(text) and text[e].isdigit()))


def _unknown_word_after(text: str, end: int, weak: bool = False):
    """The word right after ``end`` (group 1 of the match) when it can be a surname no
    list knows: in no lexicon (``weak``: not even the weak names) and no dictionary, not a
    heading, a pronounceable word without a clinical ending; else None."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return None
    w = m.group(1)
    if lookup(w, weak=weak) is not None or wordness(w) >= 0 or _key(w) in headings():
        return None
    if not _VOWEL.search(w) or _NOT_SURNAME_END.search(w.lower()):
        return None
    return m


def _unknown_surname_end(text: str, t) -> Optional[int]:
    """End of the word right after ``t`` when it can be a surname no list knows, written
    in ``t``'s case style."""
    m = _unknown_word_after(text, t.end, weak=True)
    if m is None or _style(m.group(1)) != t.style:
        return None
    return m.end(1)


# a lower-case word before, not a determiner ("the Summer holidays", "the Grace of God")
_LOWER_BEFORE = _patterns.compile(r"(?<![\p{L}'’\-])(?!(?:the|a|an|this|that|these|those|every|each|some|any|no|our|their)[ \t])"
                              r"\p{Ll}[\p{Ll}'’]*[ \t]+\Z")
_LOWER_AFTER = _patterns.compile(r"[ \t]+\p{Ll}[\p{Ll}'’]*(?![\p{L}\-])|[ \t]*[,.;!?](?:[ \t]|$)")


def _isolated_capital(text: str, s: int, e: int) -> bool:
    """A lower-case word before and a lower-case word or punctuation after."""
    return (_LOWER_BEFORE.search(text, max(0, s - 30), s) is not None
            and _LOWER_AFTER.match(text, e) is not None)


class LexiconNameRecognizer(LocalRecognizer):
    """PERSON from first-name / surname lexicons, case-aware and ambiguity-scored."""

    ENTITY = "PERSON"

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            name="LexiconNameRecognizer",
            supported_language="en",
            context=CONTEXT_WORDS,
        )

    def load(self) -> None:
        _names()
        _common()

    # -- scoring ---------------------------------------------------------------
    @staticmethod
    def _single(t: _Tok, mode: str) -> float:
        first, last, pop, amb = t.info
        n = len(t.text)
        weak = pop < 0  # known only from names-dataset (see lexicons/build.py)
        if mode == "mixed":
            if t.style == "T":
                if amb <= 2:
                    if t.sent_start and (amb > 0 or weak):
                        return 0.3 if weak else 0.5
                    return 0.6
                if amb <= 5:
                    return 0.3 if t.sent_start else 0.45
                # a common word: left to the context patterns ("son Will", "Mrs Price")
                return 0.0
            if t.style == "U":
                if amb <= 1 and n >= 4 and pop >= 1:
                    return 0.45
                return 0.2 if amb <= 4 and n >= 3 else 0.0
            return 0.0  # lowercase word in mixed text: only as part of a pair
        # case carries no information
        if n < 3 or not _VOWEL.search(t.text):
            return 0.0
        if amb == 0 and (pop >= 1 or n >= 5):
            return 0.5
        if amb <= 2:
            return 0.3
        if amb <= 5:
            return 0.2
        return 0.0

    @staticmethod
    def _pair(a: _Tok, b: _Tok, mode: str) -> float:
        fa, la, pa, aa = a.info
        fb, lb, pb, ab = b.info
        if not (fa and lb):
            return 0.0
        if mode == "mixed":
            if a.style != b.style or a.style not in "TU":
                if a.style == b.style == "l" and aa <= 1 and ab <= 1:
                    return 0.45
                return 0.0
            hi, lo = max(aa, ab), min(aa, ab)
            if hi <= 5:
                return 0.85
            if lo <= 2:
                return 0.7
            if hi <= 8 and not a.sent_start and a.style == "T":
                return 0.5
            return 0.0
        # upper / lower documents
        if len(a.text) < 2 or len(b.text) < 3:
            return 0.0
        hi, lo = max(aa, ab), min(aa, ab)
        if hi <= 4:
            return 0.85
        if lo <= 1 and hi <= 7:
            return 0.55
        return 0.0

    @staticmethod
    def _extend_surname(text: str, sp, mode: str):
        """"Irene Xyzowicz": a confident first name followed by a word that is in no
        lexicon and no dictionary is taken as the surname."""
        s, e, sc, kind = sp
        if sc < 0.45:
            return sp
        last = _LAST_TOKEN.search(text, s, e)
        if last is None:
            return sp
        info = lookup(last.group())
        if info is None or not info[0] or info[3] > 4:
            return sp
        m = _unknown_word_after(text, e)
        if m is None:
            return sp
        st, st_prev = _style(m.group(1)), _style(last.group())
        if mode == "mixed" and not (st == st_prev and st in "TU"):
            return sp
        return (s, m.end(1), sc, kind + "_surname")

    # -- main ------------------------------------------------------------------
    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        mode = case_mode(text)
        toks: list[_Tok] = []
        prev_end = 0
        info_get = _INFO.get
        ordinal = -1
        for m in TOKEN.finditer(text):
            ordinal += 1
            w = m.group()
            got = info_get(w)
            if got is None:
                got = _classify(w)
                if len(_INFO) < 300000:
                    _INFO[w] = got
            info, cut = got
            if info is not None and info[2] < 0 and not _weak_name_ok(text, m, mode):
                info = None
            if info is None and not (len(w) == 1 and w.isupper()):
                prev_end = m.end()
                continue
            s, e = m.span()
            e -= cut  # "Jordan's": report "Jordan"
            gap = text[prev_end:s]
            stripped = gap.strip(" \t")
            sent_start = ordinal == 0 or (stripped != "" and stripped[-1] in _SENT_END) or "\n" in gap
            tok = _Tok(s, e, w, _style(w), info, sent_start)
            tok.ord = ordinal
            # single capital initial just before ("J. Reyes", "J Reyes")
            if (info is not None and toks and toks[-1].ord == ordinal - 1
                    and len(toks[-1].text) == 1 and toks[-1].text.isupper()):
                g = text[toks[-1].end:s]
                ok = (". ", ".", " ", ".\u00a0") if mode == "mixed" else (". ",)
                # not "S/P", "L. side" abbreviations: the initial starts a word
                before = text[toks[-1].start - 1] if toks[-1].start else " "
                if g in ok and before in " \t\n(,":
                    tok.initial_before = toks[-1].start
            toks.append(tok)
            prev_end = e

        spans: list[tuple[int, int, float, str]] = []
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            if t.info is None:
                i += 1
                continue
            # pairs / triples: First [Middle|M.] Last, separated by plain spaces
            best = None
            j = i + 1
            if (j < n and toks[j].ord == t.ord + 1 and text[t.end:toks[j].start] == " "
                    and toks[j].info is not None):
                sc = self._pair(t, toks[j], mode)
                if sc > 0:
                    best = (t.start, toks[j].end, sc, "pair", j)
                    k = j + 1
                    if (k < n and toks[k].ord == t.ord + 2 and text[toks[j].end:toks[k].start] == " "
                            and toks[k].info is not None
                            and toks[k].info[1] and toks[k].style == toks[j].style):
                        sc3 = self._pair(t, toks[k], mode)
                        if sc3 > 0 and toks[j].info[3] <= 5:
                            best = (t.start, toks[k].end, max(sc, sc3), "triple", k)
            # First M. Last
            if best is None and i + 2 < n and toks[i + 2].info is not None and toks[i + 2].ord == t.ord + 2:
                mid = toks[i + 1]
                if (len(mid.text) == 1 and mid.text.isupper()
                        and text[t.end:mid.start] == " "
                        and text[mid.end:toks[i + 2].start] in (". ", " ")):
                    sc = self._pair(t, toks[i + 2], mode)
                    if sc > 0:
                        best = (t.start, toks[i + 2].end, min(1.0, sc + 0.05), "first_initial_last", i + 2)
            if best is not None:
                s, e, sc, kind, last_idx = best
                if t.initial_before is not None:
                    s = t.initial_before
                if not is_eponym(text, t.start, toks[last_idx].end):
                    spans.append((s, e, sc, kind))
                i = last_idx + 1
                continue
            sc = self._single(t, mode)
            if sc < 0.6 and mode == "mixed" and t.style == "T":
                word = text[t.start:t.end]
                key = _key(word)
                can_be_person = key not in headings() and key not in _NOT_PERSON
                # a first name that is also a word ("Hope", "Grace", "Will"), capitalised
                # alone in the middle of a lower-case sentence: "alone with Hope most nights"
                if (sc == 0.0 and can_be_person and not t.sent_start and t.info[0] and t.info[2] >= 1
                        and len(t.text) >= 3 and not is_hand_word(word)
                        and _isolated_capital(text, t.start, t.end)):
                    sc = 0.5
                # an ambiguous or weak name followed by a verb only people do
                if (can_be_person and (t.info[3] > 2 or t.info[2] < 0) and (t.info[0] or t.info[2] >= 3)
                        and _PERSON_VERB.match(text, t.end)):
                    sc = 0.6
            end = t.end
            if (sc < 0.6 and mode == "mixed" and t.style == "T" and t.info[0] and t.info[3] <= 2
                    and (surname_end := _unknown_surname_end(text, t)) is not None
                    and _PERSON_VERB.match(text, surname_end)):
                # a first name, a surname no list knows, a verb only people do:
                # "Fenella Oyelaran attended", even at the start of a sentence
                sc, end = 0.6, surname_end
            if t.initial_before is not None and t.info[1] and sc >= 0.2 and t.info[3] <= 5 and (
                    mode != "mixed" or t.style in "TU"):
                sc = max(sc, 0.6)
                s = t.initial_before
            else:
                s = t.start
            if sc > 0 and _geo_after_prep(text, t):
                sc = 0.0  # "lives in Victoria", "moved from Canada": a state or country
            if sc > 0 and not is_eponym(text, t.start, t.end):
                spans.append((s, end, sc, "single" if end == t.end else "first_unknown_surname_verb"))
            i += 1

        spans = [self._extend_surname(text, sp, mode) for sp in spans]
        results = []
        for s, e, sc, kind in spans:
            results.append(
                RecognizerResult(
                    entity_type=self.ENTITY,
                    start=s,
                    end=e,
                    score=sc,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=self.name,
                        original_score=sc,
                        pattern_name=f"lexicon_{kind}_{mode}",
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results


def get_recognizers():
    return [LexiconNameRecognizer()]
