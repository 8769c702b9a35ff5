"""ICU / nursing shorthand: names, places and wards written without the usual cues.

Clinically motivated rules (no word lists from any clinical corpus):

* PERSON, upper-case notes: one or two upper-case words before AWARE / NOTIFIED /
  PAGED ("JANE DOE AWARE"), at least one of them a lexicon name, none a common word
  or a clinical role ("NEURO AWARE", "TEAM AWARE" are kept).
* PERSON: an initial plus a surname after a reporting cue ("reported to K. Vance",
  "paged m. ostrowski"); the lower-case form needs a lexicon surname.
* PERSON: a lexicon first name at the start of a clause before a reporting verb,
  lower-case notes included ("social: hank called", "Bob visited").
* PERSON: a two-word name right before a phone label ("Ann Vole cell# ...").
* LOCATION: hospital wards named after buildings, "<Name> <floor>" after a transfer
  cue ("transfer to Wexley 4", "per Wexley 4 RN"), the name not a common word or a
  clinical abbreviation.
* LOCATION: US regions ("the Eastern Shore", "the Upper Peninsula"), "in <Name> area",
  "lives in DC", and "the general hospital".
"""
from __future__ import annotations

import regex

from ._base import Rx, RegexRecognizer
from .name_lexicon import headings, lookup, wordness

CS = regex.MULTILINE  # case-sensitive
CI = regex.MULTILINE | regex.IGNORECASE

# clinical roles, services and abbreviations that sit where names sit in ICU notes
CLINICAL = frozenset(
    """
    md mds np nps pa pas rn rns lpn ho hos fellow fellows resident residents team teams
    intern interns attending attendings staff cards cardiology neuro neurology renal gi id
    surg surgery surgical pulm pulmonary onc oncology heme ep ir ct mri cxr ekg ecg echo
    lab labs pharm pharmacy radiology rad rads rt rts pt pts ot sw cm micu sicu ccu csru
    ticu nicu picu icu pacu or er ed ew ems tele floor ward unit service services nurse
    nurses nursing charge covering on-call oncall house officer officers doctor doctors
    dr drs physician physicians family wife husband son daughter sister brother mother
    father pcp primary pmd ortho uro urology derm psych psychiatry sx plastics vascular
    ent gyn ob obgyn trauma burn medicine med meds hospitalist intensivist anesthesia
    anesthesiology acs tsicu cvicu cvu step stepdown sdu rehab dialysis hd cvvh crrt
    peds pediatrics nephro nephrology endo endocrine ekg tee tte cath eps ep's cv
    all both pts also now aware notified paged informed called updated made was is were
    cpap bipap simv imv psv peep fio2 ips prvc vent trach mask nc fm nrb hfnc
    lasix levophed levo neo dopa dopamine dobutamine propofol fentanyl versed midazolam
    insulin heparin kcl mag nitro ntg dilt diltiazem lopressor metoprolol morphine dilaudid
    ativan haldol precedex vanc vanco zosyn flagyl cipro tylenol prbc prbcs ffp plt plts
    units unit bags bag liters grade level levels step steps stage
    """.split()
)


def _bad_word(w: str) -> bool:
    lw = w.lower().strip(".")
    return lw in CLINICAL or lw in headings() or wordness(lw) >= 3


def _upper_aware_ok(value: str) -> bool | None:
    words = [w for w in regex.split(r"[\s.]+", value) if len(w) > 1]
    if not words or any(_bad_word(w) for w in words):
        return False
    has_initial = regex.match(r"\p{Lu}\.", value) is not None
    if not has_initial and not any(lookup(w) is not None for w in words):
        return False
    return None


def _surname_ok(value: str) -> bool | None:
    last = regex.split(r"[\s.]+", value.strip())[-1]
    if len(last) < 3 or _bad_word(last):
        return False
    return None


def _lower_surname_ok(value: str) -> bool | None:
    last = regex.split(r"[\s.]+", value.strip())[-1]
    if len(last) < 3 or _bad_word(last) or lookup(last) is None:
        return False
    info = lookup(last)
    return None if info[1] else False


def _first_name_ok(value: str) -> bool | None:
    w = value.strip().lower()
    if w in CLINICAL or w in headings():
        return False
    info = lookup(w)
    return None if (info is not None and info[0]) else False


def _two_names_ok(value: str) -> bool | None:
    words = value.split()
    if any(_bad_word(w) for w in words):
        return False
    return None


def _ward_ok(value: str) -> bool | None:
    w = value
    if len(w) < 4 or _bad_word(w):
        return False
    return None


def _area_ok(value: str) -> bool | None:
    return False if any(_bad_word(w) for w in value.split()) else None


REPORT_CUE = (
    r"(?:reported\s+to|report\s+(?:given\s+)?to|called|paged|notified|informed|"
    r"discussed\s+with|d/w|spoke\s+(?:with|to)|per|by|to|with|aware:?)"
)
AWARE_WORD = r"(?:AWARE|NOTIFIED|PAGED|INFORMED|MADE\s+AWARE|UPDATED)"

PERSON_PATTERNS = [
    Rx(
        "upper_name_aware",
        rf"(?<![\p{{L}}.])(?P<phi>(?:[A-Z]\.[ \t]?)?[A-Z]{{2,}}(?:[ \t]+[A-Z]{{2,}})?)"
        rf"[ \t]+(?:(?:IS|WAS|ARE|WERE)[ \t]+)?{AWARE_WORD}\b",
        0.6,
        flags=CS,
        validate=_upper_aware_ok,
    ),
    Rx(
        "initial_surname_after_cue",
        rf"(?<![\p{{L}}.])(?P<phi>\p{{Lu}}\.[ \t]?\p{{Lu}}\p{{Ll}}{{2,}})(?!\p{{L}})"
        rf"(?<=(?i:\b{REPORT_CUE})[ \t]+(?P=phi))",
        0.6,
        flags=CS,
        validate=_surname_ok,
    ),
    Rx(
        "lower_initial_surname_after_cue",
        rf"(?<![\p{{L}}.])(?P<phi>[a-z]\.[ \t]?[a-z]{{3,}})(?!\p{{L}})"
        rf"(?<=(?i:\b{REPORT_CUE})[ \t]+(?P=phi))",
        0.6,
        flags=CS,
        validate=_lower_surname_ok,
    ),
    Rx(
        "first_name_reporting_verb",
        r"(?:^|[:;.!?][ \t]*|\b(?i:social|family|visitors?|dispo)[ \t]*[:\-][ \t]*)"
        r"(?P<phi>\p{L}{3,})[ \t]+(?i:called|phoned|visited|in\s+to\s+visit|came\s+in|"
        r"here\s+to\s+visit|at\s+bedside|updated)\b",
        0.6,
        flags=CS,
        validate=_first_name_ok,
    ),
    Rx(
        "name_before_phone_label",
        r"(?<![\p{L}])(?P<phi>\p{Lu}\p{Ll}{2,}[ \t]+\p{Lu}\p{Ll}{2,})[ \t]+"
        r"(?i:cell|home|work|mobile|ph|phone|tel|telephone|pager)[ \t]*(?:#|no\b|number|:)",
        0.6,
        flags=CS,
        validate=_two_names_ok,
    ),
]

REGION = (
    r"(?:(?:eastern|western|northern|southern|north|south)\s+shore|upper\s+peninsula|"
    r"outer\s+banks|low\s?country|hill\s+country|inland\s+empire|bay\s+area|tri-?state\s+area|"
    r"cape\s+cod|gulf\s+coast|front\s+range|central\s+valley|north\s+country|"
    r"(?:florida|texas|oklahoma)\s+panhandle|twin\s+cities|research\s+triangle|"
    r"(?:east|west)\s+end|lower\s+mainland|golden\s+horseshoe|blue\s+mountains|"
    r"sunshine\s+coast|gold\s+coast|central\s+coast|north\s+coast|south\s+coast)"
)

LOCATION_PATTERNS = [
    Rx(
        "ward_floor",
        r"(?i:\b(?:from|per|plan:?|transfer(?:red)?\s+to|xfer(?:ed)?\s+to|tx(?:ed)?\s+to|"
        r"back\s+to|going\s+to|moved\s+to))[ \t]+(?P<phi>\p{L}{4,})[ \t]+(?:1[0-2]|[1-9])"
        r"(?![\p{L}\d/:%]|\.\d)(?![ \t]*(?i:mg|mcg|cc|ml|u|units?|l|lpm|mm|cm|kg|g|hrs?|hours?|min|"
        r"mins|minutes?|days?|x|times|am|pm|of|to|-|pts?|points?)\b)",
        0.55,
        flags=CS,
        validate=_ward_ok,
    ),
    Rx("region", rf"\b(?P<phi>{REGION})\b", 0.6, flags=CI),
    Rx(
        "named_area",
        r"(?i:\b(?:in|near|around|from))[ \t]+(?:the[ \t]+)?"
        r"(?P<phi>\p{Lu}\p{Ll}{2,}(?:[ \t]+\p{Lu}\p{Ll}{2,})?)[ \t]+(?i:area|neighbou?rhood|region)\b",
        0.6,
        flags=CS,
        validate=_area_ok,
    ),
    Rx(
        "dc",
        r"(?:\b(?i:lives|living|live|resides|residing|moved|home|located)[ \t]+in[ \t]+|"
        r"\bWashington,?[ \t]*)(?P<phi>D\.C\.|DC)(?!\w)",
        0.7,
        flags=CS,
    ),
    Rx("the_general_hospital", r"\bthe\s+(?P<phi>general\s+hosp(?:ital)?)\b", 0.5, flags=CI),
]


def get_recognizers():
    return [
        RegexRecognizer(
            "PERSON",
            PERSON_PATTERNS,
            name="IcuShorthandNameRecognizer",
            prefilter=r"aware|notified|paged|informed|updated|called|phoned|visit|came|bedside"
            r"|cell|home|work|mobile|ph|tel|pager|report|per|by|to|with|d/w|spoke|discussed",
        ),
        RegexRecognizer(
            "LOCATION",
            LOCATION_PATTERNS,
            name="IcuPlaceRecognizer",
            prefilter=r"\d|shore|peninsula|banks|country|empire|area|cod|coast|range|valley|"
            r"panhandle|cities|triangle|end|mainland|horseshoe|mountains|neighbo|region|d\.?c|general",
        ),
    ]
