"""Compiled templates kept on disk, so that each new process (a build's worker, a command)
need not compile the same template again: most of what preparing a template costs.

A template's source compiles to Python code and to the names it uses; both are kept in the
user's cache folder (``$PKGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/pkgen`` or
``~/.cache/pkgen``; ``PKGEN_CACHE_DIR=`` with no value keeps nothing), under the hash of the
source and of everything the code depends on besides it: the versions of Jinja, of Python's
bytecode and of pkgen, and the environment's settings. A file that cannot be read back is
compiled again; a folder that cannot be written is simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import tempfile
from pathlib import Path
from types import CodeType

import jinja2
import jinja2.meta

from ._version import __version__

_FORMAT = 1


def compiled(env: jinja2.Environment, source: str) -> tuple[CodeType, frozenset[str]]:
    """``source`` compiled in ``env``, and the names it uses that it does not set itself
    (:func:`jinja2.meta.find_undeclared_variables`). Raises what compiling raises."""
    folder = _folder()
    path = folder / f"{_key(env, source)}.bin" if folder is not None else None
    if path is not None:
        found = _read(path)
        if found is not None:
            return found
    tree = env.parse(source)
    names = frozenset(jinja2.meta.find_undeclared_variables(tree))
    code = env.compile(tree)
    if path is not None:
        _write(path, marshal.dumps((_FORMAT, sorted(names), code)))
    return code, names


def _folder() -> Path | None:
    chosen = os.environ.get("PKGEN_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / "templates" if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pkgen" / "templates"


def _key(env: jinja2.Environment, source: str) -> str:
    settings = (type(env).__qualname__, env.autoescape, _name(env.finalize),
                _name(env.undefined), env.block_start_string, env.block_end_string,
                env.variable_start_string, env.variable_end_string, env.comment_start_string,
                env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
                env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                env.keep_trailing_newline, env.optimized, sorted(env.extensions))
    head = repr((_FORMAT, __version__, jinja2.__version__, importlib.util.MAGIC_NUMBER,
                 settings))
    return hashlib.sha256(f"{head}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()


def _name(value: object) -> str | None:
    """A function by its name and its code: what it makes of a constant is compiled in."""
    if value is None:
        return None
    code = getattr(value, "__code__", None)
    digest = hashlib.sha256(marshal.dumps(code)).hexdigest() if code is not None else ""
    return f"{getattr(value, '__module__', '')}." \
        f"{getattr(value, '__qualname__', type(value).__qualname__)}:{digest}"


def _read(path: Path) -> tuple[CodeType, frozenset[str]] | None:
    try:
        kept = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(kept, tuple) and len(kept) == 3 and kept[0] == _FORMAT
            and isinstance(kept[1], list) and all(isinstance(n, str) for n in kept[1])
            and isinstance(kept[2], CodeType)):
        return None
    return kept[2], frozenset(kept[1])


def _write(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a process reading it meanwhile sees either)."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            Path(temporary).replace(path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
