"""Which template renders which document: templates belong to a kind of document.

A template declares the documents it is for in its custom property ``pkgen.dokumen`` (Word:
File › Info › Properties › Advanced › Custom), e.g. ``pks_ksdd`` or ``pks_ksdpl, pks_ksdll``;
``ksb`` covers every KSB. The built-in templates declare theirs; a copy edited in Word keeps it.

The template of an input is, in order: one given for its kind on the command line
(``--template pks_ksdd=FILE``, or ``--template FILE`` for the kinds FILE declares), the
register's ``pkgen.toml`` (``[templat]`` table, paths relative to the file), for
``pkgen build`` the one its last build used, then the built-in one — the one that prints the
languages the agreement is written in (``bahasa.naskah``). ``KIND=bawaan`` (or
``KIND=builtin``) asks for the built-in template. A template given for a kind it does not
declare, or that no input has, is refused: a KSDPK agreement is never rendered with KSDD
wording.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .bundled import KIND_PROPERTY, builtin_template
from .docx_text import listed, package_property
from .errors import InputError, Problem, TemplateError
from .kinds import DOKUMEN, JENIS

if TYPE_CHECKING:
    from .model import Agreement

BUILTIN_WORDS = ("bawaan", "builtin")
CONFIG = "pkgen.toml"
KINDS = tuple(d.lower() for d in DOKUMEN) + tuple(
    f"{d.lower()}_{j.lower()}" for d in DOKUMEN for j in JENIS)
_KIND = re.compile(r"^(" + "|".join(sorted(KINDS, key=len, reverse=True)) + r")=(.+)$",
                   re.IGNORECASE)


def kind_label(kind: str) -> str:
    """'pks_ksdd' -> 'PKS KSDD', for messages."""
    return kind.replace("_", " ").upper()


def declared_kinds(path: Path) -> frozenset[str] | None:
    """The kinds a template declares in its ``pkgen.dokumen`` property, or None if none."""
    return listed(package_property(path, KIND_PROPERTY))


@dataclass(frozen=True)
class Given:
    """A template the user chose: for one kind, or (``kind`` None) for the kinds it declares."""

    path: Path
    kind: str | None = None
    origin: str = "--template"


#: The origin of a ``KIND=bawaan`` choice: the built-in template for each input's languages.
BUILTIN = "bawaan"


def parse_template_options(values: Iterable[str]) -> list[Given]:
    """``--template FILE`` and ``--template KIND=FILE`` as given on the command line."""
    out = []
    for value in values:
        match = _KIND.match(value)
        if match and match.group(2).lower() in BUILTIN_WORDS:
            kind = match.group(1).lower()
            out.append(Given(builtin_template(kind), kind, BUILTIN))
        else:
            out.append(Given(Path(match.group(2)), match.group(1).lower()) if match
                       else Given(Path(value)))
    return out


@dataclass
class TemplateChoice:
    """The templates a run uses, by kind; see the module docstring for the order."""

    given: list[Given] = field(default_factory=list)
    config: list[Given] = field(default_factory=list)
    recorded: list[Given] = field(default_factory=list)
    _declared: dict[Path, frozenset[str] | None] = field(default_factory=dict, repr=False)

    def template_for(self, doc: Agreement) -> Path:
        """The template that renders ``doc``; :class:`TemplateError` if none fits."""
        from .model import kinds_of, languages

        return self.template_of(kinds_of(doc), languages(doc))

    def template_of(self, kinds: tuple[str, ...], langs: Sequence[str] = ("id",)) -> Path:
        """The template for a document of ``kinds`` (most specific first, as ``kinds_of``)
        written in ``langs``."""
        for choices in (self.given, self.config, self.recorded):
            for kind in kinds:
                for given in choices:
                    if given.kind in (kind, None) and kind in (self._kinds(given) or ()):
                        return builtin_template(kind, langs) if given.origin == BUILTIN \
                            else given.path
        return builtin_template(kinds[0], langs)

    def check_unused(self, docs: Iterable[Agreement]) -> None:
        """Refuse a template given on the command line for kinds no document of the run has."""
        from .model import kinds_of

        docs = list(docs)
        used = {k for doc in docs for k in kinds_of(doc)}
        for given in self.given:
            wanted = self._kinds(given) or frozenset()
            if used and not any(_covers(wanted, k) for k in used):
                raise TemplateError(Problem("template_unused", given.path, params={
                    "declared": _labels(wanted),
                    "kinds": _labels({kinds_of(doc)[0] for doc in docs})}))

    def _kinds(self, given: Given) -> frozenset[str] | None:
        """The kinds ``given`` may render, after checking it exists and fits its kind."""
        if given.path not in self._declared:
            if not given.path.is_file():
                code = "template_recorded_gone" if given.origin.endswith(".json") else \
                    "template_not_found"
                raise TemplateError(Problem(code, params={
                    "name": str(given.path), "kind": given.kind or ""}))
            from .render import check_template

            check_template(given.path)  # a Word document with tags, not a draft or a workbook
            declared = declared_kinds(given.path)
            if given.kind is not None and declared is not None and not _covers(declared,
                                                                                given.kind):
                raise TemplateError(Problem("template_wrong_kind", given.path, params={
                    "kind": kind_label(given.kind), "declared": _labels(declared)}))
            if given.kind is None and declared is None:
                raise TemplateError(Problem("template_undeclared", given.path, params={
                    "example": f"--template pks_ksdd={given.path}"}))
            self._declared[given.path] = declared
        declared = self._declared[given.path]
        return frozenset({given.kind}) if given.kind else declared


def _covers(declared: frozenset[str], kind: str) -> bool:
    """True if a template declared for ``declared`` fits ``kind`` ('ksb' fits 'ksb_ksdd')."""
    return any(kind == d or kind.startswith(d + "_") for d in declared)


def _labels(kinds: Iterable[str]) -> str:
    return ", ".join(kind_label(k) for k in sorted(kinds))


# --- the register's configuration ---------------------------------------------------------------

def find_config(start: Path) -> Path | None:
    """The ``pkgen.toml`` of the register ``start`` lies in: in it or a folder above."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG).is_file():
            return candidate / CONFIG
    return None


def load_config(path: Path | None) -> list[Given]:
    """The templates a ``pkgen.toml`` names: ``[templat]`` with ``kind = "path"`` lines."""
    if path is None:
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(Problem("config_invalid", path, params={"detail": str(err)})) from err
    except tomllib.TOMLDecodeError as err:
        line = re.search(r"line (\d+)", str(err))
        raise InputError(Problem("config_syntax", path, int(line.group(1)) if line else None)) \
            from err
    unknown = sorted(set(data) - {"templat"})
    if unknown:
        raise InputError(Problem("config_unknown_key", path, key=unknown[0], params={
            "allowed": "templat"}))
    out = []
    for kind, value in (data.get("templat") or {}).items():
        if kind.lower() not in KINDS or not isinstance(value, str):
            raise InputError(Problem("config_template", path, key=f"templat.{kind}", params={
                "kinds": ", ".join(KINDS)}))
        out.append(Given((path.parent / value).resolve(), kind.lower(), str(path)))
    return out
