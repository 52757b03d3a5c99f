"""Helpers shared by the benchmark scripts: timing statistics, the machine, the corpora, floors.

Every benchmark compares planqa with a *floor* measured in the same process and the same
run (the machine is small and shared, so absolute times drift from run to run).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

QUESTIONS = REPO / "assistant" / "evalset" / "dev.json"
RESULTS = REPO / "benchmarks" / "results"
BIN = Path(sys.executable).parent


def offline_env(**extra: str) -> dict[str, str]:
    """The environment for child processes: offline, quiet tokenizers, the repo importable."""
    env = dict(os.environ)
    env.update(
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        PYTHONPATH=str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""),
    )
    env.update(extra)
    return env


os.environ.update(
    {k: v for k, v in offline_env().items() if k != "PYTHONPATH" and k not in os.environ}
)


# -- statistics ------------------------------------------------------------------------


def stats_ms(seconds: Sequence[float]) -> dict[str, float]:
    """Median, p95, mean, min and count of durations given in seconds, in milliseconds."""
    if not seconds:
        return {"n": 0}
    a = np.asarray(seconds, dtype=float) * 1000.0
    return {
        "n": int(a.size),
        "median": round(float(np.median(a)), 3),
        "p95": round(float(np.percentile(a, 95)), 3),
        "mean": round(float(a.mean()), 3),
        "min": round(float(a.min()), 3),
        "max": round(float(a.max()), 3),
    }


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b <= 0:
        return None
    return round(a / b, 2)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def rotated(turn: int, *fns: Callable[[], Any]) -> list[float]:
    """Run ``fns`` in an order rotated by ``turn``; their durations in the given order.

    Alternating the order keeps a systematic first-or-second bias out of paired timings.
    """
    n = len(fns)
    seconds = [0.0] * n
    for j in range(n):
        k = (j + turn) % n
        seconds[k] = timed(fns[k])[0]
    return seconds


# -- the machine -----------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def machine_info() -> dict[str, Any]:
    nproc = shutil.which("nproc")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "nproc": cores,
        "nproc_source": "nproc" if nproc else "os.sched_getaffinity",
        "cpu_model": _cpu_model(),
        "ram_gib": _ram_gib(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": {
            name: _version(name)
            for name in (
                "planqa",
                "torch",
                "sentence-transformers",
                "transformers",
                "faiss-cpu",
                "bm25s",
                "numpy",
            )
        },
        "load_average_at_start": load_average(),
    }


# -- corpora and questions ---------------------------------------------------------------


def multi_sources() -> list[Path]:
    """The "multi" corpus of the question sets: FY2019 plus the invented FY2020 and FY2023."""
    from assistant.evaluate import corpus_paths

    return corpus_paths("multi")


def report_files(corpus_name: str) -> list[Path]:
    """The report files a question set's corpus reads (folders expanded)."""
    from assistant.evaluate import corpus_paths

    files: list[Path] = []
    for path in corpus_paths(corpus_name):
        files += sorted(path.glob("*_efforts.txt")) if path.is_dir() else [path]
    return files


def load_questions() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    return data


def unique_question_texts() -> list[str]:
    return list(dict.fromkeys(q["question"] for q in load_questions()))


# -- the floor ---------------------------------------------------------------------------


class Floor:
    """The least a query can cost: one MiniLM embedding and one exact FAISS search.

    Built over the same vectors as the index it is compared with.
    """

    def __init__(self, embedder: Any, vectors: Any, depth: int = 50) -> None:
        import faiss

        n = int(vectors.ntotal)
        self.embedder = embedder
        self.flat = faiss.IndexFlatIP(int(vectors.d))
        if n:
            self.flat.add(np.ascontiguousarray(vectors.reconstruct_n(0, n), dtype=np.float32))
        self.depth = max(1, min(depth, n))

    def __call__(self, query: str) -> Any:
        vector = self.embedder.encode([query])
        return self.flat.search(vector, self.depth)


def forget_queries(index: Any) -> None:
    """Empty the index's query-vector cache (if it has one), so the next search embeds.

    planqa keeps recent query vectors (``SearchIndex._query_cache``); a benchmark that
    repeats its queries would otherwise time dictionary look-ups, not searches.
    """
    cache = getattr(index, "_query_cache", None)
    if cache is not None:
        cache.clear()


def forget_readings(bot: Any) -> None:
    """Empty the reader's remembered slots, so the next question is read from scratch."""
    reader = getattr(getattr(bot, "_answerer", None), "reader", None)
    cache = getattr(reader, "_read_slots", None)
    if cache is not None:
        cache.clear()


def one_torch_thread(
    texts: Sequence[str], floor: Callable[[str], Any], search: Callable[[str], Any]
) -> dict[str, Any]:
    """Floor and search timings with PyTorch held to one thread (then restored): a diagnostic."""
    import torch

    default = torch.get_num_threads()
    t_floor: list[float] = []
    t_search: list[float] = []
    torch.set_num_threads(1)
    try:
        for turn, text in enumerate(texts):
            a, b = rotated(turn, lambda t=text: floor(t), lambda t=text: search(t))
            t_floor.append(a)
            t_search.append(b)
    finally:
        torch.set_num_threads(default)
    return {
        "default_threads": default,
        "queries": len(texts),
        "floor_ms": stats_ms(t_floor),
        "search_ms": stats_ms(t_search),
    }


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
