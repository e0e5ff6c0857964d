"""Tables and sections in the canonical reading: their structure and visible settings.

Widths, heights, paper size and margins are returned as lengths (twips), which re-savers
round; everything else that changes how a table or a page looks is part of the text.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from .styles import W, attributes, fill, length, on

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_V = "{urn:schemas-microsoft-com:vml}"
_O = "{urn:schemas-microsoft-com:office:office}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
EMU_PER_TWIP = 635


def table_props(tpr: etree._Element | None) -> str:
    """A table's own visible settings (style, alignment, shading, indent, borders)."""
    props: list[str] = []
    if tpr is None:
        return ""
    styled = tpr.find(f"{W}tblStyle") is not None
    for child in tpr:
        name = etree.QName(child).localname
        if name == "tblStyle":
            props.append(f"style={child.get(f'{W}val')}")
        elif name == "jc" and child.get(f"{W}val") not in ("left", "start"):
            props.append(f"jc={child.get(f'{W}val')}")
        elif name == "shd" and fill(child) != "auto":
            props.append(f"fill={fill(child)}")
        elif name == "tblInd" and twips(child, "w"):
            props.append(f"indent={twips(child, 'w')}")
    borders = tpr.find(f"{W}tblBorders")
    for border in (borders if borders is not None else []):
        text = side(border)
        if text != "none" or styled:  # no border set and none from a style look the same
            props.append(f"{etree.QName(border).localname}={text}")
    return ";".join(sorted(props))


def content(sdt: etree._Element) -> etree._Element:
    """What a content control holds (an empty element if nothing)."""
    found = sdt.find(f"{W}sdtContent")
    return found if found is not None else etree.Element("none")


def choice(alternate: etree._Element) -> etree._Element:
    """What markup compatibility offers a reader: the choice, else the fallback."""
    found = alternate.find(f"{_MC}Choice")
    if found is None:
        found = alternate.find(f"{_MC}Fallback")
    return found if found is not None else etree.Element("none")


def rows(tbl: etree._Element):
    """The rows of a table, those inside content controls included."""
    return _inside(tbl, f"{W}tr")


def cells(row: etree._Element):
    """The cells of a row, those inside content controls included."""
    return _inside(row, f"{W}tc")


def _inside(element: etree._Element, tag: str):
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            yield from _inside(content(child) if child.tag == f"{W}sdt" else child, tag)


def row_props(trpr: etree._Element | None) -> tuple[str, list[int]]:
    """A row's properties a reader sees (a header row, not split, its height's rule), in any
    order, as savers write them; and its height."""
    props, heights = [], []
    for child in (trpr if trpr is not None else []):
        name = etree.QName(child).localname
        if name in ("tblHeader", "cantSplit") and on(child) == "1":
            props.append(name)
        elif name == "trHeight":
            props.append(f"h={child.get(f'{W}hRule', 'atLeast')}")
            heights.append(int(child.get(f"{W}val", "0") or 0))
    return ";".join(sorted(props)), heights


def cell_props(cell: etree._Element) -> str:
    """A cell's properties a reader sees (span, merge, borders, shading, alignment)."""
    tcpr = cell.find(f"{W}tcPr")
    props = []
    for child in (tcpr if tcpr is not None else []):
        name = etree.QName(child).localname
        if name == "gridSpan" and child.get(f"{W}val", "1") != "1":
            props.append(f"span={child.get(f'{W}val')}")
        elif name == "vMerge":
            props.append(f"vmerge={child.get(f'{W}val', 'continue')}")
        elif name == "tcBorders":
            props += [f"{etree.QName(s).localname}={side(s)}" for s in child
                      if side(s) != "none"]
        elif name == "shd":
            fill = (child.get(f"{W}fill") or "auto").upper()
            if fill not in ("AUTO", "FFFFFF") and child.get(f"{W}val") != "nil":
                props.append(f"fill={fill}")
        elif name == "vAlign" and child.get(f"{W}val", "top") != "top":
            props.append(f"valign={child.get(f'{W}val')}")
        elif name in ("noWrap", "hideMark") and on(child) == "1":
            props.append(name)
        elif name == "textDirection" and child.get(f"{W}val") not in ("lrTb", "tb"):
            props.append(f"dir={child.get(f'{W}val')}")
    return ";".join(sorted(props))


def side(border: etree._Element) -> str:
    """One border as it shows: none, or its style, width and colour."""
    kind = border.get(f"{W}val", "none")
    if kind in ("nil", "none"):
        return "none"
    color = (border.get(f"{W}color") or "auto").upper()
    return f"{kind}/{border.get(f'{W}sz', '')}/{'auto' if color == 'AUTO' else color}"


def page_lengths(sect: etree._Element, shown: list[str]) -> list[int]:
    """Paper size and margins: re-savers snap them to their own units."""
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    out = [twips(size, a) for a in ("w", "h")]
    sides = ["top", "right", "bottom", "left", "gutter"]
    sides += [k for k in ("header", "footer") if any(s.startswith(k) for s in shown)]
    return out + [twips(margins, a) for a in sides]


def twips(element: etree._Element | None, attr: str) -> int:
    """A length attribute in twips (0 when absent or unreadable)."""
    return length(element.get(f"{W}{attr}")) if element is not None else 0


def section_props(sect: etree._Element) -> str:
    """A section's page setup: paper, orientation, margins, columns, headers shown."""
    props = []
    for child in sect:
        name = etree.QName(child).localname
        if name == "pgSz":
            props.append(f"orient={child.get(f'{W}orient', 'portrait')}")
        elif name == "cols":
            num = child.get(f"{W}num", "1")
            if num != "1":
                props.append(f"cols={num}/{child.get(f'{W}space', '')}/{child.get(f'{W}sep')}")
        elif name == "type" and child.get(f"{W}val", "nextPage") != "nextPage":
            props.append(f"type={child.get(f'{W}val')}")
        elif name == "pgNumType":
            shown_attrs = attributes(child, ("chapStyle", "chapSep"))
            if shown_attrs not in ("", "fmt=decimal"):
                props.append(f"pgnum={shown_attrs}")
        elif name in ("vAlign", "lnNumType") and attributes(child) not in ("", "val=top"):
            props.append(f"{name}={attributes(child)}")
        elif name == "pgBorders":
            props += [f"page.{etree.QName(s).localname}={side(s)}" for s in child]
        elif name == "textDirection" and child.get(f"{W}val", "lrTb") not in ("lrTb", "tb"):
            props.append(f"dir={child.get(f'{W}val')}")
    return ";".join(sorted(props))


def drawing(element: etree._Element, target: Callable[[str | None], str]) -> tuple[str, list[int]]:
    """A drawing, picture or embedded object as it shows: its token (kinds, the pictures and
    objects by ``target`` of their relation ids) and its sizes and offsets, in twips."""
    images = [target(b.get(f"{_R}embed") or b.get(f"{_R}link")) for b in element.iter(f"{_A}blip")]
    images += [target(i.get(f"{_R}id") or i.get(f"{_O}relid"))
               for i in element.iter(f"{_V}imagedata") if element.tag != f"{W}object"]
    images += [f"{o.get('ProgID')}:{target(o.get(f'{_R}id'))}"
               for o in element.iter(f"{_O}OLEObject")]
    kinds = [etree.QName(c).localname for c in element if isinstance(c.tag, str)]
    lengths = []
    for extent in element.iter(f"{_WP}extent"):
        lengths += [round(int(extent.get(a, "0")) / EMU_PER_TWIP) for a in ["cx", "cy"]]
    for offset in element.iter(f"{_WP}posOffset"):
        lengths.append(round(int(offset.text or "0") / EMU_PER_TWIP))
    uris = sorted({g.get("uri", "") for g in element.iter(f"{_A}graphicData")})
    return (f"DRAW|{etree.QName(element).localname}|{','.join(kinds)}|{','.join(uris)}|"
            f"{','.join(images)}"), lengths
