"""Render an agreement into a Word draft: with :mod:`pkgen.prepared`, the only module that
uses docxtpl.

Rendering is strict (a variable the context lacks is an error naming the Word paragraph, never
a blank), escapes every value, numbers the articles the template actually rendered, stamps the
draft's provenance and its content fingerprint into its custom properties; drafts are
written with :func:`pkgen.files.write_atomic`.

Two ways give the same drafts: :func:`render_draft` reads the template for each draft, as
docxtpl is meant to be used; :class:`pkgen.prepared.PreparedTemplate` reads and compiles a
template once and renders many drafts from it, for ``pkgen build``.
"""

from __future__ import annotations

import hashlib
import io
import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.meta
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Mm, RGBColor
from docxtpl import DocxTemplate, InlineImage
from lxml import etree
from markupsafe import Markup, escape

from ._version import __version__
from .bundled import (  # noqa: F401  (builtin_template(s) re-exported: the built-in list)
    KIND_PROPERTY,
    LANGUAGE_PROPERTY,
    builtin_for,
    builtin_template,
    builtin_templates,
    check_languages,
    template_languages,
)
from .context import draft_context
from .docx_text import Block, Kept, KnownParts, blocks_of, paragraph_texts, read_blocks
from .errors import Problem, TemplateError
from .files import write_atomic  # noqa: F401  (re-exported: the atomic write drafts use)
from .fingerprint import fingerprint
from .inputs import Loaded
from .model import languages
from .postprocess import MARK, finish, near
from .properties import custom_properties_xml

_HEADING_TAG = re.compile(r"^\s*Pasal\s*\{\{\s*pasal\.(\w+)\s*\}\}\s*$")
CUSTOM_PART = "docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
INCOMPLETE_MARK = "DRAF — BELUM LENGKAP"
#: Height of a region's emblem above the title.
EMBLEM_MM = 22
#: A draft is not a template: the kind a template declares is not carried into its drafts.
_NOT_A_TEMPLATE: dict[str, str | None] = {KIND_PROPERTY: None, LANGUAGE_PROPERTY: None}


@dataclass(frozen=True)
class DraftXml:
    """The XML a draft was written from, still in memory: its document, its headers and
    footers by part name, its style sheet as stored, and (when the renderer keeps some) what
    is known of paragraphs and of headers and footers as blocks (see
    :func:`pkgen.docx_text.blocks_of`)."""

    document: etree._Element
    others: dict[str, etree._Element]
    styles_xml: bytes | None
    kept: Mapping[etree._Element, Kept] | None = None
    known_parts: KnownParts | None = None


@dataclass(frozen=True)
class Draft:
    """A rendered draft in memory: the .docx bytes and what it was made from.

    ``parts``, when the renderer still holds them, is the XML ``data`` was written from, so
    that its text is read without reading ``data`` again.
    """

    data: bytes
    template: Path
    properties: dict[str, str]
    parts: DraftXml | None = field(default=None, repr=False, compare=False)

    def blocks(self, path: Path) -> list[Block]:
        """The draft's paragraphs as :func:`pkgen.docx_text.read_blocks` reads ``data``;
        ``path`` names the draft in a message."""
        if self.parts is None:
            return read_blocks(path, self.data)
        parts = self.parts
        return blocks_of(parts.document, parts.others, parts.styles_xml, parts.kept,
                         parts.known_parts)


def render_draft(loaded: Loaded, template: Path | None = None, incomplete: bool = False,
                 provenance: dict[str, str] | None = None) -> Draft:
    """Render ``loaded`` with ``template`` (default: the built-in one) into a draft in memory.

    ``incomplete`` marks the draft on every page with a header "DRAF — BELUM LENGKAP", for an
    input the checker found incomplete. ``provenance`` adds custom properties (``pkgen.*``)
    to those every draft gets. Raises :class:`TemplateError` when the template cannot be read
    or uses something the agreement does not provide.
    """
    path = template or builtin_for(loaded.document)
    if not path.is_file():
        raise TemplateError(Problem("template_not_found", params={"name": str(path)}))
    raw = path.read_bytes()
    tpl, _body = _open(raw, path)
    check_languages(template_languages(tpl.docx), path, languages(loaded.document))
    context = _context(loaded)
    parties = context["pihak"]
    assert isinstance(parties, list)  # build_context gives a list of PartyContext
    for party in parties:
        if party["lambang"]:
            party["gambar"] = InlineImage(tpl, str(loaded.path.parent / party["lambang"]),
                                          height=Mm(EMBLEM_MM))
    try:
        tpl.render(context, jinja_env=_environment())
    except jinja2.TemplateError as err:
        raise _render_problem(tpl, path, err) from err
    document = tpl.docx
    others = [rel.target_part.element for rel in document.part.rels.values()
              if rel.reltype in (RT.HEADER, RT.FOOTER)]
    text = finish(document.element.body, others, path, loaded.document.kertas)
    if incomplete:
        for section in document.sections:
            _mark_incomplete(section)
    part = _custom_part(document)
    buffer = io.BytesIO()
    tpl.save(buffer)  # the fingerprint is of the content as saved; properties are not content
    properties = _properties(loaded, path, hashlib.sha256(raw).hexdigest(), text, incomplete,
                             fingerprint(buffer.getvalue()), provenance)
    part._blob = custom_properties_xml(part.blob, {**properties, **_NOT_A_TEMPLATE})
    buffer = io.BytesIO()
    tpl.save(buffer)
    return Draft(buffer.getvalue(), path, properties)


def _open(raw: bytes, path: Path) -> tuple[DocxTemplate, str]:
    """The template, and its body's XML cleaned as docxtpl renders it (``patch_xml``)."""
    try:
        tpl = DocxTemplate(io.BytesIO(raw))
        tpl.init_docx()
    except Exception as err:  # python-docx raises several unrelated types for a bad file
        detail = str(err) or type(err).__name__
        if "is not a Word file" in detail:  # python-docx names its in-memory stream here
            detail = "content type " + detail.split("content type is ", 1)[-1]
        raise TemplateError(Problem("template_unreadable", path, params={"detail": detail})) \
            from err
    xml = tpl.patch_xml(tpl.get_xml())
    if "{{" not in xml and "{%" not in xml:
        # A finished draft given as a template would print its old names and numbers.
        raise TemplateError(Problem("template_no_tags", path))
    return tpl, xml


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja's environment, reading ``a.b`` on a plain dict (what the context is made of) as
    Jinja does in the end — the key ``b`` — without first failing to find an attribute."""

    def getattr(self, obj: object, attribute: str) -> object:
        """``obj.attribute`` in a template; the same value as Jinja's, found sooner."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def _environment() -> jinja2.Environment:
    env = _Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    env.finalize = _finalize
    return env


def _context(loaded: Loaded) -> dict[str, object]:
    context = draft_context(loaded)
    context["pasal"] = Articles()
    return context


class Articles(dict):
    """``pasal.<id>`` in a template: a marker for any article id, numbered once the draft is
    rendered (:func:`pkgen.postprocess.number_articles`), so a new article needs no code."""

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return MARK.format(name)

    def __getitem__(self, name: str) -> str:
        return MARK.format(name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str)


def _lines(xml: str) -> str:
    # As docxtpl's render_xml_part: one paragraph per line, so that errors name a paragraph.
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _after_render(tpl: DocxTemplate, xml: str, lined: bool = True) -> str:
    """What docxtpl's render_xml_part does to a part after Jinja has rendered it; ``lined``
    False for a part rendered from its source as it is, without the line docxtpl starts
    before each paragraph (which it then takes away again)."""
    if lined:
        # re.sub(r"\n<w:p([ >])", r"<w:p\1", xml) as two plain replacements (faster)
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
    # Without "{_" or "_}" none of the four replacements has anything to do. A search for
    # one character is many times faster than for two, and braces are rare in a draft.
    if ("{" in xml and "{_" in xml) or ("}" in xml and "_}" in xml):
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace(
            "%_}", "%}")
    # resolve_listing turns tabs, newlines, \a and \f in text into Word markup and leaves
    # everything else as it is, so without any of them it can be skipped.
    if any(char in xml for char in "\t\n\a\f"):
        xml = tpl.resolve_listing(xml)
    return xml


def _properties(loaded: Loaded, path: Path, sha256: str, text: str, incomplete: bool,
                content: str, provenance: dict[str, str] | None) -> dict[str, str]:
    """The draft's provenance; ``sha256`` is the template's, ``text`` the body's text (one
    paragraph per line),
    ``pkgen.fingerprint`` its content as written (see :mod:`pkgen.fingerprint`), by which an
    edit is recognised even without a manifest."""
    properties = {
        "pkgen.version": __version__,
        "pkgen.template": path.name,
        "pkgen.template_sha256": sha256,
        "pkgen.input": loaded.path.name,
        "pkgen.input_sha256": loaded.digest,
        "pkgen.text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "pkgen.fingerprint": content,
    }
    if incomplete:
        properties["pkgen.incomplete"] = "true"
    return {**properties, **(provenance or {})}


def check_template(path: Path) -> None:
    """Raise :class:`TemplateError` unless ``path`` is a Word document with template tags."""
    _open(path.read_bytes(), path)


def set_custom_properties(document, properties: dict[str, str]) -> None:
    """Set custom document properties (Word: File › Info › Properties › Custom)."""
    part = _custom_part(document)
    part._blob = custom_properties_xml(part.blob, properties)


def _custom_part(document) -> Part:
    """The document's custom-properties part, added if the template has none."""
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            return rel.target_part
    part = Part(PackURI("/" + CUSTOM_PART), CUSTOM_TYPE, custom_properties_xml(None, {}),
                package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
    return part


def _render_problem(tpl: DocxTemplate, path: Path, err: jinja2.TemplateError) -> TemplateError:
    if isinstance(err, jinja2.TemplateSyntaxError):
        return _template_problem(tpl, path, "template_syntax", err, detail=err.message)
    if isinstance(err, jinja2.UndefinedError):
        return _template_problem(tpl, path, "template_undefined", err,
                                 name=_undefined_name(str(err)))
    return _template_problem(tpl, path, "template_error", err, detail=str(err))


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


def _finalize(value: object) -> object:
    # docxtpl turns "{_{" back into "{{" after rendering; a value containing it must survive
    # as typed, so its underscore is written as a character reference the XML parser restores.
    if isinstance(value, str) and ("{_" in value or "_}" in value):
        return Markup(str(escape(value)).replace("{_", "{&#95;").replace("_}", "&#95;}"))
    return value


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
    return TemplateError(Problem(code, path, params={**params, "paragraph": near(text)}))


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
