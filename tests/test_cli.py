"""The command line as a user meets it: exit codes, one-line errors, no PHI, no tracebacks."""
import json

import pytest

from conftest import run_deid

ACCEPTANCE = "Client Jordan Reyes (DOB 02/11/1987) lives at 42 Elm Street, Ballarat VIC 3350; call 0412 345 678."
VALUES = ["Jordan", "Reyes", "02/11", "11/1987", "42 Elm", "Elm Street", "Ballarat", "3350", "0412", "345 678"]


def test_acceptance_sentence_piped_through_scrub():
    p = run_deid(["scrub"], ACCEPTANCE.encode())
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    for v in VALUES:
        assert v not in out, f"left behind a value of category near {VALUES.index(v)}"
    assert out.startswith("Client [PERSON_1]")
    assert "1987" in out  # safe-harbor keeps the year
    assert p.stderr == b""


def _one_line_error(p, code=2):
    assert p.returncode == code, (p.returncode, p.stderr)
    err = p.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("deid: error: "), err
    assert "Traceback" not in err
    assert p.stdout == b""
    return err


def test_binary_file(tmp_path):
    f = tmp_path / "scan.bin"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00Jordan Reyes")
    err = _one_line_error(run_deid(["scrub", str(f)]))
    assert "binary" in err and "Jordan" not in err


def test_invalid_utf8(tmp_path):
    f = tmp_path / "note.txt"
    f.write_bytes("Jordan Reyes said ".encode() + b"\xff\xfe caf\xe9")
    err = _one_line_error(run_deid(["scrub", str(f)]))
    assert "UTF-8" in err and "Jordan" not in err


def test_empty_input():
    _one_line_error(run_deid(["scrub"], b""))
    _one_line_error(run_deid(["scrub"], b"  \n\n"))


def test_missing_file(tmp_path):
    err = _one_line_error(run_deid(["scrub", str(tmp_path / "nope.txt")]))
    assert "no such file" in err


def test_unknown_profile():
    err = _one_line_error(run_deid(["scrub", "--profile", "no-such-profile"], b"hello Jordan"))
    assert "unknown profile" in err


def test_unknown_option_is_usage_error():
    _one_line_error(run_deid(["scrub", "--no-such-flag"], b"x"))


def test_jsonl_good_and_bad_lines_keep_order():
    lines = [
        json.dumps({"id": 1, "text": "Seen by Dr Okafor today."}),
        "{not json",
        json.dumps({"id": "b", "note": "no text field"}),
        json.dumps({"id": 3, "text": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 6, "text": "Call Maria on 0412 345 678."}),
    ]
    p = run_deid(["scrub", "--jsonl"], ("\n".join(lines) + "\n").encode())
    assert p.returncode == 2
    out = [json.loads(l) for l in p.stdout.decode().splitlines()]
    assert len(out) == len(lines)
    assert out[0]["id"] == 1 and "Okafor" not in out[0]["text"] and "[PERSON_1]" in out[0]["text"]
    assert "error" in out[1] and out[1]["id"] is None
    assert out[2] == {"id": "b", "error": out[2]["error"]} and "text" in out[2]["error"]
    assert out[3]["id"] == 3 and "string" in out[3]["error"]
    assert "error" in out[4]
    assert out[5]["id"] == 6 and "0412" not in out[5]["text"]
    err = p.stderr.decode()
    assert "Traceback" not in err and "Okafor" not in err


def test_jsonl_detect_shape():
    p = run_deid(["detect", "--jsonl"], json.dumps({"id": "n1", "text": "Email jo.reyes@example.com today"}).encode())
    assert p.returncode == 0, p.stderr
    rec = json.loads(p.stdout)
    assert rec["id"] == "n1"
    ents = rec["entities"]
    assert ents and set(ents[0]) == {"start", "end", "entity_type", "score", "recognizer"}
    text = "Email jo.reyes@example.com today"
    assert any(text[e["start"]:e["end"]] == "jo.reyes@example.com" for e in ents)


def test_detect_explain_hides_values_unless_asked(tmp_path):
    f = tmp_path / "n.txt"
    f.write_text("Seen by Dr Okafor on 3 March 2024.")
    p = run_deid(["detect", "--explain", str(f)])
    assert p.returncode == 0
    assert "Okafor" not in p.stdout.decode()
    rec = json.loads(p.stdout)
    assert all("pattern" in e and "context" in e for e in rec["entities"])
    p2 = run_deid(["detect", "--show-values", str(f)])
    assert "Okafor" in p2.stdout.decode()


def test_output_file_is_written_and_inputs_protected(tmp_path):
    src = tmp_path / "n.txt"
    src.write_text("Seen by Dr Okafor.")
    out = tmp_path / "out" / "clean.txt"
    p = run_deid(["scrub", str(src), "-o", str(out)])
    assert p.returncode == 0 and "Okafor" not in out.read_text() and p.stdout == b""
    p = run_deid(["scrub", str(src), "-o", str(src)])
    _one_line_error(p)
    assert src.read_text() == "Seen by Dr Okafor."


def test_bad_file_among_good_ones_fails_alone(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Seen by Dr Okafor.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xff")
    p = run_deid(["scrub", str(bad), str(good)])
    assert p.returncode == 2
    assert p.stdout.decode() == "Seen by Dr [PERSON_1]."
    assert p.stderr.decode().count("\n") == 1


def test_help_has_examples():
    p = run_deid(["scrub", "--help"])
    assert p.returncode == 0 and b"Examples" in p.stdout and b"--client" in p.stdout
