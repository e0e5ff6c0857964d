"""Commands that judge and render inputs and check agreements: validate, render, check.
Every input goes through :func:`pkgen.drafts.produce`: one verdict, whichever command asks."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import clilang, pdf_convert
from ..build.single import replaceable, write_drafts
from ..checks.rulebook_file import load_rulebook
from ..errors import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    OutputError,
    PkgenError,
    Problem,
    TemplateError,
)
from ..files import write_atomic
from ..fingerprint import Package, UnreadableError, read_properties
from ..messages import message
from ..paths import output_name
from ..report import annotate as annotated
from ..report import print_text, print_verdict
from ..report import to_json as report_json
from ..templating import TemplateChoice, find_config, load_config, parse_template_options
from .base import expand, lang_option, main, make_console, option, template_options

if TYPE_CHECKING:
    from ..drafts import Produced


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@template_options
@lang_option
def validate(files: tuple[Path, ...], templates: tuple[str, ...], rules: Path | None,
             lang: str) -> None:
    """Check inputs as render would: print what is missing or wrong, or OK."""
    results = _produce_all(expand(files), templates, rules, lang, keep_going=True)
    console = make_console(stderr=False)
    for produced in results.produced:
        print_verdict(produced.report, console, lang)
    _exit_for(results)


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@option("-o", "--output", type=click.Path(path_type=Path), default=Path(),
        show_default="the current folder",
        help="Output folder, or a file name ending in .docx for a single input.")
@template_options
@option("--force", is_flag=True, help="Replace existing drafts even if they were edited since "
        "pkgen wrote them (the edits are lost).")
@option("--allow-incomplete", is_flag=True,
        help="Write drafts the checker finds incomplete, marked DRAF — BELUM LENGKAP.")
@option("--pdf", is_flag=True,
        help="Also write each draft as PDF beside it (needs LibreOffice).")
@lang_option
def render(files: tuple[Path, ...], output: Path, templates: tuple[str, ...], force: bool,
           allow_incomplete: bool, pdf: bool, rules: Path | None, lang: str) -> None:
    """Render input files into Word drafts.

    Every input is validated, checked and rendered before anything is written: if one
    fails, no file is written. An input with error findings is refused unless
    --allow-incomplete. An existing draft is replaced only if nobody edited it since pkgen
    wrote it.
    """
    files = expand(files)
    targets = _targets(files, output)
    results = _produce_all(files, templates, rules, lang, keep_going=True)
    incomplete = [p for p in results.produced if not p.complete]
    console = make_console(stderr=True)
    for produced in incomplete:
        print_verdict(produced.report, console, lang)
    if results.problems:
        raise PkgenError([*results.problems,
                          Problem("errors_found", params={"count": len(results.problems)})])
    if incomplete and not allow_incomplete:
        click.echo(message("incomplete_refused", lang, count=len(incomplete)), err=True)
        sys.exit(EXIT_FINDINGS)
    pairs = list(zip(results.produced, targets, strict=True))
    refused = [_refusal(target, force) for _produced, target in pairs]
    if pdf:
        pdf_convert.find_soffice()  # before anything is written
        refused += [pdf_convert.refusal(target.with_suffix(".pdf")) for _p, target in pairs
                    if not force]
    if any(refused):
        raise OutputError([r for r in refused if r is not None])
    late = []
    written = write_drafts([(p.draft.data, t) for p, t in pairs if p.draft is not None], force)
    for target, done in written:
        if done:
            click.echo(message("written", lang, path=str(target)))
        else:  # edited, or saved by someone, between the check above and the write
            late.append(Problem("refuse_edited", params={"path": str(target)}))
    if late:
        raise OutputError(late)
    if pdf:
        for target in pdf_convert.write_pdfs([(p.draft, t.with_suffix(".pdf"))
                                              for p, t in pairs if p.draft is not None]):
            click.echo(message("written", lang, path=str(target)))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@option("--ksb", type=click.Path(dir_okay=False, path_type=Path),
        help="The KSB this PKS follows (.docx or input file): list the gap and conflicts.")
@option("--kind", type=click.Choice(["pks", "ksb", "loi"]),
        help="Kind of document, when its title does not say.")
@template_options
@option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
        show_default=True, help="Output for people or for programs.")
@option("--annotate", type=click.Path(dir_okay=False, path_type=Path),
        help="Write a copy of the .docx with a Word comment at each finding.")
@option("--force", is_flag=True, help="Replace the --annotate file if it exists.")
@lang_option
def check(files: tuple[Path, ...], ksb: Path | None, kind: str | None,
          templates: tuple[str, ...], rules: Path | None, output_format: str,
          annotate: Path | None, force: bool, lang: str) -> None:
    """Check agreements (Word, PDF or input files) for the clauses the law requires.

    Exit codes: 0 no error findings, 1 error findings, 2 a file cannot be read.
    """
    from ..checks import check_path  # the checker loads only for this command

    files = expand(files)
    if annotate is not None and (len(files) != 1 or files[0].suffix.lower() != ".docx"):
        raise click.UsageError(message("annotate_one_docx", lang))
    if annotate is not None and annotate.exists() and not force:  # before any work
        raise OutputError(Problem("refuse_overwrite", params={
            "path": str(annotate), "option": "--annotate"}))
    reports, unreadable = [], False
    for path in files:
        try:
            reports.append(check_path(path, kind=kind, ksb=ksb, rules=rules,
                                      templates=_choice(templates, path)))
        except PkgenError as err:
            unreadable = True
            click.echo(err.format(lang), err=True)
    if output_format == "json":
        if reports:
            click.echo(report_json(reports, lang))
    else:
        for report in reports:
            print_text(report, make_console(stderr=False), lang)
    if annotate is not None and reports:
        write_atomic(annotated(files[0], reports[0], lang), annotate)
        click.echo(message("written", lang, path=str(annotate)), err=True)
    if unreadable:
        sys.exit(EXIT_INPUT)
    if any(r.has_errors for r in reports):
        sys.exit(EXIT_FINDINGS)


# --- helpers ------------------------------------------------------------------------------------

class _Results:
    """What producing a list of inputs gave: the produced ones and the problems of the rest."""

    def __init__(self) -> None:
        self.produced: list[Produced] = []
        self.problems: list[Problem] = []


def _produce_all(files: tuple[Path, ...], templates: tuple[str, ...], rules: Path | None,
                 lang: str, keep_going: bool) -> _Results:
    from ..drafts import Renderer, produce  # the renderer loads only for inputs

    book = load_rulebook(rules)
    renderer = Renderer()
    results = _Results()
    for path in files:
        try:
            results.produced.append(produce(path, book, _choice(templates, path),
                                            renderer=renderer))
        except TemplateError as err:  # the input's own verdict is still worth knowing
            results.produced.append(produce(path, book, render=False))
            results.problems.extend(err.problems)
        except PkgenError as err:
            results.problems.extend(err.problems)
            if not keep_going:
                break
    if templates and results.produced:
        choice = TemplateChoice(parse_template_options(templates))
        choice.check_unused(p.loaded.document for p in results.produced)
    return results


def _choice(templates: tuple[str, ...], path: Path) -> TemplateChoice:
    """The templates for the input at ``path``: the options, its register's pkgen.toml."""
    return _config_choice(tuple(templates), path.resolve().parent)


@functools.lru_cache(maxsize=64)
def _config_choice(templates: tuple[str, ...], folder: Path) -> TemplateChoice:
    return TemplateChoice(parse_template_options(templates), load_config(find_config(folder)))


def _exit_for(results: _Results) -> None:
    if results.problems:
        click.echo(PkgenError(results.problems).format(clilang.current()), err=True)
        sys.exit(EXIT_INPUT)
    if any(not p.complete for p in results.produced):
        sys.exit(EXIT_FINDINGS)


def _targets(files: tuple[Path, ...], output: Path) -> list[Path]:
    if output.suffix.lower() == ".docx":
        if len(files) > 1:
            raise OutputError(Problem("output_docx_many"))
        return [output]
    if output.exists() and not output.is_dir():
        raise OutputError(Problem("output_exists_dir", params={"path": str(output)}))
    names: list[str] = []
    for path in files:
        name = output_name(path)
        if name in names:
            raise OutputError(Problem("output_name_clash", params={"name": name}))
        names.append(name)
    return [output / name for name in names]


def _refusal(target: Path, force: bool) -> Problem | None:
    """Why ``target`` may not be replaced, or None: a draft someone edited, another file."""
    if replaceable(target, force) is not None:
        return None
    try:
        stamped = "pkgen.fingerprint" in read_properties(Package.read(target))
    except (UnreadableError, OSError):
        stamped = False
    return Problem("refuse_edited" if stamped else "refuse_foreign", params={"path": str(target)})
