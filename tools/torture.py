"""Torture test of ``pkgen build``: kill it at random moments while people edit the drafts.

Each trial changes a few inputs, sometimes damages or removes the manifest, starts ``pkgen
build`` (``--jobs 1`` or ``2``) in a process of its own, saves hand edits into drafts while it
runs (as Word saves: a new file renamed over the old), and stops it with SIGKILL, SIGTERM or
SIGINT while it renders, while it installs, or at any moment. Then it checks that

- every .docx in the drafts folder opens;
- every draft is a version pkgen wrote, unedited, or carries the hand edits made to it;
- every edit ever made is still on disk (in its draft, or beside it);
- the build's worker processes ended with it;
- the next build succeeds, leaves a manifest that matches the disk, and takes no draft for
  hand-edited that nobody edited; after it every unedited draft is current.

Run: ``python tools/torture.py [--trials 30] [--seed 1]``; prints its figures and exits 1 if
any check failed.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from collections import Counter
from pathlib import Path

from docx import Document

from pkgen import build as b
from pkgen.build.store import load_manifest
from pkgen.docx_text import document_text
from pkgen.fingerprint import Package, UnreadableError, fingerprint, match, read_properties

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SIGNALS = {"SIGKILL": signal.SIGKILL, "SIGTERM": signal.SIGTERM, "SIGINT": signal.SIGINT}
DAMAGES = [None, "", "[]", "null", "{rusak", '{"drafts": []}']


class Torture:
    """One register, one drafts folder, many interrupted builds."""

    def __init__(self, root: Path, rng: random.Random, inputs: int) -> None:
        self.rng, self.register, self.drafts = rng, root / "register", root / "drafts"
        self.edits: dict[str, str] = {}  # marker -> the file it was saved into
        self.counts: Counter = Counter()
        self.failures: list[str] = []
        self._make_register(inputs)

    def _make_register(self, inputs: int) -> None:
        (self.register / "tpa").mkdir(parents=True)
        for name in ("pks-tpa-kota-kab-mojokerto", "ksb-tpa-kota-kab-mojokerto"):
            shutil.copy(EXAMPLES / f"{name}.yaml", self.register / "tpa")
        source = (EXAMPLES / "pks-pariwisata-disporabudpar-swasta.yaml").read_text()
        for n in range(inputs - 2):
            (self.register / f"pks-{n:02d}.yaml").write_text(source.replace(
                "tentang: Pengembangan", f"tentang: ({n}) Pengembangan", 1))

    # --- one trial ------------------------------------------------------------------------

    def trial(self, number: int) -> None:
        self._change_inputs(number)
        damage = self.rng.choice(DAMAGES) if self.rng.random() < 0.25 else "keep"
        if damage != "keep" and (self.drafts / b.MANIFEST).exists():
            self.counts["manifests damaged or removed"] += 1
            if damage is None:
                (self.drafts / b.MANIFEST).unlink()
            else:
                (self.drafts / b.MANIFEST).write_text(damage)
        jobs = self.rng.choice([1, 2])
        self.counts[f"builds with --jobs {jobs}"] += 1
        errors = self.register.parent / "build-stderr.txt"
        process = subprocess.Popen(
            [sys.executable, "-c", "from pkgen.cli import main; main()", "build",
             str(self.register), "-o", str(self.drafts), "--jobs", str(jobs)],
            stdout=subprocess.DEVNULL, stderr=errors.open("w"),
            cwd=self.register.parent)  # the installed pkgen, never a source tree in the cwd
        editor = threading.Thread(target=self._edit_while, args=(process, number))
        editor.start()
        workers = self._interrupt(process)
        editor.join()
        said = errors.read_text()
        if "Traceback" in said and "KeyboardInterrupt" not in said:  # Ctrl-C while starting
            self.failures.append(f"trial {number}: the build crashed: {said[-600:]}")
        self._check_workers_ended(workers)
        self._check_files(f"trial {number}, after the interrupted build")
        self._check_next_build(number)

    def _change_inputs(self, number: int) -> None:
        inputs = sorted(self.register.rglob("*.yaml"))
        for path in self.rng.sample(inputs, self.rng.randint(1, 4)):
            lines = path.read_text().splitlines()
            i = next(n for n, line in enumerate(lines) if line.startswith("tentang: "))
            lines[i] = lines[i].split(" (revisi")[0] + f" (revisi {number})"
            path.write_text("\n".join(lines) + "\n")

    def _interrupt(self, process: subprocess.Popen) -> list[int]:
        """Stop the build at a random moment; return its worker processes' ids."""
        name = self.rng.choice([*SIGNALS, *SIGNALS, *SIGNALS, "none"])
        phase = self.rng.choice(["rendering", "installing", "any moment"])
        workers: set[int] = set()
        start, deadline = time.monotonic(), time.monotonic() + 60
        delay = {"rendering": self.rng.uniform(0, 0.4), "installing": self.rng.uniform(0, 0.03),
                 "any moment": self.rng.uniform(0.2, 2.5)}[phase]
        marker = {"rendering": self.drafts / b.STAGING, "installing": self.drafts / b.JOURNAL,
                  "any moment": None}[phase]
        seen_at = None
        while process.poll() is None and time.monotonic() < deadline:
            workers |= set(_children(process.pid))
            if seen_at is None and (marker is None or marker.exists()):
                seen_at = time.monotonic() if marker is not None else start
            if name != "none" and seen_at is not None and time.monotonic() - seen_at >= delay:
                process.send_signal(SIGNALS[name])
                self.counts["kills"] += 1
                self.counts[f"kills by {name}"] += 1
                self.counts[f"kills while {phase}"] += 1
                break
            time.sleep(0.002)
        process.wait(60)
        if name == "none" or process.returncode == 0:
            self.counts["builds not stopped in time (finished)"] += 1
        return sorted(workers)

    def _edit_while(self, process: subprocess.Popen, number: int) -> None:
        """Save hand edits into random drafts while the build runs (and once before)."""
        for k in range(self.rng.randint(1, 3)):
            time.sleep(self.rng.uniform(0, 0.6))
            files = [p for p in self.drafts.rglob("*.docx") if ".redline" not in p.name
                     and not any(part.startswith(".") for part in
                                 p.relative_to(self.drafts).parts)]  # not pkgen's staging
            if not files:
                return
            self._save_edit(self.rng.choice(files), f"SUNTINGAN-{number}-{k}")

    def _save_edit(self, path: Path, marker: str) -> None:
        tmp = path.with_name(f"~WRL{uuid.uuid4().hex[:8]}.tmp")
        try:
            doc = Document(str(path))
            doc.add_paragraph(f"Catatan tangan {marker}")
            doc.save(str(tmp))
            Path(tmp).replace(path)
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):
            tmp.unlink(missing_ok=True)  # the draft was being replaced: the editor retries later
            return
        self.edits[marker] = str(path.relative_to(self.drafts))
        self.counts["edits made"] += 1

    # --- checks ---------------------------------------------------------------------------

    def _check_workers_ended(self, workers: list[int]) -> None:
        deadline = time.monotonic() + 5
        while any(_running(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [w for w in workers if _running(w)]
        self.counts["worker processes left running"] += len(left)
        if left:
            self.failures.append(f"worker processes outlived the build: {left}")

    def _check_files(self, when: str) -> dict[str, str]:
        """Every .docx opens; every edit made is on disk. Returns each file's text."""
        texts = {}
        for path in self.drafts.rglob("*.docx"):
            try:
                texts[str(path.relative_to(self.drafts))] = document_text(Document(str(path)))
            except Exception as err:  # noqa: BLE001 - any failure to open is the finding
                self.failures.append(f"{when}: {path.name} does not open: {err}")
        everything = "\n".join(texts.values())
        lost = [m for m in self.edits if m not in everything]
        self.counts["edits lost"] = max(self.counts["edits lost"], len(lost))
        if lost:
            self.failures.append(f"{when}: edits lost: {lost}")
        return texts

    def _check_next_build(self, number: int) -> None:
        when = f"trial {number}, the next build"
        damaged = load_manifest(self.drafts)[1] is not None  # still, if not rebuilt meanwhile
        result = b.build(self.register, self.drafts, b.Options(jobs=1))
        expected = 2 if damaged else 0
        if result.exit_code != expected or result.count("failed"):
            self.failures.append(f"{when}: exit code {result.exit_code}, expected {expected}")
        texts = self._check_files(when)
        for item in result.items:
            if item.state in ("edited", "edited-stale") and "SUNTINGAN-" not in texts.get(
                    item.draft, ""):
                self.counts["false hand-edits"] += 1
                self.failures.append(f"{when}: {item.draft} taken for hand-edited")
            self._check_version(item.draft, texts, when)
        self._check_manifest(when)
        plan = b.plan(self.register, self.drafts, b.Options())
        stale = [i.draft for i in plan.items if i.state not in ("unchanged", "edited")]
        if stale:
            self.failures.append(f"{when}: not current after it: {stale}")
        self.counts["drafts checked"] += len(result.items)

    def _check_version(self, draft: str, texts: dict[str, str], when: str) -> None:
        """A draft is a version pkgen wrote, unedited, or one a person edited."""
        path = self.drafts / draft
        if "SUNTINGAN-" in texts.get(draft, ""):
            return
        try:
            package = Package.read(path)
            stamped = read_properties(package).get("pkgen.fingerprint")
            if not match(stamped, fingerprint(package)):
                self.failures.append(f"{when}: {draft} is neither pkgen's nor edited")
        except UnreadableError as err:
            self.failures.append(f"{when}: {draft}: {err}")

    def _check_manifest(self, when: str) -> None:
        if (self.drafts / b.STAGING).exists() or (self.drafts / b.JOURNAL).exists():
            self.failures.append(f"{when}: staging or journal left behind")
        entries = json.loads((self.drafts / b.MANIFEST).read_text())["drafts"]
        for entry in entries.values():
            for copy in filter(None, (entry["draft"], entry["beside"])):
                path = self.drafts / copy["path"]
                if not path.exists():
                    continue
                stat = path.stat()
                if [stat.st_size, stat.st_mtime_ns, stat.st_ino] == copy["stat"] and not match(
                        copy["record"]["fingerprint"], fingerprint(path)):
                    self.failures.append(f"{when}: the manifest is wrong about {copy['path']}")


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from every /proc/N/stat (not every kernel has
    /proc/N/task/N/children)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if fields and int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--inputs", type=int, default=14)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        torture = Torture(Path(tmp), random.Random(args.seed), args.inputs)
        b.build(torture.register, torture.drafts, b.Options(jobs=2))
        for number in range(1, args.trials + 1):
            torture.trial(number)
    counts = torture.counts
    print(f"trials: {args.trials}, seed {args.seed}, {args.inputs} inputs, "
          f"{time.monotonic() - started:.0f} s")
    for key in sorted(counts):
        print(f"{key}: {counts[key]}")
    print(f"edits made: {counts['edits made']}, edits lost: {counts['edits lost']}, "
          f"false hand-edits: {counts['false hand-edits']}, failures: {len(torture.failures)}")
    for failure in torture.failures:
        print(f"FAILED: {failure}")
    return 1 if torture.failures else 0


if __name__ == "__main__":
    sys.exit(main())
