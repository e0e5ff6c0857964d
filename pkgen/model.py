"""The agreement model: pydantic classes in the Indonesian legal vocabulary.

The model checks that an input is well formed: the right keys, types, dates and references
between parts. Legal completeness (which clauses a PKS must contain, and what each must say)
is the checker's job, so the parts of an agreement are optional here: a partial input from an
OPD still loads, and ``pkgen check`` says what it lacks.
Unknown keys are rejected everywhere, so a misspelt key is an error, never a missing clause.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

#: An amount above this (one quadrillion rupiah) is taken as a typing mistake.
MAX_AMOUNT = Decimal(10**15)
#: Notice periods and deadlines, in days.
MAX_DAYS = 3650

_ALLOWED_CONTROLS = {"\n", "\t"}


def _clean_text(value: str) -> str:
    """Strip surrounding blanks and refuse characters Word cannot store."""
    for char in value:
        if char in _ALLOWED_CONTROLS:
            continue
        code = ord(char)
        category = unicodedata.category(char)
        if category == "Cc" or category == "Cs" or code in (0xFFFE, 0xFFFF):
            name = unicodedata.name(char, "")
            label = f"U+{code:04X}" + (f" {name}" if name else "")
            raise PydanticCustomError(
                "control_character", "contains the control character {char}", {"char": label}
            )
    value = value.strip()
    if not value:
        raise PydanticCustomError("string_too_short", "must not be empty", {"min_length": 1})
    return value


def _number_as_text(value: object) -> object:
    """Accept an unquoted number where text is expected (``nomor: 180``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


#: Free text written by the user: stripped, non-empty, storable in Word.
Teks = Annotated[
    str, BeforeValidator(_number_as_text), Field(max_length=20_000), AfterValidator(_clean_text)
]
#: A list of paragraphs or items (ayat, butir).
Daftar = Annotated[list[Teks], Field(min_length=1, max_length=200)]
Hari = Annotated[int, Field(ge=1, le=MAX_DAYS)]


class Jenis(StrEnum):
    """Kinds of regional cooperation (PP 28/2018 Pasal 1)."""

    KSDD = "KSDD"  # with another region
    KSDPK = "KSDPK"  # with a third party
    KSDPL = "KSDPL"  # with a foreign regional government
    KSDLL = "KSDLL"  # with a foreign institution


class Base(BaseModel):
    """Common configuration: unknown keys rejected, values immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Penandatanganan(Base):
    """Where and when the agreement is signed; a missing date leaves a blank to fill in."""

    tempat: Teks
    """Kota tempat penandatanganan, mis. Mojokerto."""
    tanggal: dt.date | None = None
    """Tanggal penandatanganan (TTTT-BB-HH); kosongkan selama draf belum ditandatangani."""


class Penandatangan(Base):
    """The person who signs for a party."""

    nama: Teks
    """Nama lengkap penandatangan dengan gelar."""
    jabatan: Teks
    """Jabatan penandatangan, mis. Kepala Dinas Lingkungan Hidup Kota Mojokerto."""
    nip: Teks | None = None
    """NIP bagi aparatur sipil negara."""


class Kewenangan(Base):
    """The basis of the signatory's authority to act for the party."""

    dasar: Literal["jabatan", "surat_kuasa", "akta", "keputusan"] = "jabatan"
    """Dasar kewenangan: jabatan (kepala daerah), surat_kuasa, akta atau keputusan."""
    nomor: Teks | None = None
    """Nomor surat kuasa, akta atau keputusan."""
    tanggal: dt.date | None = None
    """Tanggal surat kuasa, akta atau keputusan (TTTT-BB-HH)."""
    pemberi: Teks | None = None
    """Pemberi kuasa, mis. Wali Kota Mojokerto."""
    keterangan: Teks | None = None
    """Keterangan akta atau keputusan, mis. Pendirian PT … di hadapan Notaris …."""

    @model_validator(mode="after")
    def _documents_need_number_and_date(self) -> Kewenangan:
        if self.dasar != "jabatan" and (self.nomor is None or self.tanggal is None):
            raise PydanticCustomError(
                "surat_kuasa_fields", "needs nomor and tanggal", {"dasar": self.dasar}
            )
        if self.dasar == "surat_kuasa" and self.pemberi is None:
            raise PydanticCustomError("surat_kuasa_pemberi", "a surat kuasa needs pemberi")
        return self


class Pihak(Base):
    """A party as it appears in a KSB: who it is and who signs for it."""

    nama: Teks
    """Pemerintah daerah atau badan, mis. Pemerintah Kota Mojokerto."""
    bentuk: Literal[
        "pemerintah_daerah", "badan_usaha", "organisasi", "pemerintah_asing", "lembaga_asing"
    ] = "pemerintah_daerah"
    """Bentuk pihak: pemerintah_daerah, badan_usaha, organisasi, pemerintah_asing, lembaga_asing."""
    unit: Teks | None = None
    """Perangkat daerah atau unit pelaksana, mis. Dinas Lingkungan Hidup."""
    nomor: Teks | None = None
    """Nomor perjanjian pada pihak ini (baris NOMOR di judul)."""
    alamat: Teks
    """Alamat kedudukan pihak."""
    penandatangan: Penandatangan
    """Pejabat yang menandatangani."""
    kewenangan: Kewenangan = Kewenangan()
    """Dasar kewenangan penandatangan bertindak untuk pihak ini."""
    meterai: bool | None = None
    """Ruang meterai di kolom tanda tangan (bawaan: ya bagi pihak bukan pemerintah daerah)."""

    @property
    def pemerintah(self) -> bool:
        """True for an Indonesian regional government."""
        return self.bentuk == "pemerintah_daerah"


class PihakPks(Pihak):
    """A party of a PKS, with its rights and obligations."""

    hak: Daftar | None = None
    """Hak pihak ini, satu butir per baris."""
    kewajiban: Daftar | None = None
    """Kewajiban pihak ini, satu butir per baris."""


class KsbRujukan(Base):
    """The KSB a PKS follows: inline, or ``berkas`` pointing to the KSB input file."""

    berkas: Teks | None = None
    """Berkas masukan KSB yang ditindaklanjuti (relatif terhadap berkas ini)."""
    nomor: Annotated[list[Teks], Field(min_length=1)] | None = None
    """Nomor KSB pada setiap pihak, sesuai urutan pihak."""
    tanggal: dt.date | None = None
    """Tanggal KSB."""
    tentang: Teks | None = None
    """Judul KSB."""
    berakhir: dt.date | None = None
    """Tanggal berakhirnya KSB; PKS tidak boleh melampauinya."""

    @model_validator(mode="after")
    def _inline_or_file(self) -> KsbRujukan:
        inline = [self.nomor, self.tanggal, self.tentang, self.berakhir]
        if self.berkas is not None:
            if any(v is not None for v in inline):
                raise PydanticCustomError("ksb_inline_or_file", "inline or berkas, not both")
        elif any(v is None for v in inline):
            missing = [
                k
                for k, v in zip(("nomor", "tanggal", "tentang", "berakhir"), inline, strict=True)
                if v is None
            ]
            raise PydanticCustomError(
                "ksb_inline_missing", "missing {fields}", {"fields": ", ".join(missing)}
            )
        return self


class PersetujuanDprd(Base):
    """The DPRD approval the agreement rests on."""

    nomor: Teks
    """Nomor keputusan persetujuan DPRD."""
    tanggal: dt.date
    """Tanggal persetujuan DPRD."""
    tentang: Teks | None = None
    """Judul keputusan persetujuan DPRD."""


class MaksudTujuan(Base):
    """Purpose (maksud) and aims (tujuan)."""

    maksud: Teks | None = None
    """Maksud perjanjian, satu paragraf."""
    tujuan: Daftar | None = None
    """Tujuan perjanjian, satu butir per baris."""


class SumberDana(Base):
    """One source of funds."""

    jenis: Literal["APBD", "PIHAK_KETIGA", "LAINNYA"]
    """APBD, PIHAK_KETIGA atau LAINNYA."""
    pihak: Annotated[int, Field(ge=1)] | None = None
    """Nomor pihak (1, 2, …) yang APBD atau dananya dipakai."""
    keterangan: Teks | None = None
    """Keterangan sumber LAINNYA."""

    @model_validator(mode="after")
    def _complete(self) -> SumberDana:
        if self.jenis == "APBD" and self.pihak is None:
            raise PydanticCustomError("apbd_needs_party", "APBD needs pihak")
        if self.jenis == "LAINNYA" and self.keterangan is None:
            raise PydanticCustomError("lainnya_needs_keterangan", "LAINNYA needs keterangan")
        return self


class Pembiayaan(Base):
    """Financing: sources, optional amount and its place in the regional budget."""

    sumber: Annotated[list[SumberDana], Field(min_length=1, max_length=20)]
    """Sumber dana."""
    jumlah: Annotated[Decimal, Field(decimal_places=2, allow_inf_nan=False)] | None = None
    """Nilai dalam rupiah, angka saja (mis. 1250000000)."""
    dalam_apbd_tahun_berjalan: bool | None = None
    """Apakah sudah dianggarkan dalam APBD tahun berjalan."""
    rujukan_anggaran: Teks | None = None
    """Rujukan RKPD/DPA, mis. DPA Dinas … Tahun Anggaran 2021."""
    ketentuan: list[Teks] = []
    """Ketentuan pembiayaan lain, satu ayat per baris."""

    @model_validator(mode="after")
    def _plausible_amount(self) -> Pembiayaan:
        if self.jumlah is not None:
            if self.jumlah <= 0:
                raise PydanticCustomError("amount_not_positive", "amount must be > 0")
            if self.jumlah > MAX_AMOUNT:
                raise PydanticCustomError(
                    "amount_too_large",
                    "amount implausible",
                    {"input": str(self.jumlah), "limit": f"{MAX_AMOUNT:,}".replace(",", ".")},
                )
        return self


class Lama(Base):
    """A duration in years and months."""

    tahun: Annotated[int, Field(ge=0, le=100)] = 0
    """Lama dalam tahun."""
    bulan: Annotated[int, Field(ge=0, le=1200)] = 0
    """Lama dalam bulan."""

    @model_validator(mode="after")
    def _not_zero(self) -> Lama:
        if self.tahun == 0 and self.bulan == 0:
            raise PydanticCustomError("lama_empty", "give tahun and/or bulan")
        return self


class Perpanjangan(Base):
    """How the agreement may be extended."""

    pemberitahuan_hari: Hari
    """Batas pemberitahuan rencana perpanjangan, dalam hari."""
    ketentuan: Teks | None = None
    """Ketentuan perpanjangan lain."""


class JangkaWaktu(Base):
    """Term: start (default: the signing date) and either an end date or a duration."""

    mulai: dt.date | None = None
    """Tanggal mulai berlaku; kosong: sejak ditandatangani."""
    berakhir: dt.date | None = None
    """Tanggal berakhir (isi ini ATAU lama)."""
    lama: Lama | None = None
    """Lama berlaku (isi ini ATAU berakhir)."""
    perpanjangan: Perpanjangan | None = None
    """Ketentuan perpanjangan."""

    @model_validator(mode="after")
    def _end_or_length(self) -> JangkaWaktu:
        if self.berakhir is not None and self.lama is not None:
            raise PydanticCustomError("term_end_or_length", "give berakhir or lama")
        if self.mulai and self.berakhir and self.berakhir < self.mulai:
            raise PydanticCustomError(
                "end_before_start",
                "end before start",
                {"start": self.mulai.isoformat(), "end": self.berakhir.isoformat()},
            )
        return self


class KeadaanKahar(Base):
    """Force majeure: the events, the notification deadline and the consequences."""

    peristiwa: Daftar | None = None
    """Peristiwa yang termasuk keadaan kahar, satu per baris."""
    batas_pemberitahuan_hari: Hari | None = None
    """Batas waktu pemberitahuan keadaan kahar, dalam hari."""
    akibat: list[Teks] = []
    """Akibat keadaan kahar, satu per baris."""


Forum = Literal[
    "GUBERNUR", "MENTERI_DALAM_NEGERI", "MEDIASI", "ARBITRASE", "PENGADILAN_NEGERI", "KONSULTASI"
]
#: Forums whose name cannot be guessed (which governor, which court); the example is shown
#: in the error message.
FORUM_NAME_EXAMPLE = {
    "GUBERNUR": "Gubernur Jawa Timur",
    "PENGADILAN_NEGERI": "Pengadilan Negeri Mojokerto",
    "ARBITRASE": "Badan Arbitrase Nasional Indonesia",
}


class PenyelesaianPerselisihan(Base):
    """Dispute settlement: musyawarah first, then the forum."""

    musyawarah_hari: Hari | None = None
    """Jangka waktu musyawarah, dalam hari."""
    forum: Forum | None = None
    """Forum setelah musyawarah: KSDD GUBERNUR atau MENTERI_DALAM_NEGERI; KSDPK MEDIASI,
    ARBITRASE atau PENGADILAN_NEGERI; luar negeri KONSULTASI."""
    nama_forum: Teks | None = None
    """Nama forum, mis. Gubernur Jawa Timur, Pengadilan Negeri Mojokerto."""

    @model_validator(mode="after")
    def _forum_named(self) -> PenyelesaianPerselisihan:
        example = FORUM_NAME_EXAMPLE.get(self.forum or "")
        if example and self.nama_forum is None:
            raise PydanticCustomError(
                "forum_needs_name",
                "forum needs nama_forum",
                {"forum": self.forum, "example": example},
            )
        return self


class Pengakhiran(Base):
    """Termination: the causes and the notice period."""

    sebab: Daftar | None = None
    """Sebab berakhirnya perjanjian, satu per baris."""
    pemberitahuan_hari: Hari | None = None
    """Batas pemberitahuan pengakhiran lebih awal, dalam hari."""


class Korespondensi(Base):
    """The address a party receives notices at."""

    pihak: Annotated[int, Field(ge=1)]
    """Nomor pihak (1, 2, …)."""
    alamat: Teks
    """Alamat surat-menyurat."""
    untuk_perhatian: Teks | None = None
    """Untuk perhatian (u.p.)."""
    telepon: Teks | None = None
    """Nomor telepon."""
    email: Teks | None = None
    """Alamat surel."""


class Penutup(Base):
    """Closing: number of originals and stamp duty."""

    rangkap: Annotated[int, Field(ge=1, le=50)] | None = None
    """Jumlah rangkap asli (bawaan: satu per pihak)."""
    meterai: bool = True
    """Asli bermeterai cukup."""


class _Document(Base):
    """What a KSB and a PKS share."""

    jenis: Jenis
    """KSDD, KSDPK, KSDPL atau KSDLL."""
    tentang: Teks
    """Judul kerja sama."""
    label_pihak: Literal["PERTAMA", "KESATU"] = "PERTAMA"
    """PERTAMA (PIHAK PERTAMA, KEDUA) atau KESATU (PIHAK KESATU, KEDUA)."""
    kertas: Literal["A4", "F4"] = "A4"
    """Ukuran kertas: A4 atau F4."""
    penandatanganan: Penandatanganan
    """Tempat dan tanggal penandatanganan."""
    dasar_hukum: Daftar | None = None
    """Dasar hukum, satu peraturan per baris."""
    persetujuan_dprd: PersetujuanDprd | None = None
    """Persetujuan DPRD yang dirujuk."""
    maksud_tujuan: MaksudTujuan | None = None
    """Maksud dan tujuan."""
    objek: Teks | None = None
    """Objek kerja sama, ditulis sebagai lanjutan "Objek Perjanjian ini adalah …"."""
    ruang_lingkup: Daftar | None = None
    """Ruang lingkup, satu butir per baris."""
    pembiayaan: Pembiayaan | None = None
    """Pembiayaan."""
    jangka_waktu: JangkaWaktu | None = None
    """Jangka waktu."""
    perubahan: list[Teks] | None = None
    """Pasal perubahan (adendum): [] untuk kalimat baku, atau ayat tambahan."""
    lain_lain: Daftar | None = None
    """Ayat pasal lain-lain."""
    penutup: Penutup = Penutup()
    """Penutup."""


class Ksb(_Document):
    """A Kesepakatan Bersama: the general agreement a PKS follows."""

    dokumen: Literal["KSB"]
    """Jenis dokumen: PKS atau KSB."""
    pihak: Annotated[list[Pihak], Field(min_length=2, max_length=12)]
    """Para pihak sesuai urutan."""
    bentuk_kerja_sama: Daftar | None = None
    """Bentuk kerja sama, satu per baris."""
    tahun_anggaran_mulai: Annotated[int, Field(ge=2000, le=2100)] | None = None
    """Tahun anggaran mulai pelaksanaan."""
    penyelesaian_perselisihan: PenyelesaianPerselisihan | None = None
    """Penyelesaian perselisihan (pilihan)."""


class Pks(_Document):
    """A Perjanjian Kerja Sama: the operational agreement with rights and obligations."""

    dokumen: Literal["PKS"]
    """Jenis dokumen: PKS atau KSB."""
    pihak: Annotated[list[PihakPks], Field(min_length=2, max_length=12)]
    """Para pihak sesuai urutan PIHAK PERTAMA, KEDUA, …."""
    ksb: KsbRujukan | None = None
    """KSB yang ditindaklanjuti."""
    pelaksanaan: Daftar | None = None
    """Ayat pasal pelaksanaan."""
    keadaan_kahar: KeadaanKahar | None = None
    """Keadaan kahar (force majeure)."""
    penyelesaian_perselisihan: PenyelesaianPerselisihan | None = None
    """Penyelesaian perselisihan."""
    pengakhiran: Pengakhiran | None = None
    """Pengakhiran."""
    sanksi: Daftar | None = None
    """Ayat pasal sanksi."""
    monitoring_evaluasi: Daftar | None = None
    """Ayat pasal monitoring dan evaluasi."""
    korespondensi: Annotated[list[Korespondensi], Field(min_length=1)] | None = None
    """Alamat korespondensi para pihak."""


Agreement = Pks | Ksb
MODELS: dict[str, type[Pks] | type[Ksb]] = {"PKS": Pks, "KSB": Ksb}

Loc = tuple[str | int, ...]


def consistency_problems(doc: Agreement) -> list[tuple[Loc, str, dict[str, object]]]:
    """Return references between parts that do not hold, as (key path, code, params).

    Checked: party numbers used in pembiayaan and korespondensi exist, the KSB gives one
    number per party, there are at least as many originals as parties, and the term does not
    end before it starts (the start defaults to the signing date).
    """
    problems: list[tuple[Loc, str, dict[str, object]]] = []
    count = len(doc.pihak)
    for i, sumber in enumerate(doc.pembiayaan.sumber if doc.pembiayaan else []):
        if sumber.pihak is not None and sumber.pihak > count:
            problems.append(
                (("pembiayaan", "sumber", i, "pihak"), "party_index",
                 {"value": sumber.pihak, "count": count})
            )
    if isinstance(doc, Pks):
        for i, alamat in enumerate(doc.korespondensi or []):
            if alamat.pihak > count:
                problems.append(
                    (("korespondensi", i, "pihak"), "party_index",
                     {"value": alamat.pihak, "count": count})
                )
        if doc.ksb is not None and doc.ksb.nomor is not None and len(doc.ksb.nomor) != count:
            problems.append(
                (("ksb", "nomor"), "ksb_nomor_count",
                 {"count": len(doc.ksb.nomor), "parties": count})
            )
    if doc.penutup.rangkap is not None and doc.penutup.rangkap < count:
        problems.append(
            (("penutup", "rangkap"), "penutup_rangkap",
             {"rangkap": doc.penutup.rangkap, "parties": count})
        )
    term = doc.jangka_waktu
    start = term.mulai or doc.penandatanganan.tanggal if term else None
    if term and term.mulai is None and start and term.berakhir and term.berakhir < start:
        problems.append(
            (("jangka_waktu", "berakhir"), "end_before_start",
             {"start": start.isoformat(), "end": term.berakhir.isoformat()})
        )
    return problems
