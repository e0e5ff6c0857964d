"""Write the Excel form: blank for an OPD to fill in, or pre-filled from an agreement."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import BaseModel

from ..model import MODELS, Ksb, Loi, Pks
from ..model.fields import help_text
from .layout import TEXT_KINDS, Sheet, Spec, applies, sheets, value_at

YA, TIDAK = "Ya", "Tidak"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFFFF2")
#: A required cell still empty: orange until it is filled in (conditional formatting).
TO_FILL = PatternFill("solid", fgColor="FCE4D6", bgColor="FCE4D6")
REQUIRED_FONT = Font(bold=True, color="C00000")


def write_form(dokumen: str = "PKS", jenis: str = "KSDD",
               data: dict[str, object] | None = None) -> bytes:
    """A form workbook for a ``dokumen`` of kind ``jenis``, pre-filled from ``data``.

    ``data`` is an agreement as plain data (see :func:`agreement_data`).
    """
    data = data or {"dokumen": dokumen, "jenis": jenis}
    dokumen = str(data.get("dokumen", dokumen))
    model = MODELS[dokumen]
    book = Workbook()
    book.remove(book.active)
    _instructions(book.create_sheet("Petunjuk"), dokumen)
    for sheet in sheets():
        if not applies(sheet.only, dokumen):
            continue
        ws = book.create_sheet(sheet.title)
        specs = [s for s in sheet.specs if applies(s.only, dokumen)]
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
    title = {"PKS": "Perjanjian Kerja Sama (PKS)", "KSB": "Kesepakatan Bersama (KSB)",
             "LOI": "Pernyataan Kehendak (LOI)"}[dokumen]
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
        values = value_at(data, spec.key)
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
            _put(cell, spec, value_at(item, spec.key))
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
        if rule is None:  # a choice or yes/no: the only kinds without a rule left here
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
    return help_text(model, tuple(key.replace("[]", "").split(".")))


def _table_items(table: str, data: dict) -> list[dict]:
    if table == "hak_kewajiban":
        rows = []
        for n, party in enumerate(data.get("pihak") or [], 1):
            for kind in ("hak", "kewajiban"):
                rows += [{"pihak": n, "jenis": kind, "teks": t} for t in party.get(kind) or []]
        return rows
    items = list(value_at(data, table) or [])
    if table == "pihak":
        numbers = list(value_at(data, "ksb.nomor") or [])
        items = [dict(item, ksb_nomor=numbers[i] if i < len(numbers) else None)
                 for i, item in enumerate(items)]
    return items


def agreement_data(doc: Pks | Ksb | Loi) -> dict[str, object]:
    """A loaded agreement as plain data in input-file form, with the values that hold by
    default written out (a form shows "Ya" for the stamp duty rather than an empty cell)."""
    return doc.model_dump(mode="python", exclude_none=True) | {
        "dokumen": doc.dokumen, "jenis": doc.jenis.value}


