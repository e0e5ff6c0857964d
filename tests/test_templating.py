"""Templates belong to a kind of document: the right template for each input, or a message."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, PKS_TPA, PKS_WISATA, make_template
from docx import Document

from pkgen import build as b
from pkgen.cli import main
from pkgen.docx_text import custom_properties, document_text
from pkgen.render import builtin_template, builtin_templates
from pkgen.templating import Given, declared_kinds

KSB = EXAMPLES / "ksb-tpa-kota-kab-mojokerto.yaml"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PKGEN_LANG", raising=False)
    for path in (PKS_TPA, PKS_WISATA, KSB):
        shutil.copy(path, tmp_path)
    edited = tmp_path / "edited-pks_ksdd.docx"
    shutil.copy(builtin_templates()["pks_ksdd"], edited)
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_built_in_templates_declare_their_kind():
    assert {name: declared_kinds(path) for name, path in builtin_templates().items()} == {
        "ksb": {"ksb"}, "pks_ksdd": {"pks_ksdd"}, "pks_ksdpk": {"pks_ksdpk"},
        "loi_luar_negeri": {"loi_ksdpl", "loi_ksdll"},
        "ksb_luar_negeri": {"ksb_ksdpl", "ksb_ksdll"},
        "pks_luar_negeri": {"pks_ksdpl", "pks_ksdll"},
        "loi_luar_negeri_ko": {"loi_ksdpl", "loi_ksdll"},
        "ksb_luar_negeri_ko": {"ksb_ksdpl", "ksb_ksdll"},
        "pks_luar_negeri_ko": {"pks_ksdpl", "pks_ksdll"}}


def test_each_kind_finds_its_built_in_template():
    found = {kind: builtin_template(kind).stem for kind in (
        "ksb_ksdd", "ksb_ksdpk", "ksb_ksdpl", "loi_ksdll", "pks_ksdd", "pks_ksdll")}
    assert found == {"ksb_ksdd": "ksb", "ksb_ksdpk": "ksb", "ksb_ksdpl": "ksb_luar_negeri",
                     "loi_ksdll": "loi_luar_negeri", "pks_ksdd": "pks_ksdd",
                     "pks_ksdll": "pks_luar_negeri"}


def test_the_built_in_template_prints_the_languages_of_the_text():
    """Indonesian and English: the bilingual template; Korean too: the trilingual one; a
    language no built-in template prints: the one that lacks the fewest (the render refuses)."""
    chosen = {langs: builtin_template("ksb_ksdpl", langs).stem for langs in (
        ("id",), ("id", "en"), ("id", "en", "ko"), ("id", "ko"), ("id", "en", "ja"))}
    assert chosen == {("id",): "ksb_luar_negeri", ("id", "en"): "ksb_luar_negeri",
                      ("id", "en", "ko"): "ksb_luar_negeri_ko",
                      ("id", "ko"): "ksb_luar_negeri_ko", ("id", "en", "ja"): "ksb_luar_negeri"}
    assert builtin_template("pks_ksdll", ["id", "en", "ko"]).stem == "pks_luar_negeri_ko"
    assert builtin_template("pks_ksdd", ["id", "en", "ko"]).stem == "pks_ksdd"


@pytest.mark.parametrize("option", [(), ("--template", "ksb_ksdpl=bawaan")],
                         ids=["default", "bawaan"])
def test_render_prints_the_korean_text_the_input_declares(work, option):
    name = "mou-spbe-mojokerto-gyeongsangnam-tiga-bahasa.yaml"
    shutil.copy(EXAMPLES / name, work)
    result = run("render", name, "-o", "tiga.docx", *option)
    assert result.exit_code == 0, result.output
    props = custom_properties(Document(str(work / "tiga.docx")))
    assert props["pkgen.template"].endswith("ksb_luar_negeri_ko.docx")
    assert "제11조\n언어" in document_text(Document(str(work / "tiga.docx")))
    result = run("render", name, "-o", "dua.docx", "--template",
                 f"ksb_ksdpl={builtin_templates()['ksb_luar_negeri']}")
    assert result.exit_code == 2 and "ko" in result.output
    assert not (work / "dua.docx").exists()


def test_a_template_for_another_kind_is_refused(work):
    result = run("render", PKS_WISATA.name, "--template", "edited-pks_ksdd.docx")
    assert result.exit_code == 2
    assert "untuk PKS KSDD, tetapi masukan yang diproses adalah" in result.output
    result = run("render", PKS_TPA.name, "--template", "pks_ksdpk=edited-pks_ksdd.docx")
    assert result.exit_code == 2
    assert "dibuat untuk PKS KSDD (properti pkgen.dokumen), bukan untuk PKS KSDPK" in \
        result.output
    assert sorted(p.name for p in work.glob("*.docx")) == ["edited-pks_ksdd.docx"]


#: The article headings a PKS template must have (the rulebook's required clauses).
HEADINGS = [f"Pasal {{{{ pasal.{a} }}}}" for a in (
    "objek", "ruang_lingkup", "hak_kewajiban", "jangka_waktu", "keadaan_kahar",
    "penyelesaian_perselisihan", "pengakhiran")]


def test_a_template_that_does_not_say_its_kind(work):
    make_template(work / "sendiri.docx", ["{{ judul }}", *HEADINGS, "{{ objek }}"])
    result = run("render", PKS_TPA.name, "--template", "sendiri.docx")
    assert result.exit_code == 2 and "--template pks_ksdd=" in result.output
    result = run("render", PKS_TPA.name, "--template", "pks_ksdd=sendiri.docx", "-o", "x.docx")
    assert result.exit_code == 0, result.output
    assert custom_properties(Document("x.docx"))["pkgen.template"] == "sendiri.docx"
    assert "pkgen.dokumen" not in custom_properties(Document("x.docx"))  # a draft, not a template


def test_a_finished_draft_is_not_a_template(work):
    assert run("render", PKS_TPA.name, "-o", "lama.docx").exit_code == 0
    result = run("render", PKS_TPA.name, "--template", "pks_ksdd=lama.docx", "-o", "baru.docx")
    assert result.exit_code == 2 and "bukan templat" in result.output


def test_the_register_configuration_names_templates(work):
    (work / "pkgen.toml").write_text('[templat]\npks_ksdd = "edited-pks_ksdd.docx"\n')
    assert run("render", PKS_TPA.name, "-o", "x.docx").exit_code == 0
    assert custom_properties(Document("x.docx"))["pkgen.template"] == "edited-pks_ksdd.docx"
    assert run("render", PKS_WISATA.name, "-o", "y.docx").exit_code == 0  # its own template
    assert custom_properties(Document("y.docx"))["pkgen.template"] == "pks_ksdpk.docx"


@pytest.mark.parametrize(("text", "says"), [
    ("[templat\npks_ksdd = 'x.docx'\n", "pkgen.toml:1:"),
    ("[templat]\npks_ksdx = 'x.docx'\n", "jenis dokumen tidak dikenal"),
    ("[warna]\nx = 1\n", "bagian tidak dikenal"),
    ("[templat]\npks_ksdd = 'tidak-ada.docx'\n", "tidak ditemukan"),
])
def test_a_broken_configuration_is_explained(work, text, says):
    (work / "pkgen.toml").write_text(text)
    result = run("validate", PKS_TPA.name)
    assert result.exit_code == 2 and says in result.output, result.output


def test_validate_uses_the_same_template_as_render(work):
    make_template(work / "rujukan.docx", ["{{ judul }}", *HEADINGS, "{{ objek }}",
                                          "lihat Pasal {{ pasal.sanksi }}"])
    result = run("validate", PKS_TPA.name, "--template", "pks_ksdd=rujukan.docx")
    assert result.exit_code == 2 and "pasal.sanksi" in result.output


def test_build_keeps_each_kind_on_its_own_template(work):
    """The issue's case: a register with a KSB, a KSDPK and a KSDD PKS, built with an edited
    KSDD template, then rebuilt plainly after an input changed."""
    register = work / "register"
    register.mkdir()
    for path in (PKS_TPA, PKS_WISATA, KSB):
        shutil.copy(path, register)
    edited = work / "edited-pks_ksdd.docx"
    drafts = work / "drafts"
    result = b.build(register, drafts, b.Options(templates=[Given(edited)]))
    assert result.exit_code == 0, [i.problems for i in result.items]
    used = {p.stem: custom_properties(Document(str(p)))["pkgen.template"]
            for p in drafts.glob("*.docx")}
    assert used == {"pks-tpa-kota-kab-mojokerto": "edited-pks_ksdd.docx",
                    "pks-pariwisata-disporabudpar-swasta": "pks_ksdpk.docx",
                    "ksb-tpa-kota-kab-mojokerto": "ksb.docx"}
    wisata = document_text(Document(str(drafts / "pks-pariwisata-disporabudpar-swasta.docx")))
    assert "Kepaniteraan" in wisata  # the KSDPK forum clause, not KSDD wording
    tpa = register / PKS_TPA.name
    tpa.write_text(tpa.read_text().replace("musyawarah_hari: 30", "musyawarah_hari: 21"))
    result = b.build(register, drafts, b.Options())  # no --template: the last choice stays
    assert [(i.rel, i.state) for i in result.items if i.state != "unchanged"] == [
        ("pks-tpa-kota-kab-mojokerto.yaml", "stale")]
    draft = Document(str(drafts / "pks-tpa-kota-kab-mojokerto.docx"))
    assert custom_properties(draft)["pkgen.template"] == "edited-pks_ksdd.docx"
    edited.unlink()
    result = b.build(register, drafts, b.Options(all=True))
    problems = [p for i in result.items for p in i.problems]
    assert result.exit_code == 2 and any("dipakai build sebelumnya" in p.say() for p in problems)
    result = b.build(register, drafts, b.Options(all=True, templates=[
        Given(builtin_templates()["pks_ksdd"], "pks_ksdd")]))
    assert result.exit_code == 0


def test_render_refuses_a_template_without_a_required_article_as_build_does(work):
    make_template(work / "tipis.docx", ["{{ judul }}", "Pasal {{ pasal.objek }}", "{{ objek }}"])
    result = run("render", PKS_TPA.name, "--template", "pks_ksdd=tipis.docx", "-o", "x.docx")
    assert result.exit_code == 2 and "judul pasal untuk klausul wajib" in result.output
    assert not (work / "x.docx").exists()
