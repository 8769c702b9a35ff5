"""Person names found by their context: titles, relationship words, roles, speaker
labels, sign-offs, credentials, headers and initials.  These catch names that are in
no lexicon ("Dr. Xochitl", "my sister Keziah").

Each pattern captures a cue and up to three following (or, for right-anchored cues
such as credentials, preceding) words in a group ``phi``.  The words are then
*refined* one by one with the case mode of the document (see ``name_lexicon``):
in mixed-case text a name word must be capitalised (lowercase accepted only after
strong titles like "dr"/"mr"); in lowercase or ALL-CAPS text a word is accepted when
it is a lexicon name or not an ordinary English word.  Refining stops at the first
word that fails, so "Dr. Smith aware" gives "Smith" and "my sister was" gives nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import _patterns
from ._base import LazyRegex, make_result
from .eponyms import LANGUAGES, is_eponym
from .name_lexicon import (
    _common, case_mode, geo_names, hand_ambiguous, headings, is_hand_word, lookup, safe_terms,
    word_first_names, wordness,
)

F = regex.MULTILINE  # patterns are case-sensitive; cue words use inline (?i:...)

WORD = r"\p{L}(?:\p{L}|['’](?=\p{L}))*(?:-\p{L}(?:\p{L}|['’](?=\p{L}))*)*"
INIT = r"\p{Lu}\.?"
# up to three name words, each optionally preceded by an initial ("J. R. Smith")
SEQ = rf"(?:{INIT}[ \t]?){{0,2}}{WORD}(?:[ \t]+(?:{INIT}[ \t]+)?{WORD}){{0,2}}"
# a list of such names: "Sam, Alex and Jo"
LIST = rf"{SEQ}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]*&[ \t]*){SEQ}){{0,3}}"

STRONG_TITLES = (
    r"drs|dr|doctor|mr|mrs|ms|mx|prof|professor|rev|reverend|judge|det|detective|sgt|"
    r"capt|pastor|rabbi|imam|dame|sir"
)
WEAK_TITLES = r"nurse|sister|brother|father|mother|coach|officer|miss|aunty|auntie|aunt|uncle"
POSSESSIVE_KIN = (r"(?:my|our|his|her|their|your)[ \t]+(?:(?:little|big|eldest|youngest|oldest|baby|best)[ \t]+)?"
                  r"(?:boy|girl|lad|lass|mate|bestie|missus|misses|hubby|bub|bubba)s?")
RELATIONS = (
    r"(?:(?:mother|father|sister|brother|son|daughter)[- ]in[- ]laws?|"
    r"(?:step|half[- ]?|ex[- ]?|god|foster[- ]|great[- ]?|grand)?"
    r"(?:mother|mom|mum|mommy|mummy|mama|mam|mammy|father|dad|daddy|papa|parent|sister|sis|"
    r"brother|bro|son|daughter|child|kid|baby|husband|wife|spouse|partner|boyfriend|"
    r"girlfriend|bf|gf|fianc[eé]e?|sibling|twin|aunt|auntie|uncle|cousin|niece|nephew|"
    r"grandmother|grandfather|grandma|grandpa|granny|nana|nanna|gran|grandson|"
    r"granddaughter|friend|roommate|flatmate|housemate|neighbou?r|coworker|co-worker|"
    r"colleague|boss|manager|supervisor|mentor|sponsor|landlord|lodger|carer|caregiver|"
    r"guardian|classmate|teammate|peer|ex|stepmom|stepdad|"
    # grandparents, elders and aunts in other languages of the countries served
    r"grandad|granddad|poppy|nan|koro|kui|whaea|matua|nonna|nonno|abuela|abuelo|"
    r"lola|lolo|ammi|abbu|dadi|nani|tita|tito)s?)"
)
ROLES = (
    r"case[ -]?manager|case[ -]?worker|caseworker|social[ -]worker|sw|psychiatrist|"
    r"psychologist|therapist|counsell?or|clinician|gp|pcp|teacher|principal|tutor|"
    r"chaplain|attending|resident|fellow|intern|np|nurse practitioner|dietitian|"
    r"dietician|nutritionist|pharmacist|physician|surgeon|cardiologist|neurologist|"
    r"oncologist|pediatrician|paediatrician|ot|slp|speech therapist|interpreter|"
    r"advocate|lawyer|attorney|probation officer|parole officer|pastor|priest|"
    r"worker|aide|doula|midwife|coach|sponsor|doctor|dr|md|rn"
)
POSSESSORS = r"(?:my|his|her|their|your|our|the|pt'?s|patient'?s|client'?s|whose|a)"
SIGNOFF_STRONG = (
    r"seen by|seen with|discussed with|d/w|spoke with|spoke to|talked with|talked to|"
    r"met with|signed by|electronically signed by|e-signed by|reviewed by|dictated by|"
    r"transcribed by|written by|prepared by|authored by|supervised by|referred by|"
    r"examined by|evaluated by|assessed by|co-signed by|cosigned by|countersigned by|"
    r"covering for|covered by|handed over to|cc|c\.c\.|attn|attention|sincerely|regards|"
    r"kind regards|best regards|warm regards|many thanks|best wishes|yours sincerely|"
    r"yours faithfully|yours truly|respectfully"
)
SIGNOFF_WEAK = (
    r"per|report to|report from|report given to|reported to|notified|paged|called|"
    r"signed|thanks|thank you|cheers"
)
HEADER_CUES = (
    r"name|full name|client name|patient name|pt name|client|patient|pt|re|dear|"
    r"therapist|clinician|provider|counsell?or|psychiatrist|psychologist|"
    r"referring (?:physician|clinician|provider|doctor|gp)|referrer|referred by|"
    r"to|from|attn|emergency contact|contact|next of kin|nok|parent/guardian|"
    r"parent|guardian|caregiver|carer|supervisor|supervisee|author|signed|"
    r"interpreter|hcp|health care proxy|healthcare proxy|proxy|poa|attending|"
    r"resident|nurse|rn|md|np|pcp|gp|case manager|social worker|student|child|"
    r"mother|father|spouse|partner|clinician signature|signature"
)
CREDS_CI = (
    r"lcsw|licsw|lmsw|lpc|lpcc|lmhc|lcpc|lmft|msw|psyd|psy\.d\.|ph\.?d\.?|rrt|bsn|"
    r"msn|aprn|fnp|pmhnp|dnp|lpn|lvn|cna|bcba|mbbs|casac|cadc|ladc|amft|apcc|acsw|"
    r"frcpc|franzcp|mrcpsych|pa-c|m\.d\.|r\.n\.|d\.o\.|ccc-slp|otr/l|crnp|dclinpsy|mpsych|"
    r"amhsw|babcp|hcpc|rsw|mbacp|ukcp|mappsych|maps|faps|ahpra|bacp|cpsych|rpn|rmn|"
    r"lcdc|lisw|licdc|cmhc|nbcc|cpc|ncc|cpn|rgn"
)
CREDS_CS = r"MD|RN|NP|PA|DO|LSW|CRT|OTR|SW|SLP|RD|RT|DPT|MFT|NCC|MA|MS|MPH|EdD|LAC|CSW|PMHNP-BC|FNP-BC"
SPEAKER_ROLES = (
    r"client|patient|pt|therapist|counsell?or|clinician|interviewer|parent|mother|"
    r"father|mom|dad|speaker[ \t]*\d*|caller|child|teen|adolescent|partner|spouse|"
    r"husband|wife|interpreter|participant|respondent|member|doctor|dr|nurse"
)
INITIALS_STOP = {
    "AM", "PM", "US", "UK", "NB", "PS", "MD", "DO", "RN", "BS", "MS", "MA", "BA", "ER",
    "OR", "IV", "PO", "QD", "BID", "TID", "QID", "HS", "PRN", "NPO", "DC", "LA", "NY",
    "SOB", "IE", "EG", "AKA", "ET", "AL", "VS", "CC", "NA", "OT", "PT", "ST", "RT",
    "ED", "AD", "BC", "UN", "EU", "DR", "MR", "GP", "NP", "PA", "OD", "OS",
    "OU", "QHS", "QAM", "QPM", "TV", "OK", "DNR", "DNI", "NG", "GT", "AC", "PC", "SL",
    "IM", "SC", "SQ", "ID", "PE", "AP", "LL", "RLL", "LLL", "RUL", "LUL", "CO", "HO",
    "GU", "GI", "CI", "YO", "SP", "NO", "OOB", "WNL", "ABD", "EXT", "UA", "RA", "RN",
    "CT", "MRI", "EKG", "ECG", "AV", "VS", "HR", "BP", "RR", "TX", "DX", "RX", "HX",
    "SX", "FX", "CS", "GCS", "PT", "INR", "PTT", "IQ", "MSE", "CBT", "DBT", "ACT", "DOB",
    "MRN", "NHS", "SSN", "EMDR", "PTSD", "ADHD", "OCD", "GAD", "MDD", "USA",
}


# pronouns, determiners, wh-words, auxiliaries: never a name after a cue word
FUNCTION_WORDS = frozenset(
    """
    he she it they we you i me him them us his her hers its their theirs our ours your
    yours my mine how what when where why who whom whose which this that these those
    the a an and or but nor is was are were be been being has have had do does did
    not no yes so then there here if as at by for from in into of on to with without
    about after before again also am any because both can could each either every few
    just more most much must neither now only other over own same should some such
    than too under until up very would shall might ok okay well oh um uh yeah hi hello
    please thanks today tomorrow yesterday tonight per via re last next first
    inlaw inlaws
    """.split()
)




_CONTRACTION = _patterns.compile(r"'(?:m|re|ve|ll|d|t)$")
_TITLE_WORD = _patterns.compile(r"(?:drs|dr|mr|mrs|ms|mx|prof)\.?")
_CRED_CI_RX = _patterns.compile(rf"(?:{CREDS_CI}|{CREDS_CS.lower()})")


def _style(w: str) -> str:
    letters = [c for c in w if c.isalpha()]
    if all(c.isupper() for c in letters):
        return "U"
    if all(c.islower() for c in letters):
        return "l"
    return "T" if letters[0].isupper() else "x"


# endings of clinical words and misspellings that are in no lexicon ("hypothermic",
# "thoracotomy", "assymptomatic", "attemtped"): an unknown word with one is no name
_CLIN_SUFFIX = _patterns.compile(
    r"(?:otomy|ectomy|ostomy|osis|emia|aemia|algia|plasty|scopy|graphy|opathy|uria|penia|"
    r"ysis|ular|ism|ates|olol|pril|azole|mycin|cillin|ulin|sone|ment|tion|sion|ness|ity|"
    r"able|ible|ally|oid|gram|sounds|icu|thermic|tomatic|ious|eous|(?<![ypmlnjqxhgw])ing|ed)$"
)


# lexicon words that follow a title without being a name ("Dr. Will see", "dr aware")
_AFTER_TITLE_STOP = frozenset("""
will may can could would should shall might must aware notified paged called call calls
spoke saw sees see seen said says told wants wanted came come comes here there today
tonight now also ordered orders order note notes office team service on call rounds
was is were are be been being has had have did does do and or but not no yes in at to
from by with for of the a an this that his her their said made make gave give given
feels felt thinks thought states stated reports reported agrees agreed recommends
recommended plans planned aware. in. out up down back again still already just only
re who which what when where why how whom whose very well good bad new old same
""".split())


def word_ok(w: str, mode: str, strength: str, first: bool) -> bool:
    """Can ``w`` be (part of) a name after a cue of the given strength?

    strength: 'strong' (Dr, Mr ...), 'rel' (relationship/role words, headers),
    'weak' (sign-off cues such as "per", "called", speaker labels).
    """
    k = w.lower().replace("’", "'")
    if strength == "strong" and k.endswith("'s") and len(k) > 4:
        # "dr. white's order": the possessive of a surname after a title
        return word_ok(w[:-2], mode, strength, first)
    if k in FUNCTION_WORDS or k.endswith("'s") or _CONTRACTION.search(k):
        return False
    if CRED_AT.fullmatch(w) is not None or _CRED_CI_RX.fullmatch(k) is not None:
        return False  # a credential, not a name ("MSW", "PhD")
    if _TITLE_WORD.fullmatch(k):
        return False  # a title ("Mrs", "Dr"), not a name
    if "-" in k:  # "Smith-Jones" yes, "called-update" / "in-law" no
        return all(p and word_ok(p, mode, strength, True) for p in w.split("-"))
    if k in headings() and not (first and strength == "strong"):
        return False
    info = lookup(w)
    wn = wordness(w)
    raw = _common().get(k, -1)  # frequency only, without the hand list
    st = _style(w)
    if len(w) == 1:
        return False
    if mode == "mixed":
        if st == "T" or st == "x":
            if info is not None:
                # capitalised lexicon name; weak cues need a less ambiguous one
                if strength == "strong" and k not in _AFTER_TITLE_STOP:
                    return True  # "Dr. Art White"
                if strength == "weak":
                    return info[3] <= 5 or wn < 5
                return not (wn >= 8 and not first)
            # a word no name list has: a rare word, or after a relation a less common one
            # written as a name ("her aunt Mere", "Dear Ora"), but not an everyday word nor
            # an English adjective or participle ("Father - Supportive", "partner, Alcoholic")
            if strength == "weak" or (wn < 0 and _CLIN_SUFFIX.search(k)):
                return False
            return wn < 3 or (strength == "rel" and wn < 5 and k not in safe_terms() and not english_form(k))
        if st == "U":
            if strength == "strong" and first and len(w) >= 2:
                return True  # "DR. LAW", "MR KOHL"
            if k in hand_ambiguous():
                return False
            if info is not None:
                return info[3] <= (6 if strength != "weak" else 2)
            # an unknown ALL-CAPS word in mixed text is usually an acronym
            return wn < 0 and strength == "strong" and len(w) >= 3
        # lowercase word in mixed text
        if strength == "strong" and first:
            if info is not None:
                return wn <= 6 or k not in _AFTER_TITLE_STOP  # "dr small"
            return wn < 0 and len(w) >= 3
        if strength == "rel" and first and info is not None and (info[0] or info[3] <= 4):
            return raw <= 6
        if info is not None and not first:
            return info[3] <= 2 and strength == "strong"
        return False
    # caseless documents (ALL CAPS or all lowercase)
    if info is not None:
        if strength == "strong":
            return raw <= (6 if first else 3) or (first and k not in _AFTER_TITLE_STOP)
        if strength == "rel":
            return ((info[0] or info[3] <= 4) and raw <= 6) if first else info[3] <= 4
        return info[3] <= 2
    if k in hand_ambiguous():
        return False
    return wn < 0 and len(w) >= 3 and strength != "weak" and not _CLIN_SUFFIX.search(k)


_FORM_SUFFIX = _patterns.compile(r"(?:ed|ive|ous|ful|less|able|ible|ing|ness|ment|ic|ical|ary|ory|ist)$")


def english_form(k: str) -> bool:
    """An English word with an adjective's or a participle's ending ("deceased",
    "supportive", "alcoholic"), not a name that happens to end so ("Reed" is in the lists)."""
    if not _FORM_SUFFIX.search(k):
        return False
    from deid.safety_net import vocabulary

    return k in vocabulary()


@dataclass
class Ctx:
    """A left-anchored context pattern: ``cue`` (case-insensitive) then ``rest`` with phi.

    Candidates are found by one tokenising pass: a pattern is tried (``regex.match``
    at the token) only where a token can begin its cue, which keeps the catalogue
    fast on long texts.
    """

    name: str
    cue: str
    rest: str
    score: float
    strength: str
    multi: bool = False
    anchor: str = "left"

    def __post_init__(self) -> None:
        self.head = _patterns.compile(rf"(?i:{self.cue})")
        self._regex: "Optional[regex.Pattern]" = None

    @property
    def regex(self) -> "regex.Pattern":
        """The whole pattern, compiled on first use (start-up: most cues never occur)."""
        if self._regex is None:
            self._regex = _rx(rf"(?i:{self.cue}){self.rest}")
        return self._regex


def _rx(s: str) -> "regex.Pattern":
    return _patterns.compile(s, F)


_WSPLIT = _patterns.compile(rf"{INIT}(?=[ \t])|{WORD}")
_LSPLIT = _patterns.compile(r"[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]*&[ \t]*")
B = r"(?<![\p{L}\p{N}])"  # word boundary before
E = r"(?![\p{L}\p{N}])"
_TITLE_OPT = rf"(?:(?i:{STRONG_TITLES})\.?[ \t]+)?"

# a transcript timestamp before a speaker label: "[00:12:38] ", "00:04:10.250 "
TIMESTAMP = r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]?[ \t]+)"
LEFT: list[Ctx] = [
    Ctx("title_strong", STRONG_TITLES,
        rf"(?:\.|{E})[ \t]*(?P<phi>{SEQ}(?:[ \t]+(?:and|&)[ \t]+{_TITLE_OPT}{SEQ})?)", 0.85, "strong", multi=True),
    Ctx("title_weak", WEAK_TITLES, rf"{E}\.?[ \t]+(?P<phi>{SEQ})", 0.6, "rel"),
    Ctx("relation", rf"{RELATIONS}|{ROLES}",
        rf"{E}(?:[ \t]*\([^()\n]{{0,20}}\))?[ \t]*(?:[,:\-–]+[ \t]*|(?i:named|called|is)[ \t]+)?"
        rf"{_TITLE_OPT}(?P<phi>{LIST})", 0.7, "rel", multi=True),
    # colloquial kin after a possessive: "our boy Hunter", "my mate Will", "his missus Shaz"
    # (alone, "boy", "girl" and "mate" are no relation: "the boy Scout", "good girl")
    Ctx("possessive_kin", POSSESSIVE_KIN,
        rf"{E}[ \t]*,?[ \t]*(?P<phi>{LIST})", 0.7, "rel", multi=True),
    Ctx("signoff", SIGNOFF_STRONG,
        rf"{E}[ \t]*[:,]?[ \t]*(?:\n[ \t]*)?{_TITLE_OPT}(?P<phi>{SEQ})", 0.7, "rel"),
    Ctx("signoff_weak", SIGNOFF_WEAK,
        rf"{E}[ \t]*[:,]?[ \t]*{_TITLE_OPT}(?P<phi>{SEQ})", 0.6, "weak"),
    Ctx("dear", "dear", rf"{E}[ \t]+{_TITLE_OPT}(?P<phi>{SEQ})", 0.8, "rel"),
    # the answer to a question about a name, on the same line or in the next turn:
    # "What's your surname? Magnusson", "T: And your sister's name? C: Aroha."
    Ctx("name_question", r"name|surname",
        rf"\?[ \t]*(?:\n[ \t]*)?(?:{TIMESTAMP}?\p{{L}}+(?:[ \t_]+\p{{L}}*\d*)?[ \t]*:[ \t]*)?"
        rf"(?:(?i:it['’]?s|it[ \t]+is|that['’]?s|um|uh|oh|yeah|er)[,.]?[ \t]+)*"
        rf"(?!(?i:i|we|you|he|she|they|it|no|not|nope|sorry|dunno|don['’]t|can['’]t|what|why|who){E}){_TITLE_OPT}(?P<phi>{SEQ})",
        0.75, "strong"),
    # "my name is dawn king", "I'm called Sol"
    Ctx("self_intro", r"my[ \t]+name[ \t]+is|my[ \t]+name['’]s|i[ \t]+am[ \t]+called|i['’]m[ \t]+called",
        rf"{E}[ \t]+(?P<phi>{SEQ})", 0.85, "strong"),
]
# line-anchored patterns (run with finditer; '^' makes them cheap)
LINE: list[Ctx] = [
    Ctx("speaker_role", rf"^[ \t]*(?:{SPEAKER_ROLES})",
        rf"[ \t]*\([ \t]*(?P<phi>{SEQ})[ \t]*\)[ \t]*:", 0.85, "strong"),
    Ctx("speaker_name", r"^",
        rf"[ \t]*{TIMESTAMP}?(?P<phi>{WORD}(?:[ \t]+(?:{INIT}[ \t]+)?{WORD})?)[ \t]*:[ \t]+(?=\S)"
        rf"(?=[^\n]*\p{{L}}[^\n]*\s\S)", 0.7, "weak"),
    Ctx("header", rf"^[ \t]*(?:{HEADER_CUES})",
        rf"[ \t]*(?::|-(?=[ \t]))[ \t]*{_TITLE_OPT}(?P<phi>{SEQ}(?:[ \t]*,[ \t]*{SEQ})?)", 0.8, "rel"),
]
# right-anchored cues: the name is the run of words just before them
CRED_AT = _rx(rf"(?:(?i:{CREDS_CI})|(?:{CREDS_CS}))(?![\p{{L}}\p{{N}}])")
PAREN_AT = _rx(
    rf"\((?i:[^()\n]{{0,12}}(?:{RELATIONS}|{ROLES}|client|patient|pt|hcp|proxy|poa|nok)[^()\n]{{0,12}})\)")
AWARE_AT = _rx(r"(?i:(?:was |is |were )?(?:made aware|aware|notified|informed|paged|updated)(?![\p{L}]))")
POSS_AT = _rx(
    rf"['’]s[ \t]+(?i:{RELATIONS}|{ROLES}|case|family|house|place|home|room|school|car){E}")
TOK = _patterns.compile(r"\p{L}+")

# initials: "J.R.", "J. R.", "JR (client)"
INITIALS = _rx(
    r"(?<![\p{L}\p{N}.])(?P<phi>\p{Lu}\.\p{Lu}(?:\.\p{Lu})?\.?|\p{Lu}\.[ ]\p{Lu}\.(?:[ ]\p{Lu}\.)?)"
    r"(?![\p{L}\p{N}]|[ ]?\p{Lu}\.)"
)
_INITIALS_CUE = _patterns.compile(r"(?i:dear|thanks|regards|dr|mr|mrs|ms|mx|prof)[.,]?[ \t]*\n?[ \t]*$")
INITIALS_PAREN = _rx(
    rf"(?<![\p{{L}}\p{{N}}])(?P<phi>\p{{Lu}}{{2,3}})[ \t]*\((?i:{SPEAKER_ROLES}|{RELATIONS}|initials)\)"
)
# run on the lowercased text (a case-sensitive literal scan is much faster)
INITIALS_LABEL = _patterns.compile(r"(?<![\p{L}\p{N}])(?:initials|client|patient|pt)[ \t]*(?:initials)?[ \t]*[:=][ \t]*")
INITIALS_AFTER_LABEL = _rx(r"\p{Lu}\.?[ ]?\p{Lu}\.?(?:[ ]?\p{Lu}\.?)?(?![\p{L}\p{N}])")


_PLAN: dict[str, tuple[int, ...]] = {}
_LAST_WORD = _patterns.compile(rf"{WORD}$")


def _head_vocabulary() -> list[str]:
    """Every token that can start a LEFT cue or a credential (a superset, checked by _plan)."""
    words: set[str] = set()
    for c in LEFT:
        words.update(regex.findall(r"[a-z]+", c.cue.replace("(?:", " ").replace("(?i:", " ")))
    rel = set(regex.findall(r"[a-z]+", RELATIONS))
    for w in list(rel):
        words.add(w + "s")
        for pre in ("step", "half", "ex", "god", "foster", "great", "grand"):
            words.update({pre + w, pre + w + "s"})
    words.update(regex.findall(r"[A-Za-z]+", CREDS_CI + "|" + CREDS_CS))
    return sorted(w for w in words if len(w) >= 1)


def _can_start(rx: "regex.Pattern", tok: str) -> bool:
    """The token is a whole first token of some cue (not just a prefix of a longer word)."""
    m = rx.fullmatch(tok)
    if m is not None:
        return True
    return any(rx.fullmatch(tok + sep, partial=True) is not None for sep in " -/.")


def _plan(tok: str) -> tuple[int, ...]:
    """Which patterns can start at this token: LEFT indices, and -1 for a credential."""
    low = tok.lower()
    out = [i for i, c in enumerate(LEFT) if _can_start(c.head, low)]
    if _can_start(CRED_AT, tok):
        out.append(-1)
    plan = tuple(out)
    if len(_PLAN) < 200000:
        _PLAN[tok] = plan
    return plan


# a word then an age in brackets or after a comma, in caseless text: "blessing (35),",
# "mason, 5 months.", "TANE (8) AND ..." -- a listed name there is a person (a drug or
# a count before a number is no listed name: "lasix (40)", "sessions (12)")
_AGE_AFTER_NAME = LazyRegex(
    r"(?<![\p{L}\p{N}'’])(?P<w>\p{L}{3,})(?:[ \t]*\([ \t]*(?i:aged?[ \t]*)?\d{1,3}[ \t]*"
    r"(?i:y/?o|yrs?|years?(?:[ \t]+old)?|months?|mos?|weeks?|wks?)?[ \t]*\)"
    r"|,[ \t]*\d{1,2}[ \t]*(?i:months?|mos?|weeks?|wks?|y/?o|yrs?|years?(?:[ \t]+old)?)(?![\p{L}]))"
)


# a list of people with their ages and no brackets: "Maddison 14, Jaxon 11, Ruby 7",
# "Ruby 7 and Hazel 4", "Ruby, 7, and Rose, 5" (two items or more)
_AGE_ITEM = r"\p{L}{3,}(?:,[ \t]*|[ \t]+)\d{1,2}(?![\p{L}\p{N}/:\-]|\.\d)"
_AGE_LIST = LazyRegex(
    rf"(?<![\p{{L}}\p{{N}}'’\-])(?:{_AGE_ITEM}[ \t]*(?:,[ \t]*(?:and[ \t]+|&[ \t]*)?|and[ \t]+|&[ \t]*)){{1,8}}{_AGE_ITEM}"
)
_AGE_LIST_ITEM = LazyRegex(r"(?P<w>\p{L}{3,})(?:,[ \t]*|[ \t]+)\d{1,2}")


def _titled(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def _names_in_age_list(text: str, mode: str) -> list[tuple[int, int]]:
    """The names of a list of people each followed by an age. Two items or more must be
    listed names (:func:`_listed_before_age`); the others are taken with them ("Hunter
    12, Willow 9, Sky 6") unless one is a word that is never a name there (a function
    word, heading, month, relation). In mixed case every item is written as a name.
    So "Ward 4, Bed 12", "Grade 3, Year 7", "Step 4 and Step 5" (no listed names) and
    "June 14, July 3" (months) are no list of people."""
    out = []
    for m in _AGE_LIST.finditer(text):
        items = [(m.start() + i.start("w"), m.start() + i.end("w"), i.group("w"))
                 for i in _AGE_LIST_ITEM.finditer(m.group())]
        if mode == "mixed" and not all(_titled(w) for _, _, w in items):
            continue
        if sum(_listed_before_age(w) for _, _, w in items) < 2:
            continue
        if any(never_a_name_word(w) for _, _, w in items):
            continue
        out.extend((a, b) for a, b, _ in items)
    return out


def never_a_name_word(word: str) -> bool:
    """A function word, a heading, a calendar or clinical word, or a relation: never a
    name however the text around it reads."""
    k = word.lower()
    return k in FUNCTION_WORDS or k in headings() or is_hand_word(k) or k in _kin_role_words()


def _listed_before_age(word: str) -> bool:
    k = word.lower()
    if never_a_name_word(word):
        return False
    info = lookup(word)
    if info is None:
        return False
    if info[0]:
        return True  # a first name, even one that is a word: "hope (5)", "RUBY (11)"
    # a surname only: not an ordinary word nor the plural of one ("sessions (12)")
    return wordness(word) <= 6 and not (k.endswith("s") and wordness(k[:-1]) >= 2)


@lru_cache(maxsize=1)
def kin_role_words() -> frozenset[str]:
    """The whole relation and role words ("mum", "stepdad", "nana"; not the fragments of
    the patterns such as "r" of "neighbou?r" or "law" of "in-law")."""
    return frozenset(w for w in _kin_role_words() if len(w) >= 3 and w not in ("law", "laws", "neighbou"))


@lru_cache(maxsize=1)
def _kin_role_words() -> frozenset[str]:
    """The words of RELATIONS and ROLES and their plurals ("mother (62)" is the mother's
    age, found by the age rules; "Tane and Mum": no second name)."""
    rel = set(regex.findall(r"[a-z]+", RELATIONS)) | set(regex.findall(r"[a-z]+", ROLES))
    return frozenset(rel | {w + "s" for w in rel})


def _words_before(text: str, pos: int, max_words: int = 4) -> Optional[tuple[int, int]]:
    """The run of name-ish words (and initials) right before ``pos`` on the same line."""
    lo = max(0, pos - 80)
    nl = text.rfind("\n", lo, pos)
    if nl >= 0:
        lo = nl + 1
    window_end = pos
    while window_end > lo and text[window_end - 1] in " \t,":
        window_end -= 1
    toks = [(m.start(), m.end()) for m in _WSPLIT.finditer(text, lo, window_end)]
    if not toks or toks[-1][1] != window_end:
        return None
    run = [toks[-1]]
    for a, b in reversed(toks[:-1]):
        gap = text[b:run[-1][0]]
        if len(run) >= max_words or gap.strip(" \t.") or not gap:
            break
        run.append((a, b))
    return run[-1][0], run[0][1]


# the person a relation names goes on as "he"/"she": "our boy hunter he's nine",
# "my daughter grace she's at kindy", "his mate will he was there"
_PRONOUN_NEXT = _patterns.compile(r"[ \t]*,?[ \t]+(?:he|she)(?:['’]s|[ \t]+(?:is|was|has|had|does|did)|s)(?![\p{L}'’])")


def _named_then_pronoun(text: str, w: str, end: int, mode: str, c: Ctx) -> bool:
    """In caseless text, a listed first name that is also a common word ("hunter",
    "grace", "will") right after a relation, when the next words take it up as he or
    she: the relation's own person, not the word."""
    if mode == "mixed" or c.strength != "rel" or c.anchor != "left":
        return False
    if never_a_name_word(w):
        return False
    info = lookup(w)
    return info is not None and info[0] and _PRONOUN_NEXT.match(text, end) is not None


def _refine(text: str, s: int, e: int, mode: str, c: Ctx) -> list[tuple[int, int]]:
    """Split phi into names (for lists) and keep only the words that pass word_ok."""
    groups: list[tuple[int, int]] = []
    if c.multi:
        pos = s
        for m in _LSPLIT.finditer(text, s, e):
            groups.append((pos, m.start()))
            pos = m.end()
        groups.append((pos, e))
    else:
        groups = [(s, e)]
    out: list[tuple[int, int]] = []
    for gi, (gs, ge) in enumerate(groups):
        toks = [(m.start(), m.end()) for m in _WSPLIT.finditer(text, gs, ge)]
        if not toks:
            break
        if c.anchor == "right":
            toks = toks[::-1]
        kept: list[tuple[int, int]] = []
        seen_word = False
        for ts, te in toks:
            w = text[ts:te]
            if len(w.rstrip(".")) == 1 and w[0].isupper():
                # an initial: keep it inside the name
                if c.anchor == "left" and not seen_word:
                    kept.append((ts, te))
                    continue
                if c.anchor == "right" and seen_word:
                    kept.append((ts, te))
                    continue
                if c.anchor == "left":
                    kept.append((ts, te))
                    continue
                break
            if not word_ok(w, mode, c.strength, not seen_word) and not (
                    not seen_word and _named_then_pronoun(text, w, te, mode, c)):
                break
            kept.append((ts, te))
            seen_word = True
        if not seen_word:
            break
        # drop initials dangling on the far side
        while kept and len(text[kept[-1][0]:kept[-1][1]].rstrip(".")) == 1 and c.anchor == "left":
            kept.pop()
        if not kept:
            break
        a = min(k[0] for k in kept)
        b = max(k[1] for k in kept)
        out.append((a, b))
        if len(kept) < len(toks) and c.multi:
            break  # the list ended on a non-name
    return out


def _headset() -> frozenset:
    """Every word that can start a LEFT cue or a credential."""
    return frozenset(w.lower() for w in _head_vocabulary() if len(w) >= 2 and _plan(w))


# about 80,000 partial matches: kept between runs (_patterns.derived), keyed by the cues
_HEADSET = _patterns.derived(
    "\n".join([*(f"{r.flags} {r.pattern}" for r in [*(c.head for c in LEFT), CRED_AT]), *_head_vocabulary()]), _headset
)
# cues whose first token is a single letter ("d/w", "c.c.", "M.D.")
_AWARE_FIND = _patterns.compile(r"(?<=\p{L}[ \t]+)(?:aware|notified|informed)(?!\p{L})", regex.IGNORECASE)
_SHORT_CUES = _patterns.compile(
    r"(?<![\p{L}\p{N}])(?:d/w|c\.c\.|e-signed|m\.d\.|r\.n\.|d\.o\.|ph\.d|psy\.d)", regex.IGNORECASE
)


class ContextNameRecognizer(LocalRecognizer):
    """PERSON from titles, relationships, roles, speakers, sign-offs and headers."""

    ENTITY = "PERSON"

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            name="ContextNameRecognizer",
            supported_language="en",
        )

    def load(self) -> None:
        headings()

    def _result(self, s: int, e: int, score: float, pattern: str) -> RecognizerResult:
        return make_result(self, self.ENTITY, s, e, score, pattern)

    def _emit(self, text, s, e, mode, c, out, seen):
        for a, b in _refine(text, s, e, mode, c):
            if (a, b) in seen or is_eponym(text, a, b) or _NOT_A_PERSON_AFTER.match(text, b):
                continue
            if c.anchor == "left" and c.strength != "strong":
                # "Guardian: Niece, Ann Roe" names the relation first, then the person
                # (after a title it is a surname: "Ms Cousin")
                lead = _LEADING_RELATION.match(text, a, b)
                if lead is not None:
                    if lead.end() >= b:
                        continue
                    a = lead.end()
            self._add(out, seen, a, b, c.score, c.name)

    def _add(self, out, seen, a, b, score, pattern) -> None:
        if (a, b) not in seen:
            seen.add((a, b))
            out.append(self._result(a, b, score, pattern))

    def _vocatives(self, text, low, toks, out, seen) -> None:
        """A first name the speaker addresses before a question: "so Dawn, how have you
        been", "Hope, do you want to say more" (clause-initial, a lexicon first name)."""
        starts = [p for h in _QUESTION_HEADS.intersection(toks) for p in _word_positions(low, h)
                  if _QUESTION.match(low, p)]
        for qs in starts:
            m = VOCATIVE.search(text, max(0, qs - 80), qs)
            if m is None:
                continue
            a, b = m.span("phi")
            w = text[a:b]
            info = lookup(w)
            if info is None or not info[0] or w.lower() in FUNCTION_WORDS or is_hand_word(w):
                continue
            self._add(out, seen, a, b, 0.7, "vocative")

    def _attendance(self, text, mode, toks, out, seen) -> None:
        """Names in an attendance list: "Members present: Ruby B., K.A., Violet, TJ"."""
        for m in attendance_lists(text, toks):
            for im in _LIST_ITEM.finditer(text, m.start("items"), m.end("items")):
                a, b = im.span()
                tm = _ITEM_TITLE.match(text, a, b)
                if tm is not None:
                    a = tm.end()
                pm = _ITEM_ROLE.search(text, a, b)
                if pm is not None:
                    b = pm.start()  # "T. Ngata (facilitator)", "Jo Mills (OT)": the name before its role
                if b - a > 2 and text[b - 1] == "." and text[b - 2].isalpha() and text[b - 3].isalpha():
                    b -= 1  # the full stop that ends the list ("..., Eli and Fox."), not an initial's
                if a >= b:
                    continue
                item = text[a:b]
                if _ITEM_INITIALS.fullmatch(item):
                    letters = "".join(ch for ch in item if ch.isalpha())
                    if letters.upper() not in INITIALS_STOP and not _CRED_CI_RX.fullmatch(letters.lower()):
                        self._add(out, seen, a, b, 0.7, "attendance")
                    continue
                words = _WSPLIT.findall(item)
                if not words or len(words) > 4 or all(w.lower() in kin_role_words() for w in words):
                    continue  # "Stepdad (Bevan)": the relation, not the name
                first_word = True
                ok = True
                for w in words:
                    if len(w.rstrip(".")) == 1 and w[0].isupper():
                        continue  # "Ruby B."
                    # inside one item, a capitalised lexicon word after the first is the
                    # rest of the name ("Angel Small")
                    rest = not first_word and w[0].isupper() and lookup(w) is not None
                    if not (rest or word_ok(w, mode, "rel", first_word)):
                        ok = False
                        break
                    first_word = False
                # several words that are all ordinary words are a role ("Care Coordinator")
                named = len(words) == 1 or any(len(w.rstrip(".")) == 1 or _namey(w) for w in words)
                if ok and named and not first_word and not is_eponym(text, a, b):
                    self._add(out, seen, a, b, 0.7, "attendance")

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        mode = case_mode(text)
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        # one tokenising pass finds where left-anchored cues and credentials can start
        plan_get = _PLAN.get
        starts: list[tuple[int, tuple[int, ...]]] = []
        low = text.lower()
        if len(low) != len(text):  # rare Unicode whose lowercase changes length
            low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
        toks = frozenset(TOK.findall(low))
        for head in _HEADSET.intersection(toks):
            n = len(head)
            pos = low.find(head)
            while pos >= 0:
                if (pos == 0 or not low[pos - 1].isalnum()) and not low[pos + n:pos + n + 1].isalpha():
                    tok = text[pos:pos + n]
                    plan = plan_get(tok)
                    if plan is None:
                        plan = _plan(tok)
                    if plan:
                        starts.append((pos, plan))
                pos = low.find(head, pos + n)
        if "/" in text or "." in text or "-" in text:
            for m in _SHORT_CUES.finditer(text):
                tok = m.group()[0]
                plan = plan_get(tok)
                if plan is None:
                    plan = _plan(tok)
                if plan:
                    starts.append((m.start(), plan))
        starts.sort()
        for st, plan in starts:
            for i in plan:
                if i < 0:
                    cm = CRED_AT.match(text, st)
                    if cm is not None and st and text[st - 1] in " ,\t" and _credential_ok(text, st, cm.end()):
                        span = _words_before(text, st)
                        if span:
                            self._emit(text, span[0], span[1], mode, CRED, results, seen)
                    continue
                c = LEFT[i]
                if c.name == "title_strong":
                    tm = TITLE_INITIAL.match(text, st)
                    if tm is not None:  # "Mr K. was seen": a lone initial after the title
                        self._add(results, seen, *tm.span("phi"), 0.8, "title_initial")
                if c.name == "signoff" and _CC_UNIT.search(text, max(0, st - 8), st + 3):
                    continue  # "250 cc of ...": cubic centimetres, not a carbon copy
                mm = c.regex.match(text, st)
                if mm is not None and mm.end("phi") > mm.start("phi"):
                    self._emit(text, mm.start("phi"), mm.end("phi"), mode, c, results, seen)
        # possessive relation: "Jordan's mom"
        for q in ("'s", "’s"):
            pos = text.find(q)
            while pos > 0:
                if POSS_AT.match(text, pos):
                    wm = _LAST_WORD.search(text, max(0, pos - 40), pos)
                    if wm:
                        self._emit(text, wm.start(), wm.end(), mode, POSS, results, seen)
                pos = text.find(q, pos + 2)
        # "Dr Okafor aware", "JORDAN REYES NOTIFIED"
        for m in _AWARE_FIND.finditer(text):
            span = _words_before(text, m.start())
            if span:
                self._emit(text, span[0], span[1], mode, AWARE, results, seen)
        # "Hank Smith (son)"; in caseless text also "blessing (35)", "mason, 5 months"
        pos = text.find("(")
        while pos >= 0:
            if PAREN_AT.match(text, pos):
                span = _words_before(text, pos)
                if span:
                    self._emit(text, span[0], span[1], mode, PAREN, results, seen)
            pos = text.find("(", pos + 1)
        for m in _AGE_AFTER_NAME.finditer(text):
            w = m.group("w")
            # in mixed case the word must be written as a name ("Ruby (7)", not "ruby (7)")
            if (mode != "mixed" or _titled(w)) and _listed_before_age(w):
                self._add(results, seen, *m.span("w"), 0.6, "name_before_age")
        for a, b in _names_in_age_list(text, mode):
            self._add(results, seen, a, b, 0.6, "name_in_age_list")
        self._attendance(text, mode, toks, results, seen)
        for a, b, fr in dialogue_names(text, low, mode, toks) + nicknames(text, low, mode, toks):
            self._add(results, seen, a, b, 0.8, fr)
        self._vocatives(text, low, toks, results, seen)
        if mode != "mixed" and "." in text:
            for m in CASELESS_INITIALS.finditer(text):
                k = m.group("i").lower().replace(".", "")
                if k not in _DOTTED_ABBREVIATIONS and k not in headings():
                    self._add(results, seen, *m.span("i"), 0.7, "caseless_initials")
        for c in LINE:
            for mm in c.regex.finditer(text):
                s, e = mm.span("phi")
                if e <= s:
                    continue
                if c.name == "speaker_name":
                    w0 = text[s:e].split()[0]
                    if w0.lower() in headings() or (mode == "mixed" and _style(w0) == "l"):
                        continue
                self._emit(text, s, e, mode, c, results, seen)
        if "." in text:
            for m in INITIALS.finditer(text):
                s, e = m.span("phi")
                letters = "".join(ch for ch in text[s:e] if ch.isalpha())
                # "T. V." (spaced) is a person's initials, "T.V." may be an abbreviation
                cued = " " in text[s:e] or _INITIALS_CUE.search(text, max(0, s - 12), s) is not None
                if (letters in INITIALS_STOP or mode == "upper") and not cued:
                    continue
                results.append(self._result(s, e, 0.5, "initials"))
        spans_ir = [m.span("phi") for m in INITIALS_PAREN.finditer(text)] if "(" in text else []
        for m in INITIALS_LABEL.finditer(low):
            im = INITIALS_AFTER_LABEL.match(text, m.end())
            if im:
                spans_ir.append(im.span())
        for s, e in spans_ir:
            letters = "".join(ch for ch in text[s:e] if ch.isalpha())
            if letters in INITIALS_STOP:
                continue
            results.append(self._result(s, e, 0.7, "initials_role"))
        return results


# the words after a candidate that make it a service or a language, not a person:
# "seen by renal team", "Russian speaking"
_NOT_A_PERSON_AFTER = _patterns.compile(
    r"[ \t]*(?:-|[ \t])[ \t]*(?i:team|teams|service|services|staff|surgeon|surgeons|department|"
    r"dept|consult|consults|clinic|speaking|speaker|speakers)(?![\p{L}\p{N}])"
)
_LEADING_RELATION = _patterns.compile(rf"(?i:{RELATIONS}|{ROLES})(?![\p{{L}}\p{{N}}])[ \t,:\-–]*")
_CC_UNIT = _patterns.compile(r"(?i:\d[ \t]*cc)(?![\p{L}\p{N}])")
# a credential-shaped abbreviation that is clinical here: "PA line", "PA cath",
# "MD's", "2L NP" (nasal prongs)
_CRED_NOT_AFTER = _patterns.compile(
    r"(?:['’]s|s\b|[ \t]+(?i:line|lines|cath|catheter|pressures?|port|diastolic|systolic|"
    r"wedge|sat|sats|prongs?|cannula|o2|oxygen)(?![\p{L}]))"
)
_FLOW_BEFORE = _patterns.compile(r"(?i:\d[ \t]*(?:l|ls|lpm|liters?|litres?))[ \t,]*$")


def _credential_ok(text: str, start: int, end: int) -> bool:
    """A credential that really follows a name (not "PA line", "MD's", "2L NP")."""
    if _CRED_NOT_AFTER.match(text, end):
        return False
    return _FLOW_BEFORE.search(text, max(0, start - 12), start) is None


# a title before a lone initial: "Mr K. was seen", "per Dr. A, reviewed", "MR K WAS SEEN"
# (a title before an initial and a surname is title_strong's)
TITLE_INITIAL = _patterns.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?i:{STRONG_TITLES})(?:\.|(?![\p{{L}}\p{{N}}]))[ \t]*(?P<phi>\p{{Lu}}\.?)(?![\p{{L}}\p{{N}}])"
    r"(?=[ \t]*(?:[,;:)!?]|$|\.[ \t]*(?:$|\n|\p{Lu}\p{Ll})|[ \t]+(?:\p{Ll}|(?:WAS|IS|HAS|HAD|WILL|WOULD|REPORTS|"
    r"REPORTED|STATES|STATED|DENIES|DENIED|AND|TO|IN|ON|AT|WITH|REMAINS|REMAINED|AWARE|NOTIFIED)(?![\p{L}]))))",
    regex.MULTILINE,
)
# a name said to someone before a question ("so dawn how have you been", "Hope, do you"):
# the question is found first, then the clause-initial word just before it
_QUESTION_HEADS = frozenset("how do did can could would what are tell where why talk walk".split())
_QUESTION = _patterns.compile(  # matched at one of its head words in the lowercased text
    r"(?i:how[ \t]+(?:have|are|is|was|did|do)|do[ \t]+you|did[ \t]+you|can[ \t]+you|"
    r"could[ \t]+you|would[ \t]+you|what[ \t]+(?:do|did|would|have)[ \t]+you|are[ \t]+you|tell[ \t]+(?:me|us)|"
    r"what[ \t]+happened|what['’]?s[ \t]+(?:going[ \t]+on|happening|up|been[ \t]+happening)|"
    r"where[ \t]+(?:were|did|are|have)[ \t]+you|why[ \t]+(?:did|do|are|were)|how[ \t]+come|how['’]s|how[ \t]+was|"
    r"(?:talk|walk)[ \t]+(?:me|us)[ \t]+through)\b"
)
VOCATIVE = _patterns.compile(
    r"(?:^[ \t]*(?:(?i:spk|speaker)[ \t]*\w{1,2}[ \t]*:?|(?i:client|therapist|counsell?or|interviewer)[ \t]*:?)?"
    r"|(?<=[.?!][ \t]{1,3})|(?<=\b(?i:so|okay|ok|well|hi|hey|thanks|alright|right|and)[ \t]*,?[ \t]+))[ \t]*"
    r"(?P<phi>\p{L}{2,})(?:[ \t]*,)?[ \t]+\Z",
    regex.MULTILINE,
)
# a group note's attendance list: the heading, then the names on the same or next line
ATTENDANCE = _patterns.compile(
    r"(?:#+[ \t]*|\*\*)?(?i:(?:members|clients|participants|group[ \t]+members)[ \t]+(?:present|absent)|"
    r"present|attendees|attending|in[ \t]+attendance|participants|co-?facilitators?|facilitators?|"
    r"facilitated[ \t]+by|apologies(?:[ \t]+(?:received|from))*|absent|not[ \t]+present|"
    r"did[ \t]+not[ \t]+attend|dna|also[ \t]+present|invited|distribution|copies[ \t]+to|copy[ \t]+to|cc|bcc)"
    r"(?:[ \t]*\([^()\n]{1,20}\))?"  # "Present (6 of 8):"
    r"(?:\*\*)?[ \t]*(?:(?P<colon>:)[ \t]*(?:\*\*)?[ \t]*(?:\n[ \t]*)?|\n[ \t]*)"
    r"(?P<items>[^\n]{1,300}?)(?=[ \t]{2,}\S|[ \t]*$)",  # the list ends at a wide gap
    regex.MULTILINE,
)
_ATT_TOKENS = frozenset(
    "present absent attendees attending attendance participants facilitators facilitator "
    "cofacilitator cofacilitators facilitated apologies attend dna invited distribution copies "
    "copy cc bcc".split())


def attendance_lists(text: str, toks: frozenset):
    """The label matches of attendance lists: at a line's start, or after a wide gap in a
    line when a colon follows the label ("...Rhian P.   Apologies: Jo, Sam")."""
    if _ATT_TOKENS.isdisjoint(toks):
        return
    pos = 0
    while pos >= 0:
        p = pos
        while p < len(text) and text[p] in " \t":
            p += 1
        m = ATTENDANCE.match(text, p)
        if m is not None:
            yield m
        pos = text.find("\n", pos)
        pos = pos + 1 if pos >= 0 else -1
    pos = text.find("  ")
    while pos > 0:
        p = pos
        while p < len(text) and text[p] in " \t":
            p += 1
        if text[pos - 1] not in " \t\n" and p < len(text) and text[p] != "\n":
            m = ATTENDANCE.match(text, p)
            if m is not None and m.group("colon"):
                yield m
        pos = text.find("  ", p)


def _namey(w: str) -> bool:
    """A first name, a name that is not much of a word, or a word in no list."""
    info = lookup(w)
    return (info[0] or info[3] <= 5) if info is not None else wordness(w) < 0


_LIST_ITEM = _patterns.compile(r"[^,;&\n]+?(?=[ \t]*(?:,|;|&|\band\b|$))", regex.MULTILINE)
_ITEM_TITLE = _patterns.compile(rf"[ \t]*(?:and[ \t]+)?(?:(?i:{STRONG_TITLES})\.?[ \t]+)?")
_ITEM_ROLE = _patterns.compile(r"[ \t]*\([^()\n]{1,30}\)[ \t]*\.?[ \t]*$")
_ITEM_INITIALS = _patterns.compile(r"\p{Lu}\.?[ ]?\p{Lu}\.?(?:[ ]?\p{Lu}\.?)?|\p{Ll}\.\p{Ll}\.(?:\p{Ll}\.)?")

# ---------------------------------------------------------------- names in speech
# A first name said in dialogue or speech-to-text, found by the frame around it:
# "me and hope went", "so will said", "who's destiny", "tell kez", "Rowan and I".
# A frame is found from its head word (a token of the text, so the scan is one set
# intersection and a few str.find loops): the name is the word after the cue (AFTER),
# the word before it (BEFORE), or, for "will" after a modal, the head itself.  A frame's
# gate says which words may be the name:
#   'strong': any lexicon first name, even one that is mostly a word (hope, will,
#             faith), or a word in no list at all (a nickname: Kez, Macca);
#   'coord':  the same and a rare word too ("me and briar", "Jarrah and I");
#   'name':   as 'strong' but no word of the hand list's word sections (weekdays, months);
#   'plain':  a lexicon first name that is not mainly a word, or a capitalised unknown word;
#   'greet':  as 'name', and an unknown word in lower case too ("hi ailsa,").
# In mixed-case text a name that is mostly a word must be capitalised.  Grammar guards
# keep verbs and nouns out: the word before a right-anchored name is no determiner,
# preposition or pronoun ("the will said", "i hope and i"), and "will" must be followed
# by what can follow a subject ("will said" yes, "will be" no).
_SPEECH = (
    "said says told tells asked asks reckons reckoned texted texts rang rings messaged phoned "
    "yelled shouted screamed called calls"
)
_WITH_VERBS = (
    r"went|go|goes|going|gone|came|come|comes|coming|hang|hangs|hanging|hung|met|meet|meets|"
    r"meeting|stayed|stay|stays|staying|live|lives|living|lived|moved|drove|walked|talked|talking|"
    r"spoke|chatted|argued|arguing|fought|fighting|played|playing|dating|up|out|over|around|"
    r"round|along|back|home|friends|mates|time|fishing|shopping|camping|drinking|working|"
    r"training|sleeping|slept|together"
)
_MODALS = "can could would should might must shall did does do"


def _heads(*parts: str) -> str:
    """'me' 'and n' -> 'me and|me n': every head literal of a frame."""
    out = [""]
    for p in parts:
        out = [f"{o} {w}".strip() for o in out for w in p.split()]
    return "|".join(out)


_POSSESSIVES = "my your his her our their"
# (name, side, head literals ('|'-separated), cue matched at the head, the previous word
# required ('|'-separated) or, for a 'before' frame, the separator before the name, gate)
FRAMES = (
    ("me_and", "after", _heads("me", "and an n &"), r"me[ \t]+(?:and|an|n|&)", None, "coord"),
    ("who_is", "after", "who's|who’s|who is", r"who(?:['’]s|[ \t]+is)", None, "strong"),
    ("greeting", "after", _heads("hi hey hiya hello morning evening thanks cheers bye"), r"\p{L}+", None, "greet"),
    ("tell_ask", "after", _heads("tell told telling ask asked asking text texted texting ring rang phone "
                                 "phoned message messaged remind reminded thank thanked"), r"\p{L}+", None, "name"),
    ("with", "after", "with", r"with", _WITH_VERBS, "plain"),
    ("modal_will", "self", "will", r"will", _MODALS, "will"),
    ("said", "before", _heads(_SPEECH), r"(?:called|calls)[ \t]+(?:me|us)|(?!call)\p{L}+", " ", "strong"),
    ("and_i", "before", _heads("and an n &", "i me"),
     r"(?:and|an|n|&)[ \t]+(?:i|me)(?![\p{L}'’])", " ", "coord"),
    ("is_my", "before", _heads("is was", _POSSESSIVES),
     rf"(?:is|was)[ \t]+(?:my|your|his|her|our|their)[ \t]+(?:(?:best|older|younger|little|big|baby|"
     rf"eldest|oldest|youngest|new|old|twin|ex)[ \t]+)?{RELATIONS}(?![\p{{L}}])", " ", "strong"),
    ("appos_rel", "before", _heads(_POSSESSIVES), rf"(?:my|his|her|their|our|your)[ \t]+{RELATIONS}(?![\p{{L}}])",
     ",", "plain"),
    # "my daughter hope is ...", "my son chase has ...", "my best mate kiri.": a first name
    # that is mostly a word, right after a relation and before what follows a subject
    # (checked by _AFTER_KIN_NAME; not "my mum rose early": a verb's past)
    ("kin_name", "after", _heads(_POSSESSIVES),
     rf"(?:my|your|his|her|our|their)[ \t]+(?:(?:best|older|younger|little|big|baby|eldest|oldest|"
     rf"youngest|new|old|twin|ex)[ \t]+)?(?:{RELATIONS}|mate)(?![\p{{L}}])", None, "strong"),
    # "will was late", "will can bring me": "will" before a verb only a subject takes
    ("will_verb", "self", _heads("will", _MODALS + " was is has had went came got thinks wants knows says"),
     r"will", None, "will"),
)


def _head_pairs(heads: str) -> tuple[tuple[str, str], ...]:
    """(literal, its first token) for each head: the token gates the str.find scan."""
    return tuple((x, TOK.match(x).group() if TOK.match(x) else "") for x in heads.split("|"))


_FRAME_RX = [(n, side, _head_pairs(h), LazyRegex(c),
              frozenset(p.replace("|", " ").split()) if side != "before" and p else p, g)
             for n, side, h, c, p, g in FRAMES]
_GATES = {f[0]: f[5] for f in _FRAME_RX}
# words that are first names in some list but never the name in these frames
_FRAME_STOP = frozenset("""
guy lady man mate love honey darling babe baby pa ma nan nana gran granny papa mama lord god
christ jesus sir madam miss buddy pal son kid dear doc doctor nurse sister brother mother
father sweetie hun hon chief boss bro sis mister missus bub
surg nsurg onc vasc nsg gyn uro urology ems neo micu sicu ccu csru picu nicu icu ortho neuro
cards renal pulm heme psych derm rehab slp resp pharm pharmacy lab rad radiology ir ep cath
anesthesia anaesthesia nocturnist hospitalist intensivist attending resident fellow intern
team staff nursing medicine security reception admissions triage
""".split())  # and clinical services ("ortho said", "asked nsurg")
# the word before a right-anchored name: determiners, possessives, prepositions,
# pronouns, auxiliaries and the adjectives of "free will", "last summer"
_PREV_STOP = frozenset("""
the a an my your his her our their its this that these those no any some every each last
next free good ill own living new old in on at of for by to from with about into during
since until after before than whose i you he she we they it who which what will would can
could should might must may shall do does did is are was were be been am has have had
not also just never even dear sweet
""".split())
# what can follow "will" when it is someone's name, not the modal
_AFTER_WILL = _patterns.compile(
    r"[ \t]*(?:[.,!?;:)\"”]|$|(?:said|says|told|tells|asked|asks|went|goes|was|is|has|had|did|"
    r"does|came|comes|got|gets|thinks|thought|reckons|reckoned|wants|wanted|texted|rang|called|"
    r"knows|knew|left|took|can|could|would|should|might|must|will|and|or|but|from|to|at|in|"
    r"who|too|again|yet|['’]s|\p{L}+ed)(?![\p{L}])|\p{L}+(?:_\p{L}+)?[ \t]*\d*:)", regex.MULTILINE)
# what follows a name that is the subject or ends the phrase: "my son chase has been",
# "my cousin river came", "my mate kiri." (not "my son mark his calendar")
_AFTER_KIN_NAME = LazyRegex(
    r"[ \t]*(?:[.,!?;:)\"”]|$|(?:and|is|was|are|were|has|had|has|did|does|can|could|would|will|"
    r"should|might|must|got|gets|came|comes|went|goes|said|says|told|tells|rang|texted|called|"
    r"she|he|they|who|['’]s|\p{L}+(?<![ius])s|\p{L}{2,}ed)(?![\p{L}])|\p{L}+(?:_\p{L}+)?[ \t]*\d*:)",
    regex.MULTILINE)
# a first name that is also the past of a verb: "my mum rose early", "my son left"
_PAST_FORMS = frozenset("rose left said got won read led fed bid".split())
_GREET_END = _patterns.compile(
    r"[ \t]*(?:[,!.\n]|$|(?:yeah|um|so|how|it['’]s|i|im|i['’]m|thanks|good)(?![\p{L}])|\p{L}+(?:_\p{L}+)?[ \t]*\d*:)")
_NAME_AT = _patterns.compile(rf"[ \t]*,?[ \t]*({WORD})")
_SLANG = frozenset("gonna wanna dunno yknow innit kinda gotta lemme cos coz ya yeah nah um uh hmm".split())


def frame_word_ok(w: str, mode: str, gate: str) -> bool:
    """Can ``w`` be the name in a dialogue frame of this gate?"""
    k = w.lower().replace("’", "'")
    if len(k) < 2 or k in FUNCTION_WORDS or k in _FRAME_STOP or k in _SLANG or k in headings():
        return False
    if _CONTRACTION.search(k) or k.endswith("'s") or _LEADING_RELATION.fullmatch(w) or _TITLE_WORD.fullmatch(k):
        return False
    st = _style(w)
    if st == "U" and (mode == "mixed" or len(w) <= 3) and mode != "upper":
        return False  # an acronym in prose
    if gate not in ("strong", "coord") and is_hand_word(w):
        return False  # "rang Tuesday", "called him Monday"
    info = lookup(w)
    if info is not None and (info[0] or info[3] <= 4):  # a first name, or a surname that is no word
        wordy = wordness(w) > 5 or is_hand_word(w)
        if wordy and mode == "mixed" and st == "l":
            return False  # prose capitalises its names: "told hope" is a verb's object
        if gate == "plain" and wordy:
            return mode == "mixed" and st == "T" and not is_hand_word(w)
        return True
    if info is None and wordness(w) < 0 and len(k) >= 3 and not _CLIN_SUFFIX.search(k):
        if gate == "plain":  # caseless shorthand is full of unknown abbreviations
            return mode == "mixed" and st == "T"
        return mode != "mixed" or st == "T" or gate == "greet"  # a nickname in no list: Kez, Macca
    # a rare word beside "me and" / "and i" ("me and briar went")
    return gate == "coord" and info is None and 0 <= wordness(w) <= 2 and len(k) >= 3 and (mode != "mixed" or st == "T")


def _word_positions(low: str, word: str):
    """Start of every whole-word occurrence of ``word`` in the lowercased text."""
    n = len(word)
    pos = low.find(word)
    while pos >= 0:
        if (pos == 0 or not low[pos - 1].isalnum()) and not low[pos + n:pos + n + 1].isalpha():
            yield pos
        pos = low.find(word, pos + n)


def _word_before(s: str, pos: int, sep: str = " ") -> Optional[tuple[int, int]]:
    """The word that ends just before ``pos`` across blanks (and a comma when ``sep`` is
    ','), as (start, end); None when something else is in between."""
    i = pos
    while i > 0 and s[i - 1] in " \t":
        i -= 1
    if sep == ",":
        if i == pos or i == 0 or s[i - 1] != ",":
            return None
        i -= 1
        while i > 0 and s[i - 1] in " \t":
            i -= 1
    elif i == pos:
        return None
    b = i
    while i > 0 and (s[i - 1].isalpha() or (s[i - 1] in "'’-" and i > 1 and s[i - 2].isalpha())):
        i -= 1
    return (i, b) if i < b and s[i].isalpha() else None


def dialogue_names(text: str, low: str, mode: str, toks: frozenset) -> list[tuple[int, int, str]]:
    """(start, end, frame) for every name a dialogue frame finds."""
    out: list[tuple[int, int, str]] = []
    for name, side, heads, cue, pre, gate in _FRAME_RX:
        for head, first in heads:
            if first and first not in toks:
                continue
            for pos in _word_positions(low, head):
                if side != "before" and pre is not None:
                    pw = _word_before(low, pos)
                    if pw is None or low[pw[0]:pw[1]] not in pre:
                        continue  # "went out with X" but not "filled with X"
                cm = cue.match(low, pos)
                if cm is None:
                    continue
                if side == "after":
                    nm = _NAME_AT.match(text, cm.end())
                    if nm is None or nm.start(1) == cm.end() or ("," in nm.group() and gate != "greet"):
                        continue  # "when asked, Mrs Roe" names the one who answers
                    a, b = nm.span(1)
                elif side == "self":
                    a, b = pos, cm.end()
                else:
                    sp = _word_before(low, pos, pre)
                    if sp is None:
                        continue
                    a, b = sp
                    if name == "appos_rel" and low[b - 2:b] in ("'s", "’s"):
                        b -= 2  # "after Imelda's, my aunt, had gone"
                w = text[a:b]
                if gate == "will":  # a modal before it, or no determiner ("the will was read")
                    if w.lower() == "will" and (pre is not None or _prev_ok(low, a)):
                        out.append((a, b, name))
                    continue
                if not frame_word_ok(w, mode, gate):
                    continue
                if side == "after" and w.lower() == "will" and not _AFTER_WILL.match(text, b):
                    continue  # "tell will be", "me and will be"
                if name == "kin_name" and (w.lower() in _PAST_FORMS or _AFTER_KIN_NAME.match(text, b) is None):
                    continue
                if gate == "greet" and not _GREET_END.match(low, b):
                    continue  # "hi there", "thanks again" pass the gate only before a break
                if side == "before" and gate != "plain" and not _prev_ok(low, a):
                    continue  # "the will said", "i hope and i", "god's will is"
                out.append((a, b, name))
    if out:
        _confirmed_again(text, low, out)
    return out


def _prev_ok(low: str, a: int) -> bool:
    """The word before a name is no determiner, preposition, pronoun or auxiliary."""
    pw = _word_before(low, a)
    if pw is None:
        return True
    w = low[pw[0]:pw[1]]
    return w not in _PREV_STOP and not w.endswith(("'s", "’s"))


# once a strong frame has shown that a word is a name here ("me and hope went"), it is
# taken in weaker places too: "with hope", "hopes mum" (speech-to-text drops the ')
_AGAIN_PREV = frozenset("with for about from then".split())
_AGAIN_POSS = _patterns.compile(rf"s[ \t]+(?:{RELATIONS}|number|phone|mobile|place|house|car)(?![\p{{L}}])")


def _confirmed_again(text: str, low: str, out: list) -> None:
    names = {low[a:b] for a, b, fr in out if _GATES.get(fr) in ("strong", "coord")}
    for name in names:
        n = len(name)
        for pos in _word_positions(low, name):
            pw = _word_before(low, pos)
            if pw is not None and low[pw[0]:pw[1]] in _AGAIN_PREV and (name != "will" or _AFTER_WILL.match(text, pos + n)):
                out.append((pos, pos + n, "dialogue_again"))
        pos = low.find(name + "s")
        while pos >= 0:
            if (pos == 0 or not low[pos - 1].isalnum()) and _AGAIN_POSS.match(low, pos + n):
                out.append((pos, pos + n + 1, "dialogue_again"))
            pos = low.find(name + "s", pos + n)


# ---------------------------------------------------------------- nicknames
# A nickname or preferred name is a person whatever its spelling: 'Aleksandra ("Ola")',
# '(prefers "Tam")', 'known as Kez', 'Bartholomew "Barty" Nkemdirim', 'Tino for short'.
_NICK = r"\p{L}[\p{L}'’\-]{0,18}(?:[ ]\p{L}[\p{L}'’\-]{0,18})?"
_Q = rf"[\"“”'‘’](?P<q>{_NICK})[\"”“'’]"
NICK_CUE_RX = _patterns.compile(
    r"(?i:prefers(?:[ \t]+to[ \t]+be[ \t]+(?:called|known[ \t]+as))?|pref(?:erred)?\.?[ \t]+name(?:[ \t]+is)?|"
    r"preferred|goes[ \t]+by(?:[ \t]+the[ \t]+name)?|go[ \t]+by|known[ \t]+as|aka|a\.k\.a\.?|"
    r"nicknamed|nickname(?:[ \t]+is)?|(?:likes|asked|wants)[ \t]+to[ \t]+be[ \t]+called|"
    r"call(?:s|ed)?[ \t]+(?:him|her|them|me)(?:sel(?:f|ves))?(?![\p{L}]))"
    rf"[ \t]*[:,]?[ \t]*(?:{_Q}|(?P<u>{WORD}))")
_NICK_HEADS = frozenset("prefers pref preferred goes go known aka a nicknamed nickname likes asked wants call calls called".split())
# a quoted name right after a name, in brackets or not: 'Dorota W. ("Dora")'
NICK_QUOTE_RX = _patterns.compile(rf"(?:\([ \t]*{_Q}[ \t]*\)|{_Q})")
_NICK_BASE = _patterns.compile(r"(?P<base>\p{Lu}\p{Ll}[\p{L}'’\-]*)(?P<init>[ \t]+\p{Lu}\.)?[ \t]*$")
NICK_SHORT_RX = _patterns.compile(  # "Kit for short," but not "nitro for short periods"
    r"[ \t]+for[ \t]+short(?=[ \t]*(?:[.,;:)!?\"”'’\n]|$|(?:by|and|but)(?![\p{L}])))", regex.MULTILINE)


def _nick_ok(w: str, mode: str, quoted: bool, cued: bool = False) -> bool:
    words = w.split()
    k = words[0].lower()
    if k in FUNCTION_WORDS or k in _FRAME_STOP or _LEADING_RELATION.fullmatch(words[0]):
        return False
    if mode == "mixed" and not all(x[0].isupper() for x in words):
        return False
    if quoted:  # after a cue a quoted nickname may be initials: 'goes by "DK"'
        return cued or not (mode == "mixed" and _style(words[0]) == "U")
    if len(words) != 1:
        return False
    # after a cue, a capitalised rare word is a nickname too ("known as Smudge")
    return frame_word_ok(w, mode, "name") or (
        cued and _style(w) == "T" and wordness(w) <= 2 and not is_hand_word(w) and k not in headings())


def nicknames(text: str, low: str, mode: str, toks: frozenset) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    heads = set(_NICK_HEADS.intersection(toks))
    if "a.k.a" not in low:
        heads.discard("a")
    for head in heads:
        for pos in _word_positions(low, head):
            m = NICK_CUE_RX.match(text, pos)
            if m is not None:
                g = "q" if m.start("q") >= 0 else "u"
                if _nick_ok(m.group(g), mode, g == "q", cued=True):
                    out.append((*m.span(g), "nickname"))
    for quote in "\"“'‘":
        pos = text.find(quote)
        while pos > 0:
            st = pos - 1 if text[pos - 1] == "(" else pos  # 'Aleksandra ("Ola")' or 'Aleksandra "Ola"'
            m = NICK_QUOTE_RX.match(text, st) if st and text[st - 1] in " \t" else None
            if m is not None:
                bm = _NICK_BASE.search(text, max(0, st - 40), st)
                nick = m.group("q")
                if (bm is not None and _nick_base_ok(bm) and _nick_ok(nick, mode, True)
                        and (wordness(nick) <= 5 or lookup(nick) is not None)):
                    out.append((*m.span("q"), "nickname"))
            pos = text.find(quote, pos + 1)
    pos = low.find("for short")
    while pos > 0:
        m = NICK_SHORT_RX.match(low, pos - 1)
        if m is not None:
            wm = _LAST_WORD.search(text, max(0, pos - 40), m.start())
            if wm is not None and _nick_ok(wm.group(), mode, False, cued=True):
                out.append((*wm.span(), "nickname"))
        pos = low.find("for short", pos + 9)
    return out


def _nick_base_ok(bm) -> bool:
    """The word before a quoted nickname is a listed name (not a drug), or has an initial."""
    if bm.group("init"):
        return True
    base = bm.group("base")
    info = lookup(base)
    return info is not None and (info[0] or info[3] <= 3) and wordness(base) <= 5


AWARE = Ctx("name_aware", "x", "", 0.6, "weak", anchor="right")
CRED = Ctx("credential", "x", "", 0.75, "rel", anchor="right")
POSS = Ctx("possessive_relation", "x", "", 0.6, "rel", anchor="right")
PAREN = Ctx("name_paren_relation", "x", "", 0.7, "rel", anchor="right")


def get_recognizers():
    return [ContextNameRecognizer()]


# ---------------------------------------------------------------- initials, no case
# In lower-case or ALL-CAPS notes a client written as initials has no capitals to go by
# ("case 1: j.p., 20,", "SESSION 5: K.O. DISCLOSED"): dotted initials are a person where
# a person stands (a case or client label before them, an age or a verb only people do
# after them), unless they spell a common dotted abbreviation.
_DOTTED_ABBREVIATIONS = frozenset(
    "eg ie am pm nb cf ps us uk usa vs dc ot pt rn md gp aa na er or iv im po od bid tid qid "
    "qd prn dob aka etc ad bc bs rt rr hr bp cv gu gi ns ng og et ue le ms cp ct ua ob ed np pa "
    "lr sob npo".split())
CASELESS_INITIALS = LazyRegex(
    r"(?<![\p{L}\p{N}.])(?:(?<=(?i:case[ \t]+\d{1,2}|client|patient|pt|re|with|and|whether|for|"
    r"to|by|from)[ \t]*:?[ \t]*[\"“]?)(?P<i>(?:\p{L}\.){2,3})"
    r"|(?P<i>(?:\p{L}\.){2,3})(?=[\"”]?[ \t]*(?:,[ \t]*\d|[ \t]+(?i:is|was|has|had|said|says|reports|"
    r"reported|denies|denied|disclosed|discloses|wants|wanted|agreed|agrees|attended|attends|"
    r"described|describes|presented|presents|shared|stated|states|feels|felt|continues|remains)\b)))"
    r"(?![\p{L}\p{N}])")


# ---------------------------------------------------------------- after a person found
# A quoted nickname right after a person that any recognizer found ('patrick ("paddy",
# 61)', 'MAUREEN DOHERTY ("MO")', 'Bronisław "Bronek" Jastrząb'), and an initial closing a
# name in a list ("shirin b., jodie t."): in every case mode, since the person, not
# the capitals, is the evidence.
_NICK_AFTER = LazyRegex(
    rf"[ \t]*(?:\([ \t]*)?[\"“'‘](?P<q>{_NICK})[\"”'’](?=[ \t]*(?:[),;:]|[ \t]\p{{L}}|$))", regex.MULTILINE)
_INITIAL_AFTER = LazyRegex(r"[ \t]+(?P<i>\p{L}\.)(?=[ \t]*(?:[,;)\n]|$))", regex.MULTILINE)


# A capitalised word joined by "and", "&" or "or" to a person found, in mixed-case text:
# "Kobe and Indie are her kids", "lives with Jarrah and Tane", "Mia or Reign will pick
# her up".  The capital inside the sentence and the person beside it are the evidence,
# so a name that is also a word counts ("Indie", "Storm").  Not a kin word, role, title,
# heading, month or weekday ("Tane and Mum", "Sam and Dr Lee", "Ana and Monday").
_COORD_AFTER = LazyRegex(r"(?:[ \t]+(?:and|or)[ \t]+|[ \t]*&[ \t]*)(?P<c>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}'’.-])")
_COORD_BEFORE = LazyRegex(
    r"(?<=[\p{Ll},][ \t]+)(?P<c>\p{Lu}\p{Ll}+)(?:[ \t]+(?:and|or)[ \t]+|[ \t]*&[ \t]*)$")


@lru_cache(maxsize=1)
def _coord_stop() -> frozenset[str]:
    titles = set(regex.findall(r"[a-z]+", STRONG_TITLES + "|" + WEAK_TITLES))
    # states and provinces: "Ontario or Quebec"
    return _kin_role_words() | titles | geo_names() | FUNCTION_WORDS | {"god", "co", "sons", "associates"}


def _coord_ok(word: str) -> bool:
    """Not a kin word, role, title, state, country, nationality, language, drug, heading,
    month or weekday."""
    k = word.lower()
    return (len(k) >= 2 and k not in _coord_stop() and k not in headings() and not is_hand_word(k)
            and k not in safe_terms() and k not in LANGUAGES)


# People listed with their ages: "Hemi (12), Mere (9), Tama (4)", "Kahu (14 yrs) and Mere
# (9 yrs)": a capitalised word after a person found and its age, with an age of its own,
# is the next person of the list (and a word like "Mere" or "Hope" counts).
_AGE_PAREN = r"[ \t]*\([ \t]*\d{1,3}(?:[ \t]*(?:y|yo|y/o|yr|yrs|years?|mo|mos|months?)\.?)?[ \t]*\)"
_LISTED_WITH_AGE = LazyRegex(
    rf"{_AGE_PAREN}(?:[ \t]*[,;][ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
    rf"(?P<c>\p{{Lu}}\p{{Ll}}+(?:[ \t]+\p{{Lu}}\p{{Ll}}+)?)(?={_AGE_PAREN})")


def _listed_with_age(text: str, end: int) -> list[tuple[int, int]]:
    out = []
    while (m := _LISTED_WITH_AGE.match(text, end)) is not None and all(_coord_ok(w) for w in m.group("c").split()):
        out.append(m.span("c"))
        end = m.end("c")
    return out


def _coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if not _coord_ok(text[start:end].split()[-1]):
        return []  # the person found is itself a language, a place or a kin word
    out = _listed_with_age(text, end)
    m = _COORD_AFTER.match(text, end)
    if m is not None and _coord_ok(m.group("c")):
        out.append(m.span("c"))
    m = _COORD_BEFORE.search(text, max(0, start - 40), start)
    if m is not None and _coord_ok(m.group("c")):
        out.append(m.span("c"))
    return out


def after_people(text: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Nicknames and closing initials right after each ``(start, end)`` of a person, and
    (in mixed-case text) a capitalised word joined to it by "and"."""
    mode = case_mode(text)
    out = []
    for start, end in people:
        if mode == "mixed":
            out.extend(_coordinated(text, start, end))
        m = _NICK_AFTER.match(text, end)
        if m is not None and _nick_ok(m.group("q"), mode, True):
            out.append(m.span("q"))
            continue
        m = _INITIAL_AFTER.match(text, end)
        if m is not None and m.group("i")[0].lower() not in "ai":  # "... with Sam a." / "I."
            out.append((end, m.end("i")))
    return out
