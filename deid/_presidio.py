"""Import Presidio without loading its hundred predefined recognizers up front.

``import presidio_analyzer`` runs ``presidio_analyzer.predefined_recognizers/__init__.py``,
which imports every country's recognizer, compiles the URL recognizer's top-level-domain
pattern and pulls in ``spacy.cli``: about a third of a second that a one-note ``deid
scrub`` pays and never uses (deid builds its own registry and takes three classes from
that package). :func:`install` puts stand-ins for that package and its ``generic``
subpackage in ``sys.modules`` before Presidio is imported. A stand-in imports single
submodules as usual (``...generic.credit_card_recognizer``) and runs the real
``__init__`` the first time anything else is asked of it, so code that wants the whole
catalogue still gets it. One thing does not work with the stand-ins in place:
``RecognizerRegistry.load_predefined_recognizers`` (it looks recognizers up among the
classes already imported), so only processes that deid owns install them: the ``deid``
command (``deid.cli.main``), never ``import deid``.

It changes nothing if Presidio was imported already, and falls back to the plain import
if Presidio's layout is not the one expected. The same processes also defer spaCy's own
command line (``_defer_spacy_cli``), which ``import spacy`` would load for ``spacy.info``.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import types
from pathlib import Path

PACKAGE = "presidio_analyzer.predefined_recognizers"
LAZY = (PACKAGE, PACKAGE + ".generic")
# what Presidio's own modules import from the package at import time (recognizer_registry)
EAGER = {
    "SpacyRecognizer": PACKAGE + ".nlp_engine_recognizers.spacy_recognizer",
    "StanzaRecognizer": PACKAGE + ".nlp_engine_recognizers.stanza_recognizer",
    "TransformersRecognizer": PACKAGE + ".nlp_engine_recognizers.transformers_recognizer",
}


def _stand_in(name: str, folder: Path) -> types.ModuleType:
    init = folder / "__init__.py"
    mod = types.ModuleType(name)
    spec = importlib.machinery.ModuleSpec(name, loader=None, is_package=True, origin=str(init))
    spec.submodule_search_locations = [str(folder)]
    mod.__spec__, mod.__path__, mod.__file__, mod.__package__ = spec, [str(folder)], str(init), name
    state = {"loaded": False}

    def __getattr__(attr: str):
        if attr.startswith("__") or state["loaded"]:
            raise AttributeError(f"module {name!r} has no attribute {attr!r}")
        if name == PACKAGE and attr in EAGER:  # one class: its own module only
            value = getattr(importlib.import_module(EAGER[attr]), attr)
            setattr(mod, attr, value)
            return value
        state["loaded"] = True
        code = compile(init.read_text(encoding="utf-8"), str(init), "exec")
        exec(code, mod.__dict__)  # the package's real __init__, run on first real use
        return getattr(mod, attr)

    mod.__getattr__ = __getattr__
    return mod


def _defer_spacy_cli() -> None:
    """``import spacy`` runs ``from .cli.info import info``, which imports spaCy's whole
    command line (``spacy.cli``: download, weasel, typer, requests, httpx): about 0.3 s of a
    one-note start-up, for a function deid never calls. A stand-in ``spacy.cli.info``
    holds an ``info`` that imports the real module when it is called; ``import
    spacy.cli`` (training, ``spacy.cli.download``) still gets the real package."""
    if "spacy" in sys.modules or "spacy.cli.info" in sys.modules or importlib.util.find_spec("spacy") is None:
        return
    name = "spacy.cli.info"
    stand_in = types.ModuleType(name)

    def info(*args, **kwargs):
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name).info(*args, **kwargs)

    stand_in.info = info
    sys.modules[name] = stand_in


def install() -> bool:
    """Put the stand-ins in place; True when they are in use."""
    _defer_spacy_cli()
    if "presidio_analyzer" in sys.modules:
        return False
    spec = importlib.util.find_spec("presidio_analyzer")
    if spec is None or not spec.submodule_search_locations:
        return False
    root = Path(next(iter(spec.submodule_search_locations)))
    folders = {name: root.joinpath(*name.split(".")[1:]) for name in LAZY}
    if not all((f / "__init__.py").is_file() for f in folders.values()):
        return False
    for name, folder in folders.items():
        sys.modules[name] = _stand_in(name, folder)
    try:
        importlib.import_module("presidio_analyzer")
    except Exception:  # an unexpected layout: forget the stand-ins, import as usual
        for name in list(sys.modules):
            if name == "presidio_analyzer" or name.startswith("presidio_analyzer."):
                del sys.modules[name]
        return False
    return True
