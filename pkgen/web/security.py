"""Who may use the web application, and what a request may carry.

- On the loopback address only this computer reaches the server; requests naming another
  host (DNS rebinding: a web page pointing its own name at 127.0.0.1) are refused.
- On any other address an access token is required: given once (the link ``pkgen serve``
  prints, or the sign-in page), it is kept as a cookie holding its HMAC, never the token.
- Every request that changes something carries a CSRF token bound to the browser's session
  cookie (HMAC with a secret kept in the register, so a page left open survives a restart),
  and an ``Origin`` naming another site is refused.
- Request bodies are limited in size before they are read.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

SESSION_COOKIE = "pkgen_sesi"
ACCESS_COOKIE = "pkgen_akses"
CSRF_FIELD = "_csrf"
CSRF_HEADER = "x-csrf-token"
#: Paths reachable without the access token: the sign-in page and the style sheet it uses.
OPEN_PATHS = ("/masuk", "/static/")
_SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]", "::1")


def is_loopback(host: str) -> bool:
    """True for an address only this computer can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def load_secret(folder: Path) -> bytes:
    """The server's secret, made once and kept (readable by its owner only) in ``folder``."""
    path = folder / "rahasia"
    if path.is_file() and len(path.read_bytes()) >= 32:
        return path.read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    value = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(value)
    return value


@dataclass(frozen=True)
class Policy:
    """What the guard enforces: the secret, the access token (None on loopback), limits."""

    secret: bytes
    token: str | None
    loopback: bool
    max_body: int

    def sign(self, value: str, purpose: str) -> str:
        """An HMAC of ``value`` for ``purpose`` (csrf, access), as hex."""
        key = hmac.new(self.secret, purpose.encode(), hashlib.sha256).digest()
        return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()

    def csrf_token(self, session: str) -> str:
        """The CSRF token of the browser session ``session``."""
        return self.sign(session, "csrf")

    def csrf_ok(self, session: str | None, given: str | None) -> bool:
        """True when ``given`` is the CSRF token of ``session``."""
        return bool(session and given) and hmac.compare_digest(
            self.csrf_token(session or ""), given or "")

    def access_ok(self, cookie: str | None) -> bool:
        """True when no token is needed, or the cookie proves the token was given."""
        if self.token is None:
            return True
        return bool(cookie) and hmac.compare_digest(self.sign(self.token, "access"),
                                                    cookie or "")

    def token_ok(self, given: str) -> bool:
        """True when ``given`` is the access token."""
        return self.token is not None and hmac.compare_digest(
            self.token.encode(), given.strip().encode())


def cookies_of(scope: dict) -> dict[str, str]:
    """The request's cookies."""
    jar: SimpleCookie = SimpleCookie()
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header: as if none were sent
                return {}
    return {k: m.value for k, m in jar.items()}


def _header(scope: dict, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _cookie_header(name: str, value: str, secure: bool = False) -> tuple[bytes, bytes]:
    flags = "; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000"
    return b"set-cookie", f"{name}={value}{flags}{'; Secure' if secure else ''}".encode()


class Guard:
    """ASGI middleware enforcing the :class:`Policy` before any route runs."""

    def __init__(self, app, policy: Policy) -> None:
        self.app, self.policy = app, policy

    async def __call__(self, scope, receive, send) -> None:
        """Refuse, send to the sign-in page, or pass the request on with a session cookie."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        cookies = cookies_of(scope)
        extra: list[tuple[bytes, bytes]] = []
        if not cookies.get(SESSION_COOKIE):
            session = secrets.token_urlsafe(24)
            scope.setdefault("state", {})["new_session"] = session
            extra.append(_cookie_header(SESSION_COOKIE, session))
        if not self.policy.access_ok(cookies.get(ACCESS_COOKIE)) and not scope[
                "path"].startswith(OPEN_PATHS):
            await self._sign_in(scope, send, extra)
            return
        await self.app(scope, _limited(receive, self.policy.max_body), _with_headers(send, extra))

    def _refusal(self, scope: dict) -> tuple[int, str] | None:
        host = (_header(scope, b"host") or "").lower()
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if self.policy.loopback and name not in _LOOPBACK_NAMES:
            return 421, "host"
        if scope["method"] not in _SAFE_METHODS:
            origin = _header(scope, b"origin")
            if origin and origin != "null" and urlsplit(origin).netloc.lower() != host:
                return 403, "origin"
        length = _header(scope, b"content-length")
        if length and (not length.isdigit() or int(length) > self.policy.max_body):
            return 413, "size"
        return None

    async def _sign_in(self, scope: dict, send, extra: list) -> None:
        """A valid ``?token=`` sets the access cookie and drops the token from the address;
        anything else goes to the sign-in page."""
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = (query.pop("token", [""]) or [""])[0]
        if scope["method"] in _SAFE_METHODS and given and self.policy.token_ok(given):
            cookie = _cookie_header(ACCESS_COOKIE, self.policy.sign(given.strip(), "access"))
            rest = urlencode(query, doseq=True)
            target = scope["path"] + (f"?{rest}" if rest else "")
            await _redirect(send, target, [*extra, cookie])
            return
        await _redirect(send, "/masuk", extra)


def _limited(receive, limit: int):
    """``receive`` that stops a body growing past ``limit`` bytes (no Content-Length case)."""
    seen = 0

    async def wrapped():
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLargeError(limit)
        return message

    return wrapped


class BodyTooLargeError(Exception):
    """A request body went past the limit while it was being read."""


def _with_headers(send, extra: list[tuple[bytes, bytes]]):
    if not extra:
        return send

    async def wrapped(message):
        if message["type"] == "http.response.start":
            message = dict(message, headers=[*message.get("headers", []), *extra])
        await send(message)

    return wrapped


async def _redirect(send, target: str, headers: list) -> None:
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", target.encode()), *headers]})
    await send({"type": "http.response.body", "body": b""})


async def _plain(send, status: int, reason: str) -> None:
    from ..messages import message

    text = message(f"web_refused_{reason}", "id") + "\n" + message(f"web_refused_{reason}", "en")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": text.encode()})
