"""What every handler does the same way: read a posted form (size-limited, CSRF-checked),
run heavy work off the event loop, send a file, report a problem as a page."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ..errors import PkgenError
from ..paths import safe_stem
from .app import State, lang_of, page, session_of
from .fields import CONTROL, merge, split
from .security import CSRF_FIELD, CSRF_HEADER, BodyTooLargeError

T = TypeVar("T")
#: Fields a posted agreement form may have: an agreement of 12 parties with long lists.
MAX_FIELDS = 6000
_TYPES = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          ".pdf": "application/pdf", ".yaml": "application/yaml; charset=utf-8",
          ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def state_of(request: Request) -> State:
    """The application's shared state."""
    return request.app.state.pkgen


async def posted(request: Request) -> FormData:
    """The posted form, after checking its CSRF token; 413 past the size limit, 403 when the
    token is missing or belongs to another session."""
    try:
        form = await request.form(max_files=2, max_fields=MAX_FIELDS)
    except BodyTooLargeError as err:
        raise HTTPException(413, "size") from err
    given = request.headers.get(CSRF_HEADER) or str(form.get(CSRF_FIELD) or "")
    if not state_of(request).policy.csrf_ok(session_of(request), given):
        raise HTTPException(403, "csrf")
    return form


async def heavy(request: Request, work: Callable[..., T], *args, **kwargs) -> T:
    """Run ``work`` in a thread, a few at a time, so no request holds the event loop."""
    state = state_of(request)

    def guarded() -> T:
        with state.heavy:
            return work(*args, **kwargs)

    return await run_in_threadpool(guarded)


def agreement_of(form: FormData, nodes) -> dict:
    """The agreement in a posted form, with what the form could not show put back."""
    from .fields import from_form

    items = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    data = from_form(items, nodes)
    rest = _rest(str(form.get("_sisa") or "{}"))
    discard = {str(v) for k, v in form.multi_items() if k == "_buang"}
    rest = {k: v for k, v in rest.items() if k not in discard}
    return merge(data, rest)


def _rest(text: str) -> dict:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def rest_json(data: dict, nodes) -> tuple[dict, str]:
    """The form's values and, as JSON for a hidden field, what the form cannot show."""
    shown, rest = split(data, nodes)
    return shown, json.dumps(rest, ensure_ascii=False, default=str)


def download(data: bytes, name: str, suffix: str) -> Response:
    """``data`` as a file to save, named ``name`` (made safe) with ``suffix``."""
    stem = safe_stem(name.removesuffix(suffix)) or "draf"
    filename = f"{stem}{suffix}"
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return Response(data, media_type=_TYPES[suffix], headers={
        "Content-Disposition": disposition, "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store"})


def problem_page(request: Request, err: PkgenError, status: int = 422) -> Response:
    """A page saying what is wrong (the same words as the command line)."""
    lang = lang_of(request)
    return page(request, "masalah.html", status=status,
                problems=[p.format(lang) for p in err.problems])


def control(name: str) -> str:
    """The name of one of the form's own fields."""
    return CONTROL + name
