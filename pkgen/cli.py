"""The ``pkgen`` command line: each command parses options, calls the library, reports.

Exit codes: 0 success; 1 the document has error findings; 2 an input, template or output
problem (nothing was written).
Results go to stdout, diagnostics to stderr.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress

from . import __version__
from . import build as build_module
from .build.single import replaceable, write_drafts
from .checks import check_agreement, check_path, load_rulebook
from .docx_text import open_document
from .emit import agreement_yaml
from .errors import EXIT_FINDINGS, EXIT_INPUT, InputError, OutputError, PkgenError, Problem
from .forms import agreement_data, write_form
from .inputs import load_agreement
from .messages import HELP_ID, message
from .model import Ksb
from .paths import output_name
from .render import builtin_templates, render_draft, write_atomic
from .report import annotate as annotated
from .report import print_build, print_text
from .report import to_json as report_json
from .schema import schema_text
from .skeleton import from_ksb, skeleton


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


def _kind_options(func):
    """--dokumen and --jenis, for the commands that make a new input or form."""
    func = click.option("--jenis", type=click.Choice(["KSDD", "KSDPK", "KSDPL", "KSDLL"],
                        case_sensitive=False), default="KSDD", show_default=True,
                        help="Kind of cooperation.")(func)
    return click.option("--dokumen", type=click.Choice(["PKS", "KSB"], case_sensitive=False),
                        default="PKS", show_default=True, help="Kind of document.")(func)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pkgen")
def main() -> None:
    """Draft and check Indonesian regional cooperation agreements (PKS and KSB)."""


@main.command()
@_kind_options
@click.option("--from-ksb", "ksb", type=click.Path(dir_okay=False, path_type=Path),
              help="Pre-fill a PKS from the input (YAML or form) of the KSB it follows.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: print to stdout).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_lang_option
def new(dokumen: str, jenis: str, ksb: Path | None, output: Path | None, force: bool,
        lang: str) -> None:
    """Write a commented input skeleton to fill in (or a PKS pre-filled from its KSB)."""
    name = output.name if output else "masukan.yaml"
    if ksb is not None:
        loaded = load_agreement(ksb)
        if not isinstance(loaded.document, Ksb):
            raise InputError(Problem("ksb_file_not_ksb", ksb, params={
                "path": str(ksb), "found": loaded.kind}))
        text = from_ksb(loaded.document, ksb, output or Path(name))
    else:
        text = skeleton(dokumen.upper(), jenis.upper(), name)
    _text_out(text, output, force, message("skeleton_written", lang, path=str(output)))


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@_lang_option
def validate(files: tuple[Path, ...], lang: str) -> None:
    """Check input files; print what is wrong, or OK."""
    files = _expand(files)
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
@click.option("--allow-incomplete", is_flag=True,
              help="Write drafts the checker finds incomplete, marked DRAF — BELUM LENGKAP.")
@click.option("--rules", type=click.Path(dir_okay=False, path_type=Path),
              help="Check with this rulebook instead of the built-in one.")
@_lang_option
def render(files: tuple[Path, ...], output: Path, template: Path | None, force: bool,
           allow_incomplete: bool, rules: Path | None, lang: str) -> None:
    """Render input files into Word drafts.

    Every input is validated, checked and rendered before anything is written: if one
    fails, no file is written. An input with error findings is refused unless
    --allow-incomplete. An existing draft is replaced only if nobody edited it since pkgen
    wrote it.
    """
    files = _expand(files)
    targets = _targets(files, output)
    book = load_rulebook(rules)
    console = _console(stderr=True)
    drafts, problems, incomplete = [], [], []
    for path, target in zip(files, targets, strict=True):
        try:
            loaded = load_agreement(path)
            report = check_agreement(loaded, book)
            if report.has_errors:
                print_text(report, console, lang)
                incomplete.append(report)
            drafts.append((render_draft(loaded, template, incomplete=report.has_errors),
                           target))
        except PkgenError as err:
            problems.extend(err.problems)
    if incomplete and not allow_incomplete and not problems:
        click.echo(message("incomplete_refused", lang, count=len(incomplete)), err=True)
        sys.exit(EXIT_FINDINGS)
    for _draft, target in drafts:
        if replaceable(target, force) is None:
            problems.append(Problem("refuse_overwrite", params={"path": str(target)}))
    if problems:
        problems.append(Problem("errors_found", params={"count": len(problems)}))
        raise PkgenError(problems)
    refused = []
    for target, written in write_drafts([(d.data, t) for d, t in drafts], force):
        if written:
            click.echo(message("written", lang, path=str(target)))
        else:  # edited, or saved by someone, between the check above and the write
            refused.append(Problem("refuse_overwrite", params={"path": str(target)}))
    if refused:
        raise PkgenError(refused)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--ksb", type=click.Path(dir_okay=False, path_type=Path),
              help="The KSB this PKS follows (.docx or input file): list the gap and conflicts.")
@click.option("--kind", type=click.Choice(["pks", "ksb"]),
              help="Kind of document, when its title does not say.")
@click.option("--rules", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this rulebook instead of the built-in one.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output for people or for programs.")
@click.option("--annotate", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a copy of the .docx with a Word comment at each finding.")
@click.option("--force", is_flag=True, help="Replace the --annotate file if it exists.")
@_lang_option
def check(files: tuple[Path, ...], ksb: Path | None, kind: str | None, rules: Path | None,
          output_format: str, annotate: Path | None, force: bool, lang: str) -> None:
    """Check agreements (.docx drafts or input files) for the clauses the law requires.

    Exit codes: 0 no error findings, 1 error findings, 2 a file cannot be read.
    """
    files = _expand(files)
    if annotate is not None and (len(files) != 1 or files[0].suffix.lower() != ".docx"):
        raise click.UsageError(message("annotate_one_docx", lang))
    if annotate is not None and annotate.exists() and not force:  # before any work
        raise OutputError(Problem("refuse_overwrite", params={"path": str(annotate)}))
    console = _console(stderr=False)
    reports, unreadable = [], False
    for path in files:
        try:
            reports.append(check_path(path, kind=kind, ksb=ksb, rules=rules))
        except PkgenError as err:
            unreadable = True
            click.echo(err.format(lang), err=True)
    if output_format == "json":
        if reports:
            click.echo(report_json(reports, lang))
    else:
        for report in reports:
            print_text(report, console, lang)
    if annotate is not None and reports:
        write_atomic(annotated(files[0], reports[0], lang), annotate)
        click.echo(message("written", lang, path=str(annotate)), err=True)
    if unreadable:
        sys.exit(EXIT_INPUT)
    if any(r.has_errors for r in reports):
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.argument("register", required=False, default=Path("."),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              default=Path("drafts"), show_default=True, help="The drafts folder.")
@click.option("--force", is_flag=True, help="Render every input, changed or not.")
@click.option("--dry-run", is_flag=True, help="Print the plan; write nothing.")
@click.option("--overwrite-edited", is_flag=True,
              help="Replace hand-edited drafts instead of writing beside them.")
@click.option("--allow-incomplete", is_flag=True,
              help="Also write drafts the checker finds incomplete, marked as such.")
@click.option("--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1,
              show_default="the number of CPUs", help="Worker processes.")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
              help="Render every input with this template.")
@click.option("--rules", type=click.Path(dir_okay=False, path_type=Path),
              help="Check with this rulebook instead of the built-in one.")
@click.option("--redline", is_flag=True,
              help="Also write NAME.redline.docx: the old draft with the changes tracked.")
@_lang_option
def build(register: Path, output: Path, force: bool, dry_run: bool, overwrite_edited: bool,
          allow_incomplete: bool, jobs: int, template: Path | None, rules: Path | None,
          redline: bool, lang: str) -> None:
    """Render every input of a register into a drafts folder, incrementally.

    Only drafts whose input, template, rulebook or pkgen version changed are rendered again;
    a draft edited by hand is never overwritten: the new version is written beside it.
    """
    options = build_module.Options(force, dry_run, overwrite_edited, allow_incomplete, jobs,
                                   template, rules, lang, redline)
    console = _console(stderr=False)
    try:
        if dry_run:
            result = build_module.plan(register, output, options)
        else:
            with _progress(console, lang) as advance:
                result = build_module.build(register, output, options, advance)
    except build_module.BuildInterrupted as err:
        name = signal.Signals(err.signum).name
        click.echo(message("build_interrupted", lang, signal=name), err=True)
        sys.exit(128 + err.signum)
    for notice in result.notices:
        click.echo(notice.format(lang), err=True)
    print_build(result, console, lang, dry_run)
    if result.exit_code:
        sys.exit(result.exit_code)


@contextmanager
def _progress(console: Console, lang: str):
    """A progress bar on a terminal; a plain line per rendered draft otherwise."""
    if not console.is_terminal:
        yield lambda item, done, total: console.print(
            f"[{done}/{total}] {item.rel}", markup=False, highlight=False)
        return
    # Refreshed by hand, not by a thread: worker processes are forked only from a process
    # with a single thread.
    with Progress(console=console, transient=True, auto_refresh=False) as bar:
        task = bar.add_task(message("building", lang), total=None)

        def advance(_item, done, total):
            bar.update(task, completed=done, total=total)
            bar.refresh()

        yield advance


@main.command()
@_kind_options
@click.option("--from", "source", type=click.Path(dir_okay=False, path_type=Path),
              help="Pre-fill the form from this input (YAML or form).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The .xlsx file to write.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_lang_option
def form(dokumen: str, jenis: str, source: Path | None, output: Path, force: bool,
         lang: str) -> None:
    """Write an Excel input form for OPD staff, blank or pre-filled."""
    data = agreement_data(load_agreement(source).document) if source else None
    _write_new(write_form(dokumen.upper(), jenis.upper(), data), output, force)
    click.echo(message("written", lang, path=str(output)), err=True)


@main.command("import")
@click.argument("form_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The YAML input file to write.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_lang_option
def import_form(form_file: Path, output: Path, force: bool, lang: str) -> None:
    """Convert a filled Excel form into a commented YAML input for the register."""
    loaded = load_agreement(form_file)
    header = [f"Diimpor dari formulir {form_file.name} dengan pkgen {__version__}."]
    _write_new(agreement_yaml(agreement_data(loaded.document), header).encode("utf-8"), output,
               force)
    click.echo(message("imported", lang, path=str(output)), err=True)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: print to stdout).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_lang_option
def schema(output: Path | None, force: bool, lang: str) -> None:
    """Write the JSON Schema of input files, for editors that complete and check YAML."""
    _text_out(schema_text(), output, force, message("written", lang, path=str(output)))


@main.command()
def templates() -> None:
    """List the built-in templates."""
    for name, path in sorted(builtin_templates().items()):
        title = open_document(path).core_properties.title
        click.echo(f"{name:<12} {title:<40} {path}")


def _expand(files: tuple[Path, ...]) -> tuple[Path, ...]:
    """Expand wildcards the shell left alone (Windows' cmd.exe passes `*.yaml` as is)."""
    out: list[Path] = []
    for path in files:
        pattern = str(path)
        if not path.exists() and any(c in pattern for c in "*?["):
            matches = sorted(Path(".").glob(pattern)) if not path.is_absolute() else sorted(
                Path(path.anchor).glob(str(path.relative_to(path.anchor))))
            out.extend(matches or [path])
        else:
            out.append(path)
    return tuple(out)


def _write_new(data: bytes, output: Path, force: bool) -> None:
    """Write ``output`` atomically; an existing file is replaced only with ``--force``."""
    if output.exists() and not force:
        raise OutputError(Problem("refuse_overwrite", params={"path": str(output)}))
    write_atomic(data, output)


def _text_out(text: str, output: Path | None, force: bool, done: str) -> None:
    """Print ``text``, or write it to ``output`` and say so on stderr."""
    if output is None:
        click.echo(text, nl=False)
        return
    _write_new(text.encode("utf-8"), output, force)
    click.echo(done, err=True)


def _console(stderr: bool) -> Console:
    """A rich console; not on a terminal (a pipe, a file, CI) it is 120 columns wide."""
    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, width=None if stream.isatty() else 120)


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


def _indonesian_help(group: click.Group) -> None:
    """Show the command line's help in Indonesian (the default language of messages)."""
    for command in [group, *group.commands.values()]:
        first = (command.help or "").split("\n\n")[0].strip()
        if first in HELP_ID:
            command.help = HELP_ID[first]
            command.short_help = None
        for param in command.params:
            if isinstance(param, click.Option) and param.help in HELP_ID:
                param.help = HELP_ID[param.help]


if _default_lang() == "id":
    _indonesian_help(main)
