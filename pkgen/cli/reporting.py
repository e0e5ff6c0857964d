"""``pkgen rekap``: the register's table for the coordination and evaluation meeting."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from ..errors import EXIT_INPUT, OutputError, PkgenError, Problem
from ..messages import message
from ..paths import INPUT_SUFFIXES
from .base import lang_option, main, option, write_new

SUFFIXES = {".xlsx": "xlsx", ".html": "html", ".htm": "html", ".md": "md", ".json": "json"}
#: The formats a rekap is written in (``pkgen.rekap.FORMATS``, which loads the checker and the
#: renderer; a test holds the two equal).
FORMATS = tuple(dict.fromkeys(SUFFIXES.values()))


@main.command()
@click.argument("register", required=False, default=Path(),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help="The file to write: .xlsx, .html, .md or .json (default: Markdown on stdout).")
@option("--per", metavar="TANGGAL",
        help="The day the rekap is made for, e.g. 2025-06-30 or 30/06/2025 (default: today).")
@option("--format", "output_format", type=click.Choice(FORMATS),
        help="Output format (default: from the -o file's extension, else md).")
@option("--rules", type=click.Path(dir_okay=False, path_type=Path),
        help="Use this rulebook (its rekap part: thresholds and alerts) instead of the "
             "built-in one.")
@option("--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1,
        show_default="the number of CPUs", help="Worker processes.")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@lang_option
def rekap(register: Path, output: Path | None, per: str | None, output_format: str | None,
          rules: Path | None, jobs: int, force: bool, lang: str) -> None:
    """Tabulate every agreement of a register: status, alerts, evaluations.

    One row per agreement (KSB and PKS, YAML and forms) with its status on the day, the
    alerts that keep agreements from lapsing unnoticed, and the evaluations, per OPD and per
    jenis. Exit code 2 when an input cannot be loaded (it is still listed, with its error).
    """
    from .. import rekap as rekaps

    day = _day(per)
    fmt = _format(output, output_format, register)
    result = rekaps.make_rekap(register, day, rules, jobs)
    data = rekaps.write(result, fmt, lang)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        write_new(data, output, force)
        click.echo(message("rekap_written", lang, path=str(output), jumlah=len(result.rows),
                           peringatan=len(result.raised)), err=True)
    broken = [row for row in result.rows if not row.facts.loaded]
    for row in broken:
        for problem in row.facts.problems:
            click.echo(problem[lang], err=True)
    if broken:
        click.echo(message("rekap_unreadable", lang, jumlah=len(broken)), err=True)
        sys.exit(EXIT_INPUT)


def _day(per: str | None) -> dt.date:
    if per is None:
        return dt.date.today()
    from pydantic_core import PydanticCustomError

    from .. import values

    try:
        day = values.date_value(per)
    except PydanticCustomError as err:
        raise PkgenError(Problem(err.type, key="--per", params=dict(err.context or {}))) from err
    if not isinstance(day, dt.date):
        raise PkgenError(Problem("date_type", key="--per", params={"input": per}))
    return day


def _format(output: Path | None, given: str | None, register: Path) -> str:
    """The output format: as given, else by the file's extension, else Markdown."""
    if output is None:
        if given == "xlsx":
            raise OutputError(Problem("rekap_xlsx_needs_output"))
        return given or "md"
    inside = register.resolve() in output.resolve().parents
    if inside and output.suffix.lower() in INPUT_SUFFIXES:
        raise OutputError(Problem("rekap_output_in_register", params={
            "path": str(output), "register": str(register)}))
    found = given or SUFFIXES.get(output.suffix.lower())
    if found is None:
        raise OutputError(Problem("rekap_unknown_suffix", params={
            "path": str(output), "formats": ", ".join(FORMATS)}))
    return found
