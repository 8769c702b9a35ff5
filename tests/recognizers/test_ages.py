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


# ---- a person, then the age: brackets, commas, copula; the age after a date of birth
@pytest.mark.parametrize("text,value", [
    ("Dana (41) and Lee (39) were seen together.", "41"),
    ("Dana (41) and Lee (39) were seen together.", "39"),
    ("Group: Marcus (58): engaged, settled.", "58"),
    ('Gregory ("Greg", 64): back at work.', "64"),
    ("Her sister Naomi (23, studying law) lives close by.", "23"),
    ("Hannah came with Owen (7 weeks).", "7 weeks"),
    ("Their children (9 and 12) visit weekly.", "9 and 12"),
    ("Her son (7) has asthma.", "7"),
    ("Ella, 7, attends the local school.", "7"),
    ("He lives with his son Theo, 4, and his partner.", "4"),
    ("His stepdaughter Yesenia-Luz, 15, lives with them.", "15"),
    ("She brought Noah, 5 months, to group.", "5 months"),
    ("Her nephew Caleb, now 3, is settling in.", "3"),
    ("Case 3: R.T., 33, referred by GP.", "33"),
    ('Client: Rosa Diaz ("Ro"), 29   MRN: on file', "29"),
    ("Client: Ms Adeyemi-Clarke (52) attended.", "52"),
    ("tyler is nine and likes football", "nine"),
    ("and you're thirty seven speaker_b: yeah", "thirty seven"),
    ("She's ten, and she misses her dad.", "ten"),
    ("I was sixteen when I left home.", "sixteen"),
    ("he's ninety one and still gardening", "ninety one"),
    ("Her brother Isaac is 14.", "14"),
    ("their mother, who is 91, lives alone", "91"),
    ("the twins are 4.", "4"),
    ("um shes four now so naps are hard", "four"),
    ("Kai is now 3.", "3"),
    ("DOB: 03/02/1979 (46)", "46"),
    ("Referral: F/45, low mood.", "45"),
    ("Age/Sex: 62/M", "62"),
    ("Kids aged 3, 5 and 8.", "3, 5 and 8"),
    ("The twins are 8 and 11 years old.", "8 and 11 years old"),
    ("a 6/12 old infant", "6/12 old"),
    ("her 40th birthday", "40th"),
    ("a mid-30s woman", "mid-30s"),
    ("I'll be 50 next month.", "50"),
    ("Jo Smith (F, 45) attended.", "45"),
    ("Tane Whaanga (34) attended.", "34"),
    ("rosa said that anaiah (15) has been skipping school", "15"),
    ("Amira Osei (F, 45) was seen.", "45"),
    ("Date of birth: 14 March 1961 (age 64)", "64"),
])
def test_person_then_age(text, value):
    assert covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("it's ten o'clock", "ten"),
    ("we met at ten", "ten"),
    ("she was ten minutes late", "ten"),
    ("PHQ-9 is 16 today.", "16"),
    ("Her score is 14.", "14"),
    ("pain is 3/10", "3"),
    ("she's one of four kids", "one"),
    ("there were five.", "five"),
    ("I was one, too.", "one"),
    ("HR is 110.", "110"),
    ("K was 3.9 this am.", "3"),
    ("Tmax was 101.", "101"),
    ("Braden is 14.", "14"),
    ("Morse (45) high risk.", "45"),
    ("Sertraline (50) increased.", "50"),
    ("Social history: siblings (3).", "3"),
    ("He was 2 days post-op.", "2"),
    ("She is 100% on RA.", "100"),
    ("he's 5 mg in", "5"),
    ("Session 5, 11:00.", "5"),
    ("will is nine", "nine"),
    ("Level, 3, 4 and 5.", "3"),
    ("Pt was 5 and 6 on the scale.", "5"),
    ("Dr Lee (3) signed the chart.", "3"),
    ("Amy, 25, 26 and 27 were her days off.", "25"),
    ("Lexapro (10) has been helpful.", "10"),
    ("Lexapro (10) has been helping.", "10"),
    ("Dobutamine up, PA 51/20(31) after.", "31"),
    ("SBP mid 90s overnight.", "90s"),
    ("F/U in 2 weeks.", "2"),
    ("Pt will be 1:1 overnight.", "1"),
])
def test_person_then_age_negatives(text, value):
    assert untouched(text, value)


def test_person_check():
    from deid.recognizers.ages import _person_before

    def ok(before, shape="paren", age="41"):
        return _person_before(before, len(before), shape, age)

    assert ok("Dana")
    assert ok("her son")
    assert ok("she", "copula") and not ok("she", "paren")
    assert ok("children", "paren", "8 and 11") and not ok("children", "paren", "2")
    assert not ok("Sertraline") and not ok("Tmax") and not ok("HR", "copula")
