"""The Excel form: written blank or pre-filled, filled in as a user would, read back."""

import shutil

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_FILES, EXAMPLES, PKS_TPA
from openpyxl import load_workbook

from pkgen.checks import check_path
from pkgen.cli import main
from pkgen.errors import InputError
from pkgen.forms import agreement_data, write_form
from pkgen.inputs import load_agreement

KSB_TPA = EXAMPLES / "ksb-tpa-kota-kab-mojokerto.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def folder(tmp_path):
    shutil.copy(KSB_TPA, tmp_path)
    return tmp_path


def form_of(path, folder):
    target = folder / (path.stem + ".xlsx")
    target.write_bytes(write_form(data=agreement_data(load_agreement(path).document)))
    return target


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_round_trip_yaml_form_yaml(path, folder):
    original = load_agreement(path).document
    form = form_of(path, folder)
    assert load_agreement(form).document == original
    result = run("import", form, "-o", folder / "kembali.yaml")
    assert result.exit_code == 0, result.stderr
    assert load_agreement(folder / "kembali.yaml").document == original
    text = (folder / "kembali.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=pkgen.schema.json")
    assert "# Judul kerja sama." in text


def test_blank_form_is_made_for_people(folder):
    result = run("form", "--jenis", "KSDPK", "-o", folder / "f.xlsx")
    assert result.exit_code == 0
    book = load_workbook(folder / "f.xlsx")
    assert book.sheetnames[:3] == ["Petunjuk", "Umum", "Para Pihak"]
    assert {"Hak dan Kewajiban", "Keadaan Kahar", "Pembiayaan", "Jangka Waktu"} <= set(
        book.sheetnames)
    umum = book["Umum"]
    assert umum["B3"].value == "KSDPK"
    assert umum["A3"].value.endswith("*") and umum["A3"].font.color.rgb.endswith("C00000")
    assert umum.column_dimensions["D"].hidden and umum.protection.sheet
    assert not umum["B3"].protection.locked and umum["A3"].protection.locked
    assert "KSDD" in umum["C3"].value  # help from the model
    lists = [v.formula1 for v in umum.data_validations.dataValidation]
    assert '"KSDD,KSDPK,KSDPL,KSDLL"' in lists
    kinds = {v.type for ws in book.worksheets for v in ws.data_validations.dataValidation}
    assert {"list", "date", "whole", "decimal"} <= kinds
    assert book["Para Pihak"].row_dimensions[2].hidden


def test_user_fills_a_blank_form_and_it_renders(folder):
    run("form", "-o", folder / "f.xlsx")
    book = load_workbook(folder / "f.xlsx")
    umum = book["Umum"]
    umum["B4"], umum["B7"] = "Pemanfaatan TPA", "Mojokerto"
    parties = book["Para Pihak"]
    for row, (nama, jabatan) in enumerate((("Pemerintah Kota Mojokerto", "Wali Kota Mojokerto"),
                                           ("Pemerintah Kabupaten Mojokerto", "Bupati Mojokerto")),
                                          3):
        parties[f"B{row}"], parties[f"F{row}"] = nama, "Jalan Raya 1"
        parties[f"G{row}"], parties[f"H{row}"] = "Budi", jabatan
    rights = book["Hak dan Kewajiban"]
    rights.append([None, 1, "hak", "menerima laporan bulanan"])  # a row added at the end
    rights["B3"], rights["C3"], rights["D3"] = 2, "kewajiban", "membayar jasa pemrosesan"
    book["KSB"]["B2"] = "ksb-tpa-kota-kab-mojokerto.yaml"
    book.save(folder / "f.xlsx")
    loaded = load_agreement(folder / "f.xlsx")
    assert loaded.document.pihak[0].hak == ["menerima laporan bulanan"]
    assert loaded.document.pihak[1].kewajiban == ["membayar jasa pemrosesan"]
    result = run("render", folder / "f.xlsx", "-o", folder, "--allow-incomplete")
    assert result.exit_code == 0, result.stderr
    assert (folder / "f.docx").is_file()
    report = check_path(folder / "f.xlsx")
    assert "keadaan_kahar" in {f.clause for f in report.findings}


def test_wrong_values_are_reported_by_sheet_and_cell(folder):
    form = form_of(PKS_TPA, folder)
    book = load_workbook(form)
    book["Jangka Waktu"]["B3"] = "31-02-2023"
    book["Umum"]["B3"] = "KSDX"
    book["Hak dan Kewajiban"]["C5"] = "ketiga"
    book["Sumber Dana"]["G3"] = "mungkin"
    book["Pembiayaan"]["B2"] = "satu miliar"
    book.save(form)
    with pytest.raises(InputError) as info:
        load_agreement(form)
    messages = info.value.format("id").splitlines()
    expected = ["lembar 'Hak dan Kewajiban', sel C5", "lembar 'Umum', sel B3",
                "lembar 'Jangka Waktu', sel B3", "lembar 'Sumber Dana', sel G3",
                "lembar 'Pembiayaan', sel B2"]
    for place in expected:
        assert any(place in m for m in messages), (place, messages)
    assert all("pembiayaan.jumlah" not in m for m in messages)  # cells, not internal keys
    result = run("validate", form, "--lang", "en")
    assert result.exit_code == 2 and "cell C5" in result.stderr


def test_form_saved_by_libreoffice_still_imports(folder, libreoffice):
    form = form_of(PKS_TPA, folder)
    out = folder / "calc"
    out.mkdir()
    libreoffice([form], out, "xlsx:Calc MS Excel 2007 XML")
    shutil.copy(KSB_TPA, out)
    assert load_agreement(out / form.name).document == load_agreement(PKS_TPA).document


def test_a_workbook_that_is_not_a_form(folder):
    from openpyxl import Workbook

    Workbook().save(folder / "lain.xlsx")
    with pytest.raises(InputError) as info:
        load_agreement(folder / "lain.xlsx")
    assert info.value.problems[0].code == "form_not_pkgen"
    (folder / "rusak.xlsx").write_text("bukan excel")
    with pytest.raises(InputError) as info:
        load_agreement(folder / "rusak.xlsx")
    assert info.value.problems[0].code == "form_unreadable"


def test_form_from_a_form_and_check_accepts_forms(folder):
    form = form_of(PKS_TPA, folder)
    assert run("form", "--from", form, "-o", folder / "lagi.xlsx").exit_code == 0
    assert load_agreement(folder / "lagi.xlsx").document == load_agreement(PKS_TPA).document
    result = run("check", form)
    assert result.exit_code == 0 and "OK" in result.stdout


def test_pks_prefilled_from_its_ksb(folder):
    result = run("new", "--from-ksb", folder / KSB_TPA.name, "-o", folder / "pks.yaml")
    assert result.exit_code == 0
    text = (folder / "pks.yaml").read_text()
    assert "berkas: ksb-tpa-kota-kab-mojokerto.yaml" in text
    assert "pemberi: Wali Kota Mojokerto" in text and "berakhir: 2024-10-27" in text
    assert "# ISI untuk setiap pihak" in text
    validate = run("validate", folder / "pks.yaml")
    assert validate.exit_code == 1
    assert "kunci tidak dikenal" not in validate.output and "belum diisi" in validate.output
    not_ksb = run("new", "--from-ksb", PKS_TPA, "-o", folder / "x.yaml")
    assert not_ksb.exit_code == 2


def test_a_row_inserted_into_a_list_continues_it(folder):
    form = form_of(PKS_TPA, folder)
    book = load_workbook(form)
    sheet = book["Objek dan Ruang Lingkup"]
    row = next(r for r in range(2, sheet.max_row + 1)
               if sheet.cell(r, 4).value == "ruang_lingkup[]")
    sheet.insert_rows(row + 1)  # as Excel's Insert Row does: the new row has no hidden key
    sheet.cell(row + 1, 2, "pelaporan volume sampah")
    book.save(form)
    scope = load_agreement(form).document.ruang_lingkup
    assert scope[1] == "pelaporan volume sampah" and len(scope) == 5


@pytest.mark.parametrize(("cell", "typed", "field", "expected"), [
    (("Jangka Waktu", "B2"), "1/1/2021", lambda d: d.jangka_waktu.mulai.isoformat(),
     "2021-01-01"),
    (("Jangka Waktu", "B3"), "31-12-2023", lambda d: d.jangka_waktu.berakhir.isoformat(),
     "2023-12-31"),
    (("Pembiayaan", "B2"), "Rp1.250.000.000,50", lambda d: str(d.pembiayaan.jumlah),
     "1250000000.50"),
    (("Pembiayaan", "B2"), "1250000", lambda d: str(d.pembiayaan.jumlah), "1250000"),
])
def test_dates_and_amounts_typed_as_text_the_indonesian_way(folder, cell, typed, field,
                                                            expected):
    form = form_of(PKS_TPA, folder)
    book = load_workbook(form)
    book[cell[0]][cell[1]] = typed
    book.save(form)
    assert field(load_agreement(form).document) == expected


def _cell_of(ws, key: str) -> str:
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == key)
    return f"B{row}"


def test_identifiers_and_telephones_are_text_cells(folder):
    book = load_workbook(form_of(PKS_TPA, folder))
    parties, addresses = book["Para Pihak"], book["Korespondensi"]
    nip = next(c for c in range(2, parties.max_column + 1)
               if parties.cell(2, c).value == "penandatangan.nip")
    phone = next(c for c in range(2, addresses.max_column + 1)
                 if addresses.cell(2, c).value == "telepon")
    assert parties.cell(3, nip).number_format == "@"
    assert parties.cell(3, nip).value == "19700512 199503 2 004"
    assert addresses.cell(3, phone).number_format == "@"
    umum = book["Umum"]
    assert umum[_cell_of(umum, "tentang")].number_format == "@"
    assert umum[_cell_of(umum, "penandatanganan.tanggal")].number_format == "dd/mm/yyyy"


def test_opd_hand_off_end_to_end(folder, tmp_path):
    """new --from-ksb -> form --from -> the OPD fills the form (and mails it back into another
    folder) -> import into the register: a complete input that renders."""
    register = folder
    assert run("new", "--from-ksb", register / KSB_TPA.name, "-o",
               register / "pks.yaml").exit_code == 0
    result = run("form", "--from", register / "pks.yaml", "-o", register / "formulir.xlsx")
    assert result.exit_code == 0, result.output
    assert "BELUM LENGKAP" in result.stderr  # what is left to fill in, said once more
    book = load_workbook(register / "formulir.xlsx")
    umum = book["Umum"]
    # Empty required cells are marked, and turn back to normal once filled.
    rules = [r for rng in umum.conditional_formatting for r in rng.rules]
    assert any("LEN(TRIM(" in r.formula[0] for r in rules)
    parties = book["Para Pihak"]
    columns = {parties.cell(2, c).value: c for c in range(2, parties.max_column + 1)}
    for row, (name, nip) in enumerate((("Ir. Endah Sulistyowati, M.T.", "19700512 199503 2 004"),
                                       ("Drs. Zainal Arifin", "19680324 198903 1 007")), 3):
        parties.cell(row, columns["penandatangan.nama"], name)
        parties.cell(row, columns["penandatangan.jabatan"], "Kepala Dinas Lingkungan Hidup")
        parties.cell(row, columns["penandatangan.nip"], nip)
        parties.cell(row, columns["kewenangan.nomor"], f"180/{row}/2020")
        parties.cell(row, columns["kewenangan.tanggal"], "02/11/2020")
    rights = book["Hak dan Kewajiban"]
    for row, (party, kind, text) in enumerate([
            (1, "hak", "menerima pembayaran jasa"), (1, "kewajiban", "menyediakan TPA"),
            (2, "hak", "membuang sampah ke TPA"), (2, "kewajiban", "membayar jasa")], 3):
        for col, value in enumerate((party, kind, text), 2):
            rights.cell(row, col, value)
    umum[_cell_of(umum, "tentang")] = "Pemanfaatan Bersama TPA Randegan"
    kahar = book["Keadaan Kahar"]
    kahar[_cell_of(kahar, "keadaan_kahar.peristiwa[]")] = "bencana alam"
    kahar[_cell_of(kahar, "keadaan_kahar.batas_pemberitahuan_hari")] = 14
    end = book["Perselisihan dan Pengakhiran"]
    for key, value in (("penyelesaian_perselisihan.musyawarah_hari", 30),
                       ("penyelesaian_perselisihan.forum", "GUBERNUR"),
                       ("penyelesaian_perselisihan.nama_forum", "Gubernur Jawa Timur"),
                       ("pengakhiran.sebab[]", "jangka waktu Perjanjian berakhir"),
                       ("pengakhiran.pemberitahuan_hari", 30)):
        end[_cell_of(end, key)] = value
    mail = tmp_path / "unduhan"
    mail.mkdir()
    book.save(mail / "formulir-terisi.xlsx")
    result = run("import", mail / "formulir-terisi.xlsx", "-o", register / "pks-terisi.yaml")
    assert result.exit_code == 0, result.output
    text = (register / "pks-terisi.yaml").read_text()
    assert "berkas: ksb-tpa-kota-kab-mojokerto.yaml" in text  # relative to the output
    result = run("validate", register / "pks-terisi.yaml")
    assert result.exit_code == 0, result.output
    assert run("render", register / "pks-terisi.yaml", "-o",
               tmp_path / "d.docx").exit_code == 0


def test_a_partial_form_imports_and_says_what_is_missing(folder):
    run("new", "--from-ksb", folder / KSB_TPA.name, "-o", folder / "pks.yaml")
    run("form", "--from", folder / "pks.yaml", "-o", folder / "formulir.xlsx")
    result = run("import", folder / "formulir.xlsx", "-o", folder / "kembali.yaml")
    assert result.exit_code == 0
    assert "lembar 'Para Pihak', sel" in result.stderr and "belum diisi" in result.stderr
    assert load_agreement(folder / "kembali.yaml").document.pihak[0].penandatangan is None


def test_check_on_a_form_names_sheet_and_cell(folder):
    form = form_of(PKS_TPA, folder)
    book = load_workbook(form)
    end = book["Perselisihan dan Pengakhiran"]
    end[_cell_of(end, "pengakhiran.pemberitahuan_hari")] = None
    book.save(form)
    result = run("check", form)
    assert result.exit_code == 1
    assert "lembar 'Perselisihan dan" in result.output


def test_every_part_of_the_model_has_a_place_in_the_form():
    from pkgen.forms import sheets
    from pkgen.model import ORDER

    placed = {s.key.removesuffix("[]").split(".")[0] for sheet in sheets() for s in sheet.specs
              if not sheet.table} | {sheet.table.split(".")[0] for sheet in sheets()
                                     if sheet.table}
    assert set(ORDER) - {"dokumen"} <= placed | {"hak_kewajiban"}


def test_a_part_the_layout_does_not_place_gets_rows_of_its_own(monkeypatch):
    """A new article needs no form code: what it is comes from the model."""
    from pkgen.forms import layout

    monkeypatch.setattr(layout, "_placed", lambda: {"pihak", "korespondensi", "dokumen",
                                                    "hak_kewajiban", "jenis", "tentang"})
    extra = {s.key: s for s in layout._unplaced()}
    assert extra["sanksi[]"].kind == "list" and extra["sanksi[]"].only == "PKS"
    assert extra["sanksi[]"].label == "Sanksi (ayat)"
    assert extra["keadaan_kahar.peristiwa[]"].label == "Keadaan kahar: peristiwa (ayat)"
    assert extra["keadaan_kahar.batas_pemberitahuan_hari"].kind == "int"
    assert extra["penutup.meterai"].kind == "bool" and extra["penutup.meterai"].only is None
