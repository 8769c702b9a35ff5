"""Street addresses, PO boxes and rural routes -> ``STREET_ADDRESS``.

US, AU, UK and CA forms, in any case (``42 Elm Street``, ``42 elm street``,
``42 ELM ST``):

* house number + 1-4 name words + a street suffix (Street, St, Road, Rd, Avenue,
  Ave, Lane, Drive, Court, Crescent, Place, Boulevard, Way, Terrace, Parade,
  Highway, Close, Grove, Circuit, Square, ...), with an optional direction before
  or after (``1600 W. Pennsylvania Ave NW``) and an optional unit before or after
  (``Unit 4/12 Smith St``, ``4/12 Smith St``, ``Apt 3B, 221 Baker Street``,
  ``Flat 2, 10 Downing Street``, ``123 Main St Suite 400``); ``5th Avenue``;
* spoken house numbers (ASR): ``forty two elm street``, ``one twenty three main street``;
* ``PO Box 123``, ``P.O. Box 45``, ``GPO Box 1234``, ``Locked Bag 7``, ``RR 2``,
  ``Rural Route 3``, ``RMB 120``, ``HC 1 Box 5``.

Suffixes that are also ordinary words (Walk, Hill, View, Green, Point, ...) must
be capitalised; the name words may not be function or clinical words, so
"took 2 pills at the court" and "3 times Dr Smith" do not match.
In a multi-line address block only the street line is reported here; the city
is LOCATION (places.py) and the postcode ZIP_CODE (postcodes.py).
"""
from __future__ import annotations

import re

from ._anchored import GatedRegexRecognizer
from ._base import Rx

STRONG_SUFFIXES = [
    "street", "st", "str", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr",
    "drv", "court", "ct", "crescent", "cres", "cresc", "place", "pl", "boulevard", "blvd",
    "way", "terrace", "tce", "ter", "terr", "parade", "pde", "highway", "hwy", "close",
    "grove", "gr", "gve", "circuit", "cct", "square", "circle", "cir", "parkway",
    "pkwy", "pky", "trail", "trl", "mews", "esplanade", "esp", "alley", "aly",
    "pike", "plaza", "plz", "crossing", "xing", "expressway", "expy", "freeway", "fwy",
    "turnpike", "tpke", "route", "rte", "sideroad", "promenade", "quay", "boardwalk",
    "wynd", "brae", "cul-de-sac", "motorway", "avenida",
]
# ordinary English words: only as Title or UPPER case
WEAK_SUFFIXES = [
    "Row", "Walk", "Rise", "Vale", "View", "Hill", "Heights", "Hts", "Gardens", "Gdns",
    "Green", "Loop", "Track", "Pass", "Path", "Point", "Bend", "Glen", "Ridge",
    "Chase", "Gate", "Line", "Concession", "Park", "Common", "Crest", "Hollow",
    "Landing", "Meadow", "Meadows", "Village", "Wharf", "Yard", "Cove", "Mall", "Strand",
    "Broadway", "Cl", "Gv",
]
SUFFIX = (
    r"(?:(?:" + "|".join(sorted(STRONG_SUFFIXES, key=len, reverse=True)) + r")"
    r"|(?-i:" + "|".join(w + "|" + w.upper() for w in sorted(WEAK_SUFFIXES, key=len, reverse=True)) + r"))"
    r"\.?(?![\w'’-])"
)
# words that cannot be part of a street name
STOP = (
    r"(?:the|a|an|at|in|on|to|of|and|or|for|with|from|by|into|onto|per|via|her|his|their|"
    r"my|our|your|its|this|that|these|those|some|any|each|every|more|less|other|"
    r"times|time|x|mg|mcg|ml|tabs?|tablets?|pills?|caps?|doses?|units?|days?|weeks?|"
    r"months?|years?|hours?|hrs?|mins?|minutes?|sessions?|visits?|people|kids|children|"
    r"blocks?|miles?|km|kms|minutes|floors?|stories|steps|cups|drinks|beers|"
    r"is|was|were|are|be|been|had|has|have|did|do|does|not|no|yes|went|go|goes|"
    r"going|saw|see|seen|told|said|says|called|will|would|could|should|may|might|"
    r"patient|pt|client|mother|father|mom|dad|son|daughter|wife|husband|partner|"
    r"sister|brother|friend|friends|then|than|also|very|about|around|over|under|"
    r"after|before|since|until|when|while|where|who|which|what|why|how|i|he|she|"
    r"they|we|you|it|him|them|us|me|am|pm|bp|hr|rr|o2|dose|level|levels|"
    r"episodes?|epsiodes?|beats?|degree|degrees|lead|leads|sec|secs|u|reg|insulin|"
    r"given|run|runs|block|pvcs?|apcs?|svt|vt|sr|nsr|afib|ectopy)"
)
NAME_WORD = rf"(?!{STOP}\b)(?:(?:st|mt|ft)\.|[a-z][a-z'’-]*|\d{{1,3}}(?:st|nd|rd|th))"
DIRECTION = r"(?:n|s|e|w|ne|nw|se|sw|north|south|east|west|northeast|northwest|southeast|southwest)\.?"
UNIT_WORD = r"(?:unit|apt|apartment|flat|suite|ste|shop|level|lvl|lot|room|rm|villa|townhouse|house|#)"
UNIT_PREFIX = rf"(?:{UNIT_WORD}\.?\s*#?\s*[0-9]{{1,5}}[a-z]?\s*(?:[,/]\s*|\s+)|\d{{1,5}}[a-z]?\s*/\s*)"
UNIT_SUFFIX = rf"(?:,?\s+(?:{UNIT_WORD}|fl|floor)\.?\s*#?\s*[0-9a-z]{{1,5}}\b(?!/))"
HOUSE_NO = r"\d{1,6}[a-z]?(?:\s?-\s?\d{1,6}[a-z]?)?"

_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUM_TOKEN = rf"(?:{_TENS}(?:[\s-]+{_UNITS})?|{_TEENS}|{_UNITS}|hundred|thousand|oh)"
SPOKEN_NO = rf"(?:{NUM_TOKEN})(?:[\s-]+(?:and\s+)?{NUM_TOKEN}){{0,3}}"

PATTERNS = [
    Rx(
        "street_address",
        rf"(?=\d)(?<![\w./-])(?:\d{{1,5}}[a-z]?\s*/\s*)?{HOUSE_NO}\s+(?:{DIRECTION}\s+)?"
        rf"(?:(?:st|saint|mt|mount)\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}\s+{SUFFIX}"
        rf"(?:\s+{DIRECTION}(?![\w'’]))?{UNIT_SUFFIX}?",
        0.85,
    ),
    Rx(
        "unit_then_street_address",
        rf"\b{UNIT_WORD}\.?\s*#?\s*[0-9]{{1,5}}[a-z]?\s*(?:[,/]\s*|\s+){HOUSE_NO}\s+(?:{DIRECTION}\s+)?"
        rf"(?:(?:st|saint|mt|mount)\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}\s+{SUFFIX}"
        rf"(?:\s+{DIRECTION}(?![\w'’]))?{UNIT_SUFFIX}?",
        0.85,
    ),
    Rx(
        # unit first: "Apt 3B, 221 Baker Street" is covered above; "Apt 3B" alone after an address cue
        "unit_alone",
        rf"\b(?:apt|apartment|unit|flat|suite|ste)\.?\s*#?\s*(?P<phi>\d{{1,5}}[a-z]?)\b(?=\s*(?:,|$|\n))",
        0.3,
    ),
    Rx(
        "spoken_street_address",
        rf"(?<![\w/'’-]){SPOKEN_NO}\s+(?:{DIRECTION}\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}\s+{SUFFIX}",
        0.6,
    ),
    Rx(
        "numbered_street_no_house",
        # "lives on 5th Avenue" -- a numbered street without house number
        rf"\b(?:on|at|off|near)\s+(?P<phi>\d{{1,3}}(?:st|nd|rd|th)\s+{SUFFIX})",
        0.6,
    ),
]

BOX_PATTERNS = [
    Rx(
        "po_box",
        r"\b(?:p\.?\s?o\.?|post\s+office|gpo|po|locked|private|pmb|cpo)\s*(?:box|bag|bx)\s*#?\s*\d{1,7}\b",
        0.9,
    ),
    Rx(
        "rural_route_explicit",
        r"\b(?:rural\s+route|rmb|star\s+route)\s*#?\s*\d{1,4}(?:,?\s*(?:box|bx)\s*#?\s*\d{1,5})?\b",
        0.85,
    ),
    Rx(
        "rural_route_box",
        r"\b(?:r\.?\s?r\.?|r\.?\s?d\.?|hc)\s*#?\s*\d{1,4},?\s*(?:box|bx)\s*#?\s*\d{1,5}\b",
        0.85,
    ),
    Rx(
        # "RR 2" alone (RR is also respiratory rate): case-sensitive, not after or
        # before vitals, and only at the end of a line/phrase or before "Town, ST"
        "rural_route_short",
        r"(?<!\b(?:hr|bp|sat|sats|spo2|temp|t|p|rate|resp|o2|vitals?)[\s:,]*)"
        r"(?<![\w/])(?-i:RR|R\.R\.|Rr)\s*#?\s*\d{1,2}(?![\w/.:-]|\s*(?:bpm|/min|breaths|resp|rr|,\s*(?:hr|bp|sat|o2|t)\b))"
        r"(?=\s*(?:,|\n|$)|\s+(?:box|[A-Z][a-z]+,?\s+(?-i:[A-Z]{2,3})\b))",
        0.35,
    ),
]

_SUFFIX_GATE = tuple(sorted({w.lower()[:3] for w in STRONG_SUFFIXES + WEAK_SUFFIXES}))
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand",
)
GATES = {
    "unit_alone": ("apt", "apartment", "unit", "flat", "suite", "ste"),
    "unit_then_street_address": ("unit", "apt", "flat", "suite", "ste", "shop", "level", "lvl",
                                 "lot", "room", "rm", "villa", "house", "#"),
    "spoken_street_address": _NUMBER_WORDS,
    "numbered_street_no_house": re.compile(r"\d(?:st|nd|rd|th)\s", re.IGNORECASE),
    "po_box": ("box", "bag"),
    "rural_route_explicit": ("route", "rmb"),
    "rural_route_box": ("box", "bx"),
    "rural_route_short": ("rr", "r.r."),
}


def get_recognizers():
    return [
        GatedRegexRecognizer(
            "STREET_ADDRESS",
            PATTERNS,
            gates=GATES,
            name="StreetAddressRecognizer",
            context=["address", "lives", "live", "residing", "resides", "street", "apt", "unit"],
        ),
        GatedRegexRecognizer(
            "STREET_ADDRESS",
            BOX_PATTERNS,
            gates=GATES,
            name="PoBoxRecognizer",
            context=["address", "mail", "postal", "lives", "route"],
        ),
    ]
