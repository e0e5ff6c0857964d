"""The rekap as an Excel workbook for the meeting: a sheet per view with its headers frozen and
filters on, dates as dates, the status column coloured, and bar charts of the agreements per
status (on the summary), per OPD and per jenis.

Written in openpyxl's write-only mode: a register of thousands of agreements is streamed,
not held cell by cell.
"""

from __future__ import annotations

import datetime as dt
import io
from copy import copy

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..messages import message
from .assess import STATUSES, Rekap
from .views import COLOURS, View, status_word, views

DATE_FORMAT = {"id": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
#: The names of the cell styles (Excel lists them under Cell Styles).
HEADING, TEXT, DATE, OTHER = "pkgen judul", "pkgen teks", "pkgen tanggal", "pkgen angka"
WIDE = 12  # columns past which a sheet is printed two pages wide
LINE = 15  # points per line of wrapped text (11-point type)


def workbook(rekap: Rekap, lang: str = "id") -> bytes:
    """The workbook of ``rekap`` in ``lang``, as the bytes of an .xlsx file."""
    book = Workbook(write_only=True)
    book.properties.title = message("rekap_title", lang, tanggal=rekap.per)
    book.properties.creator = "pkgen"
    _styles(book, lang)
    for view in views(rekap, lang):
        _sheet(book, view, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet(book: Workbook, view: View, lang: str) -> None:
    ws = book.create_sheet(view.title)
    for col, column in enumerate(view.columns, 1):
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.freeze_panes = "C2" if view.key == "semua" else "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    # The table of every agreement is too wide for one page at a readable size: two.
    ws.page_setup.fitToWidth = 2 if len(view.columns) > WIDE else 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.row_dimensions[1].height = LINE * _lines([c.title for c in view.columns], view)
    ws.append([_header(ws, column.title) for column in view.columns])
    cell = _Cells(ws)
    for number, values in enumerate(view.rows, 2):
        lines = _lines(values, view)
        if lines > 1:  # wrapped text needs a taller row to be read (and printed)
            ws.row_dimensions[number].height = LINE * lines
        ws.append([cell(value) for value in values])
    last_row = len(view.rows) + 1
    last_col = get_column_letter(len(view.columns))
    if view.key != "ringkasan":
        ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    for col, column in enumerate(view.columns, 1):
        if column.kind == "status" and view.rows:
            _colour_statuses(ws, f"{get_column_letter(col)}2:{get_column_letter(col)}{last_row}",
                             lang)
    if view.chart is not None:
        _chart(ws, view, lang, last_row)


def _lines(values, view: View) -> int:
    """The lines the row's longest wrapped cell takes at its column's width."""
    most = 1
    for value, column in zip(values, view.columns, strict=True):
        if isinstance(value, str):
            most = max(most, sum(len(part) // max(column.width - 2, 1) + 1
                                 for part in value.split("\n")))
    return min(most, 15)


def _styles(book: Workbook, lang: str) -> None:
    """The workbook's few cell styles, named once: thousands of cells then share them."""
    top, wrap = Alignment(vertical="top"), Alignment(wrap_text=True, vertical="top")
    for style in (
        NamedStyle(HEADING, font=Font(bold=True), alignment=wrap,
                   fill=PatternFill("solid", fgColor="DDEBF7")),
        NamedStyle(TEXT, alignment=wrap), NamedStyle(OTHER, alignment=top),
        NamedStyle(DATE, alignment=top,
                   number_format=DATE_FORMAT.get(lang, DATE_FORMAT["id"])),
    ):
        book.add_named_style(style)


def _header(ws, title: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, title)
    cell.style = HEADING
    return cell


class _Cells:
    """Cells of one sheet in the workbook's styles. A style is looked up by name once; each
    cell then takes a copy of its style's indices, as openpyxl copies styles between cells
    (naming the style on every cell costs more than writing the cell)."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.styles = {}
        for name in (TEXT, DATE, OTHER):
            prototype = WriteOnlyCell(ws)
            prototype.style = name
            self.styles[name] = prototype._style

    def __call__(self, value) -> WriteOnlyCell | None:
        if value is None:
            return None
        cell = WriteOnlyCell(self.ws, value)
        name = TEXT if isinstance(value, str) else DATE if isinstance(value, dt.date) else OTHER
        cell._style = copy(self.styles[name])
        return cell


def _colour_statuses(ws, cells: str, lang: str) -> None:
    """Colour each status cell by its status, as Excel and LibreOffice show rules."""
    for status in STATUSES:
        fill, font = COLOURS[status]
        ws.conditional_formatting.add(cells, CellIsRule(
            operator="equal", formula=[f'"{status_word(status, lang)}"'],
            fill=PatternFill("solid", fgColor=fill, bgColor=fill), font=Font(color=font)))


def _chart(ws, view: View, lang: str, last_row: int) -> None:
    spec = view.chart
    assert spec is not None
    chart = BarChart()
    chart.type = "col" if view.key == "ringkasan" else "bar"
    chart.title = spec.title
    chart.legend = None
    chart.y_axis.title = message("rekap_chart_axis", lang)
    chart.y_axis.majorGridlines = None
    first, last = spec.first + 2, spec.last + 2
    chart.add_data(Reference(ws, min_col=spec.value + 1, min_row=first, max_row=last))
    chart.set_categories(Reference(ws, min_col=spec.label + 1, min_row=first, max_row=last))
    series = chart.series[0]
    series.graphicalProperties.solidFill = "5B9BD5"
    if view.key == "ringkasan":  # each status in its own colour, as in the tables
        for i, status in enumerate(STATUSES):
            point = DataPoint(idx=i)
            point.graphicalProperties.solidFill = COLOURS[status][0]
            point.graphicalProperties.line.solidFill = "7F7F7F"
            series.dPt.append(point)
    chart.height = max(7.5, 0.6 * (spec.last - spec.first + 1) + 3)
    chart.width = 18
    anchor = "D2" if view.key == "ringkasan" else f"A{last_row + 3}"
    ws.add_chart(chart, anchor)
