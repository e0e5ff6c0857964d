"""Lay out the built-in bilingual templates for cooperation with foreign partners (KSDPL and
KSDLL): the letter of intent, the Memorandum of Understanding and the implementing
arrangement, Indonesian and English side by side — and the trilingual ones, where the Korean
text follows the two columns as a full text of its own (its wording: ``foreign_korean.py``).

Called by ``tools/make_templates.py`` (which writes every built-in template). Layout:
- the body is one borderless table of two columns, Indonesian left and English right, one row
  per part (the opening, each party, the legal basis, each article), so that every article
  stands beside its translation; an optional article is a row between ``{%tr if … %}`` rows;
- ``Pasal {{ pasal.x }}`` in the Indonesian column is the heading pkgen numbers; "Article
  {{ pasal.x }}" beside it is a reference to the same number;
- the English column takes its values from ``en`` (the English context);
- the PENUTUP article, the attestation and the signatures (both languages) stand in one row
  that cannot break across pages;
- a Korean text starts on a new page, one column wide: the same articles in the same order,
  "제N조" referring to the number of "Pasal N", its values from ``ko`` (the Korean context),
  its own PENUTUP and signatures; Hangul is set in NanumGothic (``KOREAN_FONT``).
"""

from __future__ import annotations

import foreign_korean as ko
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from make_templates import (
    SIGNING_HEIGHT,
    _fill,
    _no_borders,
    _para_style,
    emblems,
    footer,
    listed,
    new_document,
    numbered,
    para,
    tag,
    unbreakable_block,
)

from pkgen.formatting import huruf_butir
from pkgen.render import KIND_PROPERTY, LANGUAGE_PROPERTY, set_custom_properties

LANGS = ("id", "en")
#: Where each language takes its values from: the Indonesian context, or its English or
#: Korean one.
V = {"id": "", "en": "en.", "ko": "ko."}
#: An article's heading in each language; only "Pasal N" is numbered, the others refer to it.
HEADING = {"id": "Pasal {{{{ pasal.{} }}}}", "en": "Article {{{{ pasal.{} }}}}",
           "ko": "제{{{{ pasal.{} }}}}조"}
COLUMN = Cm(8.0)
#: The width of a text in one column (the page between its margins, A4).
FULL = Cm(16.0)
#: The font Hangul is set in (Debian's fonts-nanum; Word elsewhere takes a Korean font of its
#: own when it lacks it, as for any East Asian font it does not have).
KOREAN_FONT = "NanumGothic"
#: The name of each document in each language: in full, and as the text refers to itself.
NOUNS = {
    "LOI": {"id": ("Pernyataan Kehendak", "Pernyataan Kehendak"),
            "en": ("a Letter of Intent", "Letter of Intent"), "ko": ko.NOUNS["LOI"]},
    "KSB": {"id": ("Memorandum Saling Pengertian", "Memorandum"),
            "en": ("a Memorandum of Understanding", "Memorandum"), "ko": ko.NOUNS["KSB"]},
    "PKS": {"id": ("Perjanjian Kerja Sama", "Perjanjian"),
            "en": ("an Implementing Arrangement", "Arrangement"), "ko": ko.NOUNS["PKS"]},
}


class Columns:
    """The two-column body: rows of Indonesian and English cells, and tag rows."""

    langs = LANGS
    #: True for a text on the page, where an article's heading keeps with its text (in a
    #: table, "keep with next" would keep whole rows together: see ``tidy``).
    flowing = False

    def __init__(self, doc):
        self.doc = doc
        self.table = doc.add_table(rows=0, cols=2)
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.table.autofit = False
        _no_borders(self.table)

    def row(self):
        cells = self.table.add_row().cells
        for cell in cells:
            cell.width = COLUMN
        return cells

    def tag(self, text):
        """A row holding only a block tag (``{%tr … %}``), removed when rendered."""
        self.row()[0].paragraphs[0].add_run(text)

    def both(self, write):
        """A row written by ``write(cell, lang)`` in each language."""
        for cell, lang in zip(self.row(), self.langs, strict=True):
            write(cell, lang)

    def article(self, article_id, titles, write, present_if=None):
        """An article in each language: 'Pasal N' (the heading pkgen numbers) and its title,
        'Article N' ('제N조') and its title, each followed by ``write(cell, lang)``. Korean
        titles are taken from ``foreign_korean.TITLES``."""
        if present_if:
            self.tag(f"{{%tr if {present_if} %}}")

        def body(cell, lang):
            para(cell, HEADING[lang].format(article_id), "Pasal", keep_next=self.flowing)
            para(cell, titles[lang] if lang in titles else ko.TITLES[article_id], "Judul Pasal",
                 keep_next=self.flowing)
            write(cell, lang)

        self.both(body)
        if present_if:
            self.tag("{%tr endif %}")


class Text(Columns):
    """A text of one language on the page after the columns (the Korean one): each part
    written by the same builders, block tags on paragraphs instead of rows."""

    flowing = True

    def __init__(self, doc, lang):
        self.doc, self.langs = doc, (lang,)

    def row(self):
        return [self.doc]

    def tag(self, text):
        tag(self.doc, text.replace("{%tr ", "{%p "))


def tidy(doc):
    """Drop the empty first paragraph python-docx leaves in each cell written into, and every
    "keep with next" in a table: Word and LibreOffice take it as keeping the whole row with the
    next one, which pushes whole articles to the next page."""
    for table in doc.element.body.iter(qn("w:tbl")):
        for tc in table.iter(qn("w:tc")):
            ps = tc.findall(qn("w:p"))
            if len(ps) > 1 and not ps[0].findall(qn("w:r")):
                tc.remove(ps[0])
        for keep in list(table.iter(qn("w:keepNext"))):
            keep.getparent().remove(keep)


def styles(doc):
    """Narrower indents and 11 pt type for text in columns of 8 cm."""
    J = WD_ALIGN_PARAGRAPH.JUSTIFY
    _para_style(doc, "Normal", align=J, size=11, spacing=1.1)
    _para_style(doc, "Pasal", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, before=10, after=0,
                size=11, outline=0)
    _para_style(doc, "Judul Pasal", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=6,
                size=11)
    _para_style(doc, "Ayat", align=J, left=0.75, hanging=0.75, size=11, spacing=1.1)
    _para_style(doc, "Butir", align=J, left=1.35, hanging=0.6, after=3, size=11, spacing=1.1)
    _para_style(doc, "Butir Pasal", align=J, left=0.6, hanging=0.6, after=3, size=11,
                spacing=1.1)
    _para_style(doc, "Komparisi", align=J, left=0.6, hanging=0.6, size=11, spacing=1.1)
    _para_style(doc, "Judul Dokumen", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=0,
                size=11)
    _para_style(doc, "Tanda Tangan", align=WD_ALIGN_PARAGRAPH.CENTER, after=0, size=11,
                spacing=1.0)
    _para_style(doc, "Jarak Tanda Tangan", after=0, size=8, spacing=1.0)
    _para_style(doc, "Meterai", align=WD_ALIGN_PARAGRAPH.CENTER, after=0, size=8)


# --- the opening ---------------------------------------------------------------------------


def title(cols):
    """Title, parties with their countries, subject, and each party's number, per language."""
    words = {"id": ("ANTARA", "TENTANG", "NOMOR"), "en": ("BETWEEN", "ON", "NUMBER"),
             "ko": (None, None, "번호")}

    def write(cell, lang):
        if lang == "ko":
            ko.title(cell)
            return
        between, on, _number = words[lang]
        v = V[lang]
        para(cell, f"{{{{ {v}judul }}}}", "Judul Dokumen")
        para(cell, between, "Judul Dokumen")
        tag(cell, f"{{%p for baris in {v}judul_pihak %}}")
        para(cell, "{{ baris }}", "Judul Dokumen")
        tag(cell, "{%p endfor %}")
        para(cell, on, "Judul Dokumen")
        para(cell, f"{{{{ {v}tentang_kapital }}}}", "Judul Dokumen")
        para(cell, "", "Judul Dokumen")

    def numbers(cell, lang):
        tag(cell, "{%p for p in pihak %}")
        para(cell, f"{words[lang][2]}\t: {{{{ p.nomor }}}}", "Nomor Kolom")
        tag(cell, "{%p endfor %}")
        para(cell, "", "Judul Dokumen")

    cols.both(write)
    cols.both(numbers)


KOMPARISI = {
    "id": (
        "{{ p.no }}.\t{% if p.bentuk in ('pemerintah_asing', 'lembaga_asing') %}"
        "**{{ p.nama }}**, {{ p.negara }}, berkedudukan di {{ p.alamat }}, yang diwakili oleh "
        "**{{ p.penandatangan.nama_kapital }}**, {{ p.penandatangan.jabatan }}"
        "{% else %}**{{ p.penandatangan.nama_kapital }}**, {{ p.penandatangan.jabatan }}"
        "{% if p.penandatangan.nip %}, NIP\u00a0{{ p.penandatangan.nip }}{% endif %}, "
        "berkedudukan di {{ p.alamat }}, "
        "{% if p.kewenangan.dasar == 'surat_kuasa' %}berdasarkan Surat Kuasa "
        "{{ p.kewenangan.pemberi }} Nomor {{ p.kewenangan.nomor }} tanggal "
        "{{ p.kewenangan.tanggal }}, dalam hal ini bertindak {% else %}dalam hal ini bertindak "
        "dalam jabatannya {% endif %}untuk dan atas nama {{ p.nama }}, {{ p.negara }}"
        "{% if p.kuasa_penuh %}, berdasarkan Surat Kuasa Penuh Menteri Luar Negeri Nomor "
        "{{ p.kuasa_penuh.nomor }} tanggal {{ p.kuasa_penuh.tanggal }}{% endif %}"
        "{% endif %}, selanjutnya disebut **{{ p.label }}**."
    ),
    "en": (
        "{{ p.no }}.\t{% if p.bentuk in ('pemerintah_asing', 'lembaga_asing') %}"
        "**{{ p.nama_awal }}**, {{ p.negara }}, having its seat at {{ p.alamat }}, represented by "
        "**{{ p.penandatangan.nama_kapital }}**, {{ p.penandatangan.jabatan }}"
        "{% else %}**{{ p.penandatangan.nama_kapital }}**, {{ p.penandatangan.jabatan }}"
        "{% if p.penandatangan.nip %}, NIP\u00a0{{ p.penandatangan.nip }}{% endif %}, "
        "whose office is at {{ p.alamat }}, "
        "{% if p.kewenangan.dasar == 'surat_kuasa' %}under the Power of Attorney of "
        "{{ p.kewenangan.pemberi }} Number {{ p.kewenangan.nomor }} dated "
        "{{ p.kewenangan.tanggal }}, acting {% else %}acting in that capacity {% endif %}"
        "for and on behalf of {{ p.nama }}, {{ p.negara }}"
        "{% if p.kuasa_penuh %}, under the Full Powers of the Minister of Foreign Affairs "
        "Number {{ p.kuasa_penuh.nomor }} dated {{ p.kuasa_penuh.tanggal }}{% endif %}"
        "{% endif %}, hereinafter referred to as the **{{ p.label }}**."
    ),
    "ko": ko.KOMPARISI,
}
OPENING = {
    "id": ("Pada hari ini {{ penandatanganan.hari_ini }}, bertempat di "
           "{{ penandatanganan.tempat }}, yang bertanda tangan di bawah ini:",
           "{{ daftar_pihak }} selanjutnya secara sendiri-sendiri disebut **PIHAK** dan "
           "secara bersama-sama disebut **PARA PIHAK**."),
    "en": ("On this day, {{ en.penandatanganan.hari_ini }}, at {{ en.penandatanganan.tempat }}, "
           "the undersigned:",
           "Hereinafter, {{ en.daftar_pihak }} are individually referred to as a **PARTY** and "
           "collectively as the **PARTIES**."),
    "ko": ko.OPENING,
}


def opening(cols):
    """Date and place, the parties with their authority, their labels, and the recitals."""

    def write(cell, lang):
        first, labels = OPENING[lang]
        para(cell, first)
        tag(cell, f"{{%p for p in {V[lang]}pihak %}}")
        para(cell, KOMPARISI[lang], "Komparisi")
        tag(cell, "{%p endfor %}")
        para(cell, labels)

    cols.both(write)
    cols.tag("{%tr if pertimbangan %}")
    intro = {"id": ("PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:",
                    "PARA PIHAK terlebih dahulu menerangkan"),
             "en": ("The PARTIES first state the following:", "The PARTIES first state"),
             "ko": ko.RECITALS}
    cols.both(lambda cell, lang: listed_in(lang, cell, f"{V[lang]}pertimbangan", *intro[lang],
                                           "Butir Pasal"))
    cols.tag("{%tr endif %}")


BASIS = {
    "id": ("PARA PIHAK dalam membuat {noun} ini mendasarkan pada:",
           "{{ ksb.no }}.\tMemorandum Saling Pengertian antara {{ ksb.antara }} "
           "{{ ksb.nomor_gabung }} tanggal {{ ksb.tanggal }} tentang {{ ksb.tentang }}"
           "{{ ksb.akhir }}",
           "{{ d.no }}.\tKeputusan Dewan Perwakilan Rakyat Daerah {{ d.daerah }} Nomor "
           "{{ d.nomor }} tanggal {{ d.tanggal }}{% if d.tentang %} tentang {{ d.tentang }}"
           "{% endif %}{{ d.akhir }}",
           "{{ c.no }}.\tPersetujuan Menteri Dalam Negeri Nomor {{ c.nomor }} tanggal "
           "{{ c.tanggal }}{% if c.tentang %} tentang {{ c.tentang }}{% endif %}{{ c.akhir }}",
           "{{ c.no }}.\tSurat Konfirmasi Menteri Luar Negeri Nomor {{ c.nomor }} tanggal "
           "{{ c.tanggal }}{% if c.tentang %} tentang {{ c.tentang }}{% endif %}{{ c.akhir }}"),
    "en": ("The PARTIES base this {noun} on:",
           "{{ en.ksb.no }}.\tthe Memorandum of Understanding between {{ en.ksb.antara }} "
           "{{ en.ksb.nomor_gabung }} dated {{ en.ksb.tanggal }} on {{ en.ksb.tentang }}"
           "{{ en.ksb.akhir }}",
           "{{ d.no }}.\tthe Decision of the Regional People's Representative Council (DPRD) "
           "of {{ d.daerah }} Number {{ d.nomor }} dated {{ d.tanggal }}{% if d.tentang %} on "
           "{{ d.tentang }}{% endif %}{{ d.akhir }}",
           "{{ c.no }}.\tthe Approval of the Minister of Home Affairs Number {{ c.nomor }} dated "
           "{{ c.tanggal }}{% if c.tentang %} on {{ c.tentang }}{% endif %}{{ c.akhir }}",
           "{{ c.no }}.\tthe Confirmation Letter of the Minister of Foreign Affairs Number "
           "{{ c.nomor }} dated {{ c.tanggal }}{% if c.tentang %} on {{ c.tentang }}{% endif %}"
           "{{ c.akhir }}"),
    "ko": ko.BASIS,
}
AGREED = {
    "id": "Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk mengadakan {full} "
          "tentang {{{{ tentang }}}}, yang selanjutnya disebut {short}, dengan ketentuan "
          "sebagai berikut:",
    "en": "NOW, THEREFORE, the PARTIES have agreed to enter into {full} on "
          "{{{{ en.tentang }}}}, hereinafter referred to as the {short}, on the following "
          "terms:",
    "ko": ko.AGREED,
}


def legal_basis(cols, dokumen):
    """The legal basis (the MoU a PKS follows, each DPRD approval, the central government's
    approval and confirmation letter), then the agreement to the terms."""

    def write(cell, lang):
        intro, ksb, dprd, central, confirmation = BASIS[lang]
        v = V[lang]
        para(cell, intro.format(noun=NOUNS[dokumen][lang][1]), keep_next=True)
        tag(cell, f"{{%p for d in {v}dasar_hukum %}}")
        para(cell, "{{ d.no }}.\t{{ d.teks }}", "Butir Pasal")
        tag(cell, "{%p endfor %}")
        if dokumen == "PKS":
            para(cell, ksb, "Butir Pasal")
        tag(cell, f"{{%p for d in {v}persetujuan_dprd %}}")
        para(cell, dprd, "Butir Pasal")
        tag(cell, "{%p endfor %}")
        for name, text in (("persetujuan_pusat", central), ("surat_konfirmasi", confirmation)):
            tag(cell, f"{{%p if {v}{name} %}}")
            tag(cell, f"{{%p with c = {v}{name} %}}")
            para(cell, text, "Butir Pasal")
            tag(cell, "{%p endwith %}")
            tag(cell, "{%p endif %}")

    if dokumen == "LOI":
        cols.tag("{%tr if dasar_hukum %}")
    cols.both(write)
    if dokumen == "LOI":
        cols.tag("{%tr endif %}")
    cols.both(lambda cell, lang: para(cell, AGREED[lang].format(
        full=NOUNS[dokumen][lang][0], short=NOUNS[dokumen][lang][1])))


# --- the articles --------------------------------------------------------------------------


def listed_in(lang, cell, var, many, one, style="Butir", number=None):
    """A list as ``lang`` writes it: a lone item as a sentence ("… meliputi pelatihan."), or,
    in Korean, always under the introduction ``many``."""
    if lang == "ko":
        ko.listed(cell, var, many, style, number)
    else:
        listed(cell, var, many, one, style, number)


def _listed(cell, var, texts, lang, short, style="Butir Pasal", number=None):
    many, one = texts[lang]
    listed_in(lang, cell, var, many.format(s=short), one.format(s=short), style, number)


def _ayat_list(cell, items):
    tag(cell, f"{{%p for a in {items} %}}")
    numbered(cell, "a.no", "{{ a.no }}", "{{ a.teks }}")
    tag(cell, "{%p endfor %}")


def purpose(cols, dokumen):
    texts = {"id": ("Tujuan {s} ini adalah:", "Tujuan {s} ini adalah"),
             "en": ("The objectives of this {s} are:", "The objective of this {s} is"),
             "ko": ko.PURPOSE}

    def write(cell, lang):
        v = V[lang]
        para(cell, f"(1)\t{{{{ {v}maksud_tujuan.maksud }}}}", "Ayat")
        _listed(cell, f"{v}maksud_tujuan.tujuan", texts, lang, NOUNS[dokumen][lang][1],
                "Butir", "(2)")

    cols.article("maksud_tujuan", {"id": "MAKSUD DAN TUJUAN", "en": "PURPOSE AND OBJECTIVES"},
                 write)


def subject(cols, dokumen):
    """Object and scope (and, in a Memorandum, the forms of cooperation)."""
    texts = {"id": "Objek {s} ini adalah {{{{ objek }}}}",
             "en": "The object of this {s} is {{{{ en.objek }}}}", "ko": ko.OBJECT}
    cols.article("objek", {"id": "OBJEK", "en": "OBJECT"}, lambda cell, lang: (
        ko.sentences if lang == "ko" else para)(cell, texts[lang].format(
            s=NOUNS[dokumen][lang][1])),
        present_if="objek" if dokumen == "LOI" else None)
    scope = {"id": ("Ruang lingkup {s} ini meliputi:", "Ruang lingkup {s} ini meliputi"),
             "en": ("The scope of this {s} covers:", "The scope of this {s} covers"),
             "ko": ko.SCOPE}
    cols.article("ruang_lingkup", {"id": "RUANG LINGKUP", "en": "SCOPE OF COOPERATION"},
                 lambda cell, lang: _listed(cell, f"{V[lang]}ruang_lingkup", scope, lang,
                                            NOUNS[dokumen][lang][1]))
    if dokumen != "KSB":
        return
    forms = {"id": ("Bentuk kerja sama dalam {s} ini meliputi:",
                    "Bentuk kerja sama dalam {s} ini adalah"),
             "en": ("The forms of cooperation under this {s} include:",
                    "The form of cooperation under this {s} is"),
             "ko": ko.FORMS}
    cols.article("bentuk_kerja_sama", {"id": "BENTUK KERJA SAMA", "en": "FORMS OF COOPERATION"},
                 lambda cell, lang: _listed(cell, f"{V[lang]}bentuk_kerja_sama", forms, lang,
                                            NOUNS[dokumen][lang][1]),
                 present_if="bentuk_kerja_sama")


FOLLOW_UP = {
    "id": ("PARA PIHAK menindaklanjuti Pernyataan Kehendak ini dengan menyusun rencana kerja "
           "sama yang memuat subjek, latar belakang, maksud, tujuan dan sasaran, objek, ruang "
           "lingkup, sumber pembiayaan, dan jangka waktu pelaksanaan kerja sama, untuk diproses "
           "sesuai dengan ketentuan peraturan perundang-undangan yang berlaku bagi masing-masing "
           "PIHAK.", ("PARA PIHAK juga akan:", "PARA PIHAK juga akan")),
    "en": ("The PARTIES shall follow up this Letter of Intent by preparing a cooperation plan "
           "setting out the subject, background, purpose, objectives and targets, object, "
           "scope, sources of funding and duration of the cooperation, to be processed in "
           "accordance with the laws and regulations applicable to each PARTY.",
           ("The PARTIES will also:", "The PARTIES will also")),
    "ko": ko.FOLLOW_UP,
}


def follow_up(cols):
    """A letter of intent is followed by a cooperation plan (PP 28/2018 Pasal 28 ayat (5))."""

    def write(cell, lang):
        first, more = FOLLOW_UP[lang]
        numbered(cell, "tindak_lanjut", "(1)", first)
        tag(cell, "{%p if tindak_lanjut %}")
        _listed(cell, f"{V[lang]}tindak_lanjut", {lang: more}, lang, "", "Butir", "(2)")
        tag(cell, "{%p endif %}")

    cols.article("tindak_lanjut", {"id": "TINDAK LANJUT", "en": "FOLLOW-UP"}, write)


def nature(cols):
    texts = {
        "id": "Pernyataan Kehendak ini merupakan pernyataan kehendak PARA PIHAK untuk bekerja "
              "sama dan tidak menimbulkan kewajiban hukum maupun kewajiban keuangan yang "
              "mengikat PARA PIHAK.",
        "en": "This Letter of Intent expresses the intention of the PARTIES to cooperate and "
              "does not create any legally or financially binding obligation on the PARTIES.",
        "ko": ko.NATURE,
    }
    cols.article("sifat", {"id": "SIFAT PERNYATAAN KEHENDAK", "en": "NATURE OF THIS LETTER"},
                 lambda cell, lang: para(cell, texts[lang]))


def implementation(cols, dokumen):
    if dokumen == "PKS":
        cols.article("pelaksanaan", {"id": "PELAKSANAAN", "en": "IMPLEMENTATION"},
                     lambda cell, lang: _ayat_list(cell, f"{V[lang]}pelaksanaan"),
                     present_if="pelaksanaan")
        return
    texts = {
        "id": ("(1)\tMemorandum ini dilaksanakan lebih lanjut dengan perjanjian kerja sama "
               "yang disusun oleh perangkat daerah dan unit kerja PARA PIHAK yang membidangi "
               "objek kerja sama, yang mengatur hak dan kewajiban PARA PIHAK, pembiayaan, dan "
               "ketentuan teknis lainnya.",
               "(2)\tPerjanjian kerja sama sebagaimana dimaksud pada ayat (1) tidak melampaui "
               "jangka waktu Memorandum ini.{% if tahun_anggaran_mulai %} Pelaksanaan kerja "
               "sama dimulai pada Tahun Anggaran {{ tahun_anggaran_mulai }}.{% endif %}"),
        "en": ("(1)\tThis Memorandum shall be implemented through implementing arrangements "
               "prepared by the agencies of the PARTIES in charge of the object of cooperation, "
               "setting out the rights and obligations of the PARTIES, funding and other "
               "technical provisions.",
               "(2)\tThe implementing arrangements referred to in paragraph (1) shall not extend "
               "beyond the duration of this Memorandum.{% if tahun_anggaran_mulai %} The "
               "cooperation shall start in the Fiscal Year {{ tahun_anggaran_mulai }}."
               "{% endif %}"),
        "ko": ko.IMPLEMENTATION,
    }

    def write(cell, lang):
        for text in texts[lang]:
            para(cell, text, "Ayat")

    cols.article("pelaksanaan", {"id": "PELAKSANAAN", "en": "IMPLEMENTATION"}, write)


def rights(cols):
    texts = {"id": ("{{ hk.judul }} adalah:", "{{ hk.judul }} adalah"),
             "en": ("{{ hk.judul }} are:", "{{ hk.judul }} are"), "ko": ko.RIGHTS}

    def write(cell, lang):
        tag(cell, f"{{%p for hk in {V[lang]}hak_kewajiban %}}")
        listed_in(lang, cell, "hk.daftar", *texts[lang], number="{{ hk.no }}")
        tag(cell, "{%p endfor %}")

    cols.article("hak_kewajiban", {"id": "HAK DAN KEWAJIBAN", "en": "RIGHTS AND OBLIGATIONS"},
                 write)


SOURCE = {
    "id": ("{{ s.nama }}{% if s.jumlah %} sebesar {{ s.jumlah }}{% endif %}"
           "{% if s.rujukan %}, sebagaimana tercantum dalam {{ s.rujukan }}{% endif %}"
           "{% if s.tahun %}, yang akan dianggarkan dalam Anggaran Pendapatan dan Belanja "
           "Daerah Tahun Anggaran {{ s.tahun }}{% endif %}{{ s.akhir }}"),
    "en": ("{{ s.nama }}{% if s.jumlah %} in the amount of {{ s.jumlah }}{% endif %}"
           "{% if s.rujukan %}, as set out in {{ s.rujukan }}{% endif %}"
           "{% if s.tahun %}, to be budgeted in the Regional Revenue and Expenditure Budget for "
           "the Fiscal Year {{ s.tahun }}{% endif %}{{ s.akhir }}"),
    "ko": ko.SOURCE,
}
FUNDING = {
    "id": ("Biaya yang timbul dalam pelaksanaan {s} ini dibebankan pada",
           "Biaya sebagaimana dimaksud pada ayat (1) seluruhnya paling banyak "
           "{{{{ pembiayaan.jumlah }}}}.",
           "Pelaksanaan {s} ini tidak membebani Anggaran Pendapatan dan Belanja Daerah "
           "{{{{ pembiayaan.tidak_membebani }}}}."),
    "en": ("The costs arising from the implementation of this {s} shall be borne by",
           "The costs referred to in paragraph (1) shall not exceed {{{{ en.pembiayaan.jumlah }}}} "
           "in total.",
           "The implementation of this {s} shall not be charged to the Regional Revenue and "
           "Expenditure Budget of {{{{ en.pembiayaan.tidak_membebani }}}}."),
    "ko": ko.FUNDING,
}


def funding(cols, dokumen):
    """Who bears the cost, each share with its budget, the ceiling, and whose budget is spared."""
    numbered_or_not = ("pembiayaan.ayat_jumlah or pembiayaan.ayat_tidak_membebani "
                       "or pembiayaan.ketentuan")

    def write(cell, lang):
        v, short = V[lang], NOUNS[dokumen][lang][1]
        cost, ceiling, spared = (t.format(s=short) for t in FUNDING[lang])
        _sources(cell, lang, cost, numbered_or_not)
        tag(cell, "{%p if pembiayaan.ayat_jumlah %}")
        para(cell, f"{{{{ {v}pembiayaan.ayat_jumlah }}}}\t{ceiling}", "Ayat")
        tag(cell, "{%p endif %}")
        tag(cell, "{%p if pembiayaan.ayat_tidak_membebani %}")
        para(cell, f"{{{{ {v}pembiayaan.ayat_tidak_membebani }}}}\t{spared}", "Ayat")
        tag(cell, "{%p endif %}")
        tag(cell, "{%p if pembiayaan.ketentuan %}")
        _ayat_list(cell, f"{v}pembiayaan.ketentuan")
        tag(cell, "{%p endif %}")

    cols.article("pembiayaan", {"id": "PEMBIAYAAN", "en": "FUNDING"}, write,
                 present_if="pembiayaan" if dokumen == "LOI" else None)


def _sources(cell, lang, cost, condition):
    """Ayat (1) of the funding: who bears the cost, a lone source in the sentence and several
    lettered under it (in Korean, a lone one too stands under it)."""
    v, korean = V[lang], lang == "ko"
    if korean:
        numbered(cell, condition, "(1)", cost, keep_next=True)
    tag(cell, f"{{%p if {v}pembiayaan.sumber.tunggal %}}")
    tag(cell, f"{{%p with s = {v}pembiayaan.sumber.tunggal %}}")
    if korean:
        para(cell, SOURCE[lang], "Butir Tunggal Ayat")
    else:
        numbered(cell, condition, "(1)", f"{cost} {SOURCE[lang]}")
    tag(cell, "{%p endwith %}")
    tag(cell, "{%p else %}")
    if not korean:
        numbered(cell, condition, "(1)", f"{cost}:", keep_next=True)
    tag(cell, f"{{%p for s in {v}pembiayaan.sumber.butir %}}")
    para(cell, "{{ s.huruf }}\t" + SOURCE[lang], "Butir")
    tag(cell, "{%p endfor %}")
    tag(cell, "{%p endif %}")


TERM = {
    "id": ("{S} ini berlaku {{% if jangka_waktu.lama %}}untuk jangka waktu "
           "{{{{ jangka_waktu.lama }}}} {{% endif %}}terhitung sejak "
           "{{% if jangka_waktu.sejak_ditandatangani %}}tanggal ditandatangani{{% else %}}"
           "tanggal {{{{ jangka_waktu.mulai }}}}{{% endif %}} sampai dengan tanggal "
           "{{{{ jangka_waktu.berakhir }}}}.",
           "Jangka waktu sebagaimana dimaksud pada ayat (1) tidak melampaui jangka waktu "
           "Memorandum Saling Pengertian yang berakhir pada tanggal {{{{ ksb.berakhir }}}}.",
           "{S} ini dapat diperpanjang berdasarkan kesepakatan PARA PIHAK. PIHAK yang "
           "menghendaki perpanjangan menyampaikan maksudnya secara tertulis kepada PIHAK lain "
           "paling lambat {{{{ jangka_waktu.perpanjangan.pemberitahuan }}}} sebelum jangka "
           "waktu sebagaimana dimaksud pada ayat (1) berakhir.",
           "Pernyataan Kehendak ini berlaku sejak tanggal ditandatangani sampai dengan "
           "ditandatanganinya Memorandum Saling Pengertian oleh PARA PIHAK."),
    "en": ("This {s} shall remain in force {{% if en.jangka_waktu.lama %}}for a period of "
           "{{{{ en.jangka_waktu.lama }}}} {{% endif %}}from {{% if "
           "en.jangka_waktu.sejak_ditandatangani %}}the date of its signing{{% else %}}"
           "{{{{ en.jangka_waktu.mulai }}}}{{% endif %}} until {{{{ en.jangka_waktu.berakhir }}}}.",
           "The duration referred to in paragraph (1) shall not extend beyond that of the "
           "Memorandum of Understanding, which ends on {{{{ en.ksb.berakhir }}}}.",
           "This {s} may be extended by mutual consent of the PARTIES. A PARTY wishing to "
           "extend it shall notify the other PARTY in writing no later than "
           "{{{{ en.jangka_waktu.perpanjangan.pemberitahuan }}}} before the duration referred "
           "to in paragraph (1) ends.",
           "This Letter of Intent shall take effect on the date of its signing and remain in "
           "force until the PARTIES sign a Memorandum of Understanding."),
    "ko": ko.TERM,
}


def duration(cols, dokumen):
    def write(cell, lang):
        short = NOUNS[dokumen][lang][1]
        period, within, extension, until_mou = (
            t.format(s=short, S=short) for t in TERM[lang])
        if dokumen == "LOI":
            tag(cell, "{%p if jangka_waktu %}")
        if dokumen == "PKS":
            para(cell, f"(1)\t{period}", "Ayat")
            para(cell, f"(2)\t{within}", "Ayat")
        else:
            numbered(cell, "jangka_waktu.perpanjangan", "(1)", period)
        tag(cell, "{%p if jangka_waktu.perpanjangan %}")
        para(cell, f"({3 if dokumen == 'PKS' else 2})\t{extension}", "Ayat")
        tag(cell, "{%p endif %}")
        if dokumen == "LOI":
            tag(cell, "{%p else %}")
            para(cell, until_mou)
            tag(cell, "{%p endif %}")

    cols.article("jangka_waktu", {"id": "JANGKA WAKTU", "en": "DURATION"}, write)


FORCE_MAJEURE = {
    "id": ("Keadaan kahar adalah keadaan di luar kemampuan dan kehendak PARA PIHAK yang "
           "mengakibatkan salah satu PIHAK atau PARA PIHAK tidak dapat melaksanakan "
           "kewajibannya dalam Perjanjian ini, meliputi:",
           "Keadaan kahar adalah keadaan di luar kemampuan dan kehendak PARA PIHAK yang "
           "mengakibatkan salah satu PIHAK atau PARA PIHAK tidak dapat melaksanakan "
           "kewajibannya dalam Perjanjian ini, yaitu",
           "(2)\tPIHAK yang mengalami keadaan kahar wajib memberitahukan secara tertulis kepada "
           "PIHAK lain paling lambat {{ keadaan_kahar.batas }} sejak terjadinya keadaan kahar, "
           "disertai keterangan dari instansi yang berwenang.",
           "(3)\tApabila pemberitahuan sebagaimana dimaksud pada ayat (2) tidak disampaikan "
           "dalam jangka waktu tersebut, keadaan kahar dianggap tidak pernah terjadi.",
           ("Akibat keadaan kahar sebagaimana dimaksud pada ayat (1):",
            "Akibat keadaan kahar sebagaimana dimaksud pada ayat (1) adalah"),
           "(4)\tSelama keadaan kahar berlangsung, kewajiban PIHAK yang mengalaminya "
           "ditangguhkan, dan PARA PIHAK tidak dapat saling menuntut ganti rugi atas akibat "
           "keadaan kahar."),
    "en": ("Force majeure means circumstances beyond the control and will of the PARTIES that "
           "prevent either or both PARTIES from performing their obligations under this "
           "Arrangement, including:",
           "Force majeure means circumstances beyond the control and will of the PARTIES that "
           "prevent either or both PARTIES from performing their obligations under this "
           "Arrangement, namely",
           "(2)\tThe PARTY affected by force majeure shall notify the other PARTY in writing no "
           "later than {{ en.keadaan_kahar.batas }} after it occurs, with a statement from the "
           "competent authority.",
           "(3)\tIf the notice referred to in paragraph (2) is not given within that period, "
           "the force majeure shall be deemed not to have occurred.",
           ("The consequences of the force majeure referred to in paragraph (1) are:",
            "The consequence of the force majeure referred to in paragraph (1) is that"),
           "(4)\tWhile the force majeure lasts, the obligations of the affected PARTY are "
           "suspended, and the PARTIES may not claim damages from each other for its "
           "consequences."),
    "ko": ko.FORCE_MAJEURE,
}


def force_majeure(cols):
    def write(cell, lang):
        v = V[lang]
        many, one, notice, late, effects, default = FORCE_MAJEURE[lang]
        listed_in(lang, cell, f"{v}keadaan_kahar.peristiwa", many, one, number="(1)")
        para(cell, notice, "Ayat")
        para(cell, late, "Ayat")
        tag(cell, "{%p if keadaan_kahar.akibat %}")
        listed_in(lang, cell, f"{v}keadaan_kahar.akibat", *effects, number="(4)")
        tag(cell, "{%p else %}")
        para(cell, default, "Ayat")
        tag(cell, "{%p endif %}")

    cols.article("keadaan_kahar", {"id": "KEADAAN KAHAR", "en": "FORCE MAJEURE"}, write)


DISPUTES = {
    "id": "Setiap perselisihan yang timbul dari penafsiran atau pelaksanaan {s} ini diselesaikan "
          "secara damai melalui konsultasi dan negosiasi antara PARA PIHAK"
          "{{% if penyelesaian_perselisihan and penyelesaian_perselisihan.musyawarah %}} dalam "
          "jangka waktu paling lama {{{{ penyelesaian_perselisihan.musyawarah }}}} sejak "
          "perselisihan diberitahukan secara tertulis oleh salah satu PIHAK{{% endif %}}.",
    "en": "Any dispute arising from the interpretation or implementation of this {s} shall be "
          "settled amicably through consultation and negotiation between the PARTIES"
          "{{% if en.penyelesaian_perselisihan and en.penyelesaian_perselisihan.musyawarah %}} "
          "within {{{{ en.penyelesaian_perselisihan.musyawarah }}}} of either PARTY notifying "
          "the dispute in writing{{% endif %}}.",
    "ko": ko.DISPUTES,
}


def disputes(cols, dokumen):
    """Negotiation and consultation only (PP 28/2018 Pasal 34 for KSDPL, Pasal 41 for KSDLL)."""
    cols.article("penyelesaian_perselisihan",
                 {"id": "PENYELESAIAN PERSELISIHAN", "en": "SETTLEMENT OF DISPUTES"},
                 lambda cell, lang: para(cell, DISPUTES[lang].format(
                     s=NOUNS[dokumen][lang][1])))


#: Causes of termination when the input gives none: PP 28/2018 lists none for a foreign
#: cooperation (its Pasal 9 and 22 are for KSDD and KSDPK); these are drafting practice.
ENDS = {
    "id": ["jangka waktu {S} ini berakhir;", "tujuan {S} ini telah tercapai;",
           "terdapat kesepakatan PARA PIHAK untuk mengakhiri {S} ini; atau",
           "salah satu PIHAK mengakhirinya dengan pemberitahuan sebagaimana dimaksud pada "
           "ayat (2)."],
    "en": ["the duration of this {s} ends;", "the objectives of this {s} have been achieved;",
           "the PARTIES agree to terminate this {s}; or",
           "either PARTY terminates it by notice under paragraph (2)."],
    "ko": ko.ENDS,
}
TERMINATION = {
    "id": ("{S} ini berakhir apabila:", "{S} ini berakhir apabila",
           "(2)\tPIHAK yang bermaksud mengakhiri {S} ini sebelum jangka waktu sebagaimana "
           "dimaksud dalam Pasal {{{{ pasal.jangka_waktu }}}} berakhir wajib memberitahukan "
           "secara tertulis kepada PIHAK lain paling lambat {{{{ pengakhiran.pemberitahuan }}}} "
           "sebelum tanggal pengakhiran yang dikehendaki.",
           "(3)\tPengakhiran {S} ini tidak menghapuskan hak dan kewajiban PARA PIHAK "
           "sebagaimana dimaksud dalam Pasal {{{{ pasal.hak_kewajiban }}}} yang belum "
           "diselesaikan.",
           "(3)\tPengakhiran {S} ini tidak mempengaruhi kegiatan yang telah disepakati "
           "sebelumnya sampai dengan selesainya kegiatan tersebut."),
    "en": ("This {s} shall terminate if:", "This {s} shall terminate if",
           "(2)\tA PARTY intending to terminate this {s} before the end of the duration "
           "referred to in Article {{{{ pasal.jangka_waktu }}}} shall notify the other PARTY in "
           "writing no later than {{{{ en.pengakhiran.pemberitahuan }}}} before the intended "
           "date of termination.",
           "(3)\tThe termination of this {s} shall not affect the rights and obligations of the "
           "PARTIES referred to in Article {{{{ pasal.hak_kewajiban }}}} that have not yet been "
           "fulfilled.",
           "(3)\tThe termination of this {s} shall not affect the activities already agreed "
           "upon until they are completed."),
    "ko": ko.TERMINATION,
}


def termination(cols, dokumen):
    def write(cell, lang):
        short = NOUNS[dokumen][lang][1]
        many, one, notice, rights_kept, activities = (
            t.format(s=short, S=short) for t in TERMINATION[lang])
        v = V[lang]
        tag(cell, "{%p if pengakhiran.sebab %}")
        listed_in(lang, cell, f"{v}pengakhiran.sebab", many, one, number="(1)")
        tag(cell, "{%p else %}")
        para(cell, f"(1)\t{many}", "Ayat", keep_next=True)
        for i, text in enumerate(ENDS[lang]):
            para(cell, f"{huruf_butir(i, lang)}.\t{text.format(s=short, S=short)}", "Butir")
        tag(cell, "{%p endif %}")
        para(cell, notice, "Ayat")
        para(cell, rights_kept if dokumen == "PKS" else activities, "Ayat")

    cols.article("pengakhiran", {"id": "PENGAKHIRAN", "en": "TERMINATION"}, write,
                 present_if=None if dokumen == "PKS" else "pengakhiran")


NOTICES = {
    "id": ("{{ k.label }}: {{ k.instansi }}, {{ k.alamat }}"
           "{% if k.untuk_perhatian %}, u.p. {{ k.untuk_perhatian }}{% endif %}"
           "{% if k.telepon %}, telepon {{ k.telepon }}{% endif %}"
           "{% if k.email %}, surel {{ k.email }}{% endif %}{{ k.akhir }}",
           "Setiap pemberitahuan dan surat-menyurat dalam pelaksanaan Perjanjian ini "
           "disampaikan secara tertulis kepada alamat",
           "berikut:",
           "(2)\tPerubahan alamat sebagaimana dimaksud pada ayat (1) wajib diberitahukan secara "
           "tertulis kepada PIHAK lain paling lambat 7 (tujuh) hari sebelum berlakunya alamat "
           "yang baru."),
    "en": ("the {{ k.label }}: {{ k.instansi }}, {{ k.alamat }}"
           "{% if k.untuk_perhatian %}, attention: {{ k.untuk_perhatian }}{% endif %}"
           "{% if k.telepon %}, telephone {{ k.telepon }}{% endif %}"
           "{% if k.email %}, e-mail {{ k.email }}{% endif %}{{ k.akhir }}",
           "All notices and correspondence under this Arrangement shall be made in writing to "
           "the address of",
           "the following addresses:",
           "(2)\tA change of the address referred to in paragraph (1) shall be notified in "
           "writing to the other PARTY no later than 7 (seven) days before the new address "
           "takes effect."),
    "ko": ko.NOTICES,
}


def correspondence(cols):
    def write(cell, lang):
        address, intro, several, change = NOTICES[lang]
        v, korean = V[lang], lang == "ko"
        if korean:  # one address or several: under the sentence
            para(cell, f"(1)\t{intro}", "Ayat", keep_next=True)
        tag(cell, f"{{%p if {v}korespondensi.tunggal %}}")
        tag(cell, f"{{%p with k = {v}korespondensi.tunggal %}}")
        if korean:
            para(cell, address, "Butir Tunggal Ayat")
        else:
            para(cell, f"(1)\t{intro} {address}", "Ayat")
        tag(cell, "{%p endwith %}")
        tag(cell, "{%p else %}")
        head = intro.removesuffix(" the address of") + " " + several if lang == "en" \
            else f"{intro} {several}"
        if not korean:
            para(cell, f"(1)\t{head}", "Ayat", keep_next=True)
        tag(cell, f"{{%p for k in {v}korespondensi.butir %}}")
        para(cell, "{{ k.huruf }}\t" + address, "Butir")
        tag(cell, "{%p endfor %}")
        tag(cell, "{%p endif %}")
        para(cell, change, "Ayat")

    cols.article("korespondensi", {"id": "KORESPONDENSI", "en": "NOTICES"}, write,
                 present_if="korespondensi")


def optional_ayat(cols, article_id, titles):
    cols.article(article_id, titles,
                 lambda cell, lang: _ayat_list(cell, f"{V[lang]}{article_id}"),
                 present_if=article_id)


AMENDMENT = {
    "id": ("(1)\tHal-hal yang belum diatur atau perubahan atas {S} ini diatur lebih lanjut oleh "
           "PARA PIHAK secara tertulis dalam bentuk adendum berdasarkan kesepakatan PARA PIHAK.",
           "(2)\tAdendum sebagaimana dimaksud pada ayat (1) merupakan bagian yang tidak "
           "terpisahkan dari {S} ini."),
    "en": ("(1)\tMatters not yet provided for in this {s}, and any amendment to it, shall be "
           "agreed upon by the PARTIES in writing in the form of an addendum.",
           "(2)\tThe addendum referred to in paragraph (1) shall form an integral part of this "
           "{s}."),
    "ko": ko.AMENDMENT,
}
LANGUAGE = {
    "id": ("(1)\t{S} ini dibuat dalam {{{{ bahasa.naskah }}}}, dan semua naskah sama aslinya.",
           "(2)\tDalam hal terjadi perbedaan penafsiran antara naskah-naskah tersebut, naskah "
           "dalam {{{{ bahasa.berlaku }}}} yang berlaku."),
    "en": ("(1)\tThis {s} is made in {{{{ en.bahasa.naskah }}}}, all texts being equally "
           "authentic.",
           "(2)\tIn the event of any divergence of interpretation between the texts, the "
           "{{{{ en.bahasa.berlaku }}}} text shall prevail."),
    "ko": ko.LANGUAGE,
}


def closing_articles(cols, dokumen):
    """Amendment, miscellaneous and the governing language (UU 24/2009 Pasal 31; Perpres
    63/2019 Pasal 26 ayat (4): the agreement names the language that prevails)."""

    def amend(cell, lang):
        short = NOUNS[dokumen][lang][1]
        for text in AMENDMENT[lang]:
            para(cell, text.format(s=short, S=short), "Ayat")
        _ayat_list(cell, f"{V[lang]}perubahan")

    cols.article("perubahan", {"id": "PERUBAHAN", "en": "AMENDMENT"}, amend,
                 present_if="perubahan is not none")
    optional_ayat(cols, "lain_lain", {"id": "LAIN-LAIN", "en": "MISCELLANEOUS"})

    def language(cell, lang):
        short = NOUNS[dokumen][lang][1]
        for text in LANGUAGE[lang]:
            para(cell, text.format(s=short, S=short), "Ayat")

    cols.article("bahasa", {"id": "BAHASA", "en": "LANGUAGE"}, language)


# --- the closing, signatures and footer ----------------------------------------------------

ATTESTATION = {
    "id": "{S} ini dibuat dan ditandatangani oleh PARA PIHAK pada hari, tanggal, bulan, dan "
          "tahun sebagaimana disebut pada awal {S} ini, dalam rangkap {{{{ penutup.rangkap }}}} "
          "asli dalam {{{{ bahasa.naskah }}}}{stamp}, dan semua naskah mempunyai kekuatan hukum "
          "yang sama; masing-masing PIHAK memegang paling sedikit 1 (satu) asli.",
    "en": "IN WITNESS WHEREOF, the undersigned, being duly authorised, have signed this {s} on "
          "the day, date, month and year first written above, in "
          "{{{{ en.penutup.rangkap }}}} originals in {{{{ en.bahasa.naskah }}}}{stamp}, all "
          "texts having equal legal force; each PARTY holds at least 1 (one) original.",
    "ko": ko.ATTESTATION,
}
STAMP = {"id": "{% if penutup.meterai %}, masing-masing bermeterai cukup{% endif %}",
         "en": "{% if penutup.meterai %}, each duly stamped{% endif %}", "ko": ko.STAMP}


def closing(doc, dokumen, langs=LANGS):
    """The PENUTUP article and the signatures of ``langs`` (Indonesian and English side by
    side, or the Korean text's), in one borderless row that may not break across pages (Word
    and LibreOffice move it whole to the next page)."""
    block = unbreakable_block(doc, 2 * COLUMN if len(langs) == 2 else FULL)
    penutup = block.add_table(rows=1, cols=len(langs))
    _no_borders(penutup)
    titles = {"id": "PENUTUP", "en": "FINAL PROVISIONS", "ko": ko.TITLES["penutup"]}
    for cell, lang in zip(penutup.rows[0].cells, langs, strict=True):
        cell.width = COLUMN if len(langs) == 2 else FULL
        para(cell, HEADING[lang].format("penutup"), "Pasal")
        para(cell, titles[lang], "Judul Pasal")
        short = NOUNS[dokumen][lang][1]
        stamp = "" if dokumen == "LOI" else STAMP[lang]
        last = para(cell, ATTESTATION[lang].format(s=short, S=short, stamp=stamp))
        last.paragraph_format.space_after = Pt(14)
    signatures(block, dokumen, langs)


#: The lines of a signature block: label and office in both languages (or in Korean), then
#: the signing space (None), the name and the NIP.
SIGNATURE = {
    LANGS: [("**{{ p.label }},**", "**{{ en.pihak[p.no - 1].label }},**"),
            ("{{ p.penandatangan.jabatan_kapital }}",
             "{{ en.pihak[p.no - 1].penandatangan.jabatan_kapital }}"),
            None, ("__{{ p.penandatangan.nama_kapital }}__",)],
    ("ko",): [(ko.SIGNATURE[0],), (ko.SIGNATURE[1],), None, (ko.SIGNATURE[2],)],
}


def signatures(block, dokumen, langs=LANGS):
    """Signatories two by two: label and office in ``langs``, a signing space of 3 cm (with a
    meterai frame where the originals are stamped, on the Indonesian text's page), name and
    NIP."""
    block.add_paragraph().add_run("{%p for baris in tanda_tangan %}")
    table = block.add_table(rows=5, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    contents = [*SIGNATURE[langs],
                ("{% if p.penandatangan.nip %}NIP\u00a0{{ p.penandatangan.nip }}{% endif %}",)]
    for row, texts in zip(table.rows, contents, strict=True):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        first, cell, last = row.cells
        for c, width in ((first, 0.5), (cell, 7.0), (last, 0.5)):
            c.width = Cm(width)
        first.paragraphs[0].add_run("{%tc for p in baris %}")
        last.paragraphs[0].add_run("{%tc endfor %}")
        cell.paragraphs[0].style = block.part.document.styles["Tanda Tangan"]
        if texts is None:
            _signing_space(row, cell, stamped=dokumen != "LOI" and "id" in langs)
            continue
        _fill(cell.paragraphs[0], texts[0])
        for text in texts[1:]:
            _fill(para(cell, "", "Tanda Tangan"), text)
    spacer = block.add_paragraph()
    spacer.style = block.part.document.styles["Jarak Tanda Tangan"]
    block.add_paragraph().add_run("{%p endfor %}")


def _signing_space(row, cell, stamped):
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(SIGNING_HEIGHT.twips)))
    height.set(qn("w:hRule"), "exact")
    row._tr.get_or_add_trPr().append(height)
    if not stamped:
        return
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from make_templates import _box

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    # A meterai space under the Indonesian parties only: who bears the duty on the foreign
    # party's original is for the parties to agree (UU 10/2020 Pasal 9 ayat (6)).
    tag(cell, "{%p if p.meterai and p.bentuk not in ('pemerintah_asing', 'lembaga_asing') %}")
    _box(para(cell, "METERAI\nRp10.000", "Meterai", color="808080"))
    tag(cell, "{%p endif %}")
    para(cell, "", "Meterai")  # a cell keeps a paragraph when it has no meterai


# --- the templates ---------------------------------------------------------------------------

TITLES = {"LOI": "Pernyataan Kehendak / Letter of Intent (KSDPL, KSDLL)",
          "KSB": "Memorandum Saling Pengertian / MoU (KSDPL, KSDLL)",
          "PKS": "Perjanjian Kerja Sama / Implementing Arrangement (KSDPL, KSDLL)"}
#: The footer: each party's paraf box, and the page number in each language.
INITIALS = ("Paraf / Initials", "{{ p.label }}")
PAGES = (("Halaman ", "PAGE"), (" dari ", "NUMPAGES"), (" / Page ", "PAGE"), (" of ", "NUMPAGES"))


def text(cols, dokumen):
    """A whole text but its PENUTUP, in the languages of ``cols``: the title, the opening,
    the legal basis and the articles a ``dokumen`` has, in order."""
    title(cols)
    opening(cols)
    legal_basis(cols, dokumen)
    purpose(cols, dokumen)
    subject(cols, dokumen)
    if dokumen == "LOI":
        follow_up(cols)
        funding(cols, dokumen)
        nature(cols)
        duration(cols, dokumen)
        termination(cols, dokumen)
    else:
        implementation(cols, dokumen)
        if dokumen == "PKS":
            rights(cols)
        funding(cols, dokumen)
        if dokumen == "PKS":
            optional_ayat(cols, "monitoring_evaluasi",
                          {"id": "MONITORING DAN EVALUASI", "en": "MONITORING AND EVALUATION"})
            optional_ayat(cols, "sanksi", {"id": "SANKSI", "en": "SANCTIONS"})
        duration(cols, dokumen)
        if dokumen == "PKS":
            force_majeure(cols)
        disputes(cols, dokumen)
        termination(cols, dokumen)
        if dokumen == "PKS":
            correspondence(cols)
    closing_articles(cols, dokumen)


def build(dokumen, korean=False):
    """The bilingual template of ``dokumen`` (LOI, KSB or PKS) for KSDPL and KSDLL; with
    ``korean``, the trilingual one: the Korean text follows on a page of its own."""
    doc = new_document(TITLES[dokumen].replace(" (", " / " + ko.NOUNS[dokumen][1] + " (")
                       if korean else TITLES[dokumen])
    styles(doc)
    numbers = _para_style(doc, "Nomor Kolom", align=WD_ALIGN_PARAGRAPH.LEFT, left=0.5,
                          after=0, size=11)
    numbers.paragraph_format.tab_stops.add_tab_stop(Cm(2.6))
    if korean:
        korean_styles(doc)
    emblems(doc)
    text(Columns(doc), dokumen)
    doc.add_paragraph()  # the closing block is a table of its own, apart from the body's
    closing(doc, dokumen)
    if korean:
        para(doc, "", "Jarak Tanda Tangan").paragraph_format.page_break_before = True
        text(Text(doc, "ko"), dokumen)
        closing(doc, dokumen, ("ko",))
    footer(doc, (f"{INITIALS[0]} / {ko.INITIALS}" if korean else INITIALS[0], INITIALS[1]),
           PAGES + ko.PAGES if korean else PAGES)
    tidy(doc)
    return doc


def korean_styles(doc):
    """The styles of a lone list item under its sentence; Hangul in ``KOREAN_FONT`` in every
    style (Latin letters keep theirs: Word and LibreOffice set each script in its own font),
    and East Asian text marked Korean."""
    J = WD_ALIGN_PARAGRAPH.JUSTIFY
    _para_style(doc, "Butir Tunggal", align=J, left=0.6, after=3, size=11, spacing=1.1)
    _para_style(doc, "Butir Tunggal Ayat", align=J, left=0.75, after=3, size=11, spacing=1.1)
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)  # a theme font would win over ours
        fonts.set(qn("w:eastAsia"), KOREAN_FONT)
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), "ko-KR")


def templates():
    """(file name, document) of each foreign template — bilingual, and trilingual with a
    Korean text — with the kinds and the languages it declares."""
    out = []
    for korean in (False, True):
        for dokumen in ("LOI", "KSB", "PKS"):
            doc = build(dokumen, korean)
            kind = dokumen.lower()
            set_custom_properties(doc, {KIND_PROPERTY: f"{kind}_ksdpl, {kind}_ksdll",
                                        LANGUAGE_PROPERTY: "id, en, ko" if korean else "id, en"})
            out.append((f"{kind}_luar_negeri{'_ko' if korean else ''}", doc))
    return out
