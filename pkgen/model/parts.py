"""The parts of an agreement: parties and signatories, the KSB followed, purpose, financing,
term, force majeure, disputes, termination, addresses, closing."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .. import values
from .types import (
    Base,
    Butir,
    HariIsian,
    Isian,
    KodeBahasa,
    Nip,
    Nomor,
    NomorPihak,
    Paragraf,
    Rupiah,
    Sebutan,
    TanggalIsian,
    Telepon,
    YaTidak,
    _Blank,
    _default_yes,
    _Empty,
    _Part,
    _wajib,
)


class Penandatanganan(Base):
    """Where and when the agreement is signed; a missing date leaves a blank to fill in."""

    tempat: Sebutan = _wajib()
    """Kota tempat penandatanganan, mis. Mojokerto."""
    tanggal: TanggalIsian = None
    """Tanggal penandatanganan (mis. 2020-11-16 atau 16/11/2020); kosongkan selama draf belum
    ditandatangani."""


class Penandatangan(Base):
    """The person who signs for a party."""

    nama: Sebutan = _wajib()
    """Nama lengkap penandatangan dengan gelar."""
    jabatan: Isian = _wajib()
    """Jabatan penandatangan, mis. Kepala Dinas Lingkungan Hidup Kota Mojokerto."""
    nip: Annotated[Nip | None, _Blank] = None
    """NIP bagi pegawai negeri sipil: 18 digit, mis. 19700512 199503 2 004."""


DasarKewenangan = Literal["jabatan", "surat_kuasa", "akta", "keputusan"]


class AktaPerubahan(Base):
    """The latest deed amending a company's articles (it names the current directors)."""

    nomor: Sebutan = _wajib()
    """Nomor akta perubahan terakhir."""
    tanggal: TanggalIsian = _wajib()
    """Tanggal akta perubahan terakhir."""
    notaris: Sebutan = None
    """Notaris yang membuat akta perubahan, bila lain dari notaris akta pendirian."""


class Kewenangan(Base):
    """The basis of the signatory's authority to act for the party."""

    dasar: DasarKewenangan = "jabatan"
    """Dasar kewenangan: jabatan (kepala daerah), surat_kuasa, akta atau keputusan."""
    nomor: Sebutan = None
    """Nomor surat kuasa, akta atau keputusan."""
    tanggal: TanggalIsian = None
    """Tanggal surat kuasa, akta atau keputusan."""
    pemberi: Isian = None
    """Pemberi kuasa, mis. Wali Kota Mojokerto."""
    notaris: Sebutan = None
    """Notaris yang membuat akta, mis. Siti Maesaroh, S.H., M.Kn."""
    pengesahan: Sebutan = None
    """Nomor pengesahan badan hukum oleh Menteri Hukum dan Hak Asasi Manusia,
    mis. AHU-0012345.AH.01.01.Tahun 2017."""
    perubahan: Annotated[AktaPerubahan | None, _Part] = None
    """Akta perubahan anggaran dasar yang terakhir."""
    keterangan: Isian = None
    """Jenis akta (bawaan: Pendirian) atau keputusan, mis. Keputusan Direksi PT …."""


class PersetujuanDprd(Base):
    """The DPRD approval the agreement rests on."""

    nomor: Sebutan = _wajib()
    """Nomor keputusan persetujuan DPRD."""
    tanggal: TanggalIsian = _wajib()
    """Tanggal persetujuan DPRD."""
    tentang: Isian = None
    """Judul keputusan persetujuan DPRD."""


class Surat(Base):
    """A letter or decision an agreement rests on: its number, date and subject."""

    nomor: Sebutan = _wajib()
    """Nomor surat."""
    tanggal: TanggalIsian = _wajib()
    """Tanggal surat."""
    tentang: Isian = None
    """Hal atau judul surat."""


BentukPihak = Literal[
    "pemerintah_daerah", "badan_usaha", "organisasi", "pemerintah_asing", "lembaga_asing"]


class Pihak(Base):
    """A party as it appears in a KSB: who it is and who signs for it."""

    nama: Isian = _wajib()
    """Pemerintah daerah atau badan, mis. Pemerintah Kota Mojokerto."""
    bentuk: BentukPihak = "pemerintah_daerah"
    """Bentuk pihak: pemerintah_daerah, badan_usaha, organisasi, pemerintah_asing, lembaga_asing."""
    negara: Isian = None
    """Negara pihak luar negeri, mis. Republik Korea (wajib bagi pemerintah_asing dan
    lembaga_asing)."""
    unit: Isian = None
    """Perangkat daerah atau unit pelaksana, mis. Dinas Lingkungan Hidup."""
    nomor: Sebutan = None
    """Nomor perjanjian pada pihak ini (baris NOMOR di judul)."""
    alamat: Sebutan = _wajib()
    """Alamat kedudukan pihak."""
    penandatangan: Annotated[Penandatangan | None, _Part] = _wajib()
    """Pejabat yang menandatangani."""
    kewenangan: Kewenangan = Kewenangan()
    """Dasar kewenangan penandatangan bertindak untuk pihak ini."""
    kuasa_penuh: Annotated[Surat | None, _Part] = None
    """Surat Kuasa Penuh (Full Powers) Menteri Luar Negeri bagi kepala daerah yang
    menandatangani kerja sama luar negeri, bila diminta dalam praktik."""
    persetujuan_dprd: Annotated[PersetujuanDprd | None, _Part] = None
    """Persetujuan DPRD daerah pihak ini atas kerja sama (setiap DPRD menyetujui untuk
    daerahnya sendiri)."""
    lambang: Sebutan = None
    """Berkas gambar lambang atau logo pihak ini (PNG atau JPEG, relatif terhadap berkas ini),
    dicetak di atas judul."""

    @property
    def pemerintah(self) -> bool:
        """True for an Indonesian regional government."""
        return self.bentuk == "pemerintah_daerah"

    @property
    def asing(self) -> bool:
        """True for a foreign government or institution."""
        return self.bentuk in ("pemerintah_asing", "lembaga_asing")


class PihakPks(Pihak):
    """A party of a PKS, with its rights and obligations."""

    hak: Butir = _wajib()
    """Hak pihak ini, satu butir per baris."""
    kewajiban: Butir = _wajib()
    """Kewajiban pihak ini, satu butir per baris."""


class KsbRujukan(Base):
    """The KSB a PKS follows: inline, or ``berkas`` pointing to the KSB input file."""

    berkas: Sebutan = None
    """Berkas masukan KSB yang ditindaklanjuti (relatif terhadap berkas ini)."""
    nomor: Nomor = None
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

    maksud: Paragraf = _wajib()
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
    ketentuan: Paragraf = None
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
    alamat: Sebutan = _wajib()
    """Alamat surat-menyurat."""
    untuk_perhatian: Isian = None
    """Untuk perhatian (u.p.)."""
    telepon: Telepon = None
    """Nomor telepon, mis. (0321) 321456."""
    email: Sebutan = None
    """Alamat surel."""


class Penutup(Base):
    """Closing: number of originals and stamp duty."""

    rangkap: Annotated[Annotated[int, BeforeValidator(values.whole_number),
                                 Field(ge=1, le=50)] | None, _Blank] = None
    """Jumlah rangkap asli (bawaan: satu per pihak)."""
    meterai: Annotated[YaTidak, BeforeValidator(_default_yes)] = True
    """Asli bermeterai cukup."""




class Bahasa(Base):
    """The languages of the text and the one that prevails where the texts differ."""

    naskah: Annotated[Annotated[list[KodeBahasa], Field(min_length=1, max_length=4)] | None,
                      _Empty] = _wajib()
    """Bahasa naskah perjanjian (kode ISO 639-1), mis. [id, en] atau [id, en, ko]; bahasa
    Indonesia selalu termasuk."""
    berlaku: Annotated[KodeBahasa | None, _Blank] = _wajib()
    """Bahasa naskah yang berlaku dalam hal terjadi perbedaan penafsiran, mis. en."""

    @model_validator(mode="after")
    def _prevailing_is_a_text(self) -> Bahasa:
        if self.naskah and len(set(self.naskah)) != len(self.naskah):
            raise PydanticCustomError("language_twice", "a language is named twice")
        if self.naskah and self.berlaku and self.berlaku not in self.naskah:
            raise PydanticCustomError("language_prevailing_not_a_text", "not a text", {
                "berlaku": self.berlaku, "naskah": ", ".join(self.naskah)})
        return self


class Rujukan(Base):
    """A record kept with the input, not printed in the draft: a letter's number and date."""

    nomor: Sebutan = _wajib()
    """Nomor surat atau berita acara."""
    tanggal: TanggalIsian = _wajib()
    """Tanggal surat atau berita acara."""


class Konsultasi(Base):
    """The consultation with the two ministries before a letter of intent is signed."""

    kementerian_dalam_negeri: Annotated[Rujukan | None, _Part] = None
    """Surat atau berita acara koordinasi dan konsultasi dengan Kementerian Dalam Negeri."""
    kementerian_luar_negeri: Annotated[Rujukan | None, _Part] = None
    """Surat atau berita acara koordinasi dan konsultasi dengan Kementerian Luar Negeri."""
