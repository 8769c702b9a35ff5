"""Synthetic identifiers in realistic formats, with VALID check digits where one exists.

Every function takes a ``random.Random`` and returns a string. The ``*_ok`` functions
are the matching validators (used by the tests and handy for the recognizers' authors).
Nothing here is a real person's identifier: all digits are drawn at random.
"""
from __future__ import annotations

import random
import string

# ----------------------------------------------------------------------------- helpers

def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def luhn_check_digit(payload: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    ds = [c for c in number if c.isdigit()]
    if len(ds) < 2:
        return False
    return luhn_check_digit("".join(ds[:-1])) == ds[-1]


def only_digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())

# ----------------------------------------------------------------------------- US

def npi(rng: random.Random) -> str:
    base = rng.choice("12") + _digits(rng, 8)
    return base + luhn_check_digit("80840" + base)


def npi_ok(s: str) -> bool:
    d = only_digits(s)
    return len(d) == 10 and luhn_ok("80840" + d)


DEA_FIRST = "ABFGMPR"


def dea(rng: random.Random, last_name: str = "") -> str:
    first = rng.choice(DEA_FIRST)
    second = last_name[:1].upper() if last_name[:1].isascii() and last_name[:1].isalpha() else rng.choice(string.ascii_uppercase)
    d = [rng.randrange(10) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(check)


def dea_ok(s: str) -> bool:
    s = s.strip().upper()
    if len(s) != 9 or not s[:2].isalpha() or not s[2:].isdigit():
        return False
    d = [int(c) for c in s[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    group = rng.randint(1, 99)
    serial = rng.randint(1, 9999)
    sep = rng.choice(["-", "-", "-", " ", ""])
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"  # excludes S L O I B Z


def mbi(rng: random.Random) -> str:
    an = MBI_ALPHA + string.digits
    c = [
        rng.choice("123456789"), rng.choice(MBI_ALPHA), rng.choice(an), rng.choice(string.digits),
        rng.choice(MBI_ALPHA), rng.choice(an), rng.choice(string.digits),
        rng.choice(MBI_ALPHA), rng.choice(MBI_ALPHA), rng.choice(string.digits), rng.choice(string.digits),
    ]
    s = "".join(c)
    if rng.random() < 0.4:
        return f"{s[:4]}-{s[4:7]}-{s[7:]}"
    return s


def mbi_ok(s: str) -> bool:
    s = s.replace("-", "").upper()
    if len(s) != 11:
        return False
    an = MBI_ALPHA + string.digits
    pat = ["123456789", MBI_ALPHA, an, string.digits, MBI_ALPHA, an, string.digits, MBI_ALPHA, MBI_ALPHA, string.digits, string.digits]
    return all(ch in p for ch, p in zip(s, pat))


_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_TR = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
           "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def _vin_check(v: str) -> str:
    total = sum(_VIN_TR[ch] * w for ch, w in zip(v, _VIN_W))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random) -> str:
    wmi = rng.choice(["1HG", "1FA", "2T1", "3VW", "JHM", "WBA", "5YJ", "1G1", "KMH", "JN1", "6T1", "WVW"])
    v = list(wmi + "".join(rng.choice(_VIN_CHARS) for _ in range(5)) + "0"
             + rng.choice("ABCDEFGHJKLMNPRSTVWXY123456789") + rng.choice(_VIN_CHARS) + _digits(rng, 6))
    v[8] = _vin_check("".join(v))
    return "".join(v)


def vin_ok(s: str) -> bool:
    s = s.upper()
    if len(s) != 17 or any(ch not in _VIN_TR for ch in s):
        return False
    return _vin_check(s) == s[8]

# ----------------------------------------------------------------------------- Australia

_MEDICARE_W = [1, 3, 7, 9, 1, 3, 7, 9]


def au_medicare(rng: random.Random) -> str:
    base = rng.choice("23456") + _digits(rng, 7)
    check = sum(int(c) * w for c, w in zip(base, _MEDICARE_W)) % 10
    issue = rng.choice("123456789")
    num = base + str(check) + issue
    style = rng.random()
    if style < 0.45:
        out = f"{num[:4]} {num[4:9]} {num[9]}"
    elif style < 0.75:
        out = num
    else:
        out = f"{num[:4]}-{num[4:9]}-{num[9]}"
    if rng.random() < 0.3:
        out += rng.choice(["/", " / ", "-"]) + rng.choice("12345")
    return out


def au_medicare_ok(s: str) -> bool:
    d = only_digits(s)
    if len(d) not in (10, 11) or d[0] not in "23456":
        return False
    return sum(int(c) * w for c, w in zip(d[:8], _MEDICARE_W)) % 10 == int(d[8])


def ihi(rng: random.Random) -> str:
    base = "800360" + _digits(rng, 9)
    num = base + luhn_check_digit(base)
    if rng.random() < 0.6:
        return " ".join(num[i:i + 4] for i in range(0, 16, 4))
    return num


def ihi_ok(s: str) -> bool:
    d = only_digits(s)
    return len(d) == 16 and d.startswith("800360") and luhn_ok(d)


AHPRA_PREFIX = ["MED", "PSY", "NMW", "OCC", "PHA", "SOC", "PHY", "CMR"]


def ahpra(rng: random.Random) -> str:
    return rng.choice(AHPRA_PREFIX) + "000" + _digits(rng, 7)


def au_provider_number(rng: random.Random) -> str:
    # Medicare provider number: 6 digits, location char, check char (format only)
    return _digits(rng, 6) + rng.choice("0123456789ABCDEFGHJK") + rng.choice("ABFHJKLTWXY")

# ----------------------------------------------------------------------------- UK

def nhs(rng: random.Random) -> str:
    while True:
        base = rng.choice("4689") + _digits(rng, 8)
        total = sum(int(c) * w for c, w in zip(base, range(10, 1, -1)))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        num = base + str(check)
        r = rng.random()
        if r < 0.6:
            return f"{num[:3]} {num[3:6]} {num[6:]}"
        if r < 0.8:
            return f"{num[:3]}-{num[3:6]}-{num[6:]}"
        return num


def nhs_ok(s: str) -> bool:
    d = only_digits(s)
    if len(d) != 10:
        return False
    total = sum(int(c) * w for c, w in zip(d[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(d[9])

# ----------------------------------------------------------------------------- Canada

def ca_health(rng: random.Random) -> tuple[str, str]:
    """Returns (number, province) ; Ontario (Luhn), BC PHN (mod 11) or Quebec RAMQ format."""
    r = rng.random()
    if r < 0.55:
        base = rng.choice("123456789") + _digits(rng, 8)
        num = base + luhn_check_digit(base)
        s = rng.choice([f"{num[:4]}-{num[4:7]}-{num[7:]}", f"{num[:4]} {num[4:7]} {num[7:]}", num])
        if rng.random() < 0.5:
            s += rng.choice(["", " ", "-"]) + "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(2))
        return s, "ON"
    if r < 0.8:
        w = [2, 4, 8, 5, 10, 9, 7, 3]
        while True:
            body = _digits(rng, 8)
            chk = 11 - sum(int(c) * x for c, x in zip(body, w)) % 11
            if chk < 10:
                break
        num = "9" + body + str(chk)
        return rng.choice([f"{num[:4]} {num[4:7]} {num[7:]}", num]), "BC"
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(4))
    num = letters + _digits(rng, 8)
    return rng.choice([f"{num[:4]} {num[4:8]} {num[8:]}", num]), "QC"


def ontario_ok(s: str) -> bool:
    d = only_digits(s)
    return len(d) == 10 and luhn_ok(d)


def bc_phn_ok(s: str) -> bool:
    d = only_digits(s)
    if len(d) != 10 or d[0] != "9":
        return False
    w = [2, 4, 8, 5, 10, 9, 7, 3]
    chk = 11 - sum(int(c) * x for c, x in zip(d[1:9], w)) % 11
    return chk == int(d[9])

# ----------------------------------------------------------------------------- generic

def mrn(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return _digits(rng, rng.choice([7, 8, 9]))
    if r < 0.55:
        return f"{_digits(rng, 3)}-{_digits(rng, 4)}-{_digits(rng, 2)}"
    if r < 0.7:
        return rng.choice(string.ascii_uppercase) + _digits(rng, 7)
    if r < 0.85:
        return "00" + _digits(rng, 6)
    return f"{_digits(rng, 2)}-{_digits(rng, 6)}"


def health_plan(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return "".join(rng.choice(string.ascii_uppercase) for _ in range(3)) + _digits(rng, 9)
    if r < 0.6:
        return _digits(rng, 8) + rng.choice(string.ascii_uppercase)
    if r < 0.8:
        return f"{rng.choice(['W', 'H', 'X', 'M'])}{_digits(rng, 8)}-{_digits(rng, 2)}"
    return _digits(rng, 11)


def account(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return f"{_digits(rng, 2)}-{_digits(rng, 4)}-{_digits(rng, 4)}"
    if r < 0.5:
        return f"CLM-{rng.randint(2018, 2026)}-{_digits(rng, 7)}"
    if r < 0.65:
        return f"INV-{_digits(rng, 5)}"
    if r < 0.8:
        return _digits(rng, rng.choice([8, 10, 12]))
    return f"{_digits(rng, 4)} {_digits(rng, 4)} {_digits(rng, 4)}"


def license_no(rng: random.Random, region: str) -> str:
    r = rng.random()
    if region == "US":
        if r < 0.4:
            return rng.choice(string.ascii_uppercase) + _digits(rng, 7)
        if r < 0.7:
            return _digits(rng, rng.choice([5, 6]))
        return f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}"
    if region == "AU":
        return _digits(rng, rng.choice([8, 9])) if r < 0.6 else f"{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 3)}"
    if region == "UK":
        last = "".join(rng.choice(string.ascii_uppercase) for _ in range(5))
        return f"{last}{_digits(rng, 6)}{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{rng.randrange(10)}{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}"
    return f"{rng.choice(string.ascii_uppercase)}{_digits(rng, 4)}-{_digits(rng, 5)}-{_digits(rng, 5)}"


def plate(rng: random.Random, region: str) -> str:
    L = lambda n: "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))  # noqa: E731
    if region == "UK":
        return f"{L(2)}{_digits(rng, 2)} {L(3)}"
    if region == "AU":
        return rng.choice([f"{L(3)}-{_digits(rng, 3)}", f"{_digits(rng, 1)}{L(2)}{_digits(rng, 1)}{L(2)}", f"{L(3)} {_digits(rng, 2)}{L(1)}"])
    if region == "CA":
        return f"{L(4)} {_digits(rng, 3)}"
    return rng.choice([f"{_digits(rng, 1)}{L(3)}{_digits(rng, 3)}", f"{L(3)}-{_digits(rng, 4)}", f"{L(3)} {_digits(rng, 3)}"])


def device_serial(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return f"{''.join(rng.choice(string.ascii_uppercase) for _ in range(3))}-{_digits(rng, 4)}-{rng.choice(string.ascii_uppercase)}{_digits(rng, 2)}"
    if r < 0.55:
        return "SN" + _digits(rng, 8)
    if r < 0.75:  # IMEI (Luhn)
        base = _digits(rng, 14)
        s = base + luhn_check_digit(base)
        return f"{s[:2]}-{s[2:8]}-{s[8:14]}-{s[14]}"
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(12))


def other_id(rng: random.Random) -> tuple[str, str]:
    """(kind phrase, value)."""
    kinds = [
        ("employee ID", lambda: "E" + _digits(rng, 5)),
        ("student ID", lambda: _digits(rng, 8)),
        ("passport no.", lambda: _digits(rng, 9)),
        ("court case #", lambda: f"{rng.randint(2018, 2026)}-{rng.choice(['FC', 'CR', 'DR', 'JV'])}-{_digits(rng, 5)}"),
        ("CPS case number", lambda: f"{_digits(rng, 2)}-{_digits(rng, 4)}-{_digits(rng, 2)}"),
        ("probation ID", lambda: "P" + _digits(rng, 6)),
        ("Centrelink CRN", lambda: _digits(rng, 9) + rng.choice(string.ascii_uppercase)),
        ("NDIS number", lambda: "43" + _digits(rng, 7)),
        ("referral ref", lambda: f"REF{_digits(rng, 6)}"),
        ("library card", lambda: _digits(rng, 14)),
    ]
    k, f = rng.choice(kinds)
    return k, f()


def ipv4(rng: random.Random) -> str:
    first = rng.choice([rng.randint(11, 126), rng.randint(128, 191), rng.randint(193, 223), 10, 172, 192])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    groups = [f"{rng.randint(0, 0xffff):x}" for _ in range(8)]
    if rng.random() < 0.5:
        return "2001:db8:" + ":".join(groups[2:4]) + "::" + groups[7]
    return ":".join(groups)
