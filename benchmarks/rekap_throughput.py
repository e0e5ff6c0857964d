"""Rekap throughput: ``pkgen rekap`` of a register of N inputs (default 5,000), against the
naive way. Run: ``python benchmarks/rekap_throughput.py [N]``.

The register is made by ``tests/rekapkit.bulk_register``: KSBs each followed by up to three
PKS (the examples' texts with their subjects, OPD, dates and KSB changed), a fifth of the PKS
with an evaluation, one input in a hundred broken.

- naive: what a script over ``pkgen validate`` would do — every input loaded, checked and its
  draft rendered in memory (:func:`pkgen.drafts.produce`), one after another in one process;
  measured on the first N/50 inputs and given per input (the workbook not included);
- rekap, 1 worker and 2 workers: ``pkgen rekap REGISTER -o rekap.xlsx --jobs J`` as a user
  runs it, in a fresh process each time, the whole command timed (start-up, reading every
  input, the workbook written), with the CPU time it and its workers used;
- the stages of a 2-worker rekap in this process: reading the register, assessing it, and
  writing each format.

The machine is shared: the load average before each run is printed with it, and first how
much two processes gain over one on a plain loop at that moment.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from rekapkit import PER, bulk_register  # noqa: E402

from pkgen.checks import load_rulebook  # noqa: E402
from pkgen.drafts import Renderer, produce  # noqa: E402
from pkgen.errors import PkgenError  # noqa: E402
from pkgen.register import scan  # noqa: E402
from pkgen.rekap import assess, collect, write  # noqa: E402

PKGEN = Path(sys.executable).with_name("pkgen")


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def spare_cores() -> float:
    """How much faster two processes run a loop than one, now: 2.0 on an idle 2-core
    machine, about 1.0 when other work holds a core."""
    started = time.perf_counter()
    for _ in range(4):
        _burn(3_000_000)
    one = time.perf_counter() - started
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_burn, [3_000_000] * 4)
    return one / (time.perf_counter() - started)


def command(register: Path, out: Path, jobs: int) -> tuple[float, float]:
    """The wall-clock and CPU seconds (the command's and its workers') of one rekap."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([str(PKGEN), "rekap", str(register), "-o", str(out), "--force",
                             "--per", PER.isoformat(), "--jobs", str(jobs)],
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 2):  # 2: the broken inputs, listed in the rekap
        raise SystemExit(result.stderr)
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def naive(register: Path, count: int) -> float:
    """Seconds per input of produce() with the draft rendered, as ``pkgen validate`` does."""
    book = load_rulebook()
    renderer = Renderer()
    paths = scan(register)[:count]
    started = time.perf_counter()
    for path in paths:
        with contextlib.suppress(PkgenError):  # broken inputs cost their time too
            produce(path, book, renderer=renderer)
    return (time.perf_counter() - started) / len(paths)


def stages(register: Path) -> None:
    started = time.perf_counter()
    facts = collect(register, None, 2)
    read = time.perf_counter() - started
    started = time.perf_counter()
    rekap = assess(register, facts, PER, load_rulebook().register)
    assessed = time.perf_counter() - started
    print(f"  reading {len(facts)} inputs with 2 workers: {read:.2f} s ({load()})")
    print(f"  assessing (statuses, alerts): {assessed:.2f} s")
    for fmt in ("xlsx", "html", "md", "json"):
        started = time.perf_counter()
        data = write(rekap, fmt, "id")
        print(f"  writing {fmt}: {time.perf_counter() - started:.2f} s ({len(data):,} bytes)")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as tmp:
        register = bulk_register(Path(tmp), count)
        inputs = len(scan(register))
        out = Path(tmp) / "rekap.xlsx"
        print(f"register: {inputs} inputs, rekap on {PER} ({dt.date.today()} today)")
        figures = {}
        print(f"two processes run a loop {spare_cores():.2f}x as fast as one ({load()})")
        for jobs in (1, 2):
            before = load()
            figures[jobs], cpu = command(register, out, jobs)
            print(f"pkgen rekap --jobs {jobs}: {figures[jobs]:.2f} s, {cpu:.2f} s of CPU "
                  f"({before})")
        sample = max(1, inputs // 50)
        before = load()
        per_input = naive(register, sample)
        print(f"naive (produce with rendering, 1 process): {per_input * 1000:.1f} ms per input "
              f"on {sample} inputs, {per_input * inputs:.1f} s for {inputs} ({before})")
        print("stages:")
        stages(register)
        print(f"rekap_2workers_s={figures[2]:.2f} rekap_1worker_s={figures[1]:.2f} "
              f"naive_per_input_ms={per_input * 1000:.1f} "
              f"speedup_vs_naive={per_input * inputs / figures[2]:.1f}")


if __name__ == "__main__":
    main()
