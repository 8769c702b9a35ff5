"""`deid profiles`: the built-in profiles and who each is for.

Reads only the YAML files, never the model, so it answers at once."""
from __future__ import annotations

import json
import shutil
import textwrap

import click
import regex

from .cli import Ctx, _run, debug_option


@click.command(help="""List the built-in profiles, each with who it is for and what it keeps.

\b
Use one with `deid scrub --profile NAME`, or pass the path of your own YAML file
(deid/profiles.py describes the format).

\b
Examples:
  deid profiles
  deid profiles --json          [{"name": ..., "description": ...}, ...]""")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {name, description}.")
@debug_option
@click.pass_context
def profiles(cctx, as_json, debug):
    def body(ctx: Ctx) -> None:
        from .profiles import describe_profiles

        items = describe_profiles()
        if as_json:
            click.echo(json.dumps([{"name": n, "description": d} for n, d in items], indent=2, ensure_ascii=False))
            return
        width = max(40, min(100, shutil.get_terminal_size((88, 20)).columns) - 2)
        blocks = []
        for name, desc in items:
            default = " (default)" if name == "safe-harbor" else ""
            # a tag such as [GROUP MEMBER 2] is never split across lines
            glued = regex.sub(r"\[[^\]\s][^\]]*\]", lambda m: m.group().replace(" ", "\x00"), desc or "(no description)")
            body_text = textwrap.fill(glued, width=width, initial_indent="  ", subsequent_indent="  ",
                                      break_on_hyphens=False).replace("\x00", " ")
            blocks.append(f"{name}{default}\n{body_text}")
        click.echo("\n\n".join(blocks))

    _run(cctx, debug, body)
