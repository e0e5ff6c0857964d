"""The ``pkgen`` command line: each command parses options, calls the library, reports.

Exit codes: 0 success; 2 an input, template or output problem (nothing was written).
Results go to stdout, diagnostics to stderr.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from . import __version__
from .docx_text import custom_properties, open_document, text_hash
from .errors import EXIT_INPUT, OutputError, PkgenError, Problem
from .inputs import load_agreement
from .messages import message
from .render import builtin_templates, render_draft, write_atomic
from .skeleton import skeleton

_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.IGNORECASE)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


class _Group(click.Group):
    """Reports every :class:`PkgenError` as its message and exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PkgenError as err:
            lang = (ctx.meta.get("pkgen.lang") or _default_lang())
            click.echo(err.format(lang), err=True)
            ctx.exit(err.exit_code)


def _default_lang() -> str:
    lang = os.environ.get("PKGEN_LANG", "id")
    return lang if lang in ("id", "en") else "id"


def _lang_option(func):
    def remember(ctx: click.Context, _param: click.Parameter, value: str) -> str:
        ctx.meta["pkgen.lang"] = value
        return value

    return click.option(
        "--lang", type=click.Choice(["id", "en"]), default=_default_lang, show_default="id",
        callback=remember, expose_value=True, is_eager=True,
        help="Language of messages (Indonesian or English); also PKGEN_LANG.",
    )(func)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pkgen")
def main() -> None:
    """Draft and check Indonesian regional cooperation agreements (PKS and KSB)."""


@main.command()
@click.option("--dokumen", type=click.Choice(["PKS", "KSB"], case_sensitive=False),
              default="PKS", show_default=True, help="Kind of document.")
@click.option("--jenis", type=click.Choice(["KSDD", "KSDPK", "KSDPL", "KSDLL"],
              case_sensitive=False), default="KSDD", show_default=True,
              help="Kind of cooperation.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: print to stdout).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_lang_option
def new(dokumen: str, jenis: str, output: Path | None, force: bool, lang: str) -> None:
    """Write a commented input skeleton to fill in."""
    name = output.name if output else "masukan.yaml"
    text = skeleton(dokumen.upper(), jenis.upper(), name)
    if output is None:
        click.echo(text, nl=False)
        return
    if output.exists() and not force:
        raise OutputError(Problem("refuse_overwrite", params={"path": str(output)}))
    write_atomic(text.encode("utf-8"), output)
    click.echo(message("skeleton_written", lang, path=str(output)), err=True)


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@_lang_option
def validate(files: tuple[Path, ...], lang: str) -> None:
    """Check input files; print what is wrong, or OK."""
    failed = []
    for path in files:
        try:
            load_agreement(path)
            click.echo(f"{path}: {message('ok', lang)}")
        except PkgenError as err:
            failed.append(err)
            click.echo(err.format(lang), err=True)
    if failed:
        sys.exit(EXIT_INPUT)


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("."),
              show_default="the current folder",
              help="Output folder, or a file name ending in .docx for a single input.")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
              help="Render with this .docx template instead of the built-in one.")
@click.option("--force", is_flag=True,
              help="Replace existing drafts even if they were edited since pkgen wrote them.")
@_lang_option
def render(files: tuple[Path, ...], output: Path, template: Path | None, force: bool,
           lang: str) -> None:
    """Render input files into Word drafts.

    Every input is checked and rendered before anything is written: if one fails, no file
    is written. An existing draft is replaced only if nobody edited it since pkgen wrote it.
    """
    targets = _targets(files, output)
    drafts, problems = [], []
    for path, target in zip(files, targets, strict=True):
        try:
            drafts.append((render_draft(load_agreement(path), template), target))
        except PkgenError as err:
            problems.extend(err.problems)
    for _draft, target in drafts:
        if target.exists() and not force and not _unedited_draft(target):
            problems.append(Problem("refuse_overwrite", params={"path": str(target)}))
    if problems:
        problems.append(Problem("errors_found", params={"count": len(problems)}))
        raise PkgenError(problems)
    for draft, target in drafts:
        write_atomic(draft.data, target)
        click.echo(message("written", lang, path=str(target)))


@main.command()
def templates() -> None:
    """List the built-in templates."""
    for name, path in sorted(builtin_templates().items()):
        title = open_document(path).core_properties.title
        click.echo(f"{name:<12} {title:<40} {path}")


def output_name(input_path: Path) -> str:
    """Return a safe draft file name derived from the input file name."""
    stem = _UNSAFE.sub("_", input_path.stem).strip(" .") or "draf"
    if _RESERVED.match(stem):
        stem = f"_{stem}"
    return f"{stem[:150]}.docx"


def _targets(files: tuple[Path, ...], output: Path) -> list[Path]:
    if output.suffix.lower() == ".docx":
        if len(files) > 1:
            raise OutputError(Problem("output_docx_many"))
        return [output]
    if output.exists() and not output.is_dir():
        raise OutputError(Problem("output_exists_dir", params={"path": str(output)}))
    folder = output.resolve()
    targets = []
    for path in files:
        target = folder / output_name(path)
        if target.parent != folder:  # cannot happen with output_name; kept as the invariant
            raise OutputError(Problem("output_write_failed", params={"detail": str(target)}))
        if target in targets:
            raise OutputError(Problem("output_name_clash", params={"name": target.name}))
        targets.append(target)
    return [output / t.name for t in targets]


def _unedited_draft(path: Path) -> bool:
    """True if ``path`` is a pkgen draft whose text is still what pkgen wrote."""
    try:
        doc = open_document(path)
    except Exception:  # not a readable .docx: never replace it silently
        return False
    stamp = custom_properties(doc).get("pkgen.text_sha256")
    return stamp is not None and stamp == text_hash(doc)
