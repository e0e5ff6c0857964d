"""Domain facts of an agreement (labels, term), the parts a complete one still lacks, and
the references between its parts that must hold."""

from __future__ import annotations

import datetime as dt
import functools
import typing
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .. import formatting as fmt
from .document import KEYS, Agreement, Loc, Pks
from .parts import FORUM_NAME_EXAMPLE, Kewenangan
from .types import Jenis

#: Cooperation with a party abroad: a regional government (KSDPL) or an institution (KSDLL).
FOREIGN = (Jenis.KSDPL, Jenis.KSDLL)

# --- domain facts -------------------------------------------------------------------------------

def kinds_of(doc: Agreement) -> tuple[str, str]:
    """The kinds a document is, most specific first: ('pks_ksdd', 'pks')."""
    dokumen = doc.dokumen.lower()
    return f"{dokumen}_{doc.jenis.value.lower()}", dokumen


def party_labels(doc: Agreement, lang: str = "id") -> list[str]:
    """'PIHAK PERTAMA', 'PIHAK KEDUA', … (or PIHAK KESATU, …) in party order; in English
    'FIRST PARTY', 'SECOND PARTY', …; in Korean '제1당사자', '제2당사자', …."""
    if lang == "ko":
        return [f"제{i + 1}당사자" for i in range(len(doc.pihak))]
    if lang == "en":
        return [f"{fmt.ordinal(i + 1, 'en')} PARTY" for i in range(len(doc.pihak))]
    word = fmt.ordinal_kesatu if doc.label_pihak == "KESATU" else fmt.ordinal
    return [f"PIHAK {word(i + 1)}" for i in range(len(doc.pihak))]


def foreign(doc: Agreement) -> bool:
    """True for a cooperation with a party abroad (KSDPL, KSDLL)."""
    return doc.jenis in FOREIGN


def languages(doc: Agreement) -> list[str]:
    """The languages of the text, Indonesian first: as declared (``bahasa.naskah``), else
    Indonesian and English for a foreign cooperation and Indonesian alone otherwise."""
    declared = doc.bahasa.naskah if doc.bahasa and doc.bahasa.naskah else None
    found = declared or (["id", "en"] if foreign(doc) else ["id"])
    return ["id", *[code for code in found if code != "id"]]


def same_party(name: str) -> str:
    """A party's name as compared between documents: case and spacing do not matter."""
    return " ".join(name.upper().split())


def term_start(doc: Agreement) -> dt.date | None:
    """The first day of the term: its start date, else the date of signing, else None."""
    signed = doc.penandatanganan.tanggal if doc.penandatanganan else None
    return (doc.jangka_waktu.mulai if doc.jangka_waktu else None) or signed


def term_end(doc: Agreement) -> dt.date | None:
    """The last day of the term, or None if unknown (no term, or a duration from no date)."""
    term = doc.jangka_waktu
    if term is None:
        return None
    if term.berakhir is not None:
        return term.berakhir
    start = term_start(doc)
    if start is None or term.lama is None:
        return None
    return start + relativedelta(months=term.lama.months) - dt.timedelta(days=1)


# --- what a complete agreement needs ------------------------------------------------------------

@dataclass(frozen=True)
class Gap:
    """A part a complete agreement needs and this one lacks: where, and which clause it is."""

    loc: Loc
    clause: str | None
    note: str | None = None  # a message code saying what is needed, when the key alone does not


#: The clause of each top-level part, so that a missing clause is reported once.
CLAUSE_OF = {
    "pihak": "para_pihak", "maksud_tujuan": "maksud_tujuan", "objek": "objek",
    "ruang_lingkup": "ruang_lingkup", "pembiayaan": "pembiayaan", "jangka_waktu": "jangka_waktu",
    "keadaan_kahar": "keadaan_kahar", "penyelesaian_perselisihan": "penyelesaian_perselisihan",
    "pengakhiran": "pengakhiran", "korespondensi": "korespondensi", "bahasa": "bahasa",
}


def is_required(info: FieldInfo) -> bool:
    """True for a field marked as a part a complete agreement needs."""
    extra = info.json_schema_extra
    return isinstance(extra, dict) and bool(extra.get("wajib"))


def missing_parts(doc: Agreement) -> list[Gap]:
    """Every part a complete agreement needs and ``doc`` lacks, in document order.

    The ``wajib`` fields, and what depends on other values: an end date or a duration; the
    number and date of a surat kuasa, akta or keputusan (and who gave a surat kuasa); the party
    whose APBD is used; a description of a LAINNYA source; a PKS's dispute forum and the name
    of a forum that has one; the KSB's number, date, subject and end when written inline.
    """
    gaps: list[Gap] = []
    _walk(doc, (), gaps)
    gaps += _conditional_gaps(doc)
    return sorted(gaps, key=lambda g: KEYS.index(str(g.loc[0])))


def _walk(model: BaseModel, loc: Loc, gaps: list[Gap]) -> None:
    for name, required in _fields(type(model)):
        value = getattr(model, name)
        if value is None:
            if required:
                here = (*loc, name)
                gaps.append(Gap(here, _clause(here)))
        elif isinstance(value, BaseModel):
            _walk(value, (*loc, name), gaps)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _walk(item, (*loc, name, i), gaps)


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``model`` a gap can be in: each a complete agreement needs, or that can
    hold a part (or a list of parts) that has one; and whether it is needed itself."""
    return tuple((name, is_required(info)) for name, info in model.model_fields.items()
                 if is_required(info) or _holds_parts(info.annotation))


def _holds_parts(annotation: object) -> bool:
    """True if a field of this type can hold a model (in a list, a union …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_parts(arg) for arg in typing.get_args(annotation))


def _clause(loc: Loc) -> str | None:
    if loc[0] == "pihak" and loc[-1] in ("hak", "kewajiban"):
        return "hak_kewajiban"
    return CLAUSE_OF.get(str(loc[0]))


def _conditional_gaps(doc: Agreement) -> list[Gap]:
    gaps: list[Gap] = []
    term = doc.jangka_waktu
    if term is not None and term.berakhir is None and term.lama is None:
        gaps.append(Gap(("jangka_waktu", "berakhir"), "jangka_waktu", "gap_end_or_length"))
    for i, party in enumerate(doc.pihak):
        gaps += _authority_gaps(party.kewenangan, ("pihak", i, "kewenangan"))
    gaps += _foreign_gaps(doc)
    for i, source in enumerate(doc.pembiayaan.sumber or [] if doc.pembiayaan else []):
        here = ("pembiayaan", "sumber", i)
        if source.jenis == "APBD" and source.pihak is None:
            gaps.append(Gap((*here, "pihak"), "pembiayaan", "gap_apbd_party"))
        if source.dalam_apbd_tahun_berjalan is False and source.tahun_anggaran is None:
            gaps.append(Gap((*here, "tahun_anggaran"), "pembiayaan", "gap_budget_year"))
        if source.jenis == "LAINNYA" and source.keterangan is None:
            gaps.append(Gap((*here, "keterangan"), "pembiayaan", "gap_other_source"))
    dispute = getattr(doc, "penyelesaian_perselisihan", None)
    if dispute is not None:
        if isinstance(doc, Pks) and dispute.forum is None:
            gaps.append(Gap(("penyelesaian_perselisihan", "forum"), "penyelesaian_perselisihan"))
        example = FORUM_NAME_EXAMPLE.get(dispute.forum or "")
        if example and dispute.nama_forum is None:
            gaps.append(Gap(("penyelesaian_perselisihan", "nama_forum"),
                            "penyelesaian_perselisihan", "gap_forum_name"))
    if isinstance(doc, Pks) and doc.ksb is not None and doc.ksb.berkas is None:
        for name in ("nomor", "tanggal", "tentang", "berakhir"):
            if getattr(doc.ksb, name) is None:
                gaps.append(Gap(("ksb", name), None, "gap_ksb_inline"))
    return gaps


def _foreign_gaps(doc: Agreement) -> list[Gap]:
    """A foreign cooperation names its languages, and each foreign party its country."""
    if not foreign(doc):
        return []
    gaps = [Gap(("bahasa",), "bahasa", "gap_languages")] if doc.bahasa is None else []
    return gaps + [Gap(("pihak", i, "negara"), "para_pihak", "gap_country")
                   for i, p in enumerate(doc.pihak) if p.asing and p.negara is None]


def _authority_gaps(authority: Kewenangan, loc: Loc) -> list[Gap]:
    if authority.dasar == "jabatan":
        return []
    needed = ["nomor", "tanggal"] + {"surat_kuasa": ["pemberi"], "akta": ["notaris"]}.get(
        authority.dasar, [])
    return [Gap((*loc, name), "para_pihak") for name in needed
            if getattr(authority, name) is None]


# --- references between parts -------------------------------------------------------------------

def consistency_problems(doc: Agreement) -> list[tuple[Loc, str, dict[str, object]]]:
    """Return references between parts that do not hold, as (key path, code, params).

    Checked: party numbers used in pembiayaan and korespondensi exist, the KSB gives one
    number per party, there are at least as many originals as parties, and the term does not
    end before it starts (the start defaults to the signing date).
    """
    problems: list[tuple[Loc, str, dict[str, object]]] = []
    count = len(doc.pihak)
    numbered: list[tuple[Loc, int | None]] = [
        (("pembiayaan", "sumber", i, "pihak"), s.pihak)
        for i, s in enumerate(doc.pembiayaan.sumber or [] if doc.pembiayaan else [])]
    if isinstance(doc, Pks):
        numbered += [(("korespondensi", i, "pihak"), k.pihak)
                     for i, k in enumerate(doc.korespondensi or [])]
        if doc.ksb is not None and doc.ksb.nomor is not None and len(doc.ksb.nomor) != count:
            problems.append((("ksb", "nomor"), "ksb_nomor_count",
                             {"count": len(doc.ksb.nomor), "parties": count}))
    problems += [(loc, "party_index", {"value": n, "count": count})
                 for loc, n in numbered if n is not None and n > count]
    if doc.penutup.rangkap is not None and doc.penutup.rangkap < count:
        problems.append((("penutup", "rangkap"), "penutup_rangkap",
                         {"rangkap": doc.penutup.rangkap, "parties": count}))
    term, start = doc.jangka_waktu, term_start(doc)
    if term and term.mulai is None and start and term.berakhir and term.berakhir < start:
        problems.append((("jangka_waktu", "berakhir"), "end_before_start",
                         {"start": start.isoformat(), "end": term.berakhir.isoformat()}))
    return problems
