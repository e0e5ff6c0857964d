"""Read text and properties out of .docx files (python-docx), in reading order.

The only module besides ``render.py`` that walks a Word document's structure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from lxml import etree

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_RT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)


def paragraph_texts(element: etree._Element) -> Iterator[str]:
    """Yield the text of every paragraph under ``element`` (tables included), in order.

    Tabs count as a tab and breaks as a newline, as Word shows them.
    """
    for p in element.iter(qn("w:p")):
        parts = []
        for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:instrText")):
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                parts.append("\t")
            elif node.tag == qn("w:br"):
                parts.append("\n")
        yield "".join(parts)


def document_text(doc: DocumentObject) -> str:
    """Return the body text of ``doc``, one paragraph per line."""
    return "\n".join(paragraph_texts(doc.element.body))


def text_hash(doc: DocumentObject) -> str:
    """Return a hash of the body text; equal text means no one edited the words."""
    return hashlib.sha256(document_text(doc).encode("utf-8")).hexdigest()


def open_document(path: Path) -> DocumentObject:
    """Open ``path`` with python-docx."""
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
