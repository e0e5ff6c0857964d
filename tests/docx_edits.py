"""Every kind of edit a person can make to a draft in Word or LibreOffice, made in code.

Each edit reads a .docx and writes the edited copy, as an editor saving it would. Used by the
edit-kind matrix (tests/test_edits.py) and the torture test (tools/torture.py).
"""

from __future__ import annotations

import copy
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (f'xmlns:w="{W_NS}" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def png(width: int = 8, height: int = 8, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small solid PNG image."""
    raw = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _body_paragraph(doc):
    """A paragraph of the body with a long plain run: the opening sentence."""
    return next(p for p in doc.paragraphs if p.text.startswith("Pada hari ini"))


def _split_word(paragraph, word: str):
    """Split the run holding ``word`` so that ``word`` is a run of its own; return it."""
    for run in paragraph.runs:
        if word in run.text:
            before, _, after = run.text.partition(word)
            run.text = before
            middle = paragraph.add_run(word)
            middle._r.getparent().remove(middle._r)
            run._r.addnext(middle._r)
            if run._r.rPr is not None:
                middle._r.insert(0, copy.deepcopy(run._r.rPr))
            if after:
                tail = paragraph.add_run(after)
                tail._r.getparent().remove(tail._r)
                middle._r.addnext(tail._r)
            return middle
    raise AssertionError(f"{word!r} not in the paragraph")


def _with_doc(change: Callable) -> Callable[[Path, Path], None]:
    def edit(source: Path, target: Path) -> None:
        doc = Document(str(source))
        change(doc)
        doc.save(str(target))

    edit.__doc__, edit.__name__ = change.__doc__, change.__name__
    return edit


@_with_doc
def text_body(doc):
    """Words changed in the body."""
    paragraph = _body_paragraph(doc)
    run = paragraph.runs[-1]
    run.text = run.text.replace("Mojokerto", "Kota Mojokerto", 1)


@_with_doc
def text_table(doc):
    """A name in the signature table corrected."""
    cell = next(c for c in _cells(doc.tables) if c.text.strip())
    cell.paragraphs[0].add_run(" (Plt.)")


@_with_doc
def footer_text(doc):
    """The footer's text changed."""
    footer = doc.sections[0].footer
    paragraph = next(p for p in footer.paragraphs if "Halaman" in p.text)
    paragraph.runs[0].text = paragraph.runs[0].text.replace("Halaman", "Hlm.")


@_with_doc
def header_added(doc):
    """A header added with a line of text."""
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "RAHASIA — untuk pembahasan"


@_with_doc
def paragraph_added(doc):
    """A new paragraph typed after the opening."""
    _body_paragraph(doc).insert_paragraph_before("Catatan: ayat ini masih dibahas.")


@_with_doc
def paragraph_deleted(doc):
    """An empty paragraph deleted."""
    empty = next(p for p in doc.paragraphs if not p.text and p._p.getprevious() is not None)
    empty._p.getparent().remove(empty._p)


@_with_doc
def bold_word(doc):
    """One word bolded."""
    _split_word(_body_paragraph(doc), "Senin").bold = True


@_with_doc
def italic_word(doc):
    """One word in italics."""
    _split_word(_body_paragraph(doc), "Senin").italic = True


@_with_doc
def underline_word(doc):
    """One word underlined."""
    _split_word(_body_paragraph(doc), "Senin").underline = True


@_with_doc
def highlight_word(doc):
    """One word highlighted in yellow."""
    _split_word(_body_paragraph(doc), "Senin").font.highlight_color = WD_COLOR_INDEX.YELLOW


@_with_doc
def color_word(doc):
    """One word coloured red."""
    _split_word(_body_paragraph(doc), "Senin").font.color.rgb = RGBColor(0xC0, 0, 0)


@_with_doc
def font_size(doc):
    """One word in a larger size."""
    _split_word(_body_paragraph(doc), "Senin").font.size = Pt(14)


@_with_doc
def font_name(doc):
    """One word in another font."""
    _split_word(_body_paragraph(doc), "Senin").font.name = "Times New Roman"


@_with_doc
def strike_word(doc):
    """One word struck through."""
    _split_word(_body_paragraph(doc), "Senin").font.strike = True


@_with_doc
def hidden_word(doc):
    """One word hidden."""
    _split_word(_body_paragraph(doc), "Senin").font.hidden = True


@_with_doc
def align_paragraph(doc):
    """A paragraph right-aligned."""
    _body_paragraph(doc).alignment = WD_ALIGN_PARAGRAPH.RIGHT


@_with_doc
def indent_paragraph(doc):
    """A paragraph indented."""
    _body_paragraph(doc).paragraph_format.left_indent = Mm(10)


@_with_doc
def spacing_paragraph(doc):
    """More space after a paragraph."""
    _body_paragraph(doc).paragraph_format.space_after = Pt(30)


@_with_doc
def paragraph_style(doc):
    """A paragraph given another style."""
    _body_paragraph(doc).style = doc.styles["Pasal"]


@_with_doc
def numbered_list(doc):
    """A paragraph made an item of a Word numbered list."""
    _body_paragraph(doc).style = doc.styles["List Number"]


@_with_doc
def style_changed(doc):
    """The Normal style's font size changed (every paragraph based on it changes)."""
    doc.styles["Normal"].font.size = Pt(13)


@_with_doc
def page_break(doc):
    """A page break inserted."""
    _body_paragraph(doc).runs[0].add_break(WD_BREAK.PAGE)


@_with_doc
def margins(doc):
    """The left margin changed."""
    doc.sections[0].left_margin = Mm(40)


@_with_doc
def orientation(doc):
    """The page turned to landscape."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


@_with_doc
def paper_size(doc):
    """The paper changed from A4 to Letter."""
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(216), Mm(279)


@_with_doc
def section_added(doc):
    """A section break added (a new page section)."""
    doc.add_section()
    doc.add_paragraph("Lampiran")


@_with_doc
def comment(doc):
    """A Word comment on a word."""
    doc.add_comment(_body_paragraph(doc).runs, text="Periksa tanggal ini.", author="Hukum",
                    initials="H")


@_with_doc
def picture(doc):
    """A picture inserted."""
    _body_paragraph(doc).add_run().add_picture(io.BytesIO(png()), width=Mm(20))


@_with_doc
def tracked_insertion(doc):
    """Text inserted with track changes on."""
    paragraph = _body_paragraph(doc)
    ins = parse_xml(f'<w:ins {_NS} w:id="901" w:author="Hukum" w:date="2024-01-01T00:00:00Z">'
                    '<w:r><w:t xml:space="preserve"> (tempat: Balai Kota)</w:t></w:r></w:ins>')
    paragraph._p.append(ins)


@_with_doc
def tracked_deletion(doc):
    """A word deleted with track changes on."""
    run = _split_word(_body_paragraph(doc), "Senin")
    deleted = parse_xml(f'<w:del {_NS} w:id="902" w:author="Hukum" '
                        'w:date="2024-01-01T00:00:00Z"/>')
    run._r.addprevious(deleted)
    deleted.append(run._r)
    for t in run._r.findall(qn("w:t")):
        t.tag = qn("w:delText")


@_with_doc
def text_box(doc):
    """A text box with a note in it."""
    drawing = parse_xml(
        f'<w:r {_NS}><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="1828800" cy="457200"/><wp:docPr id="901" name="Kotak Teks 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" '
        'y="0"/><a:ext cx="1828800" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        '</a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>Catatan kotak teks'
        '</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>'
        '</a:graphic></wp:inline></w:drawing></w:r>')
    _body_paragraph(doc)._p.append(drawing)


@_with_doc
def equation(doc):
    """An equation object inserted."""
    math = parse_xml(f'<m:oMath {_NS}><m:r><m:t>x=2</m:t></m:r></m:oMath>')
    _body_paragraph(doc)._p.append(math)


def footnote(source: Path, target: Path) -> None:
    """A footnote added to a word of the body."""
    doc = Document(str(source))
    run = _split_word(_body_paragraph(doc), "Senin")
    ref = parse_xml(f'<w:r {_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    '<w:footnoteReference w:id="1"/></w:r>')
    run._r.addnext(ref)
    buffer = io.BytesIO()
    doc.save(buffer)
    notes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_NS}>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
             '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p>'
             '<w:r><w:t xml:space="preserve">Hari kerja menurut kalender pemerintah.</w:t>'
             '</w:r></w:p></w:footnote></w:footnotes>')
    _add_part(buffer.getvalue(), target, "word/footnotes.xml", notes.encode(),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
              "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")


def _add_part(data: bytes, target: Path, name: str, blob: bytes, content_type: str,
              rel_type: str) -> None:
    """Write ``data`` with one more part related to the main document."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(target, "w",
                                                                     zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                root = etree.fromstring(content)
                etree.SubElement(root, "{http://schemas.openxmlformats.org/package/2006/"
                                 "content-types}Override", PartName="/" + name,
                                 ContentType=content_type)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            elif item.filename == "word/_rels/document.xml.rels":
                root = etree.fromstring(content)
                etree.SubElement(root, "{http://schemas.openxmlformats.org/package/2006/"
                                 "relationships}Relationship", Id="rIdFn901", Type=rel_type,
                                 Target=name.split("/", 1)[1])
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            out.writestr(item, content)
        out.writestr(name, blob)


#: Every kind of edit, by name.
EDITS: dict[str, Callable[[Path, Path], None]] = {
    f.__name__: f for f in (
        text_body, text_table, footer_text, header_added, paragraph_added, paragraph_deleted,
        bold_word, italic_word, underline_word, highlight_word, color_word, font_size,
        font_name, strike_word, hidden_word, align_paragraph, indent_paragraph,
        spacing_paragraph, paragraph_style, numbered_list, style_changed, page_break, margins,
        orientation, paper_size, section_added, comment, picture, tracked_insertion,
        tracked_deletion, text_box, equation, footnote)
}


def _cells(tables):
    """Every cell of ``tables`` and of the tables inside their cells (the signatures)."""
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                yield cell
                yield from _cells(cell.tables)
