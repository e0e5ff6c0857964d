"""What a command loads before it works: a build with nothing to do, and a command's help,
load neither the models, the renderer nor python-docx, checking a Word agreement loads no
model or renderer; a build with work loads them once, before its workers are forked."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from buildkit import KSB, TPA, make_register, retitle
from click.testing import CliRunner

import pkgen
from pkgen import checks
from pkgen.cli import base, main
from pkgen.docx_text import document_text, open_document

#: Modules that take most of the time of starting pkgen, and that a build with nothing to do
#: never needs.
HEAVY = ("pydantic", "docxtpl", "docx", "jinja2", "num2words", "isal", "pkgen.model",
         "pkgen.render", "pkgen.inputs", "pkgen.drafts", "pkgen.checks.rulebook")

PROBE = """
import importlib.abc, json, sys
heavy, args = json.loads(sys.argv[1]), sys.argv[2:]
window = []  # each module loaded while a build can be stopped, and whether signals are held
class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        signals = sys.modules.get("pkgen.build.signals")
        if signals is not None and signals._State.active:
            window.append((name, signals._State.critical > 0))
sys.meta_path.insert(0, Watch())
from pkgen.cli import main
sys.argv = ["pkgen", *args]
try:
    main()
except SystemExit as done:
    code = done.code
print(json.dumps([code, sorted(m for m in heavy if m in sys.modules), window]))
"""


def run_fresh(*args: str) -> tuple[int, list[str], list[tuple[str, bool]]]:
    """``pkgen ARGS`` run in a fresh Python, pkgen as installed (``-P``: not the source
    folder the tests may run in): its exit code, the heavy modules it loaded, and each module
    loaded while a build could be stopped, with whether signals were held."""
    done = subprocess.run([sys.executable, "-P", "-c", PROBE, json.dumps(HEAVY), *args],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    code, modules, window = json.loads(done.stdout.splitlines()[-1])
    return code, modules, [tuple(w) for w in window]


def loaded_by(*args: str) -> tuple[int, list[str]]:
    """The exit code of ``pkgen ARGS`` run in a fresh Python, and the heavy modules loaded."""
    return run_fresh(*args)[:2]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    register = make_register(tmp_path_factory.mktemp("startup"))
    drafts = register.parent / "drafts"
    result = CliRunner().invoke(main, ["build", str(register), "-o", str(drafts), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return register, drafts


def test_a_build_with_nothing_to_do_loads_no_model_renderer_or_word_library(built):
    register, drafts = built
    assert loaded_by("build", str(register), "-o", str(drafts)) == (0, [])
    assert loaded_by("build", str(register), "-o", str(drafts), "--dry-run") == (0, [])


@pytest.mark.parametrize("args", [("--help",), ("build", "--help"), ("--version",)])
def test_a_command_s_help_loads_only_what_it_shows(args):
    assert loaded_by(*args) == (0, [])


def test_checking_a_word_agreement_loads_the_rulebook_but_no_model_or_renderer(built):
    _register, drafts = built
    code, modules = loaded_by("check", str(drafts / f"{TPA}.docx"))
    assert code == 0 and modules == ["pkgen.checks.rulebook", "pydantic"]
    code, modules = loaded_by("check", str(drafts / f"{TPA}.docx"), "--ksb",
                              str(drafts / f"{KSB}.docx"))
    assert code == 0 and "pkgen.render" not in modules and "docxtpl" not in modules


def test_a_build_with_work_loads_the_renderer_before_its_workers_start(built):
    register, drafts = built
    retitle(register / f"{TPA}.yaml")
    code, modules = loaded_by("build", str(register), "-o", str(drafts), "--jobs", "2")
    assert code == 0
    assert {"pkgen.render", "pkgen.model", "docxtpl", "pydantic"} <= set(modules)
    assert "Tahap II" in document_text(open_document(drafts / f"{TPA}.docx"))
    assert loaded_by("build", str(register), "-o", str(drafts)) == (0, [])


#: Code a build could be interrupted in the loading of, if it loaded while signals are live.
LIBRARIES = {"pkgen", "docx", "docxtpl", "jinja2", "markupsafe", "lxml", "pydantic",
             "pydantic_core", "babel", "num2words", "dateutil", "isal", "yaml", "openpyxl"}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_what_a_build_loads_while_it_can_be_stopped_it_loads_with_signals_held(built, jobs):
    # A signal raised inside an import can be lost there ("Exception ignored in …"), and the
    # build then goes on as if nobody had asked it to stop.
    register, drafts = built
    retitle(register / f"{KSB}.yaml", f" ({jobs})")
    code, _modules, loaded = run_fresh("build", str(register), "-o", str(drafts),
                                       "--jobs", jobs)
    assert code == 0
    assert len(loaded) > 100  # the renderer and the models, loaded once there is work
    unheld = {name for name, held in loaded if not held
              and name.split(".")[0] in LIBRARIES and name != "pkgen.templates"}
    assert not unheld  # (pkgen.templates: a folder of Word files, no code)


def test_every_command_is_found_in_the_module_named_for_it():
    assert CliRunner().invoke(main, ["--help"]).exit_code == 0  # imports every module
    assert set(main.commands) == set(base.COMMANDS)
    for name, module in base.COMMANDS.items():
        assert main.commands[name].callback.__module__ == f"pkgen.cli.{module}"
    assert CliRunner().invoke(main, ["nosuch"]).exit_code == 2


def test_the_packages_offer_each_name_they_list():
    for name in pkgen.__all__:
        assert getattr(pkgen, name) is not None
    for name in checks.__all__:
        assert getattr(checks, name).__name__ == name
    from pkgen import check_path, load_agreement
    from pkgen.checks import Report, load_rulebook
    assert callable(check_path) and callable(load_agreement) and callable(load_rulebook)
    assert Report.__module__ == "pkgen.checks.findings"
    with pytest.raises(AttributeError, match="nosuch"):
        pkgen.nosuch  # noqa: B018


def test_what_the_command_line_names_without_the_models_is_what_they_have():
    from pkgen import kinds, rekap
    from pkgen.cli import reporting
    from pkgen.model import MODELS, Jenis

    assert tuple(MODELS) == kinds.DOKUMEN
    assert tuple(j.value for j in Jenis) == kinds.JENIS
    assert reporting.FORMATS == rekap.FORMATS
