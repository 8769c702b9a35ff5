"""The local HTTP service (`deid serve`): every endpoint, bad requests, the token and
loopback rules, concurrency without mixing documents, and no text in errors or logs.

Notes and names here are invented for these tests."""
from __future__ import annotations

import json
import logging
import os
import re
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from deid.errors import ConfigError  # noqa: E402
from deid.service.app import check_bind, create_app, read_token_file  # noqa: E402
from deid.service.server import background  # noqa: E402

NAME, SURNAME, TOWN, PHONE = "Talia", "Brennick", "Wodonga", "0413 552 907"
NOTE = (f"Session 6 with {NAME} {SURNAME} (DOB 14/09/1991). {NAME} said her brother Corwin Halvey "
        f"drove up from {TOWN} on 2 May 2024. Her phone is {PHONE}. Plan: review with Dr Ilse Varga.")
SECRETS = [NAME, SURNAME, TOWN, PHONE, "Corwin", "Halvey", "Varga", "14/09/1991"]


@pytest.fixture(scope="module")
def app():
    return create_app()


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, base_url="http://127.0.0.1")


def _no_secret(s: str) -> None:
    for v in SECRETS:
        assert v not in s, "a note value leaked"


# ------------------------------------------------------------------ endpoints
def test_health_and_profiles(client):
    h = client.get("/health")
    assert h.status_code == 200 and h.json()["status"] == "ok"
    assert h.json()["token_required"] is False
    p = client.get("/v1/profiles").json()
    names = {x["name"] for x in p["profiles"]}
    assert {"safe-harbor", "redact"} <= names and p["default"] == "safe-harbor"
    assert all(x["description"] for x in p["profiles"])
    assert "PERSON" in p["entity_types"]


def test_scrub_shape_and_content(client):
    r = client.post("/v1/scrub", json={"id": "n-1", "text": NOTE})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"id", "text"} and body["id"] == "n-1"
    _no_secret(body["text"])
    assert "[PERSON_1]" in body["text"] and "2024" in body["text"]
    assert r.headers["cache-control"] == "no-store"


def test_scrub_other_profile(client):
    out = client.post("/v1/scrub", json={"text": NOTE, "profile": "redact"}).json()["text"]
    assert "[PERSON]" in out and "[PERSON_1]" not in out
    _no_secret(out)


def test_detect_shape(client):
    r = client.post("/v1/detect", json={"id": 7, "text": NOTE})
    body = r.json()
    assert r.status_code == 200 and body["id"] == 7 and set(body) == {"id", "entities"}
    ents = body["entities"]
    assert ents and all(set(e) == {"start", "end", "entity_type", "score", "recognizer"} for e in ents)
    spans = sorted((e["start"], e["end"]) for e in ents)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "spans overlap"
    found = {NOTE[e["start"]:e["end"]] for e in ents}
    assert any(NAME in f for f in found) and PHONE in found


def test_detect_explain_never_sends_values(client):
    body = client.post("/v1/detect", json={"text": NOTE, "explain": True}).json()
    for e in body["entities"]:
        assert {"pattern", "context", "changes"} <= set(e) and "value" not in e
    _no_secret(json.dumps(body))


def test_empty_text(client):
    assert client.post("/v1/scrub", json={"text": ""}).json()["text"] == ""
    assert client.post("/v1/detect", json={"text": "   "}).json()["entities"] == []


def test_code_point_offsets(client):
    text = f"😀 {NAME} {SURNAME} rang from {TOWN}."
    ents = client.post("/v1/detect", json={"text": text}).json()["entities"]
    found = [text[e["start"]:e["end"]] for e in ents]
    assert TOWN in found and any(f.startswith(f"{NAME} {SURNAME}") for f in found), "offsets are not code points"


def test_client_card_in_the_request(client):
    text = "bee said her flat on Quenby Lane is cold."
    card = "name: Beatrix Olumide\nnicknames: [Bee]\naddress: 9 Quenby Lane, Ararat\n"
    out = client.post("/v1/scrub", json={"text": text, "client": card}).json()["text"]
    assert "bee" not in out.lower() and "Quenby" not in out
    as_obj = client.post("/v1/scrub", json={"text": text, "client": {"nicknames": ["Bee"]}}).json()["text"]
    assert "bee" not in as_obj.lower()
    as_json = client.post("/v1/scrub", json={"text": text, "client": '{\n\t"nicknames": ["Bee"]\n}'}).json()["text"]
    assert "bee" not in as_json.lower()


def test_corrections_apply_everywhere(client):
    text = f"{NAME} met Sister Orla at Greyfield House. Later {NAME.lower()} phoned Greyfield House again about {TOWN}."
    base = client.post("/v1/scrub", json={"text": text, "entities": True}).json()
    assert NAME not in base["text"] and base["kept"] == []
    r = client.post("/v1/scrub", json={
        "text": text, "entities": True, "explain": True,
        "keep": [{"text": NAME}],
        "remove": [{"text": "greyfield house", "entity_type": "ORGANIZATION"},
                   {"start": text.index("Orla"), "end": text.index("Orla") + 4, "entity_type": "PERSON"}],
    }).json()
    assert r["text"].count(NAME) + r["text"].count(NAME.lower()) == 2, "a kept value stays everywhere"
    assert "Greyfield" not in r["text"] and "Orla" not in r["text"]
    reviewer = [e for e in r["entities"] if e["recognizer"] == "Reviewer"]
    assert {text[e["start"]:e["end"]].lower() for e in reviewer} >= {"greyfield house", "orla"}
    assert len([e for e in reviewer if e["entity_type"] == "ORGANIZATION"]) == 2
    assert {text[k["start"]:k["end"]].lower() for k in r["kept"]} == {NAME.lower()}
    # detect takes the same corrections
    d = client.post("/v1/detect", json={"text": text, "keep": [{"text": NAME}]}).json()
    assert not any(NAME.lower() in text[e["start"]:e["end"]].lower() for e in d["entities"])


def test_keep_cuts_a_longer_finding(client):
    text = f"Seen: {NAME} {SURNAME} and {SURNAME} again."
    r = client.post("/v1/scrub", json={"text": text, "keep": [{"text": NAME}], "entities": True}).json()
    assert NAME in r["text"] and SURNAME not in r["text"]


def test_restore_without_vault(client):
    r = client.post("/v1/restore", json={"text": f"{NAME} is well."})
    assert r.status_code == 400 and "vault" in r.json()["error"]
    _no_secret(r.text)


def test_document_endpoints(client):
    import base64

    srt = (f"1\n00:00:01,000 --> 00:00:04,000\n{NAME} {SURNAME} came in today.\n\n"
           f"2\n00:00:05,000 --> 00:00:08,000\nShe lives in {TOWN}; call {PHONE}.\n").encode()
    data = base64.b64encode(srt).decode()
    t = client.post("/v1/document/text", json={"name": "s.srt", "data": data}).json()
    assert NAME in t["text"] and t["segments"] >= 2
    r = client.post("/v1/document/scrub", json={"name": "s.srt", "data": data, "keep": [{"text": TOWN}]})
    assert r.status_code == 200 and "s.deid.srt" in r.headers["content-disposition"]
    out = r.content.decode()
    assert "00:00:01,000 --> 00:00:04,000" in out and TOWN in out
    assert NAME not in out and PHONE not in out
    bad = client.post("/v1/document/text", json={"name": "s.srt", "data": "%%%"})
    assert bad.status_code == 400
    binary = base64.b64encode(b"\x00\x01 not text").decode()
    named = client.post("/v1/document/text", json={"name": f"{NAME}_{SURNAME}.srt", "data": binary})
    assert named.status_code == 400 and NAME not in named.text, "the file's name is not echoed"
    odd = client.post("/v1/document/text", json={"name": "notes.exe", "data": binary})
    assert odd.status_code == 400 and "unsupported" in odd.json()["error"]


# ------------------------------------------------------------------ bad requests
BAD = [
    (b'{"text": "Talia Brennick of Wodonga', "not valid JSON"),
    (b'["Talia Brennick"]', "JSON object"),
    (b'{"txt": "Talia Brennick"}', "no 'text'"),
    (b'{"text": ["Talia Brennick"]}', "must be a string"),
    (b'{"text": "Talia Brennick", "profile": "Wodonga"}', "unknown profile"),
    (b'{"text": "Talia Brennick", "profile": "/etc/passwd"}', "unknown profile"),
    (b'{"text": "Talia Brennick", "keep": [{"start": 3, "end": 99}]}', "keep"),
    (b'{"text": "Talia Brennick", "remove": [{"text": "Talia", "entity_type": "Brennick"}]}', "entity_type"),
    (b'{"text": "Talia Brennick", "client": "name: [Wodonga"}', "client"),
    (b'{"text": "Talia Brennick", "client": {"Wodonga": 1}}', "unknown field"),
    (b'{"text": "Talia Brennick", "explain": "Wodonga"}', "true or false"),
    ('{"text": "Talia Brennick \udcff"}'.encode("utf-8", "surrogatepass"), "UTF-8"),
]


@pytest.mark.parametrize("raw,reason", BAD)
@pytest.mark.parametrize("path", ["/v1/scrub", "/v1/detect"])
def test_bad_bodies_get_4xx_without_text(client, raw, reason, path):
    r = client.post(path, content=raw, headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500
    assert reason.lower() in r.json()["error"].lower()
    assert "Talia" not in r.text and "Brennick" not in r.text and "Wodonga" not in r.text


def test_wrong_content_type(client):
    r = client.post("/v1/scrub", content=b"text=Talia+Brennick", headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415 and "Talia" not in r.text


def test_unknown_path_and_method(client):
    assert client.get(f"/v1/{NAME}").status_code == 404
    r = client.get("/v1/scrub")
    assert r.status_code == 405 and NAME not in r.text


def test_validation_handler_does_not_echo(app, client):
    @app.get("/v1/_probe")
    def probe(n: int):  # pragma: no cover - only its validation runs
        return {"n": n}

    r = client.get("/v1/_probe", params={"n": f"{NAME} {SURNAME}"})
    assert r.status_code == 422 and NAME not in r.text and "n" in r.json()["error"]


def test_body_too_large():
    small = TestClient(create_app(max_bytes=2048), base_url="http://127.0.0.1")
    big = json.dumps({"text": (NOTE + " ") * 40}).encode()
    r = small.post("/v1/scrub", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["error"] and NAME not in r.text

    def chunks():  # no Content-Length: counted while it streams
        for i in range(0, len(big), 512):
            yield big[i:i + 512]

    r = small.post("/v1/scrub", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and NAME not in r.text


def test_internal_error_is_500_without_text():
    class Exploding:
        client = None

        def __init__(self, **kw):
            pass

        def scrub(self, text, client=None):
            raise ValueError(f"could not handle {text}")

    records: list[str] = []
    handler = _ListHandler(records)
    logging.getLogger().addHandler(handler)
    try:
        c = TestClient(create_app(engine_factory=Exploding), base_url="http://127.0.0.1")
        r = c.post("/v1/scrub", json={"text": NOTE})
    finally:
        logging.getLogger().removeHandler(handler)
    assert r.status_code == 500 and "ValueError" in r.json()["error"]
    _no_secret(r.text)
    _no_secret("\n".join(records))
    assert any("ValueError" in m for m in records)


# ------------------------------------------------------------------ token and loopback
def test_token_required_when_configured(app):
    token = "s3cret-token-for-tests-0123"
    c = TestClient(create_app(token=token), base_url="http://127.0.0.1")
    assert c.get("/health").status_code == 200  # no data: open
    assert c.get("/").status_code == 200
    for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": f"Basic {token}"}):
        r = c.post("/v1/scrub", json={"text": NOTE}, headers=headers)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        _no_secret(r.text)
    assert c.get("/v1/profiles").status_code == 401
    ok = c.post("/v1/scrub", json={"text": NOTE}, headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200
    _no_secret(ok.json()["text"])


def test_bind_rules(tmp_path):
    check_bind("127.0.0.1", None)
    check_bind("::1", None)
    check_bind("localhost", None)
    with pytest.raises(ConfigError):
        check_bind("0.0.0.0", None)
    with pytest.raises(ConfigError):
        check_bind("192.168.1.20", None)
    check_bind("0.0.0.0", "a-token-long-enough-123")
    short = tmp_path / "short"
    short.write_text("abc\n")
    with pytest.raises(ConfigError):
        read_token_file(str(short))
    good = tmp_path / "tok"
    good.write_text("a-token-long-enough-123\n")
    assert read_token_file(str(good)) == "a-token-long-enough-123"


def test_foreign_host_header_refused(app):
    r = TestClient(app, base_url="http://attacker.example").get("/v1/profiles")
    assert r.status_code == 400 and "Host" in r.json()["error"]
    assert TestClient(app, base_url="http://localhost:8765").get("/health").status_code == 200


def test_cli_refuses_public_address_without_token():
    from conftest import run_deid

    r = run_deid(["serve", "--host", "0.0.0.0", "--port", "0"])
    assert r.returncode == 2 and b"token" in r.stderr and len(r.stderr.splitlines()) == 1


def test_cli_serves_on_loopback():
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "deid", "serve", "--port", "0"], stderr=subprocess.PIPE, env=env)
    try:
        line = proc.stderr.readline().decode()
        m = re.fullmatch(r"deid: serving on (http://127\.0\.0\.1:\d+)/ \(Ctrl-C to stop\)\n", line)
        assert m, line
        r = httpx.post(m.group(1) + "/v1/scrub", json={"text": NOTE}, timeout=60)
        assert r.status_code == 200
        _no_secret(r.json()["text"])
    finally:
        proc.send_signal(signal.SIGINT)
        rest = proc.communicate(timeout=30)[1].decode()
    assert proc.returncode == 0, rest
    assert "POST /v1/scrub 200" in rest and rest.rstrip().endswith("deid: stopped")
    _no_secret(rest)


# ------------------------------------------------------------------ concurrency and logs
class _ListHandler(logging.Handler):
    def __init__(self, out: list[str]) -> None:
        super().__init__(level=logging.DEBUG)
        self.out = out

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(("httpx", "httpcore")):  # the test's own client, not the server
            return
        self.out.append(record.getMessage() + (str(record.exc_info) if record.exc_info else ""))


FIRST = ["Anneliese", "Bartholomew", "Cosima", "Desmond", "Evadne", "Fenwick", "Gwenllian", "Hamish",
         "Isolde", "Jasper", "Kerensa", "Leopold", "Marisol", "Nikolai", "Ottilie", "Peregrine"]
LAST = ["Ashdown", "Blackwood", "Carrow", "Dunmore", "Elphick", "Fairbairn", "Garside", "Hollins"]


def _doc(i: int) -> tuple[str, list[str]]:
    first, last = FIRST[i % len(FIRST)], LAST[i % len(LAST)]
    phone = f"04{i:02d} {100 + i * 7:03d} {200 + i * 3:03d}"
    calm = " The client reported feeling calm." * (i % 5 + 1)
    return f"Note {i}: {first} {last} rang on {phone}.{calm} {first} will return next week.", [first, last, phone]


def test_concurrent_requests_do_not_mix(app):
    """A few hundred requests from 8 threads, two profiles, scrub and detect: each answer
    equals the answer the same request gets alone."""
    docs = [_doc(i) for i in range(24)]
    records: list[str] = []
    handler = _ListHandler(records)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        with background(app) as url, httpx.Client(base_url=url, timeout=120) as http:
            def call(job):
                i, profile, kind = job
                r = http.post(f"/v1/{kind}", json={"id": i, "text": docs[i][0], "profile": profile})
                assert r.status_code == 200, r.text
                return job, r.json()

            jobs = [(i, p, k) for i in range(len(docs)) for p in ("safe-harbor", "redact") for k in ("scrub", "detect")]
            expected = {job: call(job)[1] for job in jobs}  # alone, one by one
            many = jobs * 3  # 288 requests
            with ThreadPoolExecutor(max_workers=8) as pool:
                results = list(pool.map(call, many))
            # a bad request and a 404 in the log too
            http.post("/v1/scrub", content=b'{"text": "Anneliese Ashdown', headers={"content-type": "application/json"})
            http.get("/Anneliese")
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    assert len(results) == len(many)
    for job, body in results:
        assert body == expected[job], f"request {job} got another document's answer"
        i, _, kind = job
        if kind == "scrub":
            assert docs[i][1][2] not in body["text"]  # the phone number
            assert body["text"].count("calm") == i % 5 + 1
    log = "\n".join(records)
    assert "POST /v1/scrub 200" in log and "POST /v1/detect 200" in log
    for _, secrets in docs:
        for v in secrets:
            assert v not in log, "a note value reached the server log"
    assert "(other path)" in log


# ------------------------------------------------------------------ profiles with needs
def test_referral_needs_a_card(client):
    names = {p["name"]: p for p in client.get("/v1/profiles").json()["profiles"]}
    assert names["referral"]["needs_client"] is True
    r = client.post("/v1/scrub", json={"text": NOTE, "profile": "referral"})
    assert r.status_code == 400 and "client card" in r.json()["error"]
    _no_secret(r.text)
    card = {"name": f"{NAME} {SURNAME}", "dob": "1991-09-14"}
    ok = client.post("/v1/scrub", json={"text": NOTE, "profile": "referral", "client": card})
    assert ok.status_code == 200
    out = ok.json()["text"]
    assert f"{NAME} {SURNAME}" in out, "referral keeps the client's own name"
    assert "Corwin" not in out and PHONE not in out


def test_ai_profile_round_trip_through_the_vault(client, tmp_path):
    import deid.vault as vault_mod
    names = {p["name"]: p for p in client.get("/v1/profiles").json()["profiles"]}
    sur = [n for n, p in names.items() if p["surrogates"]]
    assert sur == ["ai"]
    assert all(not names[n]["available"] for n in sur), "without a vault the ai profile is unavailable"
    r = client.post("/v1/scrub", json={"text": NOTE, "profile": sur[0], "client_id": "c-1"})
    assert r.status_code == 400 and "vault" in r.json()["error"]

    key = tmp_path / "vault.key"
    vault_mod.new_key_file(str(key))
    v = vault_mod.Vault.open(str(tmp_path / "v.vault"), key_file=str(key), create=True)
    c = TestClient(create_app(vault=v), base_url="http://127.0.0.1")
    assert c.get("/health").json()["vault"] is True
    missing = c.post("/v1/scrub", json={"text": NOTE, "profile": sur[0]})
    assert missing.status_code == 400 and "client_id" in missing.json()["error"]
    s = c.post("/v1/scrub", json={"id": "a", "text": NOTE, "profile": sur[0], "client_id": "c-1"})
    assert s.status_code == 200, s.text
    surrogate_text = s.json()["text"]
    _no_secret(surrogate_text)
    back = c.post("/v1/restore", json={"id": "a", "text": surrogate_text, "client_id": "c-1"})
    assert back.status_code == 200, back.text
    assert back.json()["text"] == NOTE and back.json()["restored"] > 0
    raw = (tmp_path / "v.vault").read_bytes()
    assert NAME.encode() not in raw and SURNAME.encode() not in raw


def test_listener_is_tcp_so_keep_alive_requests_are_not_delayed():
    """asyncio sets TCP_NODELAY on accepted sockets only when the listener's proto is TCP;
    otherwise each keep-alive request after the first waits for a delayed ACK."""
    import socket

    from deid.service.server import bind

    sock = bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        client = socket.create_connection(sock.getsockname()[:2])
        conn, _ = sock.accept()
        try:
            assert conn.proto == socket.IPPROTO_TCP
        finally:
            conn.close()
            client.close()
    finally:
        sock.close()
