"""Formatting for legal text: terbilang, rupiah, dates and ordinals, in Indonesian, English and
Korean.

Built on num2words and Babel; this module only guards their edge cases and composes the
phrases used in agreements. Every function writes Indonesian unless given ``lang="en"`` or
``lang="ko"`` (the other texts of an agreement with a foreign partner).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

#: num2words raises past 10**36; agreements never come near, so the model caps amounts far
#: lower. This is the guard for direct callers.
MAX_WORDS = 10**36 - 1
_PRECISION = 60  # decimal digits: room for MAX_WORDS plus sen
#: Babel and num2words take tens of microseconds a call, and a draft spells the same dates and
#: numbers several times (a register's drafts, the same ones again): each answer is kept.
_KEEP = lru_cache(maxsize=1024, typed=True)  # typed: True is not taken for 1


@_KEEP
def terbilang(number: int | Decimal, lang: str = "id") -> str:
    """Return ``number`` in words: 1250000 -> 'satu juta dua ratus lima puluh ribu'; in
    English 'one million two hundred and fifty thousand' (no commas: it stands in brackets);
    in Korean '백이십오만' (Sino-Korean numerals, a space after each group of 만).

    Integers only; a ``Decimal`` must be whole. Raises ``ValueError`` for a negative number,
    a fraction, or one beyond ``MAX_WORDS``.
    """
    if isinstance(number, Decimal):
        if number != number.to_integral_value():
            raise ValueError(f"terbilang takes whole numbers, not {number}")
        number = int(number)
    if isinstance(number, bool) or not isinstance(number, int):
        raise ValueError(f"terbilang takes whole numbers, not {number!r}")
    if number < 0 or number > MAX_WORDS:
        raise ValueError(f"terbilang takes 0 to {MAX_WORDS}, not {number}")
    if lang == "en":
        return num2words(number, lang="en").replace(",", "")
    return num2words(number, lang="ko" if lang == "ko" else "id")


#: Units of time in English, singular and plural, by their Indonesian word.
_UNITS_EN = {"hari": ("day", "days"), "bulan": ("month", "months"), "tahun": ("year", "years")}
#: Units of time in Korean (written after the number, without a space), by their Indonesian word.
_UNITS_KO = {"hari": "일", "bulan": "개월", "tahun": "년"}


def angka_terbilang(number: int, unit: str = "", lang: str = "id") -> str:
    """Return digits plus words: (14, 'hari') -> '14 (empat belas) hari'; in English
    '14 (fourteen) days'; in Korean '14(십사)일'. ``unit`` is the Indonesian word (hari,
    bulan, tahun)."""
    if lang == "ko":
        return f"{number}({terbilang(number, lang)}){_UNITS_KO[unit] if unit else ''}"
    text = f"{number} ({terbilang(number, lang)})"
    if unit and lang == "en":
        singular, plural = _UNITS_EN[unit]
        unit = singular if number == 1 else plural
    return f"{text} {unit}" if unit else text


@_KEEP
def rupiah(amount: int | Decimal, lang: str = "id") -> str:
    """Return the amount in figures: 1250000 -> 'Rp1.250.000,00'; in English and Korean
    'IDR 1,250,000.00'."""
    value = _sen(amount)
    with localcontext() as context:
        context.prec = _PRECISION  # Babel quantizes in the current context
        if lang in ("en", "ko"):
            return "IDR " + format_decimal(value, format="#,##0.00", locale=lang)
        return "Rp" + format_decimal(value, format="#,##0.00", locale="id")


def rupiah_terbilang(amount: int | Decimal, lang: str = "id") -> str:
    """Return the amount in words: 1250000 -> 'satu juta dua ratus lima puluh ribu rupiah'.

    Sen are spelled after the rupiah: 1500,50 -> '... rupiah lima puluh sen' (English:
    '... rupiah and fifty sen'; Korean: '천오백 루피아 오십 센').
    """
    value = _sen(amount)
    whole = int(value)
    sen = int((value - whole) * 100)
    rupiah_word, sen_word, between = _CURRENCY.get(lang, _CURRENCY["id"])
    if whole == 0 and sen:  # Rp0,50 is fifty sen, not "nol rupiah lima puluh sen"
        return f"{terbilang(sen, lang)} {sen_word}"
    words = f"{terbilang(whole, lang)} {rupiah_word}"
    if sen:
        words += f"{between} {terbilang(sen, lang)} {sen_word}"
    return words


#: The currency's words in each language: rupiah, sen, and what joins them.
_CURRENCY = {"id": ("rupiah", "sen", ""), "en": ("rupiah", "sen", " and"),
             "ko": ("루피아", "센", "")}


def rupiah_lengkap(amount: int | Decimal, lang: str = "id") -> str:
    """Return figures plus words: 'Rp1.250.000,00 (satu juta dua ratus lima puluh ribu rupiah)';
    in Korean the words follow the figures without a space, as Korean sets brackets."""
    space = "" if lang == "ko" else " "
    return f"{rupiah(amount, lang)}{space}({rupiah_terbilang(amount, lang)})"


@_KEEP
def tanggal(day: dt.date, lang: str = "id") -> str:
    """Return the date as written in agreements: '28 Oktober 2019' ('28 October 2019',
    '2019년 10월 28일')."""
    return format_date(day, "long" if lang == "ko" else "d MMMM y", locale=_locale(lang))


@_KEEP
def nama_hari(day: dt.date, lang: str = "id") -> str:
    """Return the weekday name: 'Senin' ('Monday')."""
    return format_date(day, "EEEE", locale=_locale(lang))


@_KEEP
def nama_bulan(day: dt.date, lang: str = "id") -> str:
    """Return the month name: 'Oktober' ('October')."""
    return format_date(day, "MMMM", locale=_locale(lang))


def tanggal_terbilang(day: dt.date, lang: str = "id") -> str:
    """Return the opening date in words.

    '2019-10-28' -> 'hari Senin tanggal dua puluh delapan bulan Oktober tahun dua ribu
    sembilan belas' (the template adds 'Pada hari ini' around it); in English 'Monday, the
    twenty-eighth day of October in the year two thousand and nineteen'. Korean agreements
    write the date in figures, with its weekday: '2019년 10월 28일 월요일'.
    """
    if lang == "ko":
        return format_date(day, "full", locale="ko")
    if lang == "en":
        return (f"{nama_hari(day, 'en')}, the {num2words(day.day, lang='en', to='ordinal')} "
                f"day of {nama_bulan(day, 'en')} in the year {terbilang(day.year, 'en')}")
    return (
        f"{nama_hari(day)} tanggal {terbilang(day.day)} bulan {nama_bulan(day)} "
        f"tahun {terbilang(day.year)}"
    )


def _locale(lang: str) -> str:
    return lang if lang in ("en", "ko") else "id"


def ordinal(n: int, lang: str = "id") -> str:
    """Return the ordinal used in party labels: 1 -> 'PERTAMA', 3 -> 'KETIGA'; in English
    'FIRST', 'THIRD'.

    ``kesatu`` is the alternative first ordinal, chosen with ``ordinal_kesatu``.
    """
    if n < 1:
        raise ValueError(f"ordinals start at 1, not {n}")
    if lang == "en":
        return num2words(n, lang="en", to="ordinal").upper()
    if n == 1:
        return "PERTAMA"
    return ("ke" + terbilang(n)).upper()


def ordinal_kesatu(n: int) -> str:
    """Like ``ordinal`` but with 'KESATU' for 1 (PIHAK KESATU, PIHAK KEDUA, ...)."""
    return "KESATU" if n == 1 else ordinal(n)


#: The letters of Korean list items (목), in order: 가 … 하, then 거 … 허.
_HANGUL_ITEMS = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"


def huruf_butir(index: int, lang: str = "id") -> str:
    """Return the item letter for a 0-based index: 0 -> 'a', 25 -> 'z', 26 -> 'aa'; in Korean
    0 -> '가', 13 -> '하', 14 -> '거', and past the 28 syllables the item's number."""
    if index < 0:
        raise ValueError(f"item index must be >= 0, not {index}")
    if lang == "ko":
        return _HANGUL_ITEMS[index] if index < len(_HANGUL_ITEMS) else str(index + 1)
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _sen(amount: int | Decimal) -> Decimal:
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise ValueError(f"an amount must be an int or Decimal, not {amount!r}")
    value = Decimal(amount)
    if not value.is_finite() or value < 0 or value > MAX_WORDS:
        raise ValueError(f"an amount must be between 0 and {MAX_WORDS}, not {amount}")
    with localcontext() as context:
        context.prec = _PRECISION
        return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


#: Titles written before a name that keep their case when the name is capitalised.
_PREFIX_TITLES = {
    "dr.", "drg.", "drh.", "drs.", "dra.", "ir.", "h.", "hj.", "prof.", "k.h.", "kh.", "r.",
    "rr.", "apt.", "ns.", "bd.", "ners", "ust.", "ustz.", "hc.", "dr", "drg", "ir", "prof",
}
NBSP = "\u00a0"


def nama_kapital(name: str) -> str:
    """Capitalise a person's name the way signature blocks do, keeping titles as written.

    'Dra. Hj. Rahayu Kusumaningtyas, M.Si.' -> 'Dra. Hj. RAHAYU KUSUMANINGTYAS, M.Si.';
    'drg. Rina Wati' -> 'drg. RINA WATI' (lower-case titles stay lower case).
    """
    head, comma, degrees = name.partition(",")
    words = head.split()
    prefix = []
    while words and words[0].lower() in _PREFIX_TITLES:
        prefix.append(words.pop(0))
    return " ".join([*prefix, *(w.upper() for w in words)]) + comma + degrees


def tanpa_putus(name: str) -> str:
    """``name`` with its titles bound to it: a line may break between the words of a name,
    never inside a title, between a title and the name, or inside the degrees."""
    head, comma, degrees = name.partition(",")
    words = head.split()
    prefix = []
    while words and words[0].lower() in _PREFIX_TITLES:
        prefix.append(words.pop(0))
    first = NBSP.join([*prefix, words[0]]) if words else NBSP.join(prefix)
    head = " ".join([first, *words[1:]]) if words else first
    return head + (comma + NBSP + NBSP.join(degrees.split()) if comma else "")


def nip(value: str) -> str:
    """A NIP (already grouped '19700512 199503 2 004') that no line break can split."""
    return value.replace(" ", NBSP)
