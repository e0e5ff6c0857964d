"""Model -> render context: every key present, values pre-formatted for the templates.

Templates hold the standard legal wording; the context holds what differs per agreement, in
the shape the wording needs: capitals, dates and amounts in words, numbered ayat, and lists
that know their own conjunction and turn into a sentence when they hold one item. Article
numbers are not part of it: the renderer numbers the articles a template actually renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from .. import formatting as fmt
from ..model import (
    ORDER,
    Agreement,
    KeadaanKahar,
    Ksb,
    KsbRujukan,
    Loi,
    Penandatangan,
    Pengakhiran,
    Pihak,
    PihakPks,
    Pks,
    foreign,
    languages,
    party_labels,
    term_end,
)
from .international import foreign_basis, foreign_parts, letter, party_country
from .terms import jangka_waktu, pembiayaan, pengakhiran, penyelesaian
from .wording import LANGUAGES, joined_words, region, title, words
from .words import (
    BLANK,
    ayat,
    days,
    items_of,
    structured,
    text_or_blank,
    user_text,
)

if TYPE_CHECKING:
    from ..inputs import Loaded


class PartyContext(TypedDict):
    """One party in the context (``pihak``): names, signatory, authority, rights and duties."""

    no: int
    label: str
    nama: str
    nama_kapital: str
    nama_awal: str
    negara: str | None
    baris_judul: str
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
    kuasa_penuh: dict[str, str] | None
    hak: dict[str, object] | None
    kewajiban: dict[str, object] | None


def draft_context(loaded: Loaded) -> dict[str, object]:
    """The context of a draft: :func:`build_context` in Indonesian and, under ``en`` and
    ``ko``, the English and Korean contexts (else None). An agreement with a foreign partner
    always has its English context (its templates print English); the Korean one is there
    when ``bahasa.naskah`` declares Korean.

    A text with no version in a language is shown as dotted blanks in that language's text
    (the checker reports it; only an incomplete draft is rendered so).
    """
    from ..translations import translated  # the translations build on the model, as we do

    ctx = build_context(loaded.document, loaded.ksb)
    codes = languages(loaded.document)
    for lang in LANGUAGES[1:]:
        ctx[lang] = None
        if lang in codes or (lang == "en" and foreign(loaded.document)):
            doc, ksb = translated(loaded, lang, BLANK)
            ctx[lang] = build_context(doc, ksb, lang)
    return ctx


def build_context(doc: Agreement, ksb: Ksb | None = None, lang: str = "id") -> dict[str, object]:
    """Return the render context for ``doc``; ``ksb`` is the loaded KSB file a PKS points to.

    A required part the input lacks (a partial input rendered with ``--allow-incomplete``) is
    shown as dotted blanks, so the draft keeps every required article and cross reference.
    ``lang`` words what the context composes (dates, amounts, labels, conjunctions) in that
    language: ``doc`` is then the document with its texts in that language.
    """
    labels = party_labels(doc, lang)
    w = words(lang)
    pihak = [_pihak(p, i, doc, labels, lang) for i, p in enumerate(doc.pihak)]
    ctx: dict[str, object] = {
        "dokumen": doc.dokumen,
        "jenis": doc.jenis.value,
        "judul": title(doc.dokumen, foreign(doc), lang),
        "tentang": text_or_blank(doc.tentang),
        "tentang_kapital": text_or_blank(doc.tentang).upper(),
        "kertas": doc.kertas,
        "pihak": pihak,
        "judul_pihak": _title_lines([p["baris_judul"] for p in pihak], lang, foreign(doc)),
        "daftar_pihak": joined_words([w["sebutan"].format(label=x) for x in labels], lang),
        "para_pihak": w["para_pihak_dua" if len(labels) == 2 else "para_pihak"],
        "lambang": [p for p in pihak if p["lambang"]],
        "penandatanganan": _penandatanganan(doc, lang),
        "pertimbangan": items_of(doc.pertimbangan, "pertimbangan", prefix=w["bahwa"], lang=lang),
        "maksud_tujuan": {
            "maksud": text_or_blank(doc.maksud_tujuan.maksud if doc.maksud_tujuan else None),
            "tujuan": items_of(doc.maksud_tujuan.tujuan if doc.maksud_tujuan else None,
                               "tujuan", True, lang=lang),
        },
        "objek": text_or_blank(doc.objek),
        "ruang_lingkup": items_of(doc.ruang_lingkup, "ruang_lingkup", True, lang=lang),
        "pembiayaan": pembiayaan(doc, labels, lang),
        "jangka_waktu": jangka_waktu(doc, lang),
        "perubahan": ayat(doc.perubahan, first=3) if doc.perubahan is not None else None,
        "lain_lain": ayat(doc.lain_lain),
        "penutup": {
            "rangkap": fmt.angka_terbilang(doc.penutup.rangkap or len(doc.pihak), lang=lang),
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
    _legal_basis(ctx, doc, ksb, pihak, lang)
    ctx.update(foreign_parts(doc, lang))
    ctx.update(_pks_parts(doc, pihak, lang) if isinstance(doc, Pks) else
               _other_parts(doc, lang))
    for name in ORDER:  # a part shaped nowhere above (a new article): its paragraphs as ayat
        if name not in ctx:
            value = getattr(doc, name, None)
            ctx[name] = ayat(value) if isinstance(value, list) else value
    return ctx


def _other_parts(doc: Ksb | Loi, lang: str) -> dict[str, object]:
    """The parts of a KSB and a letter of intent; what a letter of intent leaves out, it
    leaves out of the draft (None)."""
    out: dict[str, object] = {
        "bentuk_kerja_sama": items_of(getattr(doc, "bentuk_kerja_sama", None),
                                      "bentuk_kerja_sama", lang=lang),
        "tahun_anggaran_mulai": getattr(doc, "tahun_anggaran_mulai", None),
    }
    if isinstance(doc, Ksb) and doc.penyelesaian_perselisihan is not None:
        out["penyelesaian_perselisihan"] = penyelesaian(doc, lang)
    if doc.pengakhiran is not None:
        out["pengakhiran"] = pengakhiran(doc.pengakhiran, lang)
    if isinstance(doc, Loi):
        out["tindak_lanjut"] = items_of(doc.tindak_lanjut, "tindak_lanjut", lang=lang)
        out.update({name: None for name in ("objek", "pembiayaan", "jangka_waktu")
                    if getattr(doc, name) is None})
    return out


def _legal_basis(ctx: dict[str, object], doc: Agreement, ksb: Ksb | None,
                 pihak: list[PartyContext], lang: str) -> None:
    """The numbered legal basis: the input's list, then the KSB, each DPRD approval and, for
    a foreign cooperation, the central government's approval and confirmation letter."""
    dasar = [user_text(t) for t in doc.dasar_hukum or []]
    w = words(lang)
    approvals = [(p, party.persetujuan_dprd) for p, party in zip(pihak, doc.pihak, strict=True)
                 if party.persetujuan_dprd is not None]
    central = {name: item for name, item in foreign_basis(doc, lang).items() if item}
    ctx.update(dict.fromkeys(foreign_basis(doc, lang)))
    extra = int(isinstance(doc, Pks)) + len(approvals) + len(central)
    ctx["dasar_hukum"] = [
        {"no": i + 1, "teks": t.rstrip(" ;.") + w["butir_antara" if extra or i < len(dasar) - 1
                                                 else "butir_akhir"]}
        for i, t in enumerate(dasar)]
    no = len(dasar) + 1
    if isinstance(doc, Pks):
        ctx["ksb"] = _ksb(doc, ksb, pihak, no, not approvals and not central, lang)
        no += 1
    ctx["persetujuan_dprd"] = [
        {"no": no + i, "daerah": p["daerah"], "nomor": text_or_blank(a.nomor),
         "tanggal": fmt.tanggal(a.tanggal, lang) if a.tanggal else BLANK,
         "tentang": user_text(a.tentang),
         "akhir": w["butir_akhir" if i == len(approvals) - 1 and not central
                    else "butir_antara"]}
        for i, (p, a) in enumerate(approvals)]
    no += len(approvals)
    for i, (name, item) in enumerate(central.items()):
        ctx[name] = {**item, "no": no + i,
                     "akhir": w["butir_akhir" if i == len(central) - 1 else "butir_antara"]}


def _pks_parts(doc: Pks, pihak: list[PartyContext], lang: str) -> dict[str, object]:
    w = words(lang)
    hak_kewajiban: list[dict[str, object]] = []
    for p in pihak:
        for kind in ("hak", "kewajiban"):
            hak_kewajiban.append({"no": f"({len(hak_kewajiban) + 1})",
                                  "judul": w[kind].format(label=p["label"]), "daftar": p[kind]})
    kahar = doc.keadaan_kahar or KeadaanKahar()
    third = [w["sebutan"].format(label=p["label"]) for p in pihak
             if p["bentuk"] != "pemerintah_daerah"]
    return {
        "pelaksanaan": ayat(doc.pelaksanaan),
        "hak_kewajiban": hak_kewajiban,
        "keadaan_kahar": {
            "peristiwa": items_of(kahar.peristiwa, "peristiwa", blank=True, lang=lang),
            "batas": days(kahar.batas_pemberitahuan_hari, lang),
            "akibat": items_of(kahar.akibat, "akibat", lang=lang),
        },
        "penyelesaian_perselisihan": penyelesaian(doc, lang),
        "pengakhiran": pengakhiran(doc.pengakhiran or Pengakhiran(), lang),
        "pihak_ketiga": joined_words(third, lang) if third else None,
        "sanksi": ayat(doc.sanksi),
        "monitoring_evaluasi": ayat(doc.monitoring_evaluasi),
        "korespondensi": _korespondensi(doc, pihak, lang),
    }


def _korespondensi(doc: Pks, pihak: list[PartyContext], lang: str) -> dict[str, object] | None:
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
    return structured(items, "korespondensi", lang=lang)


def _pihak(p: Pihak, index: int, doc: Agreement, labels: list[str],
           lang: str) -> PartyContext:
    signer = p.penandatangan or Penandatangan()
    nama = text_or_blank(p.nama)
    country = party_country(p, doc, lang)
    out: PartyContext = {
        "no": index + 1,
        "label": labels[index],
        "nama": nama,
        "nama_kapital": nama.upper(),
        "nama_awal": nama[:1].upper() + nama[1:],  # at the start of a sentence
        "negara": country,
        "baris_judul": words(lang)["baris_judul"].format(nama=nama, negara=country).upper()
        if country else nama.upper(),
        "daerah": region(nama, lang),
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
        "kewenangan": _kewenangan(p, lang),
        "kuasa_penuh": letter(p.kuasa_penuh, lang),
        "hak": None,
        "kewajiban": None,
    }
    if isinstance(p, PihakPks):  # the parties of a PKS, never of a KSB
        out["hak"] = items_of(p.hak, "hak", blank=True, lang=lang)
        out["kewajiban"] = items_of(p.kewajiban, "kewajiban", blank=True, lang=lang)
    return out


def _kewenangan(p: Pihak, lang: str) -> dict[str, object]:
    kw = p.kewenangan
    change = kw.perubahan
    return {
        "dasar": kw.dasar,
        "nomor": text_or_blank(kw.nomor),
        "tanggal": fmt.tanggal(kw.tanggal, lang) if kw.tanggal else BLANK,
        "pemberi": text_or_blank(kw.pemberi),
        "notaris": text_or_blank(kw.notaris),
        "pengesahan": user_text(kw.pengesahan),
        "keterangan": user_text(kw.keterangan),
        "perubahan": {
            "nomor": text_or_blank(change.nomor),
            "tanggal": fmt.tanggal(change.tanggal, lang) if change.tanggal else BLANK,
            "notaris": user_text(change.notaris),
        } if change else None,
    }


def _signature_rows(pihak: list[PartyContext]) -> list[list[PartyContext]]:
    """Signatories two by two: 2 parties one row, 3 parties 2 + 1, 5 parties 2 + 2 + 1."""
    return [pihak[i:i + 2] for i in range(0, len(pihak), 2)]


def _penandatanganan(doc: Agreement, lang: str) -> dict[str, object]:
    signing = doc.penandatanganan
    day = signing.tanggal if signing else None
    return {
        "tempat": text_or_blank(signing.tempat if signing else None),
        "tanggal": fmt.tanggal(day, lang) if day else BLANK,
        "hari_ini": fmt.tanggal_terbilang(day, lang) if day else
        words(lang)["hari_ini_kosong"].format(b=BLANK),
        "tahun": day.year if day else None,
    }


def _ksb(doc: Pks, loaded: Ksb | None, pihak: list[PartyContext], no: int, last: bool,
         lang: str) -> dict[str, object]:
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
        "nomor_gabung": joined_words([words(lang)["nomor"].format(nomor=n) for n in nomor],
                                     lang),
        "antara": joined_words(antara, lang),
        "tanggal": fmt.tanggal(tanggal, lang) if tanggal else BLANK,
        "tentang": text_or_blank(tentang),
        "berakhir": fmt.tanggal(berakhir, lang) if berakhir else BLANK,
        "akhir": words(lang)["butir_akhir" if last else "butir_antara"],
    }


# --- lists, ayat and text -------------------------------------------------------------------------

def _title_lines(names: list[str], lang: str, foreign: bool) -> list[str]:
    """Title block lines naming the parties: A / DENGAN / B (A / DAN / B with a foreign
    partner), or A, / B, / DAN / C (in Korean A, / B / 및 / C)."""
    w = words(lang)
    if len(names) == 2:
        return [names[0], w["dan_judul" if foreign else "dengan"], names[1]]
    return ([f"{n}," for n in names[:-2]] + [names[-2] + w["koma_serial"], w["dan_judul"],
                                              names[-1]])
