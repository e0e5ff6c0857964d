"""The words a pattern cannot match without, so that a paragraph holding none of them is not
searched: most paragraphs of a draft define no clause and cite no revoked regulation, and
telling so by a few substring tests costs a fraction of running every expression over them.

The test is exact: a pattern is passed over only where a search could not find it. What a
pattern needs is read off its parsed form — runs of characters it must match in order, each
ASCII or without case, or alternatives of them — and looked for in the text *folded*:
lower-cased, with the characters that case-insensitive matching takes for ``i`` and ``s``
(``İ ı ſ``) made so.
Whatever cannot be read so (a class, a repeat that may be absent, a look-around …) needs
nothing, and the pattern is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

try:  # the standard library's own reading of a pattern
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python that has moved it: every pattern searched
    _parser = None

#: The characters case-insensitive matching takes for an ASCII letter that ``str.lower`` does
#: not make one (``"İ".lower()`` is two characters; ``ı`` and ``ſ`` stay what they are).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})

Needs = frozenset[str]  # one of these must be in the folded text


def fold(text: str) -> str:
    """``text`` as :func:`needs` looks in it."""
    return text.translate(_FOLD).lower()


def could_match(pattern: re.Pattern, folded: str) -> bool:
    """False only if ``pattern`` cannot match the text folded into ``folded`` (for many
    patterns and texts, :class:`Words` tells the same at less cost)."""
    need = needs(pattern)
    return need is None or any(word in folded for word in need)


class Words:
    """What a set of patterns needs, gathered: which of their words a text holds is found
    once (:meth:`held`), and whether each pattern could match it is then a set operation
    (:meth:`could_match`)."""

    def __init__(self, patterns: Iterable[re.Pattern]) -> None:
        # By the pattern's identity, as its hash is worked out from its whole compiled form
        # each time; with the pattern, which is then not freed and another made in its place.
        self.needs = {id(p): (p, needs(p)) for p in patterns}
        self.words = frozenset(w for _p, need in self.needs.values() if need for w in need)

    def held(self, text: str) -> frozenset[str]:
        """The words of these patterns' needs that ``text`` holds (folded)."""
        folded = fold(text)
        return frozenset(w for w in self.words if w in folded)

    def could_match(self, pattern: re.Pattern, held: frozenset[str]) -> bool:
        """:func:`could_match` for one of these patterns, in a text holding ``held``."""
        need = self.needs[id(pattern)][1]
        return need is None or not need.isdisjoint(held)


@lru_cache(maxsize=1024)
def needs(pattern: re.Pattern) -> Needs | None:
    """Words (lower case) one of which every match of ``pattern`` holds, or None."""
    if _parser is None or not isinstance(pattern.pattern, str):
        return None
    try:
        return _sequence(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - anything unread means: search it
        return None


def _sequence(items) -> Needs | None:
    """What a sequence of parsed items needs: the most telling of what its parts need."""
    best: Needs | None = None
    run: list[str] = []

    def consider(need: Needs | None) -> None:
        nonlocal best
        if need and (best is None or _score(need) > _score(best)):
            best = need

    for op, av in items:
        if op is _c.LITERAL and _plain(av):
            run.append(chr(av).lower())
            continue
        consider(_word(run))
        run = []
        if op in (_c.SUBPATTERN, _c.ATOMIC_GROUP):
            consider(_sequence(av[-1] if op is _c.SUBPATTERN else av))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = list(av[2])
            if len(inner) == 1 and inner[0][0] is _c.LITERAL and _plain(inner[0][1]):
                consider(_word([chr(inner[0][1]).lower()] * min(av[0], 8)))  # "…{2,}"
            else:
                consider(_sequence(inner))
        elif op is _c.BRANCH:
            branches = [_sequence(branch) for branch in av[1]]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
    consider(_word(run))
    return best


def _plain(code: int) -> bool:
    """A character matched only by itself, or by what folds to it: ASCII, or a character
    without case ("…", "«", Hangul)."""
    char = chr(code)
    return code < 128 or char.lower() == char.upper() == char


def _word(run: list[str]) -> Needs | None:
    """The run as a word worth looking for: three characters, or two that are not letters
    or digits ("{{", "……"), or one that is not ASCII ("제")."""
    word = "".join(run)
    if len(word) >= 3 or (len(word) == 2 and not word.isalnum()) or (word and not word.isascii()):
        return frozenset([word])
    return None


def _score(need: Needs) -> tuple[int, int]:
    """Longer words, and fewer of them, pass over more paragraphs."""
    return min(map(len, need)), -len(need)
