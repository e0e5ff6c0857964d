"""A form pre-filled from an input, refused when a text in another language would not
survive the trip (``pkgen form --from`` and the web application's export)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, Problem
from ..translations import Translations, split_translations
from ..yamlread import key_text
from .read import read_form
from .write import agreement_data, write_form

if TYPE_CHECKING:
    from ..inputs import Loaded


def prefilled_form(loaded: Loaded, dokumen: str, jenis: str, name: Path) -> bytes:
    """The form (named ``name``) for ``dokumen`` and ``jenis``, filled from ``loaded``, its
    texts in other languages in their own cells. Read back before it is given: raises
    :class:`InputError` (``form_translations``) if one of them has no cell to live in."""
    written = write_form(dokumen, jenis, agreement_data(loaded.document, loaded.translations))
    held = split_translations(read_form(name, written)[0], {}, {}, name).translations
    refuse_lost(loaded.translations, held, loaded.path)
    return written


def refuse_lost(given: Translations, held: Translations, source: Path) -> None:
    """Refuse what would lose a text ``given`` in another language: one that the form
    (``held``) does not hold."""
    lost = [f"{key_text(loc)} ({lang})" for loc, texts in given.texts.items() for lang in texts
            if held.get(loc, lang) is None]
    if lost:
        raise InputError(Problem("form_translations", source, params={
            "count": len(lost), "keys": ", ".join(lost[:5]) + (", …" if len(lost) > 5 else "")}))
