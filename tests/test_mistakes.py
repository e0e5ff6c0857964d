"""The corpus of realistic user mistakes: each renders exactly what the user meant, or is
refused with a located Indonesian message and no draft. Nothing in between.

YAML cases are files in ``tests/mistakes`` (made by ``make_mistakes.py``); form cases are the
TPA form with cells typed as a clerk types them in Excel (numbers as numbers, dates as text).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, PKS_TPA, ROOT
from docx import Document
from openpyxl import load_workbook
from openpyxl.drawing.image import Image

from pkgen.cli import main
from pkgen.docx_text import document_text
from pkgen.forms import agreement_data, write_form
from pkgen.inputs import load_agreement

MISTAKES = ROOT / "tests" / "mistakes"
KSB = EXAMPLES / "ksb-tpa-kota-kab-mojokerto.yaml"


def draft(*expected: str):
    """The case renders, and the draft says each of ``expected``."""
    return ("draft", expected)


def refused(exit_code: int, where: str, says: str):
    """The case is refused with ``exit_code``; the message names ``where`` and says ``says``."""
    return ("refused", exit_code, where, says)


def at(name: str, text: str, key: str = "") -> str:
    """':N: key' where N is the line of ``name`` that holds ``text`` (the mistake)."""
    lines = (MISTAKES / name).read_bytes().decode("utf-8", "replace").splitlines()
    number = next((i for i, line in enumerate(lines, 1) if line.strip() == text), None) or next(
        i for i, line in enumerate(lines, 1) if text in line)
    return f":{number}:" + (f" {key}" if key else "")


YAML_CASES = {
    "telepon-nol-di-depan.yaml": draft("telepon 0321321456"),
    "nip-tanpa-kutip.yaml": draft("NIP 19700512 199503 2 004"),
    "nip-bertitik.yaml": draft("NIP 19700512 199503 2 004"),
    "nip-dengan-label.yaml": draft("NIP 19700512 199503 2 004"),
    "nip-kurang-digit.yaml": refused(2, at("nip-kurang-digit.yaml", "nip:",
                                        "pihak[1].penandatangan.nip"), "berisi 17 digit"),
    "nip-bulan-mustahil.yaml": refused(2, at("nip-bulan-mustahil.yaml", "nip:",
                                          "pihak[1].penandatangan.nip"),
                                       "tahun dan bulan pengangkatan 199513"),
    "nomor-nol-di-depan.yaml": draft("Surat Kuasa Wali Kota Mojokerto Nomor 0301 tanggal"),
    "kode-pos-dalam-alamat.yaml": draft("Kota Mojokerto, 61321"),
    "tanggal-garis-miring.yaml": draft("hari ini Senin tanggal enam belas bulan November "
                                       "tahun dua ribu dua puluh"),
    "tanggal-dengan-bulan.yaml": draft("hari ini Senin tanggal enam belas bulan November"),
    "tanggal-dengan-hari.yaml": draft("hari ini Senin tanggal enam belas bulan November"),
    "tanggal-hari-salah.yaml": refused(2, ":9: penandatanganan.tanggal", "bukan hari Selasa"),
    "tanggal-urutan-amerika.yaml": refused(2, ":9: penandatanganan.tanggal",
                                           "bukan tanggal yang ada di kalender"),
    "tanggal-tahun-dua-digit.yaml": refused(2, ":9: penandatanganan.tanggal",
                                            "harus berupa tanggal"),
    "tanggal-sebagai-angka.yaml": refused(2, ":9: penandatanganan.tanggal",
                                          "harus berupa tanggal"),
    "jumlah-rupiah-lengkap.yaml": draft("Rp1.250.000.000,00 (satu miliar dua ratus lima puluh "
                                        "juta rupiah)"),
    "jumlah-titik-ribuan.yaml": draft("Rp1.250.000.000,00 (satu miliar"),
    "jumlah-rupiah-strip.yaml": draft("Rp1.250.000.000,00 (satu miliar"),
    "jumlah-gaya-inggris.yaml": refused(2, at("jumlah-gaya-inggris.yaml", "jumlah:",
                                           "pembiayaan.sumber[2].jumlah"),
                                        "bukan jumlah rupiah yang terbaca pasti"),
    "jumlah-dengan-kata.yaml": refused(2, at("jumlah-dengan-kata.yaml", "jumlah:",
                                          "pembiayaan.sumber[2].jumlah"),
                                       "bukan jumlah rupiah yang terbaca pasti"),
    "hari-dengan-satuan.yaml": refused(2, at("hari-dengan-satuan.yaml", "14 hari",
                                          "keadaan_kahar.batas_pemberitahuan_hari"),
                                       "bukan '14 hari'"),
    "meterai-ya.yaml": draft("masing-masing bermeterai cukup"),
    "meterai-tidak.yaml": draft("dalam rangkap 2 (dua) asli dan mempunyai kekuatan hukum"),
    "meterai-mungkin.yaml": refused(2, at("meterai-mungkin.yaml", "meterai:", "penutup.meterai"),
                                    "pilih Ya atau Tidak"),
    "pagar-dalam-alamat.yaml": refused(2, at("pagar-dalam-alamat.yaml", "#12", "pihak[1].alamat"),
                                       "«#12, Kota Mojokerto»"),
    "butir-terlalu-menjorok.yaml": refused(2, at("butir-terlalu-menjorok.yaml", "  - kebakaran"),
                                           "lanjutan teks butir di baris"),
    "titik-dua-dalam-nilai.yaml": refused(2, at("titik-dua-dalam-nilai.yaml", "Kerja Sama:"),
                                          "titik dua diikuti spasi"),
    "spasi-tak-putus-dari-word.yaml": refused(2, at("spasi-tak-putus-dari-word.yaml", "\u00a0"),
                                              "spasi tak-putus"),
    "tab-dari-word.yaml": refused(2, at("tab-dari-word.yaml", "\t"), "karakter tab"),
    "butir-diawali-bintang.yaml": refused(2, at("butir-diawali-bintang.yaml", "- * "),
                                          "diawali * atau &"),
    "kutip-tidak-ditutup.yaml": refused(2, at("kutip-tidak-ditutup.yaml", '"Gubernur'),
                                        "tidak pernah ditutup"),
    "kutip-di-tengah-teks.yaml": refused(2, at("kutip-di-tengah-teks.yaml", '"Gubernur"'),
                                         "teks setelah tanda kutip penutup"),
    "garis-miring-terbalik.yaml": refused(2, at("garis-miring-terbalik.yaml", "Gubernur\\Jawa"),
                                          "garis miring terbalik"),
    "kunci-tanpa-titik-dua.yaml": refused(2, at("kunci-tanpa-titik-dua.yaml", "musyawarah"),
                                          "tidak memuat titik dua"),
    "tag-templat-dalam-teks.yaml": draft("Gubernur {{ Jawa Timur }}"),
    "ringkas-lama.yaml": draft("jangka waktu 2 (dua) tahun terhitung sejak tanggal 1 Januari "
                               "2021 sampai dengan tanggal 31 Desember 2022"),
    "pemberitahuan-kosong.yaml": refused(1, at("pemberitahuan-kosong.yaml", "pemberitahuan_hari:",
                                            "pengakhiran.pemberitahuan_hari"),
                                         "pengakhiran.pemberitahuan_hari belum diisi"),
    "dokumen-tidak-ada.yaml": refused(2, ":1: dokumen", "'dokumen' wajib diisi"),
    "jenis-huruf-kecil.yaml": refused(2, ":5: jenis", "bukan 'ksdd'"),
    "pengodean-windows.yaml": refused(2, at("pengodean-windows.yaml", "tentang:"), "Windows-1252"),
}


def _cell(book, sheet: str, key: str, item: int = 0) -> str:
    """The coordinate of ``key``'s value in a form (the ``item``-th row of a table)."""
    ws = book[sheet]
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 4).value == key:
            return f"B{row}"
    for col in range(2, ws.max_column + 1):
        if ws.cell(2, col).value == key:
            return f"{ws.cell(2, col).column_letter}{3 + item}"
    raise KeyError(key)


#: (sheet, key, row of a table, value typed) -> what it must give
FORM_CASES = {
    "nip-sebagai-angka": ([("Para Pihak", "penandatangan.nip", 0, 197005121995032004)],
                          refused(2, "lembar 'Para Pihak', sel I3", "Ketik NIP sebagai teks")),
    "nip-sebagai-teks": ([("Para Pihak", "penandatangan.nip", 0, "197005121995032004")],
                         draft("NIP 19700512 199503 2 004")),
    "telepon-sebagai-angka": ([("Korespondensi", "telepon", 0, 321321456)],
                              refused(2, "lembar 'Korespondensi', sel E3", "angka 0 di depannya")),
    "telepon-sebagai-teks": ([("Korespondensi", "telepon", 0, "0321 321456")],
                             draft("telepon 0321 321456")),
    "tanggal-diketik-teks": ([("Umum", "penandatanganan.tanggal", 0, "16/11/2020")],
                             draft("hari ini Senin tanggal enam belas bulan November")),
    "tanggal-dengan-bulan": ([("Umum", "penandatanganan.tanggal", 0, "16 Nopember 2020")],
                             draft("hari ini Senin tanggal enam belas bulan November")),
    "tanggal-sel-tanggal": ([("Umum", "penandatanganan.tanggal", 0, dt.datetime(2020, 11, 16))],
                            draft("hari ini Senin tanggal enam belas bulan November")),
    "tanggal-serial-excel": ([("Umum", "penandatanganan.tanggal", 0, 44151)],
                             draft("hari ini Senin tanggal enam belas bulan November")),
    "jumlah-diketik-teks": ([("Pembiayaan", "pembiayaan.jumlah", 0, "Rp1.250.000.000,00")],
                            draft("Rp1.250.000.000,00 (satu miliar")),
    "jumlah-sebagai-angka": ([("Pembiayaan", "pembiayaan.jumlah", 0, 1250000000)],
                             draft("Rp1.250.000.000,00 (satu miliar")),
    "nomor-jadi-tanggal": ([("Para Pihak", "kewenangan.nomor", 0, dt.datetime(2020, 2, 1))],
                           refused(2, "lembar 'Para Pihak', sel K3", "menjadi tanggal")),
    "nomor-angka-panjang": ([("Para Pihak", "kewenangan.nomor", 0, 1234567890123456.0)],
                            refused(2, "lembar 'Para Pihak', sel K3", "angka panjang")),
    "nomor-sebagai-angka": ([("Para Pihak", "kewenangan.nomor", 0, 301)],
                            draft("Surat Kuasa Wali Kota Mojokerto Nomor 301 tanggal")),
    "ya-huruf-kecil": ([("Umum", "penutup.meterai", 0, "ya")],
                       draft("masing-masing bermeterai cukup")),
    "ya-tidak-salah": ([("Umum", "penutup.meterai", 0, "mungkin")],
                       refused(2, "lembar 'Umum', sel B", "pilih Ya atau Tidak")),
    "pihak-hak-sebagai-teks": ([("Hak dan Kewajiban", "pihak", 0, "1")],
                               draft("Hak PIHAK PERTAMA")),
    "pemberitahuan-kosong": ([("Perselisihan dan Pengakhiran", "pengakhiran.pemberitahuan_hari",
                               0, None)],
                             refused(1, "lembar 'Perselisihan dan Pengakhiran', sel",
                                     "pengakhiran.pemberitahuan_hari belum diisi")),
}


@functools.cache
def tpa_form() -> bytes:
    """The TPA example as a form, written once; each case types into a copy of it."""
    return write_form(data=agreement_data(load_agreement(PKS_TPA).document))


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PKGEN_LANG", raising=False)
    shutil.copy(KSB, tmp_path)
    return tmp_path


def _render(path: Path, out: Path):
    return CliRunner().invoke(main, ["render", str(path), "-o", str(out)])


def _expect(result, expectation, out: Path) -> None:
    assert "Traceback" not in result.output
    if expectation[0] == "draft":
        assert result.exit_code == 0, result.output
        text = document_text(Document(str(out)))
        for wanted in expectation[1]:
            assert wanted in text.replace("\u00a0", " "), (wanted, text[:400])
        assert "BELUM LENGKAP" not in text
        return
    _kind, code, where, says = expectation
    assert result.exit_code == code, result.output
    line = next((m for m in result.output.splitlines() if says in m), None)
    assert line is not None, result.output
    assert where in line, (where, line)
    assert not out.exists()


def test_the_corpus_is_complete():
    assert {p.name for p in MISTAKES.glob("*.yaml")} == set(YAML_CASES)
    assert len(YAML_CASES) + len(FORM_CASES) >= 30


@pytest.mark.parametrize("name", sorted(YAML_CASES))
def test_yaml_mistake(name, workdir):
    case = workdir / name
    shutil.copy(MISTAKES / name, case)
    _expect(_render(case, workdir / "draf.docx"), YAML_CASES[name], workdir / "draf.docx")


@pytest.mark.parametrize("name", sorted(FORM_CASES))
def test_form_mistake(name, workdir):
    form = workdir / f"{name}.xlsx"
    form.write_bytes(tpa_form())
    book = load_workbook(form)
    typed, expectation = FORM_CASES[name]
    for sheet, key, item, value in typed:
        book[sheet][_cell(book, sheet, key, item)] = value
    book.save(form)
    _expect(_render(form, workdir / "draf.docx"), expectation, workdir / "draf.docx")


def test_a_form_with_a_pasted_logo_over_a_megabyte_still_reads(workdir):
    pytest.importorskip("PIL")
    from PIL import Image as Picture

    form = workdir / "logo.xlsx"
    form.write_bytes(tpa_form())
    book = load_workbook(form)
    picture = workdir / "logo.png"
    Picture.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3)).save(picture)
    book["Petunjuk"].add_image(Image(str(picture)), "C2")
    book.save(form)
    assert form.stat().st_size > 1_000_000
    _expect(_render(form, workdir / "draf.docx"), draft("PIHAK PERTAMA"), workdir / "draf.docx")
