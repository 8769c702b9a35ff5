"""Unit tests for recognizers/contact.py and recognizers/speech_contact.py (synthetic values)."""
import pytest
from probe import Probe

from deid.recognizers import contact as C
from deid.recognizers import speech_contact as S

RECS = C.get_recognizers() + S.get_recognizers()


_probe = Probe(RECS)
found, covered = _probe.found, _probe.covered


# ----------------------------------------------------------------------------- phone

@pytest.mark.parametrize("value", [
    "(591) 341-7776", "(591)341-7776", "797-386-9073", "206.269.0743x9150", "+1-780-563-6083x7783",
    "1 (786) 834-4978", "106-690-7439 x150", "291 417 7763",                      # US / CA
    "0412 345 678", "(03) 5331 2345", "+61 3 5331 2345", "02 4177 7631", "+61266907439",
    "(08)-8690-7366", "+61.437.406.812",                                            # AU
    "+44(0)115 4960914", "(0161) 4960066", "07700 900123", "(01632) 960391",        # UK
])
def test_phone_formats(value):
    text = f"Contact: {value} (leave a message)."
    assert covered(text, value, "PHONE_NUMBER"), value


@pytest.mark.parametrize("text,value", [
    ("Pager 12345 overnight", "12345"),
    ("fax: 555-1234", "555-1234"),
    ("ext. 4021 at reception", "4021"),
    ("ph 5331 2345", "5331 2345"),
    ("cell # 555-0199", "555-0199"),
])
def test_phone_in_context(text, value):
    assert covered(text, value, "PHONE_NUMBER")


@pytest.mark.parametrize("text", [
    "BP 120/80 HR 88", "on 12/15/2023 at 10:30", "dose 10 mg bid", "Na 135 K 4.2 Cr 1.1",
    "serial 7s: 93 86 79 72 65", "2024-03-15", "15.03.2024 1030", "weight 72.5 kg", "1000 mg x 2",
    "MMSE 27/30", "SVR 900-1300", "TV 450 x 12", "IP 52.143.74.149",
])
def test_phone_negatives(text):
    assert found(text, "PHONE_NUMBER") == []


# ----------------------------------------------------------------------------- email / url / ip / social

def test_email():
    assert found("mail jordan.reyes87@gmail.com now", "EMAIL_ADDRESS") == ["jordan.reyes87@gmail.com"]
    assert "jo [at] example [dot] org" in found("jo [at] example [dot] org", "EMAIL_ADDRESS")
    assert found("meet @ 3pm; dose @ 2100", "EMAIL_ADDRESS") == []


def test_url():
    t = "see https://portal.example.org/intake?id=7. or www.salinas.com/ or johnson.edu.au"
    assert covered(t, "https://portal.example.org/intake?id=7", "URL")
    assert "https://portal.example.org/intake?id=7." not in found(t, "URL")  # trailing dot trimmed
    assert covered(t, "www.salinas.com/", "URL")
    assert covered(t, "johnson.edu.au", "URL")
    assert found("e.g. walks at 9 a.m., i.e. daily, etc. Pressure support.tv 300", "URL") == []
    assert found("email kim@example.com", "URL") == []


def test_ip():
    assert "52.143.74.149" in found("from 52.143.74.149", "IP_ADDRESS")
    assert "2001:db8::1" in found("host 2001:db8::1 ok", "IP_ADDRESS")
    assert found("at 10:30:45, v1.2.3, 999.1.1.1, ratio 12::30, ABG 7.45/34/80", "IP_ADDRESS") == []


def test_social():
    assert "@jordan_r87" in found("follows @jordan_r87", "SOCIAL_HANDLE")
    assert "skater.kid22" in found("TikTok: skater.kid22", "SOCIAL_HANDLE")
    assert "moonlight_runner" in found("my handle is moonlight_runner", "SOCIAL_HANDLE")
    negatives = "kim@example.com; meet @ 3pm; @3pm; TF @30cc/hr; Tylenol @HS; fb -500 goal; instagram is private"
    assert found(negatives, "SOCIAL_HANDLE") == []


# ----------------------------------------------------------------------------- speech

@pytest.mark.parametrize("text,value,entity", [
    ("call me at four one five five five five one two three four okay",
     "four one five five five five one two three four", "PHONE_NUMBER"),
    ("my mobile is oh four one two three four five six seven eight",
     "oh four one two three four five six seven eight", "PHONE_NUMBER"),
    ("it's four one five double five five one two three four", "four one five double five five one two three four",
     "PHONE_NUMBER"),
    ("it is 415 five five five one two three four", "415 five five five one two three four", "PHONE_NUMBER"),
    ("my member number is one two three four five six seven eight nine", "one two three four five six seven eight nine",
     "ID"),
    ("my email is um jordan dot reyes at gmail dot com", "jordan dot reyes at gmail dot com", "EMAIL_ADDRESS"),
    ("it's j reyes eighty seven at outlook dot com", "j reyes eighty seven at outlook dot com", "EMAIL_ADDRESS"),
    ("go to www dot example dot com slash intake", "www dot example dot com slash intake", "URL"),
    ("i put it on my instagram it's at river underscore song nine two", "river underscore song nine two",
     "SOCIAL_HANDLE"),
    ("my insurance id is w three seven seven four five three zero two one", "w three seven seven four five three zero two one",
     "ID"),
    ("the crn is nine oh four four oh five eight eight two s", "nine oh four four oh five eight eight two s", "ID"),
])
def test_speech_positive(text, value, entity):
    assert covered(text, value, entity)


def test_speech_email_local_part_stops_at_filler():
    assert found("my email is um jordan dot reyes at gmail dot com", "EMAIL_ADDRESS") == [
        "jordan dot reyes at gmail dot com"]


@pytest.mark.parametrize("text", [
    "i went one or two times back in nineteen eighty seven at seven thirty",
    "twenty five minutes, maybe three or four days",
    "i looked at the dot com thing and we sat at home",
    "she was at school at nine",
    "my instagram is private and i am at home",
    "the snapchat at school was weird",
])
def test_speech_negative(text):
    assert found(text) == []


# ---- spoken identifiers with spelled letters inside (recall push)
def test_spoken_id_with_letters_inside():
    t = "the case number is like court case two zero two four c r three seven six four seven\nok"
    assert covered(t, "two zero two four c r three seven six four seven", "ID")


def test_spoken_id_trailing_letter_a_at_line_end():
    t = "my insurance id is six one four two nine four six eight a\ni mean so"
    v = "six one four two nine four six eight a"
    assert any(covered(t, v, e) for e in ("ID", "PHONE_NUMBER"))


def test_spoken_letters_do_not_glue_short_counts():
    assert found("i take two a day and one x two at night") == []
