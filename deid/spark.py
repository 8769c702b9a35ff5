"""Scrub a text column of a Spark DataFrame: for case files beyond one machine.

    from deid.spark import scrub_column
    clean = scrub_column(df, "text", profile="safe-harbor")   # same rows, same order

A pandas UDF in its iterator-of-series form: each Python worker of each executor loads
the engine once (cached in this module) and then scrubs every Arrow batch it is given,
through ``scrub_many`` (spaCy's ``nlp.pipe``); long texts take the bounded-memory path
of ``deid.streaming``.  Spark, not deid, distributes the work, retries failed tasks and
writes the results; a failure fails the task (nothing half-scrubbed is written).
Nulls stay null.  Requires ``pip install 'deid[spark]'`` (pyspark, pandas, pyarrow) and
deid installed on every executor (see the README: "Spark on a cluster").
"""
# no `from __future__ import annotations`: pyspark reads the UDF's type hints at definition
import hashlib
import json
import pickle
from typing import Any, Iterator, Optional

_ENGINES: dict = {}


def _engine(profile: str, client: Any, model: str):
    """One engine per configuration and Python worker process (loading is the slow part)."""
    key = (profile, model, client if client is None or isinstance(client, str)
           else hashlib.sha256(pickle.dumps(client)).hexdigest())
    eng = _ENGINES.get(key)
    if eng is None:
        import warnings

        warnings.filterwarnings("ignore")
        from .engine import Deidentifier

        eng = _ENGINES[key] = Deidentifier(profile=profile, client=client, model=model)
    return eng


def _scrub_texts(eng, texts: list) -> list:
    from .streaming import STREAM_CHARS, scrub_text

    out: list = list(texts)
    short = [i for i, t in enumerate(texts) if isinstance(t, str) and t.strip() and len(t) <= STREAM_CHARS]
    for i, r in zip(short, eng.scrub_many([texts[i] for i in short])):
        out[i] = r.text
    for i, t in enumerate(texts):
        if isinstance(t, str) and len(t) > STREAM_CHARS:
            out[i] = scrub_text(eng, t)[0]
    return out


def _detect_texts(eng, texts: list) -> list:
    out: list = [None] * len(texts)
    idx = [i for i, t in enumerate(texts) if isinstance(t, str)]
    for i, found in zip(idx, eng.detect_many([texts[i] for i in idx])):
        out[i] = json.dumps([f.as_dict() for f in found])
    return out


def _column_udf(fn, profile: str, client: Any, model: str):
    """A pandas UDF applying ``fn(engine, texts)`` to each batch of a string column (nulls
    and NaN as None), with one engine per executor process."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    @pandas_udf("string")
    def _apply(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        eng = _engine(profile, client, model)
        for s in batches:
            texts = [None if (v is None or (isinstance(v, float) and v != v)) else str(v) for v in s.tolist()]
            yield pd.Series(fn(eng, texts), index=s.index, dtype="object")

    return _apply


def scrub_column(df, column: str, profile: str = "safe-harbor", client: Any = None,
                 output_column: Optional[str] = None, model: str = "builtin"):
    """``df`` with ``column`` (or ``output_column``) scrubbed under ``profile``.

    ``client``: a client card path readable on every executor, or a loaded
    ``ClientCard`` (shipped with the task)."""
    from pyspark.sql.functions import col

    return df.withColumn(output_column or column, _column_udf(_scrub_texts, profile, client, model)(col(column)))


def detect_column(df, column: str, output_column: str = "entities", profile: str = "safe-harbor",
                  client: Any = None, model: str = "builtin"):
    """``df`` plus ``output_column``: the findings of ``column`` as a JSON list of
    ``{"start", "end", "entity_type", "score", "recognizer"}`` (no values)."""
    from pyspark.sql.functions import col

    return df.withColumn(output_column, _column_udf(_detect_texts, profile, client, model)(col(column)))
