"""Render an agreement into a Word draft: the only module that uses docxtpl.

Rendering is strict (a variable the context lacks is an error naming the Word paragraph, never
a blank), escapes every value, numbers the articles the template actually rendered, stamps the
draft's provenance into its custom properties and writes the file atomically.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import traceback
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup, escape

from . import __version__
from .context import ARTICLES, build_context
from .docx_text import CUSTOM_NS, VT_NS, paragraph_texts, text_hash
from .errors import OutputError, Problem, TemplateError
from .inputs import Loaded

PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}
#: Article numbers are rendered as these markers, then replaced once the rendered document
#: shows which articles exist and in which order.
_MARK = "\ue000{}\ue001"
_MARK_RE = re.compile("\ue000(\\w+)\ue001")
_HEADING_RE = re.compile("^\\s*Pasal\\s*\ue000(\\w+)\ue001\\s*$")


@dataclass(frozen=True)
class Draft:
    """A rendered draft in memory: the .docx bytes and what it was made from."""

    data: bytes
    template: Path
    properties: dict[str, str]


def builtin_templates() -> dict[str, Path]:
    """Return the built-in templates by name (file stem), e.g. ``pks_ksdd``."""
    folder = resources.files("pkgen.templates")
    return {
        Path(str(entry)).stem: Path(str(entry))
        for entry in folder.iterdir()
        if str(entry).endswith(".docx")
    }


def template_for(loaded: Loaded, template: Path | None = None) -> Path:
    """Return the template to render ``loaded`` with: ``template`` or the built-in one."""
    if template is not None:
        if not template.is_file():
            raise TemplateError(Problem("template_not_found", params={"name": str(template)}))
        return template
    doc = loaded.document
    name = "ksb" if doc.dokumen == "KSB" else f"pks_{doc.jenis.value.lower()}"
    found = builtin_templates().get(name)
    if found is None:
        kind = "KSB" if doc.dokumen == "KSB" else f"PKS {doc.jenis.value}"
        raise TemplateError(Problem("no_builtin_template", params={"kind": kind}))
    return found


def render_draft(loaded: Loaded, template: Path | None = None, incomplete: bool = False) -> Draft:
    """Render ``loaded`` with ``template`` (default: the built-in one) into a draft in memory.

    ``incomplete`` marks the draft on every page with a header "DRAF — BELUM LENGKAP", for an
    input the checker found incomplete. Raises :class:`TemplateError` when the template cannot
    be read or uses something the agreement does not provide.
    """
    path = template_for(loaded, template)
    raw = path.read_bytes()
    try:
        tpl = DocxTemplate(io.BytesIO(raw))
        tpl.init_docx()
    except Exception as err:  # python-docx raises several unrelated types for a bad file
        raise TemplateError(
            Problem("template_unreadable", path, params={"detail": str(err) or type(err).__name__})
        ) from err
    context = build_context(loaded.document, loaded.ksb)
    context["pasal"] = {a: _MARK.format(a) for a in ARTICLES}
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    env.finalize = _finalize
    try:
        tpl.render(context, jinja_env=env)
    except jinja2.TemplateSyntaxError as err:
        raise _template_problem(tpl, path, "template_syntax", err, detail=err.message) from err
    except jinja2.UndefinedError as err:
        name = _undefined_name(str(err))
        raise _template_problem(tpl, path, "template_undefined", err, name=name) from err
    except jinja2.TemplateError as err:
        raise _template_problem(tpl, path, "template_error", err, detail=str(err)) from err
    document = tpl.docx
    _number_articles(document, path)
    _fix_table_grids(document.element.body, keep_cell_widths=False)
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER):
            _fix_table_grids(rel.target_part.element, keep_cell_widths=True)
    width, height = PAPER_MM[loaded.document.kertas]
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        if incomplete:
            _mark_incomplete(section)
    properties = {
        "pkgen.version": __version__,
        "pkgen.template": path.name,
        "pkgen.template_sha256": hashlib.sha256(raw).hexdigest(),
        "pkgen.input": loaded.path.name,
        "pkgen.input_sha256": loaded.digest,
        "pkgen.text_sha256": text_hash(document),
    }
    if incomplete:
        properties["pkgen.incomplete"] = "true"
    _set_custom_properties(document, properties)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return Draft(buffer.getvalue(), path, properties)


def write_atomic(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` through a temporary file and a rename.

    A failure at any point leaves ``target`` as it was (absent or the old file).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a draft is an ordinary file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise OutputError(
                Problem("output_write_failed", target, params={"detail": err.strerror})
            ) from err
        raise


INCOMPLETE_MARK = "DRAF — BELUM LENGKAP"


def _mark_incomplete(section) -> None:
    """Put a red 'DRAF — BELUM LENGKAP' line at the top of every page of ``section``."""
    header = section.header
    header.is_linked_to_previous = False
    first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    mark = first.insert_paragraph_before()
    mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = mark.add_run(INCOMPLETE_MARK)
    run.bold = True
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _finalize(value: object) -> object:
    # docxtpl turns "{_{" back into "{{" after rendering; a value containing it must survive
    # as typed, so its underscore is written as a character reference the XML parser restores.
    if isinstance(value, str) and ("{_" in value or "_}" in value):
        return Markup(str(escape(value)).replace("{_", "{&#95;").replace("_}", "&#95;}"))
    return value


def _number_articles(document, template: Path) -> None:
    """Replace article markers by numbers: headings in document order, then references.

    A reference to an article that was not rendered is an error naming its paragraph.
    """
    paragraphs = [(p, _text(p)) for p in document.element.body.iter(qn("w:p"))]
    numbers: dict[str, int] = {}
    for _p, text in paragraphs:
        match = _HEADING_RE.match(text)
        if match:
            article = match.group(1)
            if article in numbers:
                raise TemplateError(
                    Problem("template_article_twice", template, params={"article": article})
                )
            numbers[article] = len(numbers) + 1
    for p, text in paragraphs:
        missing = [a for a in _MARK_RE.findall(text) if a not in numbers]
        if missing:
            shown = _MARK_RE.sub(lambda m: f"{{{{ pasal.{m.group(1)} }}}}", text)
            raise TemplateError(Problem("template_undefined", template, params={
                "name": f"pasal.{missing[0]}", "paragraph": _near(shown)}))
        for t in p.iter(qn("w:t")):
            if t.text and "\ue000" in t.text:
                t.text = _MARK_RE.sub(lambda m: str(numbers[m.group(1)]), t.text)


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t")))


def _fix_table_grids(element, keep_cell_widths: bool) -> None:
    """Make each table's column grid agree with its cells after a ``{%tc %}`` column loop.

    Word and LibreOffice lay columns out from the grid (``w:tblGrid``) and the cell widths
    (``w:tcW``), which a column loop leaves as they were in the template. With
    ``keep_cell_widths`` (the paraf boxes in the footer) the grid is rebuilt from the cells, so
    the table grows with the number of parties; otherwise a table whose cells all share one
    width (the signature table) has its total width shared equally among its columns.
    """
    for table in element.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        rows = table.findall(qn("w:tr"))
        if grid is None or not rows:
            continue
        cells = rows[0].findall(qn("w:tc"))
        widths = [_cell_width(c) for c in cells]
        if keep_cell_widths:
            if len(widths) == len(grid) or not all(widths):
                continue
        else:
            all_widths = {_cell_width(c) for r in rows for c in r.findall(qn("w:tc"))}
            total = sum(int(col.get(qn("w:w"), "0")) for col in grid)
            if len(all_widths) != 1 or None in all_widths or not total:
                continue
            widths = [str(total // len(cells))] * len(cells)
            for row in rows:
                for cell in row.findall(qn("w:tc")):
                    cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").set(qn("w:w"), widths[0])
        for col in list(grid):
            grid.remove(col)
        for width in widths:
            etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), width)


def _cell_width(cell) -> str | None:
    width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    return width.get(qn("w:w")) if width is not None else None


def _set_custom_properties(document, properties: dict[str, str]) -> None:
    """Set custom document properties, keeping any others the template already had."""
    package = document.part.package
    part = None
    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            part = rel.target_part
    root = etree.fromstring(part.blob) if part is not None else etree.Element(
        f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for prop in list(root):
        if prop.get("name") in properties:
            root.remove(prop)
    pid = max([int(p.get("pid", "1")) for p in root] + [1])
    for name, value in properties.items():
        pid += 1
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=
                                "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is not None:
        part._blob = blob
    else:
        part = Part(PackURI("/docProps/custom.xml"),
                    "application/vnd.openxmlformats-officedocument.custom-properties+xml",
                    blob, package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)


def _undefined_name(message: str) -> str:
    for pattern in (r"has no attribute '([^']+)'", r"'([^']+)' is undefined",
                    r"no element '?([^']+)'?"):
        match = re.search(pattern, message)
        if match:
            return match.group(1)
    return message


def _template_problem(tpl: DocxTemplate, path: Path, code: str, err: Exception,
                      **params: object) -> TemplateError:
    text = _paragraph_for(tpl, err, str(params.get("name", "")))
    if "detail" in params:
        params["detail"] = str(params["detail"]).rstrip(". ")
    return TemplateError(Problem(code, path, params={**params, "paragraph": _near(text)}))


def _near(text: str | None) -> str:
    """Shorten a paragraph's text for a message ('' when unknown)."""
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:159] + "…"


def _paragraph_for(tpl: DocxTemplate, err: Exception, name: str) -> str | None:
    """Find the Word paragraph an error comes from: by line number, else by the name used."""
    fresh = DocxTemplate(tpl.template_file)
    fresh.init_docx()
    parts = [fresh.docx.element.body]
    for section in fresh.docx.sections:
        for hf in (section.header, section.footer):
            if not hf.is_linked_to_previous:
                parts.append(hf._element)
    lineno = getattr(err, "lineno", None)
    if lineno is None:
        frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == "<template>"]
        lineno = frames[-1].lineno if frames else None
    if lineno is not None:
        xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", fresh.patch_xml(fresh.get_xml()))
        lines = xml.splitlines()
        if 0 < lineno <= len(lines):
            text = re.sub(r"<[^>]+>", "", lines[lineno - 1])
            if text.strip() and (not name or name.split(".")[-1] in text):
                return text
    leaf = name.split(".")[-1]
    for part in parts:
        for text in paragraph_texts(part):
            if leaf and re.search(rf"\b{re.escape(leaf)}\b", text) and ("{" in text):
                return text
    return None
