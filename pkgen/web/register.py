"""The register page's data: one row per agreement with its verdict, its stage and its
alerts on today's date, and builds with progress.

:func:`register_rows` is the one place the page's rows come from, and it reads the register
as ``pkgen rekap`` does: each input's facts (:func:`pkgen.rekap.read_facts`, the verdict
``pkgen validate`` gives it), cached by the content of the input and of the KSB file it points
to, never by its name; then the rekap's statuses and alerts over all of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..build import Options, Result, build
from ..checks.rulebook import Rulebook
from ..errors import PkgenError
from ..messages import message
from ..paths import mirrored
from ..rekap import Facts, assess, read_facts
from ..rekap.assess import UNREADABLE
from ..rekap.views import status_word
from .store import Register

#: Error messages shown per agreement in the list; the edit page shows them all.
ALERTS = 3
#: The rekap's alerts the page shows by other means: its verdict, its error messages.
SHOWN_ELSEWHERE = ("error-findings", "unreadable")


@dataclass(frozen=True)
class RegisterRow:
    """One agreement of the register: what it is, its verdict, its stage and what to look at."""

    name: str  # the input, relative to the register
    dokumen: str | None = None
    jenis: str | None = None
    tentang: str | None = None
    status: str = "invalid"  # ok, incomplete (error findings), invalid (does not load)
    errors: int = 0
    warnings: int = 0
    alerts: tuple[str, ...] = ()
    draft: str | None = None  # the built draft, relative to the drafts folder, if there is one
    stage: str = UNREADABLE  # the rekap's status: draf, berlaku, segera_berakhir, …
    stage_text: str = ""  # the stage as the reader reads it


@dataclass
class _Cached:
    facts: Facts
    ksb: Path | None
    ksb_digest: str | None


class RowCache:
    """Facts by the content of the input (and of its KSB file), for one rulebook."""

    def __init__(self) -> None:
        self._rows: dict[tuple[str, str], _Cached] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> Facts | None:
        """The facts read for ``key``, if the KSB file they rest on has not changed."""
        with self._lock:
            cached = self._rows.get(key)
        if cached is None:
            return None
        if cached.ksb is not None and _digest(cached.ksb) != cached.ksb_digest:
            return None
        return cached.facts

    def put(self, key: tuple[str, str], facts: Facts, ksb: Path | None) -> None:
        """Remember ``facts`` for ``key``."""
        with self._lock:
            if len(self._rows) > 5000:  # a register of thousands: start again
                self._rows.clear()
            self._rows[key] = _Cached(facts, ksb, _digest(ksb) if ksb else None)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def register_rows(register: Register, book: Rulebook, lang: str,
                  cache: RowCache | None = None,
                  per: dt.date | None = None) -> list[RegisterRow]:
    """Every input of the register in file order, with its verdict, and its stage and the
    rekap's alerts on ``per`` (default today)."""
    paths = register.inputs()
    facts = [_facts(path, register, book, cache) for path in paths]
    rekap = assess(register.root, facts, per or dt.date.today(), book.register)
    raised: dict[str, list[str]] = {}
    for r in rekap.raised:
        if r.alert.id not in SHOWN_ELSEWHERE:
            title = message(f"rekap_alert_{r.alert.jenis_peringatan}", lang)
            raised.setdefault(r.path, []).append(f"{title}: {r.reason.say(lang)}")
    return [_row(register.relative(path), rekap.row(f.path).status, f, raised.get(f.path, []),
                 register, lang) for path, f in zip(paths, facts, strict=True)]


def _facts(path: Path, register: Register, book: Rulebook, cache: RowCache | None) -> Facts:
    key = (_digest(path) or "", book.digest)
    found = cache.get(key) if cache else None
    if found is not None and found.path == register.relative(path):
        return found
    facts = read_facts(path, register.root, book)
    if cache and facts.loaded:
        cache.put(key, facts, register.root / facts.ksb if facts.ksb else None)
    return facts


def _row(name: str, stage: str, facts: Facts, alerts: list[str], register: Register,
         lang: str) -> RegisterRow:
    mirror = mirrored(Path(name)).as_posix()
    draft = mirror if (register.drafts / mirror).is_file() else None
    if not facts.loaded:
        return RegisterRow(name, alerts=tuple(p[lang] for p in facts.problems)[:ALERTS],
                           draft=draft, stage_text=status_word(stage, lang))
    errors = [n.text[lang] for n in facts.findings if n.severity == "error"]
    return RegisterRow(name, facts.dokumen, facts.jenis, facts.tentang,
                       "incomplete" if facts.errors else "ok", facts.errors, facts.warnings,
                       (*alerts, *errors[:ALERTS]), draft, stage, status_word(stage, lang))


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
