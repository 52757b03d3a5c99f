"""What every benchmark section gets: the run's parameters and context, and process helpers.

A section is a function ``section_x(ctx: Context) -> dict`` whose dict goes into
``results.json`` under its name; ``benchmarks.run`` calls the sections in order.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import BIN, REPO, offline_env


@dataclass
class Params:
    warm_reps: int
    cold_runs: int
    build_runs: int
    scale_sizes: tuple[int, ...]
    scale_queries: int
    probe: int
    deadline_min: float
    embed_budget_min: float = 25.0


FULL = Params(3, 5, 3, (1_000, 10_000, 100_000), 50, 2000, 38.0)
QUICK = Params(1, 3, 1, (1_000, 10_000), 50, 1000, 15.0)


@dataclass
class Context:
    params: Params
    quick: bool
    root: Path
    started: float
    embedder: Any = None
    hnsw_threshold: int | None = None
    # The scale section's corpora and indexes (with their embedding cache) are kept here,
    # not in ``root``, so that a stopped 100,000-effort build resumes; None: in ``root``.
    scale_root: Path | None = None
    real_vector_files: list[Path] = field(default_factory=list)

    @property
    def deadline(self) -> float:
        return self.started + self.params.deadline_min * 60

    def emb(self) -> Any:
        if self.embedder is None:
            from index import MiniLMEmbedder

            self.embedder = MiniLMEmbedder()
            self.embedder.encode(["warm-up"])
        return self.embedder


def checkout_env(checkout: Path, pycache: Path) -> dict[str, str]:
    """A child's environment with ``checkout`` importable before the installed planqa, and
    bytecode kept in ``pycache`` (written by a first, untimed run), as an installed planqa
    has it after its first run; nothing is written into the checkouts or the venv."""
    env = offline_env(PYTHONPYCACHEPREFIX=str(pycache), PYTHONPATH=str(checkout))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def planqa_cmd() -> list[str]:
    script = BIN / "planqa"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.cli"]


def planqa_py_cmd() -> list[str]:
    """planqa run by this interpreter, so that interpreter flags (-X importtime) apply."""
    script = BIN / "planqa"
    return [sys.executable, str(script)] if script.exists() else [sys.executable, "-m", "ui.cli"]


def run_timed(
    cmd: list[str],
    *,
    env: dict[str, str] | None = None,
    timeout: float = 600,
    cwd: Path | None = None,
) -> dict[str, Any]:
    started = time.perf_counter()
    proc = subprocess.run(
        cmd,
        cwd=cwd or REPO,
        env=env or offline_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return {
        "wall_s": time.perf_counter() - started,
        "rc": proc.returncode,
        "stdout": proc.stdout,
        "stderr": proc.stderr,
    }
