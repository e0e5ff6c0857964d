"""Reading a whole register: the facts of every input, in worker processes when it is large."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from ..checks import load_rulebook
from ..register import scan
from .facts import Facts, read_facts

#: Below this many inputs, starting processes costs more than it saves.
PARALLEL_FROM = 48


def collect(register: Path, rules: Path | None = None, jobs: int = 1) -> list[Facts]:
    """The facts of every input of ``register`` (see :func:`pkgen.register.scan`), in path
    order, read in ``jobs`` processes; ``rules`` is the rulebook (None: the built-in one).

    An input that cannot be loaded gives facts saying why; only a broken rulebook raises.
    """
    paths = scan(register)
    book = load_rulebook(rules)  # a broken rulebook stops here, before any process starts
    if jobs <= 1 or len(paths) < PARALLEL_FROM:
        return [read_facts(path, register, book) for path in paths]
    workers = min(jobs, len(paths) // (PARALLEL_FROM // 2))
    chunk = max(1, len(paths) // (workers * 8))
    with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
        return list(pool.map(_read, paths, repeat(register), repeat(rules), chunksize=chunk))


def _read(path: Path, register: Path, rules: Path | None) -> Facts:
    return read_facts(path, register, load_rulebook(rules))


def _context():
    """fork where it is safe (Linux, no other thread): the rulebook is loaded already."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
