"""Commented input skeletons for ``pkgen new``, generated from the model.

Every key of the agreement, in document order, under a comment saying what it holds (the
model's Indonesian field description) and whether a complete agreement needs it. Values are
left empty except the choices that have a usual answer; an empty value is "not filled in
yet", so a fresh skeleton loads, ``pkgen validate`` lists what is still missing, and
``pkgen render --allow-incomplete`` makes a draft marked DRAF — BELUM LENGKAP.
"""

from __future__ import annotations

import os
import textwrap
import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .emit import agreement_yaml
from .model import MODELS, ORDER, Ksb, is_required, term_end
from .schema import SCHEMA_FILE

WIDTH = 96
#: Examples shown under a key's description, as YAML that loads (a test loads each).
EXAMPLES = {
    "dasar_hukum": "dasar_hukum:\n  - Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja "
                   "Sama Daerah",
    "jangka_waktu.lama": "lama:\n  tahun: 3\n  bulan: 6",
    "perubahan": "perubahan: []",
    "keadaan_kahar.peristiwa": "peristiwa:\n  - bencana alam\n  - kebakaran",
    "pengakhiran.sebab": "sebab:\n  - jangka waktu Perjanjian berakhir",
    "pembiayaan.sumber": "sumber:\n  - jenis: APBD\n    pihak: 1",
    "pembiayaan.jumlah": "jumlah: Rp1.250.000.000,00",
    "penandatanganan.tanggal": "tanggal: 16 November 2020",
}
#: Forums that fit each jenis (see the rulebook's dispute-forum rule).
FORUMS = {
    "KSDD": "GUBERNUR | MENTERI_DALAM_NEGERI",
    "KSDPK": "MEDIASI | ARBITRASE | PENGADILAN_NEGERI",
    "KSDPL": "KONSULTASI",
    "KSDLL": "KONSULTASI",
}
_PARTNER = {"KSDD": "pemerintah_daerah", "KSDPK": "badan_usaha", "KSDPL": "pemerintah_asing",
            "KSDLL": "lembaga_asing"}
#: Keys only an agreement with a foreign partner has: left out of the other skeletons.
FOREIGN_ONLY = {"bahasa", "persetujuan_pusat", "surat_konfirmasi", "konsultasi", "negara",
                "kuasa_penuh"}
TITLES = {"PKS": "Perjanjian Kerja Sama", "KSB": "Kesepakatan Bersama",
          "LOI": "Pernyataan Kehendak"}


def skeleton(dokumen: str = "PKS", jenis: str = "KSDD", file_name: str = "masukan.yaml") -> str:
    """Return the commented skeleton for a ``dokumen`` (PKS or KSB) of kind ``jenis``."""
    model = MODELS[dokumen]
    judul = TITLES[dokumen]
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        f"# Masukan {judul} untuk pkgen. Isi nilai yang kosong; bagian bertanda (wajib)",
        "# diperlukan perjanjian yang lengkap. Periksa dengan:",
        f"#   pkgen validate {file_name}",
        "# Tanggal: 2020-11-16, 16/11/2020 atau 16 November 2020. Daftar: satu butir per baris",
        "# yang diawali '- '. Teks yang memuat ': ' atau ' #' diberi tanda kutip \"…\".",
    ]
    foreign = jenis in ("KSDPL", "KSDLL")
    if foreign:
        lines += [
            "# Kerja sama luar negeri: setiap teks (kecuali nama orang, nomor, alamat, surel,",
            "# telepon) ditulis dalam setiap bahasa naskah, mis. tentang: {id: …, en: …}.",
        ]
    presets = _presets(dokumen, jenis)
    writer = _Writer(lines, presets, () if foreign else FOREIGN_ONLY)
    for key in ORDER:
        if key in model.model_fields and key not in writer.skip:
            writer.field(model.model_fields[key], key, (key,), 0)
    return "\n".join(lines) + "\n"


def _presets(dokumen: str, jenis: str) -> dict[str, object]:
    partner = _PARTNER[jenis]
    presets: dict[str, object] = {"dokumen": dokumen, "jenis": jenis, "label_pihak": "PERTAMA",
                                  "kertas": "A4", "penutup.meterai": "true"}
    for i, bentuk in enumerate(("pemerintah_daerah", partner)):
        presets[f"pihak[{i}].bentuk"] = bentuk
        presets[f"pihak[{i}].kewenangan.dasar"] = (
            "akta" if bentuk == "badan_usaha" else
            "surat_kuasa" if dokumen == "PKS" and bentuk == "pemerintah_daerah" else "jabatan")
    presets["penyelesaian_perselisihan.forum#"] = f"Pilihan: {FORUMS[jenis]}."
    if jenis in ("KSDPL", "KSDLL"):  # signed by the head of region, in two languages
        presets["pihak[0].kewenangan.dasar"] = "jabatan"
        presets["bahasa.naskah"] = "[id, en]"
        presets["bahasa.berlaku"] = "en"
        presets["penyelesaian_perselisihan.forum"] = "KONSULTASI"
    if jenis == "KSDPK":
        presets["sanksi#"] = "(wajib bagi kerja sama dengan pihak ketiga: PP 28/2018 Pasal 19 " \
                             "ayat (2) huruf d)"
    return presets


class _Writer:
    def __init__(self, lines: list[str], presets: dict[str, object],
                 skip: tuple[str, ...] | set[str] = ()) -> None:
        self.lines, self.presets, self.skip = lines, presets, set(skip)

    def comment(self, info: FieldInfo, dotted: str, indent: int) -> None:
        text = " ".join((info.description or "").split())
        if is_required(info):
            text += " (wajib)"
        if dotted + "#" in self.presets:
            text += f" {self.presets[dotted + '#']}"
        pad = " " * indent
        self.lines += textwrap.wrap(text + (" Contoh:" if dotted in EXAMPLES else ""), WIDTH,
                                    initial_indent=pad + "# ", subsequent_indent=pad + "# ")
        self.lines += [f"{pad}#   {line}" for line in EXAMPLES.get(dotted, "").splitlines()]

    def field(self, info: FieldInfo, key: str, loc: tuple, indent: int, dash: bool = False) -> None:
        dotted = ".".join(str(p) for p in loc if not isinstance(p, int))
        indexed = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
        self.comment(info, dotted, indent)
        lead = " " * indent + ("- " if dash else "")
        inner = indent + (2 if dash else 0)
        model, is_list = _shape(info.annotation)
        if model is not None and is_list:
            self.lines.append(f"{lead}{key}:")
            for i in range(2 if key == "pihak" else 1):
                self.item(model, (*loc, i), inner + 2)
        elif model is not None:
            self.lines.append(f"{lead}{key}:")
            for name, sub in model.model_fields.items():
                if name not in self.skip:
                    self.field(sub, name, (*loc, name), inner + 2)
        elif is_list and dotted not in self.presets:
            self.lines += [f"{lead}{key}:", " " * (inner + 2) + "-"]
        else:
            value = self.presets.get(indexed, self.presets.get(dotted, ""))
            self.lines.append(f"{lead}{key}: {value}".rstrip())

    def item(self, model: type[BaseModel], loc: tuple, indent: int) -> None:
        fields = [(name, sub) for name, sub in model.model_fields.items() if name not in self.skip]
        for n, (name, sub) in enumerate(fields):
            self.field(sub, name, (*loc, name), indent + (2 if n else 0), dash=n == 0)


def _shape(annotation: object) -> tuple[type[BaseModel] | None, bool]:
    """(the model inside ``annotation`` or None, whether it is a list)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = typing.get_origin(annotation)
    found: type[BaseModel] | None = None
    is_list = origin is list
    for arg in typing.get_args(annotation):
        model, inner_list = _shape(arg)
        found = found or model
        is_list = is_list or inner_list
    return found, is_list


def from_ksb(ksb: Ksb, ksb_path: Path, output: Path) -> str:
    """A PKS input pre-filled from its KSB, with what the OPD must still supply marked ISI.

    Taken over: the parties (with a surat kuasa from the KSB's signatory to fill in), the KSB
    reference, the legal basis, purpose, object and scope (to narrow down), the sources of
    funds and the KSB's end as the latest end of the PKS.
    """
    parties = []
    for p in ksb.pihak:
        signer = p.penandatangan
        parties.append({
            "nama": p.nama, "bentuk": p.bentuk, "unit": None, "nomor": None,
            "alamat": p.alamat,
            "penandatangan": {"nama": None, "jabatan": None, "nip": None},
            "kewenangan": {"dasar": "surat_kuasa",
                           "pemberi": signer.jabatan if signer else None,
                           "nomor": None, "tanggal": None} if p.pemerintah else
                          p.kewenangan.model_dump(exclude_none=True),
            "hak": [None], "kewajiban": [None],
        })
    relative = os.path.relpath(ksb_path.resolve(), output.resolve().parent)
    data = {
        "dokumen": "PKS", "jenis": ksb.jenis.value, "tentang": ksb.tentang,
        "penandatanganan": {"tempat": ksb.penandatanganan.tempat if ksb.penandatanganan
                            else None, "tanggal": None},
        "pihak": parties,
        "ksb": {"berkas": Path(relative).as_posix()},
        "dasar_hukum": list(ksb.dasar_hukum) if ksb.dasar_hukum else [None],
        "maksud_tujuan": ksb.maksud_tujuan.model_dump(exclude_none=True)
        if ksb.maksud_tujuan else {"maksud": None, "tujuan": [None]},
        "objek": ksb.objek,
        "ruang_lingkup": list(ksb.ruang_lingkup) if ksb.ruang_lingkup else [None],
        "pembiayaan": {"sumber": [s.model_dump(exclude_none=True)
                                  for s in ksb.pembiayaan.sumber or []]}
        if ksb.pembiayaan else None,
        "jangka_waktu": {"mulai": None, "berakhir": term_end(ksb)},
        "keadaan_kahar": {"peristiwa": [None], "batas_pemberitahuan_hari": None},
        "penyelesaian_perselisihan": {"musyawarah_hari": None, "forum": None,
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
        "penyelesaian_perselisihan": f"ISI: musyawarah (hari) dan forum ({FORUMS[ksb.jenis]})"
                                     " dengan namanya (mis. Gubernur Jawa Timur).",
        "pengakhiran": "ISI: sebab berakhirnya perjanjian dan batas pemberitahuan (hari).",
    }
    header = [f"PKS yang menindaklanjuti KSB {ksb_path.name}, dibuat oleh pkgen.",
              "Bagian bertanda ISI dilengkapi oleh perangkat daerah; lalu: pkgen validate "
              f"{output.name}"]
    data = {k: v for k, v in data.items() if v is not None}
    return agreement_yaml(data, header, notes)
