"""`deid restore` and `deid vault`: the AI round trip's commands (imported lazily).

Also :func:`setup_scrub`, which `deid scrub` calls for ``--vault``, ``--client-id``
and ``--audit``."""
from __future__ import annotations

import json
import sys
from typing import Any, Optional

import click

from .cli import Ctx, _internal, _jsonl_streams, _name, _output, _read_or_report, _run, debug_option, jsonl_option
from .errors import ConfigError, InputError

vault_option = click.option("--vault", "vault_path", required=True, metavar="VAULT", type=click.Path(dir_okay=False),
                            help="The encrypted vault file written by 'deid scrub --profile ai --vault'.")
key_file_option = click.option("--key-file", metavar="F", type=click.Path(dir_okay=False),
                               help="A file holding the raw 32-byte vault key (or 64 hex digits); default: "
                                    "DEID_VAULT_KEY_FILE, else the passphrase in DEID_VAULT_PASSPHRASE, else a prompt.")
client_id_option = click.option("--client-id", metavar="ID", help="Whose pairs to use (default: every client's).")


def setup_scrub(engine, profile: str, vault_path: Optional[str], key_file: Optional[str], client_id: Optional[str],
                audit_path: Optional[str], card: Optional[str]):
    """The engine `deid scrub` uses with --vault / --client-id / --audit."""
    from .surrogates import client_key

    if key_file and not vault_path:
        raise ConfigError("--key-file goes with --vault")
    if vault_path:
        from .vault import Vault

        if not engine.uses_surrogates():
            raise ConfigError(f"--vault needs a profile with surrogates (--profile ai); '{profile}' has none")
        if not client_id and not card:
            raise ConfigError("--vault needs --client-id ID or --client CARD: whose document is this?")
        engine = engine.for_client(client_id=client_id, vault=Vault.open(vault_path, key_file=key_file, create=True))
    elif client_id:
        engine = engine.for_client(client_id=client_id)
    if audit_path:
        from .audit import AuditedEngine, AuditLog

        key = client_key(client_id, engine.client) if (client_id or engine.client is not None) else None
        engine = AuditedEngine(engine, AuditLog(audit_path), command="scrub", client_id=key)
    return engine


def _open_vault(vault_path: str, key_file: Optional[str]):
    from .vault import Vault

    return Vault.open(vault_path, key_file=key_file)


def _restorer(vault, client_id: Optional[str]):
    from .restore import Restorer

    if client_id is not None:
        if client_id not in vault.clients:
            raise ConfigError("that client id is not in the vault (never scrubbed with it, or forgotten)")
        return Restorer([vault.clients[client_id]])
    return Restorer(list(vault.clients.values()))


def _summary(where: str, restored: int, unmatched: dict[str, int]) -> None:
    left = ", ".join(f"{k} {v}" for k, v in unmatched.items())
    click.echo(f"deid: {where}: {restored} restored" + (f"; left as written, check them: {left}" if left else ""), err=True)


@click.command(help="""Put the real values back into text that came back from an AI tool.

\b
The text was written from 'deid scrub --profile ai --vault VAULT' output: every
surrogate in it is replaced by its original, also when the AI wrote it another way
(possessive, ALL CAPS, the first name or surname alone, 'Dr' + surname, a date in
another format or a day range). What looks like a surrogate but cannot be matched
is left as written and counted on stderr (counts only, never values).

\b
Examples:
  deid restore --vault notes.vault --client-id c-17 draft.txt
  pbpaste | deid restore --vault notes.vault --client-id c-17 | pbcopy
  deid restore --vault notes.vault --jsonl < drafts.jsonl > restored.jsonl

The key: --key-file F, DEID_VAULT_KEY_FILE, DEID_VAULT_PASSPHRASE, or a prompt.""")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@vault_option
@key_file_option
@client_id_option
@click.option("-o", "--output", metavar="OUT", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@jsonl_option
@debug_option
@click.pass_context
def restore(cctx, files, vault_path, key_file, client_id, output, jsonl, debug):
    def body(ctx: Ctx) -> None:
        r = _restorer(_open_vault(vault_path, key_file), client_id)
        with _output(output) as out:
            if jsonl:
                _restore_jsonl(ctx, r, files, out)
                return
            for name in files or (None,):
                text = _read_or_report(ctx, name)
                if text is None:
                    continue
                try:
                    res = r.restore(text)
                except Exception as e:  # noqa: BLE001
                    _internal(ctx, _name(name), e)
                    continue
                out.write(res.text)
                out.flush()
                _summary(_name(name), res.restored, res.unmatched)

    _run(cctx, debug, body)


def _restore_jsonl(ctx: Ctx, r, files, out) -> None:
    from .io import iter_lines, parse_jsonl_line, safe_id

    total, left = 0, {}
    for name, stream in _jsonl_streams(ctx, files):
        for lineno, raw in iter_lines(stream):
            rec: dict[str, Any]
            try:
                rid, text = parse_jsonl_line(raw, lineno, _name(name))
            except InputError as e:
                ctx.worst = max(ctx.worst, 2)
                click.echo(f"deid: error: {e}", err=True)
                rec = {"id": safe_id(raw), "error": str(e)}
            else:
                try:
                    res = r.restore(text)
                    rec = {"id": rid, "text": res.text}
                    total += res.restored
                    for k, v in res.unmatched.items():
                        left[k] = left.get(k, 0) + v
                except Exception as e:  # noqa: BLE001
                    if ctx.debug:
                        import traceback

                        traceback.print_exception(e, file=sys.stderr)
                    ctx.worst = max(ctx.worst, 1)
                    rec = {"id": rid, "error": f"line {lineno}: internal error ({type(e).__name__})"}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()
    _summary("jsonl", total, dict(sorted(left.items())))


@click.group(help="""Look after the vault of surrogate pairs: counts, and deletion on request.

\b
Examples:
  deid vault info --vault notes.vault
  deid vault info --vault notes.vault --client-id c-17 --json
  deid vault forget --vault notes.vault --client-id c-17
  deid vault keygen notes.key          a random key file, instead of a passphrase""")
def vault() -> None:
    pass


@vault.command(help="Print counts (clients, pairs per entity type), never a value or a client id.")
@vault_option
@key_file_option
@click.option("--client-id", metavar="ID", help="Counts for this client only.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@debug_option
@click.pass_context
def info(cctx, vault_path, key_file, client_id, as_json, debug):
    def body(ctx: Ctx) -> None:
        v = _open_vault(vault_path, key_file)
        if client_id is not None and client_id not in v.clients:
            raise ConfigError("that client id is not in the vault")
        i = v.info(client_id)
        if as_json:
            click.echo(json.dumps(i))
            return
        click.echo(f"clients: {i['clients']}")
        click.echo(f"pairs: {i['pairs']}")
        for t, n in i["per_type"].items():
            click.echo(f"  {t}: {n}")
        click.echo(f"key: {'key file' if i['kdf'] == 'raw-key' else 'passphrase (' + str(i['kdf']) + ')'}")

    _run(cctx, debug, body)


@vault.command(help="""Delete one client's pairs, secret and date offset (deletion on request).

Text scrubbed for that client can no longer be restored; scrubbing for the same
client id again starts a new, unrelated set of surrogates.""")
@vault_option
@key_file_option
@click.option("--client-id", required=True, metavar="ID", help="The client to forget.")
@debug_option
@click.pass_context
def forget(cctx, vault_path, key_file, client_id, debug):
    def body(ctx: Ctx) -> None:
        v = _open_vault(vault_path, key_file)
        if client_id not in v.clients:
            raise ConfigError("that client id is not in the vault (nothing to forget)")
        n = v.forget(client_id)
        click.echo(f"forgot 1 client ({n} pairs)")

    _run(cctx, debug, body)


@vault.command(help="Write a new random 32-byte key (hex) to FILE, readable by you only.")
@click.argument("file", type=click.Path(dir_okay=False))
@debug_option
@click.pass_context
def keygen(cctx, file, debug):
    def body(ctx: Ctx) -> None:
        from .vault import new_key_file

        try:
            new_key_file(file)
        except FileExistsError:
            raise ConfigError(f"{file} exists: refusing to overwrite a key") from None
        click.echo(f"wrote a new key to {file}", err=True)

    _run(cctx, debug, body)
