"""Surrogates (deid/surrogates.py): realistic, deterministic per client, never the original."""
import datetime as dt
import os
import re

import pytest

os.environ.setdefault("DEID_VAULT_FAST_KDF", "1")

from deid.surrogates import (DocumentSurrogates, keep_date, luhn_ok, medicare_ok, nhs_ok, parse_date,  # noqa: E402
                             shift_date)
from deid.vault import ClientState  # noqa: E402


def _date(s, day_first=False):
    (m, d, y), = parse_date(s, day_first)
    return dt.date(y, m, d)


@pytest.mark.parametrize("orig,day_first", [
    ("3 March 2024", False), ("March 3rd, 2024", False), ("03/14/2024", False), ("14/03/2024", True),
    ("2024-03-14", False), ("Mar. 3, 2024", False), ("14.03.24", True), ("the 3rd of March 2024", False),
    ("SEPTEMBER 30TH 2023", False), ("31 Dec 2023", False),
])
@pytest.mark.parametrize("days", [-56, -14, 21, 49])
def test_dates_shift_in_their_own_format(orig, day_first, days):
    new = shift_date(orig, days, day_first)
    assert new is not None and new != orig
    assert _date(new, day_first) - _date(orig, day_first) == dt.timedelta(days=days)
    # same shape: digits where digits were, words where words were, same case
    assert re.sub(r"\w", "", orig) == re.sub(r"\w", "", new)  # same separators
    assert [len(w) == 3 for w in re.findall(r"[A-Za-z]{3,}", orig)] == [len(w) == 3 for w in re.findall(r"[A-Za-z]{3,}", new)]
    assert orig.isupper() == new.isupper()
    assert shift_date(new, -days, day_first) == orig


def test_spoken_and_yearless_dates_and_ranges():
    assert shift_date("the third of March", 14) == "the seventeenth of March"
    assert shift_date("twenty-first of June", 14) == "fifth of July"
    assert shift_date("3rd-17th March", 7) == "10th-24th March"
    assert shift_date("Session 4, 3 March 2024", 14) == "Session 4, 17 March 2024"  # a stray number is not a day
    assert shift_date("Christmas", 14) is None


def test_weekdays_times_and_relative_words_are_kept():
    for v in ["Tuesday", "last week", "yesterday morning", "3pm", "10:30"]:
        assert keep_date(v), v
    assert not keep_date("17/03/2024")


def _doc(text="", secret=b"s" * 32, offset=28, others=None):
    return DocumentSurrogates(ClientState(secret=secret, offset=offset), text, others)


def test_names_word_by_word_case_and_possessive():
    text = "Jordan Reyes came. JORDAN's sister saw Dr Reyes; jordan agreed."
    d = _doc(text)
    full = d.replace("PERSON", "Jordan Reyes")
    first, last = full.split()
    assert d.replace("PERSON", "JORDAN's") == first.upper() + "'s"
    assert d.replace("PERSON", "Dr Reyes") == "Dr " + last
    assert d.replace("PERSON", "jordan") == first.lower()
    words = {w.strip(".;'s").casefold() for w in text.split()}
    assert first.casefold() not in words and last.casefold() not in words
    assert first != "Jordan" and last != "Reyes"


def test_same_original_same_surrogate_per_client_and_different_across_clients():
    a1 = _doc("x", secret=b"a" * 32).replace("PERSON", "Maria Okonkwo")
    a2 = _doc("another document", secret=b"a" * 32).replace("PERSON", "Maria Okonkwo")
    assert a1 == a2
    st_a = ClientState(secret=b"a" * 32, offset=14)
    da = DocumentSurrogates(st_a, "")
    names = {da.replace("PERSON", n) for n in ["Maria Okonkwo", "Tariq Haddad", "Lena Vogt"]}
    others = {s.casefold() for s in st_a.pairs}
    db = DocumentSurrogates(ClientState(secret=b"a" * 32, offset=14), "", others)  # same secret on purpose
    for n in ["Maria Okonkwo", "Tariq Haddad", "Lena Vogt"]:
        assert db.replace("PERSON", n) not in names  # another client's surrogates are avoided


def test_ids_keep_shape_and_fail_checksums():
    d = _doc("note")
    nhs = "943 476 5919"
    assert nhs_ok(nhs.replace(" ", ""))
    s = d.replace("UK_NHS", nhs)
    assert len(s) == len(nhs) and s[3] == " " and s[7] == " " and s != nhs
    assert not nhs_ok(s.replace(" ", ""))
    card = "4111 1111 1111 1111"
    s = d.replace("ID", card)
    assert not luhn_ok(s.replace(" ", "")) and s.count(" ") == 3
    med = "2123 45670 1"
    s = d.replace("AU_MEDICARE", med)
    assert not medicare_ok(s.replace(" ", ""))
    mrn = d.replace("MEDICAL_RECORD_NUMBER", "MRN-20417")
    assert mrn.startswith("MRN-") and mrn != "MRN-20417" and mrn[4:].isdigit()
    ssn = d.replace("US_SSN", "123-45-6789")
    assert ssn[0] == "9" and ssn[3] == "-" and ssn[6] == "-"
    # the same number written another way keeps the same digits
    p1 = d.replace("PHONE_NUMBER", "0412 345 678")
    p2 = d.replace("PHONE_NUMBER", "0412-345-678")
    assert p1.replace(" ", "") == p2.replace("-", "") and p1 != "0412 345 678"


def test_ages_places_orgs_and_placeholders():
    d = _doc("She lives in Ballarat and studies at Lincoln High School.")
    assert d.replace("AGE", "34") == "34"
    assert d.replace("AGE", "93") == "90 or older"
    school = d.replace("ORGANIZATION", "Lincoln High School")
    assert school.endswith(" High School") and "Lincoln" not in school
    town = d.replace("LOCATION", "Ballarat")
    assert town and town != "Ballarat" and town[0].isupper()
    street = d.replace("STREET_ADDRESS", "42 Elm Street")
    assert street.endswith(" Street") and "Elm" not in street and street.split()[0].isdigit()
    ph = d.replace("UNIQUE_EVENT", "won the state lottery")
    assert ph == "[UNIQUE_EVENT_1]" and d.replace("UNIQUE_EVENT", "won the state lottery") == ph
    assert d.replace("DATE_TIME", "Christmas").startswith("[DATE_TIME_")


def test_old_years_become_placeholders():
    d = _doc("born 1929")
    d.today = dt.date(2024, 6, 1)
    assert d.replace("DATE_TIME", "1929").startswith("[DATE_TIME_")
    assert d.replace("DATE_TIME", "2019") == "2019"


def test_offsets_are_nonzero_multiples_of_seven():
    for i in range(40):
        st = ClientState.new()
        assert st.offset % 7 == 0 and 14 <= abs(st.offset) <= 56
