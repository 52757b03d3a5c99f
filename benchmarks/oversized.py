"""The server's memory under oversized requests: six 100 MB POSTs to ``/gradio_api/call/ask``.

Starts ``planqa serve`` (the real model) as :mod:`benchmarks.load_test` does, then sends
the requests one after another. Each body is a well-formed ``/ask`` call whose question is
100 MB of words, made chunk by chunk as it is sent (the client never holds it); requests
alternate between declaring their ``Content-Length`` and being sent chunked, the two ways a
server learns a body's size. A refusal (413) or a connection the server closes mid-body is
the expected outcome. The server's RSS (with any children) is read before the first
request, after each (once it has had a few seconds to settle), and at the end; a sampler
keeps the peak. Last, one ordinary question checks the server still answers.

``--repo`` measures another checkout of planqa with this same script, e.g. the code before
the request-body limit (commit 8343b6a, checked out with ``git worktree add``).

Example:
    python -m benchmarks.oversized
    cd /tmp/before && PYTHONPATH=/tmp/before python /work/main/benchmarks/oversized.py \\
        --repo /tmp/before --index-dir /tmp/oversized-before/indexes
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if sys.path[0] != str(REPO_ROOT):
    # First, so `benchmarks` is this checkout's even when PYTHONPATH names another one.
    sys.path.insert(0, str(REPO_ROOT))

import httpx  # noqa: E402
import psutil  # noqa: E402
from gradio_client import Client  # noqa: E402

from benchmarks.load_test import running_server, watch_rss  # noqa: E402

REQUESTS = 6
BODY_BYTES = 100 * 2**20
CHUNK_BYTES = 2**20
SETTLE_S = 3.0
"""How long the server is left alone before its RSS is read after a request."""

HEAD = b'{"data": ["'
TAIL = b'", [], [], []]}'


def oversized_body(size: int) -> Iterator[bytes]:
    """A JSON ``/ask`` call of exactly ``size`` bytes, its question made of repeated words."""
    words = b"What did MEXT do in FY2019? "
    chunk = (words * (CHUNK_BYTES // len(words) + 1))[:CHUNK_BYTES]
    yield HEAD
    left = size - len(HEAD) - len(TAIL)
    while left > 0:
        yield chunk if left >= len(chunk) else chunk[:left]
        left -= len(chunk)
    yield TAIL


def rss_mb(pid: int) -> float:
    process = psutil.Process(pid)
    rss = process.memory_info().rss + sum(
        c.memory_info().rss for c in process.children(recursive=True)
    )
    return round(rss / 2**20, 1)


def send_oversized(client: httpx.Client, url: str, *, declared: bool) -> dict[str, Any]:
    """POST one oversized body; what the server did with it, and how long it took."""
    headers = {"Content-Type": "application/json"}
    if declared:
        headers["Content-Length"] = str(BODY_BYTES)
    began = time.perf_counter()
    outcome: dict[str, Any] = {"body": "Content-Length" if declared else "chunked"}
    try:
        response = client.post(url, content=oversized_body(BODY_BYTES), headers=headers)
        outcome["status"] = response.status_code
        outcome["response"] = response.text[:200]
    except httpx.TransportError as error:  # the server closed the connection mid-body
        outcome["status"] = None
        outcome["response"] = f"{type(error).__name__}: {error}"[:200]
    outcome["seconds"] = round(time.perf_counter() - began, 2)
    return outcome


def still_answers(url: str) -> bool:
    """Whether the server answers an ordinary question after the oversized ones."""
    client = Client(url, verbose=False, httpx_kwargs={"timeout": 60.0})
    try:
        answer = client.predict("What did MEXT do in FY2019?", [], [], [], api_name="/ask")
        return bool(answer["citations"])
    except Exception:  # noqa: BLE001 - any failure is the answer "no"
        return False
    finally:
        client.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO_ROOT,
                        help="the planqa checkout whose server is measured (default: this one)")
    parser.add_argument("--index-dir", type=Path, default=None,
                        help="where the server keeps its index (default: a new temp folder)")
    parser.add_argument("--output", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()

    with tempfile.TemporaryDirectory(prefix="planqa-oversized-") as tmp:
        index_dir = args.index_dir or Path(tmp) / "indexes"
        index_dir.parent.mkdir(parents=True, exist_ok=True)
        log = Path(tmp) / "server.log"
        started = time.perf_counter()
        with running_server(index_dir, repo_root=repo, log=log) as (url, proc):
            startup_s = time.perf_counter() - started
            time.sleep(SETTLE_S)
            before = rss_mb(proc.pid)
            peak = [int(before * 2**20)]
            stop = threading.Event()
            watcher = threading.Thread(target=watch_rss, args=(proc.pid, stop, peak),
                                       daemon=True)
            watcher.start()
            requests = []
            timeout = httpx.Timeout(300.0, connect=10.0)
            with httpx.Client(timeout=timeout) as client:
                for i in range(REQUESTS):
                    outcome = send_oversized(client, url + "gradio_api/call/ask",
                                             declared=i % 2 == 0)
                    time.sleep(SETTLE_S)
                    requests.append({**outcome, "rss_after_mb": rss_mb(proc.pid)})
            time.sleep(10.0)
            final = rss_mb(proc.pid)
            answers = still_answers(url)
            stop.set()
            watcher.join()
        refusals = [line for line in log.read_text(errors="replace").splitlines()
                    if "refused" in line]

    report = {
        "repo": str(repo),
        "commit": commit,
        "requests": REQUESTS,
        "body_mb": BODY_BYTES // 2**20,
        "server_startup_s": round(startup_s, 1),
        "server_rss_mb": {"before": before, "peak": round(peak[0] / 2**20, 1),
                          "final": final},
        "per_request": requests,
        "still_answers": answers,
        "server_log_refusals": refusals[:REQUESTS],
    }
    text = json.dumps(report, indent=2)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n")
    print(text)
    return 0 if answers else 1


if __name__ == "__main__":
    sys.exit(main())
