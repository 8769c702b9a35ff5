"""The purpose profiles (issue 14): supervision and referral, the 90-or-older birth-year
rule in every profile, groups, couples and minors, `deid profiles`.

Every input here is invented for these tests.  Each case asserts what goes AND what
stays: a profile that drops a PHQ-9 score or a crisis line fails as surely as one that
leaks a name."""
import datetime
import json

import pytest

from deid import ClientCard, Deidentifier
from deid.errors import ConfigError
from deid.profiles import builtin_profiles, load_profile
from deid.relative_dates import ParsedDate, parse_date, relative_phrase
from deid.roles import role_for_relation, role_table

from conftest import run_deid

TODAY = datetime.date(2025, 6, 1)

CARD = {
    "name": "Oriana Castellanos",
    "nicknames": ["Ori"],
    "dob": "1990-05-14",
    "address": "17 Wattle Grove, Castlemaine VIC 3450",
    "phones": ["0433 218 907"],
    "emails": ["ori.castellanos@example.org"],
    "mrn": "MH-558210",
    "family": [{"name": "Teodor Castellanos", "relation": "husband"}, {"name": "Lidia Ferraz", "relation": "mum"}],
    "clinicians": [{"name": "Anjali Mehta", "role": "GP"}],
    "employer": "Harrow Freight",
    "first_session": "2024-03-04",
}

TRANSCRIPT = """Session 6 transcript, 15 April 2024.
Therapist: How has the week been, Oriana?
Oriana: Rough. Teodor and I argued again, and my mum Lidia Ferraz rang from Bendigo.
Therapist: On the PHQ-9 you scored 16 today, up from 11. Any thoughts of ending your life?
Oriana: Some passive thoughts, no plan. I still have the crisis card: Lifeline 13 11 14.
Therapist: Dr Mehta, your GP, can review the sertraline 100 mg.
"""
SOAP = """SOAP note - Oriana Castellanos, DOB 14/05/1990, MRN MH-558210, ph 0433 218 907.
S: Client reports low mood since being let go from Harrow Freight on 2 February 2024. Husband Teodor supportive. Lives at 17 Wattle Grove, Castlemaine.
O: PHQ-9 16, GAD-7 12. Affect flat. No psychotic features.
A: Major depressive disorder, single episode, moderate. Risk: low-moderate; passive ideation, no intent.
P: Continue sertraline 100 mg mane, add mirtazapine 15 mg nocte. Safety plan reviewed: 988 or text HOME to 741741; in the UK Samaritans 116 123. Next session 29 April 2024. Email ori.castellanos@example.org the worksheet.
"""
GROUP = """DBT skills group, 22 April 2024.
Members present: Oriana Castellanos, Wendell Okonkwo, Priscilla Haugen, Marguerite Dellacroix.
Facilitator: Dr Ruairi Tennant.
Wendell: I used the TIPP skill twice this week.
Priscilla: My daughter Saoirse had a meltdown at Kilmore Primary School.
Oriana: I rated my distress 7 out of 10 before the skill and 4 after.
Marguerite: I called 988 on Friday, it helped.
Dr Tennant: Thank you all. Wendell, your diary card shows urges at 3.
"""
COUPLES = """Couples session 3, 18 March 2024. Present: Oriana Castellanos and her husband Teodor Castellanos.
Teodor works night shifts at Harrow Freight in Ballarat; Oriana's mother Lidia Ferraz minds their son Mateo, 4.
Teodor's AUDIT score was 19; Oriana's EPDS 14. Both agreed to a time-out plan. Teodor's brother Iker Castellanos (0412 998 203) was mentioned as a support.
"""
MINOR = """Intake 4 March 2024. Client: Oriana Castellanos, 15, Year 10 at Daylesford Secondary College, with Mr Brennan Whitlock.
She plays for the Hepburn Hawks netball club. Her father Rafael Castellanos (ph 0407 551 369) attended; mum Lidia Ferraz was unavailable.
SDQ total 22; CDI-2 T-score 68. Self-harm (superficial cutting) last 3 weeks. Kids Helpline 1800 55 1800 given.
"""

# clinical content that every profile keeps
CLINICAL = {
    "transcript": ["PHQ-9 you scored 16", "up from 11", "passive thoughts", "13 11 14", "sertraline 100 mg"],
    "soap": ["PHQ-9 16", "GAD-7 12", "Major depressive disorder", "passive ideation", "sertraline 100 mg mane",
             "mirtazapine 15 mg nocte", "988", "741741", "116 123", "Samaritans"],
    "group": ["TIPP skill", "7 out of 10", "called 988", "urges at 3"],
    "couples": ["AUDIT score was 19", "EPDS 14", "time-out plan", ", 4."],
    "minor": ["15,", "SDQ total 22", "T-score 68", "superficial cutting", "1800 55 1800"],
}
# everyone else's identifiers: removed by both profiles
OTHERS = {
    "transcript": ["Teodor", "Lidia", "Ferraz", "Bendigo", "Mehta"],
    "soap": ["Teodor", "Harrow Freight"],
    "group": ["Wendell", "Okonkwo", "Priscilla", "Haugen", "Marguerite", "Dellacroix", "Ruairi", "Tennant", "Saoirse", "Kilmore"],
    "couples": ["Teodor", "Harrow", "Ballarat", "Lidia", "Ferraz", "Mateo", "Iker", "0412 998 203"],
    "minor": ["Daylesford", "Brennan", "Whitlock", "Hepburn Hawks", "Rafael", "0407 551 369", "Lidia", "Ferraz"],
}
# the client's own identifiers: removed in supervision, kept in referral
OWN = {
    "transcript": ["Oriana"],
    "soap": ["Oriana Castellanos", "14/05/1990", "MH-558210", "0433 218 907", "17 Wattle Grove", "Castlemaine",
             "ori.castellanos@example.org"],
    "group": ["Oriana Castellanos", "Oriana:"],
    "couples": ["Oriana Castellanos", "Oriana's"],
    "minor": ["Oriana Castellanos"],
}
DOCS = {"transcript": TRANSCRIPT, "soap": SOAP, "group": GROUP, "couples": COUPLES, "minor": MINOR}


@pytest.fixture(scope="module")
def card():
    return ClientCard.from_dict(CARD)


@pytest.fixture(scope="module")
def supervision():
    return Deidentifier(profile="supervision", today=TODAY)


@pytest.fixture(scope="module")
def referral(card):
    return Deidentifier(profile="referral", client=card, today=TODAY)


@pytest.fixture(scope="module")
def safe_harbor():
    return Deidentifier(profile="safe-harbor", today=TODAY)


def _check(out: str, gone: list[str], kept: list[str]) -> None:
    for g in gone:
        assert g not in out, f"leaked: {g!r}"
    for k in kept:
        assert k in out, f"lost: {k!r}"


# ---- supervision -------------------------------------------------------------
@pytest.mark.parametrize("doc", list(DOCS))
@pytest.mark.parametrize("with_card", [True, False])
def test_supervision_removes_identity_keeps_clinical(supervision, card, doc, with_card):
    out = supervision.scrub(DOCS[doc], client=card if with_card else None).text
    _check(out, OTHERS[doc] + OWN[doc], CLINICAL[doc])


def test_supervision_roles_from_card_and_text(supervision, card):
    out = supervision.scrub(TRANSCRIPT, client=card).text
    assert "How has the week been, [CLIENT]?" in out
    assert "[CLIENT]: Rough. [HUSBAND] and I argued" in out
    assert "my mum [MOTHER]" in out and "from [TOWN]" in out
    assert "[GP], your GP" in out
    # dates are placed in treatment: 15 April 2024 is week 7 after a first session on 4 March
    assert "[week 7 of treatment]" in out and "2024" not in out


def test_supervision_roles_from_relation_words_without_card(supervision):
    text = ("Client Desmond Farrow came alone. His wife Ysolde Farrow is unwell; Ysolde's sister Perpetua "
            "(aunt to the children) visited. Brannagh (mother) phoned. Dr Kwabena Osei, his GP, and "
            "Dr Felicity Marchbanks reviewed the lithium 900 mg.")
    out = supervision.scrub(text).text
    assert out.startswith("Client [CLIENT] came alone. His wife [WIFE] is unwell; [WIFE]'s sister [SISTER]")
    assert "[MOTHER] (mother) phoned" in out
    assert "Dr [GP], his GP" in out and "Dr [CLINICIAN] reviewed" in out
    assert "lithium 900 mg" in out
    _check(out, ["Desmond", "Farrow", "Ysolde", "Perpetua", "Brannagh", "Osei", "Marchbanks"], [])


def test_supervision_numbers_several_people_of_one_role(supervision):
    text = "Her son Caspian is 12 and her son Leopold is 9. Caspian's school called about Leopold."
    out = supervision.scrub(text).text
    assert out == "Her son [SON 1] is 12 and her son [SON 2] is 9. [SON 1]'s school called about [SON 2]."


def test_supervision_group_note(supervision, card):
    out = supervision.scrub(GROUP, client=card).text
    assert "Members present: [CLIENT], [GROUP MEMBER 1], [GROUP MEMBER 2], [GROUP MEMBER 3]" in out
    assert "[GROUP MEMBER 1]: I used the TIPP skill" in out and "[CLIENT]: I rated" in out
    assert "Facilitator: Dr [CLINICIAN]" in out
    assert "My daughter [DAUGHTER] had a meltdown at [SCHOOL]" in out
    # without a card the client is one more member
    out = supervision.scrub(GROUP).text
    assert "Members present: [GROUP MEMBER 1], [GROUP MEMBER 2], [GROUP MEMBER 3], [GROUP MEMBER 4]" in out


def test_supervision_couples_note(supervision, card):
    out = supervision.scrub(COUPLES, client=card).text
    assert "Present: [CLIENT] and her husband [HUSBAND]." in out
    assert "at [WORKPLACE] in [TOWN]" in out
    assert "[CLIENT]'s mother [MOTHER] minds their son [SON], 4." in out
    assert "[HUSBAND]'s brother [BROTHER] ([PHONE_NUMBER])" in out
    assert "GROUP MEMBER" not in out  # two people present are a couple, not a group


def test_supervision_minor(supervision, card):
    out = supervision.scrub(MINOR, client=card).text
    assert "Client: [CLIENT], 15, Year 10 at [SCHOOL]" in out
    assert "plays for [CLUB]" in out and "Her father [FATHER]" in out and "mum [MOTHER]" in out
    assert "Intake [week 1 of treatment]" in out


def test_supervision_dates_without_anchor_keep_month_and_year(supervision):
    out = supervision.scrub("Referred in March 2024 after a crisis; sleep poor since June 2023. PHQ-9 19.").text
    assert "March 2024" in out and "June 2023" in out and "PHQ-9 19" in out


def test_relative_phrases():
    anchor = datetime.date(2024, 3, 4)
    assert relative_phrase(parse_date("18 March 2024"), anchor, "first session") == "week 3 of treatment"
    assert relative_phrase(parse_date("4 January 2024"), anchor, "intake") == "about 2 months before intake"
    assert relative_phrase(parse_date("January 2024"), anchor, "intake") == "about 2 months before intake"
    assert relative_phrase(parse_date("2019"), anchor, "intake") == "about 5 years before intake"
    assert relative_phrase(ParsedDate(datetime.date(2024, 12, 1), "day", True), anchor, "intake") == "about 9 months into treatment"
    assert parse_date("05/14/2024", dayfirst=True).date == datetime.date(2024, 5, 14)  # only month-first reads


def test_supervision_unique_events_are_flagged(supervision):
    out = supervision.scrub("She is the only female harbour pilot in the port and won the state lottery last year. BDI-II 31.").text
    assert "harbour pilot" not in out and "lottery" not in out
    assert "[RARE ROLE]" in out and "[NOTABLE EVENT]" in out and "BDI-II 31" in out


def test_supervision_is_deterministic(supervision, card):
    for doc in DOCS.values():
        assert supervision.scrub(doc, client=card).text == supervision.scrub(doc, client=card).text
    assert supervision.scrub(GROUP).text == supervision.scrub(GROUP).text


# ---- referral ----------------------------------------------------------------
@pytest.mark.parametrize("doc", list(DOCS))
def test_referral_keeps_client_removes_everyone_else(referral, doc):
    out = referral.scrub(DOCS[doc]).text
    _check(out, OTHERS[doc], OWN[doc] + CLINICAL[doc])


def test_referral_details(referral):
    out = referral.scrub(SOAP).text
    assert "let go from [WORKPLACE] on 2 February 2024" in out  # employer goes, dates of treatment stay
    assert "Husband [HUSBAND] supportive" in out
    out = referral.scrub(GROUP).text
    assert "Members present: Oriana Castellanos, [GROUP MEMBER 1], [GROUP MEMBER 2], [GROUP MEMBER 3]" in out
    out = referral.scrub(MINOR).text
    assert "Year 10 at [SCHOOL]" in out  # the client's own school is removed too


def test_referral_removes_other_peoples_birth_dates(referral):
    out = referral.scrub("Oriana Castellanos, DOB 14/05/1990. Her husband Teodor Castellanos, DOB 02/09/1987, attends.").text
    assert "DOB 14/05/1990" in out and "02/09/1987" not in out and "[DATE OF BIRTH]" in out


def test_referral_refuses_without_card():
    with pytest.raises(ConfigError, match="needs --client CARD"):
        Deidentifier(profile="referral")
    assert load_profile("referral").requires_client and load_profile("referral").keep_client


def test_referral_is_deterministic(referral):
    for doc in DOCS.values():
        assert referral.scrub(doc).text == referral.scrub(doc).text


# ---- Safe Harbor: a birth year that shows 90 or older ------------------------
@pytest.mark.parametrize("text,gone", [
    ("Mr Quennell, born 1931, lives alone.", "1931"),
    ("She was born in 1929 in a village.", "1929"),
    ("DOB 1932. Lives with daughter.", "1932"),
    ("Date of birth: 12/03/1931.", "1931"),
    ("D.O.B. 04/07/1934 (turns 91 in July).", "1934"),
    ("Year of birth: 1935.", "1935"),  # 89 or 90 today: a bare year cannot tell, so it goes
])
def test_safe_harbor_removes_birth_years_of_90_plus(safe_harbor, supervision, text, gone):
    for engine in (safe_harbor, supervision):
        out = engine.scrub(text).text
        assert gone not in out, (engine.profile.name, out)


@pytest.mark.parametrize("text,kept", [
    ("Born 1936, retired teacher.", "1936"),          # 88 or 89 today
    ("DOB 02/08/1935; lives alone.", "1935"),        # 89 until August 2025
    ("Admitted in 1931 to the old asylum, per family history.", None),
])
def test_safe_harbor_keeps_years_under_90(safe_harbor, text, kept):
    out = safe_harbor.scrub(text).text
    if kept:
        assert kept in out


def test_birth_year_rule_follows_the_reference_date():
    d = Deidentifier(profile="safe-harbor", today=datetime.date(2000, 1, 1))
    assert "1931" in d.scrub("Mr Quennell, born 1931, lives alone.").text  # 68 in 2000


def test_referral_removes_others_old_birth_years(referral):
    out = referral.scrub("Oriana Castellanos visits her grandmother, born 1930, weekly.").text
    assert "1930" not in out and "Oriana Castellanos" in out


# ---- data and listing ----------------------------------------------------------
def test_relation_words_are_data():
    table = role_table()
    assert table["wife"] == "WIFE" and table["mum"] == "MOTHER" and table["gp"] == "GP"
    assert role_for_relation("Mum") == "MOTHER" and role_for_relation("godmother") == "GODMOTHER"


def test_card_knows_whose_values_are_whose(card):
    assert card.person_of("Oriana") == 0 and card.person_of("Castellanos") == 0
    assert card.person_of("Teodor Castellanos") == 1 and card.person_of("Dr Mehta") == 3
    assert card.owns("PHONE_NUMBER", "0433218907") and not card.owns("PHONE_NUMBER", "0412 998 203")
    assert card.owns("DATE_TIME", "14 May 1990") and card.owns("LOCATION", "Castlemaine")
    assert not card.owns("ORGANIZATION", "Harrow Freight") and not card.owns("PERSON", "Lidia")
    assert card.anchor == datetime.date(2024, 3, 4)


def test_every_builtin_profile_has_a_description():
    for name in builtin_profiles():
        assert len(load_profile(name).description.split()) >= 8, name
    assert {"supervision", "referral"} <= set(builtin_profiles())


# ---- command line --------------------------------------------------------------
@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("purpose")
    (d / "card.yaml").write_text(json.dumps(CARD))  # JSON is YAML
    (d / "soap.txt").write_text(SOAP)
    (d / "notes.jsonl").write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in DOCS.items()))
    return d


def test_cli_supervision_file_stdin_jsonl(files):
    r = run_deid(["scrub", "--profile", "supervision", "--client", str(files / "card.yaml"), str(files / "soap.txt")])
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    _check(out, OTHERS["soap"] + OWN["soap"], CLINICAL["soap"])
    assert "[CLIENT]" in out
    r2 = run_deid(["scrub", "--profile", "supervision"], input_bytes=SOAP.encode())
    assert r2.returncode == 0 and "PHQ-9 16" in r2.stdout.decode() and "Oriana" not in r2.stdout.decode()
    r3 = run_deid(["scrub", "--profile", "supervision", "--jsonl", str(files / "notes.jsonl")])
    assert r3.returncode == 0, r3.stderr
    recs = [json.loads(l) for l in r3.stdout.decode().splitlines()]
    assert [x["id"] for x in recs] == list(DOCS)
    for x in recs:
        _check(x["text"], OTHERS[x["id"]] + OWN[x["id"]], CLINICAL[x["id"]])


def test_cli_referral_with_card(files):
    card = str(files / "card.yaml")
    r = run_deid(["scrub", "--profile", "referral", "--client", card, str(files / "soap.txt")])
    assert r.returncode == 0, r.stderr
    _check(r.stdout.decode(), OTHERS["soap"], OWN["soap"] + CLINICAL["soap"])
    r2 = run_deid(["scrub", "--profile", "referral", "--client", card], input_bytes=SOAP.encode())
    assert r2.stdout == r.stdout
    r3 = run_deid(["scrub", "--profile", "referral", "--client", card, "--jsonl"], input_bytes=(files / "notes.jsonl").read_bytes())
    assert r3.returncode == 0, r3.stderr
    for x in map(json.loads, r3.stdout.decode().splitlines()):
        _check(x["text"], OTHERS[x["id"]], OWN[x["id"]] + CLINICAL[x["id"]])


@pytest.mark.parametrize("how", ["file", "stdin", "jsonl"])
def test_cli_referral_without_card_exits_2(files, how):
    args = ["scrub", "--profile", "referral"]
    data = b""
    if how == "file":
        args.append(str(files / "soap.txt"))
    elif how == "stdin":
        data = SOAP.encode()
    else:
        args += ["--jsonl", str(files / "notes.jsonl")]
    r = run_deid(args, input_bytes=data)
    assert r.returncode == 2 and r.stdout == b""
    err = r.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "needs --client CARD" in err and "Oriana" not in err


def test_cli_profiles_lists_every_profile():
    r = run_deid(["profiles"])
    assert r.returncode == 0
    out = r.stdout.decode()
    for name in builtin_profiles():
        assert f"\n{name}" in "\n" + out
    assert "supervisor" in out and "referral letter" in out
    r = run_deid(["profiles", "--json"])
    items = json.loads(r.stdout)
    assert {i["name"] for i in items} == set(builtin_profiles()) and all(i["description"] for i in items)
