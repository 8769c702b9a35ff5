"""Make sure nothing deid uses reaches for the network.

tldextract (used by Presidio's e-mail and URL recognizers) downloads the public
suffix list on first use and prints tracebacks when it cannot; it is pointed at the
snapshot bundled with it instead.  Hub libraries are told they are offline.
"""
from __future__ import annotations

import os

_done = False


def enforce_offline() -> None:
    global _done
    if _done:
        return
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ.setdefault(var, "1")
    try:
        import tldextract.tldextract as _tld

        _tld.TLD_EXTRACTOR = _tld.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    except ImportError:  # pragma: no cover - tldextract is a presidio dependency
        pass
    _done = True
