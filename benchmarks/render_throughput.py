"""Render throughput, every way side by side: plain docxtpl, pkgen's one-off render, pkgen's
prepared templates on one and two workers, then ``pkgen build`` itself (first run, no-op
rebuild, peak memory). Run: ``python benchmarks/render_throughput.py [N] [--sample S]``.

Every draft is rendered from the same template (the KSDD PKS) with N different inputs (the
TPA example with its subject numbered), loaded beforehand: loading YAML costs the same in every
way and is not what is compared. These drafts differ in a few paragraphs; the prepared way is
also measured on N inputs that differ in every paragraph naming a party (the TPA and SPBE
examples in turn, the parties' region renamed in each), as a register of many regions does.
Each way writes every draft to a new file of its own, the same way (a plain write, as
docxtpl's save; ``pkgen build`` writes into a staging folder and renames into place).

- plain docxtpl: for each draft ``DocxTemplate(path)``, ``render(context)``, ``save``, with
  the same context pkgen renders (built beforehand, once per input), escaped as a Word file
  must be (``autoescape=True``);
- pkgen one-off: :func:`pkgen.render.render_draft`, which also numbers the articles, finishes
  tables and paper, and stamps provenance and the content fingerprint into the draft;
- pkgen prepared, 1 worker: :class:`pkgen.render.PreparedTemplate` read and compiled once,
  every draft rendered from it — the same drafts, part for part, as the one-off render;
- pkgen prepared, 2 workers: the same in two processes, each with its own prepared template;
- pkgen prepared, 1 worker, varied inputs: as above, on the inputs renamed in every draft,
  from a prepared template of its own (as a build of that register would have: what a
  prepared template learns from one register's drafts is not the other's);
- the machine: a loop of Python alone, in one worker and in two, by which the machine's own
  scaling on two cores is known in the same run (a machine shared with others gives less
  than 2x, and lets two workers of anything give no more).

Every way runs in worker processes forked alike from the benchmark's, each started as a
build's worker is (its own prepared template, the garbage collector run as seldom), one worker
for the one-worker ways and two for the others; a worker takes the next drafts from a count
shared by the workers as it is free, two at a time, without a round trip through the
benchmark's process. The two slow ways render S drafts (default 100) and the fast ways all N;
the ways take turns in rounds, so that load from other programs on the machine weighs on each
of them alike. Preparing a template (once per process) is timed apart.

Then ``pkgen build``, each run in a fresh process as a user's (not forked from this one, with
the thousands of inputs it holds): a register of N inputs built with 2 workers (load, check
each input, render, check each draft, install durably), rebuilt with nothing changed (the
no-op rebuild), and the peak memory of a one-worker build of N/5 and of N inputs. The no-op
rebuild is also timed as a user times the ``pkgen build`` command: a new Python process from
its start to its exit, taking turns with the same command made to import every module first.

The last line: ``speedup_1worker`` is one worker's throughput over the one-off render's,
``speedup_2workers`` two workers' over one worker's, ``noop_<N>_s`` the no-op rebuild time,
``build_<N>_s`` the first build's, ``speedup_vs_docxtpl`` one worker's throughput over plain
docxtpl's, ``machine_2workers`` the Python loop's two workers over its one.
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from docxtpl import DocxTemplate

from pkgen import build
from pkgen.build.worker import collect_seldom
from pkgen.inputs import load_agreement
from pkgen.prepared import PreparedTemplate
from pkgen.render import _context, builtin_for, render_draft

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pks-tpa-kota-kab-mojokerto.yaml"
KSB = ROOT / "examples" / "ksb-tpa-kota-kab-mojokerto.yaml"
SPBE = ROOT / "examples" / "pks-spbe-mojokerto-jombang.yaml"
ROUNDS = 5
REGIONS = ("Malang", "Kediri", "Blitar", "Madiun", "Pasuruan", "Probolinggo", "Batu", "Jombang",
           "Sidoarjo", "Gresik", "Lamongan", "Tuban", "Bojonegoro", "Ngawi", "Magetan")


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


def make_varied(folder: Path, count: int) -> list[Path]:
    """``count`` inputs, each naming its parties' region differently."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(KSB, folder / KSB.name)
    texts = [EXAMPLE.read_text(encoding="utf-8"), SPBE.read_text(encoding="utf-8")]
    paths = []
    for i in range(count):
        region = f"{REGIONS[i % len(REGIONS)]} {chr(65 + i // len(REGIONS) % 26)}{i}"
        text = texts[i % 2].replace("tentang: ", f"tentang: ({i + 1}) ", 1)
        path = folder / f"pks-{i:04d}.yaml"
        path.write_text(text.replace("Mojokerto", region), encoding="utf-8")
        paths.append(path)
    return paths


# What every way renders from, shared with forked workers without copying or pickling it.
_WORKER: dict = {}
#: Drafts a worker takes at a time from the shared count: a worker left without any at the
#: end of a round idles for at most one of them.
STEP = 2
#: Iterations of the Python loop by which the machine's own scaling is measured: about as
#: long as a prepared draft.
SPIN = 40_000


def plain_docxtpl(indices: range, prefix: str) -> None:
    for i in indices:
        tpl = DocxTemplate(_WORKER["template"])
        tpl.render(_WORKER["contexts"][i], autoescape=True)
        buffer = io.BytesIO()
        tpl.save(buffer)
        (_WORKER["out"] / f"{prefix}-{i:04d}.docx").write_bytes(buffer.getvalue())


def one_off(indices: range, prefix: str) -> None:
    for i in indices:
        draft = render_draft(_WORKER["loaded"][i])
        (_WORKER["out"] / f"{prefix}-{i:04d}.docx").write_bytes(draft.data)


def prepared(indices: range, prefix: str, inputs: str = "loaded") -> None:
    render = _WORKER[f"prepared {inputs}"].render
    for i in indices:
        draft = render(_WORKER[inputs][i])
        (_WORKER["out"] / f"{prefix}-{i:04d}.docx").write_bytes(draft.data)


def prepared_varied(indices: range, prefix: str) -> None:
    prepared(indices, prefix, "varied")


def spin(indices: range, _prefix: str) -> None:
    """Work of Python alone, no file, no library: how the machine itself scales."""
    for _ in indices:
        total = 0
        for k in range(SPIN):
            total += k * k % 7


WAYS: dict[str, Callable[[range, str], None]] = {
    "plain": plain_docxtpl, "one-off": one_off, "prepared": prepared,
    "varied": prepared_varied, "spin": spin}


def _start_worker(template: str) -> None:
    """A worker as a build starts one: what it inherited left out of garbage collection, the
    collector run as seldom as in a build's workers, its own prepared template (one for each
    register)."""
    gc.freeze()
    collect_seldom()
    for inputs in ("loaded", "varied"):
        _WORKER[f"prepared {inputs}"] = PreparedTemplate(Path(template))


def _take(way: str, prefix: str, stop: int) -> int:
    """In a worker: the way's next :data:`STEP` drafts from the count shared by the workers,
    until there are none before ``stop``; how many this worker did."""
    counter, run, done = _WORKER["next"], WAYS[way], 0
    while True:
        with counter.get_lock():
            start = counter.value
            counter.value = start + STEP
        if start >= stop:
            return done
        run(range(start, min(start + STEP, stop)), prefix)
        done += min(start + STEP, stop) - start


def in_workers(pool: ProcessPoolExecutor, workers: int, way: str, indices: range,
               prefix: str | None = None) -> None:
    """Run ``way`` on ``indices`` in the ``workers`` processes of ``pool``, each taking the
    next drafts as it is free (no round trip through this process), each draft written to a
    new file named by ``prefix`` (creating a file costs more than overwriting one)."""
    _WORKER["next"].value = indices.start
    taken = pool.map(functools.partial(_take, way, prefix or way), [indices.stop] * workers)
    assert sum(taken) == len(indices)


def in_rounds(ways: dict[str, tuple[int, Callable[[range], None]]]) -> dict[str, float]:
    """Seconds each way took for its whole count, the ways taking turns in ROUNDS rounds."""
    seconds = dict.fromkeys(ways, 0.0)
    for r in range(ROUNDS):
        for name, (count, run) in ways.items():
            indices = range(count * r // ROUNDS, count * (r + 1) // ROUNDS)
            start = time.perf_counter()
            run(indices)
            seconds[name] += time.perf_counter() - start
    return seconds


def line(label: str, count: int, seconds: float, note: str = "") -> None:
    print(f"{label:<36} {count:>5} drafts {seconds:8.2f} s {count / seconds:8.1f} drafts/s "
          f"{seconds / count * 1000:7.2f} ms/draft {note}", flush=True)


def _in_fresh_process(target: Callable, *args: str) -> object:
    """What ``target(*args, queue)`` puts in its queue, run in a fresh process, as a user's
    ``pkgen build`` runs: not forked from this one, with all it holds."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    answer = queue.get()
    process.join()
    return answer


def _timed_build(register: str, drafts: str, queue) -> None:
    start = time.perf_counter()
    result = build.build(Path(register), Path(drafts), build.Options(jobs=2))
    queue.put((time.perf_counter() - start, result.count("unchanged")))


def _peak_build(register: str, drafts: str, queue) -> None:
    build.build(Path(register), Path(drafts), build.Options(jobs=1))
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
    status = Path("/proc/self/status").read_text()
    queue.put(int(next(line.split()[1] for line in status.splitlines()
                       if line.startswith("VmHWM:"))))


def peak_memory_mb(register: Path, drafts: Path) -> float:
    """Peak RSS of a fresh process running a one-worker build."""
    return _in_fresh_process(_peak_build, str(register), str(drafts)) / 1024


def rendering(count: int, sample: int, root: Path) -> dict[str, float]:
    """Drafts per second of each way of rendering."""
    paths = make_register(root / "register", count)
    print(f"loading {count} inputs, and {count} varied ones …", flush=True)
    loaded = [load_agreement(p) for p in paths]
    varied = [load_agreement(p) for p in make_varied(root / "varied", count)]
    template = builtin_for(loaded[0].document)
    fork = multiprocessing.get_context("fork")
    _WORKER.update(loaded=loaded, varied=varied, template=template, out=root / "out",
                   contexts=[_context(a) for a in loaded[:sample]], next=fork.Value("q", 0))
    (root / "out").mkdir()
    # The inputs and contexts loaded beforehand (some 260,000 objects) are no way's work: a
    # full garbage collection walking them (about 170 ms, at any moment of any way, and in a
    # forked worker copying the pages it touches) is left out of every way alike.
    gc.freeze()
    start = time.perf_counter()
    PreparedTemplate(template)
    print(f"preparing the template (once per process): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms", flush=True)
    # Every way runs in worker processes forked alike from this one: one worker, or two.
    with ProcessPoolExecutor(1, mp_context=fork, initializer=_start_worker,
                             initargs=(str(template),)) as one, \
            ProcessPoolExecutor(2, mp_context=fork, initializer=_start_worker,
                                initargs=(str(template),)) as two:
        for way in WAYS:  # the workers started, each way run once in each
            in_workers(one, 1, way, range(2), f"start-{way}")
        for way in ("prepared", "spin"):
            in_workers(two, 2, way, range(4), f"start-two-{way}")
        seconds = in_rounds({
            "plain": (sample, lambda indices: in_workers(one, 1, "plain", indices)),
            "one-off": (sample, lambda indices: in_workers(one, 1, "one-off", indices)),
            "prepared": (count, lambda indices: in_workers(one, 1, "prepared", indices)),
            "two": (count, lambda indices: in_workers(two, 2, "prepared", indices, "two")),
            "varied": (count, lambda indices: in_workers(one, 1, "varied", indices)),
            "spin": (count, lambda indices: in_workers(one, 1, "spin", indices)),
            "spin two": (count, lambda indices: in_workers(two, 2, "spin", indices)),
        })
    rate = {name: (sample if name in ("plain", "one-off") else count) / seconds[name]
            for name in seconds}
    line("plain docxtpl (DocxTemplate per draft)", sample, seconds["plain"])
    line("pkgen one-off (render_draft)", sample, seconds["one-off"],
         f"{rate['one-off'] / rate['plain']:.2f}x plain docxtpl")
    line("pkgen prepared, 1 worker", count, seconds["prepared"],
         f"{rate['prepared'] / rate['plain']:.1f}x plain docxtpl, "
         f"{rate['prepared'] / rate['one-off']:.1f}x one-off")
    line("pkgen prepared, 2 workers", count, seconds["two"],
         f"{rate['two'] / rate['prepared']:.2f}x 1 worker")
    line("pkgen prepared, 1 worker, varied", count, seconds["varied"],
         f"{rate['varied'] / rate['plain']:.1f}x plain docxtpl")
    print(f"{'the machine: a Python loop, 2 workers':<36} {'':>5}        "
          f"{seconds['spin two']:8.2f} s {rate['spin two'] / rate['spin']:.2f}x 1 worker "
          f"(1 worker {seconds['spin']:.2f} s)", flush=True)
    _WORKER.clear()
    return rate


#: ``pkgen ARGS`` as the installed command runs it; with ``--everything``, every command's
#: module (and the renderer, models and checker they import) imported first, as the command
#: line did when it imported them all to start.
COMMAND = """
import sys
if sys.argv[1] == "--everything":
    import pkgen.checks.entry, pkgen.drafts
    from pkgen.cli import base
    for module in set(base.COMMANDS.values()):
        __import__("pkgen.cli." + module)
    del sys.argv[1]
from pkgen.cli import main
sys.argv[0] = "pkgen"
main()
"""


def command_seconds(args: list[str], everything: bool) -> float:
    """Wall seconds of ``pkgen ARGS`` in a new Python process, from its start to its exit,
    with pkgen as installed (``-P``: not the folder the benchmark runs in) and Python's
    compiled modules kept as an installed pkgen keeps them."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-P", "-c", COMMAND, *(["--everything"] if everything else []),
                    *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def command_noop(register: Path, drafts: Path, runs: int = 7) -> None:
    """The ``pkgen build`` command with nothing to do, as a user times it, taking turns with
    the same command importing everything first; the medians of ``runs`` runs."""
    args = ["build", str(register), "-o", str(drafts)]
    command_seconds(args, True)  # the compiled modules written, as an install does
    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(runs):
        for everything in (False, True):
            times[everything].append(command_seconds(args, everything))
    lazy, eager = statistics.median(times[False]), statistics.median(times[True])
    print(f"{'pkgen build command, nothing changed':<36} {'':>5}        {lazy:8.2f} s "
          f"(median of {runs}; importing every module first {eager:.2f} s, "
          f"{eager / lazy:.1f}x)", flush=True)


def building(count: int, root: Path) -> tuple[float, float]:
    """Seconds of a first build of ``count`` inputs on 2 workers, and of a no-op rebuild,
    each in a fresh process (the time of the build itself, not of starting Python)."""
    register, drafts = str(root / "register"), str(root / "drafts")
    first, _unchanged = _in_fresh_process(_timed_build, register, drafts)
    line("pkgen build, first run, 2 workers", count, first)
    noop, unchanged = _in_fresh_process(_timed_build, register, drafts)
    assert unchanged == count + 1, "the no-op rebuild rendered something"
    print(f"{'pkgen build, nothing changed':<36} {count:>5} drafts {noop:8.2f} s", flush=True)
    command_noop(root / "register", root / "drafts")
    small = max(1, count // 5)
    make_register(root / "small", small)
    low = peak_memory_mb(root / "small", root / "small-drafts")
    high = peak_memory_mb(root / "register", root / "memory-drafts")
    print(f"peak memory, one-worker build: {small} inputs {low:.0f} MB, "
          f"{count} inputs {high:.0f} MB", flush=True)
    return first, noop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=100,
                        help="drafts rendered by each of the two slow ways (default 100)")
    args = parser.parse_args()
    count, sample = args.count, max(ROUNDS, min(args.sample, args.count))
    with tempfile.TemporaryDirectory() as tmp:
        rate = rendering(count, sample, Path(tmp))
        first, noop = building(count, Path(tmp))
    print(f"plain docxtpl {rate['plain']:.1f} drafts/s; one-off {rate['one-off']:.1f} drafts/s; "
          f"1 worker {rate['prepared']:.1f} drafts/s ({rate['prepared'] / rate['plain']:.1f}x "
          f"plain docxtpl); 2 workers {rate['two']:.1f} drafts/s "
          f"({rate['two'] / rate['prepared']:.2f}x 1 worker; the machine's own Python loop "
          f"{rate['spin two'] / rate['spin']:.2f}x)")
    print(f"speedup_1worker={rate['prepared'] / rate['one-off']:.1f} "
          f"speedup_2workers={rate['two'] / rate['prepared']:.2f} noop_{count}_s={noop:.2f} "
          f"build_{count}_s={first:.2f} speedup_vs_docxtpl={rate['prepared'] / rate['plain']:.1f} "
          f"machine_2workers={rate['spin two'] / rate['spin']:.2f}")


if __name__ == "__main__":
    main()
