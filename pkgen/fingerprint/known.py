"""Readings of paragraphs carried from one draft of a template to the next."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from ..lru import LRU
from .styles import W

#: A paragraph's visible properties, its list (numId, level) or None, its content's tokens,
#: and, outside a list, all its tokens (empty in a list: its label is counted each time).
Reading = tuple[str, tuple[str, str] | None, tuple[str, ...], tuple[str, ...]]
#: A header's or footer's tokens and lengths, or a table's.
Story = tuple[tuple[str, ...], tuple[int, ...]]


class Remembered:
    """What is known of one paragraph's XML, kept from one draft to the next by whoever
    names paragraphs by their XML; the fingerprint fills in :attr:`reading`."""

    __slots__ = ("reading",)

    def __init__(self) -> None:
        self.reading: Reading | None = None


@dataclass(frozen=True)
class Known:
    """Readings carried from one draft of a template to the next.

    ``paragraphs`` names paragraphs of the document being read by what is remembered of
    their XML as the renderer wrote it, which is all they hold (the renderer names only such
    paragraphs): their visible properties and list, and the tokens of their content. ``parts``
    names the roots of headers and footers by their XML, and ``stories`` keeps their readings
    by it; ``tables`` names tables of the document by their XML as the renderer wrote it,
    which is all they hold but for their grids' and cells' widths (decided by the widths of
    their grids), and ``stories`` keeps their readings by both. Readings are of the drafts
    of one template (one package's styles, relations and namespaces). A paragraph whose
    reading takes nothing from beyond its XML and the styles reads the same wherever its XML
    is the same, so it is read once; so does a header, footer or table without a list.
    """

    paragraphs: Mapping[etree._Element, Remembered]
    parts: Mapping[etree._Element, bytes]
    stories: LRU[Story]
    tables: Mapping[etree._Element, str]

    def table(self, tbl: etree._Element) -> tuple[str | None, ...] | None:
        """What ``tbl`` is known by, or None for a table not named: its XML as rendered and
        the widths of its grids (those of the tables inside it too) as finished."""
        xml = self.tables.get(tbl)
        return None if xml is None else (xml, *(c.get(_W_W) for c in tbl.iter(_GRID_COL)))


_W_W, _GRID_COL = f"{W}w", f"{W}gridCol"
