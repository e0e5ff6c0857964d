"""Regenerate a register of inputs into a drafts folder: incremental, safe for hand edits.

The drafts folder holds a manifest (``.pkgen-manifest.json``) recording, for each draft, what
it was made from and the hash of its text as pkgen wrote it. A build:

1. plans cheaply from file hashes: new, stale, unchanged, hand-edited, orphaned;
2. renders what is new or stale in worker processes, each preparing a template once, into a
   staging folder, checking every input and every draft on the way;
3. installs the drafts that passed with atomic renames, never over a hand-edited draft,
   noting each install in a journal first, so that an interrupted build leaves every draft
   old or new and the manifest consistent with the disk (the next build replays the journal);
4. reports what changed, article by article.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

from . import __version__
from . import redline as redlines
from .checks import check_agreement, load_rulebook
from .checks.document import check_structure
from .checks.structure import parse_structure
from .context import ARTICLES, build_context
from .docx_text import open_document, read_blocks, text_hash
from .errors import EXIT_FINDINGS, EXIT_INPUT, PkgenError, Problem, TemplateError
from .inputs import load_agreement
from .messages import message
from .model import kinds_of
from .paths import mirrored
from .render import PreparedTemplate, builtin_templates, render_draft, write_atomic
from .templating import Given, TemplateChoice, find_config, load_config

MANIFEST = ".pkgen-manifest.json"
JOURNAL = ".pkgen-journal"
LOCK = ".pkgen-build.lock"
STAGING = ".pkgen-staging"
REPORT = "laporan-build.md"
BESIDE = ".pkgen-baru.docx"
REDLINE = ".redline.docx"
INPUT_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xlsm")  # YAML inputs and filled forms


class BuildLockedError(PkgenError):
    """Another build is running on the same drafts folder."""


@dataclass
class Entry:
    """The manifest's record of one draft."""

    input: str
    input_sha256: str
    depends: dict[str, str]
    template: str
    template_sha256: str
    rulebook_sha256: str
    pkgen_version: str
    text_sha256: str
    size: int
    mtime_ns: int
    verdict: str
    errors: int = 0
    warnings: int = 0
    beside: str | None = None
    kind: str = ""  # PKS or KSB
    kinds: list[str] = field(default_factory=list)  # e.g. ["pks_ksdd", "pks"]


@dataclass
class Item:
    """One input's part in a build."""

    input: Path
    rel: str
    draft: str
    state: str  # new, stale, unchanged, edited, edited-stale, orphaned, failed
    reason: str = ""
    problems: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    written: str | None = None
    redline: str | None = None
    verdict: str | None = None
    failure: str | None = None  # input, template or incomplete


@dataclass
class Options:
    """What the user asked of a build."""

    force: bool = False
    dry_run: bool = False
    overwrite_edited: bool = False
    allow_incomplete: bool = False
    jobs: int = 1
    templates: list[Given] = field(default_factory=list)
    rules: Path | None = None
    lang: str = "id"
    redline: bool = False

    def choice(self, register: Path, manifest: dict[str, Entry]) -> TemplateChoice:
        """The templates of this build: the options', the register's pkgen.toml, then those
        the last build used (a template chosen once stays until another is chosen)."""
        return TemplateChoice(list(self.templates), load_config(find_config(register)),
                              _recorded_templates(manifest))


@dataclass
class Result:
    """What a build did: every item, the orphans, the KSBs no PKS follows, the exit code."""

    items: list[Item]
    orphans: list[str]
    unfollowed: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all built; 1 some inputs incomplete; 2 some input or template broken."""
        failures = {i.failure for i in self.items if i.state == "failed"}
        if failures & {"input", "template", "output"}:
            return EXIT_INPUT
        return EXIT_FINDINGS if failures else 0

    def count(self, state: str) -> int:
        """Number of items in ``state``."""
        return sum(1 for i in self.items if i.state == state)


# --- planning -----------------------------------------------------------------------------------

def _recorded_templates(manifest: dict[str, Entry]) -> list[Given]:
    """The templates of the user's own that the manifest says each kind was rendered with."""
    builtin = {str(p.resolve()) for p in builtin_templates().values()}
    recorded: dict[str, str] = {}
    for entry in manifest.values():
        if entry.kinds and entry.template not in builtin:
            recorded.setdefault(entry.kinds[0], entry.template)
    return [Given(Path(path), kind, MANIFEST) for kind, path in sorted(recorded.items())]


def plan(register: Path, drafts: Path, options: Options) -> Result:
    """Decide what each input needs, from file hashes alone; writes nothing."""
    manifest = _load_manifest(drafts)
    book = load_rulebook(options.rules)
    choice = options.choice(register, manifest)
    hashes = _FileHashes()
    items = []
    paths = scan(register, drafts)
    claims: dict[str, list[str]] = {}
    for path in paths:
        rel = path.relative_to(register).as_posix()
        claims.setdefault(mirrored(Path(rel)).as_posix(), []).append(rel)
    for path in paths:
        rel = path.relative_to(register).as_posix()
        draft = mirrored(Path(rel)).as_posix()
        entry = manifest.get(draft)
        item = Item(path, rel, draft, "new")
        if len(claims[draft]) > 1:  # x.yaml and x.xlsx: which one is the draft? Ask.
            item.state, item.failure = "failed", "input"
            item.problems = [message("build_name_clash", options.lang, draft=draft,
                                     inputs=", ".join(claims[draft]))]
            items.append(item)
            continue
        target = drafts / draft
        if entry is None or entry.input != rel:
            if target.exists():
                item.state, item.reason = "edited-stale", "not_from_manifest"
        elif not target.exists():
            item.reason = "draft_missing"
        else:
            reason = _staleness(entry, path, register, book.digest, choice, hashes)
            if _edited(target, entry):
                item.state, item.reason = ("edited-stale" if reason or options.force
                                           else "edited"), reason or ""
            elif reason or options.force:
                item.state, item.reason = "stale", reason or "forced"
            else:
                item.state = "unchanged"
        items.append(item)
    present = {i.draft for i in items}
    orphans = sorted(d for d in manifest if d not in present)
    return Result(items, orphans, unfollowed_ksb(manifest))


def scan(register: Path, drafts: Path) -> list[Path]:
    """Every input file under ``register``, skipping hidden folders and the drafts folder."""
    drafts = drafts.resolve()
    found = []
    for path in sorted(register.rglob("*")):
        if path.suffix.lower() not in INPUT_SUFFIXES or not path.is_file():
            continue
        parts = path.relative_to(register).parts
        if any(p.startswith(".") for p in parts) or drafts in path.resolve().parents:
            continue
        found.append(path)
    return found


def _staleness(entry: Entry, path: Path, register: Path, rulebook: str,
               choice: TemplateChoice, hashes: _FileHashes) -> str | None:
    """Why a draft must be rendered again, or None."""
    if hashes.of(path) != entry.input_sha256:
        return "input"
    for dep, sha in entry.depends.items():
        if hashes.of(register / dep) != sha:
            return "ksb"
    try:
        template = choice.template_of(tuple(entry.kinds)).resolve() if entry.kinds else None
    except TemplateError:  # gone or unfit: the worker says why when it renders
        return "template"
    if template is None or str(template) != entry.template or \
            hashes.of(template) != entry.template_sha256:
        return "template"
    if entry.rulebook_sha256 != rulebook:
        return "rulebook"
    if entry.pkgen_version != __version__:
        return "pkgen"
    return None


def _edited(target: Path, entry: Entry) -> bool:
    """True if the draft's text is no longer what pkgen wrote (its stat is checked first)."""
    stat = target.stat()
    if stat.st_size == entry.size and stat.st_mtime_ns == entry.mtime_ns:
        return False
    try:
        return text_hash(open_document(target)) != entry.text_sha256
    except Exception:  # unreadable now: someone replaced it; never overwrite it silently
        return True


class _FileHashes:
    def __init__(self) -> None:
        self._cache: dict[Path, str | None] = {}

    def of(self, path: Path) -> str | None:
        if path not in self._cache:
            try:
                self._cache[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._cache[path] = None
        return self._cache[path]


# --- building -----------------------------------------------------------------------------------

def build(register: Path, drafts: Path, options: Options,
          progress: Callable[[Item, int, int], None] | None = None) -> Result:
    """Plan, render, check and install; see the module docstring.

    ``progress(item, done, total)`` is called as each draft is rendered.
    """
    if options.dry_run:
        return plan(register, drafts, options)
    if options.redline:
        redlines.require()
    drafts.mkdir(parents=True, exist_ok=True)
    with locked(drafts):
        _replay_journal(drafts)
        result = plan(register, drafts, options)
        todo = [i for i in result.items if i.state in ("new", "stale", "edited-stale")]
        staging = drafts / STAGING
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        manifest = _load_manifest(drafts)
        try:
            outcomes = {}
            for done, (item, outcome) in enumerate(
                    _render_all(todo, register, drafts, staging, options), 1):
                outcomes[item.draft] = outcome
                if progress:
                    progress(item, done, len(todo))
            _install(todo, outcomes, drafts, manifest, options)
            for orphan in result.orphans:
                if not (drafts / orphan).exists():  # gone with its input: forget it
                    del manifest[orphan]
        finally:
            # Whatever happened, the manifest says what is on disk now.
            _save_manifest(drafts, manifest)
            (drafts / JOURNAL).unlink(missing_ok=True)
            shutil.rmtree(staging, ignore_errors=True)
        result.unfollowed = unfollowed_ksb(manifest)
        write_atomic(report_markdown(result).encode("utf-8"), drafts / REPORT)
    return result


def unfollowed_ksb(manifest: dict[str, Entry]) -> list[str]:
    """The KSB inputs of the register that no PKS points to: agreements still to be made."""
    followed = {dep for entry in manifest.values() for dep in entry.depends}
    return sorted(e.input for e in manifest.values() if e.kind == "KSB" and e.input not in
                  followed)


def _render_all(todo: list[Item], register: Path, drafts: Path, staging: Path,
                options: Options) -> Iterator[tuple[Item, dict]]:
    choice = options.choice(register, _load_manifest(drafts))
    jobs = [(str(i.input), str(register), str(drafts / i.draft), str(staging), choice,
             str(options.rules) if options.rules else None, options.allow_incomplete,
             options.lang) for i in todo]
    if options.jobs <= 1 or len(jobs) <= 1:
        for item, job in zip(todo, jobs, strict=True):
            outcome = _job(job)
            _apply(item, outcome)
            yield item, outcome
        return
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        chunk = max(1, min(16, len(jobs) // (options.jobs * 4)))
        for item, outcome in zip(todo, pool.map(_job, jobs, chunksize=chunk), strict=True):
            _apply(item, outcome)
            yield item, outcome


def _apply(item: Item, outcome: dict) -> None:
    item.problems = outcome.get("problems", [])
    item.changes = outcome.get("changes", [])
    item.verdict = outcome.get("verdict")
    if outcome["status"] == "failed":
        item.state, item.failure = "failed", outcome["failure"]


def _install(todo: list[Item], outcomes: dict[str, dict], drafts: Path, manifest: dict,
             options: Options) -> None:
    journal = (drafts / JOURNAL).open("a", encoding="utf-8")
    try:
        for item in todo:
            outcome = outcomes.get(item.draft)
            if outcome is None or outcome["status"] == "failed":
                continue
            target = drafts / item.draft
            beside = item.state == "edited-stale" and not options.overwrite_edited
            if beside:
                target = target.with_name(target.name[: -len(".docx")] + BESIDE)
            old = manifest.get(item.draft)
            entry = Entry(
                input=item.rel, input_sha256=outcome["input_sha256"],
                depends=outcome["depends"], template=outcome["template"],
                template_sha256=outcome["template_sha256"],
                rulebook_sha256=outcome["rulebook_sha256"], pkgen_version=__version__,
                text_sha256=outcome["text_sha256"], size=-1, mtime_ns=-1,
                verdict=outcome["verdict"], errors=outcome["errors"],
                warnings=outcome["warnings"], kind=outcome["kind"], kinds=outcome["kinds"])
            if beside:
                # The hand-edited draft stays the record of what pkgen last wrote there.
                keep = old if old is not None and old.input == item.rel else None
                entry.text_sha256 = keep.text_sha256 if keep else "edited"
                entry.size, entry.mtime_ns = (keep.size, keep.mtime_ns) if keep else (-1, -1)
                entry.beside = target.relative_to(drafts).as_posix()
            else:
                # Noted before the rename: a build killed right after it is replayed next time.
                journal.write(json.dumps({"draft": item.draft, "entry": asdict(entry)}) + "\n")
                journal.flush()
            old_text = (drafts / item.draft).read_bytes() if (
                options.redline and (drafts / item.draft).is_file()) else None
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(outcome["staged"], target)
            except OSError as err:
                item.state, item.failure = "failed", "output"
                item.problems = [message("output_write_failed", options.lang,
                                         detail=f"{target}: {err.strerror}")]
                continue
            if not beside:
                stat = target.stat()
                entry.size, entry.mtime_ns = stat.st_size, stat.st_mtime_ns
            manifest[item.draft] = entry
            item.written = target.relative_to(drafts).as_posix()
            if old_text is not None:
                _write_redline(item, old_text, target, drafts, options.lang)
    finally:
        journal.close()


def _write_redline(item: Item, old: bytes, new: Path, drafts: Path, lang: str) -> None:
    """NAME.redline.docx beside the draft: the old draft with the new one as tracked changes."""
    stem = (drafts / item.draft).name[: -len(".docx")]
    target = (drafts / item.draft).with_name(f"{stem}{REDLINE}")
    try:
        write_atomic(redlines.redline(old, new.read_bytes()), target)
        item.redline = target.relative_to(drafts).as_posix()
    except PkgenError as err:
        item.problems.append(err.format(lang))


# --- the worker ---------------------------------------------------------------------------------

_PREPARED: dict[str, PreparedTemplate | TemplateError] = {}


def _job(args: tuple) -> dict:
    """Load, check, render and stage one input; runs in a worker process."""
    input_path, register, old_draft, staging, choice, rules, allow_incomplete, lang = args
    path, register_dir = Path(input_path), Path(register)
    book = load_rulebook(Path(rules) if rules else None)
    try:
        loaded = load_agreement(path)
        template_path = choice.template_for(loaded.document).resolve()
        prepared = _prepared(template_path, loaded, book)
    except PkgenError as err:
        kind = "template" if isinstance(err, TemplateError) else "input"
        return {"status": "failed", "failure": kind,
                "problems": err.format(lang).splitlines()}
    report = check_agreement(loaded, book)
    if report.has_errors and not allow_incomplete:
        return {"status": "failed", "failure": "incomplete", "verdict": "incomplete",
                "problems": [f"{f.rule.id}: {f.message(book, lang)}" for f in
                             report.sorted_findings() if f.severity == "error"]}
    try:
        draft = prepared.render(loaded) if not report.has_errors else _render_incomplete(
            loaded, template_path)
    except PkgenError as err:
        return {"status": "failed", "failure": "template",
                "problems": err.format(lang).splitlines()}
    staged = Path(staging) / f"{uuid.uuid4().hex}.docx"
    staged.write_bytes(draft.data)
    blocks = read_blocks(staged, draft.data)
    document = check_structure(str(staged), parse_structure(blocks, book), book)
    errors = report.count("error") + document.count("error")
    depends = {}
    if loaded.ksb_path is not None:
        dep = loaded.ksb_path
        try:
            depends[dep.relative_to(register_dir.resolve()).as_posix()] = hashlib.sha256(
                dep.read_bytes()).hexdigest()
        except ValueError:
            depends[str(dep)] = hashlib.sha256(dep.read_bytes()).hexdigest()
    return {
        "status": "rendered", "staged": str(staged), "kind": loaded.kind,
        "kinds": list(kinds_of(loaded.document)),
        "input_sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "depends": depends,
        "template": str(template_path), "template_sha256": prepared.sha256,
        "rulebook_sha256": book.digest, "text_sha256": draft.properties["pkgen.text_sha256"],
        "verdict": "incomplete" if errors else "ok", "errors": errors,
        "warnings": report.count("warning") + document.count("warning"),
        "problems": [f"{f.rule.id}: {f.message(book, lang)}" for f in
                     document.sorted_findings() if f.severity == "error"],
        "changes": _changes(Path(old_draft), blocks, book, lang),
    }


def _render_incomplete(loaded, template_path: Path):
    """An incomplete draft, marked as such (rare: rendered the one-off way)."""
    return render_draft(loaded, template_path, incomplete=True)


def _prepared(path: Path, loaded, book) -> PreparedTemplate:
    key = str(path)
    if key not in _PREPARED:
        try:
            prepared = PreparedTemplate(path)
            _preflight_template(prepared, loaded, book)
            _PREPARED[key] = prepared
        except TemplateError as err:
            _PREPARED[key] = err
    cached = _PREPARED[key]
    if isinstance(cached, TemplateError):
        raise cached
    return cached


def _preflight_template(prepared: PreparedTemplate, loaded, book) -> None:
    """A template must use only what the context provides and head every required clause."""
    names, headings = prepared.variables()
    provided = set(build_context(loaded.document, loaded.ksb)) | {"pasal"}
    unknown = sorted(names - provided)
    if unknown:
        raise TemplateError(Problem("template_undefined", prepared.path,
                                    params={"name": ", ".join(unknown), "paragraph": ""}))
    kind = loaded.document.dokumen.lower()
    required = {c for rule in book.rules("klausul_wajib", kind, loaded.document.jenis.value)
                if rule.tingkat == "error" for c in rule.klausul if c in ARTICLES}
    missing = sorted(required - headings)
    if missing:
        raise TemplateError(Problem("template_missing_heading", prepared.path,
                                    params={"articles": ", ".join(missing)}))


# --- what changed -------------------------------------------------------------------------------

def _changes(old: Path, new_blocks, book, lang: str) -> list[str]:
    """Per article: what changed between the draft on disk and the new one."""
    if not old.exists():
        return []
    try:
        before = _articles(read_blocks(old), book)
    except PkgenError:
        return []
    after = _articles(new_blocks, book)
    words = {"id": ("berubah", "ditambahkan", "dihapus", "pembukaan", "nomor"),
             "en": ("changed", "added", "removed", "opening", "number")}[lang]
    out = []
    if before.get("") != after.get(""):
        out.append(f"{words[3]}: {words[0]}")
    for title, (label, text) in after.items():
        if not title:
            continue
        if title not in before:
            out.append(f"{label} {title}: {words[1]}")
        elif before[title][1] != text:
            out.append(f"{label} {title}: {words[0]}")
        elif before[title][0] != label:
            out.append(f"{label} {title}: {words[4]} ({before[title][0]} → {label})")
    for title, (label, _text) in before.items():
        if title and title not in after:
            out.append(f"{label} {title}: {words[2]}")
    return out


def _articles(blocks, book) -> dict[str, tuple[str, str]]:
    structure = parse_structure(blocks, book)
    body = [b.text for b in structure.preamble]
    out: dict[str, tuple[str, str]] = {"": ("", "\n".join(body))}
    for article in structure.articles:
        text = "\n".join(b.text for b in article.body)
        out[article.title or article.label] = (article.label, text)
    return out


def report_markdown(result: Result) -> str:
    """The build report written beside the drafts (Indonesian, like the drafts)."""
    lines = ["# Laporan pkgen build", ""]
    for item in result.items:
        if item.state in ("unchanged",):
            continue
        state = message(f"state_{item.state.replace('-', '_')}", "id")
        lines.append(f"## {item.draft} ({state})")
        if item.written:
            lines.append(f"- ditulis: {item.written}")
        if item.redline:
            lines.append(f"- perubahan terlacak: {item.redline}")
        lines += [f"- {c}" for c in item.changes]
        lines += [f"- masalah: {p}" for p in item.problems]
        lines.append("")
    if result.orphans:
        lines.append("## Draf tanpa masukan (yatim)")
        lines += [f"- {o}" for o in result.orphans]
        lines.append("")
    if result.unfollowed:
        lines.append("## KSB yang belum ditindaklanjuti PKS")
        lines += [f"- {k}" for k in result.unfollowed]
    return "\n".join(lines) + "\n"


# --- manifest, journal, lock --------------------------------------------------------------------

def _load_manifest(drafts: Path) -> dict[str, Entry]:
    path = drafts / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {k: Entry(**v) for k, v in data.get("drafts", {}).items()}
    except (ValueError, TypeError) as err:
        raise PkgenError(Problem("manifest_invalid", path, params={"detail": str(err)})) from err


def _save_manifest(drafts: Path, manifest: dict[str, Entry]) -> None:
    data = {"versi": 1, "drafts": {k: asdict(v) for k, v in sorted(manifest.items())}}
    write_atomic(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
                 drafts / MANIFEST)


def _replay_journal(drafts: Path) -> None:
    """After a build that was killed: record the drafts it installed before it died."""
    journal = drafts / JOURNAL
    if not journal.exists():
        return
    manifest = _load_manifest(drafts)
    for line in journal.read_text(encoding="utf-8").splitlines():
        try:
            note = json.loads(line)
            entry = Entry(**note["entry"])
        except (ValueError, TypeError, KeyError):
            continue  # a line cut short by the crash
        target = drafts / note["draft"]
        try:
            installed = text_hash(open_document(target)) == entry.text_sha256
        except Exception:
            installed = False
        if installed:  # the rename happened: the draft on disk is the journaled one
            stat = target.stat()
            entry.size, entry.mtime_ns = stat.st_size, stat.st_mtime_ns
            manifest[note["draft"]] = entry
    _save_manifest(drafts, manifest)
    journal.unlink()


@contextmanager
def locked(drafts: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the drafts folder's lock, waiting up to ``wait`` seconds for it; raise
    :class:`BuildLockedError` if it is still held then. Builds take it, and so do the web
    application's saves into the register, so that the two never overlap."""
    handle = (drafts / LOCK).open("a+")
    deadline = time.monotonic() + wait
    while True:
        try:
            _lock(handle)
            break
        except OSError as err:  # BlockingIOError on Linux, PermissionError on Windows
            if time.monotonic() >= deadline:
                handle.close()
                raise BuildLockedError(Problem("build_locked", drafts)) from err
            time.sleep(0.05)
    try:
        yield
    finally:
        _unlock(handle)
        handle.close()


if fcntl is not None:
    def _lock(handle) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
else:  # Windows, where regional offices mostly work
    def _lock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def describe(item: Item, lang: str) -> str:
    """One line for an item, for plain (non-terminal) progress and the dry-run plan."""
    state = message(f"state_{item.state.replace('-', '_')}", lang)
    reason = message(f"reason_{item.reason}", lang) if item.reason else ""
    return f"{item.rel} → {item.written or item.draft}: {state}" + (f" ({reason})" if reason
                                                                       else "")
