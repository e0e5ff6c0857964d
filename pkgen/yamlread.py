"""Read YAML input files into plain data, the line of every key, and the traps YAML sets.

Every scalar is kept as the text the user typed (``0321123456`` stays ``"0321123456"``, not the
number 321123456); only an empty value becomes ``None``. Reading text as a date, an amount, a
number or yes/no is the model's job (``values.py``), the same for YAML and for forms.

YAML silently changes some ordinary typing, and those are reported instead of read:
- ``Jalan Bhayangkara #12``: the text after `` #`` is a comment (:attr:`Parsed.comments` keeps
  it, and ``inputs.py`` refuses it in a text field);
- a list item indented too far under the one before it becomes part of that item's text;
- a non-breaking space (pasted from Word) where YAML needs a space.
Parser errors are explained in Indonesian with the line they are on (see ``_explain``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml

from .errors import InputError, Problem

Loc = tuple[str | int, ...]
Lines = dict[Loc, int]
T = TypeVar("T")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml when present, with no implicit types to resolve: the builder reads every
    plain scalar as the text typed, never by its tag."""

    yaml_implicit_resolvers: dict = {}

    def resolve(self, kind: type, _value: object, _implicit: object) -> str:
        """The tag of an untagged node: its kind's own (what PyYAML answers without
        implicit or path resolvers, asked for every node)."""
        return _TAGS[kind]


_TAGS = {yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
         yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
         yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG}


_SCALAR = yaml.ScalarNode
_NULL = {"", "~", "null", "Null", "NULL"}
_COMMENT = re.compile(r"\s+#(.*)")  # after a plain scalar: what YAML drops
_NBSP = "\u00a0\u2007\u202f"
#: A non-breaking space in indentation, after a list dash or after a key's colon.
_NBSP_TRAP = re.compile(rf"^[ {_NBSP}]*[{_NBSP}]|^[ ]*-[{_NBSP}]|^[^#'\":\n]*:[{_NBSP}]",
                        re.MULTILINE)


@dataclass
class Parsed:
    """A parsed input: plain data, the line of every key path, and inline comments."""

    data: dict
    lines: Lines = field(default_factory=dict)
    #: Key path of a plain value followed on its line by `` # …``: (line, the comment).
    comments: dict[Loc, tuple[int, str]] = field(default_factory=dict)
    #: Every key of every mapping, wherever it is.
    keys: set[str] = field(default_factory=set)


def parse_yaml(raw: bytes, path: Path) -> Parsed:
    """Parse YAML bytes; raise :class:`InputError` with an explained, located problem."""
    text = _decode(raw, path)
    if any(space in text for space in _NBSP):  # the search costs a hundred times this test
        for match in _NBSP_TRAP.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            raise InputError(Problem("yaml_nbsp", path, line))
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as err:
        raise InputError(_explain(text, path, err)) from err
    if not isinstance(root, yaml.MappingNode):
        found = "type_empty" if root is None or (
            isinstance(root, yaml.ScalarNode) and root.value in _NULL) else (
            "type_list" if isinstance(root, yaml.SequenceNode) else "type_text")
        raise InputError(Problem("yaml_not_mapping", path, 1, params={"found": found}))
    parsed = Parsed({})
    data = _Builder(text.splitlines(), path, parsed).node(root, ())
    assert isinstance(data, dict)  # a mapping node builds a dict
    parsed.data = data
    return parsed


def _decode(raw: bytes, path: Path) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(Problem("file_utf16", path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        try:
            snippet = raw.splitlines()[line - 1].decode("cp1252").strip()
        except (UnicodeDecodeError, IndexError):
            raise InputError(Problem("file_not_text", path, line)) from err
        raise InputError(Problem("file_windows_1252", path, line, params={
            "text": snippet[:60]})) from err


class _Builder:
    """Turn composed nodes into plain data, noting lines and refusing what YAML gets wrong."""

    def __init__(self, source: list[str], path: Path, parsed: Parsed) -> None:
        self.source, self.path, self.parsed = source, path, parsed
        self.seen: set[int] = set()
        self.hashes = {i for i, line in enumerate(source) if "#" in line}

    def node(self, node: yaml.Node, loc: Loc) -> object:
        if type(node) is _SCALAR:  # most of them, at once
            return self.scalar(node, loc)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            if id(node) in self.seen:  # an alias: the same node reached twice
                raise InputError(Problem("yaml_alias", self.path, self.parsed.lines.get(loc),
                                         _key_text(loc)))
            self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            items = []
            lines = self.parsed.lines
            for i, item in enumerate(node.value):
                here = (*loc, i)
                lines[here] = item.start_mark.line + 1
                items.append(self.node(item, here))
            return items
        assert isinstance(node, yaml.ScalarNode)  # YAML composes nothing else
        return self.scalar(node, loc)

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict:
        out: dict[str, object] = {}
        lines = self.parsed.lines
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(Problem("yaml_complex_key", self.path, line))
            key = key_node.value
            here = (*loc, key)
            if key in out:
                raise InputError(Problem("yaml_duplicate_key", self.path, line, params={
                    "key": key, "other_line": lines[here]}))
            lines[here] = line
            out[key] = self.node(value_node, here)
        self.parsed.keys.update(out)
        return out

    def scalar(self, node: yaml.ScalarNode, loc: Loc) -> str | None:
        if node.style:  # quoted or block: the text as written
            return node.value
        if node.value in _NULL:
            return None
        start, end = node.start_mark.line, node.end_mark.line
        for number in range(start + 1, end + 1):
            if self.source[number].lstrip().startswith(("- ", "-\t")) or \
                    self.source[number].strip() == "-":
                raise InputError(Problem("yaml_item_in_text", self.path, number + 1,
                                         _key_text(loc), {"item_line": start + 1}))
        if end in self.hashes:  # a "#" on the line the value ends on
            comment = _COMMENT.match(self.source[end][node.end_mark.column:])
            if comment:
                self.parsed.comments[loc] = (end + 1, comment.group(1).strip())
        return node.value


# --- parser errors, explained -------------------------------------------------------------------

def _explain(text: str, path: Path, err: yaml.YAMLError) -> Problem:
    """The problem behind a parser error, in words a user acts on, at the line it is on."""
    if isinstance(err, yaml.reader.ReaderError):
        char = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(
            err.character)
        return Problem("control_character", path, text.count("\n", 0, err.position) + 1,
                       params={"char": char})
    try:  # the pure-Python parser words its errors the same way everywhere
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as reference:
        err = reference
    except yaml.YAMLError:  # pragma: no cover - both parsers fail alike
        pass
    if not isinstance(err, yaml.MarkedYAMLError):  # pragma: no cover
        return Problem("yaml_syntax", path, params={"text": ""})
    mark = err.problem_mark or err.context_mark
    lines = text.splitlines()
    line = mark.line + 1 if mark else None
    current = lines[mark.line] if mark and mark.line < len(lines) else ""
    code = _code(str(err.problem or ""), str(err.context or ""), current, mark)
    if code in ("yaml_unclosed_quote", "yaml_missing_colon", "yaml_flow") and err.context_mark:
        line = err.context_mark.line + 1  # where the quote, the key or the bracket began
        current = lines[err.context_mark.line] if err.context_mark.line < len(lines) else ""
    if code == "yaml_tab":
        return Problem(code, path, line)
    return Problem(code, path, line, params={"text": current.strip()[:80]})


def _code(problem: str, context: str, current: str, mark) -> str:
    before = current[: mark.column] if mark else ""
    rules = [
        ("'\\t'" in problem or "tab character" in problem, "yaml_tab"),
        ("mapping values are not allowed" in problem,
         "yaml_colon_in_value" if ":" in before.split("#")[0] else "yaml_indented_key"),
        ("cannot start any token" in problem, "yaml_reserved_start"),
        ("alias" in context or "anchor" in context or "undefined alias" in problem,
         "yaml_alias_start"),
        ("unknown escape" in problem, "yaml_escape"),
        ("quoted scalar" in context and "end of stream" in problem, "yaml_unclosed_quote"),
        ("block scalar" in context, "yaml_block_indicator"),
        ("could not find expected ':'" in problem, "yaml_missing_colon"),
        ("flow" in context, "yaml_flow"),
        ("single document" in context or "document" in problem, "yaml_document"),
        ("'<scalar>'" in problem and re.search(r"[\"']\s*\S", before + "x"), "yaml_after_quote"),
        ("expected <block end>" in problem or "expected key" in problem, "yaml_indentation"),
    ]
    return next((code for hit, code in rules if hit), "yaml_syntax")


def nearest(loc: Loc, places: Mapping[Loc, T]) -> T | None:
    """Where ``loc`` is (a line, a form cell), or its nearest enclosing key, in ``places``."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in places:
            return places[loc[:end]]
    return None


def line_for(loc: Loc, lines: Lines) -> int | None:
    """The line of ``loc``, or of the nearest enclosing key that has one."""
    return nearest(loc, lines)


def _key_text(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def key_text(loc: Loc) -> str:
    """Render a key path for people: ``pihak[2].penandatangan.nama`` (lists count from 1)."""
    return _key_text(loc)


def type_name(value: object) -> str:
    """A message code naming the kind of a value (text, list, …)."""
    names = [
        (bool, "type_bool"), (dict, "type_mapping"), (list, "type_list"), (str, "type_text"),
        (int | float, "type_number"), (type(None), "type_empty"),
    ]
    return next((name for kind, name in names if isinstance(value, kind)),
                type(value).__name__)
