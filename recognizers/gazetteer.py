"""Cities, towns and suburbs by name -> ``LOCATION``, from a world gazetteer.

``lexicons/places.tsv.gz`` holds the names of about 235,000 populated places from
GeoNames (every place of 500 people or more, with a size class from its population)
and the US counties (``lexicons/build_places.py``, ``lexicons/PROVENANCE.md``). A
run of one to four words that is such a name is a place when the text supports it:

* **cue**: a place preposition just before it ("in", "from", "near", "out past",
  "drove up from", "back to" ...). With a cue a town is taken whatever its size,
  in any case; in lower-case speech-to-text and ALL-CAPS shorthand only when it is
  in no English word list at all (``common_words.tsv.gz``);
* **no cue**: in mixed-case prose, a Title-case name of a town of 5,000 or more that
  is not an English word, a heading, a clinical or calendar word of the hand list,
  or a first name (those are the name recognizers' business); in lower-case text
  only a city of 100,000 or more that is in no English or name list.

States, provinces and countries are not PHI and are not in the gazetteer. A place
that is a person's surname ("Lincoln") may come out as ``LOCATION``: either way it is
removed.
"""
from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from pathlib import Path

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import _patterns, _tables
from ._base import make_result
from .name_lexicon import TOKEN, _key, case_mode, headings, is_hand_word, lookup, wordness

PLACES = Path(__file__).resolve().parent / "lexicons" / "places.tsv.gz"
MAX_WORDS = 4
# "Saint-Jean-de-Luz", "Rhos on Sea": lower-case joining words inside a Title-case name
_JOIN = frozenset("de del della der di da do dos das du la le les los las el en y upon on sur am an im in of the".split())
# place prepositions: the strong ones introduce places only; the weak ones also introduce
# people ("to Dr Ames", "by Jo", "of Smith"), so the name after them must not be a first
# name ("visiting" and "leaving" are not weak)
_STRONG_CUE = frozenset("in from near outside around via toward towards into past".split())
_WEAK_CUE = frozenset("to at by of the through across".split())
_CUE_WORDS = _STRONG_CUE | _WEAK_CUE | {"visiting", "leaving"}  # a quick test before _CUE
# one of them (and an optional "the") ends just before the name
_CUE = _patterns.compile(rf"(?i:\b(?:{'|'.join(sorted(_CUE_WORDS - {'the'}))})[ \t]+(?:the[ \t]+)?)$")
# where someone lives, lived or comes from, ending right before the place
_RESIDENCE = _patterns.compile(
    r"(?i:\b(?:lives?|living|lived|resides?|residing|resided|grew[ \t]+up|raised|born|moved|moving|"
    r"relocated|relocating|settled|originally|hails?)(?:[ \t]+(?:back|out|down|up|over|here|there))?"
    r"[ \t]+(?:in|to|from|at|near)[ \t]+(?:the[ \t]+)?)$"
)
_SENT_END = set(".!?:;\n•*-–—\"“(")


def _read_places() -> dict[str, int]:
    out: dict[str, int] = {}
    with gzip.open(PLACES, "rt", encoding="utf-8") as fh:
        for line in fh:  # one line per class: size, word flag, then the names
            size, word, *names = line.rstrip("\n").split("\t")
            out.update(dict.fromkeys(names, -1 - int(size) if word == "1" else int(size)))
    return out


@lru_cache(maxsize=1)
def places() -> "dict[str, int] | _tables.TrieTable":
    """place name (lowercase) -> size class 0-7 (log10 of the population), negative
    (-1 - size) when the name is also a lower-case English word ("nitro", "cork")."""
    return _tables.small_int_table("places", [PLACES], lambda: _read_places().items())


# a place named like a venue ("Country Club", "Church Street"): in caseless text, a venue
_VENUE = frozenset("club centre center mall school hall station hospital church street court office".split())


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _fold(s: str) -> str:
    """Accents off, as the gazetteer stores every name also without them."""
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("đ", "d").replace("ø", "o")  # as lexicons/build.py:fold


def known_place(name: str) -> bool:
    """Is ``name`` (any case, with or without its accents) a place of the gazetteer?"""
    key = name.lower()
    return key in places() or (not key.isascii() and _fold(key) in places())


@lru_cache(maxsize=1)
def _first_words() -> "frozenset[str] | _tables.TrieSet":
    """First words of the names of more than one word."""
    return _tables.word_set(
        "place_first_words", [PLACES], lambda: (name.split(" ", 1)[0] for name in places() if " " in name)
    )


def _cue_word(text: str, start: int) -> str | None:
    m = _CUE.search(text, max(0, start - 24), start)
    if m is None:
        return None
    words = m.group().split()
    return words[-1].lower() if words[-1].lower() != "the" or len(words) == 1 else words[-2].lower()


def _title_words(words: list[str]) -> bool:
    """Every word Title case (no inner capitals: not "FiO"), joining words aside."""
    for i, w in enumerate(words):
        if 0 < i < len(words) - 1 and w.lower() in _JOIN:
            continue
        head = w.replace("-", "").replace("'", "").replace("’", "")
        if not (w[0].isupper() and (head[1:].islower() or len(head) == 1)) and not _mixed_ok(w):
            return False
    return True


def _mixed_ok(w: str) -> bool:
    """Hyphenated Title-case parts ("Trois-Rivières", "Stratford-upon-Avon")."""
    parts = w.split("-")
    return len(parts) > 1 and parts[0][:1].isupper() and all(p[:1].isupper() or p in _JOIN for p in parts) \
        and all(p[1:].islower() for p in parts if p)


class GazetteerRecognizer(LocalRecognizer):
    ENTITY = "LOCATION"

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name="GazetteerRecognizer",
                         supported_language="en", context=[])

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        table, firsts = places(), _first_words()
        mode = case_mode(text)
        toks = list(TOKEN.finditer(text))
        out: list[RecognizerResult] = []
        i = 0
        n = len(toks)
        while i < n:
            first = toks[i].group()
            k1 = first.lower()
            # a place name, or the first word of one ("palmerston" of "palmerston north")
            if k1 not in table and k1 not in firsts:
                folded = None if k1.isascii() else _fold(_key(k1))
                if folded is None or (folded not in table and folded not in firsts):
                    i += 1
                    continue
            prev = toks[i - 1].group().lower() if i else ""
            if mode == "mixed":
                # Title-case words, or lower-case ones right after a strong place
                # preposition (a stretch typed in lower case)
                if not first[0].isupper() and prev not in _STRONG_CUE:
                    i += 1
                    continue
            elif mode == "upper" and prev not in _CUE_WORDS:
                i += 1  # ALL-CAPS shorthand: only after a cue
                continue
            hit = None
            # longest run of up to MAX_WORDS words joined by single spaces
            j = i
            while j + 1 < n and j + 1 - i < MAX_WORDS and text[toks[j].end():toks[j + 1].start()] == " ":
                j += 1
            for k in range(j, i - 1, -1):
                words = [t.group() for t in toks[i:k + 1]]
                key = " ".join(_key(w) for w in words)
                size = table.get(key)
                if size is None and not key.isascii():
                    key = _fold(key)  # "Ōtara", "Kaikōura" written with macrons
                    size = table.get(key)
                if size is not None and self._accept(text, toks[i].start(), words, key, size, mode):
                    hit = (toks[i].start(), toks[k].end(), k)
                    break
            if hit is None:
                i += 1
                continue
            s, e, k = hit
            out.append(make_result(self, self.ENTITY, s, e, 0.6, "gazetteer"))
            i = k + 1
        return out

    @staticmethod
    def _accept(text: str, start: int, words: list[str], key: str, size: int, mode: str) -> bool:
        # glued to a digit or a letter code ("B12", "2A"): not a word of prose
        end = start + len(" ".join(words))
        if (start and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit()):
            return False
        # a calendar, clinical or heading word alone ("North" of "Palmerston North" is fine)
        if all(is_hand_word(w) or _key(w) in headings() or w.lower() in _JOIN for w in words):
            return False
        # how much of an ordinary word it is: the rarest word of a longer name decides
        # ("Palmerston North" is no phrase of English, "Happy Valley" is)
        common = min((wordness(w) for w in words if w.lower() not in _JOIN), default=9)
        if size < 0:  # also a lower-case word in English text: only with a cue
            size, common = -1 - size, max(common, 2)
        cue = _cue_word(text, start)
        single = len(words) == 1
        first_name = single and (lambda info: info is not None and info[0] and info[3] <= 5)(lookup(words[0]))
        if mode == "mixed":
            if not _title_words(words):
                # a lower-case stretch of a mixed document (an e-mail typed in lower
                # case), or a town written in capitals as forms and letters do ("I am in
                # LAPPEENRANTA", "moved to DUNEDIN"): as in caseless text, a strong cue
                # and no English word
                caps = all(w.isupper() for w in words)
                # a town in capitals after any place preposition ("drove to OULU"); a
                # lower-case stretch after a strong one only
                if not ((caps or all(w.islower() for w in words)) and cue is not None
                        and (caps or cue not in _WEAK_CUE)
                        and common < 0 and size >= 3 and not first_name and len(key) >= 4):
                    return False
                if caps:  # no ward or unit acronym ("from PACU"): a word no vocabulary knows
                    from deid.safety_net import is_safe_word
                    return not all(is_safe_word(w) for w in words if w.lower() not in _JOIN)
                return True
            if cue is not None:
                if cue in _WEAK_CUE and first_name:
                    return False
                if common >= 6 and size >= 4 and _RESIDENCE.search(text, max(0, start - 40), start):
                    # a town of 10,000 or more named by a common word, written as a name
                    # after where someone lives or comes from: "grew up in Sale", "moved
                    # to Reading" (not "in Court", "in Church": smaller places of that name)
                    return len(key) >= 3
                return common < 6 and len(key) >= 3
            if first_name or common >= 0 or size < 3 or len(key) < 4:
                return False
            sent_start = start == 0 or (text[:start].rstrip(" \t")[-1:] in _SENT_END)
            return not sent_start or size >= 4
        # lower-case speech-to-text or ALL-CAPS shorthand: case says nothing
        if cue is not None:
            if cue in _WEAK_CUE and (first_name or lookup(words[0]) is not None and single):
                return False
            if common >= 0 and cue in _STRONG_CUE and size >= 4:
                # a town of 10,000 or more whose name is two or more words of English
                # ("grew up in moose jaw", "from long beach", "in broken hill"): the
                # phrase is no English, even if each word is
                core = [w.lower() for w in words if w.lower() not in _JOIN]
                return (len(core) >= 2 and all(len(w) >= 3 and w not in _stop_words() for w in core)
                        and core[-1] not in _VENUE)
            return common < 0 and len(key) >= 4
        return mode == "lower" and common < 0 and size >= 5 and lookup(words[0]) is None and len(key) >= 5


def get_recognizers():
    return [GazetteerRecognizer()]
