"""The command line's language: Indonesian by default, English with ``--lang en``/PKGEN_LANG.

The command line's own words — its help and the messages of click (usage, errors such as a
missing argument) — come from the gettext catalogue ``locale/id.po`` like every message of
pkgen (see ``messages.py``). Click looks its words up through gettext, and
:func:`install` points its lookups at this catalogue.
"""

from __future__ import annotations

import os

import click

from .messages import catalogue

LANGS = ("id", "en")
_state = {"lang": ""}


def default_lang() -> str:
    """PKGEN_LANG when it names a language pkgen speaks, else Indonesian."""
    lang = os.environ.get("PKGEN_LANG", "id")
    return lang if lang in LANGS else "id"


def current() -> str:
    """The language of this run: ``--lang`` once parsed, else the default."""
    return _state["lang"] or default_lang()


def use(lang: str) -> None:
    """Speak ``lang`` from now on (called when ``--lang`` is parsed)."""
    _state["lang"] = lang


def gettext(text: str) -> str:
    """``text`` in the current language (English texts are the catalogue's keys)."""
    if current() == "en":
        return text
    return _translation(text) or text


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a text in the current language."""
    if current() == "en":
        return singular if count == 1 else plural
    return _translation(singular) or (singular if count == 1 else plural)


def _translation(text: str) -> str | None:
    """The catalogue's Indonesian for ``text``, or None; a plural's first form (Indonesian
    has one)."""
    entry = catalogue().get(text)
    if entry is None or not entry.string:
        return None
    return entry.string if isinstance(entry.string, str) else entry.string[0]


def install() -> None:
    """Make click look its words up in pkgen's catalogue."""
    for module in (click.core, click.exceptions, click.parser, click.types, click.decorators,
                   click.formatting):
        # click imports these from gettext privately, so to mypy they are not its attributes.
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


class Option(click.Option):
    """An option whose help (and shown default) is translated when help is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        """As click's, in the current language."""
        record = super().get_help_record(ctx)
        if record is None:
            return None
        names, text = record
        if self.help:
            text = text.replace(self.help, gettext(self.help), 1)
        if isinstance(self.show_default, str):
            text = text.replace(self.show_default, gettext(self.show_default), 1)
        return names, text


def _usage(pieces: list[str]) -> list[str]:
    return [gettext(piece) for piece in pieces]


class Command(click.Command):
    """A command whose help is translated when shown."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """'[OPTIONS] FILES...' in the current language."""
        return _usage(super().collect_usage_pieces(ctx))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The first paragraph of the help in the current language (the rest in English)."""
        _translated(self, super().format_help_text, ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The one-line summary shown in ``pkgen --help``."""
        return _short(self, super().get_short_help_str, limit)


class Group(click.Group):
    """The ``pkgen`` group: translated help, and commands made with :class:`Command`."""

    command_class = Command

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """'[OPTIONS] COMMAND [ARGS]...' in the current language."""
        return _usage(super().collect_usage_pieces(ctx))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The group's help in the current language."""
        _translated(self, super().format_help_text, ctx, formatter)


def _translated(command: click.Command, original, ctx, formatter) -> None:
    saved = command.help
    first, _sep, rest = (saved or "").partition("\n\n")
    translated = gettext(first.strip())
    command.help = translated if translated != first.strip() else saved
    try:
        original(ctx, formatter)
    finally:
        command.help = saved


def _short(command: click.Command, original, limit: int) -> str:
    saved = command.help
    first = (saved or "").partition("\n\n")[0].strip()
    command.help = gettext(first)
    try:
        return original(limit)
    finally:
        command.help = saved
