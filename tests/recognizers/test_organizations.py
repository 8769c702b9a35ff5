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


# --- head nouns from recognizers/data/org_heads.txt, cues, acronyms (written afresh) ---

@pytest.mark.parametrize("text,value", [
    # ordinary-word ("weak") heads
    ("Booked in at Wattle Grove Dental.", "Wattle Grove Dental"),
    ("Laid off when Ferncliff Mutual merged.", "Ferncliff Mutual"),
    ("Collects the kids from Tallowood Dry Cleaners.", "Tallowood Dry Cleaners"),
    ("Her cousin runs Ochre Moon Takeaway.", "Ochre Moon Takeaway"),
    ("Plays for the Kilbrack Rovers.", "Kilbrack Rovers"),
    ("Treasurer of the Ardmore Netball Club.", "Ardmore Netball Club"),
    ("Owns Pemberly Lane Nails & Spa.", "Pemberly Lane Nails & Spa"),
    ("Wee Wren Coffee opened late.", "Wren Coffee"),  # sentence-start "Wee" may drop
    # strict heads need a proper name
    ("Marlowe Bay Psychotherapy\n14 Tern Street", "Marlowe Bay Psychotherapy"),
    ("Lodged with the Brackenfield Police Department.", "Brackenfield Police Department"),
    ("Letter from Lowenbrook Family Medicine.", "Lowenbrook Family Medicine"),
    # legal suffixes after a comma
    ("Kestrel Ridge Counselling, PLLC", "Kestrel Ridge Counselling, PLLC"),
    ("Invoices from Orrin Vale Consulting, LLC monthly.", "Orrin Vale Consulting, LLC"),
    ("Tamarind Hollow Counseling, PC\nPhone", "Tamarind Hollow Counseling, PC"),
    # "<Head> of <Name>", head-first French names
    ("Graduated from the University of Tasmania.", "University of Tasmania"),
    ("Married at the Chapel of St Colman.", "Chapel of St Colman"),
    ("Étudiante à l'Université Laval.", "Université Laval"),
    ("Suivie au CLSC Verdun.", "CLSC Verdun"),
    # lower case (speech-to-text)
    ("the wake is at st colman's church after", "st colman's church"),
    ("he plays for kilbrack rangers now", "kilbrack rangers"),
])
def test_head_nouns(text, value):
    assert covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("Picks up shifts at Blue Heron most Fridays.", "Blue Heron"),
    ("He works three nights a week at Pennywhistle.", "Pennywhistle"),
    ("Was let go from Marrick last spring.", "Marrick"),
    ("An engineer with Halvard on a fly-in roster.", "Halvard"),
    ("Drives for Kestrel Freight overnight.", "Kestrel Freight"),
    ("Second year, studying at Ashgrove.", "Ashgrove"),
    ("A barista at Little Fig on weekends.", "Little Fig"),
    ("Sessions are funded through Corvale after the crash.", "Corvale"),
    ("Her parents owned Marigold, a Thai restaurant.", "Marigold"),
    ("They run Pell & Rye, a bakery on the corner.", "Pell & Rye"),
    ("He has a Hollowfield Rovers season ticket.", "Hollowfield Rovers"),
    ("A lifelong Carrickmore supporter.", "Carrickmore"),
    ("Stacking shelves at Woolies.", "Woolies"),
    ("mum does the early shift at tim hortons", "tim hortons"),
    ("yeah still doing nights at the quikstop on fifth", "quikstop"),
    ("so i got laid off from brannigans in june", "brannigans"),
    ("she works at zellmore now", "zellmore"),
])
def test_employer_cues(text, value):
    assert covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("Goes to the Tuesday AA meeting.", "AA"),
    ("Her NA sponsor called.", "NA"),
    ("Has attended AA since discharge.", "AA"),
    ("His wife goes to Al-Anon.", "Al-Anon"),
    ("Found a home group through Narcotics Anonymous.", "Narcotics Anonymous"),
    ("Referred through the KFD employee assistance program.", "KFD"),
    ("Approved by the EAP (Brightway).", "Brightway"),
    ("Contacted the EAP through Halden Wellbeing.", "Halden Wellbeing"),
])
def test_acronyms(text, value):
    assert covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("Continue Counselling fortnightly.", "Continue Counselling"),
    ("Plan: Supportive Psychotherapy weekly.", "Supportive Psychotherapy"),
    ("Presented to the Emergency Department.", "Emergency Department"),
    ("Called the Department about it.", "Department"),
    ("Past Medical History: asthma.", "Past Medical"),
    ("Reviewed by the Renal Team.", "Renal Team"),
    ("Seen by Psychiatry Team and Social Work Team.", "Social Work Team"),
    ("Attends the DBT Skills Group.", "DBT Skills Group"),
    ("Grand rounds at the Department of Psychiatry.", "Department of Psychiatry"),
    ("Raised in the Church of England.", "Church of England"),
    ("Ordered a Chinese Takeaway.", "Chinese Takeaway"),
    ("Joined the Book Club.", "Book Club"),
    ("Works at the Hospital as a clerk.", "Hospital"),
    ("He works for Dad on weekends.", "Dad"),
    ("He is working for PTSD recovery.", "PTSD"),
    ("i work at home and she works at night", "home"),
    ("she was studying at uni in town", "uni"),
    ("spends evenings at the rink", "rink"),
    ("NO RUNS VT OVERNIGHT.", "VT"),
    ("SEEN BY RENAL NURSE FOR ARRANGEMENTS RE DIALYSIS.", "ARRANGEMENTS"),
    ("wound covered with mepilex and left open", "mepilex"),
    ("suctioned q2 hours for thick secretions", "thick secretions"),
    ("Sarah, the practice manager, rang.", "Sarah"),
    ("Tuesday, a school day, was missed.", "Tuesday"),
    ("Na 138, NA 135 on repeat.", "NA"),
    ("AA gradient noted.", "AA"),
    ("Completing her MA program.", "MA"),
    ("VENT AC, PC 20, PEEP 5.", "PC"),
    ("we stood united as a family", "united"),
])
def test_not_organization_cues(text, value):
    assert untouched(text, value)


def test_heads_file_loads():
    # every flag in the data file is one the module knows
    known = {"caps", "legal", "suffix", "of", "weak", "strict", "lower"}
    assert O.HEAD_FLAGS and all(f <= known for f in O.HEAD_FLAGS.values())
    assert "Dental" in O.WEAK_HEADS and "Psychotherapy" in O.STRICT_HEADS
    assert "PC" not in O.STRONG_HEADS  # "AC, PC 20" is a ventilator setting
