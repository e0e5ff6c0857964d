"""One input, one verdict: load, check and render an agreement the same way for every command.

``validate``, ``check``, ``render``, ``build``, ``form --from`` and ``import`` all go through
:func:`produce`, so what one command calls an error every other calls an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .checks import check_agreement, check_structure
from .checks.findings import Report
from .checks.rulebook import Rulebook
from .checks.structure import parse_structure
from .docx_text import read_blocks
from .inputs import Loaded, load_agreement
from .render import Draft, PreparedTemplate, render_draft
from .templating import TemplateChoice

#: What the draft's own check adds to the input's: mistakes a template can make. Text the
#: user typed ("{{ }}", dotted blanks) is judged on the input, where it is known exactly.
TEMPLATE_CHECKS = ("rujukan_pasal", "penomoran", "klausul_kosong")


@dataclass(frozen=True)
class Produced:
    """An input loaded, checked and (unless asked not to) rendered in memory.

    ``report`` holds the input's findings and the rendered draft's structural errors (a
    reference to an article the template does not render, a tag left in the text …).
    ``draft`` is marked DRAF — BELUM LENGKAP on every page when the report has errors.
    """

    loaded: Loaded
    report: Report
    template: Path | None = None
    draft: Draft | None = None

    @property
    def complete(self) -> bool:
        """True when nothing is missing or wrong: the draft may be written unmarked."""
        return not self.report.has_errors


@dataclass
class Renderer:
    """Renders drafts, preparing each template once per run (keyed by its content)."""

    prepared: bool = False
    _cache: dict[str, PreparedTemplate] = field(default_factory=dict, repr=False)

    def render(self, loaded: Loaded, template: Path, incomplete: bool) -> Draft:
        """The draft of ``loaded``; incomplete drafts always take the one-off path."""
        if not self.prepared or incomplete:
            return render_draft(loaded, template, incomplete=incomplete)
        digest = hashlib.sha256(template.read_bytes()).hexdigest()
        if digest not in self._cache:
            self._cache[digest] = PreparedTemplate(template)
        return self._cache[digest].render(loaded)


def produce(path: Path, book: Rulebook, templates: TemplateChoice | None = None, *,
            render: bool = True, renderer: Renderer | None = None,
            ksb_base: Sequence[Path] = ()) -> Produced:
    """Load, check and render the input at ``path``.

    Raises :class:`~pkgen.errors.InputError` for an input that cannot be used and
    :class:`~pkgen.errors.TemplateError` for a template that cannot render it.
    """
    loaded = load_agreement(path, ksb_base)
    report = check_agreement(loaded, book)
    if not render:
        return Produced(loaded, report)
    templates = templates or TemplateChoice()
    renderer = renderer or Renderer()
    template = templates.template_for(loaded.document)
    draft = renderer.render(loaded, template, incomplete=report.has_errors)
    structure = check_structure(str(path), parse_structure(read_blocks(path, draft.data), book),
                                book)
    errors = [f for f in structure.findings if f.severity == "error"
              and f.rule.jenis_pemeriksaan in TEMPLATE_CHECKS]
    if errors:
        report = replace(report, findings=[*report.findings, *errors])
        if not draft.properties.get("pkgen.incomplete"):
            draft = renderer.render(loaded, template, incomplete=True)
    return Produced(loaded, report, template, draft)
