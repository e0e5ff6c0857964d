"""KSB -> PKS: what the PKS adds that its KSB lacks, and where the two disagree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..docx_text import Block
from ..messages import Text, msg
from .findings import Finding, Report
from .rulebook import Rulebook

if TYPE_CHECKING:
    from ..inputs import Loaded

_NOMOR = re.compile(r"^\s*NOMOR\s*:?\s*(\S.*?)\s*$", re.IGNORECASE)


@dataclass
class Facts:
    """What can be compared between a KSB and a PKS, whichever form each came in."""

    numbers: list[str] = field(default_factory=list)  # a KSB's own numbers
    cited: list[str] = field(default_factory=list)  # KSB numbers a PKS cites
    text: str = ""  # the PKS text, to find KSB numbers in when it is a Word file
    parties: list[str] = field(default_factory=list)
    ends: date | None = None
    jenis: str | None = None


def facts_from_input(loaded: Loaded) -> Facts:
    """Facts of a loaded input (exact)."""
    from ..model import Pks, term_end  # a Word or PDF agreement is checked without the models

    doc = loaded.document
    facts = Facts(numbers=[p.nomor for p in doc.pihak if p.nomor],
                  parties=[p.nama for p in doc.pihak if p.nama], ends=term_end(doc),
                  jenis=doc.jenis.value)
    if isinstance(doc, Pks):
        if loaded.ksb is not None:
            facts.cited = [p.nomor for p in loaded.ksb.pihak if p.nomor]
        elif doc.ksb is not None and doc.ksb.nomor:
            facts.cited = list(doc.ksb.nomor)
    return facts


def facts_from_blocks(blocks: list[Block], title_lines: list[str], jenis: str | None) -> Facts:
    """Facts of a Word agreement, as far as its text shows them (numbers, parties)."""
    numbers = []
    for block in blocks[:40]:
        match = _NOMOR.match(block.text)
        if match:
            numbers.append(match.group(1))
    return Facts(numbers=numbers, text="\n".join(b.text for b in blocks), parties=title_lines,
                 jenis=jenis)


def compare(pks: Report, pks_facts: Facts, ksb: Report, ksb_facts: Facts,
            book: Rulebook) -> list[Finding]:
    """Findings for a PKS checked against its KSB."""
    findings: list[Finding] = []
    ksb_status = {c.id: c for c in ksb.clauses}
    pks_status = {c.id: c for c in pks.clauses}
    for rule in book.rules("celah_ksb", "pks", pks.jenis):
        for clause in rule.klausul:
            if ksb_status[clause].status == "present":
                continue
            here = pks_status[clause]
            if here.status == "present":
                state = msg("ksb_gap_settled", where=here.location)
            else:
                state = msg("ksb_gap_unsettled")
            findings.append(Finding(rule, clause, here.location, {"keadaan": state}))
    for detail in _mismatches(pks_facts, ksb_facts):
        for rule in book.rules("selisih_ksb", "pks", pks.jenis):
            findings.append(Finding(rule, None, None, {"rincian": detail}))
    return findings


def _mismatches(pks: Facts, ksb: Facts) -> list[Text]:
    from ..model import same_party

    out = []
    for number in ksb.numbers:
        cited = number in pks.cited if pks.cited else number in pks.text
        if not cited:
            out.append(msg("ksb_number_not_cited", number=number))
    ours = {same_party(p) for p in pks.parties}
    theirs = {same_party(p) for p in ksb.parties}
    if ours and theirs and ours != theirs:
        out.append(msg("ksb_parties_differ", pks=", ".join(sorted(ours)),
                        ksb=", ".join(sorted(theirs))))
    if pks.ends and ksb.ends and pks.ends > ksb.ends:
        out.append(msg("ksb_outlived", pks_end=pks.ends, ksb_end=ksb.ends))
    if pks.jenis and ksb.jenis and pks.jenis != ksb.jenis:
        out.append(msg("ksb_jenis_differs", pks=pks.jenis, ksb=ksb.jenis))
    return out

