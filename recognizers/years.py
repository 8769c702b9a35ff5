"""Years in clinical history -> ``DATE_TIME``: "s/p MI 1998", "CABG '03", "dx 2011",
"CVA 04'", "in the 1980s", "in 1987".

A year is only a year in context; bare numbers in notes are doses, volumes, lab
values, vital-sign ranges and times ("2000 cc", "at 2000", "1900-0700", "in the
90's").  Candidates are found digit-first (fast), then judged by the words before
and after them:

* ``apostrophe_year``: "'92", "’05" -- an apostrophe before two digits, with no
  letter or digit before it, is a year in notes.
* ``decade``: "1980s" (four digits only: "in the 90's" is a vital-sign range).
* ``event_year``: a clinical event or history cue (MI, CABG, CVA, dx, s/p, h/o,
  repair, any "-ectomy"/"-plasty"/"-scopy" word, ...), optionally "x3", "in", "on",
  "of", "," or "-", then a 4-digit year 1900-2039, "'YY" or "YY'".  A bare two-digit
  year ("MI 92") is accepted after an event that is not also a device or test with
  a rate or setting ("pacer 50", "echo 55").  A second year in a list after an
  event year ("CVA in 94 and 00") is accepted too.
* ``cued_year``: "in/since/circa/born/year ... 19YY" when the number cannot be a
  24-hour time (1960-1999); "in", "circa", "during", "year of", "it is" before any
  1900-2039.
* ``month_comma_yy``: "Nov, 96" -- a month name, a comma and two digits.
* ``life_event_year``: a life event before the year ("married 2008", "deployed
  2004", "graduated in 1999", "sober since 2015"): 4-digit or "'YY" only.
* ``year_range``: "2004-2005", "1998–2001", "2004-05": the second year after the
  first, within 40 years; both ends are reported.  Not a shift ("1900-2000",
  "2000-2030": both ends read as round clock times) nor "0700-1900".
* ``event_after_year``: a year before an event noun ("2019 divorce", "the 2008
  crash", "1999 admission").
* ``prose_year``: in prose (a document with no clock times, vital signs or ICU
  shorthand), a year after since/from/until/by/before/after/of/to/around, in
  parentheses ("(2008)"), or before ", when".  In ICU notes ("strict" documents)
  these cues accept only 1960-1999, which cannot be a 24-hour time: "since 2000",
  "until 2000", "from 1900 to 2300", "@2130" stay.

Nothing is taken before a unit, "%", "/", ":" or a decimal, or inside a time range.
Under Safe Harbor a year may be kept (the ``year`` operator returns it), so
detecting years costs readability nothing.  Lists are written for this project
from clinical knowledge (CC0).
"""
from __future__ import annotations

import re

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

EVENTS = frozenset("""
mi nstemi stemi nqwmi imi ami cabg cva tia sah ich ptca pci stent stents stented avr mvr
tvr mvp ppm pacer pacemaker icd aicd defib dx dx'd dxd diagnosed s/p h/o hx redo re-do
repair surgery surg ablation cardioversion transplant cancer stroke fx fracture tah bso
tah/bso chole appy replacement thr tkr orif dvt chf cath echo turp lap fusion amputation
bka aka hernia bypass aaa chemo xrt radiation surgeries hospitalization hospitalized
admission intubated intubation trach peg tips ercp egd biopsy bx resection removal
removed graft grafts arrest mva mvc injury accident ca carcinoma tx cabg/mvr cabgx3
cabgx2 cabgx4 cabgx1 pe seizure sz overdose od detox
cea ptx pneumothorax gib ugib lgib sdh aneurysm dissection mets recurrence remission xrt
lymphoma leukemia leukaemia melanoma sarcoma myeloma tumor tumour malignancy endocarditis
pneumonia pna sepsis meningitis hepatitis tb tuberculosis pancreatitis hemorrhage
haemorrhage bleed transfusion dialysis trauma gsw burns angioplasty stenting tka tha
""".split())
# words that open a history clause: "s/p L CEA 1999", "h/o breast ca 1995"
_CLAUSE_CUES = frozenset("s/p h/o hx dx pmh pmhx psh".split())
# events that can also precede a rate, setting or value: no bare 2-digit year after them
DEVICE = frozenset("pacer pacemaker ppm icd aicd defib echo cath arrest tips peg trach ca tx pe sz od".split())
_SUFFIX = re.compile(r"[a-z]+(?:ectomy|otomy|ostomy|plasty|scopy|graphy|pexy|rrhaphy|ectomies)$")
_SKIP = frozenset("in on of around circa c. approx approx. ~ , - : and & x1 x2 x3 x4 x5 x6 x7 x8".split())
# a part of the year between the cue and the year: "in late 2019", "since mid-2022"
_PART_OF_YEAR = frozenset("early mid late early- mid- late-".split())
# life events: a 4-digit year or "'YY" after them is a year ("married 2008")
LIFE = frozenset("""
married marry marriage wed wedded engaged divorced divorce separated widowed born birth
died passed deceased death killed murdered suicide deployed deployment served enlisted
conscripted commissioned discharged retired retirement graduated graduation enrolled
matriculated qualified moved relocated emigrated immigrated migrated arrived came returned
left fled resettled settled naturalised naturalized adopted fostered sober clean abstinent
relapsed quit stopped started began diagnosed hospitalised hospitalized admitted sectioned
arrested charged convicted incarcerated imprisoned jailed sentenced released paroled
bankrupt evicted homeless widow widower miscarried miscarriage pregnant baptized baptised
confirmed converted visited toured bought sold built founded opened closed joined hired
promoted fired redundant laid transferred
""".split())
# life events that are also ward activities ("gtt started 2000", "left 1930"): in ICU
# notes they point at a clock time, so only a number that cannot be one follows them
LIFE_WEAK = frozenset("""
started began stopped admitted arrived came returned left visited released discharged
moved opened closed hired fired joined toured settled confirmed converted laid bought sold
built clean charged quit diagnosed transferred
""".split())
# event nouns after a year: "2019 divorce", "the 2008 crash"
_EVENT_AFTER = re.compile(
    r"\s+(?:divorce|separation|deployment|tour|overdose|od|admission|hospitali[sz]ation|"
    r"diagnosis|dx|surgery|operation|accident|crash|collision|mvc|mva|wedding|marriage|"
    r"death|funeral|graduation|arrest|conviction|relapse|suicide|attempt|move|"
    r"miscarriage|pregnancy|birth|election|flood|floods|fire|fires|bushfires?|earthquake|"
    r"hurricane|tornado|storm|pandemic|lockdown|recession|season|reunion|olympics|"
    r"world\s+cup|census|budget|tax\s+year|school\s+year|academic\s+year|"
    r"fiscal\s+year|cohort|intake|class|graduating)\b",
    re.IGNORECASE,
)
# "2019, when ..." / "2008 when ..." / "2016, the year ..."
_FOLLOW = re.compile(r",?\s+(?:when|while|the\s+year|that\s+year|which\s+was)\b", re.IGNORECASE)
# prepositions that point at a year in prose (and at a clock time in ICU notes)
_PREP = frozenset("since from until till til by before after of to around about between "
                  "through thru throughout".split())
# a document that writes clock times, vital signs or ICU shorthand: "strict".
# Three cheap scans of the lower-cased text (one big case-insensitive alternation is
# several times slower on long prose).
# clock times, found digit-first (prose has few 4-digit numbers): "at 2100", "@0400",
# "2200 hrs", "0700-1900"
_CLOCK = re.compile(r"(?<![\w.,/])(?:[01]\d|2[0-3])[0-5]\d(?!\d|[.,/]\d)")
_CLOCK_BEFORE = re.compile(r"(?:(?<![a-z])at|@)\s*\Z", re.IGNORECASE)
_CLOCK_AFTER = re.compile(
    r"\s*(?:hrs?|h)\b|(?<=00|30)\s*[-–]\s*(?:[01]\d|2[0-3])(?:00|30)(?![\d\-])", re.IGNORECASE
)
# ICU shorthand and vital signs: "pt", "s/p", "gtt", "hr 88", "bp: 110/70"
# (a leading non-letter instead of a lookbehind: several times faster)
_SHORTHAND = re.compile(
    r"[^a-z](?:(?:pts?|s/p|c/o|h/o|npn|ccu|micu|sicu|tf|ivf|gtt|prn|npo)(?![a-z])|"
    r"(?:hr|bp|rr|sbp|map|cvp|spo2|sats?)\s*:?\s*\d)"
)


class _Strict:
    """Is the document ICU-style?  Computed on first use only."""

    __slots__ = ("text", "value")

    def __init__(self, text: str) -> None:
        self.text, self.value = text, None

    def __bool__(self) -> bool:
        if self.value is None:
            self.value = self._compute()
        return self.value

    def _compute(self) -> bool:
        t = self.text
        for m in _CLOCK.finditer(t):
            s, e = m.span()
            if _CLOCK_BEFORE.search(t, max(0, s - 6), s) or _CLOCK_AFTER.match(t, e):
                return True
        return _SHORTHAND.search(" " + t.lower()) is not None


def icu_style(text: str) -> bool:
    """Does the document write clock times, vital signs or ICU shorthand?"""
    return bool(_Strict(text))


# a clock time's company after the number: "until 2000 tonight", "by 1930 this evening"
_TIME_AFTER = re.compile(
    r"\s*(?:tonight|this\s+(?:am|pm|morning|evening|afternoon)|overnight|today|tomorrow|"
    r"o['’]?clock|hours?|military|shift)\b",
    re.IGNORECASE,
)
_PAREN_OPEN = re.compile(r"\((?:[A-Za-z][\w.'’]*\s+){0,2}\Z")
_TIME_BEFORE = re.compile(r"(?:\b(?:at|@|approx|approximately|~)|@)\s*$", re.IGNORECASE)
# a sign or currency before the number ("-2000", "$1999"), not a hyphen after a word ("mid-2022")
_MONEY_BEFORE = re.compile(r"[$£€¥]\s*$|(?<![A-Za-z])[+\-±]\s*$")
# the rest of a year range after a 4-digit candidate: "-2005", "–01", " to 2016"
_RANGE_TAIL = re.compile(
    r"\s?(?:-|–|—|\s+to\s+|\s+until\s+|\s+through\s+)\s?"
    r"(?P<r2>19\d\d|20[0-3]\d|\d\d)(?![\w%\-]|[.,:]\d)"
)
_CUE4_ANY = frozenset("in circa during".split())  # + "year of", "it is", "born in"
_CUE4_UNAMBIG = frozenset("in since circa c. year yr born from until till of during around before after".split())
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_FORMS = frozenset(_MONTHS) | frozenset(
    "january february march april june july august sept september october november december".split())

_CAND = re.compile(
    r"(?<![\w'’.,/])(?:(?P<apos>['’])(?P<a2>\d\d)(?![\w'’]|[.,]\d)"
    r"|(?P<dec>(?:19|20)\d0)['’]?[sS](?!\w)"
    r"|(?P<y4>19\d\d|20[0-3]\d)(?!\w|[.,]\d)"
    r"|(?P<b2>\d\d)(?P<post>['’](?![\w'’]))?(?!\w|[.,]\d))"
)
_BAD_AFTER = re.compile(
    r"[%/:]|\s*(?:-|to)\s*\d{3,4}\b|\s*(?:%|mg|mcg|g|gm|kg|ml|cc|l|lpm|meq|mmol|mmhg|mm|cm|"
    r"units?|u|iu|kcal|cal|hrs?|hours?|h|mins?|minutes?|sec|secs|seconds|days?|wks?|weeks?|"
    r"mos?|months?|yrs?|years?|y/?o|x|times|beats|bpm|breaths|out|in(?=\s*[,;/&)]|\s*$|\s+\d)|cc's|mls|pts?|points?|"
    r"am|pm|percent|calories|kcals?|steps|dollars|pounds|euros|miles|km|feet|ft|words|"
    r"people|patients|beds|residents|members|staff|hrs|hours|per|total)\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z/'’.\-]*|\d+['’]?|['’]\d\d|[,&:~\-]")


def _is_event(w: str) -> bool:
    w = w.lower().rstrip(".'’")
    if w in EVENTS:
        return True
    if w.startswith(("s/p", "h/o")):
        return True
    return bool(_SUFFIX.match(w))


def _prev_tokens(text: str, pos: int, n: int = 6) -> list[str]:
    return _WORDS.findall(text, max(0, pos - 40), pos)[-n:]


_CLAUSE_END = re.compile(r"[,;:()\n]|\.\s")


def _clause_event(text: str, pos: int) -> bool:
    """An event or history cue among the few words before ``pos`` in the same clause."""
    window = text[max(0, pos - 40):pos]
    cut = None
    for cut in _CLAUSE_END.finditer(window):
        pass
    if cut is not None:
        window = window[cut.end():]
    words = [w for w in _WORDS.findall(window) if w[0].isalpha() and len(w) > 1][-4:]
    return any(w.lower() in _CLAUSE_CUES or _is_event(w) for w in words)


def _clock(v: int) -> bool:
    """Could this 4-digit number be a 24-hour time (HHMM)?"""
    return v // 100 <= 23 and v % 100 <= 59


def _round(v: int) -> bool:
    return v % 100 in (0, 15, 30, 45)


def _judge(text: str, m: "re.Match", strict: bool = True) -> str | None:
    """Name of the rule that accepts candidate ``m``, or None.

    ``strict``: the document writes clock times or ICU shorthand, so prose cues
    (since, until, parentheses...) do not make a year of a number that reads as a time.
    """
    end = m.end()
    if _BAD_AFTER.match(text, end):
        return None
    if m.group("dec"):
        return "decade"
    if m.group("apos"):
        return "apostrophe_year"
    prev = _prev_tokens(text, m.start())
    low = [t.lower() for t in prev]
    y4 = m.group("y4")
    bare = m.group("b2") is not None and m.group("post") is None
    before = text[max(0, m.start() - 16):m.start()]
    if y4 and (_TIME_BEFORE.search(before) or _MONEY_BEFORE.search(before)):
        return None
    # walk back over separators and earlier years to the cue word
    i = len(low) - 1
    saw_year = False
    while i >= 0 and (low[i] in _SKIP or re.fullmatch(r"x\d", low[i]) or
                      re.fullmatch(r"['’]?\d\d['’]?|(?:19|20)\d\d", low[i])):
        if low[i][0] in "'’0123456789":
            saw_year = True
        i -= 1
    if i >= 0 and _is_event(low[i]):
        w = low[i].rstrip(".'’")
        if bare and w in DEVICE:
            return None
        return "event_year" if not saw_year else "year_list"
    if not bare and _clause_event(text, m.start()):
        v = int(y4) if y4 else 0
        if not y4 or not _clock(v) or not _round(v):
            return "history_clause_year"
    if not bare and i >= 0 and low[i].rstrip(".'’") in LIFE:
        w = low[i].rstrip(".'’")
        if not (y4 and _clock(int(y4)) and w in LIFE_WEAK and strict):
            return "life_event_year"
    # "sober since 2015", "married in 2008": a life event before a preposition
    if not bare and i >= 1 and low[i] in _PREP and low[i - 1].rstrip(".'’") in LIFE:
        w = low[i - 1].rstrip(".'’")
        if not (y4 and _clock(int(y4)) and (w in LIFE_WEAK or low[i] != "in") and strict):
            return "life_event_year"
    if y4:
        v = int(y4)
        timeish = _clock(v)
        # the nearest word before, over a list of years ("in 2002, 2004 and 2009")
        j = len(low) - 1
        while j >= 0 and (low[j] in {",", "&", "-", "and", "or"} or
                          re.fullmatch(r"(?:19|20)\d\d", low[j])):
            j -= 1
        # over "early", "mid-", "late": "in late 2019", "since mid-2022"
        if j >= 1 and low[j] in _PART_OF_YEAR:
            j -= 1
        last = low[j] if j >= 0 else ""
        last2 = " ".join(low[max(0, j - 1):j + 1])
        if not timeish and last in _CUE4_UNAMBIG:
            return "cued_year"
        if last in _CUE4_ANY or last2 in ("year of", "it is", "born in", "year is", "class of"):
            return "cued_year"
        if _EVENT_AFTER.match(text, end):
            return "event_after_year"
        if not (timeish and (_TIME_AFTER.match(text, end) or strict)):
            if last in _PREP or last in _CUE4_UNAMBIG:
                return "prose_year"
            # "(2008)", "(together 2016)", "(b. 1994)": a short parenthetical ending in the year
            if text.startswith(")", end) and _PAREN_OPEN.search(text, max(0, m.start() - 30), m.start()):
                return "prose_year"
            if _FOLLOW.match(text, end):
                return "prose_year"
    if m.group("b2") and not m.group("post") and len(low) >= 2 and low[-1] == ",":
        if low[-2].rstrip(".") in _MONTH_FORMS:  # "Nov, 96", not "Marsh, 07"
            return "month_comma_yy"
    return None


def _range(text: str, m: "re.Match", strict) -> tuple[int, int] | None:
    """Span of the second year when the 4-digit candidate ``m`` opens a year range."""
    t = _RANGE_TAIL.match(text, m.end())
    if t is None:
        return None
    a = int(m.group("y4"))
    r2 = t.group("r2")
    b = int(r2) if len(r2) == 4 else (a // 100) * 100 + int(r2)
    if not (a < b <= a + 40):
        return None
    if _BAD_AFTER.match(text, t.end()):
        return None
    before = text[max(0, m.start() - 16):m.start()]
    if _TIME_BEFORE.search(before) or _MONEY_BEFORE.search(before):
        return None
    # a shift or clock-time interval: "1900-2000", "2000-2030", "from 1900 to 2300"
    if _clock(a) and (len(r2) == 2 or _clock(b)):
        if _round(a) and (len(r2) == 2 or _round(b)):
            return None
        if len(r2) == 4 and b - a < 100 and strict:
            return None  # "2010-2045": minutes apart in an ICU note
    return t.span("r2")


class YearRecognizer(LocalRecognizer):
    def __init__(self) -> None:
        super().__init__(
            supported_entities=["DATE_TIME"], name="YearRecognizer",
            supported_language="en", context=[],
        )

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and "DATE_TIME" not in entities:
            return []
        out = []
        strict = _Strict(text)
        spans = []
        taken = set()
        for m in _CAND.finditer(text):
            if m.group("y4"):
                r = _range(text, m, strict)
                if r is not None:
                    spans.append(("year_range", m.start("y4"), m.end("y4")))
                    spans.append(("year_range", r[0], r[1]))
                    taken.add(r[0])
                    continue
            rule = _judge(text, m, strict)
            if rule is None:
                continue
            if m.group("a2"):
                s, e = m.span("a2")
            elif m.group("dec"):
                s, e = m.span()
            elif m.group("y4"):
                s, e = m.span("y4")
            else:
                s, e = m.span("b2")
            if s in taken:
                continue
            spans.append((rule, s, e))
        for rule, s, e in spans:
            score = 0.6
            out.append(
                RecognizerResult(
                    entity_type="DATE_TIME", start=s, end=e, score=score,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=self.name, original_score=score, pattern_name=rule
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return out


def get_recognizers():
    return [YearRecognizer()]
