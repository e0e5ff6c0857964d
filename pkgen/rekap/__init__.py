"""The register for the coordination and evaluation meeting (``pkgen rekap``): every agreement,
its status on a given day, the alerts that keep agreements from lapsing unnoticed, and the
evaluations of how they are carried out.

The stages, one module each, data flowing one way:

1. ``collect`` reads every input of the register (:func:`pkgen.register.scan`) into
   ``facts``, through :func:`pkgen.drafts.produce`, in worker processes for a large
   register; an input that cannot be loaded becomes a row saying why, never a gap;
2. ``assess`` gives each agreement its status on the day and raises the alerts the
   rulebook's ``rekap`` part asks for (thresholds, and which alerts look at which agreements);
3. ``summary`` tallies per OPD, per jenis and per status, and lists the evaluations;
4. ``views`` lays all of it out as tables in the reader's language, which ``xlsx`` (the
   workbook), ``page`` (HTML, charts drawn by ``charts``) and ``text`` (Markdown) write;
   ``text`` also writes JSON, from the facts themselves.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..checks import load_rulebook
from .assess import STATUSES, Raised, Rekap, Row, assess, status_of
from .collect import collect
from .facts import Facts, read_facts
from .page import page
from .text import markdown, to_json

FORMATS = ("xlsx", "html", "md", "json")


def make_rekap(register: Path, per: dt.date, rules: Path | None = None,
               jobs: int = 1) -> Rekap:
    """Read every input of ``register`` and assess the register on ``per``, with the
    rulebook at ``rules`` (None: the built-in one), in ``jobs`` processes."""
    facts = collect(register, rules, jobs)
    return assess(register, facts, per, load_rulebook(rules).register)


def write(rekap: Rekap, output_format: str, lang: str = "id") -> bytes:
    """``rekap`` in ``output_format`` (one of :data:`FORMATS`) and ``lang``, as bytes."""
    if output_format == "xlsx":
        from .xlsx import workbook  # openpyxl: loaded by the commands that write a workbook

        return workbook(rekap, lang)
    text = {"html": page, "md": markdown, "json": to_json}[output_format](rekap, lang)
    return text.encode("utf-8")


__all__ = [
    "FORMATS", "STATUSES", "Facts", "Raised", "Rekap", "Row", "assess", "collect",
    "make_rekap", "markdown", "page", "read_facts", "status_of", "to_json", "write",
]
