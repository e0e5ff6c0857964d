"""The Excel form of an agreement with a foreign partner: a column per language beside the
Indonesian one, filled in as a clerk would (and saved again by LibreOffice), read back as the
YAML input gives it."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, PKS_TPA
from openpyxl import load_workbook

from pkgen.checks import check_path, load_rulebook
from pkgen.checks.agreement import check_agreement
from pkgen.cli import main
from pkgen.errors import InputError
from pkgen.forms import write_form
from pkgen.forms.layout import form_languages
from pkgen.inputs import load_agreement

LOI = EXAMPLES / "loi-pariwisata-mojokerto-australia-barat.yaml"
MOU = EXAMPLES / "mou-spbe-mojokerto-gyeongsangnam.yaml"
IA = EXAMPLES / "pks-pariwisata-mojokerto-universitas-luar-negeri.yaml"
FOREIGN = [LOI, MOU, IA]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def header(ws) -> list:
    return [ws.cell(1, c).value for c in range(1, ws.max_column + 1)]


def row_of(ws, key: str) -> int:
    """The first row of ``key`` on a field sheet (its key in the hidden last column)."""
    keys = header(ws).index("kunci") + 1
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, keys).value == key)


def column_of(ws, key: str) -> str:
    """The letter of the column of ``key`` in a table (its key in the hidden row 2)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(next(c for c in range(2, ws.max_column + 1)
                                  if ws.cell(2, c).value == key))


def translation_cells(path) -> dict[str, str]:
    """The cell of each translation-missing finding on a form, by key (the input checked
    alone: no template prints a third language)."""
    report = check_agreement(load_agreement(path), load_rulebook(None))
    return {f.location.key: f"{f.location.cell[0]}!{f.location.cell[1]}"
            for f in report.findings if f.rule.id == "translation-missing"}


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_a_foreign_example_goes_through_the_form_and_back_with_its_translations(path,
                                                                                tmp_path):
    original = load_agreement(path)
    assert original.translations.texts
    form = tmp_path / "formulir.xlsx"
    result = run("form", "--from", path, "-o", form)
    assert result.exit_code == 0, result.output
    from_form = load_agreement(form)
    assert from_form.document == original.document
    assert from_form.translations.texts == original.translations.texts
    assert check_path(form).findings == []  # complete in both languages, as the example
    result = run("import", form, "-o", tmp_path / "kembali.yaml")
    assert result.exit_code == 0, result.output
    back = load_agreement(tmp_path / "kembali.yaml")
    assert back.document == original.document
    assert back.translations.texts == original.translations.texts
    text = (tmp_path / "kembali.yaml").read_text(encoding="utf-8")
    assert "tentang:\n  id: " in text and "\n  en: " in text


def test_a_blank_foreign_form_has_english_beside_the_indonesian(tmp_path):
    assert run("form", "--dokumen", "KSB", "--jenis", "KSDPL", "-o",
               tmp_path / "f.xlsx").exit_code == 0
    book = load_workbook(tmp_path / "f.xlsx")
    umum = book["Umum"]
    assert header(umum) == ["Isian", "Bahasa Indonesia", "Bahasa Inggris", "Keterangan",
                            "kunci"]
    assert umum.column_dimensions["E"].hidden and not umum.column_dimensions["C"].hidden
    title = row_of(umum, "tentang")
    english = umum[f"C{title}"]
    assert not english.protection.locked and english.number_format == "@"
    rules = [(str(rng.sqref), r.formula[0]) for rng in umum.conditional_formatting
             for r in rng.rules]
    assert (f"C{title}", f"AND(LEN(TRIM(B{title}))>0,LEN(TRIM(C{title}))=0)") in rules
    place = umum[f"C{row_of(umum, 'penandatanganan.tempat')}"]  # a name: written once
    date = umum[f"C{row_of(umum, 'penandatanganan.tanggal')}"]
    assert place.protection.locked and date.protection.locked
    assert place.fill.fgColor.rgb.endswith("EDEDED")
    assert "terjemahan" in "\n".join(str(c.value) for c in book["Petunjuk"]["A"])
    parties = book["Para Pihak"]
    keys = [parties.cell(2, c).value for c in range(2, parties.max_column + 1)]
    assert keys[:2] == ["nama", "nama@en"]
    assert "penandatangan.jabatan@en" in keys and "negara@en" in keys
    assert not {"alamat@en", "penandatangan.nama@en", "nomor@en"} & set(keys)
    assert parties.cell(1, 3).value == "Pemerintah daerah / badan (Bahasa Inggris)"
    assert not any("@" in str(ws.cell(2, c).value) for ws in (book["Evaluasi"],)
                   for c in range(1, ws.max_column + 1))  # the record is not printed
    other = book["Pasal Lain"]
    assert [other[f"B{row_of(other, 'bahasa.naskah[]') + i}"].value for i in (0, 1)] == \
        ["id", "en"]  # as pkgen new presets them


def test_the_domestic_form_has_no_language_columns():
    from io import BytesIO

    book = load_workbook(BytesIO(write_form("PKS", "KSDD")))
    assert header(book["Umum"]) == ["Isian", "Nilai", "Keterangan", "kunci"]
    assert not any("@" in str(cell.value) for ws in book.worksheets for cell in ws[2])
    assert form_languages({"jenis": "KSDD"}) == ()
    # an input that gives or declares other languages gets their columns, whatever its jenis
    assert form_languages({"jenis": "KSDD", "tentang": {"id": "a", "en": "b"}}) == ("en",)
    assert form_languages({"jenis": "KSDLL", "bahasa": {"naskah": ["id", "ko", "en"]}}) == \
        ("ko", "en")


# --- a clerk fills the form, LibreOffice saves it again -----------------------------------------

def _fill_blank(form) -> None:
    """A blank implementing-arrangement form filled in both languages, as a clerk does: a year
    typed as a number in an English cell, a text pasted from an e-mail over several lines, one
    translation forgotten."""
    book = load_workbook(form)
    umum = book["Umum"]
    umum[f"B{row_of(umum, 'tentang')}"] = "Kerja Sama Pariwisata Warisan Budaya"
    umum[f"C{row_of(umum, 'tentang')}"] = "Cooperation in Heritage Tourism"
    parties = book["Para Pihak"]
    for key, first, second in (
            ("nama", "Pemerintah Kota Mojokerto", "Swan River University"),
            ("nama@en", "the Government of Mojokerto City", "Swan River University"),
            ("alamat", "Jalan Gajah Mada Nomor 145", "35 Stirling Highway, Crawley WA 6009"),
            ("penandatangan.jabatan", "Wali Kota Mojokerto", "Wakil Rektor"),
            ("penandatangan.jabatan@en", "Mayor of Mojokerto", None),  # forgotten
            ("negara", None, "Australia"), ("negara@en", None, "Australia")):
        parties[f"{column_of(parties, key)}3"] = first
        parties[f"{column_of(parties, key)}4"] = second
    rights = book["Hak dan Kewajiban"]
    rights.append([None, 1, "hak", "menerima pelatihan\npengelolaan destinasi",
                   "to receive training in\r\nheritage destination management"])
    scope = book["Objek dan Ruang Lingkup"]
    objek = row_of(scope, "objek")
    scope[f"B{objek}"] = "pelatihan pengelolaan destinasi wisata warisan budaya."
    scope[f"C{objek}"] = ("training in heritage destination\nmanagement.\n\n"
                          "The training is held in Perth.")
    first = row_of(scope, "ruang_lingkup[]")
    scope[f"B{first}"], scope[f"C{first}"] = "pelatihan", "training"
    scope[f"B{first + 1}"], scope[f"C{first + 1}"] = "kegiatan tahun 2025", 2025
    book.save(form)


def _edit_prefilled(form) -> None:
    """The example's form: a row added to the rights and obligations, a row inserted into a
    list, an English text replaced by one pasted over two lines."""
    book = load_workbook(form)
    rights = book["Hak dan Kewajiban"]
    free = next(r for r in range(3, rights.max_row + 1) if rights[f"B{r}"].value is None)
    for letter, value in zip("BCDE", (2, "kewajiban", "menyusun laporan akhir",
                                      "to draw up a final\nreport"), strict=True):
        rights[f"{letter}{free}"] = value
    scope = book["Objek dan Ruang Lingkup"]
    first = row_of(scope, "ruang_lingkup[]")
    scope.insert_rows(first + 1)  # as Excel's Insert Row: the new row has no hidden key
    scope[f"B{first + 1}"], scope[f"C{first + 1}"] = "pameran bersama", "joint exhibitions"
    scope[f"C{row_of(scope, 'objek')}"] = "heritage destination\ntraining."
    book.save(form)


@pytest.fixture(scope="module")
def resaved(tmp_path_factory, libreoffice):
    """The two filled forms, as LibreOffice Calc saves them again."""
    folder = tmp_path_factory.mktemp("forms")
    blank, prefilled = folder / "kosong.xlsx", folder / "contoh.xlsx"
    assert run("form", "--dokumen", "PKS", "--jenis", "KSDLL", "-o", blank).exit_code == 0
    assert run("form", "--from", IA, "-o", prefilled).exit_code == 0
    _fill_blank(blank)
    _edit_prefilled(prefilled)
    out = folder / "calc"
    out.mkdir()
    libreoffice([blank, prefilled], out, "xlsx:Calc MS Excel 2007 XML")
    return out


def test_a_blank_form_filled_in_both_languages_reads_back(resaved):
    loaded = load_agreement(resaved / "kosong.xlsx")
    doc, t = loaded.document, loaded.translations
    assert doc.tentang == "Kerja Sama Pariwisata Warisan Budaya"
    assert t.get(("tentang",), "en") == "Cooperation in Heritage Tourism"
    assert t.get(("pihak", 0, "nama"), "en") == "the Government of Mojokerto City"
    assert t.get(("pihak", 1, "negara"), "en") == "Australia"
    assert t.get(("pihak", 0, "alamat"), "en") is None
    assert doc.pihak[0].hak == ["menerima pelatihan pengelolaan destinasi"]
    assert t.get(("pihak", 0, "hak", 0), "en") == \
        "to receive training in heritage destination management"
    assert t.get(("objek",), "en") == \
        "training in heritage destination management.\nThe training is held in Perth."
    assert doc.ruang_lingkup == ["pelatihan", "kegiatan tahun 2025"]
    assert t.get(("ruang_lingkup", 1), "en") == "2025"  # a number typed where text belongs
    cells = translation_cells(resaved / "kosong.xlsx")
    parties = load_workbook(resaved / "kosong.xlsx")["Para Pihak"]
    assert cells["pihak[2].penandatangan.jabatan"] == \
        f"Para Pihak!{column_of(parties, 'penandatangan.jabatan@en')}4"


def test_an_edited_example_form_gives_what_the_edited_yaml_gives(resaved, tmp_path):
    text = IA.read_text(encoding="utf-8")
    edits = [
        ("        en: to digitise the archives of the Majapahit sites and deliver copies to the "
         "FIRST PARTY\n",
         "      - id: menyusun laporan akhir\n        en: to draw up a final report\n"),
        ("    en: training in heritage destination management\n",
         "  - id: pameran bersama\n    en: joint exhibitions\n"),
    ]
    for anchor, added in edits:
        assert anchor in text
        text = text.replace(anchor, anchor + added, 1)
    old = ("  en: training in heritage destination management and the digitisation of the "
           "archives of the Majapahit sites.\n")
    assert old in text
    text = text.replace(old, "  en: heritage destination training.\n")
    (tmp_path / "ia.yaml").write_text(text, encoding="utf-8")
    expected = load_agreement(tmp_path / "ia.yaml")
    loaded = load_agreement(resaved / "contoh.xlsx")
    assert loaded.document == expected.document
    assert loaded.translations.texts == expected.translations.texts
    assert check_path(resaved / "contoh.xlsx").findings == []


# --- what the form refuses, and where it says so ------------------------------------------------

def test_a_translation_without_its_indonesian_text_is_refused_at_its_cell(tmp_path):
    form = tmp_path / "f.xlsx"
    run("form", "--from", IA, "-o", form)
    book = load_workbook(form)
    basis = book["Dasar Hukum"]
    row = row_of(basis, "dasar_hukum[]")
    basis[f"B{row}"] = None
    rights = book["Hak dan Kewajiban"]
    rights["D3"] = None
    umum = book["Umum"]  # a grey cell typed into once the sheet's protection is lifted
    date = row_of(umum, "penandatanganan.tanggal")
    umum[f"C{date}"] = "4 March 2024"
    book.save(form)
    with pytest.raises(InputError) as info:
        load_agreement(form)
    found = {(p.code, p.cell) for p in info.value.problems}
    assert found == {("form_translation_no_indonesian", ("Dasar Hukum", f"C{row}")),
                     ("form_translation_no_indonesian", ("Hak dan Kewajiban", "E3")),
                     ("form_translation_not_text", ("Umum", f"C{date}")),
                     ("form_right_row", ("Hak dan Kewajiban", "D3"))}  # the row lacks its text
    said = info.value.format("en")
    assert f"sheet 'Dasar Hukum', cell C{row}: this text in English has no Indonesian" in said
    assert f"(cell B{row})" in said


def test_a_bad_english_text_is_reported_at_its_cell(tmp_path):
    form = tmp_path / "f.xlsx"
    run("form", "--from", MOU, "-o", form)
    book = load_workbook(form)
    parties = book["Para Pihak"]
    parties[f"{column_of(parties, 'nama@en')}4"] = "x" * 20_001
    book.save(form)
    with pytest.raises(InputError) as info:
        load_agreement(form)
    assert [p.cell for p in info.value.problems] == [
        ("Para Pihak", f"{column_of(parties, 'nama@en')}4")]


def test_a_third_language_gets_its_own_column(edited, tmp_path):
    path = edited(MOU, "  naskah: [id, en]", "  naskah: [id, en, ko]",
                  "  en: Cooperation in the Development of Electronic-Based Government Systems\n",
                  "  en: Cooperation in the Development of Electronic-Based Government Systems\n"
                  "  ko: 전자정부 시스템 개발 협력\n")
    form = tmp_path / "f.xlsx"
    assert run("form", "--from", path, "-o", form).exit_code == 0
    umum = load_workbook(form)["Umum"]
    assert header(umum)[1:4] == ["Bahasa Indonesia", "Bahasa Inggris", "Bahasa Korea"]
    loaded = load_agreement(form)
    assert loaded.translations.texts == load_agreement(path).translations.texts
    assert loaded.translations.get(("tentang",), "ko") == "전자정부 시스템 개발 협력"
    scope = load_workbook(form)["Objek dan Ruang Lingkup"]
    assert translation_cells(form)["objek"] == f"Objek dan Ruang Lingkup!D{row_of(scope, 'objek')}"


def test_form_from_refuses_rather_than_loses_a_translation(tmp_path, monkeypatch):
    """Whatever the form cannot hold is said, and no form is written."""
    from pkgen.forms import prefill

    monkeypatch.setattr(prefill, "write_form", lambda dokumen, jenis, data: write_form(
        dokumen, "KSDD", {**data, "tentang": data["tentang"]["id"]}))  # drops one text
    result = run("form", "--from", MOU, "-o", tmp_path / "f.xlsx")
    assert result.exit_code == 2
    assert "tentang (en)" in result.stderr and "1 teks" in result.stderr
    assert not (tmp_path / "f.xlsx").exists()


def test_text_pasted_over_several_lines_reads_as_yaml_folds_it(tmp_path):
    shutil.copy(EXAMPLES / "ksb-tpa-kota-kab-mojokerto.yaml", tmp_path)
    form = tmp_path / "f.xlsx"
    run("form", "--from", PKS_TPA, "-o", form)
    book = load_workbook(form)
    scope = book["Objek dan Ruang Lingkup"]
    scope[f"B{row_of(scope, 'objek')}"] = "pemanfaatan  \nTPA Randegan\r\n\n\nbersama."
    book.save(form)
    assert load_agreement(form).document.objek == "pemanfaatan TPA Randegan\nbersama."


def test_the_bilingual_example_form_is_the_memorandum():
    """``examples/formulir-mou-spbe.xlsx`` (``tools/make_form_example.py``) is up to date."""
    form, original = load_agreement(EXAMPLES / "formulir-mou-spbe.xlsx"), load_agreement(MOU)
    assert form.document == original.document
    assert form.translations.texts == original.translations.texts
    assert (EXAMPLES / "formulir-dwibahasa.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
