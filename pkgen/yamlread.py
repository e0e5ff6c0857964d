"""Read YAML input files into plain data and the line of every key.

libyaml (through PyYAML) reads an input when it types every value exactly as ruamel.yaml
does (YAML 1.2 core types, dates as text); ruamel.yaml reads the rest and reports every
error, with the line it happened on.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml as yaml_c
from ruamel.yaml import YAML
from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from .errors import InputError, Problem

Loc = tuple[str | int, ...]
Lines = dict[Loc, int]
_CLoader = getattr(yaml_c, "CSafeLoader", None)

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
        raise InputError(Problem("yaml_not_mapping", path, 1, params={"found": type_name(tree)}))
    lines: Lines = {}
    data = _plain(tree, (), lines, path, set())
    return data, lines


# libyaml (through PyYAML) parses ten times faster than ruamel's pure-Python parser. It is
# used for the inputs it reads exactly as ruamel does (YAML 1.2 core types; dates as text);
# anything else, and every error, goes to ruamel, whose messages and results are the reference.
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


def type_name(value: object) -> str:
    """A message code naming the kind of a YAML value (text, list, …)."""
    names = [
        (bool, "type_bool"), (dict, "type_mapping"), (list, "type_list"), (str, "type_text"),
        (int | float, "type_number"), (type(None), "type_empty"),
    ]
    return next((name for kind, name in names if isinstance(value, kind)),
                type(value).__name__)
