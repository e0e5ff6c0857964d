"""The two documents, KSB and PKS, made of the parts, and the order of their parts."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from .. import values
from ..kinds import DOKUMEN, JENIS  # noqa: F401  (re-exported; a test holds them to the models)
from .parts import (
    Bahasa,
    JangkaWaktu,
    KeadaanKahar,
    Konsultasi,
    Korespondensi,
    KsbRujukan,
    MaksudTujuan,
    Pembiayaan,
    Penandatanganan,
    Pengakhiran,
    Penutup,
    PenyelesaianPerselisihan,
    Pihak,
    PihakPks,
    Surat,
)
from .record import Diakhiri, Evaluasi
from .types import Base, Butir, Isian, Jenis, Paragraf, Teks, _Blank, _Empty, _Part, _wajib


def _amendment(value: object) -> object:
    """``perubahan: []`` asks for the standard wording: the empty list is kept."""
    return [v for v in value if values.text_or_none(v) is not None] if isinstance(
        value, list) else value


class _Document(Base):
    """What a KSB and a PKS share."""

    jenis: Jenis
    """KSDD, KSDPK, KSDPL atau KSDLL."""
    tentang: Paragraf = _wajib()
    """Judul kerja sama."""
    label_pihak: Literal["PERTAMA", "KESATU"] = "PERTAMA"
    """PERTAMA (PIHAK PERTAMA, KEDUA) atau KESATU (PIHAK KESATU, KEDUA)."""
    kertas: Literal["A4", "F4"] = "A4"
    """Ukuran kertas: A4 atau F4."""
    bahasa: Annotated[Bahasa | None, _Part] = None
    """Bahasa naskah (wajib bagi kerja sama luar negeri, KSDPL dan KSDLL)."""
    penandatanganan: Annotated[Penandatanganan | None, _Part] = _wajib()
    """Tempat dan tanggal penandatanganan."""
    pertimbangan: Butir = None
    """Hal-hal yang diterangkan PARA PIHAK lebih dahulu, satu butir per baris, tanpa kata
    'bahwa' di depannya."""
    dasar_hukum: Butir = _wajib()
    """Dasar hukum, satu peraturan per baris."""
    maksud_tujuan: Annotated[MaksudTujuan | None, _Part] = _wajib()
    """Maksud dan tujuan."""
    objek: Paragraf = _wajib()
    """Objek kerja sama, ditulis sebagai lanjutan "Objek Perjanjian ini adalah …"."""
    ruang_lingkup: Butir = _wajib()
    """Ruang lingkup, satu butir per baris."""
    pembiayaan: Annotated[Pembiayaan | None, _Part] = _wajib()
    """Pembiayaan."""
    jangka_waktu: Annotated[JangkaWaktu | None, _Part] = _wajib()
    """Jangka waktu."""
    perubahan: Annotated[list[Teks] | None, BeforeValidator(_amendment)] = None
    """Pasal perubahan (adendum): [] untuk kalimat baku, atau ayat tambahan."""
    lain_lain: Butir = None
    """Ayat pasal lain-lain."""
    penutup: Annotated[Penutup, BeforeValidator(lambda v: {} if v is None else v)] = Penutup()
    """Penutup."""
    memperpanjang: Isian = None
    """Berkas masukan perjanjian yang diperpanjang atau diganti oleh perjanjian ini (relatif
    terhadap berkas ini)."""
    diakhiri: Annotated[Diakhiri | None, _Part] = None
    """Pengakhiran lebih awal, bila perjanjian diakhiri sebelum jangka waktunya berakhir."""
    evaluasi: Annotated[list[Evaluasi] | None, _Empty] = None
    """Evaluasi pelaksanaan kerja sama, satu baris per periode, yang terbaru terakhir."""


class _Foreign(Base):
    """The approvals of the central government a foreign cooperation is signed on."""

    persetujuan_pusat: Annotated[Surat | None, _Part] = None
    """Persetujuan Pemerintah Pusat (Menteri Dalam Negeri) atas rancangan naskah kerja sama
    luar negeri (PP 28/2018 Pasal 29 dan 32)."""
    surat_konfirmasi: Annotated[Surat | None, _Part] = None
    """Surat konfirmasi yang disampaikan Menteri Dalam Negeri sebagai dasar penandatanganan
    naskah kerja sama luar negeri (PP 28/2018 Pasal 33)."""


class Ksb(_Foreign, _Document):
    """A Kesepakatan Bersama: the general agreement a PKS follows (with a foreign partner, a
    Memorandum Saling Pengertian)."""

    dokumen: Literal["KSB"]
    """Jenis dokumen: LOI, KSB atau PKS."""
    pihak: Annotated[list[Pihak], Field(min_length=2, max_length=12)]
    """Para pihak sesuai urutan."""
    bentuk_kerja_sama: Butir = None
    """Bentuk kerja sama, satu per baris."""
    tahun_anggaran_mulai: Annotated[Annotated[int, BeforeValidator(values.whole_number),
                                              Field(ge=2000, le=2100)] | None, _Blank] = None
    """Tahun anggaran mulai pelaksanaan."""
    penyelesaian_perselisihan: Annotated[PenyelesaianPerselisihan | None, _Part] = None
    """Penyelesaian perselisihan (pilihan)."""
    pengakhiran: Annotated[Pengakhiran | None, _Part] = None
    """Pengakhiran (pilihan)."""


class Pks(_Foreign, _Document):
    """A Perjanjian Kerja Sama: the operational agreement with rights and obligations."""

    dokumen: Literal["PKS"]
    """Jenis dokumen: LOI, KSB atau PKS."""
    pihak: Annotated[list[PihakPks], Field(min_length=2, max_length=12)]
    """Para pihak sesuai urutan PIHAK PERTAMA, KEDUA, …."""
    ksb: Annotated[KsbRujukan | None, _Part] = None
    """KSB yang ditindaklanjuti."""
    pelaksanaan: Butir = None
    """Ayat pasal pelaksanaan."""
    keadaan_kahar: Annotated[KeadaanKahar | None, _Part] = _wajib()
    """Keadaan kahar (force majeure)."""
    penyelesaian_perselisihan: Annotated[PenyelesaianPerselisihan | None, _Part] = _wajib()
    """Penyelesaian perselisihan."""
    pengakhiran: Annotated[Pengakhiran | None, _Part] = _wajib()
    """Pengakhiran."""
    sanksi: Butir = None
    """Ayat pasal sanksi."""
    monitoring_evaluasi: Butir = None
    """Ayat pasal monitoring dan evaluasi."""
    kerahasiaan: Butir = None
    """Ayat pasal kerahasiaan: data dan informasi yang dijaga PARA PIHAK."""
    korespondensi: Annotated[list[Korespondensi] | None, _Empty] = None
    """Alamat korespondensi para pihak."""


class Loi(_Document):
    """A letter of intent (Surat Pernyataan Kehendak Kerja Sama): what two parties mean to
    cooperate on, before a cooperation plan, approvals and a Memorandum (PP 28/2018 Pasal 28)."""

    dokumen: Literal["LOI"]
    """Jenis dokumen: LOI, KSB atau PKS."""
    pihak: Annotated[list[Pihak], Field(min_length=2, max_length=12)]
    """Para pihak sesuai urutan."""
    konsultasi: Annotated[Konsultasi | None, _Part] = None
    """Koordinasi dan konsultasi kepala daerah dengan Menteri Dalam Negeri dan Menteri Luar
    Negeri sebelum pernyataan kehendak ditandatangani (PP 28/2018 Pasal 28 ayat (4))."""
    dasar_hukum: Butir = None
    """Dasar hukum, satu peraturan per baris (pilihan)."""
    objek: Paragraf = None
    """Objek kerja sama (pilihan)."""
    pembiayaan: Annotated[Pembiayaan | None, _Part] = None
    """Pembiayaan (pilihan)."""
    jangka_waktu: Annotated[JangkaWaktu | None, _Part] = None
    """Jangka waktu berlakunya pernyataan kehendak (pilihan)."""
    tindak_lanjut: Butir = None
    """Langkah tindak lanjut selain penyusunan rencana kerja sama, satu per baris."""
    pengakhiran: Annotated[Pengakhiran | None, _Part] = None
    """Pengakhiran (pilihan)."""


Agreement = Pks | Ksb | Loi
MODELS: dict[str, type[Pks] | type[Ksb] | type[Loi]] = {"PKS": Pks, "KSB": Ksb, "LOI": Loi}
#: The top-level keys in the order of the document they describe (inputs, forms, skeletons).
ORDER = (
    "dokumen", "jenis", "tentang", "label_pihak", "kertas", "bahasa", "penandatanganan", "pihak",
    "konsultasi", "ksb", "persetujuan_pusat", "surat_konfirmasi",
    "pertimbangan", "dasar_hukum", "maksud_tujuan", "objek", "ruang_lingkup",
    "bentuk_kerja_sama", "tindak_lanjut", "pelaksanaan", "pembiayaan", "tahun_anggaran_mulai",
    "jangka_waktu",
    "keadaan_kahar", "penyelesaian_perselisihan", "pengakhiran", "sanksi",
    "monitoring_evaluasi", "kerahasiaan", "korespondensi", "perubahan", "lain_lain", "penutup",
)
#: What the register records of the agreement's life (``record.py``), after its text: not
#: printed in the draft.
RECORD = ("memperpanjang", "diakhiri", "evaluasi")
#: Every top-level key, in the order inputs are written.
KEYS = ORDER + RECORD

Loc = tuple[str | int, ...]


