"""The shipped spaCy NER model (models/deid_ner) and its training helpers.

All sentences below were written for this test; none comes from any corpus.
"""
from pathlib import Path

import pytest
import spacy

from deid.entities import ENTITY_TYPES
from deid.nlp import builtin_model_path, load_spacy

MODEL_LABELS = {"PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "STREET_ADDRESS"}


@pytest.fixture(scope="module")
def model_dir() -> Path:
    path = builtin_model_path()
    assert path is not None, "models/deid_ner/config.cfg is missing: run python models/train.py"
    return path


@pytest.fixture(scope="module")
def nlp(model_dir):
    return load_spacy("builtin")


def _persons(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


def test_model_is_a_complete_spacy_pipeline(model_dir):
    for part in ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner"):
        assert (model_dir / part).exists(), part
    assert model_dir.name == "deid_ner"
    # no training leftovers shipped inside the package
    assert not (model_dir / "model-last").exists()
    assert not (model_dir.parent / "model-last").exists()


def test_loads_offline_with_only_the_needed_components(nlp, monkeypatch):
    assert nlp.pipe_names == ["tok2vec", "ner"]
    for name in ("parser", "tagger", "lemmatizer", "attribute_ruler", "senter"):
        assert name not in nlp.component_names
    assert nlp.vocab.vectors.shape[0] == 0  # no static vectors needed


def test_loads_without_network(model_dir, monkeypatch):
    import socket

    def no_net(*a, **k):
        raise OSError("network disabled in test")

    monkeypatch.setattr(socket, "create_connection", no_net)
    monkeypatch.setattr(socket.socket, "connect", no_net)
    nlp2 = spacy.load(model_dir)
    assert "ner" in nlp2.pipe_names


def test_the_quick_load_gives_the_saved_tokenizer_and_the_same_entities(nlp, model_dir):
    """load_spacy builds the tokenizer empty and lets the saved file fill it: it must be
    the tokenizer spaCy's own loading gives, rule for rule, and tag the same spans."""
    from deid.nlp import SHORTHAND

    plain = spacy.load(model_dir, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
    for s in SHORTHAND:
        plain.tokenizer.add_special_case(s, [{"ORTH": s}])
    assert nlp.tokenizer.to_bytes() == plain.tokenizer.to_bytes()
    texts = [
        "Pt seen 3/4 w/ daughter Aroha Ngata re: d/c plan; a&ox3, f/u with Dr. O'Neill-Baker at St. Vincent's.",
        "SESSION 4 -- CLIENT (J.R., 34) REPORTS SLEEPING 5HRS; WIFE PRIYA ATTENDED. NEXT: 12/01/2025 @ 2PM.",
        "so um me and kaia drove up from taupō on the twelfth, e-mail kaia.r@example.org or https://x.example/y?z=1",
    ]
    for t in texts:
        assert [x.text for x in nlp.tokenizer(t)] == [x.text for x in plain.tokenizer(t)]
        assert [(e.start_char, e.end_char, e.label_) for e in nlp(t).ents] == [
            (e.start_char, e.end_char, e.label_) for e in plain(t).ents
        ]


def test_labels_are_deid_entity_types(nlp):
    labels = set(nlp.get_pipe("ner").labels)
    assert labels == MODEL_LABELS
    assert labels <= set(ENTITY_TYPES)


def test_size_under_30_mb(model_dir):
    size = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())
    assert 100_000 < size < 30 * 1024 * 1024


@pytest.mark.parametrize("text,name", [
    ("Session notes: Marguerite Okonkwo arrived on time and described her week.", "Okonkwo"),
    ("yeah my sister marguerite okonkwo came with me to the appointment", "okonkwo"),
    ("PT RESTING, WIFE MARGUERITE OKONKWO AT BEDSIDE, AWARE OF PLAN.", "OKONKWO"),
    ("Dr. Theodore Vasquez-Lind reviewed the safety plan with the client.", "Vasquez-Lind"),
])
def test_tags_a_person_in_any_case(nlp, text, name):
    persons = _persons(nlp, text)
    assert any(name in p for p in persons), f"no PERSON covering the name ({len(persons)} PERSON entities)"


def test_spoken_name_is_covered_by_some_entity(nlp):
    # privacy needs the name removed; a mis-typed entity still removes it
    text = "um so i talked to marguerite okonkwo yesterday about the panic stuff"
    start = text.index("okonkwo")
    assert any(e.start_char <= start < e.end_char for e in nlp(text).ents)


@pytest.mark.parametrize("text", [
    "Client reports better sleep on sertraline 50 mg; PHQ-9 was 14 today.",
    "BP 120/80, HR 88, SpO2 97% RA. Plan: continue current meds, f/u in two weeks.",
])
def test_no_person_in_clinical_text_without_names(nlp, text):
    assert _persons(nlp, text) == []


def test_shorthand_stays_one_token(nlp, model_dir):
    text = "72F a&ox3, s/p fall, c/o dizziness w/ nausea."
    for pipeline in (nlp, spacy.load(model_dir)):  # baked into the shipped tokenizer too
        toks = [t.text for t in pipeline(text)]
        assert "a&ox3" in toks and "s/p" in toks and "c/o" in toks, toks


def test_augmentation_helpers_keep_spans_aligned():
    from deid.models import train as T

    text = "Met with Jo Park (mother), on 3/4. A&Ox3."
    spans = [(9, 16, "PERSON"), (30, 33, "DATE_TIME")]
    assert [text[s:e] for s, e, _ in spans] == ["Jo Park", "3/4"]

    low, sp = T.augment(text, spans, "lower")
    assert low == text.lower() and sp == spans
    up, _ = T.augment(text, spans, "upper")
    assert up == text.upper()
    # a character whose case mapping changes length is kept as is, so offsets never move
    assert T._case_map("Straße", str.upper) == "STRAßE"

    stripped, sp2 = T.augment(text, spans, "strip")
    assert "," not in stripped and "(" not in stripped and "." not in stripped
    assert "  " not in stripped
    assert [stripped[s:e] for s, e, _ in sp2] == ["Jo Park", "3/4"]
    assert "A&Ox3" in stripped  # shorthand characters are not stripped

    ls, sp3 = T.augment(text, spans, "lower_strip")
    assert [ls[s:e] for s, e, _ in sp3] == ["jo park", "3/4"]


def test_ner_spans_keep_only_the_model_label_set():
    from deid.models import train as T

    doc = {"text": "x" * 50, "spans": [
        {"start": 0, "end": 5, "label": "CLIENT_NAME"},
        {"start": 6, "end": 10, "label": "PHONE"},
        {"start": 11, "end": 15, "label": "HOSPITAL"},
        {"start": 16, "end": 20, "label": "STREET"},
        {"start": 21, "end": 23, "label": "AGE"},
    ]}
    assert T.ner_spans(doc) == [(0, 5, "PERSON"), (11, 15, "ORGANIZATION"), (16, 20, "STREET_ADDRESS")]
