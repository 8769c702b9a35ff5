"""Numbers, dates and identifiers as a speech-to-text engine writes them (lowercase words)."""
from __future__ import annotations

import random

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
       "twelve": "twelfth"}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def number(n: int, hyphen: bool = False) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + (("-" if hyphen else " ") + ONES[o] if o else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + (" " + ("and " if hyphen else "") + number(r, hyphen) if r else "")
    th, r = divmod(n, 1000)
    return number(th) + " thousand" + (" " + number(r, hyphen) if r else "")


def ordinal(n: int) -> str:
    words = number(n).split(" ")
    last = words[-1]
    if last in ORD:
        last = ORD[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return " ".join(words[:-1] + [last])


def year(y: int, rng: random.Random) -> str:
    if 2000 <= y < 2010 or (y >= 2010 and rng.random() < 0.15):
        return "two thousand " + ("and " if rng.random() < 0.3 else "") + number(y - 2000) if y != 2000 else "two thousand"
    hi, lo = divmod(y, 100)
    if lo == 0:
        return number(hi) + " hundred"
    return number(hi) + " " + (("oh " + ONES[lo]) if lo < 10 else number(lo))


def digits(s: str, rng: random.Random) -> str:
    """Spell every digit; letters become lowercase letters; other characters dropped."""
    out = []
    zero = "oh" if rng.random() < 0.4 else "zero"
    for ch in s:
        if ch.isdigit():
            out.append(zero if ch == "0" else ONES[int(ch)])
        elif ch.isalpha():
            out.append(ch.lower())
    # occasionally the recogniser groups pairs ("fifty five")
    if rng.random() < 0.2 and len(out) >= 4:
        return " ".join(out)
    return " ".join(out)


def date(d, rng: random.Random, with_year: bool = True) -> str:
    m = MONTHS[d.month - 1]
    day = ordinal(d.day) if rng.random() < 0.8 else number(d.day)
    r = rng.random()
    if r < 0.6:
        s = f"{m} {day}"
    elif r < 0.85:
        s = f"the {ordinal(d.day)} of {m}"
    else:
        s = f"{m} the {ordinal(d.day)}"
    if with_year:
        s += " " + year(d.year, rng)
    return s


def email(addr: str) -> str:
    out = []
    for ch in addr.lower():
        if ch == ".":
            out.append(" dot ")
        elif ch == "@":
            out.append(" at ")
        elif ch == "_":
            out.append(" underscore ")
        elif ch == "-":
            out.append(" dash ")
        elif ch.isdigit():
            out.append(" " + ONES[int(ch)] + " ")
        else:
            out.append(ch)
    return " ".join("".join(out).split())
