"""Deciding what each input needs, from cheap facts first: file hashes, stats, fingerprints.

A draft is unedited when its stat is the one the manifest recorded (no read at all), or its
content fingerprint matches the one pkgen recorded in the manifest or stamped in the draft
itself. The stamp makes the manifest a cache: without it, every draft nobody edited is
re-adopted from its own properties, and only drafts really edited count as edited.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

from .._version import __version__
from ..bundled import builtin_templates
from ..checks.rulebook_file import load_rulebook, rulebook_digest
from ..errors import TemplateError
from ..fingerprint import Package, UnreadableError, fingerprint, match, read_properties
from ..messages import msg
from ..paths import mirrored
from ..register import Link, scan, unfollowed_ksb
from ..templating import Given, TemplateChoice, find_config, load_config
from .install import free_name
from .signals import critical
from .state import Copy, Entry, Expect, Failure, Item, Options, Record, Result, Stat, State
from .store import MANIFEST, load_manifest

UNKNOWN = Stat(-1, -1, -1)  # the stat of no file: the content is read every time
BESIDE = ".pkgen-baru.docx"  # NAME.pkgen-baru.docx: the new version beside an edited draft
_MARK = BESIDE[: -len(".docx")]


class Seen(enum.Enum):
    """What is at a draft's path."""

    ABSENT = "absent"
    UNEDITED = "unedited"  # a draft pkgen wrote, as it wrote it (or re-saved unchanged)
    EDITED = "edited"  # anything else: edited by hand, not a pkgen draft, unreadable
    PROTECTED = "protected"  # made read-only by someone


@dataclass(frozen=True)
class Look:
    """What inspecting one path found."""

    seen: Seen
    record: Record | None = None  # what the file was made from, as far as known
    stat: Stat | None = None
    accept: tuple[str, ...] = ()  # fingerprints it may still have and be replaced
    reason: str = ""

    def unedited(self, name: str) -> Copy | None:
        """The draft found, as pkgen wrote it at ``name``; None unless it is unedited."""
        if self.seen is not Seen.UNEDITED or self.record is None or self.stat is None:
            return None
        return Copy(name, self.record, self.stat)


def plan(register: Path, drafts: Path, options: Options) -> Result:
    """Decide what each input needs; reads, writes nothing."""
    entries, damage = load_manifest(drafts)
    choice = template_choice(register, entries, options)
    # The digest alone tells whether a draft is current; the rulebook is read whole (and any
    # mistake in it reported) only if something is to be rendered with it.
    context = _Context(register, drafts, options, rulebook_digest(options.rules), choice)
    named = []  # each input, its place in the register, and its draft's
    claims: dict[str, list[str]] = {}
    for path in scan(register, drafts):
        rel = path.relative_to(register).as_posix()
        named.append((path, rel, mirrored(Path(rel)).as_posix()))
        claims.setdefault(named[-1][2], []).append(rel)
    items = []
    for path, rel, draft in named:
        if len(claims[draft]) > 1:  # x.yaml and x.xlsx: which one is the draft? Ask.
            items.append(Item(path, rel, draft, State.FAILED, failure=Failure.INPUT, problems=(
                msg("build_name_clash", draft=draft,
                        inputs=", ".join(claims[draft])),), entry=entries.get(draft, Entry())))
            continue
        items.append(_plan_item(path, rel, draft, entries.get(draft, Entry()), context))
    if any(i.todo for i in items):
        with critical():  # its model loads now: a signal waits (see run._run)
            load_rulebook(options.rules)
    present = {i.draft for i in items}
    orphans = sorted(d for d in entries if d not in present)
    records = [r for i in items for r in _records(i.entry)]
    records += [r for d in orphans for r in _records(entries[d])]
    return Result(items, orphans, unfollowed_ksb(links_of(records)), [damage] if damage else [],
                  damage is not None, {d: entries[d] for d in orphans}, choice)


def template_choice(register: Path, entries: dict[str, Entry], options: Options
                    ) -> TemplateChoice:
    """The templates of this build: the options', the register's pkgen.toml, then those the
    last build used (a template chosen once stays until another is chosen)."""
    return TemplateChoice(list(options.templates), load_config(find_config(register)),
                          _recorded_templates(entries))


def _recorded_templates(entries: dict[str, Entry]) -> list[Given]:
    """The templates of the user's own that each kind was last rendered with."""
    builtin = {str(p.resolve()) for p in builtin_templates().values()}
    recorded: dict[str, str] = {}
    for entry in entries.values():
        for record in _records(entry):
            # A draft adopted without the manifest records only its template's name.
            if record.kinds and Path(record.template).is_absolute() and \
                    record.template not in builtin:
                recorded.setdefault(record.kinds[0], record.template)
    return [Given(Path(path), kind, MANIFEST) for kind, path in sorted(recorded.items())]


def links_of(records: list[Record]) -> list[Link]:
    """The register's links as the drafts were made: each input's kind, and the KSB file a
    PKS was rendered with (see :mod:`pkgen.register`)."""
    return [Link(r.input, r.kind, next(iter(r.depends), None)) for r in records]


def inspect(path: Path, known: Copy | None, rel: str) -> Look:
    """What is at ``path``: a draft pkgen wrote (``known`` by the manifest, or recognised
    by the fingerprint stamped in it), anything else, or nothing."""
    try:
        stat = Stat.of(path)
    except (FileNotFoundError, NotADirectoryError):
        return Look(Seen.ABSENT)
    except OSError:
        return Look(Seen.EDITED, known.record if known else None, reason="not_from_manifest")
    if known is not None and known.stat.matches(stat):
        record, accept = known.record, (known.record.fingerprint,)
    else:
        try:
            package = Package.read(path)
            current = fingerprint(package)
            props = read_properties(package)
        except UnreadableError:
            return Look(Seen.EDITED, known.record if known else None, stat,
                        reason="not_from_manifest")
        stamped = record_from_properties(props, rel)
        if known is not None and match(known.record.fingerprint, current):
            record, accept = known.record, (current,)
        elif stamped is not None and match(stamped.fingerprint, current):
            record, accept = stamped, (current,)
        else:
            origin = known.record if known else (
                stamped if stamped is not None and stamped.input == rel else None)
            if not stat.writable:
                return Look(Seen.PROTECTED, origin, stat, reason="read_only")
            return Look(Seen.EDITED, origin, stat, reason="" if origin else "not_from_manifest")
    if not stat.writable:
        return Look(Seen.PROTECTED, record, stat, reason="read_only")
    return Look(Seen.UNEDITED, record, stat, accept)


def record_from_properties(props: dict[str, str], rel: str) -> Record | None:
    """The provenance pkgen stamped in a draft, or None for a file without one."""
    if not props.get("pkgen.fingerprint"):
        return None
    try:
        depends = json.loads(props.get("pkgen.depends") or "{}")
    except ValueError:
        depends = {}
    return Record(
        props.get("pkgen.input_path") or rel, props.get("pkgen.source_sha256", ""),
        depends if isinstance(depends, dict) else {}, props.get("pkgen.template", ""),
        props.get("pkgen.template_sha256", ""), props.get("pkgen.rulebook_sha256", ""),
        props.get("pkgen.version", ""), props["pkgen.fingerprint"], props.get("pkgen.kind", ""),
        "incomplete" if props.get("pkgen.incomplete") else "ok",
        kinds=tuple(k for k in props.get("pkgen.kinds", "").split(",") if k),
        languages=tuple(k for k in props.get("pkgen.languages", "").split(",") if k))


class _Context:
    def __init__(self, register: Path, drafts: Path, options: Options, rulebook: str,
                 choice: TemplateChoice) -> None:
        self.register, self.drafts, self.options, self.rulebook = (register, drafts, options,
                                                                    rulebook)
        self.choice = choice
        self._hashes: dict[Path, str | None] = {}
        self._templates: dict[tuple, Path | None] = {}

    def sha(self, path: Path) -> str | None:
        if path not in self._hashes:
            try:
                self._hashes[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._hashes[path] = None
        return self._hashes[path]

    def staleness(self, record: Record, path: Path) -> str:
        """Why a draft made from ``record`` must be rendered again ('' if it need not)."""
        if self.sha(path) != record.input_sha256:
            return "input"
        for dep, sha in record.depends.items():
            if self.sha(self.register / dep) != sha:
                return "ksb"
        template = self._template(record)
        if template is None or self.sha(template) != record.template_sha256:
            return "template"
        if record.rulebook_sha256 != self.rulebook:
            return "rulebook"
        if record.pkgen_version != __version__:
            return "pkgen"
        return "forced" if self.options.all else ""

    def _template(self, record: Record) -> Path | None:
        """The template a draft made from ``record`` would be rendered with now, if it is
        the one it was made with (None: another, or none can be told)."""
        key = (record.template, record.kinds, record.languages)
        if key not in self._templates:
            self._templates[key] = self._template_for(record)
        return self._templates[key]

    def _template_for(self, record: Record) -> Path | None:
        if record.kinds:
            try:
                chosen = self.choice.template_of(record.kinds, record.languages or ("id",))
                chosen = chosen.resolve()
            except TemplateError:  # gone or unfit: the worker says why when it renders
                return None
        else:  # a draft from before kinds were recorded: its built-in template, by name
            builtin = builtin_templates().get(Path(record.template).stem)
            if builtin is None or self.options.templates:
                return None
            chosen = builtin.resolve()
        return chosen if record.template in (str(chosen), chosen.name) else None


def _plan_item(path: Path, rel: str, draft: str, entry: Entry, context: _Context) -> Item:
    known = entry.draft if entry.draft is not None and entry.draft.record.input == rel else None
    look = inspect(context.drafts / draft, known, rel)
    if look.seen is Seen.ABSENT:
        return Item(path, rel, draft, State.NEW, "draft_missing" if known else "", draft,
                    entry=Entry(beside=entry.beside))
    unedited = look.unedited(draft)
    if unedited is not None:
        reason = context.staleness(unedited.record, path)
        beside = entry.beside
        if reason and beside is None:  # a version beside from before the manifest was lost
            beside = find_beside(context.drafts, draft, rel, None)
        return Item(path, rel, draft, State.STALE if reason else State.UNCHANGED, reason, draft,
                    Expect(unedited.stat, look.accept), Entry(unedited, beside))
    return _plan_edited(Item(path, rel, draft, State.NEW, target=draft), look,
                        Entry(known, entry.beside), context)


def _plan_edited(base: Item, look: Look, entry: Entry, context: _Context) -> Item:
    """A draft edited by hand (or protected, or not pkgen's): never replaced unasked; the new
    version goes beside it unless one made from the current sources is there already."""
    beside = find_beside(context.drafts, base.draft, base.rel, entry.beside)
    current = beside.record if beside is not None else look.record
    reason = context.staleness(current, base.input) if current else "not_from_manifest"
    # What pkgen last wrote there, but never with the edited file's stat: it is not pkgen's.
    origin = entry.draft or (Copy(base.draft, look.record, UNKNOWN) if look.record else None)
    keep = Entry(origin, beside)
    if not reason:
        return _with(base, state=State.EDITED, reason=look.reason, entry=keep)
    if context.options.overwrite_edited and look.seen is not Seen.PROTECTED:
        return _with(base, state=State.EDITED_STALE, reason=reason,
                     expect=Expect(look.stat, ()), entry=keep)
    if beside is not None:
        target, expect = beside.path, Expect(beside.stat, (beside.record.fingerprint,))
    else:
        target = beside_name(context.drafts, base.draft)
        expect = Expect()
    return _with(base, state=State.EDITED_STALE, reason=look.reason or reason, target=target,
                 expect=expect, entry=keep)


def find_beside(drafts: Path, draft: str, rel: str, known: Copy | None) -> Copy | None:
    """The unedited NAME.pkgen-baru*.docx pkgen wrote beside a hand-edited draft, if any."""
    candidates = [known.path] if known is not None else []
    stem = draft[: -len(".docx")]
    candidates += [f"{stem}{_MARK}{'' if n == 1 else f'-{n}'}.docx" for n in range(1, 20)]
    for name in dict.fromkeys(candidates):
        path = drafts / name
        if not path.exists():
            if name != (known.path if known else None):
                break
            continue
        look = inspect(path, known if known is not None and known.path == name else None, rel)
        unedited = look.unedited(name)
        if unedited is not None and unedited.record.input == rel:
            return unedited
    return None


def beside_name(drafts: Path, draft: str) -> str:
    """The first free NAME.pkgen-baru[-N].docx beside ``draft``."""
    return free_name(drafts / draft, _MARK).relative_to(drafts).as_posix()


def _with(item: Item, **changes) -> Item:
    return replace(item, **changes)


def _records(entry: Entry) -> list[Record]:
    return [c.record for c in (entry.beside or entry.draft,) if c is not None]
