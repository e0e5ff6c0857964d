"""PDFs of drafts through LibreOffice: ``render --pdf`` and the module the web preview shares."""

from __future__ import annotations

import os
import time

import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import PKS_TPA, soffice

from pkgen import pdf_convert
from pkgen.cli import main
from pkgen.errors import EXIT_INPUT

needs_office = pytest.mark.skipif(soffice() is None and not os.environ.get("CI"),
                                  reason="LibreOffice (soffice) is not installed")


@needs_office
@pytest.mark.libreoffice
def test_render_pdf_writes_the_draft_and_its_pdf(tmp_path, edited):
    source = edited(PKS_TPA)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    pdf = out / "pks-tpa-kota-kab-mojokerto.pdf"
    with pdfplumber.open(pdf) as document:
        text = " ".join(page.extract_text() or "" for page in document.pages)
    assert "TEMPAT PEMROSESAN AKHIR SAMPAH" in text.upper()
    assert pdf_convert.made_by_pkgen(pdf)
    # pkgen's own PDF may be replaced by the next render; a PDF someone put there may not.
    assert pdf_convert.refusal(pdf) is None
    pdf.write_bytes(b"%PDF-1.4\n% hasil pindai yang sudah ditandatangani\n")
    refused = CliRunner().invoke(main, ["render", str(source), "-o", str(out), "--pdf"])
    assert refused.exit_code == EXIT_INPUT
    assert "bukan PDF yang dibuat pkgen" in refused.output
    assert b"ditandatangani" in pdf.read_bytes()


def test_render_pdf_without_libreoffice_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_convert.shutil, "which", lambda _name: None)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(PKS_TPA), "-o", str(out), "--pdf"])
    assert result.exit_code == EXIT_INPUT
    assert "LibreOffice tidak terpasang" in result.output
    assert not out.exists() or not list(out.iterdir())


def _fake_soffice(folder, body: str):
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return script


def test_a_stuck_libreoffice_is_stopped_in_bounded_time(tmp_path, monkeypatch):
    fake = _fake_soffice(tmp_path, "sleep 60")
    monkeypatch.setattr(pdf_convert.shutil, "which", lambda name: str(fake))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    start = time.monotonic()
    with pytest.raises(pdf_convert.ConversionError) as caught:
        pdf_convert.convert([docx], tmp_path / "pdf", timeout=1)
    assert time.monotonic() - start < 10
    assert caught.value.problems[0].code == "pdf_timeout"


def test_a_failing_libreoffice_is_reported(tmp_path, monkeypatch):
    fake = _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")
    monkeypatch.setattr(pdf_convert.shutil, "which", lambda name: str(fake))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(pdf_convert.ConversionError) as caught:
        pdf_convert.convert([docx], tmp_path / "pdf")
    assert "could not be loaded" in caught.value.format("en")
    assert caught.value.exit_code == EXIT_INPUT


def test_a_pdf_not_made_here_is_not_ours(tmp_path):
    other = tmp_path / "x.pdf"
    other.write_bytes(b"not a pdf at all")
    assert not pdf_convert.made_by_pkgen(other)
    assert not pdf_convert.made_by_pkgen(tmp_path / "missing.pdf")
