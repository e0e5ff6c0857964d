"""Rendering: strictness, escaping, article numbering, provenance, atomic writes."""

import io
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES, EXAMPLES, PKS_TPA, PKS_WISATA, make_template
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from pkgen.docx_text import custom_properties, document_text, read_blocks
from pkgen.errors import OutputError, TemplateError
from pkgen.inputs import load_agreement
from pkgen.render import builtin_templates, render_draft, write_atomic


def text_of(data: bytes) -> str:
    return document_text(Document(io.BytesIO(data)))


def headings(text: str) -> list[str]:
    lines = text.splitlines()
    return [f"{lines[i]} {lines[i + 1]}" for i, line in enumerate(lines)
            if line.startswith("Pasal ") and len(line.split()) == 2]


def test_builtin_templates():
    assert set(builtin_templates()) == {"pks_ksdd", "pks_ksdpk", "ksb", "loi_luar_negeri",
                                        "ksb_luar_negeri", "pks_luar_negeri",
                                        "loi_luar_negeri_ko", "ksb_luar_negeri_ko",
                                        "pks_luar_negeri_ko"}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_render_without_leftover_tags(path):
    text = text_of(render_draft(load_agreement(path)).data)
    assert "{{" not in text and "{%" not in text and "\ue000" not in text
    numbers = [int(h.split()[1]) for h in headings(text)]
    assert numbers == list(range(1, len(numbers) + 1))


def test_optional_articles_left_out_keep_numbering_and_references(edited):
    full = text_of(render_draft(load_agreement(PKS_TPA)).data)
    assert "Pasal 8 JANGKA WAKTU" in headings(full)
    assert "sebagaimana dimaksud dalam Pasal 8 berakhir" in full
    assert "sebagaimana dimaksud dalam Pasal 4 yang belum" in full
    text = PKS_TPA.read_text()
    start, end = text.index("sanksi:"), text.index("korespondensi:")
    lean = text_of(render_draft(load_agreement(edited(PKS_TPA, text[start:end], ""))).data)
    found = headings(lean)
    assert "Pasal 6 JANGKA WAKTU" in found
    assert not any("SANKSI" in h or "MONITORING" in h for h in found)
    assert "sebagaimana dimaksud dalam Pasal 6 berakhir" in lean
    assert [int(h.split()[1]) for h in found] == list(range(1, len(found) + 1))


def test_dispute_article_follows_jenis():
    ksdd = text_of(render_draft(load_agreement(PKS_TPA)).data)
    assert "kepada Gubernur Jawa Timur sebagai wakil Pemerintah Pusat" in ksdd
    ksdpk = text_of(render_draft(load_agreement(PKS_WISATA)).data)
    assert "domisili hukum yang tetap di Kepaniteraan Pengadilan Negeri Mojokerto" in ksdpk


def test_surat_kuasa_and_akta_in_komparisi():
    text = text_of(render_draft(load_agreement(PKS_WISATA)).data)
    assert ("berdasarkan Surat Kuasa Wali Kota Mojokerto Nomor 180/077/417.111/2021 tanggal "
            "1 Maret 2021, dalam hal ini bertindak untuk dan atas nama Pemerintah Kota "
            "Mojokerto, selanjutnya disebut PIHAK PERTAMA.") in text
    assert ("berdasarkan Akta Pendirian Nomor 14 tanggal 9 Agustus 2017 yang dibuat di "
            "hadapan Notaris Siti Maesaroh, S.H., M.Kn., yang telah mendapat pengesahan Menteri "
            "Hukum dan Hak Asasi Manusia Nomor AHU-0038142.AH.01.01.Tahun 2017, beserta "
            "perubahannya terakhir dengan Akta Nomor 07 tanggal 12 Februari 2020, dalam hal ini "
            "bertindak untuk dan atas nama PT Majapahit Wisata Nusantara") in text
    assert "METERAI\nRp10.000" in text


def test_values_are_escaped_and_printed_literally(edited):
    literal = 'PT "A & B" <Tbk> {{ pasal.objek }} {% if x %} {_{ \'q\' }_}'
    path = edited(PKS_WISATA, "objek: pengembangan", f"objek: >-\n  {literal} pengembangan")
    data = render_draft(load_agreement(path)).data
    assert literal in text_of(data)
    zipfile.ZipFile(io.BytesIO(data)).testzip()


def test_unicode_text_round_trips(edited):
    name = "경상남도 (Gyeongnam) — محافظة 😀"
    path = edited(PKS_WISATA, "tentang: Pengembangan", f"tentang: {name} Pengembangan")
    assert name.upper() in text_of(render_draft(load_agreement(path)).data)


def test_provenance_properties():
    loaded = load_agreement(PKS_TPA)
    draft = render_draft(loaded)
    props = custom_properties(Document(io.BytesIO(draft.data)))
    assert props["pkgen.template"] == "pks_ksdd.docx"
    assert props["pkgen.input"] == PKS_TPA.name
    assert props["pkgen.input_sha256"] == loaded.digest
    assert len(props["pkgen.template_sha256"]) == 64
    assert props["pkgen.version"]
    assert props == draft.properties


def test_input_hash_covers_the_ksb_file(edited, tmp_path):
    path = edited(PKS_TPA)
    before = load_agreement(path).digest
    ksb = tmp_path / "ksb-tpa-kota-kab-mojokerto.yaml"
    ksb.write_text(ksb.read_text().replace("mulai: 2020", "mulai: 2021"))
    assert load_agreement(path).digest != before


def test_f4_paper(edited):
    a4 = Document(io.BytesIO(render_draft(load_agreement(PKS_TPA)).data)).sections[0]
    assert (round(a4.page_width.mm), round(a4.page_height.mm)) == (210, 297)
    path = edited(PKS_TPA, "penandatanganan:", "kertas: F4\npenandatanganan:")
    f4 = Document(io.BytesIO(render_draft(load_agreement(path)).data)).sections[0]
    assert (round(f4.page_width.mm), round(f4.page_height.mm)) == (215, 330)


def test_user_template(tmp_path):
    template = make_template(tmp_path / "mine.docx", [
        "{{ judul }} {{ tentang_kapital }}",
        "Pasal {{ pasal.objek }}",
        "Pasal {{ pasal.hak_kewajiban }}",
        "lihat Pasal {{ pasal.hak_kewajiban }}",
    ])
    draft = render_draft(load_agreement(PKS_TPA), template)
    text = text_of(draft.data)
    assert text.splitlines()[1:] == ["Pasal 1", "Pasal 2", "lihat Pasal 2"]
    assert draft.properties["pkgen.template"] == "mine.docx"


def test_missing_variable_names_template_and_paragraph(tmp_path):
    template = make_template(tmp_path / "typo.docx", [
        "Judul {{ tentang }}", "Nama: {{ pihak[0].nama_lengkap }} sekian"])
    with pytest.raises(TemplateError) as info:
        render_draft(load_agreement(PKS_TPA), template)
    message = info.value.format("en")
    assert "typo.docx" in message
    assert "nama_lengkap" in message
    assert "«Nama: {{ pihak[0].nama_lengkap }} sekian»" in message


def test_reference_to_absent_article_is_an_error(tmp_path):
    template = make_template(tmp_path / "ref.docx", [
        "Pasal {{ pasal.objek }}", "menurut Pasal {{ pasal.sanksi }}"])
    with pytest.raises(TemplateError) as info:
        render_draft(load_agreement(PKS_TPA), template)
    assert "pasal.sanksi" in info.value.format("en")
    assert "«menurut Pasal {{ pasal.sanksi }}»" in info.value.format("en")


def test_jinja_syntax_error_names_paragraph(tmp_path):
    template = make_template(tmp_path / "syntax.docx", ["Awal", "{% if tentang %}tanpa akhir"])
    with pytest.raises(TemplateError) as info:
        render_draft(load_agreement(PKS_TPA), template)
    assert info.value.problems[0].code == "template_syntax"


def test_not_a_docx_template(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    with pytest.raises(TemplateError) as info:
        render_draft(load_agreement(PKS_TPA), bad)
    assert info.value.problems[0].code == "template_unreadable"


def test_missing_template(tmp_path):
    with pytest.raises(TemplateError) as info:
        render_draft(load_agreement(PKS_TPA), tmp_path / "none.docx")
    assert info.value.problems[0].code == "template_not_found"


def test_no_builtin_template_for_a_letter_of_intent_between_regions(edited):
    path = edited(EXAMPLES / "loi-pariwisata-mojokerto-australia-barat.yaml",
                  "jenis: KSDPL", "jenis: KSDD")
    with pytest.raises(TemplateError) as info:
        render_draft(load_agreement(path))
    assert info.value.problems[0].code == "no_builtin_template"


def test_atomic_write_keeps_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "draf.docx"
    target.write_bytes(b"old")

    def boom(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pkgen.files.os.fsync", boom)
    with pytest.raises(OutputError):
        write_atomic(b"new", target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["draf.docx"]


def test_atomic_write_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "draf.docx"

    def interrupt(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr("pkgen.files.os.replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(b"new", target)
    assert list(tmp_path.iterdir()) == []


def test_written_file_has_ordinary_permissions(tmp_path):
    target = tmp_path / "draf.docx"
    write_atomic(b"x", target)
    assert target.stat().st_mode & 0o044  # readable by group/others as with any new file


def test_draft_text_hash_survives_save(tmp_path):
    draft = render_draft(load_agreement(PKS_TPA))
    target = tmp_path / "d.docx"
    write_atomic(draft.data, target)
    from pkgen.docx_text import open_document, text_hash

    assert text_hash(open_document(target)) == draft.properties["pkgen.text_sha256"]


def test_ksb_renders():
    text = text_of(render_draft(load_agreement(Path(PKS_TPA).with_name(
        "ksb-tpa-kota-kab-mojokerto.yaml"))).data)
    assert text.startswith("KESEPAKATAN BERSAMA\nANTARA")
    assert "Kesepakatan Bersama ini berlaku untuk jangka waktu 5 (lima) tahun" in text


def test_signatures_stand_two_by_two():
    """Two parties: one row of two; three: two, then one centred in a column as wide; all
    inside one row that does not break across pages."""
    for path, shape in ((PKS_TPA, [2]), (EXAMPLES / "pks-spbe-mojokerto-jombang.yaml", [2, 1])):
        doc = Document(io.BytesIO(render_draft(load_agreement(path)).data))
        block = doc.tables[-1]
        assert len(block.rows) == 1 and block.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
        tables = block.rows[0].cells[0].tables
        assert [len(t.columns) for t in tables] == shape
        for table in tables:
            assert table.rows[0].cells[0].paragraphs[0].text.startswith("PIHAK ")
            grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
            assert {g.get(qn("w:w")) for g in grid} == {str(Cm(7.5).twips)}
            height = table.rows[2]._tr.trPr.find(qn("w:trHeight"))
            assert height.get(qn("w:hRule")) == "exact" and int(height.get(qn("w:val"))) >= \
                Cm(3).twips


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_prepared_template_gives_the_same_draft_as_the_naive_render(path):
    from pkgen.prepared import PreparedTemplate
    from pkgen.render import builtin_for

    loaded = load_agreement(path)
    naive = render_draft(loaded)
    prepared = PreparedTemplate(builtin_for(loaded.document))
    assert prepared.fast
    fast = prepared.render(loaded)
    a, b = zipfile.ZipFile(io.BytesIO(naive.data)), zipfile.ZipFile(io.BytesIO(fast.data))
    assert sorted(a.namelist()) == sorted(b.namelist())
    for name in a.namelist():
        assert a.read(name) == b.read(name), name
    assert fast.properties == naive.properties
    assert b.testzip() is None
    # its text, read from the XML still in memory, is the text of the file written
    assert fast.parts is not None and fast.blocks(path) == read_blocks(path, fast.data)
    again = prepared.render(loaded)  # a prepared template renders any number of drafts
    assert again.data == fast.data
    assert again.blocks(path) == read_blocks(path, again.data)  # texts known from before


def test_prepared_template_reports_errors_like_the_naive_render(tmp_path):
    from pkgen.prepared import PreparedTemplate

    template = make_template(tmp_path / "typo.docx", ["Nama: {{ pihak[0].nama_lengkap }}"])
    prepared = PreparedTemplate(template)
    with pytest.raises(TemplateError) as info:
        prepared.render(load_agreement(PKS_TPA))
    assert "«Nama: {{ pihak[0].nama_lengkap }}»" in info.value.format("en")
    broken = make_template(tmp_path / "broken.docx", ["{% if x %}"])
    with pytest.raises(TemplateError):
        PreparedTemplate(broken)


def test_a_term_in_stars_is_printed_in_italics():
    doc = Document(io.BytesIO(render_draft(load_agreement(
        EXAMPLES / "pks-spbe-mojokerto-jombang.yaml")).data))
    runs = [r for p in doc.paragraphs for r in p.runs if "service level agreement" in r.text]
    assert [(r.text, r.italic) for r in runs] == [("service level agreement", True)]
    paragraph = next(p for p in doc.paragraphs if "service level agreement" in p.text)
    assert "(service level agreement)" in paragraph.text and "*" not in paragraph.text


def _emblem(path: Path, colour: str) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (200, 240), "white")
    ImageDraw.Draw(image).polygon([(10, 10), (190, 10), (190, 150), (100, 230), (10, 150)],
                                  fill=colour)
    image.save(path)
    return path


def _with_emblems(edited, tmp_path) -> Path:
    _emblem(tmp_path / "lambang-kota.png", "darkgreen")
    _emblem(tmp_path / "lambang-kabupaten.jpg", "darkred")
    return edited(PKS_TPA, "  - nama: Pemerintah Kota Mojokerto\n",
                  "  - nama: Pemerintah Kota Mojokerto\n    lambang: lambang-kota.png\n",
                  "  - nama: Pemerintah Kabupaten Mojokerto\n",
                  "  - nama: Pemerintah Kabupaten Mojokerto\n"
                  "    lambang: lambang-kabupaten.jpg\n")


def test_emblems_stand_in_a_row_above_the_title(edited, tmp_path):
    draft = render_draft(load_agreement(_with_emblems(edited, tmp_path)))
    doc = Document(io.BytesIO(draft.data))
    body = doc.element.body
    first = body[0]
    assert first.tag == qn("w:tbl")  # the row of emblems comes before the title
    extents = first.findall(".//" + qn("wp:extent"))
    assert [int(e.get("cy")) for e in extents] == [22 * 36_000] * 2  # 22 mm high each
    assert doc.paragraphs[0].text == "PERJANJIAN KERJA SAMA"
    names = {n for n in zipfile.ZipFile(io.BytesIO(draft.data)).namelist()
             if n.startswith("word/media/")}
    assert len(names) == 2
    plain = Document(io.BytesIO(render_draft(load_agreement(PKS_TPA)).data))
    assert plain.element.body[0].tag == qn("w:p")  # no emblem given: no empty row


@pytest.mark.libreoffice
def test_emblems_print_above_the_title(edited, tmp_path, to_pdf):
    import pdfplumber

    target = tmp_path / "lambang.docx"
    write_atomic(render_draft(load_agreement(_with_emblems(edited, tmp_path))).data, target)
    [pdf] = to_pdf([target], tmp_path)
    with pdfplumber.open(pdf) as printed:
        page = printed.pages[0]
        title = next(w for w in page.extract_words() if w["text"] == "PERJANJIAN")
        images = page.images
    assert len(images) == 2
    assert all(i["bottom"] + 6 < title["top"] for i in images)  # clear of the title
    assert abs(images[0]["top"] - images[1]["top"]) < 1  # side by side
    assert all(abs((i["bottom"] - i["top"]) - 22 * 72 / 25.4) < 1 for i in images)


@pytest.mark.parametrize("stamped", [True, False])
def test_meterai_spaces_follow_the_penutup(edited, stamped):
    """'bermeterai cukup' in the PENUTUP and a meterai space under every signatory, or
    neither: both come from penutup.meterai."""
    path = edited(EXAMPLES / "pks-spbe-mojokerto-jombang.yaml", "  meterai: true",
                  f"  meterai: {'Ya' if stamped else 'Tidak'}")
    text = text_of(render_draft(load_agreement(path)).data)
    assert ("masing-masing bermeterai cukup" in text) is stamped
    assert text.count("METERAI\nRp10.000") == (3 if stamped else 0)
