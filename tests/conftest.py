"""Shared fixtures: the bundled examples, edited copies of them, and a LibreOffice reader."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import threading
from pathlib import Path

import jinja2
import pytest
from docx import Document
from docxtpl import DocxTemplate

from pkgen import drafts, prepared, render
from pkgen.lru import LRU
from pkgen.prepared import PreparedTemplate
from pkgen.render import builtin_templates

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
PKS_TPA = EXAMPLES / "pks-tpa-kota-kab-mojokerto.yaml"
PKS_WISATA = EXAMPLES / "pks-pariwisata-disporabudpar-swasta.yaml"


@pytest.fixture(scope="session", autouse=True)
def compiled_templates_kept_apart(tmp_path_factory):
    """Templates the tests compile are kept for this run only, apart from the user's own
    (:mod:`pkgen.compiled`): a run starts from nothing compiled, as a fresh machine does."""
    if "PKGEN_CACHE_DIR" in os.environ:
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PKGEN_CACHE_DIR", str(tmp_path_factory.mktemp("compiled")))
        yield


@pytest.fixture(scope="session", autouse=True)
def builtin_templates_prepared_once():
    """Prepare each built-in template once per test process instead of once per run.

    Every command and build a test runs prepares its templates afresh (about a seventh of a
    second each, and a twentieth more for each kind of document it checks them for), which
    made up over a quarter of the suite's time. Here :func:`pkgen.drafts._prepare` keeps a
    built-in template prepared, by path and content, for the rest of the session, and a
    prepared template keeps the names and headings it uses; everything above (the renderer's
    own caches, the check of a template for each kind of document, rendering) runs as in a
    fresh run. Templates a test writes itself are prepared each time as before. A prepared
    template is not made for two threads, so only the main thread (of this process, or of a
    forked build worker) shares them; a server's threads prepare their own.
    """
    builtin = {str(path) for path in builtin_templates().values()}
    kept: dict[tuple[str, str], PreparedTemplate | Exception] = {}
    prepare, variables = drafts._prepare, PreparedTemplate.variables

    def prepare_once(path: Path, data: bytes):
        if str(path) not in builtin or threading.current_thread() is not \
                threading.main_thread():
            return prepare(path, data)
        key = (str(path), hashlib.sha256(data).hexdigest())
        if key not in kept:
            kept[key] = prepare(path, data)
        return kept[key]

    def variables_once(self: PreparedTemplate) -> tuple[set[str], set[str]]:
        if "_names_and_headings" not in vars(self):
            self._names_and_headings = variables(self)
        names, headings = self._names_and_headings
        return set(names), set(headings)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(drafts, "_prepare", prepare_once)
        patch.setattr(PreparedTemplate, "variables", variables_once)
        yield


@pytest.fixture(scope="session", autouse=True)
def template_sources_compiled_once():
    """Compile each template source Jinja is given once per test process.

    pkgen's one-off render (:func:`pkgen.render.render_draft`) cleans its template's XML
    (docxtpl's ``patch_xml``, three times) and compiles its parts anew for every draft, as
    docxtpl does: most of its time, spent hundreds of times over on the same few
    sources. Here every render uses one environment, configured as
    :func:`pkgen.render._environment` configures each, which keeps what it compiled by source,
    and ``patch_xml`` (a function of the XML it is given alone) keeps its answers by XML.
    A source that does not compile raises each time, as before; rendering is unchanged.
    """
    env = render._environment()
    compile_source = env.from_string
    kept: LRU[jinja2.Template] = LRU(64)

    def from_string(source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return compile_source(source, globals, template_class)
        found = kept.get(source)
        if found is None:
            found = compile_source(source)
            kept.put(source, found)
        return found

    env.from_string = from_string
    patch_xml = DocxTemplate.patch_xml
    cleaned: LRU[str] = LRU(64)

    def patch_xml_once(self: DocxTemplate, xml: str) -> str:
        found = cleaned.get(xml)
        if found is None:
            found = patch_xml(self, xml)
            cleaned.put(xml, found)
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DocxTemplate, "patch_xml", patch_xml_once)
        patch.setattr(render, "_environment", lambda: env)
        patch.setattr(prepared, "_environment", lambda: env)
        yield


@pytest.fixture
def edited(tmp_path: Path):
    """Return a function writing an edited copy of an example into ``tmp_path``.

    ``edited(PKS_TPA, "old", "new", ...)`` replaces each old text (which must occur) and also
    copies the KSB the TPA example points to, so the copy loads on its own.
    """

    def make(source: Path, *pairs: str, name: str | None = None) -> Path:
        text = source.read_text(encoding="utf-8")
        for old, new in zip(pairs[::2], pairs[1::2], strict=True):
            assert old in text, f"{old!r} not in {source.name}"
            text = text.replace(old, new, 1)
        for ksb in EXAMPLES.glob("ksb-*.yaml"):
            shutil.copy(ksb, tmp_path / ksb.name)
        target = tmp_path / (name or source.name)
        target.write_text(text, encoding="utf-8")
        return target

    return make


def soffice() -> str | None:
    """Path of LibreOffice's soffice, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory):
    """Convert files with headless LibreOffice: ``convert(files, out_dir, target)`` with a
    ``--convert-to`` target (``pdf``, ``xlsx:Calc MS Excel 2007 XML`` …); return the paths
    written.

    Skips where LibreOffice is missing, except in CI (CI=true), where that is a failure.
    """
    binary = soffice()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI; .ci/run installs it")
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(files: list[Path], out_dir: Path, target: str) -> list[Path]:
        subprocess.run(
            [binary, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", target, "--outdir", str(out_dir), *map(str, files)],
            check=True, capture_output=True, timeout=300,
        )
        suffix = "." + target.split(":")[0]
        return [out_dir / (f.stem + suffix) for f in files]

    return convert


@pytest.fixture(scope="session")
def to_pdf(libreoffice):
    """Convert .docx files to PDF with headless LibreOffice; return the PDF paths."""
    return lambda docx_files, out_dir: libreoffice(docx_files, out_dir, "pdf")


def make_template(path: Path, paragraphs: list[str]) -> Path:
    """Write a minimal .docx template with one paragraph per string."""
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path
