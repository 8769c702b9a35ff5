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
    clinicians: [{name: Priya Nair, role: GP}]   # treating clinicians / the referrer
    first_session: 2024-02-03      # or intake: ...; the anchor for relative dates

Family, contacts and clinicians are other people: the ``referral`` profile keeps
only the client's own name, date of birth, address, phones, e-mails and ids, and the
``supervision`` profile turns each person into a role tag (``[CLIENT]``, the
``relation`` or ``role`` given here, e.g. ``[MOTHER]``, ``[GP]``).

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


@dataclass(repr=False)
class ClientCard:
    names: list[str] = field(default_factory=list)          # client and family: PERSON
    dates: list[_dt.date] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    ids: list[tuple[str, str]] = field(default_factory=list)  # (entity_type, value)
    orgs: list[str] = field(default_factory=list)
    # who is who (purpose profiles): the client's own names, other people with a
    # relation or role (None where the card gives none), birth dates, the anchor date
    client_names: list[str] = field(default_factory=list)
    others: list[tuple[str, str | None]] = field(default_factory=list)
    dobs: list[_dt.date] = field(default_factory=list)
    employers: list[str] = field(default_factory=list)
    schools: list[str] = field(default_factory=list)
    anchor: _dt.date | None = None
    anchor_kind: str = "intake"  # "intake" or "first session"

    def __repr__(self) -> str:  # counts only: a card is all PHI
        return (f"ClientCard({len(self.client_names)} names, {len(self.others)} others, {len(self.dates)} dates, "
                f"{len(self.addresses)} addresses, {len(self.phones)} phones, {len(self.ids)} ids)")

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

        def people(key: str, rel_key: str) -> list[tuple[str, str | None]]:
            v = raw.get(key)
            items = v if isinstance(v, list) else ([] if v is None else [v])
            out = []
            for item in items:
                if isinstance(item, dict) and "name" in item:
                    rel = item.get(rel_key) or item.get("relation") or item.get("role")
                    out.append((str(item["name"]), str(rel) if rel else None))
                elif item is not None and not isinstance(item, dict):
                    out.append((str(item), None))
            return out

        card = cls()
        many("family"), many("contacts"), many("clinicians")  # type checks
        card.client_names = many("name") + many("names") + many("nicknames")
        card.others = people("family", "relation") + people("contacts", "relation") + people("clinicians", "role")
        card.names = card.client_names + [n for n, _ in card.others]
        card.dobs = [_parse_date(d, source) for d in many("dob")]
        card.dates = list(card.dobs)
        for d in many("dates"):
            card.dates.append(_parse_date(d, source))
        for key, kind in (("first_session", "first session"), ("intake", "intake")):
            if raw.get(key) is not None and card.anchor is None:
                card.anchor, card.anchor_kind = _parse_date(raw[key], source), kind
        card.addresses = many("address") + many("addresses")
        card.phones = many("phone") + many("phones")
        card.emails = many("email") + many("emails")
        card.ids = [("MEDICAL_RECORD_NUMBER", v) for v in many("mrn")] + [("ID", v) for v in many("ids")]
        card.employers, card.schools = many("employer"), many("school")
        card.orgs = card.employers + card.schools + many("organizations")
        known = {"name", "names", "nicknames", "family", "contacts", "dob", "dates", "address", "addresses",
                 "phone", "phones", "email", "emails", "mrn", "ids", "employer", "school", "organizations",
                 "clinicians", "first_session", "intake"}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise ConfigError(f"{source}: unknown field(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        return card

    def patterns(self) -> list[tuple[str, "regex.Pattern"]]:
        """(entity_type, compiled pattern) for every known value and its variants."""
        pats: list[tuple[str, regex.Pattern]] = []
        name_alts = [a for name in self.names for a in _name_alternatives(name)]
        if name_alts:
            pats.append(("PERSON", _names_pattern(name_alts)))
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

    # ---- whose is it (purpose profiles) --------------------------------------
    @cached_property
    def _person_patterns(self) -> list[tuple[int, "regex.Pattern"]]:
        """(person index, pattern): 0 is the client, i >= 1 is ``others[i - 1]``."""
        out = []
        for i, names in enumerate([self.client_names] + [[n] for n, _ in self.others]):
            alts = [a for n in names for a in _name_alternatives(n)]
            if alts:
                out.append((i, _names_pattern(alts, anchored=True)))
        return out

    def person_of(self, value: str) -> int | None:
        """Which card person a name mention is: 0 the client, i >= 1 ``others[i - 1]``.

        The whole mention must be that person's name or a variant of it (a one-word
        mention, an initial, a typo); where a shared surname fits several, the person
        who matches more words wins, and the client on a tie."""
        v = regex.sub(r"['’]s$", "", value.strip())
        v = regex.sub(r"^(?i:dr|mr|mrs|ms|miss|mx|prof)\.?\s+", "", v)
        toks = _NAME_TOKEN.findall(v)
        if not toks:
            return None
        best: tuple[int, int] | None = None  # (-words matched, person)
        for i, pat in self._person_patterns:
            if pat.fullmatch(v) or all(pat.fullmatch(t) for t in toks):
                names = self.client_names if i == 0 else [self.others[i - 1][0]]
                own = {t.casefold() for n in names for t in _NAME_TOKEN.findall(n)}
                score = (-sum(t.casefold() in own for t in toks), i)
                best = score if best is None or score < best else best
        return None if best is None else best[1]

    def owns(self, entity_type: str, value: str) -> bool:
        """Is this the client's own identifier, as written on the card?  (Family,
        clinicians, employer and school are not the client's own.)"""
        v = value.strip()
        if entity_type == "PERSON" and self.person_of(v) == 0:
            return True
        if entity_type == "DATE_TIME":
            return any(v.casefold().rstrip(".") in {x.casefold() for x in _date_variants(d)} for d in self.dobs)
        if entity_type in ("STREET_ADDRESS", "LOCATION", "ZIP_CODE", "PERSON"):  # a town taken for a name
            toks = _words(v)
            return bool(toks) and any(set(toks) <= set(_words(a)) for a in self.addresses)
        if entity_type == "PHONE_NUMBER":
            digits = regex.sub(r"\D", "", v)
            return len(digits) >= 6 and any(regex.sub(r"\D", "", p)[-8:] == digits[-8:] for p in self.phones)
        if entity_type == "EMAIL_ADDRESS":
            return v.casefold() in {e.strip().casefold() for e in self.emails}
        alnum = regex.sub(r"[^0-9A-Za-z]", "", v).casefold()
        return len(alnum) >= 3 and any(regex.sub(r"[^0-9A-Za-z]", "", i).casefold() == alnum for _, i in self.ids)

    def find(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        for et, pat in self.compiled:
            for m in pat.finditer(text):
                if m.end() > m.start():
                    out.append(Finding(m.start(), m.end(), et, 1.0, "ClientCard"))
        return out


def _name_alternatives(name: str) -> list[str]:
    """Regex alternatives for a name: the full name, each word (with one typo or a
    swapped pair of letters for words of five or more letters) and the initials."""
    alts: list[str] = []
    toks = _NAME_TOKEN.findall(name)
    full = r"\s+".join(regex.escape(t) for t in toks)
    if full:
        alts.append(full)
    for t in toks:
        if len(t) >= 5:
            alts.append(f"(?:{regex.escape(t)}){{e<=1}}")
            # a swapped pair of letters ("Jordna") is one typo too
            alts.extend(regex.escape(t[:i] + t[i + 1] + t[i] + t[i + 2:]) for i in range(len(t) - 1))
        elif len(t) >= 2:
            alts.append(regex.escape(t))
    if len(toks) >= 2:  # initials: "J.R.", "JR", "J. Reyes"
        ini = [t[0] for t in toks]
        alts.append(r"\.?\s?".join(regex.escape(c) for c in ini) + r"\.?")
        alts.append(rf"{regex.escape(ini[0])}\.?\s+{regex.escape(toks[-1])}")
    return alts


def _names_pattern(alts: list[str], anchored: bool = False) -> "regex.Pattern":
    body = "|".join(sorted(set(alts), key=len, reverse=True))
    if anchored:  # used with fullmatch on one mention
        return regex.compile(rf"(?:{body})(?:['’]s)?", regex.IGNORECASE | regex.BESTMATCH)
    return regex.compile(rf"(?<![\w])(?:{body})(?:['’]s)?(?![\w])", regex.IGNORECASE | regex.BESTMATCH)


def _words(value: str) -> list[str]:
    return regex.findall(r"[\p{L}\p{N}]+", value.casefold())


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
