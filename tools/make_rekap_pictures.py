"""Draw the README's pictures of ``pkgen rekap``: the workbook's alert sheet as LibreOffice
Calc prints it, and the first page of the HTML page as Chromium prints it (A4 landscape).

Run ``python tools/make_rekap_pictures.py``; it makes the test register of
``tests/rekapkit.py`` in a temporary folder, runs ``pkgen rekap`` on it for 30 June 2025 and
writes ``docs/gambar/rekap-peringatan.png`` and ``docs/gambar/rekap-halaman.png``. Needs
LibreOffice (``soffice``), Chromium (``chromium``) and poppler (``pdftoppm``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from rekapkit import PER, make_register  # noqa: E402

from pkgen.rekap import make_rekap, write  # noqa: E402

OUT = ROOT / "docs" / "gambar"
DPI = 110


def rekap(register: Path, out: Path) -> None:
    fmt = out.suffix[1:]
    out.write_bytes(write(make_rekap(register, PER), fmt, "id"))


def page_with(pdf: Path, *words: str) -> tuple[int, float, float]:
    """The page (from 1) whose text holds every one of ``words``, and the top and bottom of
    its text, in points."""
    with pdfplumber.open(pdf) as printed:
        for number, page in enumerate(printed.pages, 1):
            found = page.extract_words()
            if set(words) <= {w["text"] for w in found}:
                return number, min(w["top"] for w in found), max(w["bottom"] for w in found)
    raise SystemExit(f"{pdf.name}: no page shows {words}")


def picture(pdf: Path, page: int, name: str, text: tuple[float, float] | None = None) -> None:
    """Page ``page`` of ``pdf`` as OUT/name.png, cut to ``text`` (top and bottom, points)."""
    crop = []
    if text is not None:
        top, bottom = (int(points * DPI / 72) for points in (text[0] - 18, text[1] + 18))
        crop = ["-y", str(top), "-H", str(bottom - top), "-W", str(int(842 * DPI / 72))]
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page),
                    *crop, "-singlefile", str(pdf), str(OUT / name)], check=True)
    print(f"wrote {OUT / name}.png (page {page})")


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if soffice is None or chromium is None or shutil.which("pdftoppm") is None:
        raise SystemExit("needs LibreOffice (soffice), Chromium and poppler-utils (pdftoppm)")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_register(folder)
        os.chdir(folder)  # the pages name the register as a user types it: "register"
        workbook, html = folder / "rekap.xlsx", folder / "rekap.html"
        rekap(Path("register"), workbook)
        rekap(Path("register"), html)
        subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'profile'}",
                        "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                        str(workbook)], check=True, capture_output=True, timeout=300)
        number, top, bottom = page_with(folder / "rekap.pdf", "Alasan", "Dasar")
        picture(folder / "rekap.pdf", number, "rekap-peringatan", (top, bottom))
        printed = folder / "halaman.pdf"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--print-to-pdf={printed}", html.as_uri()],
                       check=True, capture_output=True, timeout=120)
        picture(printed, 1, "rekap-halaman")


if __name__ == "__main__":
    main()
