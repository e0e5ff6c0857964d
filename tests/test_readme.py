"""The README stays true: every command documented, the quick start works as written."""

import re
import shutil
import subprocess
import sys

import click
import pytest
from conftest import EXAMPLE_FILES, ROOT

from pkgen.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section_commands(title: str) -> list[str]:
    section = README.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, re.DOTALL)


def quick_start_commands() -> list[str]:
    install, _activate, tests = section_commands("Quick start")
    return [install, tests]


def test_every_command_is_documented():
    for name in main.commands:
        assert f"`pkgen {name}" in README, name


def test_every_option_is_documented():
    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and param.name not in ("help", "lang"):
                assert any(f"{o} " in README or f"{o}]" in README for o in param.opts), (
                    f"pkgen {name} {param.opts}")


def test_ci_runs_the_readme_test_command():
    install, tests = quick_start_commands()
    assert tests in (ROOT / ".ci" / "run").read_text()


@pytest.mark.slow
def test_quick_start_installs_and_renders(tmp_path):
    """The first quick-start command, in a clean copy of the project, then from elsewhere."""
    install, _ = quick_start_commands()
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    project = tmp_path / "pkgen"
    for name in files:
        if (ROOT / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name)
    result = subprocess.run(["bash", "-c", install.replace("python3 ", f"{sys.executable} ", 1)],
                            cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    drafts = sorted(p.name for p in (project / "drafts").iterdir())
    assert drafts == sorted(p.stem + ".docx" for p in EXAMPLE_FILES)

    # The installed command finds its templates from any folder, without the source tree.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(project / "templates")
    pkgen = project / ".venv" / "bin" / "pkgen"
    listing = subprocess.run([str(pkgen), "templates"], cwd=elsewhere, capture_output=True,
                             text=True, check=True).stdout
    assert "site-packages" in listing and "pks_ksdd" in listing
    example = project / "examples" / "pks-pariwisata-disporabudpar-swasta.yaml"
    subprocess.run([str(pkgen), "render", str(example)], cwd=elsewhere, check=True,
                   capture_output=True)
    assert (elsewhere / "pks-pariwisata-disporabudpar-swasta.docx").is_file()

    # "A first agreement", pasted into a shell after the quick start's activation line.
    activate = section_commands("Quick start")[1].split("#")[0].strip()
    first = section_commands("A first agreement")[0]
    result = subprocess.run(["bash", "-c", f"{activate.replace('.venv', str(project / '.venv'))}"
                             f"\n{first}\n"], cwd=elsewhere, capture_output=True, text=True)
    assert (elsewhere / "drafts" / "pks-tpa.docx").is_file(), result.stdout + result.stderr
    assert "belum diisi" in result.stdout + result.stderr


def test_the_pictures_of_a_draft_are_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("contoh-halaman-pertama", "contoh-halaman-tanda-tangan", "contoh-dwibahasa",
                 "contoh-naskah-korea"):
        picture = ROOT / "docs" / "gambar" / f"{name}.png"
        assert f'src="docs/gambar/{name}.png"' in readme
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
