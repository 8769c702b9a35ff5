"""Organisations -> ``ORGANIZATION``: hospitals, clinics, schools, employers.

A name of 1-4 capitalised words (Title or UPPER case, ``St. Mary's``, ``O'Brien``,
``&``) followed by an institutional head word:

* health: Hospital, Clinic, Medical Centre/Center, Health Centre, Community Health,
  Health Service, Medical Group, Practice, Surgery, Infirmary, Hospice, Nursing
  Home, Rehabilitation Centre, Pharmacy, ...;
* education: School, High School, High, Primary (School), Elementary, Middle School,
  College, University, Academy, Institute, Kindergarten, Preschool, TAFE;
* companies: Inc, LLC, Ltd, Pty Ltd, Corp, Co, PLC, LLP, ``& Co``, ``& Sons``,
  Group, Associates, Partners, Services, Logistics, ...;
* a few very large employers by name (Walmart, Costco, Woolworths, ...);
* a saint's name alone ("St. Mary's", "St Agnes"): in clinical text nearly always a
  hospital, school or church (not before a street suffix, not "St John's wort").

Heads that are ordinary words or clinical abbreviations in capitals ("CO" cardiac
output, "INC" increase, "REHAB", "SURGERY") are matched in Title case only.
Matching is anchor-first (head word, then the name backwards; see _anchored.py).

At least one name word must be specific: "General Hospital", "Community Health
Centre", "Mental Health Clinic" and "the hospital" do not fire.  In lower-case
(ASR) text only distinctive heads (hospital, school, clinic, medical centre,
university, college) are used, with a 1-3 word name none of which is a function,
clinical or generic word ("st marys hospital", "lincoln high school").
"""
from __future__ import annotations

import re

import regex

from ._anchored import AnchoredRecognizer, AnchorRule, GatedRegexRecognizer
from ._base import Rx
from .name_lexicon import _common

# generic descriptors: an organisation name needs at least one word not in here
GENERIC = {
    "the", "a", "an", "this", "that", "his", "her", "their", "my", "our", "your", "its",
    "mental", "health", "medical", "community", "general", "public", "private", "local",
    "state", "national", "federal", "regional", "district", "county", "city", "royal",
    "primary", "secondary", "high", "middle", "elementary", "junior", "senior", "day",
    "outpatient", "inpatient", "psychiatric", "psych", "children's", "childrens",
    "women's", "womens", "veterans", "va", "university", "teaching", "new", "old",
    "care", "centre", "center", "clinic", "hospital", "school", "college", "services",
    "service", "family", "youth", "adult", "child", "aged", "residential", "acute",
    "behavioral", "behavioural", "addiction", "drug", "alcohol", "rehab", "rehabilitation",
    "emergency", "urgent", "walk-in", "free", "sleep", "pain", "dental", "eye", "cancer",
    "heart", "specialist", "specialty", "surgical", "maternity", "memorial", "community",
    "catholic", "christian", "islamic", "jewish", "public", "grammar", "boarding",
    "medical", "nursing", "law", "grad", "graduate", "summer", "sunday", "night",
    "methadone", "fertility", "eating", "disorder", "disorders", "sexual", "gender",
    "infectious", "diseases", "counselling", "counseling", "wellness", "wellbeing",
    "recovery", "treatment", "support", "crisis", "assessment", "intake", "specialists",
    "and", "&", "of", "for", "in", "at", "on", "to", "with", "group", "practice",
    "outside", "referring", "other", "same", "another", "previous", "current", "former",
    "nearest", "nearby", "big", "small", "large", "good", "bad", "best", "local",
    "mainstream", "special", "alternative", "online", "trade", "technical", "art",
    "music", "dance", "driving", "language", "bible", "charter", "magnet", "prep",
    "preparatory", "independent", "selective", "comprehensive", "st", "st.", "saint",
    "base", "district", "area", "mercy", "general", "clinical", "research", "cancer",
    "kids", "baby", "men's", "mens", "aboriginal", "indigenous", "rural", "remote",
    "nurse", "doctor", "doctors", "gp", "psychology", "psychiatry", "pediatric",
    "paediatric", "geriatric", "forensic", "military", "army", "navy", "air", "force",
    # therapy groups and programmes named by what they do ("DBT Skills Group")
    "dbt", "cbt", "act", "emdr", "cpt", "ipt", "mbct", "iop", "php", "smart", "skills",
    "process", "therapy", "psychoeducation", "psychoeducational", "anger", "management",
    "grief", "relapse", "prevention", "parenting", "mindfulness", "peer", "coping",
    "trauma", "dual", "diagnosis", "women's", "teen", "adolescent", "young",
}
# words that end a lowercase name search (cannot be inside a lowercase org name)
LOWER_STOP = GENERIC | {
    "to", "from", "by", "into", "back", "went", "go", "goes", "going", "gone", "attend",
    "attends", "attended", "attending", "left", "leave", "leaving", "quit", "finished",
    "started", "start", "starting", "after", "before", "during", "since", "until", "while",
    "was", "is", "were", "are", "be", "been", "being", "has", "had", "have", "did", "does",
    "do", "not", "no", "any", "some", "every", "each", "all", "both", "either", "neither",
    "one", "two", "three", "first", "second", "last", "next", "when", "where", "which",
    "who", "what", "why", "how", "he", "she", "they", "we", "i", "you", "it", "him",
    "them", "us", "me", "then", "than", "also", "very", "too", "so", "but", "or",
    "about", "around", "over", "under", "out", "up", "down", "off", "via", "per", "like",
    "admitted", "discharged", "transferred", "presented", "seen", "visit", "visited",
    "called", "phoned", "rang", "contacted", "works", "worked", "working", "job", "teacher",
    "principal", "counsellor", "counselor", "nurse", "staff", "friends", "kids",
    "psychiatric", "mental", "hospitalised", "hospitalized", "discharge", "readmitted",
    "present", "presenting", "local", "own", "s", "t", "that's", "there", "here", "home",
    "regular", "usual", "normal", "whole", "entire", "boys", "girls", "co-ed", "single-sex",
    "year", "years", "grade", "class", "term", "week", "weeks", "month", "months", "day",
    "days", "today", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening",
}

HEALTH_HEADS = [
    "Hospital", "Hospitals", "Hosp", "Hosp.", "Memorial", "Clinic", "Clinics", "Medical Centre", "Medical Center",
    "Health Centre", "Health Center", "Community Health", "Community Health Centre",
    "Community Health Center", "Health Service", "Health Services", "Health",
    "Health System", "Healthcare", "Health Care", "Medical Group", "Medical Practice",
    "Family Practice", "Practice", "Surgery", "Infirmary", "Hospice", "Nursing Home",
    "Aged Care", "Care Home", "Rehabilitation Centre", "Rehabilitation Center",
    "Rehab Centre", "Rehab Center", "Rehab", "Pharmacy", "Chemist", "Medical Clinic",
    "Psychiatric Hospital", "Private Hospital", "Base Hospital", "General Hospital",
    "Memorial Hospital", "Medical Center Hospital", "Sanatorium", "Behavioral Health",
    "Behavioural Health", "Mental Health Service", "Mental Health Services",
    "Counselling Service", "Counseling Center", "Centre", "Center", "Institute",
    "Foundation", "Trust", "NHS Trust", "NHS Foundation Trust", "Health Board",
    "Health District", "Local Health District", "Primary Health Network",
]
EDU_HEADS = [
    "School", "High School", "High", "Primary", "Primary School", "Elementary",
    "Elementary School", "Middle School", "Junior High", "Senior High", "Secondary College",
    "Secondary School", "College", "University", "Academy", "Kindergarten", "Preschool",
    "Pre-School", "Early Learning Centre", "Child Care Centre", "Daycare", "Day Care",
    "Grammar", "Grammar School", "State School", "Public School", "TAFE", "Polytechnic",
    "Community College", "Sixth Form College",
]
CORP_HEADS = [
    "Inc", "Inc.", "LLC", "L.L.C.", "Ltd", "Ltd.", "Pty Ltd", "Pty. Ltd.", "Pty", "Corp",
    "Corp.", "Corporation", "Co", "Co.", "Company", "PLC", "plc", "LLP", "LP", "GmbH",
    "Group", "Associates", "Partners", "Services", "Solutions", "Logistics", "Industries",
    "Enterprises", "Holdings", "Consulting", "Bank", "Council", "Shire", "Shire Council",
    "City Council", "Constructions", "Construction", "Transport", "Motors", "Mining",
    "Manufacturing", "Supermarket", "Supermarkets", "Restaurant", "Cafe", "Café", "Hotel",
    "Church", "Parish", "Mosque", "Synagogue", "Temple",
]
BIG_EMPLOYERS = [
    "Walmart", "Wal-Mart", "Costco", "McDonald's", "McDonalds", "Starbucks", "Home Depot",
    "Woolworths", "Bunnings", "Kmart", "Tesco", "Sainsbury's", "Asda", "FedEx", "Amazon",
    "Uber", "Lyft", "DoorDash", "Deliveroo", "Google", "Microsoft", "Telstra", "Centrelink",
    "Foodland", "Safeway", "Kroger", "Walgreens", "JB Hi-Fi", "Aldi", "IKEA",
]


# heads that are ordinary words or clinical abbreviations in ALL CAPS ("CO" cardiac
# output, "INC" increase, "REHAB", "SURGERY"): matched in their written case only
_NO_UPPER = {
    "Co", "Co.", "Inc", "Inc.", "Corp", "Corp.", "Company", "Surgery", "Practice", "Rehab",
    "Pharmacy", "Chemist", "Services", "Group", "Health", "Centre", "Center", "Trust",
    "Church", "Transport", "Construction", "Constructions", "Bank", "Council", "Hotel",
    "Restaurant", "Cafe", "Café", "Temple", "Primary", "High", "Memorial", "Hosp", "Hosp.",
    "Healthcare", "Health Care", "Solutions", "Partners", "Associates", "Holdings",
    "Consulting", "Motors", "Mining", "Manufacturing", "Industries", "Enterprises",
    "Logistics", "Supermarket", "Supermarkets", "Parish", "Shire", "Foundation",
    "Institute", "Academy", "Grammar", "Daycare", "Day Care", "Elementary", "Family Practice",
}


def _heads(words) -> str:
    forms = set(words) | {w.upper() for w in words if w not in _NO_UPPER}
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=len, reverse=True)
    )


_NAME_STOP = "|".join(sorted((LOWER_STOP - GENERIC) | {"the", "a", "an", "his", "her", "their", "my", "our", "your", "this", "that", "at", "in", "of", "on", "to", "and", "for", "with"}, key=len, reverse=True))
NAME_WORD = (
    r"(?=[A-Z])(?<![\w'’])(?!(?i:" + _NAME_STOP + r")\b)(?-i:(?:St\.?|ST\.?|Mt\.?|[A-Z][a-z]+(?:['’]s)?(?:-[A-Z][a-z]+)?|Mc[A-Z][a-z]+|"
    r"O['’][A-Z][a-z]+|[A-Z]{2,}(?:['’]S)?|[A-Z]\.(?:[A-Z]\.)+))"
)
NAME = rf"{NAME_WORD}(?:\s+(?:(?:of|and|&|the|for|on|de|la)\s+)?{NAME_WORD}){{0,3}}"
HEAD = _heads(HEALTH_HEADS + EDU_HEADS + CORP_HEADS)
LOWER_HEADS = (
    r"(?:hospital|clinic|medical\s+cent(?:re|er)|health\s+cent(?:re|er)|"
    r"community\s+health(?:\s+cent(?:re|er))?|high\s+school|primary\s+school|"
    r"elementary\s+school|middle\s+school|school|university|college|academy|"
    r"infirmary|hospice|private\s+hospital|base\s+hospital|hosp\.?)"
)
# generic words between a lower-case name and its head: "king memorial hospital",
# "north lakeside community hospital"
LOWER_QUALIFIER = (
    r"(?:general|community|memorial|base|private|public|district|regional|university|"
    r"teaching|psychiatric|children['’]?s|women['’]?s|mental\s+health|veterans|county|"
    r"state|high|primary|grammar|charter|christian|catholic)"
)
_LOWER_STOP_ALT = "|".join(
    regex.escape(w) for w in sorted(LOWER_STOP - {"st", "st."}, key=len, reverse=True)
)
LOWER_WORD = rf"(?=[a-z])(?<![\w'’])(?!(?:{_LOWER_STOP_ALT})(?![\w'’]))(?:st|[a-z][a-z'’]+)"

_SPLIT = regex.compile(r"[\s]+")
_HEAD_RE = regex.compile(rf"(?:\s+(?:{HEAD}))+\.?$")


def _specific_name(value: str) -> bool | None:
    """Drop a match whose name words are all generic ("General Hospital")."""
    name = _HEAD_RE.sub("", value)
    words = [w.strip(".,").lower() for w in _SPLIT.split(name) if w]
    if name == value:  # head word swallowed the whole match
        return False
    if not any(w not in GENERIC for w in words):
        return False
    return None


def _lower_ok(value: str) -> bool | None:
    m = regex.match(rf"(.*?)(?:\s+{LOWER_QUALIFIER})*\s+{LOWER_HEADS}$", value)
    if not m:
        return False
    words = [w.strip(".,").lower() for w in m.group(1).split()]
    if not words or any(w in LOWER_STOP for w in words if w not in ("st",)):
        return False
    if all(w in GENERIC for w in words):
        return False
    return None


ANCHOR_RULES = [
    AnchorRule(
        "name_plus_head",
        rf"\s(?:{HEAD})(?:\s+(?:{HEAD}))?(?![\w'’])",  # stdlib re, case-sensitive
        rf"(?<![\w'’])(?:The\s+|THE\s+)?{NAME}",
        0.75,
        validate=_specific_name,
        window=100,
    ),
    AnchorRule(
        # lower-case (ASR) text: distinctive heads only, 1-3 specific name words
        "lower_name_plus_head",
        rf"\s{LOWER_HEADS}(?![\w'’])",  # stdlib re
        rf"(?<![\w'’]){LOWER_WORD}(?:\s+{LOWER_WORD}){{0,2}}(?:\s+{LOWER_QUALIFIER}){{0,2}}",
        0.6,
        validate=_lower_ok,
        window=60,
    ),
]

def _saint_ok(value: str) -> bool | None:
    """Drop "ST. CHANGES"-style ALL-CAPS matches whose word is an ordinary word."""
    word = value.split()[-1].rstrip("'’sS").lower()
    if value.isupper():
        from .places import _common_words

        if _common_words().get(word, 0) >= 4:
            return False
    return None


_BIG_LOWER = {w.lower() for w in BIG_EMPLOYERS}


def _lower_employer_ok(value: str) -> bool | None:
    """A lower-case employer: a known big employer, or words that are not all ordinary
    English words (``lexicons/common_words``), none of them a stop word ("home", "night")."""
    words = value.split()
    if value in _BIG_LOWER:
        return None
    if any(w in LOWER_STOP for w in words):
        return False
    common = _common()
    if all(common.get(w.strip("'’"), -1) >= 3 and "-" not in w for w in words):
        return False
    return None


PATTERNS = [
    Rx(
        "company_ampersand",
        rf"(?<![\w'’]){NAME_WORD}(?:\s+{NAME_WORD})?\s*&\s*(?-i:Co\.?|Sons|Son|Daughters|Partners|Associates)(?![\w'’])",
        0.8,
        flags=regex.MULTILINE,
    ),
    Rx(
        # "St. Mary's", "St Agnes", "ST. JOSEPH'S" alone: a saint's name is nearly
        # always a hospital, school or church in clinical text (not a street: suffix
        # vetoed; not St John's wort)
        "saint_name",
        r"(?<![\w'’])(?-i:(?:St\.?|Saint)\s+[A-Z][a-z]+(?:['’]s)?|(?:ST\.|SAINT)\s+[A-Z]{3,}(?:['’]S)?)(?![\w'’])"
        r"(?!\s+(?i:wort|street|st|road|rd|avenue|ave|lane|ln|drive|dr|court|ct|place|pl|"
        r"boulevard|blvd|way|terrace|tce|parade|pde|highway|hwy|close|crescent|cres|day|"
        r"patrick's\s+day)\b)",
        0.6,
        flags=regex.MULTILINE,
        validate=_saint_ok,
    ),
    Rx(
        # lower-case (ASR) text: "i work at cox-allen and ...", "she works for fedex."
        "lower_employer",
        r"\b(?:i|he|she|they|we|mum|mom|dad|partner|husband|wife)\s+(?:work|works|worked|working|"
        r"am\s+working|is\s+working)\s+(?:at|for)\s+(?P<phi>[a-z][a-z'’&-]*[a-z](?:\s+[a-z][a-z'’&-]*[a-z]){0,2})"
        r"(?=\s+(?:and|as|since|now|but|so|where|because|for|in|on|doing|uh|um)\b|\s*[,.;!?\n]|\s*$)",
        0.6,
        flags=regex.MULTILINE,
        validate=_lower_employer_ok,
    ),
    Rx(
        "big_employer",
        rf"(?<![\w'’])(?-i:{_heads(BIG_EMPLOYERS)})(?![\w'’])",
        0.6,
        flags=regex.MULTILINE,
    ),
]


def get_recognizers():
    return [
        AnchoredRecognizer(
            "ORGANIZATION",
            ANCHOR_RULES,
            name="OrganizationRecognizer",
            context=["works", "employed", "employer", "attends", "school", "admitted", "at"],
        ),
        GatedRegexRecognizer(
            "ORGANIZATION",
            PATTERNS,
            gates={
                "company_ampersand": ("&",),
                "saint_name": ("st", "saint"),
                "big_employer": tuple(w.lower()[:5] for w in BIG_EMPLOYERS),
                "lower_employer": ("work",),
            },
            name="CompanyRecognizer",
            context=["works", "employed", "employer", "company"],
        ),
    ]
