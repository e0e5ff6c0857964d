"""``pkgen render``'s writes: the build's install path for drafts written one by one.

A draft replaces a file only if that file is a pkgen draft nobody edited (or with ``force``,
any file not made read-only), checked again at the last moment. In a drafts folder (one with
a build manifest) the build's lock is held and its staging folder and journal are used, so a
render and a build never write at the same time and a killed render is put right.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import ExitStack
from pathlib import Path

from ..errors import OutputError
from ..files import file_mode, fsync_folder, output_problem
from .install import free_name, new_aside, place, recover
from .planning import Seen, inspect
from .state import Expect
from .store import MANIFEST, STAGING, locked, write_journal


def replaceable(target: Path, force: bool) -> Expect | None:
    """What ``target`` may hold and be replaced (absent, an unedited draft, or with ``force``
    any writable file); None if it must be left alone."""
    look = inspect(target, None, target.name)
    if look.seen is Seen.ABSENT:
        return Expect()
    if look.seen is Seen.UNEDITED:
        return Expect(look.stat, look.accept)
    if force and look.seen is Seen.EDITED and look.stat is not None:
        return Expect(look.stat, ())
    return None


def write_drafts(drafts: list[tuple[bytes, Path]], force: bool) -> list[tuple[Path, bool]]:
    """Write each (data, target); returns each target and whether it was written (False: it
    changed since it was checked, and was left alone). Raises OutputError (disk full …)."""
    folders = sorted({t.parent.resolve() for _d, t in drafts})
    out = []
    with ExitStack() as stack:
        for folder in folders:
            if (folder / MANIFEST).exists():
                stack.enter_context(locked(folder))
                recover(folder)
        for data, target in drafts:
            out.append((target, _write_one(data, target, force)))
    for folder in folders:
        fsync_folder(folder)
    return out


def _write_one(data: bytes, target: Path, force: bool) -> bool:
    expect = replaceable(target, force)
    if expect is None:
        return False
    folder = target.parent.resolve()
    managed = (folder / MANIFEST).exists()
    staging = folder / STAGING if managed else folder
    staged = None
    try:
        staging.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=staging)
        staged = Path(name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(staged).chmod(file_mode())
        aside = new_aside(staging) if managed else free_name(target, ".pkgen-lama")
        if managed and expect.stat is not None:
            write_journal(folder, [{"target": target.name, "aside": aside.name}])
        return place(staged, target, expect, aside).ok
    except OSError as err:
        raise OutputError(output_problem(target, err)) from err
    finally:
        if staged is not None:
            staged.unlink(missing_ok=True)
        if managed:
            recover(folder)  # puts back anything left aside; removes staging and journal
