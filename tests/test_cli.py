"""The command line: exit codes, messages, files written or not."""

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLE_FILES, PKS_TPA, ROOT
from docx import Document

from pkgen.cli import main
from pkgen.docx_text import custom_properties
from pkgen.paths import output_name


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PKGEN_LANG", raising=False)
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_help_lists_commands(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("new", "validate", "render", "templates"):
        assert command in result.output


def test_validate_ok(run):
    result = run("validate", *EXAMPLE_FILES)
    assert result.exit_code == 0
    assert result.stdout.count(": OK") == len(EXAMPLE_FILES)


def test_validate_reports_and_exits_2(run, edited):
    bad = edited(PKS_TPA, "keadaan_kahar:", "keadan_kahar:")
    result = run("validate", bad)
    assert result.exit_code == 2
    expected = "keadan_kahar: kunci tidak dikenal. Mungkin maksud Anda 'keadaan_kahar'?"
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_lang_en(run, edited):
    bad = edited(PKS_TPA, "keadaan_kahar:", "keadan_kahar:")
    result = run("validate", "--lang", "en", bad)
    assert "unknown key. Did you mean 'keadaan_kahar'?" in result.stderr


def test_lang_from_environment(run, edited, monkeypatch):
    monkeypatch.setenv("PKGEN_LANG", "en")
    result = run("validate", edited(PKS_TPA, "jenis: KSDD", "jenis: KSDX"))
    assert "must be one of" in result.stderr


def test_render_examples(run, tmp_path):
    result = run("render", *EXAMPLE_FILES, "-o", "drafts")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "drafts").iterdir())
    assert written == sorted(p.stem + ".docx" for p in EXAMPLE_FILES)


def test_render_default_folder_is_current(run, tmp_path):
    assert run("render", PKS_TPA).exit_code == 0
    assert (tmp_path / "pks-tpa-kota-kab-mojokerto.docx").is_file()


def test_render_to_named_file(run, tmp_path):
    assert run("render", PKS_TPA, "-o", "out/perjanjian.docx").exit_code == 0
    assert (tmp_path / "out" / "perjanjian.docx").is_file()


def test_render_named_file_needs_single_input(run):
    result = run("render", *EXAMPLE_FILES, "-o", "x.docx")
    assert result.exit_code == 2
    assert "satu masukan" in result.stderr


def test_bad_input_writes_nothing(run, tmp_path, edited):
    bad = edited(PKS_TPA, "jenis: KSDD", "jenis: KSDX", name="rusak.yaml")
    result = run("render", PKS_TPA, bad, "-o", "drafts")
    assert result.exit_code == 2
    assert "rusak.yaml" in result.stderr
    assert "tidak ada berkas yang ditulis" in result.stderr
    assert not (tmp_path / "drafts").exists()


def test_bad_template_writes_nothing(run, tmp_path):
    (tmp_path / "t.docx").write_text("no")
    result = run("render", PKS_TPA, "--template", "t.docx", "-o", "drafts")
    assert result.exit_code == 2
    assert not (tmp_path / "drafts").exists()


def test_rerender_replaces_unedited_draft(run, tmp_path):
    assert run("render", PKS_TPA).exit_code == 0
    assert run("render", PKS_TPA).exit_code == 0


def test_edited_draft_is_not_overwritten(run, tmp_path):
    assert run("render", PKS_TPA).exit_code == 0
    target = tmp_path / "pks-tpa-kota-kab-mojokerto.docx"
    doc = Document(str(target))
    doc.paragraphs[0].add_run(" (perubahan tangan)")
    doc.save(str(target))
    before = target.read_bytes()
    result = run("render", PKS_TPA)
    assert result.exit_code == 2
    assert "telah disunting sejak ditulis pkgen" in result.stderr
    assert "--force untuk menimpanya (suntingan itu hilang)" in result.stderr
    assert target.read_bytes() == before
    assert run("render", PKS_TPA, "--force").exit_code == 0
    assert "perubahan tangan" not in Document(str(target)).paragraphs[0].text


def test_foreign_docx_is_not_overwritten(run, tmp_path):
    (tmp_path / "pks-tpa-kota-kab-mojokerto.docx").write_bytes(b"someone's file")
    assert run("render", PKS_TPA).exit_code == 2
    assert (tmp_path / "pks-tpa-kota-kab-mojokerto.docx").read_bytes() == b"someone's file"


def test_output_folder_that_is_a_file(run, tmp_path):
    (tmp_path / "drafts").write_text("x")
    assert run("render", PKS_TPA, "-o", "drafts").exit_code == 2


def test_render_stamps_provenance(run, tmp_path):
    run("render", PKS_TPA)
    props = custom_properties(Document(str(tmp_path / "pks-tpa-kota-kab-mojokerto.docx")))
    assert props["pkgen.template"] == "pks_ksdd.docx"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pks.yaml", "pks.docx"),
        ("../../etc/passwd.yaml", "passwd.docx"),
        ("/abs/path/x.yaml", "x.docx"),
        ("CON.yaml", "_CON.docx"),
        ('a<b>:c"d|e?f*.yaml', "a_b__c_d_e_f_.docx"),
        ("...yaml", "draf.docx"),
    ],
)
def test_output_names_stay_in_folder(name, expected):
    assert output_name(Path(name)) == expected


def test_input_named_like_traversal_stays_inside(run, tmp_path, edited):
    (tmp_path / "sub").mkdir()
    source = edited(PKS_TPA)
    weird = tmp_path / "sub" / "..yaml"
    weird.write_text(source.read_text().replace("berkas: ", "berkas: ../"))
    assert run("render", weird, "-o", "out").exit_code == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["draf.docx"]


def test_templates_lists_builtins(run):
    result = run("templates")
    assert result.exit_code == 0
    for name in ("pks_ksdd", "pks_ksdpk", "ksb"):
        assert name in result.stdout


@pytest.mark.parametrize(
    ("dokumen", "jenis"),
    [("PKS", "KSDD"), ("PKS", "KSDPK"), ("PKS", "KSDPL"), ("KSB", "KSDD")],
)
def test_new_skeleton_is_valid_yaml_with_only_blanks_to_fill(run, tmp_path, dokumen, jenis):
    result = run("new", "--dokumen", dokumen, "--jenis", jenis, "-o", "baru.yaml")
    assert result.exit_code == 0
    result = run("validate", "baru.yaml")
    assert result.exit_code == 1
    assert "kunci tidak dikenal" not in result.output  # every key is a model key
    assert "belum diisi" in result.output
    result = run("render", "baru.yaml", "--allow-incomplete", "--template",
                 f"{dokumen.lower()}_{jenis.lower()}=bawaan")
    assert result.exit_code == 0, result.output


def test_new_refuses_to_overwrite(run, tmp_path):
    (tmp_path / "baru.yaml").write_text("mine")
    result = run("new", "-o", "baru.yaml")
    assert result.exit_code == 2
    assert (tmp_path / "baru.yaml").read_text() == "mine"


def test_new_to_stdout(run):
    result = run("new", "--jenis", "KSDPK")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith("# Masukan Perjanjian Kerja Sama")
    assert "PENGADILAN_NEGERI" in result.stdout


def test_filled_skeleton_renders(run, tmp_path):
    """A skeleton filled in as an OPD officer would (values typed after the colons, items after
    the dashes, comments left in place) becomes a complete draft."""
    from ruamel.yaml import YAML

    run("new", "--jenis", "KSDD", "-o", "baru.yaml")
    yaml_rt = YAML()
    data = yaml_rt.load((tmp_path / "baru.yaml").read_text())
    data["tentang"] = "Kerja Sama Uji"
    data["penandatanganan"]["tempat"] = "Mojokerto"
    for party, name in zip(data["pihak"], ("Kota Mojokerto", "Kabupaten Mojokerto"),
                           strict=True):
        party.update(nama=f"Pemerintah {name}", alamat="Jalan Gajah Mada 145", hak=["menerima"
                     " laporan pengelolaan"], kewajiban=["menyediakan lahan yang disepakati"])
        party["penandatangan"].update(nama="Budi Santoso", jabatan="Kepala Dinas")
        party["kewenangan"].update(pemberi=f"Wali {name}", nomor="180/1/2021",
                                   tanggal="04/01/2021")
    data["ksb"].update(berkas="ksb-tpa-kota-kab-mojokerto.yaml", nomor=None)
    data["dasar_hukum"] = ["Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah"]
    data["maksud_tujuan"].update(maksud="Perjanjian ini untuk uji coba.",
                                 tujuan=["menguji alur pengisian kerangka"])
    data["objek"] = "pemanfaatan bersama TPA"
    data["ruang_lingkup"] = ["pengelolaan sampah bersama"]
    data["pembiayaan"]["sumber"] = [{"jenis": "APBD", "pihak": 1}]
    data["jangka_waktu"]["berakhir"] = "31 Desember 2022"
    data["keadaan_kahar"].update(peristiwa=["bencana alam"], batas_pemberitahuan_hari=14)
    data["penyelesaian_perselisihan"].update(forum="GUBERNUR", nama_forum="Gubernur Jawa Timur")
    data["pengakhiran"].update(sebab=["jangka waktu berakhir"], pemberitahuan_hari=30)
    with (tmp_path / "baru.yaml").open("w") as handle:
        yaml_rt.dump(data, handle)
    shutil.copy(PKS_TPA.with_name("ksb-tpa-kota-kab-mojokerto.yaml"), tmp_path)
    result = run("render", "baru.yaml")
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(tmp_path / "baru.docx")).paragraphs)
    assert "31 Desember 2022" in text and "BELUM LENGKAP" not in text


def test_schema_is_generated_from_the_model_and_accepts_the_examples(run, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    result = run("schema", "-o", "pkgen.schema.json")
    assert result.exit_code == 0
    schema = json.loads((tmp_path / "pkgen.schema.json").read_text())
    pks = schema["$defs"]["Pks"]["properties"]
    assert pks["keadaan_kahar"]["description"] == "Keadaan kahar (force majeure)."
    assert schema["$defs"]["PihakPks"]["additionalProperties"] is False
    assert "Term:" not in json.dumps(schema)  # no English developer notes for OPD staff
    # jsonschema.validate, once: the schema checked against its meta-schema, then a validator
    # for every example (checking the schema each time took most of this test's time)
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    for path in EXAMPLE_FILES:
        validator(schema).validate(_as_editor_sees(path.read_text()))
    typo = _as_editor_sees(PKS_TPA.read_text())
    typo["keadan_kahar"] = typo.pop("keadaan_kahar")
    with pytest.raises(jsonschema.ValidationError):
        validator(schema).validate(typo)


def _as_editor_sees(text):
    """YAML as an editor's YAML extension types it: dates are strings in JSON Schema."""
    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if hasattr(value, "isoformat") else value

    return plain(yaml.safe_load(text))


def test_new_points_to_the_schema(run, tmp_path):
    run("new", "-o", "baru.yaml")
    assert (tmp_path / "baru.yaml").read_text().splitlines()[0] == (
        "# yaml-language-server: $schema=pkgen.schema.json")


def test_wildcards_the_shell_did_not_expand(run, tmp_path):
    """As from Windows' cmd.exe, which passes examples/*.yaml to the program as typed."""
    shutil.copytree(PKS_TPA.parent, tmp_path / "contoh")
    result = run("validate", "contoh/*.yaml")
    assert result.exit_code == 0 and result.stdout.count(": OK") == len(EXAMPLE_FILES)
    assert run("render", "contoh/pks-*.yaml", "-o", "drafts").exit_code == 0
    assert len(list((tmp_path / "drafts").iterdir())) == len(list(PKS_TPA.parent.glob("pks-*")))


def test_a_word_document_is_not_an_input(run):
    result = run("validate", ROOT / "templates" / "ksb.docx")
    assert result.exit_code == 2 and "gunakan 'pkgen check'" in result.stderr


def test_an_output_folder_that_cannot_be_made(run, tmp_path):
    (tmp_path / "berkas").write_text("x")
    result = run("render", PKS_TPA, "-o", tmp_path / "berkas" / "sub" / "d.docx")
    assert result.exit_code == 2
    assert "berkas tidak dapat ditulis" in result.stderr and "Traceback" not in result.output


def test_a_workbook_is_not_a_template(run):
    result = run("render", PKS_TPA, "--template", ROOT / "examples" / "formulir-pks-tpa.xlsx")
    assert result.exit_code == 2
    assert "BytesIO" not in result.stderr and "spreadsheetml" in result.stderr


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "Memeriksa perjanjian"), ("en", "Check agreements"),
])
def test_help_speaks_the_user_s_language(lang, expected):
    import os
    import subprocess
    import sys

    env = dict(os.environ, PKGEN_LANG=lang)
    result = subprocess.run([sys.executable, "-c", "from pkgen.cli import main; main()",
                             "check", "--help"], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and expected in result.stdout


@pytest.mark.parametrize(("old", "new", "says"), [
    ("keadaan_kahar:", "keadaan_kahar_lama:", "kunci tidak dikenal"),
    ("  berakhir: 2023-12-31", "  berakhir: 2026-12-31", "melampaui KSB"),
], ids=["broken", "outlives-ksb"])
def test_validate_refuses_what_render_refuses(run, edited, old, new, says):
    path = edited(PKS_TPA, old, new)
    validate, render = run("validate", path), run("render", path, "-o", "d.docx")
    assert validate.exit_code == render.exit_code != 0
    assert says in validate.output and says in render.output


def test_validate_and_render_agree_on_a_missing_force_majeure(run, edited):
    text = PKS_TPA.read_text()
    path = edited(PKS_TPA, text[text.index("keadaan_kahar:"):text.index(
        "penyelesaian_perselisihan:")], "")
    validate, render = run("validate", path), run("render", path, "-o", "d.docx")
    assert validate.exit_code == render.exit_code == 1
    assert "PKS wajib memuat klausul keadaan kahar" in validate.output


@pytest.mark.parametrize(("args", "says"), [
    (["render"], "Argumen belum diberikan"),
    (["validate", "--bogus", "x"], "Tidak ada opsi '--bogus'"),
    (["new", "--jenis", "KSDX"], "bukan salah satu dari"),
    (["frobnicate"], "Tidak ada perintah 'frobnicate'"),
])
def test_usage_errors_speak_indonesian(run, args, says):
    result = run(*args)
    assert result.exit_code == 2
    assert says in result.output and "Cara pakai:" in result.output
    assert "Usage:" not in result.output and "Error:" not in result.output


def test_annotate_refusal_names_its_own_option(run, tmp_path):
    assert run("render", PKS_TPA, "-o", "d.docx").exit_code == 0
    (tmp_path / "catatan.docx").write_bytes(b"mine")
    result = run("check", "d.docx", "--annotate", "catatan.docx")
    assert result.exit_code == 2
    assert "Pilih nama lain dengan --annotate" in result.output and " -o" not in result.output


def test_skeleton_examples_are_syntax_that_loads():
    from typing import Annotated

    from pydantic import TypeAdapter

    from pkgen.model import Pks
    from pkgen.skeleton import EXAMPLES
    from pkgen.yamlread import parse_yaml

    for dotted, snippet in EXAMPLES.items():
        model, *path = [Pks, *dotted.split(".")]
        for name in path[:-1]:
            model = next(a for a in _models(model.model_fields[name].annotation))
        info = model.model_fields[path[-1]]
        value = parse_yaml(snippet.encode(), Path("x.yaml")).data[path[-1]]
        TypeAdapter(Annotated[info.annotation, *info.metadata]).validate_python(value)


def _models(annotation):
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models(arg)


def test_names_are_printed_as_they_are_not_as_emoji(run, tmp_path):
    register = tmp_path / "register"
    register.mkdir()
    shutil.copy(ROOT / "examples" / "ksb-tpa-kota-kab-mojokerto.yaml", register)
    shutil.copy(PKS_TPA, register / "pks-tpa:ok:.yaml")
    result = run("build", register, "-o", tmp_path / "drafts", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "pks-tpa:ok:.yaml" in result.stdout and "\U0001f197" not in result.stdout
