"""Write the corpus of realistic user mistakes in YAML beside this script.

Each file is the TPA example with one thing typed the way people type it: numbers with
leading zeros, dates and amounts the Indonesian way, text pasted from Word, YAML traps. The
form cases (typed into Excel) are made in ``tests/test_mistakes.py``, which holds what each
case must give: the draft saying exactly what was meant, or a located message and no draft.
Run ``python tests/mistakes/make_mistakes.py``.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = (HERE.parent.parent / "examples" / "pks-tpa-kota-kab-mojokerto.yaml").read_bytes()


def edited(*pairs: str) -> bytes:
    text = BASE.decode("utf-8")
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


NIP = '      nip: "19700512 199503 2 004"'
SIGNED = "  tanggal: 2020-11-16"
AMOUNT = "  jumlah: 1250000000"
PHONE = "    telepon: (0321) 321456"
KAHAR = "    - kebakaran yang bukan disebabkan oleh kelalaian PARA PIHAK\n"

CASES: dict[str, bytes] = {
    # numbers YAML would read as numbers
    "telepon-nol-di-depan.yaml": edited(PHONE, "    telepon: 0321321456"),
    "nip-tanpa-kutip.yaml": edited(NIP, "      nip: 197005121995032004"),
    "nip-bertitik.yaml": edited(NIP, "      nip: 19700512.199503.2.004"),
    "nip-dengan-label.yaml": edited(NIP, "      nip: NIP. 19700512 199503 2 004"),
    "nip-kurang-digit.yaml": edited(NIP, "      nip: 19700512 199503 2 04"),
    "nip-bulan-mustahil.yaml": edited(NIP, "      nip: 19700512 199513 2 004"),
    "nomor-nol-di-depan.yaml": edited("      nomor: 180/301/417.111/2020",
                                      "      nomor: 0301"),
    "kode-pos-dalam-alamat.yaml": edited(
        "    alamat: Jalan Raya Ijen Nomor 30, Kota Mojokerto 61321",
        "    alamat: 61321"),
    # dates as offices type them
    "tanggal-garis-miring.yaml": edited(SIGNED, "  tanggal: 16/11/2020"),
    "tanggal-dengan-bulan.yaml": edited(SIGNED, "  tanggal: 16 November 2020"),
    "tanggal-dengan-hari.yaml": edited(SIGNED, "  tanggal: Senin, 16 November 2020"),
    "tanggal-hari-salah.yaml": edited(SIGNED, "  tanggal: Selasa, 16 November 2020"),
    "tanggal-urutan-amerika.yaml": edited(SIGNED, "  tanggal: 11/16/2020"),
    "tanggal-tahun-dua-digit.yaml": edited(SIGNED, "  tanggal: 16/11/20"),
    "tanggal-sebagai-angka.yaml": edited(SIGNED, "  tanggal: 20201116"),
    # amounts as offices type them
    "jumlah-rupiah-lengkap.yaml": edited(AMOUNT, "  jumlah: Rp1.250.000.000,00"),
    "jumlah-titik-ribuan.yaml": edited(AMOUNT, "  jumlah: 1.250.000.000"),
    "jumlah-rupiah-strip.yaml": edited(AMOUNT, "  jumlah: Rp 1.250.000.000,-"),
    "jumlah-gaya-inggris.yaml": edited(AMOUNT, "  jumlah: 1,250,000,000"),
    "jumlah-dengan-kata.yaml": edited(AMOUNT, "  jumlah: 1,25 miliar"),
    "hari-dengan-satuan.yaml": edited("  batas_pemberitahuan_hari: 14",
                                      "  batas_pemberitahuan_hari: 14 hari"),
    # yes / no
    "meterai-ya.yaml": edited("  meterai: true", "  meterai: Ya"),
    "meterai-tidak.yaml": edited("  meterai: true", "  meterai: tidak"),
    "meterai-mungkin.yaml": edited("  meterai: true", "  meterai: mungkin"),
    # YAML traps
    "pagar-dalam-alamat.yaml": edited(
        "    alamat: Jalan Raya Ijen Nomor 30, Kota Mojokerto\n",
        "    alamat: Jalan Bhayangkara #12, Kota Mojokerto\n"),
    "butir-terlalu-menjorok.yaml": edited(KAHAR, KAHAR.replace("    - ", "      - ")),
    "titik-dua-dalam-nilai.yaml": edited(
        "tentang: Pemanfaatan Bersama", "tentang: Kerja Sama: Pemanfaatan Bersama"),
    "spasi-tak-putus-dari-word.yaml": edited("  forum: GUBERNUR", "\u00a0 forum: GUBERNUR"),
    "tab-dari-word.yaml": edited("  forum: GUBERNUR", "\tforum: GUBERNUR"),
    "butir-diawali-bintang.yaml": edited(KAHAR, "    - * kebakaran yang bukan disebabkan "
                                                "oleh kelalaian PARA PIHAK\n"),
    "kutip-tidak-ditutup.yaml": edited("  nama_forum: Gubernur Jawa Timur",
                                       '  nama_forum: "Gubernur Jawa Timur'),
    "kutip-di-tengah-teks.yaml": edited("  nama_forum: Gubernur Jawa Timur",
                                        '  nama_forum: "Gubernur" Jawa Timur'),
    "garis-miring-terbalik.yaml": edited("  nama_forum: Gubernur Jawa Timur",
                                         '  nama_forum: "Gubernur\\Jawa Timur"'),
    "kunci-tanpa-titik-dua.yaml": edited("  nama_forum: Gubernur Jawa Timur",
                                         "  nama_forum: Gubernur Jawa Timur\n  musyawarah"),
    "tag-templat-dalam-teks.yaml": edited("  nama_forum: Gubernur Jawa Timur",
                                          "  nama_forum: Gubernur {{ Jawa Timur }}"),
    "ringkas-lama.yaml": edited("  mulai: 2021-01-01\n  berakhir: 2023-12-31\n",
                                "  mulai: 2021-01-01\n  lama: {tahun: 2}\n"),
    # what the checker must see
    "pemberitahuan-kosong.yaml": edited("  pemberitahuan_hari: 60", "  pemberitahuan_hari:"),
    "dokumen-tidak-ada.yaml": edited("dokumen: PKS\n", ""),
    "jenis-huruf-kecil.yaml": edited("jenis: KSDD", "jenis: ksdd"),
    "pengodean-windows.yaml": edited("tentang: Pemanfaatan Bersama",
                                     "tentang: Pemanfaatan Bersama \u201cTPA\u201d")
    .decode("utf-8").encode("cp1252"),
}


def main() -> None:
    for old in HERE.glob("*.yaml"):
        old.unlink()
    for name, data in CASES.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(CASES)} files to {HERE}")


if __name__ == "__main__":
    main()
