"""The document part written from what earlier drafts wrote is what lxml writes for it whole."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import EXAMPLE_FILES
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pkgen.fingerprint import Known
from pkgen.inputs import load_agreement
from pkgen.lru import LRU
from pkgen.paragraphs import body_keys
from pkgen.prepared import PreparedTemplate
from pkgen.render import builtin_for
from pkgen.written import Frame, Writer, serialize

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = (f'<w:document xmlns:w="{W}" xmlns:r="urn:r" xmlns:m="urn:m" r:x="1">'
            "<w:body>{}</w:body></w:document>")
#: Body elements drafts are made of: the same XML again and again, text that lxml escapes
#: otherwise than it was typed, a table, an element of another namespace, one that declares a
#: namespace of its own, a comment. (None declares again a namespace in scope: a writer is
#: not given such a body; see :class:`pkgen.written.Writer`.)
PIECES = [
    "<w:p><w:r><w:t>Pasal 1</w:t></w:r></w:p>",
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">A &amp; B '
    "&#39;kota&#39; &#34;x&#34; &gt; &#95;</w:t></w:r></w:p>",
    "<w:p/>",
    "<w:p></w:p>",
    '<w:tbl><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="3000"/>'
    "</w:tcPr><w:p><w:r><w:t>sel</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    '<m:oMath><m:r><m:t>x</m:t></m:r></m:oMath>',
    '<w:p xmlns:v="urn:v"><w:r><v:shape/></w:r></w:p>',
    "<!-- a comment -->",
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
]


def _written(writer: Writer, body: str, known: LRU) -> tuple[bytes, bytes]:
    """What ``writer`` writes for a document of ``body``, and what lxml writes for it whole."""
    root = etree.fromstring(DOCUMENT.format(body))
    keys, tables = body_keys(body, root[0], known=known)
    return writer.write(root, keys, Known(keys, {}, LRU(8), tables)), serialize(root)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(range(len(PIECES))), min_size=1, max_size=8),
                min_size=1, max_size=6),
       st.lists(st.sampled_from(["", " ", "\n", "teks"]), min_size=1, max_size=3))
def test_drafts_written_in_turn_are_what_lxml_writes_whole(drafts, tails):
    writer, known = Writer(), LRU(64)
    for n, draft in enumerate(drafts):
        body = "".join(PIECES[i] + (tails[(n + j) % len(tails)] if n % 3 == 2 else "")
                       for j, i in enumerate(draft))
        written, whole = _written(writer, body, known)
        assert written == whole


def test_a_frame_is_learnt_only_where_the_body_holds_nothing_but_its_elements():
    plain = etree.fromstring(DOCUMENT.format(PIECES[0] + PIECES[4]))
    frame = Frame.learn(plain, serialize(plain))
    assert frame is not None
    assert frame.head.endswith(b"<w:body>") and frame.tail == b"</w:body></w:document>"
    for body in ["", "teks" + PIECES[0]]:  # no element, or text before the first
        root = etree.fromstring(DOCUMENT.format(body))
        assert Frame.learn(root, serialize(root)) is None
    own = etree.fromstring(DOCUMENT.format(PIECES[6]))  # declares a namespace of its own
    assert Frame.learn(own, serialize(own)) is None


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_is_written_from_its_frame(path):
    """A prepared template of every example learns its frame, and each draft of it, the
    second and third time too (written from what the first wrote), is what lxml writes."""
    loaded = load_agreement(path)
    prepared = PreparedTemplate(builtin_for(loaded.document))
    if not prepared.fast or any(p.lambang for p in loaded.document.pihak):
        pytest.skip("rendered whole")
    for _ in range(3):
        draft = prepared.render(loaded)
        data = zipfile.ZipFile(io.BytesIO(draft.data)).read("word/document.xml")
        assert draft.parts is not None and data == serialize(draft.parts.document)
    frame = prepared._writer._frame
    assert frame is not None and frame.tail == b"</w:body></w:document>"
