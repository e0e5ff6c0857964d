"""The printed bilingual drafts, measured as tests/test_layout.py measures the others: each
foreign example on A4 and F4 is converted by LibreOffice and read with word positions.

On the signature page the two signatories' names stand in one row, the NIP stays on one line,
the signature block stands on the page of the PENUTUP's last paragraph in both languages, and
the two columns of text keep to their halves of the page."""

from __future__ import annotations

import pytest
import yaml
from conftest import EXAMPLES
from test_layout import CM, Word, tokens

from pkgen import formatting as fmt
from pkgen.inputs import load_agreement
from pkgen.render import render_draft, write_atomic

pytestmark = pytest.mark.libreoffice

EXAMPLES_ = {"loi": "loi-pariwisata-mojokerto-australia-barat.yaml",
             "mou": "mou-spbe-mojokerto-gyeongsangnam.yaml",
             "ia": "pks-pariwisata-mojokerto-universitas-luar-negeri.yaml"}
CASES = [(name, paper) for name in EXAMPLES_ for paper in ("A4", "F4")]


@pytest.fixture(scope="module")
def printed(tmp_path_factory, to_pdf):
    import pdfplumber

    folder = tmp_path_factory.mktemp("layout-foreign")
    drafts = []
    for name, paper in CASES:
        source = EXAMPLES / EXAMPLES_[name]
        text = source.read_text(encoding="utf-8")
        target = folder / f"{name}-{paper}.yaml"
        target.write_text(text.replace("\npenutup:", f"\nkertas: {paper}\npenutup:"),
                          encoding="utf-8")
        draft = target.with_suffix(".docx")
        write_atomic(render_draft(load_agreement(target)).data, draft)
        drafts.append(draft)
    out = {}
    for case, pdf in zip(CASES, to_pdf(drafts, folder), strict=True):
        words = []
        with pdfplumber.open(pdf) as doc:
            width = float(doc.pages[0].width)
            for number, page in enumerate(doc.pages, 1):
                letters = page.filter(lambda o: o.get("object_type") != "char"
                                      or not o["text"].isspace())
                words += [Word(w["text"], number, w["x0"], w["x1"], w["top"], w["bottom"])
                          for w in letters.extract_words(x_tolerance=1.5)]
        out[case] = (words, width)
    return out


def signatories(name):
    data = yaml.safe_load((EXAMPLES / EXAMPLES_[name]).read_text(encoding="utf-8"))
    return [(p["penandatangan"]["nama"], p["penandatangan"].get("nip")) for p in data["pihak"]]


def _find(words, phrase, last=True):
    """The words of ``phrase`` where they stand in sequence (the last occurrence). Words are
    read line by line across both columns, so a phrase that wraps is found by its start."""
    wanted = tokens(phrase)
    hits = [words[i:i + len(wanted)] for i in range(len(words) - len(wanted) + 1)
            if [w.text for w in words[i:i + len(wanted)]] == wanted]
    assert hits, phrase
    return hits[-1] if last else hits[0]


def _name(words, name):
    """The first two words of a signatory's name under the signature (its last occurrence)."""
    return _find(words, " ".join(tokens(fmt.nama_kapital(name))[:2]))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_the_signatories_names_stand_in_one_row(printed, case):
    words, _ = printed[case]
    names = [_name(words, name) for name, _nip in signatories(case[0])]
    assert len({(n[0].page, round(n[0].bottom)) for n in names}) == 1, names
    assert names[0][-1].x1 < names[1][0].x0  # side by side, first party on the left


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_the_block_stands_with_the_last_paragraph_of_the_penutup(printed, case):
    words, _ = printed[case]
    closing = {_find(words, "asli.")[0].page, _find(words, "original.")[0].page}
    names = {_name(words, name)[0].page for name, _ in signatories(case[0])}
    labels = {_find(words, label)[0].page for label in ("FIRST PARTY,", "SECOND PARTY,")}
    assert closing == names == labels, case


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_every_nip_stands_on_one_line(printed, case):
    words, _ = printed[case]
    seen = 0
    for i, w in enumerate(words):
        if w.text == "NIP":
            group = words[i:i + 5]
            assert len({(g.page, round(g.top)) for g in group}) == 1, [g.text for g in group]
            seen += 1
    assert seen == 2 * sum(1 for _n, nip in signatories(case[0]) if nip)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_each_language_keeps_to_its_column(printed, case):
    words, width = printed[case]
    middle = 11 * CM  # the left margin (3 cm) and the Indonesian column (8 cm)
    for phrase in ("Pasal 1", "MAKSUD DAN TUJUAN", "Pasal 2"):
        assert all(w.x1 < middle for w in _find(words, phrase, last=False)), phrase
    for phrase in ("Article 1", "PURPOSE AND OBJECTIVES", "Article 2"):
        assert all(middle < w.x0 < width for w in _find(words, phrase, last=False)), phrase
    left, right = _find(words, "Pasal 1", False)[0], _find(words, "Article 1", False)[0]
    assert (left.page, round(left.bottom)) == (right.page, round(right.bottom))
