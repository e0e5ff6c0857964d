"""The texts of a bilingual or trilingual draft say the same numbers: every amount, number in
words and date of the Indonesian text has its English counterpart beside it, and its Korean
one in the Korean text, with the same value. Words are read back into numbers by the small
readers below, written apart from pkgen's own formatting (num2words), so that a wrong word in
any language shows."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from conftest import EXAMPLES
from docx import Document

from pkgen.inputs import load_agreement
from pkgen.render import render_draft

FOREIGN = sorted(EXAMPLES.glob("*luar-negeri.yaml")) + sorted(EXAMPLES.glob("loi-*.yaml")) + \
    sorted(EXAMPLES.glob("mou-*.yaml"))

ID_UNITS = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
            "tujuh": 7, "delapan": 8, "sembilan": 9}
ID_ONE = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
ID_SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}
_EN_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
             "fourteen fifteen sixteen seventeen eighteen nineteen")
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
EN_UNITS = {word: n for n, word in enumerate(_EN_UNITS.split())}
EN_TENS = {word: 10 * n for n, word in enumerate(_EN_TENS.split()) if n > 1}
EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_ORDINALS = ("_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                "nineteenth twentieth")
EN_ORDINALS = {word: n for n, word in enumerate(_EN_ORDINALS.split()) if n}
EN_ORDINALS["thirtieth"] = 30
KO_DIGITS = {word: n for n, word in enumerate("영일이삼사오육칠팔구")}
KO_SMALL = {"십": 10, "백": 100, "천": 1000}
KO_LARGE = {"만": 10**4, "억": 10**8, "조": 10**12}
BULAN = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
MONTHS = "January February March April May June July August September October November December"


def indonesian_number(words: str) -> int:
    total = group = last = 0
    for word in words.split():
        if word in ID_UNITS:
            last = ID_UNITS[word]
        elif word in ID_ONE:
            group += ID_ONE[word]
        elif word == "seribu":
            total += 1000
        elif word == "belas":
            group, last = group + last + 10, 0
        elif word == "puluh":
            group, last = group + last * 10, 0
        elif word == "ratus":
            group, last = group + last * 100, 0
        elif word in ID_SCALES:
            total, group, last = total + (group + last) * ID_SCALES[word], 0, 0
        else:
            raise ValueError(f"not an Indonesian number word: {word!r} in {words!r}")
    return total + group + last


def english_number(words: str) -> int:
    total = group = 0
    for word in words.replace("-", " ").split():
        if word == "and":
            continue
        if word in EN_UNITS:
            group += EN_UNITS[word]
        elif word in EN_TENS:
            group += EN_TENS[word]
        elif word == "hundred":
            group *= 100
        elif word in EN_SCALES:
            total, group = total + group * EN_SCALES[word], 0
        else:
            raise ValueError(f"not an English number word: {word!r} in {words!r}")
    return total + group


def korean_number(words: str) -> int:
    """Sino-Korean numerals: '이억 오천만' -> 250000000, '백팔십' -> 180, '만 일' -> 10001."""
    total = group = digit = 0
    for char in words.replace(" ", ""):
        if char in KO_DIGITS:
            digit = KO_DIGITS[char]
        elif char in KO_SMALL:
            group, digit = group + (digit or 1) * KO_SMALL[char], 0
        elif char in KO_LARGE:
            total, group, digit = total + ((group + digit) or 1) * KO_LARGE[char], 0, 0
        else:
            raise ValueError(f"not a Korean number word: {char!r} in {words!r}")
    return total + group + digit


def english_ordinal(words: str) -> int:
    head, _, last = words.rpartition("-")
    return (EN_TENS[head] if head else 0) + EN_ORDINALS[last]


def rows(path) -> list[tuple[str, str]]:
    """(Indonesian, English) text of each row of two columns of the rendered example."""
    doc = Document(io.BytesIO(render_draft(load_agreement(path)).data))
    tables = list(doc.tables)
    for table in list(tables):
        for cell in table._cells:
            tables += cell.tables
    return [(row.cells[0].text, row.cells[1].text) for table in tables for row in table.rows
            if len(row.cells) == 2]


def amounts(text: str, lang: str) -> list[tuple[int, int]]:
    """(figure, words) of each amount, in whole rupiah."""
    if lang == "id":
        found = re.findall(r"Rp([\d.]+),00 \(([a-z ]+) rupiah\)", text)
        return [(int(f.replace(".", "")), indonesian_number(w)) for f, w in found]
    found = re.findall(r"IDR ([\d,]+)\.00 \(([a-z -]+) rupiah\)", text)
    return [(int(f.replace(",", "")), english_number(w)) for f, w in found]


def counted(text: str, lang: str) -> list[tuple[int, int]]:
    """(digits, words) of each '14 (empat belas)' / '14 (fourteen)'."""
    read = indonesian_number if lang == "id" else english_number
    return [(int(d), read(w)) for d, w in re.findall(r"\b(\d+) \(([a-z -]+)\)", text)
            if "rupiah" not in w]


def dates(text: str, lang: str) -> list[dt.date]:
    names = (BULAN if lang == "id" else MONTHS).split()
    return [dt.date(int(y), names.index(m) + 1, int(d))
            for d, m, y in re.findall(rf"\b(\d{{1,2}}) ({'|'.join(names)}) (\d{{4}})\b", text)]


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_amounts_numbers_and_dates_agree_in_both_languages(path):
    seen = {"amounts": 0, "numbers": 0, "dates": 0}
    for ours, theirs in rows(path):
        for name, read in (("amounts", amounts), ("numbers", counted), ("dates", dates)):
            left, right = read(ours, "id"), read(theirs, "en")
            assert left == right, (name, ours[:80], theirs[:80])
            if name != "dates":
                assert all(figure == words for figure, words in left), (name, left)
            seen[name] += len(left)
    assert seen["numbers"] and seen["dates"]
    if "luar-negeri" in path.stem or "mou" in path.stem:
        assert seen["amounts"]


TRILINGUAL = sorted(EXAMPLES.glob("*-tiga-bahasa.yaml"))


def korean_values(path) -> dict[str, list]:
    """The amounts (figure, words), numbers (digits, words) and dates of the Korean text."""
    doc = Document(io.BytesIO(render_draft(load_agreement(path)).data))
    tables = list(doc.tables)
    for table in list(tables):
        for cell in table._cells:
            tables += cell.tables
    cells = [c.text for t in tables for row in t.rows if len(row.cells) == 1 for c in row.cells]
    text = "\n".join([p.text for p in doc.paragraphs] + cells)
    text = text[text.index("간의"):]  # the Korean text, from its title on
    money = re.findall(r"IDR ([\d,]+)\.00\(([가-힣 ]+) 루피아\)", text)
    return {
        "amounts": [(int(f.replace(",", "")), korean_number(w)) for f, w in money],
        "numbers": [(int(d), korean_number(w)) for d, w in
                    re.findall(r"\b(\d+)\(([가-힣 ]+)\)(?:일|년|개월|부)", text)],
        "dates": [dt.date(int(y), int(m), int(d)) for y, m, d in
                  re.findall(r"\b(\d{4})년 (\d{1,2})월 (\d{1,2})일", text)],
    }


@pytest.mark.parametrize("path", TRILINGUAL, ids=lambda p: p.stem)
def test_the_korean_text_says_the_same_numbers(path):
    """The same amounts, numbers and dates as the Indonesian column, each figure read back from
    its Korean words (Korean puts them in another order within a sentence: compared sorted)."""
    ours = {"amounts": [], "numbers": [], "dates": []}
    for left, _right in rows(path):
        ours["amounts"] += amounts(left, "id")
        ours["numbers"] += counted(left, "id")
        ours["dates"] += dates(left, "id")
    # the day of signing, which the Indonesian opening writes in words and the Korean in figures
    ours["dates"].append(load_agreement(path).document.penandatanganan.tanggal)
    theirs = korean_values(path)
    for name in ours:
        assert sorted(theirs[name]) == sorted(ours[name]), name
        if name != "dates":
            assert all(figure == words for figure, words in theirs[name]), theirs[name]
    assert theirs["amounts"] and theirs["numbers"] and len(theirs["dates"]) >= 5


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_the_day_of_signing_in_words_is_the_same_day_in_both_languages(path):
    signed = load_agreement(path).document.penandatanganan.tanggal
    ours, theirs = rows(path)[2]  # the opening: date, place and the parties
    day, month, year = re.search(r"tanggal ([a-z ]+) bulan (\w+) tahun ([a-z ]+),", ours).groups()
    assert dt.date(indonesian_number(year), BULAN.split().index(month) + 1,
                   indonesian_number(day)) == signed
    day, month, year = re.search(r"the ([a-z-]+) day of (\w+) in the year ([a-z -]+),",
                                 theirs).groups()
    assert dt.date(english_number(year), MONTHS.split().index(month) + 1,
                   english_ordinal(day)) == signed


def test_the_readers_read_what_they_should():
    assert indonesian_number("seratus delapan puluh lima juta") == 185_000_000
    assert indonesian_number("dua ratus lima puluh juta") == 250_000_000
    assert indonesian_number("dua ribu dua puluh tiga") == 2023
    assert indonesian_number("empat belas") == 14 and indonesian_number("sebelas") == 11
    assert english_number("one hundred and eighty-five million") == 185_000_000
    assert english_number("two thousand and twenty-three") == 2023
    assert english_ordinal("twenty-first") == 21 and english_ordinal("twelfth") == 12
    assert korean_number("이억 오천만") == 250_000_000 and korean_number("백팔십") == 180
    assert korean_number("이천이십삼") == 2023 and korean_number("만 일") == 10_001
    assert korean_number("십사") == 14 and korean_number("일") == 1
