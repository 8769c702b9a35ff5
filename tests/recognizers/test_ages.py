"""Unit tests for recognizers/ages.py (synthetic text)."""
import pytest

from deid.recognizers import ages as A

RECS = A.get_recognizers()


def spans(text, min_score=0.4):
    return [(x.start, x.end, x.score) for r in RECS for x in r.analyze(text, []) if x.score >= min_score]


def covered(text, value):
    i = text.index(value)
    sp = spans(text)
    return all(any(s <= k < e for s, e, _ in sp) for k in range(i, i + len(value)) if text[k].isalnum())


def untouched(text, value):
    i = text.index(value)
    return not any(s < i + len(value) and e > i for s, e, _ in spans(text))


@pytest.mark.parametrize("text,value", [
    ("Client is a 34 yo teacher.", "34 yo"),
    ("34yo F presenting with anxiety.", "34yo"),
    ("34 y/o male, self-referred.", "34 y/o"),
    ("A 34-year-old woman attended.", "34-year-old"),
    ("She is a 34 year old nurse.", "34 year old"),
    ("Widow, aged 93, lives alone.", "93"),
    ("Age: 93", "93"),
    ("Pt 93M with delirium.", "93M"),
    ("Pt 93 F with delirium.", "93 F"),
    ("Mother is in her 90s.", "90s"),
    ("Father in his nineties.", "nineties"),
    ("Grandmother is ninety-three years old.", "ninety-three years old"),
    ("Brother, a 12 year old boy, attends.", "12 year old"),
    ("DOB on file (age 34).", "34"),
    ("Age 34, employed.", "34"),
    ("She turned 91 last week.", "91"),
    ("Referral for 34yoM with psychosis.", "34yoM"),
    ("Daughter is 2 yo.", "2 yo"),
    ("Started drinking at the age of twelve.", "twelve"),
    ("Patient is 45 years of age.", "45 years of age"),
    ("Infant, 6-month-old, well.", "6-month-old"),
    ("Sister is in her mid-forties.", "mid-forties"),
    ("Referral: 34/F, low mood.", "34/F"),
])
def test_ages(text, value):
    assert covered(text, value)


def test_explicit_ages_score_high():
    for text in ["A 34-year-old man.", "34 yo F", "aged 93"]:
        assert max(sc for _, _, sc in spans(text)) >= 0.85


@pytest.mark.parametrize("text,value", [
    ("Has smoked for 20 years.", "20 years"),
    ("Married for 34 years.", "34 years"),
    ("Inserted 14F foley catheter.", "14F"),
    ("T 98 F overnight.", "98 F"),
    ("Sats in the 90s on room air.", "90s"),
    ("Turned 180 degrees in bed.", "180"),
    ("Took 3 tablets.", "3"),
])
def test_not_ages(text, value):
    assert untouched(text, value)


# ---- speech, name + age forms (recall push)
@pytest.mark.parametrize("text,value", [
    ("spk b um i'm forty six so like i should have it sorted", "forty six"),
    ("client i'm seventeen so yeah", "seventeen"),
    ("Rosalind reported that Teodor (14) has been refusing school.", "14"),
    ("Étienne (70) has been unwell.", "70"),
    ("Quill, 72, attends the day program.", "72"),
    ("They have three children; the youngest, Mabel, is 9.", "9"),
    ("room 16 82m s/p fall, c/o pain", "82m"),
])
def test_ages_extended(text, value):
    assert covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("i'm five minutes away", "five"),
    ("i'm one of three kids", "one"),
    ("i'm 2 weeks sober", "2"),
    ("the youngest is 30 minutes away", "30"),
    ("Sertraline (50) was increased.", "50"),
    ("gave 20 mg then 10 f/u tomorrow", "10"),
])
def test_ages_extended_negatives(text, value):
    assert untouched(text, value)


def test_person_then_age_forms():
    from deid.recognizers.ages import get_recognizers

    rec = get_recognizers()[0]

    def found(text):
        return [text[r.start:r.end] for r in rec.analyze(text, ["AGE"]) if r.score >= 0.4]

    assert found("Jordan Reyes (93) attended today.") == ["93"]
    assert found("Sertraline (50) was increased.") == []
    assert found("Margit Olsen, 91, seen in clinic.") == ["91"]
    assert found("She is ninety-three.") == ["ninety-three"]
    assert found("Her mother was 94 when she moved in.") == ["94"]
    assert found("The temp is 101.") == []
    assert found("Her score is 14 and stable.") == []
