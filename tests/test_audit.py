"""The audit log (deid/audit.py): one JSON line per document, never a value."""
import json
import os
import threading

from click.testing import CliRunner

from deid.audit import AuditLog

NOTE = """Session 6, 9 April 2024. Client Saoirse Gallagher (DOB 03/05/1988) attended with her brother
Declan Gallagher from Letterkenny. Phone 087 123 4567. PHQ-9 14. Plan: continue sertraline."""
VALUES = ["Saoirse", "Gallagher", "Declan", "Letterkenny", "087 123 4567", "03/05/1988", "9 April 2024", "note-saoirse"]


def test_record_shape_and_hashing(tmp_path):
    log = AuditLog(tmp_path / "audit.jsonl")
    rec = log.record("scrub", "ai", "saoirse_gallagher.txt", {"PERSON": 2, "DATE_TIME": 1}, client_id="saoirse-g")
    line = (tmp_path / "audit.jsonl").read_text()
    assert json.loads(line) == rec
    assert set(rec) == {"time", "command", "profile", "doc", "counts", "client"}
    assert rec["time"].endswith("Z") and rec["counts"] == {"DATE_TIME": 1, "PERSON": 2}
    assert rec["doc"].startswith("h:") and rec["client"].startswith("h:")
    assert "saoirse" not in line.lower() and "gallagher" not in line.lower()
    # the same document and client hash the same within a log (records can be linked)
    rec2 = log.record("scrub", "ai", "saoirse_gallagher.txt", {}, client_id="saoirse-g")
    assert rec2["doc"] == rec["doc"] and rec2["client"] == rec["client"]
    assert oct(os.stat(tmp_path / "audit.jsonl.key").st_mode & 0o777) == "0o600"


def test_parallel_appends_do_not_interleave(tmp_path):
    path = tmp_path / "a.jsonl"

    def w(n):
        log = AuditLog(path)
        for i in range(25):
            log.record("batch", "safe-harbor", f"doc-{n}-{i}", {"PERSON": i})

    ts = [threading.Thread(target=w, args=(n,)) for n in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    lines = path.read_text().splitlines()
    assert len(lines) == 100 and all(json.loads(x)["command"] == "batch" for x in lines)


def test_scrub_audit_holds_no_value_of_the_note(tmp_path):
    from deid.cli import cli

    note = tmp_path / "note-saoirse.txt"
    note.write_text(NOTE)
    log = tmp_path / "audit.jsonl"
    r = CliRunner().invoke(cli, ["scrub", "--audit", str(log), "--client-id", "saoirse-g", str(note), str(note)])
    assert r.exit_code == 0, r.output
    raw = log.read_text()
    recs = [json.loads(x) for x in raw.splitlines()]
    assert len(recs) == 2 and recs[0]["doc"] == recs[1]["doc"]
    assert recs[0]["profile"] == "safe-harbor" and recs[0]["counts"]["PERSON"] >= 2
    low = raw.lower()
    for v in VALUES + ["saoirse-g", "sertraline", str(note)]:
        assert v.lower() not in low, f"a value of {len(v)} chars is in the audit log"
    values = " ".join(str(v) for r in recs for k, v in r.items() if k != "counts").lower()
    for word in set(NOTE.replace(",", " ").replace(".", " ").split()):
        if len(word) > 3 and word.isalpha():
            assert word.lower() not in values, "note text in the audit log"


def test_scrub_audit_one_record_per_file_in_every_format(tmp_path):
    """A structured file (here .md, .jsonl, .vtt) is one document: one record, under its own name."""
    from deid.cli import cli

    md = tmp_path / "session.md"
    md.write_text("# Session\n\n" + NOTE + "\n")
    jl = tmp_path / "notes.jsonl"
    jl.write_text(json.dumps({"id": 1, "text": NOTE}) + "\n" + json.dumps({"id": 2, "text": NOTE}) + "\n")
    vtt = tmp_path / "call.vtt"
    vtt.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Therapist>" + NOTE.splitlines()[0] + "\n")
    for f in (md, jl, vtt):
        log = tmp_path / f"audit-{f.suffix[1:]}.jsonl"
        r = CliRunner().invoke(cli, ["scrub", "--audit", str(log), "--client-id", "saoirse-g", str(f), "-o",
                                     str(tmp_path / f"out{f.suffix}")])
        assert r.exit_code == 0, r.output
        recs = [json.loads(x) for x in log.read_text().splitlines()]
        assert len(recs) == 1, (f.suffix, len(recs))
        assert recs[0]["counts"].get("PERSON", 0) >= 1
        assert "saoirse" not in log.read_text().lower()
