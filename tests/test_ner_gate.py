"""The gate on the NER model's findings (deid/ner.py): what counts as evidence."""
import pytest

from deid.ner import GatedSpacyRecognizer


@pytest.fixture(scope="module")
def gate():
    return GatedSpacyRecognizer(supported_entities=["PERSON", "LOCATION"])


@pytest.mark.parametrize("word", ["Grace", "Harmony", "Okafor", "Lindqvist", "Gang"])
def test_capitalised_lexicon_names_count(gate, word):
    assert gate._capitalised_name(word)


@pytest.mark.parametrize("word", ["Levo", "Alert", "Pacer", "Friday", "Colace", "Xqzvtl"])
def test_hand_list_words_and_unknown_words_do_not(gate, word):
    assert not gate._capitalised_name(word)


def test_evidence_off_home_ground(gate):
    # a capitalised name mid-sentence in mixed-case text
    assert gate._has_evidence("PERSON", "Harmony", "mixed", sentence_initial=False)
    # the same word opening a sentence carries no case information
    assert not gate._has_evidence("PERSON", "Harmony", "mixed", sentence_initial=True)
    # ICU shorthand, and two words only one of which is a name-word
    assert not gate._has_evidence("PERSON", "Levo", "mixed", sentence_initial=False)
    assert not gate._has_evidence("PERSON", "Face Mask", "mixed", sentence_initial=False)
    # places and dates from the model need a pattern recognizer
    assert not gate._has_evidence("LOCATION", "Ballarat", "mixed", sentence_initial=False)


@pytest.mark.parametrize("span,mode,expected", [
    ("TONIGHT", "upper", True),          # function words in an ALL-CAPS note
    ("to", "mixed", True),
    ("And", "mixed", False),             # Title case: "Just call me And"
    ("breakfast", "mixed", True),        # lowercase ordinary word in mixed-case text
    ("medical team", "mixed", True),
    ("jordan", "mixed", False),          # a lexicon name, even in lower case
    ("a. a.", "lower", False),           # initials
    ("breakfast", "lower", False),       # caseless text: case says nothing
])
def test_only_ordinary_words(gate, span, mode, expected):
    assert gate._only_ordinary_words(span, mode) is expected


@pytest.mark.parametrize("text, entity, span, expected", [
    # a model span never runs over a speaker's turn
    ("we stayed at hers til sunday\nspeaker_a: okay and the police", "STREET_ADDRESS",
     "hers til sunday\nspeaker_a: okay and the police", "hers til sunday"),
    ("[00:01:02] Client: at Ruapehu Lodge\n[00:01:05] Therapist: and then", "LOCATION",
     "Ruapehu Lodge\n[00:01:05] Therapist", "Ruapehu Lodge"),
    # only an address runs over a line; a name keeps its first line
    ("Mereana Te Huia\nDOB 03/02/1990", "PERSON", "Mereana Te Huia\nDOB", "Mereana Te Huia"),
    # an address block stays whole
    ("12 Kowhai Street\nHamilton East", "STREET_ADDRESS", "12 Kowhai Street\nHamilton East",
     "12 Kowhai Street\nHamilton East"),
    # nothing before the break: keep what follows it
    ("note:\nSione Taufa attended", "PERSON", "\nSione Taufa", "Sione Taufa"),
])
def test_model_spans_cut_at_line_breaks(text, entity, span, expected):
    from presidio_analyzer import RecognizerResult

    from deid.ner import _cut_at_line_break

    s = text.index(span)
    r = RecognizerResult(entity, s, s + len(span), 0.85)
    _cut_at_line_break(text, r)
    assert text[r.start:r.end] == expected
