"""The register summarised for the meeting: per OPD, per jenis, per status, and the
evaluations of how each agreement is carried out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..model import JENIS
from .assess import ACTIVE, STATUSES, Rekap, Row
from .facts import Evaluation


@dataclass(frozen=True)
class Tally:
    """The agreements of one OPD or one jenis (``name`` None: none named, or unreadable)."""

    name: str | None
    total: int
    ksb: int
    pks: int
    statuses: dict[str, int]
    alerted: int  # agreements with at least one alert
    not_carried_out: int  # the latest evaluation says tidak_berjalan
    partly: int  # the latest evaluation says sebagian
    unevaluated: int  # in force and never evaluated
    due: int  # follow-ups due
    problems: tuple[str, ...]  # the problems the latest evaluations name: "subject: problem"


@dataclass(frozen=True)
class EvaluationRow:
    """One evaluation of one agreement, and whether its follow-up is due."""

    row: Row
    entry: Evaluation
    latest: bool
    due: bool


def latest(row: Row) -> Evaluation | None:
    """The agreement's latest evaluation (the last one listed), or None."""
    return row.facts.evaluations[-1] if row.facts.evaluations else None


def follow_up_due(entry: Evaluation, per: dt.date, days: int) -> bool:
    """True when a follow-up not done has a deadline within ``days`` of ``per``, or past."""
    return entry.selesai is not True and entry.batas is not None and \
        entry.batas <= per + dt.timedelta(days=days)


def evaluation_rows(rekap: Rekap) -> list[EvaluationRow]:
    """Every evaluation of every agreement, in register order."""
    days = rekap.rules.tindak_lanjut_hari
    return [EvaluationRow(row, entry, i == len(row.facts.evaluations) - 1,
                          follow_up_due(entry, rekap.per, days))
            for row in rekap.rows for i, entry in enumerate(row.facts.evaluations)]


def status_counts(rekap: Rekap) -> dict[str, int]:
    """How many agreements have each status (every status, zero included)."""
    return {s: sum(1 for r in rekap.rows if r.status == s) for s in STATUSES}


def by_opd(rekap: Rekap) -> list[Tally]:
    """One tally per OPD, by name, the agreements naming none last."""
    return _tallies(rekap, lambda r: r.opd, sorted({r.opd for r in rekap.rows if r.opd}))


def by_jenis(rekap: Rekap) -> list[Tally]:
    """One tally per jenis present, in the order of the law; unreadable inputs last."""
    present = {r.facts.jenis for r in rekap.rows}
    return _tallies(rekap, lambda r: r.facts.jenis, [j for j in JENIS if j in present])


def _tallies(rekap: Rekap, key: Callable[[Row], str | None], names: list[str]) -> list[Tally]:
    groups: dict[str | None, list[Row]] = {name: [] for name in names}
    for row in rekap.rows:
        groups.setdefault(key(row), []).append(row)
    return [_tally(name, rows, rekap) for name, rows in groups.items() if rows]


def _tally(name: str | None, rows: list[Row], rekap: Rekap) -> Tally:
    last = [(row, latest(row)) for row in rows]
    days = rekap.rules.tindak_lanjut_hari
    return Tally(
        name, len(rows),
        sum(1 for r in rows if r.facts.dokumen == "KSB"),
        sum(1 for r in rows if r.facts.dokumen == "PKS"),
        {s: sum(1 for r in rows if r.status == s) for s in STATUSES},
        sum(1 for r in rows if r.alerts),
        sum(1 for _r, e in last if e is not None and e.pelaksanaan == "tidak_berjalan"),
        sum(1 for _r, e in last if e is not None and e.pelaksanaan == "sebagian"),
        sum(1 for r, e in last if e is None and r.status in ACTIVE),
        sum(1 for r in rows for e in r.facts.evaluations
            if follow_up_due(e, rekap.per, days)),
        tuple(f"{r.facts.tentang or r.facts.path}: {e.kendala}" for r, e in last
              if e is not None and e.kendala))
