"""A Presidio-style probe: sentences from presidio-evaluator's own generator, as gold.

The issue's third hidden corpus is Presidio's synthetic benchmark (presidio-research
``synth_dataset_v2``). Its generator ships in the ``presidio-evaluator`` package (MIT):
templates of customer-service, letter and address text filled by Faker. This script
draws fresh sentences from it and writes them in the project's gold format, in the
"PHI view" of the issue (titles, nationalities, religions, countries, bare years and
weekdays left out), split by template: even template ids open, odd ones a lockbox.
Nothing is copied into the project; the files go to ``benchmarks/out/`` (ignored).

presidio-evaluator pulls heavy dependencies, so it runs from its own environment::

    python -m venv /tmp/pe && /tmp/pe/bin/pip install presidio-evaluator==0.3.2 pycountry
    /tmp/pe/bin/python -m benchmarks.presidio_style --n 1500 --seed 11
    python -m benchmarks.lockbox --only ps_open --only ps_lockbox

``benchmarks.lockbox`` picks the two files up when they exist; the lockbox half is
run for its aggregate figures only.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
DROP = {"TITLE", "NRP"}  # titles, nationalities and religions are not PHI


def _countries() -> set[str]:
    import pycountry
    from faker.providers.address.en_US import Provider

    names = set(Provider.countries) | {"United States", "United Kingdom", "USA", "UK", "Russia",
                                       "South Korea", "North Korea"}
    for c in pycountry.countries:
        names |= {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
    return names | {n.upper() for n in names}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    from presidio_evaluator.data_generator import PresidioSentenceFaker

    faker = PresidioSentenceFaker("en_US", lower_case_ratio=0.05, random_seed=args.seed)
    countries = _countries()
    OUT.mkdir(exist_ok=True)
    files = {0: open(OUT / "presidio_style_open.jsonl", "w", encoding="utf-8"),
             1: open(OUT / "presidio_style_lockbox.jsonl", "w", encoding="utf-8")}
    for i, rec in enumerate(faker.generate_new_fake_sentences(args.n)):
        spans = []
        for s in rec.spans:
            v = s.entity_value.strip()
            if s.entity_type in DROP or (s.entity_type == "GPE" and v in countries):
                continue
            if s.entity_type == "DATE_TIME" and (re.fullmatch(r"\d{4}", v) or v.lower() in DAYS):
                continue
            spans.append({"start": s.start_position, "end": s.end_position, "label": s.entity_type})
        doc = {"id": f"ps-{args.seed}-{i}", "kind": f"t{rec.template_id}", "text": rec.full_text, "spans": spans}
        files[int(rec.template_id) % 2].write(json.dumps(doc, ensure_ascii=False) + "\n")
    for fh in files.values():
        fh.close()
    print(f"{args.n} sentences -> {OUT}/presidio_style_{{open,lockbox}}.jsonl")


if __name__ == "__main__":
    main()
