"""The register on a given day: each agreement's status, and the alerts the rulebook asks for.

Statuses: ``draf`` (not signed yet: no date of signing, or a later one), ``berlaku`` (signed,
in force), ``segera_berakhir`` (in force, its term ending within the rulebook's months),
``berakhir`` (its term has ended), ``diakhiri`` (terminated early, as recorded), and
``tidak_terbaca`` for an input that cannot be loaded. Alerts look across the register (a KSB
and the PKS that follow it, an agreement and the one that extends it); each one raised carries
its reason as a message said in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateutil.relativedelta import relativedelta

from ..checks.rulebook import Alert, RegisterRules
from ..messages import Text, msg
from ..register import followers
from .facts import LANGS, Facts

STATUSES = ("draf", "berlaku", "segera_berakhir", "berakhir", "diakhiri", "tidak_terbaca")
UNREADABLE = "tidak_terbaca"
ACTIVE = ("berlaku", "segera_berakhir")  # signed and in force


@dataclass(frozen=True)
class Row:
    """One agreement of the register on the rekap's day."""

    facts: Facts
    status: str
    months_left: int | None  # whole months from the day to the end of the term
    opd: str | None  # the OPD responsible (a KSB without one: that of its first PKS)
    followers: tuple[str, ...] = ()  # the PKS that follow this KSB
    extended_by: tuple[str, ...] = ()  # the inputs that extend this agreement
    alerts: tuple[str, ...] = ()  # the ids of the alerts raised on it


@dataclass(frozen=True)
class Raised:
    """An alert raised on an agreement, with its reason."""

    alert: Alert
    path: str
    reason: Text


@dataclass
class Rekap:
    """The register on ``per``: every agreement and every alert raised, in path order."""

    register: Path
    per: dt.date
    rules: RegisterRules
    rows: list[Row]
    raised: list[Raised]
    _index: dict[str, Row] = field(default_factory=dict, repr=False, compare=False)

    def row(self, path: str) -> Row:
        """The row of the input at ``path`` (in the register)."""
        if len(self._index) != len(self.rows):
            self._index = {r.facts.path: r for r in self.rows}
        return self._index[path]


def assess(register: Path, facts: list[Facts], per: dt.date, rules: RegisterRules) -> Rekap:
    """Each agreement's status and the alerts of ``rules`` on ``per``."""
    following = followers(f.link for f in facts if f.loaded)
    extending: dict[str, list[str]] = {}
    for f in facts:
        if f.extends:
            extending.setdefault(f.extends, []).append(f.path)
    by_path = {f.path: f for f in facts}
    rows = []
    for f in facts:
        pks = following.get(f.path, [])
        opd = f.unit or next((by_path[p].unit for p in pks if by_path[p].unit), None)
        rows.append(Row(f, status_of(f, per, rules.segera_berakhir_bulan),
                        months_between(per, f.end) if f.end and f.end >= per else None, opd,
                        tuple(pks), tuple(extending.get(f.path, []))))
    rekap = Rekap(register, per, rules, rows, [])
    statuses = {r.facts.path: r.status for r in rows}
    for i, row in enumerate(rows):
        raised = [Raised(alert, row.facts.path, reason) for alert in rules.peringatan
                  if _applies(alert, row) and (reason := _reason(alert, row, statuses, per))]
        rekap.raised += raised
        rows[i] = replace(row, alerts=tuple(r.alert.id for r in raised))
    return rekap


def status_of(facts: Facts, per: dt.date, months: int) -> str:
    """The agreement's status on ``per``; ``months`` is how near its end counts as soon."""
    if not facts.loaded:
        return UNREADABLE
    if facts.terminated is not None and facts.terminated <= per:
        return "diakhiri"
    if facts.signed is None or facts.signed > per:
        return "draf"
    if facts.end is not None and facts.end < per:
        return "berakhir"
    if facts.end is not None and facts.end < per + relativedelta(months=months):
        return "segera_berakhir"
    return "berlaku"


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` comes first)."""
    span = relativedelta(end, start)
    return span.years * 12 + span.months


def _applies(alert: Alert, row: Row) -> bool:
    if alert.jenis_peringatan == "tidak_terbaca" or not row.facts.loaded:
        return alert.jenis_peringatan == "tidak_terbaca" and not row.facts.loaded
    f = row.facts
    return alert.berlaku.covers(f.dokumen or "", f.jenis or "", row.status)


def _reason(alert: Alert, row: Row, statuses: dict[str, str], per: dt.date) -> Text | None:
    return _REASONS[alert.jenis_peringatan](alert, row, statuses, per)


Reason = Callable[[Alert, Row, dict[str, str], dt.date], Text | None]


def _unreadable(_alert, row, _statuses, _per) -> Text:
    problems = row.facts.problems
    return msg("rekap_reason_unreadable", masalah={
        lang: "; ".join(p[lang] for p in problems) for lang in LANGS})


def _errors(_alert, row, _statuses, _per) -> Text | None:
    f = row.facts
    first = next((n for n in f.findings if n.severity == "error"), None)
    if not f.errors or first is None:
        return None
    return msg("rekap_reason_errors", jumlah=f.errors, pertama=first.text)


def _ksb_without_pks(_alert, row, _statuses, per) -> Text | None:
    f = row.facts
    if f.dokumen != "KSB" or row.followers:
        return None
    if f.signed is None or f.signed > per:
        return msg("rekap_reason_ksb_unsigned")
    return msg("rekap_reason_ksb_waiting", tanggal=f.signed, bulan=months_between(f.signed, per))


def _ksb_ending_pks_draft(_alert, row, statuses, _per) -> Text | None:
    drafts = [p for p in row.followers if statuses.get(p) == "draf"]
    if row.facts.dokumen != "KSB" or not drafts or row.facts.end is None:
        return None
    return msg("rekap_reason_ksb_ending", berakhir=row.facts.end, pks=", ".join(drafts))


def _outlives(_alert, row, _statuses, _per) -> Text | None:
    f = row.facts
    if f.dokumen != "PKS" or f.end is None or f.ksb_end is None or f.end <= f.ksb_end:
        return None
    return msg("rekap_reason_outlives", pks_berakhir=f.end, ksb_berakhir=f.ksb_end)


def _no_extension(_alert, row, _statuses, _per) -> Text | None:
    if row.extended_by or row.facts.end is None:
        return None
    return msg("rekap_reason_no_extension", berakhir=row.facts.end, bulan=row.months_left or 0)


def _draft_unsigned(alert, row, statuses, per) -> Text | None:
    f = row.facts
    if statuses.get(f.path) != "draf":
        return None
    since = [d for d in (f.start, f.ksb_signed) if d is not None]
    if not since or months_between(min(since), per) < (alert.bulan or 0):
        return None
    return msg("rekap_reason_draft", sejak=min(since), bulan=months_between(min(since), per))


def _dprd(_alert, row, _statuses, _per) -> Text | None:
    parties = [n.party or "" for n in row.facts.findings if n.check == "persetujuan_dprd"]
    return msg("rekap_reason_dprd", pihak=", ".join(parties)) if parties else None


def _foreign(_alert, row, _statuses, _per) -> Text | None:
    missing = [msg("rekap_missing_dprd", pihak=n.party or "") for n in row.facts.findings
               if n.check == "persetujuan_dprd_luar_negeri"]
    if row.facts.central is None:
        missing.append(msg("rekap_missing_central"))
    return msg("rekap_reason_foreign", kurang=missing) if missing else None


_REASONS: dict[str, Reason] = {
    "tidak_terbaca": _unreadable, "temuan_kesalahan": _errors,
    "ksb_tanpa_pks": _ksb_without_pks, "ksb_berakhir_pks_draf": _ksb_ending_pks_draft,
    "pks_melampaui_ksb": _outlives, "tanpa_perpanjangan": _no_extension,
    "draf_lama": _draft_unsigned, "persetujuan_dprd": _dprd,
    "persetujuan_luar_negeri": _foreign,
}
