"""The values an agreement is made of: text, lists, days, dates, amounts, NIP, yes/no, and
the marks of a part a complete agreement needs (``wajib``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .. import formatting as fmt
from .. import values

#: An amount above this (one quadrillion rupiah) is taken as a typing mistake.
MAX_AMOUNT = Decimal(10**15)
#: Notice periods and deadlines, in days.
MAX_DAYS = 3650

_Blank = BeforeValidator(values.text_or_none)
_Empty = BeforeValidator(values.items_or_none)

#: The longest text a field takes.
MAX_TEXT = 20_000
#: Free text written by the user: stripped, non-empty, storable in Word.
Teks = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(values.clean_text)]
@dataclass(frozen=True)
class Tetap:
    """A text written the same in every language of an agreement: a person's name, a number,
    an address, an e-mail address, a telephone number, a file name. Every other text of a
    foreign agreement is given in each of its languages (``{id: …, en: …}``)."""


TETAP = Tetap()


@dataclass(frozen=True)
class Ketik:
    """How a text is typed where people type it (a form, a web page): ``panjang`` for a
    paragraph, ``telepon`` for a number kept exactly as typed (leading zero and all)."""

    cara: Literal["panjang", "telepon"]


#: Free text as :data:`_Blank` leaves it: already stripped and checked.
_Cleaned = Annotated[str, Field(max_length=MAX_TEXT)]
#: A text field: blank means not filled in yet.
Isian = Annotated[_Cleaned | None, _Blank]
#: A paragraph of text (purpose, object, …).
Paragraf = Annotated[_Cleaned | None, _Blank, Ketik("panjang")]
#: A telephone number, kept as typed.
Telepon = Annotated[_Cleaned | None, _Blank, Ketik("telepon"), TETAP]
#: A name, number or address: the same text in every language.
Sebutan = Annotated[_Cleaned | None, _Blank, TETAP]
Daftar = Annotated[list[Teks], Field(min_length=1, max_length=200)]
#: A list of paragraphs or items (ayat, butir); blank items are dropped, none left: None.
Butir = Annotated[Daftar | None, _Empty]
#: A list of numbers (of letters, decisions): the same in every language.
Nomor = Annotated[Annotated[list[Annotated[Teks, TETAP]], Field(min_length=1, max_length=200)]
                  | None, _Empty]
Hari = Annotated[int, BeforeValidator(values.whole_number), Field(ge=1, le=MAX_DAYS)]
HariIsian = Annotated[Hari | None, _Blank]
NomorPihak = Annotated[int, BeforeValidator(values.whole_number), Field(ge=1)]
Tanggal = Annotated[dt.date, BeforeValidator(values.date_value)]
TanggalIsian = Annotated[Tanggal | None, _Blank]
YaTidak = Annotated[bool, BeforeValidator(values.yes_no)]
def _plausible_amount(amount: Decimal) -> Decimal:
    if amount <= 0:
        raise PydanticCustomError("amount_not_positive", "amount must be > 0")
    if amount > MAX_AMOUNT:
        raise PydanticCustomError("amount_too_large", "amount implausible", {
            "input": fmt.rupiah(amount), "limit": fmt.rupiah(MAX_AMOUNT)})
    return amount


Rupiah = Annotated[Decimal, BeforeValidator(values.rupiah_value),
                   Field(decimal_places=2, allow_inf_nan=False), AfterValidator(_plausible_amount)]
Nip = Annotated[str, BeforeValidator(values.nip_value)]


def _wajib() -> Any:
    """A part a complete agreement needs (see :func:`missing_parts`)."""
    return Field(default=None, json_schema_extra={"wajib": True})


def _blank_mapping(value: object) -> object:
    """A part whose every value is blank (``nomor:`` and ``tanggal:`` left empty) is absent."""
    return None if isinstance(value, dict) and values.is_blank(value) else value


_Part = BeforeValidator(_blank_mapping)


class Jenis(StrEnum):
    """Kinds of regional cooperation (PP 28/2018 Pasal 1)."""

    KSDD = "KSDD"  # with another region
    KSDPK = "KSDPK"  # with a third party
    KSDPL = "KSDPL"  # with a foreign regional government
    KSDLL = "KSDLL"  # with a foreign institution


#: The languages an agreement's text may be written in (ISO 639-1), with their names in each
#: language a draft is written in.
BAHASA = {
    "id": {"id": "bahasa Indonesia", "en": "Indonesian", "ko": "인도네시아어"},
    "en": {"id": "bahasa Inggris", "en": "English", "ko": "영어"},
    "ko": {"id": "bahasa Korea", "en": "Korean", "ko": "한국어"},
    "ja": {"id": "bahasa Jepang", "en": "Japanese", "ko": "일본어"},
    "zh": {"id": "bahasa Tionghoa", "en": "Chinese", "ko": "중국어"},
    "ar": {"id": "bahasa Arab", "en": "Arabic", "ko": "아랍어"},
    "fr": {"id": "bahasa Prancis", "en": "French", "ko": "프랑스어"},
    "de": {"id": "bahasa Jerman", "en": "German", "ko": "독일어"},
    "nl": {"id": "bahasa Belanda", "en": "Dutch", "ko": "네덜란드어"},
    "es": {"id": "bahasa Spanyol", "en": "Spanish", "ko": "스페인어"},
    "ms": {"id": "bahasa Melayu", "en": "Malay", "ko": "말레이어"},
    "th": {"id": "bahasa Thai", "en": "Thai", "ko": "태국어"},
    "vi": {"id": "bahasa Vietnam", "en": "Vietnamese", "ko": "베트남어"},
}
KodeBahasa = Literal[
    "id", "en", "ko", "ja", "zh", "ar", "fr", "de", "nl", "es", "ms", "th", "vi"]


class Base(BaseModel):
    """Common configuration: unknown keys rejected, values immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _default_yes(value: object) -> object:
    return True if values.text_or_none(value) is None else value
