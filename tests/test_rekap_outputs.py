"""The rekap's other outputs show what the workbook shows: the HTML page (its tables, its
charts, printed on A4 landscape), Markdown and JSON."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rekapkit import PER, make_register

from pkgen.rekap import STATUSES, make_rekap, markdown, page, to_json
from pkgen.rekap.views import shown, views


class Tables(HTMLParser):
    """The page's sections: each heading with the text of its table's cells, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[list[str]]] = {}
        self.classes: list[tuple[str, str]] = []
        self.current, self.heading, self.cell = "", False, None
        self.svgs = 0

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.heading, self.current = True, ""
        elif tag == "tr" and self.current:
            self.sections[self.current].append([])
        elif tag == "td":
            self.cell = ""
            self.css = dict(attrs).get("class", "")
        elif tag == "svg":
            self.svgs += 1

    def handle_endtag(self, tag):
        if tag == "h2":
            self.heading = False
            self.sections[self.current] = []
        elif tag == "td":
            self.sections[self.current][-1].append(self.cell)
            if self.css.startswith("s-"):
                self.classes.append((self.css, self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.heading:
            self.current += data
        elif self.cell is not None:
            self.cell += data


@pytest.fixture(scope="module")
def rekap(tmp_path_factory):
    return make_rekap(make_register(tmp_path_factory.mktemp("rekap")), PER)


@pytest.fixture(scope="module")
def html(rekap) -> str:
    return page(rekap, "id")


def test_the_page_has_the_workbook_s_tables(rekap, html):
    found = Tables()
    found.feed(html)
    expected = views(rekap, "id")
    assert list(found.sections) == [v.title for v in expected]
    for view in expected:
        rows = [r for r in found.sections[view.title] if r]  # the header row has no td
        assert rows == [[shown(v, "id") for v in row] for row in view.rows], view.title
    assert ("s-segera_berakhir", "segera berakhir") in found.classes
    assert ("s-tidak_terbaca", "tidak terbaca") in found.classes
    assert found.svgs == 3


def test_the_page_stands_alone_and_is_laid_out_for_a4_landscape(html):
    assert "@page { size: A4 landscape;" in html
    assert "thead { display: table-header-group; }" in html  # headers on every printed page
    assert "<script" not in html and "<link" not in html
    assert set(re.findall(r"https?://[^\"' ]+", html)) == {"http://www.w3.org/2000/svg"}
    assert "<title>Perjanjian menurut status</title>" in html
    assert 'lang="id"' in html and "Rekap kerja sama daerah per 30 Juni 2025" in html


def test_the_charts_draw_the_counts(rekap, html):
    status = html.split("<title>Perjanjian menurut status</title>", 1)[1].split("</svg>")[0]
    bars = re.findall(r'<rect x="215" y="[\d.]+" width="([\d.]+)"', status)
    counts = [3, 4, 3, 4, 1, 2]  # draf, berlaku, segera berakhir, berakhir, diakhiri, …
    assert len(bars) == len(STATUSES)
    widths = [float(w) for w in bars]
    assert [round(w / max(widths) * 4) for w in widths] == counts
    assert 'fill="#FFEB9C"' in status  # each status in its own colour


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium to print")
def test_the_page_prints_on_a4_landscape(html, tmp_path):
    source, pdf = tmp_path / "rekap.html", tmp_path / "rekap.pdf"
    source.write_text(html, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri()],
                   capture_output=True, timeout=120, check=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 6  # a page per table
    words = set(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout.split())
    # The charts' titles, the last column of each table, and words from its longest cells
    # (wrapped in their cells, not cut off at the page's edge).
    assert {"OPD", "Catatan", "Dasar", "Kendala", "(persetujuan_pusat)", "dibebaskan", "pailit",
            "Perbatasan", "(hukum)", "tempo"} - words == set()


def test_markdown_has_every_view(rekap):
    text = markdown(rekap, "en")
    assert text.startswith("# Register of regional cooperation agreements on 30 June 2025")
    for view in views(rekap, "en"):
        section = text.split(f"## {view.title}\n", 1)[1].split("\n## ", 1)[0]
        assert section.count("\n|") == len(view.rows) + 2, view.title  # header, rule, rows
    assert "| 2 | air/pks-air.yaml | PKS | KSDD |" in text


def test_json_for_programs(rekap, tmp_path):
    data = json.loads(to_json(rekap, "en"))
    assert data["per"] == "2025-06-30" and len(data["agreements"]) == 17
    by_path = {a["path"]: a for a in data["agreements"]}
    air = by_path["air/pks-air.yaml"]
    assert (air["status"], air["alerts"], air["ksb"], air["end"]) == (
        "draf", ["error-findings", "pks-outlives-ksb", "draft-unsigned"], "air/ksb-air.yaml",
        "2026-12-31")
    assert by_path["rusak.yaml"]["status"] == "tidak_terbaca"
    assert by_path["rusak.yaml"]["problems"][0].endswith(
        "the brackets [ ] or { } around this line («») are not closed properly. Close them, "
        "or quote a value that starts with [ or {.")
    evaluation = by_path["pks-pasar-dprd.yaml"]["evaluations"][1]
    assert evaluation["batas"] == "2025-07-15" and evaluation["due"] is True
    assert data["by_status"] == {"draf": 3, "berlaku": 4, "segera_berakhir": 3, "berakhir": 4,
                                 "diakhiri": 1, "tidak_terbaca": 2}
    assert [a["id"] for a in data["alerts"]].count("ksb-without-pks") == 2
    assert {a["name"] for a in data["by_opd"]} >= {"Dinas Lingkungan Hidup", None}


def test_a_register_without_inputs(tmp_path):
    empty = make_rekap(tmp_path, PER)
    assert empty.rows == [] and empty.raised == []
    assert "Tidak ada." in markdown(empty, "id") and "<svg" in page(empty, "id")
    assert json.loads(to_json(empty, "id"))["agreements"] == []


def test_html_and_markdown_keep_text_as_typed(tmp_path):
    from rekapkit import PKS_TPA, data, write

    pks = data(PKS_TPA)
    pks["tentang"] = "Sampah <b>B3</b> & | pipa"
    write(tmp_path / "pks.yaml", pks)
    shutil.copy(Path(PKS_TPA).with_name("ksb-tpa-kota-kab-mojokerto.yaml"), tmp_path)
    rekap = make_rekap(tmp_path, PER)
    assert "Sampah &lt;b&gt;B3&lt;/b&gt; &amp; | pipa" in page(rekap, "id")
    assert "Sampah <b>B3</b> & \\| pipa" in markdown(rekap, "id")
