"""``pkgen rekap`` on the test register (tests/rekapkit.py): the workbook's sheets, rows,
statuses and alerts, cell by cell, and the command's refusals."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from rekapkit import BROKEN_LINE, PER, make_register

from pkgen.cli import main

D = dt.datetime
SHEETS = ["Ringkasan", "Semua Perjanjian", "Peringatan", "Per OPD", "Per Jenis", "Evaluasi"]
DLH, DPUPR = "Dinas Lingkungan Hidup", "Dinas Pekerjaan Umum dan Penataan Ruang"
WISATA = "Dinas Kepemudaan, Olahraga, Kebudayaan dan Pariwisata"
DISKOMINFO, DISPERINDAG = "Dinas Komunikasi dan Informatika", "Dinas Perindustrian dan Perdagangan"
KOTA_KAB = "Pemerintah Kota Mojokerto; Pemerintah Kabupaten Mojokerto"
KSB_NUMBERS = "180/45/417.111/2019; 180/112/416-012/2019"
TPA_NUMBERS = "658.1/210/417.302/2020; 658/1.145/416-106/2020"
WISATA_NUMBERS = "556/088/417.403/2021; 012/MWN-PKS/III/2021"
SPBE_NUMBERS = "555/142/417.409/2021; 555/1.201/416-114/2021; 555/312/415.33/2021"
TPA_KSB = "tpa/ksb-tpa-kota-kab-mojokerto.yaml"
ERRORS, DRAFT_OLD = "Ada temuan kesalahan", "Draf lama belum ditandatangani"
NO_PKS, ENDING = "KSB belum ditindaklanjuti PKS", "Segera berakhir, perpanjangan belum disiapkan"
UNREADABLE = "Masukan tidak dapat dimuat"

#: Every row of "Semua Perjanjian" from "Berkas masukan" to "Evaluasi terakhir", in order:
#: file, document, jenis, OPD, numbers, signed, start, end, months left, KSB followed, PKS
#: following, check, status, alerts, latest evaluation.
AGREEMENTS = [
    ("air/ksb-air.yaml", "KSB", "KSDD", DPUPR, KSB_NUMBERS, D(2020, 9, 1), D(2020, 9, 1),
     D(2025, 8, 31), 2, None, "air/pks-air.yaml", "lengkap", "segera berakhir",
     "KSB berakhir, PKS masih draf; " + ENDING, None),
    ("air/pks-air.yaml", "PKS", "KSDD", DPUPR, None, None, D(2024, 1, 1), D(2026, 12, 31), 18,
     "air/ksb-air.yaml", None, "1 kesalahan", "draf",
     f"{ERRORS}; PKS melampaui KSB-nya; {DRAFT_OLD}", None),
    ("jalan/ksb-jalan-2025.yaml", "KSB", "KSDD", None, None, None, D(2025, 7, 15),
     D(2030, 7, 14), 60, None, None, "lengkap, 1 peringatan", "draf", None, None),
    ("jalan/ksb-jalan.yaml", "KSB", "KSDD", None, KSB_NUMBERS, D(2021, 1, 15), D(2021, 1, 15),
     D(2025, 7, 14), 0, None, None, "lengkap", "segera berakhir", NO_PKS, None),
    ("ksb-pasar.yaml", "KSB", "KSDD", None, KSB_NUMBERS, D(2023, 1, 10), D(2023, 1, 10),
     D(2028, 1, 9), 30, None, None, "lengkap", "berlaku", NO_PKS, None),
    ("luar-negeri/pks-kota-kembar.yaml", "PKS", "KSDPL", WISATA, WISATA_NUMBERS,
     D(2024, 5, 20), D(2024, 5, 20), D(2027, 5, 19), 22, "180/1/KSB/2023; 180/2/KSB/2023",
     None, "50 kesalahan", "berlaku", f"{ERRORS}; Kerja sama luar negeri tanpa persetujuan",
     "tidak berjalan (Tahun 2024)"),
    ("luar-negeri/pks-pertukaran-pelajar.yaml", "PKS", "KSDLL", WISATA,
     "556/045/417.111/2024; SRU/IA/2024/009", D(2025, 3, 1), D(2025, 3, 1), D(2028, 2, 29), 32,
     "180/211/417.111/2023; SRU/MOU/2023/017", None, "lengkap", "berlaku", None, None),
    ("pks-festival.yaml", "PKS", "KSDPK", WISATA, WISATA_NUMBERS, D(2025, 9, 1), D(2025, 9, 1),
     D(2028, 8, 31), 38, "556/015/417.111/2020; 003/MWN-KSB/XI/2020", None,
     "lengkap, 1 peringatan", "draf", DRAFT_OLD, None),
    ("pks-ksb-hilang.yaml", None, None, None, None, None, None, None, None, None, None,
     "tidak dapat dimuat", "tidak terbaca", UNREADABLE, None),
    ("pks-pariwisata-disporabudpar-swasta.yaml", "PKS", "KSDPK", WISATA, WISATA_NUMBERS,
     D(2021, 3, 15), D(2021, 3, 15), D(2024, 3, 14), None,
     "556/015/417.111/2020; 003/MWN-KSB/XI/2020", None, "lengkap", "berakhir", None, None),
    ("pks-parkir.yaml", "PKS", "KSDPK", WISATA, WISATA_NUMBERS, D(2022, 6, 1), D(2022, 6, 1),
     D(2025, 5, 31), None, "556/015/417.111/2020; 003/MWN-KSB/XI/2020", None, "lengkap",
     "diakhiri", None, None),
    ("pks-pasar-dprd.yaml", "PKS", "KSDD", DISPERINDAG, SPBE_NUMBERS, D(2024, 2, 1),
     D(2024, 3, 1), D(2027, 2, 28), 20, "180/1/KSB/2023; 180/2/KSB/2023; 180/3/KSB/2023",
     None, "1 kesalahan", "berlaku",
     f"{ERRORS}; Di luar APBD berjalan, tanpa persetujuan DPRD", "sebagian (Semester I 2025)"),
    ("pks-spbe-mojokerto-jombang.yaml", "PKS", "KSDD", DISKOMINFO, SPBE_NUMBERS, D(2021, 6, 7),
     D(2021, 7, 1), D(2025, 6, 30), 0, "180/060/417.111/2020; 180/140/416-012/2020; "
     "180/099/415.10/2020", None, "lengkap", "segera berakhir", ENDING, None),
    ("rusak.yaml", None, None, None, None, None, None, None, None, None, None,
     "tidak dapat dimuat", "tidak terbaca", UNREADABLE, None),
    ("tpa/formulir-pks-tpa.xlsx", "PKS", "KSDD", DLH, TPA_NUMBERS, D(2020, 11, 16),
     D(2021, 1, 1), D(2023, 12, 31), None, TPA_KSB, None, "lengkap", "berakhir", None, None),
    (TPA_KSB, "KSB", "KSDD", DLH, KSB_NUMBERS, D(2019, 10, 28), D(2019, 10, 28),
     D(2024, 10, 27), None, None,
     "tpa/formulir-pks-tpa.xlsx, tpa/pks-tpa-kota-kab-mojokerto.yaml", "lengkap", "berakhir",
     None, None),
    ("tpa/pks-tpa-kota-kab-mojokerto.yaml", "PKS", "KSDD", DLH, TPA_NUMBERS, D(2020, 11, 16),
     D(2021, 1, 1), D(2023, 12, 31), None, TPA_KSB, None, "lengkap", "berakhir", None, None),
]
#: The columns of AGREEMENTS, by their heading in the sheet.
COLUMNS = ["Berkas masukan", "Dokumen", "Jenis", "OPD / unit", "Nomor", "Ditandatangani",
           "Mulai", "Berakhir", "Sisa bulan", "KSB yang ditindaklanjuti",
           "PKS yang menindaklanjuti", "Hasil pemeriksaan", "Status", "Peringatan",
           "Evaluasi terakhir"]

#: Every row of "Peringatan": alert, file, status, and the reason (whole, or how it starts).
ALERTS = [
    (UNREADABLE, "pks-ksb-hilang.yaml", "tidak terbaca", "ksb-hilang.yaml: berkas tidak ditemukan"),
    (UNREADABLE, "rusak.yaml", "tidak terbaca", f"rusak.yaml:{BROKEN_LINE}: kurung [ ] atau {{ }}"),
    (ERRORS, "air/pks-air.yaml", "draf", "1 kesalahan; yang pertama: jangka_waktu, baris "),
    # written in Indonesian only: every text lacks its English, and the governing language
    (ERRORS, "luar-negeri/pks-kota-kembar.yaml", "berlaku",
     "50 kesalahan; yang pertama: Perjanjian dengan pihak luar negeri wajib menyebut bahasa"),
    (ERRORS, "pks-pasar-dprd.yaml", "berlaku",
     "1 kesalahan; yang pertama: pembiayaan.sumber[2].dalam_apbd_tahun_berjalan"),
    (NO_PKS, "jalan/ksb-jalan.yaml", "segera berakhir",
     "ditandatangani 15 Januari 2021: sudah 53 bulan tanpa PKS (tidak ada PKS dalam register "
     "yang merujuknya dengan ksb.berkas)"),
    (NO_PKS, "ksb-pasar.yaml", "berlaku", "ditandatangani 10 Januari 2023: sudah 29 bulan"),
    ("KSB berakhir, PKS masih draf", "air/ksb-air.yaml", "segera berakhir",
     "KSB berakhir 31 Agustus 2025; PKS-nya masih draf: air/pks-air.yaml"),
    ("PKS melampaui KSB-nya", "air/pks-air.yaml", "draf",
     "PKS berakhir 31 Desember 2026, sesudah KSB-nya (31 Agustus 2025)"),
    (ENDING, "air/ksb-air.yaml", "segera berakhir",
     "berakhir 31 Agustus 2025 (sisa 2 bulan); belum ada masukan dalam register yang "
     "memperpanjangnya (memperpanjang)"),
    (ENDING, "pks-spbe-mojokerto-jombang.yaml", "segera berakhir",
     "berakhir 30 Juni 2025 (sisa 0 bulan)"),
    (DRAFT_OLD, "air/pks-air.yaml", "draf",
     "belum ditandatangani 57 bulan sejak 1 September 2020"),
    (DRAFT_OLD, "pks-festival.yaml", "draf",
     "belum ditandatangani 55 bulan sejak 20 November 2020"),
    ("Di luar APBD berjalan, tanpa persetujuan DPRD", "pks-pasar-dprd.yaml", "berlaku",
     "bagian biaya di luar APBD tahun berjalan tanpa persetujuan DPRD yang dirujuk: PIHAK KEDUA"),
    ("Kerja sama luar negeri tanpa persetujuan", "luar-negeri/pks-kota-kembar.yaml", "berlaku",
     "belum ada: persetujuan DPRD PIHAK PERTAMA; persetujuan Pemerintah Pusat "
     "(persetujuan_pusat)"),
]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> Path:
    return make_register(tmp_path_factory.mktemp("rekap"))


@pytest.fixture(scope="module")
def workbook(register):
    out = register.parent / "rekap.xlsx"
    result = run("rekap", register, "-o", out, "--per", PER.isoformat(), "--jobs", "1")
    assert result.exit_code == 2, result.output  # two inputs cannot be loaded
    assert f"ditulis: {out} (17 perjanjian, 15 peringatan)" in result.stderr
    assert f"rusak.yaml:{BROKEN_LINE}:" in result.stderr
    return out


def rows(ws) -> list[tuple]:
    return list(ws.iter_rows(min_row=2, values_only=True))


def test_one_sheet_per_view_with_frozen_headers_and_filters(workbook):
    book = load_workbook(workbook)
    assert book.sheetnames == SHEETS
    assert book["Semua Perjanjian"].freeze_panes == "C2"
    assert book["Semua Perjanjian"].auto_filter.ref == "A1:T18"
    assert book["Peringatan"].auto_filter.ref == "A1:I16"
    for title in SHEETS[2:]:
        assert book[title].freeze_panes == "A2"
    for ws in book:
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"


def test_every_agreement_is_a_row_cell_by_cell(workbook):
    ws = load_workbook(workbook)["Semua Perjanjian"]
    header = [c.value for c in ws[1]]
    at = [header.index(name) for name in COLUMNS]
    found = rows(ws)
    assert [r[0] for r in found] == list(range(1, 18))
    assert [tuple(r[i] for i in at) for r in found] == AGREEMENTS
    by_file = {r[1]: dict(zip(header, r, strict=True)) for r in found}
    assert by_file["pks-pasar-dprd.yaml"]["Persetujuan DPRD"] == (
        "Pemerintah Kota Mojokerto: 172.2/12/417.200/2021; Pemerintah Kabupaten Jombang: "
        "172/108/415.40/2021; belum ada: PIHAK KEDUA")
    assert by_file["luar-negeri/pks-kota-kembar.yaml"]["Persetujuan DPRD"] == (
        "belum ada: PIHAK PERTAMA")
    assert by_file["air/ksb-air.yaml"]["Para pihak"] == KOTA_KAB
    assert by_file["pks-parkir.yaml"]["Catatan"] == (
        "diakhiri pada 1 Desember 2024: PIHAK KEDUA dinyatakan pailit")
    assert by_file["jalan/ksb-jalan.yaml"]["Catatan"] == (
        "diperpanjang oleh jalan/ksb-jalan-2025.yaml")
    assert by_file["jalan/ksb-jalan-2025.yaml"]["Catatan"] == "memperpanjang jalan/ksb-jalan.yaml"


def test_an_input_that_cannot_be_loaded_is_a_row_with_file_and_line(workbook):
    by_file = {r[1]: r for r in rows(load_workbook(workbook)["Semua Perjanjian"])}
    note = by_file["rusak.yaml"][-1]
    assert f"rusak.yaml:{BROKEN_LINE}: kurung [ ] atau {{ }}" in note
    missing = by_file["pks-ksb-hilang.yaml"][-1]
    assert "ksb-hilang.yaml: berkas tidak ditemukan" in missing
    assert "pks-ksb-hilang.yaml:" in missing and "ksb.berkas:" in missing


def test_dates_are_dates_and_statuses_are_coloured(workbook):
    ws = load_workbook(workbook)["Semua Perjanjian"]
    signed = ws["I2"]
    assert signed.is_date and signed.number_format == "dd/mm/yyyy"
    rules = {r.formula[0]: r.dxf.fill.fgColor.rgb[-6:]
             for cf in ws.conditional_formatting for r in cf.rules
             if "Q2:Q18" in str(cf.sqref)}
    assert rules == {'"draf"': "DDEBF7", '"berlaku"': "C6EFCE", '"segera berakhir"': "FFEB9C",
                     '"berakhir"': "E7E6E6", '"diakhiri"': "D9D2E9",
                     '"tidak terbaca"': "FFC7CE"}


def test_every_alert_is_a_row_with_its_reason(workbook):
    found = rows(load_workbook(workbook)["Peringatan"])
    assert [(r[0], r[1], r[6]) for r in found] == [a[:3] for a in ALERTS]
    for row, (*_rest, reason) in zip(found, ALERTS, strict=True):
        assert reason in row[7], (row[1], row[7])
    basis = {r[0]: r[8] for r in found}
    assert basis[NO_PKS] == "PP 28/2018 Pasal 6 ayat (1); Pasal 19 ayat (1) (hukum)"
    assert basis[ENDING] is None


def test_the_summary_counts_statuses_and_alerts(workbook):
    assert rows(load_workbook(workbook)["Ringkasan"]) == [
        ("draf", 3), ("berlaku", 4), ("segera berakhir", 3), ("berakhir", 4), ("diakhiri", 1),
        ("tidak terbaca", 2), (UNREADABLE, 2), (ERRORS, 3), (NO_PKS, 2),
        ("KSB berakhir, PKS masih draf", 1), ("PKS melampaui KSB-nya", 1), (ENDING, 2),
        (DRAFT_OLD, 2), ("Di luar APBD berjalan, tanpa persetujuan DPRD", 1),
        ("Kerja sama luar negeri tanpa persetujuan", 1),
        ("Jumlah perjanjian dalam register", 17)]


def test_per_opd_with_the_evaluations(workbook):
    # OPD, total, KSB, PKS, draf … tidak terbaca, with alerts, not carried out, partly,
    # in force and never evaluated, follow-ups due, problems named
    assert rows(load_workbook(workbook)["Per OPD"]) == [
        (WISATA, 5, 0, 5, 1, 2, 0, 1, 1, 0, 2, 1, 0, 1, 0,
         "Kerja Sama Kota Kembar di Bidang Kebudayaan: Persetujuan DPRD belum diperoleh"),
        (DISKOMINFO, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, None),
        (DLH, 3, 1, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, None),
        (DPUPR, 2, 1, 1, 1, 0, 1, 0, 0, 0, 2, 0, 0, 1, 0, None),
        (DISPERINDAG, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1,
         "Pembangunan Pasar Induk Regional: Lahan pasar belum dibebaskan"),
        ("(tanpa OPD)", 5, 3, 0, 1, 1, 1, 0, 0, 2, 4, 0, 0, 2, 0, None),
    ]


def test_per_jenis(workbook):
    assert rows(load_workbook(workbook)["Per Jenis"]) == [
        ("KSDD", 10, 5, 5, 2, 2, 3, 3, 0, 0, 6), ("KSDPK", 3, 0, 3, 1, 0, 0, 1, 1, 0, 1),
        ("KSDPL", 1, 0, 1, 0, 1, 0, 0, 0, 0, 1), ("KSDLL", 1, 0, 1, 0, 1, 0, 0, 0, 0, 0),
        ("(tidak terbaca)", 2, 0, 0, 0, 0, 0, 0, 0, 2, 2)]


def test_every_evaluation_is_a_row_with_its_follow_up(workbook):
    kembar, pasar = "luar-negeri/pks-kota-kembar.yaml", "pks-pasar-dprd.yaml"
    assert [r[:6] + r[7:] for r in rows(load_workbook(workbook)["Evaluasi"])] == [
        (kembar, "Kerja Sama Kota Kembar di Bidang Kebudayaan", WISATA, "berlaku", "Tahun 2024",
         "tidak berjalan", "Persetujuan DPRD belum diperoleh", "Mengajukan persetujuan DPRD",
         D(2025, 12, 31), None, None),
        (pasar, "Pembangunan Pasar Induk Regional", DISPERINDAG, "berlaku", "Tahun 2024",
         "berjalan", None, None, None, None, None),
        (pasar, "Pembangunan Pasar Induk Regional", DISPERINDAG, "berlaku", "Semester I 2025",
         "sebagian", "Lahan pasar belum dibebaskan", "Rapat koordinasi dengan BPKAD",
         D(2025, 7, 15), "Tidak", "Ya"),
    ]


def test_charts_of_agreements_per_status_opd_and_jenis(workbook):
    with zipfile.ZipFile(workbook) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        ranges = [archive.read(n).decode() for n in charts]
    assert len(charts) == 3
    assert "'Ringkasan'!$B$2:$B$7" in ranges[0] and "'Ringkasan'!$A$2:$A$7" in ranges[0]
    assert "'Per OPD'!$B$2:$B$7" in ranges[1] and "'Per OPD'!$A$2:$A$7" in ranges[1]
    assert "'Per Jenis'!$B$2:$B$6" in ranges[2]
    assert "Perjanjian menurut status" in ranges[0] and "C6EFCE" in ranges[0]


def test_english(register, tmp_path):
    out = tmp_path / "rekap-en.xlsx"
    result = run("rekap", register, "-o", out, "--per", "30/06/2025", "--lang", "en")
    assert result.exit_code == 2 and "input(s) could not be loaded" in result.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["Summary", "All agreements", "Alerts", "By OPD", "By kind",
                               "Evaluation"]
    first = rows(book["All agreements"])[0]
    assert first[16] == "ending soon" and first[8].date() == dt.date(2020, 9, 1)
    assert book["All agreements"]["I2"].number_format == "yyyy-mm-dd"
    reasons = {r[1]: r[7] for r in rows(book["Alerts"]) if r[0] == "KSB not followed by a PKS"}
    assert reasons["ksb-pasar.yaml"].startswith("signed on 10 January 2023: 29 months without")


@pytest.mark.libreoffice
def test_the_workbook_opens_in_libreoffice_calc(workbook, to_pdf, tmp_path):
    import subprocess

    pdf = to_pdf([workbook], tmp_path)[0]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for words in ("Perjanjian menurut status", "KSB belum ditindaklanjuti PKS", "ksb-pasar.yaml",
                  "segera berakhir", "Lahan pasar belum dibebaskan", "01/09/2020"):
        assert words in text, words


def test_the_command_refuses_what_it_cannot_write(register, tmp_path):
    inside = run("rekap", register, "-o", register / "rekap.xlsx")
    assert inside.exit_code == 2 and "di dalam register" in inside.stderr
    assert not (register / "rekap.xlsx").exists()
    unknown = run("rekap", register, "-o", tmp_path / "rekap.txt")
    assert unknown.exit_code == 2 and "format apa?" in unknown.stderr
    screen = run("rekap", register, "--format", "xlsx")
    assert screen.exit_code == 2 and "-o rekap.xlsx" in screen.stderr
    day = run("rekap", register, "--per", "31/02/2025")
    assert day.exit_code == 2 and day.stderr.startswith("--per: '31/02/2025' bukan tanggal")
    (tmp_path / "ada.md").write_text("catatan rapat\n")
    kept = run("rekap", register, "-o", tmp_path / "ada.md", "--per", "2025-06-30")
    assert kept.exit_code == 2 and (tmp_path / "ada.md").read_text() == "catatan rapat\n"
    forced = run("rekap", register, "-o", tmp_path / "ada.md", "--per", "2025-06-30", "--force")
    assert forced.exit_code == 2  # written; two inputs could not be loaded
    assert (tmp_path / "ada.md").read_text().startswith("# Rekap kerja sama daerah per 30 Juni")
