"""Care facilities named by their role in the story -> ``ORGANIZATION``.

Clinical notes name the hospital a patient came from or goes to without any head
word ("transferred to XYZ", "came into xyz", "followed at ABC", "bed @ St B."),
often as a 2-4 letter abbreviation or in lower case.  Rules (all anchor-first: a
preposition, unit word or head word is found with a plain regex and the context is
checked in Python, so the recognizer is linear and cheap on long notes):

* ``destination``: a transfer/care cue ("transferred to", "sent to", "admitted
  from", "came into", "followed at", "accepted at", "screened by", "bed @",
  "ED at", "team at", "works for", ...; a few words such as "him via ambulance" may
  sit between cue and preposition) followed by 1-3 name words.  Words are refused
  when they are a clinical unit, department, procedure room, specialty or ordinary
  place ("sent to CT", "transferred to the floor", "cardiac rehab", "home") -- a
  stop list written from clinical knowledge -- or a common English word, unless a
  facility head word follows ("Memorial Hospital", "UNION HOSP").  In mixed-case
  text the name must be capitalised, except after the strong transfer cues.
* ``transfer_ward``: "transfer Xyz 2": a word in no dictionary plus a floor number
  right after a transfer verb.
* ``abbrev_unit``: an unknown 2-4 letter upper-case abbreviation directly before an
  emergency/intensive care unit ("XYZ ER", "XYZ MICU", "XYZ cath lab").
* ``religious``: religious hospital names, in any case ("Holy Cross", "Sacred
  Heart", "Good Samaritan", "Our Lady of ...", "Beth Israel", "Mount Sinai").
* ``name_head``: capitalised or upper-case name words before a facility head
  ("ORCHARD HOSP", "Lower Tillbury Med Ctr", "North Campus"); ordinary words alone
  need a strong head and a preposition before them.

Type is ORGANIZATION (a mis-typed facility is still removed).  All lists are
written for this project from clinical knowledge (CC0); nothing comes from any
clinical corpus.
"""
from __future__ import annotations

import re

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import _patterns
from ._base import make_result
from .name_lexicon import case_mode, wordness

# --- clinical units, departments, rooms, services and ordinary destinations -------
UNIT_STOP = {
    # emergency / critical care / wards
    "ed", "er", "ew", "ewd", "eu", "ae", "a&e", "icu", "micu", "sicu", "ccu", "csru", "cvicu",
    "nicu", "picu", "tsicu", "ticu", "nsicu", "nicu", "neuroicu", "cticu", "cvu", "vicu",
    "pacu", "sdu", "pcu", "imc", "imu", "tcu", "cdu", "obs", "or", "ir", "vir", "ep", "gi",
    "cath", "cathlab", "lab", "labs", "ct", "cta", "mri", "mra", "us", "u/s", "echo",
    "tee", "tte", "eeg", "ekg", "ecg", "cxr", "xr", "xray", "x-ray", "kub", "nuc", "nm",
    "pet", "ivr", "pt", "ot", "st", "slp", "rt", "snf", "ltac", "ltach", "ltc", "alf",
    "nh", "nhp", "rehab", "hosp", "hospital", "osh", "vna", "hh", "step", "stepdown",
    "step-down", "tele", "telemetry", "ob", "l&d", "ld", "nursery", "floor", "floors",
    "unit", "units", "ward", "wards", "bay", "room", "rm", "bed", "beds", "chair",
    "commode", "bsc", "bathroom", "br", "toilet", "stretcher", "wc", "w/c", "wheelchair",
    "home", "house", "hospice", "shelter", "jail", "prison", "morgue", "dialysis", "hd",
    "cvvh", "cvvhd", "crrt", "radiology", "rad", "rads", "pathology", "path", "micro",
    "microbiology", "blood", "bank", "pharmacy", "endoscopy", "endo", "bronch",
    "fluoro", "angio", "surgery", "surg", "ortho", "neuro", "nsurg", "cards", "cardiology",
    "onc", "oncology", "heme", "renal", "pulm", "psych", "psychiatry", "medicine", "med",
    "meds", "medical", "service", "team", "clinic", "office", "pcp", "md", "mds", "rn",
    "rns", "np", "pa", "dr", "drs", "doctor", "nurse", "nursing", "staff", "family",
    "him", "her", "them", "pt", "pts", "patient", "patients", "the", "a", "an", "this",
    "that", "his", "their", "our", "another", "other", "outside", "same", "new", "old",
    "local", "nearest", "her", "its", "osh's", "sicu's", "micu's", "ccu's", "cc",
    "ambulance", "amb", "ems", "helicopter", "medflight", "air", "transport", "car",
    "bedside", "holding", "preop", "pre-op", "postop", "post-op", "procedure", "proc",
    "scan", "scanner", "study", "test", "tests", "eval", "evaluation", "consult", "care",
    "hemodialysis", "hd", "pd", "ir/or", "ed/er", "us/ct", "rehabilitation", "facility",
    "nursing home", "er's", "ed's", "va", "er/icu", "dept", "department", "ctr", "center",
    "centre", "hall", "hallway", "desk", "station", "waiting", "lobby", "x", "her/him",
    "cvicu", "cmo", "dnr", "dni", "icu's", "level", "sub-acute", "subacute", "acute",
    "and", "or", "for", "with", "w/", "w", "via", "by", "to", "from", "at", "on", "in",
    "of", "s/p", "r/o", "eval", "further", "management", "mgmt", "tx", "rx", "treatment",
    "hr", "hrs", "am", "pm", "today", "tonight", "tomorrow", "yesterday", "now", "asap",
    "stat", "prn", "q", "qd", "bid", "tid", "qid",
    # specialties and kinds of care ("cardiac rehab", "sent to neurology")
    "cardiac", "pulmonary", "physical", "occupational", "speech", "inpatient",
    "outpatient", "stroke", "vocational", "detox", "drug", "alcohol", "psychiatric",
    "geriatric", "geri", "pediatric", "paediatric", "peds", "neurology", "neurosurgery",
    "nephrology", "urology", "gyn", "ent", "dermatology", "derm", "hematology",
    "infectious", "id", "cardiothoracic", "ct surgery", "vascular", "plastics", "trauma",
    "burn", "burns", "transplant", "hepatology", "liver", "kidney", "lung", "cancer",
    "dental", "eye", "swallow", "nutrition", "social", "case", "chaplain", "pastoral",
    "palliative", "pain", "wound", "ostomy", "respiratory", "resp", "vent", "weaning",
    "interventional", "nuclear", "sleep", "memory", "dementia", "addiction", "methadone",
    "long-term", "longterm", "short-term", "skilled", "assisted", "adult", "day",
    "partial", "intensive", "emergency", "urgent", "primary", "general", "internal",
    "family", "anesthesia", "anesthesiology", "gastroenterology", "endocrinology",
    "rheumatology", "oncology", "radiation", "rad/onc", "xrt", "chemo", "infusion",
    "interventional", "electrophysiology", "neuroradiology", "angiography",
    "o.r", "o.r.", "eps", "anest", "anesth", "bb", "flowsheet", "carevue", "chart",
    "sr", "nsr", "afib", "simv", "imv", "cpap", "bipap", "ps", "ac", "prvc", "mcu",
    "mciu", "cv", "sc", "ultrasound", "sono", "doppler", "several", "various", "multiple", "many", "some", "any", "all", "both",
}
# heads that make "ordinary word + head" a name ("Union Hosp", "Memorial Hospital")
STRONG_HEADS = {
    "hospital", "hospitals", "hosp", "hosp.", "medical", "med", "center", "centre", "ctr",
    "ctr.", "cntr", "regional", "memorial", "general", "infirmary", "university", "univ",
    "sanitarium", "sanatorium",
}
# words that make a phrase a facility name even when the name word is common
HEADS = {
    "hospital", "hospitals", "hosp", "hosp.", "medical", "med", "center", "centre",
    "ctr", "ctr.", "cntr", "regional", "memorial", "general", "rehab", "rehabilitation",
    "clinic", "infirmary", "health", "hlth", "healthcare", "university", "univ",
    "institute", "inst", "sanitarium", "sanatorium", "campus",
}
# tokens that may sit inside a facility phrase without being a name
INNER = {"of", "the", "&", "and", "st", "st.", "saint", "mt", "mt.", "mount"}

# cue word -> the prepositions after which a facility name may follow.
_MOVE = (
    "transfer", "transferred", "transfered", "transferring", "trans", "tx", "txd", "tx'd",
    "xfer", "xferred", "xfered", "x-fer", "x-ferred", "medflight", "medflighted",
    "med-flight", "med-flighted", "flown", "flew", "transported", "enroute", "en-route",
    "brought", "readmitted", "re-admitted", "admitted", "admit", "adm", "came", "come",
    "comes", "coming", "arrived", "arrival", "arriving", "discharged", "d/c'd", "dc'd",
    "d/cd", "dcd", "hospitalized", "hospitalised", "readmit", "route",
)
CUES: dict[str, frozenset] = {w: frozenset({"to", "into", "at", "from", "@"}) for w in _MOVE}
for _w in ("sent", "referred", "presented", "going", "went", "taken", "go", "goes"):
    CUES[_w] = frozenset({"to"})
for _w in ("accepted", "excepted", "screened", "rescreened", "w/u", "placement"):
    CUES[_w] = frozenset({"at", "@", "by", "to"})
for _w in ("followed", "seen", "treated", "cathed", "evaluated", "eval'd", "evald", "f/u",
           "known", "bed", "beds", "offer", "stabilized", "stabilised", "intubated"):
    CUES[_w] = frozenset({"at", "@"})
for _w in ("ed", "er", "ew", "icu", "micu", "ccu", "lab", "team", "service", "pcp",
           "cardiologist", "physician", "doctor", "surgeon", "clinic"):
    CUES[_w] = frozenset({"at", "@", "of"})
for _w in ("works", "worked", "working", "employed", "employee", "retired", "ceo",
           "president", "job"):
    CUES[_w] = frozenset({"at", "for", "of", "from", "with", "by"})
# cues after which a lowercase word in mixed-case text is still taken as a name
_LOWER_OK = frozenset(_MOVE) | {"sent", "referred", "accepted", "excepted", "screened",
                                "followed", "bed", "beds"}
# words allowed between the cue and its preposition ("transferred him via ambulance to")
_BETWEEN = frozenset({
    "him", "her", "them", "pt", "patient", "the", "via", "by", "ambulance", "amb", "ems",
    "helicopter", "air", "medflight", "ambulette", "stretcher", "wheelchair", "emergently",
    "urgently", "directly", "back", "over", "here", "there", "initially", "originally",
})
_PREP_RX = re.compile(r"(?<![\w@])(?:to|into|at|from|by|of|for|with|@)(?!\w)", re.IGNORECASE)
_PREP_LOW = re.compile(r"(?<![\w@])(?:to|into|at|from|by|of|for|with|@)(?!\w)")
_PHI_RX = _patterns.compile(
    r"[ \t]*(?:(?i:the)[ \t]+)?"
    r"(?P<phi>[\p{L}][\p{L}\p{N}'’.\-]*(?:[ \t]+[\p{L}&][\p{L}\p{N}'’.\-&]*){0,4})"
)


def _cue_before(text: str, pos: int, prep: str) -> str | None:
    """The cue word before the preposition at ``pos`` (skipping "him via ambulance")."""
    words = text[max(0, pos - 48):pos].split()
    if pos >= 48 and words:
        words = words[1:]
    for w in reversed(words[-4:]):
        lw = w.lower().strip(".,;:()")
        allowed = CUES.get(lw)
        if allowed is not None:
            return lw if prep in allowed else None
        if lw not in _BETWEEN:
            return None
    return None
_RELIGIOUS = _patterns.compile(
    r"(?<![\p{L}])(?P<phi>(?i:holy[ \t]+(?:cross|name|family|spirit|redeemer|trinity|rosary)|"
    r"sacred[ \t]+heart|good[ \t]+samaritan|good[ \t]+shepherd|our[ \t]+lady[ \t]+of[ \t]+(?:the[ \t]+)?\p{L}+|"
    r"beth[ \t]+israel|mount[ \t]+sinai|mt\.?[ \t]+sinai|divine[ \t]+providence|"
    r"immaculate[ \t]+conception|precious[ \t]+blood|shriners)"
    r"(?:[ \t]+(?i:memorial|general|regional|medical[ \t]+cent(?:er|re)|med[ \t]+ctr\.?|hospital|hosp\.?|rehab(?:ilitation)?|"
    r"health|campus|center|centre))*)(?![\p{L}])",
    regex.MULTILINE,
)
_TOKEN = _patterns.compile(r"[^\s]+")
_STRIP = ".,;:()[]{}!?\"'’-"


def _norm(tok: str) -> str:
    t = tok.strip(_STRIP).lower()
    if t.endswith("'s") or t.endswith("’s"):
        t = t[:-2]
    return t


def _is_common(w: str) -> bool:
    return wordness(w) >= 3


def _name_ok(w: str) -> bool:
    """A word that may be (part of) a facility's name."""
    if not w or w in UNIT_STOP or w in HEADS or ".." in w or w.endswith("icu"):
        return False
    if not regex.match(r"\p{L}", w):
        return False
    return True


def _dest_span(text: str, s: int, e: int, mode: str = "mixed") -> tuple[int, int] | None:
    """Refine the words after a destination cue into a facility span."""
    # in mixed-case text a facility name is capitalised ("sent to lab" is no name)
    if mode == "mixed" and not text[s:s + 1].isupper():
        return None
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, s, e)]
    out_end = None
    start = None
    has_uncommon = False
    saw_head = False
    strong = False
    first_common = False
    n_name = 0
    prev_ends_punct = False
    for i, (a, b, raw) in enumerate(toks):
        if prev_ends_punct:
            break
        w = _norm(raw)
        core = raw.rstrip(_STRIP.replace("'", "").replace("’", ""))
        trail = raw[len(core):]
        # a trailing "." is kept on St./Hosp./Ctr. abbreviations only
        if (start is not None and toks[i - 1][2].lower().rstrip(".") in ("st", "mt", "saint")
                and regex.match(r"\p{Lu}", raw)):
            # the name after "St." ("St. Agnes", "St A.") is kept whatever it is
            has_uncommon = True
            n_name += 1
            out_end = a + len(core.rstrip("."))
            prev_ends_punct = bool(trail.strip("."))
            continue
        if w in ("st", "st.", "mt", "saint", "mount") and i + 1 < len(toks):
            if start is None:
                start = a
            out_end = a + len(core)
            n_name += 1
            prev_ends_punct = bool(trail.strip(".")) if w.startswith(("st", "mt")) else bool(trail)
            continue
        if w in HEADS:
            if start is None:
                # a head word alone ("hospital", "rehab") is no name
                if w in ("general", "memorial", "regional", "university"):
                    start = a
                else:
                    break
            saw_head = True
            strong = strong or w in STRONG_HEADS
            out_end = a + len(core.rstrip("."))
            if w in ("hosp", "ctr", "med", "univ", "inst") and raw.rstrip(",;:)").endswith("."):
                out_end = a + len(raw.rstrip(",;:)"))
            prev_ends_punct = bool(trail.strip("."))
            continue
        if saw_head:
            break
        if w in INNER and start is not None and i + 1 < len(toks):
            continue
        if not _name_ok(w):
            break
        # digits glued on ("xyz2") are kept; pure numbers stop
        letters = regex.sub(r"\d+$", "", w)
        if not letters or not _name_ok(letters):
            break
        if _is_common(letters) or (len(letters) == 1 and not (raw[:1].isupper() and start is not None)):
            # ordinary word: only inside a phrase that ends with a head word
            if start is None:
                start = a
                out_end = None
                first_common = True
            n_name += 1
            prev_ends_punct = bool(trail)
            continue
        if start is None:
            start = a
        has_uncommon = has_uncommon or not first_common
        n_name += 1
        out_end = a + len(core)
        prev_ends_punct = bool(trail)
        if n_name >= 3:
            break
    if start is None:
        return None
    if saw_head and out_end is not None and (has_uncommon or strong):
        if n_name == 0 and len(text[start:out_end].split()) < 2:
            return None
        return (start, out_end)
    if has_uncommon and not first_common and out_end is not None:
        return (start, out_end)
    return None


class FacilityRecognizer(LocalRecognizer):
    """Facilities named as transfer/care destinations, abbreviations before units,
    religious hospital names."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ORGANIZATION"],
            name="FacilityRecognizer",
            supported_language="en",
            context=[],
        )

    def load(self) -> None:
        pass

    def _result(self, s: int, e: int, score: float, pattern: str) -> RecognizerResult:
        return make_result(self, "ORGANIZATION", s, e, score, pattern)

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and "ORGANIZATION" not in entities:
            return []
        out: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        mode = None
        low = text.lower()
        scan = _PREP_LOW.finditer(low) if len(low) == len(text) else _PREP_RX.finditer(text)
        for m in scan:
            prep = m.group().lower()
            cue = _cue_before(text, m.start(), prep)
            if cue is None:
                continue
            pm = _PHI_RX.match(text, m.end())
            if pm is None:
                continue
            if mode is None:
                mode = case_mode(text)
            span = _dest_span(text, *pm.span("phi"), mode if cue not in _LOWER_OK else "lower")
            if span and span not in seen:
                seen.add(span)
                out.append(self._result(span[0], span[1], 0.65, "destination"))
        for m in _TRANSFER_WARD.finditer(text):
            w = m.group("phi").lower()
            if w in UNIT_STOP or wordness(w) >= 2 or w in _BACK_STOP:
                continue
            out.append(self._result(*m.span("phi"), 0.6, "transfer_ward"))
        for m in _UNIT_FIND.finditer(text):
            prev = text[max(0, m.start() - 6):m.start()]
            pm = _ABBR_BEFORE.search(prev)
            if pm is None:
                continue
            w = pm.group(1).lower()
            if w in UNIT_STOP or w in _ABBR_STOP or _is_common(w):
                continue
            s0 = m.start() - len(prev) + pm.start(1)
            out.append(self._result(s0, s0 + len(pm.group(1)), 0.6, "abbrev_unit"))
        if any(k in low for k in _RELIGIOUS_KEYS):
            for m in _RELIGIOUS.finditer(text):
                out.append(self._result(*m.span("phi"), 0.75, "religious"))
        for m in _HEAD_FIND.finditer(text):
            span = _head_span_back(text, m.start(), m.end())
            if span:
                out.append(self._result(span[0], span[1], 0.7, "name_head"))
        return out


# "transfer Xyz 2", "tx to xyz 5": a named building/ward and its floor after a transfer
# verb (the name must be no English word at all)
_TRANSFER_WARD = re.compile(
    r"(?i)\b(?:transfer(?:red|ed)?|transfered|tx|xfer|trans)[ \t]+(?:(?:to|from)[ \t]+)?(?:the[ \t]+)?"
    r"(?P<phi>[a-z][a-z'\-]{3,})[ \t]?\d{1,2}(?![\w/:]|\.\d)"
)
_UNIT_FIND = re.compile(r"(?<=[A-Z][ \t])(?:ER|EW|ED|E\.R\.|MICU|SICU|CCU|ICU|CSRU|CATH[ \t]+LAB|[Cc]ath[ \t]+[Ll]ab|ER's|ED's)(?![A-Za-z])")
_ABBR_BEFORE = re.compile(r"(?:^|[^\w/&-])([A-Z]{2,4})[ \t]+$")
_HEAD_FIND = re.compile(
    r"(?<=[ \t])(?:HOSPITAL|HOSP\.?|Hospital|Hosp\.?|MEDICAL[ \t]+CENT(?:ER|RE)|Medical[ \t]+Cent(?:er|re)|"
    r"MED[ \t]+CTR\.?|Med[ \t]+Ctr\.?|REGIONAL|Regional|REHAB|Rehab|MEMORIAL|Memorial|"
    r"MEDICAL[ \t]+CTR\.?|Medical[ \t]+Ctr\.?|Campus|CAMPUS)(?![A-Za-z])"
)
_CAP_WORD = re.compile(r"^(?:[A-Z][A-Za-z'’\-]+|St\.?|ST\.?)$")


def _head_span_back(text: str, hs: int, he: int) -> tuple[int, int] | None:
    """Capitalised name words (1-3) before a head word ("UNION HOSP", "Greater X Med Ctr")."""
    # extend over a second head ("Memorial Hospital")
    nxt = _HEAD_FIND.match(text, he + 1) if text[he:he + 1] in (" ", "\t") else None
    end = nxt.end() if nxt else he
    window = text[max(0, hs - 60):hs]
    base = hs - len(window)
    toks = [(m.start() + base, m.group()) for m in re.finditer(r"[^ \t]+", window)]
    if not toks or window.endswith(("\n",)) or not window[-1:] in (" ", "\t"):
        return None
    # the words must be on the same line, directly before the head
    names = []
    i = len(toks) - 1
    pos = hs
    while i >= 0 and len(names) < 3:
        st, w = toks[i]
        gap = text[st + len(w):pos]
        if gap.strip(" \t") or not _CAP_WORD.match(w):
            break
        lw = _norm(w)
        if lw in _NAME_HEAD_STOP or lw in _BACK_STOP or lw in HEADS:
            break
        names.append((st, w))
        pos = st
        i -= 1
    if not names:
        return None
    start = names[-1][0]
    words = [_norm(w) for _, w in names]
    if all(_is_common(w) for w in words):
        head_words = text[hs:end].lower()
        if not any(h in head_words for h in ("hosp", "med", "regional", "memorial", "cent", "ctr", "campus")):
            return None
        before = text[max(0, start - 12):start].lower().split()
        if not before or before[-1] not in ("to", "from", "at", "@", "in", "into", "by", "on"):
            return None
    return (start, end)


_RELIGIOUS_KEYS = ("holy", "sacred", "good s", "lady", "beth", "sinai", "provid", "immacul", "precious", "shriner")
# ALL-CAPS clinical abbreviations that may precede ER/ICU ("PT ER" no)
_ABBR_STOP = {
    "to", "in", "at", "the", "and", "per", "via", "from", "osh", "pt", "pts", "an", "of",
    "md", "rn", "np", "pa", "dr", "ems", "hx", "pmh", "cc", "hpi", "tx", "dx", "rx",
    "sob", "cp", "mi", "ot", "iv", "po", "bp", "hr", "rr", "not", "neg", "pos", "adm",
    "ok", "no", "yes", "left", "right", "lt", "rt", "peds", "adult", "main", "new", "old",
    "cvicu", "csru", "micu", "sicu", "ccu", "icu", "nicu", "er", "ed", "ew", "or",
}
_NAME_HEAD_STOP = UNIT_STOP | {
    "outside", "previous", "prior", "other", "another", "same", "local", "this", "that",
    "transferred", "transfered", "transfer", "admitted", "from", "to", "at", "sent",
    "acute", "cardiac", "pulmonary", "pulm", "physical", "inpatient", "outpatient",
    "stroke", "vocational", "detox", "drug", "alcohol", "psychiatric", "psych", "geri",
    "geriatric", "pediatric", "peds", "adult", "children's", "childrens", "womens",
    "women's", "veterans", "state", "county", "city", "community", "mental",
}


_BACK_STOP = {
    "taken", "take", "output", "from", "to", "at", "by", "into", "in", "for", "with", "via",
    "and", "or", "of", "on", "brought", "went", "go", "going", "him", "her", "them",
    "was", "is", "were", "are", "be", "been", "a", "an", "the", "his", "her", "their",
    "my", "our", "your", "no", "not", "recorded", "urine", "transfer", "transferred",
    "transfered", "sent", "admitted", "admit", "adm", "discharged", "arrived", "came",
    "presented", "seen", "called", "spoke", "pt", "patient", "per", "screened",
    "accepted", "excepted", "referred", "followed", "treated", "evaluated", "s/p",
    "had", "has", "have", "will", "would", "may", "might", "need", "needs", "plan",
    "planned", "possible", "poss", "awaiting", "await", "bed", "beds", "back",
    "leave", "left", "go", "begin", "start", "started", "continue", "cont", "con't",
    "stay", "remain", "discharge", "want", "wants", "wanted", "like", "out", "into",
}


def get_recognizers():
    return [FacilityRecognizer()]
