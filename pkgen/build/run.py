"""A build from start to end: lock, recover, plan, render, install, record, report.

Rendering writes nothing the user sees: drafts are staged, checked, then installed one by one
(see :mod:`pkgen.build.install`). However the build ends (an error, Ctrl-C, SIGTERM) the
worker processes are stopped, the manifest is saved as the disk now is and the staging folder
removed; a build killed outright (kill -9) is put right by the next one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Generator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from .. import redline as redlines
from ..errors import OutputError, PkgenError, Problem
from ..files import fsync_file, fsync_folder, output_problem, write_atomic
from ..messages import msg
from ..register import unfollowed_ksb
from ..templating import TemplateChoice
from .changes import report_markdown
from .install import new_aside, place, recover, remove
from .planning import beside_name, links_of, plan
from .signals import check, critical, interruptible
from .state import Copy, Entry, Expect, Failure, Item, Job, Options, Outcome, Result, Stat, State
from .store import STAGING, locked, save_manifest, set_aside_damaged, write_journal

REPORT = "laporan-build.md"
REDLINE = ".redline.docx"
#: Flushes waiting on the disk together share its journal commits: 8 at once flush a
#: thousand drafts in a tenth of the time one after another would take.
FLUSHING_THREADS = 8

Progress = Callable[[Item, int, int], None]


def build(register: Path, drafts: Path, options: Options,
          progress: Progress | None = None) -> Result:
    """Plan, render, check and install; see the module docstring.

    ``progress(item, done, total)`` is called as each draft is rendered.
    """
    if options.dry_run:
        return plan(register, drafts, options)
    if options.redline:
        redlines.require()
    _make_folder(drafts)
    with interruptible(), locked(drafts) as lock_fd:
        notices = recover(drafts)
        result = plan(register, drafts, options)
        result.notices[:0] = notices
        if result.manifest_damaged:
            set_aside_damaged(drafts)
        staging = drafts / STAGING
        done: dict[str, Item] = {}
        try:
            staging.mkdir()
            outcomes = _render_all(result.items, register, drafts, staging, options, progress,
                                   lock_fd, result.templates)
            _install_all(result.items, outcomes, drafts, staging, options, done)
        finally:
            result.items = [done.get(i.draft, i) for i in result.items]
            _record(drafts, result)
            result.notices += recover(drafts)  # nothing left aside; staging and journal gone
        write_atomic(report_markdown(result).encode("utf-8"), drafts / REPORT)
    return result


def _make_folder(drafts: Path) -> None:
    try:
        drafts.mkdir(parents=True, exist_ok=True)
        probe = drafts / f".pkgen-probe-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except OSError as err:
        raise OutputError(Problem("folder_not_writable", drafts, params={
            "detail": err.strerror or str(err)})) from err


# --- rendering -------------------------------------------------------------------------------

def _render_all(items: list[Item], register: Path, drafts: Path, staging: Path,
                options: Options, progress: Progress | None, lock_fd: int,
                templates: TemplateChoice) -> dict[str, Outcome]:
    todo = [i for i in items if i.todo]
    if not todo:
        return {}
    jobs = [Job(i.input, i.rel, register, i.draft, drafts / i.draft, staging, templates,
                options.rules, options.allow_incomplete) for i in todo]
    outcomes = {}
    flushes: dict[str, Future] = {}
    # Staged drafts are flushed to disk while the others render.
    flushing = ThreadPoolExecutor(FLUSHING_THREADS)
    try:
        with closing(_run(jobs, options.jobs, lock_fd)) as results:  # workers stop on any exit
            for done, (item, outcome) in enumerate(zip(todo, results, strict=True), 1):
                check()  # a Ctrl-C Python set aside while the last outcome came
                outcomes[item.draft] = outcome
                if outcome.staged is not None:
                    flushes[item.draft] = flushing.submit(flush_staged, outcome.staged)
                if progress:
                    progress(item, done, len(todo))
    finally:  # an interrupted build installs nothing: what is not flushed yet need not be
        flushing.shutdown(cancel_futures=sys.exc_info()[0] is not None)
    for draft, flushed in flushes.items():
        if (err := flushed.exception()) is not None:
            assert isinstance(err, OSError)  # flush_staged raises nothing else
            outcomes[draft] = Outcome(draft, failure=Failure.OUTPUT,
                                      problems=(output_problem(drafts / draft, err),))
    return outcomes


def flush_staged(staged: Path) -> None:
    """Put a staged draft on disk before it may replace anything; if that fails, it goes."""
    try:
        fsync_file(staged)
    except OSError:
        staged.unlink(missing_ok=True)
        raise


def _run(jobs: list[Job], workers: int, lock_fd: int) -> Generator[Outcome, None, None]:
    """Each job's outcome, in order: in this process, or in worker processes that end with
    the build (stopped on any exception, and watching for the build's own death)."""
    # Loaded once there is something to render, before any worker is forked: a build with
    # nothing to do never loads the renderer, and workers start with it loaded. A signal waits
    # for the loading: raised inside an import, it could be lost there.
    with critical():
        import multiprocessing.popen_fork  # noqa: F401  (loaded by the pool as it starts)
        import multiprocessing.synchronize  # noqa: F401

        from ..drafts import Renderer
        from . import worker

    if workers <= 1 or len(jobs) <= 1:
        cache = Renderer(prepared=True)  # this build's, gone with it
        with worker.collecting_seldom():
            for job in jobs:
                yield worker.run_job(job, cache)
        return
    context = _process_context()
    pool = ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context,
                               initializer=worker.start_worker, initargs=(
                                   os.getpid(),
                                   lock_fd if context.get_start_method() == "fork" else None))
    finished = False
    try:
        chunk = max(1, min(16, len(jobs) // (workers * 4)))
        yield from pool.map(worker.run_job, jobs, chunksize=chunk)
        finished = True
    except BrokenProcessPool as err:
        raise PkgenError(Problem("build_worker_died")) from err
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, whatever they are doing."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)


def _process_context():
    """fork where it is safe (Linux, no other thread), else spawn."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


# --- installing ------------------------------------------------------------------------------

def _install_all(items: list[Item], outcomes: dict[str, Outcome], drafts: Path, staging: Path,
                 options: Options, done: dict[str, Item]) -> None:
    ready = [i for i in items if i.draft in outcomes]
    asides = {i.draft: new_aside(staging) for i in ready}
    write_journal(drafts, [{"target": i.target, "aside": asides[i.draft].name} for i in ready
                           if i.expect.stat is not None])
    for item in ready:
        outcome = outcomes[item.draft]
        if outcome.failure is not None:
            done[item.draft] = replace(
                item, state=State.FAILED, failure=outcome.failure, problems=outcome.problems,
                verdict="incomplete" if outcome.failure == Failure.INCOMPLETE else None)
            continue
        with critical():  # Ctrl-C waits until the install is done and noted
            done[item.draft] = _install(item, outcome, drafts, asides[item.draft], options)
    for folder in {(drafts / i.written).parent for i in done.values() if i.written}:
        fsync_folder(folder)  # the renames themselves, durable


def _install(item: Item, outcome: Outcome, drafts: Path, aside: Path, options: Options) -> Item:
    """Install one staged draft at its planned place; if that place changed since planning,
    beside the draft instead. Returns the item as it now is."""
    staged, record = outcome.staged, outcome.record
    assert staged is not None and record is not None  # an outcome without a failure has both
    item = replace(item, problems=outcome.problems, changes=outcome.changes,
                   verdict=record.verdict)
    target, expect = item.target, item.expect
    for _attempt in range(5):
        try:
            # The staged file's stat is the installed draft's: taken before, it cannot be
            # that of a file someone saved over the draft a moment after.
            stat = Stat.of(staged)
            placed = place(staged, drafts / target, expect, aside,
                           keep_old=options.redline and target == item.draft)
        except OSError as err:
            return replace(item, state=State.FAILED, failure=Failure.OUTPUT, problems=(
                output_problem(drafts / target, err),))
        if placed.ok:
            return _installed(item, Copy(target, record, stat), drafts, placed.old, options)
        item = replace(item, state=State.EDITED_STALE, reason=placed.reason)
        target, expect = beside_name(drafts, item.draft), Expect()
    return replace(item, state=State.FAILED, failure=Failure.OUTPUT, problems=(
        msg("output_write_failed", detail=target),))


def _installed(item: Item, copy: Copy, drafts: Path, old: bytes | None,
               options: Options) -> Item:
    target = copy.path
    if target == item.draft:
        entry = Entry(copy, None)
        _drop_redundant_beside(item.entry.beside, drafts)
    else:
        entry = Entry(item.entry.draft, copy)
    item = replace(item, written=target, entry=entry)
    if old is not None:
        item = _write_redline(item, old, drafts)
    return item


def _drop_redundant_beside(beside: Copy | None, drafts: Path) -> None:
    """The draft is current again (its hand edit was undone): the unedited version pkgen
    wrote beside it is no longer needed. An edited one stays."""
    if beside is None or not (drafts / beside.path).exists():
        return
    aside = new_aside(drafts / STAGING)
    write_journal(drafts, [{"target": beside.path, "aside": aside.name}])
    remove(drafts / beside.path, Expect(beside.stat, (beside.record.fingerprint,)), aside)


def _write_redline(item: Item, old: bytes, drafts: Path) -> Item:
    """NAME.redline.docx beside the draft: the old draft with the new one as tracked changes."""
    stem = (drafts / item.draft).name[: -len(".docx")]
    target = (drafts / item.draft).with_name(f"{stem}{REDLINE}")
    try:
        write_atomic(redlines.redline(old, (drafts / item.draft).read_bytes()), target)
    except PkgenError as err:
        return replace(item, problems=(*item.problems, *err.problems))
    return replace(item, redline=target.relative_to(drafts).as_posix())


# --- recording -------------------------------------------------------------------------------

def _record(drafts: Path, result: Result) -> None:
    """Save the manifest as the disk now is: every item's entry, and the orphans whose draft
    is still there; then list the KSBs no PKS follows."""
    entries = {i.draft: i.entry for i in result.items if i.entry.draft or i.entry.beside}
    for orphan, entry in result.kept.items():
        if (drafts / orphan).exists():
            entries[orphan] = entry
    save_manifest(drafts, entries)
    records = [c.record for e in entries.values() for c in (e.beside or e.draft,) if c]
    result.unfollowed = unfollowed_ksb(links_of(records))
