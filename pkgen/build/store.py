"""The drafts folder's own files: the manifest, the install journal and the lock.

The manifest is a cache: every draft carries its own provenance and content fingerprint, so a
lost or damaged manifest is rebuilt from the drafts. The journal names the drafts an install
moves aside, so that a build killed in mid-install puts them back. The lock says who holds it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

from ..errors import PkgenError, Problem
from ..files import fsync_folder, output_problem, write_atomic
from .state import Copy, Entry, Record, Stat

MANIFEST = ".pkgen-manifest.json"
DAMAGED = ".pkgen-manifest.rusak.json"
JOURNAL = ".pkgen-journal"
LOCK = ".pkgen-build.lock"
STAGING = ".pkgen-staging"
VERSION = 2

if sys.platform == "win32":  # Windows, where regional offices mostly work
    import msvcrt
else:
    import fcntl


class BuildLockedError(PkgenError):
    """Another build is running on the same drafts folder."""


class ManifestError(ValueError):
    """The manifest is not what pkgen writes."""


# --- manifest ----------------------------------------------------------------------------------

def load_manifest(drafts: Path) -> tuple[dict[str, Entry], Problem | None]:
    """The manifest's entries, or none and the problem when it is damaged (never raises)."""
    path = drafts / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeError) as err:
        return {}, Problem("manifest_invalid", path, params={"detail": str(err)})
    try:
        return parse_manifest(json.loads(text)), None
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        detail = str(err) or type(err).__name__
        return {}, Problem("manifest_invalid", path, params={"detail": detail[:200]})


def parse_manifest(data: object) -> dict[str, Entry]:
    """Entries from the manifest's JSON; raises ManifestError (or TypeError) for any other
    shape. Version 1 manifests (before fingerprints) are read by their stats alone."""
    if not isinstance(data, dict) or not isinstance(data.get("drafts"), dict):
        raise ManifestError("not a pkgen manifest: no 'drafts' object")
    legacy = data.get("versi") == 1
    out = {}
    for name, value in data["drafts"].items():
        if not isinstance(value, dict):
            raise ManifestError(f"{name}: not an object")
        if legacy:
            out[name] = _legacy_entry(name, value)
        else:
            out[name] = Entry(_copy(value.get("draft")), _copy(value.get("beside")))
    return out


def save_manifest(drafts: Path, entries: dict[str, Entry]) -> None:
    """Write the manifest durably, unless it already says exactly this (raises
    OutputError)."""
    data = {"versi": VERSION, "drafts": {
        name: {"draft": _plain(e.draft), "beside": _plain(e.beside)}
        for name, e in sorted(entries.items())}}
    text = json.dumps(data, ensure_ascii=False).encode("utf-8")
    try:
        if (drafts / MANIFEST).read_bytes() == text:
            return  # a build that changed nothing writes nothing
    except OSError:
        pass
    write_atomic(text, drafts / MANIFEST)


def set_aside_damaged(drafts: Path) -> None:
    """Keep a damaged manifest as .pkgen-manifest.rusak.json for whoever wants to look."""
    with contextlib.suppress(OSError):  # it is rewritten at the end of the build either way
        (drafts / MANIFEST).replace(drafts / DAMAGED)


def _copy(value: object) -> Copy | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("path"), str):
        raise ManifestError("an entry without a path")
    record = Record(**{**value["record"], "kinds": tuple(value["record"].get("kinds", ())),
                       "languages": tuple(value["record"].get("languages", ()))})
    size, mtime_ns, inode = value["stat"]
    if not all(isinstance(v, str) for v in (record.input, record.fingerprint)):
        raise ManifestError(f"{value['path']}: malformed record")
    return Copy(value["path"], record, Stat(int(size), int(mtime_ns), int(inode)))


def _plain(copy: Copy | None) -> dict | None:
    if copy is None:
        return None
    record = {f.name: getattr(copy.record, f.name) for f in fields(Record)}  # not asdict: slow
    return {"path": copy.path, "record": record,
            "stat": [copy.stat.size, copy.stat.mtime_ns, copy.stat.inode]}


def _legacy_entry(name: str, value: dict) -> Entry:
    """A version 1 entry: the draft is known unedited only while its size and time hold."""
    record = Record(value["input"], value["input_sha256"], dict(value["depends"]),
                    value["template"], value["template_sha256"], value["rulebook_sha256"],
                    value["pkgen_version"], "", value.get("kind", ""),
                    value.get("verdict", "ok"))
    if value.get("text_sha256") == "edited" or value.get("size", -1) < 0:
        return Entry()
    return Entry(Copy(name, record, Stat(int(value["size"]), int(value["mtime_ns"]), -1)))


# --- journal -----------------------------------------------------------------------------------

def write_journal(drafts: Path, notes: list[dict]) -> None:
    """Note, durably and before any of them happens, every draft an install may move aside."""
    if not notes:
        return
    path = drafts / JOURNAL
    try:
        with path.open("a", encoding="utf-8") as handle:
            for note in notes:
                handle.write(json.dumps(note, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as err:
        raise PkgenError(output_problem(path, err)) from err
    fsync_folder(drafts)


def read_journal(drafts: Path) -> list[dict]:
    """The notes of a build that did not finish (a line cut short by a crash is skipped)."""
    try:
        text = (drafts / JOURNAL).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    notes = []
    for line in text.splitlines():
        try:
            note = json.loads(line)
        except ValueError:
            continue
        if isinstance(note, dict) and isinstance(note.get("target"), str) and isinstance(
                note.get("aside"), str):
            notes.append(note)
    return notes


# --- lock --------------------------------------------------------------------------------------

@contextmanager
def locked(drafts: Path) -> Iterator[int]:
    """Hold the drafts folder's lock, or raise :class:`BuildLockedError` naming its holder.

    The lock file records who holds it (process, computer, since when). A lock whose holder
    is gone is taken over: the operating system drops a dead process's lock by itself, and a
    lock still held by a process that only inherited it is replaced by a new lock file.
    Yields the lock's file descriptor (worker processes close their copy of it).
    """
    path = drafts / LOCK
    for _attempt in range(3):
        fd = _open(path)
        if _try_lock(fd):
            if _same_file(fd, path):
                break
        else:
            holder = _holder(path)
            if not _gone(holder) or not _same_file(fd, path):
                os.close(fd)
                raise BuildLockedError(Problem("build_locked", drafts, params=_described(
                    holder)))
            path.unlink(missing_ok=True)  # held only by an orphan: a new file, a new lock
        os.close(fd)
    else:
        raise BuildLockedError(Problem("build_locked", drafts, params=_described({})))
    try:
        _record_holder(fd)
        yield fd
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as err:
        raise PkgenError(Problem("folder_not_writable", path.parent, params={
            "detail": err.strerror or str(err)})) from err


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == path.stat().st_ino
    except OSError:
        return False


def _record_holder(fd: int) -> None:
    info = {"pid": os.getpid(), "host": socket.gethostname(),
            "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "command": " ".join(Path(a).name for a in sys.argv[:2])}
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info).encode("utf-8"))
    except OSError:
        pass  # the lock holds without its note; a second build then names no process


def _holder(path: Path) -> dict:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _gone(holder: dict) -> bool:
    """True if the recorded holder is a process of this computer that no longer runs."""
    pid = holder.get("pid")
    if os.name == "nt" or not isinstance(pid, int) or holder.get("host") != \
            socket.gethostname():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _described(holder: dict) -> dict[str, object]:
    return {"pid": holder.get("pid", "?"), "host": holder.get("host", "?"),
            "since": holder.get("since", "?")}


if sys.platform == "win32":
    _FAR = 2**30  # lock a byte past the note, so that others can still read who holds it

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _FAR, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _FAR, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
