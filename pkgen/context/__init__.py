"""Model -> render context: every key present, values pre-formatted for the templates.

Templates hold the standard legal wording; the context holds what differs per agreement, in
the shape the wording needs: capitals, dates and amounts in words, numbered ayat, and lists
that know their own conjunction and turn into a sentence when they hold one item. Article
numbers are not part of it: the renderer numbers the articles a template actually renders.
"""

from __future__ import annotations

from typing import TypedDict

from .. import formatting as fmt
from ..model import (
    ORDER,
    Agreement,
    JangkaWaktu,
    KeadaanKahar,
    Ksb,
    KsbRujukan,
    Penandatangan,
    Pengakhiran,
    PenyelesaianPerselisihan,
    Pihak,
    PihakPks,
    Pks,
    party_labels,
    term_end,
    term_start,
)
from .words import (
    BLANK,
    ayat,
    days,
    items_of,
    joined,
    structured,
    text_or_blank,
    user_text,
)

FORUM_DEFAULT_NAME = {"MENTERI_DALAM_NEGERI": "Menteri Dalam Negeri"}
TITLES = {"PKS": "PERJANJIAN KERJA SAMA", "KSB": "KESEPAKATAN BERSAMA"}


class PartyContext(TypedDict):
    """One party in the context (``pihak``): names, signatory, authority, rights and duties."""

    no: int
    label: str
    nama: str
    nama_kapital: str
    daerah: str
    bentuk: str
    pemerintah: bool
    unit: str
    instansi: str
    nomor: str
    alamat: str
    meterai: bool
    lambang: str | None
    gambar: object  # the emblem as a picture, set by the renderer
    penandatangan: dict[str, object]
    kewenangan: dict[str, object]
    hak: dict[str, object] | None
    kewajiban: dict[str, object] | None


def build_context(doc: Agreement, ksb: Ksb | None = None) -> dict[str, object]:
    """Return the render context for ``doc``; ``ksb`` is the loaded KSB file a PKS points to.

    A required part the input lacks (a partial input rendered with ``--allow-incomplete``) is
    shown as dotted blanks, so the draft keeps every required article and cross reference.
    """
    labels = party_labels(doc)
    pihak = [_pihak(p, i, doc, labels) for i, p in enumerate(doc.pihak)]
    ctx: dict[str, object] = {
        "dokumen": doc.dokumen,
        "jenis": doc.jenis.value,
        "judul": TITLES[doc.dokumen],
        "tentang": text_or_blank(doc.tentang),
        "tentang_kapital": text_or_blank(doc.tentang).upper(),
        "kertas": doc.kertas,
        "pihak": pihak,
        "judul_pihak": _title_lines([p["nama_kapital"] for p in pihak]),
        "daftar_pihak": joined(labels),
        "lambang": [p for p in pihak if p["lambang"]],
        "penandatanganan": _penandatanganan(doc),
        "pertimbangan": items_of(doc.pertimbangan, "pertimbangan", prefix="bahwa "),
        "maksud_tujuan": {
            "maksud": text_or_blank(doc.maksud_tujuan.maksud if doc.maksud_tujuan else None),
            "tujuan": items_of(doc.maksud_tujuan.tujuan if doc.maksud_tujuan else None,
                               "tujuan", True),
        },
        "objek": text_or_blank(doc.objek),
        "ruang_lingkup": items_of(doc.ruang_lingkup, "ruang_lingkup", True),
        "pembiayaan": _pembiayaan(doc, labels),
        "jangka_waktu": _jangka_waktu(doc),
        "perubahan": ayat(doc.perubahan, first=3) if doc.perubahan is not None else None,
        "lain_lain": ayat(doc.lain_lain),
        "penutup": {
            "rangkap": fmt.angka_terbilang(doc.penutup.rangkap or len(doc.pihak)),
            "meterai": doc.penutup.meterai,
        },
        "tanda_tangan": _signature_rows(pihak),
        # Parts only one kind of document has; present as None so templates can test them.
        "ksb": None, "bentuk_kerja_sama": None, "tahun_anggaran_mulai": None,
        "pelaksanaan": None, "hak_kewajiban": None, "keadaan_kahar": None,
        "penyelesaian_perselisihan": None, "pengakhiran": None, "sanksi": None,
        "monitoring_evaluasi": None, "korespondensi": None, "persetujuan_dprd": [],
        "pihak_ketiga": None,
    }
    _legal_basis(ctx, doc, ksb, pihak)
    if isinstance(doc, Pks):
        ctx.update(_pks_parts(doc, pihak))
    else:
        ctx["bentuk_kerja_sama"] = items_of(doc.bentuk_kerja_sama, "bentuk_kerja_sama")
        ctx["tahun_anggaran_mulai"] = doc.tahun_anggaran_mulai
        if doc.penyelesaian_perselisihan is not None:
            ctx["penyelesaian_perselisihan"] = _penyelesaian(doc)
    for name in ORDER:  # a part shaped nowhere above (a new article): its paragraphs as ayat
        if name not in ctx:
            value = getattr(doc, name, None)
            ctx[name] = ayat(value) if isinstance(value, list) else value
    return ctx


def _legal_basis(ctx: dict[str, object], doc: Agreement, ksb: Ksb | None,
                 pihak: list[PartyContext]) -> None:
    """The numbered legal basis: the input's list, then the KSB and each DPRD approval."""
    dasar = [user_text(t) for t in doc.dasar_hukum or []]
    approvals = [(p, party.persetujuan_dprd) for p, party in zip(pihak, doc.pihak, strict=True)
                 if isinstance(party, PihakPks) and party.persetujuan_dprd is not None]
    extra = int(isinstance(doc, Pks)) + len(approvals)
    ctx["dasar_hukum"] = [
        {"no": i + 1, "teks": t.rstrip(" ;.") + (";" if extra or i < len(dasar) - 1 else ".")}
        for i, t in enumerate(dasar)]
    no = len(dasar) + 1
    if isinstance(doc, Pks):
        ctx["ksb"] = _ksb(doc, ksb, pihak, no, last=not approvals)
        no += 1
    ctx["persetujuan_dprd"] = [
        {"no": no + i, "daerah": p["daerah"], "nomor": text_or_blank(a.nomor),
         "tanggal": fmt.tanggal(a.tanggal) if a.tanggal else BLANK, "tentang": user_text(a.tentang),
         "akhir": "." if i == len(approvals) - 1 else ";"}
        for i, (p, a) in enumerate(approvals)]


def _pks_parts(doc: Pks, pihak: list[PartyContext]) -> dict[str, object]:
    hak_kewajiban: list[dict[str, object]] = []
    for p in pihak:
        for judul, daftar in (("Hak", p["hak"]), ("Kewajiban", p["kewajiban"])):
            hak_kewajiban.append({"no": f"({len(hak_kewajiban) + 1})",
                                  "judul": f"{judul} {p['label']}", "daftar": daftar})
    kahar = doc.keadaan_kahar or KeadaanKahar()
    akhir = doc.pengakhiran or Pengakhiran()
    third = [p["label"] for p in pihak if p["bentuk"] != "pemerintah_daerah"]
    return {
        "pelaksanaan": ayat(doc.pelaksanaan),
        "hak_kewajiban": hak_kewajiban,
        "keadaan_kahar": {
            "peristiwa": items_of(kahar.peristiwa, "peristiwa", blank=True),
            "batas": days(kahar.batas_pemberitahuan_hari),
            "akibat": items_of(kahar.akibat, "akibat"),
        },
        "penyelesaian_perselisihan": _penyelesaian(doc),
        "pengakhiran": {
            "sebab": items_of(akhir.sebab, "sebab"),
            "pemberitahuan": days(akhir.pemberitahuan_hari),
        },
        "pihak_ketiga": joined(third) if third else None,
        "sanksi": ayat(doc.sanksi),
        "monitoring_evaluasi": ayat(doc.monitoring_evaluasi),
        "korespondensi": _korespondensi(doc, pihak),
    }


def _korespondensi(doc: Pks, pihak: list[PartyContext]) -> dict[str, object] | None:
    if not doc.korespondensi:
        return None
    items = []
    for k in doc.korespondensi:
        party = pihak[k.pihak - 1] if k.pihak else None
        items.append({
            "label": party["label"] if party else BLANK,
            "instansi": party["instansi"] if party else BLANK, "alamat": text_or_blank(k.alamat),
            "untuk_perhatian": user_text(k.untuk_perhatian), "telepon": k.telepon, "email": k.email,
        })
    return structured(items, "korespondensi")


def _pihak(p: Pihak, index: int, doc: Agreement, labels: list[str]) -> PartyContext:
    signer = p.penandatangan or Penandatangan()
    nama = text_or_blank(p.nama)
    out: PartyContext = {
        "no": index + 1,
        "label": labels[index],
        "nama": nama,
        "nama_kapital": nama.upper(),
        "daerah": nama.removeprefix("Pemerintah ").strip(),
        "bentuk": p.bentuk,
        "pemerintah": p.pemerintah,
        "unit": user_text(p.unit),
        "instansi": f"{user_text(p.unit)}, {nama}" if p.unit else nama,
        "nomor": p.nomor or BLANK,
        "alamat": text_or_blank(p.alamat),
        "meterai": doc.penutup.meterai,
        "lambang": p.lambang,
        "gambar": None,
        "penandatangan": {
            "nama": text_or_blank(signer.nama),
            "nama_kapital": fmt.tanpa_putus(fmt.nama_kapital(signer.nama)) if signer.nama
            else BLANK,
            "jabatan": text_or_blank(signer.jabatan),
            "jabatan_kapital": text_or_blank(signer.jabatan).upper(),
            "nip": fmt.nip(signer.nip) if signer.nip else None,
        },
        "kewenangan": _kewenangan(p),
        "hak": None,
        "kewajiban": None,
    }
    if isinstance(p, PihakPks):  # the parties of a PKS, never of a KSB
        out["hak"] = items_of(p.hak, "hak", blank=True)
        out["kewajiban"] = items_of(p.kewajiban, "kewajiban", blank=True)
    return out


def _kewenangan(p: Pihak) -> dict[str, object]:
    kw = p.kewenangan
    change = kw.perubahan
    return {
        "dasar": kw.dasar,
        "nomor": text_or_blank(kw.nomor),
        "tanggal": fmt.tanggal(kw.tanggal) if kw.tanggal else BLANK,
        "pemberi": text_or_blank(kw.pemberi),
        "notaris": text_or_blank(kw.notaris),
        "pengesahan": user_text(kw.pengesahan),
        "keterangan": user_text(kw.keterangan),
        "perubahan": {
            "nomor": text_or_blank(change.nomor),
            "tanggal": fmt.tanggal(change.tanggal) if change.tanggal else BLANK,
            "notaris": user_text(change.notaris),
        } if change else None,
    }


def _signature_rows(pihak: list[PartyContext]) -> list[list[PartyContext]]:
    """Signatories two by two: 2 parties one row, 3 parties 2 + 1, 5 parties 2 + 2 + 1."""
    return [pihak[i:i + 2] for i in range(0, len(pihak), 2)]


def _penandatanganan(doc: Agreement) -> dict[str, object]:
    signing = doc.penandatanganan
    day = signing.tanggal if signing else None
    return {
        "tempat": text_or_blank(signing.tempat if signing else None),
        "tanggal": fmt.tanggal(day) if day else BLANK,
        "hari_ini": fmt.tanggal_terbilang(day) if day else
        f"{BLANK} tanggal {BLANK} bulan {BLANK} tahun {BLANK}",
        "tahun": day.year if day else None,
    }


def _ksb(doc: Pks, loaded: Ksb | None, pihak: list[PartyContext], no: int,
         last: bool) -> dict[str, object]:
    ref = doc.ksb
    nomor: list[str] | None
    if loaded is not None:
        nomor = [p.nomor or BLANK for p in loaded.pihak]
        tanggal = loaded.penandatanganan.tanggal if loaded.penandatanganan else None
        tentang, berakhir = loaded.tentang, term_end(loaded)
        antara = [text_or_blank(p.nama) for p in loaded.pihak]
    else:
        inline = ref or KsbRujukan()  # no KSB given: every value is a blank
        nomor, tanggal, tentang = inline.nomor, inline.tanggal, inline.tentang
        berakhir = inline.berakhir
        antara = [p["nama"] for p in pihak]
    nomor = nomor or [BLANK] * len(pihak)
    return {
        "no": no,
        "nomor": [{"label": pihak[i]["label"] if i < len(pihak) else "", "nomor": n}
                  for i, n in enumerate(nomor)],
        "nomor_gabung": joined([f"Nomor {n}" for n in nomor]),
        "antara": joined(antara),
        "tanggal": fmt.tanggal(tanggal) if tanggal else BLANK,
        "tentang": text_or_blank(tentang),
        "berakhir": fmt.tanggal(berakhir) if berakhir else BLANK,
        "akhir": "." if last else ";",
    }


def _jangka_waktu(doc: Agreement) -> dict[str, object]:
    term = doc.jangka_waktu or JangkaWaktu()
    start, end = term_start(doc), term_end(doc)
    lama = None
    if term.lama is not None:
        parts = []
        if term.lama.tahun:
            parts.append(fmt.angka_terbilang(term.lama.tahun, "tahun"))
        if term.lama.bulan:
            parts.append(fmt.angka_terbilang(term.lama.bulan, "bulan"))
        lama = " ".join(parts)
    ext = term.perpanjangan
    return {
        "lama": lama,
        "mulai": fmt.tanggal(start) if start else None,
        "sejak_ditandatangani": term.mulai is None,
        "berakhir": fmt.tanggal(end) if end else BLANK,
        "perpanjangan": {
            "pemberitahuan": days(ext.pemberitahuan_hari),
            "ketentuan": user_text(ext.ketentuan),
        } if ext else None,
    }


def _pembiayaan(doc: Agreement, labels: list[str]) -> dict[str, object]:
    """Financing: each source with its share and budget, the total, and the ayat numbers."""
    p = doc.pembiayaan
    sources = []
    for s in (p.sumber or []) if p else []:
        whose = labels[s.pihak - 1] if s.pihak and s.pihak <= len(labels) else None
        sources.append({
            "jenis": s.jenis, "nama": _source_name(s.jenis, whose, s.keterangan),
            "jumlah": fmt.rupiah_lengkap(s.jumlah) if s.jumlah is not None else None,
            "rujukan": user_text(s.rujukan_anggaran),
            "tahun": s.tahun_anggaran if s.dalam_apbd_tahun_berjalan is False else None,
        })
    total = fmt.rupiah_lengkap(p.jumlah) if p and p.jumlah is not None else None
    third_only = bool(sources) and all(s["jenis"] == "PIHAK_KETIGA" for s in sources)
    numbers = iter(range(2, 20))
    return {
        "sumber": structured(sources or [_BLANK_SOURCE], "sumber"),
        "jumlah": total,
        "ayat_jumlah": f"({next(numbers)})" if total else None,
        "tidak_membebani": joined([lab for lab, party in zip(labels, doc.pihak, strict=True)
                                  if party.pemerintah]) if third_only else None,
        "ayat_tidak_membebani": f"({next(numbers)})" if third_only else None,
        "ketentuan": ayat(p.ketentuan, first=next(numbers)) if p and p.ketentuan else None,
    }


_BLANK_SOURCE = {"jenis": None, "nama": BLANK, "jumlah": None, "rujukan": "", "tahun": None}


def _source_name(jenis: str | None, whose: str | None, keterangan: str | None) -> str:
    """What bears a share of the cost: 'Anggaran Pendapatan dan Belanja Daerah PIHAK PERTAMA'."""
    if jenis == "APBD":
        return f"Anggaran Pendapatan dan Belanja Daerah {whose or BLANK}"
    if jenis == "PIHAK_KETIGA":
        return f"dana {whose}" if whose else "dana pihak ketiga"
    return text_or_blank(keterangan)


def _penyelesaian(doc: Agreement) -> dict[str, object]:
    ps = doc.penyelesaian_perselisihan or PenyelesaianPerselisihan()
    return {
        "musyawarah": fmt.angka_terbilang(ps.musyawarah_hari, "hari")
        if ps.musyawarah_hari else None,
        "forum": ps.forum,
        "nama_forum": user_text(ps.nama_forum) or FORUM_DEFAULT_NAME.get(ps.forum or "", BLANK),
    }


# --- lists, ayat and text -------------------------------------------------------------------------

def _title_lines(names: list[str]) -> list[str]:
    """Title block lines naming the parties: A / DENGAN / B, or A, / B, / DAN / C."""
    if len(names) == 2:
        return [names[0], "DENGAN", names[1]]
    return [f"{n}," for n in names[:-1]] + ["DAN", names[-1]]
