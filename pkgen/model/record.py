"""What the register records of an agreement's life after it is drafted: the agreement it
extends, an early termination, and the evaluations of how it is carried out. None of it is
printed in the draft; ``pkgen rekap`` reads it (with the central government's approval of a
foreign cooperation, which the draft cites)."""

from __future__ import annotations

from typing import Annotated, Literal

from .types import Base, Isian, Paragraf, TanggalIsian, YaTidak, _Blank, _wajib

#: How far an agreement was carried out in a period of evaluation.
Pelaksanaan = Literal["berjalan", "sebagian", "tidak_berjalan"]


class Diakhiri(Base):
    """An agreement terminated before its term ended."""

    tanggal: TanggalIsian = _wajib()
    """Tanggal perjanjian diakhiri lebih awal (sebelum jangka waktunya berakhir)."""
    alasan: Paragraf = None
    """Alasan pengakhiran lebih awal."""


class Evaluasi(Base):
    """One evaluation of how the agreement is carried out (for the coordination and
    evaluation meeting): the period, how far, what was realised, the problems met and what
    follows."""

    periode: Isian = None
    """Periode evaluasi, mis. Tahun 2024 atau Semester I 2025."""
    pelaksanaan: Annotated[Pelaksanaan | None, _Blank] = None
    """Sejauh mana kerja sama dilaksanakan: berjalan, sebagian atau tidak_berjalan."""
    realisasi: Paragraf = None
    """Realisasi kegiatan dan anggaran pada periode ini."""
    kendala: Paragraf = None
    """Permasalahan atau kendala yang dihadapi."""
    tindak_lanjut: Paragraf = None
    """Rencana tindak lanjut."""
    batas_tindak_lanjut: TanggalIsian = None
    """Batas waktu tindak lanjut."""
    selesai: Annotated[YaTidak | None, _Blank] = None
    """Apakah tindak lanjut sudah selesai (Ya atau Tidak)."""
