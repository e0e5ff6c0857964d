"""How fast does `pkgen check` go through a register of drafts? One process, one core.

Renders the bundled examples and copies them with the checker's corpus into 1,000 files,
then checks them all with pkgen's checker (hardened ZIP/XML reader) and, for comparison, with
the naive approach: open each file with python-docx and run the same clause detection on its
paragraphs. Prints both and the ratio. Then measures the PDF rate: the real agreements of
``tests/real/pdf`` (Word files converted by LibreOffice, three to six pages) checked over and over.
Run: ``python benchmarks/check_throughput.py [N] [PDFS]``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from pkgen.checks import check_path, load_rulebook
from pkgen.checks.document import check_structure
from pkgen.checks.structure import parse_structure
from pkgen.docx_text import Block
from pkgen.inputs import load_agreement
from pkgen.render import render_draft, write_atomic

ROOT = Path(__file__).resolve().parent.parent


def make_register(folder: Path, count: int) -> list[Path]:
    sources = []
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        target = folder / f"_{example.stem}.docx"
        write_atomic(render_draft(load_agreement(example)).data, target)
        sources.append(target)
    sources += sorted((ROOT / "tests" / "corpus").glob("*.docx"))
    files = []
    for i in range(count):
        target = folder / f"draf-{i:04d}.docx"
        shutil.copy(sources[i % len(sources)], target)
        files.append(target)
    return files


def naive_check(path: Path, book) -> object:
    """python-docx reads the whole package; the same detection runs on its paragraphs.

    (It sees body text only, no heading styles or headers, so it finds fewer clauses.)
    """
    doc = Document(str(path))
    blocks = [Block("".join(t.text or "" for t in p.iter(qn("w:t"))), index)
              for index, p in enumerate(doc.element.body.iter(qn("w:p")), 1)]
    return check_structure(str(path), parse_structure(blocks, book), book)


def timed(label: str, files: list[Path], check) -> float:
    """Wall time of checking ``files``; the CPU time too (less disturbed by other work)."""
    start, cpu = time.perf_counter(), time.process_time()
    errors = sum(1 for f in files if check(f).has_errors)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label:<28} {len(files):>5} drafts  {seconds:7.2f} s  (CPU {cpu:5.2f} s)  "
          f"{seconds / len(files) * 1000:6.2f} ms/draft  ({errors} with errors)")
    return seconds


def pdf_rate(count: int) -> None:
    """Check ``count`` PDFs (the real corpus's, in turn) and print the rate and pages/s."""
    pdfs = sorted((ROOT / "tests" / "real" / "pdf").glob("*.pdf"))
    files = [pdfs[i % len(pdfs)] for i in range(count)]
    start = time.perf_counter()
    pages = 0
    for path in files:
        report = check_path(path)
        pages += max((c.location.halaman or 0) for c in report.clauses if c.location)
    seconds = time.perf_counter() - start
    print(f"{'pkgen check (PDF)':<28} {count:>5} PDFs    {seconds:7.2f} s  "
          f"{seconds / count * 1000:6.1f} ms/PDF  (>= {pages / seconds:.0f} pages/s)")
    print(f"check_pdf_{count}_s={seconds:.2f}")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    pdfs = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    book = load_rulebook()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_register(Path(tmp), count)
        check_path(files[0])  # warm up: rulebook and regular expressions compiled once
        ours = timed("pkgen check (one process)", files, check_path)
        naive = timed("naive (python-docx)", files, lambda f: naive_check(f, book))
    print(f"check_{count}_s={ours:.2f} naive_{count}_s={naive:.2f} speedup={naive / ours:.1f}")
    if pdfs:
        pdf_rate(pdfs)


if __name__ == "__main__":
    main()
