"""Model -> render context: every key present, values pre-formatted, article numbers computed.

Templates hold the standard legal wording; the context holds what differs per agreement, in
the shape the wording needs (capitals, dates in words, numbered ayat, lettered items).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import formatting as fmt
from .model import (
    Agreement,
    JangkaWaktu,
    KeadaanKahar,
    Ksb,
    KsbRujukan,
    Penandatangan,
    Pengakhiran,
    PenyelesaianPerselisihan,
    Pihak,
    Pks,
    party_labels,
    term_end,
    term_start,
)

#: Every article id a template may use in ``Pasal {{ pasal.<id> }}`` and in cross references.
ARTICLES = (
    "maksud_tujuan", "objek", "ruang_lingkup", "bentuk_kerja_sama", "pelaksanaan",
    "hak_kewajiban", "pembiayaan", "monitoring_evaluasi", "sanksi", "jangka_waktu",
    "keadaan_kahar", "penyelesaian_perselisihan", "pengakhiran", "korespondensi", "perubahan",
    "lain_lain", "penutup",
)
#: Shown where a value is decided only at signing (number, date).
BLANK = "…………………………"
FORUM_DEFAULT_NAME = {"MENTERI_DALAM_NEGERI": "Menteri Dalam Negeri"}
TITLES = {"PKS": "PERJANJIAN KERJA SAMA", "KSB": "KESEPAKATAN BERSAMA"}


def build_context(doc: Agreement, ksb: Ksb | None = None) -> dict[str, object]:
    """Return the render context for ``doc``; ``ksb`` is the loaded KSB file a PKS points to.

    Article numbers are not part of it: the renderer numbers the articles a template
    actually renders, in their order (see ``render.py``). A required part the input lacks
    (a partial input rendered with ``--allow-incomplete``) is shown as dotted blanks, so the
    draft keeps every required article and its cross references.
    """
    pihak = [_pihak(p, i, doc) for i, p in enumerate(doc.pihak)]
    labels = [p["label"] for p in pihak]
    ctx: dict[str, object] = {
        "dokumen": doc.dokumen,
        "jenis": doc.jenis.value,
        "judul": TITLES[doc.dokumen],
        "tentang": _teks(doc.tentang),
        "tentang_kapital": _teks(doc.tentang).upper(),
        "kertas": doc.kertas,
        "pihak": pihak,
        "judul_pihak": _title_lines([p["nama_kapital"] for p in pihak]),
        "daftar_pihak": _join(labels),
        "penandatanganan": _penandatanganan(doc),
        "persetujuan_dprd": None,
        "maksud_tujuan": {
            "maksud": _teks(doc.maksud_tujuan and doc.maksud_tujuan.maksud),
            "tujuan": _butir(doc.maksud_tujuan and doc.maksud_tujuan.tujuan, blank=True),
        },
        "objek": _teks(doc.objek),
        "ruang_lingkup": _butir(doc.ruang_lingkup, blank=True),
        "pembiayaan": _pembiayaan(doc, labels),
        "jangka_waktu": _jangka_waktu(doc),
        "perubahan": _ayat(doc.perubahan, first=3) if doc.perubahan is not None else None,
        "lain_lain": _ayat(doc.lain_lain),
        "penutup": {
            "rangkap": fmt.angka_terbilang(doc.penutup.rangkap or len(doc.pihak)),
            "meterai": doc.penutup.meterai,
        },
        # Parts only one kind of document has; present as None so templates can test them.
        "ksb": None, "bentuk_kerja_sama": None, "tahun_anggaran_mulai": None,
        "pelaksanaan": None, "hak_kewajiban": None, "keadaan_kahar": None,
        "penyelesaian_perselisihan": None, "pengakhiran": None, "sanksi": None,
        "monitoring_evaluasi": None, "korespondensi": None,
    }
    dasar = doc.dasar_hukum or []
    more = isinstance(doc, Pks) or doc.persetujuan_dprd is not None  # citations that follow
    ctx["dasar_hukum"] = [
        {"no": i + 1, "teks": t.rstrip(" ;.") + (";" if more or i < len(dasar) - 1 else ".")}
        for i, t in enumerate(dasar)
    ]
    next_no = len(dasar) + 1
    if isinstance(doc, Pks):
        ctx["ksb"] = _ksb(doc, ksb, pihak, next_no)
        next_no += 1
        ctx.update(_pks_parts(doc, pihak))
    else:
        ctx["bentuk_kerja_sama"] = _butir(doc.bentuk_kerja_sama)
        ctx["tahun_anggaran_mulai"] = doc.tahun_anggaran_mulai
        if doc.penyelesaian_perselisihan is not None:
            ctx["penyelesaian_perselisihan"] = _penyelesaian(doc)
    if doc.persetujuan_dprd is not None:
        dprd = doc.persetujuan_dprd
        ctx["persetujuan_dprd"] = {
            "no": next_no, "nomor": dprd.nomor, "tanggal": fmt.tanggal(dprd.tanggal),
            "tentang": dprd.tentang,
        }
    return ctx


def _pks_parts(doc: Pks, pihak: list[dict]) -> dict[str, object]:
    hak_kewajiban = []
    for p in pihak:
        for kind, judul in (("hak", "Hak"), ("kewajiban", "Kewajiban")):
            hak_kewajiban.append(
                {"no": f"({len(hak_kewajiban) + 1})", "judul": f"{judul} {p['label']}",
                 "butir": p[kind] or _butir(None, blank=True)}
            )
    kahar = doc.keadaan_kahar or KeadaanKahar()
    akhir = doc.pengakhiran or Pengakhiran()
    return {
        "pelaksanaan": _ayat(doc.pelaksanaan),
        "hak_kewajiban": hak_kewajiban,
        "keadaan_kahar": {
            "peristiwa": _butir(kahar.peristiwa, blank=True),
            "batas": _hari(kahar.batas_pemberitahuan_hari),
            "akibat": _butir(kahar.akibat) if kahar.akibat else None,
        },
        "penyelesaian_perselisihan": _penyelesaian(doc),
        "pengakhiran": {
            "sebab": _butir(akhir.sebab, blank=True),
            "pemberitahuan": _hari(akhir.pemberitahuan_hari),
        },
        "sanksi": _ayat(doc.sanksi),
        "monitoring_evaluasi": _ayat(doc.monitoring_evaluasi),
        "korespondensi": [
            {
                "huruf": fmt.huruf_butir(i), "akhir": _akhir(i, len(doc.korespondensi)),
                "label": pihak[k.pihak - 1]["label"] if k.pihak else BLANK,
                "instansi": pihak[k.pihak - 1]["instansi"] if k.pihak else BLANK,
                "alamat": _teks(k.alamat),
                "untuk_perhatian": k.untuk_perhatian, "telepon": k.telepon, "email": k.email,
            }
            for i, k in enumerate(doc.korespondensi)
        ] if doc.korespondensi else None,
    }


def _pihak(p: Pihak, index: int, doc: Agreement) -> dict[str, object]:
    signer = p.penandatangan or Penandatangan()
    kw = p.kewenangan
    nama = _teks(p.nama)
    meterai = p.meterai if p.meterai is not None else not p.pemerintah
    out: dict[str, object] = {
        "no": index + 1,
        "label": party_labels(doc)[index],
        "nama": nama,
        "nama_kapital": nama.upper(),
        "bentuk": p.bentuk,
        "pemerintah": p.pemerintah,
        "unit": p.unit,
        "instansi": f"{p.unit}, {nama}" if p.unit else nama,
        "nomor": p.nomor or BLANK,
        "alamat": _teks(p.alamat),
        "meterai": meterai,
        "penandatangan": {
            "nama": _teks(signer.nama),
            "nama_kapital": fmt.nama_kapital(signer.nama) if signer.nama else BLANK,
            "jabatan": _teks(signer.jabatan),
            "jabatan_kapital": _teks(signer.jabatan).upper(),
            "nip": signer.nip,
        },
        "kewenangan": {
            "dasar": kw.dasar,
            "nomor": kw.nomor,
            "tanggal": fmt.tanggal(kw.tanggal) if kw.tanggal else None,
            "pemberi": kw.pemberi,
            "keterangan": kw.keterangan,
        },
        "hak": None,
        "kewajiban": None,
    }
    if isinstance(doc, Pks):
        out["hak"] = _butir(p.hak)  # type: ignore[attr-defined]
        out["kewajiban"] = _butir(p.kewajiban)  # type: ignore[attr-defined]
    return out


def _penandatanganan(doc: Agreement) -> dict[str, object]:
    signing = doc.penandatanganan
    day = signing.tanggal if signing else None
    return {
        "tempat": _teks(signing.tempat if signing else None),
        "tanggal": fmt.tanggal(day) if day else BLANK,
        "hari_ini": fmt.tanggal_terbilang(day) if day else
        f"{BLANK} tanggal {BLANK} bulan {BLANK} tahun {BLANK}",
        "tahun": day.year if day else None,
    }


def _ksb(doc: Pks, loaded: Ksb | None, pihak: list[dict], no: int) -> dict[str, object]:
    ref = doc.ksb
    if loaded is not None:
        nomor = [p.nomor or BLANK for p in loaded.pihak]
        tanggal = loaded.penandatanganan.tanggal if loaded.penandatanganan else None
        tentang, berakhir = loaded.tentang, term_end(loaded)
        antara = [_teks(p.nama) for p in loaded.pihak]
    else:
        inline = ref or KsbRujukan(berkas="")  # no KSB given: every value is a blank
        nomor, tanggal, tentang = inline.nomor, inline.tanggal, inline.tentang
        berakhir = inline.berakhir
        antara = [p["nama"] for p in pihak]
    nomor = nomor or [BLANK] * len(pihak)
    return {
        "no": no,
        "nomor": [{"label": pihak[i]["label"] if i < len(pihak) else "", "nomor": n}
                  for i, n in enumerate(nomor or [])],
        "nomor_gabung": _join(list(nomor or []), " dan Nomor "),
        "antara": _join(antara),
        "tanggal": fmt.tanggal(tanggal) if tanggal else BLANK,
        "tentang": _teks(tentang),
        "berakhir": fmt.tanggal(berakhir) if berakhir else BLANK,
    }


def _jangka_waktu(doc: Agreement) -> dict[str, object]:
    term = doc.jangka_waktu or JangkaWaktu()
    start = term_start(doc)
    end = term_end(doc)
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
            "pemberitahuan": _hari(ext.pemberitahuan_hari),
            "ketentuan": ext.ketentuan,
        } if ext else None,
    }


def _pembiayaan(doc: Agreement, labels: list[str]) -> dict[str, object]:
    p = doc.pembiayaan
    if p is None or p.sumber is None:
        return {"sumber": BLANK, "jumlah": None, "dalam_apbd_tahun_berjalan": None,
                "rujukan_anggaran": None, "ketentuan": None}
    sumber = []
    for s in p.sumber:
        if s.jenis == "APBD":
            sumber.append(f"Anggaran Pendapatan dan Belanja Daerah {labels[s.pihak - 1]}"
                          if s.pihak and s.pihak <= len(labels) else
                          "Anggaran Pendapatan dan Belanja Daerah")
        elif s.jenis == "PIHAK_KETIGA":
            sumber.append(f"dana {labels[s.pihak - 1]}" if s.pihak and s.pihak <= len(labels)
                          else "dana pihak ketiga")
        elif s.jenis == "LAINNYA":
            sumber.append(_teks(s.keterangan))
        else:
            sumber.append(BLANK)
    return {
        "sumber": _join(sumber),
        "jumlah": fmt.rupiah_lengkap(p.jumlah) if p.jumlah is not None else None,
        "dalam_apbd_tahun_berjalan": p.dalam_apbd_tahun_berjalan,
        "rujukan_anggaran": p.rujukan_anggaran,
        "ketentuan": _ayat(p.ketentuan, first=2) if p.ketentuan else None,
    }


def _penyelesaian(doc: Agreement) -> dict[str, object]:
    ps = doc.penyelesaian_perselisihan or PenyelesaianPerselisihan()
    return {
        "musyawarah": fmt.angka_terbilang(ps.musyawarah_hari, "hari")
        if ps.musyawarah_hari else None,
        "forum": ps.forum,
        "nama_forum": ps.nama_forum or FORUM_DEFAULT_NAME.get(ps.forum or "", BLANK),
    }


def _butir(items: Iterable[str] | None, blank: bool = False) -> list[dict[str, str]] | None:
    """Lettered items ending as an enumeration does: 'a. …;', 'b. …; dan', 'c. ….'.

    Whatever punctuation the user ended an item with is replaced. None stays None, or
    becomes one blank item with ``blank``.
    """
    if items is None:
        return [{"huruf": "a.", "teks": BLANK}] if blank else None
    items = list(items)
    return [
        {"huruf": fmt.huruf_butir(i) + ".", "teks": t.rstrip(" ;,.") + _akhir(i, len(items))}
        for i, t in enumerate(items)
    ]


def _akhir(index: int, count: int, last: str = ".") -> str:
    """Punctuation closing item ``index`` of ``count``: ';', '; dan' before the last, '.'."""
    if index == count - 1:
        return last
    return "; dan" if index == count - 2 else ";"


def _teks(text: str | None) -> str:
    return text if text is not None else BLANK


def _hari(days: int | None) -> str:
    return fmt.angka_terbilang(days, "hari") if days is not None else f"{BLANK} hari"


def _ayat(items: Sequence[str] | None, first: int = 1) -> list[dict[str, str]] | None:
    """Numbered ayat: [{'no': '(1)', 'teks': ...}]; a lone ayat is not numbered."""
    if items is None:
        return None
    single = first == 1 and len(items) == 1
    return [{"no": "" if single else f"({first + i})", "teks": t} for i, t in enumerate(items)]


def _join(items: Sequence[str], last: str = " dan ") -> str:
    """'A', 'A dan B', 'A, B dan C' (Indonesian lists use no comma before 'dan')."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + last + items[-1]


def _title_lines(names: list[str]) -> list[str]:
    """Title block lines naming the parties: A / DENGAN / B, or A / B / DAN / C."""
    if len(names) == 2:
        return [names[0], "DENGAN", names[1]]
    return [*names[:-1], "DAN", names[-1]]
