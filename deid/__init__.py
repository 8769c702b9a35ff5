"""deid: remove protected health information from mental-health text, offline.

>>> from deid import Deidentifier
>>> d = Deidentifier(profile="safe-harbor")   # loading is the slow part: reuse the object
>>> d.scrub("Client Jordan Reyes, DOB 02/11/1987.").text
"""
from __future__ import annotations

__version__ = "0.1.0"

# Installed, the catalogue and the model live at deid.recognizers and deid.models.  In a
# source checkout they sit beside deid/ (recognizers/, models/): let the same import
# names find them there too.
from pathlib import Path as _Path

_root = _Path(__file__).resolve().parent.parent
if not (_Path(__file__).parent / "recognizers").exists() and (_root / "recognizers" / "__init__.py").exists():
    __path__.append(str(_root))  # noqa: F821 - package __path__
del _Path, _root

__all__ = ["Deidentifier", "ScrubResult", "Finding", "ClientCard", "__version__"]


def __getattr__(name: str):  # lazy: `deid --help` must not pay for spaCy and Presidio
    if name in ("Deidentifier", "ScrubResult"):
        from . import engine

        return getattr(engine, name)
    if name == "Finding":
        from .findings import Finding

        return Finding
    if name == "ClientCard":
        from .client_card import ClientCard

        return ClientCard
    raise AttributeError(name)
