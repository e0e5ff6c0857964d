"""How the context words the user's text: lettered lists with their conjunction, numbered
ayat, the days and dates written out, and italics, in the language of the context."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .. import formatting as fmt
from ..postprocess import ITALIC
from .wording import words

#: Shown where a value is decided only at signing (number, date) or not filled in yet.
BLANK = "…………………………"
#: How each list's items are joined (UU 12/2011 Lampiran II angka 88–90): "dan" cumulative,
#: "atau" alternative, "dan/atau" both; "" for items that each stand alone (recitals).
CONJUNCTION = {
    "tujuan": "dan", "ruang_lingkup": "dan", "bentuk_kerja_sama": "dan", "hak": "dan",
    "kewajiban": "dan", "peristiwa": "atau", "akibat": "dan", "sebab": "atau",
    "korespondensi": "dan", "sumber": "dan", "pertimbangan": "", "tindak_lanjut": "dan",
}
_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n\t]+?)(?<=[^\s*])\*(?![\w*])")


def items_of(items: Iterable[str] | None, kind: str, blank: bool = False,
             prefix: str = "", lang: str = "id") -> dict[str, object] | None:
    """A lettered list that knows its conjunction: ``butir`` ('a.', text ending ';', '; dan'
    or '.'), and ``tunggal``, the one item as a sentence when there is only one.

    Whatever punctuation the user ended an item with is replaced. None stays None, or
    becomes a single blank with ``blank``. ``lang`` words the conjunction ('; and').
    The list is worded once for the same items (a register repeats most of its lists) and
    shared: nothing changes it.
    """
    if items is None:
        return {"tunggal": BLANK, "butir": [{"huruf": "a.", "teks": BLANK}]} if blank else None
    return _items(tuple(items), kind, prefix, lang)


@lru_cache(maxsize=512)
def _items(items: tuple[str, ...], kind: str, prefix: str, lang: str) -> dict[str, object]:
    texts = [prefix + user_text(without(t, prefix)).rstrip(" ;,.") for t in items]
    return structured([{"teks": t} for t in texts], kind, "teks", lang)


def structured(items: list[dict], kind: str, text: str | None = None,
               lang: str = "id") -> dict[str, object]:
    """Items (dicts) numbered as a list: each gets 'huruf' and 'akhir' (its closing
    punctuation), and 'teks' ends with it when ``text`` names the item's text."""
    conjunction = words(lang)[CONJUNCTION[kind]] if CONJUNCTION[kind] else ""
    out = []
    for i, item in enumerate(items):
        end = ending(i, len(items), conjunction, lang)
        row = {**item, "huruf": fmt.huruf_butir(i, lang) + ".", "akhir": end}
        if text:
            row["teks"] = item[text] + end
        out.append(row)
    single = out[0] if len(out) == 1 else None
    return {"tunggal": single["teks"] if single and text else single, "butir": out}


def without(text: str, prefix: str) -> str:
    """The user's text without a prefix the template adds ('bahwa ')."""
    return text[len(prefix):] if prefix and text.lower().startswith(prefix.lower()) else text


def ending(index: int, count: int, conjunction: str, lang: str = "id") -> str:
    """Punctuation closing item ``index`` of ``count``: ';', '; dan' before the last, '.'
    (in Korean, nothing: its list items end without punctuation)."""
    w = words(lang)
    if index == count - 1:
        return w["butir_akhir"]
    if index == count - 2 and conjunction and w["butir_sambung"]:
        return w["butir_sambung"].format(kata=conjunction)
    return w["butir_antara"]


def ayat(items: Sequence[str] | None, first: int = 1) -> list[dict[str, str]] | None:
    """Numbered ayat: [{'no': '(1)', 'teks': ...}]; a lone ayat is not numbered."""
    if items is None:
        return None
    single = first == 1 and len(items) == 1
    return [{"no": "" if single else f"({first + i})", "teks": user_text(t)}
            for i, t in enumerate(items)]


def user_text(text: str | None) -> str:
    """User text as the template prints it: ``*term*`` marked for italics, else as typed."""
    if not text:
        return ""
    if "*" not in text:  # most text: nothing to mark
        return text
    return _STAR.sub(lambda m: ITALIC.format(m.group(1)), text)


def text_or_blank(text: str | None) -> str:
    """The user's text, or dotted blanks where a required one is not filled in yet."""
    return user_text(text) if text is not None else BLANK


def days(days: int | None, lang: str = "id") -> str:
    """'14 (empat belas) hari' ('14 (fourteen) days', '14(십사)일'), or dotted blanks."""
    if days is None:
        return words(lang)["hari_kosong"].format(b=BLANK)
    return fmt.angka_terbilang(days, "hari", lang)
