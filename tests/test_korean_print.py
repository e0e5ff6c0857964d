"""The Korean text of a trilingual draft, printed: LibreOffice sets every Hangul character in a
font that has its glyphs (fonts-nanum in CI), the text reads back from the PDF as typed, and
the Korean text starts on a page of its own after the signatures of the two columns, each
article heading on the page of its title."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pdfplumber
import pytest
from conftest import EXAMPLES

from pkgen.inputs import load_agreement
from pkgen.render import render_draft, write_atomic

pytestmark = pytest.mark.libreoffice

TRILINGUAL = EXAMPLES / "mou-spbe-mojokerto-gyeongsangnam-tiga-bahasa.yaml"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def korean_fonts() -> set[str]:
    """The PostScript names of the installed fonts fontconfig says cover Korean."""
    fc_list = shutil.which("fc-list")
    found = set()
    if fc_list:
        out = subprocess.run([fc_list, ":lang=ko", "postscriptname"], capture_output=True,
                             text=True, check=True).stdout
        found = {line.split("=", 1)[1].strip() for line in out.splitlines() if "=" in line}
    if not found:
        if os.environ.get("CI"):
            pytest.fail("a Korean font is required in CI; .ci/run installs fonts-nanum")
        pytest.skip("no font with Hangul is installed (Debian: apt-get install fonts-nanum)")
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory, to_pdf):
    fonts = korean_fonts()
    folder = tmp_path_factory.mktemp("korean")
    draft = folder / "tiga-bahasa.docx"
    write_atomic(render_draft(load_agreement(TRILINGUAL)).data, draft)
    (pdf,) = to_pdf([draft], folder)
    return pdf, fonts


@pytest.fixture(scope="module")
def pages(printed):
    """The PDF's pages as pdfplumber reads them, each read once for the tests below."""
    pdf, _ = printed
    with pdfplumber.open(pdf) as doc:
        yield doc.pages


def test_the_hangul_is_in_the_pdf_as_text(printed):
    pdf, _ = printed
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    text = " ".join(text.split())
    for phrase in ("인도네시아 공화국 모조케르토시", "대한민국 경상남도", "양해각서",
                   "취지 및 목적", "이 양해각서는 인도네시아어, 영어 및 한국어로 작성되며",
                   "IDR 250,000,000.00(이억 오천만 루피아)",
                   "각 언어본 간에 해석상 차이가 있는 경우에는 영어본이 우선한다.", "김재현"):
        assert phrase in text, phrase
    assert len(HANGUL.findall(text)) > 1500


def test_every_hangul_character_is_set_in_a_korean_font(printed, pages):
    """pdffonts lists the fonts embedded; each Hangul character on the pages is drawn with one
    of them that fontconfig says covers Korean (a font without the glyphs would print boxes)."""
    pdf, korean = printed
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
    embedded = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]
                if line.split()[-5] == "yes"}  # the "emb" column
    assert embedded & korean, listing
    used: set[str] = set()
    count = 0
    for page in pages:
        for char in page.chars:
            if HANGUL.match(char["text"]):
                count += 1
                used.add(char["fontname"].split("+")[-1])
    assert count > 1500 and used and used <= korean & embedded, (used, korean)


def test_the_korean_text_has_pages_of_its_own(pages):
    lines = [(number, line["text"].strip()) for number, page in enumerate(pages, 1)
             for line in page.extract_text_lines()]
    signed = max(n for n, text in lines if "SECOND PARTY," in text)
    title = min(n for n, text in lines if text == "간의")
    assert title == signed + 1
    headings = [(n, i) for i, (n, text) in enumerate(lines) if re.fullmatch(r"제\d+조", text)]
    assert len(headings) == 12
    for page, i in headings:  # the title under its heading, on the same page
        assert lines[i + 1][0] == page and HANGUL.search(lines[i + 1][1]), lines[i:i + 2]
