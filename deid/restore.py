"""Putting the originals back into text that came back from an AI tool.

The AI saw only surrogates (``deid.surrogates``) and writes them back in its own way.
What is restored, with the vault's pairs of the client (or of every client when none
is named; a surrogate two clients share is then left alone):

* every recorded surrogate, whole, in any case: "Alex Moreau", "ALEX MOREAU",
  "alex moreau" -> "Jordan Reyes" in the same case; longest first, whole words only,
  so "Moreau High School" wins over "Moreau";
* parts of names: the first name or the surname alone ("Alex", "Dr Moreau",
  "Moreau's"): surrogates are made word by word, so each word has its pair;
* dates written another way: any date in the reply whose day and month (and year, if
  written) is one of the client's surrogate dates is moved back by the client's offset
  and written *in the reply's format* ("17/04/2024" where the surrogate was "17 April
  2024" becomes "03/03/2024"), and so is a day range around one ("17-24 April").

**unmatched** counts, per entity type, what in the reply still looks like a surrogate
but could not be put back, so that the clinician knows what to check: dates that are
not the client's surrogate dates (the model may have computed a follow-up date in the
shifted calendar), words one letter away from a surrogate name (the model misspelt it;
an ordinary English word such as "Thank" beside a surrogate "Tehan" is not counted),
and surrogates that stand for different originals in different clients (``AMBIGUOUS``).
Counts only: no value is ever printed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from .surrogates import _MONTH_RE, _ORD_RE, _WEEKDAY_RE, parse_date, restyle, shift_date
from .vault import ClientState, norm


@dataclass
class RestoreResult:
    text: str
    restored: int = 0
    unmatched: dict[str, int] = field(default_factory=dict)


_B, _E = r"(?<![\p{L}\p{N}])", r"(?![\p{L}\p{N}])"
_DAY = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{_ORD_RE})"
_YEAR = r"(?:1[89]\d\d|20\d\d|['’]\d\d)"
_WD = rf"(?:{_WEEKDAY_RE}\.?,?\s+)"
_DATE_FIND = regex.compile(
    rf"{_B}(?:"
    rf"{_WD}?(?:the\s+)?{_DAY}(?:\s*[-–]\s*{_DAY})?(?:\s+of)?\s+{_MONTH_RE}\.?(?:,?\s+{_YEAR})?"
    rf"|{_WD}?{_MONTH_RE}\.?\s+(?:the\s+)?{_DAY}(?:\s*[-–]\s*{_DAY})?(?:,?\s+{_YEAR})?"
    rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}"
    rf"|\d{{1,2}}([/.])\d{{1,2}}\1(?:\d{{4}}|\d{{2}})"
    rf"){_E}",
    regex.IGNORECASE,
)
_WORD = regex.compile(r"[\p{L}][\p{L}'’\-]*[\p{L}]")


def _deletes(w: str) -> set[str]:
    return {w[:i] + w[i + 1:] for i in range(len(w))}


class Restorer:
    """The pairs of one or more clients, ready to restore many texts."""

    def __init__(self, states: list[ClientState]) -> None:
        self.states = states
        by_sur: dict[str, list[tuple[str, str, str]]] = {}
        for st in states:
            for s, (t, o) in st.pairs.items():
                by_sur.setdefault(s.casefold(), []).append((s, t, o))
        self.pairs: dict[str, tuple[str, str, str]] = {}
        self.ambiguous: dict[str, str] = {}
        for k, items in by_sur.items():
            if len({norm(o) for _, _, o in items}) == 1:
                self.pairs[k] = items[0]
            else:
                self.ambiguous[k] = items[0][1]
        alts = sorted(set(self.pairs) | set(self.ambiguous), key=len, reverse=True)
        self.rx = (regex.compile(_B + "(?:" + "|".join(r"\s+".join(regex.escape(p) for p in a.split()) for a in alts) + ")" + _E,
                                 regex.IGNORECASE) if alts else None)
        # surrogate dates per client, for dates written another way
        self.dates: list[tuple[ClientState, set, set]] = []
        for st in states:
            full, md, md_noyear = set(), set(), set()
            for s, (t, _) in st.pairs.items():
                if t != "DATE_TIME":
                    continue
                for day_first in (False, True):
                    for m, d, y in parse_date(s, day_first) or []:
                        if d is None:
                            continue
                        md.add((m, d))
                        (full if y else md_noyear).add((y, m, d) if y else (m, d))
            self.dates.append((st, full, md, md_noyear))
        # surrogate words, for near misses
        self.near: dict[str, str] = {}
        for k, (s, t, _) in self.pairs.items():
            if t in ("PERSON", "UNKNOWN", "LOCATION", "ORGANIZATION") and " " not in k and len(k) >= 5:
                for v in _deletes(k) | {k}:
                    self.near.setdefault(v, t)

    def restore(self, text: str) -> RestoreResult:
        cands: list[tuple[int, int, int, str, str]] = []  # (start, end, priority, replacement, type)
        unmatched: dict[str, int] = {}
        if self.rx is not None:
            for m in self.rx.finditer(text, overlapped=False):
                k = regex.sub(r"\s+", " ", m.group()).casefold()
                if k in self.ambiguous:
                    unmatched["AMBIGUOUS"] = unmatched.get("AMBIGUOUS", 0) + 1
                    continue
                s, t, o = self.pairs[k]
                cands.append((m.start(), m.end(), 2, restyle(regex.sub(r"\s+", " ", m.group()), s, o), t))
        date_misses = []
        for m in _DATE_FIND.finditer(text):
            back = self._date_back(m.group())
            if back is None:
                date_misses.append((m.start(), m.end()))
            else:
                cands.append((m.start(), m.end(), 1, back, "DATE_TIME"))
        chosen: list[tuple[int, int, str]] = []
        taken: list[tuple[int, int]] = []
        for s, e, _, rep, _ in sorted(cands, key=lambda c: (-(c[1] - c[0]), -c[2], c[0])):
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            chosen.append((s, e, rep))
        for s, e in date_misses:
            if not any(s < te and ts < e for ts, te in taken):
                unmatched["DATE_TIME"] = unmatched.get("DATE_TIME", 0) + 1
        out, pos = [], 0
        for s, e, rep in sorted(chosen):
            out.append(text[pos:s])
            out.append(rep)
            pos = e
        out.append(text[pos:])
        if self.near:
            from .recognizers.name_lexicon import is_common_word

            for m in _WORD.finditer(text):
                if any(m.start() < te and ts < m.end() for ts, te in taken):
                    continue
                w = m.group().casefold()
                if len(w) < 5 or w in self.pairs or not m.group()[0].isupper():
                    continue
                if is_common_word(w):
                    continue  # "Thank" is a word of the reply, not a misspelt surrogate "Tehan"
                for v in _deletes(w) | {w}:
                    if v in self.near:
                        t = self.near[v]
                        unmatched[t] = unmatched.get(t, 0) + 1
                        break
        return RestoreResult("".join(out), len(chosen), dict(sorted(unmatched.items())))

    def _date_back(self, written: str) -> Optional[str]:
        """The written date moved back by the offset of the one client it belongs to."""
        hits = []
        for st, full, md, md_noyear in self.dates:
            for day_first in (False, True):
                parsed = parse_date(written, day_first)
                if not parsed:
                    continue
                if any(d is not None and (((y, m, d) in full or (m, d) in md_noyear) if y else (m, d) in md)
                       for m, d, y in parsed):
                    back = shift_date(written, -st.offset, day_first)
                    if back is not None:
                        hits.append((id(st), back))
                    break
        if len({h[0] for h in hits}) != 1:
            return None
        return hits[0][1]


def restore(text: str, states: list[ClientState]) -> RestoreResult:
    return Restorer(states).restore(text)
