"""One input, one verdict: load, check and render an agreement the same way for every command.

``validate``, ``check``, ``render``, ``build``, ``form --from`` and ``import`` all go through
:func:`produce`, so what one command calls an error every other calls an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .checks import check_agreement, check_structure
from .checks.findings import Report
from .checks.rulebook import Rulebook
from .checks.structure import parse_structure
from .context import draft_context
from .docx_text import Block
from .errors import Problem, TemplateError
from .inputs import Loaded, load_agreement
from .model import ORDER
from .prepared import PreparedTemplate
from .render import Draft, render_draft
from .templating import TemplateChoice

#: What the draft's own check adds to the input's: mistakes a template can make. Text the
#: user typed ("{{ }}", dotted blanks) is judged on the input, where it is known exactly.
TEMPLATE_CHECKS = ("rujukan_pasal", "penomoran", "klausul_kosong", "naskah_dwibahasa")
Provenance = Callable[[Loaded], dict[str, str]]


@dataclass(frozen=True)
class Produced:
    """An input loaded, checked and (unless asked not to) rendered in memory.

    ``report`` holds the input's findings and the rendered draft's structural errors (a
    reference to an article the template does not render, a tag left in the text …);
    ``document`` is the rendered draft checked as a reader's document, ``blocks`` its text.
    ``draft`` is marked DRAF — BELUM LENGKAP on every page when the report has errors.
    """

    loaded: Loaded
    report: Report
    template: Path | None = None
    draft: Draft | None = None
    document: Report | None = None
    blocks: list[Block] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when nothing is missing or wrong: the draft may be written unmarked."""
        return not self.report.has_errors


@dataclass
class Renderer:
    """Renders drafts. Each template is read once per run and found by its content (a
    template edited in place is prepared again), and checked once for each kind of document
    it renders: it may use only what the context provides and must head every article the
    rulebook requires. ``prepared`` renders complete drafts the fast way."""

    prepared: bool = False
    _templates: dict[str, PreparedTemplate | TemplateError] = field(default_factory=dict)
    _seen: dict[tuple, str] = field(default_factory=dict)  # (path, size, time, inode) -> sha
    _checked: dict[tuple, TemplateError | None] = field(default_factory=dict)
    _resolved: dict[Path, str] = field(default_factory=dict)

    def resolved(self, path: Path) -> str:
        """``path`` made absolute, links followed, once per run (a template's path, recorded
        with every draft rendered from it)."""
        found = self._resolved.get(path)
        if found is None:
            found = self._resolved[path] = str(path.resolve())
        return found

    def template(self, path: Path, loaded: Loaded, book: Rulebook) -> PreparedTemplate:
        """The prepared template at ``path``, checked for ``loaded``'s kind of document."""
        try:
            found = path.stat()
            stat = (str(path), found.st_size, found.st_mtime_ns, found.st_ino)
            if stat not in self._seen:
                data = path.read_bytes()
                self._seen[stat] = digest = hashlib.sha256(data).hexdigest()
                if digest not in self._templates:
                    self._templates[digest] = _prepare(path, data)
        except OSError as err:
            raise TemplateError(Problem("template_unreadable", path, params={
                "detail": err.strerror or str(err)})) from err
        prepared = self._templates[self._seen[stat]]
        if isinstance(prepared, TemplateError):
            raise prepared
        kind = (self._seen[stat], loaded.document.dokumen, loaded.document.jenis,
                loaded.ksb is not None)
        if kind not in self._checked:
            self._checked[kind] = _preflight(prepared, loaded, book)
        if (problem := self._checked[kind]) is not None:
            raise problem
        return prepared

    def render(self, loaded: Loaded, template: Path, book: Rulebook, incomplete: bool,
               provenance: dict[str, str] | None = None) -> Draft:
        """The draft of ``loaded``; incomplete drafts always take the one-off path."""
        prepared = self.template(template, loaded, book)
        if not self.prepared or incomplete:
            return render_draft(loaded, template, incomplete=incomplete, provenance=provenance)
        return prepared.render(loaded, provenance)


def produce(path: Path, book: Rulebook, templates: TemplateChoice | None = None, *,
            render: bool = True, renderer: Renderer | None = None,
            ksb_base: Sequence[Path] = (), provenance: Provenance | None = None) -> Produced:
    """Load, check and render the input at ``path``.

    ``provenance`` gives custom properties the draft records about its sources. Raises
    :class:`~pkgen.errors.InputError` for an input that cannot be used and
    :class:`~pkgen.errors.TemplateError` for a template that cannot render it.
    """
    loaded = load_agreement(path, ksb_base)
    report = check_agreement(loaded, book)
    if not render:
        return Produced(loaded, report)
    templates = templates or TemplateChoice()
    renderer = renderer or Renderer()
    template = templates.template_for(loaded.document)
    stamp = provenance(loaded) if provenance else None
    draft = renderer.render(loaded, template, book, report.has_errors, stamp)
    blocks = draft.blocks(path)
    document = check_structure(str(path), parse_structure(blocks, book), book,
                               jenis=loaded.document.jenis.value)
    errors = [f for f in document.findings if f.severity == "error"
              and f.rule.jenis_pemeriksaan in TEMPLATE_CHECKS]
    if errors:
        report = replace(report, findings=[*report.findings, *errors])
        if not draft.properties.get("pkgen.incomplete"):
            draft = renderer.render(loaded, template, book, True, stamp)
    return Produced(loaded, report, template, draft, document, blocks)


def _prepare(path: Path, data: bytes) -> PreparedTemplate | TemplateError:
    try:
        return PreparedTemplate(path, data)
    except TemplateError as err:
        return err


def _preflight(prepared: PreparedTemplate, loaded: Loaded, book: Rulebook
               ) -> TemplateError | None:
    """Why ``prepared`` cannot render ``loaded``'s kind of document, or None: it uses what
    the context does not provide, or lacks the heading of an article the rulebook requires."""
    names, headings = prepared.variables()
    provided = set(draft_context(loaded)) | {"pasal"}
    unknown = sorted(names - provided)
    if unknown:
        return TemplateError(Problem("template_undefined", prepared.path,
                                     params={"name": ", ".join(unknown), "paragraph": ""}))
    kind, jenis = loaded.document.dokumen.lower(), loaded.document.jenis.value
    articles = {*ORDER, "hak_kewajiban"}  # parts a template may head with an article
    required = {c for rule in book.rules("klausul_wajib", kind, jenis)
                if rule.tingkat == "error" for c in rule.klausul if c in articles}
    missing = sorted(required - headings)
    if missing:
        return TemplateError(Problem("template_missing_heading", prepared.path,
                                     params={"articles": ", ".join(missing)}))
    return None
