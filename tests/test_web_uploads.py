"""Uploads: told apart by content, stored only inside the register and removed, and every
hostile file of tests/bad answered as ``pkgen check`` answers it."""

from __future__ import annotations

import html
import io
import resource
import time
import zipfile

import pytest
from conftest import ROOT
from docx import Document
from test_bad import BAD, EXPECTED
from webutil import client, csrf_of, make_register

from pkgen.web.uploads import sniff

#: Files whose name says one kind and whose content another: refused for that, by content.
MISNAMED = {"bukan-zip.docx": "bernama seperti dokumen Word, tetapi isinya teks",
            "bukan-pdf.pdf": "bernama seperti PDF, tetapi isinya teks"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    register = make_register(tmp_path_factory.mktemp("web") / "register", examples=False)
    with client(register) as test_client:
        test_client.register = register
        yield test_client


def _upload(app, url: str, name: str, data: bytes):
    token = csrf_of(app.get(url).text)
    return app.post(url, data={"_csrf": token}, files={"berkas": (name, data)})


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_through_the_upload(app, name):
    command, code, expected = EXPECTED[name]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    response = _upload(app, "/periksa", name, (BAD / name).read_bytes())
    assert time.perf_counter() - start < 10  # bounded time (generous on a loaded machine)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 500_000  # KiB
    text = html.unescape(response.text)
    assert "Traceback" not in text
    if name in MISNAMED:
        assert response.status_code == 422 and MISNAMED[name] in text
    elif code == 2:
        assert response.status_code == 422, text[-2000:]
        assert expected in text
    else:  # a readable input with findings: the check's result page
        assert response.status_code == 200
        assert expected in text
    assert not list((app.register / ".pkgen-web" / "unggahan").iterdir())
    assert {p.name for p in app.register.iterdir()} <= {".pkgen-web", "drafts"}
    assert app.get("/").status_code == 200  # the server still serves


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.endswith(".yaml")))
def test_hostile_inputs_through_the_import(app, name):
    response = _upload(app, "/impor", name, (BAD / name).read_bytes())
    assert response.status_code in (200, 422)
    text = html.unescape(response.text)
    assert "Traceback" not in text
    if response.status_code == 422:
        assert EXPECTED[name][2] in text


def test_a_partner_docx_is_checked_and_annotated(app):
    draft = ROOT / "tests" / "corpus" / "draf-bermasalah.docx"
    response = _upload(app, "/periksa", "draf mitra.docx", draft.read_bytes())
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "BELUM LENGKAP" in text and "missing-clause" in text
    assert "— (tidak ada bagian yang mirip)" in text  # where the command line says so too
    link = text.split('id="catatan" href="')[1].split('"')[0]
    copy = app.get(link)
    assert copy.status_code == 200 and copy.content[:2] == b"PK"
    assert "draf%20mitra-catatan.docx" in copy.headers["content-disposition"]
    Document(io.BytesIO(copy.content))  # opens as a Word document
    with zipfile.ZipFile(io.BytesIO(copy.content)) as archive:
        assert "missing-clause" in archive.read("word/comments.xml").decode()


def test_sniffing_by_content():
    pdf = (ROOT / "tests" / "real" / "pdf").glob("*.pdf")
    assert sniff(next(pdf).read_bytes()[:65536]) == ("pdf",)
    assert sniff((ROOT / "examples" / "formulir-pks-tpa.xlsx").read_bytes()) == ("xlsx",)
    assert sniff((ROOT / "tests" / "corpus" / "ksb-mou.docx").read_bytes()) == ("docx",)
    assert sniff(b"dokumen: PKS\n") == ("yaml",)
    assert sniff(b"\x89PNG\r\n\x1a\n\0\0\0") == ()


def test_other_files_are_refused_by_content(app):
    picture = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(100)
    response = _upload(app, "/periksa", "foto.docx", picture)
    assert response.status_code == 422
    assert "bukan berkas yang dapat diterima" in html.unescape(response.text)
    form = (ROOT / "examples" / "formulir-pks-tpa.xlsx").read_bytes()
    response = _upload(app, "/periksa", "draf.docx", form)
    assert "bernama seperti dokumen Word, tetapi isinya buku kerja Excel" in html.unescape(
        response.text)
