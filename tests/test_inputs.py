"""Loading inputs: every class of bad input gives a located, explained problem."""

import hashlib
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES, PKS_TPA, PKS_WISATA

from pkgen.errors import InputError
from pkgen.inputs import load_agreement
from pkgen.model import Ksb, Pks


def problems(path: Path):
    with pytest.raises(InputError) as info:
        load_agreement(path)
    return info.value.problems


def only(path: Path):
    found = problems(path)
    assert len(found) == 1, [p.format() for p in found]
    return found[0]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_load(path):
    loaded = load_agreement(path)
    assert loaded.kind in ("PKS", "KSB", "LOI")
    assert len(loaded.digest) == 64


def test_ksb_file_is_followed():
    loaded = load_agreement(PKS_TPA)
    assert isinstance(loaded.document, Pks)
    assert isinstance(loaded.ksb, Ksb)
    assert loaded.ksb.pihak[0].nomor == "180/45/417.111/2019"


def test_misspelt_key_suggests_the_right_one(edited):
    path = edited(PKS_TPA, "keadaan_kahar:", "keadan_kahar:")
    found = {p.code: p for p in problems(path)}
    typo = found["extra_forbidden"]
    assert typo.key == "keadan_kahar"
    assert typo.line == path.read_text().splitlines().index("keadan_kahar:") + 1
    assert "Mungkin maksud Anda 'keadaan_kahar'?" in typo.format("id")
    assert "Did you mean 'keadaan_kahar'?" in typo.format("en")


def test_unknown_key_without_close_match_lists_allowed_keys(edited):
    path = edited(PKS_TPA, "  tempat: Mojokerto\n", "  tempat: Mojokerto\n  warna: biru\n")
    problem = only(path)
    assert problem.key == "penandatanganan.warna"
    assert "tanggal, tempat" in problem.format("en")


def test_nested_key_path_counts_list_items_from_one(edited):
    path = edited(PKS_TPA, "      nama: Drs. Mochammad", "      naam: Drs. Mochammad")
    assert only(path).key == "pihak[2].penandatangan.naam"


@pytest.mark.parametrize(
    ("old", "new", "code", "key"),
    [
        ("tanggal: 2020-11-16", "tanggal: 2019-02-30", "date_invalid", "penandatanganan.tanggal"),
        ("tanggal: 2020-11-16", "tanggal: 16-13-2020", "date_invalid", "penandatanganan.tanggal"),
        ("tanggal: 2020-11-16", "tanggal: 11/16/2020", "date_invalid", "penandatanganan.tanggal"),
        ("tanggal: 2020-11-16", "tanggal: 20201116", "date_type", "penandatanganan.tanggal"),
        ("tanggal: 2020-11-16", "tanggal: 16 Nopember 20", "date_type",
         "penandatanganan.tanggal"),
        ("tanggal: 2020-11-16", "tanggal: 16/11/2202", "date_year", "penandatanganan.tanggal"),
        ("batas_pemberitahuan_hari: 14", "batas_pemberitahuan_hari: empat belas",
         "int_parsing", "keadaan_kahar.batas_pemberitahuan_hari"),
        ("batas_pemberitahuan_hari: 14", "batas_pemberitahuan_hari: 0",
         "greater_than_equal", "keadaan_kahar.batas_pemberitahuan_hari"),
        ("jenis: KSDD", "jenis: KSDX", "enum", "jenis"),
        ("berakhir: 2023-12-31", "berakhir: 2020-12-31", "end_before_start", "jangka_waktu"),
        ("jumlah: 1250000000", "jumlah: -5", "amount_not_positive", "pembiayaan.sumber[2].jumlah"),
        ("jumlah: 1250000000", "jumlah: 99999999999999999999", "amount_too_large",
         "pembiayaan.sumber[2].jumlah"),
        ("jumlah: 1250000000", "jumlah: 12.3456", "amount_format", "pembiayaan.sumber[2].jumlah"),
        ("jumlah: 1250000000", "jumlah: 1,250,000", "amount_format", "pembiayaan.sumber[2].jumlah"),
        ("jumlah: 1250000000", "jumlah: 1e9", "amount_format", "pembiayaan.sumber[2].jumlah"),
        ("jumlah: 1250000000", "jumlah: satu juta", "amount_format", "pembiayaan.sumber[2].jumlah"),
        ("      pihak: 2\n      jumlah", "      pihak: 7\n      jumlah", "party_index",
         "pembiayaan.sumber[2].pihak"),
        ("  rangkap: 2", "  rangkap: 1", "penutup_rangkap", "penutup.rangkap"),
        ("objek: pemanfaatan", "objek:\n  - pemanfaatan", "string_type", "objek"),
        ("dokumen: PKS", "dokumen: MOU", "dokumen_unknown", "dokumen"),
        ("dokumen: PKS\n", "", "dokumen_unknown", "dokumen"),
        ('      nip: "19700512 199503 2 004"', "      nip: 19700512 199503 2 04", "nip_length",
         "pihak[1].penandatangan.nip"),
        ('      nip: "19700512 199503 2 004"', "      nip: 19701312 199503 2 004", "nip_invalid",
         "pihak[1].penandatangan.nip"),
        ('      nip: "19700512 199503 2 004"', "      nip: 19700512 199513 2 004", "nip_invalid",
         "pihak[1].penandatangan.nip"),
        ('      nip: "19700512 199503 2 004"', "      nip: 19700512 199503 3 004", "nip_invalid",
         "pihak[1].penandatangan.nip"),
        ('      nip: "19700512 199503 2 004"', "      nip: 19700512 196003 2 004", "nip_invalid",
         "pihak[1].penandatangan.nip"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isidentifier() else None,
)
def test_bad_values(edited, old, new, code, key):
    problem = only(edited(PKS_TPA, old, new))
    assert (problem.code, problem.key or None) == (code, key), problem.format("en")
    assert problem.line is not None or key is None
    assert problem.file is not None
    assert problem.format("id") != problem.format("en")
    assert "{" not in problem.format("id") and "…" not in problem.format("id")


def test_one_party_is_not_an_agreement(edited):
    text = PKS_WISATA.read_text()
    start = text.index("  - nama: PT Majapahit")
    end = text.index("ksb:")
    path = edited(PKS_WISATA, text[start:end], "", "    - 003/MWN-KSB/XI/2020\n", "")
    found = problems(path)
    assert [p.code for p in found] == ["too_short"]
    assert found[0].key == "pihak"


def test_a_ksb_file_changed_between_loads_is_read_again(edited, tmp_path):
    pks = edited(PKS_TPA)
    first = load_agreement(pks)
    ksb = tmp_path / "ksb-tpa-kota-kab-mojokerto.yaml"
    ksb.write_text(ksb.read_text(encoding="utf-8").replace(
        "tentang: Kerja Sama Pengelolaan Sampah Regional",
        "tentang: Kerja Sama Pengelolaan Sampah Terpadu"), encoding="utf-8")
    second = load_agreement(pks)
    assert first.ksb.tentang.endswith("Regional") and second.ksb.tentang.endswith("Terpadu")
    assert second.ksb_digest == hashlib.sha256(ksb.read_bytes()).hexdigest() != first.ksb_digest
    ksb.unlink()
    assert [p.code for p in problems(pks)] == ["file_not_found", "ksb_file_invalid"]


def test_ksb_numbers_must_match_parties(edited):
    problem = only(edited(PKS_WISATA, "    - 003/MWN-KSB/XI/2020\n", ""))
    assert (problem.code, problem.key) == ("ksb_nomor_count", "ksb.nomor")


def test_inline_ksb_and_file_are_exclusive(edited):
    problem = only(edited(PKS_TPA, "  berkas: ksb-tpa", "  tanggal: 2019-10-28\n  berkas: ksb-tpa"))
    assert (problem.code, problem.key) == ("ksb_inline_or_file", "ksb")


def test_missing_ksb_file(edited):
    found = problems(edited(PKS_TPA, "berkas: ksb-tpa-kota", "berkas: tidak-ada-kota"))
    assert [p.code for p in found] == ["file_not_found", "ksb_file_invalid"]
    assert found[1].key == "ksb.berkas"


def test_ksb_file_must_be_a_ksb(edited, tmp_path):
    other = edited(PKS_WISATA, "dokumen: PKS", "dokumen: PKS", name="lain.yaml")
    problem = only(edited(PKS_TPA, "berkas: ksb-tpa-kota-kab-mojokerto.yaml",
                          f"berkas: {other.name}"))
    assert problem.code == "ksb_file_not_ksb"


def test_unquoted_number_is_text(edited):
    loaded = load_agreement(edited(PKS_WISATA, 'nomor: "14"', "nomor: 14"))
    assert loaded.document.pihak[1].kewenangan.nomor == "14"


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("jenis: KSDD\n\tdokumen: PKS\n", "yaml_tab", 2),
        ("jenis: KSDD\njenis: KSDPK\n", "yaml_duplicate_key", 2),
        ("jenis: [KSDD\n", "yaml_flow", 1),
        ("- a\n- b\n", "yaml_not_mapping", 1),
        ("", "yaml_not_mapping", 1),
        ("a: &x [1, 2]\nb: *x\n", "yaml_alias", 2),
        ("tentang: a\vb\n", "control_character", 1),
        ("jenis: KSDD\npihak:\n\u00a0 - nama: A\n", "yaml_nbsp", 3),
        ("jenis: KSDD\npihak:\n  -\u2007nama: A\n", "yaml_nbsp", 3),
        ("jenis: KSDD\ntentang:\u202fA\n", "yaml_nbsp", 2),
    ],
    ids=["tab", "duplicate", "syntax", "list", "empty", "alias", "control", "nbsp-indent",
         "figure-space-after-dash", "narrow-nbsp-after-colon"],
)
def test_bad_yaml(tmp_path, text, code, line):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    problem = only(path)
    assert (problem.code, problem.line) == (code, line), problem.format("en")


@pytest.mark.parametrize("old, new, key", [
    ("nama: Ir. Endah Sulistyowati, M.T.", 'nama: "Ir. Endah\\x0bSulistyowati"',
     "pihak[1].penandatangan.nama"),
    ("  - Undang-Undang Nomor 18 Tahun 2008 tentang Pengelolaan Sampah",
     '  - "Undang-Undang\\x0bNomor 18 Tahun 2008"', "dasar_hukum[1]"),
    ("nama: Ir. Endah Sulistyowati, M.T.", 'nama: "\\x0b"', "pihak[1].penandatangan.nama"),
], ids=["in-a-part", "in-a-list", "nothing-else"])
def test_a_character_word_cannot_store_is_refused_where_it_was_typed(edited, old, new, key):
    """Not at the part or the list around it: the line and key of the text itself."""
    path = edited(PKS_TPA, old, new)
    with pytest.raises(InputError) as info:
        load_agreement(path)
    problem = info.value.problems[0]
    line = path.read_text(encoding="utf-8").splitlines().index(
        next(t for t in path.read_text(encoding="utf-8").splitlines() if "\\x0b" in t)) + 1
    assert (problem.code, problem.key, problem.line) == ("control_character", key, line)


def test_control_character_in_quoted_value(tmp_path, edited):
    path = edited(PKS_TPA, "objek: pemanfaatan zona", 'objek: "pemanfaatan\\fzona')
    text = path.read_text().replace('sampah rumah tangga.\n', 'sampah rumah tangga."\n', 1)
    path.write_text(text)
    problem = only(path)
    assert (problem.code, problem.key) == ("control_character", "objek")
    assert "U+000C" in problem.format("en")


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert only(path).code == "yaml_alias"


def test_oversized_file(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("tentang: " + "x" * 1_100_000)
    assert only(path).code == "file_too_large"


def test_windows_1252_is_explained(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("dokumen: PKS\ntentang: Kerja Sama \u201cDaérah\u201d\n".encode("cp1252"))
    problem = only(path)
    assert (problem.code, problem.line) == ("file_windows_1252", 2)
    assert "Kerja Sama \u201cDaérah\u201d" in problem.format("id")


def test_not_text(tmp_path):
    path = tmp_path / "biner.yaml"
    path.write_bytes(b"dokumen: PKS\n\x81\x8d\x8f\x90\x9d\n")
    assert (only(path).code, only(path).line) == ("file_not_text", 2)


def test_utf16_is_explained(tmp_path):
    path = tmp_path / "unicode.yaml"
    path.write_bytes("dokumen: PKS\n".encode("utf-16"))
    assert only(path).code == "file_utf16"


def test_missing_file(tmp_path):
    assert only(tmp_path / "nope.yaml").code == "file_not_found"


@pytest.mark.parametrize("value", [
    "14", "+12", "-5", "010", "0321123456", "0", "true", "False", "yes", "no", "on", "1_000",
    "0o17", "0x1F", "1e3", ".5", "1.", "1250000.50", "12:30", ".inf", "2019-10-28", "Perhatian!",
    "180/45/417.111/2019", "0321 321456", "19700512 199503 2 004", "197005121995032004",
])
def test_every_plain_value_is_read_as_typed(value, tmp_path):
    """YAML's own readings (numbers, booleans, dates, sexagesimals) never change the text."""
    from pkgen.yamlread import parse_yaml

    parsed = parse_yaml(f"nilai: {value}\nlain: x\n".encode(), tmp_path / "x.yaml")
    assert parsed.data == {"nilai": value, "lain": "x"}


@pytest.mark.parametrize("value", ["", "~", "null", "Null", "NULL"])
def test_empty_values_are_not_filled_in(value, tmp_path):
    from pkgen.yamlread import parse_yaml

    assert parse_yaml(f"nilai: {value}\n".encode(), tmp_path / "x.yaml").data == {"nilai": None}


def test_quoted_and_block_values_keep_their_text(tmp_path):
    from pkgen.yamlread import parse_yaml

    text = "a: '14'\nb: \"true\"\nc: |\n  x\n  y\nd: >-\n  x\n  y\ne: !!str 14\n"
    assert parse_yaml(text.encode(), tmp_path / "x.yaml").data == {
        "a": "14", "b": "true", "c": "x\ny\n", "d": "x y", "e": "14"}


def test_parsing_without_libyaml_gives_the_same_result(monkeypatch, tmp_path):
    import yaml

    from pkgen import yamlread

    for path in EXAMPLE_FILES:
        fast = yamlread.parse_yaml(path.read_bytes(), path)
        monkeypatch.setattr(yamlread, "_Loader", yaml.SafeLoader)
        pure = yamlread.parse_yaml(path.read_bytes(), path)
        monkeypatch.undo()
        assert (fast.data, fast.lines, fast.comments) == (pure.data, pure.lines, pure.comments)
