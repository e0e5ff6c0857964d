"""Write an agreement as a commented YAML input file (pkgen import, pkgen new --from-ksb)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .model import KEYS, Ksb, Pks
from .schema import SCHEMA_FILE


def agreement_yaml(data: dict, header: list[str] | None = None,
                   notes: dict[str, str] | None = None) -> str:
    """``data`` (an agreement as plain data) as YAML, each top-level key under a comment.

    The comment is the model's Indonesian description of the key, or ``notes[key]`` when
    given (for parts still to be filled in). Keys keep the model's order.
    """
    model: type[BaseModel] = Pks if data.get("dokumen", "PKS") == "PKS" else Ksb
    root = CommentedMap()
    for key in sorted(data, key=lambda k: KEYS.index(k) if k in KEYS else len(KEYS)):
        root[key] = _plain(data[key])
    notes = notes or {}
    for key in root:
        info = model.model_fields.get(key)
        text = notes.get(key) or (info.description if info else None)
        if text and key != "dokumen":
            root.yaml_set_comment_before_after_key(key, before=text.replace("\n", " "))
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # one line per value: easier to edit than folded lines
    buffer = io.StringIO()
    yaml.dump(root, buffer)
    lines = [f"# yaml-language-server: $schema={SCHEMA_FILE}"]
    lines += [f"# {line}" for line in header or []]
    return "\n".join(lines) + "\n" + buffer.getvalue()


def _plain(value):
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _plain(item)
        return out
    if isinstance(value, list | tuple):
        return CommentedSeq(_plain(v) for v in value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value
