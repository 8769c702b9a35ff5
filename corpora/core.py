"""Document builder, template mini-language and the per-document cast ("world").

Template language (parsed once, cached):
  {slot}        call slot method ``s_<slot>`` on the context (appends text and/or PHI pieces)
  {a|b|c}       pick one alternative at random; alternatives may nest {slot}s and choices
  {|a}          optional text (empty alternative)
Text is assembled from pieces ``(text, label)``; spans are computed from the pieces, never
by searching for values afterwards.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from typing import Optional

from faker import Faker

from . import ids, spoken
from .lexicon import (ARABIC_FIRST_F, ARABIC_FIRST_M, ARABIC_LAST, WORD_FIRST_F, WORD_FIRST_M, WORD_LAST,
                      NICKNAMES, CREDENTIALS, UNIQUE_EVENTS, EMAIL_DOMAINS, HOSPITAL_PATTERNS, SCHOOL_PATTERNS,
                      ORG_PATTERNS, PRACTICE_PATTERNS, LOCATION_PATTERNS, EMPLOYERS_GENERIC, HOLIDAYS)

LABELS = ["CLIENT_NAME", "FAMILY_NAME", "CLINICIAN_NAME", "OTHER_NAME", "AGE", "DATE", "STREET", "CITY", "ZIP",
          "LOCATION_OTHER", "HOSPITAL", "SCHOOL", "EMPLOYER", "ORGANIZATION", "PHONE", "FAX", "EMAIL", "URL",
          "IP_ADDRESS", "SOCIAL_HANDLE", "SSN", "MRN", "HEALTH_PLAN", "MEDICARE", "AU_MEDICARE", "IHI", "NHS",
          "CA_HEALTH", "NPI", "DEA", "AHPRA", "LICENSE", "ACCOUNT", "VEHICLE", "DEVICE", "ID_OTHER", "UNIQUE_EVENT"]
LABEL_SET = frozenset(LABELS)

# ============================================================================ builder

_ASR_DROP = re.compile(r"[,.;:!?()\"\[\]#*•–]+|(?<![\w])-+|-+(?![\w])")
_SPACES = re.compile(r"[ \t]{2,}")


class Builder:
    def __init__(self) -> None:
        self.pieces: list[tuple[str, Optional[str]]] = []

    def t(self, s: str) -> None:
        if s:
            self.pieces.append((s, None))

    def p(self, s: str, label: str) -> None:
        assert label in LABEL_SET, label
        assert s and s == s.strip(), "PHI piece must be non-empty and trimmed"
        self.pieces.append((s, label))

    def finish(self, case: str, asr: bool, rng: random.Random, typo_rate: float = 0.0):
        out: list[str] = []
        spans = []
        pos = 0
        for s, lab in self.pieces:
            if lab is None:
                if asr:
                    s = _SPACES.sub(" ", _ASR_DROP.sub("", s))
                if typo_rate and len(s) > 30 and rng.random() < typo_rate:
                    s = _typo(s, rng)
            if case == "lower" or asr:
                s = s.lower()
            elif case == "upper":
                s = s.upper()
            if lab is not None:
                if spans and spans[-1]["end"] == pos and spans[-1]["label"] == lab:
                    raise AssertionError("adjacent spans of the same label")
                spans.append({"start": pos, "end": pos + len(s), "label": lab})
            out.append(s)
            pos += len(s)
        text = "".join(out)
        if asr:  # squeeze spaces at piece borders without moving spans: only trailing cleanup
            pass
        return text, spans


def _typo(s: str, rng: random.Random) -> str:
    words = list(re.finditer(r"[a-z]{6,}", s))
    if not words:
        return s
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(1, len(w) - 2)
    op = rng.random()
    if op < 0.5:
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif op < 0.8:
        w2 = w[:i] + w[i + 1:]
    else:
        w2 = w[:i] + w[i] + w[i:]
    return s[:m.start()] + w2 + s[m.end():]

# ============================================================================ templates

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")
_CACHE: dict[str, list] = {}


def parse(s: str) -> list:
    if s in _CACHE:
        return _CACHE[s]
    nodes: list = []
    buf: list[str] = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == "{":
            depth, j = 1, i + 1
            while depth:
                if j >= n:
                    raise ValueError(f"unbalanced braces in template: {s!r}")
                if s[j] == "{":
                    depth += 1
                elif s[j] == "}":
                    depth -= 1
                j += 1
            inner = s[i + 1:j - 1]
            alts, d, start = [], 0, 0
            for k, ch in enumerate(inner):
                if ch == "{":
                    d += 1
                elif ch == "}":
                    d -= 1
                elif ch == "|" and d == 0:
                    alts.append(inner[start:k])
                    start = k + 1
            alts.append(inner[start:])
            if buf:
                nodes.append("".join(buf))
                buf = []
            if len(alts) == 1 and _IDENT.match(inner):
                nodes.append(("s", inner))
            else:
                nodes.append(("c", [parse(a) for a in alts]))
            i = j
        else:
            buf.append(c)
            i += 1
    if buf:
        nodes.append("".join(buf))
    _CACHE[s] = nodes
    return nodes


def slots_in(nodes) -> set[str]:
    out = set()
    for nd in nodes:
        if isinstance(nd, tuple):
            if nd[0] == "s":
                out.add(nd[1])
            else:
                for a in nd[1]:
                    out |= slots_in(a)
    return out

# ============================================================================ people

@dataclass
class Person:
    first: str
    last: str
    gender: str  # f / m / x
    label: str
    nick: Optional[str] = None
    middle: Optional[str] = None
    role: str = ""
    creds: str = ""

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


REGION_LOCALES = {
    "US": [("en_US", 50), ("es_MX", 14), ("en_IN", 5), ("vi_VN", 4), ("zh_CN", 4), ("pt_BR", 4), ("fr_FR", 2),
           ("it_IT", 3), ("pl_PL", 2), ("ar", 4), ("yo_NG", 3), ("fil_PH", 3), ("de_DE", 2)],
    "AU": [("en_AU", 45), ("en_GB", 8), ("vi_VN", 7), ("zh_CN", 7), ("it_IT", 6), ("en_IN", 6), ("ar", 6),
           ("de_DE", 3), ("fil_PH", 3), ("en_IE", 4), ("pt_BR", 2), ("tr_TR", 3)],
    "UK": [("en_GB", 50), ("en_IE", 8), ("en_IN", 10), ("pl_PL", 7), ("ar", 6), ("yo_NG", 6), ("fr_FR", 3),
           ("it_IT", 3), ("tr_TR", 4), ("pt_BR", 3)],
    "CA": [("en_CA", 45), ("fr_CA", 15), ("zh_CN", 8), ("en_IN", 8), ("vi_VN", 4), ("ar", 5), ("it_IT", 3),
           ("pt_BR", 3), ("fil_PH", 5), ("es_MX", 4)],
}
FAKER_LOCALES = sorted({loc for v in REGION_LOCALES.values() for loc, _ in v if loc != "ar"} |
                       {"en_US", "en_AU", "en_GB", "en_CA"})
_FAKERS: dict[str, Faker] = {}


def fakers() -> dict[str, Faker]:
    if not _FAKERS:
        for loc in FAKER_LOCALES:
            _FAKERS[loc] = Faker(loc)
    return _FAKERS


def _wchoice(rng: random.Random, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def _clean_name(s: str) -> str:
    s = s.split(" ")[0] if " " in s and len(s.split(" ")[0]) > 2 else s
    return s.strip()


# Share of names and towns drawn from the project's packaged lexicons (names-dataset's
# 106 countries, US Census, GeoNames places of 500+ people) instead of Faker's locales:
# 0 keeps the generator's published splits; models/train.py --wide-pools sets it.
WIDE_POOLS = 0.0
_WIDE: dict[str, list[str]] = {}


def _title(s: str) -> str:
    return "-".join(" ".join(w[:1].upper() + w[1:] for w in part.split(" ")) for part in s.split("-"))


def wide_pool(kind: str) -> list[str]:
    """``first``, ``last`` or ``place``: sorted lowercase entries of the lexicons."""
    if not _WIDE:
        import gzip
        from pathlib import Path

        lex = Path(__file__).resolve().parent.parent / "recognizers" / "lexicons"
        first, last = set(), set()
        with gzip.open(lex / "names.tsv.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                name, kinds, _pop, amb = line.rstrip("\n").split("\t")
                if int(amb) <= 2 and name.isalpha() and len(name) >= 3:
                    (first if "F" in kinds else last).add(name)
                    if kinds == "FL":
                        last.add(name)
        for f, dest in (("names_weak_first.txt.gz", first), ("names_weak_last.txt.gz", last)):
            with gzip.open(lex / f, "rt", encoding="utf-8") as fh:
                dest.update(w for w in fh.read().split() if w.isalpha() and len(w) >= 3)
        places = set()
        with gzip.open(lex / "places.tsv.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                size, word, *names = line.rstrip("\n").split("\t")
                if word == "0" and int(size) >= 2:
                    places.update(n for n in names if len(n) >= 3)
        _WIDE.update(first=sorted(first), last=sorted(last), place=sorted(places))
    return _WIDE[kind]


def make_name(rng: random.Random, region: str, gender: str) -> tuple[str, str]:
    loc = _wchoice(rng, [(l, w) for l, w in REGION_LOCALES[region] if w])
    if loc == "ar":
        first = rng.choice(ARABIC_FIRST_F if gender == "f" else ARABIC_FIRST_M)
        last = rng.choice(ARABIC_LAST)
    else:
        f = fakers()[loc]
        if loc in ("zh_CN", "ja_JP"):
            first, last = f.first_romanized_name(), f.last_romanized_name()
        else:
            if gender == "f":
                first = f.first_name_female()
            elif gender == "m":
                first = f.first_name_male()
            else:
                first = f.first_name()
            last = f.last_name()
        first = _clean_name(first)
    if rng.random() < 0.14:
        first = rng.choice(WORD_FIRST_F if gender == "f" else WORD_FIRST_M if gender == "m" else WORD_FIRST_F + WORD_FIRST_M)
    if rng.random() < 0.1:
        last = rng.choice(WORD_LAST)
    if rng.random() < 0.07:
        last = f"{last}-{make_name(rng, region, gender)[1].split('-')[0]}"
    if WIDE_POOLS and rng.random() < WIDE_POOLS:
        first = _title(rng.choice(wide_pool("first")))
    if WIDE_POOLS and rng.random() < WIDE_POOLS:
        last = _title(rng.choice(wide_pool("last")))
    return first, last.strip()


def make_person(rng, region, label, gender=None, last=None, role="") -> Person:
    g = gender or rng.choice("ffmmx" if label == "CLIENT_NAME" else "ffmm")
    first, l2 = make_name(rng, region, g if g != "x" else rng.choice("fm"))
    p = Person(first=first, last=last or l2, gender=g, label=label, role=role)
    if rng.random() < 0.35:
        p.nick = NICKNAMES.get(first) or (first[:3] if len(first) > 5 and first[:3].isalpha() else None)
    if rng.random() < 0.2:
        p.middle = rng.choice("ABCDEFGHJKLMNPRSTW")
    return p

# ============================================================================ world / context

PRON = {"f": ("she", "her", "her", "herself"), "m": ("he", "him", "his", "himself"), "x": ("they", "them", "their", "themself")}
FAMILY_REL = {
    "mother": "f", "father": "m", "sister": "f", "brother": "m", "wife": "f", "husband": "m", "partner": "x",
    "son": "m", "daughter": "f", "grandmother": "f", "grandfather": "m", "aunt": "f", "uncle": "m",
    "stepfather": "m", "stepmother": "f", "girlfriend": "f", "boyfriend": "m", "ex-husband": "m", "ex-wife": "f",
    "cousin": "x", "mum": "f", "mom": "f", "dad": "m",
}
OTHER_ROLES = ["friend", "best friend", "coworker", "manager", "teacher", "roommate", "neighbour", "case manager",
               "probation officer", "sponsor", "pastor", "coach", "landlord", "classmate", "ex-partner",
               "school counselor", "supervisor", "colleague", "flatmate", "GP receptionist"]


class Ctx:
    """Per-document cast and slot implementations."""

    def __init__(self, rng: random.Random, region: str, asr: bool = False):
        self.rng = rng
        self.region = region
        self.asr = asr
        self.b = Builder()
        fk = fakers()
        self.loc = {"US": fk["en_US"], "AU": fk["en_AU"], "UK": fk["en_GB"], "CA": fk["en_CA"]}[region]
        r = rng
        self.client = make_person(r, region, "CLIENT_NAME")
        g = self.client.gender if self.client.gender != "x" else r.choice("fm")
        self.pr = PRON[self.client.gender]
        self.session = dt.date(r.randint(2019, 2026), r.randint(1, 12), r.randint(1, 28))
        self.age = r.choice([r.randint(6, 17), r.randint(18, 45), r.randint(18, 70), r.randint(46, 99)])
        self.dob = self.session - dt.timedelta(days=int(self.age * 365.25 + r.randint(0, 360)))
        rels = r.sample(sorted(FAMILY_REL), k=r.randint(2, 4))
        self.family: list[tuple[str, Person]] = []
        for rel in rels:
            gg = FAMILY_REL[rel]
            same = rel in ("mother", "father", "sister", "brother", "son", "daughter", "mom", "dad", "mum") and r.random() < 0.75
            p = make_person(r, region, "FAMILY_NAME", gender=gg if gg != "x" else None,
                            last=self.client.last if same else None, role=rel)
            self.family.append((rel, p))
        self.clin = make_person(r, region, "CLINICIAN_NAME", role="therapist")
        self.clin.creds = r.choice(CREDENTIALS[region])
        self.clin2 = make_person(r, region, "CLINICIAN_NAME", role=r.choice(["psychiatrist", "GP", "PCP", "nurse practitioner", "social worker", "attending"]))
        self.clin2.creds = r.choice(["MD", "MD", "DO", "NP", "RN", "MBBS", "FRANZCP", "MRCPsych", "LCSW"])
        self.others = [make_person(r, region, "OTHER_NAME", role=rl) for rl in r.sample(OTHER_ROLES, 3)]
        self._cache: dict[str, object] = {}
        self.last_org = None

    # ------------------------------------------------------------------ rendering
    def r(self, tpl: str) -> None:
        self._render(parse(tpl))

    def _render(self, nodes) -> None:
        for nd in nodes:
            if isinstance(nd, str):
                self.b.t(nd)
            elif nd[0] == "s":
                getattr(self, "s_" + nd[1])()
            else:
                self._render(self.rng.choice(nd[1]))

    def pick(self, pool, k=None):
        if k is None:
            return self.rng.choice(pool)
        k = min(k, len(pool))
        return self.rng.sample(pool, k)

    def rs(self, pool, k, sep=" ", prefix=""):
        for i, tpl in enumerate(self.pick(pool, k)):
            if i:
                self.b.t(sep)
            self.b.t(prefix)
            self.r(tpl)

    def once(self, key, fn):
        if key not in self._cache:
            self._cache[key] = fn()
        return self._cache[key]

    def t(self, s):
        self.b.t(s)

    def p(self, s, label):
        self.b.p(s, label)

    # ------------------------------------------------------------------ names
    def name(self, p: Person, form: Optional[str] = None, poss: bool = False) -> None:
        r = self.rng
        if self.asr:
            form = form or r.choice(["first", "first", "full", "nick", "title"])
            if form in ("initials", "flast"):
                form = "first"
        form = form or _wchoice(r, [("first", 40), ("full", 25), ("title", 12), ("nick", 6), ("initials", 5),
                                    ("flast", 5), ("fmid", 4), ("last", 3)])
        title = None
        if form == "nick":
            val = p.nick or p.first
        elif form == "first":
            val = p.first
        elif form == "full":
            val = p.full
        elif form == "fmid":
            val = f"{p.first} {p.middle or 'J'}. {p.last}"
        elif form == "flast":
            val = f"{p.first} {p.last[0]}."
        elif form == "last":
            val = p.last
        elif form == "initials":
            a, b = p.first[0].upper(), p.last[0].upper()
            val = r.choice([f"{a}.{b}.", f"{a}{b}", f"{a}. {b}.", f"{a}.{b}"])
        else:  # title
            if p.label == "CLINICIAN_NAME":
                title = r.choice(["Dr. ", "Dr ", "Dr. ", "Prof. "] if not self.asr else ["doctor "])
            else:
                title = {"f": r.choice(["Ms. ", "Mrs. ", "Ms ", "Miss "]), "m": r.choice(["Mr. ", "Mr "]),
                         "x": "Mx. "}[p.gender]
                if self.asr:
                    title = title.replace(".", "").replace("Mx", "mix")
            val = p.last
        if title:
            self.t(title)
        self.p(val, p.label)
        if poss:
            self.t("'" if val.endswith("s") and r.random() < 0.5 else "'s")

    # client
    def s_C(self): self.name(self.client)
    def s_Cf(self): self.name(self.client, "first")
    def s_Cfull(self): self.name(self.client, "full")
    def s_Ct(self): self.name(self.client, "title")
    def s_Ci(self): self.name(self.client, "initials")
    def s_Cn(self): self.name(self.client, "nick")
    def s_Cp(self): self.name(self.client, poss=True)
    def s_Cfp(self): self.name(self.client, "first", poss=True)
    def s_Cformal(self): self.name(self.client, self.rng.choice(["full", "fmid", "full"]))

    def s_he(self): self.t(self.pr[0])
    def s_He(self): self.t(self.pr[0].capitalize())
    def s_him(self): self.t(self.pr[1])
    def s_his(self): self.t(self.pr[2])
    def s_His(self): self.t(self.pr[2].capitalize())
    def s_is(self): self.t("are" if self.pr[0] == "they" else "is")
    def s_was(self): self.t("were" if self.pr[0] == "they" else "was")
    def s_has(self): self.t("have" if self.pr[0] == "they" else "has")
    def s_s(self): self.t("" if self.pr[0] == "they" else "s")

    # family
    def _fam(self):
        return self.rng.choice(self.family)

    def s_F(self):  # relation phrase + name
        rel, p = self._fam()
        r = self.rng
        form = r.choice(["first", "first", "full", "title", "nick"])
        style = r.random()
        if style < 0.35:
            self.t(f"{self.pr[2]} {rel}, ")
            self.name(p, form)
        elif style < 0.65:
            self.t(f"{self.pr[2]} {rel} ")
            self.name(p, form)
        elif style < 0.85:
            self.name(p, form)
            self.t(f" ({rel})")
        else:
            self.t(f"{rel} ")
            self.name(p, form)

    def s_Fn(self):
        self.name(self._fam()[1], self.rng.choice(["first", "first", "full", "nick", "title"]))

    def s_Fp(self):
        self.name(self._fam()[1], self.rng.choice(["first", "full"]), poss=True)

    def s_kid(self):
        kids = [p for rel, p in self.family if rel in ("son", "daughter", "sister", "brother", "cousin")]
        p = kids[0] if kids else self.family[0][1]
        self.name(p, self.rng.choice(["first", "first", "full", "nick"]))

    def s_parent(self):
        par = [(rel, p) for rel, p in self.family if rel in ("mother", "father", "mom", "dad", "mum", "stepfather", "stepmother", "grandmother")]
        rel, p = par[0] if par else self.family[-1]
        self.name(p, self.rng.choice(["first", "title", "full"]))

    # clinicians
    def s_D(self):
        r = self.rng
        c = self.clin if r.random() < 0.6 else self.clin2
        x = r.random()
        if x < 0.45:
            self.name(c, "title")
        elif x < 0.75:
            self.name(c, "full")
            if not self.asr:
                self.t(", " + c.creds)
        else:
            self.name(c, r.choice(["first", "full", "initials"]) if not self.asr else "first")

    def s_Dme(self):  # the writing clinician, formal
        self.name(self.clin, self.rng.choice(["full", "full", "fmid"]) if not self.asr else "full")

    def s_Dsig(self):
        r = self.rng
        c = self.clin
        self.t(r.choice(["", "", "Electronically signed: ", "Signed, ", "— ", "Clinician: "]))
        self.name(c, r.choice(["full", "fmid", "full"]))
        self.t(r.choice([", ", ", ", " "]) + c.creds)

    def s_D2(self):
        self.name(self.clin2, self.rng.choice(["title", "title", "full", "last"]))

    def s_D2role(self): self.t(self.clin2.role)
    def s_creds(self): self.t(self.clin.creds)

    # others
    def s_O(self):
        r = self.rng
        p = r.choice(self.others)
        if r.random() < 0.6:
            self.t(f"{r.choice([self.pr[2], 'a', 'the'])} {p.role} ")
            self.name(p, r.choice(["first", "full", "first", "title"]))
        else:
            self.name(p, r.choice(["first", "full"]))
            self.t(f" ({p.role})" if r.random() < 0.5 else f", {self.pr[2]} {p.role},")

    def s_On(self):
        self.name(self.rng.choice(self.others), self.rng.choice(["first", "full", "title"]))

    # ------------------------------------------------------------------ ages and dates
    def s_age(self):
        a = self.age
        if self.asr:
            self.p(spoken.number(a), "AGE")
        elif a >= 90 and self.rng.random() < 0.3:
            self.p(spoken.number(a, hyphen=True), "AGE")
        else:
            self.p(str(a), "AGE")

    def s_agephr(self):
        r = self.rng
        a = str(self.age) if not self.asr else spoken.number(self.age)
        x = r.random()
        if self.asr:
            self.p(a, "AGE"); self.t(" year old")
        elif x < 0.35:
            self.p(a, "AGE"); self.t("-year-old")
        elif x < 0.5:
            self.p(a, "AGE"); self.t(r.choice(["yo", " yo", " y/o", "y.o.", " y.o."]))
        elif x < 0.65:
            self.p(a, "AGE"); self.t(" year old")
        elif x < 0.75 and self.age >= 20:
            self.t(f"in {self.pr[2]} ")
            self.p(f"{self.age // 10 * 10}s", "AGE")
        elif x < 0.85:
            self.t("aged ")
            self.p(a, "AGE")
        else:
            self.p(spoken.number(self.age, hyphen=True), "AGE")
            self.t("-year-old")

    def s_agesex(self):  # ICU style 67M / 67 y/o F
        r = self.rng
        sx = {"f": "F", "m": "M", "x": r.choice(["F", "M"])}[self.client.gender]
        self.p(str(self.age), "AGE")
        self.t(r.choice([sx, " " + sx, f" yo {sx}", f"yo{sx}", f" y/o {sx}", f"-year-old {'female' if sx == 'F' else 'male'}"]))

    def s_age_other(self):
        self.p(str(self.rng.randint(3, 88)) if not self.asr else spoken.number(self.rng.randint(3, 88)), "AGE")

    def _date(self, d: dt.date, allow_partial=True) -> None:
        r = self.rng
        if self.asr:
            self.p(spoken.date(d, r, with_year=r.random() < 0.6), "DATE")
            return
        us = self.region == "US"
        M = d.strftime("%B"); Mo = d.strftime("%b")
        day = d.day
        suf = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        fmts = [
            (f"{M} {day}, {d.year}", 10), (f"{M} {day}{suf}, {d.year}", 6), (f"{day} {M} {d.year}", 6 if not us else 2),
            (f"{d.month}/{day}/{d.year}" if us else f"{day}/{d.month}/{d.year}", 12),
            (f"{d.month:02d}/{day:02d}/{d.year}" if us else f"{day:02d}/{d.month:02d}/{d.year}", 8),
            (f"{d.year}-{d.month:02d}-{day:02d}", 5), (f"{Mo} {day} {d.year}", 2), (f"{day}-{Mo}-{d.year}", 2),
            (f"{d.month}/{day}/{str(d.year)[2:]}" if us else f"{day}/{d.month}/{str(d.year)[2:]}", 5),
            (f"{Mo}. {day}, {d.year}", 2), (f"{d.strftime('%A')}, {M} {day}, {d.year}", 1), (f"{day}{suf} of {M} {d.year}", 2),
            (f"{d.month:02d}-{day:02d}-{d.year}" if us else f"{day:02d}.{d.month:02d}.{d.year}", 3),
        ]
        if allow_partial:
            fmts += [(f"{d.month}/{day}" if us else f"{day}/{d.month}", 6), (f"the {day}{suf}", 2), (f"{Mo} {day}", 4),
                     (f"{day} {Mo}", 3 if not us else 1), (f"{d.strftime('%A')}, {M} {day}", 2), (f"{day}{suf} of {M}", 2),
                     (f"{d.strftime('%a')} {d.month}/{day}" if us else f"{d.strftime('%a')} {day}/{d.month}", 1),
                     (f"{M} {d.year}", 3), (f"{M} {day}", 5), (f"{r.choice(HOLIDAYS)} {d.year}", 1),
                     (f"{Mo}-{str(d.year)[2:]}", 1)]
        self.p(_wchoice(r, fmts), "DATE")

    def _rand_date(self, back=400, fwd=0):
        return self.session + dt.timedelta(days=self.rng.randint(-back, fwd))

    def s_date(self): self._date(self._rand_date(300, 30))
    def s_today(self): self._date(self.session, allow_partial=False)
    def s_dpast(self): self._date(self._rand_date(1500, -1))
    def s_dfut(self): self._date(self.session + dt.timedelta(days=self.rng.randint(3, 60)))
    def s_dob(self): self._date(self.dob, allow_partial=False)

    def s_ts(self):  # timestamp [00:12:31] -- not PHI
        self.t(f"[{self.rng.randint(0, 1):02d}:{self.rng.randint(0, 59):02d}:{self.rng.randint(0, 59):02d}]")

    # ------------------------------------------------------------------ places
    def _town(self) -> str:
        if WIDE_POOLS and self.rng.random() < WIDE_POOLS:
            return _title(self.rng.choice(wide_pool("place")))
        return self.loc.city()

    def _addr(self, key="addr"):
        def mk():
            r, f = self.rng, self.loc
            reg = self.region
            if reg == "US":
                st = f.street_address() if r.random() < 0.85 else f"PO Box {r.randint(10, 9999)}"
                return st, self._town(), f.state_abbr(), (f.zipcode() if r.random() < 0.85 else f.zipcode_plus4())
            if reg == "AU":
                x = r.random()
                if x < 0.25:
                    st = f"Unit {r.randint(1, 40)}/{r.randint(1, 300)} {f.street_name()}"
                elif x < 0.35:
                    st = f"{r.randint(1, 40)}/{r.randint(1, 300)} {f.street_name()}"
                elif x < 0.42:
                    st = f"PO Box {r.randint(10, 9999)}"
                else:
                    st = f.street_address()
                return st, self._town(), f.state_abbr(), f.postcode()
            if reg == "UK":
                st = f.street_address().replace("\n", ", ")
                return st, self._town(), "", f.postcode()
            st = f.street_address() if r.random() < 0.9 else f"PO Box {r.randint(10, 9999)}"
            return st, self._town(), f.province_abbr(), f.postalcode()
        return self.once(key, mk)

    def _spoken_street(self):
        st = self._addr()[0]
        m = re.match(r"^(\d+)\s+(.*)$", st)
        if m:
            rest = re.sub(r"\d+", lambda d: spoken.number(int(d.group())), re.sub(r"[^\w' ]", "", m.group(2)).lower())
            return spoken.number(int(m.group(1))) + " " + rest
        return self.once("sstreet", lambda: spoken.number(self.rng.randint(1, 300)) + " "
                         + re.sub(r"[^\w' ]", "", self.loc.street_name()).lower())

    def s_street(self):
        self.p(self._spoken_street() if self.asr else self._addr()[0], "STREET")

    def s_city(self):
        self.p(self._addr()[1], "CITY")

    def s_city2(self):
        self.p(self.once("city2", self._town), "CITY")

    def s_zip(self):
        z = self._addr()[3]
        self.p(spoken.digits(z, self.rng) if self.asr else z, "ZIP")

    def s_state(self):
        st = self._addr()[2]
        self.t(st or "")

    def s_addr2(self):
        self.s_addr("addr2")

    def s_addr(self, key="addr"):
        st, city, state, z = self._addr(key)
        if self.asr and key == "addr":
            self.s_street(); self.t(" in "); self.s_city()
            return
        self.p(st, "STREET"); self.t(", "); self.p(city, "CITY")
        if self.region == "UK":
            self.t(", "); self.p(z, "ZIP")
        elif self.region == "AU":
            self.t(self.rng.choice([" ", ", "]) + state + " "); self.p(z, "ZIP")
        else:
            self.t(", " + state + self.rng.choice([" ", "  "])); self.p(z, "ZIP")

    def s_addrblock(self):
        st, city, state, z = self._addr()
        self.p(st, "STREET"); self.t("\n"); self.p(city, "CITY")
        if self.region == "UK":
            self.t("\n"); self.p(z, "ZIP")
        else:
            self.t((", " if self.region != "AU" else " ") + state + " "); self.p(z, "ZIP")

    def _practice_addr(self):
        def mk():
            f, r = self.loc, self.rng
            if self.region == "AU" and r.random() < 0.4:
                st = f"Suite {r.randint(1, 20)}, {r.randint(1, 400)} {f.street_name()}"
            else:
                st = f.street_address().replace("\n", ", ")
            return st, self._town(), (f.province_abbr() if self.region == "CA" else "" if self.region == "UK" else f.state_abbr()), \
                (f.postalcode() if self.region == "CA" else f.postcode())
        return self.once("paddr", mk)

    def s_paddrblock(self):
        st, city, state, z = self._practice_addr()
        self.p(st, "STREET"); self.t("\n"); self.p(city, "CITY")
        if state:
            self.t((", " if self.region != "AU" else " ") + state)
        self.t(" "); self.p(z, "ZIP")

    def s_loc(self):
        r = self.rng
        pat = r.choice(LOCATION_PATTERNS)
        val = pat.format(last=make_name(r, self.region, "m")[1], city=self._town(), street=self.loc.street_name())
        self.p(val, "LOCATION_OTHER")

    def _org(self, key, patterns, label):
        def mk():
            r = self.rng
            return r.choice(patterns).format(last=make_name(r, self.region, "m")[1], city=self._town(),
                                             first=make_name(r, self.region, "f")[0], street=self.loc.street_name().split(" ")[0],
                                             company=self.loc.company().replace(",", ""))
        val = self.once(key, mk)
        self.p(val.lower() if self.asr else val, label)

    def s_hosp(self): self._org("hosp", HOSPITAL_PATTERNS, "HOSPITAL")
    def s_school(self): self._org("school", SCHOOL_PATTERNS, "SCHOOL")
    def s_org(self): self._org("org", ORG_PATTERNS, "ORGANIZATION")
    def s_practice(self): self._org("practice", PRACTICE_PATTERNS, "ORGANIZATION")

    def s_emp(self):
        def mk():
            r = self.rng
            return self.loc.company().replace(",", "") if r.random() < 0.6 else r.choice(EMPLOYERS_GENERIC)
        val = self.once("emp", mk)
        self.p(val.lower() if self.asr else val, "EMPLOYER")

    # ------------------------------------------------------------------ contacts
    def _phone(self, key):
        def mk():
            r = self.rng
            reg = self.region
            if reg in ("US", "CA"):
                a, e, n = r.randint(201, 989), r.randint(200, 999), r.randint(0, 9999)
                return r.choice([f"({a}) {e}-{n:04d}", f"{a}-{e}-{n:04d}", f"{a}.{e}.{n:04d}", f"+1 {a} {e} {n:04d}",
                                 f"{a}-{e}-{n:04d}", f"1-{a}-{e}-{n:04d}", f"({a}){e}-{n:04d}"])
            if reg == "AU":
                if r.random() < 0.55:
                    m = f"04{r.randint(10, 99)}{r.randint(0, 999999):06d}"
                    return r.choice([f"{m[:4]} {m[4:7]} {m[7:]}", m, f"+61 {m[1:4]} {m[4:7]} {m[7:]}"])
                ac = r.choice(["02", "03", "07", "08"])
                n = f"{r.randint(3000, 9999)}{r.randint(0, 9999):04d}"
                return r.choice([f"({ac}) {n[:4]} {n[4:]}", f"{ac} {n[:4]} {n[4:]}", f"+61 {ac[1]} {n[:4]} {n[4:]}"])
            if r.random() < 0.55:
                m = f"07{r.randint(100, 999)}{r.randint(0, 999999):06d}"
                return r.choice([f"{m[:5]} {m[5:]}", m, f"+44 {m[1:5]} {m[5:]}"])
            return r.choice([f"020 {r.randint(7000, 8999)} {r.randint(0, 9999):04d}", f"0161 {r.randint(200, 999)} {r.randint(0, 9999):04d}",
                             f"+44 20 {r.randint(7000, 8999)} {r.randint(0, 9999):04d}", f"0113 {r.randint(200, 999)} {r.randint(0, 9999):04d}"])
        return self.once(key, mk)

    def s_phone(self):
        v = self._phone("phone" + str(self.rng.randint(0, 1)))
        self.p(spoken.digits(v, self.rng) if self.asr else v, "PHONE")

    def s_pphone(self):
        self.p(self._phone("pphone"), "PHONE")

    def s_fax(self):
        self.p(self._phone("fax"), "FAX")

    def _email(self, p: Person, key):
        def mk():
            r = self.rng
            f = _ascii(p.first).lower() or "client"
            l = _ascii(p.last).lower().replace(" ", "") or "mail"
            user = r.choice([f"{f}.{l}", f"{f}{l}", f"{f[0]}{l}", f"{f}_{l}{r.randint(1, 99)}", f"{f}{r.randint(70, 2010)}",
                             f"{l}.{f}", f"{f}.{l[0]}", f"{(p.nick or f).lower()}{r.choice(['', '_', '.'])}{r.choice(['xo', 'gamer', 'music', str(r.randint(1, 999))])}"])
            user = re.sub(r"[^a-z0-9._]", "", user) or "user"
            return f"{user}@{r.choice(EMAIL_DOMAINS[self.region])}"
        return self.once(key, mk)

    def s_email(self):
        v = self._email(self.client, "email")
        self.p(spoken.email(v) if self.asr else v, "EMAIL")

    def s_femail(self):
        rel, p = self.family[0]
        v = self._email(p, "femail")
        self.p(spoken.email(v) if self.asr else v, "EMAIL")

    def s_cemail(self):
        def mk():
            f = _ascii(self.clin.first).lower() or "dr"
            l = _ascii(self.clin.last).lower().replace(" ", "") or "clinic"
            dom = re.sub(r"[^a-z]", "", self.once("practice_dom", lambda: self.rng.choice(["mindcare", "harbourpsych", "clearpath", "bluegum", "northside", "wellspring"])))
            return f"{f[0]}{l}@{dom}{self.rng.choice(['.com', '.org', '.com.au', '.co.uk', '.ca', '.net'])}"
        self.p(self.once("cemail", mk), "EMAIL")

    def s_url(self):
        r = self.rng
        f = _ascii(self.client.first).lower() or "x"
        l = _ascii(self.client.last).lower().replace(" ", "").replace("-", "") or "y"
        v = r.choice([f"www.{f}{l}photography.com", f"https://www.facebook.com/{f}.{l}.{r.randint(1, 99)}",
                      f"gofundme.com/f/help-the-{l}-family", f"https://instagram.com/{f}_{l}", f"{f}{l}.wordpress.com",
                      f"https://www.linkedin.com/in/{f}-{l}-{r.randint(100, 999)}", f"http://{l}{r.choice(['plumbing', 'designs', 'bakery'])}.com.au",
                      f"https://youtube.com/@{f}{l}", f"https://portal.{l}clinic.org/patient/{r.randint(10000, 99999)}"])
        self.p(v, "URL")

    def s_ip(self):
        self.p(ids.ipv4(self.rng) if self.rng.random() < 0.75 else ids.ipv6(self.rng), "IP_ADDRESS")

    def s_handle(self):
        r = self.rng
        f = _ascii(self.client.first).lower() or "x"
        l = _ascii(self.client.last).lower().replace(" ", "").replace("-", "") or "y"
        v = self.once("handle", lambda: "@" + r.choice([f"{f}_{l}", f"{f}{r.randint(1, 99)}", f"{f[0]}{l}", f"{f}.{l[:3]}",
                                                         f"real{f}", f"{f}_x_{l[:2]}", f"{l}{f[0]}{r.randint(1, 9)}"]))
        if self.asr:
            self.p(spoken.email(v.replace("@", "at ")), "SOCIAL_HANDLE")
        else:
            self.p(v, "SOCIAL_HANDLE")

    # ------------------------------------------------------------------ identifiers
    def _idp(self, key, fn, label, spoken_ok=True):
        v = self.once(key, fn)
        if self.asr and spoken_ok:
            v = spoken.digits(v, self.rng)
        self.p(v, label)

    def s_ssn(self): self._idp("ssn", lambda: ids.ssn(self.rng), "SSN")
    def s_mrn(self): self._idp("mrn", lambda: ids.mrn(self.rng), "MRN")
    def s_plan(self): self._idp("plan", lambda: ids.health_plan(self.rng), "HEALTH_PLAN")
    def s_mbi(self): self._idp("mbi", lambda: ids.mbi(self.rng), "MEDICARE")
    def s_aumed(self): self._idp("aumed", lambda: ids.au_medicare(self.rng), "AU_MEDICARE")
    def s_ihi(self): self._idp("ihi", lambda: ids.ihi(self.rng), "IHI")
    def s_nhs(self): self._idp("nhs", lambda: ids.nhs(self.rng), "NHS")
    def s_cahealth(self): self._idp("cah", lambda: ids.ca_health(self.rng)[0], "CA_HEALTH")
    def s_npi(self): self._idp("npi", lambda: ids.npi(self.rng), "NPI")
    def s_dea(self): self._idp("dea", lambda: ids.dea(self.rng, self.clin2.last), "DEA")
    def s_ahpra(self): self._idp("ahpra", lambda: ids.ahpra(self.rng), "AHPRA")
    def s_lic(self): self._idp("lic" + str(self.rng.randint(0, 1)), lambda: ids.license_no(self.rng, self.region), "LICENSE")
    def s_acct(self): self._idp("acct", lambda: ids.account(self.rng), "ACCOUNT")
    def s_vin(self): self._idp("vin", lambda: ids.vin(self.rng), "VEHICLE")
    def s_plate(self): self._idp("plate", lambda: ids.plate(self.rng, self.region), "VEHICLE")
    def s_dev(self): self._idp("dev", lambda: ids.device_serial(self.rng), "DEVICE")

    def s_idother(self):
        k, v = self.once("idother", lambda: ids.other_id(self.rng))
        self.t(k + " ")
        self.p(spoken.digits(v, self.rng) if self.asr else v, "ID_OTHER")

    def s_event(self):
        self.p(self.rng.choice(UNIQUE_EVENTS), "UNIQUE_EVENT")

    def s_hid(self):
        """Region-appropriate health identifier with its label phrase."""
        r = self.rng
        if self.region == "US":
            x = r.random()
            if x < 0.4:
                self.t(r.choice(["Member ID: ", "Insurance ID ", "Policy # ", "Medicaid ID: ", "BCBS ID "])); self.s_plan()
            elif x < 0.7:
                self.t(r.choice(["Medicare (MBI): ", "MBI ", "Medicare ID: "])); self.s_mbi()
            else:
                self.t(r.choice(["SSN: ", "SSN ", "Social Security # ", "SS# "])); self.s_ssn()
        elif self.region == "AU":
            if r.random() < 0.6:
                self.t(r.choice(["Medicare No: ", "Medicare number ", "Medicare card ", "Medicare: "])); self.s_aumed()
            else:
                self.t(r.choice(["IHI: ", "IHI ", "Individual Healthcare Identifier "])); self.s_ihi()
        elif self.region == "UK":
            self.t(r.choice(["NHS No: ", "NHS number ", "NHS no. ", "NHS#: "])); self.s_nhs()
        else:
            self.t(r.choice(["OHIP: ", "Health card # ", "PHN ", "Health Card No. ", "HCN "])); self.s_cahealth()

    def s_prov(self):
        """Provider identifier for the clinician, region-appropriate."""
        r = self.rng
        if self.region == "US":
            x = r.random()
            if x < 0.5:
                self.t(r.choice(["NPI: ", "NPI ", "NPI# "])); self.s_npi()
            elif x < 0.75:
                self.t(r.choice(["DEA: ", "DEA # ", "DEA "])); self.s_dea()
            else:
                self.t(r.choice(["License #", "Lic. ", "LCSW #", "LMFT License No. ", "PSY "])); self.s_lic()
        elif self.region == "AU":
            if r.random() < 0.65:
                self.t(r.choice(["AHPRA: ", "AHPRA Reg. ", "Registration No. ", "AHPRA registration "])); self.s_ahpra()
            else:
                self.t(r.choice(["Provider No. ", "Medicare Provider Number: "])); self._idp("aupn", lambda: ids.au_provider_number(r), "ID_OTHER")
        elif self.region == "UK":
            self.t(r.choice(["GMC No. ", "HCPC Reg: ", "GMC ", "HCPC registration "])); self._idp("gmc", lambda: ("PYL" if r.random() < .4 else "") + str(r.randint(1000000, 7999999)), "LICENSE")
        else:
            self.t(r.choice(["CPSO #", "College reg. ", "Licence No. ", "OCSWSSW # "])); self._idp("cpso", lambda: str(r.randint(10000, 999999)), "LICENSE")


def _ascii(s: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii() and (c.isalnum()))
