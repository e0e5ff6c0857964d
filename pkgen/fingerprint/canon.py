"""The canonical reading of a .docx: every thing a reader sees, in order, as a list of tokens.

Covered: text everywhere (body, tables, headers and footers of every section, footnotes,
endnotes, comments, text boxes), the effective formatting of every run and paragraph, tracked
changes, fields (their instructions: their shown results are recomputed by every program),
hyperlinks, pictures (by the hash of the image), embedded objects, tables and section and page
setup. Left out is what re-saving rewrites without a visible change: revision ids, attribute
order, proofing marks, bookmarks, empty runs, run boundaries, the layer a format is set in, and
document properties. Lengths a re-saver recomputes (column widths, picture sizes) are kept
apart as numbers compared within a tolerance.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from lxml import etree

from .known import Known
from .layout import (
    cell_props,
    cells,
    choice,
    content,
    drawing,
    page_lengths,
    row_props,
    rows,
    section_props,
    table_props,
    twips,
)
from .package import Package
from .styles import W, on, shared_styles

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_PPR = f"{W}pPr"
# Tags compared on every element, built once.
_P, _TBL, _SECT, _SDT, _RUN, _RPR = (f"{W}{n}" for n in ("p", "tbl", "sectPr", "sdt", "r", "rPr"))
_TEXT = {f"{W}t", f"{W}delText"}
_FIELD = {f"{W}fldChar", f"{W}instrText", f"{W}pgNum"}
_OBJECTS = {f"{W}drawing", f"{W}pict", f"{W}object"}
_NOTES = {f"{W}footnoteReference", f"{W}endnoteReference"}
_ALTERNATE = f"{_MC}AlternateContent"
_CHARS = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "\u2011",
          f"{W}softHyphen": "\u00ad"}
_BREAKS = {"page": "\f", "column": "\v"}
_TRACKED = {f"{W}{n}" for n in ("ins", "del", "moveFrom", "moveTo")}
_WRAPPERS = {f"{W}smartTag", f"{W}customXml", f"{W}dir", f"{W}bdo"}
_LINK, _FLD_SIMPLE, _BR, _SYM, _COMMENT_REF = (
    f"{W}{n}" for n in ("hyperlink", "fldSimple", "br", "sym", "commentReference"))
_MATH = (f"{_M}oMath", f"{_M}oMathPara")
_COMMENT_RANGE = (f"{W}commentRangeStart", f"{W}commentRangeEnd")
_R_ID, _W_TYPE, _W_ID = f"{_R}id", f"{W}type", f"{W}id"
_SKIP_SWITCHES = ("\\* MERGEFORMAT", "\\* Arabic", "\\* ARABIC")
#: What a paragraph's reading takes from beyond its own XML and the styles (relations, notes,
#: comments, fields that may span paragraphs, sections) or adds to the lengths.
_CONTEXTUAL = (*_FIELD, _FLD_SIMPLE, *_OBJECTS, *_NOTES, _COMMENT_REF, *_COMMENT_RANGE, _LINK,
               _SECT, _ALTERNATE, *_MATH, *_TRACKED, _SDT, f"{W}txbxContent")


class Canon:
    """Reads one package into :attr:`tokens` and :attr:`lengths` (twips)."""

    def __init__(self, package: Package, known: Known | None = None) -> None:
        self.pkg = package
        self._known = known
        self.main = package.main()
        self.styles = shared_styles(package, self.main)
        self.tokens: list[str] = []
        self.lengths: list[int] = []
        self._lists: dict[str, int] = {}
        self._text: list[str] = []
        self._format: str | None = None
        self._fields: list[list] = []
        self._headers: dict[str, str] = {}
        self._notes: dict[str, dict[str, etree._Element]] = {}
        self._plain = False  # comments: their words count, not how a program formats them
        self._labels = 0  # list labels given so far
        settings = package.xml(package.related(self.main, "settings"))
        self._even = settings is not None and any(
            on(e) == "1" for e in settings.iter(f"{W}evenAndOddHeaders"))

    def read(self) -> Canon:
        """Read the main document; returns self."""
        root = self.pkg.xml(self.main)
        body = root.find(f"{W}body") if root is not None else None
        if body is None:
            self.tokens.append("EMPTY")
        else:
            self._story(body, self.main)
        return self

    # --- block level ---------------------------------------------------------------------

    def _story(self, element: etree._Element, part: str) -> None:
        saved = (self._text, self._format, self._fields)
        self._text, self._format, self._fields = [], None, []
        self._blocks(element, part)
        self._flush()
        self._text, self._format, self._fields = saved

    def _blocks(self, parent: etree._Element, part: str) -> None:
        known = self._known.paragraphs if self._known is not None else {}
        for child in parent:
            tag = child.tag
            if tag == _P:
                kept = known.get(child)  # most: read before, in no list (see _paragraph)
                if kept is not None and kept.reading and kept.reading[3] and not (
                        self._fields or self._plain or self._text):
                    self.tokens.extend(kept.reading[3])
                    continue
                self._paragraph(child, part)
            elif tag == _TBL:
                self._table(child, part)
            elif tag == _SECT:
                self._section(child, part)
            elif tag == _SDT:
                self._blocks(content(child), part)
            elif tag in _WRAPPERS:
                self._blocks(child, part)
            elif tag in _TRACKED:
                self._tracked(child, part, self._blocks)
            elif tag == _ALTERNATE:
                self._blocks(choice(child), part)
            elif tag == f"{W}altChunk":
                self.tokens.append(f"CHUNK|{self.pkg.target(part, child.get(f'{_R}id'))}")

    def _paragraph(self, p: etree._Element, part: str) -> None:
        known = self._known
        # Inside a field or a comment a paragraph reads another way: not as remembered.
        kept = known.paragraphs.get(p) if known is not None and not (
            self._fields or self._plain) else None
        found = kept.reading if kept is not None else None
        if found is not None:  # read in an earlier draft: its properties, list and content
            shown, num, content, _whole = found
            self._flush()
            self._paragraph_start(shown, num)
            self.tokens.extend(content)
            self.tokens.append("/P")
            return
        ppr = p[0] if len(p) else None
        if ppr is not None and ppr.tag != _PPR:
            ppr = None
        shown, num, style = self.styles.paragraph(ppr)
        self._flush()
        self._paragraph_start(shown, num)
        start = len(self.tokens)
        self._inline(p, part, style)
        self._flush()
        if kept is not None and next(p.iter(*_CONTEXTUAL), None) is None:
            content = tuple(self.tokens[start:])
            whole = (self.tokens[start - 1], *content, "/P") if num is None else ()
            kept.reading = (shown, num, content, whole)
        self.tokens.append("/P")
        if ppr is not None and (sect := next(ppr.iterchildren(_SECT), None)) is not None:
            self._section(sect, part)

    def _paragraph_start(self, shown: str, num: tuple[str, str] | None) -> None:
        if self._plain:
            shown = ""
        elif num is not None:
            shown += "|" + self.styles.list_label(num, self._lists)
            self._labels += 1
        self.tokens.append(f"P|{shown}")

    def _table(self, tbl: etree._Element, part: str) -> None:
        """A table: read, or as read in an earlier draft (its XML as rendered, and its grids'
        widths as finished), if its reading takes nothing from before it (a field, a list)."""
        known = self._known
        key = known.table(tbl) if known is not None and not (
            self._fields or self._plain or self._text) else None
        if key is None:
            self._read_table(tbl, part)
        else:
            self._as_before(key, lambda: self._read_table(tbl, part),
                            lambda: next(tbl.iter(*_CONTEXTUAL), None) is None)

    def _read_table(self, tbl: etree._Element, part: str) -> None:
        grid = tbl.findall(f"{W}tblGrid/{W}gridCol")
        self.lengths.extend(twips(c, "w") for c in grid)
        self.tokens.append(f"TBL|{table_props(tbl.find(f'{W}tblPr'))}|{len(grid)}")
        for row in rows(tbl):
            self._row(row, part)
        self.tokens.append("/TBL")

    def _as_before(self, key: Hashable, read: Callable[[], None],
                   alone: Callable[[], bool] = lambda: True) -> None:
        """The tokens and lengths kept under ``key`` from an earlier draft, or ``read()``'s,
        kept for the next where they gave no list label and ``alone()`` says they take nothing
        else from before them."""
        stories = self._known.stories  # type: ignore[union-attr]
        found = stories.get(key)
        if found is not None:
            self.tokens.extend(found[0])
            self.lengths.extend(found[1])
            return
        tokens, lengths, labels = len(self.tokens), len(self.lengths), self._labels
        read()
        if self._labels == labels and alone():
            stories.put(key, (tuple(self.tokens[tokens:]), tuple(self.lengths[lengths:])))

    def _row(self, row: etree._Element, part: str) -> None:
        props, heights = row_props(row.find(f"{W}trPr"))
        self.lengths += heights
        self.tokens.append(f"TR|{props}")
        for cell in cells(row):
            self.tokens.append(f"TC|{cell_props(cell)}")
            self._story(cell, part)
            self.tokens.append("/TC")
        self.tokens.append("/TR")

    def _section(self, sect: etree._Element, part: str) -> None:
        refs = dict(self._headers)
        for ref in sect:
            name = etree.QName(ref).localname
            if name in ("headerReference", "footerReference"):
                refs[f"{name[:6]}.{ref.get(f'{W}type', 'default')}"] = self.pkg.target(
                    part, ref.get(f"{_R}id"))
        self._headers = refs
        first = any(on(e) == "1" for e in sect.findall(f"{W}titlePg"))
        shown = [k for k in sorted(refs) if k.endswith(".default") or (
            k.endswith(".first") and first) or (k.endswith(".even") and self._even)]
        self._flush()
        self.tokens.append(f"SECT|{section_props(sect)}|first={int(first)}")
        self.lengths += page_lengths(sect, shown)
        for key in shown:
            root = self.pkg.xml(refs[key])
            self.tokens.append(key)
            if root is not None:
                self._part_story(root, refs[key])
            self.tokens.append("/" + key)

    def _part_story(self, root: etree._Element, part: str) -> None:
        """A header's or footer's story: read, or as read in an earlier draft. Its reading
        depends on the list numbering before it only if it holds a list."""
        known = self._known
        key = known.parts.get(root) if known is not None and not self._plain else None
        if key is None:
            self._story(root, part)
        else:
            self._as_before(key, lambda: self._story(root, part))

    def _tracked(self, element: etree._Element, part: str, walk, *args) -> None:
        self._flush()
        name = etree.QName(element).localname
        self.tokens.append(f"{name}|{element.get(f'{W}author', '')}")
        walk(element, part, *args)
        self._flush()
        self.tokens.append(f"/{name}")

    # --- inline level --------------------------------------------------------------------

    def _inline(self, parent: etree._Element, part: str, style: str) -> None:
        for child in parent:
            tag = child.tag
            if tag == _RUN:
                self._run(child, part, style)
            elif tag == _PPR:
                continue
            elif tag == _LINK:
                self._flush()
                rid = child.get(_R_ID)
                self.tokens.append(f"LINK|{self.pkg.target(part, rid) if rid else ''}"
                                   f"#{child.get(f'{W}anchor', '')}")
                self._inline(child, part, style)
                self._flush()
                self.tokens.append("/LINK")
            elif tag in _TRACKED:
                self._tracked(child, part, self._inline, style)
            elif tag in _WRAPPERS:
                self._inline(child, part, style)
            elif tag == _SDT:
                self._inline(content(child), part, style)
            elif tag == _FLD_SIMPLE:
                self._field(child.get(f"{W}instr", ""))
            elif tag in _MATH:
                self._flush()
                self.tokens.append("MATH|" + "".join(t.text or "" for t in child.iter(f"{_M}t")))
            elif tag == _ALTERNATE:
                self._inline(choice(child), part, style)
            elif tag in _COMMENT_RANGE:
                self._flush()
                self.tokens.append(etree.QName(tag).localname[12:])

    def _run(self, r: etree._Element, part: str, style: str) -> None:
        rpr = r[0] if len(r) else None
        if rpr is not None and rpr.tag != _RPR:
            rpr = None
        fmt = "" if self._plain else self.styles.run(style, rpr)
        self._run_content(r, part, fmt)

    def _run_content(self, r: etree._Element, part: str, fmt: str) -> None:
        for child in r:
            tag = child.tag
            if tag == _RPR:
                continue
            if tag in _TEXT:
                text = child.text
                if text and not self._fields:  # as _add, for the commonest case
                    if fmt != self._format:
                        self._flush()
                        self._format = fmt
                    self._text.append(text)
            elif tag in _CHARS:
                self._add(fmt, _CHARS[tag])
            elif tag == _BR:
                self._add(fmt, _BREAKS.get(child.get(_W_TYPE, ""), "\n"))
            elif tag == _SYM:
                self._add(fmt, f"[{child.get(f'{W}font')}:{child.get(f'{W}char')}]")
            elif tag in _FIELD:
                self._field_part(child)
            elif tag in _OBJECTS:
                self._flush()
                self._drawing(child, part)
            elif tag in _NOTES:
                self._note(etree.QName(tag).localname[:-9], child.get(_W_ID, ""))
            elif tag == _COMMENT_REF:
                self._comment(child.get(_W_ID, ""))
            elif tag == _ALTERNATE:
                self._run_content(choice(child), part, fmt)

    def _add(self, fmt: str, text: str) -> None:
        if self._fields or not text:  # a field's shown result is recomputed by every program
            return
        if fmt != self._format:
            self._flush()
            self._format = fmt
        self._text.append(text)

    def _flush(self) -> None:
        if self._text:
            self.tokens.append(f"T|{self._format}|{''.join(self._text)}")
            self._text, self._format = [], None

    # --- fields, notes, comments, drawings ----------------------------------------------------

    def _field_part(self, node: etree._Element) -> None:
        if node.tag == f"{W}pgNum":
            self._field("PAGE")
        elif node.tag == f"{W}instrText":
            if self._fields and not self._fields[-1][1]:
                self._fields[-1][0] += node.text or ""
        elif node.get(f"{W}fldCharType") == "begin":
            self._fields.append(["", False])
        elif node.get(f"{W}fldCharType") == "separate" and self._fields:
            self._fields[-1][1] = True
        elif node.get(f"{W}fldCharType") == "end" and self._fields:
            instr = self._fields.pop()[0]
            if self._fields and not self._fields[-1][1]:
                self._fields[-1][0] += "{" + instr + "}"  # a field inside an instruction
            else:
                self._field(instr)

    def _field(self, instr: str) -> None:
        for switch in _SKIP_SWITCHES:
            instr = instr.replace(switch, " ")
        words = instr.split()
        if words:
            words[0] = words[0].upper()
        self._flush()
        self.tokens.append("F|" + " ".join(words))

    def _note(self, kind: str, note_id: str) -> None:
        notes = self._notes_of(kind + "s")
        self._flush()
        self.tokens.append(f"NOTE|{kind}")
        if note_id in notes:
            self._story(notes[note_id], self.pkg.related(self.main, kind + "s") or "")
        self.tokens.append("/NOTE")

    def _comment(self, comment_id: str) -> None:
        comments = self._notes_of("comments")
        self._flush()
        found = comments.get(comment_id)
        self.tokens.append(f"CMT|{found.get(f'{W}author', '') if found is not None else ''}")
        if found is not None:
            self._plain = True
            self._story(found, self.pkg.related(self.main, "comments") or "")
            self._plain = False
        self.tokens.append("/CMT")

    def _notes_of(self, kind: str) -> dict[str, etree._Element]:
        if kind not in self._notes:
            root = self.pkg.xml(self.pkg.related(self.main, kind))
            self._notes[kind] = {} if root is None else {
                n.get(f"{W}id", ""): n for n in root if n.get(f"{W}type") is None}
        return self._notes[kind]

    def _drawing(self, element: etree._Element, part: str) -> None:
        token, lengths = drawing(element, lambda rid: self.pkg.target(part, rid))
        self.lengths += lengths
        self.tokens.append(token)
        for box in element.iter(f"{W}txbxContent"):
            if next(box.iterancestors(f"{W}txbxContent"), None) is None:
                self._story(box, part)
        self.tokens.append("/DRAW")
