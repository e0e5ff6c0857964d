"""The render benchmark runs through, on a small register: every way, the build, the command."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_render_benchmark_measures_every_way(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "render_throughput.py"), "10", "--sample", "5"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    for label in ("plain docxtpl (DocxTemplate per draft)", "pkgen one-off (render_draft)",
                  "pkgen prepared, 1 worker ", "pkgen prepared, 2 workers",
                  "pkgen prepared, 1 worker, varied", "the machine: a Python loop, 2 workers",
                  "pkgen build, first run, 2 workers", "pkgen build, nothing changed",
                  "pkgen build command, nothing changed", "peak memory"):
        assert label in result.stdout
    figures = dict(field.split("=") for field in result.stdout.splitlines()[-1].split())
    assert set(figures) == {"speedup_1worker", "speedup_2workers", "noop_10_s", "build_10_s",
                            "speedup_vs_docxtpl", "machine_2workers"}
    assert all(float(value) > 0 for value in figures.values())
