"""The parts of the context only a foreign cooperation (KSDPL, KSDLL) has: its languages, the
countries of the parties, the central government's approval and confirmation letter that the
legal basis cites, and the consultation that precedes a letter of intent."""

from __future__ import annotations

from .. import formatting as fmt
from ..model import BAHASA, Agreement, Loi, Pihak, Surat, foreign, languages
from ..model.parts import Rujukan
from .wording import joined_words, words
from .words import BLANK, text_or_blank, user_text

#: The central government's letters a foreign cooperation is signed on, in the order the
#: legal basis cites them (PP 28/2018 Pasal 29, 32 and 33).
CENTRAL = ("persetujuan_pusat", "surat_konfirmasi")


def party_country(party: Pihak, doc: Agreement, lang: str) -> str | None:
    """The country a party of a foreign cooperation belongs to, as the title names it: its
    ``negara``, the Republic of Indonesia for an Indonesian party, dotted blanks for a foreign
    party whose country is not filled in yet; None in a cooperation within Indonesia."""
    if not foreign(doc):
        return None
    if party.negara:
        return user_text(party.negara)
    return BLANK if party.asing else words(lang)["negara_indonesia"]


def letter(value: Surat | Rujukan | None, lang: str) -> dict[str, str] | None:
    """A letter cited (number, date, subject), or None."""
    if value is None:
        return None
    return {"nomor": text_or_blank(value.nomor),
            "tanggal": fmt.tanggal(value.tanggal, lang) if value.tanggal else BLANK,
            "tentang": user_text(getattr(value, "tentang", None))}


def foreign_basis(doc: Agreement, lang: str) -> dict[str, dict[str, str] | None]:
    """The central government's approval and confirmation letter, each None when not given
    (a letter of intent has neither)."""
    return {name: letter(getattr(doc, name, None), lang) for name in CENTRAL}


def foreign_parts(doc: Agreement, lang: str) -> dict[str, object]:
    """``luar_negeri``, ``bahasa`` (the languages of the text and the prevailing one, named in
    ``lang``) and, for a letter of intent, ``konsultasi``."""
    codes = languages(doc)
    prevailing = doc.bahasa.berlaku if doc.bahasa and doc.bahasa.berlaku else None
    consulted = doc.konsultasi if isinstance(doc, Loi) else None
    return {
        "luar_negeri": foreign(doc),
        "bahasa": {
            "kode": codes,
            "naskah": joined_words([BAHASA[c][lang] for c in codes], lang),
            "jumlah": fmt.angka_terbilang(len(codes), lang=lang),
            "berlaku": BAHASA[prevailing][lang] if prevailing else BLANK,
            "kode_berlaku": prevailing,
        } if foreign(doc) else None,
        "konsultasi": {
            "kementerian_dalam_negeri": letter(consulted.kementerian_dalam_negeri, lang),
            "kementerian_luar_negeri": letter(consulted.kementerian_luar_negeri, lang),
        } if consulted else None,
    }
