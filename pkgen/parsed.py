"""A rendered body parsed from what an earlier draft of its template parsed.

Most of a template's drafts are its own wording: most top-level elements of a rendered body
(its paragraphs and tables) are, as XML, those of an earlier draft. :class:`Earlier` keeps
one draft's document as parsed, before anything changed it, with each top-level element's
XML. A new body is read against it: each earlier element found as the same text at the next
place is kept, and the text between (a region: elements changed, added or taken away) is
parsed. The new tree is a copy of the earlier one (one copy of the whole, in lxml: less than
half the cost of parsing it) with each region's elements in place of the earlier ones there —
the tree lxml parses from the whole text, with its paragraphs and tables named as
:func:`pkgen.paragraphs.body_keys` names them, without reading again the text of what was
kept. Parsing the body and naming its paragraphs were the largest part of a prepared draft.

Why the tree is the text's: the earlier elements kept are the same text at the same place,
and every region is parsed from the text itself, in the same document, each on its own
between elements that must all come out as children of the body — which they do only if
each region begins and ends between top-level elements. A body that cannot be read so (a
region not well-formed on its own, text between elements, an earlier element not found close
by) is parsed whole; so is one with more than an eighth of its text in regions, where that
costs less.

Used only for bodies whose markup is the template's own (:func:`pkgen.paragraphs.plain_markup`:
no comment, CDATA, processing instruction or namespace declaration inside), parsed inside
their document (:mod:`pkgen.prepared`).
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from .lru import LRU
from .paragraphs import Keys, Paragraph, Tables, body_keys

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL = f"{_W}p", f"{_W}tbl"
#: A tag, its attributes' values read whole (a value may hold ">").
_TAG = re.compile(r"""<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
_PARSER = etree.XMLParser()  # strict, as a body parsed whole is (pkgen.prepared)
#: What separates regions parsed together: an element no document holds.
_CUT = "<pkgen-region-end/>"
#: How many earlier elements are looked for past one that is not where it was.
LOOK_AHEAD = 8
#: A body is parsed whole where more than this part of its text is in regions: a region's
#: elements, parsed and then moved into the copied tree (its namespaces found again there),
#: cost about twice what parsing them in place does.
SHARE = 8
#: An earlier body that served none of this many drafts in a row is tried again only once in
#: as many drafts, until it serves one (drafts unlike it: each try that fails costs a look
#: through the text).
GIVE_UP = 16
_END = "</w:body>"


class Earlier:
    """One draft's document as parsed, to parse the next drafts' bodies from."""

    def __init__(self, root: etree._Element, opening: int, document: str, chunks: list[str],
                 paragraphs: list[list[Paragraph | None]], tables: list[list[str | None]]
                 ) -> None:
        self._root = root  # as parsed, before anything changed it
        self._opening = opening  # where the body's first element begins
        self._document = document
        self._chunks = chunks
        self._paragraphs = paragraphs  # of each top-level element, in order, as named
        self._tables = tables
        self._missed = 0  # drafts in a row it did not serve
        self._cut = etree.fromstring(document + _CUT + "</w:body></w:document>",
                                     parser=_PARSER)[0][0].tag

    @classmethod
    def of(cls, root: etree._Element, xml: str, document: str, keys: Keys, tables: Tables
           ) -> Earlier | None:
        """What the body ``xml``, parsed in ``root`` (a document holding only its body) as
        ``document`` followed by the body's elements (the document's opening tag and the
        body's, as :mod:`pkgen.prepared` parses a body inside its document), with its
        paragraphs and tables named ``keys`` and ``tables``, holds for later drafts; None
        for a body holding text between its elements, or no element."""
        body = root[0]
        if body.text or any(element.tail for element in body) or not len(body):
            return None
        chunks = _elements(xml)
        if chunks is None or len(chunks) != len(body):
            return None
        return cls(copy.deepcopy(root), xml.find(">") + 1, document, chunks,
                   [[keys.get(p) for p in element.iter(_P)] for element in body],
                   [[tables.get(t) for t in element.iter(_TBL)] for element in body])

    def parse(self, xml: str, known: LRU[Paragraph]) -> tuple[etree._Element, Keys, Tables] | None:
        """The document holding the body ``xml`` (which begins with the earlier body's tag),
        its paragraphs and tables named; None where it is to be parsed whole."""
        if self._missed >= GIVE_UP and self._missed % GIVE_UP:
            self._missed += 1  # given up: tried again once in GIVE_UP drafts
            return None
        found = self._regions(xml)
        parsed = None if found is None else self._parse_regions(
            [text for _i, _j, text in found], known)
        if found is None or parsed is None:
            self._missed += 1
            return None
        self._missed = 0
        elements, region_keys, region_tables = parsed
        root = copy.deepcopy(self._root)
        body = root[0]
        for (i, j, _text), placed in zip(reversed(found), reversed(elements), strict=True):
            body[i:j] = placed
        return root, *self._named(body, found, elements, region_keys, region_tables)

    def _regions(self, xml: str) -> list[tuple[int, int, str]] | None:
        """Where ``xml`` differs from the earlier body: each region as the earlier elements
        it takes the place of (from, to) and its text; None where an earlier element is not
        found close by, or the regions hold more than a :data:`SHARE` of the text."""
        chunks, regions = self._chunks, []
        at, end, i, count = self._opening, len(xml) - len(_END), 0, len(chunks)
        budget = (end - at) // SHARE  # of text in regions
        while i < count:
            if xml.startswith(chunks[i], at):
                at += len(chunks[i])
                i += 1
                continue
            for j in range(i + 1, min(count, i + 1 + LOOK_AHEAD)):
                start = xml.find(chunks[j], at, end)
                if start >= 0:
                    break
            else:
                if i + 1 + LOOK_AHEAD < count:
                    return None
                j, start = count, end  # the rest of the body
            budget -= start - at
            if budget < 0:
                return None
            regions.append((i, j, xml[at:start]))
            at, i = start, j
        if at != end:
            if end - at > budget:
                return None
            regions.append((count, count, xml[at:end]))
        return regions

    def _parse_regions(self, texts: list[str], known: LRU[Paragraph]
                       ) -> tuple[list[list[etree._Element]], Keys, Tables] | None:
        """Each region's elements, parsed in one document, and their paragraphs and tables
        named; None where a region is not elements only, well-formed on its own."""
        if not texts:
            return [], {}, {}
        inner = _CUT.join(texts)
        try:
            wrapper = etree.fromstring(self._document + inner + "</w:body></w:document>",
                                       parser=_PARSER)
        except etree.XMLSyntaxError:
            return None
        body = wrapper[0]
        if body.text or any(element.tail for element in body):
            return None
        elements: list[list[etree._Element]] = [[]]
        for element in body:
            if element.tag == self._cut:
                elements.append([])
            else:
                elements[-1].append(element)
        if len(elements) != len(texts):  # a cut inside an element: a region not well-formed
            return None
        keys, tables = body_keys(inner, body, True, known)
        return elements, keys, tables

    def _named(self, body: etree._Element, regions: list[tuple[int, int, str]],
               elements: list[list[etree._Element]], keys: Keys, tables: Tables
               ) -> tuple[Keys, Tables]:
        """The paragraphs and tables of the new ``body`` named: those of the earlier elements
        kept as they were named, those of the regions as read from their text."""
        expected: list[Paragraph | None] = []
        tabled: list[str | None] = []
        kept = 0
        for (i, j, _text), placed in zip([*regions, (len(self._chunks), 0, "")],
                                         [*elements, []], strict=True):
            for k in range(kept, i):
                expected += self._paragraphs[k]
                tabled += self._tables[k]
            for element in placed:
                expected += [None] * sum(1 for _p in element.iter(_P))
                tabled += [None] * sum(1 for _t in element.iter(_TBL))
            kept = j
        named = dict(keys)
        for paragraph, known in zip(body.iter(_P), expected, strict=True):
            if known is not None:
                named[paragraph] = known
        named_tables = dict(tables)
        if any(tabled):
            for table, xml in zip(body.iter(_TBL), tabled, strict=True):
                if xml is not None:
                    named_tables[table] = xml
        return named, named_tables


def _elements(xml: str) -> list[str] | None:
    """The XML of each top-level element of the body ``xml`` (markup plain: no comment,
    CDATA or processing instruction), in order; None where it holds text between them."""
    start = xml.find(">") + 1
    end = len(xml) - len(_END)
    chunks, depth, at = [], 0, start
    for tag in _TAG.finditer(xml, start, end):
        if depth == 0 and tag.start() != at:
            return None  # text between elements
        text = tag.group()
        if text.startswith("</"):
            depth -= 1
        elif not text.endswith("/>"):
            depth += 1
        if depth == 0:
            chunks.append(xml[at:tag.end()])
            at = tag.end()
    return chunks if depth == 0 and at == end else None
