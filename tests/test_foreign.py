"""Agreements with foreign partners (KSDPL, KSDLL): texts given per language, the bilingual
and trilingual drafts, and the checker's rules for them, on inputs and on Word files."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from docx import Document
from docx.oxml.ns import qn

from pkgen.checks import check_path
from pkgen.cli import main
from pkgen.context import draft_context
from pkgen.emit import agreement_yaml
from pkgen.errors import InputError, TemplateError
from pkgen.inputs import load_agreement
from pkgen.render import builtin_templates, render_draft, write_atomic
from pkgen.translations import split_translations
from pkgen.yamlread import parse_yaml

LOI = EXAMPLES / "loi-pariwisata-mojokerto-australia-barat.yaml"
MOU = EXAMPLES / "mou-spbe-mojokerto-gyeongsangnam.yaml"
IA = EXAMPLES / "pks-pariwisata-mojokerto-universitas-luar-negeri.yaml"
MOU3 = EXAMPLES / "mou-spbe-mojokerto-gyeongsangnam-tiga-bahasa.yaml"  # with a Korean text
FOREIGN = [LOI, MOU, IA, MOU3]


def findings(path, severities=("error", "warning", "info")):
    report = check_path(path)
    return [(f.rule.id, f.location.key if f.location else None) for f in report.findings
            if f.severity in severities]


# --- texts per language ----------------------------------------------------------------------

def test_a_text_is_given_per_field_per_item_or_per_list():
    loaded = load_agreement(LOI)
    t = loaded.translations
    assert loaded.document.tentang == "Kerja Sama di Bidang Pariwisata"
    assert t.get(("tentang",), "en") == "Cooperation in Tourism"
    assert t.get(("pertimbangan", 1), "en").startswith("Mojokerto City has")
    assert t.get(("ruang_lingkup", 2), "en") == "the development of cultural tour packages"
    assert loaded.document.ruang_lingkup[2] == "pengembangan paket wisata budaya"
    # each text keeps the line it was typed on, the Indonesian one for the key itself
    text = LOI.read_text(encoding="utf-8").splitlines()
    assert text[loaded.lines[("ruang_lingkup", 2)] - 1].strip() == \
        "- pengembangan paket wisata budaya"
    assert text[t.lines[(("ruang_lingkup", 2), "en")] - 1].strip() == \
        "- the development of cultural tour packages"


def test_translations_are_looked_for_by_the_keys_the_reader_saw(tmp_path):
    """The YAML reader gathers every mapping's key, however deep: a translation is taken apart
    wherever it is, and an input with no language key anywhere is not walked at all."""
    text = "a:\n  b:\n    - c: {id: Satu, en: One}\n"
    parsed = parse_yaml(text.encode(), tmp_path / "x.yaml")
    assert parsed.keys == {"a", "b", "c", "id", "en"}
    split = split_translations(parsed.data, parsed.lines, parsed.comments, None, parsed.keys)
    assert split.data == {"a": {"b": [{"c": "Satu"}]}}
    assert split.translations.texts == {("a", "b", 0, "c"): {"en": "One"}}
    plain = parse_yaml(b"a:\n  b: {x: 1}\n", tmp_path / "y.yaml")
    assert split_translations(plain.data, {}, {}, None, plain.keys).data is plain.data


def test_the_english_context_is_the_document_in_english():
    en = draft_context(load_agreement(MOU))["en"]
    assert en["judul"] == "MEMORANDUM OF UNDERSTANDING"
    assert en["pihak"][1]["label"] == "SECOND PARTY"
    assert en["penandatanganan"]["tanggal"] == "12 June 2023"
    assert en["pembiayaan"]["sumber"]["butir"][0]["jumlah"] == \
        "IDR 250,000,000.00 (two hundred and fifty million rupiah)"
    assert en["jangka_waktu"]["lama"] == "5 (five) years"
    assert en["bahasa"] == {"kode": ["id", "en"], "naskah": "Indonesian and English",
                            "jumlah": "2 (two)", "berlaku": "English", "kode_berlaku": "en"}
    assert en["ruang_lingkup"]["butir"][-2]["akhir"] == "; and"


def test_the_korean_context_is_the_document_in_korean():
    ctx = draft_context(load_agreement(MOU3))
    ko = ctx["ko"]
    assert (ko["judul"], ko["para_pihak"], ko["daftar_pihak"]) == (
        "양해각서", "양 당사자", "제1당사자 및 제2당사자")
    assert ko["judul_pihak"] == ["인도네시아 공화국 모조케르토시", "및", "대한민국 경상남도"]
    assert ko["penandatanganan"]["hari_ini"] == "2023년 6월 12일 월요일"
    assert ko["pembiayaan"]["sumber"]["butir"][0]["jumlah"] == \
        "IDR 250,000,000.00(이억 오천만 루피아)"
    assert ko["jangka_waktu"]["lama"] == "5(오)년"
    assert ko["jangka_waktu"]["berakhir"] == "2028년 6월 11일"
    assert ko["bahasa"]["naskah"] == "인도네시아어, 영어 및 한국어"
    assert ko["bahasa"]["berlaku"] == "영어"
    assert ko["persetujuan_dprd"][0]["daerah"] == "모조케르토시"
    assert ko["pihak"][1]["penandatangan"]["nama_kapital"] == "김재현"
    # Korean list items are lettered 가., 나. and end without punctuation or conjunction
    assert [(b["huruf"], b["akhir"]) for b in ko["ruang_lingkup"]["butir"]] == [
        ("가.", ""), ("나.", ""), ("다.", "")]
    assert ko["dasar_hukum"][-1]["teks"].endswith("장관령 제25호")
    # the Indonesian and English texts say the same three languages
    assert ctx["bahasa"]["naskah"] == "bahasa Indonesia, bahasa Inggris, dan bahasa Korea"
    assert ctx["en"]["bahasa"]["naskah"] == "Indonesian, English, and Korean"
    assert draft_context(load_agreement(MOU))["ko"] is None  # Korean only where declared


def test_a_missing_korean_translation_is_a_finding(edited):
    path = edited(MOU3, "    ko: 공동 워크숍 및 교육\n", "")
    report = check_path(path)
    missing = [f for f in report.findings if f.rule.id == "translation-missing"]
    assert [f.location.key for f in missing] == ["bentuk_kerja_sama[2]"]  # counted from 1
    assert "bahasa Korea" in missing[0].message(report.book)
    assert "Korean" in missing[0].message(report.book, "en")


@pytest.mark.parametrize(("old", "new", "code", "at"), [
    ("  en: Cooperation in Tourism", "  eng: Cooperation in Tourism", "translation_language",
     "  eng: Cooperation in Tourism"),
    ("  id: Kerja Sama di Bidang Pariwisata\n", "", "translation_no_indonesian", "tentang:"),
    ("    - the development of cultural tour packages\n", "", "translation_list_length",
     "  en:\n    - joint tourism promotion"),
    ("  tanggal: 2022-03-15", "  tanggal: {id: 2022-03-15, en: 15 March 2022}",
     "translation_not_text", "  tanggal: {id"),
    ("  en: Cooperation in Tourism", "  en: \"Cooperation\\x0bin Tourism\"", "control_character",
     "  en: \"Cooperation"),
], ids=["unknown-language", "no-indonesian", "list-lengths", "a-date", "control-character"])
def test_a_wrong_translation_is_refused_where_it_was_typed(edited, old, new, code, at):
    path = edited(LOI, old, new)
    with pytest.raises(InputError) as info:
        load_agreement(path)
    problem = info.value.problems[0]
    text = path.read_text(encoding="utf-8")
    assert (problem.code, problem.line) == (code, text[:text.index(at)].count("\n") + 1)
    if code == "translation_language":
        assert "Mungkin maksud Anda 'en'" in problem.format("id")


def test_a_missing_translation_is_a_finding_never_a_silent_blank(edited, tmp_path):
    path = edited(MOU, "    en: working visits and the exchange of experts\n", "", name="mou.yaml")
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("  - id: kunjungan kerja")].count("\n") + 1
    report = check_path(path)
    missing = [f for f in report.findings if f.rule.id == "translation-missing"]
    assert [(f.location.key, f.location.line, f.severity) for f in missing] == [
        ("bentuk_kerja_sama[1]", line, "error")]
    assert "bahasa Inggris" in missing[0].message(report.book)
    runner = CliRunner()
    result = runner.invoke(main, ["render", str(path), "-o", str(tmp_path / "d.docx")])
    assert result.exit_code == 1 and not (tmp_path / "d.docx").exists()
    result = runner.invoke(main, ["render", str(path), "-o", str(tmp_path / "d.docx"),
                                  "--allow-incomplete"])
    assert result.exit_code == 0
    text = "\n".join(p.text for p in Document(str(tmp_path / "d.docx")).paragraphs)
    cells = cell_texts(tmp_path / "d.docx")
    assert "a.\t…………………………; and" in cells["en"] and "kunjungan kerja" in cells["id"]
    assert text == "" or "BELUM LENGKAP" not in text  # the mark is in the header


def test_an_indonesian_only_input_is_reported_text_by_text(tmp_path):
    stripped = tmp_path / "loi.yaml"
    stripped.write_text(agreement_yaml(load_agreement(LOI).data), encoding="utf-8")
    found = [key for rule, key in findings(stripped) if rule == "translation-missing"]
    assert {"tentang", "pihak[1].nama", "pihak[1].penandatangan.jabatan",
            "pihak[2].negara"} <= set(found)
    assert "pihak[1].penandatangan.nama" not in found and "pihak[1].alamat" not in found


def test_the_register_s_record_needs_no_translation(edited):
    """Evaluations and an early termination are not printed: they are kept in Indonesian."""
    path = edited(MOU, "penutup:\n  rangkap: 2\n", "penutup:\n  rangkap: 2\n"
                  "diakhiri:\n  tanggal: 2025-01-02\n  alasan: kegiatan telah selesai\n"
                  "evaluasi:\n  - periode: Tahun 2024\n    kendala: anggaran terlambat\n")
    assert load_agreement(path).document.evaluasi[0].kendala == "anggaran terlambat"
    assert [f for f in findings(path) if f[0] == "translation-missing"] == []


def test_the_languages_of_the_text_are_declared(edited):
    path = edited(MOU, "bahasa:\n  naskah: [id, en]\n  berlaku: en\n", "")
    assert ("governing-language", None) in findings(path, ("error",))
    path = edited(MOU, "  naskah: [id, en]\n  berlaku: en", "  naskah: [id]\n  berlaku: id",
                  name="id-only.yaml")
    assert ("language-texts", "bahasa.naskah") in findings(path)
    path = edited(MOU, "  berlaku: en", "  berlaku: ko", name="ko.yaml")
    with pytest.raises(InputError) as info:
        load_agreement(path)
    assert info.value.problems[0].code == "language_prevailing_not_a_text"


def test_a_template_that_does_not_print_a_language_of_the_text_is_refused(edited):
    path = edited(MOU, "  naskah: [id, en]", "  naskah: [id, en, ja]")
    with pytest.raises(TemplateError) as info:
        render_draft(load_agreement(path))  # no built-in template prints Japanese
    assert info.value.problems[0].code == "template_languages"
    assert "ja" in info.value.problems[0].format("en")
    path = edited(MOU, "  naskah: [id, en]", "  naskah: [id, en, ko]", name="ko.yaml")
    with pytest.raises(TemplateError) as info:
        render_draft(load_agreement(path), builtin_templates()["ksb_luar_negeri"])
    assert "ko" in info.value.problems[0].format("en")


# --- the checker on inputs -------------------------------------------------------------------

@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_the_complete_examples_have_no_findings(path):
    assert findings(path) == []


def test_the_regulation_for_domestic_cooperation_is_a_finding(edited):
    path = edited(MOU, "Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020",
                  "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020")
    found = findings(path)
    assert ("foreign-regulation", "dasar_hukum[5]") in found
    assert ("foreign-regulation-cited", "dasar_hukum") in found


def test_a_memorandum_rests_on_the_central_approvals(edited):
    path = edited(MOU, "surat_konfirmasi:\n  nomor: 00318/PL/05/2023/64\n  tanggal: 2023-05-22\n",
                  "")
    assert ("central-approval", "surat_konfirmasi") in findings(path, ("error",))
    path = edited(IA, "surat_konfirmasi:\n  nomor: 00077/PL/02/2024/64\n"
                      "  tanggal: 2024-02-08\n", "", name="ia.yaml")
    assert ("central-approval-implementing", "surat_konfirmasi") in findings(path, ("warning",))


def test_a_letter_of_intent_follows_the_consultation_of_both_ministries(edited):
    path = edited(LOI, "  kementerian_luar_negeri:\n    nomor: 005/119/417.111/2022\n"
                       "    tanggal: 2022-01-24\n", "")
    assert findings(path) == [("letter-of-intent-consultation", "konsultasi")]


def test_the_head_of_region_signs_and_disputes_go_to_consultation(edited):
    path = edited(MOU, "      jabatan: {id: Wali Kota Mojokerto, en: Mayor of Mojokerto}",
                  "      jabatan: {id: Sekretaris Daerah Kota Mojokerto, en: Regional "
                  "Secretary of Mojokerto}\n    kewenangan: {dasar: surat_kuasa, pemberi: Wali "
                  "Kota Mojokerto, nomor: 180/1/2023, tanggal: 2023-06-01}")
    assert ("foreign-signatory", "pihak[1].penandatangan") in findings(path, ("error",))
    path = edited(MOU, "  forum: KONSULTASI", "  forum: ARBITRASE\n  nama_forum: BANI",
                  name="arbitrase.yaml")
    assert ("dispute-forum-foreign", "penyelesaian_perselisihan.forum") in findings(path)


def test_the_dprd_approves_every_foreign_cooperation(edited):
    text = MOU.read_text(encoding="utf-8")
    start = text.index("    persetujuan_dprd:")
    end = text.index("  - nama:\n      id: Pemerintah Provinsi")
    path = edited(MOU, text[start:end], "")
    assert ("dprd-approval-foreign", "pihak[1]") in findings(path, ("error",))


# --- the checker on Word files ---------------------------------------------------------------

def cell_texts(path) -> dict[str, str]:
    """The text of the left (Indonesian) and right (English) columns of a draft."""
    doc = Document(str(path))
    out = {"id": [], "en": []}
    for table in _tables(doc):
        for row in table.rows:
            if len(row.cells) == 2:
                out["id"].append(row.cells[0].text)
                out["en"].append(row.cells[1].text)
    return {k: "\n".join(v) for k, v in out.items()}


def _tables(doc):
    found = list(doc.tables)
    for table in list(found):
        for cell in table._cells:
            found += cell.tables
    return found


def _row(doc, title):
    return next(row for table in _tables(doc) for row in table.rows
                if len(row.cells) == 2 and any(p.text == title for p in row.cells[0].paragraphs))


def _empty(cell):
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    cell.paragraphs[0].text = ""


def _korean_article(doc, title):
    """The paragraphs of the Korean text's article titled ``title``: its heading to the next."""
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == title) - 1
    end = next((i for i, p in enumerate(paragraphs) if i > start and p.text.startswith("제")
                and p.text.endswith("조")), len(paragraphs))
    return paragraphs[start:end]


def _korean_text(doc):
    """Every block of the Korean text, from its title to the end."""
    body = doc.element.body
    first = next(p for p in doc.paragraphs if p.text.startswith("인도네시아 공화국"))._p
    blocks = list(body)
    return [b for b in blocks[blocks.index(first):] if b.tag != qn("w:sectPr")]


def mutate(draft: bytes, how: str) -> bytes:
    doc = Document(io.BytesIO(draft))
    if how == "english-article-deleted":
        _empty(_row(doc, "RUANG LINGKUP").cells[1])
    elif how == "language-article-deleted":
        row = _row(doc, "BAHASA")
        row._tr.getparent().remove(row._tr)
        if any(p.text == "언어" for p in doc.paragraphs):  # and the Korean text's
            for p in _korean_article(doc, "언어"):
                p._p.getparent().remove(p._p)
    elif how == "indonesian-only":
        for table in _tables(doc):
            for row in table.rows:
                if len(row.cells) == 2:
                    _empty(row.cells[1])
    elif how == "korean-article-deleted":
        for p in _korean_article(doc, "협력 범위"):
            p._p.getparent().remove(p._p)
    elif how == "korean-text-deleted":
        for block in _korean_text(doc):
            block.getparent().remove(block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("foreign")
    out = {}
    for path in FOREIGN:
        out[path.stem] = render_draft(load_agreement(path)).data
        write_atomic(out[path.stem], folder / f"{path.stem}.docx")
    return folder, out


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_a_complete_draft_passes_the_checker(drafts, path):
    folder, _ = drafts
    report = check_path(folder / f"{path.stem}.docx")
    assert report.jenis == ("KSDLL" if path is IA else "KSDPL")
    assert report.kind == {LOI: "loi", MOU: "ksb", IA: "pks", MOU3: "ksb"}[path]
    assert [f.rule.id for f in report.findings if f.severity != "info"] == []


@pytest.mark.parametrize(("how", "rule", "says"), [
    ("english-article-deleted", "bilingual-text", "RUANG LINGKUP) has no counterpart in English"),
    ("language-article-deleted", "governing-language", "must name its governing language"),
    ("indonesian-only", "bilingual-text", "the text in English"),
], ids=["english-article-deleted", "language-article-deleted", "indonesian-only"])
@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_the_checker_reports_a_text_that_does_not_correspond(drafts, tmp_path, path, how, rule,
                                                             says):
    _, data = drafts
    target = tmp_path / f"{how}.docx"
    target.write_bytes(mutate(data[path.stem], how))
    report = check_path(target)
    found = [f for f in report.findings if f.rule.id == rule and f.severity == "error"]
    assert found and says in found[0].message(report.book, "en")


@pytest.mark.parametrize(("how", "says"), [
    ("korean-article-deleted", "Pasal 3 (RUANG LINGKUP) has no counterpart in Korean"),
    ("korean-text-deleted", "Pasal 11 says the agreement is made in Korean, but the text in "
                            "Korean is missing"),
], ids=["korean-article-deleted", "korean-text-deleted"])
def test_the_checker_reports_a_korean_text_that_does_not_correspond(drafts, tmp_path, how, says):
    _, data = drafts
    target = tmp_path / f"{how}.docx"
    target.write_bytes(mutate(data[MOU3.stem], how))
    report = check_path(target)
    found = [f.message(report.book, "en") for f in report.findings
             if f.rule.id == "bilingual-text" and f.severity == "error"]
    assert len(found) == 1 and says in found[0], found


def test_the_korean_text_follows_the_columns_article_by_article(drafts):
    """Every article of the Indonesian column has its Korean article of the same number and
    clause, and the Korean cross references follow the numbering."""
    _, data = drafts
    doc = Document(io.BytesIO(data[MOU3.stem]))
    pasal = [p.text for t in _tables(doc) for row in t.rows for c in row.cells[:1]
             for p in c.paragraphs if p.text.startswith("Pasal ")]
    cells = [p for t in _tables(doc) for row in t.rows for c in row.cells for p in c.paragraphs]
    korean = [p.text for p in [*doc.paragraphs, *cells]  # its PENUTUP is in a table
              if p.text.startswith("제") and p.text.endswith("조")]
    assert [f"제{t.split()[1]}조" for t in pasal] == korean == [f"제{n}조" for n in range(1, 13)]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "제7조에 따른 유효기간이 만료되기 전에" in text  # Pasal 7 is JANGKA WAKTU
    assert "{{" not in text and "…………" not in text


def _docx(paragraphs: list[str], path):
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


SUCCESSIVE = [
    "MEMORANDUM SALING PENGERTIAN", "ANTARA", "PEMERINTAH KOTA MOJOKERTO", "DAN",
    "PEMERINTAH PROVINSI GYEONGSANGNAM-DO REPUBLIK KOREA", "TENTANG", "KERJA SAMA",
    "PARA PIHAK yang bertanda tangan, selanjutnya disebut PIHAK PERTAMA dan PIHAK KEDUA.",
    "Pasal 1", "RUANG LINGKUP", "Ruang lingkup Memorandum ini meliputi pelatihan.",
    "Pasal 2", "JANGKA WAKTU", "Memorandum ini berlaku selama 5 (lima) tahun sejak tanggal "
    "ditandatangani.",
    "Pasal 3", "BAHASA", "Dalam hal terjadi perbedaan penafsiran, naskah bahasa Inggris yang "
    "berlaku.",
    "MEMORANDUM OF UNDERSTANDING",
    "Article 1", "SCOPE", "The scope of this Memorandum covers training.",
    "Article 2", "DURATION", "This Memorandum shall remain in force for 5 (five) years.",
    "Article 3", "LANGUAGE", "In the event of any divergence of interpretation, the English "
    "text shall prevail.",
]


def test_successive_texts_are_compared_article_by_article(tmp_path):
    report = check_path(_docx(SUCCESSIVE, tmp_path / "urut.docx"))
    assert report.jenis == "KSDPL"
    assert not [f for f in report.findings if f.rule.id in ("bilingual-text", "numbering-gap")]
    assert {c.id: c.status for c in report.clauses}["bahasa"] == "present"
    lost = [p for p in SUCCESSIVE if p not in ("Article 2", "DURATION") and "5 (five)" not in p]
    report = check_path(_docx(lost, tmp_path / "kurang.docx"))
    messages = [f.message(report.book, "en") for f in report.findings
                if f.rule.id == "bilingual-text"]
    assert messages == ["The Indonesian text and the text in the other language do not "
                        "correspond: Pasal 2 (JANGKA WAKTU) has no counterpart in English."]


def test_korean_headings_are_articles_of_a_korean_text(tmp_path):
    korean = ["양해각서", "제1조", "협력 범위", "이 양해각서의 협력 범위는 교육이다.",
              "제2조(유효기간)", "이 양해각서는 5년간 효력을 가진다.",
              "제 3 조", "언어", "영어본이 우선한다."]
    english = [p for p in SUCCESSIVE if p != "MEMORANDUM OF UNDERSTANDING"]
    report = check_path(_docx([*english, *korean], tmp_path / "tiga.docx"))
    assert not [f for f in report.findings if f.rule.id in ("bilingual-text", "numbering-gap")]
    lost = [p for p in korean if not p.startswith("제2조") and "5년간" not in p]
    report = check_path(_docx([*english, *lost], tmp_path / "kurang.docx"))
    messages = [f.message(report.book, "en") for f in report.findings
                if f.rule.id in ("bilingual-text", "numbering-gap")]
    assert messages == [
        "Article numbering is not consecutive: Article 2 skipped.",
        "The Indonesian text and the text in the other language do not correspond: Pasal 2 "
        "(JANGKA WAKTU) has no counterpart in Korean."], messages
    titles = [*english, *korean[:4], "제2조(분쟁 해결)", *korean[5:]]
    report = check_path(_docx(titles, tmp_path / "judul.docx"))
    assert any("Pasal 2 (JANGKA WAKTU) and 제2조 (분쟁 해결) are not about the same thing"
               in f.message(report.book, "en") for f in report.findings)


def test_english_headings_count_as_the_canonical_clauses(tmp_path):
    text = [p for p in SUCCESSIVE if not p.startswith(("Pasal", "Ruang", "Memorandum ini",
                                                       "RUANG", "JANGKA", "BAHASA", "Dalam"))]
    report = check_path(_docx([*text, "Article 4", "SETTLEMENT OF DISPUTES",
                               "Any dispute shall be settled through consultation."],
                              tmp_path / "en.docx"))
    statuses = {c.id: c.status for c in report.clauses}
    assert statuses["penyelesaian_perselisihan"] == statuses["bahasa"] == "present"
    assert statuses["jangka_waktu"] == statuses["ruang_lingkup"] == "present"


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_every_cell_of_a_draft_keeps_a_paragraph(drafts, path):
    """Word refuses a table cell without a paragraph (a signing space without its meterai)."""
    _, data = drafts
    doc = Document(io.BytesIO(data[path.stem]))
    cells = list(doc.element.body.iter(qn("w:tc")))
    assert cells and all(tc.findall(qn("w:p")) for tc in cells)
