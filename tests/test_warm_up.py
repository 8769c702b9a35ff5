"""warm_up(): a long-running process compiles every lazily compiled pattern before serving."""
import sys

from deid.recognizers._anchored import AnchorRule
from deid.recognizers._base import LazyRegex, Rx


def _reset(recs):
    """Forget every compiled lazy pattern (other tests in this process compiled some)."""
    for rec in recs:
        for rx in getattr(rec, "patterns", None) or ():
            if isinstance(rx, Rx):
                rx._compiled = None
        for r in getattr(rec, "rules", None) or ():
            if isinstance(r, AnchorRule):
                r._before_re = None
    for name, mod in list(sys.modules.items()):
        if mod is not None and name.startswith("deid.recognizers."):
            for v in vars(mod).values():
                if isinstance(v, LazyRegex):
                    v._compiled = None


def _lazy_left(recs):
    left = 0
    for rec in recs:
        left += sum(1 for rx in getattr(rec, "patterns", None) or () if isinstance(rx, Rx) and rx._compiled is None)
        left += sum(1 for r in getattr(rec, "rules", None) or () if isinstance(r, AnchorRule) and r._before_re is None)
    for name, mod in list(sys.modules.items()):
        if mod is not None and name.startswith("deid.recognizers."):
            left += sum(1 for v in vars(mod).values() if isinstance(v, LazyRegex) and v._compiled is None)
    return left


def test_warm_up_compiles_every_lazy_pattern():
    from deid import Deidentifier

    d = Deidentifier(profile="supervision")
    d.detect("x")
    _reset(d.recognizers)
    assert _lazy_left(d.recognizers) > 100
    d.warm_up()
    assert _lazy_left(d.recognizers) == 0
    # and the engine still works after it
    assert any(f.entity_type == "PERSON" for f in d.detect("Seen with Dr Oyelaran today."))
