"""deid.formats: each format keeps its structure and loses the test identifiers.

Every input is written here, with invented people, places and numbers."""
import csv
import io
import json
import os
import pty
import subprocess
import sys
import zipfile

import pytest

from conftest import run_deid
from deid.errors import InputError
from deid.formats import FORMATS, read_document, scrub_document

IDS = ["Marguerite", "Halvorsen", "Tobias", "Quennell", "Bendigo", "0413 555 201", "marguerite.halvorsen@example.com"]
CLINICAL = ["sertraline", "PHQ-9", "low mood", "safety plan"]


def assert_clean(text: str):
    for v in IDS:
        assert v not in text, f"identifier {IDS.index(v)} left"


def test_formats_listed():
    assert {".txt", ".md", ".docx", ".vtt", ".srt", ".json", ".csv", ".jsonl"} <= FORMATS


def test_txt_keeps_bom_and_line_endings(engine):
    data = "\ufeffClient Marguerite Halvorsen from Bendigo.\r\nPHQ-9 of 14, low mood.\r\n".encode()
    out = scrub_document(engine, data, "n.txt")
    assert out.startswith(b"\xef\xbb\xbf") and out.count(b"\r\n") == 2
    s = out.decode("utf-8-sig")
    assert_clean(s)
    assert "PHQ-9 of 14, low mood." in s
    # the same result as the plain-text path
    assert s == engine.scrub(data.decode("utf-8-sig")).text


def test_markdown_keeps_markup_and_link_syntax(engine):
    md = ("# Session 4\n\n**Marguerite Halvorsen** reports low mood.\n\n"
          "- Contact: [her email](mailto:marguerite.halvorsen@example.com)\n"
          "- Plan: continue *sertraline* 50 mg; see [the safety plan](https://intranet.example.org/plans).\n")
    out = scrub_document(engine, md.encode(), "s.md").decode()
    assert_clean(out)
    assert out.startswith("# Session 4\n\n**[PERSON_1]** reports low mood.")
    assert "[her email](" in out and "*sertraline*" in out and "[the safety plan](" in out
    assert out.count("](") == 2 and out.count("\n") == md.count("\n")


VTT = """WEBVTT
Kind: captions

NOTE recorded by Tobias Quennell

intro-1
00:00:01.000 --> 00:00:04.500 align:start
<v Marguerite Halvorsen>I moved from Bendigo in spring.</v>

00:00:05.000 --> 00:00:09.000
Therapist: How is the sertraline going?
Marguerite: I slept better and PHQ-9 was lower.

00:00:10.000 --> 00:00:12.000
<v Therapist>Let's look at the safety plan, Marguerite.
"""


def test_vtt_keeps_timings_and_scrubs_speakers(engine):
    out = scrub_document(engine, VTT.encode(), "s.vtt").decode()
    assert_clean(out)
    old, new = VTT.splitlines(), out.splitlines()
    assert len(old) == len(new)
    for a, b in zip(old, new):
        if "-->" in a or a in ("", "intro-1", "WEBVTT", "Kind: captions"):
            assert a == b
    assert "<v Therapist>" in out and "Therapist: How is the sertraline going?" in out
    tag = out.split("<v ")[1].split(">")[0]
    assert tag.startswith("[PERSON_") and "</v>" in out
    assert f"{tag}: I slept better and PHQ-9 was lower." in out  # the same person, the same tag
    assert "safety plan" in out


def test_srt_keeps_numbers_timings_crlf(engine):
    srt = ("1\r\n00:00:01,000 --> 00:00:04,000\r\nMarguerite: I call Tobias on 0413 555 201.\r\n\r\n"
           "2\r\n00:00:05,000 --> 00:00:07,500\r\n<i>Therapist:</i> And the low mood?\r\n\r\n")
    out = scrub_document(engine, srt.encode(), "s.srt").decode()
    assert_clean(out)
    assert out.count("\r\n") == srt.count("\r\n")
    lines = out.split("\r\n")
    assert lines[0] == "1" and lines[1] == "00:00:01,000 --> 00:00:04,000"
    assert lines[4] == "2" and lines[5] == "00:00:05,000 --> 00:00:07,500"
    assert lines[6] == "<i>Therapist:</i> And the low mood?"


def test_json_scrubs_values_keeps_keys_numbers(engine):
    obj = {"meta": {"duration": 63.5, "speakers": 2},
           "segments": [{"speaker": "Marguerite Halvorsen", "start": 1.25, "end": 4.0, "text": "I left Bendigo after the funeral."},
                        {"speaker": "SPEAKER_01", "start": 4.5, "end": 7, "text": "How is your low mood, Marguerite?"},
                        {"speaker": "Tobias", "start": 8, "end": 9.5, "text": "Mm."}],
           "tags": ["intake", "PHQ-9"]}
    out = scrub_document(engine, json.dumps(obj, indent=2).encode(), "t.json").decode()
    assert_clean(out)
    new = json.loads(out)
    assert new["meta"] == obj["meta"] and new["tags"] == obj["tags"]
    assert [(s["start"], s["end"]) for s in new["segments"]] == [(s["start"], s["end"]) for s in obj["segments"]]
    assert [list(s) for s in new["segments"]] == [list(s) for s in obj["segments"]]
    assert new["segments"][1]["speaker"] == "SPEAKER_01"
    assert new["segments"][0]["speaker"].startswith("[PERSON_") and new["segments"][2]["speaker"].startswith("[PERSON")
    assert out.startswith('{\n  "meta"')  # indentation kept


def test_csv_keeps_dialect_and_columns(engine):
    src = ('"id";"note";"score"\r\n"1";"Marguerite Halvorsen from Bendigo; low mood";"14"\r\n'
           '"2";"Call Tobias on 0413 555 201";"9"\r\n')
    out = scrub_document(engine, src.encode(), "n.csv").decode()
    assert_clean(out)
    rows = list(csv.reader(io.StringIO(out, newline=""), delimiter=";"))
    assert rows[0] == ["id", "note", "score"] and [r[0] for r in rows] == ["id", "1", "2"] and [r[2] for r in rows[1:]] == ["14", "9"]
    assert "low mood" in rows[1][1]
    assert out.startswith('"id";"note";"score"\r\n"1";"')  # every field still quoted
    assert out.endswith("\r\n")
    # --columns: only the named column is scrubbed
    two = 'note,by\nMarguerite Halvorsen is calmer,Tobias Quennell\n'
    from deid.formats import scrub_document_counts

    res, _ = scrub_document_counts(engine, two.encode(), "c.csv", columns=["note"])
    r = list(csv.reader(io.StringIO(res.decode())))
    assert "Marguerite" not in r[1][0] and r[1][1] == "Tobias Quennell"
    with pytest.raises(InputError, match="no column"):
        scrub_document(engine, two.encode(), "c.csv", columns=["nope"])


def test_jsonl_like_the_cli(engine):
    src = json.dumps({"id": "a", "text": "Seen Marguerite Halvorsen in Bendigo."}) + "\n{oops\n"
    out = [json.loads(l) for l in scrub_document(engine, src.encode(), "n.jsonl").decode().splitlines()]
    assert out[0]["id"] == "a" and "[PERSON_1]" in out[0]["text"]
    assert_clean(out[0]["text"])
    assert set(out[1]) == {"id", "error"} and "oops" not in out[1]["error"]


def _make_docx():
    import docx

    d = docx.Document()
    d.add_heading("Progress note", level=1)
    p = d.add_paragraph("Client ")
    r = p.add_run("Margue")
    r.bold = True
    r2 = p.add_run("rite Halvorsen")
    r2.italic = True
    p.add_run(" reports low mood; PHQ-9 of 14. Continue sertraline.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Town"
    t.cell(0, 1).text = "Bendigo"
    t.cell(1, 0).text = "Contact"
    inner = t.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Tobias Quennell, 0413 555 201"
    last = d.add_paragraph("Halvorsen agreed to the safety plan.")
    d.add_comment(last.runs, text="Ask Tobias Quennell about Bendigo", author="Tobias Quennell", initials="TQ")
    d.sections[0].header.paragraphs[0].text = "Case file: Marguerite Halvorsen"
    d.sections[0].footer.paragraphs[0].text = "Email marguerite.halvorsen@example.com"
    cp = d.core_properties
    cp.author = "Tobias Quennell"
    cp.last_modified_by = "Tobias Quennell"
    cp.title = "Notes for Marguerite Halvorsen"
    cp.comments = "intake"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_tables_headers_runs_properties(engine):
    import docx

    out = scrub_document(engine, _make_docx(), "n.docx")
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        for name in z.namelist():
            assert_clean(z.read(name).decode("utf-8", "replace"))
    d = docx.Document(io.BytesIO(out))
    runs = d.paragraphs[1].runs
    assert [r.text for r in runs] == ["Client ", "[PERSON_1]", "", " reports low mood; PHQ-9 of 14. Continue sertraline."]
    assert runs[1].bold and runs[2].italic and d.paragraphs[0].text == "Progress note"
    assert d.paragraphs[0].style.name == "Heading 1"
    t = d.tables[0]
    assert t.cell(0, 0).text == "Town" and t.cell(0, 1).text.startswith("[") and t.cell(0, 1).text.endswith("]")
    assert t.cell(1, 1).tables[0].cell(0, 0).text.startswith("[PERSON_")
    assert d.paragraphs[2].text == "[PERSON_1] agreed to the safety plan."  # propagated
    assert d.sections[0].header.paragraphs[0].text.endswith(": [PERSON_1]")
    assert "[EMAIL_ADDRESS" in d.sections[0].footer.paragraphs[0].text
    assert d.core_properties.author == "" and d.core_properties.last_modified_by == ""
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        comments = z.read("word/comments.xml").decode()
    assert 'w:author=""' in comments and 'w:initials=""' in comments and "Ask [PERSON_" in comments
    assert d.core_properties.title == "Notes for [PERSON_1]" and d.core_properties.comments == "intake"


@pytest.mark.parametrize("name,data,why", [
    ("bad.docx", b"PK\x03\x04 Marguerite Halvorsen not a zip", "docx"),
    ("bad.docx", b"", "empty"),
    ("scan.vtt", b"WEBVTT\n\x00\x01Marguerite", "binary"),
    ("s.srt", "Marguerite Halvorsen ".encode() + b"\xff\xfe", "UTF-8"),
    ("t.json", b'{"speaker": "Marguerite Halvorsen",', "JSON"),
    ("x.vtt", b"Marguerite Halvorsen said hello", "WebVTT"),
    ("x.srt", b"Marguerite Halvorsen said hello", "SRT"),
    ("n.xyz", b"Marguerite Halvorsen", "unsupported format .xyz"),
])
def test_unreadable_inputs(name, data, why):
    with pytest.raises(InputError) as e:
        read_document(data, name)
    msg = str(e.value)
    assert why in msg and name in msg and "Marguerite" not in msg and "\n" not in msg


def test_cli_scrub_and_detect_formats(tmp_path):
    (tmp_path / "s.vtt").write_text(VTT)
    (tmp_path / "n.docx").write_bytes(_make_docx())
    p = run_deid(["scrub", str(tmp_path / "s.vtt")])
    assert p.returncode == 0, p.stderr
    assert_clean(p.stdout.decode())
    assert "00:00:01.000 --> 00:00:04.500 align:start" in p.stdout.decode()
    p = run_deid(["scrub", str(tmp_path / "n.docx"), "-o", str(tmp_path / "o.docx")])
    assert p.returncode == 0 and p.stdout == b"", p.stderr
    assert (tmp_path / "o.docx").read_bytes()[:2] == b"PK"
    p = run_deid(["detect", str(tmp_path / "s.vtt")])
    rec = json.loads(p.stdout)
    assert p.returncode == 0 and rec["id"].endswith("s.vtt")
    assert all("segment" in e for e in rec["entities"]) and any(e["entity_type"] == "PERSON" for e in rec["entities"])
    assert "Marguerite" not in p.stdout.decode()


def test_cli_refuses_docx_to_a_terminal(tmp_path):
    (tmp_path / "n.docx").write_bytes(_make_docx())
    master, slave = pty.openpty()
    p = subprocess.run([sys.executable, "-m", "deid", "scrub", str(tmp_path / "n.docx")], stdout=slave,
                       stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=300)
    os.close(slave)
    os.close(master)
    err = p.stderr.decode()
    assert p.returncode == 2 and "-o" in err and err.count("\n") == 1


def test_long_text_streams_in_windows_with_document_propagation(engine, monkeypatch):
    """A long text is detected window by window; a name found in the first window (by its
    title) is removed bare in the last ones, with one tag throughout."""
    import deid.streaming as st

    monkeypatch.setattr(st, "STREAM_CHARS", 4_000)
    monkeypatch.setattr(st, "WINDOW_CHARS", 2_500)
    filler = "Mood low, sleep poor; PHQ-9 of 14. Continue sertraline 50 mg and review the safety plan.\n"
    parts = ["Reviewed with Dr Vashtikova today.\n"] + [filler] * 120
    parts[60] = "Marguerite Halvorsen rang from Bendigo on 0413 555 201.\n"
    parts[110] = "Plan discussed; vashtikova agreed to call about sleep hygiene.\n"
    text = "".join(parts)
    assert len(list(st.iter_windows(text))) >= 4
    out, counts = st.scrub_text(engine, text)
    assert_clean(out)
    assert "Vashtikova" not in out and "vashtikova" not in out
    tag = out.split("Dr ")[1].split(" ")[0]
    assert tag.startswith("[PERSON_") and f"Plan discussed; {tag} agreed" in out
    assert out.count(filler) == 118 and counts["PERSON"] >= 3
    found = st.detect_text(engine, text)
    assert all(text[f.start:f.end] == f.value for f in found)
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))  # no overlaps
