"""Every user-facing message, in Indonesian (default) and English, by a stable code.

The texts live in the gettext catalogue ``locale/id.po``, so translators use standard tools;
code paths carry codes and parameters (:class:`Text`) and never language-specific text.
``{name}`` placeholders are filled from the parameters of what is reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po


@cache
def catalogue() -> Catalog:
    """The gettext catalogue ``locale/id.po``: every message (its code as the context, its
    English text as the id, its Indonesian text as the translation) and the command line's
    words."""
    with resources.files("pkgen").joinpath("locale/id.po").open("rb") as handle:
        return read_po(handle)


@cache
def messages() -> dict[str, dict[str, str]]:
    """Every message by code: ``{code: {"id": …, "en": …}}``."""
    # Plural entries (the command line's words) have tuples for texts and no code.
    return {entry.context: {"id": entry.string or entry.id, "en": entry.id}
            for entry in catalogue() if entry.context and isinstance(entry.id, str)
            and isinstance(entry.string, str)}


@dataclass(frozen=True)
class Text:
    """A message by code with its parameters, put into words only where it is shown.

    Parts of a program pass ``Text`` values (also inside another message's parameters) and
    the report or the command line says them in the reader's language, once.
    """

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def say(self, lang: str = "id") -> str:
        """The message in ``lang``."""
        return message(self.code, lang, **self.params)


def msg(code: str, **params: object) -> Text:
    """A :class:`Text` of ``code`` with ``params``."""
    return Text(code, params)


def message(code: str, lang: str = "id", **params: object) -> str:
    """Return the message ``code`` in ``lang`` with ``params`` filled in.

    A parameter may be a :class:`Text` (said in ``lang``), a list of them (joined with '; '),
    a date (written as dates are in ``lang``) or a text given in both languages
    (``{"id": …, "en": …}``, e.g. from the rulebook). Unknown codes fall back to the
    ``detail`` parameter so that no error is ever swallowed.
    """
    entry = messages().get(code)
    if entry is None:
        return str(said(params.get("detail", code), lang))
    template = entry.get(lang) or entry["id"]
    return template.format_map(_Filled({k: said(v, lang) for k, v in params.items()}))


def said(value: object, lang: str) -> object:
    """A message parameter in ``lang``: see :func:`message`; other values as they are."""
    if hasattr(value, "say"):  # a Text, or a finding's Location
        return value.say(lang)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Text) for v in value):
        return "; ".join(v.say(lang) for v in value)
    if isinstance(value, dt.date):
        from .formatting import tanggal  # formatting needs nothing from here

        return tanggal(value) if lang == "id" else f"{value:%-d %B %Y}"
    if isinstance(value, dict) and "id" in value:
        return value.get(lang, value["id"])
    return value


class _Filled(dict):
    """Parameters for ``str.format_map``; one never supplied shows as '…', never as '{name}'."""

    def __missing__(self, key: str) -> str:
        return "…"
