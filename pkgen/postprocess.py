"""Finishing a rendered draft's XML: article numbers, table grids, paper, properties.

Works on lxml elements only, so that a draft rendered one at a time and one rendered from a
prepared template are finished by the same code and come out the same.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from .docx_text import CUSTOM_NS, VT_NS
from .errors import Problem, TemplateError

PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}
#: Article numbers are rendered as these markers, then replaced once the rendered document
#: shows which articles exist and in which order.
# A private-use character and a random token no input can contain: an agreement's text may
# hold any character, private-use ones included, and must never be taken for a marker.
_TOKEN = "\ue000" + secrets.token_hex(8) + ":"
MARK = _TOKEN + "{}\ue001"
_MARK_RE = re.compile(re.escape(_TOKEN) + "(\\w+)\ue001")
_HEADING_RE = re.compile("^\\s*Pasal\\s*" + re.escape(_TOKEN) + "(\\w+)\ue001\\s*$")


def finish(body, others: list, template: Path, kertas: str) -> None:
    """Number the articles, mend table grids and set the paper size of a rendered draft.

    ``body`` is the document's ``w:body``; ``others`` are the roots of its headers and footers.
    """
    number_articles(body, template)
    fix_table_grids(body, keep_cell_widths=False)
    for root in others:
        fix_table_grids(root, keep_cell_widths=True)
    width, height = (Mm(v).twips for v in PAPER_MM[kertas])
    for size in body.iter(qn("w:pgSz")):
        size.set(qn("w:w"), str(width))
        size.set(qn("w:h"), str(height))


def number_articles(body, template: Path) -> None:
    """Replace article markers by numbers: headings in document order, then references.

    A reference to an article that was not rendered is an error naming its paragraph.
    """
    paragraphs = [(p, _text(p)) for p in body.iter(qn("w:p"))]
    numbers: dict[str, int] = {}
    for _p, text in paragraphs:
        match = _HEADING_RE.match(text)
        if match:
            article = match.group(1)
            if article in numbers:
                raise TemplateError(
                    Problem("template_article_twice", template, params={"article": article})
                )
            numbers[article] = len(numbers) + 1
    for p, text in paragraphs:
        missing = [a for a in _MARK_RE.findall(text) if a not in numbers]
        if missing:
            shown = _MARK_RE.sub(lambda m: f"{{{{ pasal.{m.group(1)} }}}}", text)
            raise TemplateError(Problem("template_undefined", template, params={
                "name": f"pasal.{missing[0]}", "paragraph": near(shown)}))
        if _TOKEN not in text:
            continue
        for t in p.iter(_T):
            if t.text and _TOKEN in t.text:
                t.text = _MARK_RE.sub(lambda m: str(numbers[m.group(1)]), t.text)


_T = qn("w:t")


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_T))


def fix_table_grids(element, keep_cell_widths: bool) -> None:
    """Make each table's column grid agree with its cells after a ``{%tc %}`` column loop.

    Word and LibreOffice lay columns out from the grid (``w:tblGrid``) and the cell widths
    (``w:tcW``), which a column loop leaves as they were in the template. With
    ``keep_cell_widths`` (the paraf boxes in the footer) the grid is rebuilt from the cells, so
    the table grows with the number of parties; otherwise a table whose cells all share one
    width (the signature table) has its total width shared equally among its columns.
    """
    for table in element.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        rows = table.findall(qn("w:tr"))
        if grid is None or not rows:
            continue
        cells = rows[0].findall(qn("w:tc"))
        widths = [_cell_width(c) for c in cells]
        if keep_cell_widths:
            if len(widths) == len(grid) or not all(widths):
                continue
        else:
            all_widths = {_cell_width(c) for r in rows for c in r.findall(qn("w:tc"))}
            total = sum(int(col.get(qn("w:w"), "0")) for col in grid)
            if len(all_widths) != 1 or None in all_widths or not total:
                continue
            widths = [str(total // len(cells))] * len(cells)
            for row in rows:
                for cell in row.findall(qn("w:tc")):
                    cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").set(qn("w:w"), widths[0])
        for col in list(grid):
            grid.remove(col)
        for width in widths:
            etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), width)


def _cell_width(cell) -> str | None:
    width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    return width.get(qn("w:w")) if width is not None else None


def custom_properties_xml(existing: bytes | None, properties: dict[str, str | None]) -> bytes:
    """The docProps/custom.xml part with ``properties`` set, keeping any others it had.

    A property whose value is None is removed.
    """
    root = etree.fromstring(existing) if existing else etree.Element(
        f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for prop in list(root):
        if prop.get("name") in properties:
            root.remove(prop)
    pid = max([int(p.get("pid", "1")) for p in root] + [1])
    for name, value in properties.items():
        if value is None:
            continue
        pid += 1
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property",
                                fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", pid=str(pid),
                                name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def near(text: str | None) -> str:
    """Shorten a paragraph's text for a message ('' when unknown)."""
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:159] + "…"
