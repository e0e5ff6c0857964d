"""The ``pkgen`` group, the options several commands share, and small helpers for
writing what a command makes."""

from __future__ import annotations

import functools
import importlib
import sys
from pathlib import Path

import click
from rich.console import Console

from .. import clilang
from .._version import __version__
from ..errors import (
    OutputError,
    PkgenError,
    Problem,
)
from ..files import write_atomic
from ..kinds import DOKUMEN, JENIS

option = functools.partial(click.option, cls=clilang.Option)
clilang.install()


#: The module defining each command, imported only when its command is run or listed: a
#: command waits for what it uses, not for what every other command uses.
COMMANDS = {"validate": "drafting", "render": "drafting", "check": "drafting",
            "new": "making", "form": "making", "import": "making", "schema": "making",
            "templates": "making", "build": "building", "rekap": "reporting",
            "serve": "serving"}


class _Group(clilang.Group):
    """Reports every :class:`PkgenError` as its message and exit code, never a traceback;
    imports each command's module when the command is asked for (see :data:`COMMANDS`)."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command named, its module imported first."""
        if cmd_name in COMMANDS:
            importlib.import_module(f"{__package__}.{COMMANDS[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command, for ``pkgen --help``."""
        for module in sorted(set(COMMANDS.values())):
            importlib.import_module(f"{__package__}.{module}")
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PkgenError as err:
            click.echo(err.format(clilang.current()), err=True)
            ctx.exit(err.exit_code)


def lang_option(func):
    """--lang: the language of messages, effective as soon as it is parsed."""
    def remember(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
        clilang.use(value)
        return value

    return option("--lang", type=click.Choice(clilang.LANGS), default=clilang.default_lang,
                  show_default="id", callback=remember, is_eager=True,
                  help="Language of messages (Indonesian or English); also PKGEN_LANG.")(func)


def kind_options(func):
    """--dokumen and --jenis, for the commands that make a new input or form."""
    func = option("--jenis", type=click.Choice(JENIS, case_sensitive=False), default="KSDD",
                  show_default=True, help="Kind of cooperation.")(func)
    return option("--dokumen", type=click.Choice(DOKUMEN, case_sensitive=False), default="PKS",
                  show_default=True, help="Kind of document.")(func)


def template_options(func):
    """--template (repeatable) and --rules, for the commands that check or render inputs."""
    func = option("--rules", type=click.Path(dir_okay=False, path_type=Path),
                  help="Check with this rulebook instead of the built-in one.")(func)
    return option("--template", "templates", multiple=True, metavar="[KIND=]FILE",
                  help="Template: FILE for the kinds it declares, or KIND=FILE (e.g. "
                       "pks_ksdd=mine.docx); repeatable.")(func)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pkgen")
def main() -> None:
    """Draft and check Indonesian regional cooperation agreements (PKS and KSB)."""


def expand(files: tuple[Path, ...]) -> tuple[Path, ...]:
    """Expand wildcards the shell left alone (Windows' cmd.exe passes `*.yaml` as is)."""
    out: list[Path] = []
    for path in files:
        pattern = str(path)
        if not path.exists() and any(c in pattern for c in "*?["):
            matches = sorted(Path().glob(pattern)) if not path.is_absolute() else sorted(
                Path(path.anchor).glob(str(path.relative_to(path.anchor))))
            out.extend(matches or [path])
        else:
            out.append(path)
    return tuple(out)


def write_new(data: bytes, output: Path, force: bool) -> None:
    """Write ``output`` atomically; an existing file is replaced only with ``--force``."""
    if output.exists() and not force:
        raise OutputError(Problem("refuse_overwrite", params={
            "path": str(output), "option": "-o"}))
    write_atomic(data, output)


def text_out(text: str, output: Path | None, force: bool, done: str) -> None:
    """Print ``text``, or write it to ``output`` and say so on stderr."""
    if output is None:
        click.echo(text, nl=False)
        return
    write_new(text.encode("utf-8"), output, force)
    click.echo(done, err=True)


def make_console(stderr: bool) -> Console:
    """A rich console; not on a terminal (a pipe, a file, CI) it is 120 columns wide. It
    prints names as they are: ``:ok:`` in a file's name is not made an emoji."""
    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, emoji=False,
                   width=None if stream.isatty() else 120)
