"""Paragraphs of a rendered body named by their XML, and what is known of each by it.

Most paragraphs of a template's drafts are its own wording, rendered to the same XML in every
draft. Each paragraph's XML is at hand as text before it is parsed, so a paragraph that
finishing leaves as rendered is named by that text (:func:`body_keys`), and what is read
from it (its texts, its part of the fingerprint) is read once per template and kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from .fingerprint.known import Remembered
from .lru import LRU
from .postprocess import MARKER, paragraph_texts_of

if TYPE_CHECKING:
    from .docx_text import Block

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Where a paragraph begins (its literal start lets the search skip to each ``<w:p``).
_PARAGRAPH = re.compile(r"<w:p[ >/]")
#: What finishing or docxtpl changes after parsing is inside a paragraph holding one of these:
#: article and italic markers (first), a section's paper size, drawing ids, a text box.
_CHANGED_AFTER_PARSING = (MARKER, "sectPr", "docPr", "txbxContent")
#: Paragraphs kept per template: a few drafts' worth of different wording, a few megabytes.
KEPT = 1024
_TAG_IN_TAG = re.compile(r"<[^<>]*\{[{%]")


class Paragraph(Remembered):
    """What is known of a paragraph by its XML as rendered, and, once read, its texts as
    finishing and as blocks read them, its part of the fingerprint, and how it is written.

    Finishing leaves an ``unchanged`` paragraph as it is; a ``numbered`` one it changes only
    by its article markers (the article numbers, italics), so that the paragraph as finished
    is known by its XML and its numbers (:meth:`finished`). Any other is not named by its
    XML: it holds what finishing changes otherwise (paper size, drawing ids, a text box).
    """

    __slots__ = ("xml", "unchanged", "numbered", "texts", "blocks", "written", "_finished")

    def __init__(self, xml: str, finished: bool = False) -> None:
        super().__init__()
        self.xml = xml
        plain = finished or not any(mark in xml for mark in _CHANGED_AFTER_PARSING[1:])
        self.numbered = plain and not finished and _CHANGED_AFTER_PARSING[0] in xml
        self.unchanged = plain and not self.numbered
        self.texts: tuple[str, str] | None = None
        self.blocks: dict[tuple, Block] = {}  # as a block, by its places
        self.written: bytes | None = None  # as written in its document (:mod:`pkgen.written`)
        self._finished: dict[tuple[int, ...], Paragraph] | None = None

    def finished(self, numbers: tuple[int, ...]) -> Paragraph:
        """What is known of this numbered paragraph as finished with these article numbers
        (those its markers became, in order)."""
        if self._finished is None:
            self._finished = {}
        found = self._finished.get(numbers)
        if found is None:
            found = self._finished[numbers] = Paragraph(self.xml, finished=True)
        return found


#: The paragraphs of a rendered body that are named by their XML.
Keys = dict[etree._Element, Paragraph]


def texts_of(p: etree._Element, keys: Keys) -> tuple[str, str]:
    """``p``'s texts as :func:`pkgen.postprocess.paragraph_texts_of` reads them, read once
    per XML for a paragraph named in ``keys``."""
    known = keys.get(p)
    if known is None:
        return paragraph_texts_of(p)
    if known.texts is None:
        known.texts = paragraph_texts_of(p)
    return known.texts


#: The tables of a rendered body named by their XML (see :func:`body_keys`).
Tables = dict[etree._Element, str]


def body_keys(xml: str, tree: etree._Element, trusted: bool = False,
              known: LRU[Paragraph] | None = None) -> tuple[Keys, Tables]:
    """The paragraphs and the tables of ``tree`` (parsed from ``xml``) named by their XML.

    Each paragraph that is wholly its XML in ``xml``, as finished, is named with what is
    known of that XML (``known``, by XML: what earlier drafts learnt). A paragraph's XML from
    ``<w:p`` to its ``</w:p>`` alone tells what it holds. Paragraphs are found in ``xml`` in
    document order, as ``tree.iter`` gives them; none is named where the two could disagree
    (Word's namespace under another prefix too, or declared again inside, comments, CDATA, a
    count that differs) or where the XML is not all of it: an empty ``<w:p/>`` (no ``</w:p>``
    of its own), one in a text box or holding one, one that finishing or docxtpl changes
    after parsing other than by its article markers (:data:`_CHANGED_AFTER_PARSING`; see
    :class:`Paragraph` for those). ``trusted`` tells that ``xml`` holds no namespace
    declaration after its first tag, no comment, CDATA or processing instruction (known from
    its template: :func:`plain_markup`).

    Each table is named by its XML where finishing changes nothing in it but the widths of
    its grids and cells (those of the tables inside it too): such a table as finished is its
    XML and the widths of its grids, as finishing sets the widths of its cells only where it
    narrows a grid (to the widths of the grid).
    """
    if not _nameable(xml, tree, trusted):
        return {}, {}
    known = known if known is not None else LRU(KEPT)
    return (_paragraph_keys(xml, tree, [m.start() for m in _PARAGRAPH.finditer(xml)], known),
            _table_keys(xml, tree))


def _paragraph_keys(xml: str, tree: etree._Element, starts: list[int],
                    known: LRU[Paragraph]) -> Keys:
    paragraphs = list(tree.iter(f"{_W}p"))
    if len(starts) != len(paragraphs):
        return {}
    starts.append(len(xml))
    keys = {}
    for i, paragraph in enumerate(paragraphs):
        start = starts[i]
        # Searched back from the next paragraph: a short way, and in a text box the
        # outer paragraph's end, which takes the text box in (and so names nothing).
        end = xml.rfind("</w:p>", start, starts[i + 1])
        if end < 0:
            continue
        key = xml[start:end + 6]
        found = known.get(key)
        if found is None:
            found = Paragraph(key)
            known.put(key, found)
        if found.unchanged or found.numbered:
            keys[paragraph] = found
    return keys


def _table_keys(xml: str, tree: etree._Element) -> Tables:
    """The tables named, from where tables begin and end in ``xml``: each ``w:tbl>`` ends
    ``<w:tbl>`` or ``</w:tbl>`` (a ``w:tbl`` with attributes is not counted, and then none is
    named, nor where a ``w:tbl>`` is anything else)."""
    tables = list(tree.iter(f"{_W}tbl"))
    spans: list[list[int]] = []
    open_: list[int] = []  # the tables begun and not ended, as places in ``spans``
    place = xml.find("w:tbl>")
    while place >= 0:
        if xml[place - 1] == "<":
            open_.append(len(spans))
            spans.append([place - 1, -1])
        elif xml[place - 2:place] == "</" and open_:
            spans[open_.pop()][1] = place + 6
        else:
            return {}
        place = xml.find("w:tbl>", place + 6)
    if open_ or len(spans) != len(tables):
        return {}
    keys = {}
    for table, (start, end) in zip(tables, spans, strict=True):
        key = xml[start:end]
        if not any(mark in key for mark in _CHANGED_AFTER_PARSING):
            keys[table] = key
    return keys


def _nameable(xml: str, tree: etree._Element, trusted: bool) -> bool:
    """True if elements of ``tree`` may be named by their XML in ``xml`` (see
    :func:`body_keys`)."""
    namespaces = tree.nsmap
    if namespaces.get("w") != _W[1:-1] or list(namespaces.values()).count(_W[1:-1]) > 1:
        return False
    return trusted or (xml.find("xmlns", xml.find(">")) < 0 and not any(
        mark in xml for mark in ("<!--", "<![CDATA[", "<?")))


def plain_markup(source: str) -> bool:
    """True if every draft rendered from ``source`` (a template part) holds no namespace
    declaration after its first tag, no comment, CDATA or processing instruction.

    Values are escaped (no ``<`` comes from them), so the markup of a draft is the
    template's own, unless a template tag sits inside an XML tag (``<w:p {{ x }}>``).
    """
    inner = source[source.find(">") + 1:]
    return not _TAG_IN_TAG.search(source) and not any(
        mark in inner for mark in ("xmlns", "<!", "<?"))
