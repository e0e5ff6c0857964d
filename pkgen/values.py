"""How typed values are read: one set of rules for YAML inputs and Excel forms.

A value reaches the model as the user typed it: YAML gives text (never its own reading of
``0321123456`` as a number), a form gives what the cell holds. These readers turn that into
the model's types, or raise a ``PydanticCustomError`` whose code names a message in
``messages.py``: a value is read one way only, or refused with an example of the right form.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from pydantic_core import PydanticCustomError

from .messages import Text, msg

#: Characters Word cannot store: controls (Unicode category Cc) but tab and newline,
#: surrogates (Cs), and the noncharacters U+FFFE and U+FFFF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Strip surrounding blanks and refuse characters Word cannot store."""
    found = _UNSTORABLE.search(value)
    if found:
        char = found.group()
        name = unicodedata.name(char, "")
        label = f"U+{ord(char):04X}" + (f" {name}" if name else "")
        raise PydanticCustomError(
            "control_character", "contains the control character {char}", {"char": label})
    return value.strip()


def text_or_none(value: object) -> object:
    """A blank text (empty, or only spaces) is a value not filled in yet: None.

    Characters Word cannot store are refused here, before any other reading of the text.
    """
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a library caller's number where text is expected
    return value


def is_blank(value: object) -> bool:
    """True for a value not filled in: empty, only spaces, or a part whose values all are.

    A text holding a character Word cannot store is not blank: it is refused where it was
    typed, by the field's own reading (:func:`text_or_none`), not by the part's.
    """
    if isinstance(value, str):
        return not value.strip() and _UNSTORABLE.search(value) is None
    if isinstance(value, dict):
        return all(is_blank(v) for v in value.values())
    if isinstance(value, list):
        return all(is_blank(v) for v in value)
    return value is None  # text_or_none leaves any other value as it is


def items_or_none(value: object) -> object:
    """Drop the blank items of a list (``-`` with nothing after it); no item left: None."""
    if not isinstance(value, list):
        return value
    kept = [v for v in value if not is_blank(v)]
    return kept or None


# --- whole numbers ------------------------------------------------------------------------------

_DIGITS = re.compile(r"\+?\d+")


def whole_number(value: object) -> object:
    """A count of days, originals, a party number or a year: digits only."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "not a whole number", {"input": value})
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        return int(value.strip())
    if value is None:
        return None
    raise PydanticCustomError("int_parsing", "not a whole number", {"input": str(value)})


# --- yes / no -----------------------------------------------------------------------------------

_YES = {"ya", "yes", "true"}
_NO = {"tidak", "no", "false"}


def yes_no(value: object) -> object:
    """``Ya``/``Tidak`` (as the form offers them), ``true``/``false`` (as YAML writes them)."""
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise PydanticCustomError("bool_parsing", "not yes or no", {"input": str(value)})


# --- dates --------------------------------------------------------------------------------------

MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "pebruari": 2, "feb": 2,
    "february": 2, "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5,
    "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8, "august": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10, "november": 11,
    "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12,
    "december": 12,
}
DAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
        "minggu": 6, "ahad": 6}
_WEEKDAY = re.compile(r"^(?:hari\s+)?([^\W\d_]+(?:'at)?)\s*,?\s+(?=\d)", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_WORDS = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})")
#: Agreements are dated within these years; anything else is a typing mistake.
YEARS = (1945, 2100)


def date_value(value: object) -> object:
    """A date as offices type it: 2024-03-12, 12/03/2024, 12-03-2024, 12 Maret 2024.

    Day before month in every form but ISO; a weekday before the date ("Selasa, 12 Maret
    2024") must be the right one. An Excel date cell arrives as a date.
    """
    if value is None or type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, str):
        raise PydanticCustomError("date_type", "not a date", {"input": str(value)})
    text = " ".join(value.split())
    if not text:
        return None
    weekday = _WEEKDAY.match(text)
    day_name = weekday.group(1) if weekday else ""
    named = DAYS.get(day_name.lower())
    parts = _date_parts(text[weekday.end():] if weekday and named is not None else text)
    if parts is None:
        raise PydanticCustomError("date_type", "not a date", {"input": text})
    year, month, day = parts
    try:
        found = dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError("date_invalid", "no such date", {"input": text}) from None
    if not YEARS[0] <= year <= YEARS[1]:
        raise PydanticCustomError("date_year", "implausible year", {
            "input": text, "year": year, "low": YEARS[0], "high": YEARS[1]})
    if named is not None and found.weekday() != named:
        raise PydanticCustomError("date_weekday", "wrong weekday", {
            "input": text, "day": day_name})
    return found


def _date_parts(text: str) -> tuple[int, int, int] | None:
    if match := _ISO.fullmatch(text):
        return int(match[1]), int(match[2]), int(match[3])
    if match := _DMY.fullmatch(text):
        return int(match[4]), int(match[3]), int(match[1])
    if (match := _WORDS.fullmatch(text)) and match[2].lower() in MONTHS:
        return int(match[3]), MONTHS[match[2].lower()], int(match[1])
    return None


# --- amounts ------------------------------------------------------------------------------------

_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_PLAIN = re.compile(r"-?\d+")
_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+(,\d{1,2})?")  # 1.250.000 or 1.250.000,50
_COMMA_SEN = re.compile(r"-?\d+,\d{1,2}")  # 1250000,50
_POINT_SEN = re.compile(r"-?\d+\.\d{1,2}")  # 1250000.50
#: Excel keeps 15 significant digits; an amount with more came from a number cell mangled.
FLOAT_DIGITS = 15


def rupiah_value(value: object) -> object:
    """An amount in rupiah: 1250000000, Rp1.250.000.000,00, Rp 1.250.000.000, 1250000.50.

    Thousands are separated by dots and sen by a comma (or, in plain digits, a point followed
    by one or two digits). Anything else — 1,250,000, 1.250,500, 1e9 — is refused.
    """
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise PydanticCustomError("amount_format", "not an amount", {"input": str(value)})
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return _float_amount(value)
    if not isinstance(value, str):
        raise PydanticCustomError("amount_format", "not an amount", {"input": str(value)})
    text = _CURRENCY.sub("", value.strip()).removesuffix(",-").strip()
    if _PLAIN.fullmatch(text) or _POINT_SEN.fullmatch(text):
        return Decimal(text)
    if _GROUPED.fullmatch(text) or _COMMA_SEN.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    raise PydanticCustomError("amount_format", "not an amount", {"input": value.strip()})


def _float_amount(value: float) -> Decimal:
    if not math.isfinite(value):
        raise PydanticCustomError("amount_format", "not an amount", {"input": str(value)})
    text = repr(value)
    try:
        amount = Decimal(text)
    except InvalidOperation:  # pragma: no cover - repr of a finite float is a decimal
        raise PydanticCustomError("amount_format", "not an amount", {"input": text}) from None
    if len(amount.normalize().as_tuple().digits) > FLOAT_DIGITS:
        raise PydanticCustomError("amount_float", "too many digits for a number cell",
                                  {"input": text})
    return amount


# --- identifiers --------------------------------------------------------------------------------

_NIP_LABEL = re.compile(r"^NIP\.?\s*:?\s*", re.IGNORECASE)
_NIP_SEPARATORS = re.compile(r"[\s.\-\u00a0\u202f]")


def nip_value(value: object) -> object:
    """A civil servant's NIP (Perka BKN 22/2007): 18 digits, printed 19700512 199503 2 004.

    The digits are a birth date, the year and month of appointment, a sex digit (1 or 2)
    and a sequence number; a NIP whose parts are impossible is refused. A number (an Excel
    cell that held the NIP as a number, losing digits past the 15th) is refused, not guessed.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise PydanticCustomError("nip_number", "a NIP must be text", {"input": str(value)})
    text = _NIP_LABEL.sub("", value.strip())
    digits = _NIP_SEPARATORS.sub("", text)
    if not text:
        return None
    if not digits.isdigit() or not digits.isascii() or len(digits) != 18:
        raise PydanticCustomError("nip_length", "a NIP has 18 digits", {
            "input": value.strip(), "count": sum(c.isdigit() for c in digits)})
    problem = _nip_problem(digits)
    if problem:
        raise PydanticCustomError("nip_invalid", "impossible NIP", {
            "input": value.strip(), "part": problem})
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _nip_problem(digits: str) -> Text | None:
    """Which part of an 18-digit NIP is impossible, or None."""
    try:
        born = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        born = None
    if born is None or not 1930 <= born.year <= dt.date.today().year - 15:
        return msg("nip_birth_date", digits=digits[:8])
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12 or not born.year + 15 <= year <= dt.date.today().year + 1:
        return msg("nip_appointment", digits=digits[8:14])
    if digits[14] not in "12":
        return msg("nip_sex_digit", digit=digits[14])
    if digits[15:] == "000":
        return msg("nip_sequence")
    return None
