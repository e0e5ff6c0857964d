"""The rekap as one HTML page that prints on A4 landscape: the charts (SVG pictures drawn
here), then each view's table, headers repeated on every printed page, statuses coloured.
Self-contained: no script, no font or picture fetched from anywhere."""

from __future__ import annotations

from html import escape

from ..messages import message
from .assess import STATUSES, Rekap
from .charts import bar_chart
from .views import COLOURS, View, shown, status_word, views

BAR = "5B9BD5"
WIDE = 12  # a table with more columns is printed in smaller type
NARROW = 3  # a table with this many columns or fewer takes half the page's width

_STYLE = """
@page { size: A4 landscape; margin: 10mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 8.5pt;
       color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2pt; }
h2 { font-size: 11.5pt; margin: 0 0 4pt; break-after: avoid; }
p.meta { margin: 0 0 8pt; color: #333; }
section + section { break-before: page; }
.charts { display: flex; flex-wrap: wrap; gap: 6mm; align-items: flex-start; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.wide { font-size: 6.5pt; }
table.narrow { width: 50%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #9a9a9a; padding: 1.5pt 2pt; vertical-align: top;
         text-align: left; overflow-wrap: break-word; }
th { background: #DDEBF7; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; }
td.long { white-space: pre-line; }
"""


def page(rekap: Rekap, lang: str = "id") -> str:
    """The HTML page of ``rekap`` in ``lang``."""
    tables = views(rekap, lang)
    title = message("rekap_title", lang, tanggal=rekap.per)
    colours = "\n".join(f"td.s-{s} {{ background: #{COLOURS[s][0]}; color: #{COLOURS[s][1]}; }}"
                        for s in STATUSES)
    out = [
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>", f"<style>{_STYLE}{colours}\n</style>", "</head>",
        "<body>", f"<h1>{escape(title)}</h1>",
        '<p class="meta">' + escape(message("rekap_meta", lang, register=str(rekap.register),
                                            jumlah=len(rekap.rows))) + "</p>",
        '<div class="charts">', *_charts(tables, lang), "</div>",
    ]
    statuses = {status_word(s, lang): s for s in STATUSES}
    for view in tables:
        out += ["<section>", f"<h2>{escape(view.title)}</h2>", _table(view, lang, statuses),
                "</section>"]
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _count(cell: object) -> int:
    """A chart's value: a count, or nothing for an empty cell."""
    return cell if isinstance(cell, int) else 0


def _charts(tables: list[View], lang: str) -> list[str]:
    charts = []
    for view in tables:
        spec = view.chart
        if spec is None:
            continue
        bars = []
        for i, row in enumerate(view.rows[spec.first:spec.last + 1]):
            colour = COLOURS[STATUSES[i]][0] if view.key == "ringkasan" else BAR
            bars.append((shown(row[spec.label], lang), _count(row[spec.value]), colour))
        charts.append(bar_chart(spec.title, bars))
    return charts


def _table(view: View, lang: str, statuses: dict[str, str]) -> str:
    wide = ' class="wide"' if len(view.columns) > WIDE else (
        ' class="narrow"' if len(view.columns) <= NARROW else "")
    # The workbook's widths, the long columns narrowed more: a page is narrower than a sheet.
    share = [15 if c.kind == "date" else min(c.width, 13) + max(c.width - 13, 0) * 0.3
             for c in view.columns]
    widths = "".join(f'<col style="width: {100 * w / sum(share):.2f}%">' for w in share)
    head = "".join(f"<th>{escape(c.title)}</th>" for c in view.columns)
    rows = []
    for values in view.rows:
        cells = []
        for value, column in zip(values, view.columns, strict=True):
            kind = column.kind
            css = {"int": "num", "long": "long"}.get(kind, "")
            if kind == "status" and value in statuses:
                css = f"s-{statuses[str(value)]}"
            attr = f' class="{css}"' if css else ""
            cells.append(f"<td{attr}>{escape(shown(value, lang))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    if not rows:
        rows.append(f'<tr><td colspan="{len(view.columns)}">'
                    f'{escape(message("rekap_none", lang))}</td></tr>')
    return (f"<table{wide}><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>\n"
            + "\n".join(rows)
            + "\n</tbody></table>")
