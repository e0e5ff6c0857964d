"""The rekap as tables in the reader's language, one per view: the summary, all agreements,
the alerts, per OPD, per jenis and the evaluations. The workbook, the HTML page and the
Markdown all write these tables, so they show the same rows and the same words.

A cell holds text, a whole number, a date or None (empty). A column's ``kind`` says how it is
shown: ``text``, ``long`` (wrapped), ``int``, ``date`` or ``status`` (coloured by status).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..messages import message
from .assess import STATUSES, Rekap, Row
from .facts import Evaluation
from .summary import Tally, by_jenis, by_opd, evaluation_rows, latest, status_counts

#: A cell: text, a whole number, a date, or None.
Cell = object
#: Each status's fill and text colour, the same in the workbook, the page and the charts.
COLOURS = {
    "draf": ("DDEBF7", "1F4E79"), "berlaku": ("C6EFCE", "006100"),
    "segera_berakhir": ("FFEB9C", "9C5700"), "berakhir": ("E7E6E6", "3A3838"),
    "diakhiri": ("D9D2E9", "3F3151"), "tidak_terbaca": ("FFC7CE", "9C0006"),
}


@dataclass(frozen=True)
class Column:
    """A column: its heading, how its cells are shown, its width in characters."""

    title: str
    kind: str = "text"
    width: int = 14


@dataclass(frozen=True)
class Chart:
    """A bar chart of a view: the categories in ``label`` and the values in ``value``
    (column indices) for the rows ``first`` to ``last`` (from 0)."""

    title: str
    label: int
    value: int
    first: int
    last: int


@dataclass(frozen=True)
class View:
    """One table of the rekap (a sheet of the workbook, a section of the page)."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    chart: Chart | None = None


def status_word(status: str, lang: str) -> str:
    """The status as the reader reads it: 'segera berakhir', 'ending soon'."""
    return message(f"rekap_status_{status}", lang)


def views(rekap: Rekap, lang: str) -> list[View]:
    """Every view of the rekap, in the order the workbook and the page show them."""
    return [summary_view(rekap, lang), all_view(rekap, lang), alerts_view(rekap, lang),
            tally_view(rekap, lang, "opd"), tally_view(rekap, lang, "jenis"),
            evaluation_view(rekap, lang)]


def _columns(lang: str, *specs: tuple[str, str, int]) -> tuple[Column, ...]:
    return tuple(Column(message(f"rekap_col_{name}", lang), kind, width)
                 for name, kind, width in specs)


def summary_view(rekap: Rekap, lang: str) -> View:
    """How many agreements have each status, how many each alert was raised on, the total."""
    counts = status_counts(rekap)
    rows: list[tuple[Cell, ...]] = [(status_word(s, lang), counts[s]) for s in STATUSES]
    for alert in rekap.rules.peringatan:
        rows.append((message(f"rekap_alert_{alert.jenis_peringatan}", lang),
                     sum(1 for r in rekap.raised if r.alert.id == alert.id)))
    rows.append((message("rekap_total", lang), len(rekap.rows)))
    return View("ringkasan", message("rekap_view_summary", lang),
                _columns(lang, ("uraian", "text", 48), ("jumlah", "int", 10)), rows,
                Chart(message("rekap_chart_status", lang), 0, 1, 0, len(STATUSES) - 1))


def all_view(rekap: Rekap, lang: str) -> View:
    """One row per agreement of the register."""
    columns = _columns(
        lang, ("no", "int", 5), ("berkas", "text", 30), ("dokumen", "text", 9),
        ("jenis", "text", 9), ("tentang", "long", 40), ("pihak", "long", 36),
        ("opd", "text", 28), ("nomor", "long", 26), ("ditandatangani", "date", 13),
        ("mulai", "date", 12), ("berakhir", "date", 12), ("sisa_bulan", "int", 9),
        ("ksb_diikuti", "text", 28), ("pks_mengikuti", "long", 28), ("dprd", "long", 26),
        ("pemeriksaan", "text", 18), ("status", "status", 15), ("peringatan", "long", 34),
        ("evaluasi", "text", 22), ("catatan", "long", 40))
    titles = {a.id: message(f"rekap_alert_{a.jenis_peringatan}", lang)
              for a in rekap.rules.peringatan}
    rows = [_agreement(n, row, lang, titles) for n, row in enumerate(rekap.rows, 1)]
    return View("semua", message("rekap_view_all", lang), columns, rows)


def _agreement(n: int, row: Row, lang: str, titles: dict[str, str]) -> tuple[Cell, ...]:
    f = row.facts
    last = latest(row)
    return (
        n, f.path, f.dokumen, f.jenis, f.tentang,
        "; ".join(p.nama or "" for p in f.parties) or None, row.opd,
        "; ".join(p.nomor for p in f.parties if p.nomor) or None,
        f.signed, f.start, f.end, row.months_left,
        f.ksb or f.ksb_cited, ", ".join(row.followers) or None, _dprd(row, lang),
        _verdict(row, lang) if f.loaded else message("rekap_verdict_unreadable", lang),
        status_word(row.status, lang), "; ".join(titles[a] for a in row.alerts) or None,
        _evaluated(last, lang) if last else None, _note(row, lang))


def _verdict(row: Row, lang: str) -> str:
    f = row.facts
    if f.errors:
        return message("rekap_verdict_errors", lang, jumlah=f.errors)
    if f.warnings:
        return message("rekap_verdict_warnings", lang, jumlah=f.warnings)
    return message("rekap_verdict_ok", lang)


def _dprd(row: Row, lang: str) -> str | None:
    given = [f"{p.nama}: {p.dprd}" for p in row.facts.parties if p.dprd]
    missing = [n.party or "" for n in row.facts.findings
               if n.check in ("persetujuan_dprd", "persetujuan_dprd_luar_negeri")]
    if missing:
        given.append(message("rekap_dprd_missing", lang, pihak=", ".join(missing)))
    return "; ".join(given) or None


def _evaluated(entry: Evaluation, lang: str) -> str:
    how = message(f"rekap_pelaksanaan_{entry.pelaksanaan}", lang) if entry.pelaksanaan else "—"
    return f"{how} ({entry.periode})" if entry.periode else how


def _note(row: Row, lang: str) -> str | None:
    f = row.facts
    notes = [p[lang] for p in f.problems]
    if f.terminated and f.termination:
        notes.append(message("rekap_note_terminated_why", lang, tanggal=f.terminated,
                             alasan=f.termination))
    elif f.terminated:
        notes.append(message("rekap_note_terminated", lang, tanggal=f.terminated))
    if f.extends:
        notes.append(message("rekap_note_extends", lang, berkas=f.extends))
    if row.extended_by:
        notes.append(message("rekap_note_extended", lang, berkas=", ".join(row.extended_by)))
    return "; ".join(notes) or None


def alerts_view(rekap: Rekap, lang: str) -> View:
    """One row per alert raised, alert by alert in the rulebook's order."""
    columns = _columns(
        lang, ("peringatan", "text", 30), ("berkas", "text", 30), ("dokumen", "text", 9),
        ("jenis", "text", 8), ("tentang", "long", 36), ("opd", "text", 26),
        ("status", "status", 15), ("alasan", "long", 60), ("dasar", "long", 30))
    order = {a.id: i for i, a in enumerate(rekap.rules.peringatan)}
    rows: list[tuple[Cell, ...]] = []
    for raised in sorted(rekap.raised, key=lambda r: (order[r.alert.id], r.path)):
        row = rekap.row(raised.path)
        f, alert = row.facts, raised.alert
        rows.append((message(f"rekap_alert_{alert.jenis_peringatan}", lang), f.path, f.dokumen,
                     f.jenis, f.tentang, row.opd, status_word(row.status, lang),
                     raised.reason.say(lang), alert.dasar.text(lang) if alert.dasar else None))
    return View("peringatan", message("rekap_view_alerts", lang), columns, rows)


def tally_view(rekap: Rekap, lang: str, by: str) -> View:
    """Per OPD (``by`` 'opd', with the evaluations) or per jenis ('jenis')."""
    tallies = by_opd(rekap) if by == "opd" else by_jenis(rekap)
    specs = [(by, "text", 34 if by == "opd" else 10), ("jumlah", "int", 8), ("ksb", "int", 6),
             ("pks", "int", 6)]
    columns = _columns(lang, *specs) + tuple(
        Column(status_word(s, lang), "int", 10) for s in STATUSES)
    columns += _columns(lang, ("dengan_peringatan", "int", 12))
    if by == "opd":
        columns += _columns(lang, ("tidak_berjalan", "int", 10), ("sebagian", "int", 10),
                            ("belum_dievaluasi", "int", 11), ("jatuh_tempo", "int", 11),
                            ("kendala", "long", 60))
    rows = [_tally(t, by, lang) for t in tallies]
    chart = Chart(message(f"rekap_chart_{by}", lang), 0, 1, 0, len(rows) - 1) if rows else None
    return View(by, message(f"rekap_view_{by}", lang), columns, rows, chart)


def _tally(t: Tally, by: str, lang: str) -> tuple[Cell, ...]:
    name = t.name or message("rekap_no_opd" if by == "opd" else "rekap_unknown", lang)
    cells: tuple[Cell, ...] = (name, t.total, t.ksb, t.pks,
                               *[t.statuses[s] for s in STATUSES], t.alerted)
    if by == "opd":
        cells += (t.not_carried_out, t.partly, t.unevaluated, t.due,
                  "\n".join(t.problems) or None)
    return cells


def evaluation_view(rekap: Rekap, lang: str) -> View:
    """One row per evaluation entered, with whether its follow-up is due."""
    columns = _columns(
        lang, ("berkas", "text", 30), ("tentang", "long", 32), ("opd", "text", 26),
        ("status", "status", 15), ("periode", "text", 16), ("pelaksanaan", "text", 15),
        ("realisasi", "long", 36), ("kendala", "long", 36), ("tindak_lanjut", "long", 36),
        ("batas", "date", 12), ("selesai", "text", 9), ("jatuh_tempo", "text", 11))
    yes, no = message("rekap_yes", lang), message("rekap_no", lang)
    rows: list[tuple[Cell, ...]] = []
    for e in evaluation_rows(rekap):
        f, entry = e.row.facts, e.entry
        rows.append((f.path, f.tentang, e.row.opd, status_word(e.row.status, lang),
                     entry.periode, message(f"rekap_pelaksanaan_{entry.pelaksanaan}", lang)
                     if entry.pelaksanaan else None, entry.realisasi, entry.kendala,
                     entry.tindak_lanjut, entry.batas,
                     None if entry.selesai is None else yes if entry.selesai else no,
                     yes if e.due else None))
    return View("evaluasi", message("rekap_view_evaluation", lang), columns, rows)


def shown(value: Cell, lang: str) -> str:
    """A cell as text (Markdown, HTML): a date as the workbook shows it (30/06/2025;
    2025-06-30 in English), None as ''."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat() if lang == "en" else value.strftime("%d/%m/%Y")
    return str(value)
