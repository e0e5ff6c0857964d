"""JSON Schema of input files, generated from the model, for editors that complete YAML."""

from __future__ import annotations

import json
from typing import Annotated

from pydantic import Field, TypeAdapter

from .model import BAHASA, Ksb, Loi, Pks

SCHEMA_FILE = "pkgen.schema.json"


def input_schema() -> dict:
    """The schema of a PKS or KSB input (chosen by ``dokumen``), titles and help in Indonesian."""
    adapter = TypeAdapter(Annotated[Pks | Ksb | Loi, Field(discriminator="dokumen")])
    schema = adapter.json_schema()
    _with_translations(schema)
    for definition in schema.get("$defs", {}).values():
        # Class docstrings are written for developers, in English; fields carry the
        # Indonesian help that editors show.
        definition.pop("description", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = ("Masukan pkgen: Perjanjian Kerja Sama (PKS), Kesepakatan Bersama (KSB) "
                       "atau Pernyataan Kehendak (LOI)")
    schema["description"] = (
        "Satu perjanjian per berkas. 'dokumen: PKS', 'dokumen: KSB' atau 'dokumen: LOI' "
        "menentukan isinya.")
    return schema


def _with_translations(schema: dict) -> None:
    """Let every text be given per language too (``{id: …, en: …}``; see
    :mod:`pkgen.translations`): a text, a list of texts and each of its items."""
    languages = {code: {"type": "string"} for code in BAHASA}
    defs = schema.setdefault("$defs", {})
    for node in [schema, *defs.values()]:
        for name, prop in node.get("properties", {}).items():
            node["properties"][name] = _per_language(prop)
    defs["Terjemahan"] = {
        "type": "object", "properties": languages, "required": ["id"],
        "additionalProperties": False,
        "description": "Teks per bahasa: id (bahasa Indonesia, wajib), en, ko, …"}
    defs["TerjemahanDaftar"] = {
        "type": "object", "required": ["id"], "additionalProperties": False,
        "properties": {code: {"type": "array", "items": {"type": "string"}}
                       for code in BAHASA},
        "description": "Daftar per bahasa: id (wajib), en, …; sama banyak butirnya"}


def _per_language(prop: dict) -> dict:
    options = prop.get("anyOf", [prop])
    text = any(o.get("type") == "string" and not ({"enum", "const", "format"} & set(o))
               for o in options)
    texts = [o for o in options if o.get("type") == "array"
             and o.get("items", {}).get("type") == "string"]
    for option in texts:
        option["items"] = {"anyOf": [option["items"], {"$ref": "#/$defs/Terjemahan"}]}
    extra = [{"$ref": "#/$defs/Terjemahan"}] if text else []
    extra += [{"$ref": "#/$defs/TerjemahanDaftar"}] if texts else []
    if not extra:
        return prop
    if "anyOf" in prop:
        return {**prop, "anyOf": [*prop["anyOf"], *extra]}
    described = {k: prop[k] for k in ("title", "description", "default") if k in prop}
    inner = {k: v for k, v in prop.items() if k not in described}
    return {**described, "anyOf": [inner, *extra]}


def schema_text() -> str:
    """The schema as formatted JSON."""
    return json.dumps(input_schema(), ensure_ascii=False, indent=2) + "\n"
