"""Check any Word agreement: which clauses it has, and what is structurally wrong."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..docx_text import Block, read_blocks
from ..messages import msg
from .bilingual import bilingual_findings
from .clauses import clause_statuses, locate
from .findings import Finding, Location, Report
from .literals import Words
from .rulebook import Rulebook
from .structure import (
    PerRulebook,
    Structure,
    heading_match,
    numbers_cited,
    parse_structure,
    search_first,
)

_KSDPK_PARTY = re.compile(r"^(PT|CV|YAYASAN|KOPERASI|PERUM|PERSERODA|UNIVERSITAS|RUMAH SAKIT)\b"
                          r"|\b(TBK|PERSERO)\b", re.IGNORECASE)
#: A party abroad, as a title names it: a foreign state, a kind of government or institution
#: Indonesia does not have, or the country after the name ("… REPUBLIK KOREA").
_FOREIGN = re.compile(
    r"\b(STATE OF|PROVINCE|PREFECTURE|CITY OF|GOVERNMENT OF|REPUBLIK|REPUBLIC|KERAJAAN|KINGDOM"
    r"|NEGARA BAGIAN|UNIVERSITY|AUSTRALIA|KOREA|JEPANG|JAPAN|TIONGKOK|CHINA|MALAYSIA"
    r"|SINGAPURA|SINGAPORE|THAILAND|FILIPINA|PHILIPPINES|VIETNAM|BELANDA|NETHERLANDS|JERMAN"
    r"|GERMANY|PRANCIS|FRANCE|AMERIKA SERIKAT|UNITED STATES|UNITED KINGDOM|SELANDIA BARU"
    r"|NEW ZEALAND)\b", re.IGNORECASE)
_GOVERNMENT = re.compile(r"\b(PEMERINTAH|GOVERNMENT|NEGARA BAGIAN|STATE|PROVINSI|PROVINCE"
                         r"|PREFEKTUR|PREFECTURE|KOTA|CITY|COUNTY|DISTRICT|GUBERNUR)\b",
                         re.IGNORECASE)


def check_document(path: Path, book: Rulebook, kind: str | None = None) -> Report:
    """Check the .docx at ``path``; ``kind`` ('pks'/'ksb') overrides the one read off the title.

    Raises :class:`~pkgen.docx_text.DocumentError` for a file that cannot be read.
    """
    return check_structure(str(path), parse_structure(read_blocks(path), book), book, kind)


def check_structure(name: str, structure: Structure, book: Rulebook,
                    kind: str | None = None, jenis: str | None = None) -> Report:
    """Check a parsed document (see :func:`check_document`); ``name`` names it in the report.
    ``jenis``, when known (a draft of an input), overrides the one read off the title."""
    kind = kind or structure.kind or "pks"
    jenis = jenis or _jenis(structure.title_lines)
    reported = {c for r in book.rules("klausul_wajib", kind, jenis) if r.tingkat == "error"
                for c in r.klausul}
    statuses = clause_statuses(structure, book, reported)
    scanned = _scanned(structure, book)
    findings: list[Finding] = []
    findings += _clause_findings(statuses, book, kind, jenis)
    findings += _pattern_findings(structure, book, kind, jenis, scanned)
    findings += _reference_findings(structure, book, kind, jenis, scanned)
    findings += _numbering_findings(structure, book, kind, jenis)
    findings += _untitled_findings(structure, book, kind, jenis)
    findings += _revoked_findings(structure, book, kind, jenis, scanned)
    findings += _content_findings(structure, book, kind, jenis)
    findings += bilingual_findings(structure, book, kind, jenis)
    findings += _cited_findings(structure, book, kind, jenis)
    return Report(name, kind, jenis, book, statuses, findings)


def _clause_findings(statuses, book, kind, jenis) -> list[Finding]:
    by_id = {s.id: s for s in statuses}
    findings = []
    for rule in book.rules("klausul_wajib", kind, jenis):
        for clause in rule.klausul:
            if by_id[clause].status == "missing":
                findings.append(Finding(rule, clause, None, candidate=by_id[clause].candidate))
    for rule in book.rules("klausul_kosong", kind, jenis):
        for status in statuses:
            if status.status == "empty":
                findings.append(Finding(rule, status.id, status.location))
    return findings


def _locate(structure: Structure, block: Block) -> Location:
    return locate(structure, block)


Scanned = dict[tuple[str, ...], list[tuple[Block, Any]]]


def _scanned(structure: Structure, book: Rulebook) -> Scanned:
    """What each pattern the rulebook looks for paragraph by paragraph finds in each paragraph,
    in document order: a ``pola`` rule's or a revoked regulation's first match, the article
    numbers a ``rujukan_pasal`` rule's patterns cite."""
    found: Scanned = {}
    blocks = structure.blocks
    for block, hits in zip(blocks, _hits.each([b.text for b in blocks], book), strict=True):
        for key, hit in hits:
            found.setdefault(key, []).append((block, hit))
    return found


def _search(text: str, book: Rulebook) -> tuple[tuple[tuple[str, ...], Any], ...]:
    """What :func:`_scanned` finds in ``text`` (a pattern that cannot match it not tried;
    the answer is kept per text by :data:`_hits`, so the searches keep nothing themselves)."""
    scans, words = _scans(None, book)
    held = words.held(text)
    found = []
    for name, patterns in scans:
        live = tuple(p for p in patterns if words.could_match(p, held))
        search = numbers_cited if name[0] == "rujukan" else search_first
        if live and (hit := search(live, text)):
            found.append((name, hit))
    return tuple(found)


_hits = PerRulebook(_search)
#: Groups of patterns looked for in each paragraph, each group named.
Scans = list[tuple[tuple[str, ...], tuple[re.Pattern, ...]]]


def _rule_scans(_key: None, book: Rulebook) -> tuple[Scans, Words]:
    """The patterns the rulebook looks for paragraph by paragraph, each group named, and
    what they need."""
    scans: Scans = []
    for rule in book.aturan:
        if rule.jenis_pemeriksaan == "pola":
            scans.append((("pola", rule.id), tuple(rule.pola)))
        elif rule.jenis_pemeriksaan == "rujukan_pasal":
            scans.append((("rujukan", rule.id), tuple(rule.pola)))
        elif rule.jenis_pemeriksaan == "peraturan_dicabut":
            scans += [(("dicabut", rule.id, str(i)), (revoked.pola,))
                      for i, revoked in enumerate(rule.dicabut)]
    return scans, Words(p for _name, patterns in scans for p in patterns)


_scans = PerRulebook(_rule_scans)


def _pattern_findings(structure, book, kind, jenis, scanned: Scanned) -> list[Finding]:
    findings = []
    for rule in book.rules("pola", kind, jenis):
        hits = scanned.get(("pola", rule.id), [])
        if hits and structure.may_contain(rule.pola):
            findings += [Finding(rule, None, _locate(structure, block),
                                 {"teks": _excerpt(block.text, match)})
                         for block, match in hits]
    return findings


def _reference_findings(structure, book, kind, jenis, scanned: Scanned) -> list[Finding]:
    numbers = {a.number for a in structure.articles if a.number is not None}
    if not numbers:
        numbers = set(range(1, len(structure.articles) + 1))
    findings = []
    for rule in book.rules("rujukan_pasal", kind, jenis):
        for block, cited in scanned.get(("rujukan", rule.id), []):
            for number in cited:
                if number not in numbers:
                    findings.append(Finding(rule, None, _locate(structure, block),
                                            {"nomor": number}))
    return findings


def _numbering_findings(structure, book, kind, jenis) -> list[Finding]:
    """Numbers skipped or repeated, in each language's text of its own (successive texts of
    two or three languages each number their articles from 1)."""
    texts: dict[str, list[int]] = {}
    for article in structure.articles:
        found = heading_match(article.heading.text) if article.number is not None else None
        if found:
            texts.setdefault(found[0], []).append(article.number)
    problems = [p for numbers in texts.values() for p in _numbering_problems(numbers)]
    if not problems:
        return []
    return [Finding(rule, None, None, {"rincian": problems})
            for rule in book.rules("penomoran", kind, jenis)]


def _numbering_problems(numbers: list[int]) -> list:
    problems = []
    seen: set[int] = set()
    expected = 1
    for number in numbers:
        if number in seen:
            problems.append(msg("numbering_repeated", number=number))
        elif number > expected:
            gap = f"{expected}" if number == expected + 1 else f"{expected}–{number - 1}"
            problems.append(msg("numbering_skipped", numbers=gap))
        elif number < expected:
            problems.append(msg("numbering_order", number=number, previous=expected - 1))
        seen.add(number)
        expected = max(expected, number + 1)
    return problems


def _untitled_findings(structure, book, kind, jenis) -> list[Finding]:
    return [Finding(rule, None, locate(structure, article.heading), {"pasal": article.label})
            for rule in book.rules("pasal_tanpa_judul", kind, jenis)
            for article in structure.articles if article.untitled]


def _revoked_findings(structure, book, kind, jenis, scanned: Scanned) -> list[Finding]:
    findings = []
    for rule in book.rules("peraturan_dicabut", kind, jenis):
        for i, revoked in enumerate(rule.dicabut):
            # Citing it at all, first: a question most drafts answer as the last one did.
            for block, _match in scanned.get(("dicabut", rule.id, str(i)), []):
                if revoked.cited_as_current(block.text):
                    findings.append(Finding(rule, None, _locate(structure, block), {
                        "nama": revoked.nama, "pengganti": revoked.pengganti}))
                    break
    return findings


def _content_findings(structure, book, kind, jenis) -> list[Finding]:
    """An article of a clause that lacks what the clause must say (its rule's ``pola``), or
    says what it must not (``terlarang``)."""
    findings = []
    for rule in book.rules("isi_klausul", kind, jenis):
        for clause in rule.klausul:
            articles = [a for a in structure.articles if clause in a.clauses]
            text = "\n".join(b.text for a in articles for b in a.body)
            if articles and (not any(p.search(text) for p in rule.pola)
                             or any(p.search(text) for p in rule.terlarang)):
                findings.append(Finding(rule, clause, locate(structure, articles[0].heading)))
    return findings


def _cited_findings(structure, book, kind, jenis) -> list[Finding]:
    """What the text must cite and does not (``rujukan_wajib``, ``peraturan_wajib``), and a
    regulation for another jenis cited in its place (``peraturan_jenis_lain``)."""
    findings = []
    for rule in book.rules("rujukan_wajib", kind, jenis):
        if not structure.may_contain(rule.pola):
            findings.append(Finding(rule))
    for rule in book.rules("peraturan_wajib", kind, jenis):
        findings += [Finding(rule, params={"nama": cited.nama}) for cited in rule.wajib
                     if not structure.may_contain([cited.pola])]
    for rule in book.rules("peraturan_jenis_lain", kind, jenis):
        for wrong in rule.salah:
            block = next((b for b in structure.blocks if wrong.cited_as_current(b.text)), None)
            if block is not None:
                findings.append(Finding(rule, None, _locate(structure, block), {
                    "nama": wrong.nama, "pengganti": wrong.pengganti}))
    return findings


def _excerpt(text: str, match: re.Match, width: int = 30) -> str:
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    snippet = " ".join(text[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")


def _jenis(title_lines: list[str]) -> str | None:
    """KSDD / KSDPK / KSDPL / KSDLL read off the parties named in the title, or None."""
    if not title_lines:
        return None
    abroad = [line for line in title_lines
              if _FOREIGN.search(line) and "INDONESIA" not in line.upper()]
    if abroad:
        return "KSDPL" if any(_GOVERNMENT.search(line) for line in abroad) else "KSDLL"
    if any(_KSDPK_PARTY.search(line) for line in title_lines):
        return "KSDPK"
    if all(line.upper().startswith("PEMERINTAH") for line in title_lines):
        return "KSDD"
    return None
