import datetime as dt
from decimal import Decimal

import pytest

from pkgen import formatting as fmt


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (14, "empat belas"),
        (100, "seratus"), (111, "seratus sebelas"), (1000, "seribu"), (1001, "seribu satu"),
        (2019, "dua ribu sembilan belas"),
        (1_250_000, "satu juta dua ratus lima puluh ribu"),
        (10**12, "satu triliun"),
    ],
    ids=str,
)
def test_terbilang(number, words):
    assert fmt.terbilang(number) == words


def test_rupiah_with_words():
    assert fmt.rupiah_lengkap(1_250_000) == (
        "Rp1.250.000,00 (satu juta dua ratus lima puluh ribu rupiah)"
    )


def test_rupiah_with_sen():
    assert fmt.rupiah_lengkap(Decimal("1500.50")) == (
        "Rp1.500,50 (seribu lima ratus rupiah lima puluh sen)"
    )


def test_rupiah_rounds_to_sen():
    assert fmt.rupiah(Decimal("0.005")) == "Rp0,01"


def test_very_large_amount_is_exact():
    text = fmt.rupiah(10**36 - 1)
    assert text == "Rp" + ".".join(["999"] * 12) + ",00"
    assert fmt.rupiah_terbilang(10**36 - 1).startswith("sembilan ratus sembilan puluh sembilan")


@pytest.mark.parametrize("bad", [-1, 10**36, Decimal("1.5"), 1.5, True, "12"], ids=repr)
def test_terbilang_refuses(bad):
    with pytest.raises(ValueError):
        fmt.terbilang(bad)


@pytest.mark.parametrize("bad", [-1, Decimal("NaN"), Decimal("Infinity"), 10**36, 2.5],
                         ids=repr)
def test_rupiah_refuses(bad):
    with pytest.raises(ValueError):
        fmt.rupiah(bad)


def test_numbers_with_words():
    assert fmt.angka_terbilang(14, "hari") == "14 (empat belas) hari"
    assert fmt.angka_terbilang(3, "tahun") == "3 (tiga) tahun"
    assert fmt.angka_terbilang(2) == "2 (dua)"


def test_dates():
    day = dt.date(2019, 10, 28)
    assert fmt.tanggal(day) == "28 Oktober 2019"
    assert fmt.tanggal(dt.date(2021, 1, 1)) == "1 Januari 2021"
    assert "Pada hari ini " + fmt.tanggal_terbilang(day) == (
        "Pada hari ini Senin tanggal dua puluh delapan bulan Oktober tahun dua ribu sembilan "
        "belas"
    )


@pytest.mark.parametrize(
    ("n", "word"), [(1, "PERTAMA"), (2, "KEDUA"), (3, "KETIGA"), (4, "KEEMPAT"), (11, "KESEBELAS")]
)
def test_ordinals(n, word):
    assert fmt.ordinal(n) == word


def test_kesatu():
    assert fmt.ordinal_kesatu(1) == "KESATU"
    assert fmt.ordinal_kesatu(2) == "KEDUA"


@pytest.mark.parametrize(("i", "letter"), [(0, "a"), (25, "z"), (26, "aa"), (51, "az"), (52, "ba")])
def test_item_letters(i, letter):
    assert fmt.huruf_butir(i) == letter


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dra. Hj. Rahayu Kusumaningtyas, M.Si.", "Dra. Hj. RAHAYU KUSUMANINGTYAS, M.Si."),
        ("Moh. Ilham Prasetyo, S.Kom., M.T.", "MOH. ILHAM PRASETYO, S.Kom., M.T."),
        ("Prof. Dr. Ir. Budi Santoso", "Prof. Dr. Ir. BUDI SANTOSO"),
        ("Budi", "BUDI"),
    ],
)
def test_signature_names(name, expected):
    assert fmt.nama_kapital(name) == expected


# --- Korean (the third text of an agreement with a Korean partner) ----------------------------

@pytest.mark.parametrize(("number", "words"), [
    (0, "영"), (1, "일"), (10, "십"), (14, "십사"), (60, "육십"), (180, "백팔십"), (1000, "천"),
    (10_001, "만 일"), (2023, "이천이십삼"), (250_000_000, "이억 오천만"),
    (1_250_000, "백이십오만"),
], ids=str)
def test_korean_numbers_in_words(number, words):
    assert fmt.terbilang(number, "ko") == words


def test_korean_numbers_dates_and_amounts():
    assert fmt.angka_terbilang(14, "hari", "ko") == "14(십사)일"
    assert fmt.angka_terbilang(6, "bulan", "ko") == "6(육)개월"
    assert fmt.angka_terbilang(5, "tahun", "ko") == "5(오)년"
    assert fmt.angka_terbilang(2, lang="ko") == "2(이)"
    assert fmt.rupiah_lengkap(250_000_000, "ko") == "IDR 250,000,000.00(이억 오천만 루피아)"
    assert fmt.rupiah_terbilang(Decimal("1500.50"), "ko") == "천오백 루피아 오십 센"
    assert fmt.rupiah_terbilang(Decimal("0.25"), "ko") == "이십오 센"
    day = dt.date(2023, 6, 12)
    assert fmt.tanggal(day, "ko") == "2023년 6월 12일"
    assert fmt.tanggal_terbilang(day, "ko") == "2023년 6월 12일 월요일"
    # the other languages are unchanged
    assert fmt.tanggal(day, "en") == "12 June 2023" and fmt.tanggal(day) == "12 Juni 2023"


@pytest.mark.parametrize(("i", "letter"), [(0, "가"), (1, "나"), (13, "하"), (14, "거"),
                                           (27, "허"), (28, "29")])
def test_korean_item_letters(i, letter):
    assert fmt.huruf_butir(i, "ko") == letter
