"""Scale: synthetic corpora of growing size, built in a child process, then queried.

Each build runs in ``benchmarks.workers build`` so that its peak RSS is its own; recall of
HNSW against exact search is measured on the index's vectors with the real questions.
"""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import (
    REPO,
    Floor,
    forget_queries,
    offline_env,
    ratio,
    rotated,
    stats_ms,
    timed,
    unique_question_texts,
)
from benchmarks.context import Context, log


def _hnsw_params() -> dict[str, int]:
    """planqa's own HNSW settings, read from the index package so the two never drift."""
    import index.search
    import index.store

    return {
        "M": int(getattr(index.store, "HNSW_M", 32)),
        "efConstruction": int(getattr(index.store, "HNSW_EF_CONSTRUCTION", 80)),
        "efSearch": int(
            getattr(index.search, "HNSW_EF_SEARCH", getattr(index.store, "HNSW_EF_SEARCH", 128))
        ),
    }


HNSW_PARAMS = _hnsw_params()


# -- 4. scale ------------------------------------------------------------------------------


def hnsw_index(vectors: np.ndarray) -> Any:
    import faiss

    index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_PARAMS["M"], faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_PARAMS["efConstruction"]
    index.hnsw.efSearch = HNSW_PARAMS["efSearch"]
    index.add(vectors)
    return index


def flat_index(vectors: np.ndarray) -> Any:
    import faiss

    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    return index


def recall_at(approx: Any, exact: Any, queries: np.ndarray, k: int = 10) -> float:
    _, truth = exact.search(queries, k)
    _, found = approx.search(queries, k)
    hits = [len(set(t[t >= 0]) & set(f[f >= 0])) / k for t, f in zip(truth, found, strict=True)]
    return round(float(np.mean(hits)), 4)


EF_SWEEP = (32, 64, 128, 256, 512, 1024, 2048)


def ef_sweep(hnsw: Any, exact: Any, queries: np.ndarray, k: int = 10) -> list[dict[str, Any]]:
    """Recall@k and one-query search time of an HNSW index at several efSearch values."""
    _, truth = exact.search(queries, k)
    original = hnsw.hnsw.efSearch
    rows = []
    try:
        for ef in EF_SWEEP:
            hnsw.hnsw.efSearch = ef
            seconds, found = [], []
            for i in range(len(queries)):
                t, (_, ids) = timed(lambda i=i: hnsw.search(queries[i : i + 1], k))
                seconds.append(t)
                found.append(ids[0])
            hits = [
                len(set(t[t >= 0]) & set(f[f >= 0])) / k for t, f in zip(truth, found, strict=True)
            ]
            rows.append(
                {
                    "efSearch": ef,
                    "recall_at_10": round(float(np.mean(hits)), 4),
                    "query_ms": stats_ms(seconds),
                }
            )
    finally:
        hnsw.hnsw.efSearch = original
    return rows


def scale_one(ctx: Context, n: int, later: list[int]) -> dict[str, Any]:
    from benchmarks.workers import fit_gaussian, sample_gaussian
    from corpus.synth import write_corpus
    from index import load_index
    from index.embed_cache import CACHE_FILE

    emb = ctx.emb()
    base = ctx.scale_root or ctx.root
    corpus_dir = base / f"synth-{n}"
    index_root = base / f"scale-index-{n}"
    t_write, paths = timed(lambda: write_corpus(corpus_dir, efforts=n, seed=0))
    reserve = sum(8 * 60 if m >= 50_000 else 3 * 60 for m in later)
    remaining = ctx.deadline - time.time()
    budget = max(60.0, min(ctx.params.embed_budget_min * 60, remaining - reserve - 90))
    out_json = ctx.root / f"scale-{n}.json"
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.workers",
        "build",
        "--corpus",
        str(corpus_dir),
        "--root",
        str(index_root),
        "--out",
        str(out_json),
        "--budget-s",
        f"{budget:.0f}",
        "--probe",
        str(ctx.params.probe),
    ]
    for path in ctx.real_vector_files:
        cmd += ["--fit-vectors", str(path)]
    if ctx.hnsw_threshold is not None:
        cmd += ["--hnsw-threshold", str(ctx.hnsw_threshold)]
    if ctx.scale_root is not None:
        cmd += ["--embed-cache", str(index_root / CACHE_FILE)]
    log(f"scale {n:,}: building in a child process (embedding budget {budget / 60:.1f} min)")
    started = time.perf_counter()
    # The embedding budget plus an hour for the rest (HNSW on 200,000 vectors takes minutes).
    timeout = max(90 * 60, budget + 60 * 60)
    proc = subprocess.run(cmd, cwd=REPO, env=offline_env(), timeout=timeout)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"build worker for {n} efforts exited with {proc.returncode}")
    res: dict[str, Any] = json.loads(out_json.read_text())
    res.update(
        requested_efforts=n,
        reports=len(paths),
        synth_write_s=round(t_write, 2),
        worker_wall_s=round(wall, 1),
    )

    folder = Path(res["folder"])
    t_load, idx = timed(lambda: load_index(folder, emb))
    res["index_load_ms"] = round(t_load * 1000, 1)
    total = idx.vectors.ntotal
    vectors = np.ascontiguousarray(idx.vectors.reconstruct_n(0, total), dtype=np.float32)
    if res["mode"] == "real":
        path = ctx.root / f"vectors-{n}.npy"
        np.save(path, vectors)
        ctx.real_vector_files.append(path)
    flat = flat_index(vectors)
    import faiss

    if isinstance(idx.vectors, faiss.IndexHNSW):
        hnsw, hnsw_build_s, hnsw_source = idx.vectors, None, "the index's own HNSW (as loaded)"
    else:
        hnsw_build_s, hnsw = timed(lambda: hnsw_index(vectors))
        hnsw_source = "built from the index's vectors"
    queries_text = unique_question_texts()
    queries = emb.encode(queries_text)
    res["recall_queries"] = len(queries_text)
    res["hnsw"] = {
        "source": hnsw_source,
        "efSearch": int(hnsw.hnsw.efSearch),
        "build_s": None if hnsw_build_s is None else round(hnsw_build_s, 2),
        "recall_at_10": recall_at(hnsw, flat, queries),
    }
    res["hnsw"]["sweep"] = ef_sweep(hnsw, flat, queries)
    if res["mode"] == "real":
        # How well a Gaussian stand-in predicts HNSW recall, on vectors where the truth is known.
        fake = sample_gaussian(fit_gaussian(vectors), total, np.random.default_rng(1))
        fake_hnsw, fake_flat = hnsw_index(fake), flat_index(fake)
        res["hnsw"]["recall_at_10_gaussian_same_size"] = recall_at(fake_hnsw, fake_flat, queries)
        res["hnsw"]["sweep_gaussian"] = ef_sweep(fake_hnsw, fake_flat, queries)

    # warm queries: planqa search (hybrid, k=5) next to the floor over the same vectors
    floor = Floor(emb, idx.vectors, depth=50)
    sample = queries_text[: ctx.params.scale_queries]
    t_first, _ = timed(lambda: idx.search(sample[-1], 5))  # may load what loading deferred
    res["first_search_ms"] = round(t_first * 1000, 1)
    for q in sample[:3]:
        idx.search(q, 5)
        floor(q)

    def search(q: str) -> Any:
        forget_queries(idx)
        return idx.search(q, 5)

    t_search, t_floor, t_flat, t_hnsw = [], [], [], []
    for turn, q in enumerate(sample):
        a, b = rotated(turn, lambda q=q: floor(q), lambda q=q: search(q))
        t_floor.append(a)
        t_search.append(b)
        v = queries[queries_text.index(q)][None, :]
        t_flat.append(timed(lambda v=v: flat.search(v, 50))[0])
        t_hnsw.append(timed(lambda v=v: hnsw.search(v, 50))[0])
    res["query"] = {
        "queries": len(sample),
        "search_ms": stats_ms(t_search),
        "floor_ms": stats_ms(t_floor),
        "vector_search_flat_ms": stats_ms(t_flat),
        "vector_search_hnsw_ms": stats_ms(t_hnsw),
    }
    res["query"]["ratio_median"] = ratio(
        res["query"]["search_ms"]["median"], res["query"]["floor_ms"]["median"]
    )
    if ctx.scale_root is None:
        shutil.rmtree(index_root, ignore_errors=True)
        shutil.rmtree(corpus_dir, ignore_errors=True)
    return res


def section_scale(ctx: Context) -> dict[str, Any]:
    from index.store import HNSW_THRESHOLD

    out: dict[str, Any] = {
        "hnsw_threshold": HNSW_THRESHOLD,
        "hnsw_params": HNSW_PARAMS,
        "sizes": {},
    }
    sizes = list(ctx.params.scale_sizes)
    for i, n in enumerate(sizes):
        try:
            out["sizes"][str(n)] = scale_one(ctx, n, sizes[i + 1 :])
            gc.collect()
        except Exception as exc:  # noqa: BLE001 - one size failing must not lose the others
            log(f"scale {n:,} failed: {exc}")
            out["sizes"][str(n)] = {
                "error": f"{type(exc).__name__}: {exc}",
                "traceback": traceback.format_exc()[-3000:],
            }
    return out
