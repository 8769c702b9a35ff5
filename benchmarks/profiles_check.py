"""Do the purpose profiles remove what they promise and keep what they must? (issue 14)

Runs every built-in profile over the notes in ``corpora/profiles/cases.yaml`` (written
afresh for this, all invented) and prints, per profile:

* identifiers removed / promised: everyone else's identifiers, plus the client's own
  ones for every profile except referral (which keeps them);
* client's own kept / listed (referral only: the receiver needs them);
* clinical items kept / listed: scores, medications and doses, risk, crisis lines.

A listed string counts as removed when it no longer appears in the output.  Prints
counts only, never a value.  Run: ``python -m benchmarks.profiles_check``.
"""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

import yaml

CASES = Path(__file__).resolve().parent.parent / "corpora" / "profiles" / "cases.yaml"


def main() -> int:
    from deid import ClientCard, Deidentifier
    from deid.profiles import builtin_profiles, load_profile

    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    card = ClientCard.from_dict(data["card"])
    today = datetime.date(2025, 6, 1)  # fixed, so the table does not drift with the calendar
    rows = []
    for name in builtin_profiles():
        prof = load_profile(name)
        engine = Deidentifier(profile=name, client=card, today=today)
        removed = promised = own_kept = own_listed = clin_kept = clin_listed = 0
        for note in data["notes"]:
            out = engine.scrub(note["text"]).text
            promise = list(note["others"]) + ([] if prof.keep_client else list(note["own"]))
            promised += len(promise)
            removed += sum(str(x) not in out for x in promise)
            if prof.keep_client:
                own_listed += len(note["own"])
                own_kept += sum(str(x) in out for x in note["own"])
            clin_listed += len(note["clinical"])
            clin_kept += sum(str(x) in out for x in note["clinical"])
        rows.append((name, f"{removed}/{promised}", f"{own_kept}/{own_listed}" if own_listed else "-", f"{clin_kept}/{clin_listed}"))
    head = ("profile", "identifiers removed/promised", "client's own kept/listed", "clinical kept/listed")
    print(f"{len(data['notes'])} notes, card given to every profile, reference date {today}")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join(["---"] + ["---:"] * 3) + "|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
