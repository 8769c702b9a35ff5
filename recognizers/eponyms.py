"""Clinical eponyms that must survive de-identification.

Many disease, scale and sign names are surnames (Parkinson, Beck, Hamilton, Foley).
A name recognizer, or the NER model, will flag them; the engine asks
:func:`is_eponym` before removing a PERSON span and keeps the span when it is a
clinical use of an eponym:

* the eponym is followed by its clinical head word (``syndrome``, ``disease``,
  ``palsy``, ``scale``, ``inventory``, ``catheter``, ``sign``, ...), possibly with a
  possessive and a few fixed modifier words between (``Beck Depression Inventory``,
  ``Glasgow Coma Scale``, ``Richmond Agitation-Sedation Scale``);
* or it is in possessive disease form for an eponym whose possessive is the disease
  (``Alzheimer's``, ``Asperger's``, ``Parkinson's``);
* or it is one of the few eponyms that are (practically) never a person's name in a
  note, used bare (``Asperger``, ``Babinski``, ``Trendelenburg``, ``foley`` the catheter).

This module deliberately exports no ``get_recognizers``: it is a veto, not a detector.
"""
from __future__ import annotations

import regex

from . import _patterns

# lowercase, accents stripped; hyphenated eponyms are listed by part
EPONYMS: frozenset[str] = frozenset(
    """
    asperger alzheimer parkinson tourette beck hamilton korsakoff korsakov wernicke
    cushing addison hashimoto graves crohn down bell huntington munchausen capgras
    ganser kluver bucy rett williams lewy pick folstein epworth glasgow apgar babinski
    romberg heimlich foley swan ganz trendelenburg kussmaul cheyne stokes guillain barre
    stevens johnson ramsay richmond yale brown beck's wilson tay sachs marfan turner
    klinefelter fragile angelman prader willi raynaud meniere hodgkin kaposi barrett
    bell's hoffmann hoffman brudzinski kernig murphy mcburney homan homans chvostek
    trousseau cullen grey sturge weber osler rendu duchenne becker charcot marie tooth
    bipolar cotard fregoli ekbom korsakoff's conn horner hirschsprung kawasaki
    lennox gastaut dravet todd jacksonian broca wernicke's tanner piaget erikson
    maslow kubler ross mallory weiss zollinger ellison whipple reye rey osterrieth
    wechsler stanford binet conners vanderbilt achenbach likert morse braden
    norton waterlow ranson child pugh wells cockcroft gault kaplan bristol hickman lyme
    quinton groshong passy passey muir yankauer dobhoff pleurevac shiley riker hoyer bair
    greenfield jackson pratt penrose sengstaken blakemore minnesota levin salem
        """.split()
)

# eponyms whose possessive alone names the disease ("Alzheimer's", "Crohn's")
_POSSESSIVE_DISEASE = frozenset(
    """
    alzheimer asperger parkinson tourette crohn huntington cushing addison hashimoto
    graves korsakoff korsakov wernicke munchausen capgras ganser rett raynaud meniere
    hodgkin hirschsprung kawasaki marfan duchenne reye osler broca
    """.split()
)

# eponyms (practically) never a person's name in a clinical note: vetoed bare
_BARE = frozenset(
    """
    alzheimer asperger tourette crohn korsakoff korsakov wernicke munchausen capgras
    ganser kluver bucy apgar babinski romberg trendelenburg kussmaul cheyne guillain
    barre heimlich hashimoto lewy epworth folstein brudzinski kernig chvostek
    trousseau hirschsprung klinefelter angelman raynaud meniere hodgkin kaposi lyme
    zollinger wechsler achenbach hickman quinton groshong passy passey yankauer dobhoff
    pleurevac shiley riker swan
    """.split()
)

# clinical head words that turn a preceding eponym into a clinical term
_HEADS = (
    r"syndromes?|diseases?|disorders?|palsy|pals(?:ies)?|scales?|inventory|inventories|"
    r"catheters?|cath|signs?|tests?|testing|reflex(?:es)?|man(?:o|eu)uvres?|maneuvers?|"
    r"positions?|respirations?|breathing|scores?|questionnaires?|criteria|index|bod(?:y|ies)|"
    r"dementia|chorea|encephalopathy|psychosis|ulcers?|triad|phenomenon|delusions?|aphasia|"
    r"area|tubes?|procedure|operation|rating|exam|examination|thyroiditis|lymphoma|"
    r"sarcoma|tumou?rs?|classification|stag(?:e|ing)|coma|protocol|"
    r"catheteri[sz]ation|equation|formula|fracture|ataxia|esophagus|oesophagus|"
    r"checklist|battery|technique|dystrophy|"
    r"neuropathy|paralysis|hierarchy|stages|"
    r"balloon|aneurysm|contracture|valves?|hugger|tears?|tremors?|diet|lesions?|"
    r"nodes?|cells?|filters?|bags?|line|drains?|sump"
)
_MODIFIERS = (
    r"depression|anxiety|hopelessness|rating|coma|sleepiness|agitation|agitation-sedation|"
    r"sedation|mini-mental|mini|mental|state|status|obsessive|compulsive|obsessive-compulsive|"
    r"memory|adult|child|children's|revised|short|form|intelligence|complex|figure|"
    r"disease|catheter|modified|outcome|severity|suicide|ideation|body|sleep|"
    r"de|la|tourette|gilles|cerebral|muscular|dementia|for"
)
_TITLE_BEFORE = _patterns.compile(
    r"(?i:\b(?:dr|mr|mrs|ms|mx|miss|prof|nurse|sister|rev|fr)\.?\s+)$"
)
_FOLLOW = _patterns.compile(
    rf"(?:['’]s|['’](?=\s)|s['’])?"  # possessive
    rf"(?:[\s\-]+(?:{_MODIFIERS})\b){{0,4}}"
    rf"[\s\-]+(?:{_HEADS})\b",
    regex.IGNORECASE,
)
_POSS = _patterns.compile(r"(?:['’]s|(?<=s)['’])(?!\p{L})")
_WORD_LEFT = _patterns.compile(r"[\p{L}]+(?:-[\p{L}]+)*-?$")
_WORD_RIGHT = _patterns.compile(r"(?:-[\p{L}]+)*")  # used with .match(text, pos)


_NEXT_WORD = _patterns.compile(r"[ \t]+(\p{L}+)")
_TRAIL_POSS = _patterns.compile(r"['’]s?$")
_SPLIT = _patterns.compile(r"[\s\-]+")
_HEAD_IN = _patterns.compile(rf"(?i)\b(?:{_HEADS})\b")
_PREV_CAP = _patterns.compile(r"(\p{Lu}\p{Ll}+)[ \t]+$")


def _fold(s: str) -> str:
    if s.isascii():
        return s.lower()
    import unicodedata

    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def is_eponym(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is (part of) a clinical eponym use, not a person."""
    if not (0 <= start < end <= len(text)):
        return False
    # widen to the whole hyphenated compound around the span ("Stevens-Johnson")
    left = _WORD_LEFT.search(text, max(0, start - 40), start)
    s = left.start() if left else start
    right = _WORD_RIGHT.match(text, end, min(len(text), end + 40))
    e = right.end() if right else end
    # and across the other eponyms of a spaced compound ("mallory weiss tear")
    while (nxt := _NEXT_WORD.match(text, e)) is not None and _fold(nxt.group(1)) in EPONYMS:
        e = nxt.end()
    span = text[s:e]
    # strip a trailing possessive carried inside the span ("Alzheimer's")
    core = _TRAIL_POSS.sub("", span)
    words = [w for w in _SPLIT.split(core) if w]
    if not words:
        return False
    folded = [_fold(w).rstrip("'’") for w in words]
    folded = [w[:-2] if w.endswith("'s") or w.endswith("’s") else w for w in folded]
    epo = [w for w in folded if w in EPONYMS]
    if not epo:
        return False
    # a clinical head inside the span ("Parkinson's disease" detected whole)
    if _HEAD_IN.search(span):
        return True
    # the eponym's first word is the one that matters for the bare/possessive rules
    first = epo[0]
    if _TITLE_BEFORE.search(text, max(0, s - 15), s):
        return False
    if _FOLLOW.match(text, e):
        return True
    # the bare / possessive rules hold only for an eponym standing alone, not for the
    # surname of a person named just before it ("Bernard Foley")
    if _fold(words[0]).rstrip("'’s") not in EPONYMS and not folded[0] in EPONYMS:
        return False
    prev = _PREV_CAP.search(text[max(0, s - 30):s])
    if prev and not text[s:e].islower() and not text[s:e].isupper():
        from .name_lexicon import lookup  # late import: name_lexicon imports this module

        info = lookup(prev.group(1))
        if info is not None and info[0] and info[3] <= 5:
            return False  # "Bernard Foley": a first name before the surname
    poss = _POSS.match(text, e) or _TRAIL_POSS.search(span)
    if poss and any(w in _POSSESSIVE_DISEASE for w in epo):
        return True
    if any(w in _BARE for w in epo):
        return True
    # foley / swan(-ganz) alone are catheters unless the word is a capitalised name in
    # running mixed-case text preceded by a title (handled above)
    if first in ("foley", "ganz") or (first == "swan" and "ganz" in folded):
        return True
    return False


# languages are capitalised and many are also surnames (English, French, Welsh), but
# "Russian speaking", "some English", "Cantonese interpreter" name no one
LANGUAGES: frozenset[str] = frozenset(
    """
    english spanish french german italian portuguese russian polish ukrainian greek
    arabic hebrew farsi persian dari pashto urdu hindi bengali punjabi gujarati tamil
    chinese mandarin cantonese japanese korean vietnamese thai khmer lao tagalog
    filipino indonesian malay somali amharic tigrinya swahili yoruba igbo haitian
    creole turkish kurdish armenian albanian serbian croatian bosnian romanian
    hungarian czech slovak dutch swedish norwegian danish finnish welsh irish
    """.split()
)
_LANGUAGE_AFTER = _patterns.compile(
    r"[ \t]*-?[ \t]*(?i:speaking|speaker|speakers|speaks|interpreter|interpreters|"
    r"translator|only|words?|language|fluent|proficiency|is\s+(?:her|his|their)\s+first)(?!\p{L})"
)
_LANGUAGE_BEFORE = _patterns.compile(
    r"(?i:speaks?|spoke|speaking|understands?|understood|in|some|little|no|limited|"
    r"broken|fluent|primary|native|only)[ \t]+$"
)


# the language before this one in a list: "speaks Farsi and English", "Dari, Pashto or Urdu"
_LANGUAGE_LISTED = _patterns.compile(r"(?P<w>\p{L}+)[ \t]*(?:,[ \t]*(?:and|or|&)?|and|or|&|/)[ \t]*$")
# and the one after it: "Russian and Ukrainian speaking"
_LANGUAGE_NEXT = _patterns.compile(r"[ \t]*(?:,[ \t]*(?:and|or|&)?|and|or|&|/)[ \t]*(?P<w>\p{L}+)")


def is_language_use(text: str, start: int, end: int, _depth: int = 0) -> bool:
    """True when ``text[start:end]`` is a language named as a language ("Russian speaking"),
    also in a list of languages ("speaks Farsi and English")."""
    if _fold(text[start:end].strip()) not in LANGUAGES:
        return False
    if (_LANGUAGE_AFTER.match(text, end) is not None
            or _LANGUAGE_BEFORE.search(text, max(0, start - 12), start) is not None):
        return True
    if _depth >= 3:
        return False
    m = _LANGUAGE_LISTED.search(text, max(0, start - 30), start)
    if m is not None and is_language_use(text, m.start("w"), m.end("w"), _depth + 1):
        return True
    m = _LANGUAGE_NEXT.match(text, end)
    return m is not None and is_language_use(text, m.start("w"), m.end("w"), _depth + 1)


__all__ = ["EPONYMS", "LANGUAGES", "is_eponym", "is_language_use"]
