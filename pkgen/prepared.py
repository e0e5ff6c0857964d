"""Render many drafts from one template read and compiled once, as ``pkgen build`` does.

A prepared template gives, part for part, the drafts :func:`pkgen.render.render_draft` gives
(a test compares every part of every example); with :mod:`pkgen.render`, the only module that
uses docxtpl. Each draft costs a Jinja render of the compiled document and footers, docxtpl's
own clean-up, pkgen's finishing, the fingerprint, and a ZIP in which the parts no draft changes
are copied still compressed.

Most paragraphs of a template's drafts are its own wording, rendered to the same XML in every
draft. Each paragraph's XML is at hand as text before it is parsed, so a paragraph that
finishing leaves as rendered is named by that text (:func:`paragraph_keys`), and what is read
from it (its text, its part of the fingerprint) is read once per template and kept.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
from pathlib import Path

import jinja2
import jinja2.meta
from docxtpl import DocxTemplate
from lxml import etree

from .bundled import check_languages, template_languages
from .docx_text import READ, header_or_footer, paragraph_text
from .fingerprint import Known, Package, fingerprint
from .fingerprint.known import Reading, Story
from .inputs import Loaded
from .lru import LRU
from .postprocess import (
    ITALIC_START,
    MARKER,
    custom_properties_xml,
    docxtpl_fix_tables,
    finish,
    paragraph_texts_of,
)
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
    _serialize,
    render_draft,
)
from .ziputil import ZipTemplate

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH = re.compile(r"<w:p[ >/]")
#: What finishing or docxtpl changes after parsing is inside a paragraph holding one of these:
#: article and italic markers, a section's paper size, drawing ids, a table in a text box.
_CHANGED_AFTER_PARSING = (MARKER, "sectPr", "docPr", "txbxContent")
#: Paragraphs kept per template: a few drafts' worth of different wording, a few megabytes.
KEPT = 1024
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
        tpl = _open(self.raw, path)
        self._tpl = tpl
        self.languages = template_languages(tpl.docx)
        env = _environment()
        self._env = env
        self._sources = [_lines(tpl.patch_xml(tpl.get_xml()))]
        try:
            self._body = env.from_string(self._sources[0])
            self._parts = []
            for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
                for _key, part in tpl.get_headers_footers(uri):
                    source = _lines(tpl.patch_xml(tpl.get_part_xml(part)))
                    self._sources.append(source)
                    self._parts.append((part.partname.lstrip("/"), env.from_string(source)))
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
        part = _custom_part(tpl.docx)  # so that every draft has the part, as render_draft's
        self._custom = part.blob
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
        self._readings: LRU[Reading] = LRU(KEPT)  # fingerprint readings, by key
        self._stories: LRU[Story] = LRU(64)  # of headers and footers
        self._words: LRU[tuple[str, str]] = LRU(KEPT)  # paragraph texts, by key
        self._blocks: LRU[str] = LRU(KEPT)  # paragraph texts as blocks read them, by key

    def variables(self) -> tuple[set[str], set[str]]:
        """The top-level names the template uses, and the article ids it has headings for."""
        names: set[str] = set()
        for source in self._sources:
            names |= jinja2.meta.find_undeclared_variables(self._env.parse(source))
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
        check_languages(self.languages, self.path, loaded)
        context = _context(loaded)
        try:
            body_xml = _after_render(tpl, self._body.render(context))
            others = {name: etree.fromstring(_after_render(tpl, t.render(context)).encode())
                      for name, t in self._parts}
        except jinja2.TemplateError as err:
            raise _render_problem(tpl, self.path, err) from err
        tree, keys = self._parse(body_xml)
        if "docPr" in body_xml:  # drawings: docxtpl numbers their ids
            tpl.docx_ids_index = 1000
            tpl.fix_docpr_ids(tree)
        text = finish(tree, list(others.values()), self.path, loaded.document.kertas,
                      lambda p: self._paragraph_texts(p, keys), ITALIC_START in body_xml)
        root = copy.deepcopy(self._shell)
        root.insert(self._body_index, tree)
        replace = {name: _serialize(element) for name, element in others.items()}
        # A header or footer is named by its XML as written, which is all it holds.
        parts: dict[etree._Element, str | bytes] = {
            others[name]: name.encode() + b"\n" + xml for name, xml in replace.items()}
        content = fingerprint(self._package, {"word/document.xml": root, **others},
                              Known({**keys, **parts}, self._readings, self._stories))
        properties = _properties(loaded, self.path, self.sha256, text, False, content,
                                 provenance)
        replace["word/document.xml"] = _serialize(root)
        replace[CUSTOM_PART] = custom_properties_xml(self._custom,
                                                     {**properties, **_NOT_A_TEMPLATE})
        texts = {**self._texts, **{n: e for n, e in others.items() if header_or_footer(n)}}
        return Draft(self._zip.build(replace), self.path, properties, DraftXml(
            root, texts, self._styles_xml, lambda p: self._block_text(p, keys)))

    def _parse(self, body_xml: str) -> tuple[etree._Element, dict[etree._Element, str]]:
        """The rendered body as docxtpl's ``fix_tables`` leaves it, and its paragraphs' keys.

        Well-formed XML (always, as values are escaped) is parsed once and its tables fixed in
        place; anything else is left to docxtpl, which parses it leniently, without keys.
        """
        try:
            tree = etree.fromstring(body_xml, parser=_PARSER)
        except etree.XMLSyntaxError:
            return self._tpl.fix_tables(body_xml), {}
        keys = paragraph_keys(body_xml, tree)
        if not docxtpl_fix_tables(tree):
            return self._tpl.fix_tables(body_xml), {}
        return tree, keys

    def _block_text(self, p: etree._Element, keys: dict[etree._Element, str]) -> str:
        key = keys.get(p)
        if key is None:
            return paragraph_text(p, READ)
        found = self._blocks.get(key)
        if found is None:
            found = paragraph_text(p, READ)
            self._blocks.put(key, found)
        return found

    def _paragraph_texts(self, p: etree._Element,
                         keys: dict[etree._Element, str]) -> tuple[str, str]:
        key = keys.get(p)
        if key is None:
            return paragraph_texts_of(p)
        found = self._words.get(key)
        if found is None:
            found = paragraph_texts_of(p)
            self._words.put(key, found)
        return found


def paragraph_keys(xml: str, tree: etree._Element) -> dict[etree._Element, str]:
    """Each paragraph of ``tree`` (parsed from ``xml``) that is wholly its XML in ``xml``, as
    finished: its XML from ``<w:p`` to its ``</w:p>``, which alone tells what it holds.

    Paragraphs are found in ``xml`` in document order, as ``tree.iter`` gives them; none is
    named where the two could disagree (Word's namespace under another prefix too, or declared
    again inside, comments, CDATA, a count that differs) or where the XML is not all of it:
    an empty ``<w:p/>`` (no ``</w:p>`` of its own), one in a text box or holding one, one that
    finishing or docxtpl changes after parsing (:data:`_CHANGED_AFTER_PARSING`).
    """
    namespaces = tree.nsmap
    if namespaces.get("w") != _W[1:-1] or list(namespaces.values()).count(_W[1:-1]) > 1 or \
            xml.find("xmlns", xml.find(">")) >= 0 or any(
            mark in xml for mark in ("<!--", "<![CDATA[", "<?")):
        return {}
    starts = [m.start() for m in _PARAGRAPH.finditer(xml)]
    paragraphs = list(tree.iter(f"{_W}p"))
    if len(starts) != len(paragraphs):
        return {}
    starts.append(len(xml))
    # Where the marks are, in order: a paragraph holding one is passed over.
    marks = sorted(_positions(xml, _CHANGED_AFTER_PARSING))
    marks.append(len(xml))
    keys = {}
    mark = 0
    for i, paragraph in enumerate(paragraphs):
        start = starts[i]
        end = xml.find("</w:p>", start, starts[i + 1])
        if end < 0:
            continue
        while marks[mark] < start:
            mark += 1
        if marks[mark] > end:
            keys[paragraph] = xml[start:end + 6]
    return keys


def _positions(text: str, needles: tuple[str, ...]) -> list[int]:
    """Where each of ``needles`` occurs in ``text`` (plain searches: no regular expression
    finds a string starting with a private-use character as fast)."""
    found = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    return found


def _tags_outside_parts(tpl: DocxTemplate) -> bool:
    core = tpl.docx.core_properties
    texts = [str(getattr(core, name) or "") for name in
             ("author", "comments", "identifier", "language", "subject", "title")]
    texts += [part.blob.decode("utf-8", "replace") for part in tpl.docx.part.package.parts
              if part.content_type.endswith("footnotes+xml")]
    return any("{{" in t or "{%" in t for t in texts)
