"""The layout of the Excel form: its sheets and where each value goes.

The layout says only where a value is and how it is labelled. What the value is — its kind
(date, amount, yes/no, a choice and its choices, a list), whether a complete agreement needs
it, and whether a PKS or a KSB has it — is read from the model, so the form cannot disagree
with it. A part of the model the layout does not place (a new article) gets rows of its own on
the sheet "Pasal Lain".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from ..model import BAHASA, MODELS, ORDER, RECORD, Ksb, Loi, Pks
from ..model.fields import field_at, inner_model, kind_of, needs_translation
from ..model.rules import FOREIGN, is_required
from ..translations import languages_in

#: Cells whose text must stay as typed: Excel would turn 0321… or 1/2 into a number or date.
TEXT_KINDS = ("text", "long", "list", "nip", "phone")
#: Cells that must never hold a number: digits past the 15th, or a leading zero, are lost.
IDENTIFIER_KINDS = ("nip", "phone")
#: Values that may be given per language (see :mod:`pkgen.translations`).
LANGUAGE_KINDS = ("text", "long", "list", "phone")
#: The heading of a field sheet's hidden column of key paths.
KEY_HEADER = "kunci"


@dataclass(frozen=True)
class Spec:
    """One value of the form: its key path, label, kind and choices."""

    key: str  # dotted key path; a trailing [] marks a list of rows
    label: str
    kind: str = "text"  # text, long, date, int, money, bool, choice, list, nip, phone
    choices: tuple[str, ...] = ()
    required: bool = False
    rows: int = 1  # list slots written in a blank form
    only: str | None = None  # "PKS" or "KSB"
    translated: bool = False  # written in each language of a foreign agreement


@dataclass(frozen=True)
class Sheet:
    """A sheet of the form: field rows, or a table of items."""

    title: str
    specs: tuple[Spec, ...]
    table: str | None = None  # the key of the list of items, for a table sheet
    rows: int = 0  # item rows written in a blank form
    only: str | None = None


#: Each sheet: title, its entries, and for a table the key of its items and the item rows
#: of a blank form. An entry is (key, label) or (key, label, rows), a key ending in [] being
#: a list given one item per row; a Spec stands for a value that is not a field of the model.
_LAYOUT: tuple[tuple[str, tuple, str | None, int], ...] = (
    ("Umum", (
        ("dokumen", "Jenis dokumen"), ("jenis", "Jenis kerja sama"),
        ("tentang", "Judul kerja sama (tentang)"), ("label_pihak", "Sebutan pihak"),
        ("kertas", "Ukuran kertas"), ("penandatanganan.tempat", "Tempat penandatanganan"),
        ("penandatanganan.tanggal", "Tanggal penandatanganan"),
        ("tahun_anggaran_mulai", "Tahun anggaran mulai"),
        ("penutup.rangkap", "Jumlah rangkap asli"), ("penutup.meterai", "Asli bermeterai cukup"),
    ), None, 0),
    ("Para Pihak", (
        ("nama", "Pemerintah daerah / badan"), ("bentuk", "Bentuk"),
        ("unit", "Perangkat daerah / unit"), ("nomor", "Nomor perjanjian pada pihak ini"),
        ("alamat", "Alamat"), ("penandatangan.nama", "Nama penandatangan"),
        ("penandatangan.jabatan", "Jabatan penandatangan"), ("penandatangan.nip", "NIP"),
        ("kewenangan.dasar", "Dasar kewenangan"),
        ("kewenangan.nomor", "Nomor surat kuasa / akta"),
        ("kewenangan.tanggal", "Tanggal surat kuasa / akta"),
        ("kewenangan.pemberi", "Pemberi kuasa"), ("kewenangan.notaris", "Notaris (akta)"),
        ("kewenangan.pengesahan", "Pengesahan Menteri Hukum dan HAM (AHU-…)"),
        ("kewenangan.perubahan.nomor", "Akta perubahan terakhir: nomor"),
        ("kewenangan.perubahan.tanggal", "Akta perubahan terakhir: tanggal"),
        ("kewenangan.perubahan.notaris", "Akta perubahan terakhir: notaris"),
        ("kewenangan.keterangan", "Jenis akta / keputusan"),
        ("persetujuan_dprd.nomor", "Persetujuan DPRD: nomor"),
        ("persetujuan_dprd.tanggal", "Persetujuan DPRD: tanggal"),
        ("persetujuan_dprd.tentang", "Persetujuan DPRD: tentang"),
        ("lambang", "Berkas lambang (PNG/JPEG)"),
        Spec("ksb_nomor", "Nomor KSB pada pihak ini", only="PKS"),
        ("negara", "Negara (pihak luar negeri)"),
        ("kuasa_penuh.nomor", "Kuasa penuh Menteri Luar Negeri: nomor"),
        ("kuasa_penuh.tanggal", "Kuasa penuh Menteri Luar Negeri: tanggal"),
        ("kuasa_penuh.tentang", "Kuasa penuh Menteri Luar Negeri: hal"),
    ), "pihak", 4),
    ("KSB", (
        ("ksb.berkas", "Berkas masukan KSB (bila ada)"), ("ksb.tanggal", "Tanggal KSB"),
        ("ksb.tentang", "Judul KSB"), ("ksb.berakhir", "KSB berakhir pada"),
    ), None, 0),
    ("Dasar Hukum", (
        ("pertimbangan[]", "Pertimbangan (bahwa …)", 4), ("dasar_hukum[]", "Dasar hukum", 10),
    ), None, 0),
    ("Objek dan Ruang Lingkup", (
        ("maksud_tujuan.maksud", "Maksud"), ("maksud_tujuan.tujuan[]", "Tujuan", 6),
        ("objek", "Objek (lanjutan 'Objek Perjanjian ini adalah …')"),
        ("ruang_lingkup[]", "Ruang lingkup", 8), ("bentuk_kerja_sama[]", "Bentuk kerja sama", 4),
        ("pelaksanaan[]", "Pelaksanaan (ayat)", 4),
    ), None, 0),
    ("Hak dan Kewajiban", (
        Spec("pihak", "Pihak ke- (1, 2, …)", "int", required=True),
        Spec("jenis", "Hak / kewajiban", "choice", ("hak", "kewajiban"), True),
        Spec("teks", "Isi (satu butir per baris)", "long", required=True, translated=True),
    ), "hak_kewajiban", 30),
    ("Sumber Dana", (
        ("jenis", "Sumber"), ("pihak", "Pihak ke- (untuk APBD / pihak ketiga)"),
        ("keterangan", "Keterangan (untuk LAINNYA)"), ("jumlah", "Bagian biaya (rupiah)"),
        ("rujukan_anggaran", "Rujukan DPA / RKPD"),
        ("dalam_apbd_tahun_berjalan", "Sudah dalam APBD tahun berjalan"),
        ("tahun_anggaran", "Tahun anggaran (bila belum)"),
    ), "pembiayaan.sumber", 5),
    ("Pembiayaan", (
        ("pembiayaan.jumlah", "Jumlah seluruhnya (rupiah)"),
        ("pembiayaan.ketentuan[]", "Ketentuan pembiayaan lain (ayat)", 3),
    ), None, 0),
    ("Jangka Waktu", (
        ("jangka_waktu.mulai", "Mulai berlaku (kosong: sejak ditandatangani)"),
        ("jangka_waktu.berakhir", "Berakhir pada (atau isi lama)"),
        ("jangka_waktu.lama.tahun", "Lama: tahun"), ("jangka_waktu.lama.bulan", "Lama: bulan"),
        ("jangka_waktu.perpanjangan.pemberitahuan_hari", "Perpanjangan: pemberitahuan (hari)"),
        ("jangka_waktu.perpanjangan.ketentuan", "Perpanjangan: ketentuan lain"),
    ), None, 0),
    ("Keadaan Kahar", (
        ("keadaan_kahar.peristiwa[]", "Peristiwa keadaan kahar", 6),
        ("keadaan_kahar.batas_pemberitahuan_hari", "Batas pemberitahuan (hari)"),
        ("keadaan_kahar.akibat[]", "Akibat keadaan kahar", 3),
    ), None, 0),
    ("Perselisihan dan Pengakhiran", (
        ("penyelesaian_perselisihan.musyawarah_hari", "Musyawarah paling lama (hari)"),
        ("penyelesaian_perselisihan.forum", "Forum setelah musyawarah"),
        ("penyelesaian_perselisihan.nama_forum", "Nama forum"),
        ("pengakhiran.sebab[]", "Sebab berakhirnya perjanjian", 6),
        ("pengakhiran.pemberitahuan_hari", "Pemberitahuan pengakhiran (hari)"),
    ), None, 0),
    ("Pasal Lain", (
        ("sanksi[]", "Sanksi (ayat)", 4),
        ("monitoring_evaluasi[]", "Monitoring dan evaluasi (ayat)", 3),
        Spec("perubahan", "Sertakan pasal perubahan (adendum)", "bool"),
        ("perubahan[]", "Perubahan: ayat tambahan", 2), ("lain_lain[]", "Lain-lain (ayat)", 3),
    ), None, 0),
    ("Korespondensi", (
        ("pihak", "Pihak ke-"), ("alamat", "Alamat surat-menyurat"),
        ("untuk_perhatian", "Untuk perhatian (u.p.)"), ("telepon", "Telepon"),
        ("email", "Surel"),
    ), "korespondensi", 4),
    ("Riwayat", (
        ("persetujuan_pusat.nomor", "Persetujuan Pemerintah Pusat (luar negeri): nomor"),
        ("persetujuan_pusat.tanggal", "Persetujuan Pemerintah Pusat (luar negeri): tanggal"),
        ("persetujuan_pusat.tentang", "Persetujuan Pemerintah Pusat (luar negeri): perihal"),
        ("memperpanjang", "Memperpanjang perjanjian (berkas masukannya)"),
        ("diakhiri.tanggal", "Diakhiri lebih awal pada tanggal"),
        ("diakhiri.alasan", "Alasan diakhiri lebih awal"),
    ), None, 0),
    ("Evaluasi", (
        ("periode", "Periode evaluasi"), ("pelaksanaan", "Pelaksanaan"),
        ("realisasi", "Realisasi"), ("kendala", "Kendala / permasalahan"),
        ("tindak_lanjut", "Tindak lanjut"), ("batas_tindak_lanjut", "Batas waktu tindak lanjut"),
        ("selesai", "Tindak lanjut selesai"),
    ), "evaluasi", 4),
)
#: Parts not asked for in the form: they are written with the form's own tables.
_NOT_ASKED = {"pihak", "korespondensi", "dokumen"}


@cache
def sheets() -> tuple[Sheet, ...]:
    """The sheets of the form, each value described from the model."""
    out = []
    for title, entries, table, rows in _LAYOUT:
        specs = tuple(e if isinstance(e, Spec) else _spec(table, *e) for e in entries)
        if title == "Pasal Lain":
            specs += _unplaced()
        out.append(Sheet(title, specs, table, rows, _only(table) if table else _common(specs)))
    return tuple(out)


def _spec(table: str | None, key: str, label: str, rows: int = 1) -> Spec:
    keys = tuple(key.removesuffix("[]").split("."))
    where = tuple(table.split(".")) if table else ()
    kinds = {}
    for name, model in MODELS.items():
        info = field_at(model, where + keys)
        if info is not None:
            kinds[name] = (model, info)
    if not kinds:
        raise LookupError(f"the form places {'.'.join(where + keys)}, which the model lacks")
    model, info = next(iter(kinds.values()))
    kind, choices = kind_of(info)
    for _model, other in list(kinds.values())[1:]:  # a choice of either document: PKS, KSB
        choices += tuple(c for c in kind_of(other)[1] if c not in choices)
    base: type[BaseModel] | None = model
    if where:  # a table: the model of its rows
        rows_field = field_at(model, where)
        assert rows_field is not None  # where + keys was found in model, so where was too
        base = inner_model(rows_field.annotation)
    translated = needs_translation(info) and (where or keys)[0] not in RECORD
    return Spec(key, label, kind, choices, _required(base, keys), rows,
                next(iter(kinds)) if len(kinds) == 1 else None, translated)


def _required(model: type[BaseModel] | None, keys: tuple[str, ...]) -> bool:
    """Needed by a complete agreement (or, in a table, by a row in use) all the way down."""
    infos = [field_at(model, keys[:end]) for end in range(1, len(keys) + 1)] if model else []
    return bool(infos) and all(i is not None and (is_required(i) or i.is_required())
                               for i in infos)


def _placed() -> set[str]:
    placed = {table for _t, _e, table, _r in _LAYOUT if table}
    for _title, entries, table, _rows in _LAYOUT:
        if not table:
            placed |= {(e.key if isinstance(e, Spec) else e[0]).removesuffix("[]").split(".")[0]
                       for e in entries}
    return placed | _NOT_ASKED | {"hak_kewajiban"}


def _unplaced() -> tuple[Spec, ...]:
    """Rows for the top-level parts of the model that no sheet places (a new article): one
    per value, a part made of several values giving a row to each."""
    placed = _placed()
    out: list[Spec] = []
    for key in ORDER:
        if key not in placed:
            out += _leaves((key,))
    return tuple(out)


def _leaves(keys: tuple[str, ...]) -> list[Spec]:
    info = field_at(Pks, keys) or field_at(Ksb, keys) or field_at(Loi, keys)
    inner = inner_model(info.annotation) if info else None
    if inner is not None:
        return [spec for name in inner.model_fields for spec in _leaves((*keys, name))]
    kind = kind_of(info)[0] if info else "text"
    label = ": ".join(k.replace("_", " ") for k in keys).capitalize()
    if kind == "list":
        return [_spec(None, ".".join(keys) + "[]", label + " (ayat)", 3)]
    return [_spec(None, ".".join(keys), label)]


def _only(table: str) -> str | None:
    present = [name for name, model in MODELS.items()
               if field_at(model, tuple(table.split("."))) is not None]
    if table == "hak_kewajiban":
        return "PKS"
    return present[0] if len(present) == 1 else None


def _common(specs: tuple[Spec, ...]) -> str | None:
    """A sheet whose every value belongs to one kind of document belongs to it too."""
    kinds = {s.only for s in specs}
    return kinds.pop() if len(kinds) == 1 else None


def applies(only: str | None, dokumen: str) -> bool:
    """Whether a sheet or value marked ``only`` belongs in a form for ``dokumen``."""
    return only is None or only == dokumen


def value_at(data: dict | None, key: str):
    """The value at a dotted key path of plain data ([] ignored), or None."""
    current = data
    for part in key.replace("[]", "").split("."):
        if not isinstance(current, dict):
            return None
        current = current.get(part)
    return current


def form_languages(data: dict | None) -> tuple[str, ...]:
    """The languages besides Indonesian that a form for ``data`` has columns for: those
    ``bahasa.naskah`` declares (English for a foreign cooperation that declares none), then
    any other that a text of ``data`` is given in."""
    data = data or {}
    declared = value_at(data, "bahasa.naskah")
    declared = [str(c) for c in declared] if isinstance(declared, list) else []
    if not declared and str(data.get("jenis", "")).strip().upper() in FOREIGN:
        declared = ["id", "en"]
    codes = [c for c in declared if c in BAHASA] + sorted(languages_in(data))
    return tuple(dict.fromkeys(c for c in codes if c != "id"))


def language_title(code: str) -> str:
    """The heading of the column of texts in ``code``: "Bahasa Inggris"."""
    name = BAHASA[code]["id"]
    return name[0].upper() + name[1:]


def language_of(title: object) -> str | None:
    """The language whose column is headed ``title``, or None."""
    text = str(title or "").strip().lower()
    return next((code for code in BAHASA if BAHASA[code]["id"].lower() == text), None)
