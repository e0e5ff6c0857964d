"""Whether the language texts of an agreement correspond, article by article.

An agreement with a foreign party is written in Indonesian and in the partner's language
and/or English, in parallel columns (a table whose rows hold "Pasal 4" beside "Article 4") or
as successive full texts (Pasal 1 … n, then Article 1 … n, then 제1조 … 제n조). Either way the
articles are told apart by the word that heads them: "Pasal" is Indonesian, "Article" English,
"제N조" Korean, "Artikel" another language. The texts correspond when each other text has an
article of every number the Indonesian one has and no other, the titles of two articles of
one number name the same clause, no article is a heading without text, and every language the
Indonesian text says the agreement is made in ("dibuat dalam bahasa Indonesia, bahasa Inggris,
dan bahasa Korea") has a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..docx_text import Block
from ..messages import Text, msg
from .clauses import locate
from .findings import Finding
from .rulebook import Rulebook
from .structure import Structure, clauses_of_titles, heading_match, title_like

_WORDS = re.compile(r"[^\W\d_]{2,}")
#: The language of a text, by the word of its headings ("artikel": one pkgen cannot name).
_LANGUAGE = {"pasal": "id", "article": "en", "조": "ko", "artikel": "lain"}
#: The languages' names in messages.
_NAMES = {"id": {"id": "bahasa Indonesia", "en": "Indonesian"},
          "en": {"id": "bahasa Inggris", "en": "English"},
          "ko": {"id": "bahasa Korea", "en": "Korean"},
          "lain": {"id": "bahasa lain", "en": "the other language"}}
#: Where the Indonesian text says which languages it is made in, and how it names them.
_MADE_IN = re.compile(r"\bdibuat\b[^.;]{0,80}?\bdalam\b([^.;]*)", re.IGNORECASE)
_NAMED = {"en": re.compile(r"\bbahasa Inggris\b", re.IGNORECASE),
          "ko": re.compile(r"\bbahasa Korea\b", re.IGNORECASE)}


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
        """'Pasal 7', 'Article 7' or '제7조'."""
        if self.lang == "ko":
            return f"제{self.number}조"
        return f"{self.word.capitalize()} {self.number}"


def bilingual_findings(structure: Structure, book: Rulebook, kind: str,
                       jenis: str | None) -> list[Finding]:
    """The ways the Indonesian text and the other text fail to correspond (rule type
    ``naskah_dwibahasa``): each a finding at the article concerned."""
    rules = book.rules("naskah_dwibahasa", kind, jenis)
    if not rules:
        return []
    found = headings(structure.blocks)
    problems = compare(found, book)
    if not problems:
        problems = _unwritten(found, structure)
    return [Finding(rule, None, locate(structure, block) if block else None,
                    {"rincian": [text]})
            for rule in rules for block, text in problems]


def _unwritten(found: list[Heading], structure: Structure
               ) -> list[tuple[Block | None, Text]]:
    """The languages the Indonesian text says the agreement is made in and that have no text
    (no article headed in them): a Korean text declared and left out, say."""
    written = {h.lang for h in found}
    for article in structure.articles:
        match = heading_match(article.heading.text)
        if "bahasa" not in article.clauses or not match or match[0] != "pasal":
            continue
        said = [m.group(1) for b in article.body for m in _MADE_IN.finditer(b.text)]
        named = [lang for lang, rx in _NAMED.items() if any(rx.search(t) for t in said)]
        return [(article.heading, msg("bilingual_unwritten", pasal=article.label,
                                      bahasa=_NAMES[lang]))
                for lang in named if lang not in written]
    return []


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
        match = heading_match(block.text)
        if match and match[1].isdigit() and (not match[2] or title_like(match[2])):
            word, number, title = match
            title_block = None
            if not title:
                title_block = _next_title(body, i, column)
                title = title_block.text.strip() if title_block else ""
                titles.add(id(title_block))
            heading = Heading(_LANGUAGE[word], word, int(number), title, block)
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
            return block if title_like(text) and not heading_match(text) else None
    return None


def compare(found: list[Heading], book: Rulebook) -> list[tuple[Block | None, Text]]:
    """(where, what) for each way the texts fail to correspond; [] when they do (or when the
    document has no numbered articles to compare). Each text other than the Indonesian one is
    compared with the Indonesian one."""
    texts: dict[str, dict[int, Heading]] = {}
    for heading in found:
        texts.setdefault(heading.lang, {})[heading.number] = heading
    ours = texts.pop("id", {})
    if not ours and not texts:
        return []
    if not texts:
        return [(None, msg("bilingual_one_language", bahasa=_NAMES["en"]))]
    if not ours:
        return [(None, msg("bilingual_no_indonesian"))]
    out: list[tuple[Block | None, Text]] = []
    for number in sorted(set(ours).union(*texts.values())):
        mine = ours.get(number)
        paired = [mine] if mine else []
        for lang, theirs in texts.items():
            yours = theirs.get(number)
            if mine is None or yours is None:
                if mine or yours:
                    out.append(_unpaired(mine, yours, lang))
                continue
            paired.append(yours)
            a, b = (clauses_of_titles([h.title], book) for h in (mine, yours))
            if a and b and not a & b:
                out.append((mine.block, msg("bilingual_titles", pasal=mine.label,
                                            judul=mine.title, lain=yours.label,
                                            judul_lain=yours.title)))
        if len(paired) > 1:
            out += [(h.block, msg("bilingual_empty", pasal=h.label)) for h in paired
                    if not any(_WORDS.search(b.text) for b in h.body)]
    return out


def _unpaired(mine: Heading | None, yours: Heading | None, lang: str) -> tuple[Block, Text]:
    """The Indonesian article ``mine`` with no counterpart in ``lang``, or ``lang``'s article
    ``yours`` with none in Indonesian."""
    lone = mine or yours
    assert lone is not None
    return lone.block, msg("bilingual_unpaired", pasal=lone.label, judul=lone.title or "—",
                           bahasa=_NAMES[lang if mine else "id"])
