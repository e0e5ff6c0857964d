"""The register page's data: one row per agreement with its verdict, and builds with progress.

:func:`register_rows` is the one place the page's rows come from. It checks every input as
``pkgen validate`` does (a verdict is cached by the content of the input and of the KSB file
it points to, never by its name). A register summary (status and alerts per agreement) can
feed the page by returning the same :class:`RegisterRow`\\ s.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..build import Options, Result, build
from ..checks.rulebook import Rulebook
from ..drafts import produce
from ..errors import PkgenError
from ..messages import message
from ..paths import mirrored
from .editing import problem_text
from .store import Register

#: Messages shown per agreement in the list; the edit page shows them all.
ALERTS = 3


@dataclass(frozen=True)
class RegisterRow:
    """One agreement of the register: what it is, its verdict and what to look at."""

    name: str  # the input, relative to the register
    dokumen: str | None = None
    jenis: str | None = None
    tentang: str | None = None
    status: str = "invalid"  # ok, incomplete (error findings), invalid (does not load)
    errors: int = 0
    warnings: int = 0
    alerts: tuple[str, ...] = ()
    draft: str | None = None  # the built draft, relative to the drafts folder, if there is one


@dataclass
class _Cached:
    row: RegisterRow
    ksb: Path | None
    ksb_digest: str | None


class RowCache:
    """Verdicts by the content of the input (and of its KSB file), for one rulebook."""

    def __init__(self) -> None:
        self._rows: dict[tuple[str, str], _Cached] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> tuple[RegisterRow, Path | None] | None:
        """The row checked for ``key`` and its KSB file, if that file has not changed."""
        with self._lock:
            cached = self._rows.get(key)
        if cached is None:
            return None
        if cached.ksb is not None and _digest(cached.ksb) != cached.ksb_digest:
            return None
        return cached.row, cached.ksb

    def put(self, key: tuple[str, str], row: RegisterRow, ksb: Path | None) -> None:
        """Remember ``row`` for ``key``."""
        with self._lock:
            if len(self._rows) > 5000:  # a register of thousands: start again
                self._rows.clear()
            self._rows[key] = _Cached(row, ksb, _digest(ksb) if ksb else None)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def register_rows(register: Register, book: Rulebook, lang: str,
                  cache: RowCache | None = None) -> list[RegisterRow]:
    """Every input of the register with its verdict, in file order, and the KSBs no PKS
    follows yet flagged as such."""
    rows: list[RegisterRow] = []
    followed: set[Path] = set()
    ksbs: list[tuple[int, Path]] = []
    for path in register.inputs():
        name = register.relative(path)
        row, ksb = _row(path, name, register, book, lang, cache)
        if ksb is not None:
            followed.add(ksb.resolve())
        if row.dokumen == "KSB":
            ksbs.append((len(rows), path.resolve()))
        rows.append(row)
    for index, path in ksbs:
        if path not in followed:
            row = rows[index]
            rows[index] = RegisterRow(**{**row.__dict__, "alerts": (
                *row.alerts, message("ksb_unfollowed", lang))})
    return rows


def _row(path: Path, name: str, register: Register, book: Rulebook, lang: str,
         cache: RowCache | None) -> tuple[RegisterRow, Path | None]:
    key = (_digest(path) or "", f"{book.digest}:{lang}")
    mirror = mirrored(Path(name)).as_posix()
    draft = mirror if (register.drafts / mirror).is_file() else None
    found = cache.get(key) if cache else None
    if found is not None:
        return RegisterRow(**{**found[0].__dict__, "name": name, "draft": draft}), found[1]
    try:
        produced = produce(path, book, render=False)
    except PkgenError as err:
        row = RegisterRow(name, alerts=tuple(problem_text(p, lang) for p in err.problems
                                             )[:ALERTS], draft=draft)
        return row, None
    report, doc = produced.report, produced.loaded.document
    errors = [f.message(book, lang) for f in report.sorted_findings() if f.severity == "error"]
    row = RegisterRow(name, doc.dokumen, doc.jenis.value, doc.tentang,
                      "incomplete" if errors else "ok", len(errors), report.count("warning"),
                      tuple(errors[:ALERTS]), draft)
    if cache:
        cache.put(key, row, produced.loaded.ksb_path)
    return row, produced.loaded.ksb_path


# --- builds ---------------------------------------------------------------------------------------

@dataclass
class BuildJob:
    """A build of the register running in the background, and what it has done so far."""

    done: int = 0
    total: int = 0
    running: bool = True
    result: Result | None = None
    error: str | None = None
    items: list[str] = field(default_factory=list)

    def to_json(self, lang: str) -> dict:
        """Progress and, once finished, the count of each state and the failures."""
        out: dict = {"running": self.running, "done": self.done, "total": self.total,
                     "error": self.error}
        if self.result is not None:
            states = ["new", "stale", "unchanged", "edited", "edited-stale", "failed"]
            out["summary"] = [[message(f"state_{s.replace('-', '_')}", lang),
                               self.result.count(s)] for s in states]
            out["failed"] = [[i.rel, "; ".join(p.say(lang) for p in i.problems[:2])]
                             for i in self.result.items if i.state == "failed"]
        return out


def start_build(register: Register, lang: str) -> BuildJob | None:
    """Start ``pkgen build`` of the register into its ``drafts/`` in the background; None
    when a build or a save of this server is under way."""
    if not register.lock.acquire(blocking=False):
        return None
    job = BuildJob()

    def progress(_item, done: int, total: int) -> None:
        job.done, job.total = done, total

    def run() -> None:
        try:
            # One worker: forking a process that serves requests from threads is unsafe.
            job.result = build(register.root, register.drafts, Options(jobs=1, lang=lang),
                               progress)
        except PkgenError as err:
            job.error = err.format(lang)
        finally:
            job.running = False
            register.lock.release()

    threading.Thread(target=run, name="pkgen-build", daemon=True).start()
    return job
