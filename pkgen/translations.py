"""Texts given in several languages: ``{id: …, en: …}`` taken apart before validation.

An agreement with a foreign partner is written in Indonesian and in the partner's language
and/or English (UU 24/2009 Pasal 31). Any text value of an input may therefore be given per
language: a field (``objek: {id: …, en: …}``), a list item (``- {id: …, en: …}``) or a whole
list (``tujuan: {id: [a, b], en: [a', b']}``). The Indonesian text goes into the document, which
the model validates as usual; the other languages are kept beside it, by key path and with
their lines (:class:`Translations`). :func:`translated` gives the document in another language:
the same data with each translation put in place, validated again.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from .errors import Problem
from .model import BAHASA, MODELS, RECORD, Agreement, Ksb, Loc
from .model.fields import field_at, kind_of, needs_translation
from .yamlread import Lines, key_text

if TYPE_CHECKING:
    from .inputs import Loaded

_CODE = re.compile(r"^[a-z]{2,3}$")
#: Kinds of value that are text, and so can be given per language.
_TEXT = ("text", "long", "list", "phone")


@dataclass(frozen=True)
class Translations:
    """The texts of an input in languages other than Indonesian, by key path.

    ``texts[loc][lang]`` is the text at ``loc`` in ``lang``; ``lines[(loc, lang)]`` the line it
    was written on.
    """

    texts: dict[Loc, dict[str, str]] = field(default_factory=dict)
    lines: dict[tuple[Loc, str], int] = field(default_factory=dict)

    def get(self, loc: Loc, lang: str) -> str | None:
        """The text at ``loc`` in ``lang``, or None when none was given."""
        return self.texts.get(loc, {}).get(lang)

    def languages(self) -> set[str]:
        """Every language some text is given in (besides Indonesian)."""
        return {lang for by_lang in self.texts.values() for lang in by_lang}


@dataclass
class Split:
    """An input's data with its translations taken out (see :func:`split_translations`)."""

    data: dict
    lines: Lines
    comments: dict[Loc, tuple[int, str]]
    translations: Translations
    problems: list[Problem]


def split_translations(data: dict, lines: Lines, comments: dict[Loc, tuple[int, str]],
                       path: Path | None, keys: Collection[str] | None = None) -> Split:
    """Take every ``{id: …, en: …}`` value of ``data`` apart.

    The Indonesian text takes the value's place (and its line); the others go into the
    returned :class:`Translations`. Refused, each as a located problem: a language pkgen does
    not know, a value with no Indonesian text, lists of different lengths, a value that is not
    text (dates, amounts and choices are written in each language by pkgen itself).
    ``keys``, when given, are all the keys of ``data``'s mappings, wherever they are (as the
    YAML reader gathers them): if none is a language, nothing is looked for.
    """
    # Most inputs: nothing to take apart, nothing to copy.
    if (keys is not None and BAHASA.keys().isdisjoint(keys)) or not _has_translation(data):
        return Split(data, lines, comments, Translations(), [])
    kind = data.get("dokumen")
    model = MODELS.get(kind.strip().upper()) if isinstance(kind, str) else None
    split = Split(copy.deepcopy(data), dict(lines), dict(comments), Translations(), [])
    _Splitter(split, model, path).walk(split.data, ())
    return split


def _has_translation(value: object) -> bool:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if is_translation(item):
                return True
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


class _Splitter:
    def __init__(self, split: Split, model: type[BaseModel] | None, path: Path | None) -> None:
        self.split, self.model, self.path = split, model, path

    def problem(self, code: str, loc: Loc, **params: object) -> None:
        line = self.split.lines.get(loc)
        self.split.problems.append(Problem(code, self.path, line, key_text(loc), params))

    def walk(self, value: object, loc: Loc) -> None:
        items = value.items() if isinstance(value, dict) else enumerate(value) \
            if isinstance(value, list) else ()
        for key, item in list(items):
            here = (*loc, key)
            if is_translation(item):
                value[key] = self.take(item, here)  # type: ignore[index]
            else:
                self.walk(item, here)

    def take(self, given: dict, loc: Loc) -> object:
        """The Indonesian text of ``given`` (a value per language) at ``loc``; the rest noted."""
        unknown = [c for c in given if c not in BAHASA]
        for code in unknown:
            close = difflib.get_close_matches(code, list(BAHASA), n=1)
            self.problem("translation_language", (*loc, code), bahasa=code,
                         close=close[0] if close else "", known=", ".join(BAHASA))
        if "id" not in given:
            self.problem("translation_no_indonesian", loc)
            return None
        if unknown:
            return given["id"]
        info = field_at(self.model, tuple(p for p in loc if isinstance(p, str))) \
            if self.model else None
        if info is not None and kind_of(info)[0] not in _TEXT:
            self.problem("translation_not_text", loc)
            return given["id"]
        if isinstance(given["id"], list):
            return self.take_list(given, loc)
        if any(isinstance(v, dict | list) for v in given.values()):
            self.problem("translation_shape", loc)
            return given["id"]
        self.note(loc, loc, given)
        return given["id"]

    def take_list(self, given: dict, loc: Loc) -> object:
        texts = given["id"]
        for code, items in given.items():
            if not isinstance(items, list) or any(isinstance(i, dict | list) for i in items):
                self.problem("translation_shape", (*loc, code))
                return texts
            if len(items) != len(texts):
                self.problem("translation_list_length", (*loc, code), bahasa=code,
                             count=len(items), expected=len(texts))
                return texts
        for i in range(len(texts)):
            self.note((*loc, i), (*loc, "{}", i), {c: v[i] for c, v in given.items()})
        return texts

    def note(self, loc: Loc, written: Loc, given: dict) -> None:
        """Record ``given``'s translations at ``loc``; ``written`` is where each language was
        typed, '{}' standing for its code."""
        split = self.split
        where = {code: tuple(code if p == "{}" else p for p in written) if "{}" in written
                 else (*written, code) for code in given}
        if where["id"] in split.lines:
            split.lines[loc] = split.lines[where["id"]]
        for code, text in given.items():
            if where[code] in split.comments:
                split.comments.setdefault(loc, split.comments.pop(where[code]))
            if code == "id" or text is None:
                continue
            split.translations.texts.setdefault(loc, {})[code] = str(text)
            line = split.lines.get(where[code], split.lines.get(loc))
            if line is not None:
                split.translations.lines[(loc, code)] = line


def is_translation(value: object) -> bool:
    """True for a mapping of language codes to texts: ``{id: …, en: …}``."""
    return isinstance(value, dict) and any(k in BAHASA for k in value) and all(
        isinstance(k, str) and _CODE.match(k) for k in value)


def text_leaves(data: object, model: type[BaseModel], loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every non-blank text of ``data`` that is written in each language of the agreement (not
    a name, number, address …: see :class:`pkgen.model.Tetap`; not the register's record of
    the agreement's life, which is not printed), with its key path."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not (loc == () and key in RECORD):
                yield from text_leaves(value, model, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from text_leaves(value, model, (*loc, i))
    elif isinstance(data, str) and data.strip():
        info = field_at(model, tuple(p for p in loc if isinstance(p, str)))
        if info is not None and needs_translation(info):
            yield loc, data


def untranslated(data: dict, translations: Translations, lang: str) -> list[Loc]:
    """The key paths of the texts of ``data`` that have no ``lang`` text."""
    model = MODELS.get(str(data.get("dokumen", "")).strip().upper())
    if model is None:
        return []
    return [loc for loc, _text in text_leaves(data, model) if translations.get(loc, lang) is None]


def translated(loaded: Loaded, lang: str, fill: str) -> tuple[Agreement, Ksb | None]:
    """The document of ``loaded`` (and the KSB it points to) with its texts in ``lang``; a text
    with no ``lang`` version becomes ``fill`` (the draft shows it as a blank to fill in)."""
    document = _translated_document(loaded, lang, fill)
    source = loaded.ksb_source
    ksb = _translated_document(source, lang, fill) if source is not None else loaded.ksb
    return document, ksb  # type: ignore[return-value]


def _translated_document(loaded: Loaded, lang: str, fill: str) -> Agreement:
    if not loaded.data:  # an input read from a form carries no translations
        return loaded.document
    data = translated_data(loaded.data, loaded.translations, lang, fill)
    return type(loaded.document).model_validate(data)


def translated_data(data: dict, translations: Translations, lang: str, fill: str) -> dict:
    """A copy of ``data`` with its texts in ``lang``: each translation in place, ``fill`` where
    a text that needs one has none."""
    data = copy.deepcopy(data)
    for loc in untranslated(data, translations, lang):
        _put(data, loc, fill)
    for loc, texts in translations.texts.items():
        if lang in texts:
            _put(data, loc, texts[lang])
    return data


def _put(data: object, loc: Loc, value: object) -> None:
    for part in loc[:-1]:
        data = data[part]  # type: ignore[index]
    data[loc[-1]] = value  # type: ignore[index]


def joined(data: dict, translations: Translations) -> dict:
    """A copy of ``data`` with each text that has translations given per language,
    ``{id: …, en: …}``, as an input file writes it (the inverse of :func:`split_translations`).
    A translation whose key path ``data`` lacks is left out."""
    data = copy.deepcopy(data)
    for loc, texts in translations.texts.items():
        parent: object = data
        for part in loc[:-1]:
            parent = _child(parent, part)
        current = _child(parent, loc[-1])
        if current is not None and not isinstance(current, dict | list):
            parent[loc[-1]] = {"id": current, **texts}  # type: ignore[index]
    return data


def _child(value: object, part: str | int) -> object:
    if isinstance(value, dict):
        return value.get(part)
    if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
        return value[part]
    return None


def per_item(value: object) -> object:
    """A whole list given per language (``{id: [a, b], en: [a', b']}``) as the list of its
    items given per language; any other value as it is."""
    if not (isinstance(value, dict) and is_translation(value)
            and isinstance(value.get("id"), list)):
        return value
    lists = {code: items if isinstance(items, list) else [] for code, items in value.items()}
    return [{code: items[i] if i < len(items) else None for code, items in lists.items()}
            for i in range(len(lists["id"]))]


def languages_in(data: object) -> set[str]:
    """Every language besides Indonesian that some text of ``data`` is given in."""
    if isinstance(data, dict) and is_translation(data):
        return {code for code in data if code != "id"}
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return {code for item in items for code in languages_in(item)}
