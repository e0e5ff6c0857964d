"""Hand edits are never lost: each situation where a build once lost one, reproduced."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

import pytest
from buildkit import KSB, SPBE, TPA, WISATA, item, make_register, retitle, run, states, text
from buildkit import word_save as save
from click.testing import CliRunner
from conftest import EXAMPLES
from docx import Document

from pkgen import build as b
from pkgen import drafts as drafts_module
from pkgen.build import install, store, worker
from pkgen.build import run as b_run
from pkgen.cli import main
from pkgen.fingerprint import fingerprint, match
from pkgen.templating import Given


@pytest.fixture
def register(tmp_path):
    return make_register(tmp_path)


def manifest(drafts: Path) -> dict:
    return json.loads((drafts / b.MANIFEST).read_text())["drafts"]


def unwrapped(output: str) -> str:
    """Console output with the lines rich wrapped (at 120 columns, off a terminal) joined
    again: where a long path breaks a line depends on the length of the test's folder."""
    return output.replace("\n", "")


def assert_consistent(drafts: Path) -> None:
    """Every draft the manifest says pkgen wrote unedited is on disk with that stat and
    content; no staging or journal is left."""
    assert not (drafts / b.STAGING).exists() and not (drafts / b.JOURNAL).exists()
    for entry in manifest(drafts).values():
        for copy in (entry["draft"], entry["beside"]):
            if copy is None:
                continue
            path = drafts / copy["path"]
            found = path.stat()
            if [found.st_size, found.st_mtime_ns, found.st_ino] == copy["stat"]:
                assert match(copy["record"]["fingerprint"], fingerprint(path)), path


# --- someone saved a draft while a build was rendering ---------------------------------------

def test_a_draft_saved_while_the_build_renders_is_kept(register, monkeypatch):
    _, drafts = run(register)
    names = [TPA, KSB, WISATA, SPBE]
    for name in names:
        retitle(register / f"{name}.yaml")
    job = worker.run_job

    def render_while_someone_saves(one, cache=None):
        save(drafts / one.draft, f"saat-render-{one.draft}")  # planned unedited, now edited
        return job(one, cache)

    monkeypatch.setattr(worker, "run_job", render_while_someone_saves)
    result, _ = run(register)
    for name in names:
        assert f"saat-render-{name}.docx" in text(drafts / f"{name}.docx")
        assert item(result, name).state == "edited-stale"
        assert item(result, name).reason == "changed_during_build"
        assert "Tahap II" in text(drafts / f"{name}{b.BESIDE}")
    monkeypatch.setattr(worker, "run_job", job)
    assert set(states(run(register)[0]).values()) == {"edited"}
    assert_consistent(drafts)


@pytest.mark.parametrize("when", ["just before the move aside", "just after the move aside"])
def test_a_save_racing_the_install_is_kept(register, monkeypatch, when):
    _, drafts = run(register)
    retitle(register / f"{WISATA}.yaml")
    draft = drafts / f"{WISATA}.docx"
    rename = os.rename

    def racing(src, dst):
        if Path(dst).name.startswith("aside-") and when.endswith("before the move aside"):
            save(Path(src), "balapan")
        rename(src, dst)
        if Path(dst).name.startswith("aside-") and when.endswith("after the move aside"):
            shutil.copy(dst, src)
            save(Path(src), "balapan")

    monkeypatch.setattr(install.os, "rename", racing)
    result, _ = run(register)
    monkeypatch.setattr(install.os, "rename", rename)
    assert "balapan" in text(draft)
    assert item(result, WISATA).state == "edited-stale"
    assert "Tahap II" in text(drafts / f"{WISATA}{b.BESIDE}")
    assert_consistent(drafts)


# --- Ctrl-C while installing -----------------------------------------------------------------

def test_ctrl_c_while_installing_records_the_draft_just_installed(register, monkeypatch):
    _, drafts = run(register)
    for name in (TPA, WISATA, SPBE):
        retitle(register / f"{name}.yaml")
    place, calls = b_run.place, []

    def interrupted(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGINT)  # arrives in the middle of an install
        return place(*args, **kwargs)

    monkeypatch.setattr(b_run, "place", interrupted)
    with pytest.raises(b.BuildInterrupted):
        run(register)
    monkeypatch.setattr(b_run, "place", place)
    assert_consistent(drafts)
    installed = [n for n in (WISATA, SPBE) if "Tahap II" in text(drafts / f"{n}.docx")]
    assert installed == [WISATA, SPBE]  # the second install finished before stopping
    found = states(run(register)[0])
    assert found[TPA] == "stale" and "edited" not in found.values()


class _Gone:
    pass


def _ctrl_c_in_a_weakref_callback() -> None:
    """Ctrl-C handled while Python runs a weakref callback, where it sets any exception
    aside ("Exception ignored in …") and goes on."""
    def callback(_ref):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(10_000):  # the handler runs here, inside the callback
            pass

    gone = _Gone()
    ref = weakref.ref(gone, callback)
    del gone
    assert ref() is None


def test_a_ctrl_c_python_sets_aside_stops_the_build_at_its_next_step(register, monkeypatch,
                                                                    capfd):
    _, drafts = run(register)
    for name in (TPA, WISATA, SPBE):
        retitle(register / f"{name}.yaml")
    outcomes = b_run._run

    def interrupted(*args):
        for n, outcome in enumerate(outcomes(*args)):
            if n == 0:
                _ctrl_c_in_a_weakref_callback()
            yield outcome

    monkeypatch.setattr(b_run, "_run", interrupted)
    capfd.readouterr()
    with pytest.raises(b.BuildInterrupted):
        run(register)
    assert "Exception ignored" not in capfd.readouterr().err
    monkeypatch.setattr(b_run, "_run", outcomes)
    assert_consistent(drafts)
    assert all("Tahap II" not in text(drafts / f"{n}.docx") for n in (TPA, WISATA, SPBE))
    assert "edited" not in states(run(register)[0]).values()


def test_sigterm_stops_a_build_between_steps(register, monkeypatch):
    _, drafts = run(register)
    retitle(register / f"{WISATA}.yaml")
    job = worker.run_job

    def terminated(one, cache=None):
        os.kill(os.getpid(), signal.SIGTERM)
        return job(one, cache)

    monkeypatch.setattr(worker, "run_job", terminated)
    result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts)])
    assert result.exit_code == 128 + signal.SIGTERM
    assert "build dihentikan (SIGTERM)" in result.stderr and "Traceback" not in result.output
    assert_consistent(drafts)


# --- an input edited while the build runs ------------------------------------------------------

@pytest.mark.parametrize("when", ["before it is loaded", "after it is loaded"])
def test_an_input_saved_while_it_is_rendered_is_never_left_stale(register, monkeypatch, when):
    run(register)
    path = register / f"{WISATA}.yaml"
    retitle(path, " Versi 1")
    load, calls = drafts_module.load_agreement, []

    def saved_meanwhile(source, *args):
        calls.append(source)
        if len(calls) == 1 and when == "before it is loaded":
            retitle(path, " Versi 2")
        loaded = load(source, *args)
        if len(calls) == 1 and when == "after it is loaded":
            retitle(path, " Versi 2")
        return loaded

    monkeypatch.setattr(drafts_module, "load_agreement", saved_meanwhile)
    run(register)
    monkeypatch.setattr(drafts_module, "load_agreement", load)
    drafts = register.parent / "drafts"
    current = "VERSI 1 VERSI 2" in text(drafts / f"{WISATA}.docx")
    assert current == (when == "before it is loaded")  # rendered again from the new bytes
    result, _ = run(register)  # the recorded hash is that of the bytes rendered
    assert states(result)[WISATA] == ("unchanged" if current else "stale")
    assert "VERSI 1 VERSI 2" in text(drafts / f"{WISATA}.docx")
    assert states(run(register)[0])[WISATA] == "unchanged"


# --- a hand edit undone after NAME.pkgen-baru.docx was written ----------------------------------

def test_an_undone_edit_lets_the_draft_be_brought_up_to_date(register):
    _, drafts = run(register)
    draft = drafts / f"{WISATA}.docx"
    original = Document(str(draft))
    save(draft, "sementara")
    retitle(register / f"{WISATA}.yaml")
    result, _ = run(register)
    assert states(result)[WISATA] == "edited-stale"
    assert (drafts / f"{WISATA}{b.BESIDE}").is_file()
    assert states(run(register)[0])[WISATA] == "edited"  # nothing more to do meanwhile
    original.save(str(draft))  # the edit undone, saved again
    result, _ = run(register)
    assert states(result)[WISATA] == "stale"
    assert "TAHAP II" in text(draft)
    assert not (drafts / f"{WISATA}{b.BESIDE}").exists()  # no longer needed
    assert states(run(register)[0])[WISATA] == "unchanged"
    assert_consistent(drafts)


# --- the manifest lost or damaged -------------------------------------------------------------

@pytest.mark.parametrize("damage", [None, "", "[]", "null", '{"drafts": []}', "{rusak",
                                    '{"versi": 2, "drafts": {"x.docx": {"draft": 1}}}'],
                         ids=["deleted", "emptied", "list", "null", "wrong-drafts", "not-json",
                              "wrong-entry"])
def test_a_lost_or_damaged_manifest_costs_nothing(register, damage):
    _, drafts = run(register)
    save(drafts / f"{SPBE}.docx", "suntingan-nyata")
    if damage is None:
        (drafts / b.MANIFEST).unlink()
    else:
        (drafts / b.MANIFEST).write_text(damage)
    result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts)])
    assert "Traceback" not in result.output
    if damage is None:
        assert result.exit_code == 0
    else:
        assert result.exit_code == 2
        assert "dibangun ulang dari draf itu sendiri" in result.stderr
        assert "hanya draf yang benar-benar disunting" in result.stderr
        assert (drafts / ".pkgen-manifest.rusak.json").read_text() == damage
    assert "│ 3" in result.stdout  # three unchanged, re-adopted
    assert set(manifest(drafts)) == {f"{n}.docx" for n in (TPA, KSB, WISATA, SPBE)}
    for name in (TPA, KSB, WISATA, SPBE):
        retitle(register / f"{name}.yaml")
    found = states(run(register)[0])
    assert found == {TPA: "stale", KSB: "stale", WISATA: "stale", SPBE: "edited-stale"}
    assert "suntingan-nyata" in text(drafts / f"{SPBE}.docx")
    assert_consistent(drafts)


# --- kill -9 or SIGTERM of a build with worker processes ----------------------------------------

def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, read from every /proc/N/stat (not every kernel
    has /proc/N/task/N/children)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if fields and int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_workers_end_with_a_killed_build_and_the_lock_is_free(tmp_path, sig):
    register = tmp_path / "register"
    register.mkdir()
    source = (EXAMPLES / "pks-pariwisata-disporabudpar-swasta.yaml").read_text()
    for n in range(60):
        (register / f"pks-{n:02d}.yaml").write_text(source.replace(
            "tentang: Pengembangan", f"tentang: ({n}) Pengembangan", 1))
    drafts = tmp_path / "drafts"
    build = subprocess.Popen([sys.executable, "-c", "from pkgen.cli import main; main()",
                              "build", str(register), "-o", str(drafts), "--jobs", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             cwd=tmp_path)  # the installed pkgen, not a source tree here
    deadline, workers = time.monotonic() + 60, []
    while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
        workers = _children(build.pid)
        time.sleep(0.02)
    assert len(workers) == 2, "the build did not start two workers"
    build.send_signal(sig)
    build.wait(30)
    deadline = time.monotonic() + 5
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(w) for w in workers), "worker processes outlived the build"
    result, _ = run(register, jobs=2)
    assert result.exit_code == 0 and result.count("failed") == 0
    assert_consistent(drafts)


def test_a_live_lock_names_its_holder_and_a_dead_ones_is_taken_over(register, tmp_path):
    drafts = register.parent / "drafts"
    drafts.mkdir()
    with store.locked(drafts):
        result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts)])
        assert result.exit_code == 2
        assert f"(proses {os.getpid()} di komputer" in result.stderr
        render = CliRunner().invoke(main, ["render", str(register / f"{WISATA}.yaml"), "-o",
                                           str(drafts)])
        assert render.exit_code == 0  # not a drafts folder yet: no manifest
    run(register)
    with store.locked(drafts):  # pkgen render into a drafts folder respects the build's lock
        render = CliRunner().invoke(main, ["render", str(register / f"{WISATA}.yaml"), "-o",
                                           str(drafts), "--force"])
        assert render.exit_code == 2 and "build lain sedang berjalan" in render.stderr
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    orphan = subprocess.Popen(  # holds the lock it inherited, for a holder that is gone
        [sys.executable, "-c", "import fcntl, json, sys, time\n"
         "f = open(sys.argv[1], 'r+'); fcntl.flock(f, fcntl.LOCK_EX)\n"
         "f.write(json.dumps({'pid': int(sys.argv[2]), 'host': sys.argv[3]})); f.flush()\n"
         "print('locked', flush=True); time.sleep(60)", str(drafts / b.LOCK), str(gone.pid),
         __import__("socket").gethostname()], stdout=subprocess.PIPE, text=True)
    try:
        assert orphan.stdout.readline().strip() == "locked"
        assert run(register)[0].exit_code == 0
    finally:
        orphan.kill()
        orphan.communicate()


# --- disk full, unwritable folders and drafts ---------------------------------------------------

def test_a_full_disk_names_the_draft_and_leaves_no_staging(register, monkeypatch):
    _, drafts = run(register)
    retitle(register / f"{WISATA}.yaml")
    write = worker._write_staged

    def full(path, data):
        path.write_bytes(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(worker, "_write_staged", full)
    result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts)])
    monkeypatch.setattr(worker, "_write_staged", write)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{drafts / WISATA}.docx: disk penuh" in unwrapped(result.stdout)
    assert not (drafts / b.STAGING).exists()
    assert not [p for p in drafts.rglob("*") if p.suffix == ".tmp"]
    assert "Tahap II" not in text(drafts / f"{WISATA}.docx")


def test_a_draft_that_cannot_be_flushed_to_disk_replaces_nothing(register, monkeypatch):
    _, drafts = run(register)
    retitle(register / f"{WISATA}.yaml")
    retitle(register / f"{TPA}.yaml")
    before = (drafts / f"{WISATA}.docx").read_bytes()
    flushed: list[Path] = []
    lock = threading.Lock()

    def failing(path):
        with lock:  # flushes run in several threads
            flushed.append(path)
            first = len(flushed) == 1
        if first:  # the first staged draft: an I/O error
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(b_run, "fsync_file", failing)
    result, _ = run(register, jobs=2)
    failed = [i for i in result.items if i.state == b.State.FAILED]
    assert len(flushed) == 2 and len(failed) == 1
    assert failed[0].failure == b.Failure.OUTPUT and "Input/output error" in str(
        failed[0].problems[0])
    assert not flushed[0].exists()  # the draft that failed is gone with the staging folder
    assert not (drafts / b.STAGING).exists()
    if failed[0].draft == f"{WISATA}.docx":
        assert (drafts / f"{WISATA}.docx").read_bytes() == before
    assert_consistent(drafts)


def test_a_really_full_disk(register, tmp_path):
    drafts = tmp_path / "kecil"
    drafts.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=120k", "tmpfs", str(drafts)],
                             capture_output=True)
    if mounted.returncode:
        pytest.skip("cannot mount a small file system here")
    try:
        result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts),
                                           "--jobs", "1"])
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert "disk penuh" in unwrapped(result.stdout)
        assert not (drafts / b.STAGING).exists()
        for draft in drafts.rglob("*.docx"):
            Document(str(draft))  # those written are whole
    finally:
        subprocess.run(["umount", str(drafts)], check=True)


def test_an_unwritable_drafts_folder_is_a_message(register, monkeypatch):
    drafts = register.parent / "drafts"
    touch = Path.touch

    def refused(self, *args, **kwargs):
        if self.parent == drafts:
            raise PermissionError(errno.EACCES, "Permission denied")
        return touch(self, *args, **kwargs)

    monkeypatch.setattr(Path, "touch", refused)
    result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "folder draf tidak dapat ditulis (Permission denied)" in result.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_drafts_folder(register):
    _, drafts = run(register)
    retitle(register / f"{WISATA}.yaml")
    drafts.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts)])
    finally:
        drafts.chmod(0o755)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "tidak dapat ditulis" in result.stderr


def test_a_draft_that_cannot_be_written_fails_alone(register, monkeypatch):
    _, drafts = run(register)
    for name in (WISATA, SPBE):
        retitle(register / f"{name}.yaml")
    link, denials = install.os.link, []

    def denied(src, dst):
        if Path(dst).name == f"{WISATA}.docx" and not denials:
            denials.append(dst)
            raise PermissionError(errno.EACCES, "Permission denied")
        return link(src, dst)

    monkeypatch.setattr(install.os, "link", denied)
    result, _ = run(register)
    monkeypatch.setattr(install.os, "link", link)
    assert states(result)[WISATA] == "failed" and states(result)[SPBE] == "stale"
    assert "Permission denied" in item(result, WISATA).problems[0].say()
    assert result.exit_code == 2
    assert (drafts / f"{WISATA}.docx").is_file()  # put back where it was
    assert_consistent(drafts)


def test_a_read_only_draft_is_protected(register):
    _, drafts = run(register)
    draft = drafts / f"{WISATA}.docx"
    before = draft.read_bytes()
    draft.chmod(0o444)
    retitle(register / f"{WISATA}.yaml")
    result, _ = run(register)
    assert states(result)[WISATA] == "edited-stale"
    assert item(result, WISATA).reason == "read_only"
    assert draft.read_bytes() == before
    assert "TAHAP II" in text(drafts / f"{WISATA}{b.BESIDE}")
    refused = CliRunner().invoke(main, ["render", str(register / f"{WISATA}.yaml"), "-o",
                                        str(drafts), "--force"])
    assert refused.exit_code == 2 and draft.read_bytes() == before


# --- a template edited in place between two builds in one process --------------------------------

def test_a_template_edited_in_place_is_rendered_anew(register, tmp_path):
    from pkgen.render import builtin_templates

    template = tmp_path / "templat.docx"
    shutil.copy(builtin_templates()["pks_ksdd"], template)
    _, drafts = run(register, templates=[Given(template)])  # a KSDD template: for KSDD only
    assert "\nANTARA\n" in text(drafts / f"{SPBE}.docx")
    doc = Document(str(template))
    heading = next(p for p in doc.paragraphs if p.text == "ANTARA")
    heading.runs[0].text = "ANTARA (DIUBAH)"
    doc.save(str(template))  # the same path, new content, in the same process
    result, _ = run(register, templates=[Given(template)])
    assert item(result, SPBE).reason == item(result, TPA).reason == "template"
    for name in (SPBE, TPA):
        assert "\nANTARA (DIUBAH)\n" in text(drafts / f"{name}.docx")


# --- pkgen render into a drafts folder ---------------------------------------------------------

def test_render_into_a_drafts_folder_never_replaces_an_edit(register):
    _, drafts = run(register)
    save(drafts / f"{WISATA}.docx", "disunting")
    result = CliRunner().invoke(main, ["render", str(register / f"{WISATA}.yaml"), "-o",
                                       str(drafts)])
    assert result.exit_code == 2 and "telah disunting sejak ditulis pkgen" in result.stderr
    assert "disunting" in text(drafts / f"{WISATA}.docx")
    result = CliRunner().invoke(main, ["render", str(register / f"{SPBE}.yaml"), "-o",
                                       str(drafts)])
    assert result.exit_code == 0  # an unedited draft is replaced, through the install path
    assert not (drafts / b.STAGING).exists() and not (drafts / b.JOURNAL).exists()
    assert states(run(register)[0])[SPBE] in ("unchanged", "stale")
