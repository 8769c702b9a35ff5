"""Unit tests for recognizers/addresses.py, postcodes.py and places.py (synthetic text)."""
import pytest
from probe import Probe

from deid.recognizers import addresses as AD
from deid.recognizers import places as PL
from deid.recognizers import postcodes as PC

RECS = AD.get_recognizers() + PC.get_recognizers() + PL.get_recognizers()


_probe = Probe(RECS)
spans, covered, untouched = _probe.spans, _probe.covered, _probe.untouched


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


# ---- extended street types, units, spoken numbers, lower case (recall push)
@pytest.mark.parametrize("text,value", [
    ("Her sister lives at 517 Oakridge Isle, Dunmore.", "517 Oakridge Isle"),
    ("Office: 88 Tamsin Junctions Apt. 12, Riverton", "88 Tamsin Junctions Apt. 12"),
    ("Address: Unit 9/41 Harriet Right Of Way, Kalmar ACT 2600", "Unit 9/41 Harriet Right Of Way"),
    ("Address: Flat 3 27 Wendell Glade\nBrookmere", "Flat 3 27 Wendell Glade"),
    ("Suite 12, 9 Orla Courtyard\nPelham TAS 7000", "Suite 12, 9 Orla Courtyard"),
    ("I'm at Studio 4, Corwin Shoal, Eastleigh now.", "Studio 4, Corwin Shoal"),
    ("stored at 302 Nadia Knolls.", "302 Nadia Knolls"),
    ("ADDRESS: 01234 FENWICK MOUNTAINS, GARRETTSVILLE", "01234 FENWICK MOUNTAINS"),
    ("Clinic\n65038 Prosser Lodge\nSouth Alder, TX 00559", "65038 Prosser Lodge"),
    ("address is 7 marlow canyon, new brill", "7 marlow canyon"),
    ("the pharmacy on sixty two dunstan brace said it ran out", "sixty two dunstan brace"),
    ("i live at forty one thousand two hundred six kessel locks apt two hundred five in town",
     "forty one thousand two hundred six kessel locks apt two hundred five"),
    ("i'm at level 2 18 quill gully, port fenton", "level 2 18 quill gully"),
])
def test_extended_street_addresses(text, value):
    assert covered(text, value, "STREET_ADDRESS")


@pytest.mark.parametrize("text,value", [
    ("Year 10 Summer Camp starts soon.", "Summer Camp"),
    ("SATS 95% RA, 5/10 W SATS UPPER 90'S OVERNIGHT.", "UPPER"),
    ("MAP>60 AS WELL AS IVF GIVEN.", "WELL"),
    ("# 18 RIGHT LOWER ARM PIV.", "LOWER"),
    ("PLTS LOW AT 55 BIL GROIN LINES REMAIN IN.", "LINES"),
    ("i took 2 pills at the station", "station"),
])
def test_extended_street_negatives(text, value):
    assert untouched(text, value)


@pytest.mark.parametrize("text,value", [
    ("Lives at 4 Tern Way, Lewisport, VI  00803.", "00803"),
    ("she is at po box 12, east carrow, co  80123 now", "80123"),
    ("9/12 wren lane, cobram vic 3644", "3644"),
    ("the zip code is six zero five seven yeah", "six zero five seven"),
    ("um the postcode is b three one zero f h yeah", "b three one zero f h"),
])
def test_postcodes_extended(text, value):
    assert covered(text, value, "ZIP_CODE")


@pytest.mark.parametrize("text,value", [
    ("we act 2000 times a year", "2000"),
    ("the zip code is in the file", "file"),
])
def test_postcodes_extended_negatives(text, value):
    assert untouched(text, value)


@pytest.mark.parametrize("text,value", [
    ("He moved from North Haldenfield to West Corrimouth last year.", "North Haldenfield"),
    ("He moved from North Haldenfield to West Corrimouth last year.", "West Corrimouth"),
    ("Telehealth session; client joined from Lake Orrin today.", "Lake Orrin"),
    ("Lives w/ her aunt in Brackenfurt; works at a bakery.", "Brackenfurt"),
    ("Stays with his dad in Port Tavish on weekends.", "Port Tavish"),
    ("Notified Dunmorton police (event #4411).", "Dunmorton"),
    ("notified north quenby police today", "north quenby"),
    ("i'm at po box 40, east hollin, co  80123 now", "east hollin"),
    ("12 Tamsin Way, Lewisport, VI  00803", "Lewisport"),
    ("my cousin lives in north pellington so i might stay", "north pellington"),
    ("apt four in dunsworth uh near the mall", "dunsworth"),
])
def test_places_extended(text, value):
    assert covered(text, value, "LOCATION")


@pytest.mark.parametrize("text,value", [
    ("Resp therapist called to bedside for review.", "bedside"),
    ("walked to bedside commode, then back to bed", "bedside"),
    ("She flew in from North America last week.", "North America"),
    ("Notified the local police as required.", "local"),
    ("pt arrived from or 2330 s/p procedure", "or"),
    ("in support of the plan, transported to the ward", "support"),
])
def test_places_extended_negatives(text, value):
    assert untouched(text, value)
