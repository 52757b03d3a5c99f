"""Load test of the web server: concurrent gradio_client sessions against ``/ask``.

Starts ``planqa serve`` (the real model) in a subprocess on a free loopback port, then
runs N sessions (threads, one ``Client`` each) all at once, in one of two modes:

- ``--questions Q``: each session asks Q questions. Every answer must come back without
  error and must fit its own question (its citations credit the ministry that session asked
  about), so crossed wires between sessions show up.
- ``--duration S``: each session keeps asking, one question after another, for S seconds.
  Each question is *answered* (an answer that fits), *refused* (the server's clean refusal
  when its queue is full: HTTP 503 on joining the queue, which gradio_client raises as
  ``QueueError``; the session waits a second and asks again) or *failed* (anything else:
  a timeout, a wrong answer, an error). A client-side timeout is a failure, not a refusal:
  the server never said no.

Reports p50/p95 latency of the answers and the server's peak RSS, prints them as JSON and
writes ``benchmarks/results/load_test.json``.

gradio_client's HTTP calls (connecting, joining the queue) use httpx's default timeout of
5 s unless ``--client-timeout`` sets another; on a loaded server joining the queue can take
longer than that (see ``--client-timeout``).

Example:
    python -m benchmarks.load_test --sessions 20 --questions 5
    python -m benchmarks.load_test --sessions 100 --duration 60
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
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
from concurrent.futures import CancelledError, ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import httpx  # noqa: E402
import psutil  # noqa: E402
from gradio_client import Client  # noqa: E402
from gradio_client.utils import QueueError  # noqa: E402

from corpus import load_corpus  # noqa: E402

RESULTS = REPO_ROOT / "benchmarks" / "results" / "load_test.json"
MAX_SESSIONS = 100
MAX_QUESTIONS = 20
MAX_DURATION_S = 600.0
RETRY_PAUSE_S = 1.0
"""How long a session waits after a refusal or a failure before it asks again."""

Question = tuple[str, list[str], list[str], list[int], bool]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(
    index_dir: Path,
    startup_s: float = 300.0,
    *,
    repo_root: Path = REPO_ROOT,
    log: Path | None = None,
) -> Iterator[tuple[str, Any]]:
    """``planqa serve`` on a free loopback port, as a user starts it; yields (url, process).

    The server runs the code of ``repo_root`` (its working folder and ``PYTHONPATH``), so
    another checkout of planqa can be measured with the same benchmark. Its output goes to
    ``log`` (default: ``server.log`` next to ``index_dir``).
    """
    port = _free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONPATH": str(repo_root)}
    command = [sys.executable, "-m", "ui.cli", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--index-dir", str(index_dir)]
    log = log or index_dir.parent / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, cwd=repo_root, env=env, stdout=out,
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


def session_questions(ministry: str, other: str, year: int, count: int) -> list[Question]:
    """(question, history, ministry filter, year filter, must cite) about one ministry."""
    kinds = [
        (f"What did {ministry} do in FY{year}?", [], [], [], True),
        (f"How many efforts did {ministry} have?", [], [], [], True),
        (f"What did {ministry} do?", [], [], [year], True),
        (f"And {ministry}?", [f"What did {other} do in FY{year}?"], [], [], True),
        ("What did they do to protect children online?", [], [ministry], [], False),
    ]
    return [kinds[i % len(kinds)] for i in range(count)]


def connect(url: str, client_timeout_s: float | None) -> Client:
    """A gradio_client ``Client``; ``client_timeout_s`` replaces httpx's default of 5 s.

    Over plain HTTP certificates are never checked, yet with ``ssl_verify`` on every httpx
    client gradio_client makes (one or more per question) loads the CA bundle first, about
    25 ms of CPU each: on a small machine the load generator would take the CPU the server
    needs, so it is off.
    """
    kwargs = None if client_timeout_s is None else {"timeout": client_timeout_s}
    return Client(url, verbose=False, httpx_kwargs=kwargs,
                  ssl_verify=not url.startswith("http://"))


def failure_kind(error: BaseException, timeout_s: float) -> str:
    """What went wrong, in a few words that group alike failures ("ReadTimeout on …")."""
    if isinstance(error, TimeoutError):
        return f"no answer within {timeout_s:g} s"
    if isinstance(error, CancelledError):
        # gradio_client's way of saying its answer stream ended before the answer came
        return "CancelledError: the answer stream closed first"
    kind = type(error).__name__
    if isinstance(error, httpx.HTTPError):
        with contextlib.suppress(RuntimeError):  # an httpx error may carry no request
            kind += f" on {error.request.method} {error.request.url.path}"
    return kind


def ask_one(
    client: Client, ministry: str, asked: Question, timeout_s: float
) -> dict[str, Any]:
    """Ask one question; the record says whether it was answered, refused or failed."""
    question, history, ministries, years, must_cite = asked
    began = time.perf_counter()
    record: dict[str, Any] = {"ministry": ministry, "question": question}
    job = None
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
        record["outcome"] = "answered" if fits else "failed"
        if not fits:
            record["kind"] = "wrong answer"
            record["problem"] = f"answer does not fit: cited {cited}, kind {answer['kind']}"
    except Exception as error:  # noqa: BLE001 - every failure is counted, not raised
        record["latency_s"] = time.perf_counter() - began
        record["ok"] = False
        record["error"] = f"{type(error).__name__}: {error}"
        if isinstance(error, QueueError):
            record["outcome"] = "refused"
        else:
            record["outcome"] = "failed"
            record["kind"] = failure_kind(error, timeout_s)
            if job is not None and not job.done():
                # Take it off the server's queue if it still waits there; a cancel that
                # itself fails changes nothing about this record.
                with contextlib.suppress(Exception):
                    job.cancel()
    return record


def run_session(
    url: str, ministry: str, other: str, year: int, count: int,
    start: threading.Barrier, timeout_s: float, client_timeout_s: float | None = None,
) -> list[dict[str, Any]]:
    """One client asking its questions in turn; one record per question."""
    client = connect(url, client_timeout_s)
    start.wait(timeout=timeout_s)
    records = [ask_one(client, ministry, asked, timeout_s)
               for asked in session_questions(ministry, other, year, count)]
    client.close()
    return records


def keep_asking(
    url: str, ministry: str, other: str, year: int, *,
    start: threading.Barrier, duration_s: float, timeout_s: float,
    client_timeout_s: float | None,
) -> list[dict[str, Any]]:
    """One client asking question after question for ``duration_s``; one record per question.

    A question asked before the time is up is waited for. After a refusal or a failure
    the session pauses :data:`RETRY_PAUSE_S`, as a person would before trying again. A
    client that cannot connect is a failure too, and the session tries again.
    """
    records: list[dict[str, Any]] = []

    def try_connect() -> Client | None:
        began = time.perf_counter()
        try:
            return connect(url, client_timeout_s)
        except Exception as error:  # noqa: BLE001 - counted as a failed question
            records.append({
                "ministry": ministry, "question": None, "outcome": "failed", "ok": False,
                "kind": "connecting: " + failure_kind(error, timeout_s),
                "error": f"{type(error).__name__}: {error}",
                "latency_s": time.perf_counter() - began,
            })
            return None

    client: Client | None = try_connect()
    with contextlib.suppress(threading.BrokenBarrierError):
        start.wait(timeout=timeout_s)
    deadline = time.monotonic() + duration_s
    questions = itertools.cycle(session_questions(ministry, other, year, 5))
    while time.monotonic() < deadline:
        if client is None:
            client = try_connect()
            ready = client is not None
        else:
            record = ask_one(client, ministry, next(questions), timeout_s)
            records.append(record)
            ready = record["outcome"] == "answered"
        if not ready:
            time.sleep(max(0.0, min(RETRY_PAUSE_S, deadline - time.monotonic())))
    if client is not None:
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


def probe_server(url: str, stop: threading.Event, latencies: list[float]) -> None:
    """Time a trivial request (``GET /gradio_api/app_id``) once a second until told to stop.

    It shows how long the loaded server takes to answer any HTTP request at all, such as
    the one that joins its queue; a probe that gets no answer in 60 s counts as 60 s.
    """
    with httpx.Client(timeout=60.0) as client:
        while not stop.is_set():
            began = time.perf_counter()
            with contextlib.suppress(httpx.HTTPError):
                client.get(url + "gradio_api/app_id")
            latencies.append(time.perf_counter() - began)
            stop.wait(1.0)


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 \
        else (values[0] if values else float("nan"))


def latency_ms(latencies: list[float]) -> dict[str, float | None]:
    if not latencies:
        return {"p50": None, "p95": None, "max": None}  # JSON has no NaN
    return {
        "p50": round(percentile(latencies, 50) * 1000, 1),
        "p95": round(percentile(latencies, 95) * 1000, 1),
        "max": round(max(latencies, default=float("nan")) * 1000, 1),
    }


def duration_report(records: list[dict[str, Any]], wall_s: float) -> dict[str, Any]:
    """The counts of a ``--duration`` run: answered, refused cleanly, failed (by kind)."""
    by_outcome = {o: [r for r in records if r["outcome"] == o]
                  for o in ("answered", "refused", "failed")}
    answered = by_outcome["answered"]
    return {
        "questions": len(records),
        "answered": len(answered),
        "refused_cleanly": len(by_outcome["refused"]),
        "failed": len(by_outcome["failed"]),
        "failed_by_kind": dict(Counter(r["kind"] for r in by_outcome["failed"]).most_common()),
        "answered_per_s": round(len(answered) / wall_s, 2),
        "latency_ms": latency_ms([r["latency_s"] for r in answered]),
        "refusal_latency_ms": latency_ms([r["latency_s"] for r in by_outcome["refused"]]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--questions", type=int, help="questions per session (default 5)")
    mode.add_argument("--duration", type=float,
                      help="seconds each session keeps asking, instead of --questions")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per answer")
    parser.add_argument(
        "--client-timeout", type=float, default=None,
        help="seconds for each of gradio_client's HTTP calls (connect, join the queue); "
             "default: gradio_client's, httpx's 5 s. It also bounds the wait between two "
             "messages of the answer stream, which the server keeps alive every 15 s: "
             "use 30 or more",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.duration is None and args.questions is None:
        args.questions = 5
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"sessions must be 1..{MAX_SESSIONS}")
    if args.questions is not None and not 1 <= args.questions <= MAX_QUESTIONS:
        parser.error(f"questions must be 1..{MAX_QUESTIONS}")
    if args.duration is not None and not 1 <= args.duration <= MAX_DURATION_S:
        parser.error(f"duration must be 1..{MAX_DURATION_S:g} seconds")

    corpus = load_corpus()
    busy = [m for m, _ in Counter(
        m for _, _, _, e in corpus.efforts() for m in e.ministries
    ).most_common()]
    year = max(corpus.fiscal_years)
    load_at_start = os.getloadavg()

    with tempfile.TemporaryDirectory(prefix="planqa-load-") as tmp:
        started = time.perf_counter()
        with running_server(Path(tmp) / "indexes") as (url, proc):
            startup_s = time.perf_counter() - started
            server = psutil.Process(proc.pid)
            rss_idle = server.memory_info().rss
            cpu_before = sum(server.cpu_times()[:2]), sum(psutil.Process().cpu_times()[:2])
            peak = [rss_idle]
            stop = threading.Event()
            watcher = threading.Thread(target=watch_rss, args=(proc.pid, stop, peak), daemon=True)
            watcher.start()
            probes: list[float] = []
            prober = threading.Thread(target=probe_server, args=(url, stop, probes), daemon=True)
            prober.start()
            began = time.perf_counter()
            ready: list[float] = []  # when every session had connected: the clock starts then
            barrier = threading.Barrier(args.sessions,
                                        action=lambda: ready.append(time.perf_counter()))
            with ThreadPoolExecutor(max_workers=args.sessions) as pool:
                futures = [
                    pool.submit(keep_asking, url, busy[i % len(busy)],
                                busy[(i + 1) % len(busy)], year, start=barrier,
                                duration_s=args.duration, timeout_s=args.timeout,
                                client_timeout_s=args.client_timeout)
                    if args.duration is not None else
                    pool.submit(run_session, url, busy[i % len(busy)],
                                busy[(i + 1) % len(busy)], year, args.questions,
                                barrier, args.timeout, args.client_timeout)
                    for i in range(args.sessions)
                ]
                records = [r for f in futures for r in f.result()]
            wall_s = time.perf_counter() - (ready[0] if ready else began)
            stop.set()
            watcher.join()
            prober.join()
            cpu_s = {"server": sum(server.cpu_times()[:2]) - cpu_before[0],
                     "load_generator": sum(psutil.Process().cpu_times()[:2]) - cpu_before[1]}

    if args.duration is not None:
        report: dict[str, Any] = {"sessions": args.sessions, "duration_s": args.duration,
                                  **duration_report(records, wall_s)}
        failures = [r for r in records if r["outcome"] == "failed"]
    else:
        errors = [r for r in records if "error" in r]
        misfits = [r for r in records if "error" not in r and not r["ok"]]
        report = {
            "sessions": args.sessions,
            "questions_per_session": args.questions,
            "requests": len(records),
            "errors": len(errors),
            "mismatched_answers": len(misfits),
            "latency_ms": latency_ms([r["latency_s"] for r in records if "error" not in r]),
            "requests_per_s": round(len(records) / wall_s, 1),
        }
        failures = [*errors, *misfits]
    report |= {
        "wall_s": round(wall_s, 2),
        "server_startup_s": round(startup_s, 1),
        "server_rss_mb": {"idle": round(rss_idle / 2**20, 1), "peak": round(peak[0] / 2**20, 1)},
        "server_http_latency_ms": {**latency_ms(probes), "probes": len(probes)},
        "cpu_s": {k: round(v, 1) for k, v in cpu_s.items()},
        "server": {"concurrency_limit": 4, "queue_max_size": 64, "host": "127.0.0.1"},
        "client": {"gradio_client": metadata.version("gradio_client"),
                   # None: gradio_client passes no timeout, so httpx's default of 5 s holds
                   "http_timeout_s": args.client_timeout,
                   "answer_timeout_s": args.timeout, "ssl_verify": False},
        "environment": {
            "python": platform.python_version(),
            "gradio": metadata.version("gradio"),
            "cpus": psutil.cpu_count(),
            "load_average_at_start": [round(x, 2) for x in load_at_start],
        },
        "failures": failures[:10],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
