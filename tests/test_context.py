import datetime as dt

from conftest import EXAMPLES, PKS_TPA, PKS_WISATA

from pkgen.context import build_context, term_end
from pkgen.inputs import load_agreement


def context(path):
    loaded = load_agreement(path)
    return build_context(loaded.document, loaded.ksb)


def test_parties_labels_and_title_lines():
    ctx = context(PKS_TPA)
    assert [p["label"] for p in ctx["pihak"]] == ["PIHAK PERTAMA", "PIHAK KEDUA"]
    assert ctx["judul_pihak"] == [
        "PEMERINTAH KOTA MOJOKERTO", "DENGAN", "PEMERINTAH KABUPATEN MOJOKERTO"]
    assert ctx["daftar_pihak"] == "PIHAK PERTAMA dan PIHAK KEDUA"


def test_three_parties_with_kesatu_labels():
    ctx = context(EXAMPLES / "pks-spbe-mojokerto-jombang.yaml")
    assert ctx["daftar_pihak"] == "PIHAK KESATU, PIHAK KEDUA dan PIHAK KETIGA"
    assert ctx["judul_pihak"][-2] == "DAN"


def test_ksb_citation_from_ksb_file():
    ksb = context(PKS_TPA)["ksb"]
    assert ksb["nomor_gabung"] == "180/45/417.111/2019 dan Nomor 180/112/416-012/2019"
    assert ksb["tanggal"] == "28 Oktober 2019"
    assert ksb["berakhir"] == "27 Oktober 2024"  # 5 years from signing, last day included
    assert ksb["no"] == 5  # after the four legal bases


def test_rights_and_obligations_are_numbered_per_party():
    hk = context(PKS_TPA)["hak_kewajiban"]
    assert [(a["no"], a["judul"]) for a in hk] == [
        ("(1)", "Hak PIHAK PERTAMA"), ("(2)", "Kewajiban PIHAK PERTAMA"),
        ("(3)", "Hak PIHAK KEDUA"), ("(4)", "Kewajiban PIHAK KEDUA")]
    assert hk[0]["butir"][1]["huruf"] == "b."


def test_amount_and_sources():
    p = context(PKS_TPA)["pembiayaan"]
    assert p["jumlah"] == ("Rp1.250.000.000,00 (satu miliar dua ratus lima puluh juta rupiah)")
    assert p["sumber"] == ("Anggaran Pendapatan dan Belanja Daerah PIHAK PERTAMA dan Anggaran "
                           "Pendapatan dan Belanja Daerah PIHAK KEDUA")
    assert p["ketentuan"][0]["no"] == "(2)"


def test_meterai_defaults_to_non_government_parties():
    ctx = context(PKS_WISATA)
    assert [p["meterai"] for p in ctx["pihak"]] == [False, True]


def test_term_from_duration():
    ctx = context(PKS_WISATA)
    assert ctx["jangka_waktu"]["lama"] == "3 (tiga) tahun"
    assert ctx["jangka_waktu"]["berakhir"] == "14 Maret 2024"
    assert ctx["jangka_waktu"]["sejak_ditandatangani"] is True


def test_term_end_clamps_month_end():
    loaded = load_agreement(PKS_WISATA)
    term = loaded.document.jangka_waktu
    one_month = term.lama.model_copy(update={"tahun": 0, "bulan": 1})
    term = term.model_copy(update={"mulai": dt.date(2020, 1, 31), "lama": one_month})
    doc = loaded.document.model_copy(update={"jangka_waktu": term})
    assert term_end(doc) == dt.date(2020, 2, 28)


def test_unsigned_draft_leaves_blanks(edited):
    ctx = context(edited(PKS_TPA, "  tanggal: 2020-11-16\n", ""))
    assert ctx["penandatanganan"]["hari_ini"].startswith("………")
    assert ctx["penandatanganan"]["tanggal"].startswith("………")
