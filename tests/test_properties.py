"""Property: any Unicode text a user can type, in any text field, comes out of the draft as
typed, in a .docx that python-docx opens and LibreOffice converts."""

import io
import unicodedata

import pytest
from conftest import PKS_TPA
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pkgen.context.words import _STAR as ITALIC_MARKUP
from pkgen.docx_text import document_text
from pkgen.inputs import load_agreement
from pkgen.render import render_draft, write_atomic

BASE = load_agreement(PKS_TPA)

#: Text fields of the example, with how the draft shows them (lists lose their end
#: punctuation to the enumeration's own; the title block is in capitals).
FIELDS = {
    ("tentang",): "as is",
    ("objek",): "as is",
    ("maksud_tujuan", "maksud"): "as is",
    ("maksud_tujuan", "tujuan", 0): "item",
    ("ruang_lingkup", 1): "item",
    ("dasar_hukum", 0): "item",
    ("pihak", 0, "nama"): "as is",
    ("pihak", 1, "alamat"): "as is",
    ("pihak", 0, "penandatangan", "jabatan"): "as is",
    ("pihak", 1, "hak", 0): "item",
    ("pihak", 0, "kewajiban", 2): "item",
    ("keadaan_kahar", "peristiwa", 1): "item",
    ("pengakhiran", "sebab", 0): "item",
    ("sanksi", 0): "as is",
    ("pembiayaan", "sumber", 0, "rujukan_anggaran"): "as is",
    ("penyelesaian_perselisihan", "nama_forum"): "as is",
    ("korespondensi", 0, "untuk_perhatian"): "as is",
}


def storable(char: str) -> bool:
    """Characters a user can put in a field (Word cannot store control characters)."""
    return char in "\t\n" or unicodedata.category(char) not in ("Cc", "Cs") and char not in (
        "\ufffe", "\uffff")


texts = st.text(st.characters(codec="utf-8").filter(storable), min_size=1, max_size=80).filter(
    lambda t: t.strip(" ;,.\t\n") and t.strip() == t)


def with_value(path, value):
    data = BASE.document.model_dump(mode="python", exclude_none=True)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    document = type(BASE.document).model_validate(data)
    return type(BASE)(BASE.path, document, BASE.digest, BASE.ksb, BASE.ksb_path)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(FIELDS, key=str)), text=texts)
def test_any_text_appears_exactly(field, text):
    draft = render_draft(with_value(field, text))
    document = Document(io.BytesIO(draft.data))
    shown = document_text(document)
    expected = text.rstrip(" ;,.") if FIELDS[field] == "item" else text
    assert ITALIC_MARKUP.sub(r"\1", expected) in shown  # *term* is printed in italics


@pytest.mark.libreoffice
def test_libreoffice_converts_drafts_with_hostile_text(tmp_path, to_pdf):
    samples = ["경상남도 — Gyeongsangnam-do 🤝", "مدينة موجوكرتو ‏(RTL)‏", "A & B <c> \"d\" 'e'",
               "{{ pasal.objek }} {% if x %}", "x" * 5000, "\u2028 baris\u2029baru \ue000"]
    drafts = []
    for i, text in enumerate(samples):
        target = tmp_path / f"d{i}.docx"
        write_atomic(render_draft(with_value(("objek",), text)).data, target)
        drafts.append(target)
    for pdf in to_pdf(drafts, tmp_path):
        assert pdf.stat().st_size > 10_000
