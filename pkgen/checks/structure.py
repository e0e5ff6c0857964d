"""Find the articles of any agreement in its paragraphs, and which clauses they hold.

Headings are recognised in the forms agreements use: "Pasal 7" with the title on the next
line, "PASAL 7 - TITLE" on one line, Roman numerals, "Article 7", the Korean "제7조" (also
"제 7 조", "제7조(목적)"), and Word heading styles with no literal number. Longer agreements
group articles in chapters ("BAB V" / "KEADAAN KAHAR" / "Pasal 10"): a bare article takes its
chapter's title. Bilingual agreements put "Pasal 7" and "Article 7" side by side in a table
row: the two are one article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from ..docx_text import Block
from ..lru import LRU
from .rulebook import Rulebook

_HEADING = re.compile(
    r"^\s*(pasal|article|artikel)\s+([0-9]{1,3}|[IVXLC]{1,8})\b\s*[-–—:.]?\s*(.*?)\s*$",
    re.IGNORECASE,
)
_KOREAN_HEADING = re.compile(
    r"^\s*제\s*([0-9]{1,3})\s*조(?![가-힣])\s*(?:[(（]([^)）]*)[)）])?\s*[-–—:.]?\s*(.*?)\s*$")
_CHAPTER = re.compile(r"^\s*BAB\s+([IVXLC]{1,8}|[0-9]{1,3})\b\s*[-–—:.]?\s*(.*?)\s*$",
                      re.IGNORECASE)
_AYAT = re.compile(r"^\s*\((\d{1,2})\)")
_NUMBERING = re.compile(r"^\s*(\d{1,2}(\.\d{1,2})*\.?|[A-Za-z]\.)\s+")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORDY = re.compile(r"[^\s.…_\-–—:;,()]")  # a character other than these


@dataclass
class Article:
    """An article: its heading paragraph, number (if written), titles, chapter and body."""

    heading: Block
    number: int | None
    titles: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    clauses: set[str] = field(default_factory=set)
    chapter: str | None = None

    @property
    def label(self) -> str:
        """'Pasal 7', or the heading text for an unnumbered heading."""
        if self.number is not None:
            return f"Pasal {self.number}"
        return self.heading.text.strip()[:60]

    @property
    def title(self) -> str:
        """The titles joined ('KEADAAN KAHAR / FORCE MAJEURE'), else the chapter's title."""
        return " / ".join(self.titles) or (self.chapter or "")

    @property
    def untitled(self) -> bool:
        """True for a numbered article with no title of its own nor of its chapter."""
        return self.number is not None and not self.titles and not self.chapter

    def is_empty(self) -> bool:
        """True if the body has no words: nothing, or only dots, underscores and dashes."""
        return not any(_WORDY.search(b.text) for b in self.body)

    def ayat(self, block: Block) -> str | None:
        """The ayat ('(2)') ``block`` belongs to: its own number or the last one before it."""
        if block is self.heading:
            return None
        for candidate in reversed(self.body[:self._position(block) + 1]):
            match = _AYAT.match(candidate.text)
            if match:
                return f"({match.group(1)})"
        return None

    def _position(self, block: Block) -> int:
        return next(i for i, b in enumerate(self.body) if b is block)


@dataclass
class Structure:
    """A document seen as a preamble, articles, and the text around them."""

    blocks: list[Block]
    preamble: list[Block]
    articles: list[Article]
    kind: str | None
    title_lines: list[str]
    _owner: dict[int, Article] | None = field(default=None, repr=False)
    _text: str | None = field(default=None, repr=False)

    def may_contain(self, patterns: list[re.Pattern]) -> bool:
        """False only if none of ``patterns`` occurs anywhere: a cheap test before a search
        paragraph by paragraph (a match across two paragraphs gives a needless search)."""
        if not patterns:
            return False
        if self._text is None:
            self._text = "\n".join(b.text for b in self.blocks)
        return bool(joined(tuple(p.pattern for p in patterns)).search(self._text))

    def article_of(self, block: Block) -> Article | None:
        """The article holding ``block`` (heading or body), or None (preamble, header …)."""
        if self._owner is None:
            self._owner = {id(a.heading): a for a in self.articles}
            self._owner.update({id(b): a for a in self.articles for b in a.body})
        return self._owner.get(id(block))


def parse_structure(blocks: list[Block], book: Rulebook) -> Structure:
    """Split ``blocks`` into preamble and articles and tag each article with its clauses."""
    body = [b for b in blocks if b.part == "body"]
    lines = list(map(_line, [b.text for b in body]))
    numbered = any(line.numbered for line in lines)
    articles: list[Article] = []
    preamble: list[Block] = []
    chapter: str | None = None
    i = 0
    while i < len(body):
        block, line = body[i], lines[i]
        if line.chapter is not None:
            chapter, i = _chapter_title(body, i, line.chapter)
            continue
        heading = _heading(block, numbered, line)
        if heading is None:
            (articles[-1].body if articles else preamble).append(block)
            i += 1
            continue
        number, inline_title = heading
        previous = articles[-1] if articles else None
        if (previous is not None and number is not None and previous.number == number
                and _same_row(previous.heading, block)):
            article = previous  # the other language of a bilingual row
        else:
            article = Article(block, number, chapter=chapter)
            articles.append(article)
        if inline_title:
            article.titles.append(inline_title)
        i += 1
        if not inline_title and number is not None:
            i = _take_titles(body, lines, i, article)
    for article in articles:
        article.clauses = clauses_of_titles([article.title], book)
    return Structure(blocks, preamble, articles, _kind(body, book), _title_lines(body))


class _Line(NamedTuple):
    """How a paragraph's text reads to :func:`parse_structure`, worked out once per text."""

    text: str  #: stripped
    title: bool  #: reads as a title (:func:`title_like`)
    bab: bool  #: starts with a chapter's "BAB N"
    chapter: str | None  #: a chapter heading: the title on its line ('' for none); else None
    numbered: bool  #: an article heading with a number, and a title if any on its line
    #: (number, title on the line) of an article heading by its words, None for a blank line
    #: or words that are not one; :data:`_UNREAD` where only a Word heading style can tell.
    heading: tuple[int, str] | None | object


_UNREAD = object()


@lru_cache(maxsize=8192)  # a register's drafts repeat their paragraphs
def _line(text: str) -> _Line:
    stripped = text.strip()
    title = title_like(stripped)
    bab = _CHAPTER.match(text)
    match = heading_match(text)
    numbered = match is not None and (not match[2] or title_like(match[2]))
    heading: tuple[int, str] | None | object = _UNREAD
    if not stripped:
        heading = None
    elif (words := heading_match(stripped)) is not None:
        heading = None if words[2] and not title_like(words[2]) else (
            _number(words[1]), words[2])
    return _Line(stripped, title, bab is not None, bab.group(2) if bab and title else None,
                 numbered, heading)


@lru_cache(maxsize=8192)  # a register's drafts repeat their paragraphs
def heading_match(text: str) -> tuple[str, str, str] | None:
    """(word, number, title on the same line) if ``text`` reads as an article heading:
    ('pasal', '7', ''), ('article', 'VII', 'TERMINATION'), ('조', '7', '종료') for '제7조(종료)'
    or '제7조 종료'; None otherwise. The title is '' when none is on the line, and is not
    checked to read as a title."""
    match = _HEADING.match(text)
    if match:
        return match.group(1).lower(), match.group(2), match.group(3)
    match = _KOREAN_HEADING.match(text)
    if match:
        return "조", match.group(1), match.group(2) or match.group(3)
    return None


def _chapter_title(body: list[Block], i: int, inline: str) -> tuple[str | None, int]:
    """The title of the chapter whose 'BAB' line is body[i], and the index after it."""
    if inline:
        return inline, i + 1
    j = i + 1
    while j < len(body) and not body[j].text.strip():
        j += 1
    if j < len(body) and title_like(body[j].text.strip()) and not heading_match(body[j].text):
        return body[j].text.strip(), j + 1
    return None, i + 1


def _heading(block: Block, numbered: bool, line: _Line) -> tuple[int | None, str] | None:
    """(number, title on the same line) if ``block``, whose text reads as ``line``, is an
    article heading.

    In a document with numbered articles, an unnumbered Word heading is a sub-heading inside
    an article (or part of the title block), not an article of its own.
    """
    if line.heading is not _UNREAD:
        return line.heading  # type: ignore[return-value]
    if block.heading and not numbered and line.title:
        return None, line.text
    return None


def _take_titles(body: list[Block], lines: list[_Line], i: int, article: Article) -> int:
    """Consume the title line(s) after a bare 'Pasal N': one, or one per language in a row."""
    taken = 0
    while i < len(body) and taken < 2:
        block, line = body[i], lines[i]
        if not line.text:
            i += 1
            continue
        if _heading(block, True, line) is not None or not line.title or line.bab:
            break
        if taken == 1 and not (block.cell and article.heading.cell):
            break
        article.titles.append(line.text)
        taken += 1
        i += 1
    return i


def title_like(text: str) -> bool:
    """True for a line that reads as a title: a few words, no closing punctuation."""
    words = text.split()
    return (0 < len(words) <= 12 and not text.rstrip().endswith((".", ";", ":", ","))
            and not text.startswith("(") and not text[0].isdigit())


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    total, last = 0, 0
    for char in reversed(token.upper()):
        value = _ROMAN[char]
        total += value if value >= last else -value
        last = max(last, value)
    return total


def _same_row(a: Block, b: Block) -> bool:
    return a.cell is not None and b.cell is not None and a.cell[:2] == b.cell[:2]


class PerRulebook(Generic[K, V]):
    """``compute(key, book)``, each answer worked out once per rulebook (by its digest) and
    kept, a bounded number of them: a register's drafts repeat most of their paragraphs word for
    word. A rulebook without a digest (one made in code) has nothing kept."""

    def __init__(self, compute: Callable[[K, Rulebook], V]) -> None:
        self._compute = compute
        self._books: dict[str, LRU[V]] = {}  # by digest, the latest last

    def __call__(self, key: K, book: Rulebook) -> V:
        """The answer for ``key`` under ``book``."""
        kept = self._kept(book)
        found = kept.get(key) if kept is not None else None
        if found is None:
            found = self._compute(key, book)
            if kept is not None:
                kept.put(key, found)
        return found

    def each(self, keys: Sequence[K], book: Rulebook) -> list[V]:
        """The answers for ``keys`` under ``book``, in order."""
        kept = self._kept(book)
        if kept is None:
            return [self._compute(key, book) for key in keys]
        found = kept.get_all(keys)
        for i, answer in enumerate(found):
            if answer is None:  # not kept, or a key asked for again in ``keys``
                answer = kept.get(keys[i])
                if answer is None:
                    answer = self._compute(keys[i], book)
                    kept.put(keys[i], answer)
                found[i] = answer
        return found  # type: ignore[return-value]

    def _kept(self, book: Rulebook) -> LRU[V] | None:
        """The answers kept under ``book``; None for a rulebook without a digest."""
        if not book.digest:
            return None
        kept = self._books.get(book.digest)
        if kept is None:
            kept = self._books[book.digest] = LRU(16384)
            while len(self._books) > _BOOKS_KEPT:
                del self._books[next(iter(self._books))]
        return kept


#: Rulebooks whose answers are kept at once (a build uses one).
_BOOKS_KEPT = 4


def clauses_of_titles(titles: list[str], book: Rulebook) -> set[str]:
    """The clauses whose heading wording matches any of ``titles`` ("7.1 Masa Berlaku" too)."""
    normal = tuple(_normal_title(t) for t in titles if t)
    return set(_titled(normal, book)) if normal else set()


@lru_cache(maxsize=4096)
def _normal_title(title: str) -> str:
    """A title as headings are matched: its numbering gone, upper case, words only."""
    return " ".join(re.sub(r"[^\w]+", " ", _NUMBERING.sub("", title).upper()).split())


def _clauses_titled(normal: tuple[str, ...], book: Rulebook) -> frozenset[str]:
    return frozenset(
        clause.id for clause in book.klausul
        if any(joined(tuple(p.pattern for p in clause.judul)).search(t) for t in normal))


_titled = PerRulebook(_clauses_titled)


def first_match(patterns: tuple[re.Pattern, ...], text: str) -> re.Match | None:
    """The first match in ``text`` of the first of ``patterns`` found in it, or None.

    Drafts of one template repeat most of their paragraphs word for word (a register's
    drafts, and every draft checked again at each build), so each answer is kept: by the
    patterns themselves, not by their hash, which Python works out from a pattern's whole
    compiled form each time it is asked. An answer kept holds its patterns, so none of them
    is freed and another made in its place while it is kept.
    """
    key = (*map(id, patterns), text)
    found = _first_matches.get(key)
    if found is None:
        found = (patterns, search_first(patterns, text))
        _first_matches.put(key, found)
    return found[1]


_first_matches: LRU[tuple[tuple[re.Pattern, ...], re.Match | None]] = LRU(8192)


def search_first(patterns: tuple[re.Pattern, ...], text: str) -> re.Match | None:
    """:func:`first_match`, searched for now (nothing kept)."""
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match
    return None


def numbers_cited(patterns: tuple[re.Pattern, ...], text: str) -> tuple[int, ...]:
    """The numbers ``text`` cites by ``patterns`` (each match's first group), pattern by
    pattern, in order."""
    return tuple(int(match.group(1)) for pattern in patterns
                 for match in pattern.finditer(text))


@lru_cache(maxsize=256)
def joined(patterns: tuple[str, ...]) -> re.Pattern:
    """One expression matching where any of ``patterns`` matches (compiled once)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)


def _kind(body: list[Block], book: Rulebook) -> str | None:
    """'pks', 'ksb' or 'loi' by the kind phrase that comes first in the opening paragraphs
    (the longest of those that start there; among equals, by name)."""
    head = " ".join(b.text for b in body[:15])
    detection = book.detection
    kinds = [(kind, rx) for kind, patterns in (("ksb", detection.ksb), ("pks", detection.pks),
                                               ("loi", detection.loi)) for rx in patterns]
    start = _first_start(tuple(rx for _name, rx in kinds), head)
    if start is None:
        return None
    # What each phrase found first in the text, if it starts there: what its search gives.
    hits = [(-len(m.group(0)), kind) for kind, rx in kinds if (m := rx.match(head, start))]
    return min(hits)[1] if hits else None


def _first_start(patterns: tuple[re.Pattern, ...], text: str) -> int | None:
    """Where the first match of any of ``patterns`` in ``text`` starts, or None."""
    either = _alternatives(patterns)
    if either is not None:  # one pass over the text instead of one per pattern
        found = either.search(text)
        return found.start() if found else None
    return min((m.start() for rx in patterns if (m := rx.search(text))), default=None)


@lru_cache(maxsize=16)
def _alternatives(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """One expression matching at a place exactly where one of ``patterns`` does, or None
    where they cannot be joined so (flags that differ, references to groups)."""
    if not patterns or len({p.flags for p in patterns}) > 1 or any(
            _GROUP_REFERENCE.search(p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:  # a flag for the whole expression, a group name used twice …
        return None


_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\\g<")


def _title_lines(body: list[Block]) -> list[str]:
    """The parties' lines of the title block: between ANTARA and TENTANG."""
    lines = [b.text.strip() for b in body[:30] if b.text.strip()]
    upper = [line.upper() for line in lines]
    if "ANTARA" in upper and "TENTANG" in upper:
        start, end = upper.index("ANTARA") + 1, upper.index("TENTANG")
        return [line for line in lines[start:end] if line.upper() not in ("DENGAN", "DAN")]
    return []
