"""Record numbers and other labelled identifiers.

Most identifiers are just "a token with digits in it"; what makes them PHI is the
label in front ("MRN 00123456", "claim # CLM-2024-0012345").  Every pattern here
therefore builds its label into the regex (see :func:`labelled`) and reports only the
value (the ``phi`` group): a bare number never fires unless its format or checksum is
specific on its own (dashed SSN, Luhn-valid card number, VIN check digit, IBAN,
IMEI, MAC address).

Recognizers (entity types from ``deid/entities.py``):

* ``MrnRecognizer`` -> MEDICAL_RECORD_NUMBER: MRN, medical record / chart / UR /
  URN / unit record / hospital / patient / encounter / visit / admission numbers.
* ``SsnRecognizer`` -> US_SSN: dashed SSNs with a valid area/group/serial; spaced or
  undashed SSNs and "last four" forms after an SSN label; masked XXX-XX-1234.
* ``AccountRecognizer`` -> ACCOUNT_NUMBER: account, claim, invoice, billing,
  statement, transaction numbers in context; INV-/CLM-/ACCT- prefixed numbers;
  Luhn-valid payment card numbers; IBANs (mod 97).
* ``LicenseRecognizer`` -> LICENSE_NUMBER: driver's licence, professional licence
  ("LPC #12345", "LCSW no. 4567"), certificate and permit numbers.  Unlike
  Presidio's US driver-licence recognizer it needs both a label and a value with
  digits, so plain English words never fire.
* ``VehicleRecognizer`` -> VEHICLE_ID: plates after a plate/rego/registration label
  (the value must mix letters and digits), VINs (North American check digit, or any
  17-character VIN after a "VIN" label).
* ``DeviceRecognizer`` -> DEVICE_ID: serial numbers after "serial no."/"S/N"/device
  words ("pacemaker serial ..."), IMEI (Luhn), MAC addresses, GS1 UDIs.
* ``GenericIdRecognizer`` -> ID: case/file/reference/client/student/employee IDs,
  passport, TFN, NDIS, Centrelink CRN, court case numbers, UK NI numbers, etc.

Speed: :class:`LabelledRecognizer` (also used by health_numbers, contact and
speech_contact) tries label-first patterns only at the words that can start them,
found from the text's set of distinct words (cached per text and per word), instead
of scanning a big case-insensitive alternation at every character.
"""
from __future__ import annotations

import threading
from typing import Iterable

import regex

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import _patterns
from ._base import DEFAULT_FLAGS, RegexRecognizer, Rx, luhn_ok, make_result, match_at
from .years import icu_style

# ----------------------------------------------------------------------------- speed

_WORD = _patterns.compile(r"[A-Za-z]+")
_tls = threading.local()


def word_set(text: str) -> frozenset:
    """The distinct ASCII-letter words of ``text``; cached for the last text of this
    thread, so the labelled recognizers of the catalogue read a text only once."""
    cached = getattr(_tls, "words", None)
    if cached is not None and cached[0] is text:
        return cached[1]
    words = frozenset(_WORD.findall(text))
    _tls.words = (text, words)
    return words


_FOLLOW = (" ", "\n", "#", ":", ".", "-", "/", "'", "&", "(", "=", "1")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def word_positions(text: str, words: Iterable[str]) -> list[int]:
    """Sorted start offsets of the whole-word occurrences of ``words`` (runs of ASCII
    letters, as ``_WORD`` finds them) in ``text``: ``str.find`` with a letter check on
    each side (a regex per word cost a compile for every new word of every note)."""
    starts: list[int] = []
    n = len(text)
    find = text.find
    for w in words:
        size = len(w)
        i = find(w)
        while i >= 0:
            end = i + size
            if (i == 0 or text[i - 1] not in _LETTERS) and (end >= n or text[end] not in _LETTERS):
                starts.append(i)
            i = find(w, i + 1)
    starts.sort()
    return starts


class LabelledRecognizer(RegexRecognizer):
    """A RegexRecognizer whose label-first patterns are tried only at candidate words.

    Scanning a big case-insensitive label alternation at every position of a text is
    the slow part of labelled patterns.  For the patterns named in ``anchored`` (each
    must start with ``\\b`` and a label), a word is a candidate when the pattern can
    partially match it (``regex`` partial matching, cached per distinct word); the
    pattern is then matched anchored at that word only.  Results are identical to a
    ``finditer`` scan except that overlapping matches are all reported.

    Caveat: ``regex`` partial matching treats ``\\b`` at the end of the probe as a
    failure, so anchored patterns must not use ``\\b`` right after their label (use
    ``(?![\\w])`` / ``(?<![\\w])`` instead)."""

    _CACHE_MAX = 200_000

    def __init__(self, entity: str, patterns: Iterable[Rx], anchored: Iterable[str], **kw) -> None:
        super().__init__(entity, patterns, **kw)
        self.anchored = {p.name for p in self.patterns if p.name in set(anchored)}
        # one gate for all anchored patterns: the union of their regexes
        union = "|".join(f"(?:{p.regex})" for p in self.patterns if p.name in self.anchored)
        self._gate_src = union.replace("(?P<phi>", "(?:") if union else None
        self._gate: "regex.Pattern | None" = None  # compiled on first use (start-up)
        self._known: set[str] = set()
        self._trig: set[str] = set()
        self._last: tuple = (None, [])

    def _candidates(self, text: str) -> list[int]:
        """Start offsets of the words at which an anchored pattern may match."""
        if self._last[0] is text:
            return self._last[1]
        if self._gate is None and self._gate_src is not None:
            self._gate = _patterns.compile(self._gate_src, DEFAULT_FLAGS)
        known, trig, gate = self._known, self._trig, self._gate
        if len(known) > self._CACHE_MAX:
            known.clear()
            trig.clear()
        words = word_set(text)
        for w in words - known:
            known.add(w)
            # a whole word is a candidate when a pattern can go on after it with the kind
            # of character that follows a word (space, punctuation, digit)
            if gate.match(w, partial=True) is not None and any(
                gate.match(w + c, partial=True) is not None for c in _FOLLOW
            ):
                trig.add(w)
        hits = words & trig
        starts = word_positions(text, hits) if hits else []
        self._last = (text, starts)
        return starts

    def _matches(self, rx: Rx, text: str):
        if rx.name not in self.anchored:
            yield from rx.compiled.finditer(text)
            return
        starts = self._candidates(text)
        pat = rx.compiled if starts else None  # no candidate word: never compiled
        for start in starts:
            m = match_at(pat, text, start)
            if m is not None:
                yield m


def anchored_names(patterns: Iterable[Rx]) -> list[str]:
    """Names of the patterns that start with a word boundary and a letter label."""
    return [p.name for p in patterns if p.regex.startswith((r"\b(?<![\w/])(?:", r"\b(?:"))]


# bare patterns whose first character is always an ASCII letter (so they can be tried
# at word starts only, like the labelled ones)
LETTER_FIRST = {"account_prefixed", "id_prefixed", "ahpra", "url_www"}


def make(entity: str, patterns: list[Rx], **kw) -> LabelledRecognizer:
    names = set(anchored_names(patterns)) | {p.name for p in patterns if p.name in LETTER_FIRST}
    return LabelledRecognizer(entity, patterns, anchored=names, **kw)

# ----------------------------------------------------------------------------- helpers

_NUMWORD = r"(?:(?:numbers?|num|nbr|nos?|id|identifier|code)\b\.?|\#)"
_MARKER = rf"(?:[ \t]*{_NUMWORD}(?:[ \t]*{_NUMWORD})?(?:[ \t]*[:=\-])?|[ \t]*[:=]|[ \t]+-(?=[ \t]))"
_TAIL = r"[ \t]*(?:\n[ \t]*)?(?:(?:is|was|reads|=)[ \t]+)?\#?[ \t]*"


def id_value(min_digits: int = 3) -> str:
    """A token with at least ``min_digits`` digits: letters, digits and inner -/. ;
    digit groups separated by single spaces are kept together ("1234 5678 9012")."""
    tok = r"[A-Z0-9]+(?:-[A-Z0-9]+)*"
    return (
        rf"(?:[A-Z]{{1,4}}[ ]\d{{{max(min_digits, 4)},}}"
        rf"|(?=(?:[A-Z/.-]*\d(?:[ ](?=\d))?){{{min_digits}}}){tok}(?:[ ]\d{{2,}}(?![\w-]))*)"
    )


ID_VALUE = id_value(3)


def labelled(labels: str, value: str, strong: bool = True, min_digits: int | None = None) -> str:
    """Regex for ``<label><separator><value>`` with the value as the ``phi`` group.

    ``strong`` labels may be followed directly by the value ("MRN 00123456"); weak
    labels need an explicit marker: a number word, '#', ':' or ' - '
    ("chart #A1234567", "UR number 1234567", "patient ID: 778899")."""
    if min_digits is not None:
        value = value.replace(ID_VALUE, id_value(min_digits))
    sep = rf"(?:{_MARKER}|[ \t]*\(?)" if strong else _MARKER
    return rf"\b(?<![\w/])(?:{labels})(?!(?<=[A-Za-z])[A-Za-z]){sep}{_TAIL}(?P<phi>{value})(?![\w/]|[.,]\d)"


# ----------------------------------------------------------------------------- checksums


def ssn_ok(s: str) -> bool | None:
    d = "".join(c for c in s if c.isdigit())
    if len(d) != 9:
        return False
    area, group, serial = d[:3], d[3:5], d[5:]
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return False
    if len(set(d)) == 1:
        return False
    return None


def card_ok(s: str) -> bool:
    d = "".join(c for c in s if c.isdigit())
    return 13 <= len(d) <= 19 and luhn_ok(d)


def iban_ok(s: str) -> bool:
    s = s.replace(" ", "").upper()
    if not (15 <= len(s) <= 34):
        return False
    r = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1


_VIN_TR = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_ok(s: str) -> bool:
    s = s.upper()
    if len(s) != 17 or any(c not in _VIN_TR for c in s):
        return False
    if not any(c.isalpha() for c in s) or not any(c.isdigit() for c in s):
        return False
    r = sum(_VIN_TR[c] * w for c, w in zip(s, _VIN_W)) % 11
    return ("X" if r == 10 else str(r)) == s[8]


def plate_ok(s: str) -> bool | None:
    a = "".join(c for c in s if c.isalnum())
    if not (3 <= len(a) <= 8):
        return False
    if not any(c.isdigit() for c in a) or not any(c.isalpha() for c in a):
        return False
    return None


def labelled_plate_ok(s: str) -> bool | None:
    """A plate after "Vehicle:", in any case, but not a model year ("2019 civic")."""
    if regex.match(r"(?:19|20)\d\d[- ]\p{L}", s):
        return False
    return plate_ok(s)


def imei_ok(s: str) -> bool:
    d = "".join(c for c in s if c.isdigit())
    return len(d) == 15 and luhn_ok(d)


# ----------------------------------------------------------------------------- recognizers

_MRN_STRONG = (
    r"MRN|M\.R\.N\.?|MR\#|medical[ \t]*record(?:[ \t]*(?:number|no\.?|\#))?|med[ \t]*rec(?:ord)?"
    r"|URN|UR[ \t]*(?:number|no\.?|\#)|unit[ \t]*record(?:[ \t]*(?:number|no\.?))?"
    r"|hosp(?:ital)?[ \t]*(?:number|no\.?|id|\#)|patient[ \t]*(?:id|identifier|number|no\.?|\#)"
    r"|pt[ \t]*(?:id|\#|no\.?)|chart[ \t]*(?:number|no\.?|\#|id)|E?MPI|CSN|FIN"
    r"|encounter[ \t]*(?:id|number|no\.?|\#)|visit[ \t]*(?:id|number|no\.?|\#)"
    r"|admission[ \t]*(?:id|number|no\.?|\#)|episode[ \t]*(?:id|number|no\.?)"
    r"|health[ \t]*record[ \t]*(?:number|no\.?)"
)
_MRN_WEAK = r"chart|UR|U\.R\.|patient|pt|record|encounter|visit|admission|episode|client[ \t]*record"


def _mrn() -> RegexRecognizer:
    return make(
        "MEDICAL_RECORD_NUMBER",
        [
            Rx("mrn_strong", labelled(_MRN_STRONG, ID_VALUE, strong=True), 0.85),
            Rx("mrn_weak", labelled(_MRN_WEAK, ID_VALUE, strong=False), 0.7),
        ],
        name="MrnRecognizer",
        context=["mrn", "chart", "record", "patient", "ur", "urn"],
        prefilter=r"\d{3}",
    )


_SSN_LABELS = (
    r"SSN|SS\#|S\.S\.N\.?|SS[ \t]*(?:no\.?|number)|social[ \t]*security(?:[ \t]*(?:number|no\.?|\#|card))?"
    r"|soc\.?[ \t]*sec\.?(?:[ \t]*(?:no\.?|\#))?"
)


def _ssn() -> RegexRecognizer:
    return make(
        "US_SSN",
        [
            Rx("ssn_dashed", r"\b(?<![\w.-])\d{3}-\d{2}-\d{4}(?![\w-])", 0.7, validate=ssn_ok),
            Rx("ssn_dotted", r"\b(?<![\w.-])\d{3}\.\d{2}\.\d{4}(?![\w.-])", 0.5, validate=ssn_ok),
            Rx("ssn_labelled", labelled(_SSN_LABELS, r"\d{3}[- .]?\d{2}[- .]?\d{4}", strong=True), 0.85,
               validate=ssn_ok),
            Rx("ssn_masked", r"(?<![\w-])(?:XXX|\*\*\*)-?(?:XX|\*\*)-?\d{4}(?![\w-])", 0.6),
            Rx("ssn_last4", rf"(?<![\w/])(?:{_SSN_LABELS})[^.\n\d]{{0,25}}?(?:ending|last[ \t]*(?:4|four)"
                            r"(?:[ \t]*digits)?)[ \t]*(?:in|of|is|are|:)?[ \t]*(?P<phi>\d{4})(?!\w)", 0.7),
            Rx("ssn_last4_of", rf"(?<![\w/])last[ \t]*(?:4|four)(?:[ \t]*digits)?[ \t]*of[ \t]*(?:(?:the|her|his|their|"
                               rf"my|client'?s?|patient'?s?)[ \t]*)?(?:{_SSN_LABELS})[ \t]*(?:[:=\-]|is|are|as|was|were|reads)?[ \t]*"
                               r"(?P<phi>\d{4})(?!\w)", 0.7),
        ],
        name="SsnRecognizer",
        context=["ssn", "social security"],
        prefilter=r"\d{4}",
    )


_ACCOUNT_STRONG = (
    r"account|acct|claim|invoice|billing[ \t]*(?:number|no\.?|id|\#|account)|statement[ \t]*(?:number|no\.?|\#)"
    r"|transaction|txn|bank[ \t]*account|routing|ABA|BSB|IBAN|credit[ \t]*card|debit[ \t]*card"
    r"|card[ \t]*(?:number|no\.?)|payment[ \t]*(?:ref|reference|id)|guarantor[ \t]*(?:id|number|no\.?)"
    r"|receipt[ \t]*(?:number|no\.?|\#)|EOB[ \t]*(?:number|no\.?|\#)|authori[sz]ation[ \t]*(?:number|no\.?|\#|code)"
    r"|prior[ \t]*auth(?:ori[sz]ation)?|pre-?auth(?:ori[sz]ation)?"
)
_ACCOUNT_WEAK = r"bill|inv|statement|receipt|auth|EOB|remittance|check|cheque"


def _account() -> RegexRecognizer:
    cards = (
        r"\b(?<![\w-])(?:(?:4\d{3}|5[1-5]\d\d|2[2-7]\d\d|6011|65\d\d)(?:[ -]?\d{4}){3}"
        r"|3[47]\d\d[ -]?\d{6}[ -]?\d{5})(?![\w-])"
    )
    return make(
        "ACCOUNT_NUMBER",
        [
            Rx("account_strong", labelled(_ACCOUNT_STRONG, ID_VALUE, strong=True), 0.8),
            Rx("account_weak", labelled(_ACCOUNT_WEAK, ID_VALUE, strong=False), 0.7),
            Rx("account_prefixed", r"\b(?<![\w-])(?:INV|CLM|CLAIM|ACCT|ACC|TXN|BILL|STMT|EOB|AUTH)"
                                   r"[-#]?\d{4,}(?:-[A-Z0-9]*\d[A-Z0-9]*)*(?![\w-])", 0.6),
            Rx("card", cards, 0.0, validate=lambda s: True if card_ok(s) else False),
            Rx("iban", r"\b(?<![\w-])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\w-])", 0.0,
               validate=lambda s: True if iban_ok(s) else False, flags=regex.MULTILINE),
        ],
        name="AccountRecognizer",
        context=["account", "claim", "invoice", "billing", "card"],
        prefilter=r"\d{2}",
    )


_LICENSE_STRONG = (
    r"driver'?s?[ \t]*licen[cs]e|drivers?[ \t]*lic\.?|driving[ \t]*licen[cs]e|(?-i:DL|DLN|CDL)|D/L"
    r"|licen[cs]e|lic\.|certificate|cert\.?|permit|board[ \t]*certification|registration[ \t]*certificate"
    r"|practising[ \t]*certificate|credential"
    r"|college[ \t]*(?:reg(?:istration)?\.?|registration[ \t]*(?:number|no\.?|\#)|number|no\.?|\#)"
    r"|(?:board|state|provincial)[ \t]*reg(?:istration)?\.?(?:[ \t]*(?:number|no\.?|\#))?"
    r"|(?-i:PSY|CPSO|CRPO|OCSWSSW|CNO|CPO|OCP|HCPC|GMC|NMC|BACP|UKCP|NBCC|PCBA|ACA|NZCCP)"
    r"(?:[ \t]*(?:registration|reg\.?|membership|member))?"
    # long regulator acronyms are unambiguous in lower case too (ASR / lower-cased notes)
    r"|(?-i:ocswssw|crpo|cpso|hcpc|gmc|nmc|bacp|ukcp|nbcc|pcba|nzccp)"
    r"(?:[ \t]*(?:registration|reg\.?|membership|member))?"
)
_LICENSE_WEAK = (
    r"LPC|LPCC|LCPC|LPC-S|LMHC|LCSW|LICSW|LMSW|LSW|LMFT|LCMFT|MFT|LCADC|CADC|LADC|LAC|NCC|PsyD|PhD"
    r"|RN|LPN|NP|APRN|PMHNP|BCBA|MD|DO|psychologist|counsel+or|nurse|social[ \t]*worker|therapist|licensed"
)


def _license() -> RegexRecognizer:
    return make(
        "LICENSE_NUMBER",
        [
            Rx("license_strong", labelled(_LICENSE_STRONG, ID_VALUE, strong=True), 0.8),
            Rx("license_credential", labelled(_LICENSE_WEAK, ID_VALUE, strong=False), 0.75),
        ],
        name="LicenseRecognizer",
        context=["license", "licence", "certificate", "permit"],
        prefilter=r"\d{3}",
    )


_PLATE_LABELS = (
    r"(?:licen[cs]e|number|registration|reg|car|vehicle)[ \t]*plates?|plates?|rego|registration"
    r"|reg\.?|vehicle[ \t]*(?:registration|reg|id|tag)|(?:licen[cs]e[ \t]*)?tag|VRN|VRM"
)
_PLATE = r"(?-i:[A-Z0-9]{1,4}[- ][A-Z0-9]{2,5}|[A-Z0-9]{3,8})"  # plates are written in capitals


def _vehicle() -> RegexRecognizer:
    return make(
        "VEHICLE_ID",
        [
            Rx("plate", labelled(_PLATE_LABELS, _PLATE, strong=True), 0.75, validate=plate_ok),
            Rx("plate_any_case", labelled(r"(?:licen[cs]e[ \t]*|number[ \t]*|car[ \t]*)?plates?|rego",
                                          r"[A-Z0-9]{1,4}[- ][A-Z0-9]{2,5}|[A-Z0-9]{3,8}", strong=True),
               0.7, validate=plate_ok),
            # "Vehicle (for parking permit): ABC 123"; in lower-case text the plate is too
            Rx("plate_vehicle", r"\b(?<![\w/])(?:vehicle|car|motorbike|motorcycle)(?:[ \t]*\([^)\n]{0,40}\))?[ \t]*:"
                                r"[ \t]*(?P<phi>(?i:[A-Z0-9]{1,4}[- ][A-Z0-9]{2,5}|[A-Z0-9]{3,8}))(?![\w/])", 0.7,
               validate=labelled_plate_ok),
            Rx("vin_labelled", labelled(r"VIN|vehicle[ \t]*identification(?:[ \t]*(?:number|no\.?))?|chassis",
                                        r"[A-HJ-NPR-Z0-9]{11,17}", strong=True), 0.85),
            Rx("vin_bare", r"\b(?<![\w-])[A-HJ-NPR-Z0-9]{17}(?![\w-])", 0.0,
               validate=lambda s: True if vin_ok(s) else False),
        ],
        name="VehicleRecognizer",
        context=["plate", "rego", "registration", "vin", "vehicle"],
        prefilter=r"\d",
    )


_DEVICE_WORDS = (
    r"pacemaker|device|pump|ICD|implant|CGM|monitor|hearing[ \t]*aid|cochlear[ \t]*implant|phone|laptop"
    r"|defibrillator|stimulator|VNS|DBS|CPAP|BiPAP|wheelchair|tablet|sensor|transmitter|meter|glucometer"
)
_DEVICE_STRONG = (
    rf"(?:{_DEVICE_WORDS})[ \t]*(?:serial|s/n|id)(?:[ \t]*(?:number|no\.?|\#))?"
    r"|serial[ \t]*(?:number|no\.?|num|\#)|S/N|(?-i:SN)|s\.n\.|UDI|IMEI|MEID|ESN|ICCID"
    r"|MAC[ \t]*address|asset[ \t]*tag|model/serial|device[ \t]*(?:id|identifier)"
)
_DEVICE_WEAK = r"serial|lot|model|device|unit"


def _device() -> RegexRecognizer:
    return make(
        "DEVICE_ID",
        [
            Rx("device_strong", labelled(_DEVICE_STRONG, ID_VALUE, strong=True, min_digits=2), 0.8),
            Rx("device_weak", labelled(_DEVICE_WEAK, ID_VALUE, strong=False, min_digits=2), 0.6),
            Rx("device_word_serial", rf"\b(?<![\w/])(?:{_DEVICE_WORDS})[ \t]*[:#]?[ \t]*"
                                     r"(?P<phi>(?-i:(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\d){3})[A-Z0-9]{2,}(?:-[A-Z0-9]+)*))"
                                     r"(?![\w/])", 0.65, validate=lambda v: None if sum(c.isalnum() for c in v) >= 6 else False),
            Rx("device_word_serial_2digit", rf"\b(?<![\w/])(?:{_DEVICE_WORDS})[ \t]*[:#]?[ \t]*"
                                            r"(?P<phi>(?-i:(?=(?:[A-Z]*\d){2})(?=[0-9]*[A-Z])[A-Z0-9]{10,16}))"
                                            r"(?![\w/])", 0.6),
            Rx("device_word_serial_lower2", rf"\b(?<![\w/])(?-i:pacemaker|device|pump|icd|implant|cgm|monitor|"
                                            r"defibrillator|stimulator|sensor|transmitter)[ \t]*[:#]?[ \t]*"
                                            r"(?P<phi>(?-i:(?=(?:[a-z]*\d){2})(?=[0-9]*[a-z])[a-z0-9]{8,16}))"
                                            r"(?![\w/])", 0.6),
            # all-caps serials with a single inner digit ("device QWRTZPLKM4XB"): 10-16 chars, a digit
            # between letters or 12+ chars (not "HEARTRATE1"), so short
            # acronyms/units after a device word ("CPAP 5CMH2O") never qualify
            Rx("device_word_serial_1digit", rf"\b(?<![\w/])(?:{_DEVICE_WORDS})[ \t]*[:#]?[ \t]*"
                                            r"(?P<phi>(?-i:(?=[A-Z]*\d)(?:(?=[A-Z0-9]*[A-Z]\d[A-Z])|(?=[A-Z0-9]{12}))(?=(?:[0-9]*[A-Z]){6})[A-Z0-9]{10,16}))"
                                            r"(?![\w/])", 0.6),
            Rx("device_word_serial_lower", rf"\b(?<![\w/])(?:{_DEVICE_WORDS})[ \t]*[:#]?[ \t]*"
                                           r"(?P<phi>(?-i:[a-z0-9]{2,5}-\d{3,6}-[a-z0-9]{2,5}))"
                                           r"(?![\w/])", 0.6),
            Rx("imei", r"\b(?<![\w-])\d{2}[- ]?\d{6}[- ]?\d{6}[- ]?\d(?![\w-])", 0.0,
               validate=lambda s: True if imei_ok(s) else False),
            Rx("mac", r"\b(?<![\w:-])(?:[0-9A-F]{2}([:-]))(?:[0-9A-F]{2}\1){4}[0-9A-F]{2}(?![\w:-])", 0.75),
            Rx("udi_gs1", r"\(01\)\d{14}(?:\(\d{2}\)[A-Z0-9]+)*", 0.85),
        ],
        name="DeviceRecognizer",
        context=["serial", "imei", "device", "udi"],
        prefilter=r"\d",
    )


_ID_STRONG = (
    r"passport(?:[ \t]*(?:number|no\.?|\#))?|visa[ \t]*(?:number|no\.?|\#)|green[ \t]*card|alien[ \t]*(?:number|registration)"
    r"|A-number|TFN|tax[ \t]*file[ \t]*(?:number|no\.?)|ABN|ACN|EIN|ITIN|TIN|SIN|social[ \t]*insurance[ \t]*(?:number|no\.?)"
    r"|centrelink(?:[ \t]*(?:CRN|number|no\.?))?|CRN|NDIS(?:[ \t]*(?:number|no\.?|participant))?"
    r"|(?:student|employee|staff|client|customer|participant|subject|study|specimen|probation|parole|inmate"
    r"|voter|member|referral|booking|order|tracking|ticket|court|CPS|DCFS|DHS|child[ \t]*protection)"
    r"[ \t]*(?:case[ \t]*)?(?:id|number|no\.?|\#|ref)"
    r"|case[ \t]*(?:number|no\.?|id|\#|file)|file[ \t]*(?:number|no\.?|\#|ref)|reference[ \t]*(?:number|no\.?|\#)"
    r"|ref[ \t]*(?:no\.?|\#)|confirmation(?:[ \t]*(?:number|no\.?|code|\#))?|docket|accession|requisition"
    r"|library[ \t]*card|badge|national[ \t]*(?:id|insurance)(?:[ \t]*(?:number|no\.?))?|NINO|NI[ \t]*(?:number|no\.?)"
    r"|(?:court|CPS|DCFS)[ \t]*case|warrant"
)
_ID_WEAK = r"case|file|reference|ref|client|customer|record|referral|order|ticket|ID|identifier|code"


def _generic() -> RegexRecognizer:
    return make(
        "ID",
        [
            Rx("id_strong", labelled(_ID_STRONG, ID_VALUE, strong=True), 0.75),
            Rx("id_weak", labelled(_ID_WEAK, ID_VALUE, strong=False), 0.6),
            Rx("id_prefixed", r"\b(?<![\w-])(?:REF|CASE|FILE|CRN|PID|CID|UID)[-#]?\d{4,}(?:-[A-Z0-9]+)*(?![\w-])", 0.6),
            Rx("uk_nino", r"\b(?<![\w-])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D]"
                          r"(?![\w-])", 0.6, flags=regex.MULTILINE),
        ],
        name="GenericIdRecognizer",
        context=["case", "file", "reference", "client", "id"],
        prefilter=r"\d{2}",
    )


# ----------------------------------------------------------------------------- free-form codes

DATA_DIR = __import__("pathlib").Path(__file__).resolve().parent / "data"


def read_sections(path) -> dict[str, list[str]]:
    """``[section]`` headers, then entries (one a line, or several separated by spaces
    when ``words`` is used by the reader); '#' starts a comment.  Shared with
    labelled_fields.py."""
    out: dict[str, list[str]] = {}
    cur = None
    for raw in open(path, encoding="utf-8"):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            cur = out.setdefault(line[1:-1].strip(), [])
        elif cur is not None:
            cur.append(line)
    return out


_NUMBER_WORDS = None


def number_words() -> tuple[frozenset, frozenset]:
    """(units, measured): words after a number that make it a quantity, and words before
    a number that make it a lab value, vital sign or setting (data/number_words.txt)."""
    global _NUMBER_WORDS
    if _NUMBER_WORDS is None:
        sec = read_sections(DATA_DIR / "number_words.txt")
        words = lambda k: frozenset(w for line in sec.get(k, []) for w in line.lower().split())
        _NUMBER_WORDS = (words("units"), words("measured"), words("short code cues"))
    return _NUMBER_WORDS[:2]


def short_code_cues() -> frozenset:
    number_words()
    return _NUMBER_WORDS[2]


_RUN3 = _patterns.compile(r"\d{3,}")
_ALNUM = _patterns.compile(r"[A-Za-z0-9]")
_DIGITS = _patterns.compile(r"\d+")
_ALPHA = _patterns.compile(r"[A-Za-z]+")
_SHORT_DECIMAL = _patterns.compile(r"(?<![\d.])\d{1,3}\.\d{1,2}(?![\d])")
_ICD = _patterns.compile(r"[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?", regex.IGNORECASE)
_TIME_PART = _patterns.compile(r"(?:[01]?\d|2[0-4])(?::?[0-5]\d)?(?:[ap]m?)?", regex.IGNORECASE)
_YEAR = _patterns.compile(r"(?:19|20)\d\d")
_PREV_WORD = _patterns.compile(r"([A-Za-z][A-Za-z0-9/]*)[ \t]*[:=#\-]?[ \t]*(?:of|at|was|is|to|from)?[ \t]*$")
_NEXT_WORD = _patterns.compile(r"[ \t]?([A-Za-z%][A-Za-z0-9/]*)")


def _token_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """Grow a digit run to its whole code: letters and digits, joined by single - / . """
    n = len(text)
    while True:
        if s > 0 and text[s - 1].isascii() and text[s - 1].isalnum():
            s -= 1
        elif s > 1 and text[s - 1] in "-/." and text[s - 2].isascii() and text[s - 2].isalnum():
            s -= 2
        else:
            break
    while True:
        if e < n and text[e].isascii() and text[e].isalnum():
            e += 1
        elif e + 1 < n and text[e] in "-/." and text[e + 1].isascii() and text[e + 1].isalnum():
            e += 2
        else:
            break
    return s, e


def _is_date_or_range(groups: list[str], seps: str) -> bool:
    """Dates (2024-03-14, 14.03.2025), year ranges (2019-2021, 2019/20) and ranges of
    numbers or times ("900-1300", "0700-1900")."""
    if len(groups) == 3 and any(len(g) == 4 and _YEAR.fullmatch(g) for g in groups) \
            and sum(len(g) <= 2 for g in groups) == 2:
        return True
    if len(groups) == 2 and seps in ("-", "/"):
        a, b = groups
        if _YEAR.fullmatch(a) and (_YEAR.fullmatch(b) or len(b) == 2):
            return True
        if seps == "-" and len(a) <= 4 and len(b) <= 4 and (
                int(a) < int(b) or (len(a) == len(b) == 4 and _TIME_PART.fullmatch(a) and _TIME_PART.fullmatch(b))):
            return True  # a range of numbers or of times ("900-1300", "2300-0700"); not "555-0191"
    return False


def glued_unit(tok: str) -> bool:
    """A unit written onto a number inside ``tok``: "1500cc", "600x12", "12mcg/kg",
    "1100p-0700a" (times), "7.5peep"."""
    units, _ = number_words()
    quantity = False  # the part before is a number or a number with its unit
    run = 0  # length of the digit run just before
    for m in regex.finditer(r"[A-Za-z]+|\d+|[-/.]", tok):
        part = m.group()
        if part[0].isdigit():
            quantity, run = True, len(part)
        elif part[0].isalpha():
            a = part.lower()
            prev = tok[m.start() - 1] if m.start() else ""
            # one letter after 5+ digits is a check letter ("7710293K"), not a unit; so is
            # an "x" that ends 6+ digits ("123456789X"; "600x12" is a multiplication)
            times = a == "x" and (run <= 5 or m.end() < len(tok))
            unit = a in units and (len(a) > 1 or times or a == "u" or run <= 4 or not prev.isdigit())
            if quantity and prev != "-" and (unit or (a in ("a", "p") and _TIME_PART.fullmatch(
                    tok[max(0, m.start() - 4):m.end()]))):
                return True  # "1500cc", "600x12", "12mcg/kg", "1100p-0700a"
            quantity = quantity and prev != "-" and a in units
        elif part != "/":
            quantity = False
    return False


def code_shape_ok(tok: str) -> bool:
    """Is ``tok`` (letters/digits joined by - / .) shaped like an identifier rather than
    a number, a dose, a score, a date or a range?

    * digits only: a run of 5+ digits, or a 4-digit run in a code of 7+ digits
      ("25-104882", "4402118/25"); not a date, a year or time range, a decimal;
    * letters and digits: 5+ digits with a run of 3+ (and a run of 4+ or 7+ digits in
      all, so "AD-91-118" stays), no unit glued to a number ("1500cc", "600x12"), no
      vital sign glued to one ("HR110-120"), no short decimal ("T101.2"), not an
      ICD-10 code;
    * with a slash, a run of 6+ digits is needed (ratios, ABGs, settings and drip
      concentrations have none).
    """
    digit_runs = _DIGITS.findall(tok)
    d = sum(map(len, digit_runs))
    longest = max(map(len, digit_runs), default=0)
    if d < 5 or longest < 3:
        return False
    if "/" in tok and longest < 6:
        return False  # ratios, ABGs, settings, concentrations ("25000/250")
    alpha = _ALPHA.findall(tok)
    if not alpha:
        if longest < 5 and not (longest >= 4 and d >= 7):
            return False
        groups = regex.split(r"[-/.]", tok)
        seps = "".join(c for c in tok if c in "-/.")
        if _is_date_or_range(groups, seps):
            return False
        if seps == "." and len(groups) == 2 and not (groups[0].startswith("0") and len(groups[0]) > 1):
            return False  # a decimal number
        return True
    if longest < 4 and d < 7:
        return False
    if _ICD.fullmatch(tok):
        return False
    if _SHORT_DECIMAL.search(tok):
        return False  # "T101.2-102.5": a measurement
    _, measured = number_words()
    lead = _ALPHA.match(tok)
    if lead is not None and lead.group().lower() in measured and len(tok) > lead.end() and tok[lead.end()].isdigit():
        return False  # a vital sign or setting written onto its value: "HR110", "PEEP10"
    return not glued_unit(tok)


class CodeRecognizer(LocalRecognizer):
    """Free-form codes with no label: "CLM-24-0031177", "2741186P", "4402118/25".

    Candidates are found from runs of 3+ digits (cheap), grown to the whole token, and
    kept when :func:`code_shape_ok` says the shape is an identifier and the context
    does not make it a quantity: a unit after it ("15000 units"), a lab, vital or
    setting word before it ("WBC 12500", "I/O 12000"), a currency sign or a sign.
    Words come from data/number_words.txt."""

    def __init__(self, score: float = 0.5) -> None:
        super().__init__(supported_entities=["ID"], name="CodeRecognizer", supported_language="en")
        self.score = score

    def load(self) -> None:
        number_words()

    def spans(self, text: str) -> list[tuple[int, int]]:
        units, measured = number_words()
        cues = short_code_cues()
        out = []
        last_end = -1
        for m in _RUN3.finditer(text):
            if m.start() < last_end:
                continue
            s, e = _token_bounds(text, m.start(), m.end())
            last_end = e
            tok = text[s:e]
            if not code_shape_ok(tok):
                continue
            before = text[s - 1] if s > 0 else " "
            after = text[e] if e < len(text) else " "
            if before in "$£€+~@=?&_\\<>" or after in "%@_" or (before == "-" and tok[0].isdigit()):
                continue
            if before in ",.:" and s > 1 and text[s - 2].isdigit():
                continue  # part of 1,250,000, 3.12345 or 1:100000
            if after == "," and text[e + 1:e + 4].isdigit():
                continue
            if before == "/" and s > 1 and text[s - 2].isalnum():
                continue  # inside a URL or a path
            nxt = _NEXT_WORD.match(text, e)
            if nxt is not None and nxt.group(1).lower().split("/")[0] in units:
                continue
            prev = _PREV_WORD.search(text, max(0, s - 24), s)
            if prev is not None and prev.group(1).lower() in measured:
                continue
            if tok.isdigit() and len(tok) <= 6 and cues & {w.lower() for w in _WORD.findall(text[max(0, s - 24):s])}:
                continue  # "text HOME to 741741": a public short code
            out.append((s, e))
        return out

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and "ID" not in entities:
            return []
        if _RUN3.search(text) is None:
            return []
        found = self.spans(text)
        if found:
            if icu_style(text):
                # ICU-style notes (clock times, vitals, shorthand) write long numbers
                # that are quantities and mistyped times: only codes with letters count
                found = [(s, e) for s, e in found if not text[s:e].replace("-", "").replace("/", "").isdigit()]
        return [make_result(self, "ID", s, e, self.score, "free_form_code") for s, e in found]


def get_recognizers():
    return [_mrn(), _ssn(), _account(), _license(), _vehicle(), _device(), _generic(), CodeRecognizer()]
