"""Prepared templates: what they do instead of docxtpl, and what they carry between drafts."""

from __future__ import annotations

import copy
import io
import shutil
import zipfile

import pytest
from conftest import EXAMPLE_FILES, EXAMPLES, PKS_TPA, ROOT, make_template
from docx import Document
from docx.shared import Twips
from docxtpl import DocxTemplate
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_layout import agreement_text

from pkgen.docx_text import read_blocks
from pkgen.errors import TemplateError
from pkgen.inputs import load_agreement
from pkgen.paragraphs import body_keys
from pkgen.postprocess import MARKER, docxtpl_fix_tables
from pkgen.prepared import PreparedTemplate, _inside_document
from pkgen.properties import PropertiesWriter, custom_properties_xml
from pkgen.render import (
    _after_render,
    _context,
    _environment,
    _lines,
    builtin_for,
    builtin_template,
    render_draft,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _rendered(path):
    """A prepared template and the body XML it renders for the example at ``path``."""
    loaded = load_agreement(path)
    prepared = PreparedTemplate(builtin_for(loaded.document))
    tpl = prepared._tpl
    return prepared, _after_render(tpl, prepared._body.render(_context(loaded)),
                                   prepared._lined)


def _grid_table(grid: list[str], rows: list[list[str | None]]) -> str:
    """A body with one table: ``grid`` widths, and rows of cells (each a gridSpan or None)."""
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    body = "".join("<w:tr>" + "".join(
        "<w:tc>" + (f'<w:tcPr><w:gridSpan w:val="{s}"/></w:tcPr>' if s else "") +
        "<w:p/></w:tc>" for s in row) + "</w:tr>" for row in rows)
    return (f'<w:body xmlns:w="{W}"><w:tbl><w:tblGrid>{cols}</w:tblGrid>{body}</w:tbl>'
            "</w:body>")


@pytest.mark.parametrize("xml", [
    _grid_table(["3000", "3000"], [[None, None, None], [None]]),  # a column added
    _grid_table(["1000", "2000", "3000"], [[None, None]]),  # a column removed
    _grid_table(["1000", "2000", "3000"], [[None, "2"]]),  # spans fill the grid
    _grid_table(["1000", "2000", "3000", "0"], [["2"], [None]]),  # two removed
    _grid_table(["1000.5", "2000"], [[None, None, None, None]]),  # widths not whole
    _grid_table([], [[None, None]]),  # no widths to keep
], ids=["add", "remove", "spans", "remove-two", "fractions", "empty-grid"])
def test_table_fixing_is_docxtpls(xml):
    ours = etree.fromstring(xml)
    assert docxtpl_fix_tables(ours) is not None
    assert etree.tostring(ours) == etree.tostring(DocxTemplate.fix_tables(None, xml))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_table_fixing_is_docxtpls_on_every_example(path):
    prepared, xml = _rendered(path)
    ours = etree.fromstring(xml)
    widths = docxtpl_fix_tables(ours)
    assert widths is not None
    assert etree.tostring(ours) == etree.tostring(prepared._tpl.fix_tables(xml))
    again = etree.fromstring(xml)  # a table fixed before: given the same grid again, unread
    assert docxtpl_fix_tables(again, dict(zip(again.iter(f"{{{W}}}tbl"), widths.values(),
                                              strict=True))) == {
        t: w for t, w in zip(again.iter(f"{{{W}}}tbl"), widths.values(), strict=True)}
    assert etree.tostring(again) == etree.tostring(ours)


@pytest.mark.parametrize("xml", [
    _grid_table(["1000", "abc"], [[None]]),  # a width that is not a number
    _grid_table(["1000", "2000"], [[None, "x"]]),  # nor a span
    _grid_table(["inf", "2000"], [[None]]),
    f'<w:body xmlns:w="{W}"><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body>',
    f'<x:body xmlns:x="{W}"><x:tbl/></x:body>',  # Word's namespace under another prefix
], ids=["width", "span", "infinite", "no-grid", "prefix"])
def test_table_fixing_leaves_to_docxtpl_what_it_would_read_another_way(xml):
    ours = etree.fromstring(xml)
    before = etree.tostring(ours)
    assert docxtpl_fix_tables(ours) is None
    assert etree.tostring(ours) == before  # nothing changed: docxtpl takes it from here


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_a_paragraph_key_is_its_xml_as_finished(path):
    loaded = load_agreement(path)
    prepared = PreparedTemplate(builtin_for(loaded.document))
    draft = prepared.render(loaded)
    _prepared, xml = _rendered(path)
    tree = etree.fromstring(xml)
    keys, _tables = body_keys(xml, tree)
    finished = list(draft.parts.document.iter(f"{{{W}}}p"))
    assert len(keys) > len(finished) // 2  # most of a draft is its template's wording
    opening = xml[:xml.find(">") + 1]
    assert any(known.numbered for known in keys.values())  # article headings, references
    for position, paragraph in enumerate(tree.iter(f"{{{W}}}p")):
        if paragraph in keys and keys[paragraph].unchanged:
            parsed = etree.fromstring(opening + keys[paragraph].xml + "</w:body>")[0]
            # the same place in the finished draft holds exactly what the key says
            assert etree.tostring(parsed) == etree.tostring(finished[position])


def test_keys_are_not_given_where_text_and_tree_could_disagree():
    xml = (f'<w:body xmlns:w="{W}"><w:p><w:r><w:t>a</w:t></w:r></w:p><!-- <w:p> -->'
           "<w:p><w:r><w:t>b</w:t></w:r></w:p></w:body>")
    assert body_keys(xml, etree.fromstring(xml)) == ({}, {})
    inner = (f'<w:body xmlns:w="{W}"><w:p><w:r><w:t xmlns:w="{W}">a</w:t></w:r></w:p>'
             "</w:body>")
    assert body_keys(inner, etree.fromstring(inner)) == ({}, {})
    twice = (f'<w:body xmlns:w="{W}" xmlns:x="{W}"><x:p><w:r><w:t>a</w:t></w:r></x:p>'
             "<w:p><w:r><w:t>b</w:t></w:r></w:p></w:body>")
    assert body_keys(twice, etree.fromstring(twice)) == ({}, {})
    boxed = (f'<w:body xmlns:w="{W}"><w:p><w:r><w:txbxContent><w:p><w:r><w:t>in</w:t></w:r>'
             "</w:p></w:txbxContent></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:body>")
    assert [known.xml for known in body_keys(boxed, etree.fromstring(boxed))[0].values()] == [
        "<w:p><w:r><w:t>b</w:t></w:r></w:p>"]  # neither the text box's nor the one holding it
    plain = f'<w:body xmlns:w="{W}"><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p/></w:body>'
    tree = etree.fromstring(plain)
    assert [known.xml for known in body_keys(plain, tree)[0].values()] == [
        "<w:p><w:r><w:t>a</w:t></w:r></w:p>"]


def test_a_table_key_is_its_xml_as_rendered():
    xml = (f'<w:body xmlns:w="{W}"><w:tbl><w:tblGrid/><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/>'
           "</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl><w:p/><w:tbl><w:tr><w:tc><w:p>"
           f"<w:r><w:t>{MARKER}1\ue001</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>")
    tree = etree.fromstring(xml)
    outer, inner, marked = tree.iter(f"{{{W}}}tbl")
    _paragraphs, keys = body_keys(xml, tree)
    assert keys[inner] == "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
    assert keys[outer] == xml[xml.find("<w:tbl>"):xml.find("<w:p/><w:tbl>")]
    assert marked not in keys  # finishing numbers its article


@pytest.mark.parametrize("xml", [
    f'<w:body xmlns:w="{W}"><w:tbl><w:tr/></w:tbl><!-- </w:tbl> --></w:body>',
    f'<w:body xmlns:w="{W}"><w:tbl><w:tr/></w:tbl><w:tbl/></w:body>',  # one without an end
    f'<w:body xmlns:w="{W}" xmlns:x="{W}"><x:tbl><w:tr/></x:tbl></w:body>',
    f'<w:body xmlns:w="{W}"><w:tbl><w:tr/></w:tbl><w:p><w:r><w:t>a w:tbl> b</w:t></w:r></w:p>'
    "</w:body>",  # a tag's text in a paragraph's (">" may stand unescaped)
], ids=["comment", "empty", "prefix", "in-text"])
def test_table_keys_are_not_given_where_text_and_tree_could_disagree(xml):
    assert body_keys(xml, etree.fromstring(xml))[1] == {}


def test_a_table_read_once_is_read_again_where_finishing_made_it_otherwise(tmp_path, edited):
    """The same table, as rendered, narrowed to the text width of A4 and of F4 in turn: each
    draft of a prepared template is, part for part, the draft rendered on its own."""
    document = Document()
    document.add_paragraph("{{ tentang }}")
    table = document.add_table(rows=2, cols=3)
    for row in table.rows:
        for cell in row.cells:
            cell.width = Twips(4000)  # wider together than the text of either paper
            cell.paragraphs[0].text = "Tetap"
    template = tmp_path / "tabel.docx"
    document.save(str(template))
    prepared = PreparedTemplate(template)
    f4 = edited(PKS_TPA, "pihak:\n", "kertas: F4\npihak:\n", name="f4.yaml")
    grids = set()
    for path in [PKS_TPA, f4, PKS_TPA, f4]:
        loaded = load_agreement(path)
        fast, naive = prepared.render(loaded), render_draft(loaded, template)
        a, b = zipfile.ZipFile(io.BytesIO(naive.data)), zipfile.ZipFile(io.BytesIO(fast.data))
        for name in a.namelist():
            assert a.read(name) == b.read(name), (path.name, name)
        assert fast.properties == naive.properties
        grids.add(tuple(c.get(f"{{{W}}}w") for c in fast.parts.document.iter(f"{{{W}}}gridCol")))
    assert len(grids) == 2  # narrowed to each paper's width


@pytest.mark.parametrize("template", sorted((ROOT / "templates").glob("*.docx")),
                         ids=lambda p: p.stem)
def test_every_built_in_body_is_parsed_inside_its_document(template):
    assert PreparedTemplate(template)._inside is not None


_DOCUMENT = f'<w:document xmlns:w="{W}" xmlns:r="urn:r" r:x="1"/>'


@pytest.mark.parametrize(("body", "inside"), [
    (f'<w:body xmlns:w="{W}" xmlns:r="urn:r"><w:p/></w:body>', True),
    (f"<w:body xmlns:w='{W}'><w:p/></w:body>", True),
    (f'<w:body xmlns:w="{W}" xmlns:x="urn:x"><w:p/></w:body>', False),  # not the document's
    (f'<w:body xmlns:w="{W}" xmlns:r="urn:other"><w:p/></w:body>', False),
    (f'<w:body xmlns:w="{W}" xmlns="urn:d"><w:p/></w:body>', False),
], ids=["same", "quoted", "another", "another-uri", "default"])
def test_a_body_is_parsed_inside_its_document_only_where_that_is_the_same(body, inside):
    shell = etree.fromstring(_DOCUMENT)
    found = _inside_document(shell, body)
    assert (found is not None) == inside
    if found:
        alone = copy.deepcopy(shell)
        alone.append(etree.fromstring(body))
        whole = etree.fromstring(found[1] + body[len(found[0]):] + "</w:document>")
        assert etree.tostring(whole) == etree.tostring(alone)
    holding = etree.fromstring(_DOCUMENT.replace("/>", "><w:background/></w:document>"))
    assert _inside_document(holding, body) is None  # more than its body


@pytest.mark.parametrize("after", ["<w:body></w:body>", "<w:p/></w:body>"],
                         ids=["two-bodies", "trailing"])
def test_a_body_that_is_not_one_element_is_left_to_docxtpl(after):
    prepared, xml = _rendered(PKS_TPA)
    broken = xml + after  # as the body alone would not parse
    root, keys, tables, inside = prepared._parse(broken)
    expected = prepared._in_document(prepared._tpl.fix_tables(broken))
    assert etree.tostring(root) == etree.tostring(expected)
    assert keys == tables == {} and not inside


def test_blocks_kept_from_one_draft_are_read_again_where_they_moved(tmp_path):
    """Drafts of 2, 3 and 5 parties, in turn and back (paragraphs the same, their places
    not): each draft is the one-off render part for part, its blocks are those read from its
    file, and a block is kept as it was only where its paragraph stands where it stood (a
    header's or footer's, for the same header or footer)."""
    for ksb in EXAMPLES.glob("ksb-*.yaml"):
        shutil.copy(ksb, tmp_path / ksb.name)
    prepared, kept = PreparedTemplate(builtin_template("pks_ksdd")), {}
    for parties in (2, 3, 5, 3, 2, 2):
        path = tmp_path / f"pihak-{parties}.yaml"
        path.write_text(agreement_text(parties, "A4", 0), encoding="utf-8")
        loaded = load_agreement(path)
        draft, naive = prepared.render(loaded), render_draft(loaded)
        a, b = zipfile.ZipFile(io.BytesIO(naive.data)), zipfile.ZipFile(io.BytesIO(draft.data))
        assert all(a.read(name) == b.read(name) for name in a.namelist())  # tables' grids too
        blocks = draft.blocks(path)
        assert blocks == read_blocks(path, draft.data)
        again = {(b.index, b.text): b for b in blocks}
        assert {b.part for b in blocks} == {"body", "footer"}
        if parties in kept:  # the same draft again: every block as before
            assert all(again[k] is b for k, b in kept[parties].items())
        kept[parties] = again


def test_what_one_draft_carries_to_the_next_changes_no_draft(edited):
    """Drafts of different agreements from one prepared template, in turn, each part for part
    the draft rendered on its own."""
    text = PKS_TPA.read_text(encoding="utf-8")
    sanctions = text[text.index("sanksi:"):text.index("monitoring_evaluasi:")]
    variants = [PKS_TPA,
                edited(PKS_TPA, "Pemerintah Kota Mojokerto", "Pemerintah Kota Batu"),
                edited(PKS_TPA, "Pemanfaatan Bersama", "Pemanfaatan *Bersama*"),
                # without an article: the later ones and the references to them renumbered
                edited(PKS_TPA, sanctions, "", name="tanpa-sanksi.yaml")]
    prepared = PreparedTemplate(builtin_template("pks_ksdd"))
    for path in [*variants, *reversed(variants)]:
        loaded = load_agreement(path)
        fast, naive = prepared.render(loaded), render_draft(loaded)
        a, b = zipfile.ZipFile(io.BytesIO(naive.data)), zipfile.ZipFile(io.BytesIO(fast.data))
        for name in a.namelist():
            assert a.read(name) == b.read(name), (path.name, name)
        assert fast.properties == naive.properties


@pytest.mark.parametrize("source", [
    "<w:body><w:p><w:t>{{ a }}</w:t></w:p>{% for x in xs %}<w:p>{{ x }}</w:p>{% endfor %}"
    "</w:body>",
    # a line of the template's own before a paragraph, and template tags that trim space
    "<w:body>\n<w:p>{{ a }}</w:p>{%- if a -%}\n<w:p >{{ a }}</w:p>{%- endif %}</w:body>",
    "<w:body><w:p><w:t>{_{ a }_}</w:t></w:p><w:p>x</w:p>\t</w:body>",
])
def test_a_body_rendered_without_lines_is_docxtpls_rendered_in_lines(source):
    """docxtpl renders a part with a line started before each paragraph and takes the lines
    away again; a prepared template renders the source as it is, to the same text."""
    env, context = _environment(), {"a": "A<b>", "xs": ["1", "\n<w:p>"]}
    tpl = DocxTemplate.__new__(DocxTemplate)  # its clean-up uses nothing of a document
    lined = _after_render(tpl, env.from_string(_lines(source)).render(context))
    assert _after_render(tpl, env.from_string(source).render(context), False) == lined


@pytest.mark.parametrize(("paragraphs", "code"), [
    (["Judul {{ tentang }}", "Nama: {{ pihak[0].nama_lengkap }} sekian"], "template_undefined"),
    (["Awal", "{% if tentang %}tanpa akhir"], "template_syntax"),
], ids=["undefined", "syntax"])
def test_a_prepared_template_names_a_mistake_as_the_one_off_render(tmp_path, paragraphs, code):
    template = make_template(tmp_path / "salah.docx", paragraphs)
    loaded = load_agreement(PKS_TPA)
    with pytest.raises(TemplateError) as one_off:
        render_draft(loaded, template)
    with pytest.raises(TemplateError) as prepared:
        PreparedTemplate(template).render(loaded)
    assert prepared.value.problems[0].code == code
    assert prepared.value.format("en") == one_off.value.format("en")
    assert "«" in prepared.value.format("en")  # the paragraph is named


_EXISTING = [None, custom_properties_xml(None, {"pkgen.kind": "pks", "lain": "1"}),
             custom_properties_xml(None, {"x": "y"}).replace(b"pid=\"2\"", b"pid=\"7\"")]


@settings(max_examples=60, deadline=None)
@given(existing=st.sampled_from(_EXISTING), properties=st.dictionaries(
    st.sampled_from(["pkgen.kind", "pkgen.input", "lain", "a&b", 'q"', "baru"]),
    st.none() | st.text(max_size=12), max_size=5))
def test_the_properties_writer_writes_what_lxml_writes(existing, properties):
    writer = PropertiesWriter(existing)
    for _ in range(2):  # the second time from what it worked out the first
        assert _outcome(writer.xml, properties) == _outcome(
            lambda p: custom_properties_xml(existing, p), properties)


def _outcome(write, properties):
    try:
        return write(properties)
    except ValueError as err:  # lxml refuses control characters: both must refuse them
        return type(err)


def _document_and_names(prepared: PreparedTemplate, loaded) -> tuple[bytes, str, tuple]:
    draft = prepared.render(loaded)
    with zipfile.ZipFile(io.BytesIO(draft.data)) as package:
        body = package.read("word/document.xml")
    return body, draft.properties["pkgen.fingerprint"], prepared.variables()


def test_a_template_compiled_in_an_earlier_run_renders_as_one_compiled_afresh(
        tmp_path, monkeypatch):
    monkeypatch.setenv("PKGEN_CACHE_DIR", str(tmp_path / "cache"))
    loaded = load_agreement(PKS_TPA)
    path = builtin_for(loaded.document)
    fresh = _document_and_names(PreparedTemplate(path), loaded)
    kept = sorted((tmp_path / "cache" / "templates").glob("*.bin"))
    assert kept  # the body and the footers, each compiled once
    with monkeypatch.context() as compiling:
        compiling.setattr("jinja2.Environment.compile", lambda *a, **k: pytest.fail("compiled"))
        assert _document_and_names(PreparedTemplate(path), loaded) == fresh
    for damaged in (b"", b"\x00" * 40, kept[0].read_bytes()[:-7]):
        for file in kept:
            file.write_bytes(damaged)
        assert _document_and_names(PreparedTemplate(path), loaded) == fresh
    assert all(file.read_bytes() not in (b"", b"\x00" * 40) for file in kept)  # written anew


@pytest.mark.parametrize("folder", ["a-file", ""], ids=["unwritable", "turned-off"])
def test_templates_are_compiled_without_a_cache_folder(tmp_path, monkeypatch, folder):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("PKGEN_CACHE_DIR", str(tmp_path / folder) if folder else "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    loaded = load_agreement(PKS_TPA)
    prepared = PreparedTemplate(builtin_for(loaded.document))
    assert _document_and_names(prepared, loaded)[0].count(b"<w:p") > 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_template_is_compiled_again_for_another_finalize():
    """What the environment's ``finalize`` makes of a constant is compiled in: a change to its
    code, under the same name, must not find the code compiled with the old one."""
    from pkgen.compiled import _key
    from pkgen.render import _environment

    def _finalize(value: object) -> object:
        return value

    _finalize.__module__, _finalize.__qualname__ = "pkgen.render", "_finalize"
    env = _environment()
    other = env.overlay(finalize=_finalize)  # (the environment itself may be shared)
    source = '{{ "{_" }} {{ x }}'
    assert _key(env, source) == _key(_environment(), source)
    assert _key(other, source) != _key(env, source)
