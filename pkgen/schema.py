"""JSON Schema of input files, generated from the model, for editors that complete YAML."""

from __future__ import annotations

import json
from typing import Annotated

from pydantic import Field, TypeAdapter

from .model import Ksb, Pks

SCHEMA_FILE = "pkgen.schema.json"


def input_schema() -> dict:
    """The schema of a PKS or KSB input (chosen by ``dokumen``), titles and help in Indonesian."""
    adapter = TypeAdapter(Annotated[Pks | Ksb, Field(discriminator="dokumen")])
    schema = adapter.json_schema()
    for definition in schema.get("$defs", {}).values():
        # Class docstrings are written for developers, in English; fields carry the
        # Indonesian help that editors show.
        definition.pop("description", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Masukan pkgen: Perjanjian Kerja Sama (PKS) atau Kesepakatan Bersama (KSB)"
    schema["description"] = (
        "Satu perjanjian per berkas. 'dokumen: PKS' atau 'dokumen: KSB' menentukan isinya.")
    return schema


def schema_text() -> str:
    """The schema as formatted JSON."""
    return json.dumps(input_schema(), ensure_ascii=False, indent=2) + "\n"
