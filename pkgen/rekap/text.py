"""The rekap as Markdown (for the repository) and as JSON (for programs)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict

from ..messages import message
from .assess import Rekap, Row
from .summary import Tally, by_jenis, by_opd, follow_up_due, status_counts
from .views import View, shown, views


def markdown(rekap: Rekap, lang: str = "id") -> str:
    """Every view of ``rekap`` as a Markdown table under its heading."""
    out = [f"# {message('rekap_title', lang, tanggal=rekap.per)}", "",
           message("rekap_meta", lang, register=str(rekap.register), jumlah=len(rekap.rows)), ""]
    for view in views(rekap, lang):
        out += [f"## {view.title}", "", *_table(view, lang), ""]
    return "\n".join(out)


def _table(view: View, lang: str) -> list[str]:
    if not view.rows:
        return [message("rekap_none", lang)]
    lines = ["| " + " | ".join(_md(c.title) for c in view.columns) + " |",
             "|" + "|".join("---:" if c.kind == "int" else "---" for c in view.columns) + "|"]
    for row in view.rows:
        lines.append("| " + " | ".join(_md(shown(v, lang)) for v in row) + " |")
    return lines


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def to_json(rekap: Rekap, lang: str = "id") -> str:
    """The rekap for programs: every agreement with its facts, status and alerts, every
    alert raised with its reason (in ``lang``), and the tallies. Fields are only added."""
    days = rekap.rules.tindak_lanjut_hari
    data = {
        "register": str(rekap.register), "per": rekap.per.isoformat(),
        "segera_berakhir_bulan": rekap.rules.segera_berakhir_bulan,
        "agreements": [_agreement(row, rekap, days, lang) for row in rekap.rows],
        "alerts": [{"id": r.alert.id, "kind": r.alert.jenis_peringatan, "path": r.path,
                    "reason": r.reason.say(lang)} for r in rekap.raised],
        "by_status": status_counts(rekap),
        "by_opd": [_tally(t) for t in by_opd(rekap)],
        "by_jenis": [_tally(t) for t in by_jenis(rekap)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, default=_plain) + "\n"


def _agreement(row: Row, rekap: Rekap, days: int, lang: str) -> dict[str, object]:
    f = row.facts
    return {
        "path": f.path, "dokumen": f.dokumen, "jenis": f.jenis, "tentang": f.tentang,
        "parties": [asdict(p) for p in f.parties], "opd": row.opd, "signed": f.signed,
        "start": f.start, "end": f.end, "months_left": row.months_left, "ksb": f.ksb,
        "ksb_cited": f.ksb_cited, "ksb_end": f.ksb_end, "followers": list(row.followers),
        "extends": f.extends, "extended_by": list(row.extended_by),
        "terminated": f.terminated, "termination": f.termination,
        "central_approval": f.central,
        "verdict": {"errors": f.errors, "warnings": f.warnings} if f.loaded else None,
        "status": row.status, "alerts": list(row.alerts),
        "evaluations": [asdict(e) | {"due": follow_up_due(e, rekap.per, days)}
                        for e in f.evaluations],
        "findings": [{"rule": n.rule, "severity": n.severity, "message": n.text[lang]}
                     for n in f.findings],
        "problems": [p[lang] for p in f.problems],
    }


def _tally(tally: Tally) -> dict[str, object]:
    return asdict(tally) | {"problems": list(tally.problems)}


def _plain(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")
