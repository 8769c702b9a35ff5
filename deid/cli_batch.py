"""`deid batch`: clean a whole folder of case files (DESIGN.md section 1)."""
from __future__ import annotations

import click

from .cli import Ctx, _run, client_option, debug_option, model_option, profile_option


@click.command(help="""Clean every file of a folder into another folder, each in its own format.

\b
Writes each file's scrubbed twin at the same relative path under OUT_DIR (never inside
IN_DIR). Formats: .txt .md .docx .vtt .srt .json .csv .jsonl; other files are reported
and not copied. An existing output is never replaced unless --force; a rerun skips what
is done (the manifest OUT_DIR/deid-manifest.jsonl records path, SHA-256 of input and
output, counts per entity type, profile and status of each file). A file that cannot
be read is reported on stderr (path and reason) and the others carry on; the exit code
is then 2. Ctrl-C leaves no half-written file.

\b
Examples:
  deid batch case-files/ -o clean/
  deid batch case-files/ -o clean/ --profile redact --jobs 4
  deid batch case-files/ -o clean/ --client jordan.yaml --audit audit.jsonl
  deid batch exports/ -o clean/ --columns note,summary   only these CSV columns""")
@click.argument("in_dir", type=click.Path(file_okay=False))
@click.option("-o", "--output", "out_dir", required=True, metavar="OUT_DIR", type=click.Path(file_okay=False),
              help="Folder for the scrubbed files (created; must be outside IN_DIR).")
@profile_option
@client_option
@model_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes, each loading the engine once (default: the number of cores).")
@click.option("--force", is_flag=True, help="Redo every file and replace existing outputs.")
@click.option("--audit", metavar="LOG", type=click.Path(dir_okay=False),
              help="Append one PHI-free JSON line per cleaned file (profile, counts per type, hashed name) to LOG.")
@click.option("--columns", metavar="C,...", help="CSV files: scrub only these columns (header names or 1-based numbers).")
@debug_option
@click.pass_context
def batch(cctx, in_dir, out_dir, profile, client, model, jobs, force, audit, columns, debug):
    def body(ctx: Ctx) -> None:
        from .batch import run

        cols = [c for c in columns.split(",") if c.strip()] if columns else None
        summary = run(in_dir, out_dir, profile=profile, client=client, model=model, jobs=jobs, force=force,
                      columns=cols, audit=audit, report=lambda s: click.echo(s, err=True))
        click.echo(summary.line(), err=True)
        if summary.interrupted:
            raise KeyboardInterrupt
        if summary.failed:
            ctx.worst = max(ctx.worst, 2)

    _run(cctx, debug, body)
