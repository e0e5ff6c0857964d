"""Commented input skeletons for ``pkgen new``: every key, explained, values left to fill in.

Empty values (``nama:``) make ``pkgen validate`` report what is still to be filled in.
"""

from __future__ import annotations

import os
from pathlib import Path

from .context import term_end
from .emit import agreement_yaml
from .model import Ksb
from .schema import SCHEMA_FILE

_PARTY = """\
  - nama:              # ISI: pemerintah daerah atau badan, mis. Pemerintah Kota Mojokerto
    bentuk: {bentuk}  # pemerintah_daerah | badan_usaha | organisasi | pemerintah_asing
                       # | lembaga_asing
    unit:              # perangkat daerah / unit yang melaksanakan (boleh dihapus)
    nomor:             # nomor {dokumen} pada pihak ini (boleh dikosongkan sampai penomoran)
    alamat:            # ISI: alamat kedudukan
    penandatangan:
      nama:            # ISI: nama lengkap dengan gelar
      jabatan:         # ISI: jabatan, mis. Kepala Dinas Lingkungan Hidup Kota Mojokerto
      nip:             # NIP bagi ASN (boleh dihapus)
    kewenangan:
      dasar: {dasar}   # jabatan (kepala daerah) | surat_kuasa | akta | keputusan
{kewenangan}{hak_kewajiban}"""

_KUASA = """\
      pemberi:         # ISI: pemberi kuasa, mis. Wali Kota Mojokerto
      nomor:           # ISI: nomor surat kuasa
      tanggal:         # ISI: tanggal surat kuasa, TTTT-BB-HH
"""

_AKTA = """\
      keterangan:      # ISI: mis. Pendirian PT ... yang dibuat di hadapan Notaris ...
      nomor:           # ISI: nomor akta
      tanggal:         # ISI: tanggal akta, TTTT-BB-HH
"""

_HAK = """\
    hak:               # ISI: hak pihak ini, satu butir per baris
      -
    kewajiban:         # ISI: kewajiban pihak ini, satu butir per baris
      -
"""

_HEAD = """\
# yaml-language-server: $schema={schema}
# Masukan {judul} untuk pkgen. Isi setiap nilai yang kosong (bertanda ISI), lalu periksa
# dengan:  pkgen validate {nama_berkas}
# (Editor seperti VS Code dengan ekstensi YAML melengkapi dan memeriksa isian bila berkas skema
# dibuat di folder ini:  pkgen schema -o pkgen.schema.json)
# Tanggal ditulis TTTT-BB-HH (mis. 2020-11-16). Daftar ditulis satu butir per baris "- ".
dokumen: {dokumen}
jenis: {jenis}           # KSDD | KSDPK | KSDPL | KSDLL
tentang:               # ISI: judul kerja sama, mis. Pemanfaatan Bersama TPA Regional
label_pihak: PERTAMA   # PERTAMA (PIHAK PERTAMA, KEDUA) | KESATU (PIHAK KESATU, KEDUA)
kertas: A4             # A4 | F4
penandatanganan:
  tempat:              # ISI: kota tempat penandatanganan
  tanggal:             # tanggal penandatanganan (boleh dikosongkan dalam draf)
pihak:                 # dua pihak atau lebih, sesuai urutan PIHAK PERTAMA, KEDUA, ...
"""

_PKS_KSB = """\
ksb:                   # Kesepakatan Bersama yang ditindaklanjuti: rujuk berkasnya ...
  berkas:              # ISI: mis. ksb-tpa.yaml (relatif terhadap berkas ini)
  # ... atau hapus 'berkas' dan tulis langsung:
  # nomor: [nomor pada PIHAK PERTAMA, nomor pada PIHAK KEDUA]
  # tanggal: 2019-10-28
  # tentang: Kerja Sama ...
  # berakhir: 2024-10-27
"""

_BODY = """\
dasar_hukum:           # ISI: peraturan yang menjadi dasar, satu per baris
  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
  - Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah
# persetujuan_dprd:    # bila ada: nomor, tanggal, tentang
maksud_tujuan:
  maksud:              # ISI
  tujuan:              # ISI: satu tujuan per baris
    -
objek:                 # ISI: objek kerja sama
ruang_lingkup:         # ISI: satu butir per baris
  -
pembiayaan:
  sumber:              # APBD (dengan nomor pihak) | PIHAK_KETIGA | LAINNYA (dengan keterangan)
    - jenis: APBD
      pihak: 1
  # jumlah: 1250000000              # rupiah, tanpa titik
  # dalam_apbd_tahun_berjalan: true
  # rujukan_anggaran: DPA ... Tahun Anggaran ...
jangka_waktu:
  # mulai: 2021-01-01  # bila kosong: sejak ditandatangani
  berakhir:            # ISI: tanggal berakhir, ATAU hapus dan tulis 'lama: {{tahun: 3}}'
  perpanjangan:
    pemberitahuan_hari: 90
"""

_PKS_BODY = """\
keadaan_kahar:
  peristiwa:           # ISI: peristiwa yang termasuk keadaan kahar
    - bencana alam
  batas_pemberitahuan_hari: 14
  akibat:              # akibat keadaan kahar (boleh dihapus)
    -
penyelesaian_perselisihan:
  musyawarah_hari: 30
  forum: {forum}       # {forums}
{nama_forum}pengakhiran:
  sebab:               # ISI: sebab berakhirnya perjanjian
    - jangka waktu Perjanjian berakhir dan tidak diperpanjang
    - kesepakatan PARA PIHAK
  pemberitahuan_hari: 30
# Bagian pilihan; hapus tanda # untuk memakainya:
# pelaksanaan: [...]
# sanksi: [...]
# monitoring_evaluasi: [...]
# korespondensi:
#   - pihak: 1
#     alamat: ...
# perubahan: []
# lain_lain: [...]
penutup:
  meterai: true
"""

_FORUMS = {
    "KSDD": ("GUBERNUR", "GUBERNUR | MENTERI_DALAM_NEGERI",
             "  nama_forum:          # ISI: mis. Gubernur Jawa Timur\n"),
    "KSDPK": ("PENGADILAN_NEGERI", "MEDIASI | ARBITRASE | PENGADILAN_NEGERI",
              "  nama_forum:          # ISI: mis. Pengadilan Negeri Mojokerto\n"),
    "KSDPL": ("KONSULTASI", "KONSULTASI | ARBITRASE", ""),
    "KSDLL": ("KONSULTASI", "KONSULTASI | ARBITRASE", ""),
}


def skeleton(dokumen: str = "PKS", jenis: str = "KSDD", file_name: str = "masukan.yaml") -> str:
    """Return the commented skeleton for a ``dokumen`` (PKS or KSB) of kind ``jenis``."""
    pks = dokumen == "PKS"
    judul = "Perjanjian Kerja Sama" if pks else "Kesepakatan Bersama"
    second = "badan_usaha" if jenis == "KSDPK" else (
        "pemerintah_asing" if jenis == "KSDPL" else
        "lembaga_asing" if jenis == "KSDLL" else "pemerintah_daerah")
    parties = []
    for bentuk in ("pemerintah_daerah", second):
        if bentuk == "pemerintah_daerah":
            dasar, kewenangan = ("surat_kuasa", _KUASA) if pks else ("jabatan", "")
        else:
            dasar, kewenangan = ("akta", _AKTA) if bentuk == "badan_usaha" else ("jabatan", "")
        parties.append(_PARTY.format(
            bentuk=bentuk, dokumen=dokumen, dasar=dasar, kewenangan=kewenangan,
            hak_kewajiban=_HAK if pks else ""))
    text = _HEAD.format(judul=judul, nama_berkas=file_name, dokumen=dokumen, jenis=jenis,
                        schema=SCHEMA_FILE)
    text += "".join(parties)
    if pks:
        text += _PKS_KSB
    text += _BODY
    if pks:
        forum, forums, nama = _FORUMS[jenis]
        text += _PKS_BODY.format(forum=forum, forums=forums, nama_forum=nama)
    else:
        text += "bentuk_kerja_sama:     # bentuk kerja sama (boleh dihapus)\n  -\n"
        text += "# tahun_anggaran_mulai: 2020\npenutup:\n  meterai: true\n"
    return text


def from_ksb(ksb: Ksb, ksb_path: Path, output: Path) -> str:
    """A PKS input pre-filled from its KSB, with what the OPD must still supply marked ISI.

    Taken over: the parties (with a surat kuasa from the KSB's signatory to fill in), the KSB
    reference, the legal basis, purpose, object and scope (to narrow down), the sources of
    funds and the KSB's end as the latest end of the PKS.
    """
    parties = []
    for p in ksb.pihak:
        parties.append({
            "nama": p.nama, "bentuk": p.bentuk, "unit": None, "nomor": None,
            "alamat": p.alamat,
            "penandatangan": {"nama": None, "jabatan": None, "nip": None},
            "kewenangan": {"dasar": "surat_kuasa", "pemberi": p.penandatangan.jabatan,
                           "nomor": None, "tanggal": None} if p.pemerintah else
                          p.kewenangan.model_dump(exclude_none=True),
            "hak": [None], "kewajiban": [None],
        })
    relative = os.path.relpath(ksb_path.resolve(), output.resolve().parent)
    forum = _FORUMS[ksb.jenis.value][0]
    data = {
        "dokumen": "PKS", "jenis": ksb.jenis.value, "tentang": ksb.tentang,
        "penandatanganan": {"tempat": ksb.penandatanganan.tempat, "tanggal": None},
        "pihak": parties,
        "ksb": {"berkas": Path(relative).as_posix()},
        "dasar_hukum": list(ksb.dasar_hukum or []),
        "maksud_tujuan": ksb.maksud_tujuan.model_dump(exclude_none=True)
        if ksb.maksud_tujuan else {"maksud": None, "tujuan": [None]},
        "objek": ksb.objek,
        "ruang_lingkup": list(ksb.ruang_lingkup or [None]),
        "pembiayaan": {"sumber": [s.model_dump(exclude_none=True)
                                  for s in ksb.pembiayaan.sumber]} if ksb.pembiayaan else None,
        "jangka_waktu": {"mulai": None, "berakhir": term_end(ksb)},
        "keadaan_kahar": {"peristiwa": [None], "batas_pemberitahuan_hari": None},
        "penyelesaian_perselisihan": {"musyawarah_hari": 30, "forum": forum,
                                      "nama_forum": None},
        "pengakhiran": {"sebab": [None], "pemberitahuan_hari": None},
    }
    notes = {
        "tentang": "ISI: judul PKS (lebih khusus dari judul KSB).",
        "pihak": "ISI untuk setiap pihak: unit (perangkat daerah), nomor, penandatangan, nomor "
                 "dan tanggal surat kuasa, hak dan kewajiban.",
        "maksud_tujuan": "Dari KSB: persempit sesuai PKS ini.",
        "objek": "Dari KSB: persempit sesuai PKS ini.",
        "ruang_lingkup": "Dari KSB: persempit sesuai PKS ini.",
        "jangka_waktu": "ISI mulai; 'berakhir' adalah batas KSB: PKS tidak boleh melampauinya.",
        "keadaan_kahar": "ISI: peristiwa keadaan kahar dan batas pemberitahuan (hari).",
        "penyelesaian_perselisihan": "ISI nama forum (mis. Gubernur Jawa Timur).",
        "pengakhiran": "ISI: sebab berakhirnya perjanjian dan batas pemberitahuan (hari).",
    }
    header = [f"PKS yang menindaklanjuti KSB {ksb_path.name}, dibuat oleh pkgen.",
              "Bagian bertanda ISI dilengkapi oleh perangkat daerah; lalu: pkgen check "
              f"{output.name}"]
    data = {k: v for k, v in data.items() if v is not None}
    return agreement_yaml(data, header, notes)
