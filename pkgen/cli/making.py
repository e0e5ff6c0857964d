"""Commands that make inputs: a skeleton, an Excel form, a form imported as YAML, the JSON
Schema, and the list of built-in templates."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .._version import __version__
from ..bundled import builtin_templates
from ..checks import load_rulebook
from ..docx_text import open_document
from ..errors import (
    InputError,
    Problem,
)
from ..messages import message
from ..report import print_verdict
from .base import kind_options, lang_option, main, make_console, option, text_out, write_new

# Each command imports the models, the checker and what it writes with when it runs.


@main.command()
@kind_options
@option("--from-ksb", "ksb", type=click.Path(dir_okay=False, path_type=Path),
        help="Pre-fill a PKS from the input (YAML or form) of the KSB it follows.")
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help="File to write (default: print to stdout).")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@lang_option
def new(dokumen: str, jenis: str, ksb: Path | None, output: Path | None, force: bool,
        lang: str) -> None:
    """Write a commented input skeleton to fill in (or a PKS pre-filled from its KSB)."""
    from ..inputs import load_agreement
    from ..model import Ksb
    from ..skeleton import from_ksb, skeleton

    name = output.name if output else "masukan.yaml"
    if ksb is not None:
        loaded = load_agreement(ksb)
        if not isinstance(loaded.document, Ksb):
            raise InputError(Problem("ksb_file_not_ksb", ksb, params={
                "path": str(ksb), "found": loaded.kind}))
        text = from_ksb(loaded.document, ksb, output or Path(name))
    else:
        text = skeleton(dokumen.upper(), jenis.upper(), name)
    text_out(text, output, force, message("skeleton_written", lang, path=str(output)))


@main.command()
@kind_options
@option("--from", "source", type=click.Path(dir_okay=False, path_type=Path),
        help="Pre-fill the form from this input (YAML or form).")
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
        help="The .xlsx file to write.")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@lang_option
def form(dokumen: str, jenis: str, source: Path | None, output: Path, force: bool,
         lang: str) -> None:
    """Write an Excel input form for OPD staff, blank or pre-filled."""
    from ..drafts import produce
    from ..forms import prefilled_form, write_form  # openpyxl: only for the commands on forms

    produced = produce(source, load_rulebook(None), render=False) if source else None
    written = prefilled_form(produced.loaded, dokumen.upper(), jenis.upper(), output) \
        if produced else write_form(dokumen.upper(), jenis.upper(), None)
    write_new(written, output, force)
    click.echo(message("written", lang, path=str(output)), err=True)
    if produced is not None:
        print_verdict(produced.report, make_console(stderr=True), lang)


@main.command("import")
@click.argument("form_file", type=click.Path(dir_okay=False, path_type=Path))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
        help="The YAML input file to write.")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@lang_option
def import_form(form_file: Path, output: Path, force: bool, lang: str) -> None:
    """Convert a filled Excel form into a commented YAML input for the register."""
    from ..drafts import produce
    from ..emit import agreement_yaml
    from ..forms import agreement_data, refuse_lost
    from ..translations import split_translations

    produced = produce(form_file, load_rulebook(None), render=False,
                       ksb_base=[output.resolve().parent])
    translations = produced.loaded.translations
    data = agreement_data(produced.loaded.document, translations)
    refuse_lost(translations, split_translations(data, {}, {}, None).translations, form_file)
    if produced.loaded.ksb_path is not None:  # a form that travelled: point from the output
        data["ksb"] = {"berkas": Path(os.path.relpath(
            produced.loaded.ksb_path, output.resolve().parent)).as_posix()}
    header = [message("imported_header", lang, form=form_file.name, version=__version__)]
    write_new(agreement_yaml(data, header).encode("utf-8"), output, force)
    click.echo(message("imported", lang, path=str(output)), err=True)
    print_verdict(produced.report, make_console(stderr=True), lang)


@main.command()
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help="File to write (default: print to stdout).")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@lang_option
def schema(output: Path | None, force: bool, lang: str) -> None:
    """Write the JSON Schema of input files, for editors that complete and check YAML."""
    from ..schema import schema_text

    text_out(schema_text(), output, force, message("written", lang, path=str(output)))


@main.command()
def templates() -> None:
    """List the built-in templates."""
    for name, path in sorted(builtin_templates().items()):
        title = open_document(path).core_properties.title
        click.echo(f"{name:<12} {title:<40} {path}")
