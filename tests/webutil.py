"""Helpers for the web application's tests: an application on a temporary register, and the
fields of a page's form as a browser would post them."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from conftest import EXAMPLES
from starlette.testclient import TestClient

from pkgen.web.app import Settings, create_app

BASE = "http://127.0.0.1"


def make_register(folder: Path, examples: bool = True) -> Path:
    """A register folder, with the examples' inputs in it unless ``examples`` is False."""
    folder.mkdir(parents=True, exist_ok=True)
    if examples:
        for path in EXAMPLES.glob("*.yaml"):
            shutil.copy(path, folder / path.name)
    return folder


def client(register: Path, **settings) -> TestClient:
    """A client of the application serving ``register`` (on the loopback address)."""
    app = create_app(Settings(register, **settings))
    return TestClient(app, base_url=BASE, follow_redirects=False)


class _Fields(HTMLParser):
    """The successful controls of one form, in document order (templates left out)."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.template = form_id, False, 0
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._select_value: str | None = None
        self._first: str | None = None
        self._area: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        if tag == "template":
            self.template += 1
        if self.template:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file"):
                return
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select, self._select_value, self._first = a["name"], None, None
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            self._first = value if self._first is None else self._first
            if "selected" in a:
                self._select_value = value
        elif tag == "textarea" and a.get("name"):
            self._area, self._text = a["name"], ""

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "template":
            self.template -= 1
        elif tag == "form":
            self.inside = False
        elif tag == "select" and self._select is not None and not self.template:
            self.fields.append((self._select, self._select_value if self._select_value
                                is not None else self._first or ""))
            self._select = None
        elif tag == "textarea" and self._area is not None and not self.template:
            text = self._text[1:] if self._text.startswith("\n") else self._text
            self.fields.append((self._area, text))
            self._area = None

    def handle_data(self, data):
        if self._area is not None:
            self._text += data


def form_fields(html: str, form_id: str = "agreement") -> list[tuple[str, str]]:
    """The fields the form ``form_id`` of ``html`` posts, as (name, value) pairs."""
    parser = _Fields(form_id)
    parser.feed(html)
    return parser.fields


def replace_field(fields: list[tuple[str, str]], name: str, value: str) -> list:
    """``fields`` with the value of ``name`` (which must be there) replaced."""
    assert any(n == name for n, _ in fields), name
    return [(n, value if n == name else v) for n, v in fields]


def csrf_of(html: str) -> str:
    """The CSRF token a page carries."""
    return re.search(r'data-csrf="([0-9a-f]+)"', html).group(1)


def post(test_client: TestClient, url: str, fields: list[tuple[str, str]], headers=None):
    """POST ``fields`` (repeated names allowed) as a browser posts a form."""
    from urllib.parse import urlencode

    return test_client.post(url, content=urlencode(fields).encode(), headers={
        "Content-Type": "application/x-www-form-urlencoded", **(headers or {})})
