"""What a build tells people: the articles that changed in each draft, the build report and a
one-line description of each item."""

from __future__ import annotations

from pathlib import Path

from ..docx_text import read_blocks
from ..errors import PkgenError
from ..messages import Text, message, msg
from .state import Result, State


def changes(old: Path, new_blocks, book) -> list[Text]:
    """Per article: what changed between the draft on disk and the new one."""
    if not old.exists():
        return []
    try:
        before = _articles(read_blocks(old), book)
    except PkgenError:
        return []
    after = _articles(new_blocks, book)
    out = []
    if before.get("") != after.get(""):
        out.append(msg("change_opening", what=msg("change_changed")))
    for title, (label, text) in after.items():
        if not title:
            continue
        if title not in before:
            out.append(msg("change_article", label=label, title=title, what=msg("change_added")))
        elif before[title][1] != text:
            out.append(msg("change_article", label=label, title=title,
                           what=msg("change_changed")))
        elif before[title][0] != label:
            out.append(msg("change_renumbered", label=label, title=title,
                           before=before[title][0]))
    for title, (label, _text) in before.items():
        if title and title not in after:
            out.append(msg("change_article", label=label, title=title,
                           what=msg("change_removed")))
    return out


def _articles(blocks, book) -> dict[str, tuple[str, str]]:
    from ..checks.structure import parse_structure  # the checker loads only where drafts are

    structure = parse_structure(blocks, book)
    body = [b.text for b in structure.preamble]
    out: dict[str, tuple[str, str]] = {"": ("", "\n".join(body))}
    for article in structure.articles:
        text = "\n".join(b.text for b in article.body)
        out[article.title or article.label] = (article.label, text)
    return out


def report_markdown(result: Result, lang: str = "id") -> str:
    """The build report written beside the drafts (Indonesian, like the drafts)."""
    lines = [message("report_title", lang), ""]
    for notice in result.notices:
        lines += [f"- {notice.say(lang)}", ""]
    for item in result.items:
        if item.state == State.UNCHANGED:
            continue
        lines.append(f"## {item.draft} ({describe_state(item, lang)})")
        if item.written:
            lines.append("- " + message("report_written", lang, path=item.written))
        if item.redline:
            lines.append("- " + message("report_redline", lang, path=item.redline))
        lines += [f"- {c.say(lang)}" for c in item.changes]
        lines += ["- " + message("report_problem", lang, text=p) for p in item.problems]
        lines.append("")
    if result.orphans:
        lines.append("## " + message("report_orphans", lang))
        lines += [f"- {o}" for o in result.orphans]
        lines.append("")
    if result.unfollowed:
        lines.append("## " + message("report_unfollowed", lang))
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
