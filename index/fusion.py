"""Fusing a dense and a lexical ranking: reciprocal rank fusion, or a convex mix of scores."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["RRF_K", "convex", "rrf", "top"]

RRF_K = 60


def top(scores: npt.NDArray[Any], depth: int) -> npt.NDArray[np.int64]:
    depth = min(depth, scores.size)
    if depth <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, depth - 1)[:depth]
    return part[np.argsort(-scores[part], kind="stable")].astype(np.int64)


def rrf(*rankings: list[int]) -> list[tuple[int, float]]:
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking):
            fused[doc] = fused.get(doc, 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def convex(
    dense: dict[int, float], lexical: dict[int, float], alpha: float
) -> list[tuple[int, float]]:
    top_lex = max(lexical.values(), default=0.0) or 1.0
    docs = set(dense) | set(lexical)
    fused = {
        d: alpha * max(dense.get(d, 0.0), 0.0) + (1 - alpha) * lexical.get(d, 0.0) / top_lex
        for d in docs
    }
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
