"""The package type-checks under mypy with the settings in pyproject.toml ([tool.mypy])."""

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT


def test_mypy():
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install '.[test]')")
    # mypy keeps its cache in .mypy_cache: a first run takes seconds, a later one far less.
    result = subprocess.run([sys.executable, "-m", "mypy", "pkgen"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
