"""The Excel input form for OPD staff: write it (blank or pre-filled), read it back.

A form has a sheet per part of the agreement. "Field" sheets list one value per row: label
(column A, locked), value (B), help (C, locked) and, hidden in column D, the key the value
belongs to. "Table" sheets have one item per row (a party, a right or obligation, a source of
funds, an address) under a header row, with the keys hidden in row 2. Rows can be added to
lists and tables; a value in a row without a key continues the list above it.
"""

from __future__ import annotations

import datetime as dt
import io
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import BaseModel

from . import values
from .errors import InputError, Problem
from .model import DOKUMEN, JENIS, BentukPihak, DasarKewenangan, Forum, Ksb, Pks

YA, TIDAK = "Ya", "Tidak"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFFFF2")
#: A required cell still empty: orange until it is filled in (conditional formatting).
TO_FILL = PatternFill("solid", fgColor="FCE4D6", bgColor="FCE4D6")
REQUIRED_FONT = Font(bold=True, color="C00000")
#: Cells whose text must stay as typed: Excel would turn 0321… or 1/2 into a number or date.
TEXT_KINDS = ("text", "long", "list", "nip", "phone")
#: Cells that must never hold a number: digits past the 15th, or a leading zero, are lost.
IDENTIFIER_KINDS = ("nip", "phone")


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


@dataclass(frozen=True)
class Sheet:
    """A sheet of the form: field rows, or a table of items."""

    title: str
    specs: tuple[Spec, ...]
    table: str | None = None  # the key of the list of items, for a table sheet
    rows: int = 0  # item rows written in a blank form
    only: str | None = None


_FORUMS = typing.get_args(Forum)
SHEETS: tuple[Sheet, ...] = (
    Sheet("Umum", (
        Spec("dokumen", "Jenis dokumen", "choice", DOKUMEN, True),
        Spec("jenis", "Jenis kerja sama", "choice", JENIS, True),
        Spec("tentang", "Judul kerja sama (tentang)", "long", required=True),
        Spec("label_pihak", "Sebutan pihak", "choice", ("PERTAMA", "KESATU")),
        Spec("kertas", "Ukuran kertas", "choice", ("A4", "F4")),
        Spec("penandatanganan.tempat", "Tempat penandatanganan", required=True),
        Spec("penandatanganan.tanggal", "Tanggal penandatanganan", "date"),
        Spec("tahun_anggaran_mulai", "Tahun anggaran mulai", "int", only="KSB"),
        Spec("penutup.rangkap", "Jumlah rangkap asli", "int"),
        Spec("penutup.meterai", "Asli bermeterai cukup", "bool"),
    )),
    Sheet("Para Pihak", (
        Spec("nama", "Pemerintah daerah / badan", required=True),
        Spec("bentuk", "Bentuk", "choice", typing.get_args(BentukPihak)),
        Spec("unit", "Perangkat daerah / unit"),
        Spec("nomor", "Nomor perjanjian pada pihak ini"),
        Spec("alamat", "Alamat", required=True),
        Spec("penandatangan.nama", "Nama penandatangan", required=True),
        Spec("penandatangan.jabatan", "Jabatan penandatangan", required=True),
        Spec("penandatangan.nip", "NIP", "nip"),
        Spec("kewenangan.dasar", "Dasar kewenangan", "choice", typing.get_args(DasarKewenangan)),
        Spec("kewenangan.nomor", "Nomor surat kuasa / akta"),
        Spec("kewenangan.tanggal", "Tanggal surat kuasa / akta", "date"),
        Spec("kewenangan.pemberi", "Pemberi kuasa"),
        Spec("kewenangan.notaris", "Notaris (akta)"),
        Spec("kewenangan.pengesahan", "Pengesahan Menteri Hukum dan HAM (AHU-…)"),
        Spec("kewenangan.perubahan.nomor", "Akta perubahan terakhir: nomor"),
        Spec("kewenangan.perubahan.tanggal", "Akta perubahan terakhir: tanggal", "date"),
        Spec("kewenangan.perubahan.notaris", "Akta perubahan terakhir: notaris"),
        Spec("kewenangan.keterangan", "Jenis akta / keputusan"),
        Spec("persetujuan_dprd.nomor", "Persetujuan DPRD: nomor", only="PKS"),
        Spec("persetujuan_dprd.tanggal", "Persetujuan DPRD: tanggal", "date", only="PKS"),
        Spec("persetujuan_dprd.tentang", "Persetujuan DPRD: tentang", only="PKS"),
        Spec("lambang", "Berkas lambang (PNG/JPEG)"),
        Spec("ksb_nomor", "Nomor KSB pada pihak ini", only="PKS"),
    ), table="pihak", rows=4),
    Sheet("KSB", (
        Spec("ksb.berkas", "Berkas masukan KSB (bila ada)"),
        Spec("ksb.tanggal", "Tanggal KSB", "date"),
        Spec("ksb.tentang", "Judul KSB"),
        Spec("ksb.berakhir", "KSB berakhir pada", "date"),
    ), only="PKS"),
    Sheet("Dasar Hukum", (
        Spec("pertimbangan[]", "Pertimbangan (bahwa …)", "list", rows=4),
        Spec("dasar_hukum[]", "Dasar hukum", "list", required=True, rows=10),
    )),
    Sheet("Objek dan Ruang Lingkup", (
        Spec("maksud_tujuan.maksud", "Maksud", "long", required=True),
        Spec("maksud_tujuan.tujuan[]", "Tujuan", "list", required=True, rows=6),
        Spec("objek", "Objek (lanjutan 'Objek Perjanjian ini adalah …')", "long", required=True),
        Spec("ruang_lingkup[]", "Ruang lingkup", "list", required=True, rows=8),
        Spec("bentuk_kerja_sama[]", "Bentuk kerja sama", "list", rows=4, only="KSB"),
        Spec("pelaksanaan[]", "Pelaksanaan (ayat)", "list", rows=4, only="PKS"),
    )),
    Sheet("Hak dan Kewajiban", (
        Spec("pihak", "Pihak ke- (1, 2, …)", "int", required=True),
        Spec("jenis", "Hak / kewajiban", "choice", ("hak", "kewajiban"), True),
        Spec("teks", "Isi (satu butir per baris)", "long", required=True),
    ), table="hak_kewajiban", rows=30, only="PKS"),
    Sheet("Sumber Dana", (
        Spec("jenis", "Sumber", "choice", ("APBD", "PIHAK_KETIGA", "LAINNYA"), True),
        Spec("pihak", "Pihak ke- (untuk APBD / pihak ketiga)", "int"),
        Spec("keterangan", "Keterangan (untuk LAINNYA)"),
        Spec("jumlah", "Bagian biaya (rupiah)", "money"),
        Spec("rujukan_anggaran", "Rujukan DPA / RKPD"),
        Spec("dalam_apbd_tahun_berjalan", "Sudah dalam APBD tahun berjalan", "bool"),
        Spec("tahun_anggaran", "Tahun anggaran (bila belum)", "int"),
    ), table="pembiayaan.sumber", rows=5),
    Sheet("Pembiayaan", (
        Spec("pembiayaan.jumlah", "Jumlah seluruhnya (rupiah)", "money"),
        Spec("pembiayaan.ketentuan[]", "Ketentuan pembiayaan lain (ayat)", "list", rows=3),
    )),
    Sheet("Jangka Waktu", (
        Spec("jangka_waktu.mulai", "Mulai berlaku (kosong: sejak ditandatangani)", "date"),
        Spec("jangka_waktu.berakhir", "Berakhir pada (atau isi lama)", "date"),
        Spec("jangka_waktu.lama.tahun", "Lama: tahun", "int"),
        Spec("jangka_waktu.lama.bulan", "Lama: bulan", "int"),
        Spec("jangka_waktu.perpanjangan.pemberitahuan_hari",
             "Perpanjangan: pemberitahuan (hari)", "int"),
        Spec("jangka_waktu.perpanjangan.ketentuan", "Perpanjangan: ketentuan lain", "long"),
    )),
    Sheet("Keadaan Kahar", (
        Spec("keadaan_kahar.peristiwa[]", "Peristiwa keadaan kahar", "list", required=True,
             rows=6),
        Spec("keadaan_kahar.batas_pemberitahuan_hari", "Batas pemberitahuan (hari)", "int",
             required=True),
        Spec("keadaan_kahar.akibat[]", "Akibat keadaan kahar", "list", rows=3),
    ), only="PKS"),
    Sheet("Perselisihan dan Pengakhiran", (
        Spec("penyelesaian_perselisihan.musyawarah_hari", "Musyawarah paling lama (hari)", "int"),
        Spec("penyelesaian_perselisihan.forum", "Forum setelah musyawarah", "choice", _FORUMS),
        Spec("penyelesaian_perselisihan.nama_forum", "Nama forum"),
        Spec("pengakhiran.sebab[]", "Sebab berakhirnya perjanjian", "list", required=True,
             rows=6, only="PKS"),
        Spec("pengakhiran.pemberitahuan_hari", "Pemberitahuan pengakhiran (hari)", "int",
             required=True, only="PKS"),
    )),
    Sheet("Pasal Lain", (
        Spec("sanksi[]", "Sanksi (ayat)", "list", rows=4, only="PKS"),
        Spec("monitoring_evaluasi[]", "Monitoring dan evaluasi (ayat)", "list", rows=3,
             only="PKS"),
        Spec("perubahan", "Sertakan pasal perubahan (adendum)", "bool"),
        Spec("perubahan[]", "Perubahan: ayat tambahan", "list", rows=2),
        Spec("lain_lain[]", "Lain-lain (ayat)", "list", rows=3),
    )),
    Sheet("Korespondensi", (
        Spec("pihak", "Pihak ke-", "int", required=True),
        Spec("alamat", "Alamat surat-menyurat", required=True),
        Spec("untuk_perhatian", "Untuk perhatian (u.p.)"),
        Spec("telepon", "Telepon", "phone"),
        Spec("email", "Surel"),
    ), table="korespondensi", rows=4, only="PKS"),
)


def _applies(only: str | None, dokumen: str) -> bool:
    return only is None or only == dokumen


# --- writing ------------------------------------------------------------------------------------

def write_form(dokumen: str = "PKS", jenis: str = "KSDD",
               data: dict[str, object] | None = None) -> bytes:
    """A form workbook for a ``dokumen`` of kind ``jenis``, pre-filled from ``data``.

    ``data`` is an agreement as plain data (see :func:`agreement_data`).
    """
    data = data or {"dokumen": dokumen, "jenis": jenis}
    dokumen = str(data.get("dokumen", dokumen))
    model = Pks if dokumen == "PKS" else Ksb
    book = Workbook()
    book.remove(book.active)
    _instructions(book.create_sheet("Petunjuk"), dokumen)
    for sheet in SHEETS:
        if not _applies(sheet.only, dokumen):
            continue
        ws = book.create_sheet(sheet.title)
        specs = [s for s in sheet.specs if _applies(s.only, dokumen)]
        if sheet.table:
            _write_table(ws, sheet, specs, _table_items(sheet.table, data), model)
        else:
            _write_fields(ws, specs, data, model)
        ws.page_setup.orientation = "landscape"  # printed one page wide, for signing off
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.protection.sheet = True
        ws.protection.insertRows = False  # rows may be added to lists and tables
        ws.protection.deleteRows = False
        ws.protection.formatCells = False
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _instructions(ws, dokumen: str) -> None:
    title = "Perjanjian Kerja Sama (PKS)" if dokumen == "PKS" else "Kesepakatan Bersama (KSB)"
    lines = [
        f"Formulir masukan {title} — pkgen",
        "",
        "1. Isi setiap lembar. Kolom kuning diisi; label bertanda * wajib diisi.",
        "2. Pilihan (jenis, bentuk, sumber dana, Ya/Tidak) dipilih dari daftar tarik-turun.",
        "3. Tanggal diisi sebagai tanggal (mis. 16/11/2020); jumlah uang sebagai angka saja.",
        "4. Daftar (tujuan, ruang lingkup, hak, kewajiban, …): satu butir per baris. Bila baris",
        "   kurang, sisipkan baris baru di bawahnya (klik kanan › Sisipkan) dan ketik isinya.",
        "5. Hak dan kewajiban: satu baris per butir, dengan nomor pihak (1 = PIHAK PERTAMA).",
        "6. Kirim berkas ini ke Bagian Hukum / Bagian Kerja Sama. Mereka memeriksanya dengan",
        "   'pkgen validate formulir.xlsx' dan membuat draf dengan 'pkgen render formulir.xlsx'.",
    ]
    for row, text in enumerate(lines, 1):
        ws.cell(row, 1, text).font = Font(bold=row == 1, size=14 if row == 1 else 11)
    ws.column_dimensions["A"].width = 100
    ws.protection.sheet = True


def _write_fields(ws, specs: list[Spec], data: dict, model: type[BaseModel]) -> None:
    for col, (title, width) in enumerate((("Isian", 42), ("Nilai", 60), ("Keterangan", 70)), 1):
        cell = ws.cell(1, col, title)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.cell(1, 4, "kunci")
    ws.column_dimensions["D"].hidden = True
    row = 2
    for spec in specs:
        values = _get(data, spec.key)
        if spec.kind == "list":
            items = list(values or [])
            count = max(len(items), spec.rows)
            for i in range(count):
                label = f"{spec.label} {i + 1}" + (" *" if spec.required and i == 0 else "")
                _field_row(ws, row, spec, label, items[i] if i < len(items) else None,
                           model, first=i == 0)
                row += 1
        else:
            value = values
            if spec.key == "perubahan":
                value = None if values is None else True
            label = spec.label + (" *" if spec.required else "")
            _field_row(ws, row, spec, label, value, model, first=True)
            row += 1


def _field_row(ws, row: int, spec: Spec, label: str, value, model, first: bool) -> None:
    label_cell = ws.cell(row, 1, label)
    label_cell.alignment = Alignment(wrap_text=True, vertical="top")
    if spec.required and first:
        label_cell.font = REQUIRED_FONT
        _mark_when_empty(ws, f"B{row}", f"LEN(TRIM(B{row}))=0")
    cell = ws.cell(row, 2)
    _put(cell, spec, value)
    _validation(ws, spec, f"B{row}")
    if first:
        text = _help(model, spec.key)
        help_cell = ws.cell(row, 3, text)
        help_cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = max(len(text) // 48 + 1, len(str(value or "")) // 50 + 1)
        if lines > 1:  # wrapped text needs a taller row to be read (and printed)
            ws.row_dimensions[row].height = 15 * lines
    ws.cell(row, 4, spec.key)


def _write_table(ws, sheet: Sheet, specs: list[Spec], items: list[dict], model) -> None:
    ws.cell(1, 1, "No").font = Font(bold=True)
    ws.cell(1, 1).fill = HEADER_FILL
    for col, spec in enumerate(specs, 2):
        cell = ws.cell(1, col, spec.label + (" *" if spec.required else ""))
        cell.font = REQUIRED_FONT if spec.required else Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(2, col, spec.key)
        width = 60 if spec.kind == "long" else 28 if spec.kind == "text" else 16
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[2].hidden = True
    ws.freeze_panes = "B3"
    count = max(len(items), sheet.rows)
    for i in range(count):
        row = i + 3
        ws.cell(row, 1, i + 1)
        item = items[i] if i < len(items) else {}
        for col, spec in enumerate(specs, 2):
            cell = ws.cell(row, col)
            _put(cell, spec, _get(item, spec.key))
            _validation(ws, spec, cell.coordinate)
    last = get_column_letter(len(specs) + 1)
    for col, spec in enumerate(specs, 2):
        if spec.required:  # a row in use with this column still empty
            letter = get_column_letter(col)
            _mark_when_empty(ws, f"{letter}3:{letter}{count + 2}",
                             f"AND(COUNTA($B3:${last}3)>0,LEN(TRIM({letter}3))=0)")


def _mark_when_empty(ws, cells: str, formula: str) -> None:
    """Colour required cells orange while they are empty, so that what is left shows."""
    ws.conditional_formatting.add(cells, FormulaRule(formula=[formula], fill=TO_FILL))


def _put(cell, spec: Spec, value) -> None:
    cell.protection = Protection(locked=False)
    cell.fill = INPUT_FILL
    cell.alignment = Alignment(wrap_text=spec.kind in ("long", "list", "text"), vertical="top")
    if spec.kind in TEXT_KINDS:
        cell.number_format = "@"
    elif spec.kind == "date":
        cell.number_format = "dd/mm/yyyy"
    elif spec.kind == "money":
        cell.number_format = "#,##0.00"
    if value is None:
        return
    if spec.kind == "bool":
        cell.value = YA if value else TIDAK
    elif spec.kind == "money":
        cell.value = int(value) if Decimal(value) == int(value) else float(value)
    elif spec.kind == "date" and isinstance(value, dt.date):
        cell.value = value
    else:
        cell.value = value


def _validation(ws, spec: Spec, coordinate: str) -> None:
    rule = _VALIDATIONS.get(spec.kind)
    if spec.kind == "choice":
        key = ("choice", spec.choices)
    elif spec.kind == "bool":
        key = ("choice", (YA, TIDAK))
    elif rule is None:
        return
    else:
        key = (spec.kind, ())
    validations = ws.__dict__.setdefault("_pkgen_validations", {})
    if key not in validations:
        if key[0] == "choice":
            dv = DataValidation(type="list", formula1='"' + ",".join(key[1]) + '"',
                                allow_blank=True, showErrorMessage=True,
                                errorTitle="Pilihan tidak dikenal",
                                error="Pilih salah satu dari daftar.")
        else:
            kind, operator, formula, message = rule
            dv = DataValidation(type=kind, operator=operator, formula1=formula, allow_blank=True,
                                showErrorMessage=True, errorTitle="Isian tidak valid",
                                error=message)
        ws.add_data_validation(dv)
        validations[key] = dv
    validations[key].add(coordinate)


_VALIDATIONS = {
    "date": ("date", "greaterThan", "DATE(1945,1,1)", "Isi tanggal, mis. 16/11/2020."),
    "int": ("whole", "greaterThanOrEqual", "0", "Isi bilangan bulat, mis. 14."),
    "money": ("decimal", "greaterThanOrEqual", "0", "Isi jumlah rupiah sebagai angka."),
}


def _help(model: type[BaseModel], key: str) -> str:
    """The model's Indonesian description of the field at ``key`` (dotted, [] ignored)."""
    current: type[BaseModel] | None = model
    description = ""
    for part in key.replace("[]", "").split("."):
        if current is None or part not in current.model_fields:
            return description
        info = current.model_fields[part]
        description = info.description or ""
        current = _inner(info.annotation)
    return description


def _inner(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner(arg)
        if found:
            return found
    return None


def _get(data: dict | None, key: str):
    current = data
    for part in key.replace("[]", "").split("."):
        if not isinstance(current, dict):
            return None
        current = current.get(part)
    return current


def _table_items(table: str, data: dict) -> list[dict]:
    if table == "hak_kewajiban":
        rows = []
        for n, party in enumerate(data.get("pihak") or [], 1):
            for kind in ("hak", "kewajiban"):
                rows += [{"pihak": n, "jenis": kind, "teks": t} for t in party.get(kind) or []]
        return rows
    items = list(_get(data, table) or [])
    if table == "pihak":
        numbers = list(_get(data, "ksb.nomor") or [])
        items = [dict(item, ksb_nomor=numbers[i] if i < len(numbers) else None)
                 for i, item in enumerate(items)]
    return items


def agreement_data(doc: Pks | Ksb) -> dict[str, object]:
    """A loaded agreement as plain data in input-file form, with the values that hold by
    default written out (a form shows "Ya" for the stamp duty rather than an empty cell)."""
    return doc.model_dump(mode="python", exclude_none=True) | {
        "dokumen": doc.dokumen, "jenis": doc.jenis.value}


# --- reading ------------------------------------------------------------------------------------

Cells = dict[tuple, tuple[str, str]]


@dataclass
class _Reader:
    path: Path
    data: dict = field(default_factory=dict)
    cells: Cells = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_form(path: Path, raw: bytes) -> tuple[dict, Cells, list[Problem]]:
    """The agreement in a filled form as plain data, the cell of every key path, and the
    problems found in cells that cannot be read (reported with the model's own).

    Raises :class:`InputError` for a file that is not a pkgen form.
    """
    try:
        book = load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as err:  # openpyxl raises many types for files that are not workbooks
        raise InputError(Problem("form_unreadable", path, params={"detail": str(err)})) from err
    reader = _Reader(path)
    known = {s.title for s in SHEETS}
    if "Umum" not in book.sheetnames:
        raise InputError(Problem("form_not_pkgen", path))
    for ws in book.worksheets:
        if ws.title not in known:
            continue
        sheet = next(s for s in SHEETS if s.title == ws.title)
        if sheet.table:
            _read_table(ws, sheet, reader)
        else:
            _read_fields(ws, sheet, reader)
    return reader.data, reader.cells, reader.problems


def _read_fields(ws, sheet: Sheet, reader: _Reader) -> None:
    specs = {s.key: s for s in sheet.specs}
    current: Spec | None = None
    include_amendment = None
    for row in range(2, ws.max_row + 1):
        key = ws.cell(row, 4).value
        spec = specs.get(str(key)) if key else (current if current and current.kind == "list"
                                                 else None)
        if key:
            current = spec
        if spec is None:
            continue
        coordinate = f"B{row}"
        value = _cell_value(ws[coordinate], spec, reader, ws.title)
        base = spec.key.replace("[]", "")
        loc = tuple(base.split("."))
        if spec.kind == "list":
            items = _get(reader.data, base)
            if items is None:
                _set(reader.data, base, [])
                items = _get(reader.data, base)
                reader.cells[loc] = (ws.title, coordinate)
            if value is not None:
                reader.cells[(*loc, len(items))] = (ws.title, coordinate)
                items.append(value)
            continue
        reader.cells[loc] = (ws.title, coordinate)
        if spec.key == "perubahan":
            include_amendment = value
            continue
        if value is not None:
            _set(reader.data, spec.key, value)
    for spec in sheet.specs:  # empty lists are no lists, except an included amendment
        if spec.kind == "list":
            base = spec.key.replace("[]", "")
            if _get(reader.data, base) == [] and not (base == "perubahan" and include_amendment):
                _delete(reader.data, base)
    if include_amendment is True and _get(reader.data, "perubahan") is None:
        reader.data["perubahan"] = []


def _read_table(ws, sheet: Sheet, reader: _Reader) -> None:
    columns = {}
    for col in range(2, ws.max_column + 1):
        key = ws.cell(2, col).value
        spec = next((s for s in sheet.specs if s.key == key), None)
        if spec:
            columns[col] = spec
    items = []
    for row in range(3, ws.max_row + 1):
        item, where = {}, {}
        for col, spec in columns.items():
            coordinate = f"{get_column_letter(col)}{row}"
            value = _cell_value(ws[coordinate], spec, reader, ws.title)
            where[spec.key] = coordinate
            if value is not None:
                _set(item, spec.key, value)
        if item:
            items.append((item, where))
    if sheet.table == "hak_kewajiban":
        _collect_rights(items, ws.title, reader)
        return
    loc = tuple(sheet.table.split("."))
    out = []
    for i, (item, where) in enumerate(items):
        if sheet.table == "pihak":
            number = item.pop("ksb_nomor", None)
            if number is not None:
                numbers = _get(reader.data, "ksb.nomor") or []
                _set(reader.data, "ksb.nomor", [*numbers, number])
                reader.cells[("ksb", "nomor", len(numbers))] = (ws.title, where["ksb_nomor"])
        for key, coordinate in where.items():
            reader.cells[(*loc, i, *key.split("."))] = (ws.title, coordinate)
        reader.cells[(*loc, i)] = (ws.title, f"B{i + 3}")
        out.append(item)
    reader.cells[loc] = (ws.title, "B3")
    if out:
        _set(reader.data, sheet.table, out)


def _collect_rights(items: list, title: str, reader: _Reader) -> None:
    parties = reader.data.setdefault("pihak", [])
    for item, where in items:
        number, kind, text = _party_number(item.get("pihak")), item.get("jenis"), item.get("teks")
        wrong = ("pihak" if not isinstance(number, int) or number < 1 else
                 "jenis" if kind not in ("hak", "kewajiban") else "teks" if text is None
                 else None)
        if wrong:
            reader.problems.append(Problem("form_right_row", reader.path, cell=(
                title, where[wrong]), params={"count": len(parties)}))
            continue
        if number > len(parties):
            reader.problems.append(Problem("party_index", reader.path, cell=(
                title, where["pihak"]), params={"value": number, "count": len(parties)}))
            continue
        values = parties[number - 1].setdefault(kind, [])
        reader.cells[("pihak", number - 1, kind, len(values))] = (title, where["teks"])
        values.append(text)


def _cell_value(cell, spec: Spec, reader: _Reader, title: str):
    """A cell's value for the model, which reads dates, amounts and numbers as it reads YAML.

    Text is taken as typed. What Excel made of text typed into a number or general cell is
    refused, not guessed: a NIP or telephone stored as a number (digits past the 15th and
    leading zeros are gone), text turned into a date, a number too long for a number cell.
    """
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.strip() if spec.kind in ("choice", "int", "date", "money", "bool") \
            else value
    problem = _mangled(value, spec)
    if problem:
        reader.problems.append(Problem(problem, reader.path, cell=(title, cell.coordinate),
                                       params={"input": _shown(value)}))
        return None
    if spec.kind == "nip" or spec.kind not in (*TEXT_KINDS, "choice"):
        return value  # the model reads (or refuses) numbers, dates and a NIP as a number
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _mangled(value, spec: Spec) -> str | None:
    """The message code for a cell value Excel made out of what was typed, or None."""
    if spec.kind == "nip" and isinstance(value, int | float) and not isinstance(value, bool):
        return None  # the model refuses a NIP that is a number, with its own message
    if spec.kind == "phone" and isinstance(value, int | float):
        return "form_phone_number"
    if spec.kind in TEXT_KINDS and isinstance(value, dt.date | dt.time):
        return "form_text_became_date"
    if spec.kind in TEXT_KINDS and isinstance(value, int | float) and abs(value) >= 10**15:
        return "form_long_number"
    return None


def _shown(value) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return f"{value:.15g}"
    return str(value)


def _party_number(value) -> int | None:
    try:
        number = values.whole_number(value)
    except ValueError:  # PydanticCustomError: not a number, reported as a bad row
        return None
    return number if isinstance(number, int) else None


def _set(data: dict, key: str, value) -> None:
    parts = key.replace("[]", "").split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value


def _delete(data: dict, key: str) -> None:
    """Remove ``key`` and any parent it leaves empty."""
    parts = key.split(".")
    chain = [data]
    for part in parts[:-1]:
        chain.append(chain[-1].get(part, {}))
    chain[-1].pop(parts[-1], None)
    for parent, part in zip(reversed(chain[:-1]), reversed(parts[:-1]), strict=True):
        if parent.get(part) == {}:
            del parent[part]
