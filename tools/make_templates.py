"""Write the built-in Word templates into ``templates/``.

The .docx files in ``templates/`` are what pkgen uses and what legal staff edit in Word; this
script is how their first version was laid out, and a way to lay them out again after a change
of structure. Run: ``python tools/make_templates.py``.

Conventions inside the templates (see README, "Editing a template"):
- ``Pasal {{ pasal.<id> }}`` alone in a paragraph marks an article heading; pkgen numbers the
  articles in the order they appear, skipping optional articles that are absent.
- ``{%p ... %}`` alone in a paragraph is a block tag (if / for) that leaves no empty line;
  ``{%tr ... %}`` does the same for a table row and ``{%tc ... %}`` for a table column.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from pkgen.render import KIND_PROPERTY, set_custom_properties

FONT = "Arial"
OUT = Path(__file__).resolve().parent.parent / "templates"


# --- document scaffolding ------------------------------------------------------------------


def new_document(title: str):
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    # The bottom margin leaves the paraf boxes and the page number clear of the body text.
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.8)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.footer_distance = Cm(0.8)
    doc.core_properties.title = title
    doc.core_properties.author = "pkgen"
    doc.core_properties.language = "id-ID"
    _styles(doc)
    return doc


def _font(style, size=12, bold=None):
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "id-ID")


def _para_style(doc, name, base="Normal", align=None, left=0.0, hanging=0.0, before=0,
                after=6, bold=None, keep_next=False, size=12, outline=None, spacing=1.15):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(
        name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles[base]
    _font(style, size, bold)
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    pf.left_indent = Cm(left)
    pf.first_line_indent = Cm(-hanging) if hanging else Cm(0)
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    pf.line_spacing = spacing
    pf.keep_with_next = keep_next
    pf.widow_control = True
    if hanging:
        pf.tab_stops.add_tab_stop(Cm(left))
    if outline is not None:
        ppr = style.element.get_or_add_pPr()
        lvl = OxmlElement("w:outlineLvl")
        lvl.set(qn("w:val"), str(outline))
        ppr.append(lvl)
    return style


def _styles(doc):
    J, C = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER
    _para_style(doc, "Normal", align=J)
    _para_style(doc, "Judul Dokumen", align=C, bold=True, after=0, keep_next=True)
    numbers = _para_style(doc, "Nomor Dokumen", align=WD_ALIGN_PARAGRAPH.LEFT, left=4.5,
                          after=0, keep_next=True)
    numbers.paragraph_format.tab_stops.add_tab_stop(Cm(6.6))  # the colons line up
    _para_style(doc, "Pasal", align=C, bold=True, before=12, after=0, keep_next=True, outline=0)
    _para_style(doc, "Judul Pasal", align=C, bold=True, after=6, keep_next=True)
    _para_style(doc, "Ayat", align=J, left=1.0, hanging=1.0)
    _para_style(doc, "Butir", align=J, left=1.75, hanging=0.75, after=3)
    _para_style(doc, "Butir Pasal", align=J, left=0.75, hanging=0.75, after=3)
    _para_style(doc, "Komparisi", align=J, left=0.75, hanging=0.75)
    _para_style(doc, "Tanda Tangan", align=C, after=0, size=12, keep_next=True, spacing=1.0)
    _para_style(doc, "Jarak Tanda Tangan", after=0, size=8, keep_next=True, spacing=1.0)
    _para_style(doc, "Meterai", align=C, after=0, size=8, keep_next=True)
    _para_style(doc, "Paraf", align=C, after=0, size=8)
    _para_style(doc, "Kaki", align=C, after=0, size=9)


# --- paragraph helpers ---------------------------------------------------------------------

_BOLD = re.compile(r"(\*\*.+?\*\*|__.+?__)")


def para(container, text="", style="Normal", size=None, color=None, keep_next=False):
    """Add a paragraph; ``**x**`` is bold, ``__x__`` bold and underlined.

    Tags are kept inside one run, so Word shows them as typed and docxtpl reads them whole.
    ``keep_next`` keeps an introductory line ("... meliputi:") on the page of its items.
    """
    p = container.add_paragraph(style=style)
    if keep_next:
        p.paragraph_format.keep_with_next = True
    for part in _BOLD.split(text):
        if not part:
            continue
        bold = part.startswith("**") or part.startswith("__")
        underline = part.startswith("__")
        run = p.add_run(part[2:-2] if bold else part)
        run.bold = bold or None
        run.underline = underline or None
        if size:
            run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    return p


def tag(container, text):
    """A block tag alone in its paragraph (``{%p ... %}``), removed when rendered."""
    return para(container, text)


def article(doc, article_id, title, present_if=None):
    """The two heading paragraphs of an article; optional ones are wrapped in an if."""
    if present_if:
        tag(doc, f"{{%p if {present_if} %}}")
    para(doc, f"Pasal {{{{ pasal.{article_id} }}}}", "Pasal")
    para(doc, title, "Judul Pasal")


def end_article(doc):
    tag(doc, "{%p endif %}")


def listed(doc, var, many, one, style="Butir", number=None):
    """A list from a context list object (see ``context._list``): its items under the
    introduction ``many`` ("… meliputi:"), or, when it holds one item, the sentence ``one``
    followed by that item ("… meliputi pengangkutan sampah.")."""
    head = f"{number}\t" if number else ""
    kind = "Ayat" if number else "Normal"
    tag(doc, f"{{%p if {var}.tunggal %}}")
    para(doc, f"{head}{one} {{{{ {var}.tunggal }}}}", kind)
    tag(doc, "{%p else %}")
    para(doc, f"{head}{many}", kind, keep_next=True)
    tag(doc, f"{{%p for b in {var}.butir %}}")
    para(doc, "{{ b.huruf }}\t{{ b.teks }}", style)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def ayat_list(doc, items):
    """Numbered ayat from a context list of {no, teks}; a lone ayat is a plain paragraph."""
    tag(doc, f"{{%p for a in {items} %}}")
    numbered(doc, "a.no", "{{ a.no }}", "{{ a.teks }}")
    tag(doc, "{%p endfor %}")


def numbered(doc, condition, number, text, keep_next=False):
    """An ayat numbered when ``condition`` holds, else a plain unindented paragraph."""
    tag(doc, f"{{%p if {condition} %}}")
    para(doc, f"{number}\t{text}", "Ayat", keep_next=keep_next)
    tag(doc, "{%p else %}")
    para(doc, text, keep_next=keep_next)
    tag(doc, "{%p endif %}")


def _cell_borders(cell, size=4):
    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), str(size))
        b.set(qn("w:color"), "000000")
        borders.append(b)
    tcpr.append(borders)


def _no_borders(table):
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "nil")
        borders.append(b)
    tblpr.append(borders)


def _field(paragraph, instr):
    """Insert a Word field (PAGE, NUMPAGES) that Word and LibreOffice compute."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


# --- shared parts --------------------------------------------------------------------------


def title_block(doc):
    """The regions' emblems (when given), the title, and one NOMOR line per party with the
    colons aligned."""
    emblems(doc)
    para(doc, "{{ judul }}", "Judul Dokumen")
    _title_rest(doc)


def emblems(doc):
    """The parties' emblems in a row, when any party has one."""
    tag(doc, "{%p if lambang %}")
    table = doc.add_table(rows=1, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    first, cell, last = table.rows[0].cells
    for c in (first, cell, last):
        c.width = Cm(3.0)
    first.paragraphs[0].add_run("{%tc for p in lambang %}")
    last.paragraphs[0].add_run("{%tc endfor %}")
    cell.paragraphs[0].style = doc.styles["Tanda Tangan"]
    cell.paragraphs[0].paragraph_format.space_after = Pt(10)  # clear of the title
    cell.paragraphs[0].add_run("{{ p.gambar }}")
    tag(doc, "{%p endif %}")


def _title_rest(doc):
    para(doc, "ANTARA", "Judul Dokumen")
    tag(doc, "{%p for baris in judul_pihak %}")
    para(doc, "{{ baris }}", "Judul Dokumen")
    tag(doc, "{%p endfor %}")
    para(doc, "TENTANG", "Judul Dokumen")
    para(doc, "{{ tentang_kapital }}", "Judul Dokumen")
    para(doc, "", "Judul Dokumen")
    tag(doc, "{%p for p in pihak %}")
    para(doc, "NOMOR\t: {{ p.nomor }}", "Nomor Dokumen")
    tag(doc, "{%p endfor %}")
    para(doc, "", "Judul Dokumen")


AKTA = (
    "berdasarkan Akta {{ p.kewenangan.keterangan or 'Pendirian' }} Nomor "
    "{{ p.kewenangan.nomor }} tanggal {{ p.kewenangan.tanggal }} yang dibuat di hadapan "
    "Notaris {{ p.kewenangan.notaris }}"
    "{% if p.kewenangan.pengesahan %}, yang telah mendapat pengesahan Menteri Hukum dan Hak "
    "Asasi Manusia Nomor {{ p.kewenangan.pengesahan }}{% endif %}"
    "{% if p.kewenangan.perubahan %}, beserta perubahannya terakhir dengan Akta Nomor "
    "{{ p.kewenangan.perubahan.nomor }} tanggal {{ p.kewenangan.perubahan.tanggal }}"
    "{% if p.kewenangan.perubahan.notaris %} yang dibuat di hadapan Notaris "
    "{{ p.kewenangan.perubahan.notaris }}{% endif %}{% endif %}"
)
KOMPARISI = (
    "{{ p.no }}.\t**{{ p.penandatangan.nama_kapital }}**, {{ p.penandatangan.jabatan }}"
    "{% if p.penandatangan.nip %}, NIP\u00a0{{ p.penandatangan.nip }}{% endif %}, berkedudukan di "
    "{{ p.alamat }}, "
    "{% if p.kewenangan.dasar == 'jabatan' %}dalam hal ini bertindak dalam jabatannya untuk "
    "dan atas nama {{ p.nama }}"
    "{% elif p.kewenangan.dasar == 'surat_kuasa' %}berdasarkan Surat Kuasa "
    "{{ p.kewenangan.pemberi }} Nomor {{ p.kewenangan.nomor }} tanggal "
    "{{ p.kewenangan.tanggal }}, dalam hal ini bertindak untuk dan atas nama {{ p.nama }}"
    "{% elif p.kewenangan.dasar == 'akta' %}" + AKTA + ", dalam hal ini bertindak untuk dan "
    "atas nama {{ p.nama }}"
    "{% else %}berdasarkan Keputusan{% if p.kewenangan.keterangan %} "
    "{{ p.kewenangan.keterangan }}{% endif %} Nomor {{ p.kewenangan.nomor }} tanggal "
    "{{ p.kewenangan.tanggal }}, dalam hal ini bertindak untuk dan atas nama {{ p.nama }}"
    "{% endif %}, selanjutnya disebut **{{ p.label }}**."
)


def opening(doc, noun):
    para(doc, "Pada hari ini {{ penandatanganan.hari_ini }}, bertempat di "
              "{{ penandatanganan.tempat }}, yang bertanda tangan di bawah ini:")
    tag(doc, "{%p for p in pihak %}")
    para(doc, KOMPARISI, "Komparisi")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ daftar_pihak }} selanjutnya secara sendiri-sendiri disebut **PIHAK** dan "
              "secara bersama-sama disebut **PARA PIHAK**.")
    tag(doc, "{%p if pertimbangan %}")
    listed(doc, "pertimbangan", "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:",
           "PARA PIHAK terlebih dahulu menerangkan", "Butir Pasal")
    tag(doc, "{%p endif %}")


def legal_basis(doc, noun, cite_ksb):
    para(doc, f"PARA PIHAK dalam membuat {noun} ini mendasarkan pada:", keep_next=True)
    tag(doc, "{%p for d in dasar_hukum %}")
    para(doc, "{{ d.no }}.\t{{ d.teks }}", "Butir Pasal")
    tag(doc, "{%p endfor %}")
    if cite_ksb:
        para(doc, "{{ ksb.no }}.\tKesepakatan Bersama antara {{ ksb.antara }} "
                  "{{ ksb.nomor_gabung }} tanggal {{ ksb.tanggal }} tentang {{ ksb.tentang }}"
                  "{{ ksb.akhir }}", "Butir Pasal")
    tag(doc, "{%p for d in persetujuan_dprd %}")
    para(doc, "{{ d.no }}.\tKeputusan Dewan Perwakilan Rakyat Daerah {{ d.daerah }} Nomor "
              "{{ d.nomor }} tanggal {{ d.tanggal }}{% if d.tentang %} tentang {{ d.tentang }}"
              "{% endif %}{{ d.akhir }}", "Butir Pasal")
    tag(doc, "{%p endfor %}")


def common_front(doc, noun):
    article(doc, "maksud_tujuan", "MAKSUD DAN TUJUAN")
    para(doc, "(1)\t{{ maksud_tujuan.maksud }}", "Ayat")
    listed(doc, "maksud_tujuan.tujuan", f"Tujuan {noun} ini adalah:",
           f"Tujuan {noun} ini adalah", number="(2)")

    article(doc, "objek", "OBJEK")
    para(doc, f"Objek {noun} ini adalah {{{{ objek }}}}")

    article(doc, "ruang_lingkup", "RUANG LINGKUP")
    listed(doc, "ruang_lingkup", f"Ruang lingkup {noun} ini meliputi:",
           f"Ruang lingkup {noun} ini meliputi", "Butir Pasal")


SOURCE = (
    "{{ s.nama }}{% if s.jumlah %} sebesar {{ s.jumlah }}{% endif %}"
    "{% if s.rujukan %}, sebagaimana tercantum dalam {{ s.rujukan }}{% endif %}"
    "{% if s.tahun %}, yang akan dianggarkan dalam Anggaran Pendapatan dan Belanja Daerah "
    "Tahun Anggaran {{ s.tahun }}{% endif %}{{ s.akhir }}"
)


def financing(doc, noun):
    """Who bears the cost, each share with its budget reference, the ceiling, and for a third
    party that bears it all, that no regional budget is burdened."""
    article(doc, "pembiayaan", "PEMBIAYAAN")
    cost = f"Biaya yang timbul dalam pelaksanaan {noun} ini dibebankan pada"
    numbered_or_not = ("pembiayaan.ayat_jumlah or pembiayaan.ayat_tidak_membebani "
                       "or pembiayaan.ketentuan")
    tag(doc, "{%p if pembiayaan.sumber.tunggal %}")
    tag(doc, "{%p with s = pembiayaan.sumber.tunggal %}")
    numbered(doc, numbered_or_not, "(1)", f"{cost} {SOURCE}")
    tag(doc, "{%p endwith %}")
    tag(doc, "{%p else %}")
    numbered(doc, numbered_or_not, "(1)", f"{cost}:", keep_next=True)
    tag(doc, "{%p for s in pembiayaan.sumber.butir %}")
    para(doc, "{{ s.huruf }}\t" + SOURCE, "Butir")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if pembiayaan.ayat_jumlah %}")
    para(doc, "{{ pembiayaan.ayat_jumlah }}\tBiaya sebagaimana dimaksud pada ayat (1) "
              "seluruhnya paling banyak {{ pembiayaan.jumlah }}.", "Ayat")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if pembiayaan.ayat_tidak_membebani %}")
    para(doc, f"{{{{ pembiayaan.ayat_tidak_membebani }}}}\tPelaksanaan {noun} ini tidak "
              "membebani Anggaran Pendapatan dan Belanja Daerah "
              "{{ pembiayaan.tidak_membebani }}.", "Ayat")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if pembiayaan.ketentuan %}")
    ayat_list(doc, "pembiayaan.ketentuan")
    tag(doc, "{%p endif %}")


def term(doc, noun, cite_ksb):
    article(doc, "jangka_waktu", "JANGKA WAKTU")
    para(doc, f"(1)\t{noun} ini berlaku "
              "{% if jangka_waktu.lama %}untuk jangka waktu {{ jangka_waktu.lama }} {% endif %}"
              "terhitung sejak {% if jangka_waktu.sejak_ditandatangani %}tanggal "
              "ditandatangani{% else %}tanggal {{ jangka_waktu.mulai }}{% endif %} sampai "
              "dengan tanggal {{ jangka_waktu.berakhir }}.", "Ayat")
    n = 2
    if cite_ksb:
        para(doc, "(2)\tJangka waktu sebagaimana dimaksud pada ayat (1) tidak melampaui "
                  "jangka waktu Kesepakatan Bersama yang berakhir pada tanggal "
                  "{{ ksb.berakhir }}.", "Ayat")
        n = 3
    tag(doc, "{%p if jangka_waktu.perpanjangan %}")
    para(doc, f"({n})\t{noun} ini dapat diperpanjang berdasarkan kesepakatan PARA PIHAK. "
              "PIHAK yang menghendaki perpanjangan menyampaikan maksudnya secara tertulis "
              "kepada PIHAK lain paling lambat {{ jangka_waktu.perpanjangan.pemberitahuan }} "
              "sebelum jangka waktu sebagaimana dimaksud pada ayat (1) berakhir."
              "{% if jangka_waktu.perpanjangan.ketentuan %} "
              "{{ jangka_waktu.perpanjangan.ketentuan }}{% endif %}", "Ayat")
    tag(doc, "{%p endif %}")


def optional_ayat_article(doc, article_id, title, items):
    article(doc, article_id, title, present_if=items)
    ayat_list(doc, items)
    end_article(doc)


def amendment(doc, noun):
    article(doc, "perubahan", "PERUBAHAN", present_if="perubahan is not none")
    para(doc, f"(1)\tHal-hal yang belum diatur atau perubahan atas {noun} ini diatur lebih "
              "lanjut oleh PARA PIHAK dalam bentuk adendum berdasarkan kesepakatan PARA "
              "PIHAK.", "Ayat")
    para(doc, f"(2)\tAdendum sebagaimana dimaksud pada ayat (1) merupakan bagian yang tidak "
              f"terpisahkan dari {noun} ini.", "Ayat")
    ayat_list(doc, "perubahan")
    end_article(doc)


def closing(doc, noun):
    """The PENUTUP: originals and stamp duty, as the signature spaces show them (UU 10/2020:
    each original is a document bearing duty)."""
    article(doc, "penutup", "PENUTUP")
    last = para(doc, f"{noun} ini dibuat dan ditandatangani oleh PARA PIHAK pada hari, "
                "tanggal, bulan dan tahun sebagaimana disebut pada awal " + noun + " ini, dalam "
                "rangkap {{ penutup.rangkap }} asli{% if penutup.meterai %}, masing-masing "
                "bermeterai cukup{% endif %} dan mempunyai kekuatan hukum yang sama, "
                "masing-masing PIHAK memegang paling sedikit 1 (satu) asli.", keep_next=True)
    last.paragraph_format.space_after = Pt(18)  # the signatures follow at a distance


def ending(doc, noun):
    """The last articles, the signatures and the footer, shared by every template."""
    amendment(doc, noun)
    optional_ayat_article(doc, "lain_lain", "LAIN-LAIN", "lain_lain")
    closing(doc, noun)
    signatures(doc)
    footer(doc)


SIGNING_HEIGHT = Cm(3.0)


def unbreakable_block(doc, width):
    """The cell of a borderless one-row table, ``width`` wide, whose row may not break
    across pages: what is put in it moves whole to the next page."""
    outer = doc.add_table(rows=1, cols=1)
    outer.alignment = WD_TABLE_ALIGNMENT.CENTER
    outer.autofit = False
    _no_borders(outer)
    _no_cell_margins(outer)
    outer.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    block = outer.rows[0].cells[0]
    block.width = width
    return block


def signatures(doc):
    """Signatories two by two in aligned rows — label, position, a signing space of fixed
    height (with a framed meterai space), name, NIP.

    The rows of signatories sit inside one borderless row that may not break across pages,
    kept with the PENUTUP's last paragraph: Word and LibreOffice both move the whole block to
    the next page rather than split it (LibreOffice ignores keep-with-next between rows).
    """
    block = unbreakable_block(doc, Cm(16))
    block.paragraphs[0].add_run("{%p for baris in tanda_tangan %}")
    table = block.add_table(rows=5, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    contents = [
        "**{{ p.label }},**", "{{ p.penandatangan.jabatan_kapital }}", None,
        "__{{ p.penandatangan.nama_kapital }}__",
        "{% if p.penandatangan.nip %}NIP\u00a0{{ p.penandatangan.nip }}{% endif %}",
    ]
    for row, text in zip(table.rows, contents, strict=True):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        first, cell, last = row.cells
        # Each signatory's column keeps its width: a lone last one is centred, not stretched.
        for c, width in ((first, 0.5), (cell, 7.5), (last, 0.5)):
            c.width = Cm(width)
        first.paragraphs[0].add_run("{%tc for p in baris %}")
        last.paragraphs[0].add_run("{%tc endfor %}")
        cell.paragraphs[0].style = doc.styles["Tanda Tangan"]
        if text is None:
            _signing_space(doc, row, cell)
        else:
            _fill(cell.paragraphs[0], text)
    block.paragraphs[-1].style = doc.styles["Jarak Tanda Tangan"]  # between the rows
    tag(block, "{%p endfor %}")


def _no_cell_margins(table):
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), "0")
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    table._tbl.tblPr.append(margins)


def _fill(paragraph, text):
    """Write ``text`` into an existing paragraph, ``**bold**`` and ``__underlined__`` as para."""
    for part in _BOLD.split(text):
        if not part:
            continue
        bold = part.startswith("**") or part.startswith("__")
        run = paragraph.add_run(part[2:-2] if bold else part)
        run.bold = bold or None
        run.underline = part.startswith("__") or None


def _signing_space(doc, row, cell):
    """A row of fixed height to sign in; a framed box where the meterai is stamped."""
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(SIGNING_HEIGHT.twips)))
    height.set(qn("w:hRule"), "exact")
    row._tr.get_or_add_trPr().append(height)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    tag(cell, "{%p if p.meterai %}")
    box = para(cell, "METERAI\nRp10.000", "Meterai", color="808080")
    _box(box)
    tag(cell, "{%p endif %}")


def _box(paragraph):
    """A thin frame around the paragraph, about the size of a meterai (40 × 25 mm)."""
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Cm(1.6), Cm(1.6)
    fmt.space_before, fmt.space_after = Pt(14), Pt(14)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:space"), "8")
        b.set(qn("w:color"), "808080")
        borders.append(b)
    ppr.append(borders)


def footer(doc, initials=("Paraf {{ p.label }}",),
           pages=(("Halaman ", "PAGE"), (" dari ", "NUMPAGES"))):
    """Paraf boxes, one per party, with the lines ``initials``, and the page number: the
    texts and fields of ``pages`` in turn."""
    ftr = doc.sections[0].footer
    ftr.is_linked_to_previous = False
    first = ftr.paragraphs[0]
    table = ftr.add_table(rows=1, cols=3, width=Cm(16))
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    _no_borders(table)
    left, mid, right = table.rows[0].cells
    left.paragraphs[0].add_run("{%tc for p in pihak %}")
    right.paragraphs[0].add_run("{%tc endfor %}")
    for cell, width in ((left, 0.5), (mid, 3.0), (right, 0.5)):
        cell.width = Cm(width)
    table.autofit = False
    _cell_borders(mid)
    mid.paragraphs[0].style = doc.styles["Paraf"]
    mid.paragraphs[0].add_run(initials[0])
    for line in initials[1:]:
        para(mid, line, "Paraf")
    para(mid, "", "Paraf")
    # The table must follow the first paragraph; Word needs a paragraph after a table too.
    first._p.addnext(table._tbl)
    page = para(ftr, "", "Kaki")
    for text, code in pages:
        page.add_run(text)
        if code:
            _field(page, code)
    first._p.getparent().remove(first._p)


# --- the three templates -------------------------------------------------------------------

#: Causes of termination PP 28/2018 itself lists: Pasal 9 ayat (1) for KSDD; Pasal 22 adds two
#: for KSDPK. They are the draft's causes when the input gives none.
ENDS_KSDD = [
    "jangka waktu Perjanjian berakhir;",
    "tujuan Perjanjian telah tercapai;",
    "terdapat kesepakatan PARA PIHAK untuk mengakhiri Perjanjian;",
    "terjadi perubahan kebijakan berdasarkan ketentuan peraturan perundang-undangan yang "
    "mengakibatkan Perjanjian tidak dapat dilaksanakan; atau",
    "objek Perjanjian hilang atau musnah.",
]
ENDS_KSDPK = [
    *ENDS_KSDD[:3],
    ENDS_KSDD[3].replace("; atau", ";"),
    "objek Perjanjian hilang atau musnah;",
    "putusan pengadilan yang telah memperoleh kekuatan hukum tetap; atau",
    "{{ pihak_ketiga }} dinyatakan pailit sesuai dengan ketentuan peraturan "
    "perundang-undangan.",
]


def rights(doc):
    article(doc, "hak_kewajiban", "HAK DAN KEWAJIBAN")
    tag(doc, "{%p for hk in hak_kewajiban %}")
    listed(doc, "hk.daftar", "{{ hk.judul }} adalah:", "{{ hk.judul }} adalah",
           number="{{ hk.no }}")
    tag(doc, "{%p endfor %}")


def force_majeure(doc):
    article(doc, "keadaan_kahar", "KEADAAN KAHAR")
    listed(doc, "keadaan_kahar.peristiwa",
           "Keadaan kahar adalah keadaan di luar kemampuan dan kehendak PARA PIHAK yang "
           "mengakibatkan salah satu PIHAK atau PARA PIHAK tidak dapat melaksanakan "
           "kewajibannya dalam Perjanjian ini, meliputi:",
           "Keadaan kahar adalah keadaan di luar kemampuan dan kehendak PARA PIHAK yang "
           "mengakibatkan salah satu PIHAK atau PARA PIHAK tidak dapat melaksanakan "
           "kewajibannya dalam Perjanjian ini, yaitu", number="(1)")
    para(doc, "(2)\tPIHAK yang mengalami keadaan kahar wajib memberitahukan secara tertulis "
              "kepada PIHAK lain paling lambat {{ keadaan_kahar.batas }} sejak terjadinya "
              "keadaan kahar, disertai keterangan dari instansi yang berwenang.", "Ayat")
    para(doc, "(3)\tApabila pemberitahuan sebagaimana dimaksud pada ayat (2) tidak disampaikan "
              "dalam jangka waktu tersebut, keadaan kahar dianggap tidak pernah terjadi.",
         "Ayat")
    tag(doc, "{%p if keadaan_kahar.akibat %}")
    listed(doc, "keadaan_kahar.akibat", "Akibat keadaan kahar sebagaimana dimaksud pada ayat "
           "(1):", "Akibat keadaan kahar sebagaimana dimaksud pada ayat (1) adalah",
           number="(4)")
    tag(doc, "{%p else %}")
    para(doc, "(4)\tSelama keadaan kahar berlangsung, kewajiban PIHAK yang mengalaminya "
              "ditangguhkan, dan PARA PIHAK tidak dapat saling menuntut ganti rugi atas "
              "akibat keadaan kahar.", "Ayat")
    tag(doc, "{%p endif %}")


def disputes(doc, jenis):
    """Dispute settlement by jenis: KSDD as PP 28/2018 Pasal 8 jo. UU 23/2014 Pasal 370 (the
    Gubernur for kabupaten/kota of one province, else and failing him the Menteri, whose
    decision alone is final); KSDPK musyawarah first, then the forum agreed (Pasal 21)."""
    article(doc, "penyelesaian_perselisihan", "PENYELESAIAN PERSELISIHAN")
    para(doc, "(1)\tApabila terjadi perselisihan dalam pelaksanaan Perjanjian ini, PARA PIHAK "
              "menyelesaikannya secara musyawarah untuk mufakat"
              "{% if penyelesaian_perselisihan.musyawarah %} dalam jangka waktu paling lama "
              "{{ penyelesaian_perselisihan.musyawarah }} sejak perselisihan diberitahukan "
              "secara tertulis oleh salah satu PIHAK{% endif %}.", "Ayat")
    unresolved = "(2)\tApabila musyawarah sebagaimana dimaksud pada ayat (1) tidak mencapai " \
                 "mufakat, "
    if jenis == "KSDD":
        tag(doc, "{%p if penyelesaian_perselisihan.forum == 'GUBERNUR' %}")
        para(doc, unresolved + "penyelesaian perselisihan diserahkan kepada "
                  "{{ penyelesaian_perselisihan.nama_forum }} sebagai wakil Pemerintah Pusat "
                  "sesuai dengan ketentuan peraturan perundang-undangan.", "Ayat")
        para(doc, "(3)\tApabila {{ penyelesaian_perselisihan.nama_forum }} tidak dapat "
                  "menyelesaikan perselisihan sebagaimana dimaksud pada ayat (2), "
                  "penyelesaiannya dilaksanakan oleh Menteri Dalam Negeri, yang keputusannya "
                  "bersifat final.", "Ayat")
        tag(doc, "{%p else %}")
        para(doc, unresolved + "penyelesaian perselisihan diserahkan kepada "
                  "{{ penyelesaian_perselisihan.nama_forum }} sesuai dengan ketentuan "
                  "peraturan perundang-undangan, yang keputusannya bersifat final.", "Ayat")
        tag(doc, "{%p endif %}")
        return
    para(doc, unresolved +
         "{% if penyelesaian_perselisihan.forum == 'PENGADILAN_NEGERI' %}PARA PIHAK "
         "sepakat menyelesaikannya melalui {{ penyelesaian_perselisihan.nama_forum }} "
         "dan memilih domisili hukum yang tetap di Kepaniteraan "
         "{{ penyelesaian_perselisihan.nama_forum }}"
         "{% elif penyelesaian_perselisihan.forum == 'ARBITRASE' %}PARA PIHAK sepakat "
         "menyelesaikannya melalui arbitrase oleh "
         "{{ penyelesaian_perselisihan.nama_forum }} yang putusannya bersifat final "
         "dan mengikat PARA PIHAK"
         "{% elif penyelesaian_perselisihan.forum == 'MEDIASI' %}PARA PIHAK sepakat "
         "menyelesaikannya melalui mediasi"
         "{% if penyelesaian_perselisihan.nama_forum %} oleh "
         "{{ penyelesaian_perselisihan.nama_forum }}{% endif %}"
         "{% else %}perselisihan diselesaikan oleh "
         "{{ penyelesaian_perselisihan.nama_forum }}{% endif %}.", "Ayat")


def termination(doc, jenis):
    article(doc, "pengakhiran", "PENGAKHIRAN")
    tag(doc, "{%p if pengakhiran.sebab %}")
    listed(doc, "pengakhiran.sebab", "Perjanjian ini berakhir apabila:",
           "Perjanjian ini berakhir apabila", number="(1)")
    tag(doc, "{%p else %}")
    para(doc, "(1)\tPerjanjian ini berakhir apabila:", "Ayat", keep_next=True)
    for i, text in enumerate(ENDS_KSDD if jenis == "KSDD" else ENDS_KSDPK):
        para(doc, f"{chr(ord('a') + i)}.\t{text}", "Butir")
    tag(doc, "{%p endif %}")
    para(doc, "(2)\tPIHAK yang bermaksud mengakhiri Perjanjian ini sebelum jangka waktu "
              "sebagaimana dimaksud dalam Pasal {{ pasal.jangka_waktu }} berakhir wajib "
              "memberitahukan secara tertulis kepada PIHAK lain paling lambat "
              "{{ pengakhiran.pemberitahuan }} sebelum tanggal pengakhiran yang dikehendaki.",
         "Ayat")
    para(doc, "(3)\tPengakhiran Perjanjian ini tidak menghapuskan hak dan kewajiban PARA "
              "PIHAK sebagaimana dimaksud dalam Pasal {{ pasal.hak_kewajiban }} yang belum "
              "diselesaikan.", "Ayat")
    if jenis == "KSDD":  # PP 28/2018 Pasal 9 ayat (2)
        para(doc, "(4)\tPerjanjian ini tidak berakhir karena pergantian kepala daerah atau "
                  "pejabat yang diberi kuasa PARA PIHAK.", "Ayat")


def correspondence(doc):
    article(doc, "korespondensi", "KORESPONDENSI", present_if="korespondensi")
    address = ("{{ k.label }}: {{ k.instansi }}, {{ k.alamat }}"
               "{% if k.untuk_perhatian %}, u.p. {{ k.untuk_perhatian }}{% endif %}"
               "{% if k.telepon %}, telepon {{ k.telepon }}{% endif %}"
               "{% if k.email %}, surel {{ k.email }}{% endif %}{{ k.akhir }}")
    intro = ("Setiap pemberitahuan dan surat-menyurat dalam pelaksanaan Perjanjian ini "
             "disampaikan secara tertulis kepada alamat")
    tag(doc, "{%p if korespondensi.tunggal %}")
    tag(doc, "{%p with k = korespondensi.tunggal %}")
    para(doc, f"(1)\t{intro} {address}", "Ayat")
    tag(doc, "{%p endwith %}")
    tag(doc, "{%p else %}")
    para(doc, f"(1)\t{intro} berikut:", "Ayat", keep_next=True)
    tag(doc, "{%p for k in korespondensi.butir %}")
    para(doc, "{{ k.huruf }}\t" + address, "Butir")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    para(doc, "(2)\tPerubahan alamat sebagaimana dimaksud pada ayat (1) wajib diberitahukan "
              "secara tertulis kepada PIHAK lain paling lambat 7 (tujuh) hari sebelum "
              "berlakunya alamat yang baru.", "Ayat")
    end_article(doc)


def pks(jenis: str):
    noun = "Perjanjian"
    doc = new_document(f"Perjanjian Kerja Sama ({jenis})")
    title_block(doc)
    opening(doc, noun)
    legal_basis(doc, "Perjanjian Kerja Sama", cite_ksb=True)
    para(doc, "Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk mengadakan "
              "Perjanjian Kerja Sama tentang {{ tentang }}, yang selanjutnya disebut "
              "Perjanjian, dengan ketentuan sebagai berikut:")
    common_front(doc, noun)
    optional_ayat_article(doc, "pelaksanaan", "PELAKSANAAN", "pelaksanaan")
    rights(doc)
    financing(doc, noun)
    optional_ayat_article(doc, "monitoring_evaluasi", "MONITORING DAN EVALUASI",
                          "monitoring_evaluasi")
    optional_ayat_article(doc, "sanksi", "SANKSI", "sanksi")
    optional_ayat_article(doc, "kerahasiaan", "KERAHASIAAN", "kerahasiaan")
    term(doc, noun, cite_ksb=True)
    force_majeure(doc)
    disputes(doc, jenis)
    termination(doc, jenis)
    correspondence(doc)
    ending(doc, noun)
    return doc


def ksb():
    noun = "Kesepakatan Bersama"
    doc = new_document("Kesepakatan Bersama")
    title_block(doc)
    opening(doc, noun)
    legal_basis(doc, noun, cite_ksb=False)
    para(doc, "Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk mengadakan "
              "Kesepakatan Bersama tentang {{ tentang }}, yang selanjutnya disebut Kesepakatan "
              "Bersama, dengan ketentuan sebagai berikut:")
    common_front(doc, noun)
    article(doc, "bentuk_kerja_sama", "BENTUK KERJA SAMA", present_if="bentuk_kerja_sama")
    listed(doc, "bentuk_kerja_sama", "Bentuk kerja sama dalam Kesepakatan Bersama ini meliputi:",
           "Bentuk kerja sama dalam Kesepakatan Bersama ini adalah", "Butir Pasal")
    end_article(doc)
    article(doc, "pelaksanaan", "PELAKSANAAN")
    para(doc, "(1)\tKesepakatan Bersama ini ditindaklanjuti dengan Perjanjian Kerja Sama yang "
              "mengatur hak dan kewajiban PARA PIHAK, keadaan kahar, penyelesaian perselisihan, "
              "dan pengakhiran kerja sama.", "Ayat")
    para(doc, "(2)\tPerjanjian Kerja Sama sebagaimana dimaksud pada ayat (1) disusun oleh "
              "perangkat daerah yang membidangi objek kerja sama dan tidak melampaui jangka "
              "waktu Kesepakatan Bersama ini."
              "{% if tahun_anggaran_mulai %} Pelaksanaan kerja sama dimulai pada Tahun "
              "Anggaran {{ tahun_anggaran_mulai }}.{% endif %}", "Ayat")
    financing(doc, noun)
    term(doc, noun, cite_ksb=False)
    article(doc, "penyelesaian_perselisihan", "PENYELESAIAN PERSELISIHAN",
            present_if="penyelesaian_perselisihan")
    para(doc, "Apabila terjadi perselisihan dalam pelaksanaan Kesepakatan Bersama ini, PARA "
              "PIHAK menyelesaikannya secara musyawarah untuk mufakat"
              "{% if penyelesaian_perselisihan.nama_forum %}; apabila tidak tercapai mufakat, "
              "penyelesaiannya diserahkan kepada {{ penyelesaian_perselisihan.nama_forum }}"
              "{% endif %}.")
    end_article(doc)
    article(doc, "pengakhiran", "PENGAKHIRAN", present_if="pengakhiran")
    notice = ("PIHAK yang bermaksud mengakhiri Kesepakatan Bersama ini sebelum jangka waktunya "
              "berakhir wajib memberitahukan secara tertulis kepada PIHAK lain paling lambat "
              "{{ pengakhiran.pemberitahuan }} sebelum tanggal pengakhiran yang dikehendaki.")
    tag(doc, "{%p if pengakhiran.sebab %}")
    listed(doc, "pengakhiran.sebab", "Kesepakatan Bersama ini berakhir apabila:",
           "Kesepakatan Bersama ini berakhir apabila", number="(1)")
    para(doc, f"(2)\t{notice}", "Ayat")
    tag(doc, "{%p else %}")
    para(doc, notice)
    tag(doc, "{%p endif %}")
    end_article(doc)
    ending(doc, noun)
    return doc


def main(out: Path = OUT) -> None:
    from make_foreign_templates import templates as foreign  # builds on this module

    out.mkdir(exist_ok=True)
    for name, doc in (("pks_ksdd", pks("KSDD")), ("pks_ksdpk", pks("KSDPK")), ("ksb", ksb())):
        # The kind of document each template is for (see pkgen/templating.py).
        set_custom_properties(doc, {KIND_PROPERTY: name})
        doc.save(out / f"{name}.docx")
        print(f"wrote {out / name}.docx")
    for name, doc in foreign():  # bilingual, for KSDPL and KSDLL: their kinds are set
        doc.save(out / f"{name}.docx")
        print(f"wrote {out / name}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
