"""Durable file writes: a temporary file, flushed, then renamed; the folder flushed after.

Every file pkgen writes goes through here or through the build's install step, so that a
crash or a power cut leaves each file either as it was or as it was meant to be.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from .errors import OutputError, Problem


def write_atomic(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` durably through a temporary file and a rename.

    The temporary file is flushed to disk before the rename and the folder after it, so that
    even a power cut leaves ``target`` old or new. A failure at any point leaves ``target`` as
    it was (absent or the old file) and no temporary file behind.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OutputError(output_problem(target, err)) from err
    try:
        Path(tmp).chmod(file_mode())  # mkstemp makes 0600; a draft is an ordinary file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(target)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise OutputError(output_problem(target, err)) from err
        raise
    fsync_folder(target.parent)


def output_problem(target: Path, err: OSError) -> Problem:
    """The message for a file that could not be written: a full disk is named as such."""
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return Problem("disk_full", target)
    return Problem("output_write_failed", target, params={"detail": err.strerror or str(err)})


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename in it) to disk; a no-op where folders cannot be
    opened (Windows, where a rename is durable once it returns)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        # Some file systems cannot flush a folder; the rename itself has happened.
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def file_mode() -> int:
    """The mode a new ordinary file gets here (0o666 less the umask)."""
    return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
