"""How does ``pkgen serve`` hold up when a whole office uses it at once? A load test on loopback.

Starts ``pkgen serve`` (its own process, on 127.0.0.1 and a free port) on a fresh register
holding the examples, then runs USERS simulated users at the same time. Each one, like an
officer filling in an agreement:

1. opens the TPA example in the form and types a new title, the page checking it as it goes
   (CHECKS live checks);
2. saves it as a new input of the register, opens it again, edits and saves over it;
3. previews the draft (LibreOffice makes the PDF and the page pictures; the user's page asks
   for the state until it is ready) and looks at the first page;
4. downloads the .docx and the PDF, and looks at the register.

Every request is timed; a request fails when its status is not the one expected or what it
returns is not what it should be (a .docx, a PDF, a PNG). At the end each user's saved file is
read back: a save is lost when the file does not hold that user's last title. Bounded: a
fixed number of requests per user, and every wait has a deadline. Loopback only.

Run: ``python benchmarks/web_load.py [USERS] [CHECKS]`` (defaults 20 and 10).
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import httpx2 as httpx

from pkgen.inputs import load_agreement
from pkgen.web.fields import form_items, form_nodes, split
from pkgen.yamlread import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pks-tpa-kota-kab-mojokerto.yaml"
DEADLINE = 600.0  # seconds for the whole run
_timings: dict[str, list[float]] = defaultdict(list)
_failures: list[str] = []
_lock = threading.Lock()


class Failed(Exception):
    """A request did not return what it should."""


def start_server(register: Path) -> tuple[subprocess.Popen, str]:
    """``pkgen serve`` on a free loopback port; its address once it answers."""
    process = subprocess.Popen([sys.executable, "-c", "from pkgen.cli import main; main()",
                                "serve", str(register),
                                "--port", "0"], stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    url = re.search(r"(http://127\.0\.0\.1:\d+)/", line).group(1)
    return process, url


def timed(kind: str, send, expect: int, check=None):
    """Send one request, time it, and record a failure when it is not what it should be."""
    start = time.perf_counter()
    try:
        response = send()
    except httpx.HTTPError as err:
        with _lock:
            _failures.append(f"{kind}: {err!r}")
        raise Failed(kind) from err
    elapsed = time.perf_counter() - start
    with _lock:
        _timings[kind].append(elapsed)
    if response.status_code != expect or (check and not check(response)):
        with _lock:
            _failures.append(f"{kind}: HTTP {response.status_code}")
        raise Failed(kind)
    return response


def fields_of(text: str, title: str, name: str, base: str) -> list[tuple[str, str]]:
    """The form's fields for the example with ``title``, as the page posts them."""
    data = parse_yaml(text.encode("utf-8"), EXAMPLE).data
    data["tentang"] = title
    shown, _rest = split(data, form_nodes("PKS"))
    return [*form_items(shown), ("_nama", name), ("_dasar", base)]


def posted(fields: list[tuple[str, str]], csrf: dict) -> dict:
    """The arguments of a form POST, as a browser encodes it."""
    return {"content": urlencode(fields).encode(), "headers": {
        **csrf, "Content-Type": "application/x-www-form-urlencoded"}}


def user(url: str, number: int, checks: int) -> str:
    """One officer's session; returns the title last saved."""
    name = f"pengguna-{number:02d}.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    with httpx.Client(base_url=url, timeout=120, follow_redirects=False) as client:
        page = timed("open form", lambda: client.get(
            "/ubah", params={"berkas": EXAMPLE.name}), 200)
        csrf = {"X-CSRF-Token": re.search(r'data-csrf="([0-9a-f]+)"', page.text).group(1)}
        title = f"Pemrosesan Sampah Regional Pengguna {number}"
        for n in range(1, checks + 1):  # typing the title, checked as it goes
            partial = title[: len(title) * n // checks]
            timed("live check", lambda p=partial: client.post(
                "/api/periksa", **posted(fields_of(text, p, name, ""), csrf)), 200,
                lambda r: "findings" in r.json())
        timed("save (new)", lambda: client.post(
            "/simpan", **posted(fields_of(text, title, name, ""), csrf)), 303)
        page = timed("open form", lambda: client.get("/ubah", params={"berkas": name}), 200)
        base = re.search(r'name="_dasar" value="([0-9a-f]+)"', page.text).group(1)
        title += " (diperbaiki)"
        timed("save (update)", lambda: client.post(
            "/simpan", **posted(fields_of(text, title, name, base), csrf)), 303)
        preview = timed("preview", lambda: client.post(
            "/pratinjau", **posted(fields_of(text, title, name, base), csrf)), 303)
        location = preview.headers["location"]
        key = location.split("/")[2].split("?")[0]
        timed("preview page", lambda: client.get(location), 200)
        started = time.perf_counter()
        for _ in range(600):
            state = timed("preview state", lambda: client.get(
                f"/pratinjau/{key}/status"), 200).json()
            if state["state"] != "converting":
                break
            time.sleep(0.5)
        if state["state"] != "ready":
            raise Failed(f"preview {state}")
        with _lock:
            _timings["preview ready (wait)"].append(time.perf_counter() - started)
        timed("page picture", lambda: client.get(f"/pratinjau/{key}/halaman/1.png"), 200,
              lambda r: r.content[:4] == b"\x89PNG")
        timed("download docx", lambda: client.get(f"/pratinjau/{key}/draf.docx"), 200,
              lambda r: r.content[:2] == b"PK")
        timed("download pdf", lambda: client.get(f"/pratinjau/{key}/draf.pdf"), 200,
              lambda r: r.content[:5] == b"%PDF-")
        timed("register", lambda: client.get("/"), 200)
    return title


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> None:
    users = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    checks = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    folder = Path(tempfile.mkdtemp(prefix="pkgen-beban-"))
    register = folder / "register"
    register.mkdir()
    for example in (ROOT / "examples").glob("*.yaml"):
        shutil.copy(example, register / example.name)
    process, url = start_server(register)
    start = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=users) as pool:
            futures = {n: pool.submit(user, url, n, checks) for n in range(1, users + 1)}
            titles = {}
            for n, future in futures.items():
                try:
                    titles[n] = future.result(timeout=max(1.0, DEADLINE - (
                        time.perf_counter() - start)))
                except Exception as err:  # noqa: BLE001 - counted and reported below
                    _failures.append(f"user {n}: {err!r}")
        elapsed = time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=30)
    lost = [n for n, title in titles.items() if load_agreement(
        register / f"pengguna-{n:02d}.yaml").document.tentang != title]
    report(users, checks, elapsed, lost, users - len(titles))
    shutil.rmtree(folder, ignore_errors=True)


def report(users: int, checks: int, elapsed: float, lost: list[int], unfinished: int) -> None:
    """Print the latencies per kind of request, the failures and the lost saves."""
    requests = sum(len(v) for k, v in _timings.items() if k != "preview ready (wait)")
    print(f"{users} users, {checks} live checks each: {requests} requests in {elapsed:.1f} s")
    print(f"{'request':<22}{'count':>7}{'median ms':>12}{'p95 ms':>10}{'max ms':>10}")
    every = []
    for kind, values in _timings.items():
        if kind != "preview ready (wait)":
            every += values
        print(f"{kind:<22}{len(values):>7}{statistics.median(values) * 1000:>12.0f}"
              f"{percentile(values, 0.95) * 1000:>10.0f}{max(values) * 1000:>10.0f}")
    print(f"{'all requests':<22}{len(every):>7}{statistics.median(every) * 1000:>12.0f}"
          f"{percentile(every, 0.95) * 1000:>10.0f}{max(every) * 1000:>10.0f}")
    print(f"failed requests: {len(_failures)}; users not finished: {unfinished}; "
          f"lost saves: {len(lost)}")
    for failure in _failures[:10]:
        print(f"  {failure}")


if __name__ == "__main__":
    main()
