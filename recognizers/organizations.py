"""Organisations -> ``ORGANIZATION``: hospitals, clinics, schools, employers, businesses,
insurers, churches, clubs, recovery fellowships.

One mechanism finds most of them: **a name of 1-4 capitalised words before a head
noun or legal suffix**, matched anchor-first (head, then the name backwards; see
_anchored.py).  Name words may be Title, ALL CAPS or CamelCase, ``St.``, ``O'Brien``,
``McX``, ``Nanna's``, joined by ``&``, ``and``, ``of``, ``de``...  The heads are data,
``data/org_heads.txt`` (written for this project, CC0), each with flags:

* established heads (Hospital, Clinic, Medical Centre, High School, University, Pty Ltd,
  Inc, Group, Services, Church...): any name with one non-generic word ("General
  Hospital", "the hospital" do not fire); ``caps`` heads also in ALL CAPS;
* ``legal`` suffixes may follow a comma ("Orrin Vale Consulting, LLC"); ``suffix`` ones
  (PC) only after a head ("... Counseling, PC"; "AC, PC 20" is a ventilator setting);
* ``weak`` heads are ordinary words (Dental, Mutual, Coffee, Takeaway, Nails, Motors,
  Club, Rovers, FC...): the head must end the capitalised run ("Past Medical History"
  is no name), the name needs a word outside WEAK_GENERIC (generic, clinical-unit,
  cuisine, denomination, sport and time words: "Chinese Takeaway", "Book Club" do not
  fire), and a common word opening a sentence is not taken ("Continue Counselling");
* ``strict`` heads also name clinical and public services (Psychotherapy, Counselling,
  Team, Department, Police, Court): the name must hold a proper name, not an English
  word ("Malone ... Psychotherapy", not "Weekly Psychotherapy", "Renal Team",
  "Emergency Department");
* ``of`` heads take a name after "of" ("University of Tasmania"; not "Department of
  Psychiatry", "Church of England"); French heads come first ("Université Laval",
  "CLSC Verdun");
* ``lower`` heads work in lower-case speech-to-text after a word that is not English
  ("kilbrack rangers", "st colman's church"), as do the distinctive health and school
  heads ("st marys hospital").

Then **cues that introduce an organisation whatever its name**: employment, study,
ownership and funding ("works nights at X", "laid off from X", "a barista at X",
"drives for X", "studying at X", "owns X", "funded through X"; written in lower or
Title case, so ALL-CAPS ICU text such as "NO RUNS VT" is no cue), in lower-case text
too when the words after the cue are not English ("doing nights at the quikstop");
an apposition ("Marigold, a Thai restaurant"); fans ("a Carrickmore supporter", "a
... season ticket"); recovery fellowships (AA/NA before "meeting", "sponsor"..., or
after "attends"; never "NA 135", "AA gradient") and employee assistance programmes
("the KFD employee assistance program", "the EAP (Brightway)").

An ALL-CAPS document says no more than a lower-case one, so the lower-case rules run on
it too, on its lower-cased copy ("I DO NIGHTS AT THE QUIKSTOP").

Last, well-known employers, chains, insurers and charities by name
(``data/org_names.txt``, CC0), in lower case too when the name is no English word
("woolies"), and a saint's name alone ("St. Mary's", "St Agnes": nearly always a
hospital, school or church; not before a street suffix, not "St John's wort").
Long alternations are written as prefix trees and cue rules run only where a cue
word starts, so the module stays linear and cheap.
"""
from __future__ import annotations

import re
from pathlib import Path

import regex

from . import _patterns
from ._anchored import AnchoredRecognizer, AnchorRule, GatedRegexRecognizer
from ._base import LazyRegex, Rx
from .facilities import UNIT_STOP
from .name_context import INITIALS_STOP
from .name_lexicon import _common, case_mode, is_common_word

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

# --- head nouns and legal suffixes: recognizers/data/org_heads.txt -----------------
_DATA = Path(__file__).resolve().parent / "data" / "org_heads.txt"


def _load_heads(path: Path = _DATA) -> dict[str, frozenset[str]]:
    """head -> flags (caps, legal, suffix, of, weak, strict, lower); see the file's header."""
    out: dict[str, frozenset[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, _, flags = line.partition("|")
        out[" ".join(head.split())] = frozenset(flags.split())
    return out


HEAD_FLAGS = _load_heads()
_CAPS = {h for h, f in HEAD_FLAGS.items() if "caps" in f}
# the established heads: a name before one of them is enough
STRONG_HEADS = [h for h, f in HEAD_FLAGS.items() if not f & {"weak", "strict", "suffix"}]
# ordinary-word heads (Coffee, Club, Department, Psychotherapy): see _weak_span
WEAK_HEADS = [h for h, f in HEAD_FLAGS.items() if f & {"weak", "strict"}]
STRICT_HEADS = {h for h, f in HEAD_FLAGS.items() if "strict" in f}
LEGAL = [h for h, f in HEAD_FLAGS.items() if "legal" in f]
_LEGAL_SET = {h for h, f in HEAD_FLAGS.items() if f & {"legal", "suffix"}}           # "Acme, LLC"
SUFFIX = [h for h, f in HEAD_FLAGS.items() if f & {"legal", "suffix"}]  # "X Counseling, PC"
OF_HEADS = [h for h, f in HEAD_FLAGS.items() if "of" in f]           # "University of Leeds"
LOWER_WEAK_HEADS = [h.lower() for h, f in HEAD_FLAGS.items() if "lower" in f]

def _load_names(path: Path = _DATA.with_name("org_names.txt")) -> list[str]:
    """Well-known employers, chains, insurers and charities (recognizers/data/org_names.txt)."""
    return [
        " ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


BIG_EMPLOYERS = _load_names()


def _heads(words) -> str:
    forms = set(words) | {w.upper() for w in words if w in _CAPS}
    return _trie(sorted(forms)).replace(r"\ ", r"\s+")


def _trie(words) -> str:
    """An alternation of ``words`` written as a prefix tree (stdlib ``re`` tries the
    branches of a flat alternation one by one at every position; a tree fails fast)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else (alts[0] if len(alts) == 1 else body)

    return emit(root)


_NAME_STOP = "|".join(sorted((LOWER_STOP - GENERIC) | {"the", "a", "an", "his", "her", "their", "my", "our", "your", "this", "that", "at", "in", "of", "on", "to", "and", "for", "with"}, key=lambda w: (-len(w), w)))
# one capitalised name word: Title (any script), CamelCase ("WorkWise"), Mc/O', ALL CAPS,
# initials, St./Mt.
NAME_WORD = (
    r"(?=\p{Lu})(?<![\w'’])(?!(?i:" + _NAME_STOP + r")\b)(?-i:(?:St\.?|ST\.?|Mt\.?|"
    r"\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+|\p{Lu}\p{Ll}+(?:['’]s)?(?:-\p{Lu}\p{Ll}+)*|Mc\p{Lu}\p{Ll}+|"
    r"O['’]\p{Lu}\p{Ll}+|\p{Lu}{2,}(?:['’]S)?|\p{Lu}\.(?:\p{Lu}\.)+))"
)
_LINK = r"(?:of|and|&|the|for|on|de|del|la|le|da|di|du|van|von|der|y)"
NAME = rf"{NAME_WORD}(?:\s+(?:{_LINK}\s+)?{NAME_WORD}){{0,3}}"
# the same on one line (cue and weak-head rules must not run on into the next line)
_LINK_H = r"(?:of|and|&|the|for|de|del|la|le|da|di|du|van|von|der|y)"
NAME_H = rf"{NAME_WORD}(?:[ \t]+(?:{_LINK_H}[ \t]+)?{NAME_WORD}){{0,3}}(?![\w'’])"
HEAD = _heads(STRONG_HEADS)
WEAK_HEAD = _heads(WEAK_HEADS)
LEGAL_HEAD = _heads(LEGAL)
SUFFIX_HEAD = _heads(SUFFIX)
ALL_HEAD = _heads(list(HEAD_FLAGS))
# services and public bodies whose head is an ordinary word: in lower case only after a
# name word that is no English word ("lambeth council", "malone road psychotherapy",
# not "the housing council", "her care team")
LOWER_WEAK_SERVICE = (
    r"(?:(?:nhs\s+)?(?:foundation\s+)?trust|(?:city\s+|district\s+|county\s+|borough\s+|shire\s+)?council|"
    r"health\s+plan|psychotherapy|counsell?ing(?:\s+service)?|(?:community\s+)?mental\s+health\s+team|"
    r"(?:fire|police|sheriff['’]?s)\s+department|health\s+board|health\s+service)"
)
LOWER_HEADS = (
    r"(?:hospital|clinic|medical\s+cent(?:re|er)|health\s+cent(?:re|er)|"
    r"community\s+health(?:\s+cent(?:re|er))?|high\s+school|primary\s+school|"
    r"elementary\s+school|middle\s+school|school|university|college|academy|"
    r"secondary\s+(?:school|college)|kindergarten|(?:boys|girls)['’]?\s+high|"
    # bare school words ("st kilda primary", "otara intermediate"), not "X secondary to"
    r"(?:primary|secondary|intermediate|grammar|kindy|elementary)(?=\s*(?:[,.;:!?)\n]|$)|\s+(?:and|in|on|at|"
    r"for|with|where|but|so|since|until|when|now|this|next|last|because|or|then|is|was|he|she|"
    r"they|i|we|my|his|her|their|every|all)\b)|"
    r"infirmary|hospice|private\s+hospital|base\s+hospital|hosp\.?|"
    rf"{LOWER_WEAK_SERVICE})"
)
# generic words between a lower-case name and its head: "king memorial hospital",
# "north lakeside community hospital"
LOWER_QUALIFIER = (
    r"(?:general|community|memorial|base|private|public|district|regional|university|"
    r"teaching|psychiatric|children['’]?s|women['’]?s|mental\s+health|veterans|county|"
    r"state|high|primary|grammar|charter|christian|catholic)"
)
_LOWER_STOP_ALT = "|".join(
    regex.escape(w) for w in sorted(LOWER_STOP - {"st", "st."}, key=lambda w: (-len(w), w))
)
LOWER_WORD = rf"(?=[a-z])(?<![\w'’])(?!(?:{_LOWER_STOP_ALT})(?![\w'’]))(?:st|[a-z][a-z'’]+)"

_SPLIT = _patterns.compile(r"[\s]+")
_HEAD_RE = LazyRegex(rf"(?:,?\s+(?:{HEAD}))+\.?$")
_ALL_HEAD_RE = LazyRegex(rf"(?:,?[ \t]+(?:{ALL_HEAD}))+\.?$")

# --- generic words for the ordinary-word ("weak") heads ---------------------------
# A name before "Coffee", "Club", "Team", "Department"... needs a word outside GENERIC,
# the clinical units and specialties of facilities.UNIT_STOP, and these: descriptors of
# services, kinds of shop and club, cuisines, denominations, weekdays and months.
WEAK_GENERIC = GENERIC | UNIT_STOP | {
    "individual", "couples", "couple", "marriage", "marital", "relationship", "relationships",
    "supportive", "brief", "weekly", "fortnightly", "monthly", "ongoing", "further", "continued",
    "cognitive", "behaviour", "behavior", "behavioural", "behavioral", "dialectical",
    "interpersonal", "psychodynamic", "psychoanalytic", "humanistic", "integrative",
    "systemic", "narrative", "solution", "focused", "focussed", "emotion", "emotionally",
    "compassion", "schema", "exposure", "perinatal", "postnatal", "antenatal", "neonatal",
    "liaison", "consultation", "intervention", "early", "home", "visiting", "access",
    "duty", "response", "rapid", "assertive", "outreach", "integrated", "specialist",
    "health", "mental", "talking", "therapies", "telehealth", "video", "phone", "telephone",
    "virtual", "financial", "legal", "debt", "housing", "employment", "vocational", "career",
    "careers", "student", "students", "staff", "employee", "employees", "workplace",
    "nhs", "hse", "camhs", "cmht", "mdt", "iapt", "ndis", "gp", "gps", "ot", "slt", "aod",
    "ptsd", "ocd", "adhd", "asd", "bpd", "gad", "mdd", "ssri",
    "police", "fire", "ambulance", "rescue", "sheriff's", "sheriffs", "court", "courts",
    "circuit", "magistrates", "magistrates'", "criminal", "civil", "juvenile", "youth",
    "drug", "supreme", "high", "crown", "county", "coroner's", "coroners", "probation",
    "parole", "correctional", "corrections", "justice", "immigration", "child", "children",
    "children's", "families", "family", "protection", "safeguarding", "welfare", "social",
    "human", "services", "affairs", "veterans", "education", "transport", "revenue",
    "department", "dept", "bureau", "ministry", "office", "agency", "authority", "council",
    "team", "club", "society", "association", "network", "union", "league", "project",
    "coffee", "tea", "shop", "store", "market", "markets", "kitchen", "bar", "pub",
    "takeaway", "take-away", "restaurant", "cafe", "café", "bakery", "fish", "chip", "chips",
    "kebab", "pizza", "burger", "burgers", "sushi", "noodle", "noodles", "curry", "fast",
    "food", "foods", "halal", "kosher", "vegan", "vegetarian", "corner", "convenience",
    "charity", "thrift", "op", "second-hand", "secondhand", "gift", "pet", "pets", "pawn",
    "bottle", "liquor", "grocery", "hardware", "book", "books", "toy", "discount",
    "department", "farmers", "farmer's", "flea", "stock", "black", "super", "job", "jobs",
    "property", "rental", "soup", "coffee", "hair", "nail", "nails", "beauty", "day",
    "spinal", "lumbar", "tattoo", "dry", "car", "auto", "used", "panel", "smash",
    "chinese", "indian", "thai", "italian", "mexican", "japanese", "korean", "vietnamese",
    "greek", "turkish", "lebanese", "french", "irish", "polish", "american", "english",
    "british", "scottish", "welsh", "african", "caribbean", "asian", "european", "western",
    "eastern", "northern", "southern", "north", "south", "east", "west", "central", "inner",
    "upper", "lower", "greater", "main", "head", "home", "post", "front", "back", "box",
    "anglican", "baptist", "methodist", "presbyterian", "lutheran", "pentecostal",
    "evangelical", "episcopal", "orthodox", "uniting", "reformed", "mormon", "adventist",
    "protestant", "quaker", "coptic", "apostolic", "charismatic", "non-denominational",
    "nondenominational", "sikh", "hindu", "buddhist", "muslim", "shia", "sunni", "ame",
    "salvation", "parish", "rest", "friends", "god", "christ", "jesus",
    "football", "soccer", "rugby", "footy", "netball", "cricket", "tennis", "golf", "swim",
    "swimming", "boxing", "karate", "judo", "taekwondo", "bjj", "crossfit", "chess", "book",
    "breakfast", "homework", "after-school", "afterschool", "sports", "sport", "running",
    "cycling", "athletics", "rowing", "sailing", "surf", "surfing", "lifesaving", "scouts",
    "guides", "drama", "debate", "debating", "reading", "knitting", "walking", "gardening",
    "coding", "robotics", "science", "maths", "math", "film", "fight", "country", "hockey",
    "basketball", "baseball", "volleyball", "softball", "darts", "pool", "snooker", "bowls",
    "bowling", "gym", "fitness", "yoga", "pilates", "dance", "ballet", "martial", "arts",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "christmas", "easter", "holiday", "holidays",
    "winter", "spring", "summer", "autumn", "fall", "weekend", "weekday", "evening",
    "patient", "patients", "client", "clients", "plan", "safety", "risk", "review",
    "progress", "session", "sessions", "note", "notes", "referral", "discharge",
    "continue", "continuing", "ongoing", "recommend", "recommended", "offer", "offered",
    "refer", "referred", "attend", "attended", "attending", "completed", "complete",
}
_TOKEN = _patterns.compile(r"[^\s]+")
_STRIP = ".,;:()[]{}!?\"“”'’"
# abbreviations that are clinical shorthand, never an employer after a cue ("for PTSD")
_CLINICAL_CAPS = {w.lower() for w in INITIALS_STOP} | {
    "ptsd", "ocd", "adhd", "asd", "bpd", "gad", "mdd", "ssri", "snri", "ect", "tms", "mat",
    "iop", "php", "phq", "aud", "sud", "oud", "ed", "er", "icu", "hr", "it", "pr", "ops",
    "admin", "ndis", "nhs", "hse", "va", "medicare", "medicaid", "tricare", "ohip", "chip",
}
def _core(tok: str) -> str:
    t = tok.strip(_STRIP).lower()
    return t[:-2] if t.endswith(("'s", "’s")) else t


def _sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence, a line, a heading value or a bullet."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;•*-–—\"“(["


def _proper(word: str, raw: str) -> bool:
    """A name word that is not an English word: Malone, Kowhai, Tran (not Weekly)."""
    if word in WEAK_GENERIC or word in _CLINICAL_CAPS:
        return False
    return not is_common_word(word)


def _weak_span(text: str, s: int, e: int, strict: bool) -> tuple[int, int] | None:
    """Check and trim a name before an ordinary-word head ("Wee Bean Coffee").

    The name must have a word outside WEAK_GENERIC (for a strict head: a proper name,
    not an English word); a common word opening a sentence is taken off
    ("Continue Counselling", "Plan: Weekly Psychotherapy" are no organisations)."""
    m = _ALL_HEAD_RE.search(text, s, e)
    name_end = m.start() if m else e
    toks = [(t.start(), t.group()) for t in _TOKEN.finditer(text, s, name_end)]
    if toks and toks[0][1].lower() == "the":
        toks = toks[1:]
    if toks and _sentence_start(text, toks[0][0]) and is_common_word(_core(toks[0][1])):
        toks = toks[1:]
    while toks and _core(toks[0][1]) in ("of", "and", "&", "the", "for", "on"):
        toks = toks[1:]
    if not toks:
        return None
    words = [(_core(raw), raw) for _, raw in toks]
    if strict:
        if not any(_proper(w, raw) for w, raw in words):
            return None
    elif not any(w not in WEAK_GENERIC for w, _ in words):
        return None
    return toks[0][0], e


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
    # generic words, or a plural possessive of an ordinary word ("girls' college", "nurses' union")
    if all(w in GENERIC or (w.endswith(("'", "’")) and is_common_word(w.rstrip("'’"))) for w in words):
        return False
    if _verb_form(words[-1]):
        return False  # "skipping school", "missed school", "she loves school": a verb and its object
    if regex.search(rf"\s{LOWER_WEAK_SERVICE}$", value) and all(is_common_word(w) for w in words if w != "st"):
        return False  # "the housing council", "her care team"
    return None


def _verb_form(w: str) -> bool:
    """An ordinary English verb form: -ing, -ed, or a third person -s/-es whose stem is a word."""
    if not is_common_word(w):
        return False
    if w.endswith(("ing", "ed")):
        return True
    return w.endswith("s") and (is_common_word(w[:-1]) or (w.endswith("es") and is_common_word(w[:-2])))


def _lower_weak_ok(value: str) -> bool | None:
    """Lower-case name + ordinary-word head ("kowhai rangers", "st luke's church"): one
    name word at least must not be an ordinary English word."""
    words = [w.strip(".,") for w in value.split()[:-1]]
    words = [w for w in words if not regex.fullmatch(LOWER_QUALIFIER, w)]
    if not words or any(w in LOWER_STOP for w in words if w != "st"):
        return False
    if not any(_core(w) not in WEAK_GENERIC and not is_common_word(_core(w)) for w in words):
        return False
    return None


_STRONG_ANCHOR = (
    rf"(?:,[ \t]*(?:{LEGAL_HEAD})|\s(?=[A-Zp])(?:{HEAD})(?:\s+(?:{HEAD}))?(?:,[ \t]*(?:{SUFFIX_HEAD}))?)"
    r"(?![\w'’])"
)
# an ordinary-word head ends the name: "Harbourside Dental" but not "Past Medical History"
_WEAK_ANCHOR = (
    rf"[ \t](?=[A-Z])(?:{WEAK_HEAD})(?:[ \t]+(?:(?:&|and)[ \t]+)?(?:{WEAK_HEAD}|{HEAD})){{0,2}}(?:,[ \t]*(?:{SUFFIX_HEAD}))?"
    r"(?![\w'’])(?![ \t]+[A-Z][a-z])"
)
_LOWER_WEAK = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(LOWER_WEAK_HEADS, key=lambda w: (-len(w), w)))

ANCHOR_RULES = [
    AnchorRule(
        "name_plus_head",
        _STRONG_ANCHOR,  # stdlib re, case-sensitive
        rf"(?<![\w'’])(?:The\s+|THE\s+)?{NAME}",
        0.75,
        validate=_specific_name,
        window=100,
    ),
    AnchorRule(
        # checked and trimmed with the text around it: _weak_span
        "name_plus_weak_head",
        _WEAK_ANCHOR,
        rf"(?<![\w'’])(?:The[ \t]+)?{NAME_H}",
        0.7,
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
    AnchorRule(
        # lower-case: churches, clubs, a few shops ("kowhai rangers", "st luke's church")
        "lower_name_plus_weak_head",
        rf"[ \t](?:{_LOWER_WEAK})(?![\w'’])",
        rf"(?<![\w'’]){LOWER_WORD}(?:[ \t]+{LOWER_WORD}){{0,2}}(?:[ \t]+{LOWER_QUALIFIER}){{0,2}}",
        0.6,
        validate=_lower_weak_ok,
        window=60,
    ),
    AnchorRule(
        # a sports club by what its fans hold: "a Halden Town season ticket", "a Rovers supporter"
        "club_supporter",
        r"[ \t](?:season[ -]tickets?|season[ -]ticket[ -]holder|supporters?)(?![\w'’])",
        rf"(?<![\w'’]){NAME_H}",
        0.6,
        include_anchor=False,
        window=60,
    ),
]


class _OrgAnchored(AnchoredRecognizer):
    """AnchoredRecognizer whose weak-head and supporter matches are checked against the
    text around them (sentence starts, generic words)."""

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for r in super().analyze(text, entities, nlp_artifacts):
            rule = r.analysis_explanation.pattern_name if r.analysis_explanation else None
            if rule == "name_plus_weak_head":
                tail = _ALL_HEAD_RE.search(text, r.start, r.end)
                heads = text[tail.start():r.end] if tail else ""
                named = [h for h in _split_heads(heads) if h not in _LEGAL_SET]
                strict = bool(named) and all(h in STRICT_HEADS for h in named)
                span = _weak_span(text, r.start, r.end, strict)
                if span is None:
                    continue
                r.start, r.end = span
            elif rule == "name_plus_legal_form" and text[r.start:r.end].split()[-1].isalpha() \
                    and case_mode(text) != "mixed":
                continue  # a bare form in capital shorthand: "PT NV", "PROPOFOL OY" are no companies
            elif rule == "club_supporter":
                span = _weak_span(text, r.start, r.end, False)
                if span is None or _cue_name_ok(text[span[0]:span[1]]) is False:
                    continue
                r.start, r.end = span
            out.append(r)
        return out


_HEAD_TOKEN_RE = LazyRegex(rf"(?:{ALL_HEAD})(?![\w'’])")


def _split_heads(tail: str) -> list[str]:
    """The heads in a tail such as " Telehealth Counseling, PC" (in their data-file form)."""
    found = [" ".join(m.group().split()) for m in _HEAD_TOKEN_RE.finditer(tail)]
    canon = {h.upper(): h for h in HEAD_FLAGS}
    return [h if h in HEAD_FLAGS else canon.get(h.upper(), h) for h in found]


def _saint_ok(value: str) -> bool | None:
    """Drop "ST. CHANGES"-style ALL-CAPS matches whose word is an ordinary word."""
    word = value.split()[-1].rstrip("'’sS").lower()
    if value.isupper():
        from .places import _common_words

        if _common_words().get(word, 0) >= 4:
            return False
    return None


_BIG_LOWER = {w.lower() for w in BIG_EMPLOYERS}
# in lower case only names that are no English word at all ("woolies", "bunnings")
_BIG_LOWER_SAFE = sorted(
    w for w in _BIG_LOWER
    if len(w) >= 5 and "'" not in w and "’" not in w and all(_common().get(t.strip("'’"), -1) < 1 for t in w.split())
)


def _lower_employer_ok(value: str) -> bool | None:
    """A lower-case employer: a known big employer, or words that are not all ordinary
    English words (``lexicons/common_words``), none of them a stop word ("home", "night")."""
    words = value.split()
    if value in _BIG_LOWER:
        return None
    if any(w in LOWER_STOP or w in _CUE_FIRST_STOP for w in words):
        return False
    if all(_core(w) in WEAK_GENERIC for w in words):
        return False
    common = _common()
    if all(common.get(w.strip("'’"), -1) >= 1 and "-" not in w for w in words):
        return False
    return None


# never the first word of an employer after a cue: kin, titles, time words
_CUE_FIRST_STOP = {
    "the", "a", "an", "his", "her", "their", "my", "our", "your", "mum", "mom", "mam", "ma",
    "dad", "da", "mother", "father", "nan", "nana", "gran", "grandma", "grandpa",
    "granddad", "aunt", "auntie", "uncle", "brother", "sister", "himself", "herself",
    "themselves", "myself", "yourself", "dr", "mr", "mrs", "ms", "miss", "prof", "sir",
    "god", "i", "i'm", "now", "today", "tonight", "tomorrow", "yesterday", "life",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "christmas", "easter", "thanksgiving", "ramadan",
    "eid", "diwali", "hanukkah", "passover", "halloween", "new", "years", "year",
    "months", "weeks", "days", "hours", "patient", "client", "plan",
}

_CUE_STOP = WEAK_GENERIC | _CUE_FIRST_STOP | {
    "free", "cash", "minimum", "wage", "less", "more", "money", "nothing", "anything",
    "everyone", "something", "someone", "mass", "church", "prayers", "services", "worship",
}


def _cue_name_ok(value: str) -> bool | None:
    """A capitalised name after an employment, study or ownership cue: not a kin word,
    title, weekday, month or generic word ("works at the Hospital"), not clinical
    shorthand ("work for PTSD"), and in ALL CAPS not an ordinary word ("WORKS AT NIGHT")."""
    words = [_core(w) for w in value.split()]
    words = [w for w in words if w and w not in ("of", "and", "&", "the", "for", "on")]
    if not words or words[0] in _CUE_FIRST_STOP:
        return False
    if all(w in _CUE_STOP for w in words):
        return False
    if len(words) == 1 and words[0] in _CLINICAL_CAPS:
        return False
    if value.isupper() and all(is_common_word(w) or w in _CLINICAL_CAPS for w in words):
        return False
    return None


# --- cues that introduce an employer, school, business or insurer -------------------
_GAP = r"(?:[ \t]+(?!(?i:at|for|with|from|by|in|on|to|and|but|or|because|so|as|the|his|her|their|my)\b)[\w'’-]+){0,5}?"
# working verbs that may take an object before the employer ("drives a forklift at X",
# "cleans at X", "temps for X", "stacks shelves at X")
_WORK = (r"(?:work|works|worked|working|workin['’]?|employed|cleans|cleaned|cleaning|temps|temped|"
         r"temping|drives|drove|driving|packs|packed|packing|labours|laboured|labouring|labors|"
         r"labored|laboring|delivers|delivered|delivering|stacks|stacked|stacking|operates|"
         r"operated|operating|serves|served|serving)")
_JOB = r"(?:job|jobs|shift|shifts|employment)"
_TIMES = (r"(?:nights|days|evenings|weekends|mornings|afternoons|earlies|lates|doubles|overtime|"
          r"(?:night|day|late|early|double|second|third|graveyard|weekend)[ \t]+shifts?)")
# roles followed by "at" / "with" the employer ("a barista at", "an engineer with")
_ROLE = (r"(?:cashier|barista|bartender|bartending|waiter|waitress|waitressing|server|cook|chef|"
         r"cleaner|driver|nurse|carer|caregiver|aide|teacher|ta|tutor|lecturer|professor|"
         r"receptionist|clerk|mechanic|electrician|plumber|labourer|laborer|apprentice|trainee|"
         r"intern|engineer|accountant|manager|supervisor|assistant|technician|analyst|officer|"
         r"guard|firefighter|paramedic|lieutenant|sergeant|volunteer|volunteers|volunteered|"
         r"volunteering|coach|coaches|coaching|player|plays|played|playing|captain|captains|"
         r"worker|employee|staff|director|ceo|founder|partner|secretary|administrator|"
         r"developer|designer|consultant|salesman|saleswoman|rep|representative|machinist|"
         r"welder|miner|operator|packer|picker|storeman|courier|stocker|member|crew|"
         r"deckhand|steward|stewardess|pilot|soldier|sailor|contractor|specialist|planner)")
# ... and those followed by "for" ("drives for", "plays for")
_ROLE_FOR = (r"(?:driver|drives|drove|driving|courier|contractor|consultant|developer|designer|"
             r"rep|representative|engineer|accountant|salesman|saleswoman|volunteer|volunteers|"
             r"volunteered|volunteering|plays|played|playing|player|captain|captains)")
# "plays netball for the ...", "coaches under-12 rugby at ..."
_PLAY = r"(?:plays|played|playing|coaches|coached|coaching|captains|captained|trains|trained|training)"
_SPORT = (r"(?:(?:under[ \t-]*\d{1,2}s?|u\d{1,2}s?|junior|senior|women's|men's|club|school|"
          r"social|premier|reserve|reserves)[ \t]+)?"
          r"(?:netball|rugby|league|footy|football|soccer|cricket|hockey|basketball|baseball|"
          r"softball|volleyball|lacrosse|hurling|camogie|gaelic|shinty|touch|tennis|bowls|darts|"
          r"pool|waterpolo|water[ \t]+polo|ringette|handball|futsal|afl|nrl|rugby[ \t]+league|"
          r"rugby[ \t]+union|ice[ \t]+hockey|field[ \t]+hockey|ultimate|korfball|kabaddi)")
_LEAVE = (r"(?:laid[ \t]+off|let[ \t]+go|fired|sacked|dismissed|made[ \t]+redundant|redundant|"
          r"resigned|retired|retiring|quit|suspended|terminated|stood[ \t]+down)")
_STUDY = (r"(?:studying|studies|studied|study|student|students|enrolled|enrolment|enrollment|"
          r"graduated|graduate|degree|diploma|course|courses|classes|semester|freshman|"
          r"sophomore|undergraduate|undergrad|postgraduate|postgrad|phd|masters|doctorate)")
_PAY = r"(?:funded|insured|insurance|insurer|claim|policy|reimbursed)"
# a cue is written in lower or Title case ("NO RUNS VT", "NURSE FOR ..." in ALL-CAPS ICU
# notes are not cues)
EMPLOY_CUE = (
    r"(?=\p{L}\p{Ll})(?i:(?<![\w'’])(?:"
    rf"{_WORK}{_GAP}[ \t]+(?:at|for)"
    rf"|{_JOB}[ \t]+at"
    rf"|{_TIMES}[ \t]+at"
    rf"|{_ROLE}[ \t]+(?:at|with)"
    # any occupation after "was a", "works as an": "was a teller at ASB", "is a casual
    # picker with Zespri", "worked as a dispatcher for Linfox"
    r"|(?:was|is|am|are|were|been|became|becomes|as)[ \t]+an?[ \t]+(?:[a-z][a-z-]+[ \t]+)?[a-z][a-z-]+[ \t]+(?:at|with|for)"
    rf"|{_ROLE_FOR}[ \t]+for"
    rf"|{_PLAY}[ \t]+{_SPORT}[ \t]+(?:for|with|at)"
    r"|(?:job|jobs|career|position|contract|placement|internship|apprenticeship)[ \t]+(?:at|with)"
    r"|(?:employed|employment|hired|contracted|recruited)[ \t]+(?:with|by)"
    rf"|{_LEAVE}[ \t]+(?:from|at|by)"
    rf"|{_STUDY}[ \t]+(?:at|from)"
    r"|(?:dropped|dropping|drop|drops|flunked|kicked|expelled)[ \t]+out[ \t]+of|(?:expelled|excluded)[ \t]+from"
    r"|(?:owns|owned|co-owns|co-owned|runs[ \t]+(?:a|his|her|their|the)[ \t]+(?:[\w-]+[ \t]+)?(?:business|shop|store|company|firm|restaurant|cafe|café|salon|takeaway|garage)(?:[ \t]+called)?)"
    r"|(?:owner|owners|founder|proprietor)[ \t]+of"
    rf"|{_PAY}[ \t]+(?:through|by|via|with)"
    r"|(?:covered|paid)[ \t]+through"
    r"))[ \t]+(?:(?i:the)[ \t]+)?"
)
# lower-case speech-to-text: only the plain employment and study cues
LOWER_CUE = (
    r"(?<![\w'’])(?:"
    rf"(?:work|works|worked|working|workin)(?:[ \t]+(?:nights|days|evenings|weekends|mornings|part[ \t-]+time|full[ \t-]+time))?[ \t]+(?:at|for)"
    r"|(?:job|jobs|shift|shifts|nights|(?:night|day|late|early|double|second|weekend)[ \t]+shifts?)[ \t]+at"
    r"|(?:job|jobs)[ \t]+with|employed[ \t]+(?:by|at)"
    rf"|{_LEAVE}[ \t]+from|(?:studying|student|enrolled|course|courses|degree|diploma|"
    r"classes|apprenticeship)[ \t]+at"
    rf"|{_PLAY}[ \t]+{_SPORT}[ \t]+(?:for|with)"
    r")[ \t]+(?:the[ \t]+)?"
)
# lower-case speech-to-text: the employer is whatever follows, when it is not English
_LOWER_BOUNDARY = (r"(?=[ \t]+(?:and|as|since|now|but|so|where|because|for|in|on|at|doing|uh|um|"
                   r"like|with|until|till|when|then|again|anymore|still|too|every|most|all)\b|"
                   r"[ \t]*[,.;!?\n]|[ \t]*$)")

# business nouns after a comma: "Jade Garden, a Cantonese restaurant"
_BIZ = (r"(?:salon|takeaway|take-away|restaurant|café|cafe|bakery|garage|shop|store|firm|"
        r"company|business|pub|bar|chain|supermarket|factory|warehouse|mill|farm|agency|"
        r"charity|brewery|hotel|motel|dealership|franchise|startup|start-up|gym|studio|"
        r"practice|clinic|school|college|church|mosque|temple|club|team|nursery|deli|diner|"
        r"market|cleaners|laundromat|consultancy|contractor|employer|manufacturer|"
        r"distributor|retailer|supplier|insurer|bank|builder|builders|plumbers|charity|"
        r"nonprofit|non-profit|co-op|cooperative|cafeteria|canteen|kitchen|parlour|parlor)")
_ROLE_AFTER = (r"(?:manager|owner|owners|nurse|worker|workers|assistant|director|lead|"
               r"coordinator|staff|administrator|receptionist|counsellor|counselor|gp|doctor|"
               r"teacher|captain|coach|friend|mate|buddy|day|night|job|shift|hours|run)")
_APPOS_GAP = r"(?:(?!(?i:at|in|of|for|with|from|to|on|by|and|or|who|which|that)\b)[\w'’-]+[ \t]+){0,3}?"

PATTERNS = [
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
        # an employer, school, business or insurer after its cue, whatever its name:
        # "laid off from Pinecrest Mutual", "double shifts at Admiral", "studying at
        # Harrowgate", "runs Jade Garden", "funded through Bupa"
        "employer_cue",
        rf"{EMPLOY_CUE}(?P<phi>{NAME_H})",
        0.6,
        flags=regex.MULTILINE,
        validate=_cue_name_ok,
    ),
    Rx(
        # an insurer or scheme named before its claim or policy: "an ICBC claim", "her
        # WorkCover case manager", "his Bupa policy" (a determiner or possessive before;
        # the name is checked as after an employment cue)
        "name_before_claim",
        rf"(?<=(?<![\w'’])(?i:an?|the|her|his|their|my|our|your|client's|pt's)[ \t]+)(?P<phi>{NAME_H})"
        r"(?<!(?<![\w'’])(?i:income|injury|insurance|disability|compensation|workers|life|health|car|home|"
        r"travel|benefit|welfare|housing|care|support|treatment|safety|crisis|mental|protection))"
        r"(?=[ \t]+(?i:claims?|polic(?:y|ies)|case[ \t]+manager|claims[ \t]+manager|cover|premiums?)\b)",
        0.6,
        flags=regex.MULTILINE,
        validate=_cue_name_ok,
    ),
    Rx(
        # membership: "a member of the Mongrel Mob", "a patched member of Black Power"
        # (not "member of staff / the public": no capital; not "the LGBTQ community":
        # the name must end the phrase)
        "member_of",
        rf"(?=\p{{L}}\p{{Ll}})(?i:(?<![\w'’])(?:member|members|membership|prospect)[ \t]+of)[ \t]+(?:(?i:the)[ \t]+)?"
        rf"(?P<phi>{NAME_H})"
        r"(?=[ \t]*(?:[,.;:!?)\n]|$)|[ \t]+(?i:and|for|since|in|at|until|who|but|so|when|which|from|as|with|"
        r"before|after|during|while|till)\b)",
        0.6,
        flags=regex.MULTILINE,
        validate=_cue_name_ok,
    ),
    Rx(
        # lower-case (ASR) text: "i work at cox-allen and ...", "still nights at the
        # kwikmart on ...", "got laid off from brenmoor in may"
        "lower_employer",
        rf"{LOWER_CUE}(?P<phi>[a-z][a-z'’&-]*[a-z](?:[ \t]+[a-z][a-z'’&-]*[a-z]){{0,2}}?){_LOWER_BOUNDARY}",
        0.6,
        flags=regex.MULTILINE,
        validate=_lower_employer_ok,
    ),
    Rx(
        # recovery fellowships: "the Thursday NA meeting", "her AA sponsor"
        "fellowship_acronym",
        r"(?<![\w'’/-])(?P<phi>AA|NA|CA|GA|OA|MA|SAA|SLAA|CMA|ACA|CoDA|Al-Anon|Alateen|Nar-Anon)"
        r"(?=[ \t]+(?i:meetings?|home[ \t]+group|group|groups|sponsors?|sponsee|chip|"
        r"fellowship|big[ \t]+book)\b)",
        0.7,
        flags=regex.MULTILINE,
    ),
    Rx(
        # ... and after attending words: "attends AA", "back in NA"
        "fellowship_attend",
        r"(?<=(?i:attends|attend|attending|attended|joined|rejoined|goes[ \t]+to|go[ \t]+to|"
        r"going[ \t]+to|went[ \t]+to|back[ \t]+(?:to|in|at)|active[ \t]+in|involved[ \t]+(?:in|with)|"
        r"sober[ \t]+in|clean[ \t]+in|sponsor[ \t]+(?:in|from)|through|via)[ \t]+)"
        r"(?<![\w'’/-])(?P<phi>AA|NA)(?![\w'’/&+-])(?![ \t]*[\d<>=])",
        0.65,
        flags=regex.MULTILINE,
    ),
    Rx(
        "fellowship_name",
        r"(?<![\w'’])(?P<phi>(?:Alcoholics|Narcotics|Gamblers|Cocaine|Overeaters|Marijuana|"
        r"Crystal[ \t]+Meth|Debtors|Emotions|Sex[ \t]+Addicts|Co-Dependents|Codependents)"
        r"[ \t]+Anonymous|Al-Anon|Alateen|Nar-Anon|SMART[ \t]+Recovery|Celebrate[ \t]+Recovery|"
        r"Refuge[ \t]+Recovery)(?![\w'’])",
        0.7,
        flags=regex.MULTILINE,
    ),
    Rx(
        # employee assistance programmes: "through the CFD employee assistance program",
        # "the EAP (Brightway)", "EAP through Kinwell"
        "eap_acronym",
        r"(?<![\w'’])(?P<phi>\p{Lu}[\p{L}&]*\p{Lu}|\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?)[ \t]+"
        r"(?:EAP|(?i:employee[ \t]+assistance))(?![\w'’])",
        0.6,
        flags=regex.MULTILINE,
        validate=_cue_name_ok,
    ),
    Rx(
        "eap_provider",
        r"(?:EAP|(?i:employee[ \t]+assistance[ \t]+program(?:me)?))(?:[ \t]+(?i:provider|service|counsell?ing))?"
        rf"[ \t]*(?:\([ \t]*(?P<phi>{NAME_H})[ \t]*\)|,[ \t]+(?P<phi>{NAME_H})(?=[ \t]*[,.;)])|"
        rf"[ \t]+(?i:through|via|with|from|provided[ \t]+by|run[ \t]+by)[ \t]+(?:(?i:the)[ \t]+)?(?P<phi>{NAME_H}))",
        0.6,
        flags=regex.MULTILINE,
        validate=_cue_name_ok,
    ),
    Rx(
        # "University of Leeds", "Chapel of St Anne", "Bank of Ireland" (with or without a
        # name before: "Queen's University of ..." is taken whole)
        "head_of_name",
        # the name's own words before the head come with it: "Children's Aid Society of
        # Toronto", "Women's College Hospital of ..." (not "The", a possessive pronoun)
        rf"(?<![\w'’])(?:(?!(?-i:The|A|An|Our|My|Their|His|Her|Its|This|That|Your)[ \t])(?-i:\p{{Lu}}[\p{{L}}\-]*(?:['’]s)?)[ \t]+){{0,3}}"
        rf"(?-i:{_heads(OF_HEADS)})[ \t]+of[ \t]+(?:the[ \t]+)?(?P<tail>{NAME_H})",
        0.7,
        flags=regex.MULTILINE,
        validate=lambda v: _of_ok(v),
    ),
    Rx(
        # French (Canadian) names put the head first: "Université Laval", "Clinique
        # médicale Saint-Roch", "École secondaire du Plateau", "CLSC Rosemont"
        "head_first",
        r"(?:(?<=(?<!\w)[lLdD]['’])|(?<![\w'’]))(?-i:Université|Universite|École|Ecole|Collège|Cégep|CEGEP|Clinique|"
        r"Hôpital|Hopital|CLSC|CIUSSS|CISSS|Église|Eglise|Paroisse|Caisse|Polyvalente|"
        r"Académie|Centre[ \t]+hospitalier|Centre[ \t]+jeunesse)"
        r"(?:[ \t]+\p{Ll}{3,}){0,2}?[ \t]+(?:(?:de|du|des|de[ \t]+la)[ \t]+|d['’])?"
        rf"(?P<tail>{NAME_H})",
        0.7,
        flags=regex.MULTILINE,
        validate=lambda v: _head_first_ok(v),
    ),
    Rx(
        "big_employer_lower",
        rf"(?<![\w'’])(?-i:{_trie(_BIG_LOWER_SAFE)})(?![\w'’])",
        0.6,
        flags=regex.MULTILINE,
    ),
    Rx(
        "big_employer",
        rf"(?<![\w'’])(?-i:{_heads(BIG_EMPLOYERS)})(?![\w'’])",
        0.6,
        flags=regex.MULTILINE,
    ),
]

ANCHOR_RULES.append(
    AnchorRule(
        "company_ampersand",
        r"\s*&\s*(?:Co\.?|Sons|Son|Daughters|Partners|Associates)(?![\w'’])",  # stdlib re
        rf"(?<![\w'’]){NAME_WORD}(?:\s+{NAME_WORD})?",
        0.8,
        window=60,
    )
)
def _load_legal_forms(path: Path = _DATA.with_name("legal_forms.txt")) -> list[str]:
    """Legal forms of companies around the world ("GmbH", "S.A.", "Oy", "Co., Ltd."),
    generated from cleanco (recognizers/data/build_legal_forms.py)."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


LEGAL_FORMS = _load_legal_forms()
_LEGAL_LONGEST_FIRST = sorted(LEGAL_FORMS, key=lambda w: (-len(w), w))  # "Co., Ltd." before "Ltd."


def _legal_name_ok(value: str) -> bool | None:
    """A name before a legal form: not only generic or stop words; before a bare
    two-letter form ("AG", "SA", "NV") two name words or one that is no English word."""
    form = next((f for f in _LEGAL_LONGEST_FIRST if value.endswith(f)), "")
    words = [w.strip(".,").lower() for w in value[: len(value) - len(form)].split()]
    words = [w for w in words if w and w not in ("the",)]
    if not words or all(w in GENERIC or w in LOWER_STOP for w in words):
        return False
    if form.isalpha() and len(form) <= 2 and len(words) < 2 and is_common_word(words[0]):
        return False
    return None


ANCHOR_RULES.append(
    AnchorRule(
        # a company by its legal form, as companies around the world close their names:
        # "Hollandia Logistiek B.V.", "Kessler Antriebe GmbH", "TOKAI SHOJI CO., LTD.",
        # "Järvinen Oy", "Grupo Andino S.A. de C.V."
        "name_plus_legal_form",
        rf"(?:[ \t]+|,[ \t]*)(?:{_trie(LEGAL_FORMS)})(?![\w'’-])",  # stdlib re
        rf"(?<![\w'’])(?:The[ \t]+|THE[ \t]+)?{NAME_H}",
        0.7,
        validate=_legal_name_ok,
        window=80,
    )
)

ANCHOR_RULES.append(
    AnchorRule(
        # "Jade Garden, a Cantonese restaurant", "Lotus Nails, the salon on ..."
        "business_apposition",
        rf",[ \t]+(?i:a|an|the|his|her|their|our|my)[ \t]+{_APPOS_GAP}(?i:{_BIZ})(?![\w'’-])"
        rf"(?![ \t]+(?i:{_ROLE_AFTER})\b)",  # stdlib re
        rf"(?<![\w'’]){NAME_H}",
        0.6,
        include_anchor=False,
        validate=_cue_name_ok,
        window=80,
    )
)

# the first words of every cue above: the employer rules run only where one of them is
_CUE_WORDS = """
work employ job shift hours nights days evenings weekends mornings afternoons earlies lates
doubles overtime night day late early double second third graveyard weekend career position
contract placement internship apprenticeship laid let fired sacked dismissed made redundant
resign retir quit suspended terminated stood stud enrol graduat degree diploma course classes
semester freshman sophomore undergrad postgrad phd masters doctorate runs owns owned co-own
owner founder proprietor funded covered paid insur claim policy reimbursed hired contracted
recruited clean temp drive drove pack labour labor deliver stack operat serve serving
drop flunk kicked expel exclud was is am are were been became becomes as
""".split() + _ROLE[3:-1].split("|") + _ROLE_FOR[3:-1].split("|")
_CUE_START = re.compile(r"(?<![\w'’])(?=[A-Za-z][a-z])" + _trie(sorted(set(_CUE_WORDS))), re.IGNORECASE)
_LOWER_START = re.compile(r"(?<![\w'’])" + _trie(sorted(set(
    "work job shift nights night day late early double second weekend laid let fired sacked "
    "dismissed made redundant resign retir quit suspended terminated stood studying student "
    "enrolled employed course degree diploma classes apprenticeship plays played playing "
    "coaches coached coaching captains captained trains trained training".split()))))

def _head_first_ok(value: str) -> bool | None:
    raws = value.split()[1:]
    if not any(_core(w) not in WEAK_GENERIC and w[:1].isupper() for w in raws):
        return False
    return None


_OF_SPLIT = _patterns.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")


def _of_ok(value: str) -> bool | None:
    """"<Head> of <Name>": the name after "of" must not be generic ("Department of
    Psychiatry", "Church of England", "College of Nursing")."""
    parts = _OF_SPLIT.split(value, maxsplit=1)
    if len(parts) < 2:
        return False
    words = [_core(w) for w in parts[1].split()]
    words = [w for w in words if w not in ("of", "and", "&", "the", "for", "on")]
    if not any(w not in WEAK_GENERIC and w not in _OF_GENERIC for w in words):
        return False
    return None


# not identifying after "of": countries, professions, fields of study
_OF_GENERIC = {
    "england", "scotland", "ireland", "wales", "britain", "america", "australia", "canada",
    "new", "zealand", "psychiatrists", "psychologists", "physicians", "surgeons", "nurses",
    "nursing", "midwives", "practitioners", "general", "medicine", "music", "arts", "art",
    "science", "sciences", "technology", "engineering", "law", "business", "economics",
    "commerce", "fine", "performing", "design", "education", "latter-day", "latter",
    "saints", "nazarene", "god", "christ", "jesus", "scientology",
    # after the heads of "of" added for hospitals, centres and leagues: a video game,
    # a unit's accolade ("League of Legends", "Centre of Excellence")
    "legends", "excellence",
}


class _StartedRegex(GatedRegexRecognizer):
    """GatedRegexRecognizer that tries some patterns only where a cheap stdlib ``re``
    *starter* matches (the cue word that every match begins with)."""

    def __init__(self, *args, starters=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.starters = dict(starters or {})

    def _matches(self, rx, text):
        starter = self.starters.get(rx.name)
        if starter is None:
            yield from rx.compiled.finditer(text)
            return
        end = 0
        for s in starter.finditer(text):
            if s.start() < end:
                continue
            m = None
            if rx.name == "head_of_name":  # from the name's own words before the head
                pre = _WORDS_BEFORE_HEAD.search(text, max(end, s.start() - 60), s.start())
                if pre is not None:
                    m = rx.compiled.match(text, pre.start())
            if m is None:
                m = rx.compiled.match(text, s.start())
            if m is not None:
                end = m.end()
                yield m


# up to three capitalised words (a possessive too) right before a head: "Children's Aid"
# of "Children's Aid Society of Toronto"
_WORDS_BEFORE_HEAD = _patterns.compile(
    r"(?<![\p{L}\p{N}'’\-])(?:(?!(?:The|A|An|Our|My|Their|His|Her|Its|This|That|Your)[ \t])"
    r"\p{Lu}[\p{L}\-]*(?:['’]s)?[ \t]+){1,3}\Z"
)
_OF_START = re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(h) for h in OF_HEADS) + r")[ \t]+of[ \t]")


def get_recognizers():
    return [
        _OrgAnchored(
            "ORGANIZATION",
            ANCHOR_RULES,
            name="OrganizationRecognizer",
            context=["works", "employed", "employer", "attends", "school", "admitted", "at"],
            caps_as_lower=("lower_name_plus_head", "lower_name_plus_weak_head"),
        ),
        _StartedRegex(
            "ORGANIZATION",
            PATTERNS,
            starters={"employer_cue": _CUE_START, "lower_employer": _LOWER_START,
                      "head_of_name": _OF_START},
            caps_as_lower=("lower_employer",),
            gates={
                "saint_name": ("st", "saint"),
                "member_of": re.compile(r"(?:member|members|membership|prospect) of ", re.I),
                "name_before_claim": re.compile(r"\b(?:claims?|polic(?:y|ies)|case manager|cover|premiums?)\b", re.I),
                "fellowship_acronym": re.compile(r"\b(?:AA|NA|CA|GA|OA|MA|SAA|SLAA|CMA|ACA|CoDA|Al-Anon|Alateen|Nar-Anon)\b"),
                "fellowship_attend": re.compile(r"\b(?:AA|NA)\b"),
                "fellowship_name": ("anonymous", "al-anon", "alateen", "nar-anon", "recovery"),
                "eap_acronym": re.compile(r"EAP|employee assistance", re.I),
                "eap_provider": re.compile(r"EAP|employee assistance", re.I),
                "head_first": re.compile(r"Universit|[ÉE]cole|Coll[èe]ge|C[ée]gep|CEGEP|Clinique|H[ôo]pital|CLSC|CI?SSS|[ÉE]glise|Paroisse|Caisse|Polyvalente|Acad[ée]mie|Centre (?:hospitalier|jeunesse)"),
                "head_of_name": re.compile(r"\b(?:" + "|".join(re.escape(h) for h in OF_HEADS) + r") of ", re.I),
            },
            name="CompanyRecognizer",
            context=["works", "employed", "employer", "company"],
        ),
    ]
