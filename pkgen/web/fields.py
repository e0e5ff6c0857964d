"""The guided form, generated from the model: one node per field, and form data both ways.

Nothing here names a field of the agreement. Each field of :mod:`pkgen.model` becomes a
:class:`Node`: a group (a nested model), a repeat (a list of models, with add and remove), a
list of texts, or a single value whose kind (text, long text, date, amount, number, yes/no,
NIP, telephone, choice) is the model's own description of it (:mod:`pkgen.model.fields`, as
the Excel form reads it), so the form takes exactly what the Excel form and a YAML file take.
Help texts are the fields' descriptions, choices the ``Literal`` and enum values, labels the
Excel form's where it has one; a new field of the model appears in the form without a change
here.

Form fields are named by key path as messages name them (``pihak[2].penandatangan.nip``,
lists counted from 1), so each message finds its field.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import typing
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .. import values
from ..forms import sheets
from ..model import BAHASA, MODELS, ORDER, is_required
from ..model.fields import inner_model, kind_of
from ..translations import is_translation
from ..yamlread import key_text

YES, NO = "Ya", "Tidak"
#: A prefix for the form's own fields (CSRF token, file name …): never a key of the model.
CONTROL = "_"
INCLUDE = "_sertakan."
#: Between a field's name and a language: ``tentang@en`` is the English of ``tentang``.
LANG = "@"


@dataclass(frozen=True)
class Node:
    """One field of the form: ``kind`` is group, repeat, list, or a value kind."""

    name: str
    path: str  # dotted, without indices: "pihak.penandatangan.nip"
    kind: str
    label: str
    help: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str = ""
    children: tuple[Node, ...] = ()
    keep_empty: bool = False  # a list whose empty value means something ("perubahan: []")

    @property
    def scalar(self) -> bool:
        """True for a single value (not a group, a repeat or a list)."""
        return self.kind not in ("group", "repeat", "list")


@cache
def _labels() -> dict[str, str]:
    """The Excel form's label of each key path (dotted, without indices)."""
    out = {}
    for sheet in sheets():
        for spec in sheet.specs:
            key = f"{sheet.table}.{spec.key}" if sheet.table else spec.key
            out[key.replace("[]", "")] = spec.label
    return out


_ACRONYMS = {"ksb": "KSB", "dprd": "DPRD", "apbd": "APBD", "nip": "NIP", "pks": "PKS"}


def _humane(name: str) -> str:
    text = " ".join(_ACRONYMS.get(w, w) for w in name.split("_"))
    return text[:1].upper() + text[1:]


def _drops_empty(info: FieldInfo) -> bool:
    """True for a list whose blank items are dropped (an empty list is no list)."""
    stack: list[Any] = [info.annotation]
    found = [getattr(m, "func", None) for m in info.metadata]
    while stack:
        annotation = stack.pop()
        if typing.get_origin(annotation) is typing.Annotated:
            found += [getattr(m, "func", None) for m in annotation.__metadata__]
        stack += list(typing.get_args(annotation))
    return values.items_or_none in found


def _node(name: str, info: FieldInfo, prefix: str) -> Node:
    path = f"{prefix}.{name}" if prefix else name
    common: dict[str, Any] = {
        "name": name, "path": path, "label": _labels().get(path, _humane(name)),
        "help": " ".join((info.description or "").split()),
        "required": is_required(info) or info.is_required()}
    kind, choices = kind_of(info)
    inner = inner_model(info.annotation)
    if inner is not None:
        return Node(kind="repeat" if kind == "list" else "group",
                    children=_children(inner, path), **common)
    if kind == "list":
        return Node(kind="list", keep_empty=not _drops_empty(info), **common)
    default = info.get_default(call_default_factory=True)
    shown = display(default) if isinstance(default, str | bool | int | enum.Enum) else ""
    return Node(kind=kind, choices=(YES, NO) if kind == "bool" else choices, default=shown,
                **common)


@cache
def _children(model: type[BaseModel], prefix: str) -> tuple[Node, ...]:
    return tuple(_node(name, info, prefix) for name, info in model.model_fields.items())


def form_nodes(dokumen: str) -> tuple[Node, ...]:
    """The form of a ``dokumen`` (PKS or KSB): its top-level fields in document order."""
    model = MODELS[dokumen]
    names = sorted(model.model_fields, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))
    return tuple(_node(n, model.model_fields[n], "") for n in names)


def model_nodes(model: type[BaseModel]) -> tuple[Node, ...]:
    """The nodes of any model, in its own field order (for tests and new models)."""
    return _children(model, "")


# --- values shown in the form --------------------------------------------------------------------

def display(value: object) -> str:
    """A value as the form shows it, in a form the model reads back as the same value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | Decimal | dt.date)


def _is_texts(value: object) -> bool:
    """A text given per language: ``{id: …, en: …}``."""
    return isinstance(value, dict) and is_translation(value) and all(
        map(_is_scalar, value.values()))


def _is_list_of_texts(value: object) -> bool:
    """A list given per language: ``{id: [a, b], en: [a', b']}``."""
    return isinstance(value, dict) and is_translation(value) and all(
        isinstance(v, list) and v and all(map(_is_scalar, v)) for v in value.values())


def split(data: dict, nodes: tuple[Node, ...]) -> tuple[dict, dict]:
    """``data`` as the form shows it (every value text) and what the form cannot show.

    The second part (unknown keys, a text where a list belongs …) is kept with the form and
    saved back, so that nothing of an input is lost by editing it here.
    """
    shown: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    by_name = {n.name: n for n in nodes}
    for key, value in data.items():
        node = by_name.get(str(key))
        if node is None or value is None:
            if node is None:
                rest[key] = value
            continue
        if node.scalar and _is_scalar(value):
            shown[key] = display(value)
        elif node.scalar and _is_texts(value):  # {id: …, en: …}
            shown[key] = {lang: display(v) for lang, v in value.items()}
        elif node.kind == "list" and isinstance(value, list) and all(
                _is_scalar(v) or _is_texts(v) for v in value):
            shown[key] = [{lang: display(t) for lang, t in v.items()} if isinstance(v, dict)
                          else display(v) for v in value]
        elif node.kind == "list" and _is_list_of_texts(value):  # {id: [a, b], en: [a', b']}
            longest = max(len(texts) for texts in value.values())
            shown[key] = [{lang: display(texts[i]) for lang, texts in value.items()
                           if i < len(texts)} for i in range(longest)]
        elif node.kind == "group" and isinstance(value, dict):
            inside, inner = split(value, node.children)
            if inside:
                shown[key] = inside
            if inner:
                rest[key] = inner
        elif node.kind == "repeat" and isinstance(value, list) and all(
                isinstance(v, dict) for v in value):
            pairs = [split(v, node.children) for v in value]
            shown[key] = [p[0] for p in pairs]
            if any(p[1] for p in pairs):
                rest[key] = [p[1] for p in pairs]
        else:
            rest[key] = value
    return shown, rest


# --- form data back to an agreement ---------------------------------------------------------------

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d{1,4})\]|\.")


def parse_key(name: str) -> tuple[str | int, ...] | None:
    """``pihak[2].nama`` as a location ('pihak', 1, 'nama'), lists from 0; None if malformed."""
    loc: list[str | int] = []
    position = 0
    while position < len(name):
        match = _TOKEN.match(name, position)
        if match is None:
            return None
        if match.group(1):
            loc.append(match.group(1))
        elif match.group(2):
            if int(match.group(2)) < 1:
                return None
            loc.append(int(match.group(2)) - 1)
        position = match.end()
    return tuple(loc)


def _fits(loc: tuple, nodes: tuple[Node, ...]) -> bool:
    """True when ``loc`` names a value of the form (not a group, and no index out of place)."""
    current = nodes
    for n, part in enumerate(loc):
        if isinstance(part, int):
            return False
        node = next((x for x in current if x.name == part), None)
        if node is None:
            return False
        rest = loc[n + 1:]
        if node.scalar:
            return not rest
        if node.kind == "list":
            return len(rest) == 1 and isinstance(rest[0], int)
        if node.kind == "repeat":
            if not rest or not isinstance(rest[0], int):
                return False
            return _fits(rest[1:], node.children)
        current = node.children
    return False


def from_form(items: list[tuple[str, str]], nodes: tuple[Node, ...]) -> dict:
    """The agreement in posted form fields: blanks left out, lists in their order.

    Fields that are not the form's (wrong names, a group addressed as a value) are ignored.
    A list marked "include" (``_sertakan.perubahan``) is kept even when empty.
    """
    tree: dict = {}
    others: dict[tuple, dict[str, str]] = {}
    include: set[str | int] = set()
    for name, raw in items:
        if name.startswith(INCLUDE):
            loc = parse_key(name[len(INCLUDE):])
            if loc and len(loc) == 1 and any(n.name == loc[0] and n.keep_empty for n in nodes):
                include.add(loc[0])
            continue
        if name.startswith(CONTROL):
            continue
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        name, _, lang = name.partition(LANG)
        loc = parse_key(name)
        if loc is None or not _fits(loc, nodes) or not text.strip():
            continue
        if lang:
            if lang in BAHASA and lang != "id":
                others.setdefault(loc, {})[lang] = text
            continue
        _put(tree, loc, text)
    for loc, texts in others.items():  # the Indonesian text (perhaps blank) and the others
        _put(tree, loc, {"id": _get(tree, loc) or "", **texts})
    data: dict = _settle(tree)
    for key in include:
        data.setdefault(key, [])  # "include" with no item: the standard wording
    return data


def _put(tree: dict, loc: tuple, value: str | dict[str, str]) -> None:
    current: Any = tree
    for part in loc[:-1]:
        current = current.setdefault(part, {})
    current[loc[-1]] = value


def _get(tree: dict, loc: tuple) -> Any:
    current: Any = tree
    for part in loc:
        if not isinstance(current, dict) or part not in current:
            return None
        current = current[part]
    return current


def _settle(tree: Any) -> Any:
    """Turn index-keyed dicts into lists in index order, dropping what is empty."""
    if not isinstance(tree, dict):
        return tree
    settled = {k: _settle(v) for k, v in tree.items()}
    if settled and all(isinstance(k, int) for k in settled):
        return [settled[k] for k in sorted(settled)]
    return settled


def merge(data: dict, rest: dict) -> dict:
    """``data`` with what the form could not show put back where the form left it empty."""
    out = dict(data)
    for key, value in rest.items():
        if key not in out:
            out[key] = value
        elif isinstance(value, dict) and isinstance(out[key], dict):
            out[key] = merge(out[key], value)
        elif isinstance(value, list) and isinstance(out[key], list):
            padded = value + [{}] * max(0, len(out[key]) - len(value))
            out[key] = [merge(a, b) if isinstance(a, dict) and isinstance(b, dict) else a
                        for a, b in zip(out[key], padded, strict=False)]
    return out


def prune(value: Any) -> Any:
    """``value`` without blanks (None, empty texts and parts); an empty list stays (it can
    mean something: ``perubahan: []``)."""
    if isinstance(value, dict):
        out = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not None and v != "" and v != {}}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def form_items(shown: dict, prefix: tuple = ()) -> list[tuple[str, str]]:
    """The form fields a browser posts for ``shown`` (the first part of :func:`split`): the
    inverse of :func:`from_form`, for programs that talk to the application."""
    items: list[tuple[str, str]] = []
    for key, value in shown.items():
        loc = (*prefix, key)
        if is_translation(value):
            items += _texts(loc, value)
        elif isinstance(value, dict):
            items += form_items(value, loc)
        elif isinstance(value, list):
            if not value:
                items.append((INCLUDE + field_key(loc), "1"))
            for n, item in enumerate(value):
                if is_translation(item):
                    items += _texts((*loc, n), item)
                elif isinstance(item, dict):
                    items += form_items(item, (*loc, n))
                else:
                    items.append((field_key((*loc, n)), item))
        else:
            items.append((field_key(loc), value))
    return items


def _texts(loc: tuple, texts: dict) -> list[tuple[str, str]]:
    """The fields of a text given per language: ``tentang`` and ``tentang@en``."""
    key = field_key(loc)
    return [(key, texts.get("id", "")), *((f"{key}{LANG}{lang}", text)
                                           for lang, text in texts.items() if lang != "id")]


def field_key(loc: tuple) -> str:
    """The form field name (and message key) of a location."""
    return key_text(loc)
