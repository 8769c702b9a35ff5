"""deid/_presidio.py: the deid command imports Presidio without its unused recognizers."""
import json
import subprocess
import sys

CODE = r"""
import json, sys
lazy = sys.argv[1] == "lazy"
if lazy:
    from deid._presidio import install
    assert install()
from deid import Deidentifier
d = Deidentifier()
text = ("Client Rawiri Tane, DOB 02/11/1987, card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32; "
        "seen in Hamilton with his aunty Huia.")
found = [(f.start, f.end, f.entity_type) for f in d.detect(text)]
loaded = sorted(m for m in sys.modules if m.startswith("presidio_analyzer.predefined_recognizers"))
print(json.dumps({"found": found, "loaded": loaded, "spacy_cli": "spacy.cli" in sys.modules}))
"""


def _run(mode):
    out = subprocess.run([sys.executable, "-c", CODE, mode], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_lazy_presidio_finds_the_same_and_loads_less():
    plain, lazy = _run("plain"), _run("lazy")
    assert lazy["found"] == plain["found"] and plain["found"]
    assert "presidio_analyzer.predefined_recognizers.generic.url_recognizer" in plain["loaded"]
    assert "presidio_analyzer.predefined_recognizers.generic.url_recognizer" not in lazy["loaded"]
    assert len(lazy["loaded"]) < len(plain["loaded"]) / 5
    # spaCy's command line (imported by `import spacy` for spacy.info) is not loaded either
    assert plain["spacy_cli"] and not lazy["spacy_cli"]


def test_spacy_info_and_cli_still_work_after_install():
    code = ("from deid._presidio import install; assert install()\n"
            "import sys, spacy\n"
            "assert 'spacy.cli' not in sys.modules\n"
            "print(spacy.info()['spacy_version'] == spacy.__version__)\n"
            "import spacy.cli\n"
            "print(callable(spacy.cli.download), callable(spacy.cli.info))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True"]


def test_stand_in_runs_the_real_package_on_other_use():
    code = ("from deid._presidio import install; assert install()\n"
            "import presidio_analyzer.predefined_recognizers as p\n"
            "print(p.UrlRecognizer.__name__, p.EmailRecognizer.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["UrlRecognizer", "EmailRecognizer"]


def test_install_does_nothing_once_presidio_is_imported():
    code = "import presidio_analyzer\nfrom deid._presidio import install\nprint(install())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
