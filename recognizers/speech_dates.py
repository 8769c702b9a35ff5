"""Spoken dates in ASR transcripts (lower case, numbers as words) -> ``DATE_TIME``.

* month + ordinal or cardinal day: "march third", "march the twenty first",
  "march three", "may first";
* optionally with a spoken year: "march third twenty twenty four",
  "june fifth two thousand and nine", "march nineteen eighty seven",
  "born in march of eighty seven", "march of oh four";
* day first: "the third of march", "twenty first of june";
* ordinal day after a date cue: "on the twenty first", "since the third"
  (not "on the third floor", "the third time");
* an ordinal that can only be a day (tenth to thirty-first) after "the", without a
  cue: "yeah the twenty third right before christmas" (not "the twenty first century",
  "the fifteenth floor").

* a spoken year after a time cue: "born in nineteen ninety eight", "back in two
  thousand and nine", "since twenty nineteen", "class of oh six", "born in ninety
  eight" (a two-word year after "born in", "back in", "class of", "the summer of").

A spoken number with no cue ("nineteen eighty seven" as a count) is not a date, nor
one before a unit ("in twenty twenty minutes", "since two thousand and five bucks").
"""
from __future__ import annotations

import re

from ._anchored import GatedRegexRecognizer
from ._base import Rx

MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_U = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_UORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TEENORD = (
    r"(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth)"
)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
DAY_ORD_W = rf"(?:twenty[\s-]+{_UORD}|thirty[\s-]+first|twentieth|thirtieth|{_TEENORD}|{_UORD})"
DAY_CARD_W = rf"(?:twenty[\s-]+{_U}|thirty[\s-]+one|twenty|thirty|{_TEEN}|{_U})"
TWO_DIGIT = rf"(?:{_TENS}(?:[\s-]+{_U})?|{_TEEN}|(?:oh|o|zero)[\s-]+{_U})"
YEAR_W = (
    rf"(?:(?:nineteen|twenty)[\s-]+(?:hundred|{TWO_DIGIT})|two\s+thousand(?:\s+and)?"
    rf"(?:[\s-]+(?:{TWO_DIGIT}|{_U}))?)"
)
YEAR_ANY = rf"(?:{YEAR_W}|(?:1[89]|20)\d\d)"
NOT_AFTER_ORD = (
    r"(?!\s+(?:floor|grade|time|times|attempt|day|week|month|year|cycle|dose|line|trial|"
    r"session|visit|percentile|degree|generation|round|try|place|period|one|person|"
    r"child|kid|son|daughter|baby|wife|husband|marriage|job|question|step|page|thing|"
    r"of\s+(?:the|them|those|these|us|my|his|her)|opinion|half|quarter|option|century|"
    r"hour|anniversary|birthday|psalm|amendment|street|avenue|ward|bed|room|bus|"
    r"floor|level|stage|percentile|to|in\s+line|birthday)\b)"
)
# an ordinal that can only be a day of the month (11th-31st), spoken with "the":
# "yeah the twenty third right before christmas", "by the fifteenth"
DAY_ORD_HIGH = rf"(?:twenty[\s-]+{_UORD}|thirty[\s-]+first|twentieth|thirtieth|{_TEENORD})"

# a year in words that cannot be a plain count: "nineteen ninety eight", "twenty
# nineteen", "twenty twenty four", "nineteen oh five", "two thousand and nine"
_YEAR_FULL_W = (
    rf"(?:(?:nineteen|twenty)[\s-]+(?:{_TENS}(?:[\s-]+{_U})?|{_TEEN}|(?:oh|o)[\s-]+{_U})"
    rf"|two\s+thousand(?:\s+and)?[\s-]+(?:{_TEEN}|{_U}|twenty(?:[\s-]+{_U})?))"
)
# a two-word year with its century left out: "ninety eight", "oh six"
_YEAR_SHORT_W = rf"(?:(?:{_TENS})[\s-]+{_U}|(?:oh|o)[\s-]+{_U})"
_YEAR_CUE = (
    r"(?:in|since|from|until|till|by|around|circa|before|after|during|of|year|born|"
    r"back\s+in|way\s+back|early|late|mid)"
)
_YEAR_STRONG_CUE = (
    r"(?:born\s+in|back\s+in|class\s+of|(?:summer|winter|spring|fall|autumn)\s+of|"
    r"year\s+of|since)"
)
_NOT_UNIT_AFTER = (
    r"(?![\s-]+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|dollars?|"
    r"bucks|cents?|grand|k|percent|per|times|people|kids|pills|tablets|mg|mls?|kilos?|"
    r"kgs?|pounds?|lbs?|k[mg]s?|miles?|metres?|meters?|feet|foot|drinks?|beers?|cans?|"
    r"cigarettes?|smokes?|sessions?|of\s+(?:them|us|those|these)|to\s+one|out\s+of|"
    r"and\s+(?:a\s+)?half|something|odd|ish|hundred|thousand|year[\s-]+old)\b)"
)

PATTERNS = [
    Rx(
        "cued_year_spoken",
        rf"\b(?:{_YEAR_CUE}|{_YEAR_STRONG_CUE})\s+(?:the\s+year\s+)?"
        rf"(?P<phi>(?>{_YEAR_FULL_W}))\b{_NOT_UNIT_AFTER}",
        0.7,
    ),
    Rx(
        "strong_cue_short_year_spoken",
        rf"\b{_YEAR_STRONG_CUE}\s+(?P<phi>(?>{_YEAR_SHORT_W}))\b{_NOT_UNIT_AFTER}",
        0.6,
    ),
    Rx(
        "month_day_spoken",
        rf"\b{MONTH}\s+(?:the\s+)?(?:{DAY_ORD_W}|{DAY_CARD_W})\b"
        rf"(?:,?\s+(?:of\s+)?{YEAR_ANY}\b)?",
        0.8,
    ),
    Rx(
        "day_of_month_spoken",
        rf"\b(?:the\s+)?{DAY_ORD_W}\s+(?:of\s+)?{MONTH}\b(?:,?\s+(?:of\s+)?{YEAR_ANY}\b)?",
        0.85,
    ),
    Rx(
        "month_year_spoken",
        rf"\b{MONTH}\s+(?:of\s+)?(?:{YEAR_W}|(?:of\s+)?(?:'|’)?{TWO_DIGIT})\b",
        0.75,
    ),
    Rx(
        "cued_ordinal_spoken",
        rf"\b(?:on|since|by|until|till|from|before|after|starting|monday|tuesday|wednesday|"
        rf"thursday|friday|saturday|sunday)\s+the\s+(?P<phi>{DAY_ORD_W})\b{NOT_AFTER_ORD}",
        0.65,
    ),
    Rx(
        "the_high_ordinal_spoken",
        rf"\bthe\s+(?P<phi>{DAY_ORD_HIGH})\b{NOT_AFTER_ORD}"
        # "the twenty first of ..." is day_of_month_spoken; "the twenty first century"
        r"(?!\s+of\b)",
        0.6,
    ),
]



_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
GATES = {
    "cued_year_spoken": re.compile(r"\b(?:nineteen|twenty|two\s+thousand)\b", re.IGNORECASE),
    "strong_cue_short_year_spoken": re.compile(
        r"\b(?:born|back|class|summer|winter|spring|fall|autumn|year|since)\s+(?:in|of|\w)",
        re.IGNORECASE,
    ),
    "month_day_spoken": _MONTHS,
    "day_of_month_spoken": _MONTHS,
    "month_year_spoken": _MONTHS,
    "the_high_ordinal_spoken": re.compile(
        r"\bthe\s+(?:twenty|thirty|\w+teenth|tenth|eleventh|twelfth)", re.IGNORECASE
    ),
    "cued_ordinal_spoken": re.compile(
        r"\bthe\s+(?:twenty|thirty|first|second|third|\w+th)\b", re.IGNORECASE
    ),
}


def get_recognizers():
    return [
        GatedRegexRecognizer(
            "DATE_TIME",
            PATTERNS,
            gates=GATES,
            name="SpokenDateRecognizer",
            context=["date", "born", "birthday", "on", "since"],
        )
    ]
