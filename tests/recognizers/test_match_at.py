"""match_at: the windowed anchored match gives what a plain match at that position gives."""
import random

import pytest
import regex

from deid.recognizers._base import match_at

SERIAL = regex.compile(r"\b(?<![\w/])(?:pump|device)[ \t]*(?P<phi>[a-z0-9]{2,5}-\d{3,6}-[a-z0-9]{2,5})(?![\w/])",
                       regex.I)
LONG = regex.compile(r"label:[ \t]*(?P<phi>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*)(?![\w])")


def _same(pat, text, pos):
    a, b = match_at(pat, text, pos), pat.match(text, pos)
    assert (a and a.span()) == (b and b.span())
    return a


@pytest.mark.parametrize("text,pos,found", [
    ("x " * 3000 + "pump ab-1234-cd and more", 6000, "ab-1234-cd"),        # match far into a long text
    ("pump ab-1234-cd" + " x" * 5000, 0, "ab-1234-cd"),                     # at the start of a long text
    ("pump " + " " * 1800 + "ab-1234-cd" + " y" * 2000, 0, "ab-1234-cd"),  # ends inside the margin: retried
    ("pump ab-1234-cdefgh" + " z" * 3000, 0, None),                         # too long a tail: the lookahead refuses
])
def test_same_result_as_plain_match(text, pos, found):
    m = _same(SERIAL, text, pos)
    assert (m.group("phi") if m else None) == found


def test_a_match_longer_than_the_window_is_whole():
    words = " ".join(["Name"] * 800)  # 4,000 chars of capitalised words
    text = "label: " + words + " and the rest" + " q" * 3000
    m = _same(LONG, text, 0)
    assert m.group("phi") == words


def test_random_positions_agree():
    rnd = random.Random(3)
    vocab = ["pump", "device", "ab-1234-cd", "xy-99-1", "label:", "Anna", "Lee", "s/n", "\n", "-", "12"]
    text = " ".join(rnd.choice(vocab) for _ in range(20000))
    for pos in rnd.sample(range(len(text)), 600):
        _same(SERIAL, text, pos)
        _same(LONG, text, pos)
