"""Warm latency of `POST /v1/scrub` (the `deid serve` service) for a 500-word note.

`deid serve` in its own process on a free loopback port (what a tool talks to), one
client thread, a note written here
(invented names, places and dates; no corpus text), warm-up requests first, then N
timed requests. The in-process engine time of the same note (`Deidentifier.scrub`)
is measured too, so the HTTP overhead can be read off. Prints a table and, with
--json, writes counts and timings only (no text).

    python -m benchmarks.service_latency [--n 100] [--profile safe-harbor] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time

FIRST = ["Orsolya", "Lachlan", "Benedikt", "Marisol", "Tobiah", "Ingrid", "Caspian", "Wilhelmina", "Desmond", "Anouk"]
LAST = ["Kettering", "Pemberton", "Szabo", "Vance", "Okonkwo", "Lindqvist", "Rutherford", "Abernathy"]
TOWNS = ["Tenterfield", "Wodonga", "Mildura", "Ararat", "Bathurst", "Gympie"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
SENTENCES = [
    "{a} reported that sleep has improved to about six hours a night since the last session.",
    "{a} described an argument with {b} on {d} that left {p} feeling tense for several days.",
    "We reviewed the safety plan together and {a} named two people to call, including {b} on {ph}.",
    "Mood was rated four out of ten, up from two, and appetite is returning slowly.",
    "{a} drove from {t} on {d} to attend, and said the trip itself was a source of worry.",
    "Practised paced breathing and a grounding exercise; {a} found the counting helpful.",
    "PHQ-9 today was 14 and GAD-7 was 11; both lower than at intake.",
    "{a} works part time at the {t} library and finds the routine steadying.",
    "Discussed the letter from Dr {c} about the medication review scheduled for {d}.",
    "Homework: keep a thought record on three evenings and bring it next week.",
    "{a} mentioned that {b} has been more supportive since the family meeting.",
    "No thoughts of self-harm reported; protective factors remain strong.",
]


def make_note(words: int = 500, seed: int = 7) -> str:
    rnd = random.Random(seed)
    out: list[str] = []
    n = 0
    while n < words:
        s = rnd.choice(SENTENCES).format(
            a=rnd.choice(FIRST), b=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", c=rnd.choice(LAST),
            p=rnd.choice(["her", "him", "them"]), t=rnd.choice(TOWNS),
            d=f"{rnd.randint(1, 28)} {rnd.choice(MONTHS)} 2024",
            ph=f"04{rnd.randint(10, 99)} {rnd.randint(100, 999)} {rnd.randint(100, 999)}")
        out.append(s)
        n += len(s.split())
    return " ".join(out)


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100, help="timed requests (default 100)")
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--profile", default="safe-harbor")
    ap.add_argument("--json", metavar="FILE", help="also write the figures (no text) as JSON")
    a = ap.parse_args(argv)

    import httpx

    from deid.service.app import create_app
    from deid.service.server import background

    note = make_note()
    t0 = time.perf_counter()
    app = create_app(profile=a.profile)
    slot = app.state.engines.get(app.state.engines.default_name)
    load = time.perf_counter() - t0
    engine = slot.engine
    for _ in range(a.warmup):
        engine.scrub(note)
    inproc = []
    for _ in range(min(a.n, 50)):
        t = time.perf_counter()
        engine.scrub(note)
        inproc.append((time.perf_counter() - t) * 1000)

    body = {"id": "bench", "text": note}

    payload = json.dumps(body).encode("utf-8")

    def timed(url: str) -> list[float]:
        """Requests over one kept-alive connection with the standard library's client,
        which sends headers and body in one write (httpx sends two, and on loopback the
        second waits ~40 ms for a delayed ACK: a client artifact, not the service)."""
        import http.client
        from urllib.parse import urlsplit

        u = urlsplit(url)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        headers = {"Content-Type": "application/json"}

        def post() -> None:
            conn.request("POST", "/v1/scrub", body=payload, headers=headers)
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                raise SystemExit(f"/v1/scrub answered {r.status}")

        for _ in range(a.warmup):
            post()
        out = []
        for _ in range(a.n):
            t = time.perf_counter()
            post()
            out.append((time.perf_counter() - t) * 1000)
        conn.close()
        return out

    # the real thing: `deid serve` in its own process
    import socket
    import subprocess

    with socket.socket() as s_:
        s_.bind(("127.0.0.1", 0))
        port = s_.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "deid", "serve", "--port", str(port), "--profile", a.profile],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        with httpx.Client(base_url=url, timeout=60) as client:
            while True:
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("deid serve did not start")
                time.sleep(0.2)
        http_ms = timed(url)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # the same app in a thread of this process (client and server share one GIL)
    with background(app) as url:
        thread_ms = timed(url)

    rows = [("POST /v1/scrub (deid serve, loopback)", http_ms),
            ("same, server thread in the client", thread_ms),
            ("Deidentifier.scrub (in process)", inproc)]
    print(f"deid service latency: {len(note.split())}-word note ({len(note)} chars), profile {a.profile}, "
          f"warm, one client thread; engine load {load:.1f} s")
    print(f"{'':38} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} {'min ms':>8} {'max ms':>8}")
    res = {"words": len(note.split()), "chars": len(note), "profile": a.profile, "load_s": round(load, 2)}
    for label, xs in rows:
        print(f"{label:38} {len(xs):>4} {pct(xs, .5):8.1f} {pct(xs, .95):8.1f} {statistics.mean(xs):8.1f} "
              f"{min(xs):8.1f} {max(xs):8.1f}")
        res[label] = {"n": len(xs), "p50_ms": round(pct(xs, .5), 1), "p95_ms": round(pct(xs, .95), 1),
                      "mean_ms": round(statistics.mean(xs), 1)}
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
