"""What a check produces: clause statuses, findings and the report holding them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..messages import message, said
from .rulebook import SEVERITIES, Rule, Rulebook

Status = Literal["present", "missing", "empty"]


@dataclass(frozen=True)
class Location:
    """Where something is, as a person finds it in Word or a PDF, or where it is in an input.

    In a document: the article (``pasal``), its ``ayat``, the first words of the paragraph
    (``kutipan``) and, for a PDF, the page (``halaman``); ``paragraf`` is the paragraph's
    index in the body, kept for programs (Word comments are anchored on it). In an input: the
    key and line.
    """

    pasal: str | None = None
    paragraf: int | None = None
    part: str = "body"
    key: str | None = None
    line: int | None = None
    cell: tuple[str, str] | None = None  # (sheet, cell) of a form
    ayat: str | None = None
    kutipan: str | None = None
    halaman: int | None = None

    def text(self, lang: str = "id") -> str:
        """"Pasal 9 ayat (2), 'Dalam hal terjadi …'", "lembar 'Umum', sel B3", 'header' …"""
        parts = []
        if self.part != "body":
            parts.append(self.part)
        if self.halaman:
            parts.append(message("location_page", lang, number=self.halaman))
        if self.pasal:
            article = self.pasal if lang != "en" else self.pasal.replace("Pasal ", "Article ")
            parts.append(message("location_ayat", lang, article=article, ayat=self.ayat)
                         if self.ayat else article)
        if self.key:
            parts.append(self.key)
        if self.line:
            parts.append(message("location_line", lang, number=self.line))
        if self.cell:
            parts.append(message("form_cell", lang, sheet=self.cell[0], cell=self.cell[1]))
        if self.kutipan:
            parts.append(f"'{self.kutipan}'")
        elif self.paragraf and not self.pasal:
            parts.append(message("location_paragraph", lang, number=self.paragraf))
        return ", ".join(parts) or message("location_start", lang)

    def say(self, lang: str = "id") -> str:
        """The location as a message parameter (see :func:`pkgen.messages.message`)."""
        return self.text(lang)

    def to_json(self) -> dict[str, object]:
        """The parts of the location, for programs."""
        return {"pasal": self.pasal, "ayat": self.ayat, "page": self.halaman,
                "paragraph": self.paragraf, "part": self.part, "excerpt": self.kutipan,
                "key": self.key, "line": self.line,
                "cell": f"{self.cell[0]}!{self.cell[1]}" if self.cell else None}


@dataclass(frozen=True)
class ClauseStatus:
    """Whether a canonical clause was found, and where."""

    id: str
    status: Status
    location: Location | None = None
    via: str | None = None  # 'judul' (its own heading) or 'definisi' (a phrase elsewhere)
    confidence: float | None = None  # for a clause found by a phrase: how sure (0-1)
    candidate: Location | None = None  # for a missing clause: the nearest passage

    def to_json(self, lang: str) -> dict[str, object]:
        """The stable JSON of a clause status (see README)."""
        return {
            "id": self.id, "status": self.status,
            "location": self.location.text(lang) if self.location else None,
            "found_by": self.via, "confidence": self.confidence,
            "where": self.location.to_json() if self.location else None,
            "candidate": self.candidate.text(lang) if self.candidate else None,
        }


@dataclass(frozen=True)
class Finding:
    """One thing wrong (or worth knowing) about a document, by a rule of the rulebook."""

    rule: Rule
    clause: str | None = None
    location: Location | None = None
    params: dict[str, object] = field(default_factory=dict)
    #: Set when a rule's own data decides how severe this finding is (an amendment whose
    #: force rests on practice gives a warning where one in the law gives an error).
    tingkat: str | None = None
    candidate: Location | None = None  # for a missing clause: the nearest passage to confirm

    @property
    def severity(self) -> str:
        """'error', 'warning' or 'info', as the rulebook says."""
        return self.tingkat or self.rule.tingkat

    def message(self, book: Rulebook, lang: str = "id") -> str:
        """The rule's description filled in, in ``lang``."""
        values = {key: said(value, lang) for key, value in self.params.items()}
        if self.clause:
            values.setdefault("klausul", book.clause(self.clause).nama.get(lang))
        try:
            return self.rule.uraian.get(lang).format(**values)
        except (KeyError, IndexError):
            return self.rule.uraian.get(lang)


@dataclass
class Report:
    """The result of checking one document."""

    document: str
    kind: str
    jenis: str | None
    book: Rulebook
    clauses: list[ClauseStatus]
    findings: list[Finding]

    def count(self, severity: str) -> int:
        """Number of findings of ``severity``."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        """True if any finding is an error: the document is not complete."""
        return self.count("error") > 0

    def sorted_findings(self) -> list[Finding]:
        """Findings by severity (errors first), then in document order."""
        return sorted(self.findings, key=lambda f: SEVERITIES.index(f.severity))

    def to_json(self, lang: str = "id") -> dict[str, object]:
        """The stable JSON form documented in the README."""
        return {
            "document": self.document,
            "kind": self.kind,
            "jenis": self.jenis,
            "clauses": [c.to_json(lang) for c in self.clauses],
            "findings": [
                {"rule": f.rule.id, "severity": f.severity, "clause": f.clause,
                 "message": f.message(self.book, lang), "citation": f.rule.dasar.text(lang),
                 "location": f.location.text(lang) if f.location else None,
                 "where": f.location.to_json() if f.location else None,
                 "candidate": f.candidate.text(lang) if f.candidate else None}
                for f in self.sorted_findings()
            ],
        }
