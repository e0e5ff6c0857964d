"""Filling in an agreement: new, from a KSB, opened from the register or imported; checked
as it is typed; saved, previewed and exported."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from ..drafts import Produced
from ..errors import InputError, PkgenError, Problem
from ..forms import prefilled_form
from ..model import BAHASA, DOKUMEN, JENIS, MODELS
from .app import lang_of, page
from .editing import blank, check_data, from_ksb_file, input_yaml, read_input
from .fields import form_nodes, merge
from .handling import agreement_of, download, heavy, posted, problem_page, rest_json, state_of
from .languages import other_languages
from .store import digest_of
from .uploads import accept


def _dokumen(value: object) -> str:
    text = str(value or "PKS").strip().upper()
    return text if text in MODELS else "PKS"


def _folder(request: Request, name: str) -> Path:
    """Where an input called ``name`` lives (its folder inside the register)."""
    register = state_of(request).register
    path = register.resolve(register.name_for(name) or "x.yaml") or register.root / "x.yaml"
    folder = path.parent
    while not folder.is_dir() and folder != register.root:
        folder = folder.parent
    return folder


async def form_page(request: Request, data: dict, name: str, base: str, *, status: int = 200,
                    notice: str | None = None, notes: list[str] | None = None,
                    conflict: str | None = None) -> Response:
    """The form filled with ``data``, its verdict beside each field, ready to save as
    ``name`` over the version ``base`` ('' for a new file)."""
    state, lang = state_of(request), lang_of(request)
    dokumen = _dokumen(data.get("dokumen"))
    nodes = form_nodes(dokumen)
    shown, rest = rest_json(data, nodes)
    verdict, _produced = await heavy(request, check_data, agreement_of_shown(shown, rest),
                                     _folder(request, name), state.book, lang)
    langs = other_languages(data)
    return page(request, "isi.html", status=status, nodes=nodes, data=shown, rest=rest,
                langs=langs, lang_names={code: BAHASA[code][lang] for code in langs},
                rest_keys=sorted(json.loads(rest)),
                name=name, base=base, dokumen=dokumen, verdict=verdict.to_json(),
                notice=notice, notes=notes or [], conflict=conflict,
                saved=request.query_params.get("disimpan") == "1")


def agreement_of_shown(shown: dict, rest: str) -> dict:
    """The data a form shows, with what it keeps aside (as the form will post it back)."""
    return merge(shown, json.loads(rest))


async def new(request: Request) -> Response:
    """Choose the kind of agreement, or a KSB of the register to follow."""
    from .register import register_rows

    state = state_of(request)
    rows = await heavy(request, register_rows, state.register, state.book, lang_of(request),
                       state.rows)
    return page(request, "baru.html", dokumen=DOKUMEN, jenis=JENIS,
                ksbs=[r for r in rows if r.dokumen == "KSB"])


async def fill(request: Request) -> Response:
    """A new agreement: blank (``dokumen``, ``jenis``) or pre-filled from ``ksb``."""
    state, params = state_of(request), request.query_params
    if params.get("ksb"):
        ksb = state.register.resolve(params["ksb"])
        if ksb is None or not ksb.is_file():
            raise HTTPException(404)
        target = ksb.with_name(f"pks-{ksb.stem.removeprefix('ksb-')}.yaml")
        try:
            data = await heavy(request, from_ksb_file, ksb, target, state.book)
        except PkgenError as err:
            return problem_page(request, err)
        return await form_page(request, data, state.register.relative(target), "")
    jenis = str(params.get("jenis", "KSDD")).upper()
    data = blank(_dokumen(params.get("dokumen")), jenis if jenis in JENIS else "KSDD")
    return await form_page(request, data, "", "")


async def edit(request: Request) -> Response:
    """An input of the register, opened in the form."""
    register = state_of(request).register
    name = request.query_params.get("berkas", "")
    path = register.resolve(name)
    if path is None or not path.is_file():
        raise HTTPException(404)
    raw = path.read_bytes()
    try:
        data, problems = await heavy(request, read_input, path, raw)
    except PkgenError as err:
        return problem_page(request, err)
    lang = lang_of(request)
    target = name if path.suffix.lower() in (".yaml", ".yml") else \
        PurePosixPath(name).with_suffix(".yaml").as_posix()
    base = digest_of(raw) if target == name else ""
    return await form_page(request, data, target, base,
                           notes=[p.format(lang) for p in problems])


async def check(request: Request) -> Response:
    """The verdict on the form as it stands, for the page's script."""
    state, form = state_of(request), await posted(request)
    data = agreement_of(form, form_nodes(_dokumen(form.get("dokumen"))))
    verdict, _ = await heavy(request, check_data, data, _folder(request, str(
        form.get("_nama") or "")), state.book, lang_of(request))
    return JSONResponse(verdict.to_json())


async def save(request: Request) -> Response:
    """Save the form as a YAML input of the register; a newer save by someone else is never
    overwritten (the form comes back with the conflict, and this version is kept)."""
    state, form, lang = state_of(request), await posted(request), lang_of(request)
    data = agreement_of(form, form_nodes(_dokumen(form.get("dokumen"))))
    wanted, base = str(form.get("_nama") or ""), str(form.get("_dasar") or "")
    name = state.register.name_for(wanted)
    if name is None:
        return await form_page(request, data, wanted, base, status=422,
                               notice=_text(lang, "web_bad_name", name=wanted))
    clash = state.register.clash(name)
    if clash:
        return await form_page(request, data, name, base, status=409,
                               notice=_text(lang, "web_name_clash", name=name, other=clash))
    _verdict, produced = await heavy(request, check_data, data, _folder(request, name),
                                     state.book, lang)
    content = input_yaml(data, produced, [_text(lang, "web_saved_header")])
    try:  # not among the heavy work: a save may wait for a build, and must not hold others
        saved = await run_in_threadpool(state.register.save, name, content, base)
    except PkgenError as err:
        return await form_page(request, data, name, base, status=503,
                               notice=err.format(lang))
    if saved.conflict:
        return await form_page(request, data, name, base, status=409, conflict=saved.conflict,
                               notice=_text(lang, "web_conflict", name=name,
                                            kept=saved.conflict))
    return RedirectResponse(f"/ubah?berkas={_quote(name)}&disimpan=1", status_code=303)


async def preview(request: Request) -> Response:
    """Render the form's draft and start its PDF; then the preview page."""
    state, lang = state_of(request), lang_of(request)
    posted_, produced = await _checked(request, "", render=True, renderer=state.renderer)
    if produced is None or produced.draft is None:
        return await posted_.refuse("web_fix_first")
    name = posted_.name
    key = await run_in_threadpool(state.previews.add, produced.draft, lang)
    stem = PurePosixPath(name).stem or "draf"
    return RedirectResponse(f"/pratinjau/{key}?nama={_quote(stem)}", status_code=303)


async def export_yaml(request: Request) -> Response:
    """The form as a YAML input file to download."""
    posted_, produced = await _checked(request, "masukan")
    content = input_yaml(posted_.data, produced, [_text(posted_.lang, "web_saved_header")])
    return download(content, PurePosixPath(posted_.name).stem or "masukan", ".yaml")


async def export_form(request: Request) -> Response:
    """The form as a pre-filled Excel form (``pkgen form --from``) to download."""
    posted_, produced = await _checked(request, "formulir")
    if produced is None:
        return await posted_.refuse("web_fix_first")
    doc = produced.loaded.document
    try:  # each text in another language in a cell of its own, or no form at all
        workbook = await heavy(request, prefilled_form, produced.loaded, doc.dokumen,
                               doc.jenis.value, Path(PurePosixPath(posted_.name).name))
    except InputError as err:
        return await posted_.refuse(err.problems[0].code, **err.problems[0].params)
    return download(workbook, PurePosixPath(posted_.name).stem or "formulir", ".xlsx")


@dataclass(frozen=True)
class _Posted:
    """The agreement a form posted, under the name it is edited as."""

    request: Request
    data: dict
    name: str
    base: str
    lang: str

    async def refuse(self, code: str, **params: object) -> Response:
        """The form again, as posted, with the message ``code`` above it."""
        return await form_page(self.request, self.data, self.name, self.base, status=422,
                               notice=_text(self.lang, code, **params))


async def _checked(request: Request, default_name: str,
                   **options: object) -> tuple[_Posted, Produced | None]:
    """The posted agreement, checked (and rendered, with ``render=True``) as the command
    line would check it."""
    state, form, lang = state_of(request), await posted(request), lang_of(request)
    data = agreement_of(form, form_nodes(_dokumen(form.get("dokumen"))))
    name = str(form.get("_nama") or default_name)
    _verdict, produced = await heavy(request, check_data, data, _folder(request, name),
                                     state.book, lang, **options)
    return _Posted(request, data, name, str(form.get("_dasar") or ""), lang), produced


async def import_page(request: Request) -> Response:
    """Upload a filled Excel form (or a YAML input) to continue it here."""
    return page(request, "impor.html")


async def import_file(request: Request) -> Response:
    """Open an uploaded form or input in the form, unsaved, with the command line's verdict
    on the file as it came."""
    state, form, lang = state_of(request), await posted(request), lang_of(request)
    upload_field = form.get("berkas")
    if upload_field is None or isinstance(upload_field, str):
        return page(request, "impor.html", status=422, notice=_text(lang, "web_no_file"))
    raw = await upload_field.read()
    await upload_field.close()
    try:
        upload = accept(raw, upload_field.filename or "", ("xlsx", "yaml"),
                        state.register.folder("unggahan"), _limits())
    except PkgenError as err:
        return page(request, "impor.html", status=422, notice=err.format(lang))
    try:
        data, problems = await heavy(request, read_input, upload.path, raw)
    except PkgenError as err:
        return page(request, "impor.html", status=422, notice=_named(err, upload, lang))
    finally:
        upload.discard()
    notes = [p.format(lang).replace(str(upload.path), upload.original) for p in problems]
    stem = PurePosixPath(upload.original).stem or "masukan"
    return await form_page(request, data, f"{stem}.yaml", "", notes=notes)


def _named(err: PkgenError, upload, lang: str) -> str:
    """An error about an upload, naming the file as the user knows it."""
    return err.format(lang).replace(str(upload.path), upload.original)


def _limits() -> dict[str, int]:
    from ..inputs import MAX_FORM_BYTES, MAX_INPUT_BYTES
    from ..pdf_text import MAX_PDF_BYTES

    return {"xlsx": MAX_FORM_BYTES, "yaml": MAX_INPUT_BYTES, "pdf": MAX_PDF_BYTES,
            "docx": MAX_PDF_BYTES}


def _text(lang: str, code: str, **params: object) -> str:
    return Problem(code, params=params).format(lang)


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="/")
