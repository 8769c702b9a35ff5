"""Build ``holidays.tsv``: names of holidays and festivals that fix a day.

Run at build time only (the product reads the generated file; it never imports
``holidays``)::

    pip install --target /tmp/hol holidays==0.109      # MIT licence
    PYTHONPATH=/tmp/hol python -m recognizers.data.build_holidays

Sources (see PROVENANCE.md):

1. ``holidays`` (PyPI, MIT licence, (c) vacanza and contributors): the English
   (``en_US``, or the country's own English default) names of every public, bank,
   optional, government and unofficial holiday of every supported country, and of the
   subdivisions of the English-speaking countries, for the years 2020-2027.
2. ``FESTIVALS`` below: religious, cultural and sporting days that the package does
   not list under an English name (Nochebuena, Seollal, Nowruz,
   Melbourne Cup Day...), written for this project from general knowledge (CC0).

Output, one name a line: ``name<TAB>ci`` (matched in any case: the name has a word
that is not an ordinary English word, "Diwali", "Anzac Day") or ``name<TAB>cs``
(every word is an ordinary word, "Family Day", "Victory Day": matched only as written,
in Title case). Single ordinary words ("Epiphany", "Assumption") are left out.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "holidays.tsv"
COMMON = HERE.parent / "lexicons" / "common_words.tsv.gz"

ENGLISH_SUBDIVISIONS = {"US", "AU", "CA", "GB", "NZ", "IE", "IN", "ZA", "PH"}
YEARS = range(2020, 2028)

# Days fixed by religion, culture or sport, written for this project (CC0).
FESTIVALS = """
Christmas Eve
Nochebuena
Noche Buena
Nochevieja
Hogmanay
Burns Night
Bonfire Night
Guy Fawkes Night
Mothering Sunday
Remembrance Sunday
Shrove Tuesday
Pancake Day
Mardi Gras
Ash Wednesday
Palm Sunday
Maundy Thursday
Holy Saturday
Orthodox Easter
Orthodox Christmas
Pentecost
Whit Sunday
Whitsun
Candlemas
Ramadan
Eid
Eid al-Fitr
Eid al-Adha
Eid ul-Fitr
Eid ul-Adha
Eid Mubarak
Mawlid
Ashura
Laylat al-Qadr
Rosh Hashanah
Rosh Hashana
Yom Kippur
Sukkot
Simchat Torah
Hanukkah
Chanukah
Purim
Passover
Pesach
Shavuot
Tisha B'Av
Diwali
Deepavali
Holi
Navratri
Dussehra
Durga Puja
Raksha Bandhan
Janmashtami
Ganesh Chaturthi
Karva Chauth
Onam
Pongal
Makar Sankranti
Vaisakhi
Baisakhi
Guru Nanak Jayanti
Bandi Chhor Divas
Vesak
Lunar New Year
Chinese New Year
Spring Festival
Seollal
Tết
Mid-Autumn Festival
Moon Festival
Dragon Boat Festival
Qingming
Obon
Songkran
Loy Krathong
Nowruz
Norouz
Kwanzaa
Juneteenth
Cinco de Mayo
Día de los Muertos
Dia de los Muertos
Day of the Dead
Las Posadas
Día de Reyes
Three Kings Day
Matariki
Waitangi Day
Anzac Day
Australia Day
Melbourne Cup Day
Grand Final Day
Canada Day
Victoria Day
Saint-Jean-Baptiste Day
St Jean Baptiste Day
Family Day
Thanksgiving
Thanksgiving Day
Black Friday
Super Bowl Sunday
St Patrick's Day
St. Patrick's Day
St David's Day
St Andrew's Day
St George's Day
Valentine's Day
Halloween
Groundhog Day
Juneteenth Day
Martin Luther King Day
MLK Day
Presidents' Day
Columbus Day
Indigenous Peoples' Day
Veterans Day
Memorial Day
Labor Day
Labour Day
Boxing Day
Easter Sunday
Easter Monday
Good Friday
New Year's Eve
New Year's Day
""".strip().splitlines()

DROP_PREFIX = re.compile(
    r"^(?:the\s+)?(?:alternative holiday for|substitute holiday for|day off for|"
    r"day after|day before|the day preceding|the day following|second day of|third day of|"
    r"fourth day of|eve of|observed|in lieu of|bridge holiday for|bridge day for|"
    r"additional holiday for|extra holiday for|holiday for)\s+",
    re.IGNORECASE,
)
GENERIC = {
    "public holiday", "national holiday", "bank holiday", "special holiday", "holiday",
    "day off", "substitute holiday", "special non-working holiday", "corpus christi",
    "general election", "election day", "national day", "rest day", "day of rest",
    "working day", "half day", "school holiday", "weekend",
}


def _common() -> set[str]:
    with gzip.open(COMMON, "rt", encoding="utf-8") as fh:
        return {line.split("\t", 1)[0] for line in fh if line.strip()}


def _clean(name: str) -> str | None:
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    name = re.sub(r"\s*\*+$", "", name)
    prev = None
    while prev != name:
        prev = name
        name = DROP_PREFIX.sub("", name).strip()
    name = re.sub(r"\s+", " ", name).strip(" .,;")
    if not name or any(c.isdigit() for c in name):
        return None
    if len(name.split()) > 5 or name.lower() in GENERIC:
        return None
    return name


def _package_names() -> set[str]:
    import holidays  # build time only

    names: set[str] = set()
    for cc, subdivisions in holidays.list_supported_countries().items():
        try:
            probe = holidays.country_holidays(cc, years=2024)
        except Exception:  # noqa: BLE001 - a country the package cannot build
            continue
        langs = tuple(getattr(probe, "supported_languages", ()) or ())
        if "en_US" in langs:
            lang = "en_US"
        elif not langs or getattr(probe, "default_language", None) in (None, "en_US", "en_GB"):
            lang = None
        else:
            continue  # no English names
        cats = tuple(getattr(probe, "supported_categories", ("public",)))
        subs = [None] + (list(subdivisions) if cc in ENGLISH_SUBDIVISIONS else [])
        for sub in subs:
            try:
                h = holidays.country_holidays(cc, subdiv=sub, years=YEARS, language=lang,
                                              categories=cats)
            except Exception:  # noqa: BLE001
                continue
            for value in set(h.values()):
                for part in value.split(";"):
                    names.add(part.strip())
    return names


def main() -> None:
    common = _common()
    raw = _package_names() | set(FESTIVALS)
    out: dict[str, str] = {}
    for r in raw:
        name = _clean(r)
        if name is None:
            continue
        words = [w.lower().strip("'’.-") for w in re.split(r"[\s-]+", name)]
        words = [re.sub(r"['’]s$", "", w) for w in words if w]
        distinctive = any(w not in common for w in words if w not in {"st", "saint"})
        if not distinctive and len(words) == 1:
            continue
        key = name.lower()
        flag = "ci" if distinctive else "cs"
        if len(words) == 1 and len(name) <= 3 and r not in FESTIVALS:
            flag = "cs"  # a short word could be an abbreviation or typo in lower case
        if key in out and out[key][1] == "ci":
            continue
        out[key] = (name, flag)
    lines = sorted(f"{n}\t{f}" for n, f in out.values())
    OUT.write_text(
        "# holiday and festival names; generated by build_holidays.py (see PROVENANCE.md)\n"
        + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    print(f"{len(lines)} names -> {OUT}")


if __name__ == "__main__":
    main()
