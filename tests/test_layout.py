"""The printed page, measured: drafts with 2 to 5 parties on A4 and F4 are converted by
LibreOffice and read with word positions, as a legal section reads the printout.

Each party's signature column must read, top to bottom and word for word, label, office, the
meterai space, name and NIP (a word broken by the column would show as two fragments); the NIP
stands on one line; signatories side by side share their baselines; the signing space is at
least 3 cm; a lone last signatory is centred; the block sits on the page of the PENUTUP's last
paragraph however the text before it falls; no body text reaches the paraf boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
import yaml
from conftest import EXAMPLES

from pkgen import formatting as fmt
from pkgen.inputs import load_agreement
from pkgen.render import render_draft, write_atomic

pytestmark = pytest.mark.libreoffice

CM = 72 / 2.54
LABELS = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"]
#: Long names and offices, the kind that broke mid-word in narrow columns.
SIGNATORIES = [
    ("Ir. Rudi Hartono Wibisono, M.Kom.",
     "Kepala Dinas Komunikasi dan Informatika Kota Mojokerto", "19740203 200003 1 002"),
    ("Dra. Sri Wahyuningsih Rahayu, M.AP.",
     "Kepala Dinas Komunikasi dan Informatika Kabupaten Mojokerto", "19690918 199403 2 006"),
    ("Dr. Ir. Kusumawardhani Setyaningrum, S.T., M.Sc.",
     "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Probolinggo",
     "19750814 200212 2 003"),
    ("Moh. Ilham Prasetyo, S.Kom., M.T.",
     "Kepala Dinas Komunikasi dan Informatika Kabupaten Jombang", "19800611 200501 1 009"),
    ("drg. Rina Wati Kusumaningtyas, M.Kes.",
     "Kepala Dinas Komunikasi dan Informatika Kabupaten Sidoarjo", "19780321 200604 2 011"),
]
FILLER = ("PARA PIHAK melaksanakan ketentuan teknis yang disepakati dalam rapat koordinasi "
          "dan mencatatnya dalam berita acara yang ditandatangani oleh pejabat yang ditunjuk.")
#: Numbers of LAIN-LAIN paragraphs that move the closing across a page break.
SWEEP = range(0, 16, 2)


def agreement_text(parties: int, paper: str, filler: int) -> str:
    """The three-party example grown or cut to ``parties`` parties, as typed text."""
    data = yaml.load((EXAMPLES / "pks-spbe-mojokerto-jombang.yaml").read_text("utf-8"),
                     Loader=yaml.BaseLoader)  # every scalar kept as the text typed
    template = data["pihak"][1]
    data["pihak"] = []
    for i, (name, office, nip) in enumerate(SIGNATORIES[:parties]):
        data["pihak"].append({
            **template, "nama": f"Pemerintah Daerah {i + 1}", "nomor": f"555/{i + 1}/2021",
            "penandatangan": {"nama": name, "jabatan": office, "nip": nip},
            "persetujuan_dprd": {**template["persetujuan_dprd"], "nomor": f"172/{i + 1}/2021"},
        })
    data["ksb"]["nomor"] = [f"180/{i + 1}/2020" for i in range(parties)]
    source = data["pembiayaan"]["sumber"][0]
    data["pembiayaan"]["sumber"] = [{**source, "pihak": str(i + 1)} for i in range(parties)]
    data["pembiayaan"]["jumlah"] = str(150_000_000 * parties)
    data["korespondensi"] = [{**data["korespondensi"][0], "pihak": str(i + 1)}
                             for i in range(parties)]
    data["kertas"] = paper
    data["lain_lain"] = [FILLER] * filler or None
    data["penutup"] = {"meterai": "Ya"}
    if not data["lain_lain"]:
        del data["lain_lain"]
    return yaml.dump(data, Dumper=_Plain, allow_unicode=True, sort_keys=False, width=10_000)


class _Plain(yaml.SafeDumper):
    """Writes a repeated value out each time (pkgen inputs refuse anchors and aliases)."""

    def ignore_aliases(self, data) -> bool:
        return True


@dataclass
class Word:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Printed:
    parties: int
    paper: str
    words: list[Word]
    boxes: dict[int, tuple[float, float, float, float]]  # page -> paraf box x0, x1, top, bottom
    title_middle: float | None  # None when the first page was not read


def read(pdf_path: Path, parties: int, paper: str, whole: bool = True) -> Printed:
    """The printed words and paraf boxes of every page; or, unless ``whole``, of the last
    pages only, read backwards until they hold the last "asli." and the last label over each
    signature column. The sweep's tests look at nothing else, and the last occurrence of a
    word in those pages is its last in the document, so they see what a whole read shows."""
    pages: dict[int, tuple[list[Word], tuple[float, float, float, float]]] = {}
    with pdfplumber.open(pdf_path) as pdf:
        numbers = range(1, len(pdf.pages) + 1)
        for number in numbers if whole else reversed(numbers):
            pages[number] = _read_page(pdf.pages[number - 1], number)
            if not whole and _holds_the_closing(
                    [w for n in sorted(pages) for w in pages[n][0]], parties):
                break
    words = [w for n in sorted(pages) for w in pages[n][0]]
    boxes = {n: box for n, (_words, box) in pages.items()}
    title = [w for w in words if w.page == 1 and w.text in ("PERJANJIAN", "SAMA")][:2]
    middle = (title[0].x0 + title[1].x1) / 2 if 1 in pages else None
    return Printed(parties, paper, words, boxes, middle)


def _read_page(page, number: int) -> tuple[list[Word], tuple[float, float, float, float]]:
    # LibreOffice writes underlined spaces on top of the letters of a name; words are told
    # apart by the gaps between letters instead.
    letters = page.filter(lambda o: o.get("object_type") != "char" or not o["text"].isspace())
    words = [Word(w["text"], number, w["x0"], w["x1"], w["top"], w["bottom"])
             for w in letters.extract_words(x_tolerance=1.5)]
    # the paraf boxes stand in the bottom margin (2.8 cm), below any meterai frame
    edges = [e for e in page.edges if e["top"] > page.height - 2.8 * CM]
    box = (min(e["x0"] for e in edges), max(e["x1"] for e in edges),
           min(e["top"] for e in edges), max(e["bottom"] for e in edges))
    return words, box


def _holds_the_closing(words: list[Word], parties: int) -> bool:
    pairs = list(zip(words, words[1:], strict=False))
    return any(w.text == "asli." for w in words) and all(
        any(a.text == "PIHAK" and b.text == f"{label}," and a.page == b.page
            for a, b in pairs) for label in LABELS[:parties])


@pytest.fixture(scope="module")
def printed(tmp_path_factory, to_pdf) -> dict[tuple[int, str, int], Printed]:
    """Every combination of parties and paper, and the filler sweep for 3 and 5 on A4 (of
    which only the closing pages are read: see :func:`read`)."""
    folder = tmp_path_factory.mktemp("layout")
    cases = [(n, paper, 0) for n in (2, 3, 4, 5) for paper in ("A4", "F4")]
    cases += [(n, "A4", f) for n in (3, 5) for f in SWEEP if f]
    drafts = []
    for n, paper, filler in cases:
        source = folder / f"pks-{n}-{paper}-{filler}.yaml"
        source.write_text(agreement_text(n, paper, filler), encoding="utf-8")
        draft = source.with_suffix(".docx")
        write_atomic(render_draft(load_agreement(source)).data, draft)
        drafts.append(draft)
    pdfs = to_pdf(drafts, folder)
    return {case: read(pdf, case[0], case[1], whole=case[2] == 0)
            for case, pdf in zip(cases, pdfs, strict=True)}


BASE = [(n, paper, 0) for n in (2, 3, 4, 5) for paper in ("A4", "F4")]
IDS = [f"{n}-pihak-{paper}" for n, paper, _ in BASE]


def tokens(text: str) -> list[str]:
    return text.split()  # splits at spaces and non-breaking spaces alike, as the PDF does


@dataclass
class Column:
    label: list[Word]
    office: list[Word]
    stamp: list[Word]
    name: list[Word]
    nip: list[Word]


def columns(doc: Printed) -> list[Column]:
    """Each party's signature column, read word by word below its label."""
    out = []
    for i, (name, office, nip) in enumerate(SIGNATORIES[:doc.parties]):
        label = _label(doc, LABELS[i])
        half = 3.75 * CM
        box_top = doc.boxes[label[0].page][2]
        inside = sorted((w for w in doc.words if w.page == label[0].page
                         and abs(w.middle - (label[0].x0 + label[1].x1) / 2) < half
                         and label[0].top - 1 <= w.top and w.bottom < box_top),
                        key=lambda w: (round(w.top), w.x0))
        expected = [tokens(f"PIHAK {LABELS[i]},"), tokens(office.upper()),
                    ["METERAI", "Rp10.000"], tokens(fmt.nama_kapital(name)),
                    tokens("NIP " + nip)]
        parts, start = [], 0
        for group in expected:
            parts.append(inside[start:start + len(group)])
            start += len(group)
        assert [[w.text for w in p] for p in parts] == expected, (doc.parties, doc.paper, i)
        out.append(Column(*parts))
    return out


def _label(doc: Printed, label: str) -> list[Word]:
    """The label over a signature column (the last "PIHAK X," of the document)."""
    for a, b in reversed(list(zip(doc.words, doc.words[1:], strict=False))):
        if a.text == "PIHAK" and b.text == f"{label}," and a.page == b.page:
            return [a, b]
    raise AssertionError(f"label PIHAK {label}, not printed")


@pytest.mark.parametrize("case", BASE, ids=IDS)
def test_every_signature_column_reads_whole_words_in_order(printed, case):
    doc = printed[case]
    assert len(columns(doc)) == doc.parties


@pytest.mark.parametrize("case", BASE, ids=IDS)
def test_every_nip_stands_on_one_line(printed, case):
    doc = printed[case]
    seen = 0
    for i, w in enumerate(doc.words):
        if w.text == "NIP":
            group = doc.words[i:i + 5]
            assert len({(g.page, round(g.top)) for g in group}) == 1, [g.text for g in group]
            seen += 1
    assert seen == 2 * doc.parties  # in the komparisi and under each signature


@pytest.mark.parametrize("case", BASE, ids=IDS)
def test_signatories_side_by_side_share_their_baselines(printed, case):
    cols = columns(printed[case])
    for left, right in zip(cols[0::2], cols[1::2], strict=False):
        for a, b in ((left.label, right.label), (left.name, right.name),
                     (left.nip, right.nip), (left.stamp, right.stamp)):
            assert abs(a[0].bottom - b[0].bottom) < 0.5
            assert a[0].page == b[0].page


@pytest.mark.parametrize("case", BASE, ids=IDS)
def test_signing_space_is_at_least_three_centimetres(printed, case):
    for col in columns(printed[case]):
        assert col.name[0].top - col.office[-1].bottom >= 3 * CM
        # the meterai frame stands inside the signing space, clear of office and name
        assert col.office[-1].bottom < col.stamp[0].top < col.stamp[-1].bottom < col.name[0].top


@pytest.mark.parametrize("case", [c for c in BASE if c[0] % 2], ids=[
    i for c, i in zip(BASE, IDS, strict=True) if c[0] % 2])
def test_a_lone_last_signatory_is_centred(printed, case):
    doc = printed[case]
    last = columns(doc)[-1]
    assert abs((last.label[0].x0 + last.label[-1].x1) / 2 - doc.title_middle) < 3


def _closing_page(doc: Printed) -> int:
    ends = [w for w in doc.words if w.text == "asli."]
    return ends[-1].page  # "... memegang paling sedikit 1 (satu) asli." ends the PENUTUP


@pytest.mark.parametrize("case", sorted(
    {c for c in BASE} | {(n, "A4", f) for n in (3, 5) for f in SWEEP}), ids=str)
def test_signature_block_stays_with_the_last_paragraph_of_the_penutup(printed, case):
    doc = printed[case]
    page = _closing_page(doc)
    for col in columns(doc):
        assert {w.page for w in col.label + col.name + col.nip} == {page}, case


def test_the_sweep_crosses_a_page_break(printed):
    for n in (3, 5):
        assert len({_closing_page(printed[(n, "A4", f)]) for f in SWEEP}) > 1


@pytest.mark.parametrize("case", BASE, ids=IDS)
def test_body_text_keeps_clear_of_the_paraf_boxes(printed, case):
    doc = printed[case]
    allowed = {"Paraf", "PIHAK", *LABELS}
    for page, (x0, x1, top, bottom) in doc.boxes.items():
        words = [w for w in doc.words if w.page == page]
        above = [w for w in words if w.bottom <= top]
        band = [w for w in words if w.bottom > top and w.top < bottom - 1]
        below = [w for w in words if w.top >= bottom - 1]
        assert above and max(w.bottom for w in above) <= top - 0.3 * CM, page
        assert all(x0 <= w.x0 and w.x1 <= x1 and w.text in allowed for w in band), page
        assert [w.text for w in below][:2] == ["Halaman", str(page)], page
