"""What a build tells people: the articles that changed in each draft, the build report and a
one-line description of each item."""

from __future__ import annotations

from pathlib import Path

from ..checks.structure import parse_structure
from ..docx_text import read_blocks
from ..errors import PkgenError
from ..messages import message
from .state import Result, State


def changes(old: Path, new_blocks, book, lang: str) -> list[str]:
    """Per article: what changed between the draft on disk and the new one."""
    if not old.exists():
        return []
    try:
        before = _articles(read_blocks(old), book)
    except PkgenError:
        return []
    after = _articles(new_blocks, book)
    words = {"id": ("berubah", "ditambahkan", "dihapus", "pembukaan", "nomor"),
             "en": ("changed", "added", "removed", "opening", "number")}[lang]
    out = []
    if before.get("") != after.get(""):
        out.append(f"{words[3]}: {words[0]}")
    for title, (label, text) in after.items():
        if not title:
            continue
        if title not in before:
            out.append(f"{label} {title}: {words[1]}")
        elif before[title][1] != text:
            out.append(f"{label} {title}: {words[0]}")
        elif before[title][0] != label:
            out.append(f"{label} {title}: {words[4]} ({before[title][0]} → {label})")
    for title, (label, _text) in before.items():
        if title and title not in after:
            out.append(f"{label} {title}: {words[2]}")
    return out


def _articles(blocks, book) -> dict[str, tuple[str, str]]:
    structure = parse_structure(blocks, book)
    body = [b.text for b in structure.preamble]
    out: dict[str, tuple[str, str]] = {"": ("", "\n".join(body))}
    for article in structure.articles:
        text = "\n".join(b.text for b in article.body)
        out[article.title or article.label] = (article.label, text)
    return out


def report_markdown(result: Result) -> str:
    """The build report written beside the drafts (Indonesian, like the drafts)."""
    lines = ["# Laporan pkgen build", ""]
    for notice in result.notices:
        lines += [f"- {notice.format('id')}", ""]
    for item in result.items:
        if item.state == State.UNCHANGED:
            continue
        lines.append(f"## {item.draft} ({describe_state(item, 'id')})")
        if item.written:
            lines.append(f"- ditulis: {item.written}")
        if item.redline:
            lines.append(f"- perubahan terlacak: {item.redline}")
        lines += [f"- {c}" for c in item.changes]
        lines += [f"- masalah: {p}" for p in item.problems]
        lines.append("")
    if result.orphans:
        lines.append("## Draf tanpa masukan (yatim)")
        lines += [f"- {o}" for o in result.orphans]
        lines.append("")
    if result.unfollowed:
        lines.append("## KSB yang belum ditindaklanjuti PKS")
        lines += [f"- {k}" for k in result.unfollowed]
    return "\n".join(lines) + "\n"


def describe_state(item, lang: str) -> str:
    """The item's state in words, with the reason when there is one."""
    state = message(f"state_{item.state.value.replace('-', '_')}", lang)
    reason = message(f"reason_{item.reason}", lang) if item.reason else ""
    return f"{state}; {reason}" if reason else state


def describe(item, lang: str) -> str:
    """One line for an item, for plain (non-terminal) progress and the dry-run plan."""
    state = message(f"state_{item.state.value.replace('-', '_')}", lang)
    reason = message(f"reason_{item.reason}", lang) if item.reason else ""
    return f"{item.rel} → {item.written or item.draft}: {state}" + (f" ({reason})" if reason
                                                                       else "")
