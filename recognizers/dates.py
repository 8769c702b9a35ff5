"""Written dates -> ``DATE_TIME``.

Catches every written form of a date more specific than a year:

* numeric with a year: ``03/14/2024``, ``14/03/2024``, ``3-14-24``, ``14.03.2024``,
  ISO ``2024-03-14``; month/year ``03/2024``;
* short numeric ``3/14`` (month 1-12, day 1-31), but not ratios, vitals, doses or
  scores: ``120/80``, ``5/325 mg``, ``2/10 pain``, ``PHQ-9 14/27``, ``strength 5/5``
  (a unit/scale word after it or a score word before it vetoes the match; the
  scale denominators /5 and /10 need a date cue such as "on" or a weekday);
* month names: ``March 14, 2024``, ``14 March 2024``, ``Mar 14th``, ``14th of March``,
  ``MARCH 14``, ``March 3-5``, ``March 2024``, ``Mar '24``, ``Monday, March 4``
  (the weekday itself is not reported);
  a bare month after a time preposition ("in March", "since early June");
* ordinals in date context: "on the 4th", "since the 21st", "Monday the 3rd",
  "on the evening of the 20th", "her hearing is the 27th" (not "the 2nd of 4
  children", "the 1st in her family", "the 3rd floor");
* day-first short dates after a date cue: "than on 17/02", "since 25/12" (day 13-31;
  off in notes that write ventilator settings or 24-hour times, where "on 14/5" is a
  pressure pair);
* holidays: "Christmas Eve 2024", "Christmas Day", "Easter Sunday 2023",
  "New Year's Eve", "Thanksgiving 2022", "4th of July", ...; and about 1,300 holiday
  and festival names of many countries and faiths as data (``data/holidays.tsv``,
  generated from the ``holidays`` package plus a festival list: "Diwali", "Seollal",
  "Nochebuena", "Waitangi Day", "Eid al-Adha 2023"; see ``data/PROVENANCE.md``);
* season + year: "spring 2024", "winter of 2019".

Speed: patterns with a context lookbehind start with a lookahead of their digit
shape, and each pattern has a cheap substring gate (see ``GATES``).

Not flagged: times ("3pm", "14:00", "1400"), durations ("for two weeks", "x3 days",
"q4h") and bare years ("in 2019").
"""
from __future__ import annotations

import re
from pathlib import Path

import regex

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import _patterns
from ._anchored import GatedRegexRecognizer
from ._base import Rx, make_result

MONTH_FULL = (
    r"(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)"
)
# "May"/"Mar" are ordinary words; the abbreviations and "may" require a capital.
MONTH = (
    r"(?:january|february|march|april|june|july|august|september|october|"
    r"november|december|(?:sept|jan|feb|apr|jun|jul|aug|sep|oct|nov|dec)\.?|"
    r"(?-i:Mar\.?|MAR\.?|May|MAY|may))"
)
WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN))\.?"
)
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
ORD = r"(?:st|nd|rd|th)"
DAY_ORD = rf"(?:{DAY}{ORD}?)"
YEAR4 = r"(?:1[89]\d\d|20\d\d)"
YEAR = rf"(?:{YEAR4}|'\d\d|’\d\d)"
# after a day number: not a unit, time, or another number
UNIT_AFTER = (
    r"(?!\s*%|\s*(?:mg|mcg|g|gm|kg|ml|cc|l|lpm|meq|mmol|mmhg|mm|cm|units?|u|iu|"
    r"tabs?|tablets?|caps?|capsules?|pills?|puffs?|drops?|hrs?|hours?|mins?|minutes?|"
    r"days?|wks?|weeks?|mos?|months?|yrs?|years?|times|x|ppd|packs?|drinks?|cups?|"
    r"beers?|nights?|pain|strength|scale|score|rating|ratio|doses?|sessions?|"
    r"bpm|beats|breaths|o2|fio2|nc|peep|ns|amp|amps|str|way|up|of|bilat|bilaterally|"
    r"rate|gallon|gal|bottle|glass|pack|cig|cigs|cigarettes|ounce|oz|lb|lbs|"
    r"sem|murmur|hsm|range|pillows?|liters?|litres?|cp|chest|ha|headache|discomfort|"
    r"sob|nausea|anxiety|severity|intensity|on\s+(?:the\s+)?(?:pain|scale|vas|nrs))\b)"
)
# ventilator settings written like dates ("CPAP 5/5", "PSV 10/5/40%", "1st step mattress")
PRESSURE_WORDS = r"cpap|bipap|bi-pap|psv|ps|peep|ips|ipap|epap|simv|imv|prvc|pressure\s+support"
VENT_WORDS = (
    rf"{PRESSURE_WORDS}|vent|ventilator|settings?|wean(?:ed|ing)?|ac|mode|trach\s+mask|extubated|"
    r"intubated|abg|tv|vt|rsbi|fio2"
)
# ventilator pressure words shortly before a short numeric form with no date cue
# ("PSV weaned to 12/5", "bipap 14/6 at night")
PRESSURE_BEFORE = rf"(?<!\b(?i:{PRESSURE_WORDS})\b[^\n]{{0,30}})"
# a pain score out of ten ("pain 6/10", "chest pain eased to 2/10")
PAIN_BEFORE = r"(?<!(?i:pain|cp|discomfort|headache|ache|aching)\b[^\n]{0,25}/10)"
VENT_AFTER = r"(?![ \t]*(?:%|,[ \t]*\d+[ \t]*%|(?i:ips|psv|ps|cpap|bipap|peep|imv|simv)\b))"
# before a short numeric form: score/vitals words veto
SCORE_BEFORE = (
    r"(?<!\b(?:bp|b/p|blood\s+pressure|pain|strength|score|scored|rated|rates|rating|"
    r"scale|phq(?:-?\d+)?|gad(?:-?\d+)?|k10|mmse|moca|audit|dass|ratio|grade|gcs|"
    r"apgar|power|motor|reflexes|murmur|vision|va|out\s+of|of|x|sbp|dbp|map|ie|i:e|"
    r"peep|ps|psv|ips|ac|simv|imv|cpap|bipap|cpap/ps|flowby|co/ci|ci|co|vent|settings?|"
    r"pressures?|mode|crackles|rales|ls|cxs|d5|ivf|iv|tf|gave|given|amp|only|about|"
    r"approx|approximately|~)[\s:=(]*)"
)
DATE_CUE = (
    rf"(?:on|since|dated?|dob|d\.o\.b\.?|born|from|until|till|til|to|by|before|after|"
    rf"through|thru|starting|started|effective|as\s+of|seen|admitted|admission|"
    rf"discharged?|d/c|next|last|appt|appointment|review|than\s+on|"
    rf"developed|placed|removed|inserted|pulled|changed|transferred|scheduled|"
    rf"planned|booked|due|contact(?:ed)?|reviewed|follow[\s-]?up|f/u|"
    rf"(?:week|wk)\s+(?:of|commencing|beginning|ending)|w/[ce]|(?-i:OR)|{WEEKDAY})"
)
HOLIDAY = (
    r"(?:christmas(?:\s+(?:eve|day))?|xmas(?:\s+(?:eve|day))?|"
    r"new\s+year[’']?s(?:\s+(?:eve|day))?|easter(?:\s+(?:sunday|monday|weekend))?|"
    r"good\s+friday|thanksgiving(?:\s+day)?|boxing\s+day|hall?owe[’']?en|"
    r"valentine[’']?s\s+day|independence\s+day|(?:4th|fourth)\s+of\s+july|"
    r"memorial\s+day|labou?r\s+day|anzac\s+day|australia\s+day|canada\s+day|"
    r"remembrance\s+day|veterans[’']?\s+day|mother[’']?s\s+day|father[’']?s\s+day|"
    r"st\.?\s+patrick[’']?s\s+day|guy\s+fawkes(?:\s+night)?|bonfire\s+night|"
    r"victoria\s+day|mlk\s+day|martin\s+luther\s+king\s+day|presidents[’']?\s+day|"
    r"hanukkah|chanukah|yom\s+kippur|rosh\s+hashanah|passover|diwali|"
    r"eid(?:\s+al-?(?:fitr|adha))?|lunar\s+new\s+year|chinese\s+new\s+year|"
    r"waitangi\s+(?:day|weekend)|matariki|anzac\s+weekend|labou?r\s+weekend|"
    r"(?:king|queen)[’']?s\s+birthday(?:\s+weekend)?|melbourne\s+cup\s+day|grand\s+final\s+day|"
    r"civic\s+holiday|hogmanay|bank\s+holiday\s+monday)"
)
HOLIDAY_NOT_AFTER = (
    r"(?!\s+(?:tree|trees|card|cards|carols?|music|songs?|movies?|films?|decorations?|"
    r"lights|jumper|sweater|bunny|eggs?|candy|costume|stockings?|special|dinner\s+menu)\b)"
)


def _numeric_date_ok(value: str) -> bool | None:
    """Numeric date with a year: accept when m/d or d/m is a valid pair."""
    parts = regex.split(r"[/.\-]", value)
    if len(parts) != 3:
        return None
    try:
        a, b, c = (int(p) for p in parts)
    except ValueError:
        return False
    if len(parts[0]) == 4:  # ISO y-m-d
        return None if (1 <= b <= 12 and 1 <= c <= 31) else False
    if (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31):
        return None
    return False


PATTERNS = [
    Rx(
        "iso_date",
        rf"(?<![\w./-]){YEAR4}([-/.])(?:0?[1-9]|1[0-2])\1{DAY}(?![\w/]|[.-]\d)",
        0.95,
        validate=_numeric_date_ok,
    ),
    Rx(
        "numeric_date_with_year",
        r"(?:(?<![\w./:]|\d-)|(?<=\b(?i:on|dated?|from|since|dob|of|hx|date|adm|admit|admitted|until|to))"
        r"|(?<=\p{L}:))(?:\d{1,2})([/-])(?:\d{1,2})\1(?:\d{4}|\d{2})(?![\w/]|[.:-]\d)"
        r"(?![ \t]*%)",  # "10/5/40%": ventilator settings
        0.85,
        validate=_numeric_date_ok,
    ),
    Rx(
        # dots: require a 4-digit year or two-digit day and month (not versions/IPs)
        "dotted_date",
        r"(?<![\w./:-])(?:\d{1,2}\.\d{1,2}\.\d{4}|\d\d\.\d\d\.\d\d)(?![\w/]|[.:-]\d)",
        0.8,
        validate=_numeric_date_ok,
    ),
    Rx(
        # "seen 4.3.25", "on 12.3.24": one-digit day or month with a two-digit year after a
        # date cue (bare, "4.3.25" could be a version or a lab triple)
        "cued_dotted_date",
        rf"(?=\d{{1,2}}\.\d)(?<![\w./:-])(?P<phi>\d{{1,2}}\.\d{{1,2}}\.\d\d)"
        rf"(?<=\b{DATE_CUE}[\s:,]+(?:the\s+)?\d{{1,2}}\.\d{{1,2}}\.\d\d)(?![\w/]|[.:-]\d)",
        0.8,
        validate=_numeric_date_ok,
    ),
    Rx(
        # day.month with a zero-padded month after a date cue: "back on 28.02", "since
        # 03.11" (bare, "28.02" is a decimal)
        "cued_dotted_day_month",
        rf"(?=\d\d\.\d\d)(?<![\w./:-])(?P<phi>(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2]))"
        rf"(?<=\b{DATE_CUE}[\s:,]+(?:the\s+)?\d\d\.\d\d)(?![\w/]|[.:,-]\d){UNIT_AFTER}",
        0.7,
    ),
    Rx(
        # a range of days in one zero-padded month: "admitted 14-15/02", "away 28–30/06"
        "day_range_padded_month",
        r"(?<![\w./:-])(?:0?[1-9]|[12]\d|3[01])[-–](?:0?[1-9]|[12]\d|3[01])/0[1-9](?![\w/]|[.:,-]\d)",
        0.7,
    ),
    Rx(
        "month_year_numeric",
        rf"(?<![\w./:-])(?:0?[1-9]|1[0-2])/{YEAR4}(?![\w/]|[.:-]\d)",
        0.7,
    ),
    Rx(
        # short m/d (or d/m); not a ratio, dose, vital or score
        "short_numeric_date",
        rf"(?=\d{{1,2}}/\d){SCORE_BEFORE}(?:(?<![\w./:]|\d-)|(?<=\p{{L}}:))(?:0?[1-9]|1[0-2])/"
        rf"(?:(?!(?:0?5|10)\b)(?:0?[1-9]|[12]\d|3[01])|(?<=(?:[6-9]|1[0-2])/)0?5|(?<=1[12]/)10)"
        # common fractions 1/2 1/3 2/3 1/4 3/4 need a date cue (cued_short_date)
        r"(?<!(?<!\d)(?:1/[234]|2/3|3/4))"
        rf"(?![\w/]|[.:,-]\d){UNIT_AFTER}{VENT_AFTER}{PRESSURE_BEFORE}",
        0.6,
    ),
    Rx(
        # month/2-digit year where the year cannot be a day: 8/87, 12/82
        "month_short_year",
        rf"(?=\d{{1,2}}/\d){SCORE_BEFORE}(?<![\w./:]|\d-)(?:0?[1-9]|1[0-2])/(?:3[2-9]|[4-9]\d)"
        rf"(?![\w/%]|[.:,-]\d){UNIT_AFTER}",
        0.6,
    ),
    Rx(
        # short forms after a date cue, incl. /5, /10 and hyphenated 3-14 (digit-first
        # with the cue in a lookbehind: much faster than cue-first)
        "cued_short_date",
        rf"(?=\d{{1,2}}[/-]\d)(?<![\w./:-])(?P<phi>(?:0?[1-9]|1[0-2])([/-])(?:0?[1-9]|[12]\d|3[01]))"
        rf"(?<=\b{DATE_CUE}[\s:,]+(?:the\s+)?\d{{1,2}}[/-]\d{{1,2}})"
        rf"(?![\w/]|[.:,-]\d){UNIT_AFTER}{VENT_AFTER}{PAIN_BEFORE}"
        # ventilator pressure pairs ("on 5/5", "PSV to 10/5"): not after vent words
        rf"(?<!(?i:{VENT_WORDS})\b[^\n]{{0,40}})"
        # "increased to 6-8", "from 2-3": hyphenated pairs after to/from are ranges
        r"(?<!\b(?i:to|from)\s+\d{1,2}-\d{1,2})",
        0.8,
    ),
    Rx(
        # day/month with a day that cannot be a month (13-31), after a date cue:
        # "tidier than on 17/02", "since 25/12", "from 13/3 to 20/3"
        "cued_day_month",
        rf"(?=\d\d/\d)(?<![\w./:-])(?P<phi>(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))"
        rf"(?<=\b{DATE_CUE}[\s:,]+(?:the\s+)?\d\d/\d{{1,2}})"
        rf"(?![\w/]|[.:,-]\d){UNIT_AFTER}{VENT_AFTER}"
        rf"(?<!(?i:{VENT_WORDS})\b[^\n]{{0,40}})",
        0.75,
    ),
    Rx(
        # day/month written day-first with a zero-padded month and a day that cannot be a
        # month: "seen by GP 28/02", "bloods 14/03" (no score or ratio is written x/0y)
        "padded_day_month",
        rf"(?=\d\d/0){SCORE_BEFORE}(?<![\w./:-])(?P<phi>(?:1[3-9]|2\d|3[01])/0[1-9])"
        rf"(?![\w/]|[.:,-]\d){UNIT_AFTER}{VENT_AFTER}",
        0.6,
    ),
    Rx(
        # the second date of a range or alternative: "8/2 - 8/10", "8/9 or 8/10"
        # (/5 and /10 alone are scores; after a first date they are dates)
        "short_date_range_end",
        rf"(?=\d{{1,2}}/\d)(?<![\w./:-])(?P<phi>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))"
        rf"(?<=(?<![\w./:])(?:(?:0?[1-9]|1[0-2])/(?!(?:0?5|10)\b)(?:0?[1-9]|[12]\d|3[01])|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))"
        rf"[ \t]*(?:-|–|to|or|and|through|thru|&|,)[ \t]*"
        rf"\d{{1,2}}/\d{{1,2}})"
        rf"(?![\w/]|[.:,-]\d){UNIT_AFTER}{VENT_AFTER}"
        rf"(?<!(?i:{VENT_WORDS})\b[^\n]{{0,40}})",
        0.7,
    ),
    Rx(
        # March 14 / Mar 14th, 2024 / MARCH 14 / Monday, March 4 / March 3-5
        "month_day",
        rf"\b{MONTH}\s*(?:the\s+)?{DAY_ORD}(?!\d)"
        rf"(?:\s*(?:-|–|to|and|&)\s*{DAY_ORD}(?!\d))?(?:,?\s*{YEAR}(?!\d))?"
        rf"(?![:.]\d){UNIT_AFTER}",
        0.85,
    ),
    Rx(
        # 14 March 2024 / 14th of March / 3-5 March / Monday 4th March
        "day_month",
        rf"(?<![\w.,:/])(?=\d)(?:{DAY_ORD}\s*(?:-|–|to|and|&)\s*)?"
        rf"{DAY_ORD}(?:\s+of)?[\s-]*{MONTH}(?!\w)(?:,?\s*{YEAR}(?!\d))?",
        0.85,
    ),
    Rx(
        # the legal form: "this 5th day of May 2025", "the 21st day of March"
        "nth_day_of_month",
        rf"(?<![\w.,:/])(?P<phi>{DAY_ORD}\s+day\s+of\s+{MONTH}(?!\w)(?:,?\s*{YEAR}(?!\d))?)",
        0.85,
    ),
    Rx(
        # a school term, semester or quarter of a year: "Term 3, 2024", "Q1 2025",
        # "semester two 2023", "the first half 2024"
        "period_year",
        r"\b(?:(?-i:Q)[1-4]|(?:term|semester|trimester|quarter)[ \t]+(?:[1-4]|one|two|three|four)"
        r"|(?:first|second|third|fourth|last|1st|2nd|3rd|4th)[ \t]+(?:term|semester|trimester|quarter|half))"
        rf",?[ \t]+{YEAR4}(?!\d)",
        0.8,
    ),
    Rx(
        "month_year",
        rf"\b{MONTH}(?:\s+of)?,?\s*{YEAR}(?!\d)",
        0.85,
    ),
    Rx(
        # a bare month after a time preposition: "in March", "since early June"
        "cued_month",
        rf"\b(?P<phi>{MONTH_FULL}|(?:sept?|jan|feb|apr|aug|oct|nov|dec)\.?)(?!\w)"
        rf"(?<=\b(?:in|since|during|until|till|by|before|after|through|from|of|last|next|this|"
        rf"early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of|being|was|"
        rf"around|back\s+in)[\s-]+"
        rf"(?:(?:early|mid|late)[\s-]+)?(?:{MONTH_FULL}|(?:sept?|jan|feb|apr|aug|oct|nov|dec)\.?))"
        # the modal verb: "this may be", "which may not"
        r"(?!(?<=(?i:may))\s+(?i:be|not|have|need|require|benefit|go|get|take|help|also|try|"
        r"want|come|feel|cause|indicate|represent|resume|continue|start|do|eat|want|well)\b)",
        0.6,
    ),
    Rx(
        # "on the 4th", "since the 21st", "Monday the 3rd"
        "cued_ordinal_day",
        rf"(?=\d{{1,2}}(?:st|nd|rd|th)\b)(?<![\w.])(?P<phi>{DAY}{ORD})\b"
        rf"(?<=\b(?:(?:on|since|by|until|till|from|before|after|through|starting|{WEEKDAY})"
        rf"\s+(?:the\s+)?|(?:it[’']?s|it\s+is|today\s+is|today[’']?s|is|was|be|around|"
        rf"about|due|booked\s+for|set\s+for|scheduled\s+for|planned\s+for|"
        rf"follow[\s-]?up|f/u|review|appt|appointment|seen|next|contact|court|hearing|to|"
        rf"(?:week|wk)\s+(?:of|commencing|beginning|ending))\s+the\s+|"
        # "on the evening of the 20th", "the weekend of the 3rd"
        rf"(?:morning|afternoon|evening|night|day|weekend|week|end|start|beginning|middle)"
        rf"\s+of\s+the\s+)\d{{1,2}}{ORD})"
        r"(?!\s+(?:floor|grade|time|times|attempt|day|week|month|year|cycle|dose|line|"
        r"trial|session|visit|percentile|degree|generation|round|try|place|period|"
        r"st|street|ave|avenue|rd|road|of\s+(?:the|them|those|these)|one|session|step|unit|units|"
        r"bag|bags|toe|toes|finger|fingers|rib|ribs|degree|liter|litre|l|dose|bolus|set|"
        r"cpap|trial|amp|pack|century|hour|hr|anniversary|birthday|percent|centile|"
        r"child|son|daughter|grandchild|baby|pregnancy|sibling|ward|bed|room|house|"
        r"lap|quarter|inning|period|shift|episode|admission|hospitali[sz]ation|"
        r"attempt|overdose|relapse|marriage|wife|husband|job|post|stage|lumbar|cervical|"
        r"thoracic|intercostal|ics|space|metacarpal|metatarsal|digit|cranial|nerve|"
        r"heart\s+sound|hs|division|year|phase|level|person|people|kid|born|grader|to(?!\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b)|in\s+line|in\s+(?:his|her|the|their|my|our)\s+(?:family|class|year|group|team))\b"
        # "the 2nd of 4 children": "of" after the ordinal must lead to a month
        rf"|\s+of\b(?!\s+(?:{MONTH}|this\s+month|next\s+month|last\s+month|the\s+month)\b))",
        0.7,
    ),
    Rx(
        # two short dates joined by a slash: "treated 10/03/10/04"
        "double_short_date",
        r"(?<![\w./:])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/"
        r"(?:0?[1-9]|[12]\d|3[01])(?![\w/%]|[.:,-]\d)"
        rf"(?<!(?i:{VENT_WORDS})\b[^\n]{{0,40}})",
        0.6,
    ),
    Rx(
        # month/day.yy: "11/21.93"
        "slash_dot_date",
        r"(?<![\w./:])(?!(?:1/[234]|2/3|3/4)\.)(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])\.\d\d"
        r"(?![\w/%.]|[:,-]\d)",
        0.6,
    ),
    Rx(
        "holiday",
        rf"\b{HOLIDAY}(?:,?\s+(?:of\s+)?{YEAR}(?!\d))?\b{HOLIDAY_NOT_AFTER}",
        0.7,
    ),
    Rx(
        "season_year",
        rf"\b(?:spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?|\s*)(?:{YEAR4}|'\d\d|’\d\d)(?!\d)",
        0.7,
    ),
]


# Holiday and festival names as data (recognizers/data/holidays.tsv, built by
# data/build_holidays.py from the `holidays` package and a hand-written festival list).
# About 1,300 names: matched with a character trie compiled by the stdlib engine
# (linear, no per-name scan), in any case ("ci") or only as written ("cs").
_HOLIDAY_FILE = Path(__file__).resolve().parent / "data" / "holidays.tsv"
_SEP = {" ": r"[\s\-]+", "-": r"[\s\-]?", "'": "['’]?", "’": "['’]?", ".": r"\.?"}


_SPACES = _patterns.compile(r"\s+")
_NON_WORD = _patterns.compile(r"[\W_]+")  # compiled once: ~1,300 names go through these at import


def _char_trie(names: list[str]) -> str:
    """A character-level trie alternation: one branch per distinct next character."""
    trie: dict = {}
    for n in names:
        node = trie
        for ch in _SPACES.sub(" ", n.strip()):
            node = node.setdefault(ch, {})
        node[""] = None

    def emit(node: dict) -> str:
        end = "" in node
        keys = [k for k in node if k != ""]
        alts = [(_SEP.get(k) or re.escape(k)) + emit(node[k]) for k in sorted(keys)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


def _load_holidays() -> tuple[list[str], list[str]]:
    ci, cs = [], []
    try:
        lines = _HOLIDAY_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ci, cs
    for line in lines:
        if line and not line.startswith("#"):
            name, _, flag = line.partition("\t")
            (cs if flag.strip() == "cs" else ci).append(name)
    return ci, cs


_HOL_CI, _HOL_CS = _load_holidays()
# one scan of the lower-cased text for every name; a "cs" name must then be written
# with the capitals of the list ("Family Day", not "family day")
_HOL_CASED = {_NON_WORD.sub(" ", n.lower()).strip(): n for n in _HOL_CS}
for _n in _HOL_CI:
    _HOL_CASED.pop(_NON_WORD.sub(" ", _n.lower()).strip(), None)
_HOL_NAMES = sorted({n.lower() for n in _HOL_CI + _HOL_CS})
_HOL_RE = (  # the trie is built in Python: its text is kept between runs (_patterns.derived);
    # stdlib re, 60x faster than regex on this trie
    re.compile(
        rf"(?<![\w'’\-])(?:{_patterns.derived(repr(_SEP) + chr(10).join(_HOL_NAMES), lambda: _char_trie(_HOL_NAMES))})"
        r"(?![\w'’\-])"
    )
    if _HOL_NAMES else None
)
_HOL_YEAR = _patterns.compile(rf",?\s+(?:of\s+)?{YEAR}(?!\d)", regex.IGNORECASE)
_HOL_NOT_AFTER = _patterns.compile(HOLIDAY_NOT_AFTER, regex.IGNORECASE)


def _cased_ok(found: str, listed: str) -> bool:
    """Every capital of a case-sensitive name is written as a capital."""
    f = [w for w in regex.split(r"[\W_]+", found) if w]
    l = [w for w in regex.split(r"[\W_]+", listed) if w]
    if found.isupper():  # ALL-CAPS notes: only the distinctive ("ci") names
        return False
    return len(f) == len(l) and all(not b[:1].isupper() or a[:1].isupper() for a, b in zip(f, l))


class HolidayNameRecognizer(LocalRecognizer):
    """Named holidays and festivals from the data file, with an optional year."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["DATE_TIME"], name="HolidayNameRecognizer",
                         supported_language="en", context=[])

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        if (entities and "DATE_TIME" not in entities) or _HOL_RE is None:
            return []
        low = text.lower()
        if len(low) != len(text):  # a rare letter whose lower case is longer
            low = "".join(c.lower()[:1] or c for c in text)
        out = []
        for m in _HOL_RE.finditer(low):
            s, e = m.span()
            listed = _HOL_CASED.get(regex.sub(r"[\W_]+", " ", m.group()).strip())
            if listed is not None and not _cased_ok(text[s:e], listed):
                continue
            y = _HOL_YEAR.match(text, e)
            if y:
                e = y.end()
            if _HOL_NOT_AFTER.match(text, e) is None:
                continue
            out.append(make_result(self, "DATE_TIME", s, e, 0.7, "holiday_name", None))
        return out


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
GATES = {
    "iso_date": ("-", "/", "."),
    "numeric_date_with_year": ("/", "-"),
    "dotted_date": (".",),
    "month_year_numeric": ("/",),
    "short_numeric_date": ("/",),
    "month_short_year": ("/",),
    "cued_short_date": ("/", "-"),
    "short_date_range_end": ("/",),
    "cued_day_month": ("/",),
    "padded_day_month": ("/0",),
    "double_short_date": ("/",),
    "slash_dot_date": ("/",),
    "month_day": _MONTHS,
    "day_month": _MONTHS,
    "nth_day_of_month": (" day of ",),
    "period_year": re.compile(r"(?:Q[1-4]|[Tt]erm|[Ss]emester|[Tt]rimester|[Qq]uarter|[Hh]alf)\b"),
    "month_year": _MONTHS,
    "cued_month": _MONTHS,
    "cued_ordinal_day": re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE),
    "holiday": (
        "christmas", "xmas", "year", "easter", "friday", "thanksgiving", "boxing", "hallow",
        "valentine", "independence", "july", "memorial", "labo", "anzac", "australia day",
        "canada day", "remembrance", "veteran", "mother", "father", "patrick", "fawkes",
        "bonfire", "victoria day", "mlk", "luther", "president", "hanuk", "chanuk", "kippur",
        "hashanah", "passover", "diwali", "eid", "waitangi", "matariki", "birthday", "cup day",
        "final day", "civic", "hogmanay", "bank holiday",
    ),
    "cued_dotted_date": re.compile(r"\d\.\d{1,2}\.\d\d"),
    "cued_dotted_day_month": re.compile(r"\d\d\.[01]\d"),
    "day_range_padded_month": re.compile(r"\d[-–]\d{1,2}/0"),
    "season_year": ("spring", "summer", "autumn", "fall", "winter"),
}



# Day-first short dates ("on 17/02") are a British/Australian habit; in a note that
# writes ventilator settings or 24-hour clock times (US ICU style) the same shape is a
# pressure pair ("on 14/5") and the rule is off for the whole document.
DAY_FIRST_ONLY = {"cued_day_month", "padded_day_month", "cued_dotted_day_month", "day_range_padded_month"}
_ICU_NOTE = re.compile(
    rf"\b(?:{PRESSURE_WORDS}|fio2|vent|ventilator|extubated|intubated|abg)\b"
    r"|(?:\bat|@)\s*(?:[01]\d|2[0-3])[0-5]\d(?!\d)"
    r"|(?<![\d\-])(?:[01]\d|2[0-3])(?:00|30)\s*-\s*(?:[01]\d|2[0-3])(?:00|30)(?![\d\-])",
    re.IGNORECASE,
)


class DateRecognizer(GatedRegexRecognizer):
    def _active(self, text: str):
        icu = None
        for rx in super()._active(text):
            if rx.name in DAY_FIRST_ONLY:
                if icu is None:
                    icu = _ICU_NOTE.search(text) is not None
                if icu:
                    continue
            yield rx


def get_recognizers():
    return [
        DateRecognizer(
            "DATE_TIME",
            PATTERNS,
            gates=GATES,
            name="DateRecognizer",
            context=["date", "dated", "on", "since", "dob", "born", "admitted", "seen"],
        ),
        HolidayNameRecognizer(),
    ]
