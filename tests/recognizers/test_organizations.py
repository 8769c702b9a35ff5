"""Unit tests for recognizers/organizations.py (synthetic text)."""
import pytest
from probe import Probe

from deid.recognizers import organizations as O

RECS = O.get_recognizers()


_probe = Probe(RECS)
spans, covered, untouched = _probe.spans, _probe.covered, _probe.untouched


@pytest.mark.parametrize("text,value", [
    ("Admitted to St. Mary's Hospital overnight.", "St. Mary's Hospital"),
    ("Transferred from Ballarat Base Hospital.", "Ballarat Base Hospital"),
    ("Seen at Riverside Medical Centre.", "Riverside Medical Centre"),
    ("Attends Lincoln High.", "Lincoln High"),
    ("Attends Lincoln High School.", "Lincoln High School"),
    ("Year 4 at Greenfield Primary.", "Greenfield Primary"),
    ("Referred by Northside Community Health.", "Northside Community Health"),
    ("Works for Acme Logistics Pty Ltd.", "Acme Logistics Pty Ltd"),
    ("Accountant at Smith & Co.", "Smith & Co"),
    ("Night shifts at Walmart.", "Walmart"),
    ("Employed by Acme Inc. since May.", "Acme Inc."),
    ("went to st marys hospital after that", "st marys hospital"),
    ("she goes to lincoln high school", "lincoln high school"),
    ("ADMITTED TO RIVERSIDE HOSPITAL", "RIVERSIDE HOSPITAL"),
    ("Discharged to The Royal Melbourne Hospital.", "The Royal Melbourne Hospital"),
    ("Bed offered at St Agnes tomorrow.", "St Agnes"),
    ("Moved to Springfield General Hospital.", "Springfield General Hospital"),
])
def test_organizations(text, value):
    assert covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("She went to the hospital.", "the hospital"),
    ("Struggling at school.", "school"),
    ("Presented to the ED.", "ED"),
    ("Attends a mental health clinic weekly.", "mental health clinic"),
    ("Referred to General Hospital.", "General Hospital"),
    ("Referred to the Mental Health Clinic.", "Mental Health Clinic"),
    ("Seen at Community Health Centre.", "Community Health Centre"),
    ("admitted to a psych hospital twice", "psych hospital"),
    ("after high school he went to college", "high school"),
    ("CO 5.2 and CI 2.8 on dobutamine.", "CO"),
    ("PROPOFOL INC TO 40.", "INC"),
    ("HR 110 ST WITH PVCS", "ST WITH"),
    ("Taking St John's wort daily.", "St John's"),
])
def test_not_organizations(text, value):
    assert untouched(text, value)
