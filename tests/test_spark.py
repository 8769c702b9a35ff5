"""deid.spark.scrub_column on a local-mode Spark session: PHI gone, clinical text and
row order kept, nulls kept. Inputs are invented here."""
import json
import os

import pytest

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

FIRST = ["Marguerite", "Tobias", "Anneliese", "Desmond", "Rosalind"]
LAST = ["Halvorsen", "Quennell", "Abernethy", "Oyelaran", "Pemberton"]
PHONES = ["0413 555 201", "0422 555 318", "0433 555 427"]
TEMPLATES = [
    "Client {f} {l} reported low mood; PHQ-9 of 14. Plan: continue sertraline 50 mg.",
    "Session with {f} {l}. Call back on {p} about the safety plan. GAD-7 of 9.",
    "{f} {l} attended with her sister. Sleep improved; review CBT homework next week.",
]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", __import__("sys").executable)
    s = (SparkSession.builder.master("local[2]").appName("deid-test")
         .config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "2")
         .config("spark.driver.host", "127.0.0.1")
         .config("spark.driver.bindAddress", "127.0.0.1")
         .config("spark.sql.execution.arrow.maxRecordsPerBatch", "100")
         .getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def _rows(n):
    rows = []
    for i in range(n):
        f, l, p = FIRST[i % 5], LAST[(i // 5) % 5], PHONES[i % 3]
        rows.append((i, TEMPLATES[i % 3].format(f=f, l=l, p=p)))
    rows.append((n, None))
    return rows


def test_scrub_column_removes_phi_keeps_rows(spark, engine):
    from deid.spark import detect_column, scrub_column

    rows = _rows(300)
    df = spark.createDataFrame(rows, "id long, text string").repartition(3)
    out = scrub_column(df, "text", profile="safe-harbor", output_column="clean").orderBy("id").collect()
    assert [r["id"] for r in out] == [r[0] for r in rows]
    for r, (i, text) in zip(out, rows):
        assert r["text"] == text  # the source column is untouched
        if text is None:
            assert r["clean"] is None
            continue
        for v in FIRST + LAST + PHONES:
            assert v not in r["clean"], (i, v)
        assert "[PERSON_1]" in r["clean"]
        if i % 50 == 0:  # exactly what the engine gives outside Spark
            assert r["clean"] == engine.scrub(text).text
        for kept in ("PHQ-9", "sertraline", "GAD-7", "CBT homework", "safety plan"):
            if kept in text:
                assert kept in r["clean"]
    # in place, and detect_column gives offsets without values
    same = scrub_column(spark.createDataFrame(rows[:5], "id long, text string"), "text").orderBy("id").collect()
    assert [r["text"] for r in same] == [r["clean"] for r in out[:5]]
    det = detect_column(spark.createDataFrame(rows[:3], "id long, text string"), "text").orderBy("id").collect()
    ents = json.loads(det[0]["entities"])
    assert ents and all(set(e) == {"start", "end", "entity_type", "score", "recognizer"} for e in ents)
    assert any(rows[0][1][e["start"]:e["end"]] == "Marguerite Halvorsen" for e in ents)
