"""Which canonical clauses a parsed document holds, where, and how sure the checker is.

A clause is found under its own heading (certain), or by a phrase that settles it inside
another article or the opening (with the phrase's confidence). For a clause that is not
found, the passage nearest to it (by the clause's key words) is offered so that a reader can
confirm or dismiss the finding in seconds.
"""

from __future__ import annotations

import re

from ..docx_text import Block
from .findings import ClauseStatus, Location
from .literals import Words
from .rulebook import Clause, Rulebook
from .structure import Article, PerRulebook, Structure, clauses_of_titles, first_match

_EXCERPT_WORDS = 6


def clause_statuses(structure: Structure, book: Rulebook,
                    candidates: set[str] | frozenset[str] = frozenset()) -> list[ClauseStatus]:
    """Every canonical clause: present (with substance), empty (heading only) or missing.

    A clause counts as present under its own heading, or where another article (or the
    opening) defines it ("yang dimaksud dengan keadaan memaksa adalah …"); a word used in
    passing does not count. A missing clause named in ``candidates`` gets the passage
    nearest to it.
    """
    places = _places(structure)
    defined = _defined(places, book)
    under: dict[str, list[Article]] = {}  # in document order
    for article in structure.articles:
        for clause_id in article.clauses:
            under.setdefault(clause_id, []).append(article)
    headed = [(b, clauses_of_titles([b.text], book)) for b in places
              if b.heading and b.text.strip()]
    return [_status(clause, structure, places, under.get(clause.id, []), headed,
                    clause.id in candidates, defined) for clause in book.klausul]


def _status(clause: Clause, structure: Structure, places: list[Block], under: list[Article],
            headed: list[tuple[Block, set[str]]], with_candidate: bool,
            defined: set[str]) -> ClauseStatus:
    full = next((a for a in under if not a.is_empty()), None)
    if full is not None:
        return ClauseStatus(clause.id, "present", locate(structure, full.heading), "judul")
    titled = next((b for b, clauses in headed if clause.id in clauses), None)
    if titled is not None:  # a Word sub-heading naming the clause inside an article
        return ClauseStatus(clause.id, "present", locate(structure, titled), "judul")
    found = _defined_in(structure, clause, places) if clause.id in defined else None
    if found is not None:
        where, confidence = found
        return ClauseStatus(clause.id, "present", where, "definisi", confidence)
    if under:
        return ClauseStatus(clause.id, "empty", locate(structure, under[0].heading), "judul")
    nearest = _nearest(structure, clause, places) if with_candidate else None
    return ClauseStatus(clause.id, "missing", candidate=nearest)


def _defined(places: list[Block], book: Rulebook) -> set[str]:
    """The clauses some phrase of which occurs in one of ``places``."""
    found: set[str] = set()
    for clauses in _defined_by.each([b.text for b in places], book):
        if clauses:
            found |= clauses
    return found


def _clauses_defined(text: str, book: Rulebook) -> frozenset[str]:
    """The clauses some phrase of which occurs in ``text``."""
    definitions, words = _definitions(None, book)
    held = words.held(text)
    return frozenset(clause for clause, pattern in definitions
                     if words.could_match(pattern, held) and pattern.search(text))


_defined_by = PerRulebook(_clauses_defined)


def _all_definitions(_key: None, book: Rulebook) -> tuple[list[tuple[str, re.Pattern]], Words]:
    """Each clause's defining phrases, and what they need."""
    definitions = [(c.id, d.pola) for c in book.klausul for d in c.definisi]
    return definitions, Words(p for _c, p in definitions)


_definitions = PerRulebook(_all_definitions)


def _places(structure: Structure) -> list[Block]:
    """The paragraphs a clause can be settled in: the opening and the articles' bodies."""
    places = list(structure.preamble)
    for article in structure.articles:
        places += article.body
    return places


def _defined_in(structure: Structure, clause: Clause,
                places: list[Block]) -> tuple[Location, float] | None:
    """The surest phrase settling ``clause`` (the first one among equals), or None."""
    best: tuple[float, Block] | None = None
    for definition in clause.definisi:
        if best is not None and definition.yakin <= best[0]:
            continue
        for block in places:
            if first_match((definition.pola,), block.text):
                best = (definition.yakin, block)
                break
    if best is None:
        return None
    return locate(structure, best[1]), best[0]


def _nearest(structure: Structure, clause: Clause, places: list[Block]) -> Location | None:
    """The paragraph with the most of the clause's key words (the first among equals)."""
    if not clause.kata:
        return None
    words = re.compile(r"\b(" + "|".join(re.escape(w) for w in clause.kata) + ")",
                       re.IGNORECASE)
    best: tuple[int, Block] | None = None
    for block in places:
        score = len({m.lower() for m in words.findall(block.text)})
        if score and (best is None or score > best[0]):
            best = (score, block)
    return locate(structure, best[1]) if best else None


def locate(structure: Structure, block: Block) -> Location:
    """Where ``block`` is, as a reader finds it: page, article, ayat and first words."""
    if block.part != "body":
        return Location(part=block.part, kutipan=excerpt(block.text), halaman=block.page)
    article = structure.article_of(block)
    ayat = article.ayat(block) if article else None
    text = block.text.strip()
    if ayat and text.startswith(ayat):
        text = text[len(ayat):]  # "ayat (2), 'Dalam hal …'", not "'(2) Dalam hal …'"
    quote = excerpt(text) if article is None or block is not article.heading else None
    return Location(article.label if article else None, block.index, ayat=ayat,
                    kutipan=quote, halaman=block.page)


def excerpt(text: str) -> str | None:
    """The first words of ``text`` ('Dalam hal terjadi keadaan kahar …'), or None if blank."""
    words = text.split()
    if not words:
        return None
    head = " ".join(words[:_EXCERPT_WORDS])
    if len(head) > 60:
        head = head[:57].rstrip()
        return head + " …"
    return head + (" …" if len(words) > _EXCERPT_WORDS else "")
