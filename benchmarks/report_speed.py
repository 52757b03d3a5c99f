"""The speed sections of report.md: warm, cold and index build."""

from __future__ import annotations

from typing import Any

from benchmarks.common import ratio
from benchmarks.markdown import failure, fmt, table


def render_warm(s: dict[str, Any], out: list[str]) -> None:
    w = s.get("warm")
    out.append("## 1. Speed, warm (bundled plan)\n")
    if w and not failure(w):
        out.append(
            f"{w['questions']} bundled questions × {w['repetitions']} repetitions, interleaved "
            f"in rotating order; index of {w['documents']} documents, model loaded. Floor: "
            "`MiniLMEmbedder.encode([q])` + one `faiss.IndexFlatIP` search over the same "
            "vectors. planqa's query-vector cache is emptied before each timed `search` and "
            "`ask`, so they embed as a new question would; the cached row repeats the query "
            "just searched. `ask` replays the question's history first, as the assistant does; "
            "ministry, month and count questions need no embedding at all.\n"
        )

        def row(label: str, key: str, rkey: str | None) -> list[Any]:
            return [
                label,
                w[key]["median"],
                w[key]["p95"],
                fmt(w[f"{rkey}_ratio_median"], 2) if rkey else "1.00",
                fmt(w[f"{rkey}_ratio_p95"], 2) if rkey else "1.00",
            ]

        rows = [
            row("floor (embed + flat search)", "floor_ms", None),
            row("`bot.search(q, 5)`, new query", "search_ms", "search"),
        ]
        if "search_cached_ms" in w:
            rows.append(
                row(
                    "`bot.search(q, 5)`, repeated query (cached)",
                    "search_cached_ms",
                    "search_cached",
                )
            )
        rows.append(row("`bot.ask(q, history)`", "ask_ms", "ask"))
        one = w.get("one_torch_thread")
        if one:
            rows.append(
                [
                    "diagnostic: floor, `torch.set_num_threads(1)` "
                    f"(default {one['default_threads']})",
                    one["floor_ms"]["median"],
                    one["floor_ms"]["p95"],
                    fmt(ratio(one["floor_ms"]["median"], w["floor_ms"]["median"]), 2),
                    fmt(ratio(one["floor_ms"]["p95"], w["floor_ms"]["p95"]), 2),
                ]
            )
            rows.append(
                [
                    "diagnostic: `bot.search`, new query, 1 torch thread",
                    one["search_ms"]["median"],
                    one["search_ms"]["p95"],
                    fmt(ratio(one["search_ms"]["median"], w["floor_ms"]["median"]), 2),
                    fmt(ratio(one["search_ms"]["p95"], w["floor_ms"]["p95"]), 2),
                ]
            )
        out.append(
            table(
                ["", "median ms", "p95 ms", "ratio to floor (median)", "ratio to floor (p95)"],
                rows,
            )
        )
        out.append(
            f"\nTarget: search median within 1.5× the floor — "
            f"{'met' if w['search_meets_target'] else '**not met**'} "
            f"({fmt(w['search_ratio_median'], 2)}×).\n"
        )
        if one:
            out.append(
                "The diagnostic rows rerun the floor and `search` once over the questions with "
                "PyTorch limited to one intra-op thread (ratios against the default floor above). "
                "On a shared 2-core machine, when another process holds a core, the default two "
                "threads can wait for each other, which shows in the p95 (in development under "
                "load: p95 about 450-500 ms with two threads, 25-65 ms with one).\n"
            )
    else:
        out.append(failure(w) if w else "_not run_\n")


def render_cold(s: dict[str, Any], out: list[str]) -> None:
    c = s.get("cold")
    out.append("## 2. Speed, cold (new process)\n")
    if c and not failure(c):
        out.append(
            f"New processes with a built index, median of {c['runs']} each, interleaved (after "
            "one untimed run of each to warm the page cache). Floor: a new Python process that "
            "imports sentence_transformers, loads the packaged model and embeds one sentence. "
            f"`planqa ask {c['question']!r}` is a ministry question, answered from the effort "
            "table without the model; the semantic question "
            f"{c['semantic_question']!r} needs the model.\n"
        )

        def row(label: str, key: str, rat: Any) -> list[Any]:
            x = c[key]
            return [label, x["median"], x["p95"], x["min"], rat]

        out.append(
            table(
                ["", "median ms", "p95 ms", "min ms", "ratio to floor (median)"],
                [
                    row("`python -c pass`", "python_startup_ms", "—"),
                    row("floor (import, load model, embed one)", "floor_ms", "1.00"),
                    row(
                        f"`planqa ask {c['question']!r}`",
                        "planqa_ask_ms",
                        fmt(c["ratio_median"], 2),
                    ),
                    row(
                        "`planqa ask` (semantic question)",
                        "planqa_ask_semantic_ms",
                        fmt(c["ratio_median_semantic"], 2),
                    ),
                ],
            )
        )
        a = c["answers_citing_expected"]
        out.append(
            f"\nAnswers citing the expected effort: {a['ask']}/{c['runs']} (ministry), "
            f"{a['ask_semantic']}/{c['runs']} (semantic).\n"
        )
        ph = c["phases_s"]
        if "error" not in ph:
            out.append("Where a cold process spends its time (one process, in-process timers):\n")
            out.append(
                table(
                    ["phase", "seconds"],
                    [
                        ["import `assistant`", ph["import_s"]],
                        ["`Assistant.load` (open the index)", ph["index_load_s"]],
                        ["first `ask`: ministry question", ph["ministry_ask_s"]],
                        ["then a semantic question (loads the model)", ph["semantic_ask_first_s"]],
                        ["the semantic question again", ph["semantic_ask_again_s"]],
                    ],
                )
            )
        for key, label in (
            ("importtime", "ministry question"),
            ("importtime_semantic", "semantic question"),
        ):
            it = c[key]
            out.append(
                f"\n`python -X importtime planqa ask …` ({label}): {it['modules']} modules, "
                f"{fmt(it['total_import_ms'], 0)} ms of imports in all (self times summed). "
                "Top 10 by cumulative time:\n"
            )
            out.append(
                table(
                    ["module", "cumulative ms", "self ms"],
                    [
                        [f"`{r['module']}`", round(r["cumulative_ms"], 1), round(r["self_ms"], 1)]
                        for r in it["top_cumulative"]
                    ],
                )
            )
        out.append("")
    else:
        out.append(failure(c) if c else "_not run_\n")


def render_build(s: dict[str, Any], out: list[str]) -> None:
    b = s.get("build")
    out.append("## 3. Index build (in-process, fresh index folder, model already loaded)\n")
    if b and not failure(b):
        out.append(
            f"Median of {b['runs']}; `open_index` (chunk, embed, BM25, FAISS, write, checksums).\n"
        )
        out.append(
            table(
                [
                    "corpus",
                    "efforts",
                    "documents",
                    "parse ms (median)",
                    "build ms (median)",
                    "build ms (p95)",
                ],
                [
                    [
                        name,
                        b[name]["efforts"],
                        b[name]["documents"],
                        b[name]["parse_ms"]["median"],
                        b[name]["build_ms"]["median"],
                        b[name]["build_ms"]["p95"],
                    ]
                    for name in ("bundled", "multi")
                ],
            )
        )
        out.append("")
    else:
        out.append(failure(b) if b else "_not run_\n")
