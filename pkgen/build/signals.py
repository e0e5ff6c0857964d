"""Ctrl-C and SIGTERM during a build: stop between steps, never inside one.

While a build runs, SIGINT and SIGTERM raise :class:`BuildInterrupted` so that the build's
clean-up runs (workers stopped, manifest saved, staging removed). Inside a critical step (the
few system calls that move a draft aside and install its successor) they are held back until
the step is done. A signal that arrives where Python sets exceptions aside (a weakref
callback, a finalizer: "Exception ignored in …") is not lost: it is raised at the build's next
step (:func:`check`, or the end of a critical one). kill -9 cannot be caught; the next build's
recovery covers it.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class BuildInterrupted(KeyboardInterrupt):
    """The build was stopped by a signal (Ctrl-C or SIGTERM)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _State:
    active = False
    critical = 0
    pending: int | None = None


def _handler(signum: int, _frame) -> None:
    if _State.critical:
        _State.pending = signum
        return
    raise BuildInterrupted(signum)


@contextmanager
def interruptible() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`BuildInterrupted` for the block (main thread
    only: elsewhere the signals keep their handlers and the next build recovers)."""
    if threading.current_thread() is not threading.main_thread() or _State.active:
        yield
        return
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, _handler)
    unraisable = sys.unraisablehook
    sys.unraisablehook = _set_aside(unraisable)
    _State.active = True
    try:
        yield
    finally:
        _State.active = False
        _State.pending = None
        sys.unraisablehook = unraisable
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _set_aside(previous):
    """``sys.unraisablehook`` keeping a :class:`BuildInterrupted` that Python set aside for
    the build's next step, instead of printing it; anything else goes to ``previous``."""
    def hook(unraisable) -> None:
        if isinstance(unraisable.exc_value, BuildInterrupted) and _State.active:
            _State.pending = unraisable.exc_value.signum
            return
        previous(unraisable)
    return hook


def check() -> None:
    """Raise :class:`BuildInterrupted` for a signal set aside since (see the module's
    docstring); between steps, outside any critical one."""
    if _State.active and not _State.critical and _State.pending is not None:
        signum, _State.pending = _State.pending, None
        raise BuildInterrupted(signum)


@contextmanager
def critical() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back until the block ends, then act on them."""
    _State.critical += 1
    try:
        yield
    finally:
        _State.critical -= 1
        if not _State.critical and _State.pending is not None:
            signum, _State.pending = _State.pending, None
            if _State.active:
                raise BuildInterrupted(signum)
