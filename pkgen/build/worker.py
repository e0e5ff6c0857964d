"""Rendering one job in a worker process: one snapshot of its sources, one staged draft.

The input's bytes (and those of the KSB file it points to) are read once; the draft is
rendered from what was loaded, and the hashes recorded are those of the bytes loaded — checked
against the loader's own digest, so an input saved while the build runs is either rendered
whole or rendered again, never recorded under the wrong hash. Templates are prepared once per
build and found by content, so a template edited in place is prepared again.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..checks import check_agreement, load_rulebook
from ..checks.document import check_structure
from ..checks.structure import parse_structure
from ..context import ARTICLES, build_context
from ..docx_text import read_blocks
from ..errors import PkgenError, Problem, TemplateError
from ..files import output_problem
from ..inputs import Loaded, load_agreement
from ..messages import message
from ..render import Draft, PreparedTemplate, render_draft, template_for
from .changes import changes
from .state import Failure, Job, Outcome, Record

_CACHE: TemplateCache | None = None  # in a worker process: this build's templates


class TemplateCache:
    """The templates one build has prepared, by content (and name, which drafts record)."""

    def __init__(self) -> None:
        self._prepared: dict[tuple[str, str], PreparedTemplate | TemplateError] = {}
        self._checked: dict[tuple, TemplateError | None] = {}
        self._seen: dict[tuple, tuple[str, str]] = {}  # (path, stat) -> key: not read again

    def get(self, path: Path, loaded: Loaded, book) -> PreparedTemplate:
        """The prepared template at ``path``, checked for ``loaded``'s kind of document."""
        try:
            found = path.stat()
            stat = (str(path), found.st_size, found.st_mtime_ns, found.st_ino)
            key = self._seen.get(stat)
            if key is None:
                data = path.read_bytes()
                key = (hashlib.sha256(data).hexdigest(), path.name)
                if key not in self._prepared:
                    self._prepare(key, path, data)
                self._seen[stat] = key
        except OSError as err:
            raise TemplateError(Problem("template_unreadable", path, params={
                "detail": err.strerror or str(err)})) from err
        prepared = self._prepared[key]
        if isinstance(prepared, TemplateError):
            raise prepared
        kind = (*key, loaded.document.dokumen, loaded.document.jenis, loaded.ksb is not None)
        if kind not in self._checked:
            try:
                _preflight(prepared, loaded, book)
                self._checked[kind] = None
            except TemplateError as err:
                self._checked[kind] = err
        if self._checked[kind] is not None:
            raise self._checked[kind]
        return prepared

    def _prepare(self, key: tuple[str, str], path: Path, data: bytes) -> None:
        try:
            self._prepared[key] = PreparedTemplate(path, data)
        except TemplateError as err:
            self._prepared[key] = err


def start_worker(parent: int, lock_fd: int | None) -> None:
    """Initialise a worker process of one build: a fresh template cache, Ctrl-C left to the
    build, the build's lock not held, and an end when the build ends, however it ends."""
    global _CACHE
    import signal

    _CACHE = TemplateCache()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if lock_fd is not None:
        try:
            os.close(lock_fd)  # a forked worker's copy; the build keeps its own
        except OSError:
            pass
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    """End this worker as soon as the build that started it is gone (even by kill -9)."""
    import multiprocessing

    process = multiprocessing.parent_process()
    while (process.is_alive() if os.name == "nt" and process is not None
           else os.getppid() == parent):
        time.sleep(0.2)
    os._exit(1)


def run_job(job: Job, cache: TemplateCache | None = None) -> Outcome:
    """Load, check, render and stage one input (in a worker process or in the build's)."""
    cache = cache or _CACHE or TemplateCache()
    book = load_rulebook(job.rules)
    for _attempt in range(3):
        try:
            snapshot = _Snapshot(job)
            made = _produce(job, cache, book, snapshot.provenance)
        except PkgenError as err:
            kind = Failure.TEMPLATE if isinstance(err, TemplateError) else Failure.INPUT
            return Outcome(job.draft, failure=kind, problems=tuple(err.format(
                job.lang).splitlines()))
        if isinstance(made, Outcome):
            return made
        if snapshot.consistent(made.loaded):
            return _stage(job, made, snapshot, book)
    return Outcome(job.draft, failure=Failure.INPUT, problems=(
        f"{job.rel}: {message('input_changing', job.lang)}",))


@dataclass(frozen=True)
class _Made:
    loaded: Loaded
    report: object
    draft: Draft


def _produce(job: Job, cache: TemplateCache, book,
             provenance: Callable[[Loaded], dict[str, str]]) -> _Made | Outcome:
    """Load the input, check it, render it: the one place a job becomes a draft."""
    loaded = load_agreement(job.input)
    template = template_for(loaded, job.template).resolve()
    prepared = cache.get(template, loaded, book)
    report = check_agreement(loaded, book)
    if report.has_errors and not job.allow_incomplete:
        return Outcome(job.draft, failure=Failure.INCOMPLETE, problems=tuple(
            f"{f.rule.id}: {f.message(book, job.lang)}" for f in report.sorted_findings()
            if f.severity == "error"))
    if report.has_errors:  # rare: rendered the one-off way, marked incomplete
        draft = render_draft(loaded, template, incomplete=True, provenance=provenance(loaded))
    else:
        draft = prepared.render(loaded, provenance(loaded))
    return _Made(loaded, report, draft)


class _Snapshot:
    """The bytes of an input and of its KSB file, read once, as the draft is made from."""

    def __init__(self, job: Job) -> None:
        self.job = job
        try:
            self.raw = job.input.read_bytes()
        except OSError:
            self.raw = b""  # the loader reports why
        self.ksb_raw: bytes | None = None
        self.depends: dict[str, str] = {}

    def provenance(self, loaded: Loaded) -> dict[str, str]:
        """What the draft records of its sources (stamped in its properties)."""
        if loaded.ksb_path is not None:
            try:
                self.ksb_raw = loaded.ksb_path.read_bytes()
            except OSError:
                self.ksb_raw = b""
            try:
                name = loaded.ksb_path.relative_to(self.job.register.resolve()).as_posix()
            except ValueError:
                name = str(loaded.ksb_path)
            self.depends = {name: hashlib.sha256(self.ksb_raw).hexdigest()}
        return {"pkgen.input_path": self.job.rel, "pkgen.source_sha256": self.sha256,
                "pkgen.depends": json.dumps(self.depends, sort_keys=True),
                "pkgen.rulebook_sha256": load_rulebook(self.job.rules).digest,
                "pkgen.kind": loaded.kind}

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def consistent(self, loaded: Loaded) -> bool:
        """True if ``loaded`` was read from exactly these bytes (its digest covers both)."""
        expected = self.sha256
        if self.ksb_raw is not None:
            ksb = hashlib.sha256(self.ksb_raw).hexdigest()
            expected = hashlib.sha256(self.raw + b"\0" + ksb.encode()).hexdigest()
        return loaded.digest == expected


def _stage(job: Job, made: _Made, snapshot: _Snapshot, book) -> Outcome:
    """Write the draft into the staging folder, flushed to disk; check it as a document."""
    staged = job.staging / f"new-{uuid.uuid4().hex}.docx"
    try:
        _write_durably(staged, made.draft.data)
    except OSError as err:
        staged.unlink(missing_ok=True)
        return Outcome(job.draft, failure=Failure.OUTPUT,
                       problems=(output_problem(job.path, err).format(job.lang),))
    blocks = read_blocks(staged, made.draft.data)
    document = check_structure(str(staged), parse_structure(blocks, book), book)
    report = made.report
    errors = report.count("error") + document.count("error")
    props = made.draft.properties
    record = Record(
        job.rel, snapshot.sha256, snapshot.depends, str(made.draft.template.resolve()),
        props["pkgen.template_sha256"], book.digest, props["pkgen.version"],
        props["pkgen.fingerprint"], made.loaded.kind, "incomplete" if errors else "ok", errors,
        report.count("warning") + document.count("warning"))
    return Outcome(job.draft, staged, record, problems=tuple(
        f"{f.rule.id}: {f.message(book, job.lang)}" for f in document.sorted_findings()
        if f.severity == "error"), changes=tuple(changes(job.path, blocks, book, job.lang)))


def _write_durably(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 0o666)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            if not written:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def _preflight(prepared: PreparedTemplate, loaded: Loaded, book) -> None:
    """A template must use only what the context provides and head every required clause."""
    names, headings = prepared.variables()
    provided = set(build_context(loaded.document, loaded.ksb)) | {"pasal"}
    unknown = sorted(names - provided)
    if unknown:
        raise TemplateError(Problem("template_undefined", prepared.path,
                                    params={"name": ", ".join(unknown), "paragraph": ""}))
    kind = loaded.document.dokumen.lower()
    required = {c for rule in book.rules("klausul_wajib", kind, loaded.document.jenis.value)
                if rule.tingkat == "error" for c in rule.klausul if c in ARTICLES}
    missing = sorted(required - headings)
    if missing:
        raise TemplateError(Problem("template_missing_heading", prepared.path,
                                    params={"articles": ", ".join(missing)}))
