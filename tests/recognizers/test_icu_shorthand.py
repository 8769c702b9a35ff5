"""Unit tests for recognizers/icu_shorthand.py and the ICU date additions in dates.py.

Every name, place and sentence here is made up for these tests.
"""

import pytest

from deid.recognizers import dates as D
from deid.recognizers import icu_shorthand as I

NAMES, PLACES = I.get_recognizers()
DATES = D.get_recognizers()[0]


def found(rec, text):
    return {text[r.start:r.end] for r in rec.analyze(text, []) if r.score >= 0.4}


@pytest.mark.parametrize("text,value", [
    ("KCL GIVEN. MARTHA QUIBBLESON AWARE. NO FURTHER RUNS", "MARTHA QUIBBLESON"),
    ("GIVEN CARAFATE-K. DRUMMOLD AWARE-WILL START PPI", "K. DRUMMOLD"),
    ("hct 24, reported to K. Vantrell, repeat at 6pm", "K. Vantrell"),
    ("labs sent, paged m. ostrowski re: k 3.1", "m. ostrowski"),
    ("social: hank called once about 2am.", "hank"),
    ("Bob visited this evening, updated on plan.", "Bob"),
    ("proxy is son, Terrel Ashgrove cell# 555-0134", "Terrel Ashgrove"),
])
def test_names_found(text, value):
    assert value in found(NAMES, text)


@pytest.mark.parametrize("text", [
    "PT SEEN BY VASCULAR. NEURO AWARE. TEAM AWARE OF LOW UO.",
    "MICU TEAM NOTIFIED OF HYPOTENSION",
    "reported to the team, per protocol",
    "pt's bill called about the insurance.",
    "Pharmacy called re: vanco level.",
    "Home phone: 555-0100",
])
def test_names_not_found(text):
    assert found(NAMES, text) == set()


@pytest.mark.parametrize("text,value", [
    ("will transfer to Wexley 4 when bed ready", "Wexley"),
    ("Per Wexley 3 RN, UO only 20cc/hr", "Wexley"),
    ("belongings sent from wexley 5.  pt aware", "wexley"),
    ("family drove up from the Eastern Shore overnight", "Eastern Shore"),
    ("vacation on the Upper Peninsula last week", "Upper Peninsula"),
    ("lives in a shelter in Brackmoor area", "Brackmoor"),
    ("health care proxy lives in DC.", "DC"),
    ('"i\'m at the general hospital," pt states', "general hospital"),
])
def test_places_found(text, value):
    assert value in found(PLACES, text)


@pytest.mark.parametrize("text", [
    "weaned from cpap 5 to ps 10",
    "plan: lasix 2 mg iv now",
    "increased from levophed 8 to 10",
    "transfer to floor 4 tomorrow",
    "pain in groin area, dressing dry",
    "plan to DC foley today",
    "the general plan is to wean",
    "order to transfuse 2 units",
])
def test_places_not_found(text):
    assert found(PLACES, text) == set()


@pytest.mark.parametrize("text,value", [
    ("PRESENT HX:8/30 lethargic and confused", "8/30"),
    ("am labs drawn on10/14/21 hct 28", "10/14/21"),
    ("pt says it's the 11th.\"", "11th"),
    ("HAD TREATMENTS 10/03/10/04 AND DUE AGAIN", "10/03/10/04"),
    ("11/21.23  neuro: alert", "11/21.23"),
])
def test_dates_found(text, value):
    assert value in found(DATES, text)


@pytest.mark.parametrize("text", [
    "BP:120/80 HR 88",
    "BP:8/5 on arrival",
    "PSV10/5/40",
    "vent 10/5/10/5 overnight",
    "it's the 2nd time today",
    "dose 1/2.50 tab",
])
def test_dates_not_found(text):
    assert found(DATES, text) == set()

