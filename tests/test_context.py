import datetime as dt

from conftest import EXAMPLES, PKS_TPA, PKS_WISATA

from pkgen.context import build_context
from pkgen.inputs import load_agreement
from pkgen.model import term_end


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
    assert ctx["daftar_pihak"] == "PIHAK KESATU, PIHAK KEDUA, dan PIHAK KETIGA"
    assert ctx["judul_pihak"] == ["PEMERINTAH KOTA MOJOKERTO,", "PEMERINTAH KABUPATEN MOJOKERTO,",
                                  "DAN", "PEMERINTAH KABUPATEN JOMBANG"]
    assert [len(row) for row in ctx["tanda_tangan"]] == [2, 1]  # signatories two by two
    assert [d["daerah"] for d in ctx["persetujuan_dprd"]] == [
        "Kota Mojokerto", "Kabupaten Mojokerto", "Kabupaten Jombang"]
    assert [d["akhir"] for d in ctx["persetujuan_dprd"]] == [";", ";", "."]


def test_ksb_citation_from_ksb_file():
    ksb = context(PKS_TPA)["ksb"]
    assert ksb["nomor_gabung"] == "Nomor 180/45/417.111/2019 dan Nomor 180/112/416-012/2019"
    assert ksb["tanggal"] == "28 Oktober 2019"
    assert ksb["berakhir"] == "27 Oktober 2024"  # 5 years from signing, last day included
    assert ksb["no"] == 5  # after the four legal bases


def test_rights_and_obligations_are_numbered_per_party():
    hk = context(PKS_TPA)["hak_kewajiban"]
    assert [(a["no"], a["judul"]) for a in hk] == [
        ("(1)", "Hak PIHAK PERTAMA"), ("(2)", "Kewajiban PIHAK PERTAMA"),
        ("(3)", "Hak PIHAK KEDUA"), ("(4)", "Kewajiban PIHAK KEDUA")]
    assert hk[0]["daftar"]["butir"][1]["huruf"] == "b."
    assert hk[0]["daftar"]["butir"][-2]["teks"].endswith("; dan")  # rights are cumulative


def test_amount_and_sources():
    p = context(PKS_TPA)["pembiayaan"]
    first, second = p["sumber"]["butir"]
    assert first["nama"] == "Anggaran Pendapatan dan Belanja Daerah PIHAK PERTAMA"
    assert second["jumlah"] == ("Rp1.250.000.000,00 (satu miliar dua ratus lima puluh juta "
                                "rupiah)")
    assert (first["akhir"], second["akhir"]) == ("; dan", ".")
    assert p["ketentuan"][0]["no"] == "(2)" and p["ayat_jumlah"] is None


def test_a_third_party_that_bears_all_costs_burdens_no_regional_budget():
    p = context(PKS_WISATA)["pembiayaan"]
    assert p["sumber"]["tunggal"]["nama"] == "dana PIHAK KEDUA"
    assert p["tidak_membebani"] == "PIHAK PERTAMA" and p["ayat_tidak_membebani"] == "(2)"


def test_stamp_duty_on_every_column_when_the_originals_bear_it(edited):
    assert [p["meterai"] for p in context(PKS_WISATA)["pihak"]] == [True, True]
    plain = context(edited(PKS_WISATA, "  meterai: true", "  meterai: false"))
    assert [p["meterai"] for p in plain["pihak"]] == [False, False]


def test_lists_know_their_conjunction_and_one_item_is_a_sentence():
    ctx = context(PKS_TPA)
    assert ctx["keadaan_kahar"]["peristiwa"]["butir"][-2]["teks"].endswith("; atau")
    assert ctx["pengakhiran"]["sebab"]["butir"][-2]["teks"].endswith("; atau")
    assert ctx["ruang_lingkup"]["butir"][-2]["teks"].endswith("; dan")
    third = context(EXAMPLES / "pks-spbe-mojokerto-jombang.yaml")["hak_kewajiban"][4]
    assert third["judul"] == "Hak PIHAK KETIGA"
    assert third["daftar"]["tunggal"] == ("menempatkan aplikasi layanan publik pada pusat data "
                                          "PIHAK KESATU.")
    assert ctx["hak_kewajiban"][0]["daftar"]["tunggal"] is None


def test_names_keep_their_titles_and_never_break():
    signer = context(PKS_WISATA)["pihak"][1]["penandatangan"]
    assert signer["nama_kapital"] == "Hj.\u00a0LAKSMI DEWAYANI PUTRI,\u00a0S.E.,\u00a0M.M."
    nip = context(PKS_TPA)["pihak"][0]["penandatangan"]["nip"]
    assert nip == "19700512\u00a0199503\u00a02\u00a0004"


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
