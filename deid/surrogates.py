"""Realistic, consistent surrogates for the ``ai`` profile (operator ``surrogate``).

Why surrogates rather than tags: a model drafting a note from "[PERSON_1] saw
[PERSON_2] on [DATE]" writes worse notes than from "Alex Moreau saw Priya Lindqvist on
17 April 2024", and the clinician gets the real values back with ``deid restore``.

Rules, per client (a client is a vault entry, a ``--client-id`` or a client card):

* **Deterministic.** Every choice comes from HMAC(client secret, type, original), so the
  same original gets the same surrogate across documents and sessions. The secret is
  random and kept in the vault; without a vault it is *derived* from the client id or
  card (and ``DEID_SURROGATE_SECRET`` if set), which is reproducible but **not secret**:
  anyone with deid and the client id can recompute the mapping. Use a vault, or set
  ``DEID_SURROGATE_SECRET``, when that matters.
* **Never the original, never ambiguous.** A candidate is rejected when it equals the
  original, is a word of the document, stands for another original of this client,
  or (with a vault) is another client's surrogate; the next candidate is tried.
* **Names** are replaced word by word (first names from first names, surnames from
  surnames), so "Jordan Reyes", "Jordan", "Reyes's" and "Dr Reyes" stay one person;
  names come from Faker's lists of many locales (a cultural spread), of the original's
  gender when Faker's lists know it and from names given to both otherwise; a name
  that is also an English word is never used (restore would mistake "may" for a name).
  Titles and possessives are kept. Case follows the original (lower-case speech-to-text
  gives lower-case surrogates, ALL CAPS gives ALL CAPS).
* **Places, streets, organisations**: same kind: the head words are kept ("Lincoln High
  School" -> "Okafor High School", "42 Elm Street" -> "87 Lindqvist Street", "Marion
  County" -> "Tan County"), the rest comes from Faker (towns, surnames, companies).
* **Dates** move by one per-client offset, a non-zero multiple of 7 days between 14
  and 56 either way, so intervals *and* weekdays survive, in the format they were
  written ("3 March 2024" -> "14 April 2024", "03/14/24" -> "04/25/24", "the third of
  March" -> "the fourteenth of April"). Weekday names, times and relative words
  ("yesterday", "last week") are kept; bare years are kept (a shift of weeks rarely
  moves a year). A date that cannot be read (a holiday, "Christmas") becomes a
  numbered placeholder (``[DATE_3]``), which restore also puts back.
* **Numbers** (phones, MRNs, NHS/Medicare/IHI/SSN, accounts, ZIP codes, devices) keep
  their shape: each digit or letter is replaced, separators and label prefixes
  ("MRN-") kept, and the result is made to *fail* the Luhn, NHS modulus 11 and Medicare
  checks, so a surrogate is never a valid real number; an SSN gets a 9xx area, which
  is never issued.
* **Ages**: kept under 90, "90 or older" from 90 (Safe Harbor); not restorable.
* **UNKNOWN** (a word only the safety net took): most are names or rare proper nouns,
  so the surrogate is a surname-like word in the same case, which reads naturally.
* Anything else (``UNIQUE_EVENT``) becomes a numbered placeholder ``[UNIQUE_EVENT_1]``.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import hmac
import os
import random
import threading
from functools import lru_cache
from typing import Callable, Optional

import regex

from .vault import ClientState, norm

# ------------------------------------------------------------------ pools
_NAME_LOCALES = ["en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "es_MX", "es_ES", "fr_FR", "de_DE",
                 "it_IT", "nl_NL", "pt_BR", "sv_SE", "pl_PL", "tr_TR", "vi_VN", "fil_PH", "zu_ZA", "yo_NG"]
_PLACE_LOCALES = ["en_US", "en_GB", "en_AU", "en_CA", "en_NZ"]
_LATIN_NAME = regex.compile(r"[A-Z][a-zà-öø-ÿ]+(?:['-][A-Z]?[a-zà-öø-ÿ]+)?")


@lru_cache(maxsize=1)
def _pools() -> dict[str, object]:
    """First names (female, male, both) and surnames of several locales, minus English words."""
    import importlib

    from .safety_net import vocabulary

    vocab = vocabulary()
    fem: set[str] = set()
    male: set[str] = set()
    last: set[str] = set()
    for loc in _NAME_LOCALES:
        try:
            P = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        fem.update(getattr(P, "first_names_female", ()) or ())
        male.update(getattr(P, "first_names_male", ()) or ())
        last.update(getattr(P, "last_names", ()) or ())

    def ok(n: str) -> bool:
        return bool(_LATIN_NAME.fullmatch(n)) and n.lower() not in vocab and len(n) >= 3

    fem_ok = {n for n in fem if ok(n)}
    male_ok = {n for n in male if ok(n)}
    both = fem_ok & male_ok
    return {
        "female": sorted(fem_ok - both), "male": sorted(male_ok - both),
        "neutral": sorted(both) if len(both) >= 50 else sorted(fem_ok | male_ok),
        "last": sorted(n for n in last if ok(n)),
        "female_cf": {n.casefold() for n in fem}, "male_cf": {n.casefold() for n in male},
        "first_cf": {n.casefold() for n in fem | male}, "last_cf": {n.casefold() for n in last},
    }


_FAKERS: dict[str, object] = {}
_FAKER_LOCK = threading.Lock()


def _faker_call(loc: str, seed: int, fn: Callable) -> str:
    """Faker with a fixed seed, one instance per locale, serialised (threads share it)."""
    with _FAKER_LOCK:
        f = _FAKERS.get(loc)
        if f is None:
            from faker import Faker

            f = _FAKERS[loc] = Faker(loc)
        f.seed_instance(seed)
        return fn(f)


# ------------------------------------------------------------------ case
def style_like(written: str, canon_orig: str, canon_sur: str) -> str:
    """The surrogate written the way the original was (ALL CAPS, lower case, as is)."""
    if written == canon_orig:
        return canon_sur
    if written.isupper() and not canon_orig.isupper():
        return canon_sur.upper()
    if written.islower() and not canon_orig.islower():
        return canon_sur.lower()
    return canon_sur


def restyle(matched: str, canon_sur: str, canon_orig: str) -> str:
    """The inverse of :func:`style_like`, for restore."""
    if matched == canon_sur:
        return canon_orig
    if matched.isupper() and not canon_sur.isupper():
        return canon_orig.upper()
    if matched.islower() and not canon_sur.islower():
        return canon_orig.lower()
    return canon_orig


def _canon_word(w: str) -> str:
    """A name's canonical spelling: as written, or capitalised when written all lower/upper."""
    if w.islower() or (w.isupper() and len(w) > 1):
        return regex.sub(r"(?<![\p{L}])\p{L}", lambda m: m.group().upper(), w.lower())
    return w


# ------------------------------------------------------------------ dates
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_MONTH_OF = {m: i + 1 for i, m in enumerate(_MONTHS)}
_MONTH_OF.update({m[:3]: i + 1 for i, m in enumerate(_MONTHS)})
_MONTH_OF["sept"] = 9
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_OF = {d: i for i, d in enumerate(_WEEKDAYS)}
_WEEKDAY_OF.update({d[:3]: i for i, d in enumerate(_WEEKDAYS)})
_WEEKDAY_OF.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_WORDS = _UNITS + ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                       "seventeenth", "eighteenth", "nineteenth", "twentieth"] + \
    [f"twenty-{u}" for u in _UNITS] + ["thirtieth", "thirty-first"]
_ORD_OF = {w: i + 1 for i, w in enumerate(_ORD_WORDS)}
_ORD_OF.update({w.replace("-", " "): n for w, n in list(_ORD_OF.items()) if "-" in w})

_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WEEKDAY_RE = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
_ORD_RE = "|".join(regex.escape(w).replace(r"\-", "[- ]") for w in sorted(_ORD_OF, key=lambda w: (-len(w), w)) if " " not in w)
_TOKEN = regex.compile(
    rf"(?P<iso>(?<!\d)(?P<iy>\d{{4}})(?P<is>[-/.])(?P<im>\d{{1,2}})(?P=is)(?P<id>\d{{1,2}})(?!\d))"
    rf"|(?P<num>(?<!\d)(?P<a>\d{{1,2}})(?P<ns>[/.\-])(?P<b>\d{{1,2}})(?:(?P=ns)(?P<ny>\d{{4}}|\d{{2}}))?(?![\d/]))"
    rf"|(?P<month>\b{_MONTH_RE}\b)"
    rf"|(?P<wday>\b{_WEEKDAY_RE}\b)"
    rf"|(?P<ord>\b(?:{_ORD_RE})\b)"
    rf"|(?P<year>(?<![\d/])(?:1[89]\d\d|20\d\d)(?![\d/])|['’]\d\d\b)"
    rf"|(?P<day>(?<![\d/.])(?:[12]\d|3[01]|0?[1-9])(?P<suf>st|nd|rd|th)?\b)",
    regex.IGNORECASE,
)
_KEEP_DATE_WORDS = regex.compile(
    rf"(?:{_WEEKDAY_RE}|today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|noon|midnight|"
    r"last|next|this|past|coming|previous|week|weeks|weekend|month|months|fortnight|year|years|day|days|ago|"
    r"earlier|later|recently|the|on|of|in|at|a|an|and|every|each|spring|summer|autumn|fall|winter|"
    r"am|pm|a\.m\.|p\.m\.|o'clock|hrs|h|\d{1,2}[:.]\d\d|\d{1,2}\s*(?:am|pm)|\d+)",
    regex.IGNORECASE,
)


def _case_as(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


def _suffix(n: int) -> str:
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _ref_year(m: int, d: int) -> int:
    return 2000 if (m, d) == (2, 29) else 2001


def dmy_order(text: str) -> bool:
    """Does this document write numeric dates day first (14/03/2024)? Decided by
    the numeric dates where one part is over 12; month first (US) when none is."""
    dm = md = 0
    for m in regex.finditer(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](?:\d{4}|\d{2})(?!\d)", text):
        a, b = int(m.group(1)), int(m.group(2))
        dm += a > 12 >= b
        md += b > 12 >= a
    return dm > md


def parse_date(value: str, day_first: bool) -> Optional[list[tuple[int, Optional[int], Optional[int]]]]:
    """The dates written in ``value``: [(month, day or None, year or None)].

    None when there is nothing to shift (no month) or the parts do not make a date."""
    parts = _date_parts(value, day_first)
    if parts is None:
        return None
    return [(m, d, y) for m, d, y, _, _ in parts[0]]


_RANGE_JOIN = r"(?i)\s*(?:-|–|—|to|and|&|through|until|till)\s*"


def _year2(s: str) -> int:
    n = int(s)
    return 2000 + n if n < 50 else 1900 + n


def _date_parts(value: str, day_first: bool):
    """([(month, day, year, token, a_is_day)], all tokens), or None if no date is written."""
    toks = list(_TOKEN.finditer(value))
    if not toks:
        return None
    numeric = [t for t in toks if t.group("iso") or t.group("num")]
    if numeric:
        dates = []
        for t in numeric:
            a_is_day = False
            if t.group("iso"):
                y, m, d = int(t.group("iy")), int(t.group("im")), int(t.group("id"))
            else:
                if t.group("ny") is None and t.group("ns") != "/":
                    return None
                a, b = int(t.group("a")), int(t.group("b"))
                y = None if t.group("ny") is None else int(t.group("ny")) if len(t.group("ny")) == 4 else _year2(t.group("ny"))
                a_is_day = a > 12 >= b or (not (b > 12 >= a) and day_first)
                d, m = (a, b) if a_is_day else (b, a)
            if not _valid(y, m, d):
                return None
            dates.append((m, d, y, t, a_is_day))
        return dates, toks
    months = [t for t in toks if t.group("month")]
    years = [t for t in toks if t.group("year")]
    if len(months) != 1 or len(years) > 1 or len([t for t in toks if t.group("wday")]) > 1:
        return None
    low = months[0].group().lower()
    m = _MONTH_OF[low] if low in _MONTH_OF else _MONTH_OF[low[:3]]
    y = None
    if years:
        ys = years[0].group()
        y = int(ys) if ys[0].isdigit() else _year2(ys[1:])
    days = [t for t in toks if t.group("day") or t.group("ord")]
    if len(days) > 1:  # a range ("3rd-17th March") or a stray number ("Session 4, 3 March")
        near = min(days, key=lambda t: min(abs(t.start() - months[0].end()), abs(months[0].start() - t.end())))
        i = days.index(near)
        lo = hi = i
        while lo > 0 and regex.fullmatch(_RANGE_JOIN, value[days[lo - 1].end():days[lo].start()]):
            lo -= 1
        while hi < len(days) - 1 and regex.fullmatch(_RANGE_JOIN, value[days[hi].end():days[hi + 1].start()]):
            hi += 1
        days = days[lo:hi + 1]
    if not days:
        return [(m, None, y, None, False)], toks
    out = []
    for t in days:
        if t.group("ord"):
            d = _ORD_OF[regex.sub(r"[- ]+", "-", t.group().lower())]
        else:
            d = int(t.group()[: len(t.group()) - len(t.group("suf") or "")])
        if not _valid(y, m, d):
            return None
        out.append((m, d, y, t, False))
    return out, toks


def _valid(y: Optional[int], m: int, d: int) -> bool:
    if not 1 <= m <= 12:
        return False
    try:
        _dt.date(y or _ref_year(m, d), m, d)
        return True
    except ValueError:
        return False


def _month_word(new_month: int, old: str) -> str:
    full = _MONTHS[new_month - 1]
    low = old.lower()
    if low in _MONTHS:
        w = full
    elif low == "sept" and new_month == 9:
        w = "sept"
    else:
        w = full[:3]
    return _case_as(w, old)


def _weekday_word(wd: int, old: str) -> str:
    full = _WEEKDAYS[wd]
    low = old.lower()
    return _case_as(full if low in _WEEKDAYS else full[: min(len(low), 3)] if len(low) <= 3 else full[:len(low)] if len(low) <= 5 else full, old)


def shift_date(value: str, days: int, day_first: bool = False) -> Optional[str]:
    """``value`` moved by ``days``, written in the same format; None if it cannot be read."""
    parts = _date_parts(value, day_first)
    if parts is None:
        return None
    dates, toks = parts
    edits: list[tuple[int, int, str]] = []
    shifted = []
    for m, d, y, t, a_is_day in dates:
        nd = _dt.date(y or _ref_year(m, d or 15), m, d or 15) + _dt.timedelta(days=days)
        shifted.append(nd)
        if t is None:
            continue
        if t.group("iso"):
            groups = [("iy", nd.year), ("im", nd.month), ("id", nd.day)]
        elif t.group("num"):
            groups = [("a", nd.day if a_is_day else nd.month), ("b", nd.month if a_is_day else nd.day)]
            if t.group("ny"):
                groups.append(("ny", nd.year if len(t.group("ny")) == 4 else nd.year % 100))
        else:
            groups = []
            old = t.group()
            if t.group("ord"):
                w = _ORD_WORDS[nd.day - 1]
                edits.append((t.start(), t.end(), _case_as(w.replace("-", " ") if " " in old else w, old)))
            else:
                suf = t.group("suf") or ""
                digits = old[: len(old) - len(suf)]
                num = str(nd.day).zfill(len(digits)) if digits.startswith("0") else str(nd.day)
                edits.append((t.start(), t.end(), num + (_case_as(_suffix(nd.day), suf) if suf else "")))
        dm = [t.group(g) for g in ("a", "b", "im", "id") if t.group(g)]
        padded = any(x.startswith("0") for x in dm) or all(len(x) == 2 for x in dm)
        for g, v in groups:
            old = t.group(g)
            edits.append((t.start(g), t.end(g), str(v).zfill(2) if (padded and g != "iy") or g == "ny" else str(v)))
    if not any(t is not None and (t.group("iso") or t.group("num")) for _, _, _, t, _ in dates):
        if len({(nd.year, nd.month) for nd in shifted}) > 1:
            return None  # a range that would straddle two months: the format cannot hold it
        nd = shifted[0]
        has_year = dates[0][2] is not None
        for t in toks:
            old = t.group()
            if t.group("month"):
                edits.append((t.start(), t.end(), _month_word(nd.month, old)))
            elif t.group("year") and has_year:
                edits.append((t.start(), t.end(), str(nd.year) if old[0].isdigit() else old[0] + f"{nd.year % 100:02d}"))
            elif t.group("wday") and dates[0][1] is not None and has_year and days % 7:
                edits.append((t.start(), t.end(), _weekday_word(nd.weekday(), old)))
    out = value
    for s, e, new in sorted(edits, reverse=True):
        out = out[:s] + new + out[e:]
    return out


def keep_date(value: str) -> bool:
    """Weekday names, times, seasons and relative words identify no one: kept as written."""
    if regex.search(r"\d\s*[/\-]\s*\d|\d\.\d{1,2}\.\d", value):
        return False
    rest = _KEEP_DATE_WORDS.sub(" ", value)
    return not regex.search(r"[\p{L}\p{N}]", rest)


# ------------------------------------------------------------------ numbers
_DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_DIGIT_WORD_RE = regex.compile(r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b", regex.IGNORECASE)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def nhs_ok(digits: str) -> bool:
    if len(digits) != 10:
        return False
    s = sum(int(c) * (10 - i) for i, c in enumerate(digits[:9]))
    check = 11 - s % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def medicare_ok(digits: str) -> bool:
    if len(digits) not in (10, 11) or digits[0] not in "23456":
        return False
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    return sum(int(c) * k for c, k in zip(digits[:8], w)) % 10 == int(digits[8])


def passes_checksum(digits: str) -> bool:
    return len(digits) >= 8 and (luhn_ok(digits) or nhs_ok(digits) or medicare_ok(digits))


_PREFIX = regex.compile(r"^(?:[A-Z]{2,5}[-#: ]?|[a-z]{2,5}[-#:])(?=.*\d)")


def shape_replace(value: str, rng: random.Random, entity_type: str) -> str:
    """Each digit and letter replaced by a random one of the same kind; separators and a
    label prefix ("MRN-") kept; the digits made to fail every known checksum."""
    pm = _PREFIX.match(value) if entity_type not in ("ZIP_CODE", "VEHICLE_ID") else None
    keep = pm.end() if pm else 0
    if entity_type == "PHONE_NUMBER":
        m = regex.match(r"\s*(?:\+\d{1,3}[\s.-]?|\(?0\d?|1[\s.-])", value)
        keep = m.end() if m else 0
        if _DIGIT_WORD_RE.search(value) and not regex.search(r"\d", value):
            return _DIGIT_WORD_RE.sub(lambda mm: _case_as(rng.choice(_DIGIT_WORDS), mm.group()), value)
    for _ in range(50):
        out = list(value[:keep])
        for i, ch in enumerate(value[keep:], start=keep):
            if ch.isdigit():
                first = not any(c.isdigit() for c in out)
                lo = 2 if entity_type == "PHONE_NUMBER" and first and keep == 0 else 0
                out.append(str(rng.randint(lo, 9)))
            elif "a" <= ch.lower() <= "z":
                c = chr(rng.randint(ord("a"), ord("z")))
                out.append(c.upper() if ch.isupper() else c)
            else:
                out.append(ch)
        s = "".join(out)
        if entity_type == "US_SSN":
            idx = [i for i, c in enumerate(s) if c.isdigit()]
            if idx:
                s = s[:idx[0]] + "9" + s[idx[0] + 1:]
        digits = "".join(c for c in s if c.isdigit())
        if s != value and not passes_checksum(digits):
            return s
    return s


# ------------------------------------------------------------------ words kept in places
_STREET_WORDS = set("""street st road rd avenue ave av lane ln drive dr court ct place pl crescent cres boulevard blvd
way terrace tce parade pde highway hwy close cl grove square sq circuit cct unit apt apartment flat suite ste level
floor po p.o. box gpo rural route rr north south east west n s e w ne nw se sw mews row walk hill view rise esplanade
track trail pkwy parkway alley vic nsw qld sa wa tas nt act al ak az ar ca co ct de fl ga hi id il in ia ks ky la me
md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wv wi wy on qc bc ab mb sk ns nb nl pe""".split())
_PLACE_WORDS = set("""county shire city town village borough valley heights park beach springs north south east west
upper lower mount mt lake port fort saint st new old great little district suburb township parish region island bay
creek river falls""".split())
_ORG_WORDS = set("""hospital hospitals clinic clinics centre center medical health mental community school high primary
secondary elementary middle college university academy institute pharmacy practice services service group trust
foundation church council department dept bank inc ltd llc pty co company corporation corp associates partners care
aged family children's childrens women's general regional memorial private public day unit ward surgery dental rehab
rehabilitation hospice police station library club team store shop cafe restaurant hotel of the and & for at in
grammar kindergarten preschool daycare nursery ministries ministry agency network alliance house home homes
counselling counseling psychology psychiatry psychiatric behavioral behavioural wellness recovery treatment
program programme st saint""".split())
_WORD_RE = regex.compile(r"[\p{L}][\p{L}'’.\-]*|\d+|[^\p{L}\d]+")


# ------------------------------------------------------------------ the document
class DocumentSurrogates:
    """Surrogates for one document of one client; records every pair in ``state``.

    ``others`` are surrogates of other clients (case-folded) to avoid."""

    def __init__(self, state: ClientState, text: str = "", others: Optional[set[str]] = None,
                 person_tokens: Optional[dict[str, str]] = None) -> None:
        self.state = state
        self.text = text
        self.others = others or set()
        self.day_first = dmy_order(text)
        self.words_cf = {w.casefold() for w in regex.findall(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?", text)}
        self.words_cf |= {norm(w) for w in regex.findall(r"[\p{L}][\p{L}'’.\-]*(?:\s+[\p{L}][\p{L}'’.\-]*)+", text)}
        self.roles = person_tokens or {}
        self.today: Optional[_dt.date] = None

    # ---- helpers
    def _rng(self, *parts: object) -> random.Random:
        msg = "\x1f".join(str(p) for p in parts).encode("utf-8")
        return random.Random(int.from_bytes(hmac.new(self.state.secret, msg, hashlib.sha256).digest()[:16], "big"))

    def _free(self, cand: str, original: str, strict: bool = True) -> bool:
        c = norm(cand)
        if not c or c == norm(original):
            return False
        prev = self.state.original_of(cand)
        if prev is not None:
            return norm(prev[2]) == norm(original)
        if c in self.words_cf or (strict and c in self.others):
            return False
        return c not in self.state.originals_cf()

    def _pick(self, et: str, original: str, make: Callable[[random.Random], str]) -> str:
        """The recorded surrogate of ``original``, or a new free one (recorded)."""
        known = self.state.surrogate_for(et, original)
        if known is not None:
            return known
        for attempt in range(60):
            cand = make(self._rng(et, norm(original), attempt))
            if self._free(cand, original, strict=attempt < 40):
                self.state.add(cand, et, original)
                return cand
        return self._placeholder(et, original)

    def _placeholder(self, et: str, original: str) -> str:
        known = self.state.surrogate_for(et, original)
        if known is not None:
            return known
        n = sum(1 for s in self.state.pairs if s.startswith(f"[{et}_")) + 1
        while self.state.taken(f"[{et}_{n}]"):
            n += 1
        sur = f"[{et}_{n}]"
        self.state.add(sur, et, original)
        return sur

    def _record(self, written_sur: str, et: str, written: str) -> str:
        """Record an exact written pair (for values restored as a whole)."""
        if written_sur != written:
            self.state.add(written_sur, et, written)
        return written_sur

    # ---- the operator
    def replace(self, et: str, value: str) -> str:
        if not value.strip():
            return value
        if et == "AGE":
            from .operators import number_in

            n = number_in(value)
            return "90 or older" if n is not None and n > 89 else value
        if et == "DATE_TIME":
            return self.date(value)
        if et in ("PERSON", "UNKNOWN"):
            return self.name(value, et)
        gen = _GENERATORS.get(et)
        if gen is None:
            return self._placeholder(et, value)
        return gen(self, et, value)

    def date(self, value: str) -> str:
        known = self.state.surrogate_for("DATE_TIME", value)
        if known is not None:
            return style_like(value, self.state.pairs[known][1], known)
        this_year = (self.today or _dt.date.today()).year
        if any(int(y) <= this_year - 90 for y in regex.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", value)):
            return self._placeholder("DATE_TIME", value)  # a year that tells an age of 90 or more
        if keep_date(value):
            return value
        new = shift_date(value, self.state.offset, self.day_first)
        if new is None or new == value:
            return self._placeholder("DATE_TIME", value)
        if self.state.original_of(new) is not None and norm(self.state.original_of(new)[2]) != norm(value):
            return self._placeholder("DATE_TIME", value)
        self.state.add(new, "DATE_TIME", value)
        return new

    # ---- names
    _TITLE = regex.compile(r"^((?:dr|mr|mrs|ms|mx|miss|prof|professor|nurse|rev|fr|sr|sister|father|judge|officer|"
                           r"coach|pastor|aunt|auntie|uncle|nan|nana|grandma|grandpa|pop)\.?\s+)", regex.IGNORECASE)
    _POSS = regex.compile(r"(['’]s?)$")
    _NAME_TOK = regex.compile(r"[\p{L}][\p{L}'’\-]*[\p{L}]|[\p{L}]")

    def name(self, value: str, et: str) -> str:
        tm = self._TITLE.match(value)
        title = tm.group(1) if tm else ""
        core = value[len(title):]
        pm = self._POSS.search(core) if core[-2:-1] in ("'", "’") or core[-1:] in ("'", "’") else None
        poss = pm.group(1) if pm else ""
        core = core[: len(core) - len(poss)]
        toks = list(self._NAME_TOK.finditer(core))
        if not toks or regex.search(r"\d", core):
            return title + self._pick(et, core, lambda r: _surname(r)) + poss if core else value
        if len(toks) == 1 and toks[0].group().isupper() and 2 <= len(toks[0].group()) <= 3 and not title:
            w = toks[0].group()  # initials: "JR"
            sur = self._pick("INITIALS", w, lambda r: "".join(chr(r.randint(65, 90)) for _ in w))
            return core[:toks[0].start()] + sur + core[toks[0].end():] + poss
        pieces, last_end = [], 0
        full_sur = []
        for i, t in enumerate(toks):
            w = t.group()
            pieces.append(core[last_end:t.start()])
            if len(w) == 1:
                sur_w = self._pick("INITIAL", w.upper(), lambda r: chr(r.randint(65, 90)))
                sur_w = sur_w if w.isupper() else sur_w.lower()
            else:
                if title or (len(toks) > 1 and i == len(toks) - 1):
                    role = "last"
                elif len(toks) > 1:
                    role = "first"
                else:
                    role = self.roles.get(w.casefold()) or _role_guess(w)
                canon = _canon_word(w)
                sur_c = self._pick(et if et == "PERSON" else "PERSON", canon, lambda r, role=role, canon=canon: _name_word(r, role, canon))
                stored = self.state.pairs.get(sur_c, ("", canon))[1]
                sur_w = style_like(w, stored, sur_c)
            pieces.append(sur_w)
            full_sur.append(sur_w)
            last_end = t.end()
        pieces.append(core[last_end:])
        new_core = "".join(pieces)
        if len(toks) > 1:
            self._record(new_core, "PERSON", core)
        return title + new_core + poss


def _role_guess(word: str) -> str:
    p = _pools()
    w = word.casefold()
    if w in p["first_cf"]:
        return "first"
    if w in p["last_cf"]:
        return "last"
    return "first"


def _name_word(rng: random.Random, role: str, original: str) -> str:
    p = _pools()
    if role == "last":
        return rng.choice(p["last"])
    o = original.casefold()
    fem, male = o in p["female_cf"], o in p["male_cf"]
    pool = p["female"] if fem and not male else p["male"] if male and not fem else p["neutral"]
    return rng.choice(pool)


def _surname(rng: random.Random) -> str:
    return rng.choice(_pools()["last"])


def _collapse_runs(value: str, keep: set[str]) -> list[tuple[bool, str]]:
    """Split into (replace?, text) segments: runs of non-head words joined by spaces."""
    segs: list[tuple[bool, str]] = []
    for m in _WORD_RE.finditer(value):
        w = m.group()
        is_word = w[0].isalpha()
        base = regex.sub(r"['’]s$", "", w).rstrip(".").casefold()
        repl = is_word and base not in keep and w.casefold() not in keep
        if segs and repl and segs[-1][0]:
            segs[-1] = (True, segs[-1][1] + w)
        elif segs and regex.fullmatch(r"[ \t]+", w) and segs[-1][0]:
            segs[-1] = (True, segs[-1][1] + w)
        else:
            segs.append((repl, w))
    # a replaced run must not swallow its trailing spaces
    out: list[tuple[bool, str]] = []
    for repl, s in segs:
        if repl and s != s.rstrip(" \t"):
            out.append((True, s.rstrip(" \t")))
            out.append((False, s[len(s.rstrip(" \t")):]))
        else:
            out.append((repl, s))
    return out


def _runs_surrogate(value: str, keep: set[str], rng: random.Random, first: Callable, later: Callable) -> tuple[str, bool]:
    out, runs, kept = [], 0, False
    for repl, s in _collapse_runs(value, keep):
        if repl:
            poss = regex.search(r"['’]s$", s)
            new = (first if runs == 0 else later)(rng)
            if s.isupper() and len(s) > 1:
                new = new.upper()
            elif s.islower():
                new = new.lower()
            out.append(new + (poss.group() if poss else ""))
            runs += 1
        elif s[:1].isdigit():
            out.append(shape_replace(s, rng, "ID"))
        else:
            kept = kept or s[:1].isalpha()
            out.append(s)
    return "".join(out), kept


def _city(rng: random.Random) -> str:
    loc = rng.choice(_PLACE_LOCALES)
    return _faker_call(loc, rng.getrandbits(32), lambda f: f.city())


def _gen_location(doc: DocumentSurrogates, et: str, value: str) -> str:
    def make(rng: random.Random) -> str:
        s, kept = _runs_surrogate(value, _PLACE_WORDS, rng, _city if not _has_head(value, _PLACE_WORDS) else _surname, _city)
        return s

    return _styled_pick(doc, et, value, make)


def _has_head(value: str, keep: set[str]) -> bool:
    return any(w.casefold().rstrip(".") in keep for w in regex.findall(r"[\p{L}][\p{L}'’.]*", value))


def _gen_street(doc: DocumentSurrogates, et: str, value: str) -> str:
    def make(rng: random.Random) -> str:
        return _runs_surrogate(value, _STREET_WORDS, rng, _surname, _city)[0]

    return _styled_pick(doc, et, value, make)


def _gen_org(doc: DocumentSurrogates, et: str, value: str) -> str:
    def make(rng: random.Random) -> str:
        if not _has_head(value, _ORG_WORDS - {"of", "the", "and", "&", "for", "at", "in", "st", "saint"}):
            return _faker_call(rng.choice(_PLACE_LOCALES), rng.getrandbits(32), lambda f: f.company())
        return _runs_surrogate(value, _ORG_WORDS, rng, _surname, _surname)[0]

    return _styled_pick(doc, et, value, make)


def _styled_pick(doc: DocumentSurrogates, et: str, value: str, make: Callable[[random.Random], str]) -> str:
    canon = value if not (value.isupper() or value.islower()) else _canon_word(value)
    sur = doc._pick(et, canon, make)
    stored = doc.state.pairs.get(sur, ("", canon))[1]
    return style_like(value, stored, sur)


def _gen_shape(doc: DocumentSurrogates, et: str, value: str) -> str:
    """Shape-preserving: the same digits of the original (however punctuated) always give
    the same digits, written with this mention's punctuation."""
    key = regex.sub(r"[^\p{L}\p{N}]", "", value).casefold()
    known = doc.state.surrogate_for(et, value)
    if known is not None:
        return known
    for attempt in range(60):
        cand = shape_replace(value, doc._rng(et, key, attempt), et)
        if doc._free(cand, value, strict=attempt < 40) and cand != value:
            doc.state.add(cand, et, value)
            return cand
    return doc._placeholder(et, value)


_FREE_MAIL = {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com",
              "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "mail.com", "bigpond.com",
              "example.com", "example.org"}


def _gen_email(doc: DocumentSurrogates, et: str, value: str) -> str:
    def make(rng: random.Random) -> str:
        local, _, domain = value.partition("@")
        if not domain:
            return _placeholder_word(rng)
        sep = "." if "." in local else "_" if "_" in local else ""
        digits = "".join(str(rng.randint(0, 9)) for _ in regex.findall(r"\d", local))
        new_local = (_name_word(rng, "first", "").lower() + sep + _surname(rng).lower()) if sep else _surname(rng).lower()
        new_local = regex.sub(r"[^a-z0-9._\-]", "", _ascii(new_local)) + digits
        dom = domain if domain.casefold() in _FREE_MAIL else _faker_call("en_US", rng.getrandbits(32), lambda f: f.domain_name())
        return new_local + "@" + dom

    return doc._pick(et, value, make)


def _gen_url(doc: DocumentSurrogates, et: str, value: str) -> str:
    def make(rng: random.Random) -> str:
        m = regex.match(r"(?i)((?:https?|ftp)://)?(www\.)?([^/\s?#]+)(.*)$", value)
        if not m:
            return _faker_call("en_US", rng.getrandbits(32), lambda f: f.url())
        dom = _faker_call("en_US", rng.getrandbits(32), lambda f: f.domain_name())
        path = regex.sub(r"[A-Za-z]+", lambda mm: _ascii(_surname(rng)).lower()[: max(3, len(mm.group()))], m.group(4))
        path = regex.sub(r"\d", lambda mm: str(rng.randint(0, 9)), path)
        return (m.group(1) or "") + (m.group(2) or "") + dom + path

    return doc._pick(et, value, make)


def _gen_ip(doc: DocumentSurrogates, et: str, value: str) -> str:
    def make(rng: random.Random) -> str:
        if regex.fullmatch(r"\s*\d{1,3}(?:\.\d{1,3}){3}\s*", value):
            return "10." + ".".join(str(rng.randint(0, 254)) for _ in range(3))
        return regex.sub(r"[0-9a-fA-F]", lambda mm: rng.choice("0123456789abcdef"), value)

    return doc._pick(et, value, make)


def _gen_handle(doc: DocumentSurrogates, et: str, value: str) -> str:
    def make(rng: random.Random) -> str:
        at = "@" if value.startswith("@") else ""
        return at + _ascii(_surname(rng)).lower() + "".join(str(rng.randint(0, 9)) for _ in range(2))

    return doc._pick(et, value, make)


def _placeholder_word(rng: random.Random) -> str:
    return _surname(rng)


def _ascii(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_GENERATORS: dict[str, Callable[[DocumentSurrogates, str, str], str]] = {
    "LOCATION": _gen_location,
    "STREET_ADDRESS": _gen_street,
    "ORGANIZATION": _gen_org,
    "EMAIL_ADDRESS": _gen_email,
    "URL": _gen_url,
    "IP_ADDRESS": _gen_ip,
    "SOCIAL_HANDLE": _gen_handle,
    **{t: _gen_shape for t in ("PHONE_NUMBER", "ZIP_CODE", "US_SSN", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_NUMBER",
                               "AU_MEDICARE", "AU_IHI", "UK_NHS", "CA_HEALTH_NUMBER", "PROVIDER_NUMBER",
                               "ACCOUNT_NUMBER", "LICENSE_NUMBER", "VEHICLE_ID", "DEVICE_ID", "ID", "CREDIT_CARD",
                               "IBAN_CODE")},
}


# ------------------------------------------------------------------ sources of client state
def client_key(client_id: Optional[str] = None, card=None) -> str:
    """The vault key of a client: ``--client-id``, else a hash of the card's first name
    and first date (so the same card finds the same client), else "default"."""
    if client_id:
        return str(client_id)
    if card is not None:
        names = getattr(card, "names", None) or []
        dates = getattr(card, "dates", None) or []
        basis = "|".join([norm(names[0]) if names else "", str(dates[0]) if dates else ""])
        if basis == "|":
            basis = repr(sorted(vars(card).items()))
        return "card-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
    return "default"


class MemorySource:
    """Client states kept in memory (no vault): derived from the client key, so they are
    the same in every session, and consistent across the documents of one session."""

    def __init__(self) -> None:
        self.clients: dict[str, ClientState] = {}
        self._lock = threading.RLock()

    def state(self, key: str) -> ClientState:
        with self._lock:
            st = self.clients.get(key)
            if st is None:
                secret = os.environ.get("DEID_SURROGATE_SECRET", "deid-surrogates-v1").encode("utf-8")
                st = self.clients[key] = ClientState.derived(hmac.new(secret, key.encode("utf-8"), hashlib.sha256).digest())
            return st


_DEFAULT_SOURCE = MemorySource()


def default_source() -> MemorySource:
    return _DEFAULT_SOURCE


def person_roles(findings, text: str) -> dict[str, str]:
    """first/last for one-word names, from the full names of the same document."""
    roles: dict[str, str] = {}
    for f in findings:
        if f.entity_type != "PERSON":
            continue
        toks = regex.findall(r"[\p{L}][\p{L}'’\-]*[\p{L}]", text[f.start:f.end])
        if len(toks) > 1:
            roles.setdefault(toks[0].casefold(), "first")
            roles[toks[-1].casefold()] = "last"
    return roles


def for_document(findings, text: str, client=None, state: Optional[ClientState] = None,
                 others: Optional[set[str]] = None, throwaway: bool = False, today=None) -> DocumentSurrogates:
    """The surrogates of one document: ``state`` (a vault client) or, without one, the
    in-memory client derived from the card (``client``) or "default"."""
    if state is None:
        key = client_key(None, client)
        state = ClientState.derived(key.encode("utf-8")) if throwaway else default_source().state(key)
    doc = DocumentSurrogates(state, text, others, person_roles(findings, text))
    doc.today = today
    return doc
