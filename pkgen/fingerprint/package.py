"""The parts of a .docx that hold what a reader sees, read with limits and resolved by relation.

A draft on disk may have been replaced by anything, so it is read like any file from outside:
size limits on every part, XML without DTDs, entities or network access.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"


class UnreadableError(Exception):
    """The file is not a .docx whose content can be read."""


class Package:
    """Read-only view of a .docx: raw parts, their XML parsed once, their relations.

    ``overrides`` replace parts by XML already in memory (a draft being rendered), so that
    its fingerprint is computed without writing and re-reading it.
    """

    def __init__(self, parts: Mapping[str, bytes],
                 overrides: Mapping[str, etree._Element] | None = None,
                 shared: dict | None = None) -> None:
        self._parts = parts
        self._xml: dict[str, etree._Element | None] = dict(overrides or {})
        self.shared = shared if shared is not None else {}  # what overrides cannot change

    @classmethod
    def read(cls, source: Path | bytes) -> Package:
        """Open a .docx from a path or bytes; raise :class:`UnreadableError` if it is none.

        Parts are decompressed when first asked for, each within the size limits.
        """
        try:
            data = source if isinstance(source, bytes) else Path(source).read_bytes()
            return cls(_LazyParts(zipfile.ZipFile(io.BytesIO(data))))
        except (zipfile.BadZipFile, OSError, ValueError) as err:
            raise UnreadableError(str(err)) from err

    def with_overrides(self, overrides: Mapping[str, etree._Element]) -> Package:
        """The same package with some parts replaced; styles and media stay shared."""
        return Package(self._parts, overrides, self.shared)

    def blob(self, name: str) -> bytes | None:
        """The raw bytes of part ``name`` (no leading slash), or None."""
        return self._parts.get(name)

    def digest(self, name: str) -> str:
        """SHA-256 of a part's bytes ('' when absent); media are hashed once."""
        key = ("digest", name)
        if key not in self.shared:
            data = self._parts.get(name)
            self.shared[key] = hashlib.sha256(data).hexdigest() if data is not None else ""
        return self.shared[key]

    def xml(self, name: str | None) -> etree._Element | None:
        """Part ``name`` parsed, or None when absent; raises UnreadableError for bad XML."""
        if name is None:
            return None
        if name not in self._xml:
            key = ("xml", name)  # a part not overridden is the same in every view: shared
            if key not in self.shared:
                data = self._parts.get(name)
                self.shared[key] = None if data is None else _parse(data, name)
            self._xml[name] = self.shared[key]
        return self._xml[name]

    def rels(self, name: str) -> dict[str, tuple[str, str, bool]]:
        """The relations of part ``name``: id -> (type, target part or URL, external)."""
        key = ("rels", name)  # relations are never overridden: shared
        if key in self.shared:
            return self.shared[key]
        folder, base = posixpath.split(name)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str, bool]] = {}
        for rel in (root if root is not None else []):
            if rel.tag != f"{_REL_NS}Relationship":
                continue
            target, external = rel.get("Target", ""), rel.get("TargetMode") == "External"
            if not external:
                target = posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                            else posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], target, external)
        self.shared[key] = out
        return out

    def related(self, name: str, kind: str) -> str | None:
        """The first part that ``name`` relates to with a relation of type ``kind``."""
        for rel_type, target, external in self.rels(name).values():
            if rel_type == kind and not external:
                return target
        return None

    def target(self, name: str, rid: str | None) -> str:
        """What relation ``rid`` of part ``name`` points to, as a reader sees it: the hash of
        an internal part (a header or footer by its name), or an external URL."""
        found = self.rels(name).get(rid or "")
        if found is None:
            return "?"
        rel_type, target, external = found
        if external or rel_type in ("header", "footer"):
            return target
        return self.digest(target)[:32]

    def main(self) -> str:
        """The main document part (``word/document.xml`` in every ordinary file)."""
        return self.related("", "officeDocument") or "word/document.xml"


class _LazyParts(Mapping):
    """The members of a ZIP archive, decompressed on demand within the size limits."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive
        self._infos = {i.filename: i for i in archive.infolist() if not i.is_dir()}
        self._read: dict[str, bytes] = {}
        self._total = 0

    def __getitem__(self, name: str) -> bytes:
        if name not in self._read:
            info = self._infos[name]
            try:
                with self._archive.open(info) as member:
                    data = member.read(MAX_PART_BYTES + 1)  # the declared size may lie
            except (zipfile.BadZipFile, EOFError, zlib.error, OSError, ValueError) as err:
                raise UnreadableError(f"{name}: {err}") from err
            self._total += len(data)
            if len(data) > MAX_PART_BYTES or self._total > MAX_TOTAL_BYTES:
                raise UnreadableError(f"{name}: too large")
            self._read[name] = data
        return self._read[name]

    def __iter__(self):
        return iter(self._infos)

    def __len__(self) -> int:
        return len(self._infos)


def _parse(data: bytes, name: str) -> etree._Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise UnreadableError(f"{name}: DOCTYPE")
    try:
        return etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as err:
        raise UnreadableError(f"{name}: {err}") from err
