"""What a set of recognizers finds in a text, for the recognizer unit tests."""


class Probe:
    def __init__(self, recognizers, min_score: float = 0.4) -> None:
        self.recs = list(recognizers)
        self.min_score = min_score

    def spans(self, text, entity=None, min_score=None):
        """(start, end) of every finding at or over the score, optionally of one type."""
        floor = self.min_score if min_score is None else min_score
        return [(x.start, x.end) for r in self.recs for x in r.analyze(text, [])
                if x.score >= floor and (entity is None or x.entity_type == entity)]

    def found(self, text, entity=None, min_score=None):
        """The text of every finding at or over the score, optionally of one type."""
        return [text[s:e] for s, e in self.spans(text, entity, min_score)]

    def covered(self, text, value, entity=None):
        """Every letter and digit of ``value`` (first occurrence) is inside a finding."""
        i = text.index(value)
        sp = self.spans(text, entity)
        return all(any(s <= k < e for s, e in sp) for k in range(i, i + len(value)) if text[k].isalnum())

    def untouched(self, text, value):
        """No finding overlaps ``value`` (first occurrence)."""
        i = text.index(value)
        return not any(s < i + len(value) and e > i for s, e in self.spans(text))
