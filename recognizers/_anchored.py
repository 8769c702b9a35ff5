"""Anchor-first matching for patterns whose distinctive part comes last.

"Springfield, IL 62704" and "Riverside Medical Centre" are recognised by what
follows the name (a state + postcode, a head word).  A left-to-right regex that
starts with the name tries every capitalised word of the text; here the cheap,
distinctive *anchor* is found first and the name is matched backwards, in a
small window just before it (``before`` must match up to the end of the window).
Anchors are compiled with the standard library's ``re`` (much faster than ``regex``
on literal alternations), so they must use ``re`` syntax and are case-sensitive.
Used by places.py and organizations.py; not a recognizer module itself.
``GatedRegexRecognizer`` (below) is the speed helper used by the other families.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

import re

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import _patterns
from ._base import RegexRecognizer, make_result
from .name_lexicon import caps_as_lower


@dataclass
class AnchorRule:
    """``anchor`` is searched; ``before`` must end where the anchor starts.

    Reported span: the ``phi`` group of ``before`` when it has one, else from the
    start of ``before`` to the end of the anchor (``include_anchor=True``) or to
    the end of ``before``.
    """

    name: str
    anchor: str
    before: str
    score: float
    include_anchor: bool = True
    validate: Optional[Callable[[str], Optional[bool]]] = None
    window: int = 80
    flags: int = regex.MULTILINE
    anchor_re: "re.Pattern" = field(init=False, repr=False)
    _before_re: "Optional[regex.Pattern]" = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.anchor_re = re.compile(self.anchor, re.MULTILINE)

    @property
    def before_re(self) -> "regex.Pattern":
        """Compiled when an anchor is first found (most notes hold few of them)."""
        if self._before_re is None:
            self._before_re = _patterns.compile(rf"(?:{self.before})\Z", self.flags)
        return self._before_re


class AnchoredRecognizer(LocalRecognizer):
    """``caps_as_lower``: names of rules written for lower-case text that also run on an
    ALL-CAPS document's lower-cased copy (capitals say nothing there either)."""

    def __init__(self, entity: str, rules: Iterable[AnchorRule], name: str,
                 context: Optional[list[str]] = None, caps_as_lower: Iterable[str] = ()) -> None:
        self.rules = list(rules)
        self._lower_rules = [r for r in self.rules if r.name in set(caps_as_lower)]
        super().__init__(supported_entities=[entity], name=name,
                         supported_language="en", context=context or [])

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        entity = self.supported_entities[0]
        if entities and entity not in entities:
            return []
        out = self._run(text, self.rules)
        low = caps_as_lower(text) if self._lower_rules else None
        return out if low is None else out + self._run(low, self._lower_rules)

    def _run(self, text: str, rules) -> list[RecognizerResult]:
        entity = self.supported_entities[0]
        out: list[RecognizerResult] = []
        for rule in rules:
            for m in rule.anchor_re.finditer(text):
                a = m.start()
                bm = rule.before_re.search(text, max(0, a - rule.window), a)
                if bm is None:
                    continue
                if "phi" in rule.before_re.groupindex and bm.group("phi") is not None:
                    start, end = bm.span("phi")
                else:
                    start, end = bm.start(), (m.end() if rule.include_anchor else bm.end())
                while start < end and text[start].isspace():
                    start += 1
                if end <= start:
                    continue
                score = rule.score
                v = rule.validate(text[start:end]) if rule.validate else None
                if v is False:
                    continue
                if v is True:
                    score = 1.0
                out.append(make_result(self, entity, start, end, score, rule.name, v))
        return out


class GatedRegexRecognizer(RegexRecognizer):
    """Like ``_base.RegexRecognizer`` but each pattern may have a *gate*.

    A gate is a tuple of lower-case substrings (the pattern runs only if one of them
    occurs in ``text.lower()``) or a compiled stdlib ``re`` pattern (runs only if it
    is found).  Plain substring tests are far cheaper than a regex scan, so a note
    without any month name never pays for the month patterns.
    """

    def __init__(self, entity: str, patterns, name: str, context=None, gates=None,
                 prefilter: Optional[str] = None, caps_as_lower: Iterable[str] = ()) -> None:
        super().__init__(entity, patterns, name=name, context=context)
        self.gates = dict(gates or {})
        self.prefilter = re.compile(prefilter, re.IGNORECASE) if prefilter else None
        # as in AnchoredRecognizer: lower-case patterns that also read ALL CAPS lower-cased
        self._lower_rules = [rx for rx in self.patterns if rx.name in set(caps_as_lower)]

    def analyze(self, text: str, entities, nlp_artifacts=None):
        out = super().analyze(text, entities, nlp_artifacts)
        if self._lower_rules and not (entities and self.supported_entities[0] not in entities):
            low = caps_as_lower(text)
            if low is not None:
                out = out + self._run(low, [rx for rx in self._active(low) if rx in self._lower_rules])
        return out

    def _active(self, text: str):
        low = None
        for rx in self.patterns:
            gate = self.gates.get(rx.name)
            if gate is None:
                yield rx
            elif isinstance(gate, tuple):
                if low is None:
                    low = text.lower()
                if any(g in low for g in gate):
                    yield rx
            elif gate.search(text) is not None:
                yield rx
