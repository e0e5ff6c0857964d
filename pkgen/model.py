"""The agreement model: pydantic classes in the Indonesian legal vocabulary.

The model refuses what is wrong; the checker reports what is missing. An input loads when
every value it gives is well formed (the right keys, types, dates and references between
parts), so an OPD's first, partial input still loads. Fields marked ``wajib`` are the parts a
complete agreement needs: :func:`missing_parts` lists those an input lacks, and the checker
reports each of them as an error. Unknown keys are rejected everywhere, so a misspelt key is
an error, never a missing clause.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from dateutil.relativedelta import relativedelta
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from . import formatting as fmt
from . import values

#: An amount above this (one quadrillion rupiah) is taken as a typing mistake.
MAX_AMOUNT = Decimal(10**15)
#: Notice periods and deadlines, in days.
MAX_DAYS = 3650

_Blank = BeforeValidator(values.text_or_none)
_Empty = BeforeValidator(values.items_or_none)

#: Free text written by the user: stripped, non-empty, storable in Word.
Teks = Annotated[str, Field(max_length=20_000), AfterValidator(values.clean_text)]
#: A text field: blank means not filled in yet.
Isian = Annotated[Teks | None, _Blank]
Daftar = Annotated[list[Teks], Field(min_length=1, max_length=200)]
#: A list of paragraphs or items (ayat, butir); blank items are dropped, none left: None.
Butir = Annotated[Daftar | None, _Empty]
Hari = Annotated[int, BeforeValidator(values.whole_number), Field(ge=1, le=MAX_DAYS)]
HariIsian = Annotated[Hari | None, _Blank]
NomorPihak = Annotated[int, BeforeValidator(values.whole_number), Field(ge=1)]
Tanggal = Annotated[dt.date, BeforeValidator(values.date_value)]
TanggalIsian = Annotated[Tanggal | None, _Blank]
YaTidak = Annotated[bool, BeforeValidator(values.yes_no)]
def _plausible_amount(amount: Decimal) -> Decimal:
    if amount <= 0:
        raise PydanticCustomError("amount_not_positive", "amount must be > 0")
    if amount > MAX_AMOUNT:
        raise PydanticCustomError("amount_too_large", "amount implausible", {
            "input": fmt.rupiah(amount), "limit": fmt.rupiah(MAX_AMOUNT)})
    return amount


Rupiah = Annotated[Decimal, BeforeValidator(values.rupiah_value),
                   Field(decimal_places=2, allow_inf_nan=False), AfterValidator(_plausible_amount)]
Nip = Annotated[str, BeforeValidator(values.nip_value)]


def _wajib() -> Any:
    """A part a complete agreement needs (see :func:`missing_parts`)."""
    return Field(default=None, json_schema_extra={"wajib": True})


def _blank_mapping(value: object) -> object:
    """A part whose every value is blank (``nomor:`` and ``tanggal:`` left empty) is absent."""
    return None if isinstance(value, dict) and values.is_blank(value) else value


_Part = BeforeValidator(_blank_mapping)


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

    tempat: Isian = _wajib()
    """Kota tempat penandatanganan, mis. Mojokerto."""
    tanggal: TanggalIsian = None
    """Tanggal penandatanganan (mis. 2020-11-16 atau 16/11/2020); kosongkan selama draf belum
    ditandatangani."""


class Penandatangan(Base):
    """The person who signs for a party."""

    nama: Isian = _wajib()
    """Nama lengkap penandatangan dengan gelar."""
    jabatan: Isian = _wajib()
    """Jabatan penandatangan, mis. Kepala Dinas Lingkungan Hidup Kota Mojokerto."""
    nip: Annotated[Nip | None, _Blank] = None
    """NIP bagi pegawai negeri sipil: 18 digit, mis. 19700512 199503 2 004."""


DasarKewenangan = Literal["jabatan", "surat_kuasa", "akta", "keputusan"]


class AktaPerubahan(Base):
    """The latest deed amending a company's articles (it names the current directors)."""

    nomor: Isian = _wajib()
    """Nomor akta perubahan terakhir."""
    tanggal: TanggalIsian = _wajib()
    """Tanggal akta perubahan terakhir."""
    notaris: Isian = None
    """Notaris yang membuat akta perubahan, bila lain dari notaris akta pendirian."""


class Kewenangan(Base):
    """The basis of the signatory's authority to act for the party."""

    dasar: DasarKewenangan = "jabatan"
    """Dasar kewenangan: jabatan (kepala daerah), surat_kuasa, akta atau keputusan."""
    nomor: Isian = None
    """Nomor surat kuasa, akta atau keputusan."""
    tanggal: TanggalIsian = None
    """Tanggal surat kuasa, akta atau keputusan."""
    pemberi: Isian = None
    """Pemberi kuasa, mis. Wali Kota Mojokerto."""
    notaris: Isian = None
    """Notaris yang membuat akta, mis. Siti Maesaroh, S.H., M.Kn."""
    pengesahan: Isian = None
    """Nomor pengesahan badan hukum oleh Menteri Hukum dan Hak Asasi Manusia,
    mis. AHU-0012345.AH.01.01.Tahun 2017."""
    perubahan: Annotated[AktaPerubahan | None, _Part] = None
    """Akta perubahan anggaran dasar yang terakhir."""
    keterangan: Isian = None
    """Jenis akta (bawaan: Pendirian) atau keputusan, mis. Keputusan Direksi PT …."""


class PersetujuanDprd(Base):
    """The DPRD approval the agreement rests on."""

    nomor: Isian = _wajib()
    """Nomor keputusan persetujuan DPRD."""
    tanggal: TanggalIsian = _wajib()
    """Tanggal persetujuan DPRD."""
    tentang: Isian = None
    """Judul keputusan persetujuan DPRD."""


BentukPihak = Literal[
    "pemerintah_daerah", "badan_usaha", "organisasi", "pemerintah_asing", "lembaga_asing"]


class Pihak(Base):
    """A party as it appears in a KSB: who it is and who signs for it."""

    nama: Isian = _wajib()
    """Pemerintah daerah atau badan, mis. Pemerintah Kota Mojokerto."""
    bentuk: BentukPihak = "pemerintah_daerah"
    """Bentuk pihak: pemerintah_daerah, badan_usaha, organisasi, pemerintah_asing, lembaga_asing."""
    unit: Isian = None
    """Perangkat daerah atau unit pelaksana, mis. Dinas Lingkungan Hidup."""
    nomor: Isian = None
    """Nomor perjanjian pada pihak ini (baris NOMOR di judul)."""
    alamat: Isian = _wajib()
    """Alamat kedudukan pihak."""
    penandatangan: Annotated[Penandatangan | None, _Part] = _wajib()
    """Pejabat yang menandatangani."""
    kewenangan: Kewenangan = Kewenangan()
    """Dasar kewenangan penandatangan bertindak untuk pihak ini."""
    lambang: Isian = None
    """Berkas gambar lambang atau logo pihak ini (PNG atau JPEG, relatif terhadap berkas ini),
    dicetak di atas judul."""

    @property
    def pemerintah(self) -> bool:
        """True for an Indonesian regional government."""
        return self.bentuk == "pemerintah_daerah"


class PihakPks(Pihak):
    """A party of a PKS, with its rights and obligations."""

    persetujuan_dprd: Annotated[PersetujuanDprd | None, _Part] = None
    """Persetujuan DPRD daerah pihak ini atas kerja sama (setiap DPRD menyetujui untuk
    daerahnya sendiri)."""
    hak: Butir = _wajib()
    """Hak pihak ini, satu butir per baris."""
    kewajiban: Butir = _wajib()
    """Kewajiban pihak ini, satu butir per baris."""


class KsbRujukan(Base):
    """The KSB a PKS follows: inline, or ``berkas`` pointing to the KSB input file."""

    berkas: Isian = None
    """Berkas masukan KSB yang ditindaklanjuti (relatif terhadap berkas ini)."""
    nomor: Butir = None
    """Nomor KSB pada setiap pihak, sesuai urutan pihak."""
    tanggal: TanggalIsian = None
    """Tanggal KSB."""
    tentang: Isian = None
    """Judul KSB."""
    berakhir: TanggalIsian = None
    """Tanggal berakhirnya KSB; PKS tidak boleh melampauinya."""

    @model_validator(mode="after")
    def _inline_or_file(self) -> KsbRujukan:
        inline = [self.nomor, self.tanggal, self.tentang, self.berakhir]
        if self.berkas is not None and any(v is not None for v in inline):
            raise PydanticCustomError("ksb_inline_or_file", "inline or berkas, not both")
        return self


class MaksudTujuan(Base):
    """Purpose (maksud) and aims (tujuan)."""

    maksud: Isian = _wajib()
    """Maksud perjanjian, satu paragraf."""
    tujuan: Butir = _wajib()
    """Tujuan perjanjian, satu butir per baris."""


class SumberDana(Base):
    """One source of funds: whose budget, how much, and where it is budgeted."""

    jenis: Annotated[Literal["APBD", "PIHAK_KETIGA", "LAINNYA"] | None, _Blank] = _wajib()
    """APBD, PIHAK_KETIGA atau LAINNYA."""
    pihak: Annotated[NomorPihak | None, _Blank] = None
    """Nomor pihak (1, 2, …) yang APBD atau dananya dipakai."""
    keterangan: Isian = None
    """Keterangan sumber LAINNYA."""
    jumlah: Annotated[Rupiah | None, _Blank] = None
    """Bagian biaya yang ditanggung sumber ini, dalam rupiah."""
    rujukan_anggaran: Isian = None
    """Rujukan DPA/RKPD sumber ini, mis. DPA Dinas Lingkungan Hidup Tahun Anggaran 2021."""
    dalam_apbd_tahun_berjalan: Annotated[YaTidak | None, _Blank] = None
    """Apakah bagian ini sudah dianggarkan dalam APBD tahun berjalan (Ya atau Tidak)."""
    tahun_anggaran: Annotated[Annotated[int, BeforeValidator(values.whole_number),
                                        Field(ge=2000, le=2100)] | None, _Blank] = None
    """Tahun anggaran APBD yang akan memuat bagian ini, bila belum dalam APBD tahun berjalan."""


class Pembiayaan(Base):
    """Financing: sources, optional amount and its place in the regional budget."""

    sumber: Annotated[Annotated[list[SumberDana], Field(min_length=1, max_length=20)] | None,
                      _Empty] = _wajib()
    """Sumber dana."""
    jumlah: Annotated[Rupiah | None, _Blank] = None
    """Nilai seluruhnya dalam rupiah (paling banyak), mis. 1250000000 atau Rp1.250.000.000,00."""
    ketentuan: Butir = None
    """Ketentuan pembiayaan lain, satu ayat per baris."""


_Count = Annotated[int, BeforeValidator(values.whole_number)]


class Lama(Base):
    """A duration in years and months."""

    tahun: Annotated[Annotated[_Count, Field(ge=0, le=100)] | None, _Blank] = None
    """Lama dalam tahun."""
    bulan: Annotated[Annotated[_Count, Field(ge=0, le=1200)] | None, _Blank] = None
    """Lama dalam bulan."""

    @model_validator(mode="after")
    def _not_zero(self) -> Lama:
        if not self.tahun and not self.bulan:
            raise PydanticCustomError("lama_empty", "give tahun and/or bulan")
        return self

    @property
    def months(self) -> int:
        """The duration in months."""
        return (self.tahun or 0) * 12 + (self.bulan or 0)


class Perpanjangan(Base):
    """How the agreement may be extended."""

    pemberitahuan_hari: HariIsian = _wajib()
    """Batas pemberitahuan rencana perpanjangan, dalam hari."""
    ketentuan: Isian = None
    """Ketentuan perpanjangan lain."""


class JangkaWaktu(Base):
    """Term: start (default: the signing date) and either an end date or a duration."""

    mulai: TanggalIsian = None
    """Tanggal mulai berlaku; kosong: sejak ditandatangani."""
    berakhir: TanggalIsian = None
    """Tanggal berakhir (isi ini ATAU lama)."""
    lama: Annotated[Lama | None, _Part] = None
    """Lama berlaku (isi ini ATAU berakhir), mis. tahun: 3."""
    perpanjangan: Annotated[Perpanjangan | None, _Part] = None
    """Ketentuan perpanjangan."""

    @model_validator(mode="after")
    def _end_or_length(self) -> JangkaWaktu:
        if self.berakhir is not None and self.lama is not None:
            raise PydanticCustomError("term_end_or_length", "give berakhir or lama")
        if self.mulai and self.berakhir and self.berakhir < self.mulai:
            raise PydanticCustomError("end_before_start", "end before start", {
                "start": self.mulai.isoformat(), "end": self.berakhir.isoformat()})
        return self


class KeadaanKahar(Base):
    """Force majeure: the events, the notification deadline and the consequences."""

    peristiwa: Butir = _wajib()
    """Peristiwa yang termasuk keadaan kahar, satu per baris."""
    batas_pemberitahuan_hari: HariIsian = _wajib()
    """Batas waktu pemberitahuan keadaan kahar, dalam hari."""
    akibat: Butir = None
    """Akibat keadaan kahar, satu per baris."""


Forum = Literal[
    "GUBERNUR", "MENTERI_DALAM_NEGERI", "MEDIASI", "ARBITRASE", "PENGADILAN_NEGERI", "KONSULTASI"
]
#: Forums whose name cannot be guessed (which governor, which court), with an example.
FORUM_NAME_EXAMPLE = {
    "GUBERNUR": "Gubernur Jawa Timur",
    "PENGADILAN_NEGERI": "Pengadilan Negeri Mojokerto",
    "ARBITRASE": "Badan Arbitrase Nasional Indonesia",
}


class PenyelesaianPerselisihan(Base):
    """Dispute settlement: musyawarah first, then the forum."""

    musyawarah_hari: HariIsian = None
    """Jangka waktu musyawarah, dalam hari."""
    forum: Annotated[Forum | None, _Blank] = None
    """Forum setelah musyawarah: KSDD GUBERNUR atau MENTERI_DALAM_NEGERI; KSDPK MEDIASI,
    ARBITRASE atau PENGADILAN_NEGERI; luar negeri KONSULTASI."""
    nama_forum: Isian = None
    """Nama forum, mis. Gubernur Jawa Timur, Pengadilan Negeri Mojokerto."""


class Pengakhiran(Base):
    """Termination: the causes and the notice period."""

    sebab: Butir = None
    """Sebab berakhirnya perjanjian, satu per baris; kosong: sebab yang disebut PP 28/2018
    Pasal 9 ayat (1) (dan Pasal 22 ayat (2) bagi KSDPK)."""
    pemberitahuan_hari: HariIsian = _wajib()
    """Batas pemberitahuan pengakhiran lebih awal, dalam hari."""


class Korespondensi(Base):
    """The address a party receives notices at."""

    pihak: Annotated[NomorPihak | None, _Blank] = _wajib()
    """Nomor pihak (1, 2, …)."""
    alamat: Isian = _wajib()
    """Alamat surat-menyurat."""
    untuk_perhatian: Isian = None
    """Untuk perhatian (u.p.)."""
    telepon: Isian = None
    """Nomor telepon, mis. (0321) 321456."""
    email: Isian = None
    """Alamat surel."""


class Penutup(Base):
    """Closing: number of originals and stamp duty."""

    rangkap: Annotated[Annotated[int, BeforeValidator(values.whole_number),
                                 Field(ge=1, le=50)] | None, _Blank] = None
    """Jumlah rangkap asli (bawaan: satu per pihak)."""
    meterai: Annotated[YaTidak, BeforeValidator(_default_yes)] = True
    """Asli bermeterai cukup."""


def _default_yes(value: object) -> object:
    return True if values.text_or_none(value) is None else value


def _amendment(value: object) -> object:
    """``perubahan: []`` asks for the standard wording: the empty list is kept."""
    return [v for v in value if values.text_or_none(v) is not None] if isinstance(
        value, list) else value


class _Document(Base):
    """What a KSB and a PKS share."""

    jenis: Jenis
    """KSDD, KSDPK, KSDPL atau KSDLL."""
    tentang: Isian = _wajib()
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
    objek: Isian = _wajib()
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
    "monitoring_evaluasi", "korespondensi", "perubahan", "lain_lain", "penutup",
)
DOKUMEN = tuple(MODELS)
JENIS = tuple(j.value for j in Jenis)

Loc = tuple[str | int, ...]


# --- domain facts -------------------------------------------------------------------------------

def kinds_of(doc: Agreement) -> tuple[str, str]:
    """The kinds a document is, most specific first: ('pks_ksdd', 'pks')."""
    dokumen = doc.dokumen.lower()
    return f"{dokumen}_{doc.jenis.value.lower()}", dokumen


def party_labels(doc: Agreement) -> list[str]:
    """'PIHAK PERTAMA', 'PIHAK KEDUA', … (or PIHAK KESATU, …) in party order."""
    word = fmt.ordinal_kesatu if doc.label_pihak == "KESATU" else fmt.ordinal
    return [f"PIHAK {word(i + 1)}" for i in range(len(doc.pihak))]


def same_party(name: str) -> str:
    """A party's name as compared between documents: case and spacing do not matter."""
    return " ".join(name.upper().split())


def term_start(doc: Agreement) -> dt.date | None:
    """The first day of the term: its start date, else the date of signing, else None."""
    signed = doc.penandatanganan.tanggal if doc.penandatanganan else None
    return (doc.jangka_waktu.mulai if doc.jangka_waktu else None) or signed


def term_end(doc: Agreement) -> dt.date | None:
    """The last day of the term, or None if unknown (no term, or a duration from no date)."""
    term = doc.jangka_waktu
    if term is None:
        return None
    if term.berakhir is not None:
        return term.berakhir
    start = term_start(doc)
    if start is None or term.lama is None:
        return None
    return start + relativedelta(months=term.lama.months) - dt.timedelta(days=1)


# --- what a complete agreement needs ------------------------------------------------------------

@dataclass(frozen=True)
class Gap:
    """A part a complete agreement needs and this one lacks: where, and which clause it is."""

    loc: Loc
    clause: str | None
    note: str | None = None  # a message code saying what is needed, when the key alone does not


#: The clause of each top-level part, so that a missing clause is reported once.
CLAUSE_OF = {
    "pihak": "para_pihak", "maksud_tujuan": "maksud_tujuan", "objek": "objek",
    "ruang_lingkup": "ruang_lingkup", "pembiayaan": "pembiayaan", "jangka_waktu": "jangka_waktu",
    "keadaan_kahar": "keadaan_kahar", "penyelesaian_perselisihan": "penyelesaian_perselisihan",
    "pengakhiran": "pengakhiran", "korespondensi": "korespondensi",
}


def is_required(info: FieldInfo) -> bool:
    """True for a field marked as a part a complete agreement needs."""
    extra = info.json_schema_extra
    return isinstance(extra, dict) and bool(extra.get("wajib"))


def missing_parts(doc: Agreement) -> list[Gap]:
    """Every part a complete agreement needs and ``doc`` lacks, in document order.

    The ``wajib`` fields, and what depends on other values: an end date or a duration; the
    number and date of a surat kuasa, akta or keputusan (and who gave a surat kuasa); the party
    whose APBD is used; a description of a LAINNYA source; a PKS's dispute forum and the name
    of a forum that has one; the KSB's number, date, subject and end when written inline.
    """
    gaps: list[Gap] = []
    _walk(doc, (), gaps)
    gaps += _conditional_gaps(doc)
    return sorted(gaps, key=lambda g: ORDER.index(str(g.loc[0])))


def _walk(model: BaseModel, loc: Loc, gaps: list[Gap]) -> None:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        here = (*loc, name)
        if value is None:
            if is_required(info):
                gaps.append(Gap(here, _clause(here)))
        elif isinstance(value, BaseModel):
            _walk(value, here, gaps)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _walk(item, (*here, i), gaps)


def _clause(loc: Loc) -> str | None:
    if loc[0] == "pihak" and loc[-1] in ("hak", "kewajiban"):
        return "hak_kewajiban"
    return CLAUSE_OF.get(str(loc[0]))


def _conditional_gaps(doc: Agreement) -> list[Gap]:
    gaps: list[Gap] = []
    term = doc.jangka_waktu
    if term is not None and term.berakhir is None and term.lama is None:
        gaps.append(Gap(("jangka_waktu", "berakhir"), "jangka_waktu", "gap_end_or_length"))
    for i, party in enumerate(doc.pihak):
        gaps += _authority_gaps(party.kewenangan, ("pihak", i, "kewenangan"))
    for i, source in enumerate(doc.pembiayaan.sumber or [] if doc.pembiayaan else []):
        here = ("pembiayaan", "sumber", i)
        if source.jenis == "APBD" and source.pihak is None:
            gaps.append(Gap((*here, "pihak"), "pembiayaan", "gap_apbd_party"))
        if source.dalam_apbd_tahun_berjalan is False and source.tahun_anggaran is None:
            gaps.append(Gap((*here, "tahun_anggaran"), "pembiayaan", "gap_budget_year"))
        if source.jenis == "LAINNYA" and source.keterangan is None:
            gaps.append(Gap((*here, "keterangan"), "pembiayaan", "gap_other_source"))
    dispute = doc.penyelesaian_perselisihan
    if dispute is not None:
        if isinstance(doc, Pks) and dispute.forum is None:
            gaps.append(Gap(("penyelesaian_perselisihan", "forum"), "penyelesaian_perselisihan"))
        example = FORUM_NAME_EXAMPLE.get(dispute.forum or "")
        if example and dispute.nama_forum is None:
            gaps.append(Gap(("penyelesaian_perselisihan", "nama_forum"),
                            "penyelesaian_perselisihan", "gap_forum_name"))
    if isinstance(doc, Pks) and doc.ksb is not None and doc.ksb.berkas is None:
        for name in ("nomor", "tanggal", "tentang", "berakhir"):
            if getattr(doc.ksb, name) is None:
                gaps.append(Gap(("ksb", name), None, "gap_ksb_inline"))
    return gaps


def _authority_gaps(authority: Kewenangan, loc: Loc) -> list[Gap]:
    if authority.dasar == "jabatan":
        return []
    needed = ["nomor", "tanggal"] + {"surat_kuasa": ["pemberi"], "akta": ["notaris"]}.get(
        authority.dasar, [])
    return [Gap((*loc, name), "para_pihak") for name in needed
            if getattr(authority, name) is None]


# --- references between parts -------------------------------------------------------------------

def consistency_problems(doc: Agreement) -> list[tuple[Loc, str, dict[str, object]]]:
    """Return references between parts that do not hold, as (key path, code, params).

    Checked: party numbers used in pembiayaan and korespondensi exist, the KSB gives one
    number per party, there are at least as many originals as parties, and the term does not
    end before it starts (the start defaults to the signing date).
    """
    problems: list[tuple[Loc, str, dict[str, object]]] = []
    count = len(doc.pihak)
    numbered: list[tuple[Loc, int | None]] = [
        (("pembiayaan", "sumber", i, "pihak"), s.pihak)
        for i, s in enumerate(doc.pembiayaan.sumber or [] if doc.pembiayaan else [])]
    if isinstance(doc, Pks):
        numbered += [(("korespondensi", i, "pihak"), k.pihak)
                     for i, k in enumerate(doc.korespondensi or [])]
        if doc.ksb is not None and doc.ksb.nomor is not None and len(doc.ksb.nomor) != count:
            problems.append((("ksb", "nomor"), "ksb_nomor_count",
                             {"count": len(doc.ksb.nomor), "parties": count}))
    problems += [(loc, "party_index", {"value": n, "count": count})
                 for loc, n in numbered if n is not None and n > count]
    if doc.penutup.rangkap is not None and doc.penutup.rangkap < count:
        problems.append((("penutup", "rangkap"), "penutup_rangkap",
                         {"rangkap": doc.penutup.rangkap, "parties": count}))
    term, start = doc.jangka_waktu, term_start(doc)
    if term and term.mulai is None and start and term.berakhir and term.berakhir < start:
        problems.append((("jangka_waktu", "berakhir"), "end_before_start",
                         {"start": start.isoformat(), "end": term.berakhir.isoformat()}))
    return problems
