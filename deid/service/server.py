"""Running the app under uvicorn: on a socket we bind ourselves (so ``--port 0`` can say
which port it got before serving), in the foreground (`deid serve`) or in a background
thread (tests, benchmarks)."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from ..errors import ConfigError


def bind(host: str, port: int) -> socket.socket:
    bare = host.strip("[]")
    # proto must say TCP: asyncio turns Nagle off (TCP_NODELAY) on accepted connections only
    # when the listener's proto is IPPROTO_TCP; with 0, every keep-alive request after the
    # first waits ~40 ms for the client's delayed ACK (uvicorn issue #3149)
    sock = socket.socket(socket.AF_INET6 if ":" in bare else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((bare, port))
    except OSError as e:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port} ({e.strerror or type(e).__name__})") from None
    sock.listen(2048)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def make_server(app):
    """A uvicorn server that writes no access log (request lines come from the app's own
    PHI-free logger) and sends no Server header."""
    import uvicorn

    config = uvicorn.Config(app, log_config=None, access_log=False, log_level="warning",
                            server_header=False, proxy_headers=False)
    return uvicorn.Server(config)


@contextmanager
def background(app, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` in a thread on a free loopback port; yields its base URL."""
    sock = bind(host, port)
    server = make_server(app)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="deid-serve")
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        yield url_of(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
