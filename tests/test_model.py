"""The model on its own: text cleaning and cross-part consistency."""

import pytest
from conftest import PKS_TPA
from pydantic import BaseModel, ValidationError

from pkgen.inputs import load_agreement
from pkgen.model import Penandatangan, consistency_problems, types


def test_text_is_stripped():
    assert Penandatangan(nama="  Budi \n", jabatan="Kepala").nama == "Budi"


@pytest.mark.parametrize("char", ["\x0b", "\x0c", "\x00", "\x07", "\ud800", "\ufffe"],
                         ids=["VT", "FF", "NUL", "BEL", "surrogate", "FFFE"])
def test_characters_word_cannot_store_are_refused(char):
    with pytest.raises(ValidationError) as info:
        Penandatangan(nama=f"Bu{char}di", jabatan="Kepala")
    assert info.value.errors()[0]["type"] == "control_character"


@pytest.mark.parametrize("kind", ["Isian", "Paragraf", "Telepon", "Sebutan", "Teks", "Butir"])
def test_every_kind_of_text_is_stripped_and_checked(kind):
    """Each text type strips the blanks around a text and refuses what Word cannot store,
    once, in whichever of its validators does it."""

    class Holder(BaseModel):
        value: getattr(types, kind)  # type: ignore[valid-type]

    item = (lambda text: [text]) if kind == "Butir" else (lambda text: text)
    assert Holder(value=item("  Jalan Merdeka 1 \n")).value == item("Jalan Merdeka 1")
    with pytest.raises(ValidationError) as info:
        Holder(value=item("Jalan\x0bMerdeka"))
    assert info.value.errors()[0]["type"] == "control_character"
    with pytest.raises(ValidationError) as info:
        Holder(value=item("x" * 20_001))
    assert info.value.errors()[0]["type"] == "string_too_long"


def test_newlines_and_tabs_are_kept():
    assert Penandatangan(nama="a\tb\nc", jabatan="x").nama == "a\tb\nc"


def test_unknown_keys_are_rejected():
    with pytest.raises(ValidationError) as info:
        Penandatangan(nama="a", jabatan="b", pangkat="c")
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_references_between_parts_are_checked():
    """Each kind of broken reference is found on an otherwise consistent example."""
    doc = load_agreement(PKS_TPA).document
    assert consistency_problems(doc) == []
    broken = doc.model_copy(update={
        "korespondensi": [doc.korespondensi[0].model_copy(update={"pihak": 3})],
        "ksb": doc.ksb.model_copy(update={"nomor": ["1/2020"]}),
        "penutup": doc.penutup.model_copy(update={"rangkap": 1}),
        "jangka_waktu": doc.jangka_waktu.model_copy(update={"mulai": None,
            "berakhir": doc.penandatanganan.tanggal.replace(year=2019)}),
    })
    assert [(loc, code) for loc, code, _ in consistency_problems(broken)] == [
        (("ksb", "nomor"), "ksb_nomor_count"),
        (("korespondensi", 0, "pihak"), "party_index"),
        (("penutup", "rangkap"), "penutup_rangkap"),
        (("jangka_waktu", "berakhir"), "end_before_start"),
    ]


def test_the_characters_refused_are_exactly_those_word_cannot_store():
    import unicodedata

    from pkgen.values import _UNSTORABLE

    chars = [chr(c) for c in range(0x110000)]
    expected = [c for c in chars if c not in "\n\t" and (
        unicodedata.category(c) in ("Cc", "Cs") or ord(c) in (0xFFFE, 0xFFFF))]
    assert [c for c in chars if _UNSTORABLE.match(c)] == expected
