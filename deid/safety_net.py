"""The recall-first safety net (per profile: ``recall: max`` or ``recall: high``).

In the spirit of Philter's deny-by-default pass: after every recognizer has run,
each word that no finding covers is removed unless it is known to be safe:

* a word of the English vocabulary (``lexicons/vocabulary.txt.gz``: ~250k word forms
  written in English text at least about as often lowercase as capitalised, so
  ordinary, clinical and drug words, but not names, and frequent acronyms such as
  CBT or GP), a spaCy stop word, a word of the hand list (months, clinical
  shorthand), a note heading, a state or country, or a plural of one of these;
* a word of ``lexicons/safe_terms.txt.gz``: drug names (DrugBank, MeSH and others via
  the ``drug-named-entity-recognition`` package), countries, nationalities and language
  names (CLDR), none of them a name or a place the lexicons know;
* a single letter.

``recall: max`` reports everything else (a name no list knows, a misspelt place, a
nickname, a business name with no head word) as ``UNKNOWN``. ``recall: high`` reports
only what looks like a proper noun in prose, in a mixed-case document:

* a Title-case word (``Viliami``, not ``ABGs`` or ``afebrile``) that does not open a
  sentence, a line or a field, unless a verb only people do follows ("Losaline
  reports") or "and" and a name found ("Taylah and Jaxon");
* whose letters look like a name's rather than a word's (``lexicons/name_shape.tsv.gz``:
  the mean log-odds of its letter 3- and 4-grams in names and places against English
  and drug words is above ``SHAPE_MIN``; a misspelt drug such as "Captoril" scores
  -1.2, "Rawiri" 1.1);
* that is not one edit from a known word of eight letters or more ("Olanzipine"),
  nor the start of a longer known word (ICU shorthand clips words: "Dobuta", "bilat");

and then every other uncovered occurrence of that word.  In a lower-case or ALL-CAPS
document (speech-to-text, shorthand), where no capital marks a proper noun, ``recall:
high`` takes a word of four letters or more that passes the same tests and

* in ALL-CAPS text or lower-case shorthand, that a name list knows (the lexicon's
  names or names-dataset's weak names): "taufa", "SIONE", not an unlisted
  "QWENDOLYX";
* in lower-case prose (one word in four or more a function word), any such word:
  "we talked about qwendolyx";
* in a lower-case transcript (speakers' turns), any word of three letters or more
  that no list knows, whatever its letters: speech-to-text writes only the words of
  its vocabulary, so what no list knows is a name, a place or a business.

A clinician's credentials (LCSW, UKCP) are safe words. Numbers are left to the
identifier recognizers. The cost is precision: figures in ``benchmarks/RESULTS.md``.
"""
from __future__ import annotations

import bisect
import gzip
from functools import lru_cache
from itertools import islice
from typing import Optional

import regex

from .recognizers import _patterns, _tables
from .findings import Finding
from .recognizers.name_lexicon import LEXICON_DIR, TOKEN, case_mode, headings, is_hand_word, safe_terms
# a verb only people do after a word that opens a sentence ("Losaline reports ..."): the
# name recognizers' list
from .recognizers.name_lexicon import _PERSON_ACTION as _PERSON_ACTS
from .recognizers.name_context import SPEAKER_ROLES, TIMESTAMP
from .recognizers.years import icu_style

ENTITY = "UNKNOWN"
RECOGNIZER = "SafetyNet"
PROSE_MIN = 0.28
SHAPE_MIN = -0.3  # on 5,000 held-out lexicon names and words: 93% of names, 30% of words pass


@lru_cache(maxsize=2)
def _word_list(name: str) -> list[str]:
    """The words of a packaged list, in its (sorted) order."""
    with gzip.open(LEXICON_DIR / name, "rt", encoding="utf-8") as fh:
        return fh.read().split()


@lru_cache(maxsize=1)
def vocabulary() -> "frozenset[str] | _tables.TrieSet":
    return _tables.word_set("vocabulary", [LEXICON_DIR / "vocabulary.txt.gz"], lambda: _word_list("vocabulary.txt.gz"))


@lru_cache(maxsize=1)
def _safe_extra() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from .recognizers._geo import STATE_NAMES  # states, provinces, nations, countries: not PHI
    from .recognizers.name_context import CREDS_CI, CREDS_CS

    states = {n.lower() for n in STATE_NAMES if " " not in n}
    # a clinician's credentials and registers ("LCSW", "BABCP", "UKCP"): the name
    # recognizers' list, its plain words
    creds = {c.lower() for c in f"{CREDS_CI}|{CREDS_CS}".split("|") if c.isalpha()}
    return frozenset(STOP_WORDS) | frozenset(headings()) | frozenset(states) | frozenset(creds)


def is_safe_word(word: str, safe: frozenset[str] = frozenset()) -> bool:
    """``safe``: more words known to be safe (the words of the profile's allow list)."""
    k = word.lower().replace("’", "'")
    if (len(k) < 2 or k in vocabulary() or k in _safe_extra() or k in safe or is_hand_word(k)
            or k in safe_terms()):
        return True
    base = k.split("'")[0]  # "client's", "don't"
    if base == k and k.endswith("s") and len(k) > 3:
        base = k[:-1]  # a plural of a safe word: "Sundays", "Fridays"
        return base in vocabulary() or base in _safe_extra() or is_hand_word(base)
    return base != k and (base in vocabulary() or base in _safe_extra() or base in safe_terms())


@lru_cache(maxsize=1)
def _shape_table() -> dict[str, float]:
    with gzip.open(LEXICON_DIR / "name_shape.tsv.gz", "rt", encoding="utf-8") as fh:
        return {g: float(v) for g, v in (line.rstrip("\n").split("\t") for line in fh)}


def shape_grams(word: str) -> list[str]:
    """Letter 3- and 4-grams of ``^word$``, lowercase (``build_safe_terms.py`` trains on
    the same n-grams)."""
    w = "^" + word.lower().replace("’", "'") + "$"
    return [w[i:i + 3] for i in range(len(w) - 2)] + [w[i:i + 4] for i in range(len(w) - 3)]


def shape_score(word: str, table: Optional[dict[str, float]] = None) -> float:
    """Mean log-odds of the word's letter n-grams in names against words (``table``:
    the shipped ``name_shape.tsv.gz`` unless given)."""
    grams = shape_grams(word)
    table = _shape_table() if table is None else table
    return sum(table.get(g, 0.0) for g in grams) / max(1, len(grams))


def load() -> None:
    """Load the net's tables now (``Deidentifier.warm_up``), not on first use."""
    vocabulary(), safe_terms(), _safe_extra(), _shape_table()


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def misspelt_word(word: str, min_len: int = 8) -> bool:
    """Whether a word of ``min_len`` letters or more is one edit (a letter dropped, added,
    changed or two swapped) from a known word: "Captoril", "Olanzipine". Among names of
    eight letters or more about 4% are one edit from a word of the vocabulary."""
    w = word.lower()
    if len(w) < min_len or not w.isalpha():
        return False
    known = lambda x: x in vocabulary() or x in safe_terms()  # noqa: E731
    for i in range(len(w) + 1):
        a, b = w[:i], w[i:]
        if b and known(a + b[1:]):
            return True
        if len(b) > 1 and known(a + b[1] + b[0] + b[2:]):
            return True
        for c in _LETTERS:
            if (b and c != b[0] and known(a + c + b[1:])) or known(a + c + b):
                return True
    return False


def clipped_word(word: str) -> bool:
    """Whether a word of four letters or more is the start of a longer known word (two
    letters more at least): ICU shorthand clips words ("bilat", "adeq", "Dobuta",
    "Bronch").  About 3% of the names no other list knows start a word too ("Mirda")."""
    w = word.lower()
    if len(w) < 4 or not w.isalpha():
        return False
    for name in ("vocabulary.txt.gz", "safe_terms.txt.gz"):  # both files are sorted
        known = _word_list(name)
        i = bisect.bisect_left(known, w)
        while i < len(known) and known[i].startswith(w):
            if len(known[i]) >= len(w) + 2:
                return True
            i += 1
    return False


_AND = _patterns.compile(r"[ \t]*(?:,[ \t]*)?(?:and|&)[ \t]+")


def _before_a_name(text: str, end: int, person_starts: set[int]) -> bool:
    """"Taylah and <a name found>": a word joined by "and" to a person's name."""
    m = _AND.match(text, end)
    return m is not None and m.end() in person_starts


def _title_case(word: str) -> bool:
    """Xxxx, O'Neill, Mary-Jo: one capital per part, the rest lowercase letters."""
    return all(p[:1].isupper() and not any(c.isupper() for c in p[1:])
               for p in word.replace("’", "'").replace("'", "-").split("-") if p) and word[:1].isupper()


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence, a line, a field value or a bullet."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘([":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;•*-–—|>"


def unknown_words(text: str, findings: list[Finding], score: float = 0.5,
                  safe: frozenset[str] = frozenset(), level: str = "max", veto=None) -> list[Finding]:
    """Findings for every word that no finding covers and that is not known to be safe
    (``safe``: the lowercase words of the profile's allow list, e.g. PHQ, Lifeline).
    ``level`` "high": only Title-case words inside a sentence of a mixed-case text.
    ``veto(text, start, end)``: true for a word inside a clinical eponym ("Glasgow Coma
    Scale") or a language use ("speaks Tongan"), which stays."""
    proper_only = level == "high"
    mode = case_mode(text) if proper_only else "mixed"
    # in an ICU note's shorthand the words no list knows are misspellings and ward words
    # ("Milnerone", "Yankaur"): there the net takes a Title-case word only when a name
    # list or the gazetteer knows it
    icu_note = proper_only and icu_style(text)
    if proper_only and mode != "mixed":
        # and in caseless ICU shorthand only a name of the lexicon, not one of names-dataset's
        # weak names ("vicu", "thich" are both)
        return _listed_names(text, findings, score, safe, veto, weak=not icu_note, lower=mode == "lower")
    spans = sorted((f.start, f.end) for f in findings)
    person_starts = {f.start for f in findings if f.entity_type == "PERSON"} if proper_only else set()
    out: list[Finding] = []
    uncovered: dict[str, list[tuple[int, int]]] = {}  # "high": every free occurrence of a word
    j = 0
    for m in TOKEN.finditer(text):
        s, e = m.span()
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        if j < len(spans) and spans[j][0] < e:
            continue  # already (partly) covered
        word = m.group()
        if proper_only:
            uncovered.setdefault(word, []).append((s, e))
            if not _title_case(word) or (_opens_sentence(text, s) and not _before_a_name(text, e, person_starts)
                                         and not (_PERSON_ACTS.match(text, e) and not icu_note)):
                continue
        if all(is_safe_word(part, safe) for part in word.split("-") if part):
            continue
        if proper_only and (shape_score(word) <= SHAPE_MIN or misspelt_word(word) or clipped_word(word)):
            continue  # the costlier tests last: only words no list knows get here
        if icu_note and not _listed_name_or_place(word):
            continue
        if veto is not None and veto(text, s, e):
            continue
        out.append(Finding(s, e, ENTITY, score, RECOGNIZER, pattern="not a known word"))
    if proper_only and out:
        # a word removed once goes everywhere in the text, also where it opens a sentence
        # ("Viliami came alone. ... staying with Viliami")
        done = {(f.start, f.end) for f in out}
        out.extend(Finding(s, e, ENTITY, score, RECOGNIZER, pattern="not a known word, seen elsewhere")
                   for value in {text[f.start:f.end] for f in out}
                   for s, e in uncovered[value] if (s, e) not in done)
        out.sort(key=lambda f: f.start)
    return out


def _listed_name_or_place(word: str) -> bool:
    from .recognizers.gazetteer import known_place
    from .recognizers.name_lexicon import lookup

    return lookup(word) is not None or known_place(word)


# a speaker's turn: "speaker_a:", "speaker 2:", "spk1:", or a role opening a line ("client:")
_TURN = _patterns.compile(
    rf"(?i:\bspe?a?ke?r[ _]?[a-z0-9]{{1,2}}[ \t]*:|^[ \t]*{TIMESTAMP}?(?:{SPEAKER_ROLES})[ \t]*\d?[ \t]*:)",
    regex.MULTILINE)


def speech_to_text(text: str) -> bool:
    """A transcript: three speakers' turns or more (two speakers who answer each other)."""
    return sum(1 for _ in islice(_TURN.finditer(text), 3)) == 3


def _prose(text: str) -> bool:
    """Sentences rather than shorthand: about one word in four or more is a function word
    (therapy notes and transcripts 0.29-0.55; short ICU notes mostly below)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [m.group().lower() for m in TOKEN.finditer(text[:20000])]
    return bool(words) and sum(w in STOP_WORDS for w in words) >= PROSE_MIN * len(words)


def _listed_names(text: str, findings: list[Finding], score: float, safe: frozenset[str],
                  veto, weak: bool = True, lower: bool = False) -> list[Finding]:
    """``recall: high`` in a lower-case or ALL-CAPS text (speech-to-text, shorthand),
    where no capital marks a proper noun: a word no finding covers that a name list
    knows (the lexicons' names or the weak names of names-dataset) and that is no known
    word, with a name's shape, not a misspelt or clipped word. ``lower``: in lower-case
    prose (``_prose``) a listed name is not needed.

    In a lower-case transcript that is no ICU note (``weak``): speech-to-text writes only
    the words of its vocabulary, so a word that no English, clinical or safe list knows
    is a name, a place or a business ("tarrawonga", "kwikmart"), whatever its letters:
    there every such word of three letters or more is taken, unless it is one edit from
    a long word."""
    from .recognizers.name_lexicon import lookup

    spans = sorted((f.start, f.end) for f in findings)
    out: list[Finding] = []
    j = 0
    verdict: dict[str, bool] = {}
    speech = weak and lower and speech_to_text(text)
    unlisted_ok = weak and lower and _prose(text)
    why = ("no known word, in a transcript" if speech else "no known word, in lower-case prose" if unlisted_ok
           else "a listed name, no known word")
    for m in TOKEN.finditer(text):
        s, e = m.span()
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        if j < len(spans) and spans[j][0] < e:
            continue
        word = m.group()
        ok = verdict.get(word)
        if ok is None:
            if all(is_safe_word(part, safe) for part in word.split("-") if part):
                ok = False
            elif speech:
                ok = (len(word) >= 3 and all(p.isalpha() for p in regex.split(r"[-'’]", word) if p)
                      and not misspelt_word(word))
            else:
                ok = (len(word) >= 4 and (lookup(word, weak=weak) is not None or unlisted_ok)
                      and shape_score(word) > SHAPE_MIN and not misspelt_word(word) and not clipped_word(word))
            verdict[word] = ok
        if ok and not (veto is not None and veto(text, s, e)):
            out.append(Finding(s, e, ENTITY, score, RECOGNIZER, pattern=why))
    return out
