"""pkgen build: incremental decisions, hand edits, orphans, preflight, interruptions, workers."""

import fcntl
import gc
import json
import multiprocessing
import os
import shutil
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, make_template
from docx import Document

from pkgen import build as b
from pkgen.build import install, worker
from pkgen.cli import main
from pkgen.docx_text import custom_properties
from pkgen.errors import InputError
from pkgen.inputs import INPUT_SUFFIXES
from pkgen.register import scan
from pkgen.render import builtin_templates
from pkgen.templating import Given

TPA = "tpa/pks-tpa-kota-kab-mojokerto"
KSB = "tpa/ksb-tpa-kota-kab-mojokerto"
WISATA = "pks-pariwisata-disporabudpar-swasta"
SPBE = "pks-spbe-mojokerto-jombang"


@pytest.fixture
def register(tmp_path):
    """A register with the examples, the TPA pair in a subfolder; drafts beside it."""
    reg = tmp_path / "register"
    (reg / "tpa").mkdir(parents=True)
    for name in ("pks-tpa-kota-kab-mojokerto", "ksb-tpa-kota-kab-mojokerto"):
        shutil.copy(EXAMPLES / f"{name}.yaml", reg / "tpa")
    for name in (WISATA, SPBE):
        shutil.copy(EXAMPLES / f"{name}.yaml", reg)
    return reg


def run(reg, **options):
    drafts = reg.parent / "drafts"
    return b.build(reg, drafts, b.Options(**options)), drafts


def states(result):
    return {i.draft[:-5]: i.state for i in result.items}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def retitle(path: Path) -> None:
    """Change an input: a word added to its subject."""
    lines = path.read_text().splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("tentang: "))
    lines[i] += " Tahap II"
    path.write_text("\n".join(lines) + "\n")


def hand_edit(draft: Path) -> None:
    doc = Document(str(draft))
    doc.paragraphs[12].add_run(" [disunting oleh Bagian Hukum]")
    doc.save(str(draft))


def test_first_build_renders_everything_and_records_it(register):
    result, drafts = run(register)
    assert set(states(result).values()) == {"new"}
    assert result.exit_code == 0
    for name in (TPA, KSB, WISATA, SPBE):
        assert (drafts / f"{name}.docx").is_file()
    manifest = json.loads((drafts / b.MANIFEST).read_text())["drafts"]
    entry = manifest[f"{TPA}.docx"]["draft"]
    record = entry["record"]
    assert entry["path"] == f"{TPA}.docx" and len(entry["stat"]) == 3
    assert record["input"] == f"{TPA}.yaml"
    assert set(record["depends"]) == {f"{KSB}.yaml"}
    assert record["template"].endswith("pks_ksdd.docx")
    assert record["verdict"] == "ok" and record["pkgen_version"]
    assert len(record["input_sha256"]) == len(record["rulebook_sha256"]) == 64
    assert record["fingerprint"].startswith("1:")
    props = custom_properties(Document(str(drafts / f"{TPA}.docx")))
    assert props["pkgen.fingerprint"] == record["fingerprint"]  # the draft knows it too
    assert props["pkgen.input_path"] == f"{TPA}.yaml"
    assert json.loads(props["pkgen.depends"]) == record["depends"]
    assert (drafts / b.REPORT).is_file()
    assert not (drafts / b.STAGING).exists() and not (drafts / b.JOURNAL).exists()


def test_noop_rebuild_touches_nothing(register):
    _, drafts = run(register)
    before = {p: p.stat().st_mtime_ns for p in drafts.rglob("*.docx")}
    result, _ = run(register)
    assert set(states(result).values()) == {"unchanged"}
    assert {p: p.stat().st_mtime_ns for p in drafts.rglob("*.docx")} == before


@pytest.mark.parametrize("change", ["input", "ksb"])
def test_only_changed_inputs_are_rendered_again(register, change):
    run(register)
    if change == "input":
        edit(register / f"{TPA}.yaml", "pemberitahuan_hari: 14", "pemberitahuan_hari: 21")
    else:
        edit(register / f"{KSB}.yaml", "  rangkap: 2", "  rangkap: 3")
    result, _ = run(register)
    found = states(result)
    assert found[TPA] == "stale"
    assert found[WISATA] == found[SPBE] == "unchanged"
    item = next(i for i in result.items if i.draft == f"{TPA}.docx")
    assert item.reason == change
    if change == "input":
        assert [c.say() for c in item.changes] == ["Pasal 9 KEADAAN KAHAR: berubah"]
        assert [c.say("en") for c in item.changes] == ["Pasal 9 KEADAAN KAHAR: changed"]
        report = (register.parent / "drafts" / b.REPORT).read_text()
        assert "Pasal 9 KEADAAN KAHAR: berubah" in report


def test_template_rulebook_and_version_changes_make_drafts_stale(register, tmp_path, monkeypatch):
    run(register)
    template = tmp_path / "mine.docx"
    shutil.copy(builtin_templates()["pks_ksdd"], template)
    result, _ = run(register, templates=[Given(template)])
    # The copy declares pks_ksdd: only the KSDD agreements take it.
    assert {i.draft[:-5]: i.reason for i in result.items if i.reason} == {
        TPA: "template", SPBE: "template"}
    assert not any(i.state == "failed" for i in result.items)
    rules = tmp_path / "rules.yaml"
    rules.write_text((Path(b.__file__).parent.parent / "checks" / "rulebook.yaml").read_text()
                     + "\n")
    result, _ = run(register, rules=rules)
    assert {i.reason for i in result.items} == {"rulebook"}
    monkeypatch.setattr("pkgen.build.planning.__version__", "99.0")
    result, _ = run(register, rules=rules)
    assert {i.reason for i in result.items} == {"pkgen"}


def test_a_broken_rulebook_is_reported_before_anything_is_rendered(register, tmp_path):
    """A build compares the rulebook's digest with its records; it reads the rulebook whole,
    and reports its mistakes, as soon as anything is to be rendered with it."""
    builtin = (Path(b.__file__).parent.parent / "checks" / "rulebook.yaml").read_text()
    rules = tmp_path / "rules.yaml"
    rules.write_text(builtin)
    run(register, rules=rules)
    drafts = register.parent / "drafts"
    before = {p.name: p.read_bytes() for p in drafts.glob("*.docx")}
    broken = tmp_path / "broken.yaml"  # (a process reads a rulebook file once)
    broken.write_text(builtin.replace("tingkat: error", "tingkat: fatal", 1))
    for dry_run in (True, False):
        with pytest.raises(InputError) as raised:
            run(register, rules=broken, dry_run=dry_run)
        problem = raised.value.problems[0]
        assert problem.file == broken and problem.line is not None
    assert {p.name: p.read_bytes() for p in drafts.glob("*.docx")} == before
    result, _ = run(register, rules=rules)  # unchanged since the last build: nothing to do
    assert set(states(result).values()) == {"unchanged"}


def test_the_inputs_found_are_those_outside_the_drafts_folder_however_reached(tmp_path):
    reg = tmp_path / "register"
    drafts = reg / "out" / "drafts"  # the drafts folder inside the register
    for name in ("a.yaml", "sub/b.yaml", "sub/deeper/c.xlsx", ".hidden/d.yaml", "sub/.e.yaml",
                 "out/drafts/f.yaml", "out/drafts/nested/g.yaml", "out/h.yaml", "notes.txt"):
        (reg / name).parent.mkdir(parents=True, exist_ok=True)
        (reg / name).write_text("dokumen: PKS\n")
    (reg / "link-into-drafts.yaml").symlink_to(drafts / "f.yaml")
    (reg / "sub" / "link-out.yaml").symlink_to(reg / "a.yaml")
    (reg / "drafts-by-another-name").symlink_to(drafts, target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "i.yaml").write_text("dokumen: PKS\n")
    (reg / "linked-folder").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    real = drafts.resolve()
    by_definition = [p for p in sorted(reg.rglob("*"))
                     if p.suffix.lower() in INPUT_SUFFIXES and p.is_file()
                     and not any(part.startswith(".") for part in p.relative_to(reg).parts)
                     and real not in p.resolve().parents]
    assert scan(reg, drafts) == by_definition
    assert [p.relative_to(reg).as_posix() for p in by_definition] == [
        "a.yaml", "out/h.yaml", "sub/b.yaml", "sub/deeper/c.xlsx", "sub/link-out.yaml"]


def test_force_and_dry_run(register):
    result, drafts = run(register, dry_run=True)
    assert set(states(result).values()) == {"new"}
    assert not drafts.exists()
    run(register)
    manifest = (drafts / b.MANIFEST).read_bytes()
    result, _ = run(register, all=True, dry_run=True)
    assert set(states(result).values()) == {"stale"}
    assert (drafts / b.MANIFEST).read_bytes() == manifest
    result, _ = run(register, all=True)
    assert set(states(result).values()) == {"stale"}


def test_hand_edits_are_never_lost(register):
    _, drafts = run(register)
    draft = drafts / f"{TPA}.docx"
    hand_edit(draft)
    edited = draft.read_bytes()
    result, _ = run(register)
    assert states(result)[TPA] == "edited"
    assert draft.read_bytes() == edited
    edit(register / f"{TPA}.yaml", "pemberitahuan_hari: 14", "pemberitahuan_hari: 21")
    result, _ = run(register)
    assert states(result)[TPA] == "edited-stale"
    assert draft.read_bytes() == edited
    beside = drafts / f"{TPA}{b.BESIDE}"
    assert beside.is_file() and "21 (dua puluh satu) hari" in "\n".join(
        p.text for p in Document(str(beside)).paragraphs)
    again, _ = run(register)
    assert states(again)[TPA] == "edited"  # the new version is beside it; nothing more to do
    result, _ = run(register, all=True, overwrite_edited=True)
    assert states(result)[TPA] == "edited-stale"
    assert draft.read_bytes() != edited
    assert states(run(register)[0])[TPA] == "unchanged"


def test_a_file_pkgen_did_not_write_is_not_replaced(register):
    drafts = register.parent / "drafts"
    (drafts / "tpa").mkdir(parents=True)
    (drafts / f"{TPA}.docx").write_bytes(b"a draft from elsewhere")
    result, _ = run(register)
    assert states(result)[TPA] == "edited-stale"
    assert (drafts / f"{TPA}.docx").read_bytes() == b"a draft from elsewhere"
    assert (drafts / f"{TPA}{b.BESIDE}").is_file()


def test_orphans_are_reported_not_deleted(register):
    _, drafts = run(register)
    (register / f"{SPBE}.yaml").unlink()
    result, _ = run(register)
    assert result.orphans == [f"{SPBE}.docx"]
    assert (drafts / f"{SPBE}.docx").is_file()
    (drafts / f"{SPBE}.docx").unlink()
    result, _ = run(register)
    assert result.orphans == [f"{SPBE}.docx"]
    assert run(register)[0].orphans == []  # forgotten once its draft is gone too


def test_broken_inputs_are_skipped_and_the_rest_built(register):
    (register / "rusak.yaml").write_text("dokumen: PKS\njenis: KSDX\n")
    edit(register / f"{WISATA}.yaml", "keadaan_kahar:", "keadaan_kahar_:")
    result, drafts = run(register)
    found = states(result)
    assert found["rusak"] == found[WISATA] == "failed"
    assert found[TPA] == found[SPBE] == "new"
    assert result.exit_code == 2
    problems = next(i for i in result.items if i.draft == f"{WISATA}.docx").problems
    assert any("Mungkin maksud Anda 'keadaan_kahar'" in p.say() for p in problems)
    assert not (drafts / f"{WISATA}.docx").exists()


def test_incomplete_inputs_fail_unless_allowed(register):
    text = (register / f"{WISATA}.yaml").read_text()
    start, end = text.index("keadaan_kahar:"), text.index("penyelesaian_perselisihan:")
    (register / f"{WISATA}.yaml").write_text(text[:start] + text[end:])
    result, drafts = run(register)
    assert states(result)[WISATA] == "failed"
    assert result.exit_code == 1
    result, _ = run(register, allow_incomplete=True)
    assert states(result)[WISATA] == "new"
    doc = Document(str(drafts / f"{WISATA}.docx"))
    assert doc.sections[0].header.paragraphs[0].text == "DRAF — BELUM LENGKAP"
    manifest = json.loads((drafts / b.MANIFEST).read_text())["drafts"]
    assert manifest[f"{WISATA}.docx"]["draft"]["record"]["verdict"] == "incomplete"


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["{{ tentang }}", "{% if x %}"], "sintaks"),
    (["Pasal {{ pasal.objek }}", "{{ nama_yang_tidak_ada }}"], "nama_yang_tidak_ada"),
    (["Pasal {{ pasal.objek }}", "{{ tentang }}"], "keadaan_kahar"),
], ids=["syntax", "unknown-variable", "missing-heading"])
def test_broken_templates_are_reported(register, tmp_path, paragraphs, expected):
    template = make_template(tmp_path / "t.docx", paragraphs)
    (register / "tpa" / f"{KSB.split('/')[1]}.yaml").unlink()
    edit(register / f"{TPA}.yaml", "  berkas: ksb-tpa-kota-kab-mojokerto.yaml\n",
         "  nomor: [a, b]\n  tanggal: 2019-10-28\n  tentang: x\n  berakhir: 2024-10-27\n")
    result, drafts = run(register, templates=[Given(template, "pks_ksdd")])
    assert states(result)[TPA] == states(result)[SPBE] == "failed"
    assert result.exit_code == 2
    assert any(expected in p.say() for i in result.items for p in i.problems), result.items
    assert not (drafts / f"{TPA}.docx").exists() and not (drafts / f"{SPBE}.docx").exists()


def test_interrupted_build_leaves_old_or_new_drafts_and_a_true_manifest(register, monkeypatch):
    _, drafts = run(register)
    for name in (TPA, WISATA, SPBE):
        retitle(register / f"{name}.yaml")
    link = install.os.link
    calls = []

    def interrupt(src, dst):
        calls.append(dst)
        if len(calls) == 2:  # the second draft: moved aside, the new one not yet in place
            raise KeyboardInterrupt
        return link(src, dst)

    monkeypatch.setattr(install.os, "link", interrupt)
    with pytest.raises(KeyboardInterrupt):
        run(register)
    monkeypatch.setattr(install.os, "link", link)
    assert not (drafts / b.STAGING).exists() and not (drafts / b.JOURNAL).exists()
    assert not [p for p in drafts.rglob("*") if p.name.endswith(".tmp")]
    for draft in drafts.rglob("*.docx"):
        Document(str(draft))  # every draft is whole
    assert (drafts / f"{SPBE}.docx").is_file()  # put back after being moved aside
    result, _ = run(register)
    found = states(result)
    assert "edited" not in found.values() and "edited-stale" not in found.values()
    assert sorted(k for k, v in found.items() if v == "stale") == sorted([SPBE, TPA])
    assert set(states(run(register)[0]).values()) == {"unchanged"}


def test_killed_build_is_replayed_from_the_journal(register):
    """A build killed after renaming a draft but before saving the manifest."""
    _, drafts = run(register)
    retitle(register / f"{WISATA}.yaml")
    manifest = (drafts / b.MANIFEST).read_bytes()
    run(register)
    journal_entry = json.loads((drafts / b.MANIFEST).read_text())["drafts"][f"{WISATA}.docx"]
    (drafts / b.MANIFEST).write_bytes(manifest)  # as if the final save never happened
    (drafts / b.JOURNAL).write_text(json.dumps({"draft": f"{WISATA}.docx",
                                                "entry": journal_entry}) + "\n{\"cut")
    result, _ = run(register)
    assert states(result)[WISATA] == "unchanged"
    assert not (drafts / b.JOURNAL).exists()


def test_a_second_build_on_the_same_folder_stops(register):
    drafts = register.parent / "drafts"
    drafts.mkdir()
    with (drafts / b.LOCK).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(b.BuildLockedError):
            run(register)
        result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts)])
        assert result.exit_code == 2
        assert "build lain sedang berjalan" in result.stderr
    assert run(register)[0].exit_code == 0


def test_two_workers_write_the_same_drafts_as_one(register, tmp_path):
    one, drafts = run(register, jobs=1)
    first = {p.relative_to(drafts): zipfile.ZipFile(p).read("word/document.xml")
             for p in drafts.rglob("*.docx")}
    shutil.rmtree(drafts)
    two, _ = run(register, jobs=2)
    second = {p.relative_to(drafts): zipfile.ZipFile(p).read("word/document.xml")
              for p in drafts.rglob("*.docx")}
    assert first == second and len(first) == 4


def test_drafts_are_made_collecting_garbage_seldom_and_the_caller_is_left_as_it_was(register):
    before = gc.get_threshold()
    seen = []
    real = worker.run_job

    def spy(job, renderer=None):
        seen.append(gc.get_threshold()[0])
        return real(job, renderer)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(worker, "run_job", spy)
        run(register, jobs=1)
    assert seen and set(seen) == {worker.COLLECT_AFTER}
    assert gc.get_threshold() == before
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                             initializer=worker.start_worker, initargs=(os.getpid(), None)) as pool:
        assert pool.submit(gc.get_threshold).result()[0] == worker.COLLECT_AFTER


def test_cli_build_plain_progress_and_summary(register):
    drafts = register.parent / "drafts"
    result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "[1/4]" in result.stdout and "[4/4]" in result.stdout
    assert "baru" in result.stdout and "│ 4" in result.stdout
    plan = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts), "--dry-run",
                                     "--all", "--lang", "en"])
    assert "Build plan (nothing written)" in plan.stdout
    assert "stale (--all)" in plan.stdout


def test_redline_shows_the_changes_as_tracked_revisions(register):
    pytest.importorskip("python_redlines")
    _, drafts = run(register)
    edit(register / f"{TPA}.yaml", "pemberitahuan_hari: 14", "pemberitahuan_hari: 21")
    result, _ = run(register, redline=True)
    item = next(i for i in result.items if i.draft == f"{TPA}.docx")
    assert item.redline == f"{TPA}{b.REDLINE}"
    body = Document(str(drafts / item.redline)).element.body
    inserted = "".join(t.text or "" for t in body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
        if t.getparent().getparent().tag.endswith("}ins"))
    assert "21" in inserted
    assert "perubahan terlacak" in (drafts / b.REPORT).read_text()


def test_interrupted_while_rendering_changes_nothing(register, monkeypatch):
    _, drafts = run(register)
    before = {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file() and p.name != b.LOCK}
    for name in (TPA, WISATA):
        retitle(register / f"{name}.yaml")
    job = worker.run_job
    calls = []

    def interrupted(args, cache=None):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return job(args, cache)

    monkeypatch.setattr(worker, "run_job", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(register, jobs=1)
    after = {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file() and p.name != b.LOCK}
    assert after == before  # nothing installed before every input was rendered and checked


@pytest.mark.parametrize(("relative", "expected"), [
    ("a/b/pks.yaml", "a/b/pks.docx"),
    ("../../etc/x.yaml", "etc/x.docx"),
    ("CON/aux.yaml", "_CON/_aux.docx"),
    ('a:b/c*d.yaml', "a_b/c_d.docx"),
])
def test_drafts_stay_inside_the_drafts_folder(relative, expected):
    from pkgen.paths import mirrored

    assert mirrored(Path(relative)).as_posix() == expected


def test_a_build_running_in_another_process_is_respected(register):
    import subprocess
    import sys

    drafts = register.parent / "drafts"
    drafts.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time\n"
         "f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX)\n"
         "print('locked', flush=True); time.sleep(60)", str(drafts / b.LOCK)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(b.BuildLockedError):
            run(register)
        assert not list(drafts.rglob("*.docx"))
    finally:
        holder.kill()
        holder.communicate()
    assert run(register)[0].exit_code == 0


def test_filled_forms_in_the_register_are_built(register):
    from pkgen.forms import agreement_data, write_form
    from pkgen.inputs import load_agreement

    form = register / "formulir-wisata.xlsx"
    form.write_bytes(write_form(data=agreement_data(load_agreement(
        register / f"{WISATA}.yaml").document)))
    result, drafts = run(register)
    assert states(result)["formulir-wisata"] == "new"
    assert (drafts / "formulir-wisata.docx").is_file()
    shutil.copy(form, register / f"{WISATA}.xlsx")  # the same name as a YAML input
    result, _ = run(register)
    clash = next(i for i in result.items if i.rel == f"{WISATA}.xlsx")
    assert clash.state == "failed" and "ganti nama salah satunya" in clash.problems[0].say()
    assert result.exit_code == 2


def test_ksbs_no_pks_follows_are_reported(register):
    result, drafts = run(register)
    assert result.unfollowed == []  # the TPA PKS points to the TPA KSB
    shutil.copy(EXAMPLES / "ksb-tpa-kota-kab-mojokerto.yaml", register / "ksb-spbe.yaml")
    result, _ = run(register)
    assert result.unfollowed == ["ksb-spbe.yaml"]
    assert "## KSB yang belum ditindaklanjuti PKS\n- ksb-spbe.yaml" in (
        drafts / b.REPORT).read_text()
    output = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts)]).stdout
    assert "ksb-spbe.yaml: KSB ini belum ditindaklanjuti PKS" in output


def test_a_trilingual_input_keeps_its_template_from_build_to_build(tmp_path):
    """An input with a Korean text is built with the trilingual template, recorded with its
    languages, and found unchanged on the next build — from the manifest, and from what the
    draft itself records when the manifest is gone."""
    reg = tmp_path / "register"
    reg.mkdir()
    for name in ("mou-spbe-mojokerto-gyeongsangnam",
                 "mou-spbe-mojokerto-gyeongsangnam-tiga-bahasa"):
        shutil.copy(EXAMPLES / f"{name}.yaml", reg)
    result, drafts = run(reg)
    assert result.exit_code == 0 and set(states(result).values()) == {"new"}
    manifest = json.loads((drafts / b.MANIFEST).read_text())["drafts"]
    records = {name[:-5]: entry["draft"]["record"] for name, entry in manifest.items()}
    three = records["mou-spbe-mojokerto-gyeongsangnam-tiga-bahasa"]
    assert Path(three["template"]).name == "ksb_luar_negeri_ko.docx"
    assert three["languages"] == ["id", "en", "ko"]
    assert Path(records["mou-spbe-mojokerto-gyeongsangnam"]["template"]).name == \
        "ksb_luar_negeri.docx"
    result, _ = run(reg)
    assert set(states(result).values()) == {"unchanged"}
    (drafts / b.MANIFEST).unlink()
    result, _ = run(reg)
    assert set(states(result).values()) == {"unchanged"}
