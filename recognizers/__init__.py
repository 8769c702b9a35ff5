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


def compile_all(recognizers: list[EntityRecognizer]) -> int:
    """Compile every pattern that is otherwise compiled on first use (``Rx.compiled``,
    ``AnchorRule.before_re``, the modules' ``LazyRegex`` objects): a long-running
    process (``deid serve``) pays for them once at start, not on the first requests
    that reach them. Returns how many were compiled."""
    import sys

    from ._anchored import AnchorRule
    from ._base import LazyRegex, Rx

    n = 0
    for rec in recognizers:
        for rx in getattr(rec, "patterns", None) or ():
            if isinstance(rx, Rx):
                rx.compiled
                n += 1
        for rule in getattr(rec, "rules", None) or ():
            if isinstance(rule, AnchorRule):
                rule.before_re
                n += 1
    for name, mod in list(sys.modules.items()):
        if mod is None or not name.startswith(__name__ + "."):
            continue
        for value in list(vars(mod).values()):
            if isinstance(value, LazyRegex):
                value.pattern  # the first attribute read compiles it
                n += 1
    return n
