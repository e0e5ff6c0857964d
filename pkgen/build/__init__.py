"""Regenerate a register of inputs into a drafts folder: incremental, and never losing an edit.

A build:

1. takes the drafts folder's lock and puts right whatever a killed build left (``store``,
   ``install.recover``);
2. plans from cheap facts: file hashes, stats, then content fingerprints — new, stale,
   unchanged, hand-edited (``plan``);
3. renders what is new or stale in worker processes from one snapshot of each input, into a
   staging folder, checking every input and every draft (``worker``);
4. installs each draft only if its place still holds what the plan saw, else beside it
   (``install``), and saves the manifest as the disk now is (``run``);
5. reports what changed, article by article (``changes``).

Each guarantee lives in one module: what counts as an edit in :mod:`pkgen.fingerprint`,
the last-moment check in ``install``, the snapshot in ``worker``, the lock and the manifest
in ``store``, interruptions in ``signals``.
"""

from __future__ import annotations

from .._version import __version__
from ..paths import INPUT_SUFFIXES
from ..register import scan, unfollowed_ksb
from .changes import describe, report_markdown
from .planning import BESIDE, links_of, plan
from .run import REDLINE, REPORT, build
from .signals import BuildInterrupted
from .state import Entry, Failure, Item, Options, Record, Result, State
from .store import JOURNAL, LOCK, MANIFEST, STAGING, BuildLockedError

__all__ = [
    "BESIDE", "INPUT_SUFFIXES", "JOURNAL", "LOCK", "MANIFEST", "REDLINE", "REPORT", "STAGING",
    "BuildInterrupted", "BuildLockedError", "Entry", "Failure", "Item", "Options", "Record",
    "Result", "State", "__version__", "build", "describe", "links_of", "plan", "report_markdown",
    "scan",
    "unfollowed_ksb",
]
