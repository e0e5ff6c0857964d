"""Check reports as text, JSON, or a Word copy with comments; no printing elsewhere."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .messages import message, msg

if TYPE_CHECKING:
    from .build import Result as BuildResult
    from .checks.findings import Finding, Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_COLUMNS = ("column_severity", "column_rule", "column_location", "column_finding", "column_basis")


def verdict(report: Report, lang: str = "id") -> str:
    """One line: how many errors, warnings and notes, and whether the draft is complete."""
    e, w, i = (report.count(s) for s in ("error", "warning", "info"))
    return message("verdict", lang, document=report.document, errors=e, warnings=w, notes=i,
                   state=msg("state_incomplete" if e else "ok"))


def print_verdict(report: Report, console: Console, lang: str = "id") -> None:
    """``FILE: OK``, or the verdict and each error as ``FILE:line: key: message``.

    The short form of :func:`print_text`, for ``validate``, ``form --from`` and ``import``.
    """
    if not report.has_errors:
        warnings = report.count("warning")
        extra = " — " + message("ok_warnings", lang, count=warnings) if warnings else ""
        console.print(f"{report.document}: {message('ok', lang)}{extra}", markup=False,
                      highlight=False, soft_wrap=True)
        return
    console.print(verdict(report, lang), markup=False, highlight=False, soft_wrap=True)
    for finding in report.sorted_findings():
        if finding.severity != "error":
            continue
        where = report.document
        loc = finding.location
        if loc is not None and loc.cell is None and loc.line:
            where += f":{loc.line}"
        if loc is not None and (loc.cell or loc.key or loc.pasal):
            where += ": " + (loc.text(lang) if loc.cell or loc.pasal else loc.key or "")
        console.print(f"{where}: {finding.message(report.book, lang)}", markup=False,
                      highlight=False, soft_wrap=True)


def print_text(report: Report, console: Console, lang: str = "id") -> None:
    """A table of findings grouped by severity (errors first), then the one-line verdict."""
    if report.findings:
        table = Table(*(message(c, lang) for c in _COLUMNS), show_lines=False, expand=True)
        for finding in report.sorted_findings():
            table.add_row(
                f"[{_STYLE[finding.severity]}]{message('severity_' + finding.severity, lang)}[/]",
                Text(finding.rule.id),
                Text(where(finding, lang)),
                Text(finding.message(report.book, lang)),
                Text(finding.rule.dasar.text(lang)),
            )
        console.print(table)
    for line in clause_notes(report, lang):
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    console.print(verdict(report, lang), highlight=False, markup=False, soft_wrap=True)


def where(finding: Finding, lang: str) -> str:
    """Where a finding is, as the reports show it: its location, or for a missing required
    clause the nearest passage (or that there is none); "—" otherwise."""
    if finding.location:
        return finding.location.text(lang)
    if finding.rule.jenis_pemeriksaan == "klausul_wajib" and finding.severity == "error":
        if finding.candidate:
            return f"— ({message('nearest_passage', lang, where=finding.candidate.text(lang))})"
        return f"— ({message('no_similar_passage', lang)})"
    return "—"


def clause_notes(report: Report, lang: str = "id") -> list[str]:
    """One line per clause found by its wording rather than a heading, with the confidence."""
    notes = []
    for status in report.clauses:
        if status.via == "definisi" and status.confidence is not None and status.location:
            notes.append(message("found_by_wording", lang,
                                 clause=report.book.clause(status.id).nama.get(lang),
                                 confidence=f"{status.confidence:.0%}",
                                 where=status.location.text(lang)))
    return notes


def to_json(reports: list[Report], lang: str = "id") -> str:
    """The documented JSON: one object for one document, a list for several."""
    data = [r.to_json(lang) for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def annotate(source: Path, report: Report, lang: str = "id") -> bytes:
    """Return a copy of the .docx at ``source`` with a Word comment at each finding.

    A finding about a paragraph or article is anchored there; one about something missing is
    anchored at the first paragraph. Only findings located in the body are anchored in place.
    """
    from docx import Document  # python-docx loads only for a commented copy
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    doc = Document(str(source))
    paragraphs = list(doc.element.body.iter(qn("w:p")))

    def anchor(finding: Finding):
        loc = finding.location
        index = loc.paragraf if loc and loc.part == "body" and loc.paragraf else 1
        if not paragraphs:
            return None
        p = Paragraph(paragraphs[min(index, len(paragraphs)) - 1], doc._body)
        return p.runs or [p.add_run("")]

    for finding in report.sorted_findings():
        runs = anchor(finding)
        if runs is None:
            continue
        word = message("severity_" + finding.severity, lang)
        comment = (f"[{word}] {finding.message(report.book, lang)} "
                   f"({finding.rule.id}; {finding.rule.dasar.text(lang)})")
        doc.add_comment(runs, text=comment, author="pkgen", initials="PK")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def print_build(result: BuildResult, console: Console, lang: str = "id",
                dry_run: bool = False) -> None:
    """What a build did (or would do): changes per draft, failures, orphans, a summary table."""
    from .build import describe

    if dry_run:
        console.print(message("plan_title", lang), style="bold")
    for item in result.items:
        if item.state == "unchanged":
            continue
        if dry_run or item.written or item.state in ("failed", "edited"):
            console.print(describe(item, lang), markup=False, highlight=False)
        if item.redline:
            console.print(f"    → {item.redline}", markup=False, highlight=False)
        for change in item.changes:
            console.print(f"    {change.say(lang)}", markup=False, highlight=False)
        for problem in item.problems:
            console.print(f"    ! {problem.say(lang)}", markup=False, highlight=False,
                          style="red")
    for orphan in result.orphans:
        console.print(f"{orphan}: {message('state_orphaned', lang)}", markup=False)
    for ksb in result.unfollowed:
        console.print(f"{ksb}: {message('ksb_unfollowed', lang)}", markup=False,
                      style="yellow")
    table = Table(message("summary_state", lang), message("summary_count", lang))
    states = ["new", "stale", "unchanged", "edited", "edited-stale", "failed"]
    for state in states:
        table.add_row(message(f"state_{state.replace('-', '_')}", lang),
                      str(result.count(state)))
    table.add_row(message("state_orphaned", lang), str(len(result.orphans)))
    console.print(table)
