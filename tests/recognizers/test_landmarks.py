"""Unit tests for recognizers/landmarks.py and recognizers/unique_events.py (synthetic text)."""
import pytest
from probe import Probe

from deid.recognizers import landmarks as LM
from deid.recognizers import unique_events as UE

RECS = LM.get_recognizers() + UE.get_recognizers()


_probe = Probe(RECS)
spans, covered, untouched = _probe.spans, _probe.covered, _probe.untouched


@pytest.mark.parametrize("text,value", [
    ("She and her aunt went to Tolliver Square on Sunday.", "Tolliver Square"),
    ("Pt was found down at Hemsley Reserve by EMS.", "Hemsley Reserve"),
    ("You mentioned the Corrigan Expressway Bridge last week.", "the Corrigan Expressway Bridge"),
    ("He was assaulted near Pellow Estate on Friday.", "Pellow Estate"),
    ("We drove to Dunmere Railway Station after lunch.", "Dunmere Railway Station"),
    ("She walks the dog around West Haverly Mall.", "West Haverly Mall"),
    ("They met at Güçlü Park.", "Güçlü Park"),
    ("PT WAS FOUND DOWN AT FRAYNE-KOTT COUNTY BY EMS.", "FRAYNE-KOTT COUNTY"),
    ("i'm at tarrow flats shopping centre right now", "tarrow flats shopping centre"),
    ("uh near quimby square", "quimby square"),
    ("i went to pell trail on the weekend", "pell trail"),
])
def test_landmarks(text, value):
    assert covered(text, value, "LOCATION")


@pytest.mark.parametrize("text,value", [
    ("We went to the park and the local beach.", "park"),
    ("MRI to be planned at some point this week.", "point"),
    ("SMALL AMT OF DARK GREEN STOOL OVERNIGHT.", "GREEN"),
    ("She waited at the train station.", "station"),
])
def test_landmark_negatives(text, value):
    assert untouched(text, value)


@pytest.mark.parametrize("text,value", [
    ("She said she is the only glass engraver in the valley, so people know her.",
     "the only glass engraver in the valley"),
    ("i mean i'm the only farrier in the county so everybody knows me", "the only farrier in the county"),
    ("He mentioned the village's only locksmith; the group was supportive.", "the village's only locksmith"),
    ("She won the regional lottery two years ago; she worries about being known.",
     "won the regional lottery two years ago"),
    ("He is the youngest person ever appointed to the harbour board.",
     "the youngest person ever appointed to the harbour board"),
    ("He was the sole survivor of the quarry blast.", "the sole survivor of the quarry blast"),
    ("She was on the local news after the bakery fire.", "was on the local news after the bakery fire"),
    ("He survived the bus crash that made national headlines.",
     "survived the bus crash that made national headlines"),
    ("She is the local radio breakfast host.", "the local radio breakfast host"),
    ("He was the subject of the widely shared search appeal.", "the subject of the widely shared search appeal"),
    ("The cyclist who was drafted first overall in 2019 attends.", "drafted first overall"),
    ("She is the ambulance driver honoured for the river rescue.",
     "the ambulance driver honoured for the river rescue"),
])
def test_unique_events(text, value):
    assert covered(text, value, "UNIQUE_EVENT")


@pytest.mark.parametrize("text,value", [
    ("He is the only one who listens.", "only one"),
    ("The only thing that helps is running.", "only thing"),
    ("She was the first to arrive at group.", "first"),
    ("He won the argument with his brother.", "won"),
    ("It was the only time in the week she slept well.", "only time"),
    ("the only person in the room who spoke", "only person"),
])
def test_unique_event_negatives(text, value):
    assert untouched(text, value)


@pytest.mark.parametrize("text,value", [
    ("She mentioned the man who won the county raffle twice; the group was kind.",
     "the man who won the county raffle twice"),
    ("Her uncle was the lead singer of the band that topped the charts in 1998.",
     "the lead singer of the band that topped the charts"),
    ("He is the drummer in a local band who had a hit single.", "the drummer in a local band who had a hit single"),
])
def test_unique_events_fame(text, value):
    assert covered(text, value, "UNIQUE_EVENT")


@pytest.mark.parametrize("text,value", [
    ("He plays guitar in a band that rehearses on Sundays.", "band"),
    ("Our team topped the charts for attendance.", "topped the charts"),
    ("the guy who won the argument", "guy"),
])
def test_unique_event_fame_negatives(text, value):
    assert untouched(text, value)
