"""Reading a rulebook file: validated (:func:`load_rulebook`), or only its digest."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, Problem
from ..paths import MAX_INPUT_BYTES
from ..yamlread import Parsed, parse_yaml

if TYPE_CHECKING:
    from .rulebook import Rulebook


def builtin_rulebook_path() -> Path:
    """Path of the rulebook shipped with pkgen."""
    return Path(str(resources.files("pkgen.checks").joinpath("rulebook.yaml")))


@lru_cache(maxsize=8)
def load_rulebook(path: Path | None = None) -> Rulebook:
    """Load and validate a rulebook (default: the built-in one).

    Raises :class:`InputError` with file, line and key for a broken rulebook.
    """
    from pydantic import ValidationError  # pydantic loads only where rules are checked

    from .rulebook import Rulebook

    path, raw, parsed = _read(path)
    try:
        book = Rulebook.model_validate(parsed.data)
    except ValidationError as err:
        from ..inputs import problem_from_pydantic

        raise InputError(
            [problem_from_pydantic(e, Rulebook, parsed.lines, path) for e in err.errors()]
        ) from err
    return book.model_copy(update={"digest": _digest(raw, parsed.lines)})


@lru_cache(maxsize=8)
def rulebook_digest(path: Path | None = None) -> str:
    """The digest of the rulebook :func:`load_rulebook` loads, read without validating it (nor
    compiling its hundreds of patterns): what a build compares with its drafts' records before
    it knows whether it renders anything. Raises :class:`InputError` for a file that cannot
    be read as YAML."""
    _path, raw, parsed = _read(path)
    return _digest(raw, parsed.lines)


def _read(path: Path | None) -> tuple[Path, bytes, Parsed]:
    path = path or builtin_rulebook_path()
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(Problem("file_not_found", path)) from err
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(Problem("file_too_large", path, params={
            "size": len(raw), "limit": MAX_INPUT_BYTES}))
    return path, raw, _parsed(raw, path)


@lru_cache(maxsize=4)
def _parsed(raw: bytes, path: Path) -> Parsed:
    """The rulebook's YAML, parsed once for its digest and its rules (a build asks both)."""
    return parse_yaml(raw, path)


def _digest(raw: bytes, lines: dict) -> str:
    """The hash of every byte of the rulebook but its ``rekap`` part's: only ``pkgen rekap``
    reads that part, so changing a threshold there renders no draft again."""
    start = lines.get(("rekap",))
    if start is None:
        return hashlib.sha256(raw).hexdigest()
    # The part ends where the next top-level key starts, or (the last part) after its last key.
    end = min((n for key, n in lines.items() if len(key) == 1 and n > start), default=None)
    if end is None:
        end = max(n for key, n in lines.items() if key[0] == "rekap") + 1
    text = raw.splitlines(keepends=True)
    return hashlib.sha256(b"".join(text[:start - 1] + text[end - 1:])).hexdigest()
