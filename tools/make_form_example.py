"""Write the example forms and their pictures: ``examples/formulir-pks-tpa.xlsx`` with
``examples/formulir-umum.png`` (its "Umum" sheet as LibreOffice prints it), and
``examples/formulir-mou-spbe.xlsx`` with ``examples/formulir-dwibahasa.png`` (a sheet of the
bilingual form of the Memorandum with Gyeongsangnam-do, Indonesian and English side by side).

Run after a change to the form: ``python tools/make_form_example.py`` (needs LibreOffice's
``soffice`` and poppler's ``pdftoppm``); ``--only dwibahasa`` (or ``umum``) makes one of them.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from openpyxl import load_workbook

from pkgen.forms import agreement_data, write_form
from pkgen.inputs import load_agreement

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: Each picture: the input, the form written from it, the sheet shown, the picture, and the
#: part of the printed page (x, y, width, height at 110 dpi) it shows.
PICTURES = {
    "umum": ("pks-tpa-kota-kab-mojokerto.yaml", "formulir-pks-tpa.xlsx", "Umum",
             "formulir-umum", (70, 95, 1060, 300)),
    "dwibahasa": ("mou-spbe-mojokerto-gyeongsangnam.yaml", "formulir-mou-spbe.xlsx",
                  "Objek dan Ruang Lingkup", "formulir-dwibahasa", (70, 95, 1060, 390)),
}


def make(source: str, form_name: str, sheet: str, picture: str,
         crop: tuple[int, int, int, int]) -> None:
    """Write the form of ``source`` and the picture of its ``sheet``."""
    loaded = load_agreement(EXAMPLES / source)
    form = EXAMPLES / form_name
    form.write_bytes(write_form(data=agreement_data(loaded.document, loaded.translations)))
    print(f"wrote {form}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = load_workbook(form)
        for name in book.sheetnames:
            if name != sheet:
                del book[name]
        book.save(folder / "lembar.xlsx")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile",
                        "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                        str(folder / "lembar.xlsx")], check=True, capture_output=True)
        x, y, width, height = crop
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                        "-x", str(x), "-y", str(y), "-W", str(width), "-H", str(height),
                        str(folder / "lembar.pdf"), str(EXAMPLES / picture)], check=True)
    print(f"wrote {EXAMPLES / picture}.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(PICTURES))
    args = parser.parse_args()
    for name, spec in PICTURES.items():
        if args.only in (None, name):
            make(*spec)


if __name__ == "__main__":
    main()
