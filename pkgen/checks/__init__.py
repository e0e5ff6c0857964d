"""The clause checker: any .docx agreement or input file against the rulebook.

``check_path`` is the entry point: it reads the file (a Word document or a YAML input),
applies the rules for its kind and jenis, and, given the KSB, compares the two. Each name is
imported when first used (see :mod:`pkgen.lazy`): a build with nothing to render reads only
the rulebook's digest (:mod:`.rulebook_file`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from ..errors import DocumentError
    from .agreement import check_agreement
    from .document import check_document, check_structure
    from .entry import check_path
    from .findings import ClauseStatus, Finding, Location, Report
    from .rulebook import Rulebook
    from .rulebook_file import load_rulebook

__all__ = [
    "ClauseStatus", "DocumentError", "Finding", "Location", "Report", "Rulebook",
    "check_agreement", "check_document", "check_path", "check_structure", "load_rulebook",
]

__getattr__ = exports(__name__, {
    "ClauseStatus": ".findings", "DocumentError": "..errors", "Finding": ".findings",
    "Location": ".findings", "Report": ".findings", "Rulebook": ".rulebook",
    "check_agreement": ".agreement", "check_document": ".document", "check_path": ".entry",
    "check_structure": ".document", "load_rulebook": ".rulebook_file"})
