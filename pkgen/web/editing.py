"""An agreement being edited in the browser: where it comes from, its verdict, its YAML.

The form's data is checked the way every command checks an input: it is written as YAML
beside where it will be saved (a hidden file, so that ``ksb.berkas`` and emblems resolve as
they will) and given to :func:`pkgen.drafts.produce`. The verdict is therefore the one
``pkgen validate`` will give the saved file, message for message.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..checks.findings import Finding, Report
from ..checks.rulebook import Rulebook
from ..drafts import Produced, Renderer, produce
from ..emit import agreement_yaml
from ..errors import InputError, PkgenError, Problem
from ..forms import agreement_data, read_form
from ..inputs import FORM_SUFFIXES, MAX_FORM_BYTES, MAX_INPUT_BYTES
from ..model import Ksb
from ..render import Draft
from ..skeleton import from_ksb, skeleton
from ..templating import TemplateChoice, find_config, load_config
from ..yamlread import parse_yaml
from .fields import parse_key, prune

#: Values set aside when the form's data does not load, to check the rest (at most this often).
_RETRIES = 3


@dataclass
class Verdict:
    """What is wrong with the form's data: per field, in general, and the checker's findings."""

    fields: dict[str, list[dict]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    loads: bool = True

    def add(self, key: str | None, text: str, level: str) -> None:
        """A message beside the field ``key`` (or in general when it has none)."""
        if key:
            self.fields.setdefault(key, []).append({"text": text, "level": level})
        else:
            self.general.append(text)

    def counts(self) -> dict[str, int]:
        """Errors, warnings and notes; a value that cannot be read is an error too."""
        out = {"error": len(self.general), "warning": 0, "info": 0}
        for finding in self.findings:
            out[finding["severity"]] += 1
        out["error"] += sum(1 for messages in self.fields.values() for m in messages
                            if m["level"] == "problem")
        return out

    def to_json(self) -> dict:
        """The verdict for the page's script."""
        return {"fields": self.fields, "general": self.general, "findings": self.findings,
                "loads": self.loads, "counts": self.counts()}


def problem_text(problem: Problem, lang: str) -> str:
    """A problem's message without its location (shown beside its field instead)."""
    if problem.cell is not None and problem.key is None:
        return problem.format(lang)  # a form's own cell: the cell is the only way to find it
    return replace(problem, file=None, line=None, key=None, cell=None).format(lang)


def finding_json(finding: Finding, book: Rulebook, lang: str) -> dict:
    """A finding for the page: its level, rule, message, basis, location and field."""
    loc = finding.location
    key = loc.key if loc is not None and loc.key else None
    where = replace(loc, line=None).text(lang) if loc is not None else None
    return {"severity": finding.severity, "rule": finding.rule.id, "key": key,
            "message": finding.message(book, lang), "citation": finding.rule.dasar.text(lang),
            "location": where}


def templates_for(folder: Path) -> TemplateChoice:
    """The templates for an input in ``folder``: its register's ``pkgen.toml``, or built-in."""
    return TemplateChoice([], load_config(find_config(folder)))


@dataclass
class SharedRenderer(Renderer):
    """A :class:`~pkgen.drafts.Renderer` for the server's threads: each template is prepared
    once for every user, and one draft is rendered at a time (the renderer's caches and a
    prepared template are not made for two threads; drafts are CPU work that the GIL
    serialises anyway)."""

    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def render(self, *args: Any, **kwargs: Any) -> Draft:
        """The draft, rendered while no other thread renders."""
        with self._lock:
            return super().render(*args, **kwargs)


def check_data(data: dict, folder: Path, book: Rulebook, lang: str, *,
               render: bool = False, renderer: Renderer | None = None,
               ) -> tuple[Verdict, Produced | None]:
    """The verdict on ``data`` as an input saved in ``folder``, and (when it loads) what
    :func:`produce` made of it: the report and, with ``render``, the draft (rendered by
    ``renderer``)."""
    verdict = Verdict()
    data = prune(data)
    for attempt in range(_RETRIES + 1):
        try:
            produced = _produce(data, folder, book, render, renderer)
        except InputError as err:
            verdict.loads = False
            for problem in err.problems:
                if attempt == 0:
                    verdict.add(problem.key, problem_text(problem, lang), "problem")
            rest = _without(data, [p.key for p in err.problems])
            if rest is None or attempt == _RETRIES:
                return verdict, None
            data = rest
            continue
        except PkgenError as err:  # a template of the register's pkgen.toml that is broken
            verdict.general += [problem_text(p, lang) for p in err.problems]
            return verdict, None
        _add_findings(verdict, produced.report, lang)
        return verdict, produced if verdict.loads else None
    return verdict, None


def _add_findings(verdict: Verdict, report: Report, lang: str) -> None:
    set_aside = set(verdict.fields)  # values that could not be read were checked as blanks
    for finding in report.sorted_findings():
        item = finding_json(finding, report.book, lang)
        if item["key"] and any(k == item["key"] or k.startswith((item["key"] + ".",
                                                                  item["key"] + "["))
                               for k in set_aside):
            continue
        verdict.findings.append(item)
        if item["key"] and finding.severity == "error":
            verdict.add(item["key"], item["message"], "finding")


def _produce(data: dict, folder: Path, book: Rulebook, render: bool,
             renderer: Renderer | None) -> Produced:
    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / f".pkgen-periksa-{uuid.uuid4().hex}.yaml"
    try:
        scratch.write_text(scratch_yaml(prune(data)), encoding="utf-8")
        return produce(scratch, book, templates_for(folder), render=render, renderer=renderer)
    finally:
        scratch.unlink(missing_ok=True)


def scratch_yaml(data: dict) -> str:
    """``data`` as YAML that reads back as exactly the same text, quickly (libyaml); every
    character past ASCII escaped, so that no typing trap of YAML can be met. The file to save
    is written by :func:`input_yaml`; both read back as the same values."""
    try:
        return yaml.dump(data, Dumper=_DUMPER, allow_unicode=False, sort_keys=False,
                         width=1 << 30)
    except yaml.YAMLError:  # a value libyaml cannot represent: the slower, general writer
        return agreement_yaml(data)


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_SAVED = Path("disimpan.yaml")


def _without(data: dict, keys: list[str | None]) -> dict | None:
    """``data`` with the values at ``keys`` removed; None when nothing could be removed."""
    out: Any = _copy(data)
    removed = False
    for key in keys:
        loc = parse_key(key) if key else None
        if not loc or loc[0] in ("dokumen", "jenis", "pihak") and len(loc) == 1:
            continue
        parent: Any = out
        for part in loc[:-1]:
            parent = parent[part] if _has(parent, part) else None
            if parent is None:
                break
        if parent is not None and _has(parent, loc[-1]):
            parent[loc[-1]] = None
            removed = True
    return out if removed else None


def _has(container: object, part: str | int) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and part < len(container)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


# --- where a form's data comes from ---------------------------------------------------------------

def blank(dokumen: str, jenis: str) -> dict:
    """A new agreement: the skeleton ``pkgen new`` writes, with its usual answers filled in."""
    text = skeleton(dokumen, jenis)
    return parse_yaml(text.encode("utf-8"), Path("baru.yaml")).data


def from_ksb_file(ksb_path: Path, target: Path, book: Rulebook) -> dict:
    """A PKS pre-filled from the KSB input at ``ksb_path``, to be saved at ``target``."""
    produced = produce(ksb_path, book, render=False)
    if not isinstance(produced.loaded.document, Ksb):
        raise InputError(Problem("ksb_file_not_ksb", ksb_path, params={
            "path": ksb_path.name, "found": produced.loaded.kind}))
    text = from_ksb(produced.loaded.document, ksb_path, target)
    return parse_yaml(text.encode("utf-8"), target).data


def read_input(path: Path, raw: bytes) -> tuple[dict, list[Problem]]:
    """The data of an input file as typed (YAML text, form cells), and a form's own cell
    problems. Raises :class:`InputError` for a file that cannot be read at all."""
    if path.suffix.lower() in FORM_SUFFIXES:
        if len(raw) > MAX_FORM_BYTES:
            raise InputError(Problem("form_too_large", path, params={
                "size": len(raw), "limit": MAX_FORM_BYTES}))
        data, _cells, problems = read_form(path, raw)
        return data, problems
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(Problem("file_too_large", path, params={
            "size": len(raw), "limit": MAX_INPUT_BYTES}))
    return parse_yaml(raw, path).data, []


def input_yaml(data: dict, produced: Produced | None, header: list[str]) -> bytes:
    """The YAML to save: the validated agreement written as ``pkgen import`` writes one, or,
    when it does not load yet or has texts in other languages, the values exactly as typed
    (so nothing typed is lost).

    A text the commented writer would not read back as typed (a non-breaking space from Word
    after a colon, which YAML's readers take for a typing trap; a control character) is
    written with escapes instead, without the comments.
    """
    raw = prune(data)
    # the validated agreement holds the Indonesian texts only: with others, what was typed
    whole = produced is not None and not produced.loaded.translations.texts
    text = agreement_yaml(agreement_data(produced.loaded.document) if produced and whole
                          else raw, header)
    try:
        back = parse_yaml(text.encode("utf-8"), _SAVED).data
        same = whole or back == parse_yaml(
            scratch_yaml(raw).encode("utf-8"), _SAVED).data
    except InputError:
        same = False
    if same:
        return text.encode("utf-8")
    return ("".join(f"# {line}\n" for line in header) + scratch_yaml(raw)).encode("utf-8")
