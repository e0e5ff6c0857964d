"""``pkgen build``: a register rendered into a drafts folder, with progress."""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console

from .. import build as build_module
from ..messages import message
from ..report import print_build
from ..templating import parse_template_options
from .base import lang_option, main, make_console, option, template_options


@main.command()
@click.argument("register", required=False, default=Path(),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
        default=Path("drafts"), show_default=True, help="The drafts folder.")
@option("--all", "rebuild_all", is_flag=True, help="Render every input, changed or not.")
@option("--dry-run", is_flag=True, help="Print the plan; write nothing.")
@option("--overwrite-edited", is_flag=True,
        help="Replace hand-edited drafts instead of writing beside them.")
@option("--allow-incomplete", is_flag=True,
        help="Also write drafts the checker finds incomplete, marked as such.")
@option("--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1,
        show_default="the number of CPUs", help="Worker processes.")
@template_options
@option("--redline", is_flag=True,
        help="Also write NAME.redline.docx: the old draft with the changes tracked.")
@lang_option
def build(register: Path, output: Path, rebuild_all: bool, dry_run: bool, overwrite_edited: bool,
          allow_incomplete: bool, jobs: int, templates: tuple[str, ...], rules: Path | None,
          redline: bool, lang: str) -> None:
    """Render every input of a register into a drafts folder, incrementally.

    Only drafts whose input, template, rulebook or pkgen version changed are rendered again;
    a draft edited by hand is never overwritten: the new version is written beside it.
    """
    given = parse_template_options(templates)
    options = build_module.Options(rebuild_all, dry_run, overwrite_edited, allow_incomplete, jobs,
                                   given, rules, lang, redline)
    console = make_console(stderr=False)
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
    from rich.progress import Progress  # a bar only on a terminal

    # Refreshed by hand, not by a thread: worker processes are forked only from a process
    # with a single thread.
    with Progress(console=console, transient=True, auto_refresh=False) as bar:
        task = bar.add_task(message("building", lang), total=None)

        def advance(_item, done, total):
            bar.update(task, completed=done, total=total)
            bar.refresh()

        yield advance
