"""Map from gold-annotation labels to deid entity types.

Gold labels are free-form (DESIGN.md section 3); the evaluator reports per gold label
and counts a gold span as found whatever type was predicted. This map is used only for
per-type summaries and for training the NER model. Unknown labels map to "ID".
"""

LABEL_MAP: dict[str, str] = {
    # the project's synthetic corpora (corpora/README.md)
    "CLIENT_NAME": "PERSON",
    "FAMILY_NAME": "PERSON",
    "CLINICIAN_NAME": "PERSON",
    "OTHER_NAME": "PERSON",
    "AGE": "AGE",
    "DATE": "DATE_TIME",
    "STREET": "STREET_ADDRESS",
    "CITY": "LOCATION",
    "ZIP": "ZIP_CODE",
    "LOCATION_OTHER": "LOCATION",
    "HOSPITAL": "ORGANIZATION",
    "SCHOOL": "ORGANIZATION",
    "EMPLOYER": "ORGANIZATION",
    "ORGANIZATION": "ORGANIZATION",
    "PHONE": "PHONE_NUMBER",
    "FAX": "PHONE_NUMBER",
    "EMAIL": "EMAIL_ADDRESS",
    "URL": "URL",
    "IP_ADDRESS": "IP_ADDRESS",
    "SOCIAL_HANDLE": "SOCIAL_HANDLE",
    "SSN": "US_SSN",
    "MRN": "MEDICAL_RECORD_NUMBER",
    "HEALTH_PLAN": "HEALTH_PLAN_NUMBER",
    "MEDICARE": "HEALTH_PLAN_NUMBER",
    "AU_MEDICARE": "AU_MEDICARE",
    "IHI": "AU_IHI",
    "NHS": "UK_NHS",
    "CA_HEALTH": "CA_HEALTH_NUMBER",
    "NPI": "PROVIDER_NUMBER",
    "DEA": "PROVIDER_NUMBER",
    "AHPRA": "PROVIDER_NUMBER",
    "LICENSE": "LICENSE_NUMBER",
    "ACCOUNT": "ACCOUNT_NUMBER",
    "VEHICLE": "VEHICLE_ID",
    "DEVICE": "DEVICE_ID",
    "ID_OTHER": "ID",
    "UNIQUE_EVENT": "UNIQUE_EVENT",
    # PhysioNet deid gold standard labels (for users measuring on that corpus)
    "HCPName": "PERSON",
    "PTName": "PERSON",
    "PTNameInitial": "PERSON",
    "RelativeProxyName": "PERSON",
    "Date": "DATE_TIME",
    "DateYear": "DATE_TIME",
    "Location": "LOCATION",
    "Phone": "PHONE_NUMBER",
    "Age": "AGE",
    "Other": "ID",
}

# Labels whose values are PERSON names: the NER model is trained on these.
NER_LABELS = {"PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "STREET_ADDRESS", "AGE"}


def entity_type_for(label: str) -> str:
    return LABEL_MAP.get(label, LABEL_MAP.get(label.upper(), "ID"))
