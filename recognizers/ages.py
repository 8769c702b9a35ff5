"""Ages of people -> ``AGE``.

Every explicit age form is detected (the profile decides what to keep):

* ``34 yo``, ``34yo``, ``34 y/o``, ``34yoM``, ``34-year-old``, ``34 year old``,
  ``34 years of age``, ``6-month-old``, ``ninety-three years old``, ``8 and 11 years
  old``, ``6/12 old`` (months as a fraction, UK/AU/NZ);
* ``aged 93``, ``age: 93``, ``Age 34``, ``(age 34)``, ``at the age of 12``,
  ``since age twelve``, ``aged 3, 5 and 8``, ``Age/Sex: 45/F``, ``his age is 45``;
* sex-age shorthand ``93M``, ``93 F``, ``34/F``, ``F/45`` (not catheter sizes "14F
  foley", not temperatures "T 98 F"); lower case ``82m s/p ...`` before a clinical verb;
* decades: ``in her 90s``, ``in his nineties``, ``in their late 80's``,
  ``in her mid-forties``, ``a mid-30s woman``, ``a late-forties father`` (not
  "SBP mid 90s");
* ``turned 91``, ``turning eighteen``, ``she'll be 40``; ``her 40th birthday``;
* speech: ``i'm forty three so ...`` (not "i'm five minutes away");
* a *person* then the age (the person is checked in Python, see below):

  - in brackets: ``Dana (41) and Lee (39)``, ``Pat ("Paddy", 61):``,
    ``her son (7)``, ``Ana (19, studying ...)``, ``Kai (7 weeks)``, ``Jo (F, 45)``,
    ``their children (8 and 11)``;
  - in commas: ``Ella, 7, attends``, ``J.K., 20, ...``, ``Kai, 5 months,``,
    ``Nell, now 3, ...``, ``Rosa Diaz ("Ro"), 29``;
  - after a copula: ``Liam is 14.``, ``tyler is nine``, ``she's ten and ...``,
    ``you're thirty seven``, ``I was sixteen when ...``, ``who is 91,``,
    ``the twins are 4``;

  where the person is (:func:`_person_before`) a pronoun (copula only), a person noun
  (son, client, grandmother, youngest; plural nouns only before a copula or a list of
  ages: "siblings (3)" is a count), initials, a name of the name lexicon that is not
  much of an ordinary or clinical word (Title case; lower case only when it is no
  English word at all: "tyler", not "will"), or a capitalised non-word after a title,
  a first name, a person noun or another capitalised non-word ("her son Kasimir, 3").
  When the age is followed by what only people do ("..., who", "... attends") any
  non-word will do.  "HR is 110", "Tmax (101)", "Braden is 14", "Sertraline (50)",
  "Dr Lee (3)", "session 5" and "there were five" have no person before them;
* the age in brackets after a date of birth: ``DOB: 03/02/1979 (46)``;
* an age of 13 or more opening a clause: ``by 14 he was drinking``, ``since 13 she
  has used``, ``at nineteen, he enlisted`` (below 13 "at 5 he left" is a clock time);
* sex, comma, age: ``F, 29, unemployed``, ``male, 41;``;
* ``a teenager of 15``, ``a woman of 58`` (not "a mother of three": a count);
* a list after a plural person noun: ``her sons, 12 and 15,``, ``the grandchildren, 3,
  6 and 9,`` (after one name, "Amy, 25, 26 and 27" are no ages).

After a copula the age must end the phrase (punctuation, a conjunction, "now",
"when", a speaker label): "she's one of", "he was 5 minutes late", "I was 2 days
sober", "she is 100%", "pt was 5 and 6 on the scale" are not ages; "one" is never
an age there ("I was one, too").

Durations are not ages: "has smoked for 20 years" is not matched (an age needs
"old", "of age", "aged", "age", a sex letter, "turned", or "in her 90s").
"""
from __future__ import annotations

import re

import regex

from . import _patterns
from . import name_lexicon as lex
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
ORD_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\w{3,5}teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|(?:a\s+|one\s+)?hundredth)"
)
DECADE_WORD = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
OLD_UNIT = r"(?:years?|yrs?|yr\.?|y|months?|mos?|mths?|weeks?|wks?|days?)"
# several ages: "3, 5 and 8", "8 or 9", "30-40"
NUM_LIST = rf"{NUM}(?:(?:\s*,\s*{NUM}){{0,3}}\s*,?\s*(?:and|&|or|to|-)\s*{NUM})?"
# months or weeks written as a fraction (UK, AU, NZ): "6/12 old" (six months), "aged 3/52"
FRAC = r"(?<![\d/.])\d{1,2}/(?:12|52)(?![\d/])"
# ages in the person patterns: 1-129 (no leading zero) or words; an infant's age in units
PNUM = rf"(?:(?<![\d.,/])(?:1[0-2]\d|[1-9]\d?)(?!\d|[.,]\d)|{NUM_WORD})"
PNUM_LIST = rf"{PNUM}(?:\s*(?:,|and|&)\s*{PNUM}){{0,3}}"
# spoken hedges between a verb and an age: "i was like fifteen", "she's only four",
# "i was maybe sixteen" (at most two: "um like")
FILLERS = (r"(?:(?:now|only|just|almost|nearly|already|still|like|um|uh|er|maybe|probably|about|around|over|under|both|"
           r"coming[ \t]+up(?:[ \t]+on)?|pushing|going[ \t]+on|rising|gone)[ \t]+){0,2}")
# 13 and over, in digits or words (an age that no clock shows)
ADULT_NUM = (rf"(?:(?<![\d.,/:])(?:1[3-9]|[2-9]\d|1[0-2]\d)(?!\d|[.,]\d)"
             rf"|(?:thir|four|fif|six|seven|eigh|nine)teen|{_TENS}(?:[\s-]+{_UNITS})?)")
INFANT_UNIT = r"(?:(?:weeks?|wks?|months?|mos?|mths?|days?)(?:[\s\-–]*old)?|(?:years?|yrs?)[\s\-–]*old)"
# not glued to more of a number, a ratio, a percentage, a time or a range
NUM_END = r"(?![\w'’]|[.,:/]\d|\s*(?:%|/|:\d|\+|-\s*\d|x\b))"
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*")
# a unit after a number that makes it no age: "12 weeks pregnant", "at 15 minutes"
NOT_AGE_UNIT = (r"[ \t]*(?:weeks?|months?|days?|hours?|hrs?|minutes?|mins?|times?|percent|kg|lbs?|mg|"
                r"am|pm|o['’]?clock|pounds|stone|points?)\b")
# verbs of a life event that an age follows ("diagnosed with ADHD at 7"): first use,
# care and custody, abuse, loss, schooling, service, pregnancy and marriage
LIFE_EVENT = (
    r"died|deceased|passed(?:\s+away|\s+on)?|killed|murdered|took\s+(?:his|her|their|my)\s+own\s+life|suicided|"
    r"had\s+(?:her|him|me|them|us)|gave\s+birth|married|fell\s+pregnant|got\s+pregnant|"
    r"left\s+(?:home|school)|dropped\s+out|ran\s+away|moved\s+out|migrated|emigrated|immigrated|"
    r"retired|enlisted|joined\s+the\s+(?:army|navy|air\s+force|military|forces|marines)|"
    r"diagnosed|adopted|fostered|placed\s+in|came\s+into\s+care|taken\s+into\s+care|removed|"
    r"abused|assaulted|raped|molested|groomed|bullied|expelled|arrested|charged|convicted|"
    r"incarcerated|jailed|locked\s+up|came\s+out|transitioned|hospitali[sz]ed|"
    r"(?:first|started|began|begun|starting|beginning)\s+(?:to\s+)?"
    r"(?:us(?:e|ed|ing)|drink(?:ing)?|drank|smok(?:e|ed|ing)|vap(?:e|ed|ing)|inject(?:ed|ing)?|"
    r"tried|self[\s-]*harm(?:ed|ing)?|cutting|cut|gambl(?:e|ed|ing)|drinking)"
)
# verbs that may also take a clock time: with them only an age of 13 and over
LIFE_EVENT_WEAK = (
    r"left|moved|started|began|stopped|quit|admitted|admission|arrived|came\s+(?:to|out)|"
    r"graduated|finished\s+school|sentenced|released|pregnant|homeless|"
    r"first\s+(?:admission|hospitali[sz]ation|episode|attempt|overdose|arrest|pregnancy|child|baby)\s+was"
)
# what after "at N" makes N a clock time or a reading, not an age
NOT_AGE_AFTER_AT = (
    r"[ \t]*(?:this|tonight|today|tomorrow|in\s+the|hrs?|h|noon|midday|midnight|a\.?m\b|p\.?m\b|"
    r"sharp|on\s+the\s+dot|for\s+(?:the|her|his|a|an)\s+(?:appointment|session|meeting|review))\b"
)
# what may follow an age after a copula: the end of the phrase, a conjunction, a speaker label
COPULA_END = (
    r"\s*(?:[.,;!?)\]\u2013\u2014]|$)"
    rf"|[ \t]+(?:and\b|&)(?![ \t]+(?:\d|{NUM_WORD}\b))"  # not a range or a score ("5 and 6", "5 & 6")
    r"|[ \t]+(?:but|now|when|then|so|yet|or|too|right|though|although|already|soon|today|"
    r"tonight|this|next|last|because|cause|since|until|going\s+on|at\s+(?:the|that)\s+time|"
    rf"in\s+{_MONTH}|you\s+know|i\s+think|herself|himself|myself|yourself|"
    # a run-on sentence of speech: "my sister's nineteen she's at uni"
    r"(?:she|he|they|we|i)(?:['’](?:s|re|m|d|ll|ve))?(?=\s)|(?:she|he|they|we)\s+(?:is|was|are|were|has|had|goes|lives|works))\b"
    r"|[ \t]+\p{L}[\w-]*(?:[ \t]\d{1,2})?:(?!\d)"
)

# one person before a colon ("Mother: 38yrs")
_PERSON_LABEL = ("kid|child|son|daughter|baby|infant|mother|father|mum|mom|dad|stepmother|stepfather|stepmum|stepmom|"
                 "stepdad|partner|husband|wife|spouse|sibling|brother|sister|grandmother|grandfather|grandma|grandpa|"
                 "nan|nana|client|patient|pt|youngest|eldest|oldest")
# plurals of people before a colon and their ages ("Kids: 4, 7 and 9")
_LISTED_PEOPLE = "kids|children|sons|daughters|twins|boys|girls|grandchildren|grandkids|siblings|stepchildren"
# whose age a question asks: a person, not "the house" or "the car"
_AGE_WHO = (r"(?:she|he|you|they|i|we|(?:your|his|her|their|my|our|the)[ \t]+(?:\w+['’]s[ \t]+)?"
            r"(?:son|sons|daughter|daughters|kid|kids|child|children|boy|boys|girl|girls|baby|bub|brother|"
            r"sister|partner|husband|wife|mum|mom|mother|dad|father|nan|nana|grandma|grandmother|grandad|"
            r"grandfather|grandpa|stepson|stepdaughter|niece|nephew|cousin|twins|youngest|eldest|oldest|"
            r"friend|boyfriend|girlfriend)|(?-i:\p{Lu}\p{Ll}+))")

PATTERNS = [
    Rx(
        "n_year_old",
        # a half or a decimal too: "1.5 years old", "a 2.5-year-old"
        rf"\b(?P<phi>(?:(?:(?<![\d.,])\d{{1,2}}\.\d(?!\d)|{NUM_LIST})[\s\-–]*{OLD_UNIT}|{FRAC})[\s\-–]*old)\b",
        0.95,
    ),
    Rx(
        # a birth some time ago is an age: "I was born 60 years ago", "born about 3 months ago"
        "born_n_ago",
        rf"\bborn[ \t]+(?:(?:about|around|some|nearly|almost|over|just)[ \t]+)?"
        rf"(?P<phi>{NUM}[ \t]*(?:years?|yrs?|months?|weeks?|days?))[ \t]+ago\b",
        0.85,
    ),
    Rx(
        "n_years_of_age",
        rf"\b(?P<phi>{NUM}\s*(?:years?|yrs?)\s+of\s+age)\b",
        0.95,
    ),
    Rx(
        "n_yo",
        rf"(?<![\w.,/])(?P<phi>(?:1[0-2]\d|\d{{1,2}})(?:\s*|-)(?:yo|y/o|y\.o\.?|y-o|yoa|yrs?\s*o|yr|y)(?:\s*[MF](?![a-z]))?)"
        r"(?=[mMfF]?(?:\b|[^\w]))(?![/.]\d)",
        0.9,
    ),
    Rx(
        "aged_n",
        rf"\b(?:aged?|ages|age\s+of|age\s+at\s+(?:onset|death|diagnosis)|at\s+the\s+age\s+of|"
        # a labelled field about an age: "Age at first use: 13", "Age when first drank - 14"
        rf"(?-i:Age|age|AGE)(?:[ \t]+(?:at|of|when|first|on|in)\b)(?![ \t]+(?:the|this|that|its|a|an)\b)(?:[ \t]+[\w'’/-]+){{0,4}}?[ \t]*(?=[:=\-–])|"
        rf"age\s*/\s*(?:sex|gender)|ages?\s+(?:is|was|are|were))"
        rf"\s*[:=\-–]?\s*(?:~|about|approx\.?|approximately|around)?\s*"
        rf"(?P<phi>{FRAC}|{NUM_LIST})(?!\s*(?:%|percent|weeks?\s+gestation))",
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
        # sex first: "F/45", "M / 62"
        "sex_age",
        rf"(?<![\w/.])(?-i:[MF])\s?/\s?(?P<phi>(?:1[0-2]\d|[1-9]\d?))(?![\w/.:])",
        0.6,
    ),
    Rx(
        "decade",
        rf"\bin\s+(?:his|her|their|my|your|our)\s+(?P<phi>(?:(?:early|mid|late|middle)[\s-]*)?"
        rf"(?:(?:1\d|[1-9])0[’']?s|{DECADE_WORD}|teens|late\s+teens))\b",
        0.85,
    ),
    Rx(
        # "a mid-30s woman", "a late-forties father" (not "SBP mid 90s")
        "decade_person",
        rf"\b(?P<phi>(?:[Ee]arly|[Mm]id|[Ll]ate|EARLY|MID|LATE)[\s-]*(?i:(?:1\d|[1-9])0[’']?s|{DECADE_WORD}))"
        r"(?=[\s-]+(?i:(?:year[\s-]*old\s+)?(?:man|woman|male|female|lady|gentleman|mother|father|mum|"
        r"mom|dad|wife|husband|client|patient|person|guy|bloke)\b))",
        0.85,
        regex.MULTILINE,  # case-sensitive start: much faster to scan
    ),
    Rx(
        # a decade with early/mid/late, on its own: "Mother (late 50s)", "partner is
        # mid twenties", "Client, early 30s,"; not an era ("the late 60s", "the early
        # 1990s") nor a vital sign ("sats mid 90s", "RR now mid 20's", "(mid 30's on
        # admission)": digits only as a whole item in brackets or between commas)
        "decade_bare",
        rf"(?<!\bthe[ \t]|\bthe[ \t]+very[ \t])(?<![\w'’-])"
        rf"(?P<phi>(?:early|mid|late|middle)[\s-]*{DECADE_WORD}"
        rf"|(?<=\([ \t]*)(?:early|mid|late)[\s-]*(?:[2-9]0|1\d0)[’']?s(?=[ \t]*\))"
        rf"|(?<=,[ \t]+)(?:early|mid|late)[\s-]*(?:[2-9]0|1\d0)[’']?s(?=[ \t]*(?:[,;]|\.(?:\s|$))))\b"
        r"(?![ \t]*(?:century|centuries))",
        0.8,
    ),
    Rx(
        # "forty-something", "30-something", "a thirtysomething mum" (not "20-something dollars")
        "n_something",
        rf"(?<![\w'’-])(?P<phi>(?:{_TENS}|[2-9]0)[ \t-]?something)\b(?![ \t]*(?:dollars?|bucks|quid|pounds?|"
        r"grand|k\b|per\s*cent|percent|%|times|minutes?|mins?|hours?|days?|weeks?|months?|kg|kilos?))",
        0.8,
    ),
    Rx(
        "turned_n",
        rf"(?:\b(?:turned|turns|turning|will\s+be|just\s+turned)|(?<=\b(?:i|you|he|she|they))['’]ll\s+be"
        # "he's gonna be ten", "i'm going to be forty" (a person, not "it's gonna be 10 dollars")
        rf"|(?<=\b(?:i['’]?m|you['’]?re|he['’]?s|she['’]?s|they['’]?re|we['’]?re|who['’]?s)[ \t]+)(?:gonna|going\s+to)\s+be)"
        rf"\s+(?P<phi>{NUM})\b(?![:/]\d)"
        r"(?!\s*(?:degrees|°|%|times|pages?|minutes?|mins?|hours?|days?|weeks?|months?|dollars?|bucks|quid|cents?|"
        r"mg|units?|pounds?|lbs?|kg|o'?clock|am|pm|in\s+(?:the\s+)?(?:bed|chair))\b)",
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
        # "her 40th birthday", "his eighteenth birthday"
        "nth_birthday",
        rf"\b(?P<phi>(?:1[0-2]\d|\d{{1,2}})(?:st|nd|rd|th)|(?:{_TENS}[\s-]+)?{ORD_WORD})\s+birthday",
        0.85,
    ),
    Rx(
        # several ages listed after a plural of people and a colon: "Kids: 4, 7 and 9",
        # "Grandchildren (ages): 2, 5, 11" (one number there is a count: "Kids: 3")
        "people_colon_list",
        rf"\b(?i:{_LISTED_PEOPLE})"
        rf"[ \t]*(?::|\((?i:ages?)\)[ \t]*:?)[ \t]*(?P<phi>{PNUM}(?:[ \t]*(?:,|and|&)[ \t]*{PNUM}){{1,5}})"
        r"(?=[ \t]*(?:[.;)\n]|$|[ \t]+(?:years?|yrs?|y/?o)\b))",
        0.6,
        regex.MULTILINE,
    ),
    Rx(
        # one person's age with its unit after a label: "Kid: 14yrs. Mother: 38yrs.",
        # "Partner: 41 y/o" (the unit makes it an age: "Client: 14" may be a count)
        "person_colon_unit",
        rf"\b(?i:{_PERSON_LABEL})[ \t]*:[ \t]*(?P<phi>{PNUM}[ \t]*(?i:years?|yrs?|y\.?o\.?|y/o)(?:[ \t]+old)?)"
        r"(?![\w'’/])(?![ \t]+(?i:sober|clean|abstinent|ago|in|of|post|since|off|on|without|free|smoke))",
        0.6,
    ),
    Rx(
        # the birthday left unsaid: "celebrated her 40th", "for his twenty-first", "turns her 18th"
        "nth_celebrated",
        rf"\b(?:celebrat(?:e|es|ed|ing)|turn(?:s|ed|ing)?|had|have|has|for|at|planning)[ \t]+"
        # whose: a possessive, a family word's or a name's ("Nan's 80th", "Jordan's 21st")
        rf"(?:her|his|their|my|your|our|(?:{_PERSON_LABEL}|(?-i:\p{{Lu}}\p{{Ll}}+))['’]s)[ \t]+"
        # an age of ten or more: "her first full night's sleep" is no birthday
        rf"(?P<phi>(?:1[0-2]\d|[1-9]\d)(?:st|nd|rd|th)|{_TENS}[\s-]+{ORD_WORD}|tenth|eleventh|twelfth|"
        r"(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth)"
        r"(?![ \t]*(?:birthday|anniversary|time|session|visit|week|day|year|dose|attempt|child|baby|grade|floor|round|cycle|place|admission)\b)(?![\w-])",
        0.7,
    ),
    # ---- a person, then the age: `who` is checked by _person_before() (see the docstring)
    Rx(
        # "Dana (41)", 'Pat ("Paddy", 61)', "Ana (19, studying)", "Kai (7 weeks)"
        "person_paren_n",
        rf"(?<=[\p{{L}}.][\"”’]{{0,2}})\s?\(\s*(?:[\"“‘][^\"”’()\n]{{1,25}}[\"”’]\s*,\s*)?"
        rf"(?:(?:aged?|(?-i:[MF])|male|female)\s*,?\s*)?"
        rf"(?P<phi>{FRAC}|{PNUM_LIST}(?:\s*(?:{INFANT_UNIT}|years?|yrs?))?)\s*(?:\)|[,;]\s)",
        0.6,
    ),
    Rx(
        # "Ella, 7, attends", "Kai, 5 months.", "Nell, now 3, ...", 'Rosa ("Ro"), 29  MRN'
        "person_comma_n",
        rf"(?<=[\p{{L}}.][\"”’)]{{0,2}}),\s+(?:(?:now|aged?|almost|nearly|just|only)\s+)?"
        rf"(?P<phi>{FRAC}|{PNUM_LIST}(?:\s*(?:{INFANT_UNIT}|years?|yrs?))?)"
        rf"{NUM_END}"
        r"(?=\s*(?:,(?!\s*\d)|[;:)]|\.|$)|[ \t]{2,}|\s+(?:and|who|is|was|are|were|has|had|have|both|at|in|from|attend|attends|live|lives)\b)",
        0.6,
    ),
    Rx(
        # "Liam is 14.", "she's ten and", "you're thirty seven", "I was sixteen when", "shes four now"
        "person_is_n",
        # (case-sensitive start, much faster to scan: is / Is / IS ...)
        rf"(?P<cop>\b(?:is|was|are|were|shes|hes|youre|theyre|IS|WAS|ARE|WERE|Is|Was|Are|Were|"
        rf"Shes|Hes|Youre|Theyre|SHES|HES)|(?<=\w)['’](?:s|re|S|RE))"
        # a quoted age: 'he is "nearly 40"', "she's 'only 15' according to mum"
        rf"(?i:[ \t]+(?P<q>[\"“'‘])?{FILLERS}"
        rf"(?P<phi>(?!one\b){PNUM_LIST}(?:[ \t]*(?:weeks?|wks?|months?|mths?|mos?|years?|yrs?)(?:[ \t]+old)?|-?odd|-?ish)?"
        # "is 17 years and 11 months", "is 2 years, 3 months"
        rf"(?:(?<=[sS])[ \t]*,?[ \t]+(?:and[ \t]+)?\d{{1,2}}[ \t]*(?:months?|mths?|mos?|weeks?|wks?)(?:[ \t]+old)?)?"
        # a decade: "is mid-20s", "she's late thirties"
        rf"|(?:early|mid|late)[ \t-]*(?:[2-9]0[’']?s|{DECADE_WORD}))"
        rf"(?(q)[\"”'’](?=\s|[.,;!?)]|$)|{NUM_END})(?={COPULA_END}|(?(q)[ \t]+\p{{Ll}}|(?!))))",
        0.6,
        regex.MULTILINE,
    ),
    Rx(
        # a name or a family noun, a space, the age: "son Kauri 6yrs and daughter 3yrs",
        # "Siblings: Hana 12, Ari 9.", "daughter 4 and son 7" (the age ends the item)
        "person_space_n",
        rf"(?<=[\p{{L}}])[ \t]+(?P<phi>(?:1[0-2]\d|[1-9]\d?)(?:[ \t]*(?:{INFANT_UNIT}|years?|yrs?|y\.?o\.?|yo)\b)?)"
        r"(?![\w'’]|[.,:/]\d|\s*(?:%|/|:\d|\+|-\s*\d|x\b))"
        r"(?=[ \t]*(?:[,;)]|\.(?!\w)|$)|[ \t]+(?:and|&)[ \t]+(?!\d))",
        0.6,
        regex.MULTILINE,
    ),
    Rx(
        # a clause about a time of life: "since she was 12 she ...", "when he was six his
        # father left", "until I turned eighteen" (not "when she was 12 weeks pregnant")
        "life_clause_n",
        rf"\b(?:when|since|until|till|before|after|by\s+the\s+time)\s+(?:i|he|she|they|we|you)\s+"
        rf"(?:was|were|turned|had\s+turned)\s+{FILLERS}(?P<phi>(?!one\b){PNUM}){NUM_END}(?!{NOT_AGE_UNIT})",
        0.6,
    ),
    Rx(
        # a life event at an age: "died last year at 52", "her mum had her at 16",
        # "married at nineteen", "left school at 15", "diagnosed with ADHD at 7",
        # "started drinking at 12", "came into care at 5" (not "died at 11 this morning")
        "event_at_n",
        rf"\b(?:{LIFE_EVENT})\b"
        rf"[^.;:\n]{{0,40}}?\bat\s+(?:(?:the\s+)?age\s+(?:of\s+)?)?(?P<phi>(?!one\b){PNUM}(?:[ \t]+or[ \t]+{PNUM})?){NUM_END}"
        rf"(?!{NOT_AGE_UNIT}|{NOT_AGE_AFTER_AT})",
        0.6,
    ),
    Rx(
        # a verb that may also take a clock time ("left at 3", "admitted at 10"): only
        # 13 and over, which no clock without a colon shows ("left home at 16",
        # "was first admitted at 22", "her first admission was at 19")
        "event_at_adult_n",
        rf"\b(?:{LIFE_EVENT_WEAK})\b"
        rf"[^.;:\n]{{0,40}}?\bat\s+(?P<phi>{ADULT_NUM}){NUM_END}"
        rf"(?!{NOT_AGE_UNIT}|{NOT_AGE_AFTER_AT})",
        0.6,
    ),
    Rx(
        # a sentence that opens on an age and a person: "At 15 he left school", "At
        # sixteen, she moved out" (not "At 10 the team met", "At 15:00")
        "at_n_person",
        rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?-i:At)\s+(?P<phi>(?!one\b){PNUM}){NUM_END},?\s+(?:i|he|she|they|we)\b",
        0.6,
        regex.MULTILINE,
    ),
    Rx(
        # "DOB: 03/02/1979 (46)", "born 4 May 1950 (age 74)"
        "dob_paren_n",
        rf"(?<=\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born)(?!\w)\s*[:#-]?\s*[^\n()]{{2,24}}?\d\s*)"
        rf"\(\s*(?:age[:\s]*)?(?P<phi>{PNUM})\s*(?:y(?:rs?|ears?)?|yo)?\.?\s*\)",
        0.8,
    ),
    Rx(
        # an age opening a clause: "by 14 he was drinking", "since 13 she has used", "left
        # at 19, he ..."; 13 or more (below that "at 5 he left" is a clock time)
        "prep_n_person",
        rf"\b(?:at|by|since|from|until|till)\s+(?P<phi>{ADULT_NUM}){NUM_END}"
        r"(?!\s*(?:am|pm|a\.m|p\.m|hrs?|h|o['’]?clock)\b),?\s+(?:i|he|she|they|we)\b(?!['’])",
        0.6,
    ),
    Rx(
        # sex, comma, age: "Presenting: F, 29, unemployed", "male, 34."
        "sex_comma_age",
        r"(?<![\w/.])(?:(?-i:[MF])|male|female)\s*,\s*(?P<phi>(?:1[0-2]\d|[1-9]\d?))(?![\w/.:]\w|\s*%)"
        r"(?=\s*(?:[,;.)]|$))",
        0.6,
        regex.MULTILINE,
    ),
    Rx(
        # "a teenager of 15", "a woman of seventy," (not "a mother of three": a count)
        "person_of_n",
        rf"\b(?:boy|girl|lad|lass|teen|teenager|adolescent|youth|child|kid|man|woman|lady|gentleman|"
        rf"person|student|widow|widower)\s+of\s+{FILLERS}(?P<phi>(?!one\b){PNUM}){NUM_END}(?={COPULA_END}|\s+(?:who|with)\b)",
        0.6,
    ),
    Rx(
        # the answer to a question about an age, on the same line or in the next turn:
        # "how old is she now speaker 2: fourteen", "T: And how old are you? C: Um, twenty-six.",
        # "What's your age? 34"
        "age_question",
        rf"\b(?:how[ \t]+old(?:[ \t]+(?:is|are|was|were|['’]s|['’]re)|['’]s|['’]re)[ \t]+{_AGE_WHO}\b[^?\n]{{0,40}}?"
        r"|(?:what['’]?s|what[ \t]+is)[ \t]+(?:your|his|her|their)[ \t]+(?:\w+['’]s[ \t]+)?age)"
        r"[ \t]*\??[ \t]*(?:\n[ \t]*)?"
        r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+)?(?:(?:speaker[ _]?\w+|client|therapist|patient|parent|mum|mom|dad"
        r"|c|t|p|\p{Lu}\p{Ll}+)[ \t]*\d?[ \t]*:[ \t]*)?"
        r"(?:(?:oh|um|uh|er|yeah|so|well|she['’]?s|he['’]?s|i['’]?m|they['’]?re|about|like|nearly|almost|just|only|"
        r"(?:she|he|they|i)['’]?(?:d|ll)[ \t]+be|(?:she|he|they|i)[ \t]+(?:would|will)[ \t]+be)[,.]?[ \t]+){0,3}"
        rf"(?P<phi>{PNUM}){NUM_END}(?![ \t]*(?:{NOT_AGE_UNIT}))",
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
    "born_n_ago": ("born",),
    "n_yo": re.compile(r"\d(?:\s*|-)(?:y|/)", re.IGNORECASE),
    "aged_n": ("age",),
    "age_sex": re.compile(r"\d\s?/?\s?[MF]\b"),
    "sex_age": re.compile(r"[MF]\s?/\s?\d"),
    "decade": ("in his", "in her", "in their", "in my", "in your", "in our", "in the", "in its"),
    "turned_n": ("turn", "will be", "ll be", "gonna be", "going to be"),
    "im_n": ("i'm", "im ", "i am"),
    "person_paren_n": re.compile(r"\(\s*(?:[\"“‘]|aged?\b|\d|[a-z]+[ -]?[a-z]*\s*[),;])", re.I),
    "dob_paren_n": ("dob", "d.o.b", "birth", "born"),
    "life_clause_n": ("when ", "since ", "until ", "till ", "before ", "after ", "by the time "),
    "at_n_person": ("at ",),
    "prep_n_person": ("at ", "by ", "since ", "from ", "until ", "till "),
    "sex_comma_age": re.compile(r"(?:\b[MF]|male|female)\s*,\s*\d", re.IGNORECASE),
    "person_of_n": (" of ",),
    "age_question": ("how old", " age"),
    "event_at_n": (" at ",),
    "event_at_adult_n": (" at ",),
    "nth_birthday": ("birthday",),
    "person_colon_unit": re.compile(r":[ \t]*\d{1,3}[ \t]*[yY]"),
    "people_colon_list": re.compile(rf"(?:{_LISTED_PEOPLE})[ \t]*(?::|\(age)", re.IGNORECASE),
    "nth_celebrated": re.compile(r"(?:her|his|their|my|your|our|['’]s)[ \t]+(?:\d{1,3}(?:st|nd|rd|th)|[a-z-]*(?:first|second|third|th))\b",
                                 re.IGNORECASE),
    "decade_person": ("early", "mid", "late"),
    "decade_bare": ("early", "mid", "late"),
    "n_something": ("something",),
    "person_space_n": re.compile(r"[^\W\d_][ \t]+[1-9]"),
    "age_sex_lower": re.compile(r"\d\s?[mfMF]\s"),
    "person_is_n": (" is ", " was ", " are ", " were ", "'s ", "’s ", "'re ", "’re ",
                    "shes ", "hes ", "youre ", "theyre "),
}


# ---- who is a person?
PRONOUNS = frozenset("she he i you they we who shes hes youre theyre".split())
PERSON_NOUNS = frozenset(
    "son daughter child kid baby infant toddler boy girl teen teenager twin stepson stepdaughter eldest youngest "
    "brother sister sibling half-brother half-sister stepbrother stepsister mother father mum mom "
    "mam dad mommy mummy daddy stepmother stepfather stepmum stepmom stepdad parent wife husband "
    "partner spouse fiance fiancé fiancée boyfriend girlfriend ex grandmother grandfather grandma "
    "grandpa grandad granddad granny gran nan nana nanna nonna abuela abuelo grandson "
    "granddaughter grandchild niece nephew aunt auntie aunty uncle cousin friend client patient "
    "pt man woman male female gentleman lady youngest eldest oldest "
    "student pupil learner adolescent youth person adult veteran colleague coworker co-worker "
    "flatmate housemate roommate neighbour neighbor carer caregiver widow widower stepchild "
    "godson goddaughter mother-in-law father-in-law sister-in-law brother-in-law son-in-law "
    "daughter-in-law mate lad lass bloke guy bub bubba newborn bairn wean "
    # elders and kin in other languages of the countries served (as name_context.RELATIONS)
    "koro kui whaea matua nonna nonno abuela abuelo lola lolo ammi abbu dadi nani tita tito "
    "tamaiti pēpi pepi kuia kaumātua kaumatua".split()
)
# plural: an age after a copula ("the twins are 4") or a list in brackets ("kids (8 and 11)");
# one number in brackets is a count there ("siblings (3)")
PEOPLE_NOUNS = frozenset(
    "sons daughters kids children twins boys girls siblings brothers sisters grandchildren "
    "grandsons granddaughters students teens teenagers stepchildren tamariki mokopuna".split()
)
# before an age with no punctuation ("son 6yrs", "Hana 12,"): family only ("client 2" is a count)
FAMILY_NOUNS = frozenset(
    "son daughter child kid baby infant toddler boy girl twin stepson stepdaughter brother sister "
    "half-brother half-sister stepbrother stepsister grandson granddaughter grandchild niece nephew "
    "cousin bub bubba newborn eldest youngest oldest".split()
)
TITLES = frozenset("mr mrs ms miss mx".split())
CLINICIANS = frozenset("dr doctor prof professor nurse rn np".split())  # "Dr Lee (3)": not an age
# Title-case words of the name lexicon that are scores, scales or ICU shorthand
NOT_NAMES = frozenset(
    "tmax tcurrent plt cr na rass braden morse gad phq moca mmse apache fio neb vt bai hamd "
    "audit cows ciwa sofa gcs map peep hr rr bp sbp dbp".split()
)
_INITIALS = _patterns.compile(r"(?:\p{Lu}\.){1,3}\p{Lu}?")
# the last word(s) before the age, allowing a nickname: 'Rosa "Ro" Diaz', 'Rosa ("Ro")'
_TAIL = _patterns.compile(
    r"(?<![\p{L}'’.-])(?:(?P<w1>\p{L}[\p{L}'’-]*\.?)[ \t]+(?:[\"“][^\"”\n]{1,25}[\"”][ \t]+)?)?"
    r"(?P<w>(?:\p{Lu}\.){1,3}|\p{L}[\p{L}'’-]*)"
    r"(?:[ \t]*\([\"“][^\"”()\n]{1,25}[\"”]\))?[\"”]?,?[ \t]*\Z"
)


def _name(word: str, lower_ok: bool = False) -> bool:
    """A first name or surname of the lexicon that is not much of an ordinary word."""
    if len(word) < 2 or word.lower() in NOT_NAMES or lex.is_hand_word(word):
        return False
    if word[0].isupper() and not word.isupper():
        info = lex.lookup(word, weak=True)  # Title case: the weak names count too
        if info is not None and (info[3] <= 4 or lex.wordness(word) <= 1):
            return True
        return word.lower() in lex.word_first_names()
    if lower_ok and word.islower():
        info = lex.lookup(word)
        return info is not None and info[3] <= 2 and lex.wordness(word) < 0
    return False


def _person_before(text: str, pos: int, shape: str, age: str, acts: bool = False) -> bool:
    """Does a person (see the module docstring) end just before ``pos``?

    ``shape`` is "paren", "comma" or "copula"; ``age`` is the matched age; ``acts``: what
    follows the age is something only people do ("..., who", "... attends"), so any
    word that is not an ordinary or clinical word will do ("Alderano (19) reported").
    """
    m = _TAIL.search(text, max(0, pos - 80), pos)
    if m is None:
        return False
    w, w1 = m.group("w"), m.group("w1")
    if w1 and w1.lower().rstrip(".") in CLINICIANS:
        return False
    low = w.lower()
    if shape == "space":  # only a name (Title case) or a family noun right before the number
        return low in FAMILY_NOUNS or (w[0].isupper() and not w.isupper() and _name(w))
    copula = shape == "copula"
    if shape == "comma" and low not in PEOPLE_NOUNS and _AGE_LIST.search(age) is not None:
        return False  # several numbers after one name are dates or counts ("Amy, 25, 26 and 27")
    if low in PERSON_NOUNS or (copula and low in PRONOUNS):
        return True
    if low in PEOPLE_NOUNS:  # "the twins are 4", "kids (8 and 11)", "her sons, 12 and 15,"
        return copula or (shape in ("paren", "comma") and _AGE_LIST.search(age) is not None)
    if not copula and _INITIALS.fullmatch(w):
        return True
    if w1 and len(w) == 1 and w.isupper() and w1.lower().rstrip(".") in TITLES:
        return True  # "Ms T, 27," / "Mr K (64)"
    if _name(w, lower_ok=copula):
        return True
    # "Ms Okafor-Reyes (41)", "Ana Ruiz-Duarte (29)", "her son Kasimir, 3,", "Tane Whaanga
    # (34)": a title, a first name, a person noun or a second such word before a
    # capitalised word that is no ordinary word
    if w1 and w[0].isupper() and not w.isupper() and not lex.is_common_word(w):
        k1 = w1.lower().rstrip(".")
        if k1 in TITLES or k1 in PERSON_NOUNS or _name(w1):
            return True
        if _maybe_name(w) and w1[0].isupper() and _maybe_name(w1) and not lex.is_common_word(w1):
            return True
    return acts and not copula and _maybe_name(w)


def _maybe_name(word: str) -> bool:
    """A capitalised name of any ambiguity ("Blessing"), or a word that is no English,
    clinical or shorthand word (a name the lexicon lacks: "alderano")."""
    if len(word) < 2 or word.isupper() or word.lower() in NOT_NAMES or lex.is_hand_word(word):
        return False
    if word[0].isupper() and lex.lookup(word, weak=True) is not None:
        return True
    return lex.wordness(word) < 0


# what only people do, right after the age: "Alderano (19) reported", "Ngata, 87, attends"
# ("has been refusing", not "has been helpful", "has been helping", "started")
_ACTS = _patterns.compile(
    r"[\s,)]*(?:who|reported|reports|says|said|described|describes|disclosed|shared|attends|"
    r"attended|lives|lived|works|worked|studies|presented|presents|arrived|came|died|passed|"
    r"returned|goes|went|moved|denies|denied|endorses|endorsed|"
    r"ha[sd]\s+been\s+(?!helping|working|wearing)\w+ing)\b",
    regex.IGNORECASE,
)


_AGE_LIST = _patterns.compile(r"\d\s*(?:,|&|and)|\b(?:and|&)\b", regex.IGNORECASE)
PERSON_SHAPES = {"person_paren_n": "paren", "person_comma_n": "comma", "person_is_n": "copula",
                 "person_space_n": "space"}


# what an age found runs on into: "sixteen and a half", "15, nearly 16", "14 going on 15"
_RUNS_ON = _patterns.compile(
    r"[ \t]+and[ \t]+a[ \t]+half\b(?:[ \t]+(?:years?|yrs?)(?:[ \t-]+old)?\b)?"
    rf"|,?[ \t]+(?:nearly|almost|going[ \t]+on|turning|soon[ \t]+to[ \t]+be|about[ \t]+to[ \t]+turn)"
    rf"[ \t]+{PNUM}{NUM_END}(?!{NOT_AGE_UNIT})",
    regex.IGNORECASE,
)


class AgeRecognizer(GatedRegexRecognizer):
    """The age patterns; the person patterns keep a match only after a person.  An age
    found takes in what it runs on into (``_RUNS_ON``)."""

    def analyze(self, text, entities, nlp_artifacts=None):
        results = super().analyze(text, entities, nlp_artifacts)
        for r in results:
            m = _RUNS_ON.match(text, r.end)
            if m is not None:
                r.end = m.end()
        return results

    def _matches(self, rx: Rx, text: str):
        shape = PERSON_SHAPES.get(rx.name)
        for m in rx.compiled.finditer(text):
            if shape is None:
                yield m
            elif _person_before(text, m.start(), shape, m.group("phi"),
                                _ACTS.match(text, m.end()) is not None):
                yield m
            elif shape == "copula" and m.group("cop").lower() in PRONOUNS:  # "shes four"
                yield m


def get_recognizers():
    return [
        AgeRecognizer(
            "AGE",
            PATTERNS,
            gates=GATES,
            name="AgeRecognizer",
            context=["age", "aged", "old", "yo", "year", "years"],
        )
    ]


# ---- an age right after a person the other recognizers found (any case) -------------
_AFTER_PERSON = [next(rx for rx in PATTERNS if rx.name == n)
                 for n in ("person_paren_n", "person_comma_n", "person_space_n", "person_is_n")]
_GAP = _patterns.compile(r"[ \t]*")
_NICK = _patterns.compile(r"[ \t]*(?:\([ \t]*[\"“][^\"”()\n]{1,25}[\"”][ \t]*\)|[\"“][^\"”\n]{1,25}[\"”])")


def ages_after_people(text: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ages right after each ``(start, end)`` of a person found: "marisol (17)",
    "WINNIE (9)", "mason, 5 months.", "tyler is nine".  The same person-then-age
    patterns as above, but the person is one the name recognizers, the model or
    propagation found, so it works in lower case and ALL CAPS as in prose, where the
    word-level check (:func:`_person_before`) cannot tell a name by its capital."""
    out = []
    for _, end in people:
        m = _TAIL.search(text, max(0, end - 80), end)
        if m is not None and (m.group("w").lower() in NOT_NAMES
                              or (m.group("w1") or "").lower().rstrip(".") in CLINICIANS):
            continue  # "Braden is 14", "Dr Okafor (3)": a scale, a clinician's pager
        nick = _NICK.match(text, end)  # 'bridget mcdonagh ("biddy"), 29'
        if nick is not None:
            end = nick.end()
        for rx in _AFTER_PERSON:
            pos = _GAP.match(text, end).end() if rx.name == "person_is_n" else end
            m = rx.compiled.match(text, pos)
            if m is not None and m.group("phi"):
                out.append(m.span("phi"))
                break
    return out
