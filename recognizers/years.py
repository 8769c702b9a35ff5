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
""".split())
# events that can also precede a rate, setting or value: no bare 2-digit year after them
DEVICE = frozenset("pacer pacemaker ppm icd aicd defib echo cath arrest tips peg trach ca tx pe sz od".split())
_SUFFIX = re.compile(r"[a-z]+(?:ectomy|otomy|ostomy|plasty|scopy|graphy|pexy|rrhaphy|ectomies)$")
_SKIP = frozenset("in on of around circa c. approx approx. ~ , - : and & x1 x2 x3 x4 x5 x6 x7 x8".split())
_CUE4_ANY = frozenset("in circa during".split())  # + "year of", "it is", "born in"
_CUE4_UNAMBIG = frozenset("in since circa c. year yr born from until till of during around before after".split())
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_CAND = re.compile(
    r"(?<![\w'’.,/])(?:(?P<apos>['’])(?P<a2>\d\d)(?![\w'’]|[.,]\d)"
    r"|(?P<dec>(?:19|20)\d0)['’]?[sS](?!\w)"
    r"|(?P<y4>19\d\d|20[0-3]\d)(?!\w|[.,]\d)"
    r"|(?P<b2>\d\d)(?P<post>['’](?![\w'’]))?(?!\w|[.,]\d))"
)
_BAD_AFTER = re.compile(
    r"[%/:]|\s*(?:-|to)\s*\d{3,4}\b|\s*(?:%|mg|mcg|g|gm|kg|ml|cc|l|lpm|meq|mmol|mmhg|mm|cm|"
    r"units?|u|iu|kcal|cal|hrs?|hours?|h|mins?|minutes?|sec|secs|seconds|days?|wks?|weeks?|"
    r"mos?|months?|yrs?|years?|y/?o|x|times|beats|bpm|breaths|out|in|cc's|mls|pts?|points?|"
    r"am|pm|percent)\b",
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


def _judge(text: str, m: "re.Match") -> str | None:
    """Name of the rule that accepts candidate ``m``, or None."""
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
    if y4:
        v = int(y4)
        last = low[-1] if low else ""
        last2 = " ".join(low[-2:])
        if 1960 <= v <= 1999 and last in _CUE4_UNAMBIG:
            return "cued_year"
        if last in _CUE4_ANY or last2 in ("year of", "it is", "born in", "year is"):
            return "cued_year"
    if m.group("b2") and not m.group("post") and len(low) >= 2 and low[-1] == ",":
        if low[-2].rstrip(".")[:3] in _MONTHS and len(low[-2].rstrip(".")) <= 9:
            return "month_comma_yy"
    return None


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
        for m in _CAND.finditer(text):
            rule = _judge(text, m)
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
