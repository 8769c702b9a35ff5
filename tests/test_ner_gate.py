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


@pytest.mark.parametrize("span, expected", [
    ("the 4th of next month", True),
    ("Labour Weekend 2024", True),
    ("mid-August", True),
    ("Tues 11th", True),
    ("Friday", False),                    # a weekday alone is no identifier
    ("the first time", False),
    ("10/5/40", False),                   # a ventilator setting in a note
    ("the ward", False),
])
def test_model_date_evidence(span, expected):
    from deid.ner import _DATE_EVIDENCE

    assert (_DATE_EVIDENCE.search(span) is not None) is expected


@pytest.mark.parametrize("span, initial, expected", [
    ("Waitakere Youth Hub", False, True),      # a proper name, one word no English word
    ("Rotoiti Lodge", False, True),
    ("Marguerite Pemberton", True, False),     # a person's name: the name recognizers' business
    ("Victoria", False, False),                # a state
    ("Tirau", True, False),                    # one word opening a sentence
    ("Baby group", False, False),              # a lowercase word
    ("Romania", False, False),                 # a country
    ("Korean-American", False, False),         # a nationality
    ("Community Mental Health Team", False, False),  # every word an ordinary word
    ("Monday", False, False),
])
def test_model_place_and_organisation_evidence(gate, span, initial, expected):
    assert gate._proper_phrase(span, initial) is expected


@pytest.fixture(scope="module")
def model_scores():
    """``scores(text, entity)``: the gated model's spans of one type and their scores."""
    from deid import Deidentifier

    d = Deidentifier()
    rec = next(r for r in d.recognizers if r.name == "SpacyRecognizer")

    def scores(text, entity):
        art = d.nlp_engine.process_text(text, "en")
        return {text[r.start:r.end]: r.score for r in rec.analyze(text, [entity], art) if r.entity_type == entity}

    return scores


def test_model_dates_pass_the_gate_in_prose_not_in_icu_notes(model_scores):
    """The model's own date span scores as evidence in prose; in an ICU note (clock times,
    vital signs) the same words stay under the threshold."""
    from deid.ner import STRONG, WEAK

    prose = model_scores("We meet again on the 4th of March at the marae with her aunty.", "DATE_TIME")
    icu = model_scores("Pt resting. HR 88 at 0400, BP 110/70 @ 2200. Family meeting on the 4th of March.", "DATE_TIME")
    assert [score for value, score in prose.items() if "March" in value] == [STRONG]
    assert [score for value, score in icu.items() if "March" in value] == [WEAK]


@pytest.mark.parametrize("span, expected", [
    ("kowhai grove", True),                    # a word no word list knows
    ("TE AWAMUTU", True),
    ("rotoiti lodge", True),
    ("the community centre", False),           # ordinary words only
    ("COUGHING.REPEAT COAGS PENDING", False),  # ICU shorthand, clipped words
    ("romania", False),                        # a country
    ("monday", False),
])
def test_model_places_in_caseless_prose(gate, span, expected):
    assert gate._caseless_name(span) is expected


@pytest.mark.parametrize("text, span, expected", [
    ("restarted sertraline March 2024 after", "sertraline March 2024", "March 2024"),
    ("see you Thurs the 13th at two", "Thurs the 13th at", "Thurs the 13th"),
    ("she is the 2nd of 5 children", "the 2nd of 5 children", None),   # an ordinal that counts
    ("after the 3rd dose she slept", "the 3rd dose", None),
    ("on file 2019 returns", "file 2019 returns", None),                # a year alone
    ("the first time", "the first time", None),
])
def test_model_date_spans_trimmed_to_date_words(text, span, expected):
    from presidio_analyzer import RecognizerResult

    from deid.ner import _trim_date

    s = text.index(span)
    r = RecognizerResult("DATE_TIME", s, s + len(span), 0.85)
    kept = _trim_date(text, r)
    assert (text[r.start:r.end] if kept else None) == expected


@pytest.mark.parametrize("span, initial, expected", [
    ("Tevita Fonua", False, True),          # Title case, no English word
    ("Nkechi", False, True),
    ("Marama Tipene-Rua", True, True),      # two words may open a sentence
    ("Kovacs Brenner", False, True),
    ("Coarse", False, False),               # one word alone must be no English word
    ("Siosaia", True, True),                # opening a sentence: no word of any list, a name's letters
    ("Seroquel", True, False),              # a word of the vocabulary
    ("Anxeity", True, False),               # a misspelt word
    ("Captoril", True, False),              # a drug's letters, not a name's
    ("Good Morning", False, False),         # ordinary words only
    ("Victoria", False, False),             # a state
    ("Quetiapine", False, False),           # a drug
    ("Tuesday Group", False, False),        # a calendar word
    ("MARAMA", False, False),               # capitals carry no case information
])
def test_model_person_written_as_a_name(gate, span, initial, expected):
    assert gate._proper_person(span, initial) is expected


def test_model_person_passes_the_gate_in_prose_not_in_icu_notes(model_scores):
    """A model name no list knows scores as evidence in prose; in an ICU note it stays
    under the threshold."""
    from deid.ner import STRONG, WEAK

    prose = model_scores("She has been staying with Tevita Fonua and his sister since the flood.", "PERSON")
    icu = model_scores("Pt resting, HR 88 at 0400, BP 110/70. Seen by Tevita Fonua overnight, pt calm.", "PERSON")
    assert prose.get("Tevita Fonua") == STRONG
    assert icu.get("Tevita Fonua", WEAK) == WEAK


@pytest.mark.parametrize("span,expected", [
    ("Samoan", True), ("Samoan Tongan", True), ("Eritrean", True),
    ("Jordan", False),            # a listed name that is also a country
    ("Samoa Tuilagi", False),     # a name beside a safe word
    ("Kiri", False),
])
def test_model_person_of_nationalities_only_is_dropped(span, expected):
    assert GatedSpacyRecognizer(supported_entities=["PERSON"])._nationality(span) is expected
