"""Rendering one job in a worker process: one snapshot of its sources, one staged draft.

The input's bytes (and those of the KSB file it points to) are read once; the draft is
rendered from what was loaded, and the hashes recorded are those of the bytes loaded — checked
against the loader's own digest, so an input saved while the build runs is either rendered
whole or rendered again, never recorded under the wrong hash. Templates are prepared once per
build and found by content, so a template edited in place is prepared again.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import hashlib
import json
import os
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from ..checks import load_rulebook
from ..drafts import TEMPLATE_CHECKS, Produced, Renderer, produce
from ..errors import PkgenError, TemplateError
from ..files import output_problem
from ..inputs import Loaded
from ..messages import Text, msg
from ..model import kinds_of, languages
from ..register import in_register
from .changes import changes
from .state import Failure, Job, Outcome, Record

_RENDERER: Renderer | None = None  # in a worker process: this build's templates
#: How many new objects the cyclic garbage collector lets build up while drafts are made. A
#: job makes thousands that reference counting frees and keeps a few dozen; at Python's
#: default (700) nearly every job ran a collection, about 3% of its time.
COLLECT_AFTER = 10_000


def start_worker(parent: int, lock_fd: int | None) -> None:
    """Initialise a worker process of one build: a fresh template cache, Ctrl-C left to the
    build, the build's lock not held, and an end when the build ends, however it ends."""
    global _RENDERER
    import signal

    _RENDERER = Renderer(prepared=True)
    gc.freeze()  # what the build had made before: left out of every collection
    collect_seldom()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if lock_fd is not None:
        with contextlib.suppress(OSError):
            os.close(lock_fd)  # a forked worker's copy; the build keeps its own
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


@contextlib.contextmanager
def collecting_seldom() -> Iterator[None]:
    """The garbage collector's threshold at :data:`COLLECT_AFTER` while drafts are made in
    this process, and as it was after."""
    before = collect_seldom()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def collect_seldom() -> tuple[int, ...]:
    """The collector's threshold raised to :data:`COLLECT_AFTER`; returns what it was."""
    before = gc.get_threshold()
    gc.set_threshold(COLLECT_AFTER, *before[1:])
    return before


def _watch(parent: int) -> None:
    """End this worker as soon as the build that started it is gone (even by kill -9)."""
    import multiprocessing

    process = multiprocessing.parent_process()
    while (process.is_alive() if os.name == "nt" and process is not None
           else os.getppid() == parent):
        time.sleep(0.2)
    os._exit(1)


def run_job(job: Job, renderer: Renderer | None = None) -> Outcome:
    """Load, check, render and stage one input (in a worker process or in the build's)."""
    renderer = renderer or _RENDERER or Renderer(prepared=True)
    book = load_rulebook(job.rules)
    for _attempt in range(3):
        try:
            snapshot = _Snapshot(job)
            produced = produce(job.input, book, job.templates, renderer=renderer,
                               provenance=snapshot.provenance)
        except PkgenError as err:
            kind = Failure.TEMPLATE if isinstance(err, TemplateError) else Failure.INPUT
            return Outcome(job.draft, failure=kind, problems=tuple(err.problems))
        if not produced.complete and not job.allow_incomplete:
            return Outcome(job.draft, failure=Failure.INCOMPLETE, problems=_errors(
                produced.report, book))
        if snapshot.consistent(produced.loaded):
            return _stage(job, produced, snapshot, book, renderer)
    return Outcome(job.draft, failure=Failure.INPUT, problems=(
        msg("located", where=job.rel, text=msg("input_changing")),))


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
            name = in_register(loaded.ksb_path, self.job.register)
            self.depends = {name: hashlib.sha256(self.ksb_raw).hexdigest()}
        return {"pkgen.input_path": self.job.rel, "pkgen.source_sha256": self.sha256,
                "pkgen.depends": json.dumps(self.depends, sort_keys=True),
                "pkgen.rulebook_sha256": load_rulebook(self.job.rules).digest,
                "pkgen.kind": loaded.kind, "pkgen.kinds": ",".join(kinds_of(loaded.document)),
                "pkgen.languages": ",".join(languages(loaded.document))}

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


def _stage(job: Job, made: Produced, snapshot: _Snapshot, book, renderer: Renderer
           ) -> Outcome:
    """Write the draft into the staging folder, flushed to disk, with its record."""
    draft, document = made.draft, made.document
    assert draft is not None and document is not None  # produce renders unless told not to
    staged = job.staging / f"new-{uuid.uuid4().hex}.docx"
    try:
        _write_staged(staged, draft.data)
    except OSError as err:
        staged.unlink(missing_ok=True)
        return Outcome(job.draft, failure=Failure.OUTPUT,
                       problems=(output_problem(job.path, err),))
    blocks, report = made.blocks, made.report
    errors = report.count("error") + sum(  # the template's mistakes are in the report already
        1 for f in document.findings
        if f.severity == "error" and f.rule.jenis_pemeriksaan not in TEMPLATE_CHECKS)
    props = draft.properties
    record = Record(
        job.rel, snapshot.sha256, snapshot.depends, renderer.resolved(draft.template),
        props["pkgen.template_sha256"], book.digest, props["pkgen.version"],
        props["pkgen.fingerprint"], made.loaded.kind, "incomplete" if errors else "ok", errors,
        report.count("warning") + document.count("warning"), kinds_of(made.loaded.document),
        tuple(languages(made.loaded.document)))
    return Outcome(job.draft, staged, record, problems=_errors(document, book),
                   changes=tuple(changes(job.path, blocks, book)))


def _errors(report, book) -> tuple[Text, ...]:
    """The report's errors, each with its rule, to be said in the reader's language."""
    return tuple(msg("finding_line", rule=f.rule.id, text={
        lang: f.message(book, lang) for lang in ("id", "en")})
        for f in report.sorted_findings() if f.severity == "error")


def _write_staged(path: Path, data: bytes) -> None:
    """Write a new staged draft. The build flushes it to disk before installing it
    (:func:`pkgen.build.run.flush_staged`), many drafts at once, which costs a fraction of
    flushing each here on its own."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 0o666)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            if not written:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]
    finally:
        os.close(fd)
