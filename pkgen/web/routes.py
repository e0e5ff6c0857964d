"""The register, builds, checking a partner's draft, previews and downloads, language and
sign-in; and the table of every route of the application."""

from __future__ import annotations

import secrets
from pathlib import PurePosixPath

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import PkgenError
from ..render import write_atomic
from ..report import where
from . import routes_form as form
from .app import LANG_COOKIE, LANGS, lang_of, page
from .editing import finding_json
from .handling import download, heavy, posted, state_of
from .register import register_rows, start_build
from .routes_form import _limits, _named
from .security import ACCESS_COOKIE
from .uploads import accept, annotated_copy, check_upload

_CHECKED = "diperiksa"


async def home(request: Request) -> Response:
    """The register: every agreement with its verdict, and the build button."""
    state = state_of(request)
    rows = await heavy(request, register_rows, state.register, state.book, lang_of(request),
                       state.rows)
    return page(request, "register.html", rows=rows, building=bool(
        state.build and state.build.running))


async def build_start(request: Request) -> Response:
    """Start ``pkgen build`` of the register (unless one is running)."""
    await posted(request)
    state = state_of(request)
    job = start_build(state.register, lang_of(request))
    if job is None:  # a save or another build of this server is under way
        return RedirectResponse("/?build=sibuk", status_code=303)
    state.build = job
    return RedirectResponse("/?build=1", status_code=303)


async def build_status(request: Request) -> Response:
    """The running or last build, for the page's script."""
    job = state_of(request).build
    return JSONResponse(job.to_json(lang_of(request)) if job else {"running": False})


async def check_page(request: Request) -> Response:
    """Upload a partner's draft (Word or PDF) to check."""
    return page(request, "periksa.html")


async def check_file(request: Request) -> Response:
    """The findings on an uploaded agreement, as ``pkgen check`` gives them, and its copy
    with Word comments."""
    state, lang = state_of(request), lang_of(request)
    received = (await posted(request)).get("berkas")
    if received is None or isinstance(received, str):
        return page(request, "periksa.html", status=422,
                    notice=form._text(lang, "web_no_file"))
    raw = await received.read()
    await received.close()
    try:
        upload = accept(raw, received.filename or "", ("docx", "pdf", "xlsx", "yaml"),
                        state.register.folder("unggahan"), _limits())
    except PkgenError as err:
        return page(request, "periksa.html", status=422, notice=err.format(lang))
    try:
        report = await heavy(request, check_upload, upload, state.settings.rules)
        token = None
        if upload.kind == "docx":
            token = secrets.token_hex(16)
            copy = await heavy(request, annotated_copy, upload, report, lang)
            write_atomic(copy, state.register.folder(_CHECKED) / f"{token}.docx")
    except PkgenError as err:
        return page(request, "periksa.html", status=422, notice=_named(err, upload, lang))
    finally:
        upload.discard()
    book = report.book
    return page(request, "hasil.html", report=report, token=token,
                stem=PurePosixPath(upload.original).stem,
                findings=[{**finding_json(f, book, lang), "location": where(f, lang)}
                          for f in report.sorted_findings()],
                clauses=[(book.clause(c.id).nama.get(lang), c) for c in report.clauses])


async def annotated(request: Request) -> Response:
    """The checked .docx with a Word comment at each finding."""
    token = request.path_params["token"]
    path = state_of(request).register.state / _CHECKED / f"{token}.docx"
    if len(token) != 32 or not token.isalnum() or not path.is_file():
        raise HTTPException(404)
    name = request.query_params.get("nama", "draf") + "-catatan"
    return download(path.read_bytes(), name, ".docx")


async def preview_page(request: Request) -> Response:
    """The pages of a draft, with its .docx and PDF to download."""
    key = request.path_params["key"]
    state = state_of(request)
    if state.previews.state(key, lang_of(request))["state"] == "unknown":
        raise HTTPException(404)
    return page(request, "pratinjau.html", key=key,
                name=request.query_params.get("nama", "draf"))


async def preview_state(request: Request) -> Response:
    """Whether the preview's PDF is ready, for the page's script."""
    return JSONResponse(state_of(request).previews.state(request.path_params["key"],
                                                          lang_of(request)))


async def preview_page_image(request: Request) -> Response:
    """The picture of one page."""
    picture = state_of(request).previews.page(request.path_params["key"],
                                              request.path_params["number"])
    if picture is None:
        raise HTTPException(404)
    return Response(picture, media_type="image/png", headers={"Cache-Control": "max-age=3600"})


async def preview_file(request: Request) -> Response:
    """The preview's .docx or PDF."""
    suffix = "." + request.path_params["suffix"]
    path = state_of(request).previews.path(request.path_params["key"], "draf" + suffix)
    if path is None:
        raise HTTPException(404)
    return download(path.read_bytes(), request.query_params.get("nama", "draf"), suffix)


async def built_draft(request: Request) -> Response:
    """A draft ``pkgen build`` wrote into the register's drafts folder."""
    register = state_of(request).register
    name = request.path_params["name"]
    path = (register.drafts / name).resolve()
    if not path.is_relative_to(register.drafts) or path.suffix != ".docx" or \
            not path.is_file() or any(p.startswith(".") for p in PurePosixPath(name).parts):
        raise HTTPException(404)
    return download(path.read_bytes(), path.stem, ".docx")


async def language(request: Request) -> Response:
    """Switch the interface's language."""
    form_data = await posted(request)
    lang = str(form_data.get("bahasa") or "id")
    back = str(form_data.get("kembali") or "/")
    target = back if back.startswith("/") and not back.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(LANG_COOKIE, lang if lang in LANGS else "id", max_age=31536000,
                        httponly=True, samesite="strict")
    return response


async def sign_in(request: Request) -> Response:
    """The access token, for a server that others reach over the network."""
    state = state_of(request)
    if request.method == "GET":
        return page(request, "masuk.html", wrong=False)
    form_data = await posted(request)
    if not state.policy.token_ok(str(form_data.get("token") or "")):
        return page(request, "masuk.html", status=403, wrong=True)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(ACCESS_COOKIE, state.policy.sign(str(form_data["token"]).strip(),
                                                         "access"),
                        max_age=2592000, httponly=True, samesite="strict")
    return response


ROUTES = [
    Route("/", home),
    Route("/baru", form.new),
    Route("/isi", form.fill),
    Route("/ubah", form.edit),
    Route("/api/periksa", form.check, methods=["POST"]),
    Route("/simpan", form.save, methods=["POST"]),
    Route("/pratinjau", form.preview, methods=["POST"]),
    Route("/ekspor/yaml", form.export_yaml, methods=["POST"]),
    Route("/ekspor/xlsx", form.export_form, methods=["POST"]),
    Route("/impor", form.import_page),
    Route("/impor", form.import_file, methods=["POST"]),
    Route("/periksa", check_page),
    Route("/periksa", check_file, methods=["POST"]),
    Route("/periksa/{token}/catatan.docx", annotated),
    Route("/pratinjau/{key}", preview_page),
    Route("/pratinjau/{key}/status", preview_state),
    Route("/pratinjau/{key}/halaman/{number:int}.png", preview_page_image),
    Route("/pratinjau/{key}/draf.{suffix:str}", preview_file),
    Route("/build", build_start, methods=["POST"]),
    Route("/build/status", build_status),
    Route("/draf/{name:path}", built_draft),
    Route("/bahasa", language, methods=["POST"]),
    Route("/masuk", sign_in, methods=["GET", "POST"]),
]
