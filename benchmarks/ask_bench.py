"""Warm ``bot.ask()`` latency by the way a question is answered, next to its floor.

Targets of issue 13: open questions (those that retrieve) answer within 1.5x the bare
embedding + FAISS search (the floor, measured in the same process, interleaved); questions
answered from the plan's structure (a ministry's efforts, a month, a count, the glossary)
stay under 10 ms. The questions are the dev set's (``assistant/evalset/dev.json``) on the
bundled plan, each asked without history; the query-vector cache is emptied before every
ask, so an open question always embeds. Also timed: reading alone (``Reader.read``) and
what building the question side adds to start-up.

    python -m benchmarks.ask_bench [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import (
    Floor,
    forget_queries,
    forget_readings,
    load_average,
    machine_info,
    ratio,
    rotated,
    stats_ms,
    timed,
)

RETRIEVING = {"topic", "who", "when", "period", "number", "name", "where", "which_section",
              "outside"}  # fmt: skip
OPEN_TARGET = 1.5
STRUCTURE_TARGET_MS = 10.0


def measure(rounds: int) -> dict[str, Any]:
    from assistant import Assistant
    from assistant.answer import Answerer
    from assistant.evaluate import EVALSET, load_questions
    from assistant.intents import IntentModel, load_examples, load_thresholds
    from index import MiniLMEmbedder

    embedder = MiniLMEmbedder()
    questions = [
        q.question
        for q in load_questions(EVALSET / "dev.json")
        if q.corpus == "bundled" and not q.history
    ]
    with tempfile.TemporaryDirectory(prefix="planqa-askbench-") as tmp:
        bot = Assistant.load(index_dir=Path(tmp), embedder=embedder)
        floor = Floor(embedder, bot.index.vectors, depth=50)
        for text in questions[:5]:  # warm-up: model load, first-call allocations
            bot.ask(text)
            floor(text)
        start = time.perf_counter()
        IntentModel(load_examples(), thresholds=load_thresholds())
        train_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        Answerer(bot.corpus, bot.index)  # its reader, composer and retriever
        build_ms = (time.perf_counter() - start) * 1000
        kinds = {q: bot.ask(q).kind for q in questions}
        opened = [q for q in questions if kinds[q] in RETRIEVING]
        structural = [q for q in questions if kinds[q] not in RETRIEVING]
        t_open: list[float] = []
        t_floor: list[float] = []
        t_struct: list[float] = []
        t_read: list[float] = []

        def ask(text: str) -> object:
            forget_queries(bot.index)  # time a new question, not a cache hit
            forget_readings(bot)
            return bot.ask(text)

        def read(text: str) -> object:
            forget_readings(bot)
            return bot._answerer.reader.read(text)

        for _ in range(rounds):
            for turn, text in enumerate(opened):
                a, b = rotated(turn, lambda t=text: floor(t), lambda t=text: ask(t))
                t_floor.append(a)
                t_open.append(b)
            for text in structural:
                t_struct.append(timed(lambda t=text: ask(t))[0])
            for text in questions:
                t_read.append(timed(lambda t=text: read(t))[0])
    open_ms, floor_ms = stats_ms(t_open), stats_ms(t_floor)
    return {
        "questions": {"open": len(opened), "structural": len(structural)},
        "rounds": rounds,
        "open_ms": open_ms,
        "floor_ms": floor_ms,
        "ratio_median": ratio(open_ms["median"], floor_ms["median"]),
        "ratio_p95": ratio(open_ms["p95"], floor_ms["p95"]),
        "structural_ms": stats_ms(t_struct),
        "read_ms": stats_ms(t_read),
        "intent_model_train_ms": round(train_ms, 1),
        "answerer_build_ms": round(build_ms, 1),
        "load_average": load_average(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ask_bench")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.rounds)
    machine = machine_info()
    result["machine"] = {k: machine[k] for k in ("nproc", "cpu_model", "ram_gib", "date")}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    n = result["questions"]
    print(
        f"bot.ask() on the bundled plan: {n['open']} open and {n['structural']} structural dev "
        f"questions x {result['rounds']}, {machine['nproc']} cores, load {result['load_average']}"
    )
    print(f"{'':40}{'median ms':>12}{'p95 ms':>12}{'max ms':>12}")
    for label, key in (
        ("floor (embed + flat search)", "floor_ms"),
        ("ask, open question (embeds)", "open_ms"),
        ("ask, answered from the structure", "structural_ms"),
        ("reading alone (Reader.read)", "read_ms"),
    ):
        x = result[key]
        print(f"{label:40}{x['median']:>12.2f}{x['p95']:>12.2f}{x['max']:>12.2f}")
    print(f"open/floor: median {result['ratio_median']}, p95 {result['ratio_p95']} "
          f"(target {OPEN_TARGET})")
    s = result["structural_ms"]["median"]
    print(f"structural median {s:.2f} ms ({'under' if s < STRUCTURE_TARGET_MS else 'NOT under'} "
          f"{STRUCTURE_TARGET_MS:g} ms)")
    print(f"start-up: intent model trained in {result['intent_model_train_ms']} ms, answerer "
          f"(reader, composer, retriever) built in {result['answerer_build_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
