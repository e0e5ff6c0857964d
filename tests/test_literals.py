"""Patterns passed over where they cannot match: never one that would have matched."""

import _sre
import re
import sys
from re._casefix import _EXTRA_CASES

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from pkgen.checks import load_rulebook
from pkgen.checks.document import _scans, check_document
from pkgen.checks.literals import Words, _plain, could_match, fold, needs
from pkgen.checks.structure import first_match

BOOK = load_rulebook()
RULEBOOK_PATTERNS = sorted(
    {d.pola for c in BOOK.klausul for d in c.definisi}
    | {p for _name, patterns in _scans(None, BOOK)[0] for p in patterns}, key=lambda p: p.pattern)
TRICKY = [re.compile(p, f) for p, f in [
    (r"keadaan\s+(kahar|memaksa)", re.I), (r"ab(cde)?fgh", re.I), (r"(?-i:PASAL) \d+", re.I),
    (r"(?:wan)+prestasi", re.I), (r"disebut\s+PIHAK\s+(KESATU|PERTAMA)", 0),
    (r"Ks|KLASIK", re.I), (r"si{2,}s", re.I), (r"(?>atom)ik", re.I), (r"ſtraße", re.I),
    (r"İstanbul|ıstanbul", re.I), (r"\bKelvin\b", re.I | re.ASCII),
]]
ALL_CHARACTERS = "".join(chr(c) for c in range(sys.maxunicode + 1)
                         if not 0xD800 <= c <= 0xDFFF)


def test_every_character_a_literal_matches_folds_to_it():
    """What case-insensitive matching takes for a character of a word looked for is that
    character once folded: no text a pattern matches lacks the pattern's word."""
    literals = {chr(c) for c in range(32, 128)} | {
        ch for p in RULEBOOK_PATTERNS for ch in p.pattern if _plain(ord(ch))}
    assert {"«", "…", "제"} <= literals
    for char in sorted(literals):
        matched = re.findall(re.escape(char), ALL_CHARACTERS, re.IGNORECASE)
        assert {fold(m) for m in matched} == {fold(char)}, char


def test_a_character_without_case_is_matched_by_itself_alone():
    """Case-insensitive matching compiles a character with no case (by Python's own
    test, and in none of its extra groups of equal letters) as that character alone, and
    folding leaves it as it is: so it may stand in a word looked for."""
    plain = [c for c in ALL_CHARACTERS if ord(c) >= 128 and _plain(ord(c))]
    extra = {code for key, group in _EXTRA_CASES.items() for code in (key, *group)}
    assert not [c for c in plain if _sre.unicode_iscased(ord(c)) or ord(c) in extra]
    assert fold("".join(plain)) == "".join(plain)


@pytest.mark.parametrize(("pattern", "expected"), [
    (TRICKY[0], {"keadaan"}), (TRICKY[1], {"fgh"}), (TRICKY[2], {"pasal"}),
    (TRICKY[3], {"prestasi"}), (TRICKY[4], {"disebut"}), (TRICKY[5], None),
    (TRICKY[6], None), (TRICKY[7], {"atom"}), (re.compile(r"\.{4,}"), {"...."}),
    (re.compile(r"(?=abc)x"), None), (re.compile("[a-z]+ka"), None),
    (re.compile("(ayat)?"), None), (re.compile(r"\{\{.*?\}\}"), {"{{"}),
    (re.compile(r"(x|abc)(kahar|memaksa)", re.I), {"kahar", "memaksa"}),
])
def test_what_a_pattern_needs(pattern, expected):
    assert needs(pattern) == (None if expected is None else frozenset(expected))


def _varied(text: str, data) -> str:
    """``text`` as a user might have it: letters in either case, or written with the
    characters case-insensitive matching takes for them."""
    odd = {"i": "İı", "I": "İı", "s": "ſ", "S": "ſ", "k": "\u212a", "K": "\u212a"}
    out = []
    for char in text:
        choice = data.draw(st.integers(0, 3))
        if choice == 1:
            char = char.swapcase()
        elif choice == 2 and char in odd:
            char = data.draw(st.sampled_from(odd[char]))
        out.append(char)
    return "".join(out)


@given(st.sampled_from(RULEBOOK_PATTERNS + TRICKY), st.data())
def test_a_pattern_is_never_passed_over_where_it_matches(pattern, data):
    found = data.draw(st.from_regex(pattern))
    for text in (found, _varied(found, data),
                 data.draw(st.text(max_size=20)) + _varied(found, data)):
        if pattern.search(text):
            assert could_match(pattern, fold(text)), (pattern.pattern, text)


@given(st.data())
def test_patterns_gathered_could_match_as_each_one_alone(data):
    """Which words a text holds is found once for a set of patterns; what each pattern could
    match is then what :func:`could_match` tells for it alone."""
    words = Words(RULEBOOK_PATTERNS + TRICKY)
    pattern = data.draw(st.sampled_from(RULEBOOK_PATTERNS + TRICKY))
    text = data.draw(st.text(max_size=20)) + data.draw(st.from_regex(pattern)) \
        if data.draw(st.booleans()) else data.draw(st.text(max_size=40))
    assert words.could_match(pattern, words.held(text)) == could_match(pattern, fold(text))


def test_most_patterns_are_passed_over_in_a_plain_paragraph():
    text = fold("Pasal 5\nJANGKA WAKTU\nPerjanjian ini berlaku selama 3 (tiga) tahun.")
    skipped = [p for p in RULEBOOK_PATTERNS if not could_match(p, text)]
    assert len(skipped) > len(RULEBOOK_PATTERNS) * 3 // 4


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "corpus").glob("*.docx"))
                         + sorted((ROOT / "tests" / "real" / "docx").glob("*.docx"))[:8],
                         ids=lambda p: p.name)
def test_the_check_finds_what_searching_every_pattern_finds(path, monkeypatch):
    fresh = BOOK.model_copy(update={"digest": ""})  # nothing kept between the two checks
    quick = check_document(path, fresh)
    monkeypatch.setattr(Words, "could_match", lambda *_: True)
    assert check_document(path, fresh) == quick


def test_answers_kept_by_pattern_are_those_of_the_pattern_asked():
    """Answers are kept by the patterns' identity (their hash is worked out anew each time):
    patterns made and dropped one after another, whose memory Python may give to the next,
    each get their own answer."""
    for i in range(300):
        re.purge()  # nothing else holds the pattern
        word = ("kahar", "bencana", "mogok")[i % 3]
        pattern = re.compile(f"keadaan {word}|{word} alam" if i % 2 else word, re.IGNORECASE)
        text = "Dalam hal terjadi Keadaan Kahar atau bencana alam."
        found = first_match((pattern,), text)
        assert (found.group(0) if found else None) == (
            m.group(0) if (m := pattern.search(text)) else None), i
        assert could_match(pattern, fold(text)) == (pattern.search(text) is not None), i
