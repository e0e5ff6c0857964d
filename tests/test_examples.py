"""Every bundled example: rendered text equals its golden text, and LibreOffice reads it.

Set PKGEN_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review
the difference with ``git diff tests/golden``.
"""

import io
import os
import subprocess

import pytest
from conftest import EXAMPLE_FILES, ROOT
from docx import Document

from pkgen.docx_text import document_text, paragraph_texts
from pkgen.inputs import load_agreement
from pkgen.prepared import PreparedTemplate
from pkgen.render import builtin_for, render_draft, write_atomic
from pkgen.skeleton import skeleton

GOLDEN = ROOT / "tests" / "golden"


def full_text(data: bytes) -> str:
    """The draft's body, then its headers and footers (paraf boxes, page numbers, marks)."""
    doc = Document(io.BytesIO(data))
    parts = [document_text(doc)]
    for name in ("header", "footer"):
        element = getattr(doc.sections[0], name)._element
        parts.append(f"--- {name} ---\n" + "\n".join(paragraph_texts(element)))
    return "\n".join(parts)


def _check_golden(name: str, text: str) -> None:
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("PKGEN_UPDATE_GOLDEN"):
        golden.write_text(text + "\n", encoding="utf-8")
    assert text + "\n" == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_golden_text(path):
    _check_golden(path.stem, full_text(render_draft(load_agreement(path)).data))


def test_golden_text_of_an_incomplete_draft(tmp_path):
    """A fresh skeleton rendered with --allow-incomplete: blanks and the mark on every page."""
    path = tmp_path / "kerangka-pks-ksdd.yaml"
    path.write_text(skeleton("PKS", "KSDD", path.name), encoding="utf-8")
    text = full_text(render_draft(load_agreement(path), incomplete=True).data)
    assert "--- header ---\nDRAF — BELUM LENGKAP" in text
    _check_golden(path.stem, text)


@pytest.mark.libreoffice
def test_libreoffice_converts_every_example(tmp_path, to_pdf):
    drafts = []
    for path in EXAMPLE_FILES:
        loaded = load_agreement(path)
        target = tmp_path / (path.stem + ".docx")
        write_atomic(render_draft(loaded).data, target)
        drafts.append(target)
        # pkgen build writes its own ZIP around the prepared template's parts
        fast = tmp_path / (path.stem + "-build.docx")
        prepared = PreparedTemplate(builtin_for(loaded.document))
        write_atomic(prepared.render(loaded).data, fast)
        drafts.append(fast)
    pdfs = to_pdf(drafts, tmp_path)
    for pdf in pdfs:
        assert pdf.is_file() and pdf.stat().st_size > 10_000, pdf.name
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines()
                         if line.startswith("Pages:")))
        assert pages >= 2, pdf.name
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        assert "Pasal 1" in text and "PARA PIHAK" in text, pdf.name
        assert "Halaman 1 dari" in text, pdf.name  # footer page numbers are fields
        if pdf.name.startswith("pks-spbe"):
            assert "Page size:       610 x 936 pts" in info or "609.98" in info, info
