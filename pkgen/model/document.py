"""The two documents, KSB and PKS, made of the parts, and the order of their parts."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from .. import values
from .parts import (
    JangkaWaktu,
    KeadaanKahar,
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
)
from .record import Diakhiri, Evaluasi, PersetujuanPusat
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
    persetujuan_pusat: Annotated[PersetujuanPusat | None, _Part] = None
    """Persetujuan Pemerintah Pusat atas kerja sama dengan pihak luar negeri (KSDPL, KSDLL)."""
    memperpanjang: Isian = None
    """Berkas masukan perjanjian yang diperpanjang atau diganti oleh perjanjian ini (relatif
    terhadap berkas ini)."""
    diakhiri: Annotated[Diakhiri | None, _Part] = None
    """Pengakhiran lebih awal, bila perjanjian diakhiri sebelum jangka waktunya berakhir."""
    evaluasi: Annotated[list[Evaluasi] | None, _Empty] = None
    """Evaluasi pelaksanaan kerja sama, satu baris per periode, yang terbaru terakhir."""


class Ksb(_Document):
    """A Kesepakatan Bersama: the general agreement a PKS follows."""

    dokumen: Literal["KSB"]
    """Jenis dokumen: PKS atau KSB."""
    pihak: Annotated[list[Pihak], Field(min_length=2, max_length=12)]
    """Para pihak sesuai urutan."""
    bentuk_kerja_sama: Butir = None
    """Bentuk kerja sama, satu per baris."""
    tahun_anggaran_mulai: Annotated[Annotated[int, BeforeValidator(values.whole_number),
                                              Field(ge=2000, le=2100)] | None, _Blank] = None
    """Tahun anggaran mulai pelaksanaan."""
    penyelesaian_perselisihan: Annotated[PenyelesaianPerselisihan | None, _Part] = None
    """Penyelesaian perselisihan (pilihan)."""


class Pks(_Document):
    """A Perjanjian Kerja Sama: the operational agreement with rights and obligations."""

    dokumen: Literal["PKS"]
    """Jenis dokumen: PKS atau KSB."""
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


Agreement = Pks | Ksb
MODELS: dict[str, type[Pks] | type[Ksb]] = {"PKS": Pks, "KSB": Ksb}
#: The top-level keys in the order of the document they describe (inputs, forms, skeletons).
ORDER = (
    "dokumen", "jenis", "tentang", "label_pihak", "kertas", "penandatanganan", "pihak", "ksb",
    "pertimbangan", "dasar_hukum", "maksud_tujuan", "objek", "ruang_lingkup",
    "bentuk_kerja_sama", "pelaksanaan", "pembiayaan", "tahun_anggaran_mulai", "jangka_waktu",
    "keadaan_kahar", "penyelesaian_perselisihan", "pengakhiran", "sanksi",
    "monitoring_evaluasi", "kerahasiaan", "korespondensi", "perubahan", "lain_lain", "penutup",
)
#: What the register records of the agreement's life (``record.py``), after its text: not
#: printed in the draft.
RECORD = ("persetujuan_pusat", "memperpanjang", "diakhiri", "evaluasi")
#: Every top-level key, in the order inputs are written.
KEYS = ORDER + RECORD
DOKUMEN = tuple(MODELS)
JENIS = tuple(j.value for j in Jenis)

Loc = tuple[str | int, ...]


