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
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from pkgen.render import set_custom_properties
from pkgen.templating import KIND_PROPERTY

FONT = "Arial"
OUT = Path(__file__).resolve().parent.parent / "templates"


# --- document scaffolding ------------------------------------------------------------------


def new_document(title: str):
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.5)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.footer_distance = Cm(1.0)
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
                after=6, bold=None, keep_next=False, size=12, outline=None):
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
    pf.line_spacing = 1.15
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
    _para_style(doc, "Nomor Dokumen", align=C, after=0, keep_next=True)
    _para_style(doc, "Pasal", align=C, bold=True, before=12, after=0, keep_next=True, outline=0)
    _para_style(doc, "Judul Pasal", align=C, bold=True, after=6, keep_next=True)
    _para_style(doc, "Ayat", align=J, left=1.0, hanging=1.0)
    _para_style(doc, "Butir", align=J, left=1.75, hanging=0.75, after=3)
    _para_style(doc, "Butir Pasal", align=J, left=0.75, hanging=0.75, after=3)
    _para_style(doc, "Komparisi", align=J, left=0.75, hanging=0.75)
    _para_style(doc, "Tanda Tangan", align=C, after=0, size=12)
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


def butir(doc, items, style="Butir"):
    """Lettered items from a context list of {huruf, teks}."""
    tag(doc, f"{{%p for b in {items} %}}")
    para(doc, "{{ b.huruf }}\t{{ b.teks }}", style)
    tag(doc, "{%p endfor %}")


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
    para(doc, "{{ judul }}", "Judul Dokumen")
    para(doc, "ANTARA", "Judul Dokumen")
    tag(doc, "{%p for baris in judul_pihak %}")
    para(doc, "{{ baris }}", "Judul Dokumen")
    tag(doc, "{%p endfor %}")
    para(doc, "TENTANG", "Judul Dokumen")
    para(doc, "{{ tentang_kapital }}", "Judul Dokumen")
    para(doc, "", "Nomor Dokumen")
    tag(doc, "{%p for p in pihak %}")
    para(doc, "NOMOR : {{ p.nomor }}", "Nomor Dokumen")
    tag(doc, "{%p endfor %}")
    para(doc, "", "Nomor Dokumen")


KOMPARISI = (
    "{{ p.no }}.\t**{{ p.penandatangan.nama_kapital }}**, {{ p.penandatangan.jabatan }}"
    "{% if p.penandatangan.nip %}, NIP {{ p.penandatangan.nip }}{% endif %}, berkedudukan di "
    "{{ p.alamat }}, "
    "{% if p.kewenangan.dasar == 'jabatan' %}dalam hal ini bertindak dalam jabatannya untuk "
    "dan atas nama {{ p.nama }}"
    "{% elif p.kewenangan.dasar == 'surat_kuasa' %}berdasarkan Surat Kuasa "
    "{{ p.kewenangan.pemberi }} Nomor {{ p.kewenangan.nomor }} tanggal "
    "{{ p.kewenangan.tanggal }}, dalam hal ini bertindak untuk dan atas nama {{ p.nama }}"
    "{% else %}berdasarkan {% if p.kewenangan.dasar == 'akta' %}Akta{% else %}Keputusan"
    "{% endif %}{% if p.kewenangan.keterangan %} {{ p.kewenangan.keterangan }}{% endif %} "
    "Nomor {{ p.kewenangan.nomor }} tanggal {{ p.kewenangan.tanggal }}, dalam hal ini "
    "bertindak untuk dan atas nama {{ p.nama }}{% endif %}, selanjutnya disebut "
    "**{{ p.label }}**."
)


def opening(doc, noun):
    para(doc, "Pada hari ini {{ penandatanganan.hari_ini }}, bertempat di "
              "{{ penandatanganan.tempat }}, yang bertanda tangan di bawah ini:")
    tag(doc, "{%p for p in pihak %}")
    para(doc, KOMPARISI, "Komparisi")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ daftar_pihak }} yang selanjutnya secara bersama-sama disebut **PARA PIHAK**.")


def legal_basis(doc, noun, cite_ksb):
    para(doc, f"PARA PIHAK dalam membuat {noun} ini mendasarkan pada:", keep_next=True)
    tag(doc, "{%p for d in dasar_hukum %}")
    para(doc, "{{ d.no }}.\t{{ d.teks }}", "Butir Pasal")
    tag(doc, "{%p endfor %}")
    if cite_ksb:
        para(doc, "{{ ksb.no }}.\tKesepakatan Bersama antara {{ ksb.antara }} Nomor "
                  "{{ ksb.nomor_gabung }} tanggal {{ ksb.tanggal }} tentang {{ ksb.tentang }}"
                  "{% if persetujuan_dprd %};{% else %}.{% endif %}", "Butir Pasal")
    tag(doc, "{%p if persetujuan_dprd %}")
    para(doc, "{{ persetujuan_dprd.no }}.\tKeputusan Dewan Perwakilan Rakyat Daerah Nomor "
              "{{ persetujuan_dprd.nomor }} tanggal {{ persetujuan_dprd.tanggal }}"
              "{% if persetujuan_dprd.tentang %} tentang {{ persetujuan_dprd.tentang }}"
              "{% endif %}.", "Butir Pasal")
    tag(doc, "{%p endif %}")


def common_front(doc, noun):
    article(doc, "maksud_tujuan", "MAKSUD DAN TUJUAN")
    para(doc, "(1)\t{{ maksud_tujuan.maksud }}", "Ayat")
    para(doc, f"(2)\tTujuan {noun} ini adalah:", "Ayat", keep_next=True)
    butir(doc, "maksud_tujuan.tujuan")

    article(doc, "objek", "OBJEK")
    para(doc, f"Objek {noun} ini adalah {{{{ objek }}}}")

    article(doc, "ruang_lingkup", "RUANG LINGKUP")
    para(doc, f"Ruang lingkup {noun} ini meliputi:", keep_next=True)
    butir(doc, "ruang_lingkup", "Butir Pasal")


def financing(doc, noun):
    article(doc, "pembiayaan", "PEMBIAYAAN")
    numbered(doc, "pembiayaan.ketentuan", "(1)",
             f"Biaya yang timbul dalam pelaksanaan {noun} ini dibebankan pada "
             "{{ pembiayaan.sumber }}{% if pembiayaan.jumlah %} dengan nilai paling banyak "
             "{{ pembiayaan.jumlah }}{% endif %}{% if pembiayaan.rujukan_anggaran %} "
             "sebagaimana tercantum dalam {{ pembiayaan.rujukan_anggaran }}{% endif %}, serta "
             "sumber lain yang sah dan tidak mengikat sesuai dengan ketentuan peraturan "
             "perundang-undangan.")
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
              "Pihak yang menghendaki perpanjangan menyampaikan maksudnya secara tertulis "
              "kepada pihak lainnya paling lambat {{ jangka_waktu.perpanjangan.pemberitahuan }} "
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
    article(doc, "penutup", "PENUTUP")
    para(doc, f"{noun} ini dibuat dan ditandatangani oleh PARA PIHAK pada hari, tanggal, bulan "
              "dan tahun sebagaimana disebut pada awal " + noun + " ini, dalam rangkap "
              "{{ penutup.rangkap }} asli{% if penutup.meterai %}, masing-masing bermeterai "
              "cukup{% endif %} dan mempunyai kekuatan hukum yang sama, masing-masing pihak "
              "memegang paling sedikit 1 (satu) asli.", keep_next=True)
    para(doc, "", keep_next=True)


def ending(doc, noun):
    """The last articles, the signatures and the footer, shared by every template."""
    amendment(doc, noun)
    optional_ayat_article(doc, "lain_lain", "LAIN-LAIN", "lain_lain")
    closing(doc, noun)
    signatures(doc)
    footer(doc)


def signatures(doc):
    """One column per party: label, position, signing space (meterai), name, NIP."""
    table = doc.add_table(rows=1, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    # A signature row never breaks across pages.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    first, cell, last = table.rows[0].cells
    for c in (first, cell, last):
        c.width = Cm(5.3)
    first.paragraphs[0].add_run("{%tc for p in pihak %}")
    last.paragraphs[0].add_run("{%tc endfor %}")
    cell.paragraphs[0].style = doc.styles["Tanda Tangan"]
    cell.paragraphs[0].add_run("{{ p.label }},").bold = True
    para(cell, "{{ p.penandatangan.jabatan_kapital }}", "Tanda Tangan")
    para(cell, "", "Tanda Tangan")
    para(cell, "{% if p.meterai %}Meterai Rp10.000{% endif %}", "Tanda Tangan", size=8,
         color="808080")
    para(cell, "", "Tanda Tangan")
    para(cell, "", "Tanda Tangan")
    para(cell, "__{{ p.penandatangan.nama_kapital }}__", "Tanda Tangan")
    para(cell, "{% if p.penandatangan.nip %}NIP {{ p.penandatangan.nip }}{% endif %}",
         "Tanda Tangan")


def footer(doc):
    """Paraf boxes, one per party, and the page number."""
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
    mid.paragraphs[0].add_run("Paraf {{ p.label }}")
    para(mid, "", "Paraf")
    # The table must follow the first paragraph; Word needs a paragraph after a table too.
    first._p.addnext(table._tbl)
    page = para(ftr, "", "Kaki")
    page.add_run("Halaman ")
    _field(page, "PAGE")
    page.add_run(" dari ")
    _field(page, "NUMPAGES")
    first._p.getparent().remove(first._p)


# --- the three templates -------------------------------------------------------------------


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

    article(doc, "hak_kewajiban", "HAK DAN KEWAJIBAN")
    tag(doc, "{%p for hk in hak_kewajiban %}")
    para(doc, "{{ hk.no }}\t{{ hk.judul }}:", "Ayat", keep_next=True)
    butir(doc, "hk.butir")
    tag(doc, "{%p endfor %}")

    financing(doc, noun)
    optional_ayat_article(doc, "monitoring_evaluasi", "MONITORING DAN EVALUASI",
                          "monitoring_evaluasi")
    optional_ayat_article(doc, "sanksi", "SANKSI", "sanksi")
    term(doc, noun, cite_ksb=True)

    article(doc, "keadaan_kahar", "KEADAAN KAHAR")
    para(doc, "(1)\tKeadaan kahar adalah keadaan di luar kemampuan dan kehendak PARA PIHAK "
              "yang mengakibatkan salah satu pihak atau PARA PIHAK tidak dapat melaksanakan "
              "kewajibannya dalam Perjanjian ini, meliputi:", "Ayat", keep_next=True)
    butir(doc, "keadaan_kahar.peristiwa")
    para(doc, "(2)\tPihak yang mengalami keadaan kahar wajib memberitahukan secara tertulis "
              "kepada pihak lainnya paling lambat {{ keadaan_kahar.batas }} sejak terjadinya "
              "keadaan kahar, disertai keterangan dari instansi yang berwenang.", "Ayat")
    para(doc, "(3)\tApabila pemberitahuan sebagaimana dimaksud pada ayat (2) tidak disampaikan "
              "dalam jangka waktu tersebut, keadaan kahar dianggap tidak pernah terjadi.",
         "Ayat")
    tag(doc, "{%p if keadaan_kahar.akibat %}")
    para(doc, "(4)\tAkibat keadaan kahar sebagaimana dimaksud pada ayat (1):", "Ayat",
         keep_next=True)
    butir(doc, "keadaan_kahar.akibat")
    tag(doc, "{%p endif %}")

    article(doc, "penyelesaian_perselisihan", "PENYELESAIAN PERSELISIHAN")
    para(doc, "(1)\tApabila terjadi perselisihan dalam pelaksanaan Perjanjian ini, PARA PIHAK "
              "menyelesaikannya secara musyawarah untuk mufakat"
              "{% if penyelesaian_perselisihan.musyawarah %} dalam jangka waktu paling lama "
              "{{ penyelesaian_perselisihan.musyawarah }} sejak perselisihan diberitahukan "
              "secara tertulis oleh salah satu pihak{% endif %}.", "Ayat")
    if jenis == "KSDD":
        para(doc, "(2)\tApabila musyawarah sebagaimana dimaksud pada ayat (1) tidak mencapai "
                  "mufakat, PARA PIHAK menyerahkan penyelesaian perselisihan kepada "
                  "{{ penyelesaian_perselisihan.nama_forum }}"
                  "{% if penyelesaian_perselisihan.forum == 'GUBERNUR' %} sebagai wakil "
                  "Pemerintah Pusat{% endif %}, yang keputusannya bersifat final dan mengikat "
                  "PARA PIHAK.", "Ayat")
    else:
        para(doc, "(2)\tApabila musyawarah sebagaimana dimaksud pada ayat (1) tidak mencapai "
                  "mufakat, "
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

    article(doc, "pengakhiran", "PENGAKHIRAN")
    para(doc, "(1)\tPerjanjian ini berakhir apabila:", "Ayat", keep_next=True)
    butir(doc, "pengakhiran.sebab")
    para(doc, "(2)\tPihak yang bermaksud mengakhiri Perjanjian ini sebelum jangka waktu "
              "sebagaimana dimaksud dalam Pasal {{ pasal.jangka_waktu }} berakhir wajib "
              "memberitahukan secara tertulis kepada pihak lainnya paling lambat "
              "{{ pengakhiran.pemberitahuan }} sebelum tanggal pengakhiran yang dikehendaki.",
         "Ayat")
    para(doc, "(3)\tPengakhiran Perjanjian ini tidak menghapuskan hak dan kewajiban PARA "
              "PIHAK sebagaimana dimaksud dalam Pasal {{ pasal.hak_kewajiban }} yang belum "
              "diselesaikan.", "Ayat")

    article(doc, "korespondensi", "KORESPONDENSI", present_if="korespondensi")
    para(doc, "(1)\tSetiap pemberitahuan dan surat-menyurat dalam pelaksanaan Perjanjian ini "
              "disampaikan secara tertulis kepada alamat berikut:", "Ayat", keep_next=True)
    tag(doc, "{%p for k in korespondensi %}")
    para(doc, "{{ k.huruf }}.\t{{ k.label }}: {{ k.instansi }}, {{ k.alamat }}"
              "{% if k.untuk_perhatian %}, u.p. {{ k.untuk_perhatian }}{% endif %}"
              "{% if k.telepon %}, telepon {{ k.telepon }}{% endif %}"
              "{% if k.email %}, surel {{ k.email }}{% endif %}{{ k.akhir }}", "Butir")
    tag(doc, "{%p endfor %}")
    para(doc, "(2)\tPerubahan alamat sebagaimana dimaksud pada ayat (1) wajib diberitahukan "
              "secara tertulis kepada pihak lainnya paling lambat 7 (tujuh) hari sebelum "
              "berlakunya alamat yang baru.", "Ayat")
    end_article(doc)

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
    para(doc, "Bentuk kerja sama dalam Kesepakatan Bersama ini meliputi:", keep_next=True)
    butir(doc, "bentuk_kerja_sama", "Butir Pasal")
    end_article(doc)
    article(doc, "pelaksanaan", "PELAKSANAAN")
    para(doc, "(1)\tKesepakatan Bersama ini ditindaklanjuti dengan Perjanjian Kerja Sama yang "
              "mengatur hak dan kewajiban PARA PIHAK, keadaan kahar, penyelesaian perselisihan "
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
    ending(doc, noun)
    return doc


def main(out: Path = OUT) -> None:
    out.mkdir(exist_ok=True)
    for name, doc in (("pks_ksdd", pks("KSDD")), ("pks_ksdpk", pks("KSDPK")), ("ksb", ksb())):
        # The kind of document each template is for (see pkgen/templating.py).
        set_custom_properties(doc, {KIND_PROPERTY: name})
        doc.save(out / f"{name}.docx")
        print(f"wrote {out / name}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
