"""The catalogue of clinical-identifier recognizers.

Each module in this package is one family of identifiers and exposes
``get_recognizers() -> list[presidio_analyzer.EntityRecognizer]``.  The catalogue is
assembled by :func:`build_recognizers`; the modules are listed in
``recognizers/README.md`` with what each one catches.  Installed, this package is
``deid.recognizers``.
"""
from __future__ import annotations

import importlib
import pkgutil

from presidio_analyzer import EntityRecognizer


def catalogue_modules() -> list[str]:
    """Names of the recognizer modules, in a stable order."""
    return sorted(
        m.name
        for m in pkgutil.iter_modules(__path__)
        if not m.name.startswith("_") and not m.ispkg
    )


def build_recognizers() -> list[EntityRecognizer]:
    """Instantiate every recognizer of the catalogue."""
    out: list[EntityRecognizer] = []
    for name in catalogue_modules():
        mod = importlib.import_module(f"{__name__}.{name}")
        getter = getattr(mod, "get_recognizers", None)
        if getter is not None:
            out.extend(getter())
    return out
