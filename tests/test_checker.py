"""The clause checker on the corpus of hand-made agreements, on inputs and on bad files."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_FILES, EXAMPLES, PKS_TPA, PKS_WISATA, ROOT
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from pkgen.checks import check_path, load_rulebook
from pkgen.checks.structure import (
    PerRulebook,
    _alternatives,
    _first_start,
    _kind,
    _line,
    parse_structure,
)
from pkgen.cli import main
from pkgen.docx_text import Block, read_blocks
from pkgen.errors import DocumentError
from pkgen.inputs import load_agreement
from pkgen.lru import LRU
from pkgen.render import render_draft, write_atomic

CORPUS = ROOT / "tests" / "corpus"
REQUIRED = ["para_pihak", "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu",
            "keadaan_kahar", "penyelesaian_perselisihan", "pengakhiran"]
KSB_TPA = EXAMPLES / "ksb-tpa-kota-kab-mojokerto.yaml"


def statuses(report):
    return {c.id: c.status for c in report.clauses}


def rules(report, severity=None):
    return sorted(f.rule.id for f in report.findings
                  if severity is None or f.severity == severity)


# --- the corpus ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "gaya-dua-baris.docx", "gaya-romawi.docx", "gaya-satu-baris-sinonim.docx",
    "gaya-heading-word.docx", "dwibahasa-tabel.docx",
])
def test_every_heading_style_finds_the_required_clauses(name):
    report = check_path(CORPUS / name)
    assert report.kind == "pks"
    found = statuses(report)
    assert [c for c in REQUIRED if found[c] != "present"] == []
    assert rules(report, "error") == []
    assert rules(report, "warning") == []


def _with_paragraph(source: Path, old: str, new: str, target: Path) -> Path:
    doc = Document(str(source))
    for paragraph in doc.paragraphs:
        if old in paragraph.text:
            paragraph.text = paragraph.text.replace(old, new)
    doc.save(str(target))
    return target


def test_force_majeure_must_say_what_follows(tmp_path):
    silent = _with_paragraph(CORPUS / "gaya-romawi.docx", "; selama keadaan kahar, "
                             "kewajibannya ditangguhkan.", ".", tmp_path / "tanpa-akibat.docx")
    report = check_path(silent)
    assert "force-majeure-consequence" in rules(report, "error")
    found = [f for f in report.findings if f.rule.id == "force-majeure-consequence"][0]
    assert found.location.pasal == "Pasal 5"
    assert "force-majeure-consequence" not in rules(check_path(CORPUS / "gaya-romawi.docx"))


def test_sanctions_are_an_error_only_where_the_law_requires_them(edited):
    unknown = check_path(CORPUS / "dwibahasa-tabel.docx")  # the parties do not tell the kind
    assert unknown.jenis is None
    assert "sanksi" not in {f.clause for f in unknown.findings if f.severity == "error"}
    assert "advisory-sanctions" in rules(unknown, "info")
    text = PKS_WISATA.read_text(encoding="utf-8")
    block = text[text.index("sanksi:"):text.index("monitoring_evaluasi:")]
    report = check_path(edited(PKS_WISATA, block, ""))
    assert report.jenis == "KSDPK"
    assert [(f.rule.id, f.clause) for f in report.findings if f.severity == "error"] == [
        ("missing-clause-ksdpk", "sanksi")]
    [error] = [f for f in report.findings if f.severity == "error"]
    citation = error.rule.dasar.text("id")
    assert citation.startswith("PP 28/2018 Pasal 19 ayat (2) huruf a–d; UU 23/2014 Pasal 366")


def test_locations_name_the_article():
    report = check_path(CORPUS / "gaya-romawi.docx")
    where = {c.id: c.location.pasal for c in report.clauses if c.location}
    assert where["keadaan_kahar"] == "Pasal 5"
    assert where["pengakhiran"] == "Pasal 7"


def test_split_rights_and_obligations_and_combined_term_article():
    report = check_path(CORPUS / "gaya-heading-word.docx")
    where = {c.id: c.location.pasal for c in report.clauses if c.location}
    assert where["hak_kewajiban"] == "Hak Pihak Pertama"
    assert where["jangka_waktu"] == where["pengakhiran"] == (
        "Mulai Berlaku, Jangka Waktu dan Pengakhiran")


def test_bilingual_columns_are_one_article_each():
    report = check_path(CORPUS / "dwibahasa-tabel.docx")
    assert "numbering-gap" not in rules(report)
    where = {c.id: c.location.pasal for c in report.clauses if c.location}
    assert where["keadaan_kahar"] == "Pasal 5"


def test_clause_defined_inside_another_article_counts_a_passing_word_does_not():
    report = check_path(CORPUS / "kahar-dalam-lain-lain.docx")
    found = statuses(report)
    assert found["keadaan_kahar"] == "present"
    kahar = next(c for c in report.clauses if c.id == "keadaan_kahar")
    assert kahar.location.pasal == "Pasal 6"
    assert found["penyelesaian_perselisihan"] == "missing"
    missing = [f for f in report.findings if f.rule.id == "missing-clause"]
    assert [f.clause for f in missing] == ["penyelesaian_perselisihan"]
    assert report.has_errors


def test_structural_problems():
    report = check_path(CORPUS / "draf-bermasalah.docx")
    assert statuses(report)["keadaan_kahar"] == "empty"
    by_rule = {}
    for f in report.findings:
        by_rule.setdefault(f.rule.id, []).append(f)
    assert set(by_rule) >= {"empty-clause", "unrendered-tag", "placeholder",
                            "dangling-reference", "numbering-gap", "revoked-regulation",
                            "missing-clause"}
    assert by_rule["dangling-reference"][0].params == {"nomor": 17}
    assert by_rule["dangling-reference"][0].location.pasal == "Pasal 6"
    gap = by_rule["numbering-gap"][0].message(report.book, "id")
    assert "Pasal 3 terlewat" in gap and "Pasal 4 berulang" in gap
    texts = " ".join(str(f.params.get("teks")) for f in by_rule["placeholder"])
    assert "[NAMA PEJABAT]" in texts and "TODO" in texts and "...." in texts
    assert "PP 28/2018" in by_rule["revoked-regulation"][0].message(report.book, "id")


def test_headers_and_footers_are_read():
    report = check_path(CORPUS / "kepala-kaki.docx")
    parts = {f.rule.id: f.location.part for f in report.findings if f.severity != "info"}
    assert parts == {"unrendered-tag": "header", "placeholder": "footer"}


def test_a_ksb_is_not_asked_for_rights_and_obligations():
    report = check_path(CORPUS / "ksb-mou.docx")
    assert report.kind == "ksb"
    assert not report.has_errors
    assert statuses(report)["hak_kewajiban"] == "missing"


def test_kind_override():
    report = check_path(CORPUS / "ksb-mou.docx", kind="pks")
    missing = {f.clause for f in report.findings if f.rule.id.endswith("-clause")}
    assert {"hak_kewajiban", "keadaan_kahar"} <= missing


def test_clauses_list_every_canonical_clause():
    report = check_path(CORPUS / "ksb-mou.docx")
    assert [c.id for c in report.clauses] == [c.id for c in load_rulebook().klausul]
    assert len(report.clauses) == 18


# --- examples and drafts -------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_check_clean(path, tmp_path):
    assert check_path(path).findings == []
    draft = tmp_path / (path.stem + ".docx")
    write_atomic(render_draft(load_agreement(path)).data, draft)
    report = check_path(draft)
    assert report.findings == []
    assert report.kind == {"mou": "ksb"}.get(path.name[:3], path.name[:3])


def test_draft_against_its_ksb(tmp_path):
    drafts = {}
    for path in (PKS_TPA, KSB_TPA):
        drafts[path] = tmp_path / (path.stem + ".docx")
        write_atomic(render_draft(load_agreement(path)).data, drafts[path])
    report = check_path(drafts[PKS_TPA], ksb=drafts[KSB_TPA])
    gap = {f.clause for f in report.findings if f.rule.id == "ksb-gap"}
    assert gap == {"hak_kewajiban", "keadaan_kahar", "penyelesaian_perselisihan", "pengakhiran",
                   "sanksi"}
    assert not report.has_errors
    other = check_path(drafts[PKS_TPA], ksb=CORPUS / "ksb-mou.docx")
    conflicts = [f.message(other.book, "en") for f in other.findings
                 if f.rule.id == "ksb-mismatch"]
    assert conflicts == []  # the same KSB numbers and parties, written by hand
    wisata = check_path(PKS_WISATA, ksb=KSB_TPA)
    text = " ".join(f.message(wisata.book, "en") for f in wisata.findings
                    if f.rule.id == "ksb-mismatch")
    assert "KSB number 180/45/417.111/2019 is not cited" in text
    assert "the parties differ" in text
    assert "different jenis: PKS KSDPK, KSB KSDD" in text


# --- input rules ---------------------------------------------------------------------------

def _drop(text: str, start: str, end: str) -> tuple[str, str]:
    return text[text.index(start):text.index(end)], ""


@pytest.mark.parametrize(("change", "rule", "clause"), [
    (lambda t: _drop(t, "keadaan_kahar:", "penyelesaian_perselisihan:"), "practice-clause",
     "keadaan_kahar"),
    (lambda t: ("  batas_pemberitahuan_hari: 14\n", ""), "required-part",
     "keadaan_kahar"),
    (lambda t: _drop(t, "    kewajiban:\n      - mengangkut", "ksb:"), "required-part",
     "hak_kewajiban"),
    (lambda t: ("  berakhir: 2023-12-31", "  berakhir: 2025-12-31"), "outlives-ksb",
     "jangka_waktu"),
    (lambda t: ("      dasar: surat_kuasa\n      pemberi: Wali Kota Mojokerto\n      nomor: "
                "180/301/417.111/2020\n      tanggal: 2020-11-02\n", "      dasar: jabatan\n"),
     "surat-kuasa", None),
    (lambda t: ("  dalam_apbd_tahun_berjalan: true", "  dalam_apbd_tahun_berjalan: false"),
     "dprd-approval", "pembiayaan"),
    (lambda t: ("  - Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah",
                "  - Peraturan Pemerintah Nomor 50 Tahun 2007 tentang Tata Cara Pelaksanaan "
                "Kerja Sama Daerah"), "revoked-regulation", None),
    (lambda t: ("      - menolak sampah", "      - TODO\n      - menolak sampah"),
     "substantive", None),
    (lambda t: ("  mulai: 2021-01-01\n  berakhir: 2023-12-31\n", "  mulai: 2021-01-01\n"),
     "required-part", "jangka_waktu"),
    (lambda t: ("  forum: GUBERNUR\n  nama_forum: Gubernur Jawa Timur",
                "  forum: PENGADILAN_NEGERI\n  nama_forum: Pengadilan Negeri Mojokerto"),
     "dispute-forum-ksdd", "penyelesaian_perselisihan"),
], ids=["no-kahar", "kahar-deadline", "party-obligations", "outlives-ksb",
        "surat-kuasa", "dprd", "revoked", "placeholder", "term-end", "forum"])
def test_input_rules(edited, change, rule, clause):
    old, new = change(PKS_TPA.read_text())
    report = check_path(edited(PKS_TPA, old, new))
    errors = [(f.rule.id, f.clause) for f in report.findings if f.severity == "error"]
    assert (rule, clause) in errors, errors
    located = [f for f in report.findings if f.rule.id == rule][0].location
    assert rule.endswith("-clause") or located.line is not None


def test_ksb_must_be_cited(edited):
    report = check_path(edited(PKS_TPA, "ksb:\n  berkas: ksb-tpa-kota-kab-mojokerto.yaml\n", ""))
    assert "ksb-cited" in rules(report, "error")


def test_pks_parties_must_be_the_ksb_parties(edited):
    report = check_path(edited(PKS_TPA, "  - nama: Pemerintah Kabupaten Mojokerto",
                               "  - nama: Pemerintah Kabupaten Jombang"))
    finding = next(f for f in report.findings if f.rule.id == "ksb-parties")
    assert "PEMERINTAH KABUPATEN JOMBANG" in finding.message(report.book, "id")


def test_ksb_term_limit(edited):
    report = check_path(edited(KSB_TPA, "    tahun: 5", "    tahun: 6"))
    assert "ksb-term" in rules(report, "warning")
    assert not report.has_errors


def test_partial_input_from_an_opd_loads_and_is_reported(tmp_path):
    path = tmp_path / "opd.yaml"
    path.write_text(
        "dokumen: PKS\njenis: KSDD\ntentang: Kerja Sama Uji\npenandatanganan:\n"
        "  tempat: Mojokerto\npihak:\n"
        "  - nama: Pemerintah Kota Mojokerto\n    alamat: Jl. Gajah Mada 145\n"
        "    penandatangan: {nama: Budi, jabatan: Wali Kota Mojokerto}\n"
        "    hak: [menerima laporan pelaksanaan]\n"
        "  - nama: Pemerintah Kabupaten Mojokerto\n    alamat: Jl. A. Yani 16\n"
        "    penandatangan: {nama: Sari, jabatan: Bupati Mojokerto}\n")
    report = check_path(path)
    missing = {f.clause for f in report.findings
               if f.rule.id in ("missing-clause", "practice-clause")}
    assert missing == {"objek", "ruang_lingkup", "jangka_waktu", "keadaan_kahar",
                       "penyelesaian_perselisihan", "pengakhiran"}
    assert "ksb-cited" in rules(report)


# --- unreadable files ----------------------------------------------------------------------

def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(("make", "code"), [
    (lambda p: p.write_text("bukan dokumen Word"), "docx_not_zip"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "docx_old_doc"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64
                             + "EncryptedPackage".encode("utf-16-le")), "docx_encrypted"),
    (lambda p: p.write_bytes((CORPUS / "gaya-romawi.docx").read_bytes()[:3000]),
     "docx_truncated"),
    (lambda p: _zip(p, {"word/other.xml": b"<x/>"}), "docx_no_document"),
    (lambda p: _zip(p, {"word/document.xml": b"<a>" + b" " * (70 * 1024 * 1024) + b"</a>"}),
     "docx_too_large"),
    (lambda p: _zip(p, {"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x '
                        b'"x"><!ENTITY y "&x;&x;&x;">]><a>&y;</a>'}), "docx_bad_xml"),
    (lambda p: _zip(p, {"word/document.xml": b"<a><b></a>"}), "docx_bad_xml"),
], ids=["text", "doc", "encrypted", "truncated", "no-document", "zip-bomb", "entities",
        "bad-xml"])
def test_unreadable_files(tmp_path, make, code):
    path = tmp_path / "x.docx"
    make(path)
    with pytest.raises(DocumentError) as info:
        read_blocks(path)
    assert info.value.problems[0].code == code
    assert info.value.exit_code == 2


# --- command line --------------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_cli_exit_codes_and_text(tmp_path):
    ok = run("check", CORPUS / "gaya-dua-baris.docx")
    assert ok.exit_code == 0
    assert "OK — 0 kesalahan" in ok.stdout
    bad = run("check", CORPUS / "draf-bermasalah.docx", "--lang", "en")
    assert bad.exit_code == 1
    assert "INCOMPLETE" in bad.stdout and "dangling-reference" in bad.stdout
    assert "ERROR" in bad.stdout.split("WARNING")[0]  # errors are listed first
    assert bad.stdout.rstrip().splitlines()[-1].startswith(str(CORPUS))  # verdict last
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    unreadable = run("check", tmp_path / "old.doc")
    assert unreadable.exit_code == 2
    assert "berkas Word lama (.doc)" in unreadable.stderr


def test_cli_json_shape():
    result = run("check", CORPUS / "kahar-dalam-lain-lain.docx", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {"document", "kind", "jenis", "clauses", "findings"}
    assert data["kind"] == "pks" and data["jenis"] == "KSDD"
    assert len(data["clauses"]) == 18
    # fields are only ever added, never renamed or removed
    assert set(data["clauses"][0]) == {"id", "status", "location", "found_by", "confidence",
                                       "where", "candidate"}
    kahar = next(c for c in data["clauses"] if c["id"] == "keadaan_kahar")
    assert kahar["found_by"] == "definisi" and 0 < kahar["confidence"] <= 1
    assert kahar["where"]["pasal"] == "Pasal 6" and kahar["where"]["excerpt"]
    finding = data["findings"][0]
    assert set(finding) == {"rule", "severity", "clause", "message", "citation", "location",
                            "where", "candidate"}
    assert finding["severity"] == "error" and finding["clause"] == "penyelesaian_perselisihan"
    assert "(belum dipastikan)" in finding["citation"]


def test_cli_annotate(tmp_path):
    out = tmp_path / "catatan.docx"
    result = run("check", CORPUS / "draf-bermasalah.docx", "--annotate", out)
    assert result.exit_code == 1
    doc = Document(str(out))
    comments = list(doc.comments)
    assert len(comments) == len(check_path(CORPUS / "draf-bermasalah.docx").findings)
    assert any("Pasal 17" in c.text for c in comments)
    assert run("check", CORPUS / "draf-bermasalah.docx", "--annotate", out).exit_code == 2


def test_cli_annotate_needs_one_docx(tmp_path):
    result = run("check", PKS_TPA, "--annotate", tmp_path / "x.docx")
    assert result.exit_code == 2


def test_custom_rulebook_adds_a_synonym_without_code(tmp_path):
    doc = Document()
    for line in ["PERJANJIAN KERJA SAMA", "Pasal 1", "SELESAINYA PERJANJIAN",
                 "Hal ini disepakati PARA PIHAK bersama."]:
        doc.add_paragraph(line)
    doc.save(str(tmp_path / "x.docx"))
    assert dict((c.id, c.status) for c in check_path(tmp_path / "x.docx").clauses)[
        "pengakhiran"] == "missing"
    book = (ROOT / "pkgen" / "checks" / "rulebook.yaml").read_text()
    book = book.replace("judul: ['PENGAKHIRAN',",
                        "judul: ['SELESAINYA PERJANJIAN', 'PENGAKHIRAN',")
    (tmp_path / "rules.yaml").write_text(book)
    report = check_path(tmp_path / "x.docx", rules=tmp_path / "rules.yaml")
    assert statuses(report)["pengakhiran"] == "present"


def test_broken_rulebook_is_reported_with_its_line(tmp_path):
    book = (ROOT / "pkgen" / "checks" / "rulebook.yaml").read_text()
    (tmp_path / "rules.yaml").write_text(book.replace("tingkat: error", "tingkat: fatal", 1))
    result = run("check", CORPUS / "gaya-dua-baris.docx", "--rules", tmp_path / "rules.yaml")
    assert result.exit_code == 2
    assert "rules.yaml:" in result.stderr and "tingkat" in result.stderr


def test_render_refuses_incomplete_input_unless_allowed(tmp_path, edited):
    path = edited(PKS_TPA, *_drop(PKS_TPA.read_text(), "keadaan_kahar:",
                                  "penyelesaian_perselisihan:"))
    out = tmp_path / "drafts"
    refused = run("render", path, "-o", out)
    assert refused.exit_code == 1
    assert "PKS wajib memuat klausul keadaan kahar" in refused.stderr
    assert not out.exists()
    allowed = run("render", path, "-o", out, "--allow-incomplete")
    assert allowed.exit_code == 0
    draft = Document(str(out / path.with_suffix(".docx").name))
    assert draft.sections[0].header.paragraphs[0].text == "DRAF — BELUM LENGKAP"
    text = "\n".join(p.text for p in draft.paragraphs)
    assert "KEADAAN KAHAR" in text and "…………" in text
    report = check_path(out / path.with_suffix(".docx").name)
    assert "placeholder" in rules(report)


def test_annotated_copy_opens_in_python_docx(tmp_path):
    from pkgen.report import annotate

    report = check_path(CORPUS / "kepala-kaki.docx")
    data = annotate(CORPUS / "kepala-kaki.docx", report)
    assert len(list(Document(io.BytesIO(data)).comments)) == len(report.findings)


# --- real-agreement habits (see also tests/test_real_corpus.py) ----------------------------

def _docx(tmp_path, lines, name="x.docx"):
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(str(tmp_path / name))
    return tmp_path / name


def test_chapter_title_names_the_bare_article_after_it(tmp_path):
    report = check_path(_docx(tmp_path, [
        "PERJANJIAN KERJA SAMA", "Pasal 9", "JANGKA WAKTU", "Perjanjian ini berlaku 2 tahun.",
        "BAB V", "KEADAAN KAHAR (FORCE MAJEURE)", "Pasal 10",
        "(1) Para pihak dibebaskan dari kewajiban selama bencana alam berlangsung.",
        "(2) Dalam hal terjadi bencana, pihak yang terkena memberitahukan dalam 14 hari."]))
    kahar = next(c for c in report.clauses if c.id == "keadaan_kahar")
    assert kahar.status == "present" and kahar.via == "judul"
    assert kahar.location.pasal == "Pasal 10"
    waktu = next(c for c in report.clauses if c.id == "jangka_waktu")
    assert waktu.location.pasal == "Pasal 9"  # the chapter line is not swallowed by Pasal 9
    assert "untitled-article" not in rules(report)


def test_a_numbered_article_without_title_is_a_finding(tmp_path):
    report = check_path(_docx(tmp_path, [
        "PERJANJIAN KERJA SAMA", "Pasal 1", "PIHAK PERTAMA memberikan pekerjaan kepada PIHAK "
        "KEDUA.", "Pasal 2", "JANGKA WAKTU", "Berlaku 1 tahun."]))
    untitled = [f for f in report.findings if f.rule.id == "untitled-article"]
    assert [f.params["pasal"] for f in untitled] == ["Pasal 1"]
    assert untitled[0].severity == "warning"


@pytest.mark.parametrize(("title", "kind"), [
    ("NOTA KESEPAKATAN", "ksb"), ("PIAGAM KERJA SAMA", "ksb"), ("LETTER OF INTENT", "loi"),
    ("NOTA KESEPAHAMAN (MEMORANDUM OF UNDERSTANDING)", "ksb"), ("SURAT PERJANJIAN KERJA", "pks"),
    ("KONTRAK PENGADAAN BARANG", "pks"), ("SURAT PERINTAH KERJA (SPK)", "pks"),
    ("MEMORANDUM OF AGREEMENT", "pks"),
])
def test_kind_from_the_title(tmp_path, title, kind):
    assert check_path(_docx(tmp_path, [title, "ANTARA", "A", "DAN", "B"])).kind == kind


def _kind_phrase_by_phrase(head: str) -> str | None:
    """The kind as defined: every phrase searched, the first found (then the longest) wins."""
    detection = load_rulebook().detection
    hits = [(m.start(), -len(m.group(0)), kind)
            for kind, patterns in (("ksb", detection.ksb), ("pks", detection.pks),
                                   ("loi", detection.loi))
            for rx in patterns if (m := rx.search(head))]
    return min(hits)[2] if hits else None


_TITLE_WORDS = ["PERJANJIAN", "kesepakatan", "BERSAMA", "Memorandum", "OF", "agreement",
                "Understanding", "MoU", "xMOUx", "spk", "LETTER", "intent", "NOTA",
                "kesepahaman", "Declaration", "(", ")", "\n", "Pemerintah", "Kota",
                "Memorandum of Agreement", "MEMORANDUM OF UNDERSTANDING", "Letter of Intent",
                "Nota Kesepakatan", "Surat Perintah Kerja", "Implementing Arrangement"]


@given(st.lists(st.sampled_from(_TITLE_WORDS), max_size=14), st.sampled_from([" ", "", "\t"]))
def test_the_kind_is_the_phrase_found_first(words, separator):
    head = separator.join(words)
    assert _kind([Block(head, 1)], load_rulebook()) == _kind_phrase_by_phrase(head)


_LINES = ["Pasal 1", "PASAL 2 - KEADAAN KAHAR", "Pasal 3 berlaku.", "KEADAAN KAHAR",
          "Jangka Waktu", "BAB I", "BAB II KETENTUAN UMUM", "(1) Para Pihak sepakat.", "",
          "  ", "Article 3", "제4조(종료)", "Penutup", "1. Masa Berlaku"]


@given(st.lists(st.tuples(st.sampled_from(_LINES), st.booleans(), st.booleans()), max_size=25),
       st.randoms())
def test_a_line_reads_the_same_whatever_was_read_before(lines, random):
    """Each text is read once and kept (``_line``): what a paragraph's style or place adds
    (a Word heading, a table cell) is never kept with it."""
    book = load_rulebook()
    blocks = [Block(text, i, cell=(1, 1, i) if in_cell else None, heading=heading)
              for i, (text, heading, in_cell) in enumerate(lines, 1)]
    _line.cache_clear()
    cold = parse_structure(blocks, book)
    others = [Block(b.text, b.index, cell=None if b.cell else (2, 1, 1), heading=not b.heading)
              for b in blocks]
    random.shuffle(others)
    parse_structure(others, book)  # the same texts read with other styles, in another order
    assert parse_structure(blocks, book) == cold


def test_word_headings_with_the_same_words_as_a_paragraph():
    """The same words as a Word heading and as a plain paragraph: only the heading is an
    article (in a document without numbered articles), however often the words are read."""
    book = load_rulebook()
    blocks = [Block("KEADAAN KAHAR", 1, heading=True), Block("Dalam hal terjadi bencana.", 2),
              Block("KEADAAN KAHAR", 3), Block("PENUTUP", 4, heading=True)]
    for _ in range(2):
        structure = parse_structure(blocks, book)
        assert [a.heading.index for a in structure.articles] == [1, 4]
        assert [b.index for b in structure.articles[0].body] == [2, 3]


def test_kept_answers_are_given_in_order_and_worked_out_once_per_rulebook():
    asked: list[tuple[str, str]] = []

    def compute(key: str, book) -> str:
        asked.append((key, book.digest))
        return key.upper()

    kept = PerRulebook(compute)
    book = load_rulebook()
    assert kept.each(["a", "b", "a"], book) == ["A", "B", "A"]
    assert kept.each(["b", "c"], book) == ["B", "C"] and kept("a", book) == "A"
    assert asked == [("a", book.digest), ("b", book.digest), ("c", book.digest)]
    def under(digest: str):
        return book.model_copy(update={"digest": digest})

    assert kept.each(["a"], under("another")) == ["A"] and asked[-1] == ("a", "another")
    for digest in ("x", "y", "z", "w"):  # no more than a few rulebooks kept at once
        kept("a", under(digest))
    asked.clear()
    assert kept("a", book) == "A" and asked == [("a", book.digest)]
    assert kept("a", under("w")) == "A" and len(asked) == 1
    kept.each(["q", "q"], under(""))  # a rulebook made in code: nothing kept
    assert asked[-2:] == [("q", ""), ("q", "")]


def test_answers_asked_together_come_from_both_generations():
    lru: LRU[int] = LRU(16)
    for i in range(10):  # 0-7 pass to the old generation when the new one is half full
        lru.put(i, i * 10)
    assert lru.get_all([9, 0, 42, 3]) == [90, 0, None, 30]
    for i in range(10, 14):  # a generation passes: what was asked for since is kept
        lru.put(i, i * 10)
    assert lru.get_all([0, 3, 1, 2, 13]) == [0, 30, None, None, 130]


@pytest.mark.parametrize("patterns", [
    (re.compile(r"(a)\1"), re.compile("b")),  # a reference to a group: not joined
    (re.compile("a", re.IGNORECASE), re.compile("B")),  # flags that differ
    (re.compile("(?i)a"), re.compile("B")),  # a flag for the whole expression
])
def test_phrases_that_cannot_be_joined_are_searched_one_by_one(patterns):
    for text in ("xxBaAb aa", "zzz", "Ab", "aa"):
        expected = min((m.start() for p in patterns if (m := p.search(text))), default=None)
        assert _first_start(patterns, text) == expected
    assert _alternatives(patterns) is None


@pytest.mark.parametrize("blank", ["_NAMA_PERUSAHAAN_", "<JANGKA WAKTU PERJANJIAN>",
                                   "${nama}", "«Nama»"])
def test_blanks_of_other_tools_are_placeholders(tmp_path, blank):
    report = check_path(_docx(tmp_path, ["PERJANJIAN KERJA SAMA", f"Nama: {blank} selaku wakil"]))
    texts = [f.params["teks"] for f in report.findings if f.rule.id == "placeholder"]
    assert any(blank in t for t in texts), texts


def test_locations_name_article_ayat_and_first_words(tmp_path):
    report = check_path(_docx(tmp_path, [
        "PERJANJIAN KERJA SAMA",
        "Budi, selanjutnya disebut sebagai PIHAK PERTAMA; Sri, selanjutnya disebut sebagai "
        "PIHAK KEDUA.", "Pasal 9", "LAIN-LAIN", "(1) Hal lain diatur kemudian.",
        "(2) Dalam hal terjadi keadaan kahar, PARA PIHAK membahas perselisihan yang timbul.",
        "Pasal 10", "PENUTUP", "Perjanjian ini dibuat dalam rangkap 2 (dua)."]))
    by_id = {c.id: c for c in report.clauses}
    kahar = by_id["keadaan_kahar"]
    assert kahar.via == "definisi" and kahar.confidence == 0.75
    assert kahar.location.text("id") == ("Pasal 9 ayat (2), 'Dalam hal terjadi keadaan kahar, "
                                         "PARA …'")
    assert kahar.location.text("en").startswith("Article 9 paragraph (2), 'Dalam hal")
    assert by_id["para_pihak"].via == "definisi" and by_id["para_pihak"].location.pasal is None
    missing = next(f for f in report.findings if f.clause == "pengakhiran")
    assert missing.candidate is None or missing.candidate.pasal in ("Pasal 9", "Pasal 10")
    dispute = next(f for f in report.findings if f.clause == "penyelesaian_perselisihan")
    assert dispute.candidate.text("id").startswith("Pasal 9 ayat (2)")  # "perselisihan"


def test_text_report_shows_confidence_and_nearest_passage(tmp_path):
    path = _docx(tmp_path, ["PERJANJIAN KERJA SAMA", "Pasal 1", "LAIN-LAIN",
                            "Sengketa diselesaikan melalui mediasi.",
                            "Perselisihan dicatat oleh sekretariat bersama."])
    result = run("check", path)
    assert "ditemukan dari rumusan, keyakinan 85%" in result.stdout
    assert "bagian terdekat" in result.stdout
    data = json.loads(run("check", path, "--format", "json").stdout)
    finding = next(f for f in data["findings"] if f["clause"] == "pengakhiran")
    assert finding["candidate"] is None or finding["candidate"].startswith("Pasal 1")
    kahar = next(f for f in data["findings"] if f["clause"] == "keadaan_kahar")
    assert kahar["candidate"] is None


# --- the legal basis over time ---------------------------------------------------------------

OLD_CHAIN = ("kali diubah, terakhir dengan Undang-Undang Nomor 11 Tahun 2020 tentang Cipta Kerja",
             "kali diubah, terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan "
             "Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah")


def _amendment_findings(report):
    return [(f.severity, f.location.line) for f in report.findings
            if f.rule.id == "outdated-amendment"]


def test_a_citation_out_of_date_on_the_day_of_signing_is_an_error(edited):
    report = check_path(edited(PKS_TPA, *OLD_CHAIN))  # signed 16 November 2020
    assert _amendment_findings(report) == [("error", 57)]  # the list item
    [finding] = [f for f in report.findings if f.rule.id == "outdated-amendment"]
    message = finding.message(report.book, "id")
    assert "16 November 2020" in message and "Undang-Undang Nomor 11 Tahun 2020" in message
    assert "sejak 2 November 2020" in message and "Nomor 9 Tahun 2015" in message


def test_a_citation_current_on_the_day_of_signing_is_not_a_finding(edited):
    assert _amendment_findings(check_path(PKS_TPA)) == []
    # the KSB of 2019 rightly names UU 9/2015: UU 11/2020 came a year later
    assert _amendment_findings(check_path(KSB_TPA)) == []
    # signed before UU 11/2020 came into force, the old citation is still right
    early = edited(PKS_TPA, *OLD_CHAIN, "  tanggal: 2020-11-16", "  tanggal: 2020-10-30")
    assert _amendment_findings(check_path(early)) == []


def test_an_amendment_known_from_practice_only_is_a_warning(edited):
    report = check_path(edited(PKS_TPA, "  tanggal: 2020-11-16", "  tanggal: 2024-02-01"))
    assert _amendment_findings(report) == [("warning", 57)]


def test_a_citation_without_its_amendments_is_reported(edited):
    report = check_path(edited(
        PKS_TPA, "sebagaimana telah beberapa\n    kali diubah, terakhir dengan Undang-Undang "
                 "Nomor 11 Tahun 2020 tentang Cipta Kerja", ""))
    [finding] = [f for f in report.findings if f.rule.id == "outdated-amendment"]
    assert "tanpa perubahannya" in finding.message(report.book, "id")


def test_a_replaced_ministerial_regulation_is_a_warning(edited):
    report = check_path(edited(
        PKS_TPA, "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama "
                 "Daerah\n    dengan Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga",
        "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2009 tentang Petunjuk Teknis Tata Cara "
        "Kerja Sama Daerah"))
    found = [(f.rule.id, f.severity) for f in report.findings if "regulation" in f.rule.id]
    assert found == [("replaced-regulation", "warning")]
