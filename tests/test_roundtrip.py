"""The AI round trip: scrub --profile ai with a vault, an AI-style rewrite, restore."""
import json
import os
import re

import pytest
from click.testing import CliRunner

os.environ["DEID_VAULT_FAST_KDF"] = "1"

from conftest import run_deid  # noqa: E402

PW = "round trip passphrase"

NOTES = {
    "transcript": """Therapist: Morning Wiremu, how was the week?
Client: Rough. My partner Oonagh Breslin went back to Whangarei on Tuesday and I barely slept.
Therapist: You said on 4 March 2024 that sleep helps. Did Dr Haddad change the quetiapine?
Client: No, Haddad wants to wait. Oonagh's mum rang me at 0412 345 678 about it.
""",
    "soap": """SOAP note 12/03/2024. S: Client Mereana Tuhoe (DOB 21/07/1990) reports low mood since 28/02/2024.
O: PHQ-9 17, GAD-7 11. Medicare 2123 45670 1. MRN 4471902.
A: Moderate depressive episode. P: Review with Dr Lindqvist on 26/03/2024; call 03 9555 0142.
""",
    "letter": """Dear Dr Abernethy,
Thank you for seeing Ms Priyanka Raghunathan, who lives at 14 Karaka Street, Dunedin.
She began therapy with me on 2 February 2024 and attended eight sessions until 22 March 2024.
Her email is priya.r@outlook.com. Her employer, Southern Freight Logistics, supports her leave.
Kind regards, Tomasz Wieczorek
""",
    "ids": """Intake 15 January 2024. Client Ewan McAllister, NHS number 943 476 5919.
Phone 07700 900461, email ewan.mcallister@gmail.com. Next appointment January 29th, 2024.
""",
}


@pytest.fixture(scope="module")
def engine():
    from deid import Deidentifier

    return Deidentifier(profile="ai")


@pytest.fixture()
def vault(tmp_path):
    from deid.vault import Vault

    return Vault.open(tmp_path / "notes.vault", passphrase=PW, create=True)


def _values(d, text):
    return {f.value for f in d.detect(text)}


@pytest.mark.parametrize("kind", sorted(NOTES))
def test_restore_of_scrub_is_exact(engine, vault, kind):
    d = engine.for_client("c-1", vault)
    x = NOTES[kind]
    out = d.scrub(x).text
    assert out != x
    for v in ["Wiremu", "Oonagh", "Breslin", "Whangarei", "Haddad", "0412 345 678", "Mereana", "Tuhoe", "21/07/1990",
              "2123 45670 1", "4471902", "Lindqvist", "Raghunathan", "Karaka", "Dunedin", "priya.r@outlook.com",
              "Abernethy", "Wieczorek", "McAllister", "943 476 5919", "07700 900461", "4 March 2024", "15 January 2024"]:
        # only this note's own values: a shifted date may land on another note's real date
        # ("15 January" + 49 days is "4 March"), which reveals nothing
        if v in x:
            assert v not in out, f"value {len(v)} chars left"
    for kept in ["GAD-7 11" if kind == "soap" else "", "quetiapine" if kind == "transcript" else "", "Tuesday" if kind == "transcript" else ""]:
        assert kept in out
    back = d.restore(out)
    assert back.text == x
    assert back.unmatched == {}
    # the vault file has none of the originals
    data = vault.path.read_bytes()
    for v in ["Wiremu", "Mereana", "Raghunathan", "McAllister", "943 476 5919"]:
        assert v.encode() not in data


def test_an_ai_rewrite_is_restored_where_a_human_expects(engine, vault):
    d = engine.for_client("c-2", vault)
    x = NOTES["transcript"] + "Session date 11 March 2024.\n"
    out = d.scrub(x).text
    sur = {}
    for orig in ["Wiremu", "Oonagh Breslin", "Whangarei", "Haddad"]:
        sur[orig] = vault.clients["c-2"].surrogate_for("PERSON" if orig not in ("Whangarei",) else "LOCATION", orig)
        assert sur[orig] and sur[orig] in out, orig
    first, last = sur["Oonagh Breslin"].split()
    date_sur = re.search(r"Session date (.+?)\.", out).group(1)  # e.g. "8 April 2024"
    day, month, year = date_sur.split()
    reply = (f"Summary for {sur['Wiremu'].upper()}: sleep poor after {first}'s return to {sur['Whangarei']}. "
             f"{sur['Wiremu']}'s partner ({last}) is involved. Dr {sur['Haddad']} will review medication. "
             f"Session held {month} {day}, {year}.")
    back = d.restore(reply)
    assert back.text == ("Summary for WIREMU: sleep poor after Oonagh's return to Whangarei. Wiremu's partner (Breslin) "
                         "is involved. Dr Haddad will review medication. Session held March 11, 2024.")
    assert back.restored == 7 and back.unmatched == {}
    # a date the model computed in the shifted calendar is left and counted, never guessed
    assert d.restore("Follow up on 1 January 2031.").unmatched == {"DATE_TIME": 1}


def test_same_original_same_surrogate_across_documents_sessions_and_engines(engine, tmp_path):
    from deid import Deidentifier
    from deid.vault import Vault

    p = tmp_path / "v.vault"
    a = engine.for_client("c-9", Vault.open(p, passphrase=PW, create=True))
    s1 = a.scrub("Wiremu Tapsell came on 4 March 2024.").text
    s2 = a.scrub("Later, Wiremu Tapsell phoned.").text
    name = s1.split(" came")[0]
    assert s2 == f"Later, {name} phoned."
    other = Deidentifier(profile="ai", vault=Vault.open(p, passphrase=PW), client_id="c-9")  # a new session
    assert other.scrub("Wiremu Tapsell came on 4 March 2024.").text == s1
    c = engine.for_client("c-10", Vault.open(p, passphrase=PW)).scrub("Wiremu Tapsell came on 4 March 2024.").text
    assert c.split(" came")[0] != name
    v = Vault.open(p, passphrase=PW)
    # clients never share a surrogate (dates excepted: each client has its own offset)
    sur9 = {s.casefold() for s, (t, _) in v.clients["c-9"].pairs.items() if t != "DATE_TIME"}
    sur10 = {s.casefold() for s, (t, _) in v.clients["c-10"].pairs.items() if t != "DATE_TIME"}
    assert sur9 and sur10 and not sur9 & sur10


def test_without_a_vault_surrogates_are_deterministic_per_client(engine):
    x = "Aroha Ngata rang on 4 March 2024."
    a1 = engine.for_client("c-a").scrub(x).text
    assert engine.for_client("c-a").scrub(x).text == a1
    assert engine.for_client("c-b").scrub(x).text != a1
    assert "Aroha" not in a1 and "Ngata" not in a1


def test_forget_then_restore_leaves_the_surrogates(engine, vault):
    d = engine.for_client("c-f", vault)
    out = d.scrub("Wiremu Tapsell rang.").text
    assert d.restore(out).text == "Wiremu Tapsell rang."
    vault.forget("c-f")
    assert d.restore(out).text == out


# ------------------------------------------------------------------ CLI
def _cli(args, input=None, env=None):
    from deid.cli import cli

    return CliRunner().invoke(cli, args, input=input, env={"DEID_VAULT_PASSPHRASE": PW, **(env or {})})


def test_cli_scrub_vault_restore_info_forget(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(NOTES["letter"])
    v = str(tmp_path / "n.vault")
    r = _cli(["scrub", "--profile", "ai", "--vault", v, "--client-id", "c-77", str(note)])
    assert r.exit_code == 0, r.output
    assert "Raghunathan" not in r.stdout and "Dunedin" not in r.stdout
    draft = tmp_path / "draft.txt"
    draft.write_text(r.stdout)
    r2 = _cli(["restore", "--vault", v, "--client-id", "c-77", str(draft)])
    assert r2.exit_code == 0 and r2.stdout == NOTES["letter"]
    assert "restored" in r2.stderr and "Raghunathan" not in r2.stderr
    r3 = _cli(["restore", "--vault", v, "--jsonl"], input=json.dumps({"id": 5, "text": r.stdout}) + "\n")
    assert r3.exit_code == 0 and json.loads(r3.stdout) == {"id": 5, "text": NOTES["letter"]}
    info = _cli(["vault", "info", "--vault", v, "--json"])
    assert info.exit_code == 0
    counts = json.loads(info.stdout)
    assert counts["clients"] == 1 and counts["per_type"]["PERSON"] >= 3
    assert "c-77" not in info.stdout and "Raghunathan" not in info.stdout
    f = _cli(["vault", "forget", "--vault", v, "--client-id", "c-77"])
    assert f.exit_code == 0 and "forgot 1 client" in f.stdout
    assert _cli(["restore", "--vault", v, "--client-id", "c-77", str(draft)]).exit_code == 2
    assert json.loads(_cli(["vault", "info", "--vault", v, "--json"]).stdout)["pairs"] == 0


def test_cli_refuses_a_vault_without_surrogates_or_client(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Wiremu rang.")
    r = _cli(["scrub", "--vault", str(tmp_path / "v.vault"), "--client-id", "c", str(note)])
    assert r.exit_code == 2 and "surrogates" in r.stderr and r.stdout == ""
    r = _cli(["scrub", "--profile", "ai", "--vault", str(tmp_path / "v.vault"), str(note)])
    assert r.exit_code == 2 and "--client-id" in r.stderr and r.stdout == ""
    assert not (tmp_path / "v.vault").exists()


def test_cli_wrong_key_and_env_passphrase_in_a_real_process(tmp_path):
    from deid.vault import Vault

    v = tmp_path / "v.vault"
    vault = Vault.open(v, passphrase=PW, create=True)
    with vault.transaction():
        vault.client("c", create=True).add("Ariel Lagarde", "PERSON", "Wiremu Tapsell")
    ok = run_deid(["restore", "--vault", str(v)], b"Ariel Lagarde and ARIEL LAGARDE.",
                  env={"DEID_VAULT_PASSPHRASE": PW})
    assert ok.returncode == 0 and ok.stdout == b"Wiremu Tapsell and WIREMU TAPSELL."
    bad = run_deid(["restore", "--vault", str(v)], b"Ariel Lagarde.", env={"DEID_VAULT_PASSPHRASE": "nope"})
    assert bad.returncode == 2 and bad.stdout == b""
    err = bad.stderr.decode()
    assert err.count("\n") == 1 and "wrong passphrase or key" in err and "Traceback" not in err


def _state(pairs):
    from deid.vault import ClientState

    return ClientState(secret=b"k" * 32, offset=14, pairs=pairs)


@pytest.mark.parametrize("reply,near", [
    ("Thank you, Ms Tehan.", 0),                 # a surrogate and an ordinary word next to it
    ("Thank you for the referral.", 0),          # the word alone
    ("Ms Tehsn will call.", 1),                   # the surrogate misspelt
    ("Regards, Ms Tehna.", 1),                    # letters swapped
    ("Cecila was seen today.", 1),               # a first-name surrogate misspelt, sentence start
    ("Cecil Street is closed.", 0),               # an ordinary word
])
def test_near_misses_are_misspelt_surrogates_not_ordinary_words(reply, near):
    from deid.restore import restore

    st = _state({"Tehan": ("PERSON", "Abernethy"), "Cecilia": ("PERSON", "Priyanka")})
    res = restore(reply, [st])
    assert res.unmatched.get("PERSON", 0) == near, res.unmatched
