"""Readings of paragraphs carried from one draft of a template to the next."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from ..lru import LRU

#: A paragraph's visible properties, its list (numId, level) or None, its content's tokens.
Reading = tuple[str, tuple[str, str] | None, tuple[str, ...]]
#: A header's or footer's tokens and lengths.
Story = tuple[tuple[str, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Known:
    """Readings carried from one draft of a template to the next.

    ``keys`` names paragraphs of the document being read, and the roots of its headers and
    footers, by their XML as the renderer wrote them, which is all they hold (the renderer
    names only such elements); ``readings`` keeps the readings of paragraphs by key, for the
    drafts of one template (one package's styles, relations and namespaces): the paragraph's
    visible properties and list, and the tokens of its content; ``stories`` those of headers
    and footers. A paragraph whose reading takes nothing from beyond its XML and the styles
    reads the same wherever its XML is the same, so it is read once; so does a header or
    footer without a list.
    """

    keys: Mapping[etree._Element, str | bytes]
    readings: LRU[Reading]
    stories: LRU[Story]
