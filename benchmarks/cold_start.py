"""Issue 12: questions through ONNX Runtime, every figure beside a floor from the same run.

    python -m benchmarks.cold_start [--quick] [--no-eval] [--only cold,warm,builds,agreement]
                                    [--before DIR]

1. **Cold** — wall time of new processes, interleaved, median of 5 (3 with ``--quick``):
   ``planqa ask`` on an open question (embeds it through the index's ONNX export), on a
   ministry question (never embeds), and the open question with sentence-transformers for
   the question (planqa before the ONNX path); the floor is a process that imports
   sentence-transformers, loads the packaged model and embeds one sentence. Target: the
   open question within 0.15x the floor. ``--before DIR`` (a checkout of an earlier planqa,
   ``git worktree add DIR COMMIT``) adds its two questions, on an index of its own. Every
   process runs with its bytecode cached, written by an untimed first run.
2. **Warm** — one query embedding, ONNX (planqa's default of one thread, and two threads)
   against sentence-transformers (torch's default threads, and one thread), over 200 dev
   questions; and warm ``ask`` on the bundled plan's open dev questions never asked before (query
   cache emptied) with either embedder, beside the floor of ``benchmarks.ask_bench`` (a
   sentence-transformers embedding and an exact FAISS search). Target: within 0.6x. Each of
   these runs in a process of its own, the processes interleaved over 3 rounds.
3. **Builds** — a corpus of ten synthetic yearly reports built into a fresh root (the
   export included), then an eleventh report added (the other ten's vectors and the export
   come from the root), in-process with the model loaded; also the export alone.
4. **Agreement** — the lowest cosine between ONNX and sentence-transformers vectors over
   every document of the dev corpora and every dev question; with the dev set asked of both
   (``planqa eval --split dev --no-stability``), how many answers cite differently.

Writes ``benchmarks/results/cold_start.json`` and prints the tables (Markdown).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import (
    REPO,
    RESULTS,
    Floor,
    forget_queries,
    forget_readings,
    load_average,
    machine_info,
    ratio,
    stats_ms,
    timed,
    write_json,
)
from benchmarks.context import checkout_env, log, planqa_cmd, run_timed
from benchmarks.speed import FLOOR_SCRIPT

OPEN_QUESTION = "How is the government helping teachers notice children who are being abused?"
MINISTRY_QUESTION = "What did MEXT do in 2019?"
GUIDEBOOK = "A Guidebook on How to Intervene"  # the effort the open question must cite
REFERENCE_ASK = """
import sys
from assistant import Assistant
from index import MiniLMEmbedder
bot = Assistant.load(index_dir=sys.argv[1], embedder=MiniLMEmbedder(onnx=False))
print(bot.ask(sys.argv[2]).text)
"""
RETRIEVING = {"topic", "who", "when", "period", "number", "name", "where", "which_section",
              "outside"}  # fmt: skip  (as benchmarks.ask_bench)
SECTIONS = ("cold", "warm", "builds", "agreement")


def cold(root: Path, runs: int, before: Path | None = None) -> dict[str, Any]:
    """Cold processes beside the floor; with ``before`` (a checkout of an earlier planqa,
    its own index root) its open and ministry questions too, in the same rounds."""
    pycache = root.parent / "pycache"
    here = checkout_env(REPO, pycache)
    checkouts = {"": (REPO, root, here)}
    if before is not None:
        earlier = (before, root.parent / "before-indexes", checkout_env(before, pycache))
        checkouts["_before"] = earlier
    commands: dict[str, tuple[list[str], dict[str, str], Path]] = {}
    for suffix, (checkout, index_root, env) in checkouts.items():
        built = run_timed([*planqa_cmd(), "index", "--index-dir", str(index_root)], env=env,
                          cwd=checkout)  # fmt: skip
        if built["rc"] != 0:
            raise RuntimeError(f"planqa index failed: {built['stderr'][-2000:]}")
        for name, question in (("open_onnx", OPEN_QUESTION), ("ministry", MINISTRY_QUESTION)):
            cmd = [*planqa_cmd(), "ask", question, "--index-dir", str(index_root)]
            commands[name + suffix] = (cmd, env, checkout)
    commands["open_reference"] = ([sys.executable, "-c", REFERENCE_ASK, str(root), OPEN_QUESTION],
                                  here, REPO)  # fmt: skip
    commands["floor"] = ([sys.executable, "-c", FLOOR_SCRIPT], here, REPO)
    for cmd, env, cwd in commands.values():  # bytecode and page cache warm-up, untimed
        run_timed(cmd, env=env, cwd=cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for run in range(runs):
        for k in range(len(names)):  # interleaved, the order rotated each run
            name = names[(k + run) % len(names)]
            cmd, env, cwd = commands[name]
            r = run_timed(cmd, env=env, cwd=cwd)
            if r["rc"] != 0:
                raise RuntimeError(f"{name} failed: {r['stderr'][-2000:]}")
            if name.startswith("open") and GUIDEBOOK not in r["stdout"]:
                raise RuntimeError(f"{name} did not cite the school guidebook: {r['stdout']}")
            times[name].append(r["wall_s"])
    ms = {name: stats_ms(t) for name, t in times.items()}
    return {
        "runs": runs,
        "bytecode": "cached (PYTHONPYCACHEPREFIX, written by the untimed first run)",
        "before": str(before) if before is not None else None,
        "ms": ms,
        **{
            f"ratio_{name}": ratio(ms[name]["median"], ms["floor"]["median"])
            for name in names
            if name != "floor"
        },
    }


WARM_MODES = ("embed_onnx", "embed_onnx_two_threads", "embed_reference",
              "embed_reference_one_thread", "ask_open_onnx", "ask_open_reference",
              "floor")  # fmt: skip


def warm_worker(mode: str, root: Path, n: int) -> list[float]:
    """One warm mode timed in this process alone: seconds per question, after a warm-up.

    Each mode runs in a process of its own: torch's OpenMP threads and ONNX Runtime in one
    process slow each other down (sentence-transformers at 300+ ms a sentence when its calls
    alternate with ONNX Runtime's on two cores), which no user of either would see.
    """
    import torch

    from assistant import Assistant
    from benchmarks.common import unique_question_texts
    from index import MiniLMEmbedder

    reference = mode.endswith("reference") or mode.endswith("one_thread") or mode == "floor"
    if mode.endswith("one_thread"):
        torch.set_num_threads(1)
    threads = 2 if mode.endswith("two_threads") else None  # None: planqa's default, 1
    bot = Assistant.load(
        index_dir=root, embedder=MiniLMEmbedder(onnx=not reference, threads=threads)
    )
    if mode.startswith("embed"):
        texts = [q for q in unique_question_texts() if q.strip()][:n]
        embedder = bot.index.embedder

        def run(text: str) -> object:
            return embedder.encode([text])
    else:
        bundled = [q["question"] for q in _dev() if q["corpus"] == "bundled" and not q["history"]]
        texts = [q for q in bundled if bot.ask(q).kind in RETRIEVING]
        floor = Floor(bot.index.embedder, bot.index.vectors, depth=50)

        def run(text: str) -> object:
            if mode == "floor":
                return floor(text)
            forget_queries(bot.index)  # a question never asked before: it embeds
            forget_readings(bot)
            return bot.ask(text)

    for text in texts[:5]:
        run(text)
    return [timed(lambda t=text: run(t))[0] for text in texts]


def warm(root: Path, n: int, rounds: int) -> dict[str, Any]:
    """The warm modes, each in its own process, interleaved over ``rounds`` (order rotated)."""
    if not (root.exists() and any(root.glob("*/manifest.json"))):
        run_timed([*planqa_cmd(), "index", "--index-dir", str(root)])
    times: dict[str, list[float]] = {mode: [] for mode in WARM_MODES}
    for turn in range(rounds):
        for k in range(len(WARM_MODES)):
            mode = WARM_MODES[(k + turn) % len(WARM_MODES)]
            cmd = [sys.executable, "-m", "benchmarks.cold_start", "--worker", mode, str(root),
                   str(n)]  # fmt: skip
            r = run_timed(cmd)
            if r["rc"] != 0:
                raise RuntimeError(f"warm {mode} failed: {r['stderr'][-2000:]}")
            times[mode] += json.loads(r["stdout"].strip().splitlines()[-1])
    ms = {mode: stats_ms(t) for mode, t in times.items()}
    return {
        "questions": ms["embed_onnx"]["n"] // rounds,
        "open_questions": ms["ask_open_onnx"]["n"] // rounds,
        "rounds": rounds,
        "onnx_threads": 1,
        "torch_threads": "default",
        "ms": ms,
        "ratio_embed": ratio(ms["embed_onnx"]["median"], ms["embed_reference"]["median"]),
        "ratio_embed_one_thread": ratio(
            ms["embed_onnx"]["median"], ms["embed_reference_one_thread"]["median"]
        ),
        "ratio_onnx_one_to_two_threads": ratio(
            ms["embed_onnx"]["median"], ms["embed_onnx_two_threads"]["median"]
        ),
        "ratio_ask_open": ratio(ms["ask_open_onnx"]["median"], ms["floor"]["median"]),
        "ratio_ask_open_p95": ratio(ms["ask_open_onnx"]["p95"], ms["floor"]["p95"]),
        "ratio_ask_open_reference": ratio(
            ms["ask_open_reference"]["median"], ms["floor"]["median"]
        ),
    }


def builds(tmp: Path, efforts_per_measure: int) -> dict[str, Any]:
    from corpus import load_corpus
    from corpus.synth import generate_report
    from index import MiniLMEmbedder, open_index
    from index.onnx_export import exported_model

    folder = tmp / "reports"
    folder.mkdir()
    for year in range(2000, 2011):
        text = generate_report(
            year, sections=6, measures_per_section=2, efforts_per_measure=efforts_per_measure,
            seed=12,
        )
        (folder / f"fy{year}_efforts.txt").write_text(text, encoding="utf-8")
    files = sorted(folder.glob("*.txt"))
    ten, eleven = load_corpus(files[:10]), load_corpus(files)
    embedder = MiniLMEmbedder()
    embedder.encode(["warm-up"])
    t_export, _ = timed(lambda: exported_model(tmp / "export-only"))
    t_ten, (idx_ten, _) = timed(lambda: open_index(ten, embedder, root=tmp / "grown"))
    t_add, (idx_add, built) = timed(lambda: open_index(eleven, embedder, root=tmp / "grown"))
    assert built
    t_full, (idx_full, _) = timed(lambda: open_index(eleven, embedder, root=tmp / "fresh"))
    return {
        "reports": len(files),
        "documents_ten": len(idx_ten.chunks),
        "documents_eleven": len(idx_full.chunks),
        "export_s": round(t_export, 2),
        "build_ten_fresh_s": round(t_ten, 2),
        "add_eleventh_s": round(t_add, 2),
        "build_eleven_fresh_s": round(t_full, 2),
        "ratio_add_to_full": ratio(t_add, t_full),
        "same_vectors": bool(
            np.allclose(
                idx_add.vectors.reconstruct_n(0, len(idx_add.chunks)),
                idx_full.vectors.reconstruct_n(0, len(idx_full.chunks)),
                atol=1e-5,
            )
        ),
    }


def _dev() -> list[dict[str, Any]]:
    from benchmarks.common import load_questions

    return load_questions()


def agreement(root: Path, with_eval: bool) -> dict[str, Any]:
    from assistant import Assistant
    from assistant.evaluate import EVALSET, corpus_paths, evaluate, load_questions
    from index import MiniLMEmbedder, build_chunks
    from index.onnx_export import agreement as cosines

    questions = load_questions(EVALSET / "dev.json")
    reference = MiniLMEmbedder(onnx=False)
    onnx_bots: dict[str, Assistant] = {}
    reference_bots: dict[str, Assistant] = {}

    def bot(name: str, *, onnx: bool) -> Assistant:
        bots = onnx_bots if onnx else reference_bots
        if name not in bots:
            embedder = MiniLMEmbedder() if onnx else reference
            bots[name] = Assistant.load(corpus_paths(name), root, embedder=embedder)
        return bots[name]

    lowest: dict[str, float] = {}
    for name in sorted({q.corpus for q in questions}):
        onnx = bot(name, onnx=True).index.embedder
        texts = [c.text for c in build_chunks(bot(name, onnx=True).corpus)[1]]
        lowest[name] = float(cosines(onnx.encode(texts), reference.encode(texts)).min())
    texts = list(dict.fromkeys(q.question for q in questions))
    onnx = bot("bundled", onnx=True).index.embedder
    lowest["dev questions"] = float(cosines(onnx.encode(texts), reference.encode(texts)).min())
    result: dict[str, Any] = {"min_cosine": lowest, "min_cosine_all": min(lowest.values())}
    if with_eval:
        log("agreement: dev set with ONNX, then with sentence-transformers")
        a = evaluate(questions, lambda n: bot(n, onnx=True), with_stability=False)
        b = evaluate(questions, lambda n: bot(n, onnx=False), with_stability=False)
        differ = [
            x.question.id for x, y in zip(a.outcomes, b.outcomes, strict=True) if x.cited != y.cited
        ]
        result.update(
            dev_questions=len(questions),
            citations_differ=differ,
            pass_rate_onnx=round(a.pass_rate, 4),
            pass_rate_reference=round(b.pass_rate, 4),
        )
    return result


def _cold_rows(c: dict[str, Any]) -> list[str]:
    ms, floor = c["ms"], f"{c['ms']['floor']['median'] / 1000:.2f} s (floor)"
    rows = [
        ("open_onnx", "cold `planqa ask`, open question (ONNX)", "≤ 0.15"),
        ("ministry", "cold `planqa ask`, ministry question", "no slower"),
        ("open_onnx_before", f"the open question, before ({c.get('before')})", ""),
        ("ministry_before", "the ministry question, before", ""),
        ("open_reference", "cold ask, open question, sentence-transformers", ""),
    ]
    return [
        f"| {what} | {ms[name]['median'] / 1000:.2f} s | {floor} | {c[f'ratio_{name}']} "
        f"| {target} |"
        for name, what, target in rows
        if name in ms
    ]


def _warm_rows(w: dict[str, Any]) -> list[str]:
    ms = w["ms"]
    return [
        f"| warm query embedding, ONNX (1 thread) vs sentence-transformers (torch's threads) "
        f"| {ms['embed_onnx']['median']:.1f} ms | {ms['embed_reference']['median']:.1f} ms "
        f"| {w['ratio_embed']} | ≤ 0.6 |",
        f"| the same, torch on 1 thread | {ms['embed_onnx']['median']:.1f} ms "
        f"| {ms['embed_reference_one_thread']['median']:.1f} ms "
        f"| {w['ratio_embed_one_thread']} | |",
        f"| threads: ONNX on 1 thread (the default) vs 2 "
        f"| {ms['embed_onnx']['median']:.1f} ms | {ms['embed_onnx_two_threads']['median']:.1f} ms "
        f"| {w['ratio_onnx_one_to_two_threads']} | |",
        f"| warm `ask`, {w['open_questions']} open questions never asked before (ONNX) "
        f"| {ms['ask_open_onnx']['median']:.1f} ms | {ms['floor']['median']:.1f} ms (floor: "
        f"sentence-transformers + flat search) | {w['ratio_ask_open']} | ≤ 0.6 |",
        f"| the same with sentence-transformers | {ms['ask_open_reference']['median']:.1f} ms "
        f"| {ms['floor']['median']:.1f} ms (floor) | {w['ratio_ask_open_reference']} | |",
    ]


def _build_rows(b: dict[str, Any]) -> list[str]:
    return [
        f"| add an 11th report to a 10-report index ({b['documents_eleven']} documents) "
        f"| {b['add_eleventh_s']:.1f} s | {b['build_eleven_fresh_s']:.1f} s (fresh build) "
        f"| {b['ratio_add_to_full']} | seconds |",
        f"| the ONNX export alone (once per index root) | {b['export_s']:.1f} s | | | |",
    ]


def table(r: dict[str, Any]) -> str:
    """The Markdown table of whichever sections ``r`` holds, and the agreement line."""
    rows = [
        "| what (same run) | median | floor / reference | ratio | target |",
        "|---|---|---|---|---|",
    ]
    for name, render in (("cold", _cold_rows), ("warm", _warm_rows), ("builds", _build_rows)):
        if name in r:
            rows += render(r[name])
    text = "\n".join(rows) + "\n"
    a = r.get("agreement")
    if a:
        text += f"\nLowest cosine ONNX vs sentence-transformers: {a['min_cosine_all']:.7f} " + (
            "(" + ", ".join(f"{k} {v:.7f}" for k, v in a["min_cosine"].items()) + ")."
        )
    if a and "citations_differ" in a:
        text += (
            f" Dev set ({a['dev_questions']} questions): {len(a['citations_differ'])} answers "
            f"cite differently; pass rate {a['pass_rate_onnx']:.1%} (ONNX) vs "
            f"{a['pass_rate_reference']:.1%} (sentence-transformers)."
        )
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cold_start")
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller reports")
    parser.add_argument("--no-eval", action="store_true", help="skip asking the dev set twice")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help="comma-separated sections to run (default all); the others are kept from the "
        "previous cold_start.json",
    )
    parser.add_argument(
        "--before",
        type=Path,
        default=None,
        help="a checkout of an earlier planqa (git worktree add DIR COMMIT) whose cold asks "
        "are timed in the same rounds",
    )
    parser.add_argument("--worker", nargs=3, metavar=("MODE", "ROOT", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        mode, root, n = args.worker
        print(json.dumps(warm_worker(mode, Path(root), int(n))))
        return 0
    only = [x.strip() for x in args.only.split(",") if x.strip()]
    if set(only) - set(SECTIONS):
        parser.error(f"unknown sections; choose from {', '.join(SECTIONS)}")
    started = time.time()
    out = RESULTS / "cold_start.json"
    result: dict[str, Any] = json.loads(out.read_text()) if out.exists() and only != list(
        SECTIONS
    ) else {}
    result["machine"] = machine_info()
    with tempfile.TemporaryDirectory(prefix="planqa-cold-") as tmp:
        root = Path(tmp) / "indexes"
        sections = {
            "cold": lambda: cold(root, 3 if args.quick else 5, args.before),
            "warm": lambda: warm(root, 100 if args.quick else 200, 2 if args.quick else 3),
            "builds": lambda: builds(Path(tmp), 2 if args.quick else 4),
            "agreement": lambda: agreement(root, not args.no_eval),
        }
        for name in SECTIONS:
            if name not in only:
                continue
            log(f"{name}: start (load average {load_average()})")
            t, result[name] = timed(sections[name])
            result[name]["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S")
            log(f"{name}: done in {t:.0f} s")
    result["load_average_at_end"] = load_average()
    result["total_s"] = round(time.time() - started, 1)
    write_json(out, result)
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
