"""What a check produces: clause statuses, findings and the report holding them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..messages import message
from .rulebook import SEVERITIES, Rule, Rulebook

STATUSES = ("present", "missing", "empty")


@dataclass(frozen=True)
class Location:
    """Where something is: an article and paragraph of a document, or a key of an input."""

    pasal: str | None = None
    paragraf: int | None = None
    part: str = "body"
    key: str | None = None
    line: int | None = None
    cell: tuple[str, str] | None = None  # (sheet, cell) of a form

    def text(self, lang: str = "id") -> str:
        """'Pasal 7, paragraf 45', 'keadaan_kahar, baris 12', "lembar 'Umum', sel B3" …"""
        words = {"paragraf": ("paragraf", "paragraph"), "baris": ("baris", "line"),
                 "awal": ("awal dokumen", "start of document")}
        pick = 1 if lang == "en" else 0
        parts = []
        if self.part != "body":
            parts.append(self.part)
        if self.pasal:
            parts.append(self.pasal)
        if self.key:
            parts.append(self.key)
        if self.paragraf:
            parts.append(f"{words['paragraf'][pick]} {self.paragraf}")
        if self.line:
            parts.append(f"{words['baris'][pick]} {self.line}")
        if self.cell:
            parts.append(message("form_cell", lang, sheet=self.cell[0], cell=self.cell[1]))
        return ", ".join(parts) or words["awal"][pick]


@dataclass(frozen=True)
class ClauseStatus:
    """Whether a canonical clause was found, and where."""

    id: str
    status: str  # one of STATUSES
    location: Location | None = None


@dataclass(frozen=True)
class Finding:
    """One thing wrong (or worth knowing) about a document, by a rule of the rulebook."""

    rule: Rule
    clause: str | None = None
    location: Location | None = None
    params: dict[str, object] = field(default_factory=dict)

    @property
    def severity(self) -> str:
        """'error', 'warning' or 'info', as the rulebook says."""
        return self.rule.tingkat

    def message(self, book: Rulebook, lang: str = "id") -> str:
        """The rule's description filled in, in ``lang``."""
        values = {}
        for key, value in self.params.items():
            values[key] = value.get(lang, value.get("id")) if isinstance(value, dict) else value
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
            "clauses": [
                {"id": c.id, "status": c.status,
                 "location": c.location.text(lang) if c.location else None}
                for c in self.clauses
            ],
            "findings": [
                {"rule": f.rule.id, "severity": f.severity, "clause": f.clause,
                 "message": f.message(self.book, lang), "citation": f.rule.dasar.text(lang),
                 "location": f.location.text(lang) if f.location else None}
                for f in self.sorted_findings()
            ],
        }
