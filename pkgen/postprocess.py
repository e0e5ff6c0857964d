"""Finishing a rendered draft's XML: article numbers, table grids, paper, properties.

Works on lxml elements only, so that a draft rendered one at a time and one rendered from a
prepared template are finished by the same code and come out the same.
"""

from __future__ import annotations

import copy
import re
import secrets
from collections.abc import Mapping
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
#: Text the user set in italics (``*service level agreement*``) travels to the finished draft
#: between these markers, made the same unforgeable way.
ITALIC = "\ue002" + _TOKEN + "{}\ue003"
_ITALIC_RE = re.compile("\ue002" + re.escape(_TOKEN) + "(.*?)\ue003")
_HEADING_RE = re.compile("^\\s*Pasal\\s*" + re.escape(_TOKEN) + "(\\w+)\ue001\\s*$")


def finish(body, others: list, template: Path, kertas: str) -> None:
    """Number the articles, mend table grids and set the paper size of a rendered draft.

    ``body`` is the document's ``w:body``; ``others`` are the roots of its headers and footers.
    """
    number_articles(body, template)
    for root in (body, *others):
        italicize(root)
    width, height = (Mm(v).twips for v in PAPER_MM[kertas])
    for size in body.iter(qn("w:pgSz")):
        size.set(qn("w:w"), str(width))
        size.set(qn("w:h"), str(height))
    limit = text_width(body)
    for root in (body, *others):
        fix_table_grids(root, limit)


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


def italicize(root) -> None:
    """Turn the italic markers in ``root``'s text into italic runs.

    The run holding the marked text is split: the text before, each marked and unmarked
    piece in a run of its own (a copy of the run's properties, ``w:i`` added to the marked
    ones), and whatever followed the text in the run (a break, more text) after them.
    """
    for t in list(root.iter(_T)):
        if not t.text or "\ue002" not in t.text:
            continue
        run = t.getparent()
        pieces = _ITALIC_RE.split(t.text)  # plain, italic, plain, italic, …, plain
        t.text = pieces[0]
        rest = list(t.itersiblings())
        after = run
        for i, piece in enumerate(pieces[1:], 1):
            if piece:
                after = _add_run(after, run, piece, italic=i % 2 == 1)
        if rest:
            tail = _add_run(after, run, None, italic=False)
            tail.extend(rest)


#: The run properties Word expects before ``w:i`` (the schema fixes their order).
_BEFORE_I = {qn(f"w:{n}") for n in ("rStyle", "rFonts", "b", "bCs")}


def _add_run(after, model, text: str | None, italic: bool):
    """A run after ``after`` with ``model``'s properties (and ``text``, italic if asked)."""
    run = etree.Element(model.tag)
    props = model.find(qn("w:rPr"))
    props = copy.deepcopy(props) if props is not None else None
    if italic:
        props = props if props is not None else etree.Element(qn("w:rPr"))
        if props.find(qn("w:i")) is None:
            later = next((c for c in props if c.tag not in _BEFORE_I), None)
            (later.addprevious if later is not None else props.append)(etree.Element(qn("w:i")))
    if props is not None:
        run.append(props)
    if text is not None:
        element = etree.SubElement(run, _T)
        element.text = text
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    after.addnext(run)
    return run


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_T))


def fix_table_grids(element, limit: int | None = None) -> None:
    """Make each table's column grid agree with its cells after a ``{%tc %}`` column loop.

    Word and LibreOffice lay columns out from the grid (``w:tblGrid``) and the cell widths
    (``w:tcW``), which a column loop leaves as they were in the template (docxtpl's own
    fixing spreads the old total over the new columns instead). The grid is rebuilt
    from the cells, so a table grows with the number of parties (paraf boxes, signatures two
    by two, emblems); a table that would grow wider than ``limit`` (twips: the text width) is
    narrowed to it, every column in proportion.
    """
    for table in element.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        rows = table.findall(qn("w:tr"))
        if grid is None or not rows:
            continue
        widths = [_cell_width(c) for c in rows[0].findall(qn("w:tc"))]
        if not all(widths) or widths == [col.get(qn("w:w")) for col in grid]:
            continue
        numbers = [int(w) for w in widths if w]
        if limit and sum(numbers) > limit:
            numbers = [n * limit // sum(numbers) for n in numbers]
            for row in rows:
                for cell, width in zip(row.findall(qn("w:tc")), numbers, strict=False):
                    cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").set(qn("w:w"), str(width))
        for col in list(grid):
            grid.remove(col)
        for width in numbers:
            etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(width))


def text_width(body) -> int | None:
    """The width between the margins of the body's (last) section, in twips."""
    sections = list(body.iter(qn("w:sectPr")))
    if not sections:
        return None
    size, margins = sections[-1].find(qn("w:pgSz")), sections[-1].find(qn("w:pgMar"))
    if size is None or margins is None:
        return None
    return int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"), 0)) - int(
        margins.get(qn("w:right"), 0))


def _cell_width(cell) -> str | None:
    width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    return width.get(qn("w:w")) if width is not None else None


def custom_properties_xml(existing: bytes | None,
                          properties: Mapping[str, str | None]) -> bytes:
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
