"""A draft's document part written from what earlier drafts of its template wrote.

Most of a register's drafts are their template's own wording: the same paragraphs and tables,
finished the same way, draft after draft. Writing the document part (:class:`Writer`) puts
each top-level element of the body known from an earlier draft as it was written then, and
writes only the others — the same bytes as lxml writes for the whole document, at a fraction
of the cost.

lxml writes an element on its own as it writes it inside its document, but for the namespace
declarations in scope, which it repeats on the element's tag; every top-level element of a
body shares them (its ancestors' alike), so they are taken off again. A frame (:class:`Frame`)
holds what comes before the body's first element and after its last, and those declarations,
learnt from one draft written whole and held to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .fingerprint import Known
from .lru import LRU
from .paragraphs import KEPT, Keys

#: An element's tag and the namespace declarations lxml writes first on it.
_DECLARED = re.compile(rb'<[^\s/>]+((?:\s+xmlns(?::[\w.-]+)?="[^"]*")*)')


def serialize(element: etree._Element) -> bytes:
    """``element`` (a part's root) as python-docx stores an XML part."""
    return etree.tostring(element, encoding="UTF-8", standalone=True)


@dataclass(frozen=True)
class Frame:
    """What a document part holds around its body's elements, and the namespace declarations
    lxml writes on each of those elements written alone."""

    head: bytes
    tail: bytes
    declarations: bytes

    @classmethod
    def learn(cls, root: etree._Element, whole: bytes) -> Frame | None:
        """The frame of ``root`` (a document holding only its body, and the body only its
        elements) written as ``whole``; None where writing the body's elements alone and
        putting them in the frame would not give ``whole``."""
        body = root[0] if len(root) == 1 else None
        if body is None or not _framed(root, body):
            return None
        found = _DECLARED.match(etree.tostring(body[0], encoding="UTF-8"))
        if found is None:
            return None
        frame = cls(b"", b"", found.group(1))
        pieces = [piece for element in body if (piece := frame.alone(element)) is not None]
        if len(pieces) != len(body):
            return None
        inner = b"".join(pieces)
        start = whole.find(inner)
        end = start + len(inner)
        closing = b"</" + _qname(body) + b"></" + _qname(root) + b">"
        if start < 0 or whole[end:] != closing or not whole[:start].endswith(b">"):
            return None
        return cls(whole[:start], closing, frame.declarations)

    def alone(self, element: etree._Element) -> bytes | None:
        """``element`` written on its own as it is inside its document; None where lxml did
        not write this frame's declarations, and nothing else, first on its tag."""
        data = etree.tostring(element, encoding="UTF-8")
        found = _DECLARED.match(data)
        if found is None or found.group(1) != self.declarations:
            return None
        return data[:found.start(1)] + data[found.end(1):]


class Writer:
    """Writes the document parts of one template's drafts; keeps what it wrote of the body's
    paragraphs (with what :mod:`pkgen.paragraphs` knows of each) and tables (by what the
    fingerprint knows each by: its XML as rendered and its grids' widths).

    For drafts of one template parsed inside its document (the document's and the body's
    tags are the template's, so what comes before the body's elements is the same in each),
    whose body declares no namespace after its own tag (the template's markup is plain:
    :func:`pkgen.paragraphs.plain_markup`): an element declaring again a namespace in scope
    is written with that declaration inside its document, and alone looks the same as one
    that does not.
    """

    def __init__(self) -> None:
        self._frame: Frame | None = None
        self._learnt = False
        self._tables: LRU[bytes] = LRU(KEPT)

    def write(self, root: etree._Element, keys: Keys, known: Known) -> bytes:
        """``root`` (a document holding only its body) as :func:`serialize` writes it."""
        frame = self._frame
        body = root[0] if len(root) == 1 else None
        if frame is None or body is None or not _framed(root, body):
            whole = serialize(root)
            if not self._learnt:  # learnt from the first draft written whole, or never
                self._learnt = True
                self._frame = Frame.learn(root, whole)
            return whole
        pieces = [frame.head]
        for element in body:
            piece = self._piece(element, keys, known, frame)
            if piece is None:
                return serialize(root)
            pieces.append(piece)
        pieces.append(frame.tail)
        return b"".join(pieces)

    def _piece(self, element: etree._Element, keys: Keys, known: Known, frame: Frame
               ) -> bytes | None:
        """``element`` as written, kept by what it is known by where it is known; None for
        one followed by text (what it is known by does not hold it) or not to be framed."""
        if element.tail is not None:
            return None
        paragraph = keys.get(element)
        if paragraph is not None:
            if paragraph.written is None:
                paragraph.written = frame.alone(element)
            return paragraph.written
        key = known.table(element)  # None but for a table named
        if key is None:
            return frame.alone(element)
        piece = self._tables.get(key)
        if piece is None:
            piece = frame.alone(element)
            if piece is not None:
                self._tables.put(key, piece)
        return piece


def _framed(root: etree._Element, body: etree._Element) -> bool:
    """True if nothing but the body's elements (no text around them) is in ``root``."""
    return len(body) > 0 and root.text is None and body.text is None and body.tail is None


def _qname(element: etree._Element) -> bytes:
    name = etree.QName(element)
    prefix = element.prefix
    return (f"{prefix}:{name.localname}" if prefix else name.localname).encode()
