"""FacilityRecognizer: facilities named as transfer/care destinations (recognizers/facilities.py)."""
import pytest

from deid.recognizers.facilities import FacilityRecognizer

R = FacilityRecognizer()


def found(text):
    return {text[r.start:r.end] for r in R.analyze(text, ["ORGANIZATION"])}


@pytest.mark.parametrize(
    "text,value",
    [
        ("PT WAS TRANSFERRED TO QVH FOR CATH.", "QVH"),
        ("pt is followed at qvh by her cardiologist.", "qvh"),
        ("Transferred from Pinecrest Hospital 4/2 with chest pain.", "Pinecrest Hospital"),
        ("Plan: transfer to zorvath 4 when bed available.", "zorvath"),
        ("ADMITTED FROM ORCHARD HOSP. FOR WORKUP", "ORCHARD HOSP."),
        ("Medflighted from Lower Tillbury Med Ctr overnight.", "Lower Tillbury Med Ctr"),
        ("Came to QVH ER with her husband.", "QVH"),
        ("PT SENT TO ED AT QVH. LABS DRAWN", "QVH"),
        ("Pt has a bed @ St B. pending insurance.", "St B"),
        ("Accepted at Holy Family rehab, awaiting transport.", "Holy Family rehab"),
        ("plans to go to sacred heart hospital tomorrow", "sacred heart hospital"),
        ("Brought him to Elmstead Memorial Hospital last night.", "Elmstead Memorial Hospital"),
        ("TRANSFER QUILLMORE 3 TODAY.", "QUILLMORE"),
        ("His wife works for Brandtwell and visits daily.", "Brandtwell"),
        ("Radiation planning on North Campus this afternoon.", "North Campus"),
    ],
)
def test_positive(text, value):
    assert value in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Transferred to the floor this afternoon.",
        "Sent to CT then back to the unit.",
        "PT TRANSFERRED TO MICU FROM CCU.",
        "Pt transferred to chair with assist x2.",
        "Will go to cardiac rehab after discharge.",
        "Sputum sent to lab. Blood sent for cultures.",
        "Discharged to home with VNA services.",
        "pt went into afib with rvr, returned to NSR",
        "Please refer to flowsheet for vitals.",
        "Transfer to rehab when bed available.",
        "Admitted to hospital with chest pain.",
        "pt was seen by neurology and followed by renal",
        "PT WANTED TO LEAVE HOSPITAL AGAINST ADVICE.",
        "P: BEGIN REHAB, MONITOR RESP STATUS.",
        "transferred to sicu for monitoring",
        "pt placed back on CPAP 5/5 and returned to SIMV",
    ],
)
def test_negative(text):
    assert found(text) == set()

