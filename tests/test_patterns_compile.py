"""Every pattern of the catalogue compiles (patterns are compiled lazily, on first use)."""
from deid.recognizers import build_recognizers
from deid.recognizers._anchored import AnchorRule
from deid.recognizers._base import Rx


def test_every_catalogue_pattern_compiles():
    seen = 0
    for rec in build_recognizers():
        for rx in getattr(rec, "patterns", []) or []:
            if isinstance(rx, Rx):
                assert rx.compiled.pattern == rx.regex, rx.name
                seen += 1
        for rule in getattr(rec, "rules", []) or []:
            if isinstance(rule, AnchorRule):
                assert rule.before_re.pattern.endswith("\\Z"), rule.name
                seen += 1
    assert seen > 100  # the catalogue's regex patterns and anchor rules were all reached
