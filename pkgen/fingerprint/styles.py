"""Effective formatting: what a reader sees of a paragraph or a run, wherever it was set.

Word and LibreOffice move formatting between layers when they save (document defaults into
styles, style values into direct formatting) and spell the same value differently (``w:b`` and
``w:b w:val="true"``, ``firstLine="0"`` and ``hanging="0"``). Resolving document defaults,
the style chain, numbering and direct formatting into one flat set of visible properties makes
those rewrites disappear while any change a reader could see remains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

Props = dict[str, str | None]  # a None value removes the property (a cleared tab stop)

_TOGGLES_R = ("b", "i", "caps", "smallCaps", "strike", "dstrike", "vanish", "outline",
              "shadow", "emboss", "imprint")
_VALUES_R = ("u", "highlight", "vertAlign", "position", "spacing", "w", "sz", "em", "effect")
_TOGGLES_P = ("keepNext", "keepLines", "pageBreakBefore", "contextualSpacing", "bidi",
              "suppressLineNumbers")
#: Values that look the same as the property's absence.
_DEFAULTS = {"b": "0", "i": "0", "caps": "0", "smallCaps": "0", "strike": "0", "dstrike": "0",
             "vanish": "0", "outline": "0", "shadow": "0", "emboss": "0", "imprint": "0",
             "u": "none", "highlight": "none", "vertAlign": "baseline", "position": "0",
             "spacing": "0", "w": "100", "color": "auto", "shd": "auto", "em": "none",
             "effect": "none", "keepNext": "0", "keepLines": "0", "pageBreakBefore": "0",
             "contextualSpacing": "0", "bidi": "0", "suppressLineNumbers": "0", "jc": "left",
             "ind.left": "0", "ind.right": "0", "ind.first": "0", "spacing.before": "0",
             "spacing.after": "0", "spacing.lineRule": "auto", "spacing.line": "240",
             "outlineLvl": "9", "numId": "0"}


#: Twips per unit of the lengths Word and LibreOffice may write ("720", "1in", "1.27cm").
_UNITS = {"": 1.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "pt": 20.0,
          "pc": 240.0, "pi": 240.0}
_LENGTH = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(in|cm|mm|pt|pc|pi)?\s*")


def length(value: str | None) -> int:
    """A length written in twips or with a unit, in twips (0 when absent or unreadable)."""
    found = _LENGTH.fullmatch(value or "")
    return round(float(found.group(1)) * _UNITS[found.group(2) or ""]) if found else 0


def on(element: etree._Element) -> str:
    """'1' or '0' for an OOXML on/off property (``<w:b/>``, ``w:val="false"`` …)."""
    return "0" if element.get(f"{W}val", "1").lower() in ("0", "false", "off", "none") else "1"


def _children(props: etree._Element | None) -> Iterator[tuple[str, etree._Element]]:
    """The WordprocessingML children of a properties element, with their local names."""
    for child in props if props is not None else ():
        if isinstance(child.tag, str) and child.tag.startswith(W):
            yield etree.QName(child).localname, child


def run_props(rpr: etree._Element | None, theme: dict[str, str]) -> Props:
    """The visible properties a ``w:rPr`` sets (language, proofing, CS sizes left out)."""
    out: Props = {}
    for name, child in _children(rpr):
        if name in _TOGGLES_R:
            out[name] = on(child)
        elif name in _VALUES_R:
            out[name] = child.get(f"{W}val", "single" if name == "u" else "")
        elif name == "color":
            out["color"] = child.get(f"{W}val", "auto").upper().replace("AUTO", "auto")
        elif name == "shd":
            out["shd"] = fill(child)
        elif name == "rFonts":
            font = _font(child, theme)
            if font:
                out["font"] = font
        elif name == "bdr":
            out["bdr"] = _border(child)
    return out


def paragraph_props(ppr: etree._Element | None) -> Props:
    """The visible properties a ``w:pPr`` sets (widow control and hyphenation left out)."""
    out: Props = {}
    for name, child in _children(ppr):
        if name in _TOGGLES_P:
            out[name] = on(child)
        elif name == "jc":
            value = child.get(f"{W}val", "left")
            out["jc"] = {"start": "left", "end": "right"}.get(value, value)
        elif name == "ind":
            out.update(_indent(child))
        elif name == "spacing":
            for attr in ("before", "after", "line", "lineRule"):
                if (given := child.get(f"{W}{attr}")) is not None:
                    out[f"spacing.{attr}"] = given
            for attr in ("beforeAutospacing", "afterAutospacing"):
                if (given := child.get(f"{W}{attr}")) is not None:
                    out[f"spacing.{attr}"] = on_value(given)
        elif name == "tabs":
            for tab in child.findall(f"{W}tab"):
                kind = tab.get(f"{W}val", "left")
                out[f"tab.{length(tab.get(f'{W}pos')):06d}"] = None if kind == "clear" else (
                    f"{kind}:{tab.get(f'{W}leader', 'none')}")
        elif name == "numPr":
            for part in ("numId", "ilvl"):
                found = child.find(f"{W}{part}")
                if found is not None:
                    out[part] = found.get(f"{W}val", "0")
        elif name == "pBdr":
            for side in child:
                out[f"pBdr.{etree.QName(side).localname}"] = _border(side)
        elif name == "shd":
            out["shd"] = fill(child)
        elif name == "outlineLvl":
            out["outlineLvl"] = child.get(f"{W}val", "9")
        elif name == "framePr":
            out["framePr"] = attributes(child)
    return out


def on_value(value: str) -> str:
    """'1' or '0' for an on/off attribute value."""
    return "0" if value.lower() in ("0", "false", "off") else "1"


def merge(base: Props, *layers: Props) -> Props:
    """``base`` overridden by each layer in turn; a None value removes the property."""
    out = dict(base)
    for layer in layers:
        for key, value in layer.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = value
    return out


def visible(props: Props) -> str:
    """A canonical text of ``props``, leaving out every value that looks like its absence."""
    return ";".join(f"{k}={v}" for k, v in sorted(props.items())
                    if v is not None and _DEFAULTS.get(k) != v and v != "")


def attributes(element: etree._Element, skip: Iterable[str] = ()) -> str:
    """An element's attributes as sorted ``name=value`` (namespaces dropped)."""
    return ",".join(sorted(f"{etree.QName(k).localname}={v}" for k, v in element.attrib.items()
                           if etree.QName(k).localname not in skip))


def _indent(ind: etree._Element) -> Props:
    out: Props = {}
    for attr, key in (("left", "ind.left"), ("start", "ind.left"), ("right", "ind.right"),
                      ("end", "ind.right")):
        if (value := ind.get(f"{W}{attr}")) is not None:
            out[key] = str(length(value))
    if (hanging := ind.get(f"{W}hanging")) is not None:
        out["ind.first"] = str(-length(hanging))
    elif (first := ind.get(f"{W}firstLine")) is not None:
        out["ind.first"] = str(length(first))
    return out


def fill(shd: etree._Element) -> str:
    """A shading's colour as it shows."""
    if shd.get(f"{W}val") == "nil":
        return "auto"
    return (shd.get(f"{W}fill") or "auto").upper().replace("AUTO", "auto")


def _border(element: etree._Element) -> str:
    kind = element.get(f"{W}val", "none")
    if kind in ("nil", "none"):
        return "none"
    color = (element.get(f"{W}color") or "auto").upper().replace("AUTO", "auto")
    return f"{kind}/{element.get(f'{W}sz', '')}/{color}"


def _font(fonts: etree._Element, theme: dict[str, str]) -> str:
    """The Latin font: a theme font resolved through the theme, else the named one."""
    themed = fonts.get(f"{W}asciiTheme")
    if themed:
        return theme.get(themed, themed)
    return fonts.get(f"{W}ascii") or ""


def theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """Theme font names (``minorHAnsi`` …) to the typefaces the theme gives them."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for scheme, prefix in (("majorFont", "major"), ("minorFont", "minor")):
        latin = theme.find(f".//{_A}{scheme}/{_A}latin")
        if latin is not None:
            for suffix in ("HAnsi", "Ascii", "Bidi", "EastAsia"):
                out[prefix + suffix] = latin.get("typeface", "")
    return out


class Styles:
    """Resolves the style chain, document defaults and numbering of one document."""

    def __init__(self, styles: etree._Element | None, numbering: etree._Element | None,
                 theme: etree._Element | None) -> None:
        self.theme = theme_fonts(theme)
        self._defs: dict[str, etree._Element] = {}
        self.default: dict[str, str] = {}
        self.doc_p: Props = {}
        self.doc_r: Props = {}
        if styles is not None:
            self.doc_p = paragraph_props(styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr"))
            self.doc_r = run_props(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"),
                                   self.theme)
            for style in styles.findall(f"{W}style"):
                sid = style.get(f"{W}styleId", "")
                self._defs[sid] = style
                if on_value(style.get(f"{W}default", "0")) == "1":
                    self.default.setdefault(style.get(f"{W}type", ""), sid)
        self._numbering = _Numbering(numbering)
        self._chains: dict[tuple[str, str], tuple[Props, Props]] = {}
        self._paragraphs: dict[object, tuple[str, tuple[str, str] | None, str]] = {}
        self._runs: dict[tuple[str, object], str] = {}

    def chain(self, sid: str | None, kind: str) -> tuple[Props, Props]:
        """(paragraph, run) properties a style gives, its ancestors' included."""
        sid = sid if sid in self._defs else self.default.get(kind)
        key = (sid or "", kind)
        if key not in self._chains:
            self._chains[key] = ({}, {})  # guards against a style based on itself
            style = self._defs.get(sid or "")
            if style is None:
                return {}, {}
            parent = style.find(f"{W}basedOn")
            base_p, base_r = self.chain(parent.get(f"{W}val"), kind) if parent is not None \
                else ({}, {})
            self._chains[key] = (merge(base_p, paragraph_props(style.find(f"{W}pPr"))),
                                 merge(base_r, run_props(style.find(f"{W}rPr"), self.theme)))
        return self._chains[key]

    def paragraph(self, ppr: etree._Element | None) -> tuple[str, tuple[str, str] | None, str]:
        """What a paragraph with ``ppr`` shows: its properties as text, its list (numId,
        level) or None, and its style, to resolve its runs with."""
        key = _key(ppr)
        if key not in self._paragraphs:
            style = ppr.find(f"{W}pStyle") if ppr is not None else None
            sid = style.get(f"{W}val") if style is not None else None
            sid = sid if sid in self._defs else self.default.get("paragraph")
            style_p = self.chain(sid, "paragraph")[0]
            direct = paragraph_props(ppr)
            chosen = merge(style_p, direct)
            num = (chosen.get("numId") or "0", chosen.get("ilvl") or "0")
            label, indent = self._numbering.level(*num) if num[0] != "0" else ("", {})
            props = merge(self.doc_p, style_p, indent, direct)
            for key_ in ("numId", "ilvl"):
                props.pop(key_, None)
            self._paragraphs[key] = (visible(props) + (f"|{label}" if label else "")
                                     + _changes(ppr), num if num[0] != "0" else None, sid or "")
        return self._paragraphs[key]

    def run(self, style: str, rpr: etree._Element | None) -> str:
        """The visible formatting of a run with ``rpr`` in a paragraph of ``style``."""
        key = (style, _key(rpr))
        if key not in self._runs:
            char: Props = {}
            if rpr is not None and (rstyle := rpr.find(f"{W}rStyle")) is not None:
                char = self.chain(rstyle.get(f"{W}val"), "character")[1]
            text = visible(merge(self.doc_r, self.chain(style or None, "paragraph")[1], char,
                                 run_props(rpr, self.theme)))
            if rpr is not None and rpr.find(f"{W}rPrChange") is not None:
                text += "|changed"
            self._runs[key] = text
        return self._runs[key]

    @staticmethod
    def list_label(num: tuple[str, str], lists: dict[str, int]) -> str:
        """Which list, by order of first appearance, and level a paragraph is in.

        Numbering lists by appearance makes a re-saver's renumbered ids change nothing while
        a paragraph moved to another list still shows.
        """
        return f"list{lists.setdefault(num[0], len(lists) + 1)}/{num[1]}"


class _Numbering:
    def __init__(self, root: etree._Element | None) -> None:
        self._nums: dict[str, etree._Element] = {}
        self._abstract: dict[str, etree._Element] = {}
        if root is None:
            return
        for abstract in root.findall(f"{W}abstractNum"):
            self._abstract[abstract.get(f"{W}abstractNumId", "")] = abstract
        for num in root.findall(f"{W}num"):
            self._nums[num.get(f"{W}numId", "")] = num

    def level(self, num_id: str, ilvl: str) -> tuple[str, Props]:
        num = self._nums.get(num_id)
        if num is None:
            return "?", {}
        ref = num.find(f"{W}abstractNumId")
        abstract = self._abstract.get(ref.get(f"{W}val", "") if ref is not None else "")
        lvl = None
        for override in num.findall(f"{W}lvlOverride"):
            if override.get(f"{W}ilvl") == ilvl and override.find(f"{W}lvl") is not None:
                lvl = override.find(f"{W}lvl")
        if lvl is None and abstract is not None:
            lvl = next((x for x in abstract.findall(f"{W}lvl") if x.get(f"{W}ilvl") == ilvl),
                       None)
        if lvl is None:
            return "?", {}
        parts = [_val(lvl, "numFmt"), _val(lvl, "lvlText"), _val(lvl, "start") or "1",
                 _val(lvl, "suff") or "tab"]
        for override in num.findall(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            if override.get(f"{W}ilvl") == ilvl and start is not None:
                parts[2] = start.get(f"{W}val", "1")
        indent = {k: v for k, v in paragraph_props(lvl.find(f"{W}pPr")).items()
                  if k.startswith(("ind.", "tab."))}
        return "|".join(parts), indent


def _key(props: etree._Element | None) -> object:
    """A cache key for a ``w:pPr`` or ``w:rPr``; the commonest shapes without serialising."""
    if props is None or not len(props):
        return b""
    if len(props) == 1 and props[0].tag == _PSTYLE and len(props[0].attrib) == 1:
        return props[0].get(f"{W}val")
    return etree.tostring(props)


def _changes(ppr: etree._Element | None) -> str:
    """Tracked changes of a paragraph's own formatting or of its mark."""
    if ppr is None:
        return ""
    marks = ["changed"] if ppr.find(f"{W}pPrChange") is not None else []
    mark = ppr.find(f"{W}rPr")
    if mark is not None:
        marks += [etree.QName(c).localname for c in mark
                  if c.tag in (f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")]
    return "|" + ",".join(marks) if marks else ""


_PSTYLE = f"{W}pStyle"


def _val(element: etree._Element, name: str) -> str:
    found = element.find(f"{W}{name}")
    return found.get(f"{W}val", "") if found is not None else ""
