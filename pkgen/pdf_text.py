"""Read the paragraphs of a PDF agreement, in reading order, as the checker's blocks.

The only module that walks a PDF (with pdfplumber, over pdfminer.six). It yields the same
:class:`~pkgen.docx_text.Block` list as ``docx_text.read_blocks``, with the page of each
paragraph. Lines are rebuilt into paragraphs; side-by-side columns (a bilingual table, a
two-column page) are read row by row and, within a row, column by column, and the blocks of a
row carry a ``cell`` so that "Pasal 7" and "Article 7" side by side are one article, as in Word.

Files come from outside: before pdfminer parses anything, the file's size, its compressed
streams (decompressed with a limit, so a bomb is refused in bounded memory) and its page count
are checked. A PDF without a text layer (a scan) is refused with a message saying what to do.
"""

from __future__ import annotations

import re
import statistics
import zlib
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from .docx_text import Block
from .errors import DocumentError, Problem

MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_STREAM_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_PAGES = 1000
PDF_MAGIC = b"%PDF-"
_STREAM = re.compile(rb"stream\r?\n")
_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")
_GUTTER = 12.0  # points: a gap this wide between words separates columns
_MARKER = re.compile(r"^(\(\d{1,2}\)|[a-zA-Z]\.|\d{1,2}\.|Pasal\b|PASAL\b|BAB\b|Article\b)")


def read_pdf_blocks(path: Path) -> list[Block]:
    """The paragraphs of the PDF at ``path`` in reading order, each with its page.

    Raises :class:`~pkgen.docx_text.DocumentError` (exit code 2) for a file that is too large,
    damaged, password-protected, a decompression bomb, has too many pages, or has no text.
    """
    _read_checked(path)
    try:
        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise DocumentError(Problem("pdf_no_pages", path))
            blocks: list[Block] = []
            for number, page in enumerate(pdf.pages, 1):
                words = page.extract_words(extra_attrs=["size"], use_text_flow=False)
                for text, cell in _paragraphs(words):
                    blocks.append(Block(text, len(blocks) + 1, cell=cell, page=number))
    except _ERRORS as err:
        raise _translated(err, path) from err
    if not any(b.text.strip() for b in blocks):
        raise DocumentError(Problem("pdf_no_text", path))
    return blocks


_ERRORS = (PdfminerException, PDFPasswordIncorrect, PDFEncryptionError, PDFSyntaxError,
           PSException, ValueError, KeyError, TypeError, AttributeError, RecursionError)


def _translated(err: Exception, path: Path) -> DocumentError:
    """The message for an error pdfminer raised (pdfplumber wraps them in its own)."""
    cause = err.args[0] if isinstance(err, PdfminerException) and err.args else err
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return DocumentError(Problem("pdf_encrypted", path))
    detail = str(cause)[:200] or type(cause).__name__
    return DocumentError(Problem("pdf_damaged", path, params={"detail": detail}))


def _read_checked(path: Path) -> None:
    try:
        size = path.stat().st_size
        if size > MAX_PDF_BYTES:
            raise DocumentError(Problem("pdf_too_large", path, params={
                "part": "file", "size": size, "limit": MAX_PDF_BYTES}))
        raw = path.read_bytes()
    except FileNotFoundError as err:
        raise DocumentError(Problem("file_not_found", path)) from err
    except OSError as err:
        raise DocumentError(Problem("generic", path, params={"detail": err.strerror})) from err
    if PDF_MAGIC not in raw[:1024]:
        raise DocumentError(Problem("pdf_not_pdf", path))
    if b"/Encrypt" in raw and b"/Encrypt" in raw[raw.rfind(b"trailer"):] + raw[-4096:]:
        _check_password(path)
    _check_streams(raw, path)
    _check_pages(raw, path)


def _check_password(path: Path) -> None:
    """Refuse a PDF that needs a password to be read (an owner password alone is fine)."""
    try:
        with pdfplumber.open(path) as pdf:
            pdf.pages  # noqa: B018 - opening the page tree decrypts the catalog
    except _ERRORS as err:
        problem = _translated(err, path)
        if problem.problems[0].code == "pdf_encrypted":
            raise problem from err


def _check_streams(raw: bytes, path: Path) -> None:
    """Decompress every Flate stream with a limit: a bomb is refused before pdfminer sees it."""
    total = 0
    for match in _STREAM.finditer(raw):
        start = match.end()
        end = raw.find(b"endstream", start)
        data = raw[start:end if end >= 0 else len(raw)]
        if len(data) < 2 or data[0] != 0x78:
            continue
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(data, MAX_STREAM_BYTES + 1)
        except zlib.error:
            continue  # not Flate after all, or encrypted: pdfminer decides
        if len(out) > MAX_STREAM_BYTES or inflater.unconsumed_tail:
            raise DocumentError(Problem("pdf_too_large", path, params={
                "part": "stream", "size": f"> {MAX_STREAM_BYTES}", "limit": MAX_STREAM_BYTES}))
        total += len(out)
        if total > MAX_TOTAL_BYTES:
            raise DocumentError(Problem("pdf_too_large", path, params={
                "part": "streams", "size": f"> {MAX_TOTAL_BYTES}", "limit": MAX_TOTAL_BYTES}))


def _check_pages(raw: bytes, path: Path) -> None:
    counts = [int(a or b) for a, b in _COUNT.findall(raw)]
    if counts and max(counts) > MAX_PAGES:
        raise DocumentError(Problem("pdf_too_many_pages", path, params={
            "count": max(counts), "limit": MAX_PAGES}))


# --- layout -----------------------------------------------------------------------------------

@dataclass
class _Segment:
    """Words of one line that sit together (no column gap between them)."""

    x0: float
    x1: float
    top: float
    size: float
    text: str


def _lines(words: list[dict]) -> list[list[_Segment]]:
    """Words grouped into lines (top to bottom), each line split into segments at wide gaps."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        segments: list[list[dict]] = [[row[0]]]
        for word in row[1:]:
            if word["x0"] - segments[-1][-1]["x1"] >= _GUTTER:
                segments.append([word])
            else:
                segments[-1].append(word)
        lines.append([_Segment(s[0]["x0"], s[-1]["x1"], s[0]["top"],
                               max(w.get("size", 10) for w in s),
                               " ".join(w["text"] for w in s)) for s in segments])
    return lines


def _paragraphs(words: list[dict]) -> list[tuple[str, tuple[int, int, int] | None]]:
    """A page's paragraphs in reading order, with (band, row, column) for side-by-side text."""
    lines = _lines(words)
    if not lines:
        return []
    sizes = [s.size for line in lines for s in line]
    break_gap = statistics.median(sizes) * 1.2 * 1.45
    out: list[tuple[str, tuple[int, int, int] | None]] = []
    for band_no, band in enumerate(_bands(lines, break_gap), 1):
        columns = band.columns
        for row_no, row in enumerate(band.rows(break_gap), 1):
            for col_no in range(len(columns)):
                cell = (band_no, row_no, col_no + 1) if len(columns) > 1 else None
                parts = [(s, line_top) for line_top, line in row for s in line
                         if band.column_of(s) == col_no]
                for text in _join(parts, break_gap):
                    out.append((text, cell))
    return out


@dataclass
class _Band:
    """Consecutive lines that share one column layout (one column, or several side by side)."""

    columns: list[float]
    lines: list[tuple[float, list[_Segment]]]

    def column_of(self, segment: _Segment) -> int:
        """Index of the column a segment starts in."""
        return max(i for i, x in enumerate(self.columns) if segment.x0 >= x - 3 or i == 0)

    def rows(self, break_gap: float) -> list[list[tuple[float, list[_Segment]]]]:
        """The band cut where every column pauses (a table row, or paragraphs side by side)."""
        if len(self.columns) == 1:
            return [self.lines]
        rows: list[list[tuple[float, list[_Segment]]]] = [[self.lines[0]]]
        for previous, line in zip(self.lines, self.lines[1:], strict=False):
            if line[0] - previous[0] > break_gap:
                rows.append([line])
            else:
                rows[-1].append(line)
        return rows


def _bands(lines: list[list[_Segment]], break_gap: float) -> list[_Band]:
    bands: list[_Band] = []
    for line in lines:
        top = line[0].top
        band = bands[-1] if bands else None
        if band is not None and _fits(band, line, top, break_gap):
            band.lines.append((top, line))
            continue
        bands.append(_Band([s.x0 for s in line], [(top, line)]))
    return bands


def _fits(band: _Band, line: list[_Segment], top: float, break_gap: float) -> bool:
    """True if ``line`` continues ``band``: same columns, close enough below."""
    if top - band.lines[-1][0] > break_gap * 2.5:
        return False
    if len(band.columns) == 1:
        return len(line) == 1
    for segment in line:
        index = band.column_of(segment)
        if abs(segment.x0 - band.columns[index]) > 40 and index + 1 < len(band.columns):
            return False
        if index + 1 < len(band.columns) and segment.x1 > band.columns[index + 1]:
            return False
    return True


def _join(parts: list[tuple[_Segment, float]], break_gap: float) -> list[str]:
    """Join a column's line segments into paragraphs.

    A wide gap, a list marker ("(2)", "a.", "Pasal") or another type size (a heading above
    its text) starts a new one.
    """
    paragraphs: list[str] = []
    last: _Segment | None = None
    for segment, top in parts:
        if (last is None or top - last.top > break_gap or abs(segment.size - last.size) > 0.5
                or _MARKER.match(segment.text)):
            paragraphs.append(segment.text)
        else:
            paragraphs[-1] += " " + segment.text
        last = segment
    return paragraphs
