"""Read a filled Excel form back: the agreement as plain data, the cell of every key path, and
what Excel made of values typed into it that cannot be taken as typed."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .. import values
from ..errors import InputError, Problem
from ..model import BAHASA
from .layout import (
    KEY_HEADER,
    LANGUAGE_KINDS,
    TEXT_KINDS,
    Sheet,
    Spec,
    language_of,
    sheets,
    value_at,
)

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

    A text with its translation typed in a language column beside it is read as an input
    file gives it, ``{id: …, en: …}`` (see :mod:`pkgen.translations`); the cell of its text in
    a language is that of the key path followed by the language code.

    Raises :class:`InputError` for a file that is not a pkgen form.
    """
    try:
        book = load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as err:  # openpyxl raises many types for files that are not workbooks
        raise InputError(Problem("form_unreadable", path, params={"detail": str(err)})) from err
    reader = _Reader(path)
    known = {s.title for s in sheets()}
    if "Umum" not in book.sheetnames:
        raise InputError(Problem("form_not_pkgen", path))
    for ws in book.worksheets:
        if ws.title not in known:
            continue
        sheet = next(s for s in sheets() if s.title == ws.title)
        if sheet.table:
            _read_table(ws, sheet, sheet.table, reader)
        else:
            _read_fields(ws, sheet, reader)
    return reader.data, reader.cells, reader.problems


def _read_fields(ws, sheet: Sheet, reader: _Reader) -> None:
    specs = {s.key: s for s in sheet.specs}
    keys = next((c for c in range(3, ws.max_column + 1)
                 if ws.cell(1, c).value == KEY_HEADER), 4)
    langs = {code: get_column_letter(c) for c in range(3, keys)
             if (code := language_of(ws.cell(1, c).value))}
    current: Spec | None = None
    include_amendment = None
    for row in range(2, ws.max_row + 1):
        key = ws.cell(row, keys).value
        spec = specs.get(str(key)) if key else (current if current and current.kind == "list"
                                                 else None)
        if key:
            current = spec
        if spec is None:
            continue
        where = {"id": f"B{row}"} | {code: f"{letter}{row}" for code, letter in langs.items()}
        value = _row_value(ws, spec, where, reader)
        base = spec.key.replace("[]", "")
        loc = tuple(base.split("."))
        if spec.kind == "list":
            items = value_at(reader.data, base)
            if items is None:
                _set(reader.data, base, [])
                items = value_at(reader.data, base)
                reader.cells[loc] = (ws.title, where["id"])
            if value is not None:
                _note_cells(reader, (*loc, len(items)), ws.title, where)
                items.append(value)
            continue
        _note_cells(reader, loc, ws.title, where)
        if spec.key == "perubahan":
            include_amendment = value
            continue
        if value is not None:
            _set(reader.data, spec.key, value)
    for spec in sheet.specs:  # empty lists are no lists, except an included amendment
        if spec.kind == "list":
            base = spec.key.replace("[]", "")
            empty = value_at(reader.data, base) == []
            if empty and not (base == "perubahan" and include_amendment):
                _delete(reader.data, base)
    if include_amendment is True and value_at(reader.data, "perubahan") is None:
        reader.data["perubahan"] = []


def _row_value(ws, spec: Spec, where: dict[str, str], reader: _Reader):
    """The value of ``spec`` typed at ``where["id"]``: the text alone, or given per language
    (``{id: …, en: …}``) when a text is typed in a language cell (``where[code]``) too."""
    value = _cell_value(ws[where["id"]], spec, reader, ws.title)
    texts = {code: text for code, coordinate in where.items() if code != "id"
             and (text := _cell_value(ws[coordinate], spec, reader, ws.title)) is not None}
    wrong = "form_translation_not_text" if spec.kind not in LANGUAGE_KINDS else \
        "form_translation_no_indonesian" if value is None else None
    if texts and wrong:  # a translation of a date, or of nothing: said, not dropped
        for code in texts:
            reader.problems.append(Problem(wrong, reader.path, cell=(ws.title, where[code]),
                                           params={"bahasa": BAHASA[code],
                                                   "indonesian": where["id"]}))
        return value
    return {"id": value, **texts} if texts else value


def _note_cells(reader: _Reader, loc: tuple, title: str, where: dict[str, str]) -> None:
    """The cells of the value at ``loc``: its own, and that of its text in each language."""
    for code, coordinate in where.items():
        reader.cells[loc if code == "id" else (*loc, code)] = (title, coordinate)


def _read_table(ws, sheet: Sheet, table: str, reader: _Reader) -> None:
    columns: dict[str, dict[str, str]] = {}  # key -> language -> column letter
    for col in range(2, ws.max_column + 1):
        key, _at, code = str(ws.cell(2, col).value or "").partition("@")
        if any(s.key == key for s in sheet.specs) and (not code or code in BAHASA):
            columns.setdefault(key, {})[code or "id"] = get_column_letter(col)
    specs = [s for s in sheet.specs if "id" in columns.get(s.key, {})]
    items = []
    for row in range(3, ws.max_row + 1):
        item: dict[str, object] = {}
        where: dict[str, dict[str, str]] = {}
        for spec in specs:
            where[spec.key] = {code: f"{letter}{row}"
                               for code, letter in columns[spec.key].items()}
            value = _row_value(ws, spec, where[spec.key], reader)
            if value is not None:
                _set(item, spec.key, value)
        if item:
            items.append((item, where))
    if table == "hak_kewajiban":
        _collect_rights(items, ws.title, reader)
        return
    loc = tuple(table.split("."))
    out = []
    for i, (item, where) in enumerate(items):
        if table == "pihak":
            number = item.pop("ksb_nomor", None)
            if number is not None:
                numbers = value_at(reader.data, "ksb.nomor") or []
                _set(reader.data, "ksb.nomor", [*numbers, number])
                _note_cells(reader, ("ksb", "nomor", len(numbers)), ws.title,
                            where["ksb_nomor"])
        for key, cells in where.items():
            _note_cells(reader, (*loc, i, *key.split(".")), ws.title, cells)
        reader.cells[(*loc, i)] = (ws.title, f"B{i + 3}")
        out.append(item)
    reader.cells[loc] = (ws.title, "B3")
    if out:
        _set(reader.data, table, out)


def _collect_rights(items: list, title: str, reader: _Reader) -> None:
    parties = reader.data.setdefault("pihak", [])
    for item, where in items:
        number, kind, text = _party_number(item.get("pihak")), item.get("jenis"), item.get("teks")
        wrong = ("pihak" if not isinstance(number, int) or number < 1 else
                 "jenis" if kind not in ("hak", "kewajiban") else "teks" if text is None
                 else None)
        if wrong:
            reader.problems.append(Problem("form_right_row", reader.path, cell=(
                title, where[wrong]["id"]), params={"count": len(parties)}))
            continue
        assert isinstance(number, int)  # else the row's wrong cell is "pihak"
        if number > len(parties):
            reader.problems.append(Problem("party_index", reader.path, cell=(
                title, where["pihak"]["id"]), params={"value": number, "count": len(parties)}))
            continue
        values = parties[number - 1].setdefault(kind, [])
        _note_cells(reader, ("pihak", number - 1, kind, len(values)), title, where["teks"])
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
        if spec.kind in ("text", "long", "list"):
            return _folded(value)
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


def _folded(text: str) -> str:
    """A text typed or pasted into a cell, read as YAML reads a text written over several
    lines: a line break is a space, an empty line a line break. A text pasted from a PDF or
    an e-mail keeps its hard line ends, which Word would print in mid-sentence."""
    lines = re.split(r"\r\n|\r|\n", text)
    if len(lines) == 1:
        return text
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n".join(" ".join(p) for p in paragraphs if p)


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
