"""Files users upload: told apart by their content, kept inside the register, checked as
``pkgen check`` checks them.

A file's name says what its sender thinks it is; its first bytes say what it is. An upload is
accepted as a .docx, .pdf, .xlsx or .yaml only when its content is one (a ZIP holding a Word
document or a workbook, ``%PDF-``, text) and its name, when it has one of those endings,
agrees. It is stored under a random name in the register's private folder, read by the same
code as on the command line (size limits, zip and PDF bombs, entities, passwords: each a
message), and removed afterwards.
"""

from __future__ import annotations

import io
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..checks import check_path
from ..checks.findings import Report
from ..errors import InputError, Problem
from ..report import annotate

KINDS = ("docx", "pdf", "xlsx", "yaml")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, or an encrypted .docx / .xlsx
_NAMES = {".docx": "docx", ".doc": "docx", ".pdf": "pdf", ".xlsx": "xlsx", ".xlsm": "xlsx",
          ".yaml": "yaml", ".yml": "yaml"}
_WORDS = {"docx": "dokumen Word", "pdf": "PDF", "xlsx": "buku kerja Excel", "yaml": "teks"}
_WORDS_EN = {"docx": "a Word document", "pdf": "a PDF", "xlsx": "an Excel workbook",
             "yaml": "text"}


def sniff(head: bytes) -> tuple[str, ...]:
    """The kinds a file starting with ``head`` (its first 64 KB, or all of a shorter file)
    can be, best first; () when it is none of them."""
    if b"%PDF-" in head[:1024]:
        return ("pdf",)
    if head.startswith(b"PK\x03\x04"):
        names = _zip_names(head)
        if any(n.startswith("xl/") for n in names):
            return ("xlsx",)
        if any(n.startswith("word/") for n in names):
            return ("docx",)
        return ("docx", "xlsx")  # a damaged archive: the reader says what is wrong with it
    if head.startswith(_OLE):
        return ("docx", "xlsx")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0" not in head[:8192]:
        return ("yaml",)
    return ()


def _zip_names(head: bytes) -> list[str]:
    """The names in a ZIP's local headers (the central directory may be past ``head``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(head)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        names: list[str] = []
        at = 0
        while (at := head.find(b"PK\x03\x04", at)) != -1 and len(names) < 50:
            size = int.from_bytes(head[at + 26:at + 28], "little")
            names.append(head[at + 30:at + 30 + size].decode("cp437", "replace"))
            at += 30
        return names


@dataclass(frozen=True)
class Upload:
    """An uploaded file stored in the register: its kind by content and what it was called."""

    path: Path
    kind: str
    original: str

    def discard(self) -> None:
        """Remove the stored file and its folder."""
        shutil.rmtree(self.path.parent, ignore_errors=True)


def accept(data: bytes, original: str, allowed: tuple[str, ...], folder: Path,
           limits: dict[str, int]) -> Upload:
    """Store ``data`` (uploaded as ``original``) in ``folder`` if its content is one of the
    ``allowed`` kinds within its size limit; :class:`InputError` saying why not otherwise."""
    shown = PurePosixPath(original.replace("\\", "/")).name[:120] or "?"
    kinds = sniff(data[:65536])
    named = _NAMES.get(PurePosixPath(shown).suffix.lower())
    if named is not None and kinds and named not in kinds:
        raise InputError(Problem("web_upload_mismatch", params={
            "name": shown, "named": _word(named), "found": _word(kinds[0])}))
    kind = named if named in kinds else next((k for k in kinds if k in allowed), None)
    if kind is None or kind not in allowed:
        raise InputError(Problem("web_upload_kind", params={
            "name": shown, "allowed": ", ".join(f".{k}" for k in allowed)}))
    if len(data) > limits[kind]:
        raise InputError(Problem("web_upload_size", params={
            "name": shown, "size": len(data), "limit": limits[kind]}))
    home = folder / secrets.token_hex(12)
    home.mkdir(parents=True)
    path = home / f"unggahan.{kind}"
    path.write_bytes(data)
    return Upload(path, kind, shown)


def _word(kind: str) -> dict[str, str]:
    return {"id": _WORDS[kind], "en": _WORDS_EN[kind]}


def check_upload(upload: Upload, book_path: Path | None, templates=None) -> Report:
    """The checker's report on an uploaded agreement or input, exactly as ``pkgen check``."""
    report = check_path(upload.path, rules=book_path, templates=templates)
    report.document = upload.original
    return report


def annotated_copy(upload: Upload, report: Report, lang: str) -> bytes:
    """The uploaded .docx with a Word comment at each finding (``pkgen check --annotate``)."""
    return annotate(upload.path, report, lang)
