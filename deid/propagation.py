"""Document-level propagation.

Once a value is found with confidence anywhere in a document, every other occurrence
of it, and of its variants, is removed too: the first name alone, the surname alone,
possessives, any case, and initials next to a known surname.  A name caught once by
its title ("Dr Okafor") is then also caught where it stands bare ("okafor said").
"""
from __future__ import annotations

from typing import Callable, Iterable

import regex

from .findings import Finding

# entity types whose exact values are propagated (names get their variants too)
EXACT_TYPES = {
    "EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "LOCATION", "ORGANIZATION",
    "MEDICAL_RECORD_NUMBER", "US_SSN", "URL", "SOCIAL_HANDLE", "HEALTH_PLAN_NUMBER",
    "ACCOUNT_NUMBER", "ID", "PROVIDER_NUMBER", "LICENSE_NUMBER", "VEHICLE_ID", "DEVICE_ID",
}
MIN_SCORE = 0.5
_TOKEN = regex.compile(r"[\p{L}][\p{L}'’\-]*[\p{L}]|[\p{L}]")


def name_variants(value: str, is_common: Callable[[str], bool]) -> set[str]:
    """Variants of a name worth searching for: the whole name and its distinctive words."""
    v = regex.sub(r"['’]s$", "", value.strip())
    out = {v} if len(v) >= 2 else set()
    tokens = _TOKEN.findall(v)
    for t in tokens:
        if len(t) >= 3 and not is_common(t):
            out.add(t)
            if "-" in t:  # hyphenated surnames: each half too
                out.update(p for p in t.split("-") if len(p) >= 3 and not is_common(p))
    return out


def _pattern(variants: Iterable[str]) -> "regex.Pattern | None":
    vs = sorted({v for v in variants if v}, key=len, reverse=True)
    if not vs:
        return None
    alts = "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in vs)
    # optional initial before ("J. Reyes", "J Reyes"), optional possessive after
    return regex.compile(
        rf"(?<![\w@.])(?:(?:\p{{Lu}}\.?\s+){{0,2}}(?=(?:{alts})))?(?:{alts})(?:['’]s)?(?![\w@])",
        regex.IGNORECASE,
    )


def propagate(text: str, findings: list[Finding], is_common: Callable[[str], bool], veto: Callable[[str, int, int], bool] | None = None) -> list[Finding]:
    """New findings for further occurrences of confidently found values."""
    by_type: dict[str, set[str]] = {}
    for f in findings:
        if f.score < MIN_SCORE:
            continue
        val = text[f.start:f.end]
        if f.entity_type == "PERSON":
            by_type.setdefault("PERSON", set()).update(name_variants(val, is_common))
        elif f.entity_type in EXACT_TYPES and len(val.strip()) >= 4:
            by_type.setdefault(f.entity_type, set()).add(val.strip())
    covered = [(f.start, f.end) for f in findings]
    new: list[Finding] = []
    for et, variants in by_type.items():
        pat = _pattern(variants)
        if pat is None:
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            # the initials prefix is only kept when it is followed by a known name
            if any(cs <= s and e <= ce for cs, ce in covered):
                continue
            if veto and veto(text, s, e):
                continue
            new.append(Finding(s, e, et, MIN_SCORE, "DocumentPropagation"))
    return new
