"""The recall-first safety net (profiles with ``recall: max``, deid/safety_net.py)."""
import pytest

from deid.errors import ConfigError
from deid.findings import Finding
from deid.profiles import load_profile
from deid.safety_net import is_safe_word, unknown_words


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
    found = net_engine.detect(text)
    assert any(f.recognizer == "SafetyNet" and text[f.start:f.end] == unknown for f in found)
    assert unknown not in net_engine.scrub(text).text


def test_net_keeps_clinical_content(net_engine):
    text = "PHQ-9 of 14; continue sertraline 50 mg; anhedonia and poor sleep discussed; CBT homework reviewed."
    out = net_engine.scrub(text).text
    for kept in ("sertraline 50 mg", "anhedonia and poor sleep discussed", "CBT homework reviewed"):
        assert kept in out


def test_default_profile_has_no_net(engine):
    text = "Worked the late shift at Quillibrand before the session."
    assert "UNKNOWN" not in {f.entity_type for f in engine.detect(text)}


def test_recall_key_is_validated(tmp_path):
    p = tmp_path / "p.yaml"
    p.write_text("name: p\nrecall: everything\n")
    with pytest.raises(ConfigError, match="recall"):
        load_profile(str(p))
