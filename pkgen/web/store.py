"""The register on disk, as the web application reads and writes it.

Every file the application writes is inside the register: inputs where the user names them
(names made safe, never outside, never hidden), drafts in ``drafts/``, and its own state in
``.pkgen-web/`` (which ``pkgen build`` skips, as it skips every hidden folder): the secret,
scratch files, previews, the previous version of every input it replaced, and the version of
anyone whose save met a newer one. Saves and builds take the register's build lock, so they
never overlap, and every write is atomic, so a server stopped at any moment loses nothing
that was saved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..build.store import BuildLockedError, locked
from ..errors import OutputError, Problem
from ..inputs import INPUT_SUFFIXES, YAML_SUFFIXES
from ..paths import safe_stem
from ..render import write_atomic

STATE = ".pkgen-web"
DRAFTS = "drafts"
#: How long a save waits for a running build before saying so.
SAVE_WAIT = 60.0


@dataclass(frozen=True)
class Saved:
    """A save: written (``digest`` is the file's new hash), or met a newer version
    (``conflict`` is where the user's version was kept instead)."""

    name: str
    digest: str | None = None
    conflict: str | None = None


def digest_of(data: bytes) -> str:
    """The hash a page carries to say which version of a file it was made from."""
    return hashlib.sha256(data).hexdigest()


@contextmanager
def build_lock(drafts: Path, wait: float) -> Iterator[None]:
    """Hold the register's build lock, waiting up to ``wait`` seconds for a build to finish;
    :class:`BuildLockedError` if it is still held then."""
    deadline = time.monotonic() + wait
    with ExitStack() as stack:
        while True:
            try:
                stack.enter_context(locked(drafts))
                break
            except BuildLockedError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)
        yield


class Register:
    """A register folder: inputs, ``drafts/`` and the application's ``.pkgen-web/``."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.drafts = self.root / DRAFTS
        self.state = self.root / STATE
        self.lock = threading.Lock()  # saves and builds of this server, in turn

    def folder(self, name: str) -> Path:
        """A private folder of the application (created)."""
        path = self.state / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def resolve(self, name: str, *, inputs_only: bool = True) -> Path | None:
        """The register file a user's ``name`` means ('tpa/pks-tpa.yaml'), or None when the
        name leaves the register, is hidden, or (``inputs_only``) is not an input file."""
        parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
        if not parts or any(p == ".." or p.startswith(".") for p in parts):
            return None
        if any(safe_stem(p) != p for p in parts[:-1]):
            return None
        if inputs_only and PurePosixPath(parts[-1]).suffix.lower() not in INPUT_SUFFIXES:
            return None
        path = self.root.joinpath(*parts)
        try:
            inside = path.resolve().is_relative_to(self.root)
        except OSError:
            return None
        if not inside or self.drafts in path.resolve().parents or self.state in \
                path.resolve().parents:
            return None
        return path

    def name_for(self, wanted: str) -> str | None:
        """A safe input name from what a user typed: folders kept, the file's stem made safe,
        ``.yaml`` added; None when nothing safe is left (``..``, a hidden name …)."""
        parts = [p.strip() for p in wanted.replace("\\", "/").split("/") if p.strip()]
        if not parts or any(p in ("..", ".") or p.startswith(".") for p in parts):
            return None
        last = PurePosixPath(parts[-1])
        stem = last.stem if last.suffix.lower() in YAML_SUFFIXES else last.name
        parts = [safe_stem(p) for p in parts[:-1]] + [f"{safe_stem(stem)}.yaml"]
        name = "/".join(parts)
        return name if self.resolve(name) is not None else None

    def relative(self, path: Path) -> str:
        """``path`` relative to the register, with forward slashes."""
        return path.resolve().relative_to(self.root).as_posix()

    def clash(self, name: str) -> str | None:
        """Another input that would make the same draft as ``name`` (x.xlsx beside x.yaml)."""
        path = self.resolve(name)
        if path is None:
            return None
        for suffix in INPUT_SUFFIXES:
            other = path.with_suffix(suffix)
            if other != path and other.is_file():
                return self.relative(other)
        return None

    def save(self, name: str, data: bytes, base: str) -> Saved:
        """Write ``data`` as the input ``name`` unless it changed since the version ``base``
        (empty: a new file) was read; then the data is kept in ``.pkgen-web/konflik/``."""
        path = self.resolve(name)
        if path is None:
            raise OutputError(Problem("web_bad_name", params={"name": name}))
        self.drafts.mkdir(parents=True, exist_ok=True)
        if not self.lock.acquire(timeout=SAVE_WAIT):
            raise OutputError(Problem("web_build_busy"))
        try:
            with build_lock(self.drafts, SAVE_WAIT):
                current = path.read_bytes() if path.is_file() else None
                if current is not None and digest_of(current) != base:
                    return Saved(name, conflict=self._keep(self.folder("konflik"), name, data))
                if current is not None:
                    self._keep(self.folder("riwayat"), name, current)
                write_atomic(data, path)
                return Saved(name, digest=digest_of(data))
        finally:
            self.lock.release()

    def _keep(self, folder: Path, name: str, data: bytes) -> str:
        """Keep a copy of ``data`` (an input named ``name``) in ``folder``; return its path
        relative to the register."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        flat = safe_stem(name.replace("/", "__"))
        target = folder / f"{flat}.{stamp}-{secrets.token_hex(3)}.yaml"
        write_atomic(data, target)
        return self.relative(target)

    def inputs(self) -> list[Path]:
        """The register's input files, as ``pkgen build`` finds them."""
        from ..build import scan

        return scan(self.root, self.drafts)
