"""Read text and properties out of .docx files, in reading order.

The only module besides ``render.py`` that walks a Word document's structure: python-docx for
pkgen's own drafts, a hardened ZIP and XML reader for any file given to the checker.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from lxml import etree

from .errors import DocumentError, Problem
from .lru import LRU

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_RT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


_T, _TAB, _BR, _CR = (f"{_W}{n}" for n in ("t", "tab", "br", "cr"))
#: What the text of a paragraph is made of: as pkgen wrote it (its provenance hash), and as a
#: reader sees it (line breaks of every kind). Words a tracked change deletes are not text.
WRITTEN = (_T, _TAB, _BR)
READ = (_T, _TAB, _BR, _CR)


def paragraph_text(p: etree._Element, tags: tuple[str, ...] = WRITTEN) -> str:
    """The text of paragraph ``p``: tabs as a tab, breaks as a newline, as Word shows them."""
    return "".join((node.text or "") if node.tag == _T else
                   "\t" if node.tag == _TAB else "\n" for node in p.iter(*tags))


def paragraph_texts(element: etree._Element) -> Iterator[str]:
    """Yield the text of every paragraph under ``element`` (tables included), in order."""
    for p in element.iter(f"{_W}p"):
        yield paragraph_text(p)


def document_text(doc: DocumentObject) -> str:
    """Return the body text of ``doc``, one paragraph per line."""
    return "\n".join(paragraph_texts(doc.element.body))


def text_hash(doc: DocumentObject) -> str:
    """Return a hash of the body text; equal text means no one edited the words."""
    return hashlib.sha256(document_text(doc).encode("utf-8")).hexdigest()


def open_document(path: Path) -> DocumentObject:
    """Open ``path`` with python-docx."""
    from docx import Document  # python-docx loads only where a document is opened with it

    return Document(str(path))


def custom_properties(doc: DocumentObject) -> dict[str, str]:
    """Return the document's custom properties (File > Properties > Custom in Word)."""
    for rel in doc.part.package.rels.values():
        if rel.reltype == CUSTOM_RT and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            out = {}
            for prop in root.findall(f"{{{CUSTOM_NS}}}property"):
                value = next(iter(prop), None)
                out[prop.get("name", "")] = value.text or "" if value is not None else ""
            return out
    return {}


def package_property(path: Path, name: str) -> str | None:
    """The custom property ``name`` of the Word file at ``path`` (read from its ZIP without
    opening the document), or None if it has none or cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read("docProps/custom.xml")
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
        if prop.get("name") == name:
            return "".join(prop.itertext())
    return None


def listed(text: str | None) -> frozenset[str] | None:
    """A property listing names ('pks_ksdpl, pks_ksdll'), lower case; None for none."""
    names = frozenset(k.strip().lower() for k in (text or "").split(",") if k.strip())
    return names or None


# --- reading any .docx for the checker ----------------------------------------------------------
# Files given to the checker come from outside: they are opened as ZIP archives with size
# limits and their XML is parsed without DTDs, entities or network access, so that a hostile
# file is refused in bounded time and memory instead of being trusted like pkgen's own output.

MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = re.compile(r"^(heading|judul|title)\s*\d*$", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """One paragraph of a Word document, where it is and how it is styled.

    ``index`` counts the body's paragraphs (tables included) from 1 in document order, the
    order python-docx's ``body.iter(w:p)`` yields them. ``cell`` is (table, row, column), each
    from 1, for a paragraph in a table. ``part`` is 'body', 'header' or 'footer'. ``page`` is
    the page number for a paragraph read from a PDF (None for Word, which has no fixed pages).
    """

    text: str
    index: int
    part: str = "body"
    cell: tuple[int, int, int] | None = None
    heading: bool = False
    page: int | None = None


def read_blocks(path: Path, data: bytes | None = None) -> list[Block]:
    """Read the paragraphs of the .docx at ``path``: body in order, then headers and footers.

    ``data``, when given, is the file's content (a draft in memory); ``path`` then only names
    it. Raises :class:`DocumentError` (exit code 2) for anything that is not a readable .docx.
    """
    try:
        if data is None:
            with path.open("rb") as handle:
                magic = handle.read(8)
        else:
            magic = data[:8]
    except FileNotFoundError as err:
        raise DocumentError(Problem("file_not_found", path)) from err
    except OSError as err:
        raise DocumentError(Problem("generic", path, params={"detail": err.strerror})) from err
    if magic == _OLE_MAGIC:
        raise DocumentError(Problem(_ole_kind(path), path))
    try:
        with zipfile.ZipFile(path if data is None else io.BytesIO(data)) as archive:
            parts = _read_parts(archive, path)
    except zipfile.BadZipFile as err:
        code = "docx_not_zip" if not magic.startswith(b"PK") else "docx_truncated"
        raise DocumentError(Problem(code, path, params={"detail": str(err)})) from err
    except (EOFError, zlib.error, OSError) as err:
        raise DocumentError(Problem("docx_truncated", path, params={"detail": str(err)})) from err
    document = _parse(parts["word/document.xml"], "word/document.xml", path)
    others = {name: _parse(data, name, path) for name, data in parts.items()
              if header_or_footer(name)}
    return blocks_of(document, others, parts.get("word/styles.xml"))


def blocks_of(document: etree._Element, others: Mapping[str, etree._Element],
              styles_xml: bytes | None, kept: Mapping[etree._Element, Kept] | None = None,
              parts: KnownParts | None = None) -> list[Block]:
    """The blocks of a document already in memory, as :func:`read_blocks` reads them.

    ``document`` is the root of ``word/document.xml``, ``others`` the roots of its header and
    footer parts by name (those :func:`header_or_footer` names: ``word/header1.xml`` …),
    ``styles_xml`` its styles part as stored; ``kept`` keeps, for paragraphs a renderer names,
    their text and whether they are headings, read once (with these styles), and ``parts``
    the blocks of the headers and footers it names, read once for each XML.
    """
    blocks: list[Block] = []
    body = document.find(f"{_W}body")
    if body is not None:
        # Number paragraphs as python-docx's body.iter(w:p) does, text boxes included, so
        # that a finding can be anchored on the same paragraph when annotating.
        order = {p: i for i, p in enumerate(body.iter(_P), 1)}
        _walk(body, styles_xml, blocks, "body", None, order, kept or {})
    for name, root in sorted(others.items()):
        key = parts.names.get(name) if parts is not None else None
        found = parts.blocks.get(key) if parts is not None and key is not None else None
        if found is None:
            start = len(blocks)
            _walk(root, styles_xml, blocks, "header" if "/header" in name else "footer", None,
                  {}, {})
            if parts is not None and key is not None:
                parts.blocks.put(key, tuple(blocks[start:]))
        else:  # the same blocks: a block does not change
            blocks += found
    return blocks


@dataclass(frozen=True)
class KnownParts:
    """Headers and footers a renderer names by their XML (``names``: the key of each part by
    its name), and the blocks read from each XML before (with the renderer's styles)."""

    names: Mapping[str, bytes]
    blocks: LRU[tuple[Block, ...]]


class Kept(Protocol):
    """What a renderer keeps of a paragraph: its blocks by the places it was read in (its
    text and whether it is a heading are the same in every place)."""

    blocks: dict[tuple, Block]


def _ole_kind(path: Path) -> str:
    # Encrypted .docx files are OLE containers too; they hold an "EncryptedPackage" stream.
    head = path.read_bytes()[: 1024 * 1024]
    return "docx_encrypted" if "EncryptedPackage".encode("utf-16-le") in head else "docx_old_doc"


def header_or_footer(name: str) -> bool:
    """True for the name of a header or footer part whose paragraphs are read as blocks."""
    return re.fullmatch(r"word/(header|footer)\d*\.xml", name) is not None


def _read_parts(archive: zipfile.ZipFile, path: Path) -> dict[str, bytes]:
    wanted = [
        info for info in archive.infolist()
        if info.filename == "word/document.xml" or info.filename == "word/styles.xml"
        or header_or_footer(info.filename)
    ]
    if not any(info.filename == "word/document.xml" for info in wanted):
        raise DocumentError(Problem("docx_no_document", path))
    total = 0
    parts = {}
    for info in wanted:
        limit = MAX_PART_BYTES
        if info.file_size > limit:
            raise DocumentError(Problem("docx_too_large", path, params={
                "part": info.filename, "size": info.file_size, "limit": limit}))
        with archive.open(info) as member:
            data = member.read(limit + 1)  # the declared size may lie
        if len(data) > limit:
            raise DocumentError(Problem("docx_too_large", path, params={
                "part": info.filename, "size": f"> {limit}", "limit": limit}))
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            raise DocumentError(Problem("docx_too_large", path, params={
                "part": "word/*", "size": f"> {MAX_TOTAL_BYTES}", "limit": MAX_TOTAL_BYTES}))
        parts[info.filename] = data
    return parts


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True)


def _parse(data: bytes, part: str, path: Path) -> etree._Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise DocumentError(Problem("docx_bad_xml", path, params={
            "part": part, "detail": "DOCTYPE/ENTITY"}))
    try:
        return etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as err:
        raise DocumentError(Problem("docx_bad_xml", path, params={
            "part": part, "detail": str(err)})) from err


@lru_cache(maxsize=4)  # the style sheets of a build's few templates
def _styles_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


@lru_cache(maxsize=1024)  # the styles of a build's few templates
def _heading_style(data: bytes | None, sid: str, depth: int = 0) -> bool:
    """Whether paragraph style ``sid`` of the style sheet ``data`` is a heading.

    A style is a heading by its name ('heading 1', 'Judul 2', 'Title'), by an outline level, or
    by being based on a heading style. Style sheets are large (Word's hold hundreds of latent
    styles), so only the definitions of the styles asked for and their parents are looked at,
    and each answer is kept for the next document with the same styles (every draft of a
    template).
    """
    if not data:
        return False
    text = _styles_text(data)
    start = text.find(f'w:styleId="{sid}"')  # str.find: far faster than a regex here
    end = text.find("</w:style>", start)
    body = text[start:end] if start >= 0 and end >= 0 else ""
    name = re.search(r'<w:name w:val="([^"]*)"', body)
    if (name and _HEADING_STYLE.match(name.group(1))) or "<w:outlineLvl " in body:
        return True
    parent = re.search(r'<w:basedOn w:val="([^"]*)"', body)
    return parent is not None and depth < 10 and _heading_style(data, parent.group(1), depth + 1)


def _walk(element, styles, blocks, part, cell, order, kept, tables=None) -> None:
    tables = tables if tables is not None else [0]
    for child in element:
        tag = child.tag
        if tag == _P:
            index, memo = order.get(child, 0), kept.get(child)
            if memo is None:
                blocks.append(Block(paragraph_text(child, READ), index, part, cell,
                                    _is_heading(child, styles)))
            else:  # read before in this place (a block does not change: the same one serves)
                block = memo.blocks.get((index, part, cell))
                blocks.append(block if block is not None else _kept_block(
                    child, memo, index, part, cell, styles))
        elif tag == _TBL:
            tables[0] += 1
            number = tables[0]
            for r, row in enumerate(child.findall(_TR), 1):
                for c, tc in enumerate(row.findall(_TC), 1):
                    _walk(tc, styles, blocks, part, (number, r, c), order, kept, tables)
        elif tag in _CONTAINERS:
            _walk(child, styles, blocks, part, cell, order, kept, tables)


def _kept_block(p, memo: Kept, index: int, part: str, cell: tuple[int, int, int] | None,
                styles: bytes | None) -> Block:
    """``p``'s block in a place it was not read in before, kept for the next draft: its text
    and heading read now, or from another place."""
    model = next(iter(memo.blocks.values()), None)
    found = Block(paragraph_text(p, READ), index, part, cell, _is_heading(p, styles)) \
        if model is None else replace(model, index=index, part=part, cell=cell)
    if len(memo.blocks) >= _PLACES_KEPT:
        memo.blocks.clear()
    memo.blocks[index, part, cell] = found
    return found


#: Places kept for one paragraph's block: a paragraph written in several places of a draft,
#: or standing elsewhere in drafts with more parties.
_PLACES_KEPT = 16

_P, _TBL, _TR, _TC = (f"{_W}{n}" for n in ("p", "tbl", "tr", "tc"))
_CONTAINERS = tuple(f"{_W}{n}" for n in ("sdt", "sdtContent", "customXml", "ins", "smartTag"))


def _is_heading(p, styles: bytes | None) -> bool:
    first = p[0] if len(p) else None  # where the schema puts it; else, as find, the first
    ppr = first if first is not None and first.tag == _PPR else next(p.iterchildren(_PPR), None)
    if ppr is None:
        return False
    style = None
    for child in ppr.iterchildren(_OUTLINE, _PSTYLE):
        if child.tag == _OUTLINE:
            return True
        if style is None:
            style = child
    return style is not None and _heading_style(styles, style.get(_VAL, ""))


_PPR, _OUTLINE, _PSTYLE, _VAL = (f"{_W}{n}" for n in ("pPr", "outlineLvl", "pStyle", "val"))
