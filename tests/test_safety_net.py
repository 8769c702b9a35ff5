"""The safety net (profiles with ``recall: max`` or ``recall: high``, deid/safety_net.py)."""
import pytest

from deid.errors import ConfigError
from deid.findings import Finding
from deid.profiles import load_profile
from deid.safety_net import (SHAPE_MIN, _word_list, clipped_word, is_safe_word, misspelt_word, shape_score,
                             speech_to_text, unknown_words)


def _net_took(engine, text, word):
    """Whether the safety net (not another recognizer) removed ``word`` from ``text``."""
    return any(f.recognizer == "SafetyNet" and text[f.start:f.end] == word for f in engine.detect(text))


@pytest.fixture(scope="module")
def net_engine():
    from deid import Deidentifier

    return Deidentifier(profile="safe-harbor-max")


@pytest.mark.parametrize("word", ["the", "mood", "sertraline", "anhedonia", "client's", "CBT", "Tuesday", "well-being"])
def test_known_words_are_safe(word):
    assert all(is_safe_word(p) for p in word.split("-"))


@pytest.mark.parametrize("word", ["Qwendolyx", "zarvinske", "Brexhamton"])
def test_unknown_words_are_not_safe(word):
    assert not is_safe_word(word)


def test_unknown_words_skips_covered_words_and_numbers():
    text = "Met Qwendolyx and Zarvinske at 14:00, room 4417."
    covered = [Finding(4, 13, "PERSON", 0.9, "test")]
    got = [(f.start, f.end, f.entity_type) for f in unknown_words(text, covered)]
    assert got == [(18, 27, "UNKNOWN")]


@pytest.mark.parametrize("text,unknown", [
    ("we talked about brexhamton for most of the hour", "brexhamton"),
    ("The Quillibrand thing came up again, briefly.", "Quillibrand"),
    ("says the zarvinske stuff is over now", "zarvinske"),
])
def test_net_removes_what_no_recognizer_knows(net_engine, text, unknown):
    assert _net_took(net_engine, text, unknown)
    assert unknown not in net_engine.scrub(text).text


def test_net_keeps_clinical_content(net_engine):
    text = "PHQ-9 of 14; continue sertraline 50 mg; anhedonia and poor sleep discussed; CBT homework reviewed."
    out = net_engine.scrub(text).text
    for kept in ("sertraline 50 mg", "anhedonia and poor sleep discussed", "CBT homework reviewed"):
        assert kept in out


def test_normal_recall_has_no_net(tmp_path):
    from deid import Deidentifier

    p = tmp_path / "p.yaml"
    p.write_text("name: p\nrecall: normal\n")
    text = "Worked the late shift with Pelenatita before the session."
    assert "UNKNOWN" not in {f.entity_type for f in Deidentifier(profile=str(p)).detect(text)}


# --- recall: high (the built-in profiles): Title-case words in prose that look like names

@pytest.mark.parametrize("word", ["sertraline", "Paliperidone", "Vietnamese", "Sylheti", "Tongan", "Filipino"])
def test_packaged_terms_are_safe(word):
    """Drug names, nationalities and languages come from safe_terms.txt.gz."""
    assert is_safe_word(word)


@pytest.mark.parametrize("name", ["Pelenatita", "Mahealani", "Kahurangi", "Ngozika", "Siosaia", "Thandeka"])
def test_shape_of_names_no_list_knows(name):
    assert not is_safe_word(name)
    assert shape_score(name) > SHAPE_MIN


@pytest.mark.parametrize("word", ["Fluoxetene", "Citalopran", "Peptamen", "Kphos"])
def test_shape_of_misspelt_and_clipped_clinical_words(word):
    assert shape_score(word) <= SHAPE_MIN


@pytest.mark.parametrize("word,misspelt", [
    ("Olanzipine", True), ("Quetiapene", True), ("Lamotrigene", True), ("Benadryll", True),
    ("Pelenatita", False), ("Mahealani", False), ("Olanz", False),  # short: never
])
def test_one_edit_from_a_long_known_word(word, misspelt):
    assert misspelt_word(word) is misspelt


@pytest.mark.parametrize("text,name", [
    ("She has been staying with Pelenatita since the fire.", "Pelenatita"),
    ("The twins spend most weekends at Tokerau with their koro.", "Tokerau"),
    ("Mum said that Kahurangi had rung the office twice.", "Kahurangi"),
    ("Things were calmer once Ngozika moved out in the spring.", "Ngozika"),
])
def test_high_removes_unknown_names_in_prose(engine, text, name):
    """The default profile (safe-harbor) has recall: high."""
    found = engine.detect(text)
    assert any(f.start <= text.index(name) and text.index(name) + len(name) <= f.end for f in found)
    assert name not in engine.scrub(text).text


@pytest.mark.parametrize("text", [
    "Started Olanzipine 5 mg nocte; Quetiapene was stopped.",      # misspelt drugs
    "Paliperidone depot given; she spoke Sylheti with her aunt.",   # packaged terms
    "Qwendolyx is a word nobody knows, at the start of a sentence.",  # sentence-initial
    "Client: ok. Plan: Zarvinske review.",                         # opens a field value
])
def test_high_leaves_what_is_not_a_proper_noun_in_prose(engine, text):
    assert not [f for f in engine.detect(text) if f.recognizer == "SafetyNet"]


@pytest.mark.parametrize("text,names", [
    ("speaker_b: yeah so taufa and me went down the river after school", ["taufa"]),
    ("client: i rang akinwale but he never picks up, akinwale is like that", ["akinwale", "akinwale"]),
    ("PT VISITED BY MARGUERITE AND LILIANA THIS PM. MARGUERITE UPSET.", ["MARGUERITE", "LILIANA", "MARGUERITE"]),
    ("VISITED BY OBINNA AND THANDEKA TODAY. OBINNA UPSET ABOUT THE MOVE.", ["OBINNA", "THANDEKA", "OBINNA"]),
])
def test_high_takes_listed_names_in_caseless_text(text, names):
    got = [text[f.start:f.end] for f in unknown_words(text, [], level="high")]
    assert got == names


def test_high_in_caps_and_lower_shorthand_leaves_words_no_name_list_holds():
    # no capital to go by and no prose: a word must be a listed name, not just unknown or
    # name-shaped (shorthand is full of clipped and misspelt words)
    for text in ("PT SEEN WITH PELENATITA AND QWENDOLYX TODAY, CALM. HEMI-PARESIS.",
                 "pt seen w pelenatita, qwendolyx. calm. sertraline given. hemi-paresis. vss."):
        assert not unknown_words(text, [], level="high")


@pytest.mark.parametrize("text,words", [
    ("we talked about brexhamton for most of the hour", ["brexhamton"]),
    ("she said that pelenatita and qwendolyx were at the house with her all night",
     ["pelenatita", "qwendolyx"]),
    # three letters are too few in prose ...
    ("zek and me went home after that and it was fine with us", []),
    # ... but not in a transcript, where speech-to-text writes only words it knows
    ("speaker 1: who came with you\nspeaker 2: zek and me\nspeaker 1: ok and then\nspeaker 2: we left", ["zek"]),
])
def test_high_in_lower_case_prose_takes_unknown_name_shaped_words(text, words):
    assert [text[f.start:f.end] for f in unknown_words(text, [], level="high")] == words


@pytest.mark.parametrize("text,expected", [
    ("speaker 1: hi\nspeaker 2: hi\nspeaker 1: so", True),
    ("SPEAKER_A: yeah SPEAKER_B: no SPEAKER_A: ok", True),
    ("[00:00:04] therapist: hello\n[00:00:09] client: hi\n[00:00:12] therapist: so", True),
    ("client: ok\nplan: review next week", False),
    ("the speaker said he would call the client back", False),
])
def test_speech_to_text_needs_three_turns(text, expected):
    assert speech_to_text(text) is expected


def test_recall_key_is_validated(tmp_path):
    p = tmp_path / "p.yaml"
    p.write_text("name: p\nrecall: everything\n")
    with pytest.raises(ConfigError, match="recall"):
        load_profile(str(p))


@pytest.mark.parametrize("word", ["Zarvinske", "Tavolemu"])
def test_high_removes_the_word_everywhere_once_found(engine, word):
    """Found mid-sentence, the word goes where it opens a sentence too."""
    text = f"{word} did not come today. She said the fight with {word} had been building for weeks."
    out = engine.scrub(text).text
    assert word not in out


@pytest.mark.parametrize("text,name", [
    ("Zarvinske cried when the letter came.", "Zarvinske"),
    ("Tavolemu denied any thoughts of self-harm today.", "Tavolemu"),
    ("Session went well. Pelenatita complained about the noise again.", "Pelenatita"),
])
def test_high_takes_a_sentence_opening_word_before_a_verb_only_people_do(engine, text, name):
    assert _net_took(engine, text, name)
    assert name not in engine.scrub(text).text


def test_high_leaves_a_sentence_opening_word_before_other_verbs(engine):
    text = "Qwendolyx improved the mood scores, per the chart."
    assert not [f for f in engine.detect(text) if f.recognizer == "SafetyNet"]


@pytest.mark.parametrize("text,name", [
    ("Taylah and Jaxon were removed from the home in March.", "Taylah"),
    ("Tavolemu and Sarah attended the group again.", "Tavolemu"),
    ("Zarvinske, and Michael Brennan, arrived late.", "Zarvinske"),
])
def test_high_takes_a_sentence_opening_word_joined_to_a_name(engine, text, name):
    s = text.index(name)
    found = engine.detect(text)
    # the engine removes it (the model's names in prose may take it before the net) ...
    assert any(f.start <= s and f.end >= s + len(name) for f in found)
    # ... and the net takes it on its own, beside the other person found
    others = [f for f in found if f.entity_type == "PERSON" and f.start > s + len(name)]
    assert others
    assert any(text[f.start:f.end] == name for f in unknown_words(text, others, level="high"))


def test_high_leaves_a_sentence_opening_word_joined_to_no_name(engine):
    text = "Qwendolyx and the team met on Monday."
    assert not [f for f in engine.detect(text) if f.recognizer == "SafetyNet"]


@pytest.mark.parametrize("text", [
    "She has worked Tuesdays and Saturdays at the bakery since spring.",      # plurals of known words
    "Her family moved from Manitoba to Queensland after the flood.",           # provinces and states
    "Scores on the Hamilton Rating Scale for Depression fell this month.",     # a clinical eponym
])
def test_high_leaves_plurals_states_and_eponyms(engine, text):
    assert not [f for f in engine.detect(text) if f.recognizer == "SafetyNet"]


@pytest.mark.parametrize("word", ["Diuret", "ambulat", "SEDAT", "Ventil", "hemodyn"])
def test_clipped_clinical_words_are_recognised(word):
    assert clipped_word(word)


@pytest.mark.parametrize("word", ["Taufa", "Akinwale", "Obinna", "Thandeka", "Pel"])
def test_names_are_not_clipped_words(word):
    assert not clipped_word(word)


@pytest.mark.parametrize("name", ["vocabulary.txt.gz", "safe_terms.txt.gz"])
def test_word_lists_are_sorted_for_prefix_search(name):
    words = _word_list(name)
    assert words == sorted(words)


@pytest.mark.parametrize("text", [
    "pt ambulat in hall x2, diuret given, sedat weaned",
    "PT HEMODYN STABLE, VENTIL SETTINGS UNCHANGED",
    "Plan: Diuret and Ambulat as tolerated.",
])
def test_high_leaves_clipped_shorthand(text):
    assert not unknown_words(text, [], level="high")


@pytest.mark.parametrize("text,word", [
    ("CV: HR 88 SR. Pt on Dilitizem gtt at 5mg/hr, BP 110/70. Plan: wean.", "Dilitizem"),
    ("Resp: sats 95% on 4L. Secretions cleared with Yonkor suction, pt tolerating.", "Yonkor"),
    ("Neuro: pt alert. GI: Abd soft. Transfer to Oruvai ward when bed free, HR 90s.", "Oruvai"),
])
def test_high_leaves_unlisted_words_in_icu_notes(text, word):
    """In an ICU note's shorthand the net takes no word that no name list or gazetteer knows:
    there they are misspellings and ward words."""
    assert not any(text[f.start:f.end] == word for f in unknown_words(text, [], level="high"))


@pytest.mark.parametrize("text,word", [
    ("Pt seen with daughter Marguerite at bedside, HR 80s, BP 120/70, pt calm.", "Marguerite"),
    ("Neuro: pt alert. Family from Wollongong visiting, HR 90s, aware of plan.", "Wollongong"),
])
def test_high_takes_listed_names_and_places_in_icu_notes(text, word):
    assert any(text[f.start:f.end] == word for f in unknown_words(text, [], level="high"))


def test_high_takes_only_lexicon_names_in_caseless_icu_notes():
    # names-dataset's weak names hold ICU words ("vicu"): in caseless shorthand, the lexicon only
    text = "PT VISITED BY TAUFA AND MARGUERITE THIS PM, HR 88. TO VICU WHEN BED."
    assert [text[f.start:f.end] for f in unknown_words(text, [], level="high")] == ["MARGUERITE"]


def test_high_takes_unlisted_words_in_prose():
    text = "She stayed with Oruvai and her aunt over the holidays, then returned to class."
    assert any(text[f.start:f.end] == "Oruvai" for f in unknown_words(text, [], level="high"))


def test_speech_rule_not_in_icu_shorthand_with_role_labels():
    # "pt:" lines make three turns, but an ICU note's unknown words are shorthand and
    # devices, not names: only listed names there
    text = ("pt: resting, vss\npt: hemovac drained 40cc\npt: humulog per scale, plan cont\n"
            "pt: bibasilar crackles, will cont lasix")
    assert speech_to_text(text)
    assert not unknown_words(text, [], level="high")
