"""YearRecognizer: years in clinical history (recognizers/years.py)."""
import pytest

from deid.recognizers.years import YearRecognizer

R = YearRecognizer()


def found(text):
    return {text[r.start:r.end] for r in R.analyze(text, ["DATE_TIME"])}


@pytest.mark.parametrize(
    "text,value",
    [
        ("PMH: HTN, s/p MI 1987; CKD", "1987"),
        ("pmh cva '03, dm2", "03"),
        ("CABG x3 '99, redo '05", "99"),
        ("CABG x3 '99, redo '05", "05"),
        ("APPENDECTOMY 71'. HTN.", "71"),
        ("hx: stroke 88, afib", "88"),
        ("PMHx TIA in 97 and 01 without deficits", "01"),
        ("Dx 2009 with breast cancer", "2009"),
        ("hx of possible MI in 1970s", "1970s"),
        ("She moved here in 1983 after her divorce.", "1983"),
        ("night of 3->4 oct, 98", "98"),
        ("bladder ca 2002, s/p resection", "2002"),
    ],
)
def test_positive(text, value):
    assert value in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "NS 2000 cc given over shift",
        "at 2000 pt was turned and repositioned",
        "I/O 1980/2100 for shift",
        "night shift 1900-0700",
        "from 1900 to 0700 pt slept",
        "since 2000 pt has been resting",
        "HR 92, 88, 90 overnight",
        "MI 92% on 2L",
        "pacer at 50, BP stable",
        "sats in the mid 90's, RR in 20's",
        "ambulated 50' with walker",
        "Ca 10.2, Mg 2.0",
        "s/p cath 90, 80",
        "UO 1975 cc",
    ],
)
def test_negative(text):
    assert found(text) == set()


# --- years tied to a life, year ranges, prose cues; clock times stay -----------------

@pytest.mark.parametrize(
    "text,value",
    [
        ("Posted to Cyprus 2001-2003 with the army.", "2001"),
        ("Posted to Cyprus 2001-2003 with the army.", "2003"),
        ("at university 1996–99, then London", "1996"),
        ("Divorced 2013 and moved north.", "2013"),
        ("They separated in 2018, when the twins were small.", "2018"),
        ("Clean since 2012, attends meetings.", "2012"),
        ("Worked as a welder from 2004 until the plant shut.", "2004"),
        ("grief since the 2020 lockdown", "2020"),
        ("wedding photo (2005) on the shelf", "2005"),
        ("h/o R CEA 1998, HTN", "1998"),
        ("pmh: lymphoma 2002 s/p chemo", "2002"),
    ],
)
def test_life_and_prose_years(text, value):
    assert value in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pt slept from 1900 to 2300 without distress.",
        "HR 80s. shift 1900-2000 quiet, 2000-2030 agitated.",
        "Pt calm. gtt started 2000 per protocol.",
        "Pt restless until 2000, then slept. BP 110/60",
        "@2130 pt medicated; labs 0000-0800.",
        "Paid $2000 for the car.",
        "Aim 1500 steps a day and 2000 calories.",
        "Recheck until 2000 tonight.",
    ],
)
def test_clock_times_and_quantities_stay(text):
    assert found(text) == set()
