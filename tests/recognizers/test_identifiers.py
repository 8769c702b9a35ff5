"""Unit tests for recognizers/identifiers.py and recognizers/health_numbers.py.

All values are synthetic (made up here; checksummed ones computed for these tests).
"""

import pytest
from probe import Probe

from deid.recognizers import health_numbers as H
from deid.recognizers import identifiers as I

RECS = I.get_recognizers() + H.get_recognizers()


found = Probe(RECS).found


# ----------------------------------------------------------------------------- checksums

def test_checksums():
    assert H.npi_ok("1830166132") and not H.npi_ok("1830166133")
    assert H.dea_ok("MS9603083") and not H.dea_ok("MS9603084")
    assert H.au_medicare_ok("6482 19930 6") and not H.au_medicare_ok("6482 19931 6")
    assert H.ihi_ok("8003601895559792") and not H.ihi_ok("8003601895559793")
    assert H.nhs_ok("823 667 1275") and not H.nhs_ok("823 667 1276")
    assert H.bc_phn_ok("9031 372 159") and not H.bc_phn_ok("9031 372 158")
    assert H.ontario_ok("2177-774-128") and not H.ontario_ok("2177-774-127")
    assert H.au_provider_ok("2457811H") and not H.au_provider_ok("2457811J")
    assert I.vin_ok("WBAFRGR70GY379907") and not I.vin_ok("WBAFRGR71GY379907")
    assert I.imei_ok("58-073021-573681-0") and not I.imei_ok("58-073021-573681-1")
    assert I.iban_ok("GB82 WEST 1234 5698 7654 32") and not I.iban_ok("GB83 WEST 1234 5698 7654 32")
    assert I.ssn_ok("512-44-8901") is None
    for bad in ("000-12-3456", "666-12-3456", "912-12-3456", "512-00-8901", "512-44-0000"):
        assert I.ssn_ok(bad) is False


# ----------------------------------------------------------------------------- MRN / SSN

@pytest.mark.parametrize("text,value", [
    ("MRN 00123456 today", "00123456"),
    ("chart #A1234567 pulled", "A1234567"),
    ("UR number 1234567.", "1234567"),
    ("patient ID: 778899", "778899"),
    ("Medical record no. 552-8841-07", "552-8841-07"),
])
def test_mrn_positive(text, value):
    assert value in found(text, "MEDICAL_RECORD_NUMBER")


@pytest.mark.parametrize("text", [
    "Reviewed chart 3 times", "MRN unknown", "Pt: 120/80", "12345678 alone", "the patient is 45",
    "Pt -500 since midnight",
])
def test_mrn_negative(text):
    assert found(text, "MEDICAL_RECORD_NUMBER") == []


def test_ssn():
    hits = found("SSN 512-44-8901", "US_SSN")
    assert hits and set(hits) == {"512-44-8901"}
    assert "512-44-8901" in found("on file: 512-44-8901", "US_SSN")  # dashed: no label needed
    assert "512448901" in found("ssn: 512448901", "US_SSN")
    assert "512 44 8901" in found("Social Security number 512 44 8901", "US_SSN")
    assert "8901" in found("the last four of her SSN are 8901", "US_SSN")
    # undashed needs context; invalid areas never fire
    assert found("walked 512448901 steps", "US_SSN") == []
    assert found("000-12-3456 and 666-44-1234", "US_SSN") == []


# ----------------------------------------------------------------------------- health numbers

def test_health_plan():
    assert "1EG4-TE5-MK73" in found("MBI 1EG4-TE5-MK73", "HEALTH_PLAN_NUMBER")
    assert "XJH123456789" in found("Member ID: XJH123456789", "HEALTH_PLAN_NUMBER")
    assert "W12345678-01" in found("Medicaid ID W12345678-01", "HEALTH_PLAN_NUMBER")
    assert found("joined the group 2 weeks ago; plan reviewed", "HEALTH_PLAN_NUMBER") == []


def test_provider_numbers():
    assert "1830166132" in found("NPI 1830166132", "PROVIDER_NUMBER")
    assert "1830166132" in found("signed 1830166132", "PROVIDER_NUMBER")  # valid NPI alone
    assert found("signed 1830166133", "PROVIDER_NUMBER") == []  # invalid, no label
    assert "MS9603083" in found("script MS9603083", "PROVIDER_NUMBER")
    assert found("script MS9603084", "PROVIDER_NUMBER") == []
    assert "PSY0001234567" in found("AHPRA PSY0001234567", "PROVIDER_NUMBER")
    assert "2345678A" in found("provider number 2345678A", "PROVIDER_NUMBER")
    assert found("Provider reviewed 3 options", "PROVIDER_NUMBER") == []


def test_au_uk_ca():
    assert "6482 19930 6" in found("Medicare card 6482 19930 6", "AU_MEDICARE")
    assert found("Medicare 6482 19931 6 invalid", "AU_MEDICARE") == ["6482 19931 6"]  # in context, kept
    assert found("code 6482 19931 6", "AU_MEDICARE") == []  # invalid and no context
    assert "8003 6011 4710 4975" in found("IHI 8003 6011 4710 4975", "AU_IHI")
    assert "823 667 1275" in found("NHS number 823 667 1275", "UK_NHS")
    assert found("823 667 1276", "UK_NHS") == []
    assert "3815 901 396 MX" in found("OHIP 3815 901 396 MX", "CA_HEALTH_NUMBER")
    assert "9031 372 159" in found("9031 372 159", "CA_HEALTH_NUMBER")
    assert "TREJ 8503 1512" in found("RAMQ TREJ 8503 1512", "CA_HEALTH_NUMBER")
    assert found("TREJ 8599 1512", "CA_HEALTH_NUMBER") == []  # month 99 impossible
    assert "123456789" in found("Alberta ULI 123456789", "CA_HEALTH_NUMBER")
    assert found("slept 9 hours", "CA_HEALTH_NUMBER") == []


# ----------------------------------------------------------------------------- account etc.

def test_account():
    assert "12-3456-7890" in found("Account # 12-3456-7890", "ACCOUNT_NUMBER")
    assert "CLM-2024-0012345" in found("claim CLM-2024-0012345", "ACCOUNT_NUMBER")
    assert "4111 1111 1111 1111" in found("card 4111 1111 1111 1111", "ACCOUNT_NUMBER")
    assert found("card 4111 1111 1111 1112", "ACCOUNT_NUMBER") == []
    assert found("on account of her mood; vent A/C 600 x 12", "ACCOUNT_NUMBER") == []


def test_license_never_fires_on_words():
    assert "D1234567" in found("driver's license D1234567", "LICENSE_NUMBER")
    assert "12345" in found("LPC #12345", "LICENSE_NUMBER")
    assert "4567" in found("LCSW no. 4567", "LICENSE_NUMBER")
    assert "651180" in found("C.Psych. (CPSO #651180)", "LICENSE_NUMBER")
    assert "88 541 229" in found("Licence: 88 541 229", "LICENSE_NUMBER")
    # Presidio's US driver licence recognizer fires on words like these; ours must not
    words = ("She is licensed and certified. The license lapsed. Permit denied. LPC in good standing. "
             "Certificate pending. The nurse is kind. Therapist notes. RN on duty. ABCDEFGH and WDLABCD12.")
    assert found(words, "LICENSE_NUMBER") == []


def test_vehicle_and_device():
    assert "ABC-1234" in found("licence plate ABC-1234", "VEHICLE_ID")
    assert "XY12 ABC" in found("registration XY12 ABC", "VEHICLE_ID")
    assert "1ABC23" in found("rego 1ABC23", "VEHICLE_ID")
    assert "WBAFRGR70GY379907" in found("stamped WBAFRGR70GY379907", "VEHICLE_ID")
    assert found("plate of food; plateau 20; registration desk 2024; REGLAN X1", "VEHICLE_ID") == []
    assert "SN-4471-X2" in found("serial no. SN-4471-X2", "DEVICE_ID")
    assert "PJN123456" in found("pacemaker serial PJN123456", "DEVICE_ID")
    assert "35-209900-176148-1" in found("IMEI 35-209900-176148-1", "DEVICE_ID")
    assert found("code 35-209900-176148-3", "DEVICE_ID") == []  # Luhn fails, no label
    assert "58-073021-573681-0" in found("IMEI 58-073021-573681-0", "DEVICE_ID")
    assert found("serial 7s intact; serial sevens", "DEVICE_ID") == []
    assert "RRJ-6643-L26" in found("PACEMAKER RRJ-6643-L26 interrogated", "DEVICE_ID")
    assert found("CPAP 5CMH2O; PUMP 10CC/HR; monitor HR 80; ICD-10 F32.1", "DEVICE_ID") == []
    assert "ekfw 389" in found("a honda civic (plate ekfw 389)", "VEHICLE_ID")
    assert "3PPT165" in found("Vehicle (for parking permit): 3PPT165", "VEHICLE_ID")


def test_generic_id():
    assert "2024-0512" in found("case number 2024-0512", "ID")
    assert "F-778812" in found("file no. F-778812", "ID")
    assert "C-99812" in found("client ID C-99812", "ID")
    assert "123456789" in found("passport no. 123456789", "ID")
    assert found("in this case 3 people; file it by 1300; since 1400 stable", "ID") == []


# ---- device serials with two digits, lower case; college registrations (recall push)
@pytest.mark.parametrize("text,value", [
    ("Portal audit: message sent from IP 10.2.3.4; device 7QK4WZRMTPLA", "7QK4WZRMTPLA"),
    ("Pacemaker XR5TQ8MWLKZD interrogated - normal.", "XR5TQ8MWLKZD"),
    ("pacemaker qtz-4417-k08 interrogated", "qtz-4417-k08"),
])
def test_device_serials_extended(text, value):
    assert value in found(text, "DEVICE_ID")


@pytest.mark.parametrize("text", [
    "monitor HEARTRATE1 on the wall",
    "the device was BROKEN again",
    "pump RATE changed to 40",
])
def test_device_negatives_extended(text):
    assert found(text, "DEVICE_ID") == []


@pytest.mark.parametrize("text,value", [
    ("Odile Brant, RSW (College reg. 483920)", "483920"),
    ("Registered Psychotherapist College reg. 77012", "77012"),
    ("board registration no. 55120 on file", "55120"),
])
def test_college_registration(text, value):
    assert value in found(text, "LICENSE_NUMBER")


def test_college_without_number():
    assert found("She attended college in the city.", "LICENSE_NUMBER") == []


# ---- single-digit all-caps device serials; lower-case regulator acronyms (recall push 2)
@pytest.mark.parametrize("text,value", [
    ("Portal log: sent from IP 10.9.8.7; device QWRTZPLKM4XB", "QWRTZPLKM4XB"),
    ("Pacemaker BDFHJKLMN7QR interrogated - normal.", "BDFHJKLMN7QR"),
])
def test_device_single_digit_serials(text, value):
    assert value in found(text, "DEVICE_ID")


@pytest.mark.parametrize("text", [
    "device MALFUNCTIONING again",           # no digit
    "monitor A1B2 flagged",                   # too short
    "CPAP 5CMH2O overnight",                  # short unit string
    "device ABCDEFGHIJKLMNOPQ1 listed",       # too long (17+)
])
def test_device_single_digit_negatives(text):
    assert found(text, "DEVICE_ID") == []


@pytest.mark.parametrize("text,value", [
    ("cbt therapist, hcpc registration 4471203", "4471203"),
    ("psychiatrist, gmc qzt4418207", "qzt4418207"),
    ("registered social worker ocswssw # 552918", "552918"),
])
def test_lowercase_regulators(text, value):
    assert value in found(text, "LICENSE_NUMBER")


def test_lowercase_regulator_negatives():
    assert found("the gmc guidance was discussed", "LICENSE_NUMBER") == []
    assert found("hcpc standards reviewed in supervision", "LICENSE_NUMBER") == []


def test_device_single_digit_trailing_digit_word():
    assert found("monitor OXYGENSAT2 alarm", "DEVICE_ID") == []


def test_device_single_trailing_digit_long_serial():
    assert "KWPZRTMVBNQ5" in found("Pacemaker KWPZRTMVBNQ5 interrogated", "DEVICE_ID")


# ---- free-form codes with no label (CodeRecognizer) and labelled fields (labelled_fields.py)
from deid.recognizers import labelled_fields as LF  # noqa: E402

CODES = Probe([I.CodeRecognizer()])
FIELDS = Probe(LF.get_recognizers())


@pytest.mark.parametrize("text,value", [
    ("the letter quoted HRA-2291-0457 at the top", "HRA-2291-0457"),
    ("quote 7710293K when calling", "7710293K"),
    ("van (304-D-22817) towed", "304-D-22817"),
    ("number on the envelope 3348812/24", "3348812/24"),
    ("it was like qx7718204 or so", "qx7718204"),
    ("reference 88120044 given", "88120044"),
    ("veteran 2049917735V204418 on file", "2049917735V204418"),
    ("licence 071.004417", "071.004417"),
])
def test_free_form_codes(text, value):
    assert value in CODES.found(text, "ID")


@pytest.mark.parametrize("text", [
    "BP 128/76, HR 88, PHQ-9 of 17, GAD-7 14, DSM-5, ICD-10, COVID-19",
    "Dx F33.1, F43.10, T14.91XA, S72.0012A",
    "sertraline 100mg; vitamin D 2000 IU; heparin 15000 units; 1500cc; 1200cc/hr; 12mcg/kg/min",
    "WBC 12500; Plt 150000; I/O 2450/1800; ABG 7.38/42/88/24; 149/43/7.44/30/5",
    "AC 600x12; ac 550x16x40%x18 peep; 350-20-7.5peep; AD-91-118; RR-11-13",
    "shift 0700-1900; 2300-0400; 11P-7A; 1100p-0700a; SVR 900-1300; voiding 575-1000",
    "from 2019-2021; 2024-03-14; 14.03.2025; 03/14/2025; 2019/20",
    "$12500; 1,250,000; +12000; -1500; 12345.67; 3.14159",
    "text HOME to 741741; text 50808; CPT 90837; code 99213",
    "walked 12000 steps; 20000 dollars; weight 72.5 kg",
])
def test_free_form_negatives(text):
    assert CODES.found(text, "ID") == []


@pytest.mark.parametrize("text,value,entity", [
    ("Claim ref: CLM-31-0047712 lodged", "CLM-31-0047712", "ID"),
    ("crime ref CR/0917733/24.", "CR/0917733/24", "ID"),
    ("Matriculation no: 3317904K", "3317904K", "ID"),
    ("NI no. ZX 40 91 16 A", "ZX 40 91 16 A", "ID"),
    ("card ending 0932", "0932", "ACCOUNT_NUMBER"),
    ("SSN (last 4): 3381", "3381", "US_SSN"),
    ("policy AB/CD/25/001234", "AB/CD/25/001234", "ACCOUNT_NUMBER"),
    ("Member ID: ZQK 5512 0098", "ZQK 5512 0098", "HEALTH_PLAN_NUMBER"),
    ("GMC number (7311940) on the form", "7311940", "LICENSE_NUMBER"),
    ("NMBI PIN 441902", "441902", "LICENSE_NUMBER"),
    ("Mobile: +44 7700 900614", "+44 7700 900614", "PHONE_NUMBER"),
    ("Tel 0470 88 12 09", "0470 88 12 09", "PHONE_NUMBER"),
    ("Fax: 06 44 12 90 37", "06 44 12 90 37", "PHONE_NUMBER"),
    ("Ph (555) 014-2231", "(555) 014-2231", "PHONE_NUMBER"),
    ("Employer: Kestrel Freight Logistics\n", "Kestrel Freight Logistics", "ORGANIZATION"),
    ("Insurer: Northgate Mutual   Policy: x", "Northgate Mutual", "ORGANIZATION"),
    ("GP: Willow Lane Surgery; next", "Willow Lane Surgery", "ORGANIZATION"),
    ("Next of kin: Tomasz Wróbel (brother)", "Tomasz Wróbel", "PERSON"),
    ("GP: Dr. Ayesha Rahman, partner", "Dr. Ayesha Rahman", "PERSON"),
    ("Place of birth: Tralee. Lives alone", "Tralee", "LOCATION"),
])
def test_labelled_fields(text, value, entity):
    assert value in FIELDS.found(text, entity)


@pytest.mark.parametrize("text", [
    "case 2 of 3; pain 7/10; group has 6 members; Group: 8 attended",
    "Reg. insulin 10 units; ID: Tmax 101.2; ID: TM 101; Report: 1500cc out",
    "file 2019 returns; reference range 3.5-5.0; account for 2 hours; Claim: pending",
    "pH 7.35; ph: 7.41/45/80; phone call lasted 45 minutes; home 3 nights; cell count 12500",
    "Employer: Unemployed since March\nSchool: N/A\nGP: Not registered\nInsurer: Medicaid",
    "Practice: continue grounding exercises daily. Therapist: Okay, so what happened?",
    "Therapist: Hi Sam, how was the week?\nMother: Lives nearby\nPlace of birth: Texas",
    "WIFE: CALLED AND UPDATED\nEMPLOYER: RETIRED",
])
def test_labelled_field_negatives(text):
    assert FIELDS.found(text) == []


def test_free_form_digits_are_not_codes_in_icu_style_notes():
    from deid.recognizers.identifiers import CodeRecognizer

    rec = CodeRecognizer()
    prose = "She read out the reference 48213377 from the letter."
    icu = "Pt resting, HR 88, BP 110/70 at 2100. Total in 48213377 since am. Letter ZX48213 on file."
    assert [prose[r.start:r.end] for r in rec.analyze(prose, ["ID"])] == ["48213377"]
    assert [icu[r.start:r.end] for r in rec.analyze(icu, ["ID"])] == ["ZX48213"]
