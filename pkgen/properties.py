"""The custom properties part of a draft (``docProps/custom.xml``), where its provenance is.

:func:`custom_properties_xml` writes the part with lxml; :class:`PropertiesWriter` writes the
same bytes for many drafts of one template, the properties' XML as text between the template
part's own, which it works out once (a test compares the two).
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from .docx_text import CUSTOM_NS, VT_NS

_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
#: Stand for a property's pid, name and value while the writer learns how lxml writes one.
_PID, _NAME, _VALUE = "\ue010", "\ue011", "\ue012"


def custom_properties_xml(existing: bytes | None,
                          properties: Mapping[str, str | None]) -> bytes:
    """The docProps/custom.xml part with ``properties`` set, keeping any others it had.

    A property whose value is None is removed.
    """
    root = etree.fromstring(existing) if existing else etree.Element(
        f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for prop in list(root):
        if prop.get("name") in properties:
            root.remove(prop)
    pid = _next_pid(root) - 1
    for name, value in properties.items():
        if value is None:
            continue
        pid += 1
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=_FMTID, pid=str(pid),
                                name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class PropertiesWriter:
    """:func:`custom_properties_xml` for one ``existing`` part, many times over."""

    def __init__(self, existing: bytes | None) -> None:
        self.existing = existing
        # By the names set: the part's XML before and after the new properties, their first
        # pid, and the XML of a property cut where its pid, name and value go.
        self._forms: dict[frozenset[str], tuple[bytes, bytes, int, list[bytes]]] = {}

    def xml(self, properties: Mapping[str, str | None]) -> bytes:
        """The part with ``properties`` set, as :func:`custom_properties_xml` writes it."""
        written = [(name, value) for name, value in properties.items() if value is not None]
        if not written or not all(
                _plain(name, '&<>"') and _plain(value, "&<>") for name, value in written):
            return custom_properties_xml(self.existing, properties)
        names = frozenset(properties)
        form = self._forms.get(names)
        if form is None:
            form = self._forms[names] = self._form(names)
        head, tail, pid, (before_pid, before_name, before_value, after) = form
        out = [head]
        for number, (name, value) in enumerate(written, pid):
            out += [before_pid, str(number).encode(), before_name, name.encode(), before_value,
                    value.encode(), after]
        out.append(tail)
        return b"".join(out)

    def _form(self, names: frozenset[str]) -> tuple[bytes, bytes, int, list[bytes]]:
        xml = custom_properties_xml(self.existing, dict.fromkeys(names))  # the others kept
        pid = _next_pid(etree.fromstring(xml))
        marked = custom_properties_xml(xml, {_NAME: _VALUE})
        marked = marked.replace(f'pid="{pid}"'.encode(), f'pid="{_PID}"'.encode())
        start = marked.rfind(b"<", 0, marked.index(_PID.encode()))
        value = marked.index(_VALUE.encode())
        end = marked.index(b">", marked.index(b">", value) + 1) + 1
        pieces = marked[start:end]
        before_pid, rest = pieces.split(_PID.encode())
        before_name, rest = rest.split(_NAME.encode())
        before_value, after = rest.split(_VALUE.encode())
        return marked[:start], marked[end:], pid, [before_pid, before_name, before_value, after]


def _next_pid(root: etree._Element) -> int:
    """The pid of the first property added to ``root`` (pids 0 and 1 are reserved)."""
    return max([int(p.get("pid", "1")) for p in root] + [1]) + 1


def _plain(text: str, special: str) -> bool:
    """True for text lxml writes as it is: printable, none of ``special`` escaped."""
    return text.isprintable() and not any(char in text for char in special)
