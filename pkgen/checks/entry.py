"""``check_path``: the checker's entry point for any file, a Word document, a PDF or an input."""

from __future__ import annotations

from pathlib import Path

from ..docx_text import read_blocks
from ..paths import INPUT_SUFFIXES
from .document import check_structure
from .findings import Report
from .gap import compare, facts_from_blocks, facts_from_input
from .rulebook import Rulebook
from .rulebook_file import load_rulebook
from .structure import parse_structure


def _is_pdf(path: Path) -> bool:
    if path.suffix.lower() == ".pdf":
        return True
    try:
        with path.open("rb") as handle:
            return b"%PDF-" in handle.read(1024)
    except OSError:
        return False


def check_path(path: Path, *, kind: str | None = None, ksb: Path | None = None,
               rules: Path | None = None, templates=None) -> Report:
    """Check the agreement at ``path`` (.docx, PDF or input file); with ``ksb``, against its KSB.

    An input file gets the same verdict as ``pkgen render`` gives it (its draft, rendered
    with ``templates``, is checked too). ``kind`` ('pks' or 'ksb') overrides the kind read
    off a Word document's title. Raises a :class:`~pkgen.errors.PkgenError` (exit code 2)
    for a file that cannot be read.
    """
    book = load_rulebook(rules)
    report, facts = _check_one(path, book, kind, ksb is not None, templates)
    if ksb is not None:
        ksb_report, ksb_facts = _check_one(ksb, book, "ksb", True, templates)
        report.findings += compare(report, facts, ksb_report, ksb_facts, book)
    return report


def _check_one(path: Path, book: Rulebook, kind: str | None, with_facts: bool, templates):
    if path.suffix.lower() in INPUT_SUFFIXES:
        from ..drafts import produce  # drafts builds on the checker

        produced = produce(path, book, templates)
        return produced.report, facts_from_input(produced.loaded)
    if _is_pdf(path):
        from ..pdf_text import read_pdf_blocks  # pdfplumber loads only for PDFs

        blocks = read_pdf_blocks(path)
    else:
        blocks = read_blocks(path)
    structure = parse_structure(blocks, book)
    report = check_structure(str(path), structure, book, kind)
    facts = facts_from_blocks(blocks, structure.title_lines, report.jenis) if with_facts else None
    return report, facts
