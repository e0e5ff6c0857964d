"""Write the corpus of bad inputs and hostile files beside this script.

Each file is one thing a user (or the other party) can hand pkgen; ``tests/test_bad.py``
holds the message and exit code expected for each. Run ``python tests/bad/make_bad.py``.
"""

from __future__ import annotations

import io
import zipfile
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


def main() -> None:
    for name, text in YAML.items():
        (HERE / name).write_text(text, encoding="utf-8")
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)
    (HERE / "bukan-utf8.yaml").write_bytes("tentang: Kerja Sama Daérah\n".encode("latin-1"))
    print(f"wrote {len(YAML) + len(FILES) + 1} files to {HERE}")


if __name__ == "__main__":
    main()
