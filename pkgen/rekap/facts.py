"""One input of the register as the rekap sees it: what it is, when it runs, what it follows,
what the checker found and what its evaluations say — or why it cannot be loaded.

Facts are small frozen values, made in worker processes and sent back to the rekap: the
loaded model stays where it was loaded. Every input goes through
:func:`pkgen.drafts.produce`, so its verdict is the one ``pkgen validate`` gives it (without
rendering: a template's own mistakes are ``pkgen build``'s to report).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from ..checks.findings import Finding, Report
from ..checks.rulebook import Rulebook
from ..clilang import LANGS
from ..drafts import produce
from ..errors import PkgenError
from ..inputs import Loaded
from ..model import Pks, term_end, term_start
from ..model.record import Evaluasi
from ..register import Link, in_register

#: The checks whose findings an alert reads (the DPRD approvals), whatever their severity.
ALERT_CHECKS = ("persetujuan_dprd", "persetujuan_dprd_luar_negeri")
Said = dict[str, str]  # a text in each language: {"id": …, "en": …}


@dataclass(frozen=True)
class Party:
    """A party: its name, its unit (the OPD), its number for the agreement, and the number of
    its DPRD's approval."""

    nama: str | None
    unit: str | None = None
    nomor: str | None = None
    dprd: str | None = None


@dataclass(frozen=True)
class Evaluation:
    """One evaluation of how the agreement is carried out (``evaluasi``)."""

    periode: str | None = None
    pelaksanaan: str | None = None  # berjalan, sebagian, tidak_berjalan
    realisasi: str | None = None
    kendala: str | None = None
    tindak_lanjut: str | None = None
    batas: dt.date | None = None
    selesai: bool | None = None


@dataclass(frozen=True)
class Noted:
    """A finding of the checker the rekap shows or reads: its rule, check, severity, the
    party it names and its message (with its place) in each language."""

    rule: str
    check: str
    severity: str
    party: str | None
    text: Said


@dataclass(frozen=True)
class Facts:
    """One input of the register. ``dokumen`` is None when it cannot be loaded, and then
    ``problems`` say why (file and line, or sheet and cell)."""

    path: str  # the input's place in the register
    dokumen: str | None = None
    jenis: str | None = None
    tentang: str | None = None
    parties: tuple[Party, ...] = ()
    signed: dt.date | None = None  # the date of signing, as given (perhaps a planned one)
    start: dt.date | None = None
    end: dt.date | None = None
    ksb: str | None = None  # the KSB input it follows (ksb.berkas), in the register
    ksb_cited: str | None = None  # the KSB cited inline: its numbers
    ksb_signed: dt.date | None = None
    ksb_end: dt.date | None = None
    extends: str | None = None  # the input it extends (memperpanjang), in the register
    terminated: dt.date | None = None
    termination: str | None = None  # why it was terminated early
    central: str | None = None  # the number of the central government's approval
    evaluations: tuple[Evaluation, ...] = ()
    errors: int = 0
    warnings: int = 0
    findings: tuple[Noted, ...] = ()
    problems: tuple[Said, ...] = ()

    @property
    def loaded(self) -> bool:
        """True when the input could be loaded."""
        return self.dokumen is not None

    @property
    def link(self) -> Link:
        """The input as far as links between KSB and PKS go (see :mod:`pkgen.register`)."""
        return Link(self.path, self.dokumen or "", self.ksb)

    @property
    def unit(self) -> str | None:
        """The OPD responsible: the unit of PIHAK PERTAMA, or of the first party naming one."""
        return next((p.unit for p in self.parties if p.unit), None)


def read_facts(path: Path, register: Path, book: Rulebook) -> Facts:
    """The facts of the input at ``path`` (in ``register``), checked against ``book``."""
    place = in_register(path, register)
    try:
        produced = produce(path, book, render=False)
    except PkgenError as err:
        return Facts(place, problems=tuple(
            {lang: p.format(lang) for lang in LANGS} for p in err.problems))
    return _facts(place, produced.loaded, produced.report, register, book)


def _facts(place: str, loaded: Loaded, report: Report, register: Path, book: Rulebook) -> Facts:
    doc = loaded.document
    signing = doc.penandatanganan.tanggal if doc.penandatanganan else None
    facts = Facts(
        place, doc.dokumen, doc.jenis.value, doc.tentang,
        tuple(Party(p.nama, p.unit, p.nomor, _dprd(p)) for p in doc.pihak),
        signing, term_start(doc), term_end(doc),
        extends=in_register(loaded.path.parent / doc.memperpanjang, register)
        if doc.memperpanjang else None,
        terminated=doc.diakhiri.tanggal if doc.diakhiri else None,
        termination=doc.diakhiri.alasan if doc.diakhiri else None,
        central=central.nomor if (central := getattr(doc, "persetujuan_pusat", None)) else None,
        evaluations=tuple(_evaluation(e) for e in doc.evaluasi or []),
        errors=report.count("error"), warnings=report.count("warning"),
        findings=tuple(_noted(f, book) for f in report.sorted_findings()
                       if f.severity == "error" or f.rule.jenis_pemeriksaan in ALERT_CHECKS))
    if not isinstance(doc, Pks) or doc.ksb is None:
        return facts
    if loaded.ksb is not None and loaded.ksb_path is not None:
        ksb = loaded.ksb
        return replace(facts, ksb=in_register(loaded.ksb_path, register),
                     ksb_signed=ksb.penandatanganan.tanggal if ksb.penandatanganan else None,
                     ksb_end=term_end(ksb))
    cited = doc.ksb
    return replace(facts, ksb_cited="; ".join(cited.nomor or []) or None,
                 ksb_signed=cited.tanggal, ksb_end=cited.berakhir)


def _dprd(party) -> str | None:
    approval = getattr(party, "persetujuan_dprd", None)
    return approval.nomor if approval is not None else None


def _evaluation(entry: Evaluasi) -> Evaluation:
    return Evaluation(entry.periode, entry.pelaksanaan, entry.realisasi, entry.kendala,
                      entry.tindak_lanjut, entry.batas_tindak_lanjut, entry.selesai)


def _noted(finding: Finding, book: Rulebook) -> Noted:
    def text(lang: str) -> str:
        where = finding.location.text(lang) if finding.location else ""
        said = finding.message(book, lang)
        return f"{where}: {said}" if where else said

    party = finding.params.get("pihak")
    return Noted(finding.rule.id, finding.rule.jenis_pemeriksaan, finding.severity,
                 str(party) if party is not None else None, {lang: text(lang) for lang in LANGS})
