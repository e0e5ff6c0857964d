"""Read input files (YAML, or a filled Excel form) into validated agreements.

Every problem found is reported at once as an :class:`InputError` whose problems carry the
file and the line (YAML, see ``yamlread.py``) or the sheet and cell (a form, ``forms.py``),
the key path, what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .errors import InputError, Problem
from .messages import MESSAGES
from .model import MODELS, Agreement, Ksb, Loc, Pks, consistency_problems
from .yamlread import Lines, key_text, line_for, parse_yaml, type_name

#: Inputs are a few kilobytes; anything past this is the wrong file.
MAX_INPUT_BYTES = 1_000_000
#: Excel forms (pkgen form) are inputs too.
FORM_SUFFIXES = (".xlsx", ".xlsm")



@dataclass(frozen=True)
class Loaded:
    """A validated input: the document, the KSB it points to (if any) and provenance."""

    path: Path
    document: Agreement
    digest: str
    ksb: Ksb | None = None
    ksb_path: Path | None = None
    lines: Lines = field(default_factory=dict, compare=False, repr=False)

    @property
    def kind(self) -> str:
        """'PKS' or 'KSB'."""
        return self.document.dokumen


def load_agreement(path: Path) -> Loaded:
    """Read and validate the input at ``path``; a PKS's KSB file is loaded too.

    Raises :class:`InputError` listing every problem with its line and key path.
    """
    if path.suffix.lower() in (".docx", ".doc", ".odt", ".pdf"):
        raise InputError(Problem("input_is_document", path))
    raw = _read_bytes(path)
    if path.suffix.lower() in FORM_SUFFIXES:
        from .forms import read_form

        data, cells, form_problems = read_form(path, raw)
        lines: Lines = {}
        try:
            document = validate(data, lines, path, cells)
        except InputError as err:
            raise InputError(form_problems + err.problems) from err
        if form_problems:
            raise InputError(form_problems)
    else:
        data, lines = parse_yaml(raw, path)
        document = validate(data, lines, path)
    digest = hashlib.sha256(raw).hexdigest()
    if isinstance(document, Pks) and document.ksb and document.ksb.berkas is not None:
        ksb_path = (path.parent / document.ksb.berkas).resolve()
        ksb_loaded = _load_referenced_ksb(ksb_path, path, lines)
        digest = hashlib.sha256(raw + b"\0" + ksb_loaded.digest.encode()).hexdigest()
        return Loaded(path, document, digest, ksb_loaded.document, ksb_path,  # type: ignore[arg-type]
                      lines)
    return Loaded(path, document, digest, lines=lines)


def _load_referenced_ksb(ksb_path: Path, referrer: Path, lines: Lines) -> Loaded:
    where = Problem("generic", referrer, lines.get(("ksb", "berkas")), "ksb.berkas")
    try:
        loaded = load_agreement(ksb_path)
    except InputError as err:
        raise InputError([*err.problems, _with(where, "ksb_file_invalid")]) from err
    if not isinstance(loaded.document, Ksb):
        raise InputError(
            _with(where, "ksb_file_not_ksb", path=str(ksb_path), found=loaded.kind)
        )
    return loaded


def _with(problem: Problem, code: str, **params: object) -> Problem:
    return Problem(code, problem.file, problem.line, problem.key, params)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                Problem("file_too_large", path, params={"size": size, "limit": MAX_INPUT_BYTES})
            )
        return path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(Problem("file_not_found", path)) from err
    except IsADirectoryError as err:
        raise InputError(Problem("file_not_found", path)) from err
    except OSError as err:
        raise InputError(Problem("generic", path, params={"detail": err.strerror})) from err


_ISO_SHAPE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_SHAPE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _impossible_date(value: object) -> bool:
    """True for a date written in a known order that the calendar does not have (30 Feb)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    iso, dmy = _ISO_SHAPE.fullmatch(text), _DMY_SHAPE.fullmatch(text)
    if not (iso or dmy):
        return False
    year, month, day = (int(g) for g in iso.groups()) if iso else reversed(
        [int(g) for g in dmy.groups()])
    try:
        dt.date(year, month, day)
    except ValueError:
        return True
    return False  # a real date, in the wrong order: the message shows the right one


def validate(data: dict, lines: Lines, path: Path | None = None,
             cells: dict | None = None) -> Agreement:
    """Validate plain data into a :class:`Pks` or :class:`Ksb`.

    ``dokumen`` (PKS or KSB, default PKS) selects the model. Raises :class:`InputError`
    with one problem per wrong key path, located by ``lines`` (YAML) or ``cells`` (a form).
    """
    kind = data.get("dokumen", "PKS")
    model = MODELS.get(str(kind).upper()) if isinstance(kind, str) else None
    if model is None:
        raise InputError(
            Problem("dokumen_unknown", path, lines.get(("dokumen",)), "dokumen",
                    {"value": kind}, cell_for(("dokumen",), cells))
        )
    data = {**data, "dokumen": str(kind).upper()}
    try:
        document = model.model_validate(data)
    except ValidationError as err:
        problems = [problem_from_pydantic(e, model, lines, path, cells) for e in err.errors()]
        problems.sort(key=lambda p: p.line or 0)
        raise InputError(problems) from err
    problems = [
        Problem(code, path, line_for(loc, lines), key_text(loc), params, cell_for(loc, cells))
        for loc, code, params in consistency_problems(document)
    ]
    if problems:
        raise InputError(problems)
    return document


def problem_from_pydantic(
    error: dict, model: type[BaseModel], lines: Lines, path: Path | None,
    cells: dict | None = None,
) -> Problem:
    loc = _strip_union_tags(tuple(error["loc"]))
    code = error["type"]
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    params: dict[str, object] = {"input": _short(value), "found": type_name(value), **ctx}
    if value is None and code.endswith("_type"):
        code = "empty_value"
    if code == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        params["close"] = close[0] if close else ""
        params["allowed"] = "" if close else ", ".join(allowed)
    elif code in ("enum", "literal_error"):
        params["expected"] = str(ctx.get("expected", "")).replace("' or '", "', '")
    elif code.startswith("date_") and code != "date_type":
        code = "date_invalid" if _impossible_date(value) else "date_type"
    elif code.startswith("decimal_") and code != "decimal_max_places":
        code = "decimal_type"
    elif code in ("int_type", "int_parsing") and isinstance(value, float | str):
        code = "int_parsing"
    elif code == "value_error":
        params["detail"] = error.get("msg", "")
    if code not in MESSAGES:
        params["detail"] = error.get("msg", code)
        code = "generic"
    return Problem(code, path, line_for(loc, lines), key_text(loc), params,
                   cell_for(loc, cells))


def cell_for(loc: Loc, cells: dict | None) -> tuple[str, str] | None:
    """The form cell of ``loc``, or of the nearest enclosing key that has one."""
    if not cells:
        return None
    for end in range(len(loc), 0, -1):
        if loc[:end] in cells:
            return cells[loc[:end]]
    inside = [key for key in cells if key[: len(loc)] == loc]  # a part left wholly empty
    return cells[inside[0]] if inside else None


def _strip_union_tags(loc: Loc) -> Loc:
    """Drop pydantic's union branch names (e.g. 'list[...]') from a location."""
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in _TAGS)))


_TAGS = {"function-after", "function-before", "function-wrap", "lax-or-strict"}


def _fields_at(model: type[BaseModel], loc: Loc) -> set[str]:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return set()
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _inner_model(field.annotation) if field else None
    return set(current.model_fields) if current else set()


def _inner_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None


def _short(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
