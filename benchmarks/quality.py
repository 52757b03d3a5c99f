"""Quality on ``tests/data/questions.json``: answer pass rates and retrieval recall@5.

planqa's hybrid ranking is compared with BM25 only, dense only, and a naive pipeline of
fixed-size windows of the raw report text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from benchmarks.common import QUESTIONS, multi_sources, report_files
from benchmarks.context import Context
from benchmarks.scale import flat_index

RETRIEVAL_KINDS = ("semantic", "factoid", "reverse_attribution", "ministry_topic", "keyword")
NAIVE_WINDOW = 500
NAIVE_KEY = 60


# -- 5. quality ----------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split())


def _naive(ctx: Context, corpus_name: str) -> tuple[Any, list[str]]:
    windows: list[str] = []
    for path in report_files(corpus_name):
        text = path.read_text(encoding="utf-8-sig")
        windows += [text[i : i + NAIVE_WINDOW] for i in range(0, len(text), NAIVE_WINDOW)]
    return flat_index(ctx.emb().encode(windows)), windows


def section_quality(ctx: Context) -> dict[str, Any]:
    from assistant import Assistant
    from assistant.evaluate import evaluate
    from assistant.evaluate import load_questions as eval_questions
    from index.search import SearchIndex

    emb = ctx.emb()
    root = ctx.root / "quality"
    bots = {
        "bundled": Assistant.load(None, root, embedder=emb),
        "multi": Assistant.load(multi_sources(), root, embedder=emb),
    }
    questions = eval_questions(QUESTIONS)
    out: dict[str, Any] = {"questions": len(questions), "pipelines": {}}

    def force(idx: SearchIndex, mode: str) -> Callable[..., Any]:
        def ranked(*args: Any, **kwargs: Any) -> Any:
            kwargs["mode"] = mode
            return SearchIndex.rank_efforts(idx, *args, **kwargs)

        return ranked

    for mode in ("hybrid", "bm25", "dense"):
        for bot in bots.values():
            if mode != "hybrid":
                bot.index.rank_efforts = force(bot.index, mode)  # type: ignore[method-assign]
        try:
            report = evaluate(questions, bots.__getitem__)
        finally:
            for bot in bots.values():
                bot.index.__dict__.pop("rank_efforts", None)
        entry: dict[str, Any] = {
            "pass_rate": round(report.pass_rate, 4),
            "passed": sum(o.passed for o in report.outcomes),
            "false_abstain_rate": round(report.false_abstain_rate, 4),
            "false_answer_rate": round(report.false_answer_rate, 4),
            "by_corpus": {
                c: round(
                    float(np.mean([o.passed for o in report.outcomes if o.question.corpus == c])), 4
                )
                for c in ("bundled", "multi")
            },
            "failed": [o.question.id for o in report.outcomes if not o.passed],
        }
        if mode == "hybrid":
            entry["kinds"] = [k.model_dump() for k in report.kinds]
            entry["failures"] = [
                {
                    "id": o.question.id,
                    "kind": o.question.kind,
                    "question": o.question.question,
                    "expected": o.question.expected,
                    "cited": o.cited,
                    "abstained": o.abstained,
                    "missing_text": o.missing_text,
                }
                for o in report.outcomes
                if not o.passed
            ]
        out["pipelines"][mode] = entry

    # retrieval recall@5
    items = [q for q in questions if q.kind in RETRIEVAL_KINDS and q.expected]
    out["retrieval_questions"] = len(items)
    naive = {c: _naive(ctx, c) for c in bots}
    coverage = {}
    for c, (_, windows) in naive.items():
        keys = [_norm(e.text)[:NAIVE_KEY] for e in bots[c].index.efforts]
        normed = [_norm(w) for w in windows]
        coverage[c] = round(sum(any(k in w for w in normed) for k in keys) / len(keys), 4)
    out["naive_effort_coverage"] = coverage

    def top_ids(q: Any, pipeline: str) -> set[str]:
        idx = bots[q.corpus].index
        if pipeline != "naive":
            return {
                idx.efforts[m.position].id for m in idx.rank_efforts(q.question, mode=pipeline)[:5]
            }
        flat, windows = naive[q.corpus]
        _, ids = flat.search(emb.encode([q.question]), 5)
        chosen = [_norm(windows[i]) for i in ids[0] if i >= 0]
        texts = {e.id: _norm(e.text)[:NAIVE_KEY] for e in idx.efforts}
        return {e for e in q.expected if any(texts.get(e, "\0") in w for w in chosen)}

    retrieval: dict[str, Any] = {}
    for pipeline in ("hybrid", "bm25", "dense", "naive"):
        recalls, complete, by_kind = [], [], {}
        for q in items:
            got = top_ids(q, pipeline)
            r = len(set(q.expected) & got) / len(q.expected)
            recalls.append(r)
            complete.append(r == 1.0)
            by_kind.setdefault(q.kind, []).append(r)
        retrieval[pipeline] = {
            "recall_at_5": round(float(np.mean(recalls)), 4),
            "all_expected_in_top5": round(float(np.mean(complete)), 4),
            "by_kind": {k: round(float(np.mean(v)), 4) for k, v in sorted(by_kind.items())},
        }
    out["retrieval"] = retrieval
    return out
