"""Content fingerprints: equal for the same visible content, however it was saved."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from conftest import EXAMPLE_FILES, PKS_TPA, ROOT, soffice
from docx import Document
from docx.shared import Mm
from docx_edits import png

from pkgen.fingerprint import UnreadableError, canonical, fingerprint, match
from pkgen.inputs import load_agreement
from pkgen.prepared import PreparedTemplate
from pkgen.render import builtin_for, render_draft


def _rewrite(data: bytes, part: str, change) -> bytes:
    """The same .docx with one part's XML text changed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == part:
                changed = change(content.decode("utf-8")).encode("utf-8")
                assert changed != content, "the change did not apply"
                content = changed
            dst.writestr(info.filename, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.fixture(scope="module")
def draft() -> bytes:
    return render_draft(load_agreement(PKS_TPA)).data


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_a_draft_records_the_fingerprint_of_what_it_holds(path):
    loaded = load_agreement(path)
    naive = render_draft(loaded)
    fast = PreparedTemplate(builtin_for(loaded.document)).render(loaded)
    assert naive.properties["pkgen.fingerprint"] == fast.properties["pkgen.fingerprint"]
    assert fingerprint(fast.data) == fast.properties["pkgen.fingerprint"]
    assert fingerprint(naive.data) == naive.properties["pkgen.fingerprint"]


def test_saving_again_without_a_change_keeps_it(draft, tmp_path):
    Document(io.BytesIO(draft)).save(str(tmp_path / "again.docx"))
    assert fingerprint(tmp_path / "again.docx") == fingerprint(draft)


@pytest.mark.parametrize(("name", "change"), [
    ("revision ids", lambda x: x.replace(
        "<w:p>", '<w:p w:rsidR="00AB12CD" w14:paraId="1A2B3C4D">')),
    ("proofing marks and bookmarks", lambda x: x.replace(
        "<w:r>", '<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="9" w:name="_GoBack"/>'
        '<w:bookmarkEnd w:id="9"/><w:r>', 5)),
    ("a run split in two", lambda x: re.sub(
        r"<w:r><w:rPr/><w:t>ANTARA</w:t></w:r>",
        "<w:r><w:rPr/><w:t>ANT</w:t></w:r><w:r><w:rPr><w:lang w:val=\"id-ID\"/><w:noProof/>"
        "</w:rPr><w:t>ARA</w:t></w:r>", x)),
    ("a style written out", lambda x: x.replace("<w:pPr/>", '<w:pPr><w:pStyle w:val="Normal"/>'
                                                '<w:jc w:val="both"/></w:pPr>', 1)),
], ids=lambda v: v if isinstance(v, str) else "")
def test_what_resavers_rewrite_is_not_content(draft, name, change):
    changed = _rewrite(draft, "word/document.xml", change)
    assert changed != draft
    assert match(fingerprint(draft), fingerprint(changed)), name


def test_field_results_are_not_content_but_instructions_are(draft):
    footer = "word/footer1.xml"
    pages = _rewrite(draft, footer, lambda x: x.replace("<w:t>1</w:t>", "<w:t>7</w:t>"))
    assert fingerprint(pages) == fingerprint(draft)
    other = _rewrite(draft, footer, lambda x: x.replace(" NUMPAGES ", " SECTIONPAGES "))
    assert fingerprint(other) != fingerprint(draft)


def test_lengths_are_compared_within_a_point(tmp_path, draft):
    doc = Document(io.BytesIO(draft))
    doc.paragraphs[12].add_run().add_picture(io.BytesIO(png()), width=Mm(30))
    doc.save(str(tmp_path / "a.docx"))
    picture = doc.inline_shapes[0]
    picture.width += 635 * 10  # half a point: a re-saver's rounding
    doc.save(str(tmp_path / "b.docx"))
    picture.width += 635 * 400  # a person resizing it
    doc.save(str(tmp_path / "c.docx"))
    a, b, c = (fingerprint(tmp_path / f"{n}.docx") for n in "abc")
    assert a != b and match(a, b)
    assert not match(a, c)


def test_a_different_picture_is_an_edit(tmp_path, draft):
    for name, colour in (("red", (200, 0, 0)), ("blue", (0, 0, 200))):
        doc = Document(io.BytesIO(draft))
        doc.paragraphs[12].add_run().add_picture(io.BytesIO(png(rgb=colour)), width=Mm(30))
        doc.save(str(tmp_path / f"{name}.docx"))
    assert not match(fingerprint(tmp_path / "red.docx"), fingerprint(tmp_path / "blue.docx"))


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_a_file_that_is_no_docx_has_no_fingerprint(data):
    with pytest.raises(UnreadableError):
        fingerprint(data)


@pytest.mark.parametrize(("a", "b"), [(None, None), ("1:x:", None), ("", ""),
                                      ("garbage", "garbage"), ("1:x:1.2", "1:x:1"),
                                      ("2:x:", "2:x:")])
def test_match_needs_two_fingerprints_of_this_version(a, b):
    assert not match(a, b)


def test_the_canonical_reading_holds_every_part(draft):
    tokens = canonical(draft)
    assert any(t.startswith("SECT|") for t in tokens)
    assert "footer.default" in tokens and any(t.startswith("F|PAGE") for t in tokens)
    assert any("PERJANJIAN KERJA SAMA" in t for t in tokens)
    assert tokens[-1].startswith("LENGTHS|")


@pytest.mark.libreoffice
def test_libreoffice_resave_of_foreign_documents_keeps_their_fingerprint(tmp_path):
    """Beyond pkgen's drafts: the checker's corpus of documents made elsewhere."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    files = sorted((ROOT / "tests" / "corpus").glob("*.docx"))
    source = tmp_path / "source"
    source.mkdir()
    for path in files:
        shutil.copy(path, source)
    out = tmp_path / "out"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "docx", "--outdir", str(out),
                    *map(str, sorted(source.iterdir()))], check=True, capture_output=True,
                   timeout=600)
    changed = [p.name for p in files if not match(fingerprint(p), fingerprint(out / p.name))]
    assert changed == []
    assert len(files) >= 9


def test_fingerprinting_is_cheap(draft):
    import time

    fingerprint(draft)
    start = time.perf_counter()
    for _ in range(10):
        fingerprint(draft)
    assert (time.perf_counter() - start) / 10 < 0.1  # read from bytes, far under a render


@pytest.mark.parametrize("written", ["720.0", "1in", "1.27cm", "36pt", "wide"])
def test_lengths_written_any_way_read_as_twips_and_never_crash(tmp_path, written):
    """A hand-edited draft may hold lengths with units or decimals; an unforeseen one makes
    the draft unreadable (treated as someone's), never a crash."""
    from docx.oxml.ns import qn as q

    draft = tmp_path / "d.docx"
    draft.write_bytes(render_draft(load_agreement(PKS_TPA)).data)
    doc = Document(str(draft))
    paragraph = doc.paragraphs[20]
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(q("w:left"), written)
    doc.save(str(draft))
    expected = {"720.0": 720, "1in": 1440, "1.27cm": 720, "36pt": 720}.get(written)
    if expected is not None:
        assert f"ind.left={expected}" in "\n".join(canonical(draft))
    assert fingerprint(draft).startswith("1:")  # read, not a traceback
