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
* ordinals in date context: "on the 4th", "since the 21st", "Monday the 3rd";
* holidays: "Christmas Eve 2024", "Christmas Day", "Easter Sunday 2023",
  "New Year's Eve", "Thanksgiving 2022", "4th of July", ...;
* season + year: "spring 2024", "winter of 2019".

Speed: patterns with a context lookbehind start with a lookahead of their digit
shape, and each pattern has a cheap substring gate (see ``GATES``).

Not flagged: times ("3pm", "14:00", "1400"), durations ("for two weeks", "x3 days",
"q4h") and bare years ("in 2019").
"""
from __future__ import annotations

import re

import regex

from ._anchored import GatedRegexRecognizer
from ._base import Rx

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
    r"sem|murmur|hsm|range|pillows?|liters?|litres?)\b)"
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
    rf"discharged?|d/c|next|last|appt|appointment|review|{WEEKDAY})"
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
    r"eid(?:\s+al-?(?:fitr|adha))?|lunar\s+new\s+year|chinese\s+new\s+year)"
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
        # the second date of a range or alternative: "8/2 - 8/10", "8/9 or 8/10"
        # (/5 and /10 alone are scores; after a first date they are dates)
        "short_date_range_end",
        rf"(?=\d{{1,2}}/\d)(?<![\w./:-])(?P<phi>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))"
        rf"(?<=(?<![\w./:])(?:0?[1-9]|1[0-2])/(?!(?:0?5|10)\b)(?:0?[1-9]|[12]\d|3[01])[ \t]*(?:-|–|to|or|and|through|thru|&)[ \t]*"
        rf"\d{{1,2}}/\d{{1,2}})"
        rf"(?![\w/]|[.:,-]\d){UNIT_AFTER}{VENT_AFTER}"
        rf"(?<!(?i:{VENT_WORDS})\b[^\n]{{0,40}})",
        0.7,
    ),
    Rx(
        # March 14 / Mar 14th, 2024 / MARCH 14 / Monday, March 4 / March 3-5
        "month_day",
        rf"\b{MONTH}\s*{DAY_ORD}(?!\d)"
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
        "month_year",
        rf"\b{MONTH}(?:\s+of)?,?\s*{YEAR}(?!\d)",
        0.85,
    ),
    Rx(
        # a bare month after a time preposition: "in March", "since early June"
        "cued_month",
        rf"\b(?P<phi>{MONTH_FULL}|(?:sept?|jan|feb|apr|aug|oct|nov|dec)\.?)(?!\w)"
        rf"(?<=\b(?:in|since|during|until|till|by|before|after|through|from|of|last|next|this|"
        rf"early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+"
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
        rf"\s+(?:the\s+)?|(?:it[’']?s|it\s+is|today\s+is|today[’']?s)\s+the\s+)\d{{1,2}}{ORD})"
        r"(?!\s+(?:floor|grade|time|times|attempt|day|week|month|year|cycle|dose|line|"
        r"trial|session|visit|percentile|degree|generation|round|try|place|period|"
        r"st|street|ave|avenue|rd|road|of\s+(?:the|them|those|these)|one|session|step|unit|units|"
        r"bag|bags|toe|toes|finger|fingers|rib|ribs|degree|liter|litre|l|dose|bolus|set|"
        r"cpap|trial|amp|pack)\b)",
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
    "double_short_date": ("/",),
    "slash_dot_date": ("/",),
    "month_day": _MONTHS,
    "day_month": _MONTHS,
    "month_year": _MONTHS,
    "cued_month": _MONTHS,
    "cued_ordinal_day": re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE),
    "holiday": (
        "christmas", "xmas", "year", "easter", "friday", "thanksgiving", "boxing", "hallow",
        "valentine", "independence", "july", "memorial", "labo", "anzac", "australia day",
        "canada day", "remembrance", "veteran", "mother", "father", "patrick", "fawkes",
        "bonfire", "victoria day", "mlk", "luther", "president", "hanuk", "chanuk", "kippur",
        "hashanah", "passover", "diwali", "eid",
    ),
    "season_year": ("spring", "summer", "autumn", "fall", "winter"),
}


def get_recognizers():
    return [
        GatedRegexRecognizer(
            "DATE_TIME",
            PATTERNS,
            gates=GATES,
            name="DateRecognizer",
            context=["date", "dated", "on", "since", "dob", "born", "admitted", "seen"],
        )
    ]
