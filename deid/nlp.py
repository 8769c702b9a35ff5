"""spaCy loading for deid: the shipped NER model (or a stand-in), offline, lean.

The NLP engine handed to Presidio runs only what detection needs (tokenizer and,
when a model is present, tok2vec + ner).  There is no parser or lemmatizer: context
words are compared with the lowercase words of the text itself (``deid.context``).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine

from .errors import ConfigError

log = logging.getLogger("deid")

# NER labels the shipped model predicts are deid entity types already; these map the
# labels of ordinary spaCy English models for users who plug one in.
MODEL_TO_ENTITY = {
    "PERSON": "PERSON", "PER": "PERSON",
    "GPE": "LOCATION", "LOC": "LOCATION", "LOCATION": "LOCATION", "FAC": "LOCATION",
    "ORG": "ORGANIZATION", "ORGANIZATION": "ORGANIZATION",
    "DATE": "DATE_TIME", "DATE_TIME": "DATE_TIME",
    "STREET_ADDRESS": "STREET_ADDRESS", "AGE": "AGE", "ZIP_CODE": "ZIP_CODE",
}
IGNORED_MODEL_LABELS = {
    "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME", "LANGUAGE",
    "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP", "MISC",
}

# Clinical shorthand that the default English tokenizer would split into pieces that
# look like initials or names ("a&ox3" -> "a", "&", "ox3").
SHORTHAND = [
    "a&ox3", "a&ox2", "a&ox1", "a&o", "A&Ox3", "A&OX3", "A&O", "s/p", "S/P", "c/o", "C/O",
    "w/", "W/", "w/o", "W/O", "h/o", "H/O", "r/o", "R/O", "b/l", "B/L", "n/v", "N/V",
    "d/c", "D/C", "f/u", "F/U", "y/o", "Y/O", "i/o", "I/O", "s/s", "c/s", "p/w",
]


def builtin_model_path() -> Optional[Path]:
    """Directory of the NER model shipped inside the package, if one is there."""
    try:
        from deid import models as _models  # installed from the repo's models/
    except ImportError:  # pragma: no cover - broken install
        return None
    path = Path(_models.__file__).parent / "deid_ner"
    return path if (path / "config.cfg").exists() else None


def add_shorthand(nlp: Language) -> Language:
    for s in SHORTHAND:
        nlp.tokenizer.add_special_case(s, [{"ORTH": s}])
    return nlp


@spacy.registry.tokenizers("deid.tokenizer_from_disk.v1")
def _tokenizer_from_disk():
    """An empty tokenizer, for a pipeline whose saved ``tokenizer`` file sets every rule
    (exceptions, prefixes, suffixes, infixes, URL and token matches) when it loads.

    spaCy's own factory first builds the language's default tokenizer (2,700 special
    cases and its patterns), which the saved file then replaces whole: about a fifth
    of a second of every start-up, for nothing. The loaded tokenizer is the same
    (``tokenizer.to_bytes()`` is byte-identical; tests/test_model.py)."""

    def create(nlp: Language):
        from spacy.tokenizer import Tokenizer

        return Tokenizer(nlp.vocab)

    return create


_EXCLUDE = ["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]


def _load_saved(path: Path) -> Language:
    if (path / "tokenizer").is_file():  # the saved tokenizer replaces the factory's whole
        return spacy.load(path, exclude=_EXCLUDE, config={"nlp": {"tokenizer": {"@tokenizers": "deid.tokenizer_from_disk.v1"}}})
    return spacy.load(path, exclude=_EXCLUDE)


def load_spacy(model: str = "builtin") -> Language:
    """Load the spaCy pipeline named by ``model``.

    ``builtin``: the model shipped in the package (a blank English tokenizer when the
    package has none); ``blank``: tokenizer only; anything else: an installed spaCy
    package name or a path to a model directory.  Nothing is ever downloaded.
    """
    if model == "blank":
        nlp = spacy.blank("en")
    elif model == "builtin":
        path = builtin_model_path()
        nlp = _load_saved(path) if path else spacy.blank("en")
    else:
        if not (spacy.util.is_package(model) or Path(model).exists()):
            raise ConfigError(f"spaCy model '{model}' is not installed and deid never downloads models")
        nlp = spacy.load(model, exclude=_EXCLUDE)
    add_shorthand(nlp)
    nlp.max_length = 2_000_000  # chunks are far smaller; this is a guard, not a target
    return nlp


class DeidNlpEngine(SpacyNlpEngine):
    """Presidio NLP engine around an already-loaded spaCy pipeline."""

    def __init__(self, nlp: Language, ner_score: float = 0.85) -> None:
        conf = NerModelConfiguration(
            model_to_presidio_entity_mapping=MODEL_TO_ENTITY,
            labels_to_ignore=sorted(IGNORED_MODEL_LABELS),
            low_score_entity_names=[],
            default_score=ner_score,
        )
        super().__init__(models=[{"lang_code": "en", "model_name": "deid"}], ner_model_configuration=conf)
        self.nlp = {"en": nlp}

    def load(self) -> None:  # already loaded
        pass

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(list(doc.ents), [self.ner_model_configuration.default_score] * len(doc.ents))
        # deid's recognizers and context enhancer read words from the text itself, so
        # the per-token lists Presidio's lemma enhancer needs are not built here (they
        # cost more than the NER on long notes); tokens stay available on the Doc.
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=self,
            language=language,
            scores=scores,
        )
