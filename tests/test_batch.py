"""deid batch: a case-file folder written here, every format, bad files, resume, --force,
--jobs, interruption. Identifiers are invented."""
import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from conftest import run_deid
from deid import batch
from deid.errors import ConfigError

IDS = ["Marguerite", "Halvorsen", "Tobias", "Quennell", "Bendigo", "0413 555 201"]
GOOD = ["a.txt", "notes/b.md", "notes/deep/c.vtt", "d.srt", "e.json", "f.csv", "g.jsonl", "h.docx"]
BAD = {"bad.docx": "docx", "scan.txt": "binary", "empty.txt": "empty", "x.xyz": "unsupported format .xyz"}


def _docx() -> bytes:
    import docx

    d = docx.Document()
    p = d.add_paragraph("Client Margue")
    p.add_run("rite Halvorsen").bold = True
    p.add_run(" reports low mood.")
    t = d.add_table(rows=1, cols=1)
    t.cell(0, 0).text = "Tobias Quennell, 0413 555 201"
    d.sections[0].header.paragraphs[0].text = "Notes: Marguerite Halvorsen"
    d.core_properties.author = "Tobias Quennell"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_tree(root: Path) -> None:
    files = {
        "a.txt": "Client Marguerite Halvorsen from Bendigo. PHQ-9 of 14, continue sertraline.\n",
        "notes/b.md": "# Intake\n\n**Marguerite Halvorsen** called from 0413 555 201.\n",
        "notes/deep/c.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Marguerite Halvorsen>Tobias Quennell drove me from Bendigo.\n",
        "d.srt": "1\n00:00:01,000 --> 00:00:02,000\nMarguerite: My brother Tobias Quennell visited.\n",
        "e.json": json.dumps({"speaker": "Marguerite Halvorsen", "text": "I live in Bendigo.", "start": 1.5}),
        "f.csv": "id,note\n1,Marguerite Halvorsen phoned from 0413 555 201\n",
        "g.jsonl": json.dumps({"id": 1, "text": "Seen Marguerite Halvorsen in Bendigo."}) + "\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    (root / "h.docx").write_bytes(_docx())
    (root / "bad.docx").write_bytes(b"PK\x03\x04 Marguerite Halvorsen")
    (root / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00Marguerite")
    (root / "empty.txt").write_bytes(b"")
    (root / "x.xyz").write_text("Marguerite Halvorsen")
    (root / ".hidden.txt").write_text("Marguerite Halvorsen")


def hashes(root: Path) -> dict:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def all_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return data.decode("utf-8")


def manifest(out: Path) -> dict:
    return batch.read_manifest(out / batch.MANIFEST)


@pytest.fixture()
def tree(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    make_tree(src)
    return src, tmp_path / "out"


def test_batch_in_process_outputs_manifest_resume_force(tree, engine):
    src, out = tree
    before = hashes(src)
    errors = []
    s = batch.run(str(src), str(out), engine=engine, report=errors.append)
    assert (s.total, s.scrubbed, s.skipped, s.failed) == (12, 8, 0, 4)
    assert s.line() == "deid: 12 files: 8 scrubbed, 0 skipped (already done), 4 failed"
    for rel in GOOD:
        text = all_text(out / rel)
        for v in IDS:
            assert v not in text, (rel, IDS.index(v))
    assert "PHQ-9 of 14, continue sertraline." in (out / "a.txt").read_text()
    assert "00:00:01.000 --> 00:00:03.000" in (out / "notes/deep/c.vtt").read_text()
    assert "1\n00:00:01,000 --> 00:00:02,000\n" in (out / "d.srt").read_text()
    assert json.loads((out / "e.json").read_text())["start"] == 1.5
    for rel in BAD:
        assert not (out / rel).exists()
    assert not (out / ".hidden.txt").exists()
    assert sorted(errors) == sorted(errors) and len(errors) == 4
    for rel, why in BAD.items():
        line = next(e for e in errors if e.startswith(f"deid: error: {rel}: "))
        assert why in line and "Marguerite" not in line
    m = manifest(out)
    assert set(m) == set(GOOD) | set(BAD)
    a = m["a.txt"]
    assert a["status"] == "ok" and a["profile"] == "safe-harbor" and a["counts"]["PERSON"] >= 1
    assert a["input_sha256"] == before["a.txt"]
    assert a["output_sha256"] == hashlib.sha256((out / "a.txt").read_bytes()).hexdigest()
    assert m["bad.docx"]["status"] == "error" and "Marguerite" not in json.dumps(m)
    assert not [p for p in out.rglob("*.part")]
    assert hashes(src) == before  # nothing in IN_DIR changed

    # rerun: everything done is skipped; the failures are reported again
    s2 = batch.run(str(src), str(out), engine=engine, report=lambda _: None)
    assert (s2.scrubbed, s2.skipped, s2.failed) == (0, 8, 4)
    # a changed input is redone, the rest skipped
    (src / "a.txt").write_text("Tobias Quennell rang about sleep.\n")
    s3 = batch.run(str(src), str(out), engine=engine, report=lambda _: None)
    assert (s3.scrubbed, s3.skipped) == (1, 7)
    assert "Tobias" not in (out / "a.txt").read_text()
    # --force redoes everything
    s4 = batch.run(str(src), str(out), engine=engine, force=True, report=lambda _: None)
    assert (s4.scrubbed, s4.skipped, s4.failed) == (8, 0, 4)


def test_refuses_out_inside_in_and_foreign_outputs(tree, engine):
    src, out = tree
    for bad in (src, src / "clean"):
        with pytest.raises(ConfigError):
            batch.run(str(src), str(bad), engine=engine)
    assert not (src / "clean").exists()
    out.mkdir()
    (out / "a.txt").write_text("someone else's file")
    errors = []
    s = batch.run(str(src), str(out), engine=engine, report=errors.append)
    assert (out / "a.txt").read_text() == "someone else's file"
    assert any(e.startswith("deid: error: a.txt: output exists") for e in errors) and s.failed == 5
    batch.run(str(src), str(out), engine=engine, force=True, report=lambda _: None)
    assert "[PERSON_1]" in (out / "a.txt").read_text()


def test_interrupted_run_leaves_no_partial_file_and_resumes(tree, engine, monkeypatch):
    import deid.formats as formats

    src, out = tree
    real = formats.scrub_file
    calls = []

    def dying(eng, path, fh, **kw):
        calls.append(path)
        if len(calls) == 3:
            fh.write(b"half a file")
            raise KeyboardInterrupt
        return real(eng, path, fh, **kw)

    monkeypatch.setattr(formats, "scrub_file", dying)
    s = batch.run(str(src), str(out), engine=engine, report=lambda _: None)
    assert s.interrupted
    third = os.path.relpath(calls[2], src)
    assert not (out / third).exists()
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
    m = manifest(out)
    assert third not in m and all(r["status"] in ("ok", "error") for r in m.values())
    for rel, rec in m.items():  # every output recorded, every recorded output there
        if rec["status"] == "ok":
            assert rec["output_sha256"] == hashlib.sha256((out / rel).read_bytes()).hexdigest()
    monkeypatch.setattr(formats, "scrub_file", real)
    s2 = batch.run(str(src), str(out), engine=engine, report=lambda _: None)
    assert not s2.interrupted and s2.skipped == len([r for r in m.values() if r["status"] == "ok"])
    assert s2.scrubbed + s2.skipped == 8 and (out / third).exists()


def test_cli_batch_jobs_2_exit_code_summary(tree):
    src, out = tree
    p = run_deid(["batch", str(src), "-o", str(out), "--jobs", "2", "--audit", str(out.parent / "audit.jsonl")])
    err = p.stderr.decode()
    assert p.returncode == 2, err
    assert err.strip().splitlines()[-1] == "deid: 12 files: 8 scrubbed, 0 skipped (already done), 4 failed"
    assert "Traceback" not in err and "Marguerite" not in err and p.stdout == b""
    for rel in GOOD:
        assert (out / rel).exists()
        for v in IDS:
            assert v not in all_text(out / rel)
    audit = [json.loads(l) for l in (out.parent / "audit.jsonl").read_text().splitlines()]
    assert len(audit) == 8 and all(r["command"] == "batch" and "Marguerite" not in json.dumps(r) for r in audit)
    p = run_deid(["batch", str(src), "-o", str(src / "sub")])
    assert p.returncode == 2 and "outside" in p.stderr.decode()
