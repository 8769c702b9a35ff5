"""Ages of people -> ``AGE``.

Every explicit age form is detected (the profile decides what to keep):

* ``34 yo``, ``34yo``, ``34 y/o``, ``34yoM``, ``34-year-old``, ``34 year old``,
  ``34 years of age``, ``6-month-old``, ``ninety-three years old``;
* ``aged 93``, ``age: 93``, ``Age 34``, ``(age 34)``, ``at the age of 12``,
  ``since age twelve``;
* sex-age shorthand ``93M``, ``93 F``, ``34/F`` (not catheter sizes "14F foley",
  not temperatures "T 98 F"); lower case ``82m s/p ...`` before a clinical verb;
* decades: ``in her 90s``, ``in his nineties``, ``in their late 80's``,
  ``in her mid-forties``;
* ``turned 91``, ``turning eighteen``;
* speech: ``i'm forty three so ...`` (not "i'm five minutes away");
* a name then the age: ``Julio (43) has ...``, ``Bakhshi, 72, attends ...``,
  ``the youngest, Lance, is 25``;
* a person then the age: ``she is 93.``, ``her mother was ninety-three when ...``
  (pronouns and person nouns only: "the temp is 101" is not an age).

Durations are not ages: "has smoked for 20 years" is not matched (an age needs
"old", "of age", "aged", "age", a sex letter, "turned", or "in her 90s").
"""
from __future__ import annotations

import re

from ._anchored import GatedRegexRecognizer
from ._base import Rx

_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_TENS = r"(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)"
NUM_WORD = (
    rf"(?:(?:(?:a|one)\s+hundred(?:\s+and)?[\s-]+)?(?:{_TENS}(?:[\s-]+{_UNITS})?|{_TEENS}|{_UNITS})"
    rf"|(?:a|one)\s+hundred)"
)
NUM = rf"(?:(?<![\d.,/])(?:1[0-2]\d|\d{{1,2}})(?!\d|[.,]\d)|{NUM_WORD})"
DECADE_WORD = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
OLD_UNIT = r"(?:years?|yrs?|yr\.?|y|months?|mos?|mths?|weeks?|wks?|days?)"

PATTERNS = [
    Rx(
        "n_year_old",
        rf"\b(?P<phi>{NUM}[\s-]*{OLD_UNIT}[\s-]*old)\b",
        0.95,
    ),
    Rx(
        "n_years_of_age",
        rf"\b(?P<phi>{NUM}\s*(?:years?|yrs?)\s+of\s+age)\b",
        0.95,
    ),
    Rx(
        "n_yo",
        rf"(?<![\w.,/])(?P<phi>(?:1[0-2]\d|\d{{1,2}})\s*(?:yo|y/o|y\.o\.?|yoa|yrs?\s*o|yr|y)(?:\s*[MF](?![a-z]))?)"
        r"(?=[mMfF]?(?:\b|[^\w]))(?![/.]\d)",
        0.9,
    ),
    Rx(
        "aged_n",
        rf"\b(?:aged?|ages|age\s+of|age\s+at\s+(?:onset|death|diagnosis)|at\s+the\s+age\s+of)"
        rf"\s*[:=]?\s*(?:~|about|approx\.?|approximately|around)?\s*"
        rf"(?P<phi>{NUM}(?:\s*(?:and|&|-|to)\s*{NUM})?)(?!\s*(?:%|percent|weeks?\s+gestation))",
        0.9,
    ),
    Rx(
        # 93M, 93 F, 34/F (sex letter, case-sensitive), not catheters or temperatures
        "age_sex",
        r"(?<!\b(?:t|tm|tmax|temp|temperature|febrile|fever|afebrile|to|of|size|sz|fr|"
        r"catheter|cath|foley|ngt|ogt|ett|picc)\s*:?\s*)"
        r"(?<![\w.,/#-])(?P<phi>(?:1[0-2]\d|\d{1,2})\s?/?\s?(?-i:M|F))(?![\w/'’]|\.\w)"
        r"(?!\s*(?:fr|french|catheter|cath|foley|ngt|ogt|ng|og|tube|sheath|trach|ett|picc|"
        r"cordis|introducer|chest|drain|coude|dobhoff|pigtail|suction|degrees|°)\b)",
        0.6,
    ),
    Rx(
        "decade",
        rf"\bin\s+(?:his|her|their|my|your|our)\s+(?P<phi>(?:(?:early|mid|late|middle)[\s-]*)?"
        rf"(?:(?:1\d|[1-9])0[’']?s|{DECADE_WORD}|teens|late\s+teens))\b",
        0.85,
    ),
    Rx(
        "turned_n",
        rf"\b(?:turned|turns|turning|will\s+be|just\s+turned)\s+(?P<phi>{NUM})\b"
        r"(?!\s*(?:degrees|°|%|times|pages?|minutes?|mins?|hours?|days?|weeks?|months?|"
        r"mg|units?|pounds?|lbs?|kg|o'?clock|am|pm|in\s+the)\b)",
        0.75,
    ),
    Rx(
        # speech: "i'm forty three so ...", "i'm 16 and ..." (not "i'm five minutes away")
        "im_n",
        rf"\b(?:i'?m|i\s+am)\s+(?:(?:like|um|uh|only|just|almost|nearly)\s+)?"
        rf"(?P<phi>{NUM})(?![\w'’]|[.,:]\d|\s*(?:%|/))"
        r"(?!\s+(?:and\s+a\s+half|percent|times|of|minutes?|mins?|hours?|hrs?|days?|"
        r"weeks?|months?|pounds?|lbs?|kg|kilos?|miles?|km|blocks?|o'?clock|am|pm|a\.m|p\.m|hundred|thousand|"
        r"dollars?|bucks|cents?|grand|cups?|drinks?|beers?|pills?|tablets?|mg|out|in|on|at|for|with|from|"
        r"point|steps?|sessions?|floors?|feet|foot|ft|inches|people|kids|children|sober|clean|"
        r"episodes?|shots?|glasses|bottles?|cans?|packs?|cigarettes?|units?|to|or|ish)\b)",
        0.6,
    ),
    Rx(
        # "Julio (43) has been ...": a capitalised name, then the age in brackets
        "name_paren_n",
        rf"(?<=(?-i:\p{{Lu}}[\w'’-]+))\s\((?P<phi>{NUM})\)"
        r"(?=\s+(?:has|have|had|who|reported|reports|attends|lives|presents|presented|"
        r"says|said|described|disclosed|shared|attended|arrived|came|died|passed|"
        r"returned|lived)\b|,\s+(?-i:[a-z]))",
        0.6,
    ),
    Rx(
        # "Bakhshi, 72, attends ...", "Reginald Skinner, 45, is ..."
        "name_comma_n",
        r"(?<=(?-i:\p{Lu}[\w'’-]+)),\s(?P<phi>(?:1[0-2]\d|\d{1,2})),\s+"
        r"(?=(?:attends|is|was|has|had|lives|works|presents|presented|reports|reported|studies|"
        r"who|goes|went|started|moved|shares|describes|denies|endorses|seen|admitted|arrived|"
        r"came|referred|returned|died|attended)\b)",
        0.6,
    ),
    Rx(
        # "the youngest, Lance, is 25." / "the eldest is twelve"
        "youngest_is_n",
        rf"\b(?:youngest|oldest|eldest|middle\s+(?:one|child))\b[^.\n;]{{0,40}}?\b(?:is|was|aged|turned)\s+"
        rf"(?P<phi>{NUM})(?![\w'’]|[.,]\d)(?!\s*(?:%|percent|minutes?|hours?|days?|weeks?|months?|years?\s+(?:ago|since)))",
        0.7,
    ),
    Rx(
        # "she is 93.", "her mother was ninety-three when ...", "the client is 17 and ..."
        "person_is_n",
        rf"\b(?:she|he|they|client|patient|pt|son|daughter|mother|father|mum|mom|dad|wife|husband|"
        rf"partner|brother|sister|grandmother|grandfather|grandma|grandpa|nan|child|boy|girl|man|woman)"
        rf"\s+(?:is|was|'s|is\s+now|was\s+only|turned|turns)\s+(?P<phi>{NUM})"
        rf"(?=\s*(?:[.,;!?)]|$)|\s+(?:and|but|now|today|this|last|next|when|so|with|yet)\b)",
        0.6,
    ),
    Rx(
        # ICU lower case "82m s/p mvc", "67 f w/ copd"
        "age_sex_lower",
        r"(?<![\w.,/#-])(?P<phi>(?:1[0-2]\d|\d{1,2})\s?(?:m|f))"
        r"(?=\s+(?:s/p|w/|with|who|presents?|presenting|c/o|admitted|h/o|pmh|hx|patient|pt|transferred|"
        r"brought|bibems|biba|found)(?!\w))",
        0.6,
    ),
]


GATES = {
    "n_year_old": ("old",),
    "n_years_of_age": ("of age",),
    "n_yo": re.compile(r"\d\s*(?:y|/)", re.IGNORECASE),
    "aged_n": ("age",),
    "age_sex": re.compile(r"\d\s?/?\s?[MF]\b"),
    "decade": ("in his", "in her", "in their", "in my", "in your", "in our", "in the", "in its"),
    "turned_n": ("turn", "will be"),
    "im_n": ("i'm", "im ", "i am"),
    "name_paren_n": re.compile(r"\w \((?:\d{1,3}|[a-z]+(?:[ -][a-z]+)?)\)"),
    "name_comma_n": re.compile(r"\w, \d{1,3}, "),
    "youngest_is_n": ("youngest", "oldest", "eldest", "middle"),
    "age_sex_lower": re.compile(r"\d\s?[mfMF]\s"),
    "person_is_n": (" is ", " was ", "'s ", " turn"),
}


def get_recognizers():
    return [
        GatedRegexRecognizer(
            "AGE",
            PATTERNS,
            gates=GATES,
            name="AgeRecognizer",
            context=["age", "aged", "old", "yo", "year", "years"],
        )
    ]
