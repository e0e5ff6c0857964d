"""Score the checker against the hand labels of the real-agreement corpus.

``python tests/real/evaluate.py`` prints precision and recall per clause, kind detection and
the mandatory-clause verdicts; ``tests/test_real_corpus.py`` asserts the same figures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from pkgen.checks import check_path, load_rulebook  # noqa: E402


@dataclass
class Score:
    """Counts for one clause over the corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Result:
    """The checker's verdicts on the whole corpus, against the labels."""

    scores: dict[str, Score]
    kinds_wrong: list[str] = field(default_factory=list)
    missed_missing: list[str] = field(default_factory=list)  # mandatory, absent, not reported
    false_errors: list[str] = field(default_factory=list)  # mandatory, present, reported
    documents: int = 0

    @property
    def recall(self) -> float:
        tp = sum(s.tp for s in self.scores.values())
        return tp / (tp + sum(s.fn for s in self.scores.values()))


def entries() -> list[dict]:
    """The corpus entries of corpus.yaml."""
    return yaml.safe_load((HERE / "corpus.yaml").read_text(encoding="utf-8"))["dokumen"]


def evaluate(suffix: str = "docx", check: Callable = check_path) -> Result:
    """Check every document of the corpus (as .docx or, with ``suffix='pdf'``, its PDFs) with
    ``check`` (the checker's :func:`check_path`, or one that remembers its reports)."""
    ids = [c.id for c in load_rulebook().klausul]
    result = Result({i: Score() for i in ids})
    for entry in entries():
        path = HERE / suffix / f"{entry['nama']}.{suffix}"
        if not path.exists():
            continue
        result.documents += 1
        report = check(path)
        if report.kind != entry["jenis_dokumen"]:
            result.kinds_wrong.append(entry["nama"])
        found = {c.id for c in report.clauses if c.status == "present"}
        labelled = set(entry["ada"])
        for clause in ids:
            score = result.scores[clause]
            score.tp += clause in found and clause in labelled
            score.fp += clause in found and clause not in labelled
            score.fn += clause not in found and clause in labelled
        mandatory = [r for r in load_rulebook().rules("klausul_wajib", entry["jenis_dokumen"],
                                                      report.jenis) if r.tingkat == "error"]
        required = {c for r in mandatory for c in r.klausul}
        reported = {f.clause for f in report.findings if f.rule in mandatory}
        name = entry["nama"]
        result.missed_missing += [f"{name}:{c}" for c in required - labelled - reported]
        result.false_errors += [f"{name}:{c}" for c in required & labelled & reported]
    return result


def table(result: Result) -> str:
    """The per-clause table in Markdown, as the README shows it."""
    lines = ["| clause | present (labelled) | found | precision | recall |",
             "|---|---|---|---|---|"]
    for clause, s in result.scores.items():
        def pct(value: float | None) -> str:
            return "—" if value is None else f"{value * 100:.0f} %"
        lines.append(f"| `{clause}` | {s.tp + s.fn} | {s.tp + s.fp} | {pct(s.precision)} | "
                     f"{pct(s.recall)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    for suffix in ("docx", "pdf"):
        res = evaluate(suffix)
        print(f"## {suffix}: {res.documents} documents, recall of present clauses "
              f"{res.recall * 100:.1f} %")
        print(table(res))
        print("kinds wrong:", res.kinds_wrong)
        print("missing mandatory not reported:", res.missed_missing)
        print("errors for mandatory clauses that are there:", res.false_errors)
