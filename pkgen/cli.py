"""The ``pkgen`` command line: each command parses options, calls the library, reports.

Exit codes: 0 success; 1 the document has error findings (incomplete); 2 an input, template
or output problem (nothing was written). Results go to stdout, diagnostics to stderr.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress

from . import build as build_module
from . import clilang, pdf_convert
from ._version import __version__
from .build.single import replaceable, write_drafts
from .checks import check_path, load_rulebook
from .docx_text import open_document
from .drafts import Produced, Renderer, produce
from .emit import agreement_yaml
from .errors import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    InputError,
    OutputError,
    PkgenError,
    Problem,
    TemplateError,
)
from .fingerprint import Package, UnreadableError, read_properties
from .forms import agreement_data, write_form
from .inputs import INPUT_SUFFIXES, load_agreement
from .messages import message
from .model import DOKUMEN, JENIS, Ksb
from .paths import output_name
from .render import builtin_templates, write_atomic
from .report import annotate as annotated
from .report import print_build, print_text, print_verdict
from .report import to_json as report_json
from .schema import schema_text
from .skeleton import from_ksb, skeleton
from .templating import TemplateChoice, find_config, load_config, parse_template_options

option = functools.partial(click.option, cls=clilang.Option)
clilang.install()


class _Group(clilang.Group):
    """Reports every :class:`PkgenError` as its message and exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PkgenError as err:
            click.echo(err.format(clilang.current()), err=True)
            ctx.exit(err.exit_code)


def _lang_option(func):
    def remember(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
        clilang.use(value)
        return value

    return option("--lang", type=click.Choice(clilang.LANGS), default=clilang.default_lang,
                  show_default="id", callback=remember, is_eager=True,
                  help="Language of messages (Indonesian or English); also PKGEN_LANG.")(func)


def _kind_options(func):
    """--dokumen and --jenis, for the commands that make a new input or form."""
    func = option("--jenis", type=click.Choice(JENIS, case_sensitive=False), default="KSDD",
                  show_default=True, help="Kind of cooperation.")(func)
    return option("--dokumen", type=click.Choice(DOKUMEN, case_sensitive=False), default="PKS",
                  show_default=True, help="Kind of document.")(func)


def _template_options(func):
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


@main.command()
@_kind_options
@option("--from-ksb", "ksb", type=click.Path(dir_okay=False, path_type=Path),
        help="Pre-fill a PKS from the input (YAML or form) of the KSB it follows.")
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help="File to write (default: print to stdout).")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
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
@_template_options
@_lang_option
def validate(files: tuple[Path, ...], templates: tuple[str, ...], rules: Path | None,
             lang: str) -> None:
    """Check inputs as render would: print what is missing or wrong, or OK."""
    results = _produce_all(_expand(files), templates, rules, lang, keep_going=True)
    console = _console(stderr=False)
    for produced in results.produced:
        print_verdict(produced.report, console, lang)
    _exit_for(results)


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@option("-o", "--output", type=click.Path(path_type=Path), default=Path("."),
        show_default="the current folder",
        help="Output folder, or a file name ending in .docx for a single input.")
@_template_options
@option("--force", is_flag=True, help="Replace existing drafts even if they were edited since "
        "pkgen wrote them (the edits are lost).")
@option("--allow-incomplete", is_flag=True,
        help="Write drafts the checker finds incomplete, marked DRAF — BELUM LENGKAP.")
@option("--pdf", is_flag=True,
        help="Also write each draft as PDF beside it (needs LibreOffice).")
@_lang_option
def render(files: tuple[Path, ...], output: Path, templates: tuple[str, ...], force: bool,
           allow_incomplete: bool, pdf: bool, rules: Path | None, lang: str) -> None:
    """Render input files into Word drafts.

    Every input is validated, checked and rendered before anything is written: if one
    fails, no file is written. An input with error findings is refused unless
    --allow-incomplete. An existing draft is replaced only if nobody edited it since pkgen
    wrote it.
    """
    files = _expand(files)
    targets = _targets(files, output)
    results = _produce_all(files, templates, rules, lang, keep_going=True)
    incomplete = [p for p in results.produced if not p.complete]
    console = _console(stderr=True)
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
                                              for p, t in pairs]):
            click.echo(message("written", lang, path=str(target)))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@option("--ksb", type=click.Path(dir_okay=False, path_type=Path),
        help="The KSB this PKS follows (.docx or input file): list the gap and conflicts.")
@option("--kind", type=click.Choice(["pks", "ksb"]),
        help="Kind of document, when its title does not say.")
@_template_options
@option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
        show_default=True, help="Output for people or for programs.")
@option("--annotate", type=click.Path(dir_okay=False, path_type=Path),
        help="Write a copy of the .docx with a Word comment at each finding.")
@option("--force", is_flag=True, help="Replace the --annotate file if it exists.")
@_lang_option
def check(files: tuple[Path, ...], ksb: Path | None, kind: str | None,
          templates: tuple[str, ...], rules: Path | None, output_format: str,
          annotate: Path | None, force: bool, lang: str) -> None:
    """Check agreements (Word, PDF or input files) for the clauses the law requires.

    Exit codes: 0 no error findings, 1 error findings, 2 a file cannot be read.
    """
    files = _expand(files)
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
            print_text(report, _console(stderr=False), lang)
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
@option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
        default=Path("drafts"), show_default=True, help="The drafts folder.")
@option("--force", is_flag=True, help="Render every input, changed or not.")
@option("--dry-run", is_flag=True, help="Print the plan; write nothing.")
@option("--overwrite-edited", is_flag=True,
        help="Replace hand-edited drafts instead of writing beside them.")
@option("--allow-incomplete", is_flag=True,
        help="Also write drafts the checker finds incomplete, marked as such.")
@option("--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1,
        show_default="the number of CPUs", help="Worker processes.")
@_template_options
@option("--redline", is_flag=True,
        help="Also write NAME.redline.docx: the old draft with the changes tracked.")
@_lang_option
def build(register: Path, output: Path, force: bool, dry_run: bool, overwrite_edited: bool,
          allow_incomplete: bool, jobs: int, templates: tuple[str, ...], rules: Path | None,
          redline: bool, lang: str) -> None:
    """Render every input of a register into a drafts folder, incrementally.

    Only drafts whose input, template, rulebook or pkgen version changed are rendered again;
    a draft edited by hand is never overwritten: the new version is written beside it.
    """
    given = parse_template_options(templates)
    options = build_module.Options(force, dry_run, overwrite_edited, allow_incomplete, jobs,
                                   given, rules, lang, redline)
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
@option("--from", "source", type=click.Path(dir_okay=False, path_type=Path),
        help="Pre-fill the form from this input (YAML or form).")
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
        help="The .xlsx file to write.")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@_lang_option
def form(dokumen: str, jenis: str, source: Path | None, output: Path, force: bool,
         lang: str) -> None:
    """Write an Excel input form for OPD staff, blank or pre-filled."""
    produced = produce(source, load_rulebook(None), render=False) if source else None
    data = agreement_data(produced.loaded.document) if produced else None
    _write_new(write_form(dokumen.upper(), jenis.upper(), data), output, force)
    click.echo(message("written", lang, path=str(output)), err=True)
    if produced is not None:
        print_verdict(produced.report, _console(stderr=True), lang)


@main.command("import")
@click.argument("form_file", type=click.Path(dir_okay=False, path_type=Path))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
        help="The YAML input file to write.")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@_lang_option
def import_form(form_file: Path, output: Path, force: bool, lang: str) -> None:
    """Convert a filled Excel form into a commented YAML input for the register."""
    produced = produce(form_file, load_rulebook(None), render=False,
                       ksb_base=[output.resolve().parent])
    data = agreement_data(produced.loaded.document)
    if produced.loaded.ksb_path is not None:  # a form that travelled: point from the output
        data["ksb"] = {"berkas": Path(os.path.relpath(
            produced.loaded.ksb_path, output.resolve().parent)).as_posix()}
    header = [message("imported_header", lang, form=form_file.name, version=__version__)]
    _write_new(agreement_yaml(data, header).encode("utf-8"), output, force)
    click.echo(message("imported", lang, path=str(output)), err=True)
    print_verdict(produced.report, _console(stderr=True), lang)


@main.command()
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help="File to write (default: print to stdout).")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@_lang_option
def schema(output: Path | None, force: bool, lang: str) -> None:
    """Write the JSON Schema of input files, for editors that complete and check YAML."""
    _text_out(schema_text(), output, force, message("written", lang, path=str(output)))


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
@_lang_option
def serve(register: Path | None, host: str, port: int, new_token: bool, rules: Path | None,
          lang: str) -> None:
    """Serve the web application for a register (default: ./register, made if missing)."""
    from .web.app import start

    start(register or Path("register"), host, port, new_token, rules, lang, click.echo)


@main.command()
def templates() -> None:
    """List the built-in templates."""
    for name, path in sorted(builtin_templates().items()):
        title = open_document(path).core_properties.title
        click.echo(f"{name:<12} {title:<40} {path}")


# --- helpers ------------------------------------------------------------------------------------

class _Results:
    """What producing a list of inputs gave: the produced ones and the problems of the rest."""

    def __init__(self) -> None:
        self.produced: list[Produced] = []
        self.problems: list[Problem] = []


def _produce_all(files: tuple[Path, ...], templates: tuple[str, ...], rules: Path | None,
                 lang: str, keep_going: bool) -> _Results:
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
        raise OutputError(Problem("refuse_overwrite", params={
            "path": str(output), "option": "-o"}))
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


__all__ = ["main", "INPUT_SUFFIXES"]
