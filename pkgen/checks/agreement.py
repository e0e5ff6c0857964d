"""Check an input file (a loaded agreement): completeness where every part is known exactly."""

from __future__ import annotations

import re
from datetime import date

from ..inputs import Loaded, Loc, cell_for, key_text, line_for
from ..messages import Text, msg
from ..model import (
    Gap,
    Ksb,
    Pks,
    missing_parts,
    party_labels,
    same_party,
    term_end,
    term_start,
)
from ..model.fields import field_at
from .findings import ClauseStatus, Finding, Location, Report, Status
from .foreign import foreign_rules
from .rulebook import Rulebook
from .structure import PerRulebook, search_first

_LETTERS = re.compile(r"[^\W\d_]{3,}")


def check_agreement(loaded: Loaded, book: Rulebook) -> Report:
    """Check a loaded input against the rulebook's rules for its kind and jenis."""
    doc = loaded.document
    kind = doc.dokumen.lower()
    jenis = doc.jenis.value
    checker = _Checker(loaded, book, kind, jenis)
    statuses = checker.statuses()
    checker.clause_rules(statuses)
    checker.required_parts()
    checker.content_rules()
    return Report(str(loaded.path), kind, jenis, book, statuses, checker.findings)


class _Checker:
    def __init__(self, loaded: Loaded, book: Rulebook, kind: str, jenis: str) -> None:
        self.loaded, self.book, self.kind, self.jenis = loaded, book, kind, jenis
        self.doc = loaded.document
        self.findings: list[Finding] = []

    # --- helpers ---------------------------------------------------------------------------------

    def at(self, *loc: str | int) -> Location:
        cell = cell_for(loc, self.loaded.cells)
        return Location(key=key_text(loc), line=None if cell else line_for(loc, self.loaded.lines),
                        cell=cell)

    def written(self, key: str) -> Location | None:
        """Where a key left blank is written (a skeleton's ``objek:``), or None if absent."""
        if (key,) in self.loaded.lines or (key,) in self.loaded.cells:
            return self.at(key)
        return None

    def add(self, check: str, loc: Loc | None = None, clause: str | None = None,
            **params: object) -> None:
        where = self.at(*loc) if loc is not None else None
        for rule in self.book.rules(check, self.kind, self.jenis):
            self.findings.append(Finding(rule, clause, where, params))

    def real(self, text: str | None, min_words: int = 1) -> bool:
        """True if ``text`` says something: enough real words and no placeholder."""
        return text is not None and _says_something((text, min_words), self.book)

    def real_list(self, items: list[str] | None) -> bool:
        return items is not None and any(self.real(t) for t in items)

    # --- clauses ---------------------------------------------------------------------------------

    def statuses(self) -> list[ClauseStatus]:
        d = self.doc
        pks = isinstance(d, Pks)
        dispute = getattr(d, "penyelesaian_perselisihan", None)  # a letter of intent has none
        state: dict[str, tuple[Status, Loc]] = {
            "para_pihak": ("present", ("pihak",)),
            "objek": _status(d.objek, self.real(d.objek), ("objek",)),
            "ruang_lingkup": _status(d.ruang_lingkup, self.real_list(d.ruang_lingkup),
                                     ("ruang_lingkup",)),
            "maksud_tujuan": _status(d.maksud_tujuan, d.maksud_tujuan is not None and (
                self.real(d.maksud_tujuan.maksud) or self.real_list(d.maksud_tujuan.tujuan)),
                ("maksud_tujuan",)),
            "pembiayaan": _status(d.pembiayaan, True, ("pembiayaan",)),
            "jangka_waktu": _status(d.jangka_waktu, d.jangka_waktu is not None and (
                d.jangka_waktu.berakhir is not None or d.jangka_waktu.lama is not None),
                ("jangka_waktu",)),
            "perubahan": _status(d.perubahan, True, ("perubahan",)),
            "penutup": ("present", ("penutup",)),
            # the template writes the article from the languages the input declares
            "bahasa": _status(d.bahasa, d.bahasa is not None and d.bahasa.berlaku is not None,
                              ("bahasa",)),
            "penyelesaian_perselisihan": _status(
                dispute, dispute is not None and (dispute.forum is not None or not pks),
                ("penyelesaian_perselisihan",)),
        }
        if isinstance(d, Pks):
            state.update(self._pks_statuses(d))
        out = []
        for clause in self.book.klausul:
            if clause.id not in state and clause.id in type(d).model_fields:
                value = getattr(d, clause.id)  # an article of paragraphs (sanksi, a new one …)
                state[clause.id] = _status(value, self.real_list(value) if isinstance(
                    value, list) else value is not None, (clause.id,))
            status, loc = state.get(clause.id, ("missing", (clause.id,)))
            where = self.at(*loc) if status != "missing" else None
            out.append(ClauseStatus(clause.id, status, where))
        return out

    def _pks_statuses(self, d: Pks) -> dict[str, tuple[Status, Loc]]:
        """The statuses of the clauses only a PKS has."""
        state: dict[str, tuple[Status, Loc]] = {}
        given = [p for p in d.pihak if p.hak is not None or p.kewajiban is not None]
        state["hak_kewajiban"] = (
            "missing" if not given else "present" if any(
                self.real_list(p.hak) or self.real_list(p.kewajiban) for p in given)
            else "empty", ("pihak",))
        kahar = d.keadaan_kahar
        state["keadaan_kahar"] = _status(kahar, kahar is not None and self.real_list(
            kahar.peristiwa), ("keadaan_kahar",))
        end = d.pengakhiran
        state["pengakhiran"] = _status(end, end is not None and (  # no causes: the law's
            end.sebab is None or self.real_list(end.sebab)), ("pengakhiran",))
        state["korespondensi"] = _status(d.korespondensi, True, ("korespondensi",))
        return state

    def clause_rules(self, statuses: list[ClauseStatus]) -> None:
        by_id = {s.id: s for s in statuses}
        for rule in self.book.rules("klausul_wajib", self.kind, self.jenis):
            for clause in rule.klausul:
                if by_id[clause].status == "missing":
                    self.findings.append(Finding(rule, clause, self.written(clause)))
        for rule in self.book.rules("klausul_kosong", self.kind, self.jenis):
            for status in statuses:
                if status.status == "empty":
                    self.findings.append(Finding(rule, status.id, status.location))

    def required_parts(self) -> None:
        """Every part a complete agreement needs and this input lacks (``missing_parts``).

        A whole part that a clause rule of level error already reports missing is not
        reported twice; a weaker clause finding for it gives way to this one.
        """
        rules = self.book.rules("bagian_wajib", self.kind, self.jenis)
        labels = party_labels(self.doc)
        found: list[Finding] = []
        for gap in missing_parts(self.doc):
            whole = len(gap.loc) == 1 and gap.clause is not None
            covered = [f for f in self.findings if whole and f.clause == gap.clause
                       and f.rule.jenis_pemeriksaan == "klausul_wajib"]
            if any(f.severity == "error" for f in covered):
                continue
            self.findings = [f for f in self.findings if f not in covered]
            found += [Finding(rule, gap.clause, self.at(*gap.loc), self._gap_params(gap, labels))
                      for rule in rules]
        gapped = {f.clause for f in found}
        self.findings = [f for f in self.findings if not (
            f.rule.jenis_pemeriksaan == "klausul_kosong" and f.clause in gapped)]
        self.findings += sorted(found, key=lambda f: f.location.line or 0 if f.location else 0)

    def _gap_params(self, gap: Gap, labels: list[str]) -> dict[str, object]:
        info = field_at(type(self.doc), tuple(p for p in gap.loc if isinstance(p, str)))
        bagian = key_text(gap.loc)
        if gap.loc[0] == "pihak" and len(gap.loc) > 1:
            bagian += f" ({labels[int(gap.loc[1])]})"
        note: object = msg(gap.note) if gap.note else info.description or "" if info else ""
        return {"bagian": bagian, "keterangan": note}

    # --- content ---------------------------------------------------------------------------------

    def content_rules(self) -> None:
        d = self.doc
        labels = party_labels(d)
        if isinstance(d, Pks):
            self.ksb_link(d)
        self.term()
        self.forum()
        self.signatories(labels)
        self.heads_sign(labels)
        self.dprd(labels)
        self.amendments()
        self.stamp_duty()
        self.revoked()
        self.substance()
        foreign_rules(self)

    def ksb_link(self, d: Pks) -> None:
        if d.ksb is None:
            self.add("ksb_dirujuk")
            return
        ksb = self.loaded.ksb
        if ksb is not None:
            ours = {same_party(p.nama) for p in d.pihak if p.nama}
            theirs = {same_party(p.nama) for p in ksb.pihak if p.nama}
            if ours != theirs:
                detail = _set_difference(ours, theirs)
                self.add("pihak_sesuai_ksb", ("pihak",), rincian=detail)
        ksb_end = term_end(ksb) if ksb is not None else d.ksb.berakhir
        pks_end = term_end(d)
        if ksb_end and pks_end and pks_end > ksb_end:
            self.add("tidak_melampaui_ksb", ("jangka_waktu",), "jangka_waktu",
                     pks_berakhir=pks_end, ksb_berakhir=ksb_end)

    def term(self) -> None:
        t = self.doc.jangka_waktu
        if isinstance(self.doc, Ksb) and t is not None:
            start = term_start(self.doc)
            end = term_end(self.doc)
            months = None
            if t.lama is not None:
                months = t.lama.months
            elif start and end:
                months = (end.year - start.year) * 12 + end.month - start.month + (
                    1 if end.day >= start.day - 1 else 0)
            for rule in self.book.rules("jangka_ksb", self.kind, self.jenis):
                limit = rule.maks_tahun or 5
                if months is not None and months > limit * 12:
                    self.findings.append(Finding(rule, "jangka_waktu", self.at("jangka_waktu"), {
                        "tahun": str(months // 12) if months % 12 == 0 else
                        f"{months / 12:.1f}".replace(".", ","), "maks_tahun": limit}))

    def forum(self) -> None:
        dispute = getattr(self.doc, "penyelesaian_perselisihan", None)
        if dispute is None or dispute.forum is None:
            return
        for rule in self.book.rules("forum_perselisihan", self.kind, self.jenis):
            allowed = rule.forum.get(self.jenis)
            if allowed and dispute.forum not in allowed:
                self.findings.append(Finding(
                    rule, "penyelesaian_perselisihan",
                    self.at("penyelesaian_perselisihan", "forum"),
                    {"forum": dispute.forum, "jenis": self.jenis, "pilihan": ", ".join(allowed)}))

    def signatories(self, labels: list[str]) -> None:
        for rule in self.book.rules("surat_kuasa", self.kind, self.jenis):
            for i, p in enumerate(self.doc.pihak):
                jabatan = p.penandatangan.jabatan if p.penandatangan else None
                if not p.pemerintah or p.kewenangan.dasar == "surat_kuasa" or jabatan is None:
                    continue
                if any(rx.search(jabatan) for rx in rule.kepala_daerah):
                    continue
                self.findings.append(Finding(rule, None, self.at("pihak", i, "kewenangan"), {
                    "pihak": labels[i], "jabatan": jabatan}))

    def heads_sign(self, labels: list[str]) -> None:
        """A foreign cooperation is signed by the head of region, never under a power."""
        for rule in self.book.rules("penandatangan_kepala_daerah", self.kind, self.jenis):
            for i, p in enumerate(self.doc.pihak):
                jabatan = p.penandatangan.jabatan if p.penandatangan else None
                if not p.pemerintah or jabatan is None:
                    continue
                head = any(rx.search(jabatan) for rx in rule.kepala_daerah)
                if not head or p.kewenangan.dasar != "jabatan":
                    self.findings.append(Finding(rule, None, self.at("pihak", i, "penandatangan"),
                                                 {"pihak": labels[i], "jabatan": jabatan}))

    def amendments(self) -> None:
        """A regulation cited without the last amendment in force on the day of signing."""
        signed = self.doc.penandatanganan.tanggal if self.doc.penandatanganan else None
        day = signed or date.today()
        for rule in self.book.rules("perubahan_terakhir", self.kind, self.jenis):
            for i, text in enumerate(self.doc.dasar_hukum or []):
                for regulation in rule.perubahan:
                    if not regulation.pola.search(text):
                        continue
                    latest, cited = regulation.latest(day), regulation.cited(text)
                    if latest is None or (cited is not None and cited.berlaku >= latest.berlaku):
                        continue
                    self.findings.append(Finding(rule, None, self.at("dasar_hukum", i), {
                        "peraturan": regulation.nama, "tanggal": day, "terakhir": latest.nama,
                        "sejak": latest.berlaku,
                        "disebut": cited.nama if cited else msg("amendment_none"),
                    }, tingkat=None if latest.sifat == "hukum" else "warning"))

    def stamp_duty(self) -> None:
        if not self.doc.penutup.meterai:
            self.add("bea_meterai", ("penutup", "meterai"), "penutup")

    def dprd(self, labels: list[str]) -> None:
        """DPRD approval: each region's own, where its share is not in the current APBD
        (KSDD, KSDPK), and always for every region in a foreign cooperation (KSDPL, KSDLL)."""
        if isinstance(self.doc, Ksb | Pks):
            for i, party in enumerate(self.doc.pihak):
                if party.pemerintah and party.persetujuan_dprd is None:
                    self.add("persetujuan_dprd_luar_negeri", ("pihak", i), None,
                             pihak=labels[i], nomor=i + 1)
        if not isinstance(self.doc, Pks):
            return
        sources = self.doc.pembiayaan.sumber or [] if self.doc.pembiayaan else []
        for i, source in enumerate(sources):
            if not source.pihak:
                continue
            party = self.doc.pihak[source.pihak - 1]
            if source.jenis == "APBD" and source.dalam_apbd_tahun_berjalan is False and \
                    party.persetujuan_dprd is None:
                self.add("persetujuan_dprd", ("pembiayaan", "sumber", i,
                                              "dalam_apbd_tahun_berjalan"), "pembiayaan",
                         pihak=labels[source.pihak - 1], nomor=source.pihak)

    def revoked(self) -> None:
        for rule in self.book.rules("peraturan_dicabut", self.kind, self.jenis):
            for i, text in enumerate(self.doc.dasar_hukum or []):
                for revoked in rule.dicabut:
                    if revoked.cited_as_current(text):
                        self.findings.append(Finding(rule, None, self.at("dasar_hukum", i), {
                            "nama": revoked.nama, "pengganti": revoked.pengganti}))

    def substance(self) -> None:
        for rule in self.book.rules("isi_bermakna", self.kind, self.jenis):
            for loc, text, min_words in self.texts(rule.min_kata or 2):
                if not self.real(text, min_words):
                    self.findings.append(Finding(rule, None, self.at(*loc), {
                        "bagian": key_text(loc), "teks": text[:60]}))

    def texts(self, paragraph_words: int) -> list[tuple[Loc, str, int]]:
        """Every free text of the agreement with the words it needs to be substantive."""
        d = self.doc
        out: list[tuple[Loc, str, int]] = []
        if d.tentang is not None:
            out.append((("tentang",), d.tentang, 1))

        def items(loc: Loc, values: list[str] | None) -> None:
            for i, text in enumerate(values or []):
                out.append(((*loc, i), text, 1))

        if d.objek is not None:
            out.append((("objek",), d.objek, paragraph_words))
        if d.maksud_tujuan is not None:
            if d.maksud_tujuan.maksud is not None:
                out.append((("maksud_tujuan", "maksud"), d.maksud_tujuan.maksud,
                            paragraph_words))
            items(("maksud_tujuan", "tujuan"), d.maksud_tujuan.tujuan)
        items(("ruang_lingkup",), d.ruang_lingkup)
        items(("dasar_hukum",), d.dasar_hukum)
        if isinstance(d, Pks):
            for i, p in enumerate(d.pihak):
                items(("pihak", i, "hak"), p.hak)
                items(("pihak", i, "kewajiban"), p.kewajiban)
            if d.keadaan_kahar is not None:
                items(("keadaan_kahar", "peristiwa"), d.keadaan_kahar.peristiwa)
            if d.pengakhiran is not None:
                items(("pengakhiran", "sebab"), d.pengakhiran.sebab)
            for name in ("pelaksanaan", "sanksi", "monitoring_evaluasi"):
                items((name,), getattr(d, name))
        return out


def _real(text_words: tuple[str, int], book: Rulebook) -> bool:
    """True if the text says something: at least so many real words, and no placeholder."""
    text, min_words = text_words
    if search_first(_placeholders(None, book), text):
        return False
    words = _LETTERS.finditer(text)  # as many as needed, not all of them
    return all(next(words, None) for _ in range(min_words))


_says_something = PerRulebook(_real)  # the same texts come again in a register's inputs


def _placeholder_patterns(_key: None, book: Rulebook) -> tuple[re.Pattern, ...]:
    """The patterns of the rulebook's blanks left to fill in (``isian``)."""
    return tuple(p for r in book.aturan if r.jenis_pemeriksaan == "pola" and r.isian
                 for p in r.pola)


_placeholders = PerRulebook(_placeholder_patterns)


def _status(value: object, substantive: bool, loc: Loc) -> tuple[Status, Loc]:
    if value is None:
        return "missing", loc
    return ("present" if substantive else "empty"), loc



def _set_difference(ours: set[str], theirs: set[str]) -> list[Text]:
    extra, missing = sorted(ours - theirs), sorted(theirs - ours)
    return ([msg("ksb_parties_extra", names=", ".join(extra))] if extra else []) + (
        [msg("ksb_parties_missing", names=", ".join(missing))] if missing else [])
