"""Word drafts to PDF with headless LibreOffice, for ``pkgen render --pdf`` and the web preview.

LibreOffice (``soffice``) is an outside program: it may be missing, slow or stuck. Every
conversion runs in bounded time with a profile folder of its own (two conversions sharing a
profile fail), and each failure is a :class:`ConversionError` saying what to do (exit code 2).

A PDF made here carries the keyword ``pkgen-pdf`` (and the hash of the draft's text): that is
how :func:`made_by_pkgen` tells a PDF pkgen may replace from one a person put there, such as a
signed scan.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PkgenError, Problem

if TYPE_CHECKING:
    from .render import Draft

#: Seconds one conversion may take: a cold LibreOffice start and a long draft fit easily.
TIMEOUT = 180.0
MARK = "pkgen-pdf"
#: A PDF past this size is not one of ours; its metadata is not even read.
_MAX_MARKED_BYTES = 64 * 1024 * 1024
_CORE = "docProps/core.xml"
_KEYWORDS = re.compile(rb"<cp:keywords\s*/>|<cp:keywords>.*?</cp:keywords>", re.DOTALL)


class ConversionError(PkgenError):
    """LibreOffice is missing, failed or took too long; no PDF was written."""


def find_soffice() -> str:
    """The path of LibreOffice's ``soffice``; :class:`ConversionError` when not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise ConversionError(Problem("soffice_missing"))
    return found


def mark(docx: bytes, stamp: str) -> bytes:
    """A copy of ``docx`` whose keywords say it became a PDF through pkgen (``stamp``: the
    draft's text hash). LibreOffice carries the keywords into the PDF."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == _CORE:
                keywords = f"<cp:keywords>{MARK} {stamp}</cp:keywords>".encode()
                data = _KEYWORDS.sub(b"", data).replace(
                    b"</cp:coreProperties>", keywords + b"</cp:coreProperties>")
            out.writestr(info, data)
    return buffer.getvalue()


def made_by_pkgen(pdf: Path) -> bool:
    """True when ``pdf`` is a PDF this module wrote (so it may be replaced by a new one)."""
    try:
        if pdf.stat().st_size > _MAX_MARKED_BYTES:
            return False
        import pypdfium2

        document = pypdfium2.PdfDocument(str(pdf))
        try:
            keywords = document.get_metadata_dict().get("Keywords", "")
        finally:
            document.close()
    except Exception:  # unreadable, damaged, encrypted: not ours to replace
        return False
    return keywords.replace(",", " ").split()[:1] == [MARK]


def convert(drafts: Sequence[Path], out_dir: Path, *, profile: Path | None = None,
            timeout: float = TIMEOUT) -> list[Path]:
    """Convert the .docx files ``drafts`` into PDFs of the same names in ``out_dir``.

    One LibreOffice run converts them all. ``profile`` is LibreOffice's profile folder (a
    fresh temporary one when None). Raises :class:`ConversionError` when LibreOffice is
    missing, fails, or runs past ``timeout`` seconds (it is then stopped).
    """
    binary = find_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pkgen-lo-") as fresh:
        folder = profile or Path(fresh)
        command = [binary, f"-env:UserInstallation={folder.resolve().as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir),
                   *map(str, drafts)]
        _run(command, timeout)
    made = [out_dir / f"{d.stem}.pdf" for d in drafts]
    missing = [d.name for d, pdf in zip(drafts, made, strict=True) if not pdf.is_file()]
    if missing:
        raise ConversionError(Problem("pdf_failed", params={"detail": ", ".join(missing)}))
    return made


def _run(command: list[str], timeout: float) -> None:
    """Run LibreOffice in its own process group, killed whole when it takes too long."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise ConversionError(Problem("pdf_timeout", params={"seconds": int(timeout)})) \
            from None
    if process.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise ConversionError(Problem("pdf_failed", params={"detail": detail[0][:200]}))


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        process.kill()
    process.communicate()


def draft_pdf(docx: bytes, stamp: str, work: Path, *, profile: Path | None = None,
              timeout: float = TIMEOUT) -> bytes:
    """The PDF of one draft given as bytes, converted in the folder ``work`` (left empty)."""
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pkgen-pdf-", dir=work) as scratch:
        source = Path(scratch) / "draf.docx"
        source.write_bytes(mark(docx, stamp))
        (pdf,) = convert([source], Path(scratch) / "pdf", profile=profile, timeout=timeout)
        return pdf.read_bytes()


def refusal(target: Path) -> Problem | None:
    """Why the PDF ``target`` may not be replaced: it is there and pkgen did not make it."""
    if target.exists() and not made_by_pkgen(target):
        return Problem("refuse_pdf", params={"path": str(target)})
    return None


def write_pdfs(pairs: Sequence[tuple[Draft, Path]]) -> list[Path]:
    """Convert each draft in one LibreOffice run and write its PDF atomically to its target;
    return the targets written."""
    from .render import write_atomic

    with tempfile.TemporaryDirectory(prefix="pkgen-pdf-") as scratch:
        sources = []
        for n, (draft, _target) in enumerate(pairs):
            source = Path(scratch) / f"{n}.docx"
            source.write_bytes(mark(draft.data, draft.properties.get("pkgen.text_sha256", "")))
            sources.append(source)
        made = convert(sources, Path(scratch) / "pdf")
        for pdf, (_draft, target) in zip(made, pairs, strict=True):
            write_atomic(pdf.read_bytes(), target)
    return [target for _draft, target in pairs]
