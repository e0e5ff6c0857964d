"""The web application: settings, shared state, pages, and the server that runs it.

:func:`create_app` assembles the Starlette application for one register; :func:`serve` binds
the address (refusing another computer's reach without an access token) and runs it with
uvicorn until Ctrl+C.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartParser
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

from ..checks import load_rulebook
from ..errors import OutputError, Problem
from ..messages import message
from .editing import SharedRenderer
from .preview import Previews
from .register import BuildJob, RowCache
from .security import SESSION_COOKIE, Guard, Policy, is_loopback, load_secret
from .store import Register

LANGS = ("id", "en")
LANG_COOKIE = "pkgen_bahasa"
#: Uploads and forms: a partner's PDF is a few megabytes; nothing useful is near this.
MAX_BODY = 32 * 1024 * 1024
#: Checks, renders and imports at once; more requests wait their turn in the thread pool.
HEAVY = 4
_HERE = Path(__file__).parent


@dataclass
class Settings:
    """How the application runs: its register, access token, language, limits."""

    register: Path
    token: str | None = None
    loopback: bool = True
    lang: str = "id"
    max_body: int = MAX_BODY
    converters: int = 2
    rules: Path | None = None


@dataclass
class State:
    """What every request shares: the register, rulebook, previews, verdicts, the build."""

    settings: Settings
    register: Register
    policy: Policy
    previews: Previews
    rows: RowCache = field(default_factory=RowCache)
    renderer: SharedRenderer = field(default_factory=lambda: SharedRenderer(prepared=True))
    build: BuildJob | None = None
    heavy: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(HEAVY))

    @property
    def book(self):
        """The rulebook (loaded once; cached by the checker)."""
        return load_rulebook(self.settings.rules)


_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(_HERE / "templates"),
                          autoescape=True, undefined=jinja2.StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True)


def lang_of(request: Request) -> str:
    """The language the user chose, else the server's."""
    chosen = request.cookies.get(LANG_COOKIE)
    return chosen if chosen in LANGS else request.app.state.pkgen.settings.lang


def session_of(request: Request) -> str:
    """The browser session: its cookie, or the one the guard is setting on this response."""
    return request.cookies.get(SESSION_COOKIE) or request.scope.get("state", {}).get(
        "new_session", "")


def page(request: Request, template: str, status: int = 200, **values: object) -> HTMLResponse:
    """Render a page in the user's language, with the CSRF token for its forms."""
    state: State = request.app.state.pkgen
    lang = lang_of(request)

    def t(code: str, **params: object) -> str:
        return message(code, lang, **params)

    html = _ENV.get_template(template).render(
        t=t, lang=lang, csrf=state.policy.csrf_token(session_of(request)),
        register=state.register, path=request.url.path, query=str(request.url.query),
        **values)
    return HTMLResponse(html, status_code=status, headers={
        "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                                   "frame-ancestors 'none'; form-action 'self'",
        "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
        "Cache-Control": "no-store"})


def create_app(settings: Settings) -> Starlette:
    """The application serving ``settings.register``."""
    from .routes import ROUTES

    register = Register(settings.register)
    register.root.mkdir(parents=True, exist_ok=True)
    _clean(register)
    policy = Policy(load_secret(register.state), settings.token, settings.loopback,
                    settings.max_body)
    # Uploads stay in memory up to the body limit: nothing is spooled outside the register.
    MultiPartParser.spool_max_size = settings.max_body + 1
    previews = Previews(register.folder("pratinjau"), settings.converters)
    app = Starlette(routes=[*ROUTES, _static()], middleware=[Middleware(Guard, policy=policy)],
                    exception_handlers={HTTPException: _http_error})
    app.state.pkgen = State(settings, register, policy, previews)
    load_rulebook(settings.rules)  # a broken --rules file stops the start, not a request
    return app


async def _http_error(request: Request, exc: Exception) -> HTMLResponse:
    """An HTTP error as a page in the user's language."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    code = {403: "web_refused_csrf", 413: "web_refused_size"}.get(status)
    text = message(code, lang_of(request)) if code else f"{status}"
    return page(request, "masalah.html", status=status, problems=[text])


def _static():
    from starlette.routing import Mount

    return Mount("/static", app=StaticFiles(directory=_HERE / "static"), name="static")


def _clean(register: Register) -> None:
    """Remove what a stopped server left half-done: scratch files and uploads."""
    for scratch in register.root.rglob(".pkgen-periksa-*.yaml"):
        scratch.unlink(missing_ok=True)
    shutil.rmtree(register.state / "unggahan", ignore_errors=True)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``; :class:`OutputError` when it cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise OutputError(Problem("web_port", params={
            "host": host, "port": port, "detail": err.strerror or str(err)})) from err
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def access_token(host: str, new_token: bool) -> str | None:
    """The token another computer must give: PKGEN_TOKEN, or a new one when asked for;
    None on the loopback address. :class:`OutputError` when another address has none."""
    if is_loopback(host):
        return None
    given = os.environ.get("PKGEN_TOKEN", "").strip()
    if given:
        if len(given) < 12:
            raise OutputError(Problem("web_token_short", params={"length": len(given)}))
        return given
    if new_token:
        import secrets

        return secrets.token_urlsafe(18)
    raise OutputError(Problem("web_token_needed", params={"host": host}))


def start(folder: Path, host: str, port: int, new_token: bool, rules: Path | None, lang: str,
          echo) -> None:
    """``pkgen serve``: make the register if needed, bind, say where, and serve."""
    token = access_token(host, new_token)
    if not folder.exists():
        folder.mkdir(parents=True)
        echo(message("web_register_made", lang, register=str(folder.resolve())))
    sock = bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{sock.getsockname()[1]}/"
    echo(message("web_started", lang, register=str(folder.resolve()), url=url))
    if token is not None:
        echo(message("web_token_line", lang, token=token))
        echo(f"{url}?token={token}")
    serve(Settings(folder, token=token, loopback=is_loopback(host), lang=lang, rules=rules),
          sock)


def serve(settings: Settings, sock: socket.socket) -> None:
    """Run the application on ``sock`` until interrupted."""
    import uvicorn

    app = create_app(settings)
    config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="off",
                            timeout_graceful_shutdown=5)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        app.state.pkgen.previews.close()
