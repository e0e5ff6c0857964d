"""Write the corpus of bad inputs and hostile files beside this script.

Each file is one thing a user (or the other party) can hand pkgen; ``tests/test_bad.py``
holds the message and exit code expected for each. Run ``python tests/bad/make_bad.py``.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = (HERE.parent.parent / "examples" / "pks-pariwisata-disporabudpar-swasta.yaml").read_text()


def edited(*pairs: str) -> str:
    text = EXAMPLE
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


YAML = {
    "sintaks-rusak.yaml": "dokumen: PKS\njenis: [KSDD\ntentang: x\n",
    "tab.yaml": edited("  tempat: Mojokerto", "\ttempat: Mojokerto"),
    "kunci-ganda.yaml": edited("jenis: KSDPK\n", "jenis: KSDPK\njenis: KSDD\n"),
    "kunci-salah-eja.yaml": edited("keadaan_kahar:", "keadan_kahar:"),
    "tipe-salah.yaml": edited("batas_pemberitahuan_hari: 7", "batas_pemberitahuan_hari: tujuh"),
    "bagian-wajib-hilang.yaml": edited("penandatanganan:\n  tempat: Mojokerto\n"
                                       "  tanggal: 2021-03-15\n", ""),
    "tanggal-mustahil.yaml": edited("tanggal: 2021-03-15", "tanggal: 2019-02-30"),
    "berakhir-sebelum-mulai.yaml": edited("  lama:\n    tahun: 3\n",
                                          "  mulai: 2024-01-01\n  berakhir: 2023-01-01\n"),
    "jumlah-negatif.yaml": edited("      pihak: 2\n", "      pihak: 2\n  jumlah: -5000000\n"),
    "jumlah-mustahil.yaml": edited("      pihak: 2\n",
                                   "      pihak: 2\n  jumlah: 99999999999999999999\n"),
    "karakter-kendali.yaml": edited("objek: pengembangan", "objek: \"pengem\\x0bbangan")
    .replace("wilayah Kota Mojokerto.\n", "wilayah Kota Mojokerto.\"\n", 1),
    "karakter-kendali-mentah.yaml": edited("objek: pengembangan", "objek: pengem\x0cbangan"),
    "bom-alias.yaml": "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)),
    "kosong.yaml": "",
    "bukan-pemetaan.yaml": "- satu\n- dua\n",
    "jangka-ksb-terlalu-lama.yaml": (HERE.parent.parent / "examples" /
                                     "ksb-tpa-kota-kab-mojokerto.yaml").read_text().replace(
        "    tahun: 5", "    tahun: 7"),
    "tanpa-keadaan-kahar.yaml": edited(EXAMPLE[EXAMPLE.index("keadaan_kahar:"):EXAMPLE.index(
        "penyelesaian_perselisihan:")], ""),
}


def zipped(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
DOCUMENT = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            b'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>PERJANJIAN'
            b'</w:t></w:r></w:p></w:body></w:document>')
FILES = {
    "bukan-zip.docx": b"Ini teks biasa, bukan dokumen Word.\n",
    "terpotong.docx": zipped({"word/document.xml": DOCUMENT * 40})[:300],
    "word-lama.doc": OLE + b"\0" * 512,
    "terenkripsi.docx": OLE + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512,
    "tanpa-document-xml.docx": zipped({"[Content_Types].xml": b"<Types/>"}),
    "bom-zip.docx": zipped({"word/document.xml": b"<a>" + b" " * (80 * 1024 * 1024) + b"</a>"}),
    "entitas-xml.docx": zipped({"word/document.xml": (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
        b'&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><d>&c;&c;&c;</d>')}),
    "entitas-eksternal.docx": zipped({"word/document.xml": (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<d>&x;</d>")}),
}


def pdf(objects: list[bytes], broken_xref: bool = False) -> bytes:
    """A PDF file of ``objects`` (numbered from 1; object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % (offset + 7 if broken_xref else offset)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, start + 3 if broken_xref else start)
    return bytes(out)


def page_pdf(content: bytes, extra: bytes = b"", count: int = 1, kids: bytes = b"3 0 R",
             broken_xref: bool = False) -> bytes:
    """A one-page PDF (or one page listed ``count`` times) drawing ``content``."""
    stream = b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream",
    ], broken_xref)


TEXT = b"BT /F1 12 Tf 72 760 Td (PERJANJIAN KERJA SAMA) Tj ET"
SCAN = b"q 500 0 0 700 50 80 cm /Im1 Do Q"
BOMB = zlib.compress(b"\0" * (100 * 1024 * 1024), 9)
PDF_FILES = {
    "bukan-pdf.pdf": b"Ini teks biasa, bukan PDF.\n",
    "pdf-hasil-pindai.pdf": page_pdf(SCAN),
    "pdf-bom.pdf": page_pdf(BOMB, b"/Filter /FlateDecode "),
    "pdf-halaman-banyak.pdf": page_pdf(TEXT, count=200_000, kids=b"3 0 R " * 2000),
    "pdf-xref-rusak.pdf": page_pdf(TEXT, broken_xref=True),
    "pdf-rusak.pdf": b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R" + b"(" * 5000,
}


def encrypted_pdf() -> bytes:
    """A text PDF that needs a user password (written with pypdf, a tool of this script only)."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page_pdf(TEXT))))
    writer.encrypt(user_password="rahasia", owner_password="pemilik", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def main() -> None:
    for name, text in YAML.items():
        (HERE / name).write_text(text, encoding="utf-8")
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)
    (HERE / "bukan-utf8.yaml").write_bytes("tentang: Kerja Sama Daérah\n".encode("latin-1"))
    for name, data in PDF_FILES.items():
        (HERE / name).write_bytes(data)
    (HERE / "pdf-terenkripsi.pdf").write_bytes(encrypted_pdf())
    print(f"wrote {len(YAML) + len(FILES) + len(PDF_FILES) + 2} files to {HERE}")


if __name__ == "__main__":
    main()
