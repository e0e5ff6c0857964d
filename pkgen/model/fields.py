"""The model read as a description of its fields, for everything that asks a person for values
(the Excel form, the skeleton, a web page): where a key path leads, what kind of value it
takes and its choices, whether a complete agreement needs it, and its help text."""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from enum import Enum

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .rules import is_required
from .types import Ketik, Tetap


def inner_model(annotation: object) -> type[BaseModel] | None:
    """The model class inside an annotation (``list[Pihak] | None`` → ``Pihak``), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = inner_model(arg)
            if found:
                return found
    return None


def field_at(model: type[BaseModel], keys: tuple[str | int, ...]) -> FieldInfo | None:
    """The model field at a key path (list indices skipped), or None if there is none."""
    current: type[BaseModel] | None = model
    info = None
    for part in keys:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        info = current.model_fields[part]
        current = inner_model(info.annotation)
    return info


def fields_at(model: type[BaseModel], keys: tuple[str | int, ...]) -> set[str]:
    """The names of the fields a value at ``keys`` may have (empty if it is no mapping)."""
    current: type[BaseModel] | None = model
    for part in keys:
        if current is None:
            return set()
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = inner_model(info.annotation) if info else None
    return set(current.model_fields) if current else set()


def required_along(model: type[BaseModel], keys: tuple[str, ...]) -> bool:
    """True when a complete agreement needs the value at ``keys`` and every part above it."""
    return all(info is not None and is_required(info) for info in
               (field_at(model, keys[:end]) for end in range(1, len(keys) + 1)))


def kind_of(info: FieldInfo) -> tuple[str, tuple[str, ...]]:
    """How a value is typed: ``text``, ``long``, ``phone``, ``nip``, ``date``, ``int``,
    ``money``, ``bool``, ``choice`` (with its choices) or ``list`` (of texts)."""
    typed = next((m.cara for m in _metadata(info) if isinstance(m, Ketik)), None)
    if typed:
        return {"panjang": "long", "telepon": "phone"}[typed], ()
    base = _base(info.annotation)
    if typing.get_origin(base) is typing.Literal:
        return "choice", tuple(str(a) for a in typing.get_args(base))
    if isinstance(base, type) and issubclass(base, Enum):
        return "choice", tuple(str(m.value) for m in base)
    if typing.get_origin(base) is list:
        return "list", ()
    names = {bool: "bool", dt.date: "date", int: "int", Decimal: "money"}
    if base in names:
        return names[base], ()
    return ("nip" if _validated_by(info, "nip_value") else "text"), ()


def needs_translation(info: FieldInfo) -> bool:
    """True for a text an agreement with a foreign partner gives in each of its languages:
    every text but a name, number, address or other :class:`~pkgen.model.types.Tetap` one."""
    base = _base(info.annotation)
    if typing.get_origin(base) is list:
        base = _base(typing.get_args(base)[0])
    return base is str and kind_of(info)[0] in ("text", "long", "list") and not any(
        isinstance(m, Tetap) for m in _metadata(info))


def help_text(model: type[BaseModel], keys: tuple[str, ...]) -> str:
    """The model's (Indonesian) description of the field at ``keys``."""
    info = field_at(model, keys)
    return info.description or "" if info else ""


def _base(annotation: object) -> object:
    """The type under ``Annotated`` and ``| None``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _metadata(info: FieldInfo) -> list[object]:
    """The metadata of the field and of every ``Annotated`` layer of its type."""
    found = list(info.metadata)
    stack = [info.annotation]
    while stack:
        annotation = stack.pop()
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is typing.Annotated:
            found += list(args[1:])  # Annotated[T, *metadata]
        stack += list(args)
    return found


def _validated_by(info: FieldInfo, name: str) -> bool:
    return any(getattr(getattr(m, "func", None), "__name__", "") == name
               for m in _metadata(info))
