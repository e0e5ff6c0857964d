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
    },
}
#: The languages whose fragments are known: a draft can be written in these.
LANGUAGES = tuple(WORDING)


def words(lang: str) -> dict[str, str]:
    """The fragments of ``lang`` ('id' or 'en')."""
    return WORDING[lang]


def title(dokumen: str, foreign: bool, lang: str) -> str:
    """The document's title: 'PERJANJIAN KERJA SAMA', 'MEMORANDUM SALING PENGERTIAN' …"""
    table = WORDING[lang]
    return table.get(f"judul_{dokumen}_luar_negeri" if foreign else "", table[f"judul_{dokumen}"])


def region(name: str, lang: str) -> str:
    """The region a government party is ('Kota Mojokerto' from 'Pemerintah Kota Mojokerto';
    'Mojokerto City' from 'Mojokerto City Government' or 'the Government of Mojokerto City')."""
    if lang == "en":
        text = name.removeprefix("the ").removeprefix("The ")
        return text.removeprefix("Government of ").removesuffix(" Government").strip()
    return name.removeprefix("Pemerintah ").strip()
