"""Render throughput: the naive docxtpl loop against pkgen's prepared templates, one and two
workers, a no-op rebuild, and peak memory. Run: ``python benchmarks/render_throughput.py [N]``.

Every draft is rendered from the same template (the KSDD PKS) with N different inputs (the
TPA example with its subject numbered), loaded beforehand: loading YAML costs the same in both
ways and is not what is compared.

- naive: for each input, a new ``DocxTemplate`` from the .docx, render, save (``render_draft``);
- pkgen, 1 worker: the template prepared once, every draft rendered from it
  (``PreparedTemplate.render``), in one process;
- pkgen, 2 workers: the same in two processes, each preparing the template once.
Every draft is written to disk the same way in all three (a plain write, as docxtpl's save;
``pkgen build`` writes into a staging folder the same way and renames into place).

Then ``pkgen build`` itself: a register of N inputs built once with 2 workers, then rebuilt
with nothing changed (the no-op rebuild), and the peak memory of a one-worker build of N/5 and
of N inputs, each in a fresh process.

The last line: ``speedup_1worker`` is one worker's throughput over the naive loop's,
``speedup_2workers`` two workers' over one worker's, ``noop_<N>_s`` the no-op rebuild time.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pkgen import build
from pkgen.inputs import load_agreement
from pkgen.model import kinds_of
from pkgen.render import PreparedTemplate, builtin_template, render_draft

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pks-tpa-kota-kab-mojokerto.yaml"
KSB = ROOT / "examples" / "ksb-tpa-kota-kab-mojokerto.yaml"


def make_register(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(KSB, folder / KSB.name)
    text = EXAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = folder / f"pks-{i:04d}.yaml"
        path.write_text(text.replace("tentang: Pemanfaatan Bersama",
                                     f"tentang: ({i + 1}) Pemanfaatan Bersama", 1),
                        encoding="utf-8")
        paths.append(path)
    return paths


def naive(loaded: list, out: Path) -> None:
    for i, agreement in enumerate(loaded):
        (out / f"naive-{i:04d}.docx").write_bytes(render_draft(agreement).data)


# The loaded inputs, shared with forked workers without copying or pickling them.
_WORKER: dict = {}


def _prepare(template: str) -> None:
    _WORKER["template"] = PreparedTemplate(Path(template))


def _render_range(args: tuple) -> int:
    start, stop, out = args
    prepared = _WORKER["template"]
    for i in range(start, stop):
        (Path(out) / f"fast-{i:04d}.docx").write_bytes(prepared.render(_WORKER["loaded"][i]).data)
    return stop - start


def one_worker(loaded: list, template: Path, out: Path) -> None:
    _WORKER["loaded"] = loaded
    _prepare(str(template))
    _render_range((0, len(loaded), str(out)))


def two_workers(loaded: list, template: Path, out: Path) -> None:
    _WORKER["loaded"] = loaded
    size = 25
    ranges = [(i, min(i + size, len(loaded)), str(out)) for i in range(0, len(loaded), size)]
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(2, mp_context=fork, initializer=_prepare,
                             initargs=(str(template),)) as pool:
        assert sum(pool.map(_render_range, ranges)) == len(loaded)


def timed(label: str, count: int, run) -> float:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {count:>5} drafts {seconds:8.2f} s {count / seconds:8.1f} drafts/s "
          f"{seconds / count * 1000:7.2f} ms/draft", flush=True)
    return seconds


def _peak_build(register: str, drafts: str, queue) -> None:
    build.build(Path(register), Path(drafts), build.Options(jobs=1))
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
    status = Path("/proc/self/status").read_text()
    queue.put(int(next(line.split()[1] for line in status.splitlines()
                       if line.startswith("VmHWM:"))))


def peak_memory_mb(register: Path, drafts: Path) -> float:
    """Peak RSS of a fresh process running a one-worker build."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_peak_build, args=(str(register), str(drafts), queue))
    process.start()
    peak = queue.get()
    process.join()
    return peak / 1024


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = make_register(root / "register", count)
        print(f"loading {count} inputs …", flush=True)
        loaded = [load_agreement(p) for p in paths]
        template = builtin_template(kinds_of(loaded[0].document)[0])
        for name in ("naive", "one", "two"):
            (root / name).mkdir()
        slow = timed("naive (DocxTemplate per draft)", count,
                     lambda: naive(loaded, root / "naive"))
        one = timed("pkgen, 1 worker (prepared)", count,
                    lambda: one_worker(loaded, template, root / "one"))
        two = timed("pkgen, 2 workers (prepared)", count,
                    lambda: two_workers(loaded, template, root / "two"))
        loaded.clear()  # the build below loads its own inputs

        drafts = root / "drafts"
        timed("pkgen build, first run, 2 workers", count,
              lambda: build.build(root / "register", drafts, build.Options(jobs=2)))
        start = time.perf_counter()
        result = build.build(root / "register", drafts, build.Options(jobs=2))
        noop = time.perf_counter() - start
        assert result.count("unchanged") == count + 1, "the no-op rebuild rendered something"
        print(f"{'pkgen build, nothing changed':<34} {count:>5} drafts {noop:8.2f} s")

        small = max(1, count // 5)
        make_register(root / "small", small)
        low = peak_memory_mb(root / "small", root / "small-drafts")
        high = peak_memory_mb(root / "register", root / "memory-drafts")
        print(f"peak memory, one-worker build: {small} inputs {low:.0f} MB, "
              f"{count} inputs {high:.0f} MB")
    print(f"naive {count / slow:.1f} drafts/s; 1 worker {count / one:.1f} drafts/s "
          f"({slow / one:.1f}x naive); 2 workers {count / two:.1f} drafts/s "
          f"({one / two:.2f}x 1 worker)")
    print(f"speedup_1worker={slow / one:.1f} speedup_2workers={one / two:.2f} "
          f"noop_{count}_s={noop:.2f}")


if __name__ == "__main__":
    main()
