"""The `deid` command line (DESIGN.md section 1)."""
from __future__ import annotations

import json
import logging
import sys
import traceback
from contextlib import contextmanager
from typing import Any, Callable, Optional

import click

from . import __version__
from .errors import ConfigError, DeidError, InputError

MAIN_HELP = """Remove names, dates, places, contact details and ID numbers (PHI) from
clinical and therapy text before it leaves your computer. Works offline.

\b
Examples:
  deid scrub note.txt                 print note.txt with PHI replaced by tags
  pbpaste | deid scrub | pbcopy       scrub the clipboard (macOS)
  deid scrub note.txt -o clean.txt    write the result to a file
  deid scrub --client card.yaml n.txt also remove everything on the client card
  deid detect --explain note.txt      show what would be removed, and why
  deid scrub --jsonl < notes.jsonl    one {"id","text"} object per line (for tools)
  deid evaluate --gold gold.jsonl     measure recall on annotated notes

Nothing is ever sent over the network. Errors are one line on stderr and never
contain the text being processed. Exit codes: 0 ok, 1 internal failure,
2 bad usage or bad input.
"""

log = logging.getLogger("deid")


class Ctx:
    def __init__(self) -> None:
        self.debug = False
        self.worst = 0

    def fail(self, code: int, msg: str) -> None:
        click.echo(f"deid: error: {msg}", err=True)
        self.worst = max(self.worst, code)


def _quiet_logs(debug: bool) -> None:
    logging.basicConfig(level=logging.WARNING if debug else logging.ERROR, format="deid: %(levelname)s: %(message)s", stream=sys.stderr)
    for name in ("presidio-analyzer", "presidio-anonymizer", "spacy"):
        logging.getLogger(name).setLevel(logging.WARNING if debug else logging.ERROR)
    if not debug:
        import warnings

        warnings.filterwarnings("ignore")


def _internal(ctx: Ctx, where: str, exc: BaseException) -> None:
    """An unexpected failure: say where and what kind, never the message (it may hold PHI)."""
    if ctx.debug:
        traceback.print_exc(file=sys.stderr)
    ctx.fail(1, f"{where}: internal error ({type(exc).__name__}); nothing was written for it" + ("" if ctx.debug else " (--debug shows details)"))


_ENGINES: dict = {}


def _make_engine(ctx: Ctx, profile: str, client: Optional[str], model: str):
    """One engine per configuration and process (tests invoke the CLI many times)."""
    from .engine import Deidentifier

    key = (profile, client, model)
    if key not in _ENGINES:
        _ENGINES[key] = Deidentifier(profile=profile, client=client, model=model)
    return _ENGINES[key]


debug_option = click.option("--debug", is_flag=True, help="Show full tracebacks on errors (may contain note text).")
profile_option = click.option("--profile", "-p", default="safe-harbor", show_default=True, metavar="NAME|PATH",
                              help="What to do with each kind of PHI: a built-in profile (safe-harbor, safe-harbor-max, redact, supervision, referral...; 'deid profiles' lists them all) or a YAML file.")
client_option = click.option("--client", "client", metavar="CARD", type=click.Path(dir_okay=False),
                             help="YAML/JSON card of what you already know about the client (names, DOB, address...): always removed.")
model_option = click.option("--model", default="builtin", show_default=True, metavar="NAME|PATH",
                            help="spaCy model: 'builtin' (shipped), 'blank' (no NER), an installed package or a path.")
jsonl_option = click.option("--jsonl", is_flag=True, help='Each input line is {"id": ..., "text": "..."}; one output line per input line.')


class _LazyGroup(click.Group):
    """Commands that need heavy libraries (the vault's cryptography, the service's
    FastAPI, python-docx, Spark) live in their own modules, imported only when the
    command runs, so that `deid scrub` starts fast."""

    LAZY = {
        "restore": "deid.cli_ai:restore",
        "vault": "deid.cli_ai:vault",
        "batch": "deid.cli_batch:batch",
        "serve": "deid.cli_serve:serve",
        "profiles": "deid.cli_profiles:profiles",
    }

    def _lazy(self) -> dict:
        import importlib.util

        return {n: t for n, t in self.LAZY.items() if importlib.util.find_spec(t.split(":")[0]) is not None}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._lazy()))

    def get_command(self, ctx: click.Context, name: str):
        cmd = super().get_command(ctx, name)
        if cmd is None and name in self._lazy():
            import importlib

            mod, attr = self.LAZY[name].split(":")
            cmd = getattr(importlib.import_module(mod), attr)
        return cmd


@click.group(cls=_LazyGroup, help=MAIN_HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="deid")
@debug_option
@click.pass_context
def cli(cctx: click.Context, debug: bool) -> None:
    cctx.obj = Ctx()
    cctx.obj.debug = debug


def _run(cctx: click.Context, debug: bool, body: Callable[[Ctx], None]) -> None:
    ctx: Ctx = cctx.obj or Ctx()
    ctx.debug = ctx.debug or debug
    _quiet_logs(ctx.debug)
    try:
        body(ctx)
    except DeidError as e:
        if ctx.debug:
            traceback.print_exc(file=sys.stderr)
        ctx.fail(e.exit_code, str(e))
    except KeyboardInterrupt:
        ctx.fail(1, "interrupted")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ctx.worst or 0)
    except Exception as e:  # noqa: BLE001 - last line of defence: fail closed
        _internal(ctx, "could not finish", e)
    sys.exit(ctx.worst)


# ----------------------------------------------------------------- scrub
@cli.command(help="""Print the text with PHI replaced, as the profile says.

\b
Reads the FILEs given, or standard input when there are none, and writes only the
scrubbed text to standard output (or to -o OUT), so it works inside a pipe. If a
document cannot be processed completely, nothing is printed for it.

\b
Examples:
  deid scrub note.txt
  cat note.txt | deid scrub --profile redact
  deid scrub --client jordan.yaml session.txt -o session.clean.txt
  deid scrub --jsonl < notes.jsonl > clean.jsonl
  deid scrub --profile ai --vault notes.vault --client-id c-17 session.txt
                                      realistic surrogates; 'deid restore' puts them back""")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-o", "--output", metavar="OUT", type=click.Path(dir_okay=False), help="Write here instead of standard output (replaced only when everything succeeded).")
@profile_option
@jsonl_option
@client_option
@model_option
@click.option("--vault", metavar="VAULT", type=click.Path(dir_okay=False), help="Record every surrogate -> original pair in this encrypted vault (created if missing; needs --profile ai and --client-id or --client). Key: DEID_VAULT_PASSPHRASE, --key-file or a prompt.")
@click.option("--key-file", metavar="F", type=click.Path(dir_okay=False), help="Raw 32-byte vault key file (or DEID_VAULT_KEY_FILE) instead of a passphrase.")
@click.option("--client-id", metavar="ID", help="Whose document this is: surrogates and date shift stay the same for this client.")
@click.option("--audit", metavar="LOG", type=click.Path(dir_okay=False), help="Append one PHI-free JSON line per document (time, profile, counts per type, hashes) to LOG.")
@debug_option
@click.pass_context
def scrub(cctx, files, output, profile, jsonl, client, model, vault, key_file, client_id, audit, debug):
    def body(ctx: Ctx) -> None:
        engine = _make_engine(ctx, profile, client, model)
        if vault or key_file or client_id or audit:
            from .cli_ai import setup_scrub

            engine = setup_scrub(engine, profile, vault, key_file, client_id, audit, client)
        if output and any(f not in ("-",) and _same_file(f, output) for f in files):
            raise ConfigError(f"{output}: refusing to overwrite an input file")
        with _output(output) as out:
            if jsonl:
                _jsonl(ctx, engine, files, out, mode="scrub")
            else:
                for name in files or (None,):
                    if _format_path(name):  # docx, vtt, srt, json, csv, jsonl, md: deid.formats
                        _scrub_format(ctx, engine, name, out, output, len(files))
                        continue
                    text = _read_or_report(ctx, name)
                    if text is None:
                        continue
                    if audit:
                        engine.doc = _name(name)
                    try:
                        result = _scrub_text(engine, text, _name(name))
                    except DeidError:
                        raise
                    except Exception as e:  # noqa: BLE001
                        _internal(ctx, _name(name), e)
                        continue
                    out.write(result)
                    out.flush()

    _run(cctx, debug, body)


# ----------------------------------------------------------------- detect
@cli.command(help="""List what would be removed: offsets, type, score and recognizer.

\b
Writes one JSON object per document: {"id": FILE, "entities": [...]}. Values are not
printed unless you ask with --show-values.

\b
Examples:
  deid detect note.txt
  deid detect --explain note.txt          also say which pattern and context words fired
  deid detect --jsonl < notes.jsonl""")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@profile_option
@jsonl_option
@client_option
@model_option
@click.option("--explain", is_flag=True, help="Add the pattern and the context words that led to each finding.")
@click.option("--show-values", is_flag=True, help="Also print each detected value (this prints PHI: only to your own screen).")
@debug_option
@click.pass_context
def detect(cctx, files, profile, jsonl, client, model, explain, show_values, debug):
    def body(ctx: Ctx) -> None:
        engine = _make_engine(ctx, profile, client, model)
        out = click.get_text_stream("stdout")
        if jsonl:
            _jsonl(ctx, engine, files, out, mode="detect", explain=explain, show_values=show_values)
            return
        for name in files or (None,):
            if _format_path(name):
                _detect_format(ctx, engine, name, out, explain, show_values)
                continue
            text = _read_or_report(ctx, name)
            if text is None:
                continue
            try:
                from .streaming import detect_text

                findings = detect_text(engine, text)  # long texts window by window
                rec = {"id": _name(name), "entities": [_entity(f, text, explain, show_values) for f in findings]}
            except Exception as e:  # noqa: BLE001
                _internal(ctx, _name(name), e)
                continue
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")

    _run(cctx, debug, body)


# ----------------------------------------------------------------- evaluate
@cli.command(help="""Measure detection against a gold file of annotated documents.

\b
GOLD is JSONL: {"id", "text", "spans": [{"start", "end", "label"}], "kind"?} per line
(DESIGN.md section 3). Reports, per gold label, entity recall (span touched at all) and
full-coverage recall (every letter and digit removed), then span and character
precision and throughput.

\b
Examples:
  deid evaluate --gold corpora/samples/sample.jsonl
  deid evaluate --gold my_notes.jsonl --json > scores.json""")
@click.option("--gold", required=True, metavar="GOLD.jsonl", help="Annotated documents in the gold format.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@profile_option
@model_option
@click.option("--show-misses", type=int, default=0, metavar="N", help="Print up to N missed or partly covered gold spans with context (prints the gold text: your own data only).")
@debug_option
@click.pass_context
def evaluate(cctx, gold, as_json, profile, model, show_misses, debug):
    def body(ctx: Ctx) -> None:
        import time

        from .evaluate import evaluate as run_eval, format_table, load_gold

        docs = load_gold(gold)
        t0 = time.perf_counter()
        engine = _make_engine(ctx, profile, None, model)
        load = time.perf_counter() - t0
        with _progress(len(docs), "documents") as step:
            rep = run_eval(engine, docs, keep_misses=bool(show_misses), progress=step)
        rep.load_seconds = load
        if as_json:
            click.echo(json.dumps(rep.as_dict(), indent=2))
        else:
            click.echo(format_table(rep))
        for doc_id, label, value, ctxt in rep.misses[:show_misses]:
            click.echo(f"MISS {doc_id} {label}: {value!r} | {ctxt}", err=True)

    _run(cctx, debug, body)


# ----------------------------------------------------------------- helpers
def _name(path: Optional[str]) -> str:
    from .io import display_name

    return display_name(path)


def _same_file(a: str, b: str) -> bool:
    import os

    try:
        return os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False




def _format_path(name: Optional[str]) -> bool:
    """A file in a structured format goes through ``deid.formats``; standard input, .txt
    and any other name stay on the plain-text path (and its checks)."""
    if name in (None, "-"):
        return False
    from .formats import FORMATS, extension

    return extension(str(name)) in FORMATS - {".txt"}


def _scrub_text(engine, text: str, doc: str) -> str:
    """``engine.scrub``; a long text window by window in bounded memory (deid.streaming)."""
    from .streaming import STREAM_CHARS, scrub_text

    if len(text) <= STREAM_CHARS:
        return engine.scrub(text).text
    result, counts = scrub_text(_unaudited(engine), text)
    _audit(engine, doc, counts)
    return result


def _unaudited(engine):
    """The engine inside an ``--audit`` wrapper: work done through it writes no record of
    its own, so that ``_audit`` writes exactly one per document."""
    from .audit import AuditedEngine

    return engine.engine if isinstance(engine, AuditedEngine) else engine


def _audit(engine, doc: str, counts: dict) -> None:
    """The audit record of a document scrubbed outside ``engine.scrub`` (--audit)."""
    from .audit import AuditedEngine

    if isinstance(engine, AuditedEngine):
        engine.record(doc, counts)


def _scrub_format(ctx: Ctx, engine, name: str, out, output: Optional[str], n_files: int) -> None:
    """One .docx/.vtt/.srt/.json/.csv/.jsonl/.md file, written in its own format."""
    from .formats import BINARY_FORMATS, extension, scrub_document_counts
    from .io import read_bytes

    ext = extension(name)
    if ext in BINARY_FORMATS and not output and click.get_binary_stream("stdout").isatty():
        ctx.fail(2, f"{name}: the result is a binary {ext} file: give -o OUT{ext} (or redirect standard output)")
        return
    if ext in BINARY_FORMATS and n_files > 1:
        ctx.fail(2, f"{name}: one {ext} file at a time (or use 'deid batch' for a folder)")
        return
    try:
        result, counts = scrub_document_counts(_unaudited(engine), read_bytes(name), name)
    except InputError as e:
        ctx.fail(2, str(e))
        return
    except DeidError:
        raise
    except Exception as e:  # noqa: BLE001
        _internal(ctx, _name(name), e)
        return
    _audit(engine, _name(name), counts)
    out.flush()
    buf = getattr(out, "buffer", None) or click.get_binary_stream("stdout")
    buf.write(result)
    buf.flush()


def _detect_format(ctx: Ctx, engine, name: str, out, explain: bool, show_values: bool) -> None:
    """Findings of a structured file; offsets are into its text segments ("segment": index)."""
    from .formats import detect_document
    from .io import read_bytes

    try:
        doc, found = detect_document(engine, read_bytes(name), name)
        ents = []
        for k, f in found:
            d = _entity(f, doc.texts[k], explain, show_values)
            if len(doc.texts) > 1:
                d["segment"] = k
            ents.append(d)
    except InputError as e:
        ctx.fail(2, str(e))
        return
    except Exception as e:  # noqa: BLE001
        _internal(ctx, _name(name), e)
        return
    out.write(json.dumps({"id": _name(name), "entities": ents}, ensure_ascii=False) + "\n")


def _read_or_report(ctx: Ctx, name: Optional[str]) -> Optional[str]:
    from .io import read_text

    try:
        return read_text(name)
    except InputError as e:
        ctx.fail(2, str(e))
        return None


@contextmanager
def _output(path: Optional[str]):
    if path:
        from .io import AtomicOutput

        with AtomicOutput(path) as fh:
            yield fh
    else:
        yield click.get_text_stream("stdout")


@contextmanager
def _progress(total: int, unit: str):
    """A progress bar on stderr for long work, only when stderr is a terminal. Counts only."""
    if total < 50 or not sys.stderr.isatty():
        yield lambda n=1: None
        return
    with click.progressbar(length=total, label=unit, file=sys.stderr) as bar:
        yield bar.update


def _entity(f, text: str, explain: bool, show_values: bool) -> dict[str, Any]:
    d = f.as_dict()
    if explain:
        d["pattern"] = f.pattern
        d["context"] = f.context_words
    if show_values:
        d["value"] = text[f.start:f.end]
    return d


def _jsonl_streams(ctx: Ctx, files):
    """(name, binary stream) of each JSONL source in turn (standard input when there are
    none); a file that cannot be opened is reported (exit 2) and skipped; each is closed."""
    from .io import open_binary

    for name in files or (None,):
        try:
            stream = open_binary(name)
        except InputError as e:
            ctx.fail(2, str(e))
            continue
        try:
            yield name, stream
        finally:
            if name not in (None, "-"):
                stream.close()


def _jsonl(ctx: Ctx, engine, files, out, mode: str, explain: bool = False, show_values: bool = False) -> None:
    """Stream JSONL: one output line per input line, in order; bad lines become error records."""
    from .io import iter_lines, parse_jsonl_line, safe_id

    BATCH = 64
    for name, stream in _jsonl_streams(ctx, files):
        pending: list[tuple[int, Any, Optional[str], Optional[str]]] = []  # (lineno, id, text, error)

        def flush() -> None:
            texts = [(i, t) for i, (_, _, t, err) in enumerate(pending) if err is None]
            results: dict[int, Any] = {}
            try:
                results = _process(engine, mode, [t for _, t in texts], explain, show_values)
                results = {texts[k][0]: r for k, r in enumerate(results)}
            except Exception:  # noqa: BLE001 - retry one by one so one bad line fails alone
                for i, t in texts:
                    try:
                        results[i] = _process(engine, mode, [t], explain, show_values)[0]
                    except Exception as e:  # noqa: BLE001
                        results[i] = e
            for i, (lineno, rid, _, err) in enumerate(pending):
                if err is not None:
                    rec = {"id": rid, "error": err}
                elif isinstance(results.get(i), Exception):
                    e = results[i]
                    if ctx.debug:
                        traceback.print_exception(e, file=sys.stderr)
                    rec = {"id": rid, "error": f"line {lineno}: internal error ({type(e).__name__})"}
                    ctx.worst = max(ctx.worst, 1)
                else:
                    rec = {"id": rid, **results[i]}
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out.flush()
            pending.clear()

        for lineno, raw in iter_lines(stream):
            try:
                rid, text = parse_jsonl_line(raw, lineno, _name(name))
                pending.append((lineno, rid, text, None))
            except InputError as e:
                pending.append((lineno, safe_id(raw), None, str(e)))
                ctx.worst = max(ctx.worst, 2)
                click.echo(f"deid: error: {e}", err=True)
            if len(pending) >= BATCH:
                flush()
        flush()


def _process(engine, mode: str, texts: list[str], explain: bool, show_values: bool) -> list[dict[str, Any]]:
    if mode == "scrub":
        return [{"text": r.text} for r in engine.scrub_many(texts)]
    return [
        {"entities": [_entity(f, t, explain, show_values) for f in fs]}
        for t, fs in zip(texts, engine.detect_many(texts))
    ]


def main() -> None:
    from ._presidio import install

    install()  # this process is deid's own: skip Presidio's unused recognizers (start-up)
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("deid: error: aborted", err=True)
        sys.exit(1)
    except click.UsageError as e:
        msg = e.format_message().splitlines()[0] if e.format_message() else "bad usage"
        hint = f" (try '{e.ctx.command_path} --help')" if e.ctx else ""
        click.echo(f"deid: error: {msg}{hint}", err=True)
        sys.exit(2)
    except click.ClickException as e:
        click.echo(f"deid: error: {e.format_message()}", err=True)
        sys.exit(2)
    except SystemExit:
        raise


if __name__ == "__main__":  # pragma: no cover
    main()
