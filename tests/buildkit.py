"""Helpers for the build tests: a register of the examples, builds, edits saved the way
Word saves (a temporary file renamed over the draft)."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from conftest import EXAMPLES
from docx import Document

from pkgen import build as b
from pkgen.docx_text import document_text

TPA = "tpa/pks-tpa-kota-kab-mojokerto"
KSB = "tpa/ksb-tpa-kota-kab-mojokerto"
WISATA = "pks-pariwisata-disporabudpar-swasta"
SPBE = "pks-spbe-mojokerto-jombang"


def make_register(root: Path) -> Path:
    """A register with the examples, the TPA pair in a subfolder."""
    reg = root / "register"
    (reg / "tpa").mkdir(parents=True)
    for name in ("pks-tpa-kota-kab-mojokerto", "ksb-tpa-kota-kab-mojokerto"):
        shutil.copy(EXAMPLES / f"{name}.yaml", reg / "tpa")
    for name in (WISATA, SPBE):
        shutil.copy(EXAMPLES / f"{name}.yaml", reg)
    return reg


def run(reg: Path, **options) -> tuple[b.Result, Path]:
    drafts = reg.parent / "drafts"
    return b.build(reg, drafts, b.Options(**options)), drafts


def states(result: b.Result) -> dict[str, str]:
    return {i.draft[:-5]: str(i.state) for i in result.items}


def item(result: b.Result, name: str) -> b.Item:
    return next(i for i in result.items if i.draft == f"{name}.docx")


def retitle(path: Path, words: str = " Tahap II") -> None:
    """Change an input: words added to its subject."""
    lines = path.read_text().splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("tentang: "))
    lines[i] += words
    path.write_text("\n".join(lines) + "\n")


def word_save(draft: Path, marker: str) -> None:
    """Add a paragraph holding ``marker`` and save as Word does: temporary file, rename."""
    doc = Document(str(draft))
    doc.paragraphs[12].insert_paragraph_before(f"Catatan {marker}")
    tmp = draft.with_name(f"~WRL{uuid.uuid4().hex[:6]}.tmp")
    doc.save(str(tmp))
    Path(tmp).replace(draft)


def text(path: Path) -> str:
    return document_text(Document(str(path)))
