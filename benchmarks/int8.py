"""Issue 12, int8 "only if it costs nothing": static quantisation calibrated on the corpus.

    python -m benchmarks.int8 [--no-eval] [--calibration N]

1. **Quantise.** The packaged model is traced as planqa exports it (``index.onnx_export.trace``),
   shape-inferred, then quantised statically with onnxruntime (QDQ; int8 weights per channel,
   uint8 activations) on N documents of the dev corpora (default 400: every document of the
   bundled plan and an even spread of the rest, run together in windows of 128 tokens),
   activation ranges by ``--method`` (minmax by default; percentile 99.99, entropy; or
   ``dynamic``, not calibrated, for comparison). Only
   the dense layers (a MatMul by a weight) of encoder layers 1-4 are quantised: the first
   and last layers, attention's products of two activations, the embeddings and the
   pooling stay fp32. Then it is optimised and saved as planqa's fp32 export is
   (``index.onnx_export.optimise``).
2. **Speed.** One question embedded at a time, one thread, 200 dev questions, int8 and
   planqa's fp32 export alternating in one process (3 rounds); the session start of each.
3. **Agreement.** The lowest cosine of int8 to fp32 (and to sentence-transformers) over every
   document of the dev corpora and every dev question.
4. **Citations.** The dev set (``planqa eval --split dev --no-stability``) asked with each
   embedder: how many answers cite other efforts, and the pass rates.

int8 is shipped only if (4) finds no answer citing differently. Writes the method's entry
of ``benchmarks/results/int8.json`` and prints a summary (Markdown).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import RESULTS, load_average, machine_info, ratio, stats_ms, write_json
from benchmarks.context import log

ROUNDS = 3
WINDOW = 128  # tokens per calibration input
CALIBRATION = {
    "minmax": lambda m: m.MinMax,
    "percentile": lambda m: m.Percentile,  # the 99.99th percentile of each tensor's values
    "entropy": lambda m: m.Entropy,
    "dynamic": lambda m: None,  # not calibrated: dynamic quantisation, for comparison
}
FIRST_LAST = ("/encoder/layer.0/", "/encoder/layer.5/")  # all-MiniLM-L6-v2 has six layers


def quantise(
    traced: Path, out: Path, texts: list[str], tokenizer: Any, method: str
) -> dict[str, Any]:
    """``traced`` quantised to ``out`` (one file), calibrated on ``texts``; what was done."""
    import onnx
    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_dynamic,
        quantize_static,
    )
    from onnxruntime.quantization.shape_inference import quant_pre_process

    inferred = traced.with_name("inferred.onnx")
    with contextlib.chdir(traced.parent):  # where onnxruntime's tools leave scratch files
        quant_pre_process(
            str(traced), str(inferred), skip_optimization=True, skip_symbolic_shape=True
        )
    graph = onnx.load(str(inferred), load_external_data=False).graph
    weights = {i.name for i in graph.initializer}
    # The dense layers (a MatMul by a weight); attention's products of two activations stay
    # fp32, as do the first and last layers.
    matmuls = [n for n in graph.node if n.op_type == "MatMul"]
    dense = [n.name for n in matmuls if n.input[1] in weights]
    kept = [n.name for n in matmuls if n.name not in dense] + [
        n for n in dense if "/encoder/layer." not in n or any(k in n for k in FIRST_LAST)
    ]

    # The documents' tokens run together and cut into windows of one length (histogram
    # calibration needs one shape), each between [CLS] and [SEP]: real text, no padding.
    stream = [i for t in texts for i in tokenizer.encode(t, add_special_tokens=False).ids]
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    size = WINDOW - 2
    windows = [[cls, *stream[k : k + size], sep] for k in range(0, len(stream) - size + 1, size)]

    class Documents(CalibrationDataReader):  # type: ignore[misc]
        def __init__(self) -> None:
            self.feeds: Iterator[dict[str, np.ndarray]] = (
                {
                    "input_ids": np.array([w], dtype=np.int64),
                    "attention_mask": np.ones((1, len(w)), dtype=np.int64),
                }
                for w in windows
            )

        def get_next(self) -> dict[str, np.ndarray] | None:
            return next(self.feeds, None)

    started = time.perf_counter()
    if method == "dynamic":  # for comparison: weights int8, activations ranged per call
        quantize_dynamic(
            str(inferred),
            str(out),
            op_types_to_quantize=["MatMul"],
            per_channel=True,
            weight_type=QuantType.QInt8,
            nodes_to_exclude=kept,
        )
        windows = []
    else:
        quantize_static(
            str(inferred),
            str(out),
            Documents(),
            quant_format=QuantFormat.QDQ,
            op_types_to_quantize=["MatMul"],
            per_channel=True,
            weight_type=QuantType.QInt8,
            activation_type=QuantType.QUInt8,
            nodes_to_exclude=kept,
            calibrate_method=CALIBRATION[method](CalibrationMethod),
            extra_options={"CalibPercentile": 99.99},
        )
    return {
        "calibration_texts": len(texts),
        "calibration_windows": len(windows),
        "calibration": method,
        "matmuls": len(matmuls),
        "matmuls_quantised": len(matmuls) - len(kept),
        "quantise_s": round(time.perf_counter() - started, 1),
    }


def _embedder(folder: Path, reference: Any) -> Any:
    """planqa's query embedder over the export in ``folder`` (graph, weights, tokenizer)."""
    from index.onnx_embedder import (
        ONNX_MODEL,
        ONNX_TOKENIZER,
        ONNX_WEIGHTS,
        OnnxEmbedder,
        OnnxExport,
    )

    graph, tok = (folder / ONNX_MODEL).read_bytes(), (folder / ONNX_TOKENIZER).read_bytes()
    weights = (folder / ONNX_WEIGHTS).read_bytes()
    record = OnnxExport(
        model_sha256=hashlib.sha256(graph).hexdigest(),
        tokenizer_sha256=hashlib.sha256(tok).hexdigest(),
        weights_sha256=hashlib.sha256(weights).hexdigest(),
        max_length=256,
        min_cosine=0.0,
        checked_texts=0,
        exported_with={},
        optimized=True,
    )
    return OnnxEmbedder(graph, tok, record, fallback=reference, weights=(folder / ONNX_WEIGHTS)
                        .open("rb"), folder=folder, source=str(folder))  # fmt: skip


def run(tmp: Path, calibration: int, method: str, with_eval: bool) -> dict[str, Any]:
    from assistant import Assistant
    from assistant.evaluate import EVALSET, corpus_paths, evaluate, load_questions
    from benchmarks.common import forget_queries, timed, unique_question_texts
    from index import MiniLMEmbedder, build_chunks
    from index.embedder import model_path
    from index.onnx_embedder import ONNX_TOKENIZER
    from index.onnx_export import agreement, exported_model, optimise, trace

    root = tmp / "indexes"
    questions = load_questions(EVALSET / "dev.json")
    reference = MiniLMEmbedder(onnx=False)
    fp32_folder, _ = exported_model(root)
    names = sorted({q.corpus for q in questions})
    fp32_bots = {n: Assistant.load(corpus_paths(n), root, embedder=MiniLMEmbedder()) for n in names}
    documents = {n: [c.text for c in build_chunks(b.corpus)[1]] for n, b in fp32_bots.items()}
    fp32 = fp32_bots["bundled"].index.embedder

    # 1. quantise, calibrated on the corpus
    rest = [t for n in names if n != "bundled" for t in documents[n]]
    spread = np.linspace(0, len(rest) - 1, max(calibration - len(documents["bundled"]), 0))
    texts = documents["bundled"] + [rest[int(i)] for i in spread.round()]
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(fp32_folder / ONNX_TOKENIZER))  # cut at 256, no padding
    tokenizer.no_padding()
    traced = tmp / "traced.onnx"
    trace(model_path(), traced)
    int8_folder = tmp / "int8"
    int8_folder.mkdir()
    log("int8: quantising")
    made = quantise(traced, tmp / "int8-qdq.onnx", texts, tokenizer, method)
    optimise(tmp / "int8-qdq.onnx", int8_folder)
    (int8_folder / ONNX_TOKENIZER).write_bytes((fp32_folder / ONNX_TOKENIZER).read_bytes())
    int8 = _embedder(int8_folder, reference)
    sizes = {
        "fp32_weights_mb": round((fp32_folder / "model.onnx.data").stat().st_size / 1e6, 1),
        "int8_weights_mb": round((int8_folder / "model.onnx.data").stat().st_size / 1e6, 1),
    }

    # 2. speed, interleaved in this process
    log("int8: speed")
    start_fp32, _ = timed(lambda: _embedder(fp32_folder, reference).encode(["warm-up"]))
    start_int8, _ = timed(lambda: _embedder(int8_folder, reference).encode(["warm-up"]))
    asked = [q for q in unique_question_texts() if q.strip()][:200]
    times: dict[str, list[float]] = {"fp32": [], "int8": []}
    for turn in range(ROUNDS):
        for i, text in enumerate(asked):
            order = [("fp32", fp32), ("int8", int8)][:: 1 if (i + turn) % 2 else -1]
            for name, embedder in order:
                times[name].append(timed(lambda e=embedder, t=text: e.encode([t]))[0])
    ms = {name: stats_ms(t) for name, t in times.items()}

    # 3. agreement
    log("int8: agreement")
    lowest: dict[str, float] = {}
    lowest_reference: dict[str, float] = {}
    for name in names:
        a, b = int8.encode(documents[name]), fp32.encode(documents[name])
        lowest[name] = float(agreement(a, b).min())
        lowest_reference[name] = float(agreement(a, reference.encode(documents[name])).min())
    every = list(dict.fromkeys(q.question for q in questions))
    a = int8.encode(every)
    lowest["dev questions"] = float(agreement(a, fp32.encode(every)).min())
    lowest_reference["dev questions"] = float(agreement(a, reference.encode(every)).min())
    result: dict[str, Any] = {
        "method": (
            "dynamic, int8 weights per channel"
            if method == "dynamic"
            else f"static QDQ, int8 weights per channel, uint8 activations, {method}"
        )
        + "; only the dense layers of encoder layers 1-4",
        **made,
        **sizes,
        "session_start_ms": {"fp32": round(start_fp32 * 1000, 1),
                             "int8": round(start_int8 * 1000, 1)},  # fmt: skip
        "warm_embed_ms": ms,
        "ratio_int8_to_fp32": ratio(ms["int8"]["median"], ms["fp32"]["median"]),
        "min_cosine_to_fp32": lowest,
        "min_cosine_to_fp32_all": min(lowest.values()),
        "min_cosine_to_reference_all": min(lowest_reference.values()),
    }

    # 4. citations on the dev set
    if with_eval:
        log("int8: the dev set with fp32, then with int8")
        int8_bots: dict[str, Assistant] = {}

        def int8_bot(name: str) -> Assistant:
            if name not in int8_bots:
                bot = Assistant.load(corpus_paths(name), root, embedder=MiniLMEmbedder())
                bot.index.embedder = int8
                forget_queries(bot.index)
                int8_bots[name] = bot
            return int8_bots[name]

        a_report = evaluate(questions, lambda n: fp32_bots[n], with_stability=False)
        b_report = evaluate(questions, int8_bot, with_stability=False)
        differ = [
            x.question.id
            for x, y in zip(a_report.outcomes, b_report.outcomes, strict=True)
            if x.cited != y.cited
        ]
        result.update(
            dev_questions=len(questions),
            citations_differ=len(differ),
            citations_differ_ids=differ,
            pass_rate_fp32=round(a_report.pass_rate, 4),
            pass_rate_int8=round(b_report.pass_rate, 4),
        )
    result["shipped"] = bool(with_eval and result.get("citations_differ") == 0)
    return result


def summary(r: dict[str, Any]) -> str:
    ms = r["warm_embed_ms"]
    lines = [
        "| int8 (static, calibrated) vs planqa's fp32 export | fp32 | int8 | ratio |",
        "|---|---|---|---|",
        f"| warm query embedding, 1 thread, median | {ms['fp32']['median']:.2f} ms "
        f"| {ms['int8']['median']:.2f} ms | {r['ratio_int8_to_fp32']} |",
        f"| session start | {r['session_start_ms']['fp32']:.0f} ms "
        f"| {r['session_start_ms']['int8']:.0f} ms | |",
        f"| weights | {r['fp32_weights_mb']} MB | {r['int8_weights_mb']} MB | |",
        f"| lowest cosine to fp32 (dev documents and questions) | 1 "
        f"| {r['min_cosine_to_fp32_all']:.4f} | |",
    ]
    if "citations_differ" in r:
        lines.append(
            f"| dev answers citing differently (of {r['dev_questions']}) | 0 "
            f"| {r['citations_differ']} | |"
        )
        lines.append(
            f"| dev pass rate | {r['pass_rate_fp32']:.1%} | {r['pass_rate_int8']:.1%} | |"
        )
    return "\n".join(lines) + f"\n\nShipped: {'yes' if r['shipped'] else 'no'}.\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.int8")
    parser.add_argument("--no-eval", action="store_true", help="skip asking the dev set twice")
    parser.add_argument("--calibration", type=int, default=400, help="calibration documents")
    parser.add_argument(
        "--method", choices=sorted(CALIBRATION), default="minmax", help="activation ranges"
    )
    args = parser.parse_args(argv)
    started = time.time()
    out = RESULTS / "int8.json"
    # One entry per method; the other methods' entries are kept from earlier runs.
    result: dict[str, Any] = json.loads(out.read_text()) if out.exists() else {}
    log(f"int8: start (load average {load_average()})")
    with tempfile.TemporaryDirectory(prefix="planqa-int8-") as tmp:
        r = run(Path(tmp), args.calibration, args.method, not args.no_eval)
    r |= {
        "machine": machine_info(),
        "load_average_at_end": load_average(),
        "total_s": round(time.time() - started, 1),
    }
    result[args.method] = r
    write_json(out, result)
    print(summary(r))
    print(json.dumps(r["min_cosine_to_fp32"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
