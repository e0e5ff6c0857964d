"""Putting a rendered draft in place without ever destroying a file nobody meant to replace.

A draft is installed in three atomic steps. The file at the target is first *moved aside*
into the staging folder (one rename: whatever is there at that instant, even if an editor
saved it a microsecond before, is what moves). The moved file is then checked against what
the planner saw: the same stat, or a content fingerprint pkgen accepts. Only then is the new
draft linked in, refusing to replace anything that appeared meanwhile. A file that fails the
check goes straight back. Each move is journalled first, so a build killed between two steps
is put right by :func:`recover` at the next start.
"""

from __future__ import annotations

import errno
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from ..fingerprint import Package as _Package
from ..fingerprint import UnreadableError, fingerprint, match, read_properties
from . import signals
from .state import Expect, Stat
from .store import JOURNAL, STAGING, read_journal

RECOVERED = ".pkgen-pulih"


@dataclass(frozen=True)
class Placed:
    """How an install went: ``ok``, or why the target was left alone."""

    ok: bool
    reason: str = ""  # changed_during_build, open_elsewhere, read_only
    old: bytes | None = None  # the replaced file's bytes, when asked for


def place(staged: Path, target: Path, expect: Expect, aside: Path,
          keep_old: bool = False) -> Placed:
    """Install ``staged`` at ``target`` if ``target`` is still what ``expect`` says.

    ``aside`` is a free name in the staging folder, journalled beforehand. Raises OSError
    only for a failure to write (disk full, permissions); ``staged`` then stays.
    """
    with signals.critical():
        if expect.stat is None:
            return Placed(True) if _link(staged, target) else Placed(False,
                                                                     "changed_during_build")
        reason = _move_aside(target, aside)
        if reason:
            return Placed(False, reason)
        with _put_back_on_failure(aside, target):
            if not accepts(aside, expect):
                _put_back(aside, target)
                return Placed(False, "changed_during_build")
            old = aside.read_bytes() if keep_old else None
            installed = _link(staged, target)  # False: someone saved a new file meanwhile
        aside.unlink()  # the draft pkgen wrote and nobody edited, now replaced
        return Placed(installed, "" if installed else "changed_during_build", old)


def remove(target: Path, expect: Expect, aside: Path) -> bool:
    """Delete ``target`` if it is still what ``expect`` says (moved aside and checked first,
    as for an install); False if it was left alone."""
    with signals.critical():
        try:
            if _move_aside(target, aside):
                return False
        except OSError:
            return False
        with _put_back_on_failure(aside, target):
            if not accepts(aside, expect):
                _put_back(aside, target)
                return False
        aside.unlink()
        return True


def _move_aside(target: Path, aside: Path) -> str:
    """Move ``target`` to ``aside`` in one rename; '' or why it could not be moved."""
    try:
        Path(target).rename(aside)
    except FileNotFoundError:
        return "changed_during_build"  # deleted since planning: the plan no longer holds
    except PermissionError:
        if os.name == "nt":
            return "open_elsewhere"  # Windows: a program holding it open forbids the move
        raise
    return ""


@contextmanager
def _put_back_on_failure(aside: Path, target: Path) -> Iterator[None]:
    """Whatever goes wrong in the block, the file moved aside goes back to its name."""
    try:
        yield
    except BaseException:
        if aside.exists():
            _put_back(aside, target)
        raise


def accepts(path: Path, expect: Expect) -> bool:
    """True if ``path`` is still what the planner saw: its stat, or an accepted content."""
    try:
        found = Stat.of(path)
    except OSError:
        return False
    if not found.writable:  # someone made it read-only: protected
        return False
    if expect.stat is not None and expect.stat.matches(found):
        return True
    if not expect.accept:
        return False
    try:
        current = fingerprint(path)
    except UnreadableError:
        return False
    return any(match(fp, current) for fp in expect.accept)


def link_new(src: Path, dst: Path) -> bool:
    """Give ``src`` the name ``dst`` unless ``dst`` exists; False if it does."""
    return _link(src, dst)


def _link(src: Path, dst: Path) -> bool:
    dst.parent.mkdir(parents=True, exist_ok=True)
    if os.name == "nt":
        try:
            Path(src).rename(dst)  # never replaces on Windows
        except FileExistsError:
            return False
        return True
    try:
        os.link(src, dst)
    except FileExistsError:
        return False
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                             errno.EMLINK, errno.ENOSYS):
            raise
        if dst.exists():  # a file system without hard links: check, then rename
            return False
        Path(src).rename(dst)
        return True
    Path(src).unlink()
    return True


def _put_back(aside: Path, target: Path) -> None:
    """Return a moved file to its name; if someone created that name meanwhile, keep both."""
    try:
        if _link(aside, target):
            return
    except OSError:
        if not target.exists():  # no link here, whatever the reason: a rename will do
            Path(aside).rename(target)
            return
    Path(aside).rename(free_name(target, RECOVERED))


def free_name(path: Path, marker: str) -> Path:
    """``NAME<marker>.docx``, or with -2, -3 … the first that does not exist."""
    stem = path.name[: -len(".docx")] if path.name.endswith(".docx") else path.name
    for n in range(1, 1000):
        candidate = path.with_name(f"{stem}{marker}{'' if n == 1 else f'-{n}'}.docx")
        if not candidate.exists():
            return candidate
    return path.with_name(f"{stem}{marker}-{uuid.uuid4().hex[:8]}.docx")


def new_aside(staging: Path) -> Path:
    """A fresh name in the staging folder for a file moved aside."""
    return staging / f"aside-{uuid.uuid4().hex}.docx"


def recover(drafts: Path) -> list[Problem]:
    """Finish what a killed build left: put back every draft it had moved aside, remove its
    staging folder and journal. Returns notices for files kept under a new name."""
    staging = drafts / STAGING
    notices = []
    for note in read_journal(drafts):
        aside, target = staging / Path(note["aside"]).name, drafts / note["target"]
        if aside.exists():
            kept = _recover_one(aside, target)
            if kept is not None:
                notices.append(Problem("build_recovered", kept, params={"draft": note[
                    "target"]}))
    for leftover in sorted(staging.glob("aside-*")) if staging.is_dir() else []:
        kept = free_name(drafts / "draf", RECOVERED)  # no journal line: keep it visibly
        Path(leftover).rename(kept)
        notices.append(Problem("build_recovered", kept, params={"draft": "?"}))
    # Only pkgen's own staged drafts are left: nothing anybody wrote is removed here.
    shutil.rmtree(staging, ignore_errors=True)
    (drafts / JOURNAL).unlink(missing_ok=True)
    return notices


def _recover_one(aside: Path, target: Path) -> Path | None:
    """Decide between a moved-aside file and what now holds its name."""
    if _link(aside, target):
        return None  # killed before the new draft was linked in: the old one is back
    if _unedited_pkgen_draft(aside):
        aside.unlink()  # the old draft pkgen wrote, replaced as planned
        return None
    if _unedited_pkgen_draft(target):
        Path(aside).replace(target)  # a hand-edited draft wins over a regenerable one
        return None
    kept = free_name(target, RECOVERED)
    Path(aside).rename(kept)
    return kept


def _unedited_pkgen_draft(path: Path) -> bool:
    try:
        package = _Package.read(path)
        return match(read_properties(package).get("pkgen.fingerprint"), fingerprint(package))
    except UnreadableError:
        return False
