"""Loading inputs: every class of bad input gives a located, explained problem."""

from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES, EXAMPLES, PKS_TPA, PKS_WISATA

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
    assert loaded.kind in ("PKS", "KSB")
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
    keys = {p.key for p in problems(path)}
    assert "pihak[2].penandatangan.naam" in keys
    assert "pihak[2].penandatangan.nama" in keys


@pytest.mark.parametrize(
    ("old", "new", "code", "key"),
    [
        ("tanggal: 2020-11-16", "tanggal: 2019-02-30", "date_invalid", "penandatanganan.tanggal"),
        ("tanggal: 2020-11-16", "tanggal: 16-11-2020", "date_type", "penandatanganan.tanggal"),
        ("batas_pemberitahuan_hari: 14", "batas_pemberitahuan_hari: empat belas",
         "int_parsing", "keadaan_kahar.batas_pemberitahuan_hari"),
        ("batas_pemberitahuan_hari: 14", "batas_pemberitahuan_hari: 0",
         "greater_than_equal", "keadaan_kahar.batas_pemberitahuan_hari"),
        ("jenis: KSDD", "jenis: KSDX", "enum", "jenis"),
        ("berakhir: 2023-12-31", "berakhir: 2020-12-31", "end_before_start", "jangka_waktu"),
        ("jumlah: 1250000000", "jumlah: -5", "amount_not_positive", "pembiayaan"),
        ("jumlah: 1250000000", "jumlah: 99999999999999999999", "amount_too_large", "pembiayaan"),
        ("jumlah: 1250000000", "jumlah: 12.345", "decimal_max_places", "pembiayaan.jumlah"),
        ("jumlah: 1250000000", "jumlah: satu juta", "decimal_type", "pembiayaan.jumlah"),
        ("      pihak: 2\n  jumlah", "      pihak: 7\n  jumlah", "party_index",
         "pembiayaan.sumber[2].pihak"),
        ("  rangkap: 2", "  rangkap: 1", "penutup_rangkap", "penutup.rangkap"),
        ("      pemberi: Wali Kota Mojokerto\n", "", "surat_kuasa_pemberi",
         "pihak[1].kewenangan"),
        ("  nama_forum: Gubernur Jawa Timur\n", "", "forum_needs_name",
         "penyelesaian_perselisihan"),
        ("objek: pemanfaatan", "objek:\n  - pemanfaatan", "string_type", "objek"),
        ("tentang: Pemanfaatan Bersama", "tentang:  \n# Pemanfaatan Bersama", "empty_value",
         "tentang"),
        ("dokumen: PKS", "dokumen: MOU", "dokumen_unknown", "dokumen"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isidentifier() else None,
)
def test_bad_values(edited, old, new, code, key):
    problem = only(edited(PKS_TPA, old, new))
    assert (problem.code, problem.key) == (code, key), problem.format("en")
    assert problem.line is not None
    assert problem.file is not None
    assert problem.format("id") != problem.format("en")


def test_empty_value_message(edited):
    problem = only(edited(PKS_TPA, "tentang: Pemanfaatan Bersama", "tentang:  \n# x"))
    assert problem.format("id").endswith("tentang: belum diisi. Isi nilainya (lihat komentar "
                                         "pada baris ini).")


def test_one_party_is_not_an_agreement(edited):
    text = PKS_WISATA.read_text()
    start = text.index("  - nama: PT Majapahit")
    end = text.index("ksb:")
    path = edited(PKS_WISATA, text[start:end], "", "    - 003/MWN-KSB/XI/2020\n", "")
    found = problems(path)
    assert [p.code for p in found] == ["too_short"]
    assert found[0].key == "pihak"


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
        ("jenis: [KSDD\n", "yaml_syntax", 2),
        ("- a\n- b\n", "yaml_not_mapping", 1),
        ("", "yaml_not_mapping", 1),
        ("a: &x [1, 2]\nb: *x\n", "yaml_alias", 2),
        ("tentang: a\vb\n", "control_character", 1),
    ],
    ids=["tab", "duplicate", "syntax", "list", "empty", "alias", "control"],
)
def test_bad_yaml(tmp_path, text, code, line):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    problem = only(path)
    assert (problem.code, problem.line) == (code, line), problem.format("en")


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


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("tentang: Kerja Sama Daérah\n".encode("latin-1"))
    assert only(path).code == "file_not_text"


def test_missing_file(tmp_path):
    assert only(tmp_path / "nope.yaml").code == "file_not_found"


def _both_parsers(text: str, tmp_path, monkeypatch):
    """(fast, reference) results of parsing ``text``: (data, lines) or (code, line)."""
    from pkgen import yamlread

    path = tmp_path / "x.yaml"

    def parse():
        try:
            return yamlread.parse_yaml(text.encode("utf-8"), path)
        except InputError as err:
            return [(p.code, p.line) for p in err.problems]

    fast = parse()
    monkeypatch.setattr(yamlread, "_CLoader", None)
    reference = parse()
    monkeypatch.undo()
    return fast, reference


@pytest.mark.parametrize("path", [*EXAMPLE_FILES, *sorted(
    (EXAMPLES.parent / "tests" / "bad").glob("*.yaml"))], ids=lambda p: p.name)
def test_fast_parser_reads_files_as_the_reference_parser(path, tmp_path, monkeypatch):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("not text")
    fast, reference = _both_parsers(text, tmp_path, monkeypatch)
    assert fast == reference


@pytest.mark.parametrize("value", [
    "14", "+12", "-5", "010", "007", "0", "true", "False", "TRUE", "yes", "no", "on", "Off",
    "null", "~", "Null", "", "1_000", "0o17", "0x1F", "1e3", ".5", "1.", "1250000.50", "12:30",
    ".inf", "2019-10-28", "2019-02-30", "'14'", '"true"', "|\n  a\n  b", ">-\n  a\n  b",
    "!!str 14", "Perhatian!", "a: b", "[1, 2]", "{a: 1}", "&x [1]", "180/45/417.111/2019",
    "0321 321456", "19700512 199503 2 004",
])
def test_fast_parser_types_scalars_as_the_reference_parser(value, tmp_path, monkeypatch):
    fast, reference = _both_parsers(f"nilai: {value}\nlain: x\n", tmp_path, monkeypatch)
    assert fast == reference
