"""``make run``, time to first answer: from ``planqa serve`` starting to its first answer.

    python -m benchmarks.first_answer [--runs N] [--before DIR]

Each run starts ``planqa serve`` on a free loopback port over an index built beforehand (as
``make run`` builds it, then serves) and, from the moment the process is started, asks the
open question through the HTTP API the page and ``gradio_client`` use (``POST
/gradio_api/call/ask``, then the event stream of its result), again every 50 ms while the
port is closed; the run ends at the first complete answer, which must cite the school
guidebook. Reported, median of N (5): the time to the first answer and to the first
accepted request (the server is up). Beside them, in the same rounds: a process that
imports gradio, the floor of any server built on it; with ``--before`` (a checkout of an
earlier planqa, ``git worktree add DIR COMMIT``), that checkout's ``planqa serve``, with an
index of its own. Every process runs with its bytecode cached (as in ``benchmarks.cold_start``).

Writes ``benchmarks/results/first_answer.json`` and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks.common import REPO, RESULTS, load_average, machine_info, ratio, stats_ms, write_json
from benchmarks.context import checkout_env, log, planqa_cmd, run_timed

OPEN_QUESTION = "How is the government helping teachers notice children who are being abused?"
GUIDEBOOK = "fy2019-6.1.1"  # the effort the answer must cite
# Gradio imported as planqa imports it (no analytics), timed to that point: no teardown.
FLOOR_SCRIPT = (
    "import os; os.environ['GRADIO_ANALYTICS_ENABLED'] = 'False'; import gradio; os._exit(0)"
)
TIMEOUT_S = 180.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answer(client: httpx.Client, url: str, started: float) -> tuple[float, float]:
    """Ask until the server takes the question, then read its answer; both times since
    ``started``."""
    while True:
        try:
            posted = client.post(
                f"{url}/gradio_api/call/ask", json={"data": [OPEN_QUESTION, [], [], []]}
            )
            break
        except httpx.TransportError:  # not listening yet
            if time.perf_counter() - started > TIMEOUT_S:
                raise RuntimeError(f"no server on {url} after {TIMEOUT_S:.0f} s") from None
            time.sleep(0.05)
    up = time.perf_counter() - started
    posted.raise_for_status()
    event = posted.json()["event_id"]
    with client.stream("GET", f"{url}/gradio_api/call/ask/{event}") as stream:
        text = "".join(stream.iter_text())
    answered = time.perf_counter() - started
    if "event: complete" not in text or GUIDEBOOK not in text:
        raise RuntimeError(f"the first answer did not cite {GUIDEBOOK}: {text[:500]}")
    return up, answered


def first_answer(
    checkout: Path, root: Path, env: dict[str, str], log_path: Path
) -> dict[str, float]:
    """One ``planqa serve`` from start to its first answer (seconds), then stopped."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [*planqa_cmd(), "serve", "--port", str(port), "--index-dir", str(root)]
    with open(log_path, "ab") as out, httpx.Client(timeout=httpx.Timeout(60, connect=1)) as c:
        started = time.perf_counter()
        server = subprocess.Popen(cmd, cwd=checkout, env=env, stdout=out, stderr=out)
        try:
            up, answered = _answer(c, url, started)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return {"up_s": up, "answer_s": answered}


def measure(runs: int, before: Path | None, tmp: Path) -> dict[str, Any]:
    pycache = tmp / "pycache"
    checkouts = {"planqa": REPO} | ({"before": before} if before is not None else {})
    envs = {name: checkout_env(path, pycache) for name, path in checkouts.items()}
    roots = {name: tmp / f"{name}-indexes" for name in checkouts}
    for name, path in checkouts.items():  # as `make run` does: build, then serve
        built = run_timed([*planqa_cmd(), "index", "--index-dir", str(roots[name])],
                          env=envs[name], cwd=path)  # fmt: skip
        if built["rc"] != 0:
            raise RuntimeError(f"planqa index ({name}) failed: {built['stderr'][-2000:]}")
    names = [*checkouts, "floor"]

    def once(name: str) -> dict[str, float]:
        if name == "floor":
            r = run_timed([sys.executable, "-c", FLOOR_SCRIPT], env=envs["planqa"])
            if r["rc"] != 0:
                raise RuntimeError(f"import gradio failed: {r['stderr'][-2000:]}")
            return {"answer_s": r["wall_s"]}
        return first_answer(checkouts[name], roots[name], envs[name], tmp / f"{name}.log")

    for name in names:  # bytecode and page cache, untimed
        once(name)
    times: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    for run in range(runs):
        for k in range(len(names)):  # interleaved, the order rotated each run
            name = names[(k + run) % len(names)]
            for key, value in once(name).items():
                times[name].setdefault(key, []).append(value)
            log(f"first answer: run {run + 1}/{runs} {name} done")
    ms = {name: {key: stats_ms(v) for key, v in t.items()} for name, t in times.items()}
    floor = ms["floor"]["answer_s"]["median"]
    result: dict[str, Any] = {
        "runs": runs,
        "question": OPEN_QUESTION,
        "before": str(before) if before is not None else None,
        "floor": "a process that imports gradio",
        "ms": ms,
        "ratio_to_floor": {
            name: ratio(ms[name]["answer_s"]["median"], floor) for name in checkouts
        },
    }
    if before is not None:
        result["ratio_to_before"] = ratio(
            ms["planqa"]["answer_s"]["median"], ms["before"]["answer_s"]["median"]
        )
    return result


def table(r: dict[str, Any]) -> str:
    ms = r["ms"]
    rows = [
        "| `planqa serve` to the first answer (same run) | first answer | server up | "
        "ratio to `import gradio` |",
        "|---|---|---|---|",
    ]
    for name, what in (("planqa", "planqa now"), ("before", f"before ({r.get('before')})")):
        if name in ms:
            rows.append(
                f"| {what} | {ms[name]['answer_s']['median'] / 1000:.2f} s "
                f"| {ms[name]['up_s']['median'] / 1000:.2f} s | {r['ratio_to_floor'][name]} |"
            )
    rows.append(f"| floor: a process that imports gradio | "
                f"{ms['floor']['answer_s']['median'] / 1000:.2f} s | | 1.00 |")  # fmt: skip
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.first_answer")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument(
        "--before", type=Path, default=None, help="an earlier checkout, timed in the same rounds"
    )
    args = parser.parse_args(argv)
    started = time.time()
    result: dict[str, Any] = {"machine": machine_info()}
    log(f"first answer: start (load average {load_average()})")
    with tempfile.TemporaryDirectory(prefix="planqa-first-") as tmp:
        result["first_answer"] = measure(args.runs, args.before, Path(tmp))
    result["load_average_at_end"] = load_average()
    result["total_s"] = round(time.time() - started, 1)
    write_json(RESULTS / "first_answer.json", result)
    print(table(result["first_answer"]))
    print(json.dumps({k: v for k, v in result["first_answer"].items() if k.startswith("ratio")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
