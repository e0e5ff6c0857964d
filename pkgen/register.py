"""The register: the input files under a folder, and which PKS follows which KSB.

One reading for every command that looks at a register as a whole. ``pkgen build`` plans
the inputs :func:`scan` finds and lists, in its report, the KSBs :func:`unfollowed_ksb`
finds; ``pkgen rekap`` reads the same inputs and raises the same KSBs as an alert. A PKS
follows a KSB of the register when its ``ksb.berkas`` names that KSB's input file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .paths import INPUT_SUFFIXES


def scan(register: Path, drafts: Path | None = None) -> list[Path]:
    """Every input file under ``register`` (YAML inputs and filled forms), in path order,
    skipping hidden folders and the drafts folder."""
    drafts = drafts.resolve() if drafts is not None else None
    within: dict[Path, bool] = {}  # whether a folder really lies in the drafts folder
    found = []
    for path in sorted(register.rglob("*")):
        if path.suffix.lower() not in INPUT_SUFFIXES or not path.is_file():
            continue
        parts = path.relative_to(register).parts
        if any(p.startswith(".") for p in parts):
            continue
        if drafts is not None and _in_folder(path, drafts, within):
            continue
        found.append(path)
    return found


def _in_folder(path: Path, folder: Path, within: dict[Path, bool]) -> bool:
    """True if ``path`` really lies in ``folder`` (a resolved path), as ``path.resolve()``
    says: a file that is no link lies where its folder really lies, found once per folder."""
    if path.is_symlink():
        return folder in path.resolve().parents
    parent = path.parent
    found = within.get(parent)
    if found is None:
        real = parent.resolve()
        found = within[parent] = real == folder or folder in real.parents
    return found


def in_register(path: Path, register: Path) -> str:
    """``path``'s place in the register (``tpa/ksb-tpa.yaml``), or its absolute path when it
    lies outside the register."""
    if ".." not in path.parts:
        try:  # a path found by scan(): its place without asking the file system
            return path.relative_to(register).as_posix()
        except ValueError:
            pass
    resolved = path.resolve()
    try:
        return resolved.relative_to(register.resolve()).as_posix()
    except ValueError:
        return str(resolved)


@dataclass(frozen=True)
class Link:
    """One input of the register as far as links go: its place, its kind of document, and
    for a PKS the place of the KSB input it follows (None: none, or written inline)."""

    input: str
    dokumen: str  # "PKS" or "KSB"
    ksb: str | None = None


def followers(links: Iterable[Link]) -> dict[str, list[str]]:
    """For each KSB input of the register, the PKS inputs that follow it, in path order."""
    links = list(links)
    out: dict[str, list[str]] = {link.input: [] for link in links if link.dokumen == "KSB"}
    for link in sorted(links, key=lambda k: k.input):
        if link.dokumen == "PKS" and link.ksb in out:
            out[link.ksb].append(link.input)
    return out


def unfollowed_ksb(links: Iterable[Link]) -> list[str]:
    """The KSB inputs of the register that no PKS follows yet: agreements still to be made."""
    return sorted(ksb for ksb, pks in followers(links).items() if not pks)
