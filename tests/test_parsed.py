"""A body parsed from an earlier draft's tree is the tree lxml parses from its whole text."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import EXAMPLE_FILES, EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_layout import agreement_text

from pkgen.inputs import load_agreement
from pkgen.lru import LRU
from pkgen.paragraphs import body_keys
from pkgen.parsed import GIVE_UP, Earlier
from pkgen.prepared import PreparedTemplate
from pkgen.render import _after_render, _context, builtin_for, builtin_template

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = f'<w:document xmlns:w="{W}" xmlns:r="urn:r" r:x="1"><w:body>'
_P = f"{{{W}}}p"
#: Body elements of plain markup (the template's own: no comment, no namespace declared
#: inside): the same XML again and again, escaped text, a ">" in an attribute's value, a
#: paragraph found both in the body and inside tables' cells (so that an earlier element is
#: found where it is not one of the body's), nested tables, an element of another
#: namespace, the section.
SAME = "<w:p><w:r><w:t>sel</w:t></w:r></w:p>"
PIECES = [
    "<w:p><w:r><w:t>Pasal 1</w:t></w:r></w:p>",
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">A &amp; B '
    '&#39;kota&#39; &gt; x</w:t></w:r></w:p>',
    "<w:p/>",
    "<w:p></w:p>",
    SAME,
    '<w:tbl><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="3000"/>'
    f"</w:tcPr>{SAME}</w:tc></w:tr></w:tbl>",
    f"<w:tbl><w:tr><w:tc>{SAME}<w:tbl><w:tr><w:tc>{SAME}</w:tc></w:tr></w:tbl>{SAME}</w:tc>"
    "</w:tr></w:tbl>",
    '<w:p><w:r><w:t a="1>2">lain</w:t></w:r></w:p>',
    "<r:x><w:p><w:r><w:t>di dalam</w:t></w:r></w:p></r:x>",
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
]


def _whole(document: str, xml: str, known: LRU) -> tuple[etree._Element, dict, dict]:
    root = etree.fromstring(document + xml[xml.find(">") + 1:] + "</w:document>")
    return root, *body_keys(xml, root[0], True, known)


def _named(root: etree._Element, keys: dict, tables: dict) -> tuple[list, list]:
    """The names of the body's paragraphs and tables, by their places."""
    return ([(i, keys[p].xml) for i, p in enumerate(root.iter(_P)) if p in keys],
            [(i, tables[t]) for i, t in enumerate(root.iter(f"{{{W}}}tbl")) if t in tables])


def _assert_parsed_alike(earlier: Earlier, document: str, xml: str, known: LRU) -> bool:
    """The body ``xml`` parsed from ``earlier``, where it is, is the body parsed whole, its
    elements declaring the same namespaces, its paragraphs and tables named alike. Returns
    whether it was parsed from ``earlier``."""
    found = earlier.parse(xml, known)
    root, keys, tables = _whole(document, xml, known)
    if found is None:
        return False
    copied, copied_keys, copied_tables = found
    assert etree.tostring(copied) == etree.tostring(root)
    assert [(e.tag, e.nsmap, e.text, e.tail) for e in copied.iter()] == [
        (e.tag, e.nsmap, e.text, e.tail) for e in root.iter()]
    assert _named(copied, copied_keys, copied_tables) == _named(root, keys, tables)
    return True


def _earlier(document: str, xml: str, known: LRU) -> Earlier | None:
    root, keys, tables = _whole(document, xml, known)
    return Earlier.of(root, xml, document, keys, tables)


_EDITS = st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["put", "add", "drop"]),
                            st.sampled_from(range(len(PIECES)))), max_size=3)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(range(len(PIECES))), min_size=1, max_size=40),
       st.lists(_EDITS, min_size=1, max_size=4))
def test_bodies_parsed_from_an_earlier_one_are_parsed_as_whole(first, drafts):
    """Drafts made of the earlier one's elements with some changed, added or taken away:
    each is parsed as lxml parses it whole, or left to be."""
    known = LRU(256)
    xml = "<w:body>" + "".join(PIECES[i] for i in first) + "</w:body>"
    earlier = _earlier(DOCUMENT, xml, known)
    assert earlier is not None
    assert _assert_parsed_alike(earlier, DOCUMENT, xml, known)  # the same body again
    for edits in drafts:
        pieces = [PIECES[i] for i in first]
        for place, how, piece in edits:
            place %= len(pieces) + 1
            if how == "add" or place == len(pieces):
                pieces.insert(place, PIECES[piece])
            elif how == "put":
                pieces[place] = PIECES[piece]
            else:
                del pieces[place]
        _assert_parsed_alike(earlier, DOCUMENT, "<w:body>" + "".join(pieces) + "</w:body>",
                             known)


def test_a_body_is_parsed_from_an_earlier_one_only_where_most_is_the_same():
    known = LRU(64)
    base = [PIECES[0], PIECES[1], PIECES[5]] * 8
    xml = "<w:body>" + "".join(base) + "</w:body>"
    earlier = _earlier(DOCUMENT, xml, known)
    changed = [*base[:4], PIECES[7], *base[5:]]
    assert _assert_parsed_alike(earlier, DOCUMENT, "<w:body>" + "".join(changed) + "</w:body>",
                                known)
    most = [PIECES[7]] * 12 + base[12:]
    assert not _assert_parsed_alike(earlier, DOCUMENT, "<w:body>" + "".join(most) + "</w:body>",
                                    known)
    # the earlier element after a changed one found inside a table that took its place: the
    # text before it, and after, not well-formed alone (a region ending inside an element)
    base = [PIECES[0], PIECES[7], SAME, *[PIECES[1]] * 20]
    earlier = _earlier(DOCUMENT, "<w:body>" + "".join(base) + "</w:body>", known)
    inside = "<w:body>" + "".join([PIECES[0], PIECES[5], *base[3:]]) + "</w:body>"
    assert earlier.parse(inside, known) is None
    assert earlier.parse("<w:body>" + "".join(base) + "</w:body>", known) is not None


def test_an_earlier_body_that_serves_no_draft_is_tried_seldom_until_it_serves_one():
    known = LRU(64)
    xml = "<w:body>" + PIECES[0] * 16 + "</w:body>"
    earlier = _earlier(DOCUMENT, xml, known)
    unlike = "<w:body>" + PIECES[1] * 16 + "</w:body>"
    for _ in range(GIVE_UP + 1):
        assert earlier.parse(unlike, known) is None
    # given up: a body like it is parsed from it only once in GIVE_UP drafts …
    served = [earlier.parse(xml, known) is not None for _ in range(GIVE_UP)]
    assert served == [False] * (GIVE_UP - 1) + [True]
    # … and, once it served one, every time again
    assert all(earlier.parse(xml, known) is not None for _ in range(GIVE_UP))


@pytest.mark.parametrize("inner", ["", "teks" + PIECES[0], PIECES[0] + " " + PIECES[1]])
def test_no_earlier_body_is_kept_where_text_is_between_its_elements(inner):
    known = LRU(8)
    assert _earlier(DOCUMENT, f"<w:body>{inner}</w:body>", known) is None


def _body(prepared: PreparedTemplate, path) -> str:
    loaded = load_agreement(path)
    return _after_render(prepared._tpl, prepared._body.render(_context(loaded)),
                         prepared._lined)


def test_drafts_of_every_example_are_parsed_as_whole(edited):
    """Each example's body, and the body of it with its first signatory renamed, parsed from
    its own first draft, is the body parsed whole; the same body again at least is parsed so."""
    served = examples = 0
    for path in EXAMPLE_FILES:
        prepared = PreparedTemplate(builtin_for(load_agreement(path).document))
        if prepared._inside is None:
            continue
        _opening, document = prepared._inside
        known = LRU(1024)
        earlier = _earlier(document, _body(prepared, path), known)
        assert earlier is not None, path.name
        name = re.search(r"\n *nama: .*", path.read_text(encoding="utf-8")).group()
        for variant in (path, edited(path, name, name + " Putra")):
            served += _assert_parsed_alike(earlier, document, _body(prepared, variant), known)
        examples += 1
    assert examples >= 6 and served >= examples


def test_drafts_of_2_3_and_5_parties_are_parsed_as_whole(tmp_path):
    for ksb in EXAMPLES.glob("ksb-*.yaml"):
        shutil.copy(ksb, tmp_path / ksb.name)
    prepared = PreparedTemplate(builtin_template("pks_ksdd"))
    _opening, document = prepared._inside
    known, bodies = LRU(1024), []
    for parties, paper in ((2, "A4"), (3, "F4"), (5, "A4"), (2, "F4")):
        path = tmp_path / f"pihak-{parties}-{paper}.yaml"
        path.write_text(agreement_text(parties, paper, 0), encoding="utf-8")
        bodies.append(_body(prepared, path))
    for first in bodies:
        earlier = _earlier(document, first, known)
        for xml in bodies:
            _assert_parsed_alike(earlier, document, xml, known)
