"""The client card (``--client CARD``): what the practice already knows.

A small YAML or JSON file::

    name: Jordan Reyes
    nicknames: [Jordy, JR]
    dob: 1987-02-11
    address: 42 Elm Street, Ballarat VIC 3350
    phones: ["0412 345 678"]
    emails: [jordan.reyes@example.com]
    mrn: "MRN-20417"
    ids: ["2950 12345 1"]          # any other numbers: Medicare, member, NHS...
    family: [Maria Reyes, Sam]     # or [{name: Maria Reyes, relation: mother}]
    employer: Acme Logistics
    school: Lincoln High School

Every variant of these (any case, possessive, first name or surname alone, initials
before the surname, a one-letter typo or swapped pair of letters in names of five or
more letters, other
date formats, other phone punctuation) is always removed, whatever the detectors say.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import regex
import yaml

from .errors import ConfigError
from .findings import Finding

_NAME_TOKEN = regex.compile(r"[\p{L}][\p{L}'’\-]*")


@dataclass
class ClientCard:
    names: list[str] = field(default_factory=list)          # client and family: PERSON
    dates: list[_dt.date] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    ids: list[tuple[str, str]] = field(default_factory=list)  # (entity_type, value)
    orgs: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: str | Path) -> "ClientCard":
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"client card not found: {path}")
        try:
            raw_text = p.read_text(encoding="utf-8")
            raw = json.loads(raw_text) if p.suffix.lower() == ".json" else yaml.safe_load(raw_text)
        except (UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError):
            raise ConfigError(f"client card {path}: not valid UTF-8 YAML or JSON") from None
        if not isinstance(raw, dict):
            raise ConfigError(f"client card {path}: must be a mapping of fields")
        return cls.from_dict(raw, source=str(path))

    @classmethod
    def from_dict(cls, raw: dict[str, Any], source: str = "client card") -> "ClientCard":
        def many(key: str) -> list[str]:
            v = raw.get(key)
            if v is None:
                return []
            if isinstance(v, (str, int, float, _dt.date)):
                return [str(v)]
            if isinstance(v, list):
                out = []
                for item in v:
                    if isinstance(item, dict):
                        if "name" in item:
                            out.append(str(item["name"]))
                    elif item is not None:
                        out.append(str(item))
                return out
            raise ConfigError(f"{source}: field '{key}' must be a string or a list")

        card = cls()
        card.names = many("name") + many("names") + many("nicknames") + many("family") + many("contacts")
        for d in many("dob") + many("dates"):
            card.dates.append(_parse_date(d, source))
        card.addresses = many("address") + many("addresses")
        card.phones = many("phone") + many("phones")
        card.emails = many("email") + many("emails")
        card.ids = [("MEDICAL_RECORD_NUMBER", v) for v in many("mrn")] + [("ID", v) for v in many("ids")]
        card.orgs = many("employer") + many("school") + many("organizations")
        known = {"name", "names", "nicknames", "family", "contacts", "dob", "dates", "address", "addresses",
                 "phone", "phones", "email", "emails", "mrn", "ids", "employer", "school", "organizations"}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise ConfigError(f"{source}: unknown field(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        return card

    def patterns(self) -> list[tuple[str, "regex.Pattern"]]:
        """(entity_type, compiled pattern) for every known value and its variants."""
        pats: list[tuple[str, regex.Pattern]] = []
        name_alts: list[str] = []
        for name in self.names:
            toks = _NAME_TOKEN.findall(name)
            full = r"\s+".join(regex.escape(t) for t in toks)
            if full:
                name_alts.append(full)
            for t in toks:
                if len(t) >= 5:
                    name_alts.append(f"(?:{regex.escape(t)}){{e<=1}}")
                    # a swapped pair of letters ("Jordna") is one typo too
                    name_alts.extend(regex.escape(t[:i] + t[i + 1] + t[i] + t[i + 2:]) for i in range(len(t) - 1))
                elif len(t) >= 2:
                    name_alts.append(regex.escape(t))
            if len(toks) >= 2:  # initials: "J.R.", "JR", "J. Reyes"
                ini = [t[0] for t in toks]
                name_alts.append(r"\.?\s?".join(regex.escape(c) for c in ini) + r"\.?")
                name_alts.append(rf"{regex.escape(ini[0])}\.?\s+{regex.escape(toks[-1])}")
        if name_alts:
            alts = "|".join(sorted(set(name_alts), key=len, reverse=True))
            pats.append(("PERSON", regex.compile(rf"(?<![\w])(?:{alts})(?:['’]s)?(?![\w])", regex.IGNORECASE | regex.BESTMATCH)))
        for d in self.dates:
            alts = "|".join(regex.escape(v) for v in sorted(_date_variants(d), key=len, reverse=True))
            pats.append(("DATE_TIME", regex.compile(rf"(?<![\w])(?:{alts})(?![\w])", regex.IGNORECASE)))
        for a in self.addresses:
            for part in [a] + [p.strip() for p in regex.split(r"[,\n]", a)]:
                if len(part) >= 3:
                    pats.append(("STREET_ADDRESS", _flex(part)))
        for ph in self.phones:
            digits = regex.sub(r"\D", "", ph)
            if len(digits) >= 6:
                body = r"\D{0,3}".join(digits[-8:])  # local part, any punctuation
                pats.append(("PHONE_NUMBER", regex.compile(rf"(?<!\d)(?:\+?\d{{1,3}}\D{{0,3}})?(?:\(?\d{{1,4}}\)?\D{{0,3}})?{body}(?!\d)")))
        for em in self.emails:
            pats.append(("EMAIL_ADDRESS", _flex(em)))
        for et, v in self.ids:
            alnum = regex.sub(r"[^0-9A-Za-z]", "", v)
            if len(alnum) >= 3:
                pats.append((et, regex.compile(r"(?<![0-9A-Za-z])" + r"[\s\-/.]?".join(regex.escape(c) for c in alnum) + r"(?![0-9A-Za-z])", regex.IGNORECASE)))
        for o in self.orgs:
            if len(o) >= 3:
                pats.append(("ORGANIZATION", _flex(o)))
        return pats

    @cached_property
    def compiled(self) -> list[tuple[str, "regex.Pattern"]]:
        """The patterns, compiled once per card (a card is matched against every document)."""
        return self.patterns()

    def find(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        for et, pat in self.compiled:
            for m in pat.finditer(text):
                if m.end() > m.start():
                    out.append(Finding(m.start(), m.end(), et, 1.0, "ClientCard"))
        return out


def _flex(value: str) -> "regex.Pattern":
    parts = [regex.escape(p) for p in value.split()]
    return regex.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])", regex.IGNORECASE)


def _parse_date(v: str, source: str) -> _dt.date:
    if isinstance(v, _dt.date):
        return v
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d %B %Y", "%B %d, %Y", "%d %b %Y"):
        try:
            return _dt.datetime.strptime(str(v).strip(), fmt).date()
        except ValueError:
            continue
    raise ConfigError(f"{source}: a date is not in a known format (use YYYY-MM-DD)")


def _date_variants(d: _dt.date) -> set[str]:
    m, day, y = d.month, d.day, d.year
    mon, mon3 = d.strftime("%B"), d.strftime("%b")
    yy = f"{y % 100:02d}"
    out = set()
    for mm in {str(m), f"{m:02d}"}:
        for dd in {str(day), f"{day:02d}"}:
            for sep in "/-.":
                for yr in (str(y), yy):
                    out.add(f"{mm}{sep}{dd}{sep}{yr}")
                    out.add(f"{dd}{sep}{mm}{sep}{yr}")
    out.add(d.isoformat())
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    for mo in (mon, mon3, mon3 + "."):
        for dd in (str(day), f"{day}{suffix}"):
            out.update({f"{mo} {dd}, {y}", f"{mo} {dd} {y}", f"{dd} {mo} {y}", f"{dd} of {mo} {y}", f"{dd} {mo}, {y}"})
    return out
