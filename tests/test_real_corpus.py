"""The checker on real agreements (tests/real): texts published by regional governments,
procurement offices, companies and apps, built into Word (and some into PDF) paragraph by
paragraph and labelled by reading them. Precision and recall per clause are asserted here and
shown in the README; rebuild with tests/real/make_real.py, score with tests/real/evaluate.py.
"""

import functools
import re
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "real"))
from evaluate import entries, evaluate, table  # noqa: E402

from pkgen.checks import check_path  # noqa: E402

REAL = ROOT / "tests" / "real"


@functools.cache
def checked(path):
    """The checker's report on ``path``, made once for the tests below (PDFs are slow to
    read, and each is compared with its Word file and scored with the corpus)."""
    return check_path(path)


@pytest.fixture(scope="module")
def docx_result():
    return evaluate("docx", checked)


def test_every_text_has_its_source_labels_and_document():
    for entry in entries():
        assert entry["sumber"], entry["nama"]
        assert entry["jenis_dokumen"] in ("pks", "ksb", "loi")
        assert (REAL / "texts" / f"{entry['nama']}.txt").exists()
        assert (REAL / "docx" / f"{entry['nama']}.docx").exists()
        assert (REAL / "pdf" / f"{entry['nama']}.pdf").exists() == bool(entry.get("pdf"))


def test_every_missing_mandatory_clause_is_reported(docx_result):
    assert docx_result.missed_missing == []


def test_no_error_for_a_mandatory_clause_that_is_there(docx_result):
    assert docx_result.false_errors == []


def test_kind_is_right_on_every_document(docx_result):
    assert docx_result.kinds_wrong == []


def test_present_clauses_are_recognised(docx_result):
    assert docx_result.recall >= 0.95


def test_readme_shows_the_measured_figures(docx_result):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert table(docx_result) in readme
    assert re.search(rf"\*\*{docx_result.recall * 100:.1f} %\*\* of the present clauses", readme)


@pytest.mark.parametrize("name", sorted(e["nama"] for e in entries() if e.get("pdf")))
def test_a_pdf_gets_the_same_verdicts_as_its_word_file(name):
    word, pdf = checked(REAL / "docx" / f"{name}.docx"), checked(REAL / "pdf" / f"{name}.pdf")
    assert pdf.kind == word.kind
    assert [(c.id, c.status) for c in pdf.clauses] == [(c.id, c.status) for c in word.clauses]
    assert (sorted((f.rule.id, f.clause) for f in pdf.findings)
            == sorted((f.rule.id, f.clause) for f in word.findings))
    pages = [c.location.halaman for c in pdf.clauses if c.location]
    assert pages and all(pages)  # locations by page


def test_pdf_scores_like_word():
    result = evaluate("pdf", checked)
    assert result.documents >= 4
    assert result.missed_missing == [] and result.false_errors == [] and result.kinds_wrong == []
