"""The edit-kind matrix: every kind of edit a person can make in Word or LibreOffice, then an
input change and a rebuild. The edit is never lost; a LibreOffice re-save alone is no edit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from buildkit import retitle, run, states, text
from conftest import EXAMPLES, soffice
from docx_edits import EDITS

from pkgen import build as b
from pkgen.fingerprint import fingerprint, match

SOURCE = EXAMPLES / "pks-pariwisata-disporabudpar-swasta.yaml"
#: LibreOffice without its Math module (as in CI) drops equations when it saves.
NOT_THROUGH_LIBREOFFICE = {"equation"}


def _register(tmp_path, names):
    register = tmp_path / "register"
    register.mkdir()
    for name in names:
        shutil.copy(SOURCE, register / f"{name}.yaml")
    return register


def _apply(drafts, names):
    """Each edit saved over its draft as an editor saves (a new file renamed over it)."""
    for name in names:
        kind = name.removesuffix("-lo")
        tmp = drafts / f"~{name}.tmp"
        EDITS[kind](drafts / f"{name}.docx", tmp)
        Path(tmp).replace(drafts / f"{name}.docx")


def _libreoffice_resave(paths, tmp_path):
    """Open and save each file in headless LibreOffice, then put the result in its place."""
    out = tmp_path / "lo-out"
    out.mkdir(parents=True)
    subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                    "--headless", "--convert-to", "docx", "--outdir", str(out),
                    *map(str, paths)], check=True, capture_output=True, timeout=600)
    for path in paths:
        Path(out / path.name).replace(path)


def _rebuild_after_input_change(register, drafts, names):
    before = {n: (drafts / f"{n}.docx").read_bytes() for n in names}
    for path in register.glob("*.yaml"):
        retitle(path)
    result, _ = run(register)
    return result, before


def test_every_kind_of_edit_survives_an_input_change(tmp_path):
    names = sorted(EDITS)
    register = _register(tmp_path, [*names, "untouched"])
    _, drafts = run(register)
    _apply(drafts, names)
    found = states(run(register)[0])
    assert {n: found[n] for n in names} == dict.fromkeys(names, "edited"), "edits not seen"
    assert found["untouched"] == "unchanged"
    result, before = _rebuild_after_input_change(register, drafts, names)
    found = states(result)
    lost = [n for n in names if (drafts / f"{n}.docx").read_bytes() != before[n]]
    assert lost == [], f"edits lost: {lost}"
    assert {n: found[n] for n in names} == dict.fromkeys(names, "edited-stale")
    for name in names:
        assert "TAHAP II" in text(drafts / f"{name}{b.BESIDE}")
    assert found["untouched"] == "stale" and "TAHAP II" in text(drafts / "untouched.docx")
    print(f"edit-kind matrix: {len(names)} kinds, {len(names)} detected, 0 lost")


@pytest.mark.libreoffice
def test_libreoffice_resave_is_no_edit_and_keeps_every_edit(tmp_path):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    edited = [f"{n}-lo" for n in sorted(EDITS) if n not in NOT_THROUGH_LIBREOFFICE]
    resaved = ["resaved", "resaved-twice"]
    register = _register(tmp_path, [*edited, *resaved])
    _, drafts = run(register)
    written = {n: fingerprint(drafts / f"{n}.docx") for n in resaved}
    _apply(drafts, edited)  # edited, then saved by LibreOffice: as a reviewer using it would
    _libreoffice_resave([drafts / f"{n}.docx" for n in [*edited, *resaved]], tmp_path)
    _libreoffice_resave([drafts / "resaved-twice.docx"], tmp_path / "again")
    for name in resaved:
        assert match(written[name], fingerprint(drafts / f"{name}.docx")), name
    found = states(run(register)[0])
    assert found["resaved"] == found["resaved-twice"] == "unchanged"
    assert {n: found[n] for n in edited} == dict.fromkeys(edited, "edited"), "edits not seen"
    result, before = _rebuild_after_input_change(register, drafts, edited)
    found = states(result)
    assert [n for n in edited if (drafts / f"{n}.docx").read_bytes() != before[n]] == []
    assert {n: found[n] for n in edited} == dict.fromkeys(edited, "edited-stale")
    assert found["resaved"] == found["resaved-twice"] == "stale"  # replaced: not an edit
    print(f"LibreOffice: {len(edited)} kinds edited and re-saved, {len(edited)} detected, "
          f"0 lost; {len(resaved)} re-saves without a change, 0 taken for edits")
