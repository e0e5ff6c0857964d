"""The built-in templates shipped with pkgen, and what a template declares about itself: the
documents it is for (``pkgen.dokumen``) and the languages it prints (``pkgen.bahasa``)."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .docx_text import custom_properties, listed, package_property
from .errors import Problem, TemplateError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import Agreement

#: The custom properties a template declares: the documents it is for ("pks_ksdd", "ksb" …)
#: and the languages it prints ("id, en").
KIND_PROPERTY = "pkgen.dokumen"
LANGUAGE_PROPERTY = "pkgen.bahasa"


def builtin_templates() -> dict[str, Path]:
    """Return the built-in templates by name (file stem), e.g. ``pks_ksdd``."""
    folder = resources.files("pkgen.templates")
    return {
        Path(str(entry)).stem: Path(str(entry))
        for entry in folder.iterdir()
        if str(entry).endswith(".docx")
    }


def builtin_template(kind: str, languages: Iterable[str] = ("id",)) -> Path:
    """The built-in template for ``kind`` (``pks_ksdd``, ``ksb_ksdd`` …): among those declaring
    that kind, else its kind of document (``ksb``), the one that prints every language of
    ``languages`` with the fewest others (``ksb_luar_negeri`` for Indonesian and English,
    ``ksb_luar_negeri_ko`` with Korean too); when none prints them all, the one missing the
    fewest (the render then says which it lacks). TemplateError if none is for ``kind``."""
    declared = _builtin_kinds()
    wanted = set(languages)
    for name in (kind, kind.split("_")[0]):
        found = [path for path, kinds in declared.items() if name in kinds]
        if found:
            printed = _builtin_languages()
            return min(found, key=lambda p: (len(wanted - printed[p]), len(printed[p])))
    label = kind.replace("_", " ").upper()
    raise TemplateError(Problem("no_builtin_template", params={
        "kind": label, "option": f"--template {kind}=FILE"}))


def builtin_for(doc: Agreement) -> Path:
    """The built-in template of ``doc``: for its kind and the languages it is written in."""
    from .model import kinds_of, languages  # the models load only where a document is read

    return builtin_template(kinds_of(doc)[0], languages(doc))


@functools.cache
def _builtin_kinds() -> dict[Path, frozenset[str]]:
    return {path: listed(package_property(path, KIND_PROPERTY)) or frozenset({name})
            for name, path in sorted(builtin_templates().items())}


@functools.cache
def _builtin_languages() -> dict[Path, frozenset[str]]:
    return {path: (listed(package_property(path, LANGUAGE_PROPERTY)) or frozenset()) | {"id"}
            for path in builtin_templates().values()}


def template_languages(document) -> tuple[str, ...]:
    """The languages a template prints (its ``pkgen.bahasa`` property), Indonesian first;
    a template that declares none prints Indonesian only."""
    declared = listed(custom_properties(document).get(LANGUAGE_PROPERTY)) or frozenset()
    return ("id", *sorted(declared - {"id"}))


def check_languages(printed: tuple[str, ...], path: Path, written: Iterable[str]) -> None:
    """Refuse a template that does not print every language ``written`` (the languages the
    agreement is written in: :func:`pkgen.model.languages`)."""
    missing = [code for code in written if code not in printed]
    if missing:
        raise TemplateError(Problem("template_languages", path, params={
            "printed": ", ".join(printed), "missing": ", ".join(missing)}))
