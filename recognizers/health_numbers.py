"""Health-system numbers: national health numbers, health-plan numbers, provider numbers.

Recognizers (entity types from ``deid/entities.py``):

* ``UsHealthPlanRecognizer`` -> HEALTH_PLAN_NUMBER: US Medicare Beneficiary
  Identifier (MBI, 11 characters with fixed letter/digit positions, with or without
  dashes), Medicaid numbers and health plan / member / group / policy / subscriber
  numbers in context ("Member ID: XJH123456789", "policy no. 88812345").
* ``ProviderNumberRecognizer`` -> PROVIDER_NUMBER: NPI (10 digits, Luhn over
  "80840" + digits; confident with the checksum, otherwise only in context), DEA
  (2 letters + 7 digits, DEA checksum), AHPRA registration (3 letters + 10 digits,
  e.g. ``PSY0001234567``) and Australian Medicare provider numbers (6 digits +
  location character + check letter, "provider no. 2345678A") in context.
* ``AuMedicareRecognizer`` -> AU_MEDICARE: 10 digits (first 2-6, weighted check
  digit in position 9) with an optional IRN ("2123 45670 1", "2123456701/1").
* ``AuIhiRecognizer`` -> AU_IHI: 16 digits starting 800360, Luhn.
* ``UkNhsRecognizer`` -> UK_NHS: 10 digits, modulus-11 check, often 3-3-4 spaced.
* ``CaHealthRecognizer`` -> CA_HEALTH_NUMBER: Ontario (10 digits, Luhn, optional
  2-letter version code), BC PHN (10 digits starting 9, mod-11), Quebec RAMQ
  (4 letters + 8 digits, birth-date shaped), and any 9-10 digit number after a
  provincial health-card word (OHIP, PHN, RAMQ, AHCIP, ULI, MSP, "health card").

Bare numbers fire only with a valid checksum (score 1.0) or a format specific
enough to be unambiguous; everything else needs its label in front of it (built
into the pattern; only the ``phi`` group is reported).
"""
from __future__ import annotations

import regex

from ._base import RegexRecognizer, Rx, luhn_ok
from .identifiers import ID_VALUE, labelled, make

# ----------------------------------------------------------------------------- checksums


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def npi_ok(s: str) -> bool:
    d = _digits(s)
    return len(d) == 10 and d[0] in "12" and luhn_ok("80840" + d)


def npi_ctx(s: str):
    """In context: a valid NPI is certain, any other 10 digits still kept."""
    return True if npi_ok(s) else None


def dea_ok(s: str) -> bool:
    s = s.upper()
    d = [int(c) for c in s[2:]]
    if len(d) != 7:
        return False
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def dea_ctx(s: str):
    return True if dea_ok(s) else None


_PLV = "0123456789ABCDEFGHJKLMNPQRTUVWXY"
_PCHK = "YXWTLKJHFBA"


def au_provider_ok(s: str) -> bool:
    s = s.upper().replace(" ", "")
    if len(s) != 8 or not s[:6].isdigit() or s[6] not in _PLV:
        return False
    w = [3, 5, 8, 4, 2, 1]
    total = sum(int(c) * x for c, x in zip(s[:6], w)) + _PLV.index(s[6]) * 6
    return _PCHK[total % 11] == s[7]


def au_provider_ctx(s: str):
    return True if au_provider_ok(s) else None


_MEDICARE_W = [1, 3, 7, 9, 1, 3, 7, 9]


def au_medicare_ok(s: str) -> bool:
    d = _digits(s)
    if len(d) not in (9, 10, 11) or d[0] not in "23456":
        return False
    return sum(int(c) * w for c, w in zip(d[:8], _MEDICARE_W)) % 10 == int(d[8])


def au_medicare_ctx(s: str):
    return True if au_medicare_ok(s) else None


def ihi_ok(s: str) -> bool:
    d = _digits(s)
    return len(d) == 16 and d.startswith("800360") and luhn_ok(d)


def nhs_ok(s: str) -> bool:
    d = _digits(s)
    if len(d) != 10 or len(set(d)) == 1:
        return False
    total = sum(int(c) * w for c, w in zip(d[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(d[9])


def nhs_ctx(s: str):
    return True if nhs_ok(s) else None


def ontario_ok(s: str) -> bool:
    d = _digits(s)
    return len(d) == 10 and d[0] != "0" and luhn_ok(d)


def bc_phn_ok(s: str) -> bool:
    d = _digits(s)
    if len(d) != 10 or d[0] != "9":
        return False
    w = [2, 4, 8, 5, 10, 9, 7, 3]
    chk = 11 - sum(int(c) * x for c, x in zip(d[1:9], w)) % 11
    return chk < 10 and chk == int(d[9])


def ca_health_ctx(s: str):
    return True if (ontario_ok(s) or bc_phn_ok(s)) else None


def ramq_ok(s: str):
    """Quebec RAMQ: 4 letters + YYMMDD (month +50 for women) + 2 digits."""
    s = s.replace(" ", "").replace("-", "").upper()
    if len(s) != 12:
        return False
    mm = int(s[6:8])
    dd = int(s[8:10])
    if mm > 50:
        mm -= 50
    if not (1 <= mm <= 12 and 1 <= dd <= 31):
        return False
    return None  # plausible; no public check digit


def mbi_ok(s: str):
    return None if len(s.replace("-", "")) == 11 else False


# ----------------------------------------------------------------------------- patterns

_MBI_A = "[AC-HJKMNP-RT-Y]"  # letters minus S L O I B Z
_MBI_AN = "[AC-HJKMNP-RT-Y0-9]"
MBI = (
    rf"(?<![\w-])[1-9]{_MBI_A}{_MBI_AN}\d-?{_MBI_A}{_MBI_AN}\d-?{_MBI_A}{_MBI_A}\d\d(?![\w-])"
)

_PLAN_LABELS = (
    r"health\s*plan|health\s*insurance|insurance|insurer|policy(?:\s*holder)?|member(?:ship)?"
    r"|subscriber|beneficiary|medicare|medicaid|medi-cal|masshealth|chip|tricare|HICN|MBI"
    r"|plan|coverage|payer|payor|BCBS|blue\s*cross|aetna|cigna|humana|united\s*health(?:care)?"
    r"|kaiser|anthem|molina|centene|private\s*health|health\s*fund|bupa|medibank|HCF|NIB|DVA"
    r"|veterans?\s*(?:affairs)?\s*(?:card|file)"
)

_GROUP_LABELS = r"group|grp|rx\s*bin|rx\s*pcn|rx\s*grp|bin|pcn"

_PROVIDER_LABELS = (
    r"provider|prescriber|practitioner|pract|prescriber|medicare\s*provider|registration"
    r"|reg|AHPRA|HPI-?I|HPII|NPI|DEA|CAQH|taxonomy|UPIN|PTAN|Medicaid\s*provider"
)

_MEDICARE_CTX = r"medicare(?:\s*card)?|mc\s*card|medicare\s*(?:no|number|#)"

_CA_LABELS = (
    r"OHIP|PHN|RAMQ|AHCIP|ULI|MSP|MCP|HSN|HCN|health\s*card|health\s*number|health\s*insurance\s*number"
    r"|personal\s*health\s*number|carte\s*d'?assurance\s*maladie|NAM|provincial\s*health"
    r"|Ontario\s*health|Alberta\s*health|Manitoba\s*health|Sask(?:atchewan)?\s*health|Nova\s*Scotia\s*health"
)

_NHS_LABELS = r"NHS|CHI|H&C|HSC|health\s*and\s*care|NHS\s*no"

_IHI_LABELS = r"IHI|individual\s*health(?:care)?\s*identifier|healthcare\s*identifier"


def _plan() -> RegexRecognizer:
    return make(
        "HEALTH_PLAN_NUMBER",
        [
            Rx("mbi", MBI, 0.65, validate=mbi_ok),
            Rx("plan_labelled", labelled(_PLAN_LABELS, ID_VALUE, strong=False), 0.7),
            Rx("plan_id_strong", labelled(r"member\s*id|subscriber\s*id|policy\s*(?:no|number|#)|MBI|HICN"
                                          r"|medicaid\s*(?:id|no|number|#)|medicare\s*(?:id|beneficiary)",
                                          ID_VALUE, strong=True), 0.75),
            Rx("group_labelled", labelled(_GROUP_LABELS, ID_VALUE, strong=False, min_digits=2), 0.6),
        ],
        name="HealthPlanRecognizer",
        context=["member", "policy", "plan", "insurance", "medicaid", "medicare", "subscriber", "group"],
        prefilter=r"\d",
    )


def _provider() -> RegexRecognizer:
    return make(
        "PROVIDER_NUMBER",
        [
            # NPI: a valid checksum alone is enough; in context any 10 digits
            Rx("npi_bare", r"\b(?<![\w-])[12]\d{9}(?![\w-])", 0.6,
               validate=lambda s: None if npi_ok(s) else False),
            Rx("npi_labelled", labelled(r"NPI|national\s*provider(?:\s*identifier)?",
                                        r"\d{10}|\d{3,4}[ -]\d{3}[ -]\d{3,4}", strong=True),
               0.8, validate=npi_ctx),
            # DEA: first letter registrant type, second letter, 7 digits with checksum
            Rx("dea_bare", r"\b(?<![\w-])[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}(?![\w-])", 0.0,
               validate=lambda s: True if dea_ok(s) else False),
            Rx("dea_labelled", labelled(r"DEA", r"[A-Z]{2}\d{7}", strong=True), 0.8, validate=dea_ctx),
            # AHPRA: 3-letter profession code + 10 digits
            Rx("ahpra", r"\b(?<![\w-])(?:MED|NMW|PSY|PHA|DEN|PHY|OCC|OPT|POD|CHI|OST|MRP|ATS|CMR|PAR|SOC)"
                        r"\d{10}(?![\w-])", 0.85),
            Rx("ahpra_labelled", labelled(r"AHPRA|registration|reg", r"[A-Z]{3}\d{10}", strong=False), 0.85),
            # AU Medicare provider number: 6 digits + location char + check letter
            Rx("au_provider_bare", r"\b(?<![\w-])\d{6}[0-9A-HJ-NP-RT-Y][ABFHJKLTWXY](?![\w-])", 0.0,
               validate=lambda s: True if au_provider_ok(s) else False),
            Rx("au_provider_labelled", labelled(r"provider|medicare\s*provider|prov",
                                                r"\d{6}\s?[0-9A-Z][A-Z]", strong=False),
               0.75, validate=au_provider_ctx),
            # other labelled practitioner numbers (HPI-I, UPIN, PTAN, CAQH, generic)
            Rx("provider_labelled", labelled(_PROVIDER_LABELS, ID_VALUE, strong=False), 0.6),
            Rx("hpii", r"\b(?<![\w-])800361\d{10}(?![\w-])", 0.0,
               validate=lambda s: True if luhn_ok(s) else False),
        ],
        name="ProviderNumberRecognizer",
        context=["npi", "dea", "ahpra", "provider", "prescriber", "registration"],
        prefilter=r"\d{6}",
    )


def _au_medicare() -> RegexRecognizer:
    num = r"[2-6]\d{3}[ -]?\d{5}[ -]?\d(?:\s?[/-]\s?[1-9](?!\d))?"
    return make(
        "AU_MEDICARE",
        [
            Rx("medicare_bare", rf"\b(?<![\w-]){num}(?![\w-])", 0.65,
               validate=lambda s: None if au_medicare_ok(s) else False),
            Rx("medicare_labelled", labelled(_MEDICARE_CTX, r"\d{4}[ -]?\d{5}[ -]?\d(?:\s?[/-]\s?\d(?!\d))?|\d{9,11}",
                                             strong=True), 0.75, validate=au_medicare_ctx),
        ],
        name="AuMedicareRecognizer",
        context=["medicare", "card", "irn"],
        prefilter=r"\d{4}",
    )


def _au_ihi() -> RegexRecognizer:
    num = r"800360[ -]?\d{4}[ -]?\d{4}[ -]?\d{2}|8003[ -]?60\d{2}[ -]?\d{4}[ -]?\d{4}"
    return make(
        "AU_IHI",
        [
            Rx("ihi", rf"\b(?<![\w-])(?:{num})(?![\w-])", 0.6,
               validate=lambda s: True if ihi_ok(s) else None),
            Rx("ihi_labelled", labelled(_IHI_LABELS, r"\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}", strong=True), 0.8),
        ],
        name="AuIhiRecognizer",
        context=["ihi", "healthcare identifier"],
        prefilter=r"8003|IHI|identifier",
    )


def _uk_nhs() -> RegexRecognizer:
    num = r"\d{3}[ -]?\d{3}[ -]?\d{4}"
    return make(
        "UK_NHS",
        [
            Rx("nhs_bare", rf"\b(?<![\w-]){num}(?![\w-])", 0.6,
               validate=lambda s: None if nhs_ok(s) else False),
            Rx("nhs_labelled", labelled(_NHS_LABELS, rf"{num}", strong=True), 0.75, validate=nhs_ctx),
        ],
        name="UkNhsRecognizer",
        context=["nhs", "chi"],
        prefilter=r"\d{3}",
    )


def _ca_health() -> RegexRecognizer:
    ten = r"\d{4}[ -]?\d{3}[ -]?\d{3}"
    version = r"(?:[ -]?[A-Z]{2}(?![\w]))?"
    return make(
        "CA_HEALTH_NUMBER",
        [
            # Ontario with version code: the version code makes it specific
            Rx("ohip_version", rf"\b(?<![\w-]){ten}[ -]?[A-Z]{{2}}(?![\w-])", 0.5,
               validate=lambda s: True if ontario_ok(s) else None, flags=regex.MULTILINE),
            Rx("bc_phn_bare", r"\b(?<![\w-])9\d{3}[ -]?\d{3}[ -]?\d{3}(?![\w-])", 0.6,
               validate=lambda s: None if bc_phn_ok(s) else False),
            Rx("ramq", r"\b(?<![\w-])[A-Z]{4}[ -]?\d{4}[ -]?\d{4}(?![\w-])", 0.6, validate=ramq_ok,
               flags=regex.MULTILINE),
            Rx("ca_labelled", labelled(_CA_LABELS, rf"{ten}{version}|\d{{3}}[ -]?\d{{3}}[ -]?\d{{3}}"
                                                   r"|\d{4}[ -]?\d{5}|[A-Z]{4}[ -]?\d{4}[ -]?\d{4}|\d{9,12}",
                                       strong=True),
               0.75, validate=ca_health_ctx),
        ],
        name="CaHealthRecognizer",
        context=["ohip", "health card", "phn", "ramq", "ahcip", "uli", "msp"],
        prefilter=r"\d{3}",
    )


def get_recognizers():
    return [_plan(), _provider(), _au_medicare(), _au_ihi(), _uk_nhs(), _ca_health()]
