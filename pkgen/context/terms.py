"""The terms of an agreement shaped for templates: financing, term, dispute settlement and
termination, in the context's language."""

from __future__ import annotations

from .. import formatting as fmt
from ..model import (
    Agreement,
    JangkaWaktu,
    Ksb,
    Pengakhiran,
    PenyelesaianPerselisihan,
    Pks,
    term_end,
    term_start,
)
from .wording import joined_words, words
from .words import BLANK, ayat, days, items_of, structured, text_or_blank, user_text


def pengakhiran(akhir: Pengakhiran, lang: str) -> dict[str, object]:
    """Termination: the causes (a list that knows its conjunction) and the notice."""
    return {"sebab": items_of(akhir.sebab, "sebab", lang=lang),
            "pemberitahuan": days(akhir.pemberitahuan_hari, lang)}


def jangka_waktu(doc: Agreement, lang: str) -> dict[str, object]:
    """The term: its length and dates in words, and how it is extended."""
    term = doc.jangka_waktu or JangkaWaktu()
    start, end = term_start(doc), term_end(doc)
    lama = None
    if term.lama is not None:
        parts = []
        if term.lama.tahun:
            parts.append(fmt.angka_terbilang(term.lama.tahun, "tahun", lang))
        if term.lama.bulan:
            parts.append(fmt.angka_terbilang(term.lama.bulan, "bulan", lang))
        lama = f" {words(lang)['dan']} ".join(parts) if lang == "en" else " ".join(parts)
    ext = term.perpanjangan
    return {
        "lama": lama,
        "mulai": fmt.tanggal(start, lang) if start else None,
        "sejak_ditandatangani": term.mulai is None,
        "berakhir": fmt.tanggal(end, lang) if end else BLANK,
        "perpanjangan": {
            "pemberitahuan": days(ext.pemberitahuan_hari, lang),
            "ketentuan": user_text(ext.ketentuan),
        } if ext else None,
    }


def pembiayaan(doc: Agreement, labels: list[str], lang: str) -> dict[str, object]:
    """Financing: each source with its share and budget, the total, and the ayat numbers."""
    p = doc.pembiayaan
    w = words(lang)
    sources = []
    for s in (p.sumber or []) if p else []:
        whose = labels[s.pihak - 1] if s.pihak and s.pihak <= len(labels) else None
        sources.append({
            "jenis": s.jenis, "nama": _source_name(s.jenis, whose, s.keterangan, lang),
            "jumlah": fmt.rupiah_lengkap(s.jumlah, lang) if s.jumlah is not None else None,
            "rujukan": user_text(s.rujukan_anggaran),
            "tahun": s.tahun_anggaran if s.dalam_apbd_tahun_berjalan is False else None,
        })
    total = fmt.rupiah_lengkap(p.jumlah, lang) if p and p.jumlah is not None else None
    third_only = bool(sources) and all(s["jenis"] == "PIHAK_KETIGA" for s in sources)
    numbers = iter(range(2, 20))
    return {
        "sumber": structured(sources or [_BLANK_SOURCE], "sumber", lang=lang),
        "jumlah": total,
        "ayat_jumlah": f"({next(numbers)})" if total else None,
        "tidak_membebani": joined_words([w["sebutan"].format(label=lab) for lab, party
                                         in zip(labels, doc.pihak, strict=True)
                                         if party.pemerintah], lang) if third_only else None,
        "ayat_tidak_membebani": f"({next(numbers)})" if third_only else None,
        "ketentuan": ayat(p.ketentuan, first=next(numbers)) if p and p.ketentuan else None,
    }


_BLANK_SOURCE = {"jenis": None, "nama": BLANK, "jumlah": None, "rujukan": "", "tahun": None}


def _source_name(jenis: str | None, whose: str | None, keterangan: str | None,
                 lang: str) -> str:
    """What bears a share of the cost: 'Anggaran Pendapatan dan Belanja Daerah PIHAK PERTAMA'."""
    w = words(lang)
    if jenis == "APBD":
        return w["apbd"].format(whose=whose or BLANK)
    if jenis == "PIHAK_KETIGA":
        return w["dana"].format(whose=whose) if whose else w["dana_pihak_ketiga"]
    return text_or_blank(keterangan)


def penyelesaian(doc: Pks | Ksb, lang: str) -> dict[str, object]:
    """Dispute settlement: the days of musyawarah, the forum and its name."""
    ps = doc.penyelesaian_perselisihan or PenyelesaianPerselisihan()
    default = words(lang)["menteri_dalam_negeri"] if ps.forum == "MENTERI_DALAM_NEGERI" else BLANK
    return {
        "musyawarah": fmt.angka_terbilang(ps.musyawarah_hari, "hari", lang)
        if ps.musyawarah_hari else None,
        "forum": ps.forum,
        "nama_forum": user_text(ps.nama_forum) or default,
    }
