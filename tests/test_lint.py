"""The code base stays clean under the project's ruff rules (pyproject.toml)."""

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


def test_ruff():
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(sys.prefix) + "/bin")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install '.[test]')")
    result = subprocess.run([ruff, "check", "pkgen", "tests", "tools", "benchmarks"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
