"""Named landmarks and public places -> ``LOCATION``.

Parks, squares, reserves, beaches, malls, estates, stations, bridges, trails and
counties named after a person or a town: ``McNamee Square``, ``Fuller Park``,
``the Manning Expressway Bridge``, ``Normanburgh Railway Station``,
``jones flats shopping centre``.  A place is reported when

* a capitalised name of 1-3 words is followed by a landmark head word
  (``Square``, ``Park``, ``Reserve``, ``Heights``, ``Estate``, ``Mall``, ``Beach``,
  ``Lake``, ``County``, ``Railway Station``, ``Shopping Centre`` ...) and preceded
  by a spatial cue (``at``, ``to``, ``near``, ``around``, ``from``, ``mentioned``,
  ``found down at``), or
* in lower-case text (speech-to-text), the same shape after a stronger cue
  (``i'm at``, ``went to``, ``near``, ``found down at``, ``you mentioned``), where the
  name words are not all ordinary English words ("the local park" is left alone).

A leading "the" is removed with the name ("the Amy Dale Bridge"), as annotators
include it.  No gazetteer: the head words are generic English vocabulary.
"""
from __future__ import annotations

import re

from ._anchored import GatedRegexRecognizer
from ._base import Rx

HEADS = [
    "Square", "Park", "Reserve", "Heights", "Estate", "Estates", "Mall", "Beach", "Lake",
    "County", "Plaza", "Gardens", "Pier", "Wharf", "Marina", "Oval", "Stadium", "Arena",
    "Library", "Market", "Creek", "Forest", "Woods", "Trail", "Bridge", "Crossroad",
    "Island", "Shore", "Point", "Falls", "Cemetery", "Lookout", "Quarry", "Reservoir",
    "Jetty", "Boardwalk", "Skatepark", "Playground", "Westfield", "Station", "Dale",
    "Common", "Green", "Fields", "Racecourse", "Speedway", "Showgrounds", "Fairgrounds",
    "Mountain", "Hill", "Hills", "Valley", "Bay", "Cove", "Harbour", "Harbor", "Dam",
    "Campground", "Lodge", "Terminal", "Depot", "Overpass", "Underpass", "Tunnel",
]
HEAD2 = r"(?:railway\s+station|train\s+station|bus\s+station|shopping\s+(?:centre|center|mall)|bridge|mall|park|station)"
_H = "|".join(sorted(HEADS, key=lambda w: (-len(w), w)))
HEAD_CAP = (
    rf"(?:(?-i:(?:{_H})|(?:{_H.upper()}))(?:\s+(?i:{HEAD2}))?"
    rf"|(?-i:Railway\s+Station|Train\s+Station|Bus\s+Station|Shopping\s+(?:Centre|Center|Mall)|"
    rf"RAILWAY\s+STATION|SHOPPING\s+(?:CENTRE|CENTER|MALL)))(?![\w'’-])"
)
HEAD_ANY = rf"(?:(?:{_H.lower()})(?:\s+{HEAD2})?|{HEAD2})(?![\w'’-])"

_NOT_NAME = (
    r"(?:the|a|an|my|his|her|their|our|your|this|that|local|old|big|small|nearby|same|"
    r"city|town|national|state|public|central|main|dog|skate|car|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"trailer|theme|water|amusement|industrial|business|retail|caravan|housing|council|"
    r"i|he|she|we|they|it|and|or|of|in|on|at|to|from|by|with|for|pt|patient|client|ems|"
    r"police|fire|train|bus|railway|shopping|is|was|were|are|be|been|some|any|every|each|which|"
    r"what|certain|no|another|other|same|one|first|last|next|end|top|bottom|edge|side|place)"
)
CAP_NAME = (
    r"(?-i:(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|Mc\p{Lu}\p{Ll}+|\p{Lu}['’]\p{Lu}\p{Ll}+|\p{Lu}{2,}(?:-\p{Lu}{2,})?|"
    r"\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+))"
)
LOW_NAME = r"(?-i:\p{Ll}[\p{Ll}'’]+(?:-\p{Ll}[\p{Ll}'’]+)?)"
CUE = (
    r"(?:at|to|near|around|from|in|outside|behind|past|by|mentioned|visited|visiting|runs|owns|"
    r"manages|walks?|walked|towards?|across|under|over|into|of)"
)
LOW_CUE = (
    r"(?:i'?m\s+at|i\s+am\s+at|we'?re\s+at|went\s+to|go\s+to|going\s+to|drove\s+to|walked\s+to|near|"
    r"found\s+down\s+at|found\s+at|mentioned|at|around|from)"
)

PATTERNS = [
    Rx(
        "named_landmark",
        rf"\b(?i:{CUE})\s+(?P<phi>(?:(?i:the)\s+)?(?:(?!(?i:{_NOT_NAME})\b){CAP_NAME}\s+){{1,3}}{HEAD_CAP})",
        0.6,
        flags=re.MULTILINE,
    ),
    Rx(
        "named_landmark_lower",
        rf"\b{LOW_CUE}\s+(?P<phi>(?:the\s+)?(?:(?!{_NOT_NAME}\b){LOW_NAME}\s+){{1,3}}{HEAD_ANY})",
        0.55,
        flags=re.MULTILINE,
    ),
]

_COMMON = None


def _common() -> dict:
    global _COMMON
    if _COMMON is None:
        from .places import _common_words

        _COMMON = _common_words()
    return _COMMON


def _lower_ok(value: str) -> bool | None:
    """Lower case: at least one name word must be unusual (not an ordinary word)."""
    words = value.split()
    if words and words[0] != "the":
        return None  # no article: a proper name ("went to pan trail", "i'm at su estate")
    words = words[1:]
    heads = set(HEAD2.replace("(", " ").replace(")", " ").replace("?:", " ").replace("|", " ").replace("\\s+", " ").split())
    names = [w for w in words if w not in {h.lower() for h in HEADS} and w not in heads]
    if not names:
        return False
    common = _common()
    if not common:
        return False
    if all(common.get(w.strip("'’"), 0) >= 3 for w in names):
        return False
    return None


def _cap_ok(value: str) -> bool | None:
    """ALL-CAPS notes: the name words must not be ordinary words ("DARK GREEN")."""
    if not value.isupper():
        return None
    common = _common()
    words = value.split()
    if words[0] == "THE":
        words = words[1:]
    names = [w for w in words if w.capitalize() not in HEADS and w.lower() not in ("railway", "station", "shopping", "centre", "center", "mall", "bridge", "park", "train", "bus")]
    if not names or any(common.get(w.lower().strip("'’"), 0) >= 3 for w in names):
        return False
    return None


PATTERNS[0].validate = _cap_ok
PATTERNS[1].validate = _lower_ok

_GATE = tuple(sorted({h.lower() for h in HEADS} | {"westfield", "station", "centre", "center"}))
GATES = {"named_landmark": _GATE, "named_landmark_lower": _GATE}


def get_recognizers():
    return [
        GatedRegexRecognizer(
            "LOCATION",
            PATTERNS,
            gates=GATES,
            name="LandmarkRecognizer",
            context=["near", "at", "park", "beach", "mall"],
        )
    ]
