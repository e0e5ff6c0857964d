"""The languages a form offers texts in besides Indonesian."""

from __future__ import annotations

from ..model import BAHASA
from ..model.rules import FOREIGN
from ..translations import is_translation


def other_languages(data: dict) -> list[str]:
    """The languages besides Indonesian the form offers a text in: those the input declares
    (``bahasa.naskah``), English for a foreign cooperation, and any it already holds."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if is_translation(value):
            found.update(value)  # type: ignore[arg-type]
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    bahasa = data.get("bahasa")
    declared = bahasa.get("naskah") if isinstance(bahasa, dict) else None
    if isinstance(declared, list):
        found.update(str(code) for code in declared)
    if str(data.get("jenis") or "").upper() in {j.value for j in FOREIGN}:
        found.add("en")
    return sorted(code for code in found if code != "id" and code in BAHASA)
