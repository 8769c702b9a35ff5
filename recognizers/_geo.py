"""Shared geography vocabulary for postcodes.py and places.py (not a recognizer module).

States, provinces and countries are not PHI under Safe Harbor; they are listed here
so that the LOCATION recognizer can use them as anchors and never report them.
"""
from __future__ import annotations

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
    "PR": "Puerto Rico",
}
# US territories and military "states" (USPS abbreviations; used before a ZIP only)
US_TERRITORIES = {
    "AS": "American Samoa", "GU": "Guam", "MP": "Northern Mariana Islands",
    "VI": "Virgin Islands", "MH": "Marshall Islands", "FM": "Micronesia", "PW": "Palau",
    "AA": "Armed Forces Americas", "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific",
}
# US abbreviations that are rarely anything else in clinical text
US_CLEAN = {
    "AK", "AZ", "AR", "FL", "IL", "KS", "KY", "MN", "MT", "NV", "NJ", "NM", "NY", "NC",
    "OH", "RI", "SD", "TN", "TX", "UT", "VT", "WV", "WI", "WY", "DC", "CA", "WA", "MI", "IA",
    "NH", "MO", "GA", "VA", "LA", "SC", "AL", "CT", "ND", "OK", "CO", "MA", "PA", "MD", "DE",
    "HI", "ID", "ME", "MS", "NE", "IN", "OR",
}
AU_STATES = {
    "NSW": "New South Wales", "VIC": "Victoria", "QLD": "Queensland", "SA": "South Australia",
    "WA": "Western Australia", "TAS": "Tasmania", "NT": "Northern Territory",
    "ACT": "Australian Capital Territory",
}
CA_PROVINCES = {
    "ON": "Ontario", "QC": "Quebec", "BC": "British Columbia", "AB": "Alberta",
    "MB": "Manitoba", "SK": "Saskatchewan", "NS": "Nova Scotia", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "PE": "Prince Edward Island", "YT": "Yukon",
    "NT": "Northwest Territories", "NU": "Nunavut",
}
UK_NATIONS = ["England", "Scotland", "Wales", "Northern Ireland"]
COUNTRIES = [
    "United States", "USA", "US", "America", "Australia", "Canada", "United Kingdom", "UK",
    "Britain", "Great Britain", "Ireland", "New Zealand", "Mexico", "India", "China", "Japan",
    "Korea", "Vietnam", "Philippines", "Indonesia", "Malaysia", "Singapore", "Thailand",
    "Germany", "France", "Italy", "Spain", "Portugal", "Greece", "Poland", "Russia", "Ukraine",
    "Netherlands", "Belgium", "Sweden", "Norway", "Denmark", "Finland", "Switzerland",
    "Austria", "Turkey", "Iran", "Iraq", "Syria", "Lebanon", "Israel", "Egypt", "Afghanistan",
    "Pakistan", "Bangladesh", "Sri Lanka", "Nepal", "Africa", "South Africa", "Nigeria",
    "Kenya", "Ethiopia", "Somalia", "Sudan", "Ghana", "Brazil", "Argentina", "Chile",
    "Colombia", "Peru", "Venezuela", "Cuba", "Jamaica", "Haiti", "Puerto Rico", "Europe",
    "Asia", "Fiji", "Samoa", "Tonga", "Papua New Guinea", "Scotland", "Wales", "England",
]
STATE_NAMES = (
    set(US_STATES.values()) | set(AU_STATES.values()) | set(CA_PROVINCES.values())
    | set(UK_NATIONS) | set(COUNTRIES)
)


def alt(words) -> str:
    """Regex alternation, longest first, with spaces as \\s+."""
    return "|".join(w.replace(" ", r"\s+").replace(".", r"\.") for w in sorted(set(words), key=lambda w: (-len(w), w)))
