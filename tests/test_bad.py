"""The committed corpus of bad inputs and hostile files (tests/bad): each gets its message,
its exit code, no traceback, and no output file. Rebuild the corpus with make_bad.py."""

import resource
import time

import pytest
from click.testing import CliRunner
from conftest import ROOT

from pkgen.cli import main

BAD = ROOT / "tests" / "bad"

#: file -> (command, exit code, what the message must say)
EXPECTED = {
    "sintaks-rusak.yaml": ("validate", 2, "sintaks-rusak.yaml:2: kurung [ ] atau { }"),
    "tab.yaml": ("validate", 2, "tab.yaml:7: karakter tab dipakai untuk indentasi"),
    "kunci-ganda.yaml": ("validate", 2, "kunci 'jenis' ditulis dua kali (juga di baris 4)"),
    "kunci-salah-eja.yaml": ("validate", 2, "Mungkin maksud Anda 'keadaan_kahar'?"),
    "tipe-salah.yaml": ("validate", 2, "harus berupa bilangan bulat (misalnya 14), bukan 'tujuh'"),
    "bagian-wajib-hilang.yaml": ("validate", 1, "penandatanganan belum diisi"),
    "tanggal-mustahil.yaml": ("validate", 2, "'2019-02-30' bukan tanggal yang ada di kalender"),
    "berakhir-sebelum-mulai.yaml": ("validate", 2, "tanggal berakhir (2023-01-01) sebelum"),
    "jumlah-negatif.yaml": ("validate", 2, "jumlah harus lebih besar dari 0"),
    "jumlah-mustahil.yaml": ("validate", 2, "jumlah Rp99.999.999.999.999.999.999,00 tidak "
                                            "masuk akal"),
    "karakter-kendali.yaml": ("validate", 2, "objek: berisi karakter kendali tak terlihat U+000B"),
    "karakter-kendali-mentah.yaml": ("validate", 2, ":79: berisi karakter kendali tak terlihat "
                                                    "U+000C"),
    "bom-alias.yaml": ("validate", 2, "YAML memakai alias/anchor"),
    "kosong.yaml": ("validate", 2, "harus berupa pemetaan kunci: nilai"),
    "bukan-pemetaan.yaml": ("validate", 2, "bukan daftar"),
    "bukan-utf8.yaml": ("validate", 2, "pengodean Windows-1252 (ANSI), bukan UTF-8"),
    "jangka-ksb-terlalu-lama.yaml": ("check --format json", 0,
                                     "Jangka waktu KSB 7 tahun, lebih dari 5 tahun"),
    "tanpa-keadaan-kahar.yaml": ("check --format json", 1,
                                 "PKS wajib memuat klausul keadaan kahar"),
    "bukan-zip.docx": ("check", 2, "bukan berkas Word .docx (bukan arsip ZIP)"),
    "terpotong.docx": ("check", 2, "berkas .docx rusak atau terpotong"),
    "word-lama.doc": ("check", 2, "ini berkas Word lama (.doc)"),
    "terenkripsi.docx": ("check", 2, "berkas dilindungi kata sandi"),
    "tanpa-document-xml.docx": ("check", 2, "tidak memuat word/document.xml"),
    "bom-zip.docx": ("check", 2, "setelah diekstrak (batas 67108864)"),
    "entitas-xml.docx": ("check", 2, "tidak dapat dibaca dengan aman (DOCTYPE/ENTITY)"),
    "entitas-eksternal.docx": ("check", 2, "tidak dapat dibaca dengan aman (DOCTYPE/ENTITY)"),
    "bukan-pdf.pdf": ("check", 2, "bukan berkas PDF yang dapat dibaca"),
    "pdf-bom.pdf": ("check", 2, "PDF terlalu besar untuk diperiksa dengan aman (stream"),
    "pdf-halaman-banyak.pdf": ("check", 2, "PDF memuat 200000 halaman (batas 1000)"),
    "pdf-hasil-pindai.pdf": ("check", 2, "tidak memuat teks (hasil pindai/gambar)"),
    "pdf-rusak.pdf": ("check", 2, "PDF rusak dan tidak dapat dibaca"),
    "pdf-terenkripsi.pdf": ("check", 2, "PDF dilindungi kata sandi"),
    "pdf-xref-rusak.pdf": ("check", 2, "tidak ada halaman yang dapat dibaca"),
}


def test_the_corpus_is_complete():
    files = {p.name for p in BAD.iterdir() if p.suffix in (".yaml", ".docx", ".doc", ".pdf")}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    command, code, expected = EXPECTED[name]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    result = CliRunner().invoke(main, [*command.split(), str(BAD / name)])
    assert time.perf_counter() - start < 10  # bounded time (generous on a loaded machine)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 500_000  # KiB
    assert result.exit_code == code, result.output
    assert expected in result.output, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(
        result.exception, SystemExit)


@pytest.mark.parametrize("name", sorted(n for n, (_, code, _) in EXPECTED.items()
                                         if n.endswith(".yaml") and code))
def test_no_draft_is_written_for_a_bad_input(name, tmp_path):
    result = CliRunner().invoke(main, ["render", str(BAD / name), "-o", str(tmp_path / "out")])
    assert result.exit_code in (1, 2)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
