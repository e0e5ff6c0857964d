"""The words the context puts around the user's text, in each language a draft is written in.

The templates hold the legal wording; these are the small fragments the context composes with
the user's values (titles, party labels, conjunctions, the names of budgets and forums), one
table per language, so that the context is built by the same code in every language.
"""

from __future__ import annotations

#: Fragments by language. ``{…}`` parts are filled in by the context.
WORDING: dict[str, dict[str, str]] = {
    "id": {
        "judul_PKS": "PERJANJIAN KERJA SAMA",
        "judul_KSB": "KESEPAKATAN BERSAMA",
        "judul_LOI": "PERNYATAAN KEHENDAK",
        "judul_KSB_luar_negeri": "MEMORANDUM SALING PENGERTIAN",
        "dengan": "DENGAN",
        "dan_judul": "DAN",
        "dan": "dan",
        "atau": "atau",
        "dan/atau": "dan/atau",
        "sebutan": "{label}",
        "bahwa": "bahwa ",
        "hak": "Hak {label}",
        "kewajiban": "Kewajiban {label}",
        "nomor": "Nomor {nomor}",
        "apbd": "Anggaran Pendapatan dan Belanja Daerah {whose}",
        "dana": "dana {whose}",
        "dana_pihak_ketiga": "dana pihak ketiga",
        "menteri_dalam_negeri": "Menteri Dalam Negeri",
        "hari_ini_kosong": "{b} tanggal {b} bulan {b} tahun {b}",
        "negara_indonesia": "Republik Indonesia",
        "pemerintah": "Pemerintah ",
        "para_pihak": "PARA PIHAK",
        "para_pihak_dua": "PARA PIHAK",
        "baris_judul": "{nama}\n{negara}",
        "koma_serial": ",",
        "butir_antara": ";",
        "butir_sambung": "; {kata}",
        "butir_akhir": ".",
        "hari_kosong": "{b} hari",
    },
    "en": {
        "judul_PKS": "IMPLEMENTING ARRANGEMENT",
        "judul_KSB": "MEMORANDUM OF UNDERSTANDING",
        "judul_LOI": "LETTER OF INTENT",
        "judul_KSB_luar_negeri": "MEMORANDUM OF UNDERSTANDING",
        "dengan": "AND",
        "dan_judul": "AND",
        "dan": "and",
        "atau": "or",
        "dan/atau": "and/or",
        "sebutan": "the {label}",
        "bahwa": "that ",
        "hak": "Rights of the {label}",
        "kewajiban": "Obligations of the {label}",
        "nomor": "Number {nomor}",
        "apbd": "the Regional Revenue and Expenditure Budget (APBD) of the {whose}",
        "dana": "the funds of the {whose}",
        "dana_pihak_ketiga": "third-party funds",
        "menteri_dalam_negeri": "the Minister of Home Affairs",
        "hari_ini_kosong": "{b}, the {b} day of {b} in the year {b}",
        "negara_indonesia": "the Republic of Indonesia",
        "pemerintah": "Government of ",
        "para_pihak": "the PARTIES",
        "para_pihak_dua": "the PARTIES",
        "baris_judul": "{nama}\n{negara}",
        "koma_serial": ",",
        "butir_antara": ";",
        "butir_sambung": "; {kata}",
        "butir_akhir": ".",
        "hari_kosong": "{b} days",
    },
    # Korean: a plain, literal rendering of the terms the Indonesian text uses. Names come
    # before their country ("대한민국 경상남도"); lists join "A, B 및 C" without a comma before
    # the conjunction; lettered items (가., 나., …) end without punctuation or conjunction, as
    # the items of Korean legal texts do; party labels are "제1당사자", "제2당사자".
    "ko": {
        "judul_PKS": "이행약정서",
        "judul_KSB": "양해각서",
        "judul_LOI": "의향서",
        "judul_KSB_luar_negeri": "양해각서",
        "dengan": "및",
        "dan_judul": "및",
        "dan": "및",
        "atau": "또는",
        "dan/atau": "및/또는",
        "sebutan": "{label}",
        "bahwa": "",
        "hak": "{label}의 권리",
        "kewajiban": "{label}의 의무",
        "nomor": "제{nomor}호",
        "apbd": "{whose}의 지방예산(APBD)",
        "dana": "{whose}의 자금",
        "dana_pihak_ketiga": "제3자의 자금",
        "menteri_dalam_negeri": "인도네시아 내무부 장관",
        "hari_ini_kosong": "{b}년 {b}월 {b}일",
        "negara_indonesia": "인도네시아 공화국",
        "pemerintah": "",
        "para_pihak": "모든 당사자",
        "para_pihak_dua": "양 당사자",
        "baris_judul": "{negara} {nama}",
        "koma_serial": "",
        "butir_antara": "",
        "butir_sambung": "",
        "butir_akhir": "",
        "hari_kosong": "{b}일",
    },
}
#: The languages whose fragments are known: a draft can be written in these.
LANGUAGES = tuple(WORDING)


def words(lang: str) -> dict[str, str]:
    """The fragments of ``lang`` ('id', 'en' or 'ko')."""
    return WORDING[lang]


def title(dokumen: str, foreign: bool, lang: str) -> str:
    """The document's title: 'PERJANJIAN KERJA SAMA', 'MEMORANDUM SALING PENGERTIAN' …"""
    table = WORDING[lang]
    return table.get(f"judul_{dokumen}_luar_negeri" if foreign else "", table[f"judul_{dokumen}"])


def region(name: str, lang: str) -> str:
    """The region a government party is ('Kota Mojokerto' from 'Pemerintah Kota Mojokerto';
    'Mojokerto City' from 'Mojokerto City Government' or 'the Government of Mojokerto City';
    '모조케르토시' from '모조케르토시 정부')."""
    if lang == "en":
        text = name.removeprefix("the ").removeprefix("The ")
        return text.removeprefix("Government of ").removesuffix(" Government").strip()
    if lang == "ko":
        return name.removesuffix("정부").strip()
    return name.removeprefix("Pemerintah ").strip()


def joined_words(items: list[str], lang: str, word: str = "dan") -> str:
    """``items`` joined as ``lang`` joins them: 'A, B, dan C'; 'A, B, and C'; 'A, B 및 C'."""
    table = WORDING[lang]
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {table[word]} {items[1]}"
    return ", ".join(items[:-1]) + f"{table['koma_serial']} {table[word]} " + items[-1]
