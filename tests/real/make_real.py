"""Build the real-agreement corpus: each text in texts/ into a .docx (and a PDF where asked).

One line of a text is one paragraph; "A || B" is a table row with cells A and B (a literal
"\\n" inside a cell separates the cell's paragraphs); a line starting with "#" is a Word
heading of that level, written without the "#". Run ``python tests/real/make_real.py`` after
adding a text; PDFs need LibreOffice (``soffice``). ``corpus.yaml`` says where each text was
published and which clauses a reader finds in it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from docx import Document

HERE = Path(__file__).resolve().parent


def build_docx(text: str) -> Document:
    """A Word document holding ``text`` paragraph by paragraph, tables and headings as marked."""
    doc = Document()
    table_rows: list[list[str]] = []

    def flush() -> None:
        if not table_rows:
            return
        width = max(len(r) for r in table_rows)
        table = doc.add_table(rows=len(table_rows), cols=width)
        for r, row in enumerate(table_rows):
            for c, cell_text in enumerate(row):
                cell = table.cell(r, c)
                lines = cell_text.split("\\n")
                cell.paragraphs[0].text = lines[0].strip()
                for line in lines[1:]:
                    cell.add_paragraph(line.strip())
        table_rows.clear()

    for line in text.splitlines():
        if " || " in line or line.startswith("|| ") or line.endswith(" ||"):
            table_rows.append(line.split("||"))
            continue
        flush()
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            doc.add_paragraph(line.lstrip("#").strip(), style=f"Heading {min(level, 4)}")
        elif line.strip():
            doc.add_paragraph(line)
    flush()
    return doc


def main() -> None:
    corpus = yaml.safe_load((HERE / "corpus.yaml").read_text(encoding="utf-8"))
    out = HERE / "docx"
    out.mkdir(exist_ok=True)
    pdfs = HERE / "pdf"
    pdfs.mkdir(exist_ok=True)
    for entry in corpus["dokumen"]:
        name = entry["nama"]
        text = (HERE / "texts" / f"{name}.txt").read_text(encoding="utf-8")
        target = out / f"{name}.docx"
        build_docx(text).save(str(target))
        if entry.get("pdf"):
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp,
                                str(target)], check=True, capture_output=True, timeout=120)
                shutil.copy(Path(tmp) / f"{name}.pdf", pdfs / f"{name}.pdf")
        print(name, file=sys.stderr)


if __name__ == "__main__":
    main()
