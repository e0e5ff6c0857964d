"""The command that serves the web application: serve."""

from __future__ import annotations

from pathlib import Path

import click

from .base import lang_option, main, option


@main.command()
@click.argument("register", required=False, type=click.Path(file_okay=False, path_type=Path))
@option("--host", default="127.0.0.1", show_default=True,
        help="Address to serve on; another computer's needs an access token (PKGEN_TOKEN).")
@option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
        help="Port to serve on.")
@option("--new-token", is_flag=True,
        help="Make and print an access token for serving other computers.")
@option("--rules", type=click.Path(dir_okay=False, path_type=Path),
        help="Check with this rulebook instead of the built-in one.")
@lang_option
def serve(register: Path | None, host: str, port: int, new_token: bool, rules: Path | None,
          lang: str) -> None:
    """Serve the web application for a register (default: ./register, made if missing)."""
    from ..web.app import start  # the web framework loads only for this command

    start(register or Path("register"), host, port, new_token, rules, lang, click.echo)
