"""The word tables (deid.recognizers._tables): a table mapped from the cache folder
answers exactly as the set or dict built from the packaged list, key by key; a damaged
or unsafe table file is rebuilt, never trusted; with the cache off nothing is written."""
import gzip
import os
import random
import subprocess
import sys
import textwrap

import pytest

from deid.recognizers import _tables

pytestmark = pytest.mark.skipif(_tables.marisa_trie is None, reason="marisa-trie not installed")


def _src(tmp_path, name, lines):
    path = tmp_path / name
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return path


def _read(path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.split("\t") for line in fh.read().split("\n") if line]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("DEID_CACHE_DIR", str(where))
    return where


def _files(cache):
    return sorted(p.name for p in (cache / "tables").glob("*.marisa")) if (cache / "tables").exists() else []


def test_a_mapped_table_answers_as_the_dict_it_was_built_from(tmp_path, cache):
    rng = random.Random(7)
    words = {"".join(rng.choice("abcdeéíōū' -") for _ in range(rng.randint(1, 12))).strip() or "x" for _ in range(3000)}
    rows = [f"{w}\t{rng.randint(-8, 9)}" for w in sorted(words)]
    src = _src(tmp_path, "ints.tsv.gz", rows)
    build = lambda: ((w, int(v)) for w, v in _read(src))  # noqa: E731
    first = _tables.small_int_table("t_ints", [src], build)
    assert isinstance(first, dict) and len(_files(cache)) == 1  # built, and written
    mapped = _tables.small_int_table("t_ints", [src], build)
    assert isinstance(mapped, _tables.TrieTable)
    assert len(mapped) == len(first) and sorted(mapped) == sorted(first)
    probes = list(first) + [w + "q" for w in first][:500] + ["", "Ōtaki", "new  york", None, 7]
    for w in probes:
        assert mapped.get(w) == (first.get(w) if isinstance(w, str) else None), w
        assert (w in mapped) == (isinstance(w, str) and w in first), w
        assert mapped.get(w, -99) == (first.get(w, -99) if isinstance(w, str) else -99)
    with pytest.raises(KeyError):
        mapped["zzzz-not-there"]
    assert dict(mapped.items()) == first


def test_text_and_set_tables_round_trip(tmp_path, cache):
    src = _src(tmp_path, "names.tsv.gz", ["aroha\tF\t5\t0", "o'neill\tL\t6\t1", "ngā\tFL\t3\t0"])
    build = lambda: ((r[0], "\t".join(r[1:])) for r in _read(src))  # noqa: E731
    built = _tables.text_table("t_text", [src], build)
    mapped = _tables.text_table("t_text", [src], build)
    assert isinstance(mapped, _tables.TrieTable)
    for w in ("aroha", "o'neill", "ngā", "nga", "aroh"):
        assert mapped.get(w) == built.get(w)
    words = _src(tmp_path, "words.txt.gz", ["kauri", "rimu", "tōtara"])
    sbuild = lambda: [r[0] for r in _read(words)]  # noqa: E731
    s1 = _tables.word_set("t_set", [words], sbuild)
    s2 = _tables.word_set("t_set", [words], sbuild)
    assert isinstance(s1, frozenset) and isinstance(s2, _tables.TrieSet)
    assert set(s2) == s1 and len(s2) == 3 and "tōtara" in s2 and "totara" not in s2 and 5 not in s2


def test_an_edited_list_is_a_new_table_and_the_old_file_goes(tmp_path, cache):
    src = _src(tmp_path, "w.txt.gz", ["alpha", "beta"])
    build = lambda: [r[0] for r in _read(src)]  # noqa: E731
    _tables.word_set("t_edit", [src], build)
    old = _files(cache)
    _src(tmp_path, "w.txt.gz", ["alpha", "gamma"])
    fresh = _tables.word_set("t_edit", [src], build)
    assert "gamma" in fresh and "beta" not in fresh
    new = _files(cache)
    assert len(new) == 1 and new != old
    assert "gamma" in _tables.word_set("t_edit", [src], build)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "group_writable"])
def test_a_damaged_or_unsafe_file_is_rebuilt_not_trusted(tmp_path, cache, damage):
    src = _src(tmp_path, "w.txt.gz", [f"w{i}" for i in range(500)])
    build = lambda: [r[0] for r in _read(src)]  # noqa: E731
    _tables.word_set("t_bad", [src], build)
    path = cache / "tables" / _files(cache)[0]
    if damage == "garbage":
        path.write_bytes(os.urandom(2048))
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        if not hasattr(os, "getuid"):
            pytest.skip("POSIX permissions")
        os.chmod(path, 0o664)
    table = _tables.word_set("t_bad", [src], build)
    assert isinstance(table, frozenset)  # built again from the list
    assert "w42" in table and "w500" not in table and len(table) == 500
    again = _tables.word_set("t_bad", [src], build)  # and written back whole
    assert isinstance(again, _tables.TrieSet) and set(again) == table


def test_off_builds_in_memory_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("DEID_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    src = _src(tmp_path, "w.txt.gz", ["alpha"])
    t = _tables.word_set("t_off", [src], lambda: ["alpha"])
    assert t == frozenset({"alpha"})
    assert not (tmp_path / "xdg").exists()


def test_the_engine_finds_the_same_with_mapped_and_built_tables(tmp_path):
    """One note, three processes: cache off (plain sets and dicts), first run with a
    cache (builds and writes), second run (every table mapped): the same findings."""
    code = textwrap.dedent(
        """
        import json, sys
        from deid import Deidentifier
        from deid.recognizers import gazetteer, name_lexicon, _tables
        from deid import safety_net
        d = Deidentifier()
        found = [(f.start, f.end, f.entity_type) for f in d.detect(sys.stdin.read())]
        kinds = sorted({type(t()).__name__ for t in (gazetteer.places, name_lexicon._common, safety_net.vocabulary)})
        print(json.dumps([found, kinds]))
        """
    )
    note = (
        "Met with Aroha Te Whata (34) and her brother Rawiri in Palmerston North; she moved "
        "from Kamloops to Geelong last spring. so um me and kaia drove up from taupo, "
        "works at Pinecrest Mutual; mum Mere rang from Leith. BP 120/80, sertraline 50 mg."
    )

    def run(cache_dir):
        e = {**os.environ, "DEID_CACHE_DIR": cache_dir}
        p = subprocess.run([sys.executable, "-c", code], input=note, capture_output=True, text=True, env=e, timeout=600)
        assert p.returncode == 0, p.stderr[-3000:]
        import json

        return json.loads(p.stdout)

    off, kinds_off = run("off")
    first, _ = run(str(tmp_path / "c"))
    second, kinds_mapped = run(str(tmp_path / "c"))
    assert kinds_off == ["dict", "frozenset"] and kinds_mapped == ["TrieSet", "TrieTable"]
    assert off == first == second
    assert len(off) >= 8
