"""Unit tests for recognizers/eponyms.py (the engine's veto for clinical eponyms)."""
import pytest

from deid.recognizers import eponyms as E


def at(text, word):
    i = text.index(word)
    return E.is_eponym(text, i, i + len(word))


def test_module_is_a_veto_not_a_recognizer():
    assert not hasattr(E, "get_recognizers")
    assert isinstance(E.EPONYMS, frozenset)
    for w in ("asperger", "alzheimer", "parkinson", "beck", "hamilton", "foley", "glasgow"):
        assert w in E.EPONYMS


@pytest.mark.parametrize(
    "text,word",
    [
        ("History of Parkinson's disease.", "Parkinson"),
        ("History of Parkinson disease.", "Parkinson"),
        ("Early-onset Alzheimer's, on donepezil.", "Alzheimer's"),
        ("diagnosed with Asperger's at 9", "Asperger's"),
        ("diagnosed with Asperger syndrome", "Asperger"),
        ("BDI: Beck Depression Inventory 22", "Beck"),
        ("Beck Anxiety Inventory was repeated.", "Beck"),
        ("HAM-D (Hamilton Rating Scale for Depression) 18", "Hamilton"),
        ("GLASGOW COMA SCALE 15", "GLASGOW"),
        ("Bell's palsy on the left.", "Bell"),
        ("Down syndrome noted.", "Down"),
        ("Williams syndrome was confirmed.", "Williams"),
        ("Lewy body dementia suspected.", "Lewy"),
        ("Stevens-Johnson syndrome ruled out.", "Johnson"),
        ("Guillain-Barre considered.", "Barre"),
        ("Kluver-Bucy features.", "Kluver"),
        ("RASS (Richmond Agitation-Sedation Scale) -2", "Richmond"),
        ("Huntington's chorea in the family.", "Huntington"),
        ("foley draining clear urine", "foley"),
        ("FOLEY CATHETER CHANGED", "FOLEY"),
        ("Epworth Sleepiness Scale 14.", "Epworth"),
        ("Folstein Mini-Mental State Examination 26/30.", "Folstein"),
        ("Positive Babinski on the right.", "Babinski"),
        ("Ramsay sedation scale 3.", "Ramsay"),
        ("Cushing's syndrome excluded.", "Cushing"),
        ("Crohn's flare last year.", "Crohn's"),
        ("Parkinson's disease", "Parkinson's disease"),  # a span that holds the head
    ],
)
def test_eponym_uses(text, word):
    assert at(text, word)


@pytest.mark.parametrize(
    "text,word",
    [
        ("Mr Parkinson came in today.", "Parkinson"),
        ("Dr. Beck reviewed the plan.", "Beck"),
        ("Dr. Hamilton said the scale was fine.", "Hamilton"),
        ("Ms Johnson called back.", "Johnson"),
        ("Mrs Foley called about her son.", "Foley"),
        ("Ms Bell's son attended.", "Bell"),
        ("Jordan Williams attended the group.", "Williams"),
        ("Sam Huntington rescheduled.", "Huntington"),
        ("Bernard Foley reviewed the chart.", "Foley"),
        ("Spoke with Richmond about housing.", "Richmond"),
        ("Jordan Reyes was seen.", "Reyes"),
    ],
)
def test_people_are_not_eponyms(text, word):
    assert not at(text, word)


def test_bad_offsets():
    assert not E.is_eponym("Parkinson's disease", 5, 2)
    assert not E.is_eponym("abc", 0, 10)


# --- ICU devices and findings named after people ---
@pytest.mark.parametrize(
    "text,word",
    [
        ("trach mask trial with passy muir valve for 20 min", "muir"),
        ("Passey Muir valve tolerated this pm", "Passey"),
        ("Temp 35.1, bair hugger applied", "bair"),
        ("Swan pulled back 2 cm, waveform ok", "Swan"),
        ("endoscopy showed a mallory weiss tear", "weiss"),
        ("resting parkinson tremor in both hands", "parkinson"),
    ],
)
def test_icu_eponyms(text, word):
    assert at(text, word)


@pytest.mark.parametrize(
    "text,word",
    [
        ("Dr. Muir spoke with the family", "Muir"),
        ("daughter Tess Weiss called at noon", "Weiss"),
    ],
)
def test_icu_eponym_names_kept_as_names(text, word):
    assert not at(text, word)
