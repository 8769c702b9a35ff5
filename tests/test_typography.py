"""Typographic characters are folded for detection only: offsets and values are the original's."""
from deid.engine import fold_typography


def test_fold_is_same_length_and_plain():
    t = "Dr\u00a0Rees\u2019 note: 34\u2011year\u2011old, 6\u2013year\u2013old \u2013 fine \u2014 0412\u202f345\u202f678"
    f = fold_typography(t)
    assert len(f) == len(t)
    # quotes and dashes stay: they are punctuation between words
    assert f == "Dr Rees\u2019 note: 34-year-old, 6\u2013year\u2013old \u2013 fine \u2014 0412 345 678"


def test_plain_text_is_returned_as_is():
    t = "nothing to fold here \u00e9"
    assert fold_typography(t) is t


def test_findings_carry_the_original_characters(engine):
    t = "Call Mereana on 0413\u00a0228\u00a0907 about the 27\u2011year\u2011old."
    found = {f.value for f in engine.detect(t)}
    assert "0413\u00a0228\u00a0907" in found
    assert any("27\u2011year\u2011old" in v for v in found)
    out = engine.scrub(t).text
    assert "0413" not in out and "\u00a0228" not in out
    assert out.endswith(".")
