"""Read input files (YAML, or a filled Excel form) into validated agreements.

Every problem found is reported at once as an :class:`InputError` whose problems carry the
file and the line (YAML, see ``yamlread.py``) or the sheet and cell (a form, ``forms.py``),
the key path, what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
import hashlib
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import InputError, Problem
from .lru import LRU
from .messages import messages
from .model import DOKUMEN, MODELS, Agreement, Ksb, Loc, Pks, consistency_problems
from .model.fields import field_at, fields_at
from .paths import (  # noqa: F401  (re-exported)
    FORM_SUFFIXES,
    INPUT_SUFFIXES,
    MAX_INPUT_BYTES,
    YAML_SUFFIXES,
)
from .translations import Translations, split_translations, translated_data
from .yamlread import Lines, Parsed, key_text, line_for, nearest, parse_yaml, type_name

#: A filled form may carry a pasted logo; past this it is not a form.
MAX_FORM_BYTES = 5_000_000
#: An emblem printed above the title (``pihak[].lambang``): a PNG or JPEG of modest size.
MAX_PICTURE_BYTES = 2_000_000
_PICTURE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
Cells = dict[Loc, tuple[str, str]]


@dataclass(frozen=True)
class Loaded:
    """A validated input: the document, the KSB it points to (if any) and provenance.

    ``digest`` covers the bytes read (and those of the KSB file): the exact snapshot that is
    checked and rendered. ``lines`` (YAML) or ``cells`` (a form) locate every key path.
    ``data`` is the input as read, its Indonesian texts in place, and ``translations`` its
    texts in other languages (see :mod:`pkgen.translations`); ``ksb_source`` is the loaded
    KSB file, with its own.
    """

    path: Path
    document: Agreement
    digest: str
    ksb: Ksb | None = None
    ksb_path: Path | None = None
    ksb_digest: str | None = None
    lines: Lines = field(default_factory=dict, compare=False, repr=False)
    cells: Cells = field(default_factory=dict, compare=False, repr=False)
    data: dict = field(default_factory=dict, compare=False, repr=False)
    translations: Translations = field(default_factory=Translations, compare=False, repr=False)
    ksb_source: Loaded | None = field(default=None, compare=False, repr=False)

    @property
    def kind(self) -> str:
        """'PKS' or 'KSB'."""
        return self.document.dokumen


def load_agreement(path: Path, ksb_base: Sequence[Path] = ()) -> Loaded:
    """Read and validate the input at ``path``; a PKS's KSB file is loaded too.

    ``ksb.berkas`` is looked for in the folders ``ksb_base`` first, then beside ``path``.
    Raises :class:`InputError` listing every problem with its line (or cell) and key path.
    """
    suffix = path.suffix.lower()
    if suffix in (".docx", ".doc", ".odt", ".pdf"):
        raise InputError(Problem("input_is_document", path))
    form = suffix in FORM_SUFFIXES
    raw = _read_bytes(path, MAX_FORM_BYTES if form else MAX_INPUT_BYTES, form)
    lines: Lines = {}
    cells: Cells = {}
    if form:
        document, cells, data, translations = _read_form(raw, path)
    else:
        document, lines, data, translations = _read_yaml(raw, path)
    pictures = _read_pictures(document, path, lines, cells)
    digest = hashlib.sha256(raw + pictures).hexdigest()
    if isinstance(document, Pks) and document.ksb and document.ksb.berkas is not None:
        where = Problem("generic", path, lines.get(("ksb", "berkas")), "ksb.berkas",
                        cell=cells.get(("ksb", "berkas")))
        ksb_path = _find_ksb(document.ksb.berkas, [*ksb_base, path.parent])
        ksb, source = _load_referenced_ksb(ksb_path, where)
        combined = hashlib.sha256(raw + pictures + b"\0" + source.digest.encode()).hexdigest()
        return Loaded(path, document, combined, ksb, ksb_path, source.digest, lines, cells, data,
                      translations, source)
    return Loaded(path, document, digest, lines=lines, cells=cells, data=data,
                  translations=translations)


def _check_translations(data: dict, translations: Translations, model: type[BaseModel],
                        path: Path, cells: Cells | None = None) -> None:
    """Each language's text is read as the Indonesian one is (no characters Word cannot
    store, no text where a list belongs …): a problem is located at the translation's line,
    or at its cell in a form (the cell of the key path followed by the language code)."""
    problems = []
    for lang in sorted(translations.languages()):
        try:
            model.model_validate(translated_data(data, translations, lang, "…"))
        except ValidationError as err:
            where = {loc: line for (loc, code), line in translations.lines.items()
                     if code == lang}
            at = {loc: cells[(*loc, lang)] for loc in translations.texts
                  if (*loc, lang) in cells} if cells else None
            problems += [problem_from_pydantic(e, model, where, path, at)
                         for e in err.errors()]
    if problems:
        raise InputError(problems)


def _read_form(raw: bytes, path: Path) -> tuple[Agreement, Cells, dict, Translations]:
    """The agreement in a filled form, the cell of every key path, the data as read (its
    Indonesian texts in place) and its texts in other languages (the form's language
    columns)."""
    from .forms import read_form

    data, cells, form_problems = read_form(path, raw)
    split = split_translations(data, {}, {}, path)
    problems = form_problems + split.problems
    try:
        document = validate(split.data, {}, path, cells)
    except InputError as err:
        raise InputError(problems + err.problems) from err
    if problems:
        raise InputError(problems)
    _check_translations(split.data, split.translations, type(document), path, cells)
    return document, cells, split.data, split.translations


_Read = tuple[Agreement, Lines, dict, Translations]


def _read_yaml(raw: bytes, path: Path) -> _Read:
    """The agreement in YAML bytes, the line of every key path, the data as read (its
    Indonesian texts in place) and its texts in other languages."""
    parsed = parse_yaml(raw, path)
    split = split_translations(parsed.data, parsed.lines, parsed.comments, path, parsed.keys)
    parsed = Parsed(split.data, split.lines, split.comments)
    try:
        document = validate(parsed.data, parsed.lines, path, parsed=parsed)
    except InputError as err:
        raise InputError(sorted(split.problems + err.problems,
                                key=lambda p: p.line or 0)) from err
    if split.problems:
        raise InputError(split.problems)
    _check_translations(parsed.data, split.translations, type(document), path)
    return document, parsed.lines, parsed.data, split.translations


def _read_pictures(document: Agreement, path: Path, lines: Lines, cells: Cells) -> bytes:
    """The bytes of every emblem the parties name, after checking each is a usable picture."""
    problems, data = [], b""
    for i, party in enumerate(document.pihak):
        if party.lambang is None:
            continue
        loc = ("pihak", i, "lambang")
        where = (path, line_for(loc, lines), key_text(loc))
        picture = path.parent / party.lambang
        try:
            size = picture.stat().st_size
            head = picture.read_bytes()[:8] if size <= MAX_PICTURE_BYTES else b""
        except OSError:
            problems.append(Problem("picture_not_found", *where, {"name": party.lambang},
                                    cell_for(loc, cells)))
            continue
        if size > MAX_PICTURE_BYTES:
            problems.append(Problem("picture_too_large", *where, {
                "size": size, "limit": MAX_PICTURE_BYTES}, cell_for(loc, cells)))
        elif not head.startswith(_PICTURE_MAGIC):
            problems.append(Problem("picture_type", *where, {"name": party.lambang},
                                    cell_for(loc, cells)))
        else:
            data += picture.read_bytes()
    if problems:
        raise InputError(problems)
    return data


def _find_ksb(name: str, folders: list[Path]) -> Path:
    candidates = [(folder / name).resolve() for folder in folders]
    return next((c for c in candidates if c.is_file()), candidates[-1])


def _load_referenced_ksb(ksb_path: Path, where: Problem) -> tuple[Ksb, Loaded]:
    """The KSB at ``ksb_path``, and the input it was loaded from (its digest, its texts in
    other languages)."""
    try:
        raw: bytes | None = ksb_path.read_bytes()
    except OSError:
        raw = None  # load_agreement says why
    key = (str(ksb_path), raw)
    found = _KSBS.get(key) if raw is not None else None
    if found is not None:
        return found
    try:
        loaded = load_agreement(ksb_path)
    except InputError as err:
        raise InputError([*err.problems, _with(where, "ksb_file_invalid")]) from err
    if not isinstance(loaded.document, Ksb):
        raise InputError(_with(where, "ksb_file_not_ksb", path=str(ksb_path), found=loaded.kind))
    if raw is not None and loaded.digest == hashlib.sha256(raw).hexdigest():
        # read from these very bytes, and from nothing else (no emblem): the same every time
        _KSBS.put(key, (loaded.document, loaded))
    return loaded.document, loaded


#: The KSB files PKS inputs point to, by path and content: a register's PKS inputs share a
#: few, each loaded once per process.
_KSBS: LRU[tuple[Ksb, Loaded]] = LRU(64)


def _with(problem: Problem, code: str, **params: object) -> Problem:
    return Problem(code, problem.file, problem.line, problem.key, params, problem.cell)


def _read_bytes(path: Path, limit: int, form: bool) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(Problem("form_too_large" if form else "file_too_large", path,
                                     params={"size": size, "limit": limit}))
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as err:
        raise InputError(Problem("file_not_found", path)) from err
    except OSError as err:
        raise InputError(Problem("generic", path, params={"detail": err.strerror})) from err


def validate(data: dict, lines: Lines, path: Path | None = None, cells: Cells | None = None,
             parsed: Parsed | None = None) -> Agreement:
    """Validate plain data into a :class:`Pks` or :class:`Ksb`.

    ``dokumen`` (PKS or KSB) selects the model. Raises :class:`InputError` with one problem
    per wrong key path, located by ``lines`` (YAML) or ``cells`` (a form).
    """
    kind = data.get("dokumen")
    dokumen = kind.strip().upper() if isinstance(kind, str) else ""
    model = MODELS.get(dokumen)
    if model is None:
        raise InputError(Problem("dokumen_unknown", path, lines.get(("dokumen",), 1), "dokumen",
                                 {"value": kind or "", "choices": ", ".join(DOKUMEN)},
                                 cell_for(("dokumen",), cells)))
    data = {**data, "dokumen": dokumen}
    problems = _comment_problems(model, parsed, path) if parsed else []
    try:
        document = model.model_validate(data)
    except ValidationError as err:
        problems += [problem_from_pydantic(e, model, lines, path, cells) for e in err.errors()]
        problems.sort(key=lambda p: p.line or 0)
        raise InputError(problems) from err
    problems += [
        Problem(code, path, line_for(loc, lines), key_text(loc), params, cell_for(loc, cells))
        for loc, code, params in consistency_problems(document)
    ]
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.line or 0))
    return document


def _comment_problems(model: type[BaseModel], parsed: Parsed, path: Path | None) -> list:
    """A ``#`` after a value in a text field: YAML dropped the rest of the text."""
    out = []
    for loc, (line, comment) in parsed.comments.items():
        info = field_at(model, tuple(p for p in loc if not isinstance(p, int)))
        if info is not None and _is_text(info.annotation):
            out.append(Problem("yaml_inline_comment", path, line, key_text(loc),
                               {"comment": "#" + comment[:60]}))
    return out


def _is_text(annotation: object) -> bool:
    if annotation is str:
        return True
    return any(_is_text(arg) for arg in typing.get_args(annotation))


def problem_from_pydantic(
    error: ErrorDetails, model: type[BaseModel], lines: Lines, path: Path | None,
    cells: Cells | None = None,
) -> Problem:
    """A pydantic error as a located problem with one of the catalogue's message codes."""
    loc = _strip_union_tags(tuple(error["loc"]))
    code = error["type"]
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    params: dict[str, object] = {"input": _short(value), "found": type_name(value), **ctx}
    if value is None and code.endswith("_type"):
        code = "empty_value"
    if code == "extra_forbidden":
        allowed = sorted(fields_at(model, loc[:-1]))
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        params["close"] = close[0] if close else ""
        params["allowed"] = "" if close else ", ".join(allowed)
    elif code in ("enum", "literal_error"):
        params["expected"] = str(ctx.get("expected", "")).replace("' or '", "', '")
    elif code in ("int_type", "int_parsing", "int_from_float"):
        code = "int_parsing"
    elif code == "value_error":
        params["detail"] = error.get("msg", "")
    if code not in messages():
        params["detail"] = error.get("msg", code)
        code = "generic"
    return Problem(code, path, line_for(loc, lines), key_text(loc), params,
                   cell_for(loc, cells))


def cell_for(loc: Loc, cells: Cells | None) -> tuple[str, str] | None:
    """The form cell of ``loc``, or of the nearest enclosing key that has one."""
    if not cells:
        return None
    inside = [key for key in cells if key[: len(loc)] == loc]  # a part left wholly empty
    return nearest(loc, cells) or (cells[inside[0]] if inside else None)


def _strip_union_tags(loc: Loc) -> Loc:
    """Drop pydantic's union branch names (e.g. 'list[...]') from a location."""
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in _TAGS)))


_TAGS = {"function-after", "function-before", "function-wrap", "lax-or-strict"}


def _short(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
