"""Allow lists: public crisis lines and clinical scale names are never removed, however a
recognizer or the model cut or typed them, in every built-in profile; the safety net
treats their words as known. Notes written for these tests."""
from __future__ import annotations

import pytest

from deid import Deidentifier
from deid.profiles import load_profile

PROFILES = ["safe-harbor", "safe-harbor-max", "ai", "redact"]


@pytest.fixture(scope="module")
def engines():
    return {p: Deidentifier(profile=p) for p in PROFILES}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("note, kept, gone", [
    ("Scores today: PHQ-9 of 17, GAD-7 of 11, CSI-16 score 29. Seen with Tamsin Oyelaran.",
     ["PHQ-9", "GAD-7", "CSI-16"], ["Oyelaran"]),
    ("SCARED total 44 (parent form) and SDQ 18. Mother Birgit Haverkamp attended.",
     ["SCARED", "SDQ"], ["Haverkamp"]),
    ("Plan: repeat the PCL-5 (52) and AUDIT-C next week; K10 was 31. Dr Ifeoma Achterberg to review.",
     ["PCL-5", "AUDIT-C", "K10"], ["Achterberg"]),
])
def test_scale_names_kept_names_removed(engines, profile, note, kept, gone):
    out = engines[profile].scrub(note).text
    for k in kept:
        assert k in out, (profile, k)
    for g in gone:
        assert g not in out, (profile, g)


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("note, kept", [
    ("Safety plan: call Lifeline on 13 11 14 or text 741741. Client Wirihana Castellanos agreed.",
     ["13 11 14", "741741", "Lifeline"]),
    ("If it gets bad again ring the Kids Helpline on 1800 55 1800 (Soraya Blyth, school counsellor, knows).",
     ["Kids Helpline", "1800 55 1800"]),
    ("Crisis numbers given: 988, Samaritans 116 123, Beyond Blue 1300 22 4636. Partner Ludovic Stenhouse present.",
     ["988", "116 123", "1300 22 4636", "Beyond Blue"]),
])
def test_crisis_lines_kept(engines, profile, note, kept):
    out = engines[profile].scrub(note).text
    for k in kept:
        assert k in out, (profile, k)
    assert not any(n in out for n in ("Castellanos", "Blyth", "Stenhouse"))


def test_acronyms_match_only_as_written(engines):
    out = engines["safe-harbor"].scrub("Mr Rowan Cage attended; CAGE questionnaire was negative.").text
    assert "CAGE questionnaire" in out
    assert "Cage attended" not in out and "Rowan" not in out


def test_safety_net_knows_scale_words(engines):
    # PHQ is not an English word: without the allow list the safety net would take it
    for profile in ("safe-harbor-max", "ai"):
        out = engines[profile].scrub("PHQ 19 at intake, PHQ-A 14 now; MoCA 27/30.").text
        assert "PHQ 19" in out and "PHQ-A 14" in out and "MoCA 27/30" in out, profile


def test_user_allow_list_any_spacing(tmp_path):
    prof = tmp_path / "mine.yaml"
    prof.write_text("name: mine\nallow: ['Harbour  House Clinic']\n", encoding="utf-8")
    d = Deidentifier(profile=load_profile(str(prof)))
    out = d.scrub("Referred to Harbour House Clinic by Dr Ngaire Folau.").text
    assert "Harbour House Clinic" in out and "Folau" not in out


def test_every_builtin_profile_names_the_lists():
    from deid.profiles import builtin_profiles

    for name in builtin_profiles():
        p = load_profile(name)
        assert {"crisis_lines", "clinical_terms"} <= set(p.allow_lists), name
        assert "PHQ-9" in p.allow and "13 11 14" in p.allow


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("note, kept, gone", [
    ("Safety plan reviewed: Lifeline 13 11 14. Next session with Dr Priya Natarajan.", ["Lifeline 13 11 14"], ["Natarajan"]),
    ("Maria rang Lifeline on 13 11 14 last night.", ["13 11 14"], ["Maria"]),
    ("Texted 741741 (Crisis Text Line) from Hamilton, then called Ngaio.", ["741741", "Crisis Text Line"], ["Ngaio"]),
])
def test_findings_made_of_allowed_terms_dropped(engines, profile, note, kept, gone):
    """A finding made only of allowed terms (however joined) is dropped; one with anything
    else in it stays whole (an allowed word may be part of a name)."""
    out = engines[profile].scrub(note).text
    for k in kept:
        assert k in out, (profile, k)
    for g in gone:
        assert g not in out, (profile, g)


def test_only_allowed():
    from deid.engine import _only_allowed
    from deid.findings import Finding

    text = "Lifeline 13 11 14; Port William Headspace; 911 Colin Corners."
    allowed = [(0, 8), (9, 17), (32, 41), (43, 46)]
    assert _only_allowed(text, Finding(0, 17, "DATE_TIME", 0.9, "x"), allowed)
    assert _only_allowed(text, Finding(9, 17, "DATE_TIME", 0.9, "x"), allowed)
    assert not _only_allowed(text, Finding(19, 41, "ORGANIZATION", 0.9, "x"), allowed)
    assert not _only_allowed(text, Finding(43, 61, "STREET_ADDRESS", 0.9, "x"), allowed)


@pytest.mark.parametrize("note, gone", [
    ("Group held at Port William Headspace, Room 4. Attended: Keziah Dunmore.", ["Port William", "Dunmore"]),
    ("Landlord may evict her from 911 Colin Corners next month.", ["911 Colin Corners"]),
    ("Venue: Thornbury Mind Clinic, 2 Ferris Lane.", ["Thornbury", "Ferris Lane"]),
    ("PT SEEN BY DR BAI FROM PSYCHIATRY. PLAN: F/U WITH DR BAI IN AM.", ["BAI"]),
    ("Seen by Dr Bai today; BAI score 22.", ["Bai"]),
])
def test_allowed_terms_inside_identifiers_do_not_save_them(engines, note, gone):
    """A crisis line or scale name inside a longer identifier (a local centre, a house
    number, a surname in capitals) does not keep the identifier."""
    out = engines["safe-harbor"].scrub(note).text
    for g in gone:
        assert g not in out, g
