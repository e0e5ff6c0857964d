"""Render many drafts from one template read and compiled once, as ``pkgen build`` does.

A prepared template gives, part for part, the drafts :func:`pkgen.render.render_draft` gives
(a test compares every part of every example); with :mod:`pkgen.render`, the only module that
uses docxtpl. Each draft costs a Jinja render of the compiled document and footers, docxtpl's
own clean-up, pkgen's finishing, the fingerprint, and a ZIP in which the parts no draft changes
are copied still compressed.

What one draft learns of its paragraphs serves the next: each paragraph's texts and part of
the fingerprint are read once per XML (:mod:`pkgen.paragraphs`).
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import jinja2
import markupsafe
from docxtpl import DocxTemplate
from lxml import etree

from .bundled import check_languages, template_languages
from .compiled import compiled
from .docx_text import Block, KnownParts, header_or_footer
from .errors import TemplateError
from .fingerprint import Known, Package, fingerprint
from .fingerprint.known import Story
from .inputs import Loaded
from .lru import LRU
from .model import languages
from .paragraphs import (
    KEPT,
    Keys,
    Paragraph,
    Tables,
    body_keys,
    plain_markup,
    texts_of,
)
from .parsed import Earlier
from .postprocess import ITALIC_START, docxtpl_fix_tables, finish
from .properties import PropertiesWriter
from .render import (
    _HEADING_TAG,
    _NOT_A_TEMPLATE,
    CUSTOM_PART,
    Draft,
    DraftXml,
    _after_render,
    _context,
    _custom_part,
    _environment,
    _lines,
    _open,
    _properties,
    _render_problem,
    render_draft,
)
from .written import Writer, serialize
from .ziputil import ZipTemplate

_PARSER = etree.XMLParser()  # strict: a paragraph's key is its XML only in well-formed XML


class PreparedTemplate:
    """A template read and compiled once, to render many drafts quickly and identically.

    Drafts marked incomplete, and drafts with emblems (which add parts), are rare and go
    through :func:`pkgen.render.render_draft`.
    """

    def __init__(self, path: Path, data: bytes | None = None) -> None:
        """Prepare the template at ``path``; ``data``, when given, is its content already read
        (so that the bytes hashed are the bytes rendered)."""
        self.path = path
        self.raw = path.read_bytes() if data is None else data
        self.sha256 = hashlib.sha256(self.raw).hexdigest()
        tpl, body = _open(self.raw, path)
        self._tpl = tpl
        self.languages = template_languages(tpl.docx)
        env = _environment()
        self._env = env
        self._sources = [_lines(body)]
        self._trusted = plain_markup(body)
        self._drawings = "docPr" in body or not self._trusted
        self._paragraphs: LRU[Paragraph] = LRU(KEPT)  # what is known of each, by its XML
        self._grids: LRU[list[str]] = LRU(KEPT)  # docxtpl's fixing of a table, by its XML
        self._writer = Writer()  # of the document part, from what earlier drafts wrote
        self._earlier: Earlier | Literal[False] | None = None  # a body parsed, to parse from
        self._names: set[str] = set()  # that the template uses
        try:
            self._body, self._lined = self._compile(body)
            self._parts = []
            for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
                for _key, part in tpl.get_headers_footers(uri):
                    source = _lines(tpl.patch_xml(tpl.get_part_xml(part)))
                    self._sources.append(source)
                    self._parts.append((part.partname.lstrip("/"), self._template(source)))
        except jinja2.TemplateError as err:
            raise _render_problem(tpl, path, err) from err
        # docxtpl also renders core properties and footnotes; a template with tags there
        # depends on each agreement beyond the parts prepared here, so it is rendered whole.
        self.fast = not _tags_outside_parts(tpl)
        tpl.render_properties({}, env)
        document = tpl.docx.element
        self._body_index = list(document).index(document.body)
        self._shell = copy.deepcopy(document)
        self._shell.remove(self._shell.body)
        self._inside = _inside_document(self._shell, body) if self._trusted else None
        part = _custom_part(tpl.docx)  # so that every draft has the part, as render_draft's
        self._custom = PropertiesWriter(part.blob)
        skeleton = io.BytesIO()
        tpl.docx.save(skeleton)
        self._zip = ZipTemplate(skeleton.getvalue())
        self._package = Package.read(skeleton.getvalue())  # styles, media: for fingerprints
        # What a draft's text is read from besides the parts rendered for it.
        self._styles_xml = self._package.blob("word/styles.xml")
        rendered = {name for name, _template in self._parts}
        self._texts = {name: etree.fromstring(self._package.blob(name) or b"")
                       for name in self._zip.names if header_or_footer(name)
                       and name not in rendered}
        self._text_names = {name: name.encode() + b"\n" + (self._package.blob(name) or b"")
                            for name in self._texts}
        self._stories: LRU[Story] = LRU(64)  # of headers and footers
        self._part_blocks: LRU[tuple[Block, ...]] = LRU(64)  # likewise, as blocks
        self._part_trees: LRU[etree._Element] = LRU(64)  # likewise, as parsed

    def variables(self) -> tuple[set[str], set[str]]:
        """The top-level names the template uses, and the article ids it has headings for."""
        names = set(self._names)
        headings = set()
        for line in self._sources[0].splitlines():
            match = _HEADING_TAG.match(re.sub(r"<[^>]+>", "", line))
            if match:
                headings.add(match.group(1))
        return names, headings

    def render(self, loaded: Loaded, provenance: dict[str, str] | None = None) -> Draft:
        """Render one draft; the same bytes in each part as :func:`render_draft` gives."""
        if not self.fast or any(p.lambang for p in loaded.document.pihak):
            return render_draft(loaded, self.path, provenance=provenance)  # emblems add parts
        tpl = self._tpl
        check_languages(self.languages, self.path, languages(loaded.document))
        context = _context(loaded)
        try:
            body_xml = _after_render(tpl, self._body.render(context), self._lined)
            others = {name: self._header_or_footer(_after_render(tpl, t.render(context)))
                      for name, t in self._parts}
        except jinja2.TemplateError as err:
            raise self._problem(context, err) from err
        root, keys, tables, inside = self._parse(body_xml)
        tree = root[self._body_index]
        if self._drawings and "docPr" in body_xml:  # drawings: docxtpl numbers their ids
            tpl.docx_ids_index = 1000
            tpl.fix_docpr_ids(tree)
        text = finish(tree, list(others.values()), self.path, loaded.document.kertas,
                      lambda p: texts_of(p, keys), ITALIC_START in body_xml,
                      lambda p, numbers: _numbered(p, numbers, keys))
        for p in [p for p, known in keys.items() if known.numbered]:
            del keys[p]  # not numbered after all (a marker where finishing does not look)
        replace = {name: serialize(element) for name, element in others.items()}
        # A header or footer is named by its XML as written, which is all it holds.
        named = {name: name.encode() + b"\n" + xml for name, xml in replace.items()}
        parts = {others[name]: key for name, key in named.items()}
        carried = Known(keys, parts, self._stories, tables)
        content = fingerprint(self._package, {"word/document.xml": root, **others}, carried)
        properties = _properties(loaded, self.path, self.sha256, text, False, content,
                                 provenance)
        # Parsed inside its document, the body is the template's, whose markup is plain.
        replace["word/document.xml"] = (self._writer.write(root, keys, carried) if inside
                                        else serialize(root))
        replace[CUSTOM_PART] = self._custom.xml({**properties, **_NOT_A_TEMPLATE})
        texts = {**self._texts, **{n: e for n, e in others.items() if header_or_footer(n)}}
        known = KnownParts({**self._text_names, **named}, self._part_blocks)
        return Draft(self._zip.build(replace), self.path, properties, DraftXml(
            root, texts, self._styles_xml, keys, known))

    def _header_or_footer(self, xml: str) -> etree._Element:
        """A header or footer rendered as ``xml``, parsed: a copy of the tree first parsed
        from the same text (a copy costs less than half of parsing), which is never handed
        out itself, so that finishing a draft changes only the draft's copy."""
        parsed = self._part_trees.get(xml)
        if parsed is None:
            parsed = etree.fromstring(xml.encode())
            self._part_trees.put(xml, parsed)
        return copy.deepcopy(parsed)

    def _compile(self, body: str) -> tuple[jinja2.Template, bool]:
        """The body's template, and whether it is in lines, as docxtpl renders it.

        Rendered from the source as it is: the same as docxtpl's render of the lines it makes
        (a test compares them), without making and taking them away; a source with a syntax
        error is compiled in lines, for the error to name its paragraph's line.
        """
        try:
            return self._template(body), False
        except jinja2.TemplateSyntaxError:
            return self._template(self._sources[0]), True

    def _template(self, source: str) -> jinja2.Template:
        """``source`` compiled, the names it uses noted for :meth:`variables`."""
        env = self._env
        code, names = compiled(env, source)
        self._names |= names
        template = env.template_class.from_code(env, code, env.make_globals(None))
        module = template.root_render_func.__globals__  # the compiled module's names
        if module.get("escape") is markupsafe.escape:
            module["escape"] = _escape
        return template

    def _problem(self, context: dict, err: jinja2.TemplateError) -> TemplateError:
        """The problem as one-off rendering names it: with the paragraph it is on, found by
        its line in the source docxtpl renders."""
        try:
            self._env.from_string(self._sources[0]).render(context)
        except jinja2.TemplateError as lined:
            err = lined
        return _render_problem(self._tpl, self.path, err)

    def _parse(self, body_xml: str) -> tuple[etree._Element, Keys, Tables, bool]:
        """The document with the rendered body as docxtpl's ``fix_tables`` leaves it, the
        body's paragraphs' and tables' keys, and whether the body was parsed inside its
        document (see :func:`_inside_document`: its tag, and the document's, the template's).

        Well-formed XML (always, as values are escaped) is parsed once and its tables fixed in
        place; anything else is left to docxtpl, which parses it leniently, without keys. A
        body parsed inside its document is parsed from the tree of the first one
        (:mod:`pkgen.parsed`) where that gives its tree, and that first one is kept for it
        before anything changes it.
        """
        inside = self._parses_inside(body_xml)
        found = self._earlier.parse(body_xml, self._paragraphs) if (
            inside and self._earlier) else None
        root: etree._Element | None
        if found is not None:
            root, keys, tables = found
        else:
            try:
                root = self._parsed(body_xml, inside)
            except etree.XMLSyntaxError:
                root = None
            if root is not None:
                keys, tables = body_keys(body_xml, root[self._body_index], self._trusted,
                                         self._paragraphs)
                if inside and self._earlier is None and self._inside is not None:
                    # before anything changes the tree; only once, whether it serves or not
                    self._earlier = Earlier.of(root, body_xml, self._inside[1], keys,
                                               tables) or False
        if root is not None:
            tree = root[self._body_index]
            fixed = {t: w for t, xml in tables.items() if (w := self._grids.get(xml))}
            grids = docxtpl_fix_tables(tree, fixed)
            if grids is not None:
                for table, xml in tables.items():
                    if table not in fixed:
                        self._grids.put(xml, grids[table])
                return root, keys, tables, inside
        return self._in_document(self._tpl.fix_tables(body_xml)), {}, {}, False

    def _parses_inside(self, body_xml: str) -> bool:
        """True if the body is parsed inside its document at once (its tag the template's)."""
        inside = self._inside
        return inside is not None and body_xml.startswith(inside[0]) and body_xml.endswith(
            "</w:body>")

    def _parsed(self, body_xml: str, inside: bool) -> etree._Element | None:
        """The document holding the body, parsed strictly: at once if ``inside``; None for a
        body that is not one element."""
        if not inside:
            return self._in_document(etree.fromstring(body_xml, parser=_PARSER))
        assert self._inside is not None
        opening, document = self._inside
        root = etree.fromstring(document + body_xml[len(opening):] + "</w:document>",
                                parser=_PARSER)
        return root if len(root) == 1 else None

    def _in_document(self, body: etree._Element) -> etree._Element:
        """A copy of the document holding ``body``."""
        root = copy.deepcopy(self._shell)
        root.insert(self._body_index, body)
        return root


def _inside_document(shell: etree._Element, body: str) -> tuple[str, str] | None:
    """The body's opening tag, and what a rendered body is parsed in the document with
    instead: the document's opening tag and the body's without the namespaces it declares.

    Parsed inside its document at once, a body gives the tree lxml gives for it parsed alone
    and put in a copy of the document (which drops the declarations the document makes alike),
    at less cost. None for a document holding more than its body, or whose body's tag, in a
    copy of the document, would be written otherwise (it declares a namespace the document
    does not declare alike).
    """
    opening = body[:body.find(">") + 1]
    written = etree.tostring(shell).decode()
    if len(shell) or not written.endswith("/>") or opening.endswith("/>"):
        return None
    bare = re.sub(r"""\s+xmlns(:[\w.-]+)?=("[^"]*"|'[^']*')""", "", opening)
    inside = written[:-2] + ">" + bare
    alone = copy.deepcopy(shell)
    alone.append(etree.fromstring(opening + "</w:body>"))
    if etree.tostring(alone) != etree.tostring(etree.fromstring(inside + "</w:body></w:document>")):
        return None
    return opening, inside


def _escape(value: object) -> markupsafe.Markup:
    """``markupsafe.escape``, each text escaped once: a register's drafts print the same
    names, dates and amounts again and again."""
    return _escaped(value) if type(value) is str else markupsafe.escape(value)


_escaped = lru_cache(maxsize=8192)(markupsafe.escape)


def _numbered(p: etree._Element, numbers: tuple[int, ...], keys: Keys) -> None:
    """``p``, finished with these article numbers, named as such if it was named before."""
    known = keys.get(p)
    if known is not None and known.numbered:
        keys[p] = known.finished(numbers)


def _tags_outside_parts(tpl: DocxTemplate) -> bool:
    core = tpl.docx.core_properties
    texts = [str(getattr(core, name) or "") for name in
             ("author", "comments", "identifier", "language", "subject", "title")]
    texts += [part.blob.decode("utf-8", "replace") for part in tpl.docx.part.package.parts
              if part.content_type.endswith("footnotes+xml")]
    return any("{{" in t or "{%" in t for t in texts)
