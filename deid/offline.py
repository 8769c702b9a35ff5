"""Make sure nothing deid uses reaches for the network.

tldextract (used by Presidio's e-mail and URL recognizers) downloads the public
suffix list on first use and prints tracebacks when it cannot; it is pointed at the
snapshot bundled with it instead.  Hub libraries are told they are offline.

deid's own recognizers never use tldextract, and importing it (with ``requests``)
costs about a tenth of a second of start-up, so it is not imported here: when it is
already loaded it is pointed at the snapshot at once, otherwise the moment anything
imports it (a one-shot import hook).
"""
from __future__ import annotations

import importlib.abc
import importlib.util
import os
import sys

_done = False
_MODULE = "tldextract.tldextract"


def _point_at_snapshot(module) -> None:
    module.TLD_EXTRACTOR = module.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class _WhenImported(importlib.abc.MetaPathFinder):
    """Finds nothing itself; wraps the real loader of ``tldextract.tldextract`` so the
    module is pointed at its snapshot as soon as it has run."""

    def find_spec(self, name, path=None, target=None):
        if name != _MODULE:
            return None
        sys.meta_path.remove(self)  # one shot; also lets find_spec below find the real one
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        real = spec.loader

        class _Loader(importlib.abc.Loader):
            def create_module(self, spec):
                return real.create_module(spec)

            def exec_module(self, module):
                real.exec_module(module)
                _point_at_snapshot(module)

        spec.loader = _Loader()
        return spec


def enforce_offline() -> None:
    global _done
    if _done:
        return
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ.setdefault(var, "1")
    if _MODULE in sys.modules:
        _point_at_snapshot(sys.modules[_MODULE])
    elif importlib.util.find_spec("tldextract") is not None:
        sys.meta_path.insert(0, _WhenImported())
    _done = True
