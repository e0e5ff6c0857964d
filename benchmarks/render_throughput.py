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
- pkgen prepared, 1 worker, varied inputs: as above, on the inputs renamed in every draft.

The two slow ways render S drafts (default 100) and the fast ways all N; the ways take turns
in rounds, so that load from other programs on the machine weighs on each of them alike.
Preparing a template (once per process) is timed apart.

Then ``pkgen build``, each run in a fresh process as a user's (not forked from this one, with
the thousands of inputs it holds): a register of N inputs built with 2 workers (load, check
each input, render, check each draft, install durably), rebuilt with nothing changed (the
no-op rebuild), and the peak memory of a one-worker build of N/5 and of N inputs. The no-op
rebuild is also timed as a user times the ``pkgen build`` command: a new Python process from
its start to its exit, taking turns with the same command made to import every module first.

The last line: ``speedup_1worker`` is one worker's throughput over the one-off render's,
``speedup_2workers`` two workers' over one worker's, ``noop_<N>_s`` the no-op rebuild time,
``build_<N>_s`` the first build's, ``speedup_vs_docxtpl`` one worker's throughput over plain
docxtpl's.
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


def plain_docxtpl(indices: range) -> None:
    for i in indices:
        tpl = DocxTemplate(_WORKER["template"])
        tpl.render(_WORKER["contexts"][i], autoescape=True)
        buffer = io.BytesIO()
        tpl.save(buffer)
        (_WORKER["out"] / f"plain-{i:04d}.docx").write_bytes(buffer.getvalue())


def one_off(indices: range) -> None:
    for i in indices:
        draft = render_draft(_WORKER["loaded"][i])
        (_WORKER["out"] / f"one-off-{i:04d}.docx").write_bytes(draft.data)


def _prepare(template: str) -> None:
    _WORKER["prepared"] = PreparedTemplate(Path(template))


def _render_range(args: tuple[int, int], inputs: str = "loaded", way: str = "one") -> int:
    """Render drafts ``start`` to ``stop`` of ``inputs``, each written to a file of its own
    way's: every way creates its files (creating a file costs more than overwriting one)."""
    start, stop = args
    prepared = _WORKER["prepared"]
    for i in range(start, stop):
        draft = prepared.render(_WORKER[inputs][i])
        (_WORKER["out"] / f"{way}-{inputs}-{i:04d}.docx").write_bytes(draft.data)
    return stop - start


def prepared(indices: range) -> None:
    _render_range((indices.start, indices.stop))


def prepared_varied(indices: range) -> None:
    _render_range((indices.start, indices.stop), "varied")


def two_workers(pool: ProcessPoolExecutor, indices: range, way: str = "two") -> None:
    # Ranges of 5 drafts: a worker left without a range at the end of a round idles for at
    # most one range; with ranges of 25 a round took about 4% longer (paired runs, 9 of 12),
    # and with ranges of 1 the round trips cost more than they save.
    size = 5
    ranges = [(i, min(i + size, indices.stop)) for i in range(indices.start, indices.stop, size)]
    assert sum(pool.map(functools.partial(_render_range, way=way), ranges)) == len(indices)


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
    _WORKER.update(loaded=loaded, varied=varied, template=template, out=root / "out",
                   contexts=[_context(a) for a in loaded[:sample]])
    (root / "out").mkdir()
    # The inputs and contexts loaded beforehand (some 260,000 objects) are no way's work: a
    # full garbage collection walking them (about 170 ms, at any moment of any way, and in a
    # forked worker copying the pages it touches) is left out of every way alike.
    gc.freeze()
    start = time.perf_counter()
    _prepare(str(template))
    print(f"preparing the template (once per process): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms", flush=True)
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(2, mp_context=fork, initializer=_prepare,
                             initargs=(str(template),)) as pool:
        two_workers(pool, range(0, 50), "start")  # both workers started and prepared
        seconds = in_rounds({
            "plain": (sample, plain_docxtpl),
            "one-off": (sample, one_off),
            "prepared": (count, prepared),
            "two": (count, lambda indices: two_workers(pool, indices)),
            "varied": (count, prepared_varied),
        })
    rate = {"plain": sample / seconds["plain"], "one-off": sample / seconds["one-off"],
            "prepared": count / seconds["prepared"], "two": count / seconds["two"],
            "varied": count / seconds["varied"]}
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
          f"({rate['two'] / rate['prepared']:.2f}x 1 worker)")
    print(f"speedup_1worker={rate['prepared'] / rate['one-off']:.1f} "
          f"speedup_2workers={rate['two'] / rate['prepared']:.2f} noop_{count}_s={noop:.2f} "
          f"build_{count}_s={first:.2f} speedup_vs_docxtpl={rate['prepared'] / rate['plain']:.1f}")


if __name__ == "__main__":
    main()
