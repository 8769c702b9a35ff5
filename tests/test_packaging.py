"""`pip install .` must carry everything needed at run time inside the wheel."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_runtime_data(tmp_path):
    p = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    wheel = next(tmp_path.glob("deid-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in [
        "deid/profiles/safe-harbor.yaml",
        "deid/data/zip3_restricted.txt",
        "deid/recognizers/__init__.py",
        "deid/recognizers/name_lexicon.py",
        "deid/recognizers/lexicons/names.tsv.gz",
        "deid/recognizers/lexicons/common_words.tsv.gz",
        "deid/models/deid_ner/config.cfg",
        "deid/models/deid_ner/meta.json",
    ]:
        assert required in names, required
    assert any(n.startswith("deid/models/deid_ner/ner/") for n in names)
    assert not any(n.startswith(("corpora/", "tests/", "benchmarks/")) for n in names)
    entry = [n for n in names if n.endswith("entry_points.txt")]
    assert entry and "deid = deid.cli:main" in zipfile.ZipFile(wheel).read(entry[0]).decode()
