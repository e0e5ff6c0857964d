"""Draw the README's pictures of a draft: its first page and its signature page, as
LibreOffice prints them.

Run ``python tools/make_pictures.py`` after changing a template; it writes
``docs/gambar/contoh-halaman-pertama.png`` and ``docs/gambar/contoh-halaman-tanda-tangan.png``
from ``examples/pks-spbe-mojokerto-jombang.yaml`` (three parties, F4), and
``docs/gambar/contoh-dwibahasa.png``, the first page of the bilingual Memorandum
``examples/mou-spbe-mojokerto-gyeongsangnam.yaml``, and ``docs/gambar/contoh-naskah-korea.png``,
the first page of the Korean text of ``examples/mou-spbe-mojokerto-gyeongsangnam-tiga-bahasa.yaml``.
Needs LibreOffice (``soffice``), poppler (``pdftoppm``) and a Korean font (fonts-nanum).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pkgen.inputs import load_agreement  # noqa: E402
from pkgen.render import render_draft, write_atomic  # noqa: E402

EXAMPLE = ROOT / "examples" / "pks-spbe-mojokerto-jombang.yaml"
BILINGUAL = ROOT / "examples" / "mou-spbe-mojokerto-gyeongsangnam.yaml"
TRILINGUAL = ROOT / "examples" / "mou-spbe-mojokerto-gyeongsangnam-tiga-bahasa.yaml"
OUT = ROOT / "docs" / "gambar"
DPI = 60


def signature_page(pdf: Path) -> int:
    """The page (from 1) that holds the first signatory's label, the last "PIHAK KESATU,"."""
    found = 0
    with pdfplumber.open(pdf) as printed:
        for number, page in enumerate(printed.pages, 1):
            words = [w["text"] for w in page.extract_words()]
            if any(a == "PIHAK" and b == "KESATU," for a, b in zip(words, words[1:],
                                                                    strict=False)):
                found = number
    if not found:
        raise SystemExit(f"{pdf.name}: no signature page found")
    return found


def korean_page(pdf: Path) -> int:
    """The page (from 1) the Korean text starts on: the one with its title's "간의"."""
    with pdfplumber.open(pdf) as printed:
        for number, page in enumerate(printed.pages, 1):
            if "간의" in (page.extract_text() or "").split("\n"):
                return number
    raise SystemExit(f"{pdf.name}: no Korean text found")


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        raise SystemExit("needs LibreOffice (soffice) and poppler-utils (pdftoppm)")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdfs = []
        for source, stem in ((EXAMPLE, "contoh"), (BILINGUAL, "dwibahasa"),
                             (TRILINGUAL, "tiga-bahasa")):
            draft = folder / f"{stem}.docx"
            write_atomic(render_draft(load_agreement(source)).data, draft)
            subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'profile'}",
                            "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                            str(draft)], check=True, capture_output=True, timeout=300)
            pdfs.append(folder / f"{stem}.pdf")
        pdf, bilingual, trilingual = pdfs
        for source, page, name in ((pdf, 1, "contoh-halaman-pertama"),
                                   (pdf, signature_page(pdf), "contoh-halaman-tanda-tangan"),
                                   (bilingual, 1, "contoh-dwibahasa"),
                                   (trilingual, korean_page(trilingual), "contoh-naskah-korea")):
            subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l",
                            str(page), "-singlefile", str(source), str(OUT / name)], check=True)
            print(f"wrote {OUT / name}.png (page {page})")


if __name__ == "__main__":
    main()
