"""Read input files into validated agreements, keeping line numbers for messages.

YAML is read with ruamel.yaml, which knows the line of every key. Every problem found is
reported at once as an :class:`InputError` whose problems carry file, line and key path.
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

import yaml as yaml_c
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from .errors import InputError, Problem
from .messages import MESSAGES
from .model import MODELS, Agreement, Ksb, Loc, Pks, consistency_problems

_CLoader = getattr(yaml_c, "CSafeLoader", None)

#: Inputs are a few kilobytes; anything past this is the wrong file.
MAX_INPUT_BYTES = 1_000_000
#: Excel forms (pkgen form) are inputs too.
FORM_SUFFIXES = (".xlsx", ".xlsm")

Lines = dict[Loc, int]


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


def parse_yaml(raw: bytes, path: Path) -> tuple[dict, Lines]:
    """Parse YAML bytes into plain Python data and the 1-based line of every key path."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(Problem("file_not_text", path, params={"detail": str(err)})) from err
    fast = _parse_fast(text, path)
    if fast is not None:
        return fast
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    # Dates stay text so that pydantic reports an impossible date (2019-02-30) with its key.
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", type(yaml.constructor).construct_yaml_str
    )
    try:
        tree = yaml.load(text)
    except ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        char = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
        raise InputError(Problem("control_character", path, line, params={"char": char})) from err
    except DuplicateKeyError as err:
        raise InputError(_duplicate_key_problem(err, path)) from err
    except MarkedYAMLError as err:
        raise InputError(_syntax_problem(err, path)) from err
    except YAMLError as err:
        raise InputError(Problem("yaml_syntax", path, params={"detail": str(err)})) from err
    if not isinstance(tree, dict):
        raise InputError(Problem("yaml_not_mapping", path, 1, params={"found": _type_name(tree)}))
    lines: Lines = {}
    data = _plain(tree, (), lines, path, set())
    return data, lines


# libyaml (through PyYAML) parses ten times faster than ruamel's pure-Python parser. It is
# used for the inputs it reads exactly as ruamel does (YAML 1.2 core types; dates as text);
# anything else, and every error, goes to ruamel, whose messages and results are the reference.
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


_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
#: Numbers other than plain decimal integers, in any YAML version's spelling.
_NUMBERISH = re.compile(
    r"[-+]?([0-9][0-9_]*)?(\.[0-9_]*)?([eE][-+]?[0-9]+)?|0[oxb][0-9a-fA-F_]+"
    r"|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?\.(inf|Inf|INF|nan|NaN|NAN)")
_UNUSUAL = re.compile(r"(^|[\s\[{,:-])![^\s]|<<\s*:")


def _parse_fast(text: str, path: Path) -> tuple[dict, Lines] | None:
    """Parse with libyaml, or None when ruamel must decide (errors, tags, unusual scalars)."""
    if _CLoader is None or _UNUSUAL.search(text):
        return None
    try:
        root = yaml_c.compose(text, Loader=_CLoader)
    except yaml_c.YAMLError:
        return None
    if not isinstance(root, yaml_c.MappingNode):
        return None
    lines: Lines = {}
    try:
        data = _from_node(root, (), lines, path, set())
    except _Unsupported:
        return None
    return data, lines


class _Unsupported(Exception):
    """A scalar whose type YAML 1.1 and 1.2 disagree on: left to ruamel."""


def _from_node(node, loc: Loc, lines: Lines, path: Path, seen: set[int]) -> object:
    if isinstance(node, yaml_c.MappingNode | yaml_c.SequenceNode):
        if id(node) in seen:
            raise InputError(Problem("yaml_alias", path, lines.get(loc), key_text(loc)))
        seen.add(id(node))
    if isinstance(node, yaml_c.MappingNode):
        out: dict[str, object] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node)) if isinstance(key_node, yaml_c.ScalarNode) else None
            if key is None:
                raise _Unsupported
            line = key_node.start_mark.line + 1
            if key in out:
                raise InputError(Problem("yaml_duplicate_key", path, line, params={
                    "key": key, "other_line": first_line[key]}))
            first_line[key] = line
            child = (*loc, key)
            lines[child] = line
            out[key] = _from_node(value_node, child, lines, path, seen)
        return out
    if isinstance(node, yaml_c.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            child = (*loc, i)
            lines[child] = item.start_mark.line + 1
            items.append(_from_node(item, child, lines, path, seen))
        return items
    return _scalar(node)


def _scalar(node) -> object:
    value = node.value
    if node.style:  # quoted or block: always text (libyaml gives plain scalars style "")
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value, 10)
    if _NUMBERISH.fullmatch(value):
        raise _Unsupported
    return value


def _plain(node: object, loc: Loc, lines: Lines, path: Path, seen: set[int]) -> object:
    """Copy ruamel's tree into plain types; refuse aliases (a node reached twice)."""
    if isinstance(node, dict | list):
        if id(node) in seen:
            raise InputError(Problem("yaml_alias", path, lines.get(loc), key_text(loc)))
        seen.add(id(node))
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            child = (*loc, str(key))
            lines[child] = node.lc.key(key)[0] + 1
            out[str(key)] = _plain(value, child, lines, path, seen)
        return out
    if isinstance(node, list):
        items = []
        for i, value in enumerate(node):
            child = (*loc, i)
            lines[child] = node.lc.item(i)[0] + 1
            items.append(_plain(value, child, lines, path, seen))
        return items
    if isinstance(node, str):
        return str(node)
    if isinstance(node, TaggedScalar):  # an explicit tag (!!str 14): the text as written
        return str(node.value)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return str(node)  # as written, so that 1250000.5 becomes an exact Decimal
    return node


def _syntax_problem(err: MarkedYAMLError, path: Path) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark is not None else None
    if mark is not None and _is_tab_at(mark):
        return Problem("yaml_tab", path, line)
    return Problem("yaml_syntax", path, line, params={"detail": err.problem or str(err)})


def _is_tab_at(mark: object) -> bool:
    """True if the line of ``mark`` contains a tab (YAML forbids tabs in indentation)."""
    buffer = getattr(mark, "buffer", None)
    index = getattr(mark, "index", None)
    if not buffer or index is None:
        return False
    start = buffer.rfind("\n", 0, index) + 1
    end = buffer.find("\n", index)
    return "\t" in buffer[start : end if end != -1 else None]


def _duplicate_key_problem(err: DuplicateKeyError, path: Path) -> Problem:
    line = err.problem_mark.line + 1 if err.problem_mark else None
    other = err.context_mark.line + 1 if err.context_mark else "?"
    key = ""
    problem = err.problem or ""
    if '"' in problem:
        key = problem.split('"')[1]
    return Problem("yaml_duplicate_key", path, line, params={"key": key, "other_line": other})


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
    params: dict[str, object] = {"input": _short(value), "found": _type_name(value), **ctx}
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


def line_for(loc: Loc, lines: Lines) -> int | None:
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def key_text(loc: Loc) -> str:
    """Render a key path for people: ``pihak[2].penandatangan.nama`` (lists count from 1)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


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


def _type_name(value: object) -> str:
    names = [
        (bool, "type_bool"), (dict, "type_mapping"), (list, "type_list"), (str, "type_text"),
        (int | float, "type_number"), (type(None), "type_empty"),
    ]
    return next((name for kind, name in names if isinstance(value, kind)),
                type(value).__name__)
