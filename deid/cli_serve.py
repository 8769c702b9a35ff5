"""`deid serve`: the local HTTP service and the review page (imported only when it runs)."""
from __future__ import annotations

import logging
from typing import Optional

import click

from .cli import Ctx, _run, debug_option, model_option
from .errors import ConfigError

DEFAULT_PORT = 8765


def _open_vault(path: str, key_file: Optional[str]):
    """The vault named by --vault; its key from --key-file / DEID_VAULT_KEY_FILE,
    DEID_VAULT_PASSPHRASE or a prompt (deid.vault.resolve_key), never an argument."""
    try:
        from .vault import Vault
    except ImportError:  # pragma: no cover - a build without the AI round trip
        raise ConfigError("this build of deid has no vault support") from None
    return Vault.open(path, key_file=key_file, create=True)


@click.command(help="""Run the local HTTP service and the review page.

\b
Opens http://127.0.0.1:PORT/ : paste a note or open a file, see every finding
highlighted with why it was found, un-mark false positives, mark what was missed,
and copy or download the scrubbed result. Nothing is stored on the server and no
text is written to its log.

\b
HTTP API (JSON, the shapes of `deid scrub/detect --jsonl`):
  GET  /health            POST /v1/scrub   {"id"?, "text", "profile"?, "client"?}
  GET  /v1/profiles       POST /v1/detect  {"id"?, "text", "profile"?, "explain"?}
                          POST /v1/restore {"id"?, "text", "client_id"?}  (needs --vault)
With --vault, {"profile": "ai", "client_id": ID} scrubs to surrogates recorded in the
vault; without it the 'ai' profile is refused.

\b
It listens on 127.0.0.1 only, unless --host says otherwise; any other address needs
--token-file, and every /v1 request must then send "Authorization: Bearer TOKEN".

\b
Examples:
  deid serve                                   then open http://127.0.0.1:8765/
  deid serve --port 9000 --profile redact
  deid serve --vault clients.vault --key-file vault.key
  curl -s -H 'Content-Type: application/json' -d '{"text": "Seen by Dr Okafor."}' \\
       http://127.0.0.1:8765/v1/scrub""")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback only without --token-file).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option("--token-file", type=click.Path(dir_okay=False), metavar="F", help="File holding a bearer token (16+ characters) that /v1 requests must send.")
@click.option("--vault", type=click.Path(dir_okay=False), metavar="VAULT", help="Encrypted vault for the 'ai' profile and /v1/restore.")
@click.option("--key-file", type=click.Path(dir_okay=False), metavar="F", help="Raw key file for the vault (else DEID_VAULT_PASSPHRASE or a prompt).")
@click.option("--client-id", metavar="ID", help="Default client id for 'ai' requests that send neither 'client_id' nor a card.")
@click.option("--profile", "-p", default="safe-harbor", show_default=True, metavar="NAME|PATH", help="Default profile for requests that name none.")
@click.option("--max-bytes", default=None, type=click.IntRange(1024, None), metavar="N", help="Largest request body accepted (default 10 MB; DEID_SERVE_MAX_BYTES).")
@model_option
@debug_option
@click.pass_context
def serve(cctx, host, port, token_file, vault, key_file, client_id, profile, max_bytes, model, debug):
    def body(ctx: Ctx) -> None:
        from .service.app import DEFAULT_MAX_BYTES, check_bind, create_app, is_loopback, read_token_file
        from .service.server import bind, make_server, url_of

        token = read_token_file(token_file) if token_file else None
        check_bind(host, token)
        v = _open_vault(vault, key_file) if vault else None
        app = create_app(profile=profile, vault=v, token=token, model=model, client_id=client_id,
                         max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                         allowed_hosts=None if is_loopback(host) else ["*"])
        slot = app.state.engines.get(app.state.engines.default_name)
        with slot.lock:  # load and warm up now, so that no early request is slow
            slot.engine.warm_up()
        sock = bind(host, port)
        # request lines (method, path, status, time) only; never bodies or query strings
        logging.getLogger("deid.service").setLevel(logging.INFO)
        for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
            logging.getLogger(name).setLevel(logging.WARNING)
        click.echo(f"deid: serving on {url_of(sock)}/ (Ctrl-C to stop)", err=True)
        try:
            make_server(app).run(sockets=[sock])
        except KeyboardInterrupt:  # Ctrl-C is how a server is stopped: not an error
            pass
        click.echo("deid: stopped", err=True)

    _run(cctx, debug, body)
