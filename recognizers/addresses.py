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
from functools import lru_cache

import regex

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import _patterns
from ._anchored import GatedRegexRecognizer
from ._base import Rx, make_result
from .name_lexicon import geo_names, wordness

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
    r"(?:(?:" + "|".join(sorted(STRONG_SUFFIXES, key=lambda w: (-len(w), w))) + r")"
    r"|(?-i:" + "|".join(w + "|" + w.upper() for w in sorted(WEAK_SUFFIXES, key=lambda w: (-len(w), w))) + r"))"
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

# Extended street types: USPS Publication 28, Appendix C1 (US street suffixes, a US
# government work in the public domain) and the Australian road-type list of
# AS/NZS 4819 (road types are generic vocabulary, not data).  Many are ordinary words,
# so they count as a suffix only in Title/UPPER case, or in lower-case text when an
# address cue ("at", "on", "address:", line start) precedes the house number.
EXTRA_SUFFIXES = [
    "Alley", "Annex", "Arcade", "Bayou", "Beach", "Bluff", "Bottom", "Branch", "Bridge",
    "Brook", "Burg", "Bypass", "Camp", "Canyon", "Cape", "Causeway", "Center", "Centre",
    "Cliff", "Club", "Corner", "Course", "Courts", "Creek", "Crossroad", "Curve", "Dale",
    "Dam", "Divide", "Estate", "Extension", "Fall", "Falls", "Ferry", "Field", "Flat",
    "Ford", "Forest", "Forge", "Fork", "Fort", "Garden", "Gateway", "Glade", "Harbor",
    "Harbour", "Haven", "Inlet", "Island", "Isle", "Junction", "Key", "Knoll", "Lake",
    "Land", "Light", "Loaf", "Lock", "Lodge", "Manor", "Mill", "Mission", "Mount",
    "Mountain", "Neck", "Orchard", "Oval", "Overpass", "Pine", "Plain", "Port", "Prairie",
    "Radial", "Ramp", "Ranch", "Rapid", "Rest", "River", "Rue", "Run", "Shoal", "Shore",
    "Skyway", "Spring", "Spur", "Station", "Stravenue", "Stream", "Summit", "Throughway",
    "Trace", "Trafficway", "Tunnel", "Underpass", "Union", "Valley", "Via", "Viaduct",
    "Ville", "Vista", "Wall", "Well", "Way", "Grange", "Gully", "Siding", "Cutting",
    "Roadway", "Courtyard", "Brace", "Break", "Colonnade", "Link", "Dip", "Ground",
    "Upper", "Lower", "Front", "Approach", "Amble", "Basin", "Concourse", "Copse", "Corso",
    "Dell", "Driveway", "Edge", "End", "Entrance", "Fairway", "Grove", "Laneway",
    "Lookout", "Nook", "Outlook", "Pathway", "Pocket", "Quadrant", "Quays", "Ramble",
    "Reach", "Reserve", "Retreat", "Return", "Round", "Slope", "Steps", "Straight",
    "Strip", "Subway", "Tarn", "Thoroughfare", "Tollway", "Top", "Tor", "Turn", "Walkway",
    "Wood", "Woods", "Highlands", "Crossway", "Footway", "Deviation", "Alleyway",
    "Quadrangle", "Quad", "Rotary", "Access", "Circlet", "Interchange", "Gap", "Cross",
    "Circus", "Firetrail", "Frontage", "Glen", "Mead", "Row", "Anchorage", "Artery", "Brow",
    "Byway", "Centreway", "Cruiseway", "Distributor", "Foreshore", "Formation", "Gates",
    "Highroad", "Intersection", "Lees", "Meander", "Mew", "Parklands", "Piazza", "Plateau",
    "Range", "Ride", "Ridgeway", "Ring", "Riverway", "Riviera", "Roadside", "Ronde",
    "Rosebowl", "Stairs", "Towers", "Trailer", "Triangle", "Trunkway", "Villas", "Wade",
]
_XS = sorted(set(EXTRA_SUFFIXES + WEAK_SUFFIXES + [w.capitalize() for w in STRONG_SUFFIXES if len(w) > 3 and "-" not in w]), key=lambda w: (-len(w), w))
_XS_MULTI = r"Right\s+[Oo]f\s+Way|Service\s+Way|Cul\s+De\s+Sac"
# Title / UPPER case form (plural "s" allowed: "Mills", "Knolls", "Junctions")
# in ALL-CAPS notes ("SATS UPPER 90'S", "AS WELL AS") the upper-case form must end the
# address: a comma, the end of the line, or a unit ("APT 4")
XSUFFIX_CAP = (
    r"(?-i:(?:" + _XS_MULTI + "|" + "|".join(_XS) + r")s?(?![\w'’-])|(?:"
    + "|".join(w.upper() for w in _XS) + r")S?(?![\w'’-])(?=[ \t]*(?:,|\n|$)|\s+(?:APT|SUITE|UNIT|STE)\b))"
)
XSUFFIX_ANY = r"(?:right\s+of\s+way|service\s+way|" + "|".join(w.lower() for w in _XS) + r")s?(?![\w'’-])"
# "Grade 10 Summer Camp", "Level 3 Station" ...: a counter word before the number
NOT_COUNTER = (
    r"(?<!\b(?:grade|year|yr|stage|phase|type|class|ward|bed|page|week|day|step|session|"
    r"group|module|cohort|version|dose|chapter|part|form|test|score|cycle|round|bay|pod|"
    r"gate|platform|track|line|route|bus|tier|no|number|item|question|q)\.?[ \t])"
)
CAP_NAME = r"(?-i:(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]{2,}|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+))"
ADDR_CUE = (
    r"(?:(?<=\b(?:at|on|to|from|near|of|address(?:\s+is)?|address:|lives?\s+at|down\s+at|is)\s+)|"
    r"(?<=^[ \t]*)|(?<=\b(?:address|addr)\s*:\s*))"
)
UNIT_WORD2 = r"(?:unit|apt|apartment|flat|suite|ste|shop|level|lvl|lot|room|rm|villa|townhouse|studio)"

_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUM_TOKEN = rf"(?:{_TENS}(?:[\s-]+{_UNITS})?|{_TEENS}|{_UNITS}|hundred|thousand|oh)"
SPOKEN_NO = rf"(?:{NUM_TOKEN})(?:[\s-]+(?:and\s+)?{NUM_TOKEN}){{0,7}}"
SPOKEN_UNIT = rf"(?:\s+(?:apt|apartment|unit|suite|flat)\s+{SPOKEN_NO})"

NAMED_STREET_TYPE = r"(?:Street|Road|Lane|Avenue|Boulevard|Crescent|Terrace|Parade|Highway|Drive)"
NAMED_STREET_TYPE_LOWER = r"(?:street|road|lane|avenue|boulevard|crescent|terrace|parade|highway|drive)"
# words before a road type that name no road: "a dirt road", "the fast lane", "memory lane"
ROAD_ADJ = (
    r"(?:dirt|gravel|country|back|side|main|long|short|busy|quiet|same|wrong|right|left|open|"
    r"private|public|toll|bus|bike|cycle|fast|slow|passing|memory|one-way|two-way|sealed|"
    r"unsealed|rough|steep|windy|winding|narrow|wide|dark|empty|old|new|next|hard|test|"
    r"long|easy|service|access|ring|slip|high|low|little|big|open|whole|entire)"
)
NAMED_STREET_WORD = r"(?-i:(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+))"

PATTERNS = [
    Rx(
        "street_address",
        rf"(?=\d)(?<![\w./-])(?:\d{{1,5}}[a-z]?[ \t]*/[ \t]*)?{HOUSE_NO}[ \t]+(?:{DIRECTION}[ \t]+)?"
        rf"(?:(?:st|saint|mt|mount)\.?[ \t]+)?{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}}[ \t]+{SUFFIX}"
        rf"(?:[ \t]+{DIRECTION}(?![\w'’]))?{UNIT_SUFFIX}?",
        0.85,
    ),
    Rx(
        "unit_then_street_address",
        rf"\b{UNIT_WORD}\.?\s*#?\s*[0-9]{{1,5}}[a-z]?\s*(?:[,/]\s*|\s+){HOUSE_NO}[ \t]+(?:{DIRECTION}[ \t]+)?"
        rf"(?:(?:st|saint|mt|mount)\.?[ \t]+)?{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}}[ \t]+{SUFFIX}"
        rf"(?:[ \t]+{DIRECTION}(?![\w'’]))?{UNIT_SUFFIX}?",
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
        rf"\b(?=[otfsenh])(?<![\w/'’-]){SPOKEN_NO}\s+(?:{DIRECTION}\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}\s+{SUFFIX}{SPOKEN_UNIT}?",
        0.6,
    ),
    Rx(
        # Title/UPPER case: "8763 Rogers Isle", "Unit 2/270 Michael Right Of Way",
        # "Flat 05 71 Cole Glade", "68638 Russell Unions Apt. 212"
        "street_address_ext",
        rf"(?=\d)(?<![\w./-]){NOT_COUNTER}"
        rf"(?:\d{{1,5}}[a-z]?\s*/\s*)?{HOUSE_NO}\s+(?:{DIRECTION}\s+)?"
        rf"(?:(?!{STOP}\b){CAP_NAME}\s+){{1,3}}{XSUFFIX_CAP}"
        rf"(?:[ \t]+{DIRECTION}(?![\w'’]))?{UNIT_SUFFIX}?",
        0.75,
    ),
    Rx(
        "unit_then_street_ext",
        rf"\b{UNIT_WORD2}\.?\s*#?\s*[0-9]{{1,5}}[a-z]?\s*(?:[,/]\s*|\s+)"
        rf"(?:\d{{1,5}}[a-z]?\s*/\s*)?{HOUSE_NO}\s+(?:{DIRECTION}\s+)?"
        rf"(?:(?!{STOP}\b){CAP_NAME}\s+){{1,3}}{XSUFFIX_CAP}"
        rf"(?:[ \t]+{DIRECTION}(?![\w'’]))?{UNIT_SUFFIX}?",
        0.75,
    ),
    Rx(
        # unit + street without house number (UK): "Studio 2, Samuel Shoal", "Flat 1, Jordan Lock"
        "unit_street_no_house",
        rf"\b(?:studio|flat|apartment|apt|unit|suite)\.?\s*#?\s*\d{{1,4}}[a-z]?,?\s+"
        rf"(?:(?!{STOP}\b){CAP_NAME}\s+){{1,3}}(?:{XSUFFIX_CAP}|{SUFFIX})",
        0.75,
    ),
    Rx(
        # lower case, unit + street without house number: "lives at flat 6, stuart dam"
        "unit_street_no_house_lower",
        rf"(?=studio|flat|apartment|apt|unit|suite){ADDR_CUE}(?:studio|flat|apartment|apt|unit|suite)\.?\s*#?\s*\d{{1,4}}[a-z]?,\s+"
        rf"(?:(?!{STOP}\b)(?-i:[a-z][a-z'’-]+)\s+){{1,3}}(?-i:{XSUFFIX_ANY}|{SUFFIX})",
        0.7,
    ),
    Rx(
        # lower case (ASR, lower-cased notes) with an address cue: "at 7890 mark canyon"
        "street_address_ext_lower",
        rf"(?=\d|(?:unit|apt|apartment|flat|suite|ste|shop|level|lvl|lot|room|rm|villa|townhouse|studio)\b){ADDR_CUE}(?:{UNIT_WORD2}\.?\s*#?\s*[0-9]{{1,5}}[a-z]?\s*(?:[,/]\s*|\s+))?"
        rf"(?:\d{{1,5}}[a-z]?\s*/\s*)?\d{{1,6}}[a-z]?\s+(?:{DIRECTION}\s+)?"
        rf"(?:(?!{STOP}\b)(?-i:[a-z][a-z'’-]+)\s+){{1,3}}(?-i:{XSUFFIX_ANY}){UNIT_SUFFIX}?",
        0.65,
    ),
    Rx(
        # spoken (ASR) with an address cue: "on sixty two robert brace", "at forty four
        # thousand nine hundred nineteen bryan locks apt two hundred fifty five"
        "spoken_street_ext",
        rf"\b(?=[otfsenh]){ADDR_CUE}{SPOKEN_NO}\s+(?:{DIRECTION}\s+)?(?:(?!{STOP}\b)[a-z][a-z'’-]+\s+){{1,3}}"
        rf"(?:{XSUFFIX_ANY}|{SUFFIX}){SPOKEN_UNIT}?",
        0.65,
    ),
    Rx(
        # a named street with no house number, Title case only: "walks down Ferndale
        # Road", "a cafe on Marsh Lane", "lives off Hollins Drive" (street types that
        # are not also common nouns of prose)
        "named_street_no_house",
        rf"(?<![\w'’-])(?:(?!{STOP}\b){NAMED_STREET_WORD}\s+){{1,3}}(?-i:{NAMED_STREET_TYPE})(?![\w'’-])",
        0.6,
    ),
    Rx(
        # the same in lower case (speech-to-text, lower-cased notes), after a preposition
        # of place: "shifts at the servo on tamaki road", "walks down rye lane", "lives
        # off pukeko road"; not an idiom or a road of no name ("down memory lane", "on a
        # dirt road", "up the road", "in the fast lane")
        "named_street_no_house_lower",
        rf"(?<=\b(?:on|off|along|down|up|onto|near|from|past|via|at)[ \t]+)"
        rf"(?P<phi>(?:(?!{STOP}\b|{ROAD_ADJ}\b)[a-z][a-z'’]+(?:-[a-z]+)?[ \t]+){{1,3}}(?-i:{NAMED_STREET_TYPE_LOWER}))(?![\w'’-])",
        0.55,
    ),
    Rx(
        "numbered_street_no_house",
        # "lives on 5th Avenue" -- a numbered street without house number
        rf"\b(?:on|at|off|near)\s+(?P<phi>\d{{1,3}}(?:st|nd|rd|th)\s+{SUFFIX})",
        0.6,
    ),
]

# Street types of other languages (written for this project from linguistic knowledge,
# CC0), for addresses written the way their countries write them:
# * a suffix closing a Title-case compound, then the house number: "Hauptstraße 12",
#   "Keizersgracht 123", "Trädgårdsstigen 3", "Osuuskunnantie 6", "Blegdamsgade 139",
#   "Fahlanderin puistokatu 4" (suffixes that end English words too, such as -ring,
#   -gate, -tee, -plan, are left out);
# * a street word before the name, then the number: "Via Roma 14", "Calle Mayor 5",
#   "Rua Augusta 220", "ul. Młyńska 421", "Nyírfa utca 76.";
# * the number first, then a lower-case street word and the name (French, Quebec):
#   "12 rue de la Paix", "1200 boulevard René-Lévesque".
INTL_SUFFIX = (
    r"(?:straße|strasse|weg|platz|allee|gasse|damm|ufer|chaussee|steig|pfad|straat|laan|plein|"
    r"gracht|kade|singel|dijk|dreef|steeg|gatan|vägen|gränd|stigen|backen|torget|leden|gata|gaten|"
    r"veien|vejen|vei|vej|gade|stræde|plads|torv|katu|tie|kuja|polku|tori|väylä|raitti|kaari|"
    r"tänav|maantee)"
)
INTL_PREFIX = (
    r"(?:Via|Viale|Piazza|Piazzale|Corso|Vicolo|Largo|Calle|Avenida|Avda\.|Plaza|Paseo|Camino|"
    r"Carrer|Rua|Travessa|Praça|Estrada|ul\.|al\.|os\.|Ulica|Aleja|Rue|Chemin|Impasse|Allée|Quai)"
)
INTL_POSTFIX = r"(?:utca|út|tér|körút|köz|sor|u\.)"  # Hungarian: "Béke utca 12."
INTL_NUMBER_FIRST = (
    r"(?:rue|avenue|av\.|boulevard|boul\.|bd|chemin|ch\.|impasse|allée|place|quai|cours|rang|"
    r"montée|calle|rua)"
)
_INTL_JOIN = r"(?:de|del|della|delle|dei|di|do|da|dos|das|des|du|la|le|les|los|las|d['’]|l['’])"
_INTL_NAME = r"\p{Lu}\p{Ll}[\p{L}'’-]*"  # Title case: "9 via ED" is no address
_HOUSE_AFTER = r"\d{1,4}(?:[ \t]?[A-Za-z](?![\w'’]))?(?:[ \t]*[/-][ \t]*\d{1,4})?(?![\w/%]|[.,]\d)"
# a continental address block: a street line ending in its house number, then a line
# that opens with a postcode and the town ("Kamaufova 2a\n10000 Split", "Slatiňanská
# 323\n786 01 Sázava", "ul. Moniuszki 78/87\n51-655 Legnica", "Sarastraat 9\n5907JO\nHasselt")
_BLOCK_STREET = (
    r"(?:(?:ul\.|al\.|pl\.|os\.)[ \t]+)?\p{Lu}\p{Ll}[\p{L}'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,3}\.?)){0,4},?"
    r"[ \t]+\d{1,5}[a-zA-Z]?(?:[ \t]*[/-][ \t]*\d{1,4}[a-zA-Z]?)?\.?"
)
# (four digits that read as a clock time open ward-round lines, not postcodes: "0400 Lasix")
_BLOCK_PC = (r"(?:[A-Z]{1,2}-\d{4,5}|\d{5}|(?!(?:[01]\d|2[0-3])[0-5]\d(?!\d))\d{4}|\d{3}[ ]\d{2}|\d{2}-\d{3}"
             r"|\d{4}[ ]?[A-Z]{2})")
_BLOCK_TOWN = r"\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’-]*|\p{Ll}{1,3})){0,3}"
CONTINENTAL_BLOCK = (
    rf"(?m-i:^[ \t]*(?P<street>{_BLOCK_STREET})[ \t]*\n[ \t]*(?P<pc>{_BLOCK_PC}),?(?:[ \t]+|[ \t]*\n[ \t]*)"
    rf"(?P<town>{_BLOCK_TOWN})[ \t]*(?:\(|,|$))"
)
_BLOCK_RX = _patterns.compile(CONTINENTAL_BLOCK)
_BLOCK_GATE = re.compile(r"\d[a-zA-Z]?\.?[ \t]*\n[ \t]*(?:[A-Z]{1,2}-)?\d")


class ContinentalBlockRecognizer(LocalRecognizer):
    """The street line (STREET_ADDRESS), postcode (ZIP_CODE) and town (LOCATION) of a
    continental address block, when a word of the street line is no ordinary English
    word ("Kamaufova 2a", not "Intake 2500" over "2600 Output Total")."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["STREET_ADDRESS", "ZIP_CODE", "LOCATION"],
                         name="ContinentalBlockRecognizer", supported_language="en", context=["address"])

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        if "\n" not in text or _BLOCK_GATE.search(text) is None:
            return []
        out = []
        for m in _BLOCK_RX.finditer(text):
            words = regex.findall(r"\p{L}{3,}", m.group("street"))
            if not words or all(wordness(w) >= 3 for w in words):
                continue
            for group, entity in (("street", "STREET_ADDRESS"), ("pc", "ZIP_CODE"), ("town", "LOCATION")):
                out.append(make_result(self, entity, *m.span(group), 0.7, "continental_block"))
        return out


INTL_PATTERNS = [
    Rx(
        "intl_compound_street",
        rf"(?-i:(?<![\w'’-])(?:(?:\p{{Lu}}\p{{Ll}}+[ \t]+\p{{Ll}}{{2,}}|\p{{Lu}}\p{{Ll}}+){INTL_SUFFIX}"
        # hyphenated, the street word capitalised: "Oda-Preiß-Straße 1", "Max-Planck-Ring 4"
        rf"|\p{{Lu}}[\p{{L}}-]*-(?:Straße|Strasse|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Steig)))"
        rf"[ \t]+{_HOUSE_AFTER}",
        0.7,
    ),
    Rx(
        "intl_prefix_street",
        rf"(?-i:(?<![\w'’-]){INTL_PREFIX}[ \t]+(?:{_INTL_JOIN}[ \t]*)*{_INTL_NAME}"
        rf"(?:[ \t]+(?:{_INTL_JOIN}[ \t]*)*{_INTL_NAME}){{0,3}}),?[ \t]+{_HOUSE_AFTER}",
        0.7,
    ),
    Rx(
        "intl_postfix_street",
        rf"(?-i:(?<![\w'’-]){_INTL_NAME}(?:[ \t]+{_INTL_NAME})?[ \t]+{INTL_POSTFIX})[ \t]+\d{{1,4}}\.?(?![\w/%]|[.,]\d)",
        0.7,
    ),
    Rx(
        "intl_number_first",
        rf"(?-i:(?<![\w./-])\d{{1,5}}(?:[ \t]?(?:bis|ter))?,?[ \t]+{INTL_NUMBER_FIRST}[ \t]+"
        rf"(?:{_INTL_JOIN}[ \t]*)*{_INTL_NAME}(?:[ \t]+(?:{_INTL_JOIN}[ \t]*)*{_INTL_NAME}){{0,3}})",
        0.7,
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
    "spoken_street_ext": _NUMBER_WORDS,
    "unit_then_street_ext": ("unit", "apt", "apartment", "flat", "suite", "ste", "shop", "level", "lvl",
                             "lot", "room", "rm", "villa", "townhouse", "studio"),
    "unit_street_no_house_lower": ("studio", "flat", "apartment", "apt", "unit", "suite"),
    "unit_street_no_house": ("studio", "flat", "apartment", "apt", "unit", "suite"),
    "unit_alone": ("apt", "apartment", "unit", "flat", "suite", "ste"),
    "unit_then_street_address": ("unit", "apt", "flat", "suite", "ste", "shop", "level", "lvl",
                                 "lot", "room", "rm", "villa", "house", "#"),
    "spoken_street_address": _NUMBER_WORDS,
    "named_street_no_house": re.compile(r"[a-z] (?:Street|Road|Lane|Avenue|Boulevard|Crescent|Terrace|Parade|Highway|Drive)\b"),
    "named_street_no_house_lower": re.compile(r"[a-z] (?:street|road|lane|avenue|boulevard|crescent|terrace|parade|highway|drive)\b"),
    "numbered_street_no_house": re.compile(r"\d(?:st|nd|rd|th)\s", re.IGNORECASE),
    "po_box": ("box", "bag"),
    "rural_route_explicit": ("route", "rmb"),
    "rural_route_box": ("box", "bx"),
    "rural_route_short": ("rr", "r.r."),
}


INTL_GATES = {
    "intl_compound_street": re.compile(INTL_SUFFIX + r"[ \t]+\d"),
    "intl_prefix_street": re.compile(INTL_PREFIX + r"[ \t]"),
    "intl_postfix_street": re.compile(INTL_POSTFIX + r"[ \t]+\d"),
    "intl_number_first": re.compile(r"\d,?[ \t]+" + INTL_NUMBER_FIRST + r"[ \t]"),
}


def get_recognizers():
    return [
        GatedRegexRecognizer(
            "STREET_ADDRESS",
            PATTERNS,
            gates=GATES,
            name="StreetAddressRecognizer",
            caps_as_lower=("named_street_no_house_lower",),  # not the Faker suffixes: "AT 55 BIL GROIN LINES"
            context=["address", "lives", "live", "residing", "resides", "street", "apt", "unit"],
        ),
        GatedRegexRecognizer(
            "STREET_ADDRESS",
            INTL_PATTERNS,
            gates=INTL_GATES,
            name="IntlStreetRecognizer",
            context=["address", "lives", "live", "street"],
        ),
        ContinentalBlockRecognizer(),
        GatedRegexRecognizer(
            "STREET_ADDRESS",
            BOX_PATTERNS,
            gates=GATES,
            name="PoBoxRecognizer",
            context=["address", "mail", "postal", "lives", "route"],
        ),
    ]


# ---- the rest of an address line after a street found (any case) --------------------
# "12 Lochend Row, Hillhead, Glasgow G12 8QQ", "18 harbour road, eastfield,
# swansea": the comma-separated words after a street address are its suburb and town,
# however they are written; a segment with a stop word ("12 Elm St, near the park") or
# a state or country ("..., Victoria") ends the line.
_SEGMENT = _patterns.compile(
    r"[ \t]*,[ \t]*(?P<seg>\p{L}[\p{L}'’.\-]*(?:[ \t]+\p{L}[\p{L}'’.\-]*){0,2})"
    r"(?=[ \t]*(?:[,\n]|$|\.(?:\s|$)|[ \t]+(?:\p{L}{1,3}\d|\d{4})))", regex.MULTILINE)
_SEGMENT_JOIN = frozenset("upon on de la le sur".split())


@lru_cache(maxsize=1)
def _line_enders() -> tuple[frozenset, frozenset]:
    """(states, provinces, countries and their codes; stop words), lowercase."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from ._geo import AU_STATES, CA_PROVINCES, US_CLEAN

    states = geo_names() | {s.lower() for s in US_CLEAN | set(AU_STATES) | set(CA_PROVINCES)}
    return frozenset(states), frozenset(STOP_WORDS) - _SEGMENT_JOIN


# a four-digit postcode closing the line after the town, with no state between (New
# Zealand writes none: "14 Ruakura Road, Hamilton East 3216", "PO Box 331, Whanganui 4540")
_POSTCODE_AFTER = _patterns.compile(r"[ \t]+(?P<pc>\d{4})(?=[ \t]*(?:[,\n]|$|\.(?:\s|$)))", regex.MULTILINE)


# ---- the lines of an address block after a street line found ---------------------------
# "14 Kereru Lane" / "Flat 2" / "Whanganui" / "New Zealand 4500": a unit line, a town line
# (capitalised or in capitals, a place the gazetteer knows or no English word, with its
# state or postcode) and a country line with its postcode, in that order, one blank line
# at most between them; the block ends at the first line of any other kind.
_UNIT_LINE = _patterns.compile(
    r"[ \t]*(?P<unit>(?i:apt|apartment|suite|ste|unit|flat|level|floor|room|rm|bldg|building)\.?"
    r"[ \t]*\#?[ \t]*[\p{L}\d][\w-]{0,5})[ \t]*$", regex.MULTILINE)
_TOWN_LINE = _patterns.compile(
    r"[ \t]*(?P<town>\p{Lu}[\p{L}'’\-]*(?:[ \t]+\p{Lu}[\p{L}'’\-]*){0,2}?)"
    r"(?:[ \t,]+(?P<tail>(?:\p{Lu}{2,3}[ \t]+)?(?P<pc>\d{4,5}(?:-\d{4})?|\p{Lu}\d[\p{Lu}\d]?[ \t]?\d\p{Lu}\p{Lu}|\p{Lu}\d\p{Lu}[ \t]?\d\p{Lu}\d)))?"
    r"[ \t]*$", regex.MULTILINE)
_NEXT_LINE = _patterns.compile(r"[ \t]*\r?\n(?:[ \t]*\r?\n)?")
_NUMBER_BEFORE = _patterns.compile(r"(?:^|(?<=[\s,:]))(?P<no>\d{1,5}[A-Za-z]?)[ \t]+\Z", regex.MULTILINE)


def _town_ok(town: str, stops: frozenset) -> bool:
    from .gazetteer import known_place

    words = town.split()
    if any(w.lower() in stops for w in words):
        return False
    return known_place(" ".join(words)) or all(wordness(w) < 0 for w in words)  # "Salteras": no English word


def block_after_address(text: str, addresses: list[tuple[int, int]]):
    """``(units, places, postcodes)``: a number written just before each street found, and
    the lines of an address block below a street line that closes its line."""
    if not addresses:
        return [], [], []
    states, stops = _line_enders()
    units, towns, codes = [], [], []
    for start, end in addresses:
        # a house or unit number written before the street found ("6302 Ártún 55",
        # "445 Cruce Casa de Postas 34"): part of the address
        pre = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
        if pre is not None:
            units.append(pre.span("no"))
        stage = 0  # 0: unit, town or country next; 1: town or country; 2: country
        for _ in range(4):
            nl = _NEXT_LINE.match(text, end)
            if nl is None:
                break
            pos = nl.end()
            m = _UNIT_LINE.match(text, pos) if stage == 0 else None
            if m is not None:
                units.append(m.span("unit"))
                end, stage = m.end(), 1
                continue
            m = _TOWN_LINE.match(text, pos)
            if m is None:
                break
            town = m.group("town")
            if town.lower() in states:  # a state or country line, with its postcode
                if m.group("pc"):
                    codes.append(m.span("pc"))
                break
            if stage == 2 or not _town_ok(town, stops):
                break
            towns.append(m.span("town"))
            if m.group("pc"):
                codes.append(m.span("pc"))
            end, stage = m.end(), 2
    return units, towns, codes


def places_after_address(text: str, addresses: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Suburb and town segments right after each ``(start, end)`` of a street address, and
    a four-digit postcode right after the last of them: ``(places, postcodes)``."""
    if not addresses:
        return [], []
    states, stops = _line_enders()
    out, codes = [], []
    for _, end in addresses:
        last = None
        for _ in range(3):
            m = _SEGMENT.match(text, end)
            if m is None:
                break
            seg = m.group("seg")
            words = [w.lower().strip(".") for w in seg.split()]
            if seg.lower() in states or any(w in stops for w in words):
                break
            out.append(m.span("seg"))
            end = last = m.end()
        if last is not None:
            pc = _POSTCODE_AFTER.match(text, last)
            if pc is not None:
                codes.append(pc.span("pc"))
    return out, codes
