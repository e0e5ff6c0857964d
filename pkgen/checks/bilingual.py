"""Whether the two language texts of an agreement correspond, article by article.

An agreement with a foreign party is written in Indonesian and in the partner's language
and/or English, in parallel columns (a table whose rows hold "Pasal 4" beside "Article 4") or
as successive full texts (Pasal 1 … n, then Article 1 … n). Either way the articles are told
apart by the word that heads them: "Pasal" is Indonesian, "Article" the other text. The two
texts correspond when each has an article of every number the other has, the titles of two
articles of one number name the same clause, and no article is a heading without text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..docx_text import Block
from ..messages import Text, msg
from .clauses import locate
from .findings import Finding
from .rulebook import Rulebook
from .structure import Structure, clauses_of_titles, title_like

_HEADING = re.compile(
    r"^\s*(pasal|article|artikel)\s+([0-9]{1,3})\b\s*[-–—:.]?\s*(.*?)\s*$", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]{2,}")
#: The other language's name in messages, by the word of its headings.
_OTHER = {"article": {"id": "bahasa Inggris", "en": "English"},
          "artikel": {"id": "bahasa lain", "en": "the other language"}}


@dataclass
class Heading:
    """An article heading of one language: its number, title, paragraph and body."""

    lang: str
    word: str
    number: int
    title: str
    block: Block
    body: list[Block] = field(default_factory=list)

    @property
    def label(self) -> str:
        """'Pasal 7' or 'Article 7'."""
        return f"{self.word.capitalize()} {self.number}"


def bilingual_findings(structure: Structure, book: Rulebook, kind: str,
                       jenis: str | None) -> list[Finding]:
    """The ways the Indonesian text and the other text fail to correspond (rule type
    ``naskah_dwibahasa``): each a finding at the article concerned."""
    rules = book.rules("naskah_dwibahasa", kind, jenis)
    if not rules:
        return []
    problems = compare(headings(structure.blocks), book)
    return [Finding(rule, None, locate(structure, block) if block else None,
                    {"rincian": [text]})
            for rule in rules for block, text in problems]


def headings(blocks: list[Block]) -> list[Heading]:
    """Every numbered article heading of the body, with its title and its body: the blocks
    that follow it in the same column (a table's column, or the page) up to the next heading
    there."""
    body = [b for b in blocks if b.part == "body"]
    found: list[Heading] = []
    current: dict[object, Heading] = {}
    titles: set[int] = set()
    for i, block in enumerate(body):
        column = _column(block)
        match = _HEADING.match(block.text)
        if match and (not match.group(3) or title_like(match.group(3))):
            word = match.group(1).lower()
            title, title_block = match.group(3), None
            if not title:
                title_block = _next_title(body, i, column)
                title = title_block.text.strip() if title_block else ""
                titles.add(id(title_block))
            heading = Heading("id" if word == "pasal" else "en", word, int(match.group(2)),
                              title, block)
            found.append(heading)
            current[column] = heading
        elif column in current and id(block) not in titles:
            current[column].body.append(block)
    return found


def _column(block: Block) -> object:
    """A table's column (a text in parallel columns), or None for the page."""
    return (block.cell[0], block.cell[2]) if block.cell else None


def _next_title(body: list[Block], i: int, column: object) -> Block | None:
    for block in body[i + 1:i + 4]:
        if _column(block) != column:
            continue
        text = block.text.strip()
        if text:
            return block if title_like(text) and not _HEADING.match(text) else None
    return None


def compare(found: list[Heading], book: Rulebook) -> list[tuple[Block | None, Text]]:
    """(where, what) for each way the texts fail to correspond; [] when they do (or when the
    document has no numbered articles to compare)."""
    ours = {h.number: h for h in found if h.lang == "id"}
    theirs = {h.number: h for h in found if h.lang == "en"}
    if not ours and not theirs:
        return []
    word = next((h.word for h in found if h.lang == "en"), "article")
    other = _OTHER[word]
    if not theirs:
        return [(None, msg("bilingual_one_language", bahasa=other))]
    if not ours:
        return [(None, msg("bilingual_no_indonesian"))]
    out: list[tuple[Block | None, Text]] = []
    for number in sorted(set(ours) | set(theirs)):
        mine, yours = ours.get(number), theirs.get(number)
        if mine is None or yours is None:
            lone = mine or yours
            assert lone is not None
            out.append((lone.block, msg("bilingual_unpaired", pasal=lone.label,
                                        judul=lone.title or "—", bahasa=other if mine
                                        else {"id": "bahasa Indonesia", "en": "Indonesian"})))
            continue
        a, b = (clauses_of_titles([h.title], book) for h in (mine, yours))
        if a and b and not a & b:
            out.append((mine.block, msg("bilingual_titles", pasal=mine.label, judul=mine.title,
                                        lain=yours.label, judul_lain=yours.title)))
        for heading in (mine, yours):
            if not any(_WORDS.search(b.text) for b in heading.body):
                out.append((heading.block, msg("bilingual_empty", pasal=heading.label)))
    return out
