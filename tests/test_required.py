"""What the README calls required is required: each "required" row of its input tables, left
out of a complete example, makes the checker report an error at that key, ``render`` refuse
the input, and ``render --allow-incomplete`` mark the draft DRAF — BELUM LENGKAP."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT
from docx import Document
from pydantic import BaseModel

from pkgen.checks import check_path
from pkgen.cli import main
from pkgen.emit import agreement_yaml
from pkgen.model import MODELS, Pks, missing_parts
from pkgen.model.rules import _conditional_gaps, is_required
from pkgen.translations import split_translations
from pkgen.yamlread import parse_yaml

README = (ROOT / "README.md").read_text(encoding="utf-8")
PKS = EXAMPLES / "pks-tpa-kota-kab-mojokerto.yaml"
KSB = EXAMPLES / "ksb-tpa-kota-kab-mojokerto.yaml"
#: Rows whose "required" cell is a condition: the key paths that condition removes.
CONDITIONS = {
    "jangka_waktu.berakhir": [("jangka_waktu", "berakhir")],  # "one of" berakhir / lama
    "penandatangan.nama": [("pihak", 0, "penandatangan", "nama")],
    "penandatangan.jabatan": [("pihak", 0, "penandatangan", "jabatan")],
    "penyelesaian_perselisihan.nama_forum": [("penyelesaian_perselisihan", "nama_forum")],
    "ksb.berkas": [("ksb",)],
}


def required_rows() -> list[tuple[str, str, tuple]]:
    """(section, key as written, key path to remove) for every required row of the tables."""
    rows = []
    section = ""
    for line in README.split("## The input file", 1)[1].split("\n## ", 1)[0].splitlines():
        if line.startswith("### "):
            section = line[4:]
        cells = [c.strip() for c in line.strip("|").split("|")] if line.startswith("| `") else []
        if len(cells) < 3:
            continue
        keys = re.findall(r"`([\w.]+)`", cells[0])
        needed = cells[1]
        for key in keys:
            full = f"penandatangan{key}" if key.startswith(".") else key
            if full in CONDITIONS and needed:
                rows += [(section, full, loc) for loc in CONDITIONS[full]]
            elif needed.startswith("yes"):
                loc = tuple(full.split("."))
                rows.append((section, full, ("pihak", 0, *loc) if section.startswith(
                    "A party") else loc))
    return rows


ROWS = required_rows()


def _without(data: dict, loc: tuple) -> dict:
    parent = data
    for part in loc[:-1]:
        parent = parent[part]
    del parent[loc[-1]]
    return data


def test_the_readme_lists_required_parts():
    keys = {key for _s, key, _l in ROWS}
    assert {"tentang", "objek", "nama", "hak", "keadaan_kahar.batas_pemberitahuan_hari",
            "pengakhiran.pemberitahuan_hari"} <= keys, keys


@pytest.mark.parametrize(("section", "key", "loc"), ROWS, ids=[f"{k}" for _s, k, _l in ROWS])
def test_a_required_part_left_out_is_an_error(section, key, loc, tmp_path):
    source = PKS if "KSB only" not in section else KSB
    data = parse_yaml(source.read_bytes(), source).data
    if loc[0] not in data and source is PKS:
        source, data = KSB, parse_yaml(KSB.read_bytes(), KSB).data
    target = tmp_path / "masukan.yaml"
    (tmp_path / KSB.name).write_bytes(KSB.read_bytes())
    target.write_text(agreement_yaml(_without(data, loc)), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["render", str(target), "-o", str(tmp_path / "d.docx")])
    assert result.exit_code in (1, 2), result.output
    assert not (tmp_path / "d.docx").exists()
    if loc in (("dokumen",), ("jenis",), ("pihak",)):  # what an input is: nothing loads without
        assert loc[0] in result.output and result.exit_code == 2
        return
    report = check_path(target)
    errors = [f for f in report.findings if f.severity == "error"]
    shown = str(loc[2] if loc[0] == "pihak" else loc[0])
    assert any(f.location and shown in (f.location.key or "") or f.clause and
               f.clause.startswith(shown.split("_")[0]) or f.rule.id.startswith(shown)
               for f in errors), [(f.rule.id, f.location) for f in errors]
    result = runner.invoke(main, ["render", str(target), "-o", str(tmp_path / "d.docx"),
                                  "--allow-incomplete"])
    assert result.exit_code == 0, result.output
    header = Document(str(tmp_path / "d.docx")).sections[0].header.paragraphs[0].text
    assert header == "DRAF — BELUM LENGKAP"


def test_the_model_and_the_readme_agree():
    """Every part the model marks as needed appears in the README's tables as required."""
    documented = {key.split(".")[-1] for _s, key, _l in ROWS}
    data = parse_yaml(PKS.read_bytes(), PKS).data
    for key in list(data):
        if key not in ("dokumen", "jenis", "pihak"):
            del data[key]
    data["pihak"] = [{}, {}]
    gaps = missing_parts(Pks.model_validate({**data, "jenis": "KSDD"}))
    names = {str(g.loc[-1]) for g in gaps}
    assert names <= documented | {"penandatangan", "penandatanganan", "maksud_tujuan",
                                  "pembiayaan", "jangka_waktu", "keadaan_kahar",
                                  "penyelesaian_perselisihan", "pengakhiran"}, \
        names - documented


def _every_gap(model, loc=()):
    """The gaps found by looking at every field of every part (what missing_parts skips
    looking at cannot hold one)."""
    for name, info in type(model).model_fields.items():
        value, here = getattr(model, name), (*loc, name)
        if value is None and is_required(info):
            yield here
        elif isinstance(value, BaseModel):
            yield from _every_gap(value, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _every_gap(item, (*here, i))


@pytest.mark.parametrize("kept", [None, ("dokumen", "jenis", "pihak"),
                                  ("dokumen", "jenis", "pihak", "pembiayaan", "penandatanganan")])
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_the_parts_looked_at_are_all_that_can_be_missing(path, kept):
    data = parse_yaml(path.read_bytes(), path).data
    data = split_translations(data, {}, {}, path).data
    if kept:
        data = {k: v for k, v in data.items() if k in kept}
        data["pihak"] = [{"penandatangan": {}}, {}]
    model = MODELS[data["dokumen"].upper()]
    document = model.model_validate(data)
    walked = {g.loc for g in missing_parts(document)} - {
        g.loc for g in _conditional_gaps(document)}
    assert walked == set(_every_gap(document))
