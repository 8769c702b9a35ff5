"""The documented set of entity types that deid detects.

Presidio's names are used where Presidio has one; the rest are the project's own.
Every recognizer, the NER label map and every profile refer to these names only.
"""

# name -> one-line description (shown by `deid --help-entities` and in the README)
ENTITY_TYPES: dict[str, str] = {
    "PERSON": "names of people: client, family, clinicians, anyone (full, first-only, initials, nicknames)",
    "AGE": "ages of people (all ages are detected; profiles decide what is kept)",
    "DATE_TIME": "dates and date parts more specific than a year, incl. spoken and partial forms",
    "LOCATION": "cities, towns, suburbs, counties, neighbourhoods and other places below state level",
    "STREET_ADDRESS": "street addresses, PO boxes, units, multi-line address blocks",
    "ZIP_CODE": "US ZIP codes and AU/UK/CA postcodes",
    "ORGANIZATION": "hospitals, clinics, schools, employers, agencies",
    "PHONE_NUMBER": "telephone and fax numbers, incl. spoken digits",
    "EMAIL_ADDRESS": "email addresses, incl. spoken forms ('jo dot smith at gmail dot com')",
    "URL": "web addresses",
    "IP_ADDRESS": "IPv4 and IPv6 addresses",
    "SOCIAL_HANDLE": "social media handles (@name)",
    "US_SSN": "US social security numbers",
    "MEDICAL_RECORD_NUMBER": "MRNs, chart, patient and encounter numbers",
    "HEALTH_PLAN_NUMBER": "health plan, member, Medicaid, US Medicare (MBI) and group numbers",
    "AU_MEDICARE": "Australian Medicare card numbers",
    "AU_IHI": "Australian Individual Healthcare Identifiers",
    "UK_NHS": "UK NHS numbers",
    "CA_HEALTH_NUMBER": "Canadian provincial health card numbers",
    "PROVIDER_NUMBER": "NPI, DEA, AHPRA and other practitioner registration/provider numbers",
    "ACCOUNT_NUMBER": "account, claim, invoice and billing numbers",
    "LICENSE_NUMBER": "driver's licences, professional licences, certificate numbers",
    "VEHICLE_ID": "vehicle plates and VINs",
    "DEVICE_ID": "device serial numbers and identifiers",
    "ID": "any other unique identifying number or code",
    "UNIQUE_EVENT": "unique identifying events, characteristics or roles (quasi-identifiers)",
    "UNKNOWN": "a word no list knows, removed by the recall-first safety net (profiles with recall: max)",
}

SUPPORTED_ENTITIES = list(ENTITY_TYPES)
