"""The rulebook: clauses and rules as data (``rulebook.yaml``), loaded and validated.

A region replaces it with ``--rules FILE``; a broken rulebook is reported like a broken input
(file, line, key), never half-used.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from ..messages import message

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def _compile(value: object) -> object:
    if isinstance(value, str):
        try:
            return re.compile(value, re.IGNORECASE)
        except re.error as err:
            raise ValueError(f"invalid regular expression {value!r}: {err}") from err
    return value


Pattern = Annotated[re.Pattern, BeforeValidator(_compile)]
_SAYS_REVOKED = re.compile(r"\b(dicabut|mencabut|tidak berlaku)\b", re.IGNORECASE)


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Bilingual(_Base):
    """A text in Indonesian and English."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` ('id' or 'en')."""
        return self.en if lang == "en" else self.id


def _definition(value: object) -> object:
    return {"pola": value} if isinstance(value, str) else value


class Definition(_Base):
    """A phrase that settles a clause inside another article, and how sure a match makes us."""

    pola: Pattern
    yakin: float = Field(0.8, gt=0, le=1)


class Clause(_Base):
    """A canonical clause and how to recognise it in a document.

    ``judul`` matches article titles; ``definisi`` phrases settle the clause inside another
    article (each with its confidence, ``yakin``); ``kata`` are the words that point to the
    passage nearest to the clause when it is missing.
    """

    id: str
    nama: Bilingual
    judul: list[Pattern]
    definisi: list[Annotated[Definition, BeforeValidator(_definition)]] = []
    kata: list[str] = []


class Detection(_Base):
    """How the kind of a document is read off its title: the first phrase found wins."""

    pks: list[Pattern]
    ksb: list[Pattern]
    loi: list[Pattern] = []


class Source(_Base):
    """An article of a regulation: 'PP 28/2018 Pasal 19 ayat (2) huruf d'."""

    peraturan: str
    pasal: str | None = None
    ayat: str | None = None
    huruf: str | None = None

    def text(self) -> str:
        """The article as cited."""
        parts = [self.peraturan]
        parts += [part for part in (self.pasal, f"ayat {self.ayat}" if self.ayat else None,
                                    f"huruf {self.huruf}" if self.huruf else None) if part]
        return " ".join(parts)


class Citation(Source):
    """What a rule rests on, and how firmly: ``hukum`` when read in the regulation itself
    (``docs/dasar-hukum.md`` quotes each article), ``praktik`` when it is drafting practice,
    ``belum_pasti`` when not yet confirmed. ``juga`` names further articles it rests on."""

    sifat: Literal["hukum", "praktik", "belum_pasti"]
    juga: list[Source] = []
    catatan: str | None = None

    def text(self, lang: str = "id") -> str:
        """E.g. 'PP 28/2018 Pasal 19 ayat (2); UU 23/2014 Pasal 366 ayat (2) (hukum)'."""
        basis = message("basis_" + self.sifat, lang)
        texts, previous = [], None
        for source in self.articles():
            text = source.text()
            if source.peraturan == previous and source.pasal:  # 'PP 28/2018 Pasal 2; Pasal 13'
                text = text[len(source.peraturan) + 1:]
            texts.append(text)
            previous = source.peraturan
        return f"{'; '.join(texts)} ({basis})"

    def articles(self) -> list[Source]:
        """Every article cited, the main one first."""
        return [Source(peraturan=self.peraturan, pasal=self.pasal, ayat=self.ayat,
                       huruf=self.huruf), *self.juga]


class AppliesTo(_Base):
    """Which documents a rule applies to (``loi``: a letter of intent, given as an input; a
    letter of intent read from Word or PDF is checked as a ``ksb``)."""

    dokumen: list[Literal["pks", "ksb", "loi"]]
    jenis: list[Literal["KSDD", "KSDPK", "KSDPL", "KSDLL"]] | None = None
    jenis_tak_diketahui: bool = True
    """Whether the rule applies when the kind of cooperation cannot be told."""

    def covers(self, kind: str, jenis: str | None) -> bool:
        """True if the rule applies to a ``kind`` document of ``jenis`` (None: unknown)."""
        if kind not in self.dokumen:
            return False
        if jenis is None:
            return self.jenis_tak_diketahui
        return self.jenis is None or jenis in self.jenis


class Revoked(_Base):
    """A revoked regulation and what replaced it."""

    pola: Pattern
    nama: str
    pengganti: str

    def cited_as_current(self, text: str) -> bool:
        """True if ``text`` cites this regulation, other than as revoked ("telah dicabut")."""
        return bool(self.pola.search(text)) and not _SAYS_REVOKED.search(text)


Check = Literal[
    "klausul_wajib", "klausul_kosong", "bagian_wajib", "pola", "rujukan_pasal", "penomoran",
    "peraturan_dicabut", "ksb_dirujuk", "pihak_sesuai_ksb", "tidak_melampaui_ksb",
    "surat_kuasa", "persetujuan_dprd", "jangka_ksb", "isi_bermakna", "celah_ksb",
    "selisih_ksb", "forum_perselisihan", "pasal_tanpa_judul", "penandatangan_kepala_daerah",
    "perubahan_terakhir", "bea_meterai", "isi_klausul", "persetujuan_dprd_luar_negeri",
    "naskah_dwibahasa", "terjemahan", "bahasa_naskah", "peraturan_jenis_lain",
    "peraturan_wajib", "persetujuan_pusat", "konsultasi_kehendak", "rujukan_wajib",
]


class Cited(_Base):
    """A regulation an agreement should cite, by the pattern that recognises it."""

    pola: Pattern
    nama: str


class Amendment(_Base):
    """One amendment of a regulation and the day it took effect."""

    nama: str
    pola: Pattern
    berlaku: date
    sifat: Literal["hukum", "praktik", "belum_pasti"] = "hukum"


class Amended(_Base):
    """A regulation and its amendments in order: an agreement cites the last one in force."""

    nama: str
    pola: Pattern
    urutan: list[Amendment]

    def latest(self, day: date) -> Amendment | None:
        """The last amendment in force on ``day``."""
        return next((a for a in reversed(self.urutan) if a.berlaku <= day), None)

    def cited(self, text: str) -> Amendment | None:
        """The latest of the amendments a citation names, or None."""
        return next((a for a in reversed(self.urutan) if a.pola.search(text)), None)


class Rule(_Base):
    """One rule: what it checks, how severe, what it rests on, and its detection data."""

    id: str
    jenis_pemeriksaan: Check
    tingkat: Severity
    berlaku: AppliesTo
    uraian: Bilingual
    dasar: Citation
    klausul: list[str] = []
    pola: list[Pattern] = []
    #: A ``pola`` rule whose patterns mark blanks still to be filled in ("....", "[NAMA]"):
    #: an input text matching one of them says nothing yet.
    isian: bool = False
    dicabut: list[Revoked] = []
    #: Regulations for another jenis (cited in its place: a finding) and those to cite.
    salah: list[Revoked] = []
    wajib: list[Cited] = []
    #: For ``isi_klausul``: what the clause must not say (a court, arbitration …).
    terlarang: list[Pattern] = []
    kepala_daerah: list[Pattern] = []
    maks_tahun: int | None = None
    min_kata: int | None = None
    forum: dict[str, list[str]] = {}
    perubahan: list[Amended] = []


#: The status of an agreement in the register on a given day (``pkgen rekap``).
Status = Literal["draf", "berlaku", "segera_berakhir", "berakhir", "diakhiri"]
AlertKind = Literal[
    "tidak_terbaca", "temuan_kesalahan", "ksb_tanpa_pks", "ksb_berakhir_pks_draf",
    "pks_melampaui_ksb", "tanpa_perpanjangan", "draf_lama", "persetujuan_dprd",
    "persetujuan_luar_negeri",
]


class AlertScope(_Base):
    """Which agreements of the register an alert looks at."""

    dokumen: list[Literal["pks", "ksb"]] = ["pks", "ksb"]
    jenis: list[Literal["KSDD", "KSDPK", "KSDPL", "KSDLL"]] | None = None
    status: list[Status] | None = None

    def covers(self, dokumen: str, jenis: str, status: str) -> bool:
        """True for a ``dokumen`` ('PKS', 'KSB') of ``jenis`` with ``status``."""
        return dokumen.lower() in self.dokumen and (self.jenis is None or jenis in self.jenis) \
            and (self.status is None or status in self.status)


class Alert(_Base):
    """One alert of the rekap: what it looks for, in which agreements, and what it rests on.
    ``bulan`` is the months a draft may stay unsigned (``draf_lama``)."""

    id: str
    jenis_peringatan: AlertKind
    berlaku: AlertScope = AlertScope()
    bulan: int | None = Field(None, ge=0, le=600)
    dasar: Citation | None = None

    @model_validator(mode="after")
    def _months(self) -> Alert:
        if self.jenis_peringatan == "draf_lama" and self.bulan is None:
            raise ValueError(f"alert {self.id} (draf_lama) needs 'bulan'")
        return self


class RegisterRules(_Base):
    """The ``rekap`` part of the rulebook: when an agreement counts as ending soon, how far
    ahead a follow-up of an evaluation counts as due, and the alerts."""

    segera_berakhir_bulan: int = Field(6, ge=0, le=120)
    tindak_lanjut_hari: int = Field(30, ge=0, le=3650)
    peringatan: list[Alert]

    @model_validator(mode="after")
    def _unique(self) -> RegisterRules:
        ids = [a.id for a in self.peringatan]
        if len(ids) != len(set(ids)):
            raise ValueError("alert ids must be unique")
        return self


class Rulebook(_Base):
    """All clauses and rules; ``digest`` identifies the file they came from (all of it but
    the ``rekap`` part, which no draft depends on)."""

    versi: int
    klausul: list[Clause]
    aturan: list[Rule]
    jenis_dokumen: Detection | None = None
    rekap: RegisterRules | None = None
    digest: str = ""

    @model_validator(mode="after")
    def _references(self) -> Rulebook:
        known = {c.id for c in self.klausul}
        for rule in self.aturan:
            unknown = [c for c in rule.klausul if c not in known]
            if unknown:
                raise ValueError(f"rule {rule.id} names unknown clauses {unknown}")
        ids = [r.id for r in self.aturan]
        if len(ids) != len(set(ids)):
            raise ValueError("rule ids must be unique")
        required = [r for r in self.aturan if r.jenis_pemeriksaan == "bagian_wajib"]
        if not any(r.tingkat == "error" and {"pks", "ksb"} <= set(r.berlaku.dokumen)
                   and r.berlaku.jenis is None for r in required):
            # A draft with a blank where a required value belongs is always incomplete.
            raise ValueError("the rulebook needs a rule 'jenis_pemeriksaan: bagian_wajib' "
                             "with 'tingkat: error' for every PKS and KSB")
        return self

    def clause(self, clause_id: str) -> Clause:
        """The clause with ``clause_id``; one the rulebook lacks (a region's older copy) is
        named by its id."""
        return next((c for c in self.klausul if c.id == clause_id),
                    Clause(id=clause_id, nama=Bilingual(id=clause_id, en=clause_id), judul=[]))

    @property
    def detection(self) -> Detection:
        """The kind patterns; a rulebook without them uses the built-in ones."""
        if self.jenis_dokumen is not None:
            return self.jenis_dokumen
        from .rulebook_file import load_rulebook  # the built-in one, a rulebook itself

        builtin = load_rulebook().jenis_dokumen
        assert builtin is not None
        return builtin

    @property
    def register(self) -> RegisterRules:
        """The rekap's thresholds and alerts; a rulebook without them uses the built-in ones."""
        if self.rekap is not None:
            return self.rekap
        from .rulebook_file import load_rulebook

        builtin = load_rulebook().rekap
        assert builtin is not None
        return builtin

    def rules(self, check: str, kind: str, jenis: str | None) -> list[Rule]:
        """The rules of type ``check`` that apply to this document."""
        return [r for r in self._by_check.get(check, ()) if r.berlaku.covers(kind, jenis)]

    @cached_property
    def _by_check(self) -> dict[str, list[Rule]]:
        """The rules by type: asked a score of times for every document, sorted out once."""
        by_check: dict[str, list[Rule]] = {}
        for rule in self.aturan:
            by_check.setdefault(rule.jenis_pemeriksaan, []).append(rule)
        return by_check
