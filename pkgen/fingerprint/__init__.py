"""Content fingerprints of .docx files: equal when nobody changed what a reader sees.

``fingerprint(draft)`` is a short text: a version, the SHA-256 of the canonical reading of the
document (see :mod:`pkgen.fingerprint.canon`) and the lengths re-savers recompute (table
columns, picture sizes, in twips). Two fingerprints :func:`match` when the hashes are equal and
every length agrees within :data:`TOLERANCE_TWIPS`. Opening a draft in Word or LibreOffice and
saving it without a change keeps its fingerprint; any edit a person makes changes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from .canon import Canon
from .package import CUSTOM_NS, Package, UnreadableError

__all__ = ["VERSION", "Package", "UnreadableError", "canonical", "fingerprint", "match",
           "read_properties"]

VERSION = "1"
#: Re-savers round table columns and picture sizes; a person dragging a border moves it more.
TOLERANCE_TWIPS = 20


def fingerprint(source: Path | bytes | Package,
                overrides: Mapping[str, etree._Element] | None = None) -> str:
    """The fingerprint of a .docx (a path, its bytes, or an opened :class:`Package`).

    ``overrides`` replace parts of an opened package by XML in memory. Raises
    :class:`UnreadableError` for a file that is not a readable .docx.
    """
    package = source if isinstance(source, Package) else Package.read(source)
    if overrides:
        package = package.with_overrides(overrides)
    canon = _read(package)
    digest = hashlib.sha256("\x1e".join(canon.tokens).encode("utf-8")).hexdigest()
    return f"{VERSION}:{digest}:{'.'.join(str(n) for n in canon.lengths)}"


def canonical(source: Path | bytes | Package) -> list[str]:
    """The canonical reading itself, one token per line of the hash (for diagnostics)."""
    package = source if isinstance(source, Package) else Package.read(source)
    canon = _read(package)
    return [*canon.tokens, "LENGTHS|" + ".".join(str(n) for n in canon.lengths)]


def _read(package: Package) -> Canon:
    """The canonical reading; content nobody foresaw is unreadable, never a crash: a file
    whose fingerprint cannot be read is treated as someone's, and never replaced unasked."""
    try:
        return Canon(package).read()
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as err:
        raise UnreadableError(f"unforeseen content: {err}") from err


def match(recorded: str | None, current: str | None) -> bool:
    """True if two fingerprints describe the same content; False if either is missing."""
    if not recorded or not current:
        return False
    try:
        version_a, digest_a, lengths_a = recorded.split(":")
        version_b, digest_b, lengths_b = current.split(":")
        a = [int(n) for n in lengths_a.split(".") if n]
        b = [int(n) for n in lengths_b.split(".") if n]
    except ValueError:
        return False
    return (version_a == version_b == VERSION and digest_a == digest_b and len(a) == len(b)
            and all(abs(x - y) <= TOLERANCE_TWIPS for x, y in zip(a, b, strict=True)))


def read_properties(package: Package) -> dict[str, str]:
    """The document's custom properties (pkgen stamps its provenance there)."""
    root = package.xml(package.related("", "custom-properties"))
    out: dict[str, str] = {}
    for prop in (root if root is not None else []):
        if prop.tag == f"{{{CUSTOM_NS}}}property":
            value = next(iter(prop), None)
            out[prop.get("name", "")] = (value.text or "") if value is not None else ""
    return out
