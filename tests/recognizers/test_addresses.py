"""Unit tests for recognizers/addresses.py, postcodes.py and places.py (synthetic text)."""
import pytest

from deid.recognizers import addresses as AD
from deid.recognizers import places as PL
from deid.recognizers import postcodes as PC

RECS = AD.get_recognizers() + PC.get_recognizers() + PL.get_recognizers()


def spans(text, entity=None, min_score=0.4):
    return [(x.start, x.end) for r in RECS for x in r.analyze(text, [])
            if x.score >= min_score and (entity is None or x.entity_type == entity)]


def covered(text, value, entity=None):
    i = text.index(value)
    sp = spans(text, entity)
    return all(any(s <= k < e for s, e in sp) for k in range(i, i + len(value)) if text[k].isalnum())


def untouched(text, value):
    i = text.index(value)
    return not any(s < i + len(value) and e > i for s, e in spans(text))


@pytest.mark.parametrize("text,value", [
    ("Lives at 42 Elm Street with partner.", "42 Elm Street"),
    ("Lives at 42 Elm St. with partner.", "42 Elm St."),
    ("Office: 1600 W. Pennsylvania Ave NW today.", "1600 W. Pennsylvania Ave NW"),
    ("Address Unit 4/12 Smith St, Ballarat.", "Unit 4/12 Smith St"),
    ("Address 4/12 Smith St, Ballarat.", "4/12 Smith St"),
    ("Moved to Apt 3B, 221 Baker Street last month.", "Apt 3B, 221 Baker Street"),
    ("Flat 2, 10 Downing Street is the address.", "Flat 2, 10 Downing Street"),
    ("Works at 123 Main St Suite 400.", "123 Main St Suite 400"),
    ("lives at 42 elm street now", "42 elm street"),
    ("LIVES AT 42 ELM ST", "42 ELM ST"),
    ("i live at forty two elm street", "forty two elm street"),
    ("it's one twenty three main street", "one twenty three main street"),
    ("Lives on 5th Avenue.", "5th Avenue"),
    ("Post to 15 Wattle Crescent, Sebastopol.", "15 Wattle Crescent"),
])
def test_street_addresses(text, value):
    assert covered(text, value, "STREET_ADDRESS")


@pytest.mark.parametrize("text,value", [
    ("Mail to PO Box 123.", "PO Box 123"),
    ("Mail to P.O. Box 45, Springfield.", "P.O. Box 45"),
    ("Send to GPO Box 1234.", "GPO Box 1234"),
    ("Address: RR 2, Box 19", "RR 2, Box 19"),
    ("Address: Rural Route 3", "Rural Route 3"),
])
def test_po_boxes(text, value):
    assert covered(text, value, "STREET_ADDRESS")


@pytest.mark.parametrize("text,value", [
    ("Took 2 pills at the court.", "2 pills at the court"),
    ("Saw 3 times Dr Smith.", "3 times Dr"),
    ("RR 18, HR 90, afebrile.", "RR 18"),
    ("Walked 2 blocks down the road.", "2 blocks down the road"),
    ("Insulin 6 units SQ at noon.", "6 units SQ"),
    ("HR 110 ST with occasional PVCs.", "110 ST"),
])
def test_not_addresses(text, value):
    assert untouched(text, value)


@pytest.mark.parametrize("text,value", [
    ("Springfield, IL 62704", "62704"),
    ("ZIP 62704 on file.", "62704"),
    ("Austin, Texas 78701-1234", "78701-1234"),
    ("Ballarat VIC 3350", "3350"),
    ("Postcode: 3350", "3350"),
    ("London SW1A 1AA", "SW1A 1AA"),
    ("Manchester M1 1AE", "M1 1AE"),
    ("Ottawa, ON K1A 0B1", "K1A 0B1"),
])
def test_postcodes(text, value):
    assert covered(text, value, "ZIP_CODE")


@pytest.mark.parametrize("text,value", [
    ("Took 3350 mg over the day.", "3350"),
    ("There were 12345 steps.", "12345"),
    ("Spine L4 5S1 level.", "L4"),
])
def test_not_postcodes(text, value):
    assert not covered(text, value, "ZIP_CODE")


@pytest.mark.parametrize("text,value", [
    ("Springfield, IL 62704", "Springfield"),
    ("Ballarat VIC 3350", "Ballarat"),
    ("Leeds LS1 4AP", "Leeds"),
    ("Ottawa, ON K1A 0B1", "Ottawa"),
    ("Grew up in Austin, Texas.", "Austin"),
    ("She lives in Geelong with her son.", "Geelong"),
    ("Moved to Port Macquarie last year.", "Port Macquarie"),
    ("Sister called from Seattle today.", "Seattle"),
    ("i live in ballarat with my mum", "ballarat"),
    ("Visiting Dallas next week.", "Dallas"),
])
def test_places(text, value):
    assert covered(text, value, "LOCATION")


@pytest.mark.parametrize("text,value", [
    ("Moved to Australia in 2010.", "Australia"),
    ("Lives in Victoria.", "Victoria"),
    ("Discussed with Dr Jones, MD today.", "Jones"),
    ("Transferred from ICU overnight.", "ICU"),
    ("she lives in fear of him", "fear"),
    ("Lives in the city.", "city"),
    ("TRANSFER TO RADIATION THERAPY TODAY", "RADIATION"),
    ("From Monday she starts work.", "Monday"),
])
def test_not_places(text, value):
    assert not covered(text, value, "LOCATION")


def test_multiline_address_block():
    text = "Ms A. Client\n15 Wattle Crescent\nBallarat VIC 3350\n"
    assert covered(text, "15 Wattle Crescent", "STREET_ADDRESS")
    assert covered(text, "Ballarat", "LOCATION")
    assert covered(text, "3350", "ZIP_CODE")
    text = "221 Baker Street\nSpringfield, IL 62704"
    assert covered(text, "221 Baker Street", "STREET_ADDRESS")
    assert covered(text, "Springfield", "LOCATION")
    assert covered(text, "62704", "ZIP_CODE")
    text = "10 Downing Street\nLeeds LS1 4AP"
    assert covered(text, "Leeds", "LOCATION") and covered(text, "LS1 4AP", "ZIP_CODE")
