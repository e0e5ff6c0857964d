"""Previews of drafts: the rendered .docx, its PDF from LibreOffice, and pictures of its pages.

A preview is keyed by what the draft is made of — the hash of its text and of its template —
so that the same draft previewed twice, by one user or twenty, is converted once. Conversions
run in the background, a few at a time (LibreOffice is heavy), each with its own LibreOffice
profile; the page asks for the state until the pages are there. Nothing here blocks a request
for longer than it takes to write a file.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from queue import Queue

from .. import __version__
from ..errors import PkgenError
from ..pdf_convert import draft_pdf
from ..render import Draft, write_atomic

#: Previews kept on disk; the oldest are removed past this.
KEEP = 200
#: Page pictures: dots per inch (A4 is then 827 px wide, readable on a laptop and a phone).
DPI = 96
#: PDFium may be used by one thread at a time (it is not thread-safe).
_PDFIUM = threading.Lock()


def preview_key(draft: Draft) -> str:
    """The content key of a draft: its text, its template and pkgen's version."""
    props = draft.properties
    text = f"{props.get('pkgen.text_sha256')}:{props.get('pkgen.template_sha256')}:" \
           f"{props.get('pkgen.incomplete', '')}:{__version__}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class Previews:
    """The preview store of one register (``.pkgen-web/pratinjau/``) and its converters."""

    def __init__(self, folder: Path, converters: int = 2) -> None:
        self.folder = folder
        self._pool = ThreadPoolExecutor(max_workers=converters, thread_name_prefix="pkgen-pdf")
        self._profiles: Queue[Path] = Queue()
        for n in range(converters):
            self._profiles.put(folder.parent / f"libreoffice-{n}")
        self._pending: set[str] = set()
        self._lock = threading.Lock()

    def add(self, draft: Draft, lang: str) -> str:
        """Keep ``draft`` and start its PDF in the background; return its key."""
        key = preview_key(draft)
        home = self.folder / key
        if not (home / "draf.docx").is_file():
            write_atomic(draft.properties.get("pkgen.text_sha256", "").encode(),
                         home / "stempel.txt")
            write_atomic(draft.data, home / "draf.docx")
            self._prune()
        self._start(key, lang)
        return key

    def _start(self, key: str, lang: str) -> None:
        """Convert ``key`` unless it is converted, failed or under way."""
        home = self.folder / key
        with self._lock:
            if key in self._pending or (home / "halaman.txt").is_file() or (
                    home / "gagal.json").is_file():
                return
            self._pending.add(key)
        self._pool.submit(self._convert, key, lang)

    def path(self, key: str, name: str) -> Path | None:
        """A file of the preview ``key`` (draf.docx, draf.pdf), or None."""
        if not _is_key(key):
            return None
        path = self.folder / key / name
        return path if path.is_file() else None

    def state(self, key: str, lang: str = "id") -> dict:
        """``{"state": "converting" | "ready" | "failed" | "unknown", …}``; a preview left
        unfinished by a stopped server is converted again."""
        home = self.folder / key
        if not _is_key(key) or not (home / "draf.docx").is_file():
            return {"state": "unknown"}
        if (home / "halaman.txt").is_file():
            return {"state": "ready", "pages": int((home / "halaman.txt").read_text())}
        if (home / "gagal.json").is_file():
            return {"state": "failed", **json.loads((home / "gagal.json").read_text())}
        self._start(key, lang)
        return {"state": "converting"}

    def page(self, key: str, number: int) -> bytes | None:
        """The picture (PNG) of page ``number`` (from 1) of a ready preview, or None."""
        if not _is_key(key) or not 0 < number < 10_000:
            return None
        path = self.folder / key / f"halaman-{number}.png"
        return path.read_bytes() if path.is_file() else None

    def _convert(self, key: str, lang: str) -> None:
        home = self.folder / key
        profile = self._profiles.get()
        try:
            stamp = (home / "stempel.txt").read_text()
            pdf = draft_pdf((home / "draf.docx").read_bytes(), stamp, home, profile=profile)
            write_atomic(pdf, home / "draf.pdf")
            with _PDFIUM:
                pages = _render_pages(home / "draf.pdf")
            for number, picture in enumerate(pages, 1):
                write_atomic(picture, home / f"halaman-{number}.png")
            write_atomic(str(len(pages)).encode(), home / "halaman.txt")  # last: ready
        except PkgenError as err:
            write_atomic(json.dumps({"message": err.format(lang)}).encode(),
                         home / "gagal.json")
        finally:
            self._profiles.put(profile)
            with self._lock:
                self._pending.discard(key)

    def _prune(self) -> None:
        """Remove the oldest previews past :data:`KEEP`."""
        homes = sorted((p for p in self.folder.iterdir() if p.is_dir()),
                       key=lambda p: p.stat().st_mtime)
        with self._lock:
            for home in homes[:-KEEP] if len(homes) > KEEP else []:
                if home.name not in self._pending:
                    shutil.rmtree(home, ignore_errors=True)

    def close(self) -> None:
        """Stop taking conversions; those under way finish."""
        self._pool.shutdown(wait=False, cancel_futures=True)


def _is_key(key: str) -> bool:
    return len(key) == 32 and all(c in "0123456789abcdef" for c in key)


def _render_pages(pdf: Path) -> list[bytes]:
    """Every page of ``pdf`` as a PNG picture."""
    import io

    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    pictures = []
    try:
        for page in document:
            image = page.render(scale=DPI / 72).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            pictures.append(buffer.getvalue())
    finally:
        document.close()
    return pictures
