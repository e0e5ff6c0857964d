"""The rulebook rests on what was read: every article a rule cites is quoted in
docs/dasar-hukum.md, and the README lists every rule with its basis and how firmly it rests."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from pkgen.checks import load_rulebook

BOOK = load_rulebook()
REFERENCE = (ROOT / "docs" / "dasar-hukum.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quoted_articles() -> dict[str, set[str]]:
    """Regulation ('PP 28/2018') -> the articles quoted under it ('Pasal 19')."""
    out: dict[str, set[str]] = {}
    current = None
    for line in REFERENCE.splitlines():
        if line.startswith("## "):
            current = " ".join(line[3:].split()[:2])
            out[current] = set()
        elif current:
            out[current] |= set(re.findall(r"\*\*(Pasal \d+)\*\*", line))
    return out


QUOTED = quoted_articles()


@pytest.mark.parametrize("rule", BOOK.aturan, ids=lambda r: r.id)
def test_every_cited_article_was_read(rule):
    for source in rule.dasar.articles():
        if not re.match(r"(UU|PP|Perpres|Permendagri) \d", source.peraturan):
            assert rule.dasar.sifat != "hukum", f"{rule.id}: law with no regulation named"
            continue
        assert source.peraturan in QUOTED, f"{rule.id}: {source.peraturan} not in the reference"
        if source.pasal:
            assert source.pasal in QUOTED[source.peraturan], f"{rule.id}: {source.text()}"


def test_law_and_practice_are_told_apart():
    law = {r.id for r in BOOK.aturan if r.dasar.sifat == "hukum"}
    assert {"missing-clause-ksdpk", "dispute-forum-ksdd", "dprd-approval", "surat-kuasa",
            "revoked-regulation", "stamp-duty"} <= law
    for rule in BOOK.aturan:
        if rule.dasar.sifat == "praktik" and rule.tingkat == "error" and \
                rule.jenis_pemeriksaan == "klausul_wajib":
            assert "praktik" in rule.uraian.id, rule.id  # an error resting on practice says so


def test_sanctions_are_required_of_a_contract_with_a_third_party():
    rules = BOOK.rules("klausul_wajib", "pks", "KSDPK")
    assert any("sanksi" in r.klausul and r.tingkat == "error" for r in rules)
    assert not any("sanksi" in r.klausul and r.tingkat == "error"
                   for r in BOOK.rules("klausul_wajib", "pks", "KSDD"))


def test_the_readme_lists_every_rule_with_its_basis():
    section = README.split("### Rules and what they rest on", 1)[1].split("\n## ", 1)[0]
    for rule in BOOK.aturan:
        row = f"| `{rule.id}` | {rule.tingkat} | {rule.dasar.text('en')} |"
        assert row in section, row
