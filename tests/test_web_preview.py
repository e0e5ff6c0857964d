"""The preview: the draft rendered from the form, its PDF and page pictures from LibreOffice,
converted once per draft however many ask, and both files downloadable."""

from __future__ import annotations

import io
import time

import pdfplumber
import pytest
from conftest import PKS_TPA
from docx import Document
from test_pdf_convert import needs_office
from webutil import client, form_fields, make_register, post, replace_field

pytestmark = [needs_office, pytest.mark.libreoffice]


def _ready(app, key: str) -> dict:
    for _ in range(600):
        state = app.get(f"/pratinjau/{key}/status").json()
        if state["state"] != "converting":
            return state
        time.sleep(0.2)
    raise AssertionError("the preview never finished")


def test_preview_pictures_and_downloads(tmp_path):
    with client(make_register(tmp_path / "register")) as app:
        html = app.get("/ubah", params={"berkas": PKS_TPA.name}).text
        fields = replace_field(form_fields(html), "tentang", "Uji Pratinjau & <Draf>")
        response = post(app, "/pratinjau", fields)
        assert response.status_code == 303, response.text
        location = response.headers["location"]
        key = location.split("/")[2].split("?")[0]
        again = post(app, "/pratinjau", fields)  # the same draft: the same preview
        assert again.headers["location"] == location
        assert app.get(location).status_code == 200
        state = _ready(app, key)
        assert state["state"] == "ready" and state["pages"] >= 4
        picture = app.get(f"/pratinjau/{key}/halaman/1.png")
        assert picture.content[:8] == b"\x89PNG\r\n\x1a\n"
        docx = app.get(f"/pratinjau/{key}/draf.docx", params={"nama": "pks-tpa"})
        assert 'filename="pks-tpa.docx"' in docx.headers["content-disposition"]
        text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
        assert "UJI PRATINJAU & <DRAF>" in text.upper()
        pdf = app.get(f"/pratinjau/{key}/draf.pdf", params={"nama": "pks-tpa"})
        with pdfplumber.open(io.BytesIO(pdf.content)) as document:
            assert len(document.pages) == state["pages"]
            assert "UJI PRATINJAU" in (document.pages[0].extract_text() or "").upper()
        assert app.get(f"/pratinjau/{key}/draf.yaml").status_code == 404
        assert app.get("/pratinjau/../../rahasia/status").status_code == 404


def test_a_form_that_does_not_load_is_not_previewed(tmp_path):
    with client(make_register(tmp_path / "register")) as app:
        html = app.get("/ubah", params={"berkas": PKS_TPA.name}).text
        fields = replace_field(form_fields(html), "penandatanganan.tanggal", "31/02/2020")
        response = post(app, "/pratinjau", fields)
        assert response.status_code == 422
        assert "perbaiki dulu isian" in response.text
