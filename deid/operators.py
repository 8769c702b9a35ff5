"""Operators that profiles apply to findings, run through presidio-anonymizer.

Each operator name in a profile maps to a Presidio ``OperatorConfig``.  The ones that
need per-document state (numbered tags) or HIPAA rules (year, age, zip3) are Presidio
``custom`` operators built fresh for every document by :func:`build_operators`.

========  ==================================================================
tag       ``[PERSON_1]``: numbered, consistent within the document (default)
category  ``[PERSON]``: the category only
redact    removes the value entirely
mask      replaces every character with ``*``
keep      leaves the value (for types a profile deliberately keeps)
year      dates reduced to their year (``[DATE]`` when no year is written, or when
          it is the birth year of someone 90 or older: 164.514(b)(2)(i)(C))
age       ages of 90 and over become "90 or older"; younger ages are kept
zip3      US ZIP codes keep their first three digits (000 for restricted areas);
          other postcodes become a tag
========  ==================================================================

The purpose profiles' operators (``role``, ``relative_date``, ``keep_date``, ``kind``,
``generalize``) and ``keep_client`` are described in ``deid.purpose``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable

import regex

from presidio_anonymizer.entities import OperatorConfig

OPERATORS = {"tag", "category", "redact", "mask", "keep", "year", "age", "zip3",
             "role", "relative_date", "keep_date", "kind", "generalize",  # these five: deid.purpose
             "surrogate"}  # realistic per-client surrogates: deid.surrogates

_WORD_NUM = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}


def number_in(text: str) -> int | None:
    """The first number written in ``text``, in digits or English words (for ages)."""
    m = regex.search(r"\d+", text)
    if m:
        return int(m.group())
    total, seen = 0, False
    for w in regex.findall(r"[a-z]+", text.lower()):
        if w == "and" and seen:
            continue
        if w in _DECADE_WORDS:
            return total + _DECADE_WORDS[w]
        if w in _WORD_NUM:
            v = _WORD_NUM[w]
            total = total * 100 if v == 100 and total else total + v
            seen = True
        elif seen:
            break
    return total if seen else None


@lru_cache(maxsize=1)
def restricted_zip3() -> frozenset[str]:
    raw = (resources.files("deid") / "data" / "zip3_restricted.txt").read_text(encoding="utf-8")
    return frozenset(l.strip() for l in raw.splitlines() if l.strip() and not l.startswith("#"))


def zip3(value: str) -> str | None:
    """Safe Harbor ZIP: first three digits, or 000 for restricted areas; None if not a US ZIP."""
    m = regex.fullmatch(r"\s*(\d{3})\d{2}(?:-\d{4})?\s*", value)
    if not m:
        return None
    return "000" if m.group(1) in restricted_zip3() else m.group(1)


def year_of(value: str) -> str | None:
    """The year written in a date ("2024" of "March 3, 2024"); a bare "'92" stays as it is."""
    if regex.fullmatch(r"\s*['’]\d\d\s*", value):
        return value.strip()
    m = regex.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", value)
    return m.group(1) if m else None


_POSSESSIVE = regex.compile(r"['’]s$")
_SPACES = regex.compile(r"\s+")
_NOT_ALNUM = regex.compile(r"[^0-9a-z]")
_DIGIT_KEYED = frozenset({"PHONE_NUMBER", "US_SSN", "MEDICAL_RECORD_NUMBER", "ZIP_CODE"})


def normalize_value(entity_type: str, value: str) -> str:
    """Key under which two mentions count as the same value within a document."""
    v = _SPACES.sub(" ", _POSSESSIVE.sub("", value.strip()).casefold())
    if entity_type in _DIGIT_KEYED:
        v = _NOT_ALNUM.sub("", v)
    return v


class TagNumberer:
    """Numbers distinct values per entity type, in order of first appearance.

    For PERSON, a one-word mention joins the number of an earlier or later full name
    that contains it, so "Jordan Reyes", "Jordan" and "Reyes's" are all ``[PERSON_1]``.
    """

    def __init__(self, findings: Iterable[tuple[str, str]]) -> None:
        self._num: dict[tuple[str, str], int] = {}
        counters: dict[str, int] = {}
        items = list(findings)
        # full names first claim their words, in order of appearance
        word_owner: dict[str, str] = {}
        for et, value in items:
            key = normalize_value(et, value)
            if et == "PERSON" and " " in key:
                for w in key.split(" "):
                    word_owner.setdefault(w.strip(".,"), key)
        self._alias: dict[tuple[str, str], str] = {}
        for et, value in items:
            key = normalize_value(et, value)
            if et == "PERSON" and " " not in key and key.strip(".") in word_owner:
                key = word_owner[key.strip(".")]
            self._alias[(et, normalize_value(et, value))] = key
            if (et, key) not in self._num:
                counters[et] = counters.get(et, 0) + 1
                self._num[(et, key)] = counters[et]

    def tag(self, entity_type: str, value: str) -> str:
        key = self._alias.get((entity_type, normalize_value(entity_type, value)))
        n = self._num.get((entity_type, key)) if key else None
        return f"[{entity_type}_{n}]" if n else f"[{entity_type}]"


def build_operators(profile, findings, text: str = "", client=None, today=None, surrogates=None) -> dict[str, OperatorConfig]:
    """Presidio operator configs for one document's findings under ``profile``.

    ``text`` is the whole document and ``client`` its client card (or None), for
    operators whose replacement depends on more than the value itself; ``today`` is
    the reference date for the 90-or-older rule (default: today)."""
    from .purpose import DocumentPlan, keep_kept_values

    numberer = TagNumberer((f.entity_type, f.value) for f in findings)
    plan = DocumentPlan(findings, text, client, today)  # computes only what is asked of it
    ops: dict[str, OperatorConfig] = {}
    for et in {f.entity_type for f in findings}:
        spec = profile.operator_for(et)
        if spec["operator"] == "surrogate":  # ``surrogates``: the engine's DocumentSurrogates (vault, client)
            from .surrogates import for_document

            surrogates = surrogates or for_document(findings, text, client)
            ops[et] = _custom(lambda v, et=et, doc=surrogates: doc.replace(et, v))
            continue
        ops[et] = keep_kept_values(_operator(spec, et, numberer, plan), et, profile, plan)
    return ops


def changes(spec: dict, entity_type: str, value: str) -> bool:
    """Would this operator change ``value``?  (Ages under 90 and bare years are kept.)"""
    cfg = _operator(spec, entity_type, TagNumberer([]))
    if cfg.operator_name == "keep":
        return False
    if cfg.operator_name == "custom":
        return cfg.params["lambda"](value) != value
    return True


def _custom(fn: Callable[[str], str]) -> OperatorConfig:
    return OperatorConfig("custom", {"lambda": fn})


def _operator(spec: dict, et: str, numberer: TagNumberer, plan=None) -> OperatorConfig:
    op = spec["operator"]
    tag = lambda v: numberer.tag(et, v)  # noqa: E731
    from .purpose import PLAN_OPERATORS, plan_operator

    if op in PLAN_OPERATORS:
        return _custom(plan_operator(op, spec, et, plan, tag))
    if op == "tag":
        return _custom(tag)
    if op == "category":
        return OperatorConfig("replace", {"new_value": f"[{et}]"})
    if op == "redact":
        return OperatorConfig("redact", {})
    if op == "mask":
        return _custom(lambda v: "*" * len(v))
    if op == "keep":
        return OperatorConfig("keep", {})
    if op == "year":
        old = plan.old_birth_values if plan is not None else frozenset()
        return _custom(lambda v: "[DATE]" if v in old else (year_of(v) or "[DATE]"))
    if op == "age":
        limit = int(spec.get("max", 89))

        def age(v: str) -> str:
            n = number_in(v)
            if n is None:
                return tag(v)
            return "90 or older" if n > limit else v

        return _custom(age)
    if op == "zip3":
        return _custom(lambda v: zip3(v) or tag(v))
    if op == "surrogate":  # outside a document (``changes``): a throwaway client
        from .surrogates import for_document

        return _custom(lambda v: for_document([], "", None, throwaway=True).replace(et, v))
    raise ValueError(f"unknown operator {op}")  # profiles are validated on load
