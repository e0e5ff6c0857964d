from docx import Document

from pkgen.docx_text import custom_properties, document_text, text_hash


def test_text_in_reading_order_with_tables_tabs_and_breaks():
    doc = Document()
    doc.add_paragraph("Pasal 1")
    p = doc.add_paragraph("(1)")
    p.add_run().add_tab()
    p.add_run("isi")
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "kiri"
    table.rows[0].cells[1].paragraphs[0].add_run("atas").add_break()
    table.rows[0].cells[1].paragraphs[0].add_run("bawah")
    doc.add_paragraph("akhir")
    assert document_text(doc) == "Pasal 1\n(1)\tisi\nkiri\natas\nbawah\nakhir"


def test_text_hash_changes_with_text():
    doc = Document()
    doc.add_paragraph("a")
    before = text_hash(doc)
    doc.add_paragraph("b")
    assert text_hash(doc) != before


def test_no_custom_properties():
    assert custom_properties(Document()) == {}
