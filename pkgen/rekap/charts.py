"""Bar charts as SVG pictures, written directly: the page needs no network, no browser
script and no plotting library, and prints sharp at any size."""

from __future__ import annotations

from html import escape

ROW = 17  # px per bar
LABEL = 215  # px for the labels left of the bars
TOP = 26  # px for the title
LABEL_CHARS = 32  # a longer label is cut short with "…"


def bar_chart(title: str, bars: list[tuple[str, int, str]], width: int = 470) -> str:
    """A horizontal bar chart: ``bars`` are (label, value, fill colour as 'RRGGBB'), drawn
    top to bottom with the value after each bar."""
    height = TOP + ROW * len(bars) + 6
    most = max((value for _l, value, _c in bars), default=0) or 1
    scale = (width - LABEL - 40) / most
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'font-family="Liberation Sans, Arial, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="15" font-size="12" font-weight="bold">{escape(title)}</text>',
        f'<line x1="{LABEL}" y1="{TOP - 2}" x2="{LABEL}" y2="{height - 4}" stroke="#7f7f7f"/>',
    ]
    for i, (label, value, colour) in enumerate(bars):
        y = TOP + i * ROW
        length = value * scale
        shown = label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"
        parts += [
            f'<text x="{LABEL - 5}" y="{y + 12}" text-anchor="end">{escape(shown)}</text>',
            f'<rect x="{LABEL}" y="{y + 2}" width="{length:.1f}" height="{ROW - 5}" '
            f'fill="#{colour}" stroke="#7f7f7f" stroke-width="0.5"/>',
            f'<text x="{LABEL + length + 4:.1f}" y="{y + 12}">{value}</text>',
        ]
    parts.append("</svg>")
    return "\n".join(parts)
