"""The build's vocabulary: what the user asked, what each draft is, what each job did.

Everything that crosses a stage boundary is a frozen dataclass, so that planning, rendering
and installing each read what the stage before decided and cannot change it behind its back.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EXIT_FINDINGS, EXIT_INPUT, Problem
from ..messages import Text
from ..templating import Given, TemplateChoice

#: What a build reports about an item, said in the reader's language where it is shown.
Said = Text | Problem


class State(enum.StrEnum):
    """What a build does with one input's draft."""

    NEW = "new"                    # no draft yet: rendered
    STALE = "stale"                # an unedited draft made from older sources: replaced
    UNCHANGED = "unchanged"        # nothing to do
    EDITED = "edited"              # edited by hand and nothing newer to offer: left alone
    EDITED_STALE = "edited-stale"  # edited by hand: the new version is written beside it
    FAILED = "failed"              # not built; the problems say why


class Failure(enum.StrEnum):
    """Why a job failed; decides the exit code."""

    INPUT = "input"            # exit 2
    TEMPLATE = "template"      # exit 2
    OUTPUT = "output"          # exit 2: the draft could not be written
    INCOMPLETE = "incomplete"  # exit 1: the checker found the input incomplete


@dataclass(frozen=True)
class Options:
    """What the user asked of a build."""

    all: bool = False  # render every input, changed or not
    dry_run: bool = False
    overwrite_edited: bool = False
    allow_incomplete: bool = False
    jobs: int = 1
    templates: tuple[Given, ...] | list[Given] = ()  # --template, each for its kinds
    rules: Path | None = None
    lang: str = "id"
    redline: bool = False


@dataclass(frozen=True)
class Record:
    """What one .docx pkgen wrote was made from, and the fingerprint of its content."""

    input: str  # the input's path in the register
    input_sha256: str  # of the input's bytes as rendered
    depends: dict[str, str]  # the KSB file it points to: path in the register -> SHA-256
    template: str  # the template's path (or, adopted from a draft alone, its name)
    template_sha256: str
    rulebook_sha256: str
    pkgen_version: str
    fingerprint: str  # see pkgen.fingerprint
    kind: str = ""  # PKS or KSB
    verdict: str = "ok"  # or incomplete
    errors: int = 0
    warnings: int = 0
    kinds: tuple[str, ...] = ()  # the kinds of template it takes, e.g. ("pks_ksdd", "pks")
    languages: tuple[str, ...] = ()  # the languages of its text, e.g. ("id", "en", "ko")


@dataclass(frozen=True)
class Stat:
    """What ``os.stat`` says of a file: equal stats mean nobody wrote it since."""

    size: int
    mtime_ns: int
    inode: int  # -1: not recorded (manifests before version 2)
    writable: bool = field(default=True, compare=False)

    @classmethod
    def of(cls, path: Path) -> Stat:
        """The stat of ``path`` (raises OSError)."""
        found = path.stat()
        return cls(found.st_size, found.st_mtime_ns, found.st_ino, bool(found.st_mode & 0o222))

    def matches(self, other: Stat) -> bool:
        """Same size, time and (where both know it) file."""
        return (self.size, self.mtime_ns) == (other.size, other.mtime_ns) and (
            self.inode == other.inode or -1 in (self.inode, other.inode))


@dataclass(frozen=True)
class Copy:
    """A .docx pkgen wrote: where (in the drafts folder), from what, and its stat then."""

    path: str
    record: Record
    stat: Stat


@dataclass(frozen=True)
class Entry:
    """The manifest's knowledge of one draft: the draft pkgen last wrote at its path and, if
    that draft was edited by hand, the newer version written beside it."""

    draft: Copy | None = None
    beside: Copy | None = None


@dataclass(frozen=True)
class Expect:
    """What the planner saw at the path a job will write, checked again just before writing.

    ``stat`` None: nothing was there. Otherwise the file may be replaced only if it still has
    this stat, or a fingerprint in ``accept`` (it was re-saved without a change).
    """

    stat: Stat | None = None
    accept: tuple[str, ...] = ()


@dataclass(frozen=True)
class Job:
    """One input to render, as planned: everything the worker needs, nothing it decides."""

    input: Path
    rel: str  # the input's path in the register
    register: Path
    draft: str  # the draft's path in the drafts folder
    path: Path  # the draft itself (whether it exists or not), to list what changed
    staging: Path
    templates: TemplateChoice  # the build's: the options', the register's, those last used
    rules: Path | None
    allow_incomplete: bool


@dataclass(frozen=True)
class Outcome:
    """What a worker made of a job: a staged draft with its record, or a failure."""

    draft: str
    staged: Path | None = None
    record: Record | None = None
    failure: Failure | None = None
    problems: tuple[Said, ...] = ()
    changes: tuple[Said, ...] = ()


@dataclass(frozen=True)
class Item:
    """One input's part in a build, as reported."""

    input: Path
    rel: str
    draft: str
    state: State
    reason: str = ""
    target: str = ""  # where a rendered draft goes: the draft or NAME.pkgen-baru.docx
    expect: Expect = field(default_factory=Expect)
    entry: Entry = field(default_factory=Entry)
    problems: tuple[Said, ...] = ()
    changes: tuple[Said, ...] = ()
    written: str | None = None
    redline: str | None = None
    verdict: str | None = None
    failure: Failure | None = None

    @property
    def todo(self) -> bool:
        """True if this item's draft is to be rendered."""
        return self.state in (State.NEW, State.STALE, State.EDITED_STALE)


@dataclass
class Result:
    """What a build did: every item, the orphans, the KSBs no PKS follows, the notices."""

    items: list[Item]
    orphans: list[str]
    unfollowed: list[str] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)  # manifest damaged, files recovered
    manifest_damaged: bool = False
    kept: dict[str, Entry] = field(default_factory=dict, repr=False)  # the orphans' entries
    templates: TemplateChoice = field(default_factory=TemplateChoice, repr=False)

    @property
    def exit_code(self) -> int:
        """0 all built; 1 some inputs incomplete; 2 an input, template, output or the
        manifest was unusable."""
        failures = {i.failure for i in self.items if i.state == State.FAILED}
        if failures & {Failure.INPUT, Failure.TEMPLATE, Failure.OUTPUT} or \
                self.manifest_damaged:
            return EXIT_INPUT
        return EXIT_FINDINGS if failures else 0

    def count(self, state: str) -> int:
        """Number of items in ``state``."""
        return sum(1 for i in self.items if i.state == state)
