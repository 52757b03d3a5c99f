"""Load test of the web server: concurrent gradio_client sessions against ``/ask``.

Starts ``planqa serve`` (the real model) in a subprocess on a free loopback port, then
runs N sessions (threads, one ``Client`` each) that ask Q questions each, all at once.
Every answer must come back without error and must fit its own question (its citations
credit the ministry that session asked about), so crossed wires between sessions show up.
Reports p50/p95 latency and the server's peak RSS, prints them as JSON and writes
``benchmarks/results/load_test.json``.

Example:
    python -m benchmarks.load_test --sessions 20 --questions 5
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import psutil  # noqa: E402
from gradio_client import Client  # noqa: E402

from corpus import load_corpus  # noqa: E402

RESULTS = REPO_ROOT / "benchmarks" / "results" / "load_test.json"
MAX_SESSIONS = 64
MAX_QUESTIONS = 20


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(index_dir: Path, startup_s: float = 300.0) -> Iterator[tuple[str, Any]]:
    """``planqa serve`` on a free loopback port, as a user starts it; yields (url, process)."""
    port = _free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, "-m", "ui.cli", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--index-dir", str(index_dir)]
    log = index_dir.parent / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + startup_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"planqa serve exited early:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"planqa serve not up in {startup_s}s")
            time.sleep(0.5)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def session_questions(
    ministry: str, other: str, year: int, count: int
) -> list[tuple[str, list[str], list[str], list[int], bool]]:
    """(question, history, ministry filter, year filter, must cite) about one ministry."""
    kinds = [
        (f"What did {ministry} do in FY{year}?", [], [], [], True),
        (f"How many efforts did {ministry} have?", [], [], [], True),
        (f"What did {ministry} do?", [], [], [year], True),
        (f"And {ministry}?", [f"What did {other} do in FY{year}?"], [], [], True),
        ("What did they do to protect children online?", [], [ministry], [], False),
    ]
    return [kinds[i % len(kinds)] for i in range(count)]


def run_session(
    url: str, ministry: str, other: str, year: int, count: int,
    start: threading.Barrier, timeout_s: float,
) -> list[dict[str, Any]]:
    """One client asking its questions in turn; one record per question."""
    client = Client(url, verbose=False)
    start.wait(timeout=timeout_s)
    records = []
    for question, history, ministries, years, must_cite in session_questions(
        ministry, other, year, count
    ):
        began = time.perf_counter()
        record: dict[str, Any] = {"ministry": ministry, "question": question}
        try:
            job = client.submit(question, history, ministries, years, api_name="/ask")
            answer = job.result(timeout=timeout_s)
            record["latency_s"] = time.perf_counter() - began
            cited = [c["ministries"] for c in answer["citations"]]
            fits = (
                answer["question"] == question
                and all(ministry in m for m in cited)
                and (bool(cited) or not must_cite)
            )
            record["ok"] = fits
            if not fits:
                record["problem"] = f"answer does not fit: cited {cited}, kind {answer['kind']}"
        except Exception as error:  # noqa: BLE001 - every failure is counted, not raised
            record["latency_s"] = time.perf_counter() - began
            record["ok"] = False
            record["error"] = f"{type(error).__name__}: {error}"
        records.append(record)
    client.close()
    return records


def watch_rss(pid: int, stop: threading.Event, peak: list[int]) -> None:
    """Sample the server's resident memory (with any children) until told to stop."""
    process = psutil.Process(pid)
    while not stop.is_set():
        try:
            rss = process.memory_info().rss
            rss += sum(c.memory_info().rss for c in process.children(recursive=True))
        except psutil.Error:
            return
        peak[0] = max(peak[0], rss)
        stop.wait(0.05)


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 \
        else (values[0] if values else float("nan"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--questions", type=int, default=5, help="questions per session")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per answer")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if not (1 <= args.sessions <= MAX_SESSIONS and 1 <= args.questions <= MAX_QUESTIONS):
        parser.error(f"sessions must be 1..{MAX_SESSIONS}, questions 1..{MAX_QUESTIONS}")

    corpus = load_corpus()
    busy = [m for m, _ in Counter(
        m for _, _, _, e in corpus.efforts() for m in e.ministries
    ).most_common()]
    year = max(corpus.fiscal_years)

    with tempfile.TemporaryDirectory(prefix="planqa-load-") as tmp:
        started = time.perf_counter()
        with running_server(Path(tmp) / "indexes") as (url, proc):
            startup_s = time.perf_counter() - started
            server = psutil.Process(proc.pid)
            rss_idle = server.memory_info().rss
            peak = [rss_idle]
            stop = threading.Event()
            watcher = threading.Thread(target=watch_rss, args=(proc.pid, stop, peak), daemon=True)
            watcher.start()
            barrier = threading.Barrier(args.sessions)
            began = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.sessions) as pool:
                futures = [
                    pool.submit(run_session, url, busy[i % len(busy)],
                                busy[(i + 1) % len(busy)], year, args.questions,
                                barrier, args.timeout)
                    for i in range(args.sessions)
                ]
                records = [r for f in futures for r in f.result()]
            wall_s = time.perf_counter() - began
            stop.set()
            watcher.join()

    latencies = [r["latency_s"] for r in records if "error" not in r]
    errors = [r for r in records if "error" in r]
    misfits = [r for r in records if "error" not in r and not r["ok"]]
    report = {
        "sessions": args.sessions,
        "questions_per_session": args.questions,
        "requests": len(records),
        "errors": len(errors),
        "mismatched_answers": len(misfits),
        "latency_ms": {
            "p50": round(percentile(latencies, 50) * 1000, 1),
            "p95": round(percentile(latencies, 95) * 1000, 1),
            "max": round(max(latencies, default=float("nan")) * 1000, 1),
        },
        "wall_s": round(wall_s, 2),
        "requests_per_s": round(len(records) / wall_s, 1),
        "server_startup_s": round(startup_s, 1),
        "server_rss_mb": {"idle": round(rss_idle / 2**20, 1), "peak": round(peak[0] / 2**20, 1)},
        "server": {"concurrency_limit": 4, "queue_max_size": 64, "host": "127.0.0.1"},
        "environment": {
            "python": platform.python_version(),
            "gradio": metadata.version("gradio"),
            "cpus": psutil.cpu_count(),
        },
        "failures": [*errors, *misfits][:10],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0 if not errors and not misfits else 1


if __name__ == "__main__":
    sys.exit(main())
