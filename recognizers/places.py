"""Cities, towns and suburbs -> ``LOCATION``.

Three anchors, no gazetteer (state/postcode anchors are matched anchor-first, see
_anchored.py):

* before a state/province abbreviation or postcode: ``Springfield, IL``,
  ``Ballarat VIC 3350``, ``Ottawa, ON K1A 0B1``, ``Leeds LS1 4AP``, ``Cork T23 R8P6``,
  ``Austin, Texas``; two-letter US/CA abbreviations need a comma and either a
  postcode or the end of the phrase (so "Dr Jones, MD" or "went to OR" are left
  alone unless a ZIP follows); AU abbreviations (VIC, NSW, QLD, TAS) work without
  a comma; the ambiguous ones (SA, WA, NT, ACT) need a postcode;
* after a location cue: "lives in X", "moved to X", "grew up in X", "from X",
  "visiting X", "born in X", "relocated to X", "flew to X", "suburb of X" where X
  is 1-3 capitalised words (Title or UPPER case) that are not a state, country,
  weekday, month, title or generic place word ("the ED", "Home", "Hospital").

* lower-case (ASR) text after a strong residence cue: "i live in ballarat",
  "grew up in fort wayne" -- the word(s) must not be ordinary English words
  (``lexicons/common_words.tsv.gz`` wordness < 3); without that lexicon this
  pattern reports nothing.

Capitalised phrases after a cue are dropped when their last word is an ordinary
word (wordness >= 5), or, in ALL-CAPS notes, when any word is (wordness >= 3); short
ALL-CAPS acronyms (OSH, PCU) are dropped.  States and countries are never reported
("New York" and "Washington" are, as they are also cities).
"""
from __future__ import annotations

import regex

from . import _patterns
from ._anchored import AnchoredRecognizer, AnchorRule, GatedRegexRecognizer
from ._base import Rx
from ._geo import AU_STATES, CA_PROVINCES, STATE_NAMES, US_STATES, US_TERRITORIES, alt
from .name_lexicon import _common

# state names that are also big cities: reported when cued ("grew up in New York")
_CITY_STATES = {"New York", "Washington"}
# Title-case or UPPER words, possibly hyphenated, with St./Mt./Port/Fort prefixes
CAP_WORD = r"(?-i:(?:[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Z][a-z]+)?|[A-Z]{3,}|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+|St\.?|Mt\.?|Ft\.?))"
NOT_PLACE = (
    r"(?:the|a|an|his|her|their|my|our|this|that|these|those|home|hospital|clinic|"
    r"school|work|church|ed|er|icu|ccu|or|pacu|ward|floor|unit|rehab|dr|mr|mrs|ms|miss|"
    r"prof|doctor|nurse|mom|mum|dad|mother|father|parents?|family|friends?|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|today|tomorrow|"
    r"yesterday|tonight|now|then|there|here|time|him|her|them|it|which|what|where|"
    r"jail|prison|court|shelter|outside|overseas|interstate|abroad|town|city|country|"
    r"north|south|east|west|northern|southern|eastern|western|central|upstate|downstate|"
    r"bed|chair|baseline|admission|discharge|surgery|transfer|care|medicine|psych|"
    r"i|he|she|we|they|you|pt|patient|client|both|all|each|one|two|three|"
    r"with|and|or|for|on|at|in|to|of|by|since|after|before|until|while|when|but|"
    r"is|was|were|are|has|had|have|will|last|next|this|that|per|via|alone|"
    r"wife|husband|partner|son|daughter|kids|children|boyfriend|girlfriend|"
    r"year|years|week|weeks|month|months|day|days|ago|recently|currently|"
    r"ct|mri|cath|lab|ir|micu|sicu|ccu|csru|cvicu|nicu|picu|pacu|step-?down|dialysis|"
    r"hd|ew|ems|ambulance|rehab|snf|ltac|nh|vna|ot|pt|slp|pcp|gi|ekg|ecg|echo|us|"
    r"xray|x-ray|radiology|endoscopy|bronch|surgery|nursing|medical|general|"
    r"sleep|bathroom|toilet|commode|chair|shower|bed|stretcher|wheelchair|"
    + alt(STATE_NAMES - _CITY_STATES).lower()
    + r")"
)
# a directional / generic first word is part of the name when a real name follows:
# "North Ryan", "West Xavierville", "Port Callum", "Lake Victor"
CITY_PREFIX = r"(?-i:(?:North|South|East|West|Port|Lake|Fort|New|Mount|Glen|NORTH|SOUTH|EAST|WEST|PORT|LAKE|FORT|NEW|MOUNT)\s+)"
CITY = rf"(?=[A-Z])(?<![\w'’]){CITY_PREFIX}?(?!(?i:{NOT_PLACE})\b){CAP_WORD}(?:[ -](?!(?i:{NOT_PLACE})\b){CAP_WORD}){{0,2}}"
US_ABBR2 = alt(set(US_STATES) | set(CA_PROVINCES))
US_ABBR3 = alt(set(US_STATES) | set(CA_PROVINCES) | (set(US_TERRITORIES) - {"AS"}))  # before a postcode only
ABBR_LOWER = alt({a.lower() for a in set(US_STATES) | set(CA_PROVINCES) | set(US_TERRITORIES) | set(AU_STATES)})
US_NAME = alt(list(US_STATES.values()) + list(CA_PROVINCES.values()) + list(AU_STATES.values()))
POSTCODE = (
    r"(?:\d{4,5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?(?:\s\d[A-Z]{2})?|"
    r"[A-Z]\d[A-Z][\s-]?\d[A-Z]\d)"
)
CUE = (
    r"(?:lives?|living|lived|resides?|residing|resided|reside|moved|moving|moves|"
    r"relocated|relocating|relocate|grew\s+up|raised|born|visiting|visited|visit|"
    r"travell?ed|travell?ing|trip|holiday|vacation|flew|fly|flying|drove|drive|driving|"
    r"commutes?|commuting|stays?|staying|stayed|based|house|home|apartment|flat|"
    r"returned|returning|went\s+back|headed|heading|suburb|town|city|area|outskirts|"
    r"neighbou?rhood|originally|family|parents|sister|brother|mother|father|"
    r"transferred|tx'?d|transfer|arrived|came|called|calling|phoned|phoning|rang|"
    r"joined|joining|members|relatives|friends?|people|works?|worked|working|job|school|church|"
    r"hospitali[sz]ed|admitted|accepted|excepted|sent|go|going|went|d/c'?d|discharged?|"
    r"presented|transplant|surgery|seen|treated|followed)"
)
PREP = r"(?:in|to|at|from|near|back\s+to|out\s+to|out\s+of|up\s+to|down\s+to|of|outside|around|into)"

_STATES_LOWER = {" ".join(n.lower().split()) for n in STATE_NAMES - _CITY_STATES} | {
    a.lower() for a in list(US_STATES) + list(AU_STATES) + list(CA_PROVINCES)
}


def _not_state(value: str) -> bool | None:
    """States, provinces and countries are not PHI: drop them."""
    return False if " ".join(value.lower().split()) in _STATES_LOWER else None



def _common_words() -> dict:
    """word -> wordness (0-9) from lexicons/common_words.tsv.gz (loaded once, by name_lexicon)."""
    return _common()


_LOWER_STOP = {
    "a", "an", "the", "my", "his", "her", "their", "our", "your", "this", "that", "town",
    "city", "country", "area", "house", "home", "fear", "denial", "foster", "care",
    "poverty", "hiding", "shelter", "prison", "jail", "hospital", "rehab", "bed", "here",
    "there", "it", "them", "him", "me", "us", "together", "alone", "with", "and", "or",
}


_UNIT_ACRONYM = _patterns.compile(r"^[A-Z]{0,4}(?:ICU|CU)$")


def _cued_place_ok(value: str) -> bool | None:
    """Capitalised place after a cue: drop states/countries, short acronyms (OSH,
    PCU) and phrases whose last word is an ordinary English word (ALL-CAPS notes:
    "TRANSFER TO RADIATION", "CAME TO VISIT")."""
    if _not_state(value) is False:
        return False
    if value.split()[-1].lower() in _TOPO_STOP:
        return False
    words = value.replace("-", " ").split()
    if words[-1].isupper() and (len(words[-1]) <= 4 or _UNIT_ACRONYM.search(words[-1])):
        return False  # "OSH", "NEW PICC", "CVICU": a line or a unit, not a place
    if len(words) > 1 and words[0].lower() in ("north", "south", "east", "west", "port", "lake", "fort", "new", "mount"):
        return None  # "West Christian", "SOUTH ROBERT": a directional prefix makes it a place name
    common = _common_words()
    if value.isupper():  # ALL-CAPS notes: every word must be unusual
        if any(common.get(w.lower().strip(".'’"), 0) >= 3 for w in words):
            return False
        if len(words) == 1 and words[0].lower() in common:
            return False  # one listed English word ("FLANK", "ABDOMEN"), however rare
        return None
    last = words[-1].lower().strip(".'’")
    if common.get(last, 0) >= 5:
        return False
    return None


def _lower_place_ok(value: str) -> bool | None:
    """Lower-case place after a strong cue: drop ordinary English words."""
    words = value.lower().split()
    if not words or len(words) > 3:
        return False
    if " ".join(words) in _STATES_LOWER:
        return False
    if not _common_words():
        return False  # no lexicon: do not guess
    common = _common_words()
    if len(words) > 1 and words[0] in ("north", "south", "east", "west", "port", "lake", "fort", "new", "mount"):
        words = words[1:]
    for w in words:
        if w in _LOWER_STOP or common.get(w, 0) >= 3 or len(w) < 3:
            return False
    return None


# anchors are stdlib-re, case-sensitive (see _anchored.py); the rarest token is the
# anchor: the postcode, else ", XX", else the state word
# English toponymic endings (-ville, -borough, -chester ...): generic morphology, no
# gazetteer.  After a preposition, a capitalised word with such an ending is a place.
TOPO_END = (
    r"(?:ville|burgh?|berg|borough|bury|chester|mouth|shire|stad|furt|fort|haven|side|"
    r"town|ton|land|view|port|field|ford|ham|wood|dale|mont|stead|wick|worth|cester|caster)"
)
TOPO_CITY = (
    rf"{CITY_PREFIX}?(?-i:[A-Z][a-z]+{TOPO_END}|[A-Z]+(?i:{TOPO_END}))(?![\w'’-])"
    r"(?!\s+(?i:cath|catheter|line|drain|tube|sign|test|scale|score|procedure|syndrome|disease)\b)"
)
TOPO_CITY_LOWER = (
    rf"(?:(?:north|south|east|west|port|lake|fort|new|mount)\s+)?(?-i:[a-z]{{3,}}{TOPO_END})(?![\w'’-])"
)


_TOPO_STOP = {
    "bedside", "roadside", "outside", "inside", "beside", "curbside", "kerbside", "poolside",
    "ringside", "graveside", "fireside", "seaside", "countryside", "careview", "overview",
    "review", "interview", "preview", "worldwide", "nationwide", "statewide", "homeland",
    "mainland", "wasteland", "wonderland", "background", "playground", "underground",
    "support", "transport", "passport", "airport", "import", "export", "report", "button",
    "cotton", "skeleton", "newton", "milton", "bottom", "freedom", "kingdom", "boredom",
}


def _topo_ok(value: str) -> bool | None:
    """Drop states/countries and ordinary English words ("Washington" is kept as a city)."""
    if _not_state(value) is False:
        return False
    last = value.split()[-1].lower()
    if last in _TOPO_STOP or _common_words().get(last, 0) >= 3:
        return False
    return None


ANCHOR_RULES = [
    AnchorRule(
        # lower-cased address lines: "po box 4072, east johntown, co  48558"
        "city_before_state_postcode_lower",
        rf"(?:(?:,[ \t]*(?:{ABBR_LOWER})|[ \t]+(?:qld|nsw|vic|tas|nt|sa|wa|act))\.?,?[ \t]+(?:\d{{4,5}}(?:-\d{{4}})?|[a-z]\d[a-z][ -]?\d[a-z]\d)"
        r"|,?[ \t]+[a-z]{1,2}\d[a-z\d]?[ \t]\d[abd-hjlnp-uw-z]{2}(?=[ \t]*(?:$|[.,;)])))(?![\w-])",
        r"(?:^|,[ \t]*|\n)(?P<phi>(?-i:(?:(?:st|mt|ft)\.?[ \t])?[a-z][a-z'’-]+(?:[ \t][a-z][a-z'’-]+){0,2}))",
        0.75,
        validate=_not_state,
    ),
    AnchorRule(
        "city_before_us_state_postcode",
        rf"(?<![\w-])(?:{POSTCODE})(?![\w-])",
        rf"(?P<phi>{CITY}),?\s+(?-i:{US_ABBR3})\.?,?\s+",
        0.85,
        validate=_cued_place_ok,
    ),
    AnchorRule(
        # American Samoa ("AS") only with a comma before and a ZIP after
        "city_before_as_zip",
        r"(?<=,)[ \t]*AS[ \t]+\d{5}(?:-\d{4})?(?![\w-])",
        rf"(?P<phi>{CITY}),",
        0.8,
        validate=_cued_place_ok,
    ),
    AnchorRule(
        "city_comma_us_state",
        rf",[ \t]*(?:{US_ABBR2})(?=[ \t]*(?:$|[.;:)\n]|,\s)|\s+(?:and|or|to|for|in|on|at|area|with|where|who)\b)",
        rf"(?P<phi>{CITY})",
        0.7,
        validate=_cued_place_ok,
    ),
    AnchorRule(
        "city_comma_state_name",
        rf",\s*(?:{US_NAME})\b",
        rf"(?P<phi>{CITY})",
        0.75,
        validate=_cued_place_ok,
    ),
    AnchorRule(
        "city_before_au_state",
        r"\s(?:(?:NSW|VIC|QLD|TAS)\b|(?:SA|WA|NT|ACT)\s+\d{4}\b)",
        rf"(?P<phi>{CITY}),?",
        0.8,
        validate=_cued_place_ok,
    ),
    AnchorRule(
        "city_before_uk_postcode",
        r"\s(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}|(?:[AC-FHKNPRTV-Y]\d{2}|D6W) (?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}|[A-Z]{2}\d[A-Z\d]?(?=[ \t]*(?:$|,\s*(?:UK|United Kingdom|England|Scotland|Wales)\b)))(?![\w-])",
        rf"(?P<phi>{CITY}),?",
        0.6,
        validate=_cued_place_ok,
    ),
]


_NOT_AFTER_PREFIX = (
    r"(?:America|Asia|Africa|Europe|Korea|Timor|Dakota|Carolina|Virginia|Zealand|Jersey|"
    r"Hampshire|Mexico|Wales|England|Guinea|Ireland|Macedonia|Sudan|Caledonia|Coast|Side|End|"
    r"Wing|Year|Years|Tower|Building|Campus|Unit|Ward|Block|Entrance|Hall|Street|Road|Avenue)"
)
PREFIX_CITY = rf"(?-i:(?:North|South|East|West|Port|Lake|Fort|New|Mount)\s+(?!{_NOT_AFTER_PREFIX}\b)\p{{Lu}}\p{{Ll}}+)(?![\w'’-])"
PREFIX_CITY_LOWER = r"(?-i:(?:north|south|east|west|port|lake|fort|new|mount)\s+[a-z]{3,})(?![\w'’-])"


def _prefix_lower_ok(value: str) -> bool | None:
    w = value.split()[-1]
    if _common_words().get(w, 0) >= 4 or not _common_words():
        return False
    return _not_state(value)


def _police_ok(value: str) -> bool | None:
    if value[:1].islower():
        return _lower_place_ok(value)
    return _cued_place_ok(value)


PATTERNS = [
    Rx(
        # "in Port Douglas", "to Lake Danielle", "recognise in New Lesley"
        "prefix_city",
        rf"\b(?i:in|to|from|near|of|outside|around|towards?|via)\s+(?P<phi>{PREFIX_CITY})",
        0.6,
        flags=0,
        validate=_not_state,
    ),
    Rx(
        "prefix_city_lower",
        rf"\b(?:in|to|from|near|outside|around|towards?)\s+(?P<phi>{PREFIX_CITY_LOWER})",
        0.55,
        flags=0,
        validate=_prefix_lower_ok,
    ),
    Rx(
        # "Notified Keithland police", "contacted the West Jacob police department"
        "city_police",
        rf"\b(?i:notified|contacted|called|informed|alerted|phoned|rang)\s+(?:(?i:the)\s+)?"
        rf"(?P<phi>{CITY}|(?-i:[a-z]+(?:\s[a-z]+)?))\s+(?i:police|sheriff|pd|constabulary)\b",
        0.6,
        flags=0,
        validate=_police_ok,
    ),
    Rx(
        "topo_city",
        rf"\b(?i:in|to|from|near|of|outside|around|towards?|via|joined\s+from|moved\s+to)\s+(?P<phi>{TOPO_CITY})",
        0.6,
        flags=0,
        validate=_topo_ok,
    ),
    Rx(
        "topo_city_lower",
        rf"\b(?:in|to|from|near|outside|around|towards?)\s+(?P<phi>{TOPO_CITY_LOWER})",
        0.55,
        flags=0,
        validate=_topo_ok,
    ),
    Rx(
        # ASR / lower-case text: "i live in ballarat", "grew up in fort wayne"
        "lower_cued_place",
        r"\b(?:lives?|living|lived|resides?|residing|resided|moved|moving|relocated|"
        r"relocating|grew\s+up|raised|born|originally|visiting)\s+(?:here\s+)?"
        r"(?:in|to|near|from|at)\s+(?P<phi>(?-i:[a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?))"
        r"(?=\s*(?:$|[.,;:!?)]|\s+(?:with|and|for|since|when|where|but|last|in|on|about|"
        r"after|before|until|because|so|then|now|as|to|at)\b))",
        0.55,
        flags=0,
        validate=_lower_place_ok,
    ),
    Rx(
        "cued_place",
        rf"\b(?i:{CUE})\s+(?i:{PREP})\s+(?:the\s+)?(?P<phi>{CITY})(?!/)",
        0.6,
        flags=0,
        validate=_cued_place_ok,
    ),
    Rx(
        "visiting_place",
        rf"\b(?i:visiting|visited|visits|visit|toured|touring|flew\s+out\s+of)\s+(?P<phi>{CITY})"
        r"(?=\s*(?:$|[.,;:)\n]|\s+(?:for|on|in|last|next|this|with|to|and|over|during)\b))",
        0.5,
        flags=0,
        validate=_cued_place_ok,
    ),
    Rx(
        "from_place",
        rf"\b(?i:from|in|to|visiting)\s+(?P<phi>{CITY})(?=,\s*(?:{US_NAME}\b|(?:(?-i:{US_ABBR2})|"
        rf"(?-i:NSW|VIC|QLD|TAS|SA|WA|NT|ACT))"
        # an abbreviation ends the phrase ("from Salem, OR."), else it is clinical
        # shorthand ("SWITCHED TO FUROSEMIDE, CO/CI UP", "RISE IN TROPONIN, OR ST CHANGES")
        rf"(?=[ \t]*(?:$|[.,;:)\n]|\d|(?-i:[A-Z]\d[A-Z]))|[ \t]+(?-i:[a-z]))))",
        0.8,
        flags=0,
    ),
]


_CUE_STEMS = (
    "live", "living", "resid", "move", "moving", "relocat", "grew", "raised", "born",
    "visit", "travel", "trip", "holiday", "vacation", "flew", "fly", "flying", "drove",
    "driv", "commut", "stay", "based", "house", "home", "apartment", "flat", "return",
    "went back", "head", "suburb", "town", "city", "area", "outskirts", "neighbo",
    "original", "family", "parents", "sister", "brother", "mother", "father", "transfer",
    "tx", "arrived", "came",
)
GATES = {
    "cued_place": _CUE_STEMS + ("join", "call", "phon", "rang", "member", "relative", "friend",
                                "people", "work", "job", "school", "church", "hospital",
                                "admit", "accept", "except", "sent", "go", "went", "d/c",
                                "discharg", "present", "seen", "treat", "follow"),
    "lower_cued_place": ("live", "resid", "mov", "relocat", "grew", "raised", "born",
                         "original", "visiting"),
    "visiting_place": ("visit", "tour", "flew"),
    "prefix_city": ("north ", "south ", "east ", "west ", "port ", "lake ", "fort ", "new ", "mount "),
    "prefix_city_lower": ("north ", "south ", "east ", "west ", "port ", "lake ", "fort ", "new ", "mount "),
    "city_police": ("police", "sheriff", " pd"),
    "topo_city": ("in ", "to ", "from ", "near ", "of ", "outside ", "around ", "toward", "via "),
    "topo_city_lower": ("in ", "to ", "from ", "near ", "outside ", "around ", "toward"),
    "from_place": (",",),
}


def get_recognizers():
    return [
        GatedRegexRecognizer(
            "LOCATION",
            PATTERNS,
            gates=GATES,
            name="PlaceRecognizer",
            context=["lives", "city", "town", "suburb", "from", "moved"],
        ),
        AnchoredRecognizer(
            "LOCATION",
            ANCHOR_RULES,
            name="PlaceAnchoredRecognizer",
            context=["city", "town", "suburb"],
        ),
    ]
