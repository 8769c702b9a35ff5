"""ZIP codes and postcodes -> ``ZIP_CODE``.

* US ZIP / ZIP+4 after a state abbreviation or name: ``Springfield, IL 62704``,
  ``Austin, Texas 78701-1234``; after a label: ``ZIP 62704``, ``zip code: 62704``;
* AU 4-digit postcode after a state abbreviation/name: ``Ballarat VIC 3350``,
  ``Perth, Western Australia 6000``; ``postcode 3350``;
* UK postcodes ``SW1A 1AA``, ``M1 1AE`` (upper case, inward-code letters checked;
  the pattern is distinctive); lower-case or unspaced only after a "postcode" label;
* Canadian ``K1A 0B1`` (valid letters only);
* Irish Eircodes ``D02 X285``, ``A65 F4E2`` (upper case, spaced, Eircode letters only).

A bare 4- or 5-digit number is never reported without one of these anchors.
"""
from __future__ import annotations

import re

from ._anchored import GatedRegexRecognizer
from ._base import Rx
from ._geo import AU_STATES, US_STATES, US_TERRITORIES, alt

US_ABBR = alt(set(US_STATES) | set(US_TERRITORIES))
US_ABBR_LOWER = alt({a.lower() for a in set(US_STATES) | set(US_TERRITORIES)})
AU_ABBR_LOWER = alt({a.lower() for a in AU_STATES})
US_NAME = alt(US_STATES.values())
AU_ABBR = alt(AU_STATES)
AU_NAME = alt(AU_STATES.values())
LABEL = r"(?:zip(?:\s*code)?|zipcode|post\s*code|postal\s*code|pcode|p/c)"
UK = r"(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2})"
UK_ANY = r"(?:[a-z]{1,2}\d[a-z\d]?\s?\d[abd-hjlnp-uw-z]{2})"
IE = r"(?:(?:[AC-FHKNPRTV-Y]\d{2}|D6W) (?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4})"
CA = r"(?:[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][\s-]?\d[ABCEGHJ-NPRSTV-Z]\d)"

_DIGIT_WORD = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_TOK = rf"(?:{_DIGIT_WORD}|[a-z])(?![\w'’])"


def _spoken_ok(value: str) -> bool | None:
    """At least three spoken digits (a UK/CA code has 3, a US ZIP 5, an AU one 4)."""
    import re as _re
    n = len(_re.findall(r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b", value))
    return None if n >= 2 and len(value.split()) >= 3 else False


PATTERNS = [
    Rx(
        "us_zip_after_state",
        # digit-first, the state in a lookbehind (fast)
        rf"(?<![\w-])\d{{5}}(?:-\d{{4}})?(?![\w-])"
        rf"(?<=[\s,](?-i:{US_ABBR})\.?,?\s+\d{{5}}(?:-\d{{4}})?)",
        0.85,
    ),
    Rx(
        "us_zip_after_state_name",
        rf"(?<![\w-])\d{{5}}(?:-\d{{4}})?(?![\w-])"
        rf"(?<=\b(?:{US_NAME}),?\s+\d{{5}}(?:-\d{{4}})?)",
        0.85,
    ),
    Rx(
        "au_postcode_after_state",
        rf"(?<![\w-])\d{{4}}(?![\w-])(?<=[\s,](?:(?-i:{AU_ABBR})|{AU_NAME}),?\s+\d{{4}})",
        0.85,
    ),
    Rx(
        # lower-cased notes: "port thomasport, il  14679" (a comma before the state)
        "us_zip_after_state_lower",
        rf"(?<![\w-])\d{{5}}(?:-\d{{4}})?(?![\w-])"
        rf"(?<=[a-z],[ \t]*(?-i:{US_ABBR_LOWER})\.?,?[ \t]+\d{{5}}(?:-\d{{4}})?)",
        0.8,
    ),
    Rx(
        "au_postcode_after_state_lower",
        rf"(?<![\w-])\d{{4}}(?![\w-])(?<=[a-z],?[ \t]+(?-i:{AU_ABBR_LOWER}),?[ \t]+\d{{4}})"
        r"(?=[ \t]*(?:$|[.,;)]|now\b))",
        0.75,
    ),
    Rx(
        # lower-cased UK address lines: "..., bethfort, e49 6ya" / "ritahaven w2j 5ny" (end of line)
        "uk_postcode_lower",
        r"(?<![\w-])(?=[a-z]{1,2}\d)"
        r"(?<=(?:^|,|\n)[ \t]*(?:[a-z][a-z.'’-]+(?:[ \t][a-z][a-z.'’-]+){0,2},?[ \t]+)?)"
        r"(?-i:[a-z]{1,2}\d[a-z\d]?[ \t]\d[abd-hjlnp-uw-z]{2})(?![\w-])(?=[ \t]*(?:$|[.,;)]))",
        0.75,
    ),
    Rx(
        # spoken (ASR): "the zip code is six zero five seven", "postcode is a two n five l nine"
        "spoken_postcode",
        rf"\b(?:zip|post|postal)\s*code\s+(?:is\s+|was\s+|it'?s\s+)?(?:like\s+|um\s+|uh\s+)?"
        rf"(?P<phi>{_SPOKEN_TOK}(?:\s+{_SPOKEN_TOK}){{2,7}})(?![\w'’])",
        0.8,
        validate=_spoken_ok,
    ),
    Rx(
        "labelled_postcode",
        rf"\b{LABEL}\s*(?:is|:|#|-)?\s*(?P<phi>\d{{5}}(?:-\d{{4}})?|\d{{4}}|{UK_ANY}|{CA})(?![\w-])",
        0.9,
    ),
    Rx(
        "uk_postcode",
        rf"(?<![\w-])(?-i:{UK})(?![\w-])",
        0.75,
    ),
    Rx(
        # Irish Eircode: routing key (letter + 2 digits, or D6W) + space + 4 characters
        # of the Eircode alphabet with a letter among them: "D02 X285", "A65 F4E2"
        "ie_eircode",
        rf"(?<![\w-])(?-i:{IE})(?![\w-])",
        0.75,
    ),
    Rx(
        "ca_postal_code",
        rf"(?<![\w-])(?=[a-z]\d){CA}(?![\w-])",
        0.8,
    ),
]


GATES = {
    "us_zip_after_state": re.compile(r"\d{5}"),
    "ie_eircode": re.compile(r"(?:[A-Z]\d\d|D6W) [0-9A-Z]{4}"),
    "us_zip_after_state_name": re.compile(r"\d{5}"),
    "au_postcode_after_state": re.compile(r"\d{4}"),
    "labelled_postcode": ("zip", "post", "p/c", "pcode"),
    "spoken_postcode": ("zip", "post"),
    "uk_postcode_lower": re.compile(r"[a-z]\d[a-z\d]?[ \t]\d[a-z]{2}\b"),
    "us_zip_after_state_lower": re.compile(r",[ \t]*[a-z]{2}\.?,?[ \t]+\d{5}"),
    "au_postcode_after_state_lower": re.compile(r"\b(?:nsw|vic|qld|tas|sa|wa|nt|act),?[ \t]+\d{4}"),
    "uk_postcode": re.compile(r"\d[A-Z]{2}\b"),
    "ca_postal_code": re.compile(r"[A-Za-z]\d[A-Za-z][\s-]?\d", re.IGNORECASE),
}


def get_recognizers():
    return [
        GatedRegexRecognizer(
            "ZIP_CODE",
            PATTERNS,
            gates=GATES,
            name="PostcodeRecognizer",
            context=["zip", "postcode", "postal", "address"],
            prefilter=r"\d{4}|\d[a-z]{2}\b|[a-z]\d[a-z]|zip|post|[a-z]\d\d [0-9a-z]{4}\b|d6w",
        )
    ]
