"""Write the example form and its picture: ``examples/formulir-pks-tpa.xlsx`` and
``examples/formulir-umum.png`` (the "Umum" sheet as LibreOffice prints it).

Run after a change to the form: ``python tools/make_form_example.py`` (needs LibreOffice's
``soffice`` and poppler's ``pdftoppm``).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from openpyxl import load_workbook

from pkgen.forms import agreement_data, write_form
from pkgen.inputs import load_agreement

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main() -> None:
    source = EXAMPLES / "pks-tpa-kota-kab-mojokerto.yaml"
    form = EXAMPLES / "formulir-pks-tpa.xlsx"
    form.write_bytes(write_form(data=agreement_data(load_agreement(source).document)))
    print(f"wrote {form}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = load_workbook(form)
        for name in book.sheetnames:
            if name != "Umum":
                del book[name]
        book.save(folder / "umum.xlsx")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile",
                        "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                        str(folder / "umum.xlsx")], check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                        "-x", "70", "-y", "95", "-W", "1060", "-H", "300",
                        str(folder / "umum.pdf"), str(EXAMPLES / "formulir-umum")], check=True)
    print(f"wrote {EXAMPLES / 'formulir-umum.png'}")


if __name__ == "__main__":
    main()
