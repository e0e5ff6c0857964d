"""The message catalogue: both languages say the same thing with the same values, and every
place that reports a problem supplies every value its message shows — no message ever prints
an unfilled ``{parameter}``."""

from __future__ import annotations

import ast
import string

import pytest
from conftest import ROOT

from pkgen.messages import message, messages

MESSAGES = messages()

#: Values added to every problem's parameters on the way to the user (``inputs.py``,
#: ``errors.Problem.format``): the value given, its kind, a "did you mean", the Word paragraph.
ADDED = {"input", "found", "suggestion", "allowed", "near", "expected", "detail"}


def placeholders(text: str) -> set[str]:
    return {name for _t, name, _f, _c in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_take_the_same_values(code):
    entry = MESSAGES[code]
    assert set(entry) == {"id", "en"}, code
    assert placeholders(entry["id"]) == placeholders(entry["en"]), code


@pytest.mark.parametrize("code", sorted(MESSAGES))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_message_formats(code, lang):
    values = {name: f"<{name}>" for name in placeholders(MESSAGES[code][lang])}
    text = message(code, lang, **values)
    assert "{" not in text.replace("{{", "").replace("}}", "") or "{{" in MESSAGES[code][lang]
    assert "…" not in text or "…" in MESSAGES[code][lang]


def test_a_missing_value_never_shows_as_a_placeholder():
    assert message("date_invalid", "id") == message("date_invalid", "id", input="…")
    assert "{input}" not in message("date_invalid", "en")


def _calls():
    """(file, line, code, keys given) for each Problem(...), PydanticCustomError(...),
    msg(...) and message(...) naming its code."""
    for path in sorted((ROOT / "pkgen").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0]
            if name not in ("Problem", "PydanticCustomError", "msg", "message") or not (
                    isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            if name in ("msg", "message"):  # message("code", lang, name=value, …)
                keys = {kw.arg for kw in node.keywords if kw.arg}
                yield path.name, node.lineno, first.value, keys, any(
                    kw.arg is None for kw in node.keywords)
                continue
            given = [kw.value for kw in node.keywords if kw.arg == "params"]
            given += [a for a in node.args[1:] if isinstance(a, ast.Dict)]
            keys = {k.value for d in given if isinstance(d, ast.Dict) for k in d.keys
                    if isinstance(k, ast.Constant)}
            unknown = any(isinstance(d, ast.Dict) and None in d.keys for d in given) or any(
                not isinstance(d, ast.Dict) for d in given)
            yield path.name, node.lineno, first.value, keys, unknown


CALLS = list(_calls())


def test_the_scan_sees_the_reporting_code():
    assert len(CALLS) > 100


@pytest.mark.parametrize(("file", "line", "code", "keys", "unknown"), CALLS,
                         ids=[f"{f}:{n}:{c}" for f, n, c, _k, _u in CALLS])
def test_each_report_gives_its_message_s_values(file, line, code, keys, unknown):
    assert code in MESSAGES, f"{file}:{line}: no message '{code}'"
    if unknown:  # parameters built at run time (a spread dict): checked where they are made
        return
    needed = placeholders(MESSAGES[code]["id"]) - ADDED
    assert needed <= keys, f"{file}:{line}: '{code}' needs {sorted(needed - keys)}"


def test_the_catalogue_is_a_gettext_catalogue_with_every_message():
    from pkgen.messages import catalogue

    entries = [e for e in catalogue() if e.context]
    assert len(entries) == len(MESSAGES) > 200
    assert [e.context for e in entries if not e.string] == []  # each has its Indonesian text
