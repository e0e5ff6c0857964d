"""Indonesian formatting for legal text: terbilang, rupiah, dates and ordinals.

Built on num2words (``lang="id"``) and Babel (locale ``id``); this module only guards their
edge cases and composes the phrases used in agreements.
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
def terbilang(number: int | Decimal) -> str:
    """Return ``number`` in Indonesian words: 1250000 -> 'satu juta dua ratus lima puluh ribu'.

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
    return num2words(number, lang="id")


def angka_terbilang(number: int, unit: str = "") -> str:
    """Return digits plus words: (14, 'hari') -> '14 (empat belas) hari'."""
    text = f"{number} ({terbilang(number)})"
    return f"{text} {unit}" if unit else text


@_KEEP
def rupiah(amount: int | Decimal) -> str:
    """Return the amount in figures: 1250000 -> 'Rp1.250.000,00'."""
    value = _sen(amount)
    with localcontext() as context:
        context.prec = _PRECISION  # Babel quantizes in the current context
        return "Rp" + format_decimal(value, format="#,##0.00", locale="id")


def rupiah_terbilang(amount: int | Decimal) -> str:
    """Return the amount in words: 1250000 -> 'satu juta dua ratus lima puluh ribu rupiah'.

    Sen are spelled after the rupiah: 1500,50 -> '... rupiah lima puluh sen'.
    """
    value = _sen(amount)
    whole = int(value)
    sen = int((value - whole) * 100)
    if whole == 0 and sen:  # Rp0,50 is fifty sen, not "nol rupiah lima puluh sen"
        return f"{terbilang(sen)} sen"
    words = f"{terbilang(whole)} rupiah"
    if sen:
        words += f" {terbilang(sen)} sen"
    return words


def rupiah_lengkap(amount: int | Decimal) -> str:
    """Return figures plus words: 'Rp1.250.000,00 (satu juta dua ratus lima puluh ribu rupiah)'."""
    return f"{rupiah(amount)} ({rupiah_terbilang(amount)})"


@_KEEP
def tanggal(day: dt.date) -> str:
    """Return the date as written in agreements: '28 Oktober 2019'."""
    return format_date(day, "d MMMM y", locale="id")


@_KEEP
def nama_hari(day: dt.date) -> str:
    """Return the weekday name: 'Senin'."""
    return format_date(day, "EEEE", locale="id")


@_KEEP
def nama_bulan(day: dt.date) -> str:
    """Return the month name: 'Oktober'."""
    return format_date(day, "MMMM", locale="id")


def tanggal_terbilang(day: dt.date) -> str:
    """Return the opening date in words.

    '2019-10-28' -> 'hari Senin tanggal dua puluh delapan bulan Oktober tahun dua ribu
    sembilan belas' (the template adds 'Pada hari ini' around it).
    """
    return (
        f"{nama_hari(day)} tanggal {terbilang(day.day)} bulan {nama_bulan(day)} "
        f"tahun {terbilang(day.year)}"
    )


def ordinal(n: int) -> str:
    """Return the Indonesian ordinal used in party labels: 1 -> 'PERTAMA', 3 -> 'KETIGA'.

    ``kesatu`` is the alternative first ordinal, chosen with ``ordinal_kesatu``.
    """
    if n < 1:
        raise ValueError(f"ordinals start at 1, not {n}")
    if n == 1:
        return "PERTAMA"
    return ("ke" + terbilang(n)).upper()


def ordinal_kesatu(n: int) -> str:
    """Like ``ordinal`` but with 'KESATU' for 1 (PIHAK KESATU, PIHAK KEDUA, ...)."""
    return "KESATU" if n == 1 else ordinal(n)


def huruf_butir(index: int) -> str:
    """Return the item letter for a 0-based index: 0 -> 'a', 25 -> 'z', 26 -> 'aa'."""
    if index < 0:
        raise ValueError(f"item index must be >= 0, not {index}")
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
