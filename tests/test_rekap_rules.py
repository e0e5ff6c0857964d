"""What the rekap rests on: the rulebook's rekap part (data a region changes, checked like the
rest), the agreement's record (model and form), one list of KSBs without a PKS for the build
report and the rekap, and the same facts however many processes read them."""

from __future__ import annotations

import typing

import pytest
from click.testing import CliRunner
from rekapkit import BROKEN, PER, PKS_TPA, bulk_register, data, make_register, write

from pkgen import build as b
from pkgen.checks import load_rulebook
from pkgen.checks.rulebook import AlertKind
from pkgen.checks.rulebook_file import builtin_rulebook_path
from pkgen.cli import main
from pkgen.errors import InputError
from pkgen.forms import read_form, write_form
from pkgen.forms.layout import sheets
from pkgen.inputs import load_agreement
from pkgen.messages import messages
from pkgen.model import RECORD
from pkgen.register import unfollowed_ksb
from pkgen.rekap import STATUSES, collect, make_rekap

RULEBOOK = builtin_rulebook_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    return make_register(tmp_path_factory.mktemp("rekap"))


def rules(tmp_path, old: str, new: str):
    assert old in RULEBOOK
    path = tmp_path / f"aturan-{len(list(tmp_path.glob('aturan-*')))}.yaml"  # loaded once each
    path.write_text(RULEBOOK.replace(old, new, 1), encoding="utf-8")
    return path


def alerted(rekap) -> set[tuple[str, str]]:
    return {(r.alert.id, r.path) for r in rekap.raised}


def test_a_region_changes_the_thresholds_and_the_alerts(register, tmp_path):
    builtin = make_rekap(register, PER)
    assert builtin.row("air/ksb-air.yaml").status == "segera_berakhir"
    near = make_rekap(register, PER, rules(tmp_path, "segera_berakhir_bulan: 6",
                                           "segera_berakhir_bulan: 1"))
    assert near.row("air/ksb-air.yaml").status == "berlaku"  # two months left
    assert near.row("pks-spbe-mojokerto-jombang.yaml").status == "segera_berakhir"
    assert alerted(builtin) - alerted(near) == {("ending-without-extension", "air/ksb-air.yaml"),
                                                ("ksb-ending-pks-draft", "air/ksb-air.yaml")}
    ksdpk = make_rekap(register, PER, rules(
        tmp_path, "berlaku: {dokumen: [pks], jenis: [KSDD], status: [draf, berlaku,",
        "berlaku: {dokumen: [pks], jenis: [KSDPK], status: [draf, berlaku,"))
    assert alerted(builtin) - alerted(ksdpk) == {("dprd-approval", "pks-pasar-dprd.yaml")}
    patient = make_rekap(register, PER, rules(tmp_path, "      bulan: 6\n", "      bulan: 56\n"))
    assert alerted(builtin) - alerted(patient) == {("draft-unsigned", "pks-festival.yaml")}


def test_a_rulebook_without_the_rekap_part_uses_the_built_in_one(register, tmp_path):
    path = tmp_path / "aturan.yaml"
    path.write_text(RULEBOOK.split("\nrekap:\n", 1)[0], encoding="utf-8")
    assert load_rulebook(path).rekap is None
    assert alerted(make_rekap(register, PER, path)) == alerted(make_rekap(register, PER))


@pytest.mark.parametrize(("old", "new", "key"), [
    ("segera_berakhir_bulan: 6", "segera_berakhir_bulan: -1", "rekap.segera_berakhir_bulan"),
    ("jenis_peringatan: draf_lama", "jenis_peringatan: draf_usang",
     "rekap.peringatan[7].jenis_peringatan"),
    ("      bulan: 6\n", "", "rekap.peringatan[7]"),
    ("berlaku: {status: [segera_berakhir]}", "berlaku: {status: [hampir_habis]}",
     "rekap.peringatan[6].berlaku.status[1]"),
], ids=["negative", "unknown-kind", "months-missing", "unknown-status"])
def test_a_broken_rekap_part_is_reported_with_its_line(register, tmp_path, old, new, key):
    path = rules(tmp_path, old, new)
    with pytest.raises(InputError) as caught:
        load_rulebook(path)
    problem = caught.value.problems[0]
    assert problem.file == path and problem.line and problem.key == key
    result = CliRunner().invoke(main, ["rekap", str(register), "--rules", str(path)])
    assert result.exit_code == 2 and f"{path}:{problem.line}: {key}" in result.stderr


def test_the_rekap_part_does_not_make_drafts_stale(tmp_path):
    builtin = load_rulebook()
    assert load_rulebook(rules(tmp_path, "tindak_lanjut_hari: 30", "tindak_lanjut_hari: 7")
                         ).digest == builtin.digest
    changed = tmp_path / "lain.yaml"
    changed.write_text(RULEBOOK.replace("tingkat: warning", "tingkat: error", 1))
    assert load_rulebook(changed).digest != builtin.digest
    trailing = tmp_path / "baris.yaml"
    trailing.write_text(RULEBOOK + "\n# catatan\n")
    assert load_rulebook(trailing).digest != builtin.digest


def test_the_build_report_lists_the_ksbs_the_rekap_finds_without_a_pks(register, tmp_path):
    facts = collect(register)
    expected = unfollowed_ksb(f.link for f in facts if f.loaded)
    assert expected == ["jalan/ksb-jalan-2025.yaml", "jalan/ksb-jalan.yaml", "ksb-pasar.yaml"]
    result = b.build(register, tmp_path / "drafts", b.Options(allow_incomplete=True))
    assert result.unfollowed == expected
    report = (tmp_path / "drafts" / b.REPORT).read_text()
    assert report.split("## KSB yang belum ditindaklanjuti PKS\n", 1)[1].split() == [
        word for ksb in expected for word in ("-", ksb)]
    rekap = make_rekap(register, PER)
    signed = {r.path for r in rekap.raised if r.alert.jenis_peringatan == "ksb_tanpa_pks"}
    assert signed == set(expected) - {"jalan/ksb-jalan-2025.yaml"}  # the draft is not alerted


def test_worker_processes_read_the_same_facts(tmp_path):
    register = bulk_register(tmp_path, 60)
    (register / "rusak.yaml").write_text(BROKEN, encoding="utf-8")
    one, two = collect(register, jobs=1), collect(register, jobs=2)
    assert len(one) == 61 and one == two
    assert [f.path for f in one if not f.loaded] == ["rusak.yaml"]


def test_the_record_goes_through_the_form_and_back(tmp_path):
    pks = data(PKS_TPA)
    pks.update(persetujuan_pusat={"nomor": "100/1/SJ", "tanggal": "2021-01-05"},
               memperpanjang="pks-lama.yaml",
               diakhiri={"tanggal": "2023-06-01", "alasan": "TPA ditutup"},
               evaluasi=[{"periode": "Tahun 2022", "pelaksanaan": "sebagian",
                          "kendala": "Zona penimbunan hampir penuh",
                          "batas_tindak_lanjut": "2023-03-31", "selesai": "Tidak"}])
    source = write(tmp_path / "pks.yaml", pks)
    (tmp_path / "ksb-tpa-kota-kab-mojokerto.yaml").write_bytes(
        PKS_TPA.with_name("ksb-tpa-kota-kab-mojokerto.yaml").read_bytes())
    loaded = load_agreement(source).document
    form = tmp_path / "formulir.xlsx"
    form.write_bytes(write_form(data=data(source)))
    back, cells, problems = read_form(form, form.read_bytes())
    assert problems == []
    assert load_agreement(form).document == loaded
    assert cells[("evaluasi", 0, "kendala")] == ("Evaluasi", "E3")
    assert cells[("diakhiri", "tanggal")][0] == "Riwayat"
    placed = {s.key.split(".")[0] for sheet in sheets() for s in sheet.specs} | {
        sheet.table for sheet in sheets()}
    assert set(RECORD) <= placed


def test_a_wrong_evaluation_is_refused_at_its_line(tmp_path):
    pks = data(PKS_TPA)
    pks["evaluasi"] = [{"periode": "Tahun 2022", "pelaksanaan": "lancar"}]
    path = write(tmp_path / "pks.yaml", pks)
    (tmp_path / "ksb-tpa-kota-kab-mojokerto.yaml").write_bytes(
        PKS_TPA.with_name("ksb-tpa-kota-kab-mojokerto.yaml").read_bytes())
    with pytest.raises(InputError) as caught:
        load_agreement(path)
    problem = caught.value.problems[0]
    assert problem.key == "evaluasi[1].pelaksanaan" and problem.line is not None
    assert "'berjalan', 'sebagian', 'tidak_berjalan'; bukan 'lancar'" in problem.format("id")


def test_every_word_the_rekap_says_is_in_the_catalogue():
    known = messages()
    codes = [f"rekap_status_{s}" for s in STATUSES]
    codes += [f"rekap_alert_{kind}" for kind in typing.get_args(AlertKind)]
    codes += [f"rekap_pelaksanaan_{p}" for p in ("berjalan", "sebagian", "tidak_berjalan")]
    codes += [f"rekap_{kind}_{by}" for kind in ("view", "chart") for by in ("opd", "jenis")]
    assert [c for c in codes if c not in known] == []
    assert {a.jenis_peringatan for a in load_rulebook().register.peringatan} == set(
        typing.get_args(AlertKind))  # the built-in rulebook raises every kind of alert
