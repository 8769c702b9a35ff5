"""Unit tests for recognizers/dates.py and recognizers/speech_dates.py (synthetic text)."""

import pytest
from probe import Probe

from deid.recognizers import dates as D
from deid.recognizers import speech_dates as S

RECS = D.get_recognizers() + S.get_recognizers()


_probe = Probe(RECS)
spans, covered, untouched = _probe.spans, _probe.covered, _probe.untouched


@pytest.mark.parametrize("text,value", [
    ("Seen on 03/14/2024 for review.", "03/14/2024"),
    ("Seen on 14/03/2024 for review.", "14/03/2024"),
    ("Letter dated 3-14-24.", "3-14-24"),
    ("Admitted 2024-03-14 via ED.", "2024-03-14"),
    ("Referral received 14.03.2024.", "14.03.2024"),
    ("Next session March 14, 2024 at 10.", "March 14, 2024"),
    ("Next session 14 March 2024 at 10.", "14 March 2024"),
    ("Reviewed Mar 14th with mum.", "Mar 14th"),
    ("Reviewed on the 14th of March.", "14th of March"),
    ("SEEN MARCH 14 BY TEAM", "MARCH 14"),
    ("Started sertraline March 2024.", "March 2024"),
    ("Started sertraline Mar '24.", "Mar '24"),
    ("Appointment Monday 3/4 confirmed.", "3/4"),
    ("Follow-up booked for 7/22.", "7/22"),
    ("Bowels last opened 11/5.", "11/5"),
    ("Cardiac surgery 8/87, stable since.", "8/87"),
    ("Reviewed on the 4th, well.", "4th"),
    ("Low mood since the 21st.", "21st"),
    ("Argument with father on Christmas Eve 2024.", "Christmas Eve 2024"),
    ("Spent Christmas Day alone.", "Christmas Day"),
    ("Relapse after Easter Sunday 2023.", "Easter Sunday 2023"),
    ("Drank heavily on New Year's Eve.", "New Year's Eve"),
    ("Family conflict at Thanksgiving 2022.", "Thanksgiving 2022"),
    ("Stopped lithium in spring 2024.", "spring 2024"),
    ("Moved house in early June.", "June"),
    ("Seen on 3-14 for review.", "3-14"),
    ("Plan review March 3-5.", "March 3-5"),
])
def test_written_dates(text, value):
    assert covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("Session at 3pm today.", "3pm"),
    ("Group at 14:00.", "14:00"),
    ("Medication round at 1400.", "1400"),
    ("Low mood for two weeks.", "two weeks"),
    ("Lorazepam x3 days.", "x3 days"),
    ("Obs q4h overnight.", "q4h"),
    ("Diagnosed in 2019 by GP.", "2019"),
    ("BP 120/80, HR 72.", "120/80"),
    ("Oxycodone 5/325 mg prn.", "5/325"),
    ("Rates pain 2/10 today.", "2/10"),
    ("Pain 3/10 at rest.", "3/10"),
    ("PHQ-9 14/27 today.", "14/27"),
    ("GAD-7 5/21 today.", "5/21"),
    ("Strength 5/5 bilaterally.", "5/5"),
    ("Given 1/2 NS overnight.", "1/2"),
    ("PSV 10/5 with FiO2 30%.", "10/5"),
    ("Living on the 4th floor.", "4th"),
    ("Version 1.2.3 installed.", "1.2.3"),
    ("You may go now.", "may"),
    ("Loves Christmas trees.", "Christmas"),
])
def test_not_dates(text, value):
    assert untouched(text, value)


@pytest.mark.parametrize("text,value", [
    ("we met on march third i think", "march third"),
    ("it was march third twenty twenty four", "march third twenty twenty four"),
    ("that was the third of march", "the third of march"),
    ("she came in on the twenty first", "twenty first"),
    ("my birthday is march three", "march three"),
    ("she was born in march nineteen eighty seven", "march nineteen eighty seven"),
    ("born in march of eighty seven", "march of eighty seven"),
    ("since june fifth two thousand and nine", "june fifth two thousand and nine"),
])
def test_spoken_dates(text, value):
    assert covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("we live on the third floor", "third"),
    ("the third time this happened", "third"),
    ("nineteen eighty seven was a good year", "nineteen eighty seven"),
    ("first of all i want to say", "first"),
    ("we march on regardless", "march"),
])
def test_not_spoken_dates(text, value):
    assert untouched(text, value)


# --- ICU notes: ranges with /10, ventilator settings that look like dates ---
@pytest.mark.parametrize(
    "text,value",
    [
        ("vanco given 6/3 - 6/10, then stopped", "6/10"),
        ("dialysis planned 4/9 or 4/10", "4/10"),
        ("ancef from 2/1 through 2/5", "2/5"),
    ],
)
def test_icu_date_ranges(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text,value",
    [
        ("Pt remains on PSV 12/5/40% overnight", "12/5/40"),
        ("weaned to cpap, now on 5/5 with good volumes", "5/5"),
        ("EXTUBATED FROM 5/5 IPS/CPAP TO 4L NC", "5/5"),
        ("pain 3/10 to 6/10 with movement", "3/10"),
        ("pt on 1st step mattress, turned q2h", "1st"),
        ("hct 27 after 2nd unit prbc", "2nd"),
        ("vascular thinks this may be drug related", "may"),
    ],
)
def test_icu_not_dates(text, value):
    assert untouched(text, value)


# --- holidays as data, ordinal days in context, day-first short dates ---------------

@pytest.mark.parametrize("text,value", [
    ("Symptoms flare every Diwali.", "Diwali"),
    ("Visited family for Chuseok.", "Chuseok"),
    ("first Hogmanay without him", "Hogmanay"),
    ("Quiet since Waitangi Day.", "Waitangi Day"),
    ("Relapsed at Eid ul-Adha 2023.", "Eid ul-Adha 2023"),
    ("argued on canada day", "canada day"),
    ("SEEN AFTER PASSOVER", "PASSOVER"),
    ("Watched the game on Super Bowl Sunday.", "Super Bowl Sunday"),
    ("Took an overdose on the evening of the 20th.", "20th"),
    ("Unsettled since the morning of the 3rd.", "3rd"),
    ("Her tribunal is the 27th.", "27th"),
    ("Calmer than on 17/02, eating.", "17/02"),
    ("Signed off since 25/12.", "25/12"),
    ("Right IJ placed 9/14.", "9/14"),
    ("yeah the twenty third right before christmas", "twenty third"),
    ("last time being december when you went in", "december"),
])
def test_new_date_shapes(text, value):
    assert covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("We had a family day out.", "family day"),
    ("She had an epiphany.", "epiphany"),
    ("Christmas tree up early.", "tree"),
    ("She was the 2nd of 5 children.", "2nd"),
    ("He was the 1st in his family to finish school.", "1st"),
    ("Open 24/7.", "24/7"),
    ("Pt on PSV 15/5, PEEP 5; on 14/5 overnight.", "14/5"),
    ("@ 0400 pt developed 4/10 CP, given ntg.", "4/10"),
    ("WBC up to 18.1 from 16.2.", "18.1"),
    ("the twenty first century", "twenty first"),
    ("the fifteenth floor", "fifteenth"),
])
def test_new_date_negatives(text, value):
    assert untouched(text, value)


def test_holiday_data_file_is_shipped_and_clean():
    from pathlib import Path

    p = Path(D.__file__).parent / "data" / "holidays.tsv"
    lines = [l for l in p.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    assert len(lines) > 500
    for line in lines:
        name, flag = line.split("\t")
        assert flag in ("ci", "cs") and name.strip() == name and not any(c.isdigit() for c in name)
