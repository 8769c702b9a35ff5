"""Dates relative to treatment, and the Safe Harbor rule for birth years.

The supervision profile writes a date as its place in the treatment ("[week 3 of
treatment]", "[about 2 months before intake]"), counted from an anchor: the card's
``first_session:`` or ``intake:``, else a date the document itself calls the first
session or intake, else the earliest full date in the document that is not a date of
birth.  Without an anchor a date keeps only its month and year.

Safe Harbor, 45 CFR 164.514(b)(2)(i)(C): every element of a date, the year included,
that is indicative of an age over 89 is removed.  A birth year ("born 1931", "DOB
1931", "date of birth: 12/03/1931") that makes the person 90 or older today is
therefore removed by every profile that would keep a year.  The reference date is
today unless a caller injects one (tests do).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional, Sequence

import regex

from .recognizers import _patterns

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d|['’]\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_FORMS = [
    ("iso", _patterns.compile(r"(?P<year>(?:19|20)\d\d)[-/.](?P<a>\d{1,2})[-/.](?P<b>\d{1,2})")),
    ("num", _patterns.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<year>(?:19|20)?\d\d)")),
    ("dmy", _patterns.compile(rf"{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?", regex.I)),
    ("mdy", _patterns.compile(rf"{_WEEKDAY}{_MON}\s+(?:the\s+)?{_DAY}(?:,?\s+{_YEAR})?", regex.I)),
    ("my", _patterns.compile(rf"{_MON},?\s+(?:of\s+)?{_YEAR}", regex.I)),
    ("num_my", _patterns.compile(r"(?P<a>\d{1,2})[/.](?P<year>(?:19|20)\d\d)")),
    ("y", _patterns.compile(r"(?:(?:in|the\s+year|year)\s+)?" + _YEAR, regex.I)),
]
_BIRTH_CUE = _patterns.compile(
    r"(?:\bborn(?:\s+(?:on|in))?|\bb\.|\bd\.?\s?o\.?\s?b\.?|\bdate\s+of\s+birth|\bbirth\s*date|\bbirthday|"
    r"\byear\s+of\s+birth|\bbirth\s+year|\byob)\s*(?:[:=\-–]\s*)?(?:(?:is|was|of)\s+)?$",
    regex.IGNORECASE,
)
_ANCHOR_CUE = _patterns.compile(
    r"(?P<cue>first\s+session|initial\s+session|session\s+(?:1|one)|first\s+appointment|initial\s+appointment|"
    r"intake(?:\s+(?:session|assessment|appointment|date))?|initial\s+assessment|commenced\s+treatment|"
    r"started\s+(?:treatment|therapy)|treatment\s+start(?:ed)?|start\s+of\s+treatment)"
    r"[^\n.;]{0,20}$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedDate:
    date: _dt.date
    precision: str  # "day", "month" or "year"
    has_year: bool


def _year(s: str) -> int:
    s = s.lstrip("'’")
    y = int(s)
    return y if y >= 100 else (2000 + y if y < 50 else 1900 + y)


def parse_date(value: str, dayfirst: bool = True, default_year: Optional[int] = None) -> Optional[ParsedDate]:
    """A written date (a whole finding) -> its date and precision; None if unreadable."""
    v = value.strip().rstrip(".,")
    found = [(form, pat.fullmatch(v)) for form, pat in _FORMS]
    if not any(m for _, m in found):  # "3, 18 March 2024": the longest date inside
        found = [(form, m) for form, pat in _FORMS for m in pat.finditer(v)
                 if not (m.start() and v[m.start() - 1].isdigit()) and not (m.end() < len(v) and v[m.end()].isdigit())]
        found = sorted(((f, m) for f, m in found if m), key=lambda fm: fm[1].start() - fm[1].end())[:1]
    for form, m in found:
        if not m:
            continue
        g = m.groupdict()
        try:
            if form == "iso":
                return ParsedDate(_dt.date(int(g["year"]), int(g["a"]), int(g["b"])), "day", True)
            if form == "num":
                a, b, y = int(g["a"]), int(g["b"]), _year(g["year"])
                d, mo = (a, b) if (dayfirst and b <= 12) or a > 12 else (b, a)
                return ParsedDate(_dt.date(y, mo, d), "day", True)
            if form in ("dmy", "mdy"):
                mo = _MONTHS[g["mon"][:3].casefold()]
                has_year = bool(g.get("year"))
                y = _year(g["year"]) if has_year else default_year
                if y is None:
                    return ParsedDate(_dt.date(2000, mo, int(g["day"])), "day", False)
                return ParsedDate(_dt.date(y, mo, int(g["day"])), "day", has_year)
            if form == "my":
                return ParsedDate(_dt.date(_year(g["year"]), _MONTHS[g["mon"][:3].casefold()], 1), "month", True)
            if form == "num_my":
                return ParsedDate(_dt.date(int(g["year"]), int(g["a"]), 1), "month", True)
            if form == "y":
                return ParsedDate(_dt.date(_year(g["year"]), 1, 1), "year", True)
        except ValueError:
            return None
    return None


def birth_cued(text: str, start: int) -> bool:
    """Is the date at ``start`` written as a date of birth ("born", "DOB", "date of birth")?"""
    return _BIRTH_CUE.search(text[max(0, start - 30):start]) is not None


def age_at(born: ParsedDate, today: _dt.date) -> int:
    """The youngest age a person born then can be today (year only: their birthday may be late)."""
    if born.precision == "day" and born.has_year:
        d = born.date
        return today.year - d.year - ((today.month, today.day) < (d.month, d.day))
    return today.year - born.date.year - 1


def reveals_90_plus(text: str, start: int, value: str, today: _dt.date) -> bool:
    """A birth date or year that puts the person at 89 or more today: 89 counts, because a
    bare year cannot tell 89 from 90."""
    if not birth_cued(text, start):
        return False
    p = parse_date(value)
    return p is not None and p.has_year and age_at(p, today) >= 89 and (
        p.precision != "day" or age_at(p, today) >= 90)


_BARE_BIRTH_YEAR = _patterns.compile(
    r"(?:\bborn(?:\s+(?:on|in))?|\bb\.|\bd\.?\s?o\.?\s?b\.?|\bdate\s+of\s+birth|\bbirth\s*date|\byear\s+of\s+birth|"
    r"\bbirth\s+year|\byob)\s*(?:[:=\-–]\s*)?(?:(?:is|was|of)\s+)?(?P<y>(?:18|19|20)\d\d)(?![\d/\-]|\.\d)",
    regex.IGNORECASE,
)


def birth_year_spans(text: str, today: _dt.date) -> list[tuple[int, int]]:
    """Bare birth years of people 90 or older ("DOB 1931") that a recognizer may have
    left, so that every profile removes them."""
    out = []
    for m in _BARE_BIRTH_YEAR.finditer(text):
        if today.year - int(m.group("y")) - 1 >= 89:
            out.append(m.span("y"))
    return out


# ---- relative phrasing ---------------------------------------------------------
def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" + ("" if n == 1 else "s")


def relative_phrase(p: ParsedDate, anchor: _dt.date, anchor_kind: str) -> str:
    """"week 3 of treatment", "about 2 months before intake", "about 4 years before intake"."""
    label = "intake" if anchor_kind == "intake" else "treatment began"
    if p.precision == "year":
        diff = p.date.year - anchor.year
        if diff == 0:
            return "the year treatment began"
        return f"about {_plural(abs(diff), 'year')} " + ("into treatment" if diff > 0 else f"before {label}")
    if p.precision == "month":
        months = (p.date.year - anchor.year) * 12 + p.date.month - anchor.month
        if months >= 0:
            return f"month {months + 1} of treatment" if months < 24 else f"about {_plural(round(months / 12), 'year')} into treatment"
        a = -months
        return f"about {_plural(a, 'month')} before {label}" if a < 24 else f"about {_plural(round(a / 12), 'year')} before {label}"
    days = (p.date - anchor).days
    if days >= 0:
        if days < 7 * 26:
            return f"week {days // 7 + 1} of treatment"
        if days < 730:
            return f"about {_plural(round(days / 30.44), 'month')} into treatment"
        return f"about {_plural(round(days / 365.25), 'year')} into treatment"
    a = -days
    if a < 14:
        return f"{_plural(a, 'day')} before {label}"
    if a < 60:
        return f"about {_plural(round(a / 7), 'week')} before {label}"
    if a < 730:
        return f"about {_plural(round(a / 30.44), 'month')} before {label}"
    return f"about {_plural(round(a / 365.25), 'year')} before {label}"


def month_year(p: ParsedDate) -> str:
    if p.precision == "year":
        return str(p.date.year)
    return p.date.strftime("%B") + (f" {p.date.year}" if p.has_year else "")


def _dayfirst(values: Sequence[str]) -> bool:
    """Day-first unless the document writes a numeric date only month-first can read."""
    for v in values:
        m = regex.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}\s*", v)
        if m and int(m.group(2)) > 12 >= int(m.group(1)):
            return False
    return True


def date_replacements(
    text: str,
    dates: Sequence[tuple[int, int, str]],
    today: _dt.date,
    client=None,
    relative: bool = True,
) -> dict[str, str]:
    """Value -> replacement for every DATE_TIME mention ``(start, end, value)``.

    ``relative``: write dates against the anchor (supervision); otherwise keep them as
    written (referral).  Either way a date of birth becomes ``[DATE OF BIRTH]`` and a
    birth year of someone 90 or older is removed."""
    dayfirst = _dayfirst([v for _, _, v in dates])
    anchor, kind = (client.anchor, client.anchor_kind) if client is not None and client.anchor else (None, "intake")
    births = {v for s, _, v in dates if birth_cued(text, s)}
    if anchor is None and relative:
        cued, full = [], []
        for s, _, v in dates:
            p = parse_date(v, dayfirst)
            if p is None or not p.has_year or p.precision != "day" or v in births:
                continue
            full.append(p.date)
            m = _ANCHOR_CUE.search(text[max(0, s - 40):s])
            if m:
                cued.append((p.date, "intake" if "intake" in m.group("cue").casefold() else "first session"))
        if cued:
            anchor, kind = cued[0]
        elif full:
            anchor, kind = min(full), "first session"
    out: dict[str, str] = {}
    for s, _, v in dates:
        if v in out:
            continue
        if v in births:
            p = parse_date(v, dayfirst)
            bare_year = p is not None and p.precision == "year"
            # a bare birth year under 89 says no more than the age, which is kept
            out[v] = v if bare_year and not reveals_90_plus(text, s, v, today) else "[DATE OF BIRTH]"
            continue
        if not relative:
            out[v] = v
            continue
        p = parse_date(v, dayfirst, default_year=anchor.year if anchor else None)
        if p is None:
            from .operators import year_of

            out[v] = year_of(v) or "[DATE]"
        elif anchor is not None and p.has_year:
            out[v] = f"[{relative_phrase(p, anchor, kind)}]"
        elif anchor is not None and not p.has_year:
            d = p.date
            if abs((d - anchor).days) > 183:  # "March 3rd" nearest the anchor
                d = d.replace(year=d.year + (1 if d < anchor else -1))
            out[v] = f"[{relative_phrase(ParsedDate(d, 'day', True), anchor, kind)}]"
        else:
            out[v] = month_year(p) if p.precision != "day" or p.has_year else p.date.strftime("%B")
    return out


def with_birth_years(text: str, findings: list, today: Optional[_dt.date] = None) -> list:
    """``findings`` plus any bare birth year of someone 90 or older that none covers
    ("DOB 1931"), as DATE_TIME, so that every profile removes it."""
    from .findings import Finding

    spans = birth_year_spans(text, today or _dt.date.today())
    if not spans:
        return findings
    extra = [Finding(s, e, "DATE_TIME", 1.0, "BirthYear90") for s, e in spans
             if not any(f.start < e and s < f.end for f in findings)]
    if not extra:
        return findings
    for f in extra:
        f.value = text[f.start:f.end]
    return sorted(list(findings) + extra, key=lambda f: f.start)
