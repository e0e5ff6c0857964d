"""Write the checker's corpus: small hand-made agreements in the styles found in practice.

Run ``python tests/corpus/make_corpus.py`` to rewrite the .docx files beside this script;
``tests/test_checker.py`` holds what the checker must find in each.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent

KOMPARISI = [
    "1. Nama: Budi Santoso, Kepala Dinas Lingkungan Hidup Kota Mojokerto, berdasarkan Surat "
    "Kuasa Wali Kota Mojokerto Nomor 180/1/2021, selanjutnya disebut PIHAK PERTAMA.",
    "2. Nama: Sri Rahayu, Kepala Dinas Lingkungan Hidup Kabupaten Mojokerto, selanjutnya "
    "disebut PIHAK KEDUA.",
]
TITLE = ["PERJANJIAN KERJA SAMA", "ANTARA", "PEMERINTAH KOTA MOJOKERTO", "DENGAN",
         "PEMERINTAH KABUPATEN MOJOKERTO", "TENTANG", "PENGELOLAAN SAMPAH",
         "NOMOR : 658/1/417.302/2021", "NOMOR : 658/2/416-106/2021"]
BODY = {
    "objek": "Objek Perjanjian ini adalah pemanfaatan bersama TPA Randegan.",
    "ruang": "Ruang lingkup Perjanjian ini meliputi penerimaan dan pemrosesan sampah.",
    "hak": "PIHAK PERTAMA berhak menerima pembayaran jasa dan wajib menyediakan zona "
           "penimbunan; PIHAK KEDUA berhak membuang sampah dan wajib membayar jasa.",
    "waktu": "Perjanjian ini berlaku untuk jangka waktu 3 (tiga) tahun sejak ditandatangani.",
    "kahar": "Keadaan kahar meliputi bencana alam dan kebakaran; pihak yang mengalaminya "
             "memberitahukan paling lambat 14 (empat belas) hari; selama keadaan kahar, "
             "kewajibannya ditangguhkan.",
    "sengketa": "Perselisihan diselesaikan secara musyawarah untuk mufakat; apabila tidak "
                "tercapai, diselesaikan oleh Gubernur Jawa Timur.",
    "akhir": "Perjanjian ini berakhir apabila jangka waktunya habis atau atas kesepakatan "
             "PARA PIHAK, dengan pemberitahuan 30 (tiga puluh) hari.",
    "tutup": "Perjanjian ini dibuat dalam rangkap 2 (dua) asli bermeterai cukup.",
}


def doc_with(lines: list[str | tuple[str, str]]) -> Document:
    """A document from lines; ("Heading 1", text) uses a Word heading style."""
    doc = Document()
    for line in lines:
        if isinstance(line, tuple):
            doc.add_paragraph(line[1], style=line[0])
        else:
            doc.add_paragraph(line)
    return doc


def standard_articles(style: str) -> list[str | tuple[str, str]]:
    """The eight required articles in one heading style."""
    titles = [("OBJEK", "objek"), ("RUANG LINGKUP", "ruang"), ("HAK DAN KEWAJIBAN", "hak"),
              ("JANGKA WAKTU", "waktu"), ("KEADAAN KAHAR", "kahar"),
              ("PENYELESAIAN PERSELISIHAN", "sengketa"), ("PENGAKHIRAN", "akhir"),
              ("PENUTUP", "tutup")]
    out: list[str | tuple[str, str]] = []
    for n, (title, body) in enumerate(titles, 1):
        if style == "two-lines":
            out += [f"Pasal {n}", title, BODY[body]]
        elif style == "one-line":
            out += [f"PASAL {n} - {title}", BODY[body]]
        elif style == "roman":
            out += [f"PASAL {_roman(n)}", title.title(), BODY[body]]
    return out


def _roman(n: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1]


def build() -> dict[str, Document]:
    docs: dict[str, Document] = {}
    head = [*TITLE, "Pada hari ini Senin tanggal satu bulan Maret tahun dua ribu dua puluh satu",
            *KOMPARISI]
    docs["gaya-dua-baris.docx"] = doc_with([*head, *standard_articles("two-lines")])
    docs["gaya-romawi.docx"] = doc_with([*head, *standard_articles("roman")])

    # One-line headings with the synonyms seen in real agreements.
    docs["gaya-satu-baris-sinonim.docx"] = doc_with([
        *head,
        "PASAL 1 - OBYEK KERJA SAMA", BODY["objek"],
        "PASAL 2 - LINGKUP KERJA SAMA", BODY["ruang"],
        "PASAL 3 - TUGAS DAN TANGGUNG JAWAB", BODY["hak"],
        "PASAL 4 - MASA BERLAKU", BODY["waktu"],
        "PASAL 5 - KEADAAN MEMAKSA", BODY["kahar"],
        "PASAL 6 - PENYELESAIAN SENGKETA", BODY["sengketa"],
        "PASAL 7 - BERAKHIRNYA PERJANJIAN", BODY["akhir"],
        "PASAL 8 - PENUTUP", BODY["tutup"],
    ])

    # Word heading styles, no literal numbers, title case, split rights/obligations.
    docs["gaya-heading-word.docx"] = doc_with([
        *head,
        ("Heading 1", "Objek"), BODY["objek"],
        ("Heading 1", "Ruang Lingkup"), BODY["ruang"],
        ("Heading 1", "Hak Pihak Pertama"), "Menerima pembayaran jasa pemrosesan sampah.",
        ("Heading 1", "Kewajiban Pihak Kedua"), "Membayar jasa pemrosesan sampah setiap bulan.",
        ("Heading 1", "Mulai Berlaku, Jangka Waktu dan Pengakhiran"),
        BODY["waktu"] + " " + BODY["akhir"],
        ("Heading 1", "Overmacht"), BODY["kahar"],
        ("Heading 1", "Perselisihan"), BODY["sengketa"],
    ])

    # Bilingual: two columns, "Pasal N" beside "Article N".
    doc = doc_with(["PERJANJIAN KERJA SAMA / COOPERATION AGREEMENT",
                    "selanjutnya disebut PIHAK PERTAMA / hereinafter referred to as the FIRST "
                    "PARTY"])
    table = doc.add_table(rows=0, cols=2)
    pairs = [("OBJEK", "OBJECT", "objek"), ("RUANG LINGKUP", "SCOPE", "ruang"),
             ("HAK DAN KEWAJIBAN", "RIGHTS AND OBLIGATIONS", "hak"),
             ("JANGKA WAKTU", "DURATION", "waktu"), ("KEADAAN KAHAR", "FORCE MAJEURE", "kahar"),
             ("PENYELESAIAN PERSELISIHAN", "SETTLEMENT OF DISPUTES", "sengketa"),
             ("PENGAKHIRAN", "TERMINATION", "akhir")]
    for n, (indonesian, english, body) in enumerate(pairs, 1):
        for left, right in ((f"Pasal {n}", f"Article {n}"), (indonesian, english),
                            (BODY[body], "The English text of this article.")):
            row = table.add_row().cells
            row[0].text, row[1].text = left, right
    docs["dwibahasa-tabel.docx"] = doc

    # Force majeure defined inside LAIN-LAIN; "perselisihan" only in passing.
    docs["kahar-dalam-lain-lain.docx"] = doc_with([
        *head,
        "Pasal 1", "OBJEK", BODY["objek"],
        "Pasal 2", "RUANG LINGKUP", BODY["ruang"],
        "Pasal 3", "HAK DAN KEWAJIBAN",
        BODY["hak"] + " PARA PIHAK bekerja sama dengan baik untuk menghindari perselisihan.",
        "Pasal 4", "JANGKA WAKTU", BODY["waktu"],
        "Pasal 5", "PENGAKHIRAN", BODY["akhir"],
        "Pasal 6", "LAIN-LAIN",
        "(1) Yang dimaksud dengan keadaan memaksa adalah bencana alam, kebakaran dan wabah.",
        "(2) Hal-hal yang belum diatur akan diatur kemudian.",
    ])

    # Structural problems of a copied, half-edited draft.
    docs["draf-bermasalah.docx"] = doc_with([
        *TITLE[:7], "NOMOR : ....................",
        "Pada hari ini .......... yang bertanda tangan di bawah ini:",
        "1. [NAMA PEJABAT], selanjutnya disebut PIHAK PERTAMA.",
        "2. {{ pihak_kedua.nama }}, selanjutnya disebut PIHAK KEDUA.",
        "Dengan memperhatikan Peraturan Pemerintah Nomor 50 Tahun 2007 tentang Tata Cara "
        "Pelaksanaan Kerja Sama Daerah;",
        "Pasal 1", "OBJEK", BODY["objek"],
        "Pasal 2", "RUANG LINGKUP", BODY["ruang"],
        "Pasal 4", "HAK DAN KEWAJIBAN", BODY["hak"],
        "Pasal 4", "JANGKA WAKTU", BODY["waktu"],
        "Pasal 5", "KEADAAN KAHAR", "..............................",
        "Pasal 6", "PENGAKHIRAN",
        "Perjanjian berakhir sebagaimana dimaksud dalam Pasal 17 ayat (2). TODO periksa.",
    ])

    # Problems in the header and footer only.
    doc = doc_with([*head, *standard_articles("two-lines")])
    doc.sections[0].header.paragraphs[0].text = "Draf {{ versi }}"
    doc.sections[0].footer.paragraphs[0].text = "Paraf: XXX"
    docs["kepala-kaki.docx"] = doc

    # A KSB: no rights and obligations, and that is fine for a KSB.
    docs["ksb-mou.docx"] = doc_with([
        "KESEPAKATAN BERSAMA", "ANTARA", "PEMERINTAH KOTA MOJOKERTO", "DAN",
        "PEMERINTAH KABUPATEN MOJOKERTO", "TENTANG", "KERJA SAMA PENGELOLAAN SAMPAH",
        "NOMOR : 180/45/417.111/2019", "NOMOR : 180/112/416-012/2019", *KOMPARISI,
        "Pasal 1", "MAKSUD DAN TUJUAN", "Kesepakatan ini dimaksudkan sebagai landasan kerja sama.",
        "Pasal 2", "OBJEK DAN RUANG LINGKUP",
        "Objek Kesepakatan ini adalah pengelolaan sampah regional.",
        "Pasal 3", "JANGKA WAKTU", "Kesepakatan ini berlaku untuk jangka waktu 5 (lima) tahun.",
        "Pasal 4", "PENUTUP", "Kesepakatan ini dibuat dalam rangkap 2 (dua) asli.",
    ])
    return docs


def main() -> None:
    for name, doc in build().items():
        doc.save(str(HERE / name))
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
