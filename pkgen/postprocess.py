"""Finishing a rendered draft's XML: article numbers, table grids, paper, properties.

Works on lxml elements only, so that a draft rendered one at a time and one rendered from a
prepared template are finished by the same code and come out the same.
"""

from __future__ import annotations

import copy
import math
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from .errors import Problem, TemplateError

PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}
#: Article numbers are rendered as these markers, then replaced once the rendered document
#: shows which articles exist and in which order.
# A private-use character and a random token no input can contain: an agreement's text may
# hold any character, private-use ones included, and must never be taken for a marker.
_TOKEN = "\ue000" + secrets.token_hex(8) + ":"
#: What every marker holds: a paragraph without it is not changed by numbering or italics.
MARKER = _TOKEN
MARK = _TOKEN + "{}\ue001"
_MARK_RE = re.compile(re.escape(_TOKEN) + "(\\w+)\ue001")
#: Text the user set in italics (``*service level agreement*``) travels to the finished draft
#: between these markers, made the same unforgeable way.
ITALIC = "\ue002" + _TOKEN + "{}\ue003"
ITALIC_START = "\ue002"
_ITALIC_RE = re.compile("\ue002" + re.escape(_TOKEN) + "(.*?)\ue003")
_HEADING_RE = re.compile("^\\s*Pasal\\s*" + re.escape(_TOKEN) + "(\\w+)\ue001\\s*$")


Texts = Callable[[etree._Element], tuple[str, str]]
Numbered = Callable[[etree._Element, tuple[int, ...]], None]


def finish(body, others: list, template: Path, kertas: str, texts: Texts | None = None,
           italics: bool = True, numbered: Numbered | None = None) -> str:
    """Number the articles, mend table grids and set the paper size of a rendered draft.

    ``body`` is the document's ``w:body``; ``others`` are the roots of its headers and footers.
    Returns the body's text as finished, one paragraph per line (as
    :func:`pkgen.docx_text.paragraph_texts` reads it), for the draft's provenance.
    ``texts`` gives a paragraph's texts as :func:`paragraph_texts_of` does (a renderer that
    knows some already); ``italics`` False tells that the body holds no italic marker;
    ``numbered`` is told of each paragraph that held a marker, once finished, with the
    article numbers its markers became.
    """
    read = texts or paragraph_texts_of
    paragraphs = [(p, *read(p)) for p in body.iter(_P)]  # one walk, for both uses
    # The marker's first character alone first: a one-character search is many times faster.
    marked = [(i, p, text) for i, (p, text, _written) in enumerate(paragraphs)
              if _TOKEN[0] in text and _TOKEN in text]
    numbers = number_articles(marked, template)
    for root in (body, *others) if italics else others:
        italicize(root)
    found: dict[str, list] = {_PG_SZ: [], _SECT: [], _TBL: []}
    for element in body.iter(_PG_SZ, _SECT, _TBL):  # one more walk, for the rest
        found[element.tag].append(element)
    width, height = (str(Mm(v).twips) for v in PAPER_MM[kertas])
    for size in found[_PG_SZ]:
        size.set(_W_W, width)
        size.set(_W_H, height)
    limit = text_width(found[_SECT])
    fix_table_grids(found[_TBL], limit)
    for root in others:
        fix_table_grids(root.iter(_TBL), limit)
    # Only a paragraph with a marker (an article number, italics) changed since it was read.
    lines = [written for _p, _text, written in paragraphs]
    for (i, p, _text), its in zip(marked, numbers, strict=True):
        if numbered:  # which may tell ``read`` where to keep the paragraph's new texts
            numbered(p, its)
        lines[i] = (read(p) if numbered else paragraph_texts_of(p))[1]
    return "\n".join(lines)


def number_articles(marked: list[tuple[int, etree._Element, str]], template: Path
                    ) -> list[tuple[int, ...]]:
    """Replace article markers by numbers: headings in document order, then references.

    ``marked`` are the body's paragraphs that hold a marker, in order, each with its place
    among the paragraphs and its words (:func:`paragraph_texts_of`). Returns the numbers
    each paragraph's markers became, in order.
    A reference to an article that was not rendered is an error naming its paragraph.
    """
    numbers: dict[str, int] = {}
    for _i, _p, text in marked:
        match = _HEADING_RE.match(text)
        if match:
            article = match.group(1)
            if article in numbers:
                raise TemplateError(
                    Problem("template_article_twice", template, params={"article": article})
                )
            numbers[article] = len(numbers) + 1
    given = []
    for _i, p, text in marked:
        articles = _MARK_RE.findall(text)
        missing = [a for a in articles if a not in numbers]
        if missing:
            shown = _MARK_RE.sub(lambda m: f"{{{{ pasal.{m.group(1)} }}}}", text)
            raise TemplateError(Problem("template_undefined", template, params={
                "name": f"pasal.{missing[0]}", "paragraph": near(shown)}))
        given.append(tuple(numbers[a] for a in articles))
        for t in p.iter(_T):
            if t.text and _TOKEN in t.text:
                t.text = _MARK_RE.sub(lambda m: str(numbers[m.group(1)]), t.text)
    return given


_P, _T, _TAB, _BR = (qn(f"w:{n}") for n in ("p", "t", "tab", "br"))


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


def paragraph_texts_of(paragraph) -> tuple[str, str]:
    """The paragraph's words (its ``w:t``), and its text with tabs and breaks as well (as
    :func:`pkgen.docx_text.paragraph_text` reads it)."""
    words, text = [], []
    for node in paragraph.iter(_T, _TAB, _BR):
        tag = node.tag
        if tag == _T:
            value = node.text or ""
            words.append(value)
            text.append(value)
        else:
            text.append("\t" if tag == _TAB else "\n")
    return "".join(words), "".join(text)


def fix_table_grids(tables: Iterable, limit: int | None = None) -> None:
    """Make each of ``tables``' column grid agree with its cells after a ``{%tc %}`` loop.

    Word and LibreOffice lay columns out from the grid (``w:tblGrid``) and the cell widths
    (``w:tcW``), which a column loop leaves as they were in the template (docxtpl's own
    fixing spreads the old total over the new columns instead). The grid is rebuilt
    from the cells, so a table grows with the number of parties (paraf boxes, signatures two
    by two, emblems); a table that would grow wider than ``limit`` (twips: the text width) is
    narrowed to it, every column in proportion.
    """
    for table in tables:
        grid = next(table.iterchildren(_GRID), None)
        rows = list(table.iterchildren(_TR))
        if grid is None or not rows:
            continue
        widths = [_cell_width(c) for c in rows[0].iterchildren(_TC)]
        if not all(widths) or widths == [col.get(_W_W) for col in grid]:
            continue
        numbers = [int(w) for w in widths if w]
        if limit and sum(numbers) > limit:
            numbers = [n * limit // sum(numbers) for n in numbers]
            for row in rows:
                for cell, width in zip(row.iterchildren(_TC), numbers, strict=False):
                    _cell_width_element(cell).set(_W_W, str(width))
        for col in list(grid):
            grid.remove(col)
        for width in numbers:
            etree.SubElement(grid, _GRID_COL).set(_W_W, str(width))


def docxtpl_fix_tables(body, fixed: Mapping | None = None) -> dict | None:
    """docxtpl's ``fix_tables`` on a body already parsed, so that it need not be parsed again.

    After a column loop a table's grid (``w:tblGrid``) may have fewer or more columns than its
    rows have cells (rows of nested tables included, as docxtpl counts them): docxtpl adds
    columns, scaling the old ones to keep the table's width, or removes the last ones and
    spreads their width over the others. Returns the widths each table's grid was given, by
    table; None, having changed nothing, for a body that docxtpl would read another way or
    stumble on (Word's namespace under another prefix, a table without a grid, a width or span
    that is not a number): docxtpl itself then fixes it. ``fixed`` gives, for tables known to
    be as one fixed before (the same XML), the widths its grid was given then: they are given
    again without reading the table. A test holds this to docxtpl's own on every example.
    """
    if body.nsmap.get("w") != _W_NS:
        return None
    fixed = fixed or {}
    tables = []
    for table in body.iter(_TBL):
        if table in fixed:
            continue
        grid = next(table.iterchildren(_GRID), None)
        columns = list(grid.iterchildren(_GRID_COL)) if grid is not None else []
        if grid is None or any(_number(c.get(_W_W), float) is None for c in columns):
            return None
        spans = [[_number(_span(cell), int) for cell in row.iterchildren(_TC)]
                 for row in table.iter(_TR)]
        if any(span is None for row in spans for span in row):
            return None
        tables.append((table, grid, columns, spans))
    widths = {}
    for table, grid, columns, spans in tables:
        _fix_grid(grid, columns, [len(row) for row in spans],
                  [sum(row) for row in spans])  # type: ignore[arg-type]
        widths[table] = [c.get(_W_W) for c in grid.iterchildren(_GRID_COL)]
    for table, given in fixed.items():
        _set_grid(next(table.iterchildren(_GRID)), given)
        widths[table] = given
    return widths


def _set_grid(grid, widths: list[str]) -> None:
    """Give ``grid`` the columns a fixing gave it before: its own first ones with these
    widths, and as many more as it then added (with a width only)."""
    columns = list(grid.iterchildren(_GRID_COL))
    for column, width in zip(columns, widths, strict=False):
        column.set(_W_W, width)
    for column in columns[len(widths):]:
        grid.remove(column)
    for width in widths[len(columns):]:
        etree.SubElement(grid, _GRID_COL, {_W_W: width})


def _fix_grid(grid, columns: list, cells: list[int], spans: list[int]) -> None:
    """docxtpl's arithmetic, step by step (floats truncated as it truncates them)."""
    to_add = 0
    for count in cells:
        if len(columns) + to_add < count:
            to_add = count - len(columns)
    if to_add > 0:
        width = 0.0
        for col in columns:
            width += float(col.get(_W_W))
        if width > 0:
            old_average = width / len(columns)
            new_average = width / (len(columns) + to_add)
            for col in columns:
                col.set(_W_W, str(int(float(col.get(_W_W)) * new_average / old_average)))
            for _ in range(to_add):
                etree.SubElement(grid, _GRID_COL, {_W_W: str(int(new_average))})
    columns = list(grid.iterchildren(_GRID_COL))
    to_remove = len(columns) - max([0, *spans])
    if to_remove > 0:
        removed = 0.0
        for col in columns[-to_remove:]:
            removed += float(col.get(_W_W))
            grid.remove(col)
        left = list(grid.iterchildren(_GRID_COL))
        extra = int(removed / len(left)) if left else 0
        for col in left:
            col.set(_W_W, str(int(float(col.get(_W_W)) + extra)))


def _span(cell) -> str | None:
    """A cell's ``w:gridSpan`` value as written ('1' without one)."""
    props = next(cell.iterchildren(_TC_PR), None)
    span = next(props.iterchildren(_SPAN), None) if props is not None else None
    return span.get(_VAL) if span is not None else "1"


def _number(value: str | None, kind: type) -> float | int | None:
    """``kind(value)`` where docxtpl's arithmetic can take it, else None."""
    try:
        number = kind(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TBL, _GRID, _GRID_COL, _TR, _TC, _TC_PR, _TC_W, _SPAN, _VAL, _W_W, _W_H = (
    qn(f"w:{n}") for n in (
        "tbl", "tblGrid", "gridCol", "tr", "tc", "tcPr", "tcW", "gridSpan", "val", "w", "h"))
_PG_SZ, _SECT = qn("w:pgSz"), qn("w:sectPr")


def text_width(sections: list) -> int | None:
    """The width between the margins of the last of a body's ``sections``, in twips."""
    if not sections:
        return None
    size, margins = sections[-1].find(qn("w:pgSz")), sections[-1].find(qn("w:pgMar"))
    if size is None or margins is None:
        return None
    return int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"), 0)) - int(
        margins.get(qn("w:right"), 0))


def _cell_width(cell) -> str | None:
    width = _cell_width_element(cell)
    return width.get(_W_W) if width is not None else None


def _cell_width_element(cell):
    """The cell's ``w:tcPr/w:tcW`` (as ``find`` finds it: the first under any ``w:tcPr``)."""
    return next((w for props in cell.iterchildren(_TC_PR) for w in props.iterchildren(_TC_W)),
                None)


def near(text: str | None) -> str:
    """Shorten a paragraph's text for a message ('' when unknown)."""
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:159] + "…"
