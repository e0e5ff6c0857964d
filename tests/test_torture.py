"""The torture test: builds killed at random moments while drafts are edited (tools/torture.py).

30 trials, SIGKILL, SIGTERM and SIGINT, ``--jobs 1`` and ``2``, the manifest damaged or removed
now and then; bounded to well under three minutes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="watches workers in /proc")
def test_no_edit_is_lost_however_builds_are_stopped():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "torture.py"), "--trials",
                             "30", "--seed", "1"], capture_output=True, text=True, timeout=170)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = dict(re.findall(r"^([^:\n]+): (\d+)$", result.stdout, re.M))
    assert int(figures["edits made"]) >= 30 and figures["edits lost"] == "0"
    assert figures["worker processes left running"] == "0"
    assert int(figures["kills"]) >= 15
    for name in ("SIGKILL", "SIGTERM", "SIGINT"):
        assert int(figures[f"kills by {name}"]) >= 1
    for jobs in (1, 2):
        assert int(figures[f"builds with --jobs {jobs}"]) >= 1
    assert int(figures["manifests damaged or removed"]) >= 1
    assert "false hand-edits: 0, failures: 0" in result.stdout
