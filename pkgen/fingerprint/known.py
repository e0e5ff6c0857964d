"""Readings of paragraphs carried from one draft of a template to the next."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from ..lru import LRU

#: A paragraph's visible properties, its list (numId, level) or None, its content's tokens.
Reading = tuple[str, tuple[str, str] | None, tuple[str, ...]]


@dataclass(frozen=True)
class Known:
    """Readings carried from one draft of a template to the next.

    ``keys`` names paragraphs of the document being read by their XML as the renderer wrote
    them, which is all they hold (the renderer names only such paragraphs); ``readings`` keeps
    the readings by key, for the drafts of one template (one package's styles and namespaces):
    the paragraph's visible properties and list, and the tokens of its content. A paragraph
    whose reading takes nothing from beyond its XML and the styles reads the same wherever its
    XML is the same, so it is read once.
    """

    keys: Mapping[etree._Element, str]
    readings: LRU[Reading]
