"""Shared building blocks for the recognizer catalogue.

`RegexRecognizer` is a Presidio `LocalRecognizer` driven by a list of `Rx` patterns.
Compared with Presidio's `PatternRecognizer` it adds two things the clinical
recognizers need:

* a pattern may contain a named group ``phi``: only that group is reported, so a
  pattern can require its context ("MRN: 123456") but remove only the identifier;
* a cheap ``prefilter`` regex: when it finds nothing in a text, the recognizer's
  patterns are not run at all (a large speed win on long notes).

Validation hooks (checksums) are per pattern: ``validate(value) -> bool | None``.
``True`` raises the score to 1.0, ``False`` drops the match, ``None`` keeps the
pattern's score.  Context words (``context=``) are used by Presidio's context
enhancer in the usual way.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

import regex

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

from . import _patterns

DEFAULT_FLAGS = regex.IGNORECASE | regex.MULTILINE


_WINDOW = 2048
_MARGIN = 512


def match_at(pattern: "regex.Pattern", text: str, pos: int) -> "Optional[regex.Match]":
    """``pattern.match(text, pos)`` in time that does not grow with ``len(text)``.

    ``regex`` looks ahead for a string every match must contain (the "-" of a serial
    such as "ab-1234-cd") before it tries a position, and that search runs to the end
    of the text: matching at each of n candidate words of a long text without that
    string costs n * len(text) (measured by ``benchmarks/adversarial.py``).  The match
    is tried in a window after ``pos``; a match that ends near the window's edge may
    have been cut by it and is tried again on the whole text."""
    end = pos + _WINDOW
    if end >= len(text):
        return pattern.match(text, pos)
    m = pattern.match(text, pos, end)
    if m is not None and m.end() > end - _MARGIN:
        return pattern.match(text, pos)
    return m


@dataclass
class Rx:
    """One pattern: a name (shown by `deid detect --explain`), a regex and a base score.

    The pattern is compiled on first use (``regex`` compiles in Python, and a short note
    never reaches most gated patterns), then kept."""

    name: str
    regex: str
    score: float
    flags: int = DEFAULT_FLAGS
    validate: Optional[Callable[[str], Optional[bool]]] = None
    _compiled: "Optional[regex.Pattern]" = field(default=None, init=False, repr=False)

    @property
    def compiled(self) -> "regex.Pattern":
        if self._compiled is None:
            self._compiled = _patterns.compile(self.regex, self.flags)
        return self._compiled


class LazyRegex:
    """A ``regex`` pattern compiled on first use, for big module-level patterns that
    only some notes reach (start-up: ``regex`` compiles in Python)."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args, self._compiled = (pattern, flags), None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = _patterns.compile(*self._args)
        return getattr(self._compiled, name)


class RegexRecognizer(LocalRecognizer):
    """Regex recognizer with ``phi`` groups, validation hooks and a prefilter."""

    def __init__(
        self,
        entity: str,
        patterns: Iterable[Rx],
        name: Optional[str] = None,
        context: Optional[list[str]] = None,
        prefilter: Optional[str] = None,
        prefilter_flags: int = regex.IGNORECASE,
    ) -> None:
        self.patterns = list(patterns)
        self.prefilter = _patterns.compile(prefilter, prefilter_flags) if prefilter else None
        super().__init__(
            supported_entities=[entity],
            name=name or self.__class__.__name__,
            supported_language="en",
            context=context or [],
        )

    def load(self) -> None:  # patterns are compiled in Rx
        pass

    def _active(self, text: str) -> Iterable[Rx]:
        """The patterns worth running on ``text`` (subclasses skip some cheaply)."""
        return self.patterns

    def _matches(self, rx: Rx, text: str):
        """The matches of one pattern (subclasses may try only some positions)."""
        return rx.compiled.finditer(text)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        entity = self.supported_entities[0]
        if entities and entity not in entities:
            return []
        if self.prefilter is not None and self.prefilter.search(text) is None:
            return []
        return self._run(text, self._active(text))

    def _run(self, text: str, patterns: Iterable[Rx]) -> list[RecognizerResult]:
        entity = self.supported_entities[0]
        results: list[RecognizerResult] = []
        for rx in patterns:
            has_phi = None  # read from the first match: a pattern tried nowhere is never compiled
            for m in self._matches(rx, text):
                if has_phi is None:
                    has_phi = "phi" in m.re.groupindex
                if has_phi and m.group("phi") is not None:
                    start, end = m.span("phi")
                else:
                    start, end = m.span()
                if end <= start:
                    continue
                score = rx.score
                validation = rx.validate(text[start:end]) if rx.validate else None
                if validation is False:
                    continue
                if validation is True:
                    score = 1.0
                results.append(self.result(entity, start, end, score, rx.name, validation))
        return results

    def result(self, entity: str, start: int, end: int, score: float, pattern_name: str,
               validation: Optional[bool] = None) -> RecognizerResult:
        return make_result(self, entity, start, end, score, pattern_name, validation)


def make_result(rec, entity: str, start: int, end: int, score: float, pattern_name: Optional[str],
                validation: Optional[bool] = None) -> RecognizerResult:
    """A Presidio result carrying the recognizer's name and the pattern that fired."""
    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        analysis_explanation=AnalysisExplanation(
            recognizer=rec.name, original_score=score, pattern_name=pattern_name, validation_result=validation
        ),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: rec.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: rec.id,
        },
    )


def luhn_ok(digits: str) -> bool:
    """Luhn checksum over the digits of ``digits`` (non-digits ignored)."""
    ds = [int(c) for c in digits if c.isdigit()]
    if not ds:
        return False
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
