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
from ..model.rules import FOREIGN
from ..translations import Translations, is_translation, joined, per_item
from .layout import (
    KEY_HEADER,
    LANGUAGE_KINDS,
    TEXT_KINDS,
    Sheet,
    Spec,
    applies,
    form_languages,
    language_title,
    sheets,
    value_at,
)

YA, TIDAK = "Ya", "Tidak"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFFFF2")
#: A required cell still empty: orange until it is filled in (conditional formatting).
TO_FILL = PatternFill("solid", fgColor="FCE4D6", bgColor="FCE4D6")
REQUIRED_FONT = Font(bold=True, color="C00000")
#: A language cell of a value written once in every language (a name, number, address).
NOT_ASKED = PatternFill("solid", fgColor="EDEDED")


def write_form(dokumen: str = "PKS", jenis: str = "KSDD",
               data: dict[str, object] | None = None) -> bytes:
    """A form workbook for a ``dokumen`` of kind ``jenis``, pre-filled from ``data``.

    ``data`` is an agreement as plain data (see :func:`agreement_data`), its texts given per
    language where they have translations. The form has a column for each language besides
    Indonesian that :func:`~pkgen.forms.layout.form_languages` finds: a blank form for a
    foreign cooperation has English beside the Indonesian.
    """
    data = data or _blank(dokumen, jenis)
    dokumen = str(data.get("dokumen", dokumen))
    model = MODELS[dokumen]
    langs = form_languages(data)
    book = Workbook()
    book.remove(book.active)
    _instructions(book.create_sheet("Petunjuk"), dokumen, langs)
    for sheet in sheets():
        if not applies(sheet.only, dokumen):
            continue
        ws = book.create_sheet(sheet.title)
        specs = [s for s in sheet.specs if applies(s.only, dokumen)]
        if sheet.table:
            _write_table(ws, sheet, specs, _table_items(sheet.table, data), model, langs)
        else:
            _write_fields(ws, specs, data, model, langs)
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


def _blank(dokumen: str, jenis: str) -> dict[str, object]:
    """What a blank form holds: the kind of agreement and, for a foreign cooperation, what
    ``pkgen new`` presets for one (its languages, disputes by consultation)."""
    data: dict[str, object] = {"dokumen": dokumen, "jenis": jenis}
    if jenis in FOREIGN:
        data["bahasa"] = {"naskah": ["id", "en"], "berlaku": "en"}
        data["penyelesaian_perselisihan"] = {"forum": "KONSULTASI"}
    return data


def _instructions(ws, dokumen: str, langs: tuple[str, ...]) -> None:
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
    if langs:
        names = " dan ".join(language_title(code) for code in langs)
        lines += [
            f"7. Naskah ini juga ditulis dalam {names}: setiap teks diisi di kolom bahasa",
            "   Indonesia dan terjemahannya di kolom di sampingnya, pada baris yang sama. Sel",
            "   terjemahan berwarna jingga selama teks Indonesianya ada tetapi terjemahannya",
            "   belum. Nama orang, nomor, alamat dan tanggal ditulis sekali (sel abu-abu).",
        ]
    for row, text in enumerate(lines, 1):
        ws.cell(row, 1, text).font = Font(bold=row == 1, size=14 if row == 1 else 11)
    ws.column_dimensions["A"].width = 100
    ws.protection.sheet = True


def _write_fields(ws, specs: list[Spec], data: dict, model: type[BaseModel],
                  langs: tuple[str, ...]) -> None:
    wide = 50 if langs else 60
    heads = [("Isian", 42), ("Bahasa Indonesia" if langs else "Nilai", wide)]
    heads += [(language_title(code), wide) for code in langs]
    heads += [("Keterangan", 50 if langs else 70)]
    for col, (title, width) in enumerate(heads, 1):
        cell = ws.cell(1, col, title)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.cell(1, len(heads) + 1, KEY_HEADER)
    ws.column_dimensions[get_column_letter(len(heads) + 1)].hidden = True
    row = 2
    for spec in specs:
        values = value_at(data, spec.key)
        if spec.kind == "list":
            items = per_item(values)
            items = list(items) if isinstance(items, list) else []
            for i in range(max(len(items), spec.rows)):
                label = f"{spec.label} {i + 1}" + (" *" if spec.required and i == 0 else "")
                _field_row(ws, row, spec, label, items[i] if i < len(items) else None,
                           model, langs, first=i == 0)
                row += 1
        else:
            value = values
            if spec.key == "perubahan":
                value = None if values is None else True
            label = spec.label + (" *" if spec.required else "")
            _field_row(ws, row, spec, label, value, model, langs, first=True)
            row += 1


def _field_row(ws, row: int, spec: Spec, label: str, value, model,
               langs: tuple[str, ...], first: bool) -> None:
    label_cell = ws.cell(row, 1, label)
    label_cell.alignment = Alignment(wrap_text=True, vertical="top")
    if spec.required and first:
        label_cell.font = REQUIRED_FONT
        _mark_when_empty(ws, f"B{row}", f"LEN(TRIM(B{row}))=0")
    texts = _texts(value)
    cell = ws.cell(row, 2)
    _put(cell, spec, texts.get("id"))
    _validation(ws, spec, f"B{row}")
    for col, code in enumerate(langs, 3):
        _language_cell(ws, ws.cell(row, col), spec, texts.get(code), f"B{row}")
    text = _help(model, spec.key) if first else ""
    if first:
        help_cell = ws.cell(row, 3 + len(langs), text)
        help_cell.alignment = Alignment(wrap_text=True, vertical="top")
    longest = max((len(str(t or "")) for t in texts.values()), default=0)
    lines = max(len(text) // 48 + 1, longest // (40 if langs else 50) + 1)
    if lines > 1:  # wrapped text needs a taller row to be read (and printed)
        ws.row_dimensions[row].height = 15 * lines
    ws.cell(row, 4 + len(langs), spec.key)


def _texts(value) -> dict[str, object]:
    """A value as its text per language: ``{"id": value}`` for a value given once."""
    return dict(value) if is_translation(value) else {"id": value}


def _language_cell(ws, cell, spec: Spec, text, indonesian: str) -> None:
    """A cell for the text of ``spec`` in a language besides Indonesian, beside the
    Indonesian one at ``indonesian``: to fill in for a text that is translated (orange while
    the Indonesian text is there and it is not), grey and locked for one written once (unless
    the input gave it per language all the same)."""
    if not spec.translated and (text is None or spec.kind not in LANGUAGE_KINDS):
        cell.fill = NOT_ASKED
        return
    _put(cell, spec, text)
    if spec.translated:
        _mark_when_empty(ws, cell.coordinate, f"AND(LEN(TRIM({indonesian}))>0,"
                                              f"LEN(TRIM({cell.coordinate}))=0)")


def _write_table(ws, sheet: Sheet, specs: list[Spec], items: list[dict], model,
                 langs: tuple[str, ...]) -> None:
    ws.cell(1, 1, "No").font = Font(bold=True)
    ws.cell(1, 1).fill = HEADER_FILL
    columns = _table_columns(specs, items, langs)
    for col, (spec, code) in enumerate(columns, 2):
        label = spec.label + (f" ({language_title(code)})" if code else
                              " *" if spec.required else "")
        cell = ws.cell(1, col, label)
        cell.font = REQUIRED_FONT if spec.required and not code else Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(2, col, f"{spec.key}@{code}" if code else spec.key)
        width = 60 if spec.kind == "long" else 28 if spec.kind == "text" else 16
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[2].hidden = True
    ws.freeze_panes = "B3"
    count = max(len(items), sheet.rows)
    for i in range(count):
        row = i + 3
        ws.cell(row, 1, i + 1)
        item = items[i] if i < len(items) else {}
        for col, (spec, code) in enumerate(columns, 2):
            cell = ws.cell(row, col)
            text = _texts(value_at(item, spec.key)).get(code or "id")
            if code:
                _language_cell(ws, cell, spec, text, f"{_column(columns, spec)}{row}")
            else:
                _put(cell, spec, text)
                _validation(ws, spec, cell.coordinate)
    last = get_column_letter(len(columns) + 1)
    for col, (spec, code) in enumerate(columns, 2):
        if spec.required and not code:  # a row in use with this column still empty
            letter = get_column_letter(col)
            _mark_when_empty(ws, f"{letter}3:{letter}{count + 2}",
                             f"AND(COUNTA($B3:${last}3)>0,LEN(TRIM({letter}3))=0)")


def _table_columns(specs: list[Spec], items: list[dict],
                   langs: tuple[str, ...]) -> list[tuple[Spec, str | None]]:
    """The columns of a table: each value, followed by one per language for a text that is
    translated (or that an item gives per language all the same)."""
    columns: list[tuple[Spec, str | None]] = []
    for spec in specs:
        columns.append((spec, None))
        given = {code for item in items for code in _texts(value_at(item, spec.key))}
        columns += [(spec, code) for code in langs if spec.translated or code in given]
    return columns


def _column(columns: list[tuple[Spec, str | None]], spec: Spec) -> str:
    """The letter of the Indonesian column of ``spec``."""
    return get_column_letter(columns.index((spec, None)) + 2)


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


def agreement_data(doc: Pks | Ksb | Loi,
                   translations: Translations | None = None) -> dict[str, object]:
    """A loaded agreement as plain data in input-file form, with the values that hold by
    default written out (a form shows "Ya" for the stamp duty rather than an empty cell), and
    each text that has ``translations`` given per language (``{id: …, en: …}``)."""
    data = doc.model_dump(mode="python", exclude_none=True) | {
        "dokumen": doc.dokumen, "jenis": doc.jenis.value}
    return joined(data, translations) if translations else data


