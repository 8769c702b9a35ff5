"""The compiled-pattern cache (deid.recognizers._patterns): a pattern compiled once is
loaded, not parsed, by the next process; the file never holds a note's text; a bad,
foreign or unsafe file is ignored; the catalogue's patterns are the same text in every
process, so the cache hits (and alternations keep one order whatever the hash seed)."""
import os
import pickle
import subprocess
import sys
import textwrap

import pytest


def _py(code: str, cache_dir, env=None, check=True) -> str:
    e = dict(os.environ)
    e["DEID_CACHE_DIR"] = str(cache_dir)
    e.update(env or {})
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=e, timeout=300)
    if check:
        assert p.returncode == 0, p.stderr[-3000:]
    return p.stdout


FIRST = """
    from deid.recognizers import _patterns
    rx = _patterns.compile(r"(?i:\\b(?:kauri|totara|rimu)[ \\t]+(?P<n>\\d{2,4}))", 0)
    print(rx.search("ward TOTARA 12").group("n"))
"""
# the same pattern in a process where regex cannot compile anything: it must load
SECOND = """
    import regex
    from deid.recognizers import _patterns
    def refuse(*a, **k):
        raise AssertionError("compiled, not loaded")
    regex.compile = refuse
    rx = _patterns.compile(r"(?i:\\b(?:kauri|totara|rimu)[ \\t]+(?P<n>\\d{2,4}))", 0)
    print(rx.search("bed rimu 407, then Kauri 9").group("n"))
"""


def _file(cache_dir):
    files = [f for f in os.listdir(cache_dir) if f.startswith("patterns-")]
    assert len(files) == 1, files
    return os.path.join(cache_dir, files[0])


def test_a_pattern_compiled_once_is_loaded_by_the_next_process(tmp_path):
    cache = tmp_path / "new" / "cache"  # created by the first process, private
    assert _py(FIRST, cache).strip() == "12"
    path = _file(cache)
    if hasattr(os, "getuid"):
        assert os.stat(path).st_mode & 0o777 == 0o600
        assert os.stat(cache).st_mode & 0o777 == 0o700
    assert _py(SECOND, cache).strip() == "407"


def test_an_edited_pattern_is_a_new_entry_not_the_old_program(tmp_path):
    _py(FIRST, tmp_path)
    out = _py(
        """
        from deid.recognizers import _patterns
        print(bool(_patterns.compile(r"(?i:\\b(?:kauri|totara|matai)[ \\t]+(?P<n>\\d{2,4}))", 0).search("matai 55")))
        print(bool(_patterns.compile(r"(?i:\\b(?:kauri|totara|rimu)[ \\t]+(?P<n>\\d{2,4}))", 0).search("matai 55")))
        """,
        tmp_path,
    )
    assert out.split() == ["True", "False"]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "foreign_global", "wrong_shape"])
def test_a_damaged_or_foreign_file_is_ignored_and_replaced(tmp_path, damage):
    _py(FIRST, tmp_path)
    path = _file(tmp_path)
    marker = tmp_path / "ran"
    if damage == "truncated":
        data = open(path, "rb").read()[:200]
    elif damage == "garbage":
        data = os.urandom(4096)
    elif damage == "empty":
        data = b""
    elif damage == "foreign_global":  # a pickle that would run code when loaded
        class Evil:
            def __reduce__(self):
                return (os.system, (f"touch {marker}",))

        data = pickle.dumps({("x", 0): Evil()})
    else:
        data = pickle.dumps([1, 2, 3])
    with open(path, "wb") as fh:
        fh.write(data)
    # loading fails over to compiling: same answer, nothing run, a good file written back
    assert _py(FIRST, tmp_path).strip() == "12"
    assert not marker.exists()
    assert _py(SECOND, tmp_path).strip() == "407"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_file_others_may_write_is_not_read(tmp_path):
    _py(FIRST, tmp_path)
    os.chmod(_file(tmp_path), 0o666)
    out = _py(SECOND, tmp_path, check=False)
    assert "407" not in out  # it compiled (refused in SECOND) instead of loading


def test_off_writes_nothing(tmp_path):
    e = {"DEID_CACHE_DIR": "off", "XDG_CACHE_HOME": str(tmp_path), "HOME": str(tmp_path)}
    p = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(FIRST)], capture_output=True, text=True, timeout=300,
        env={**os.environ, **e},
    )
    assert p.returncode == 0 and p.stdout.strip() == "12", p.stderr[-2000:]
    assert not any(f.startswith("patterns-") for _, _, fs in os.walk(tmp_path) for f in fs)


def test_derived_data_is_rebuilt_when_its_inputs_change(tmp_path):
    code = """
        import sys
        from deid.recognizers import _patterns
        calls = []
        def build():
            calls.append(1)
            return frozenset(sys.argv[1].split())
        print(sorted(_patterns.derived("inputs:" + sys.argv[1], build)), len(calls))
    """
    def run(arg):
        e = {**os.environ, "DEID_CACHE_DIR": str(tmp_path)}
        p = subprocess.run([sys.executable, "-c", textwrap.dedent(code), arg], capture_output=True, text=True, env=e, timeout=300)
        assert p.returncode == 0, p.stderr[-2000:]
        return p.stdout.strip()

    assert run("wai moana") == "['moana', 'wai'] 1"
    assert run("wai moana") == "['moana', 'wai'] 0"  # loaded, not built
    assert run("awa maunga") == "['awa', 'maunga'] 1"


NOTE = (
    "Client Zephyrine Quorvath-Blesk (DOB 14/09/1987) was seen at Threlkeld Orchard Clinic, "
    "Vantrowe. Her brother Ildric Quorvath phoned from 0412 938 271 about ticket QX-88412."
)
ENGINE = """
    import sys
    from deid.recognizers import _patterns
    from deid import Deidentifier
    d = Deidentifier()
    d.detect(sys.stdin.read())
    d.detect("Sam (7) and Lee, 12 Kauri St, Ōtaki 5512, on Anzac Day 2019.")
    loaded = _patterns._load()
    print(len(_patterns._store), len([k for k in _patterns._store if k not in loaded]))
"""


def _engine(cache_dir, seed, note=NOTE):
    e = {**os.environ, "DEID_CACHE_DIR": str(cache_dir), "PYTHONHASHSEED": str(seed)}
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(ENGINE)], input=note, capture_output=True, text=True, env=e, timeout=600)
    assert p.returncode == 0, p.stderr[-3000:]
    return [int(x) for x in p.stdout.split()]


def test_the_catalogue_hits_in_another_process_and_no_note_text_is_kept(tmp_path):
    total, new = _engine(tmp_path, 1)
    assert total > 200 and new == total  # first process: everything compiled and written
    # another process, another hash seed: every pattern the engine compiles is in the file
    # (the catalogue builds each pattern's text in one order, whatever the set order)
    total2, new2 = _engine(tmp_path, 2)
    assert new2 == 0 and total2 >= total
    data = open(_file(tmp_path), "rb").read()
    for value in ("Zephyrine", "Quorvath", "Threlkeld", "Vantrowe", "Ildric", "938 271", "QX-88412", "14/09/1987"):
        assert value.encode() not in data and value.lower().encode() not in data, value


def test_no_home_directory_means_no_cache_not_a_failure(tmp_path):
    """A service account with no HOME and no XDG_CACHE_HOME: deid compiles as usual."""
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME", "DEID_CACHE_DIR")}
    code = textwrap.dedent(
        """
        import pathlib
        def no_home():
            raise RuntimeError("Could not determine home directory.")
        pathlib.Path.home = staticmethod(no_home)
        from deid.recognizers import _patterns, _cache
        assert _cache.folder() is None
        rx = _patterns.compile(r"(?i:\\bkauri[ \\t]+(?P<n>\\d+))", 0)
        print(rx.search("Kauri 12").group("n"))
        """
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip() == "12"
