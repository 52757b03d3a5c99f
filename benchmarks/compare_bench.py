"""Years compared: precision and recall of the matching, and how its line was calibrated.

The invented comparison reports (``assistant/evalset/compare1``, ``compare2``: FY2020 and
FY2021 continuing the real FY2019 report) come with hand-written labels
(``evalset/comparisons.json``): for each pair of years, the continued pairs, the new
efforts and those no longer reported. With the packaged model:

1. **Score** (default): :data:`assistant.compare.RULE` on both pairs, precision and recall
   of continued pairs, new and no longer reported efforts. FY2019 → FY2020 is the
   calibration pair; FY2020 → FY2021 is held out. Also whether an optimal one-to-one
   assignment (Hungarian, scipy) would pair anything differently from planqa's greedy one.
2. **Calibrate** (``--calibrate``): on FY2019 → FY2020 *only*, the F1 of continued pairs for
   every same-measure line from 0.30 to 0.95 (step 0.005); the line chosen is the middle of
   the widest run of lines with the best F1 (the largest margin on both sides). The held-out
   pair is never read in this mode.

    python -m benchmarks.compare_bench [--calibrate] [--index-dir DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import REPO, load_average, machine_info

RESULTS = REPO / "benchmarks" / "results" / "compare_bench.json"
EVALSET = REPO / "assistant" / "evalset"


def load_bot(index_dir: Path) -> Any:
    """FY2019, FY2020 and FY2021 (corpus ``cmp2``) with the packaged model."""
    from assistant import Assistant
    from assistant.evaluate import corpus_paths

    return Assistant.load(corpus_paths("cmp2"), index_dir)


def score(bot: Any) -> dict[str, Any]:
    """:data:`RULE` on both labelled pairs, and greedy against an optimal assignment."""
    from assistant.compare import RULE
    from assistant.compare_eval import CALIBRATION_PAIR, load_labels, score_matching

    out: dict[str, Any] = {"rule": RULE.model_dump(), "describe": RULE.describe(), "pairs": []}
    for (before, after), labels in sorted(load_labels().items()):
        started = time.perf_counter()
        comparison = bot.compare(before, after)
        took = time.perf_counter() - started
        s = score_matching(comparison, labels)
        out["pairs"].append({
            "pair": f"FY{before} -> FY{after}",
            "role": "calibration" if (before, after) == CALIBRATION_PAIR else "held out",
            "seconds": round(took, 3),
            "table_row": s.row(),
            "wrong": list(s.wrong),
            **{name: {"precision": round(getattr(s, name).precision, 3),
                      "recall": round(getattr(s, name).recall, 3),
                      "found": getattr(s, name).found, "expected": getattr(s, name).expected,
                      "correct": getattr(s, name).correct}
               for name in ("continued", "new", "stopped")},
            "hungarian_differs": _hungarian_differs(bot, before, after),
        })
    return out


def _hungarian_differs(bot: Any, before: int, after: int) -> list[str]:
    """Pairs an optimal assignment (maximum total similarity) would make differently."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from assistant.compare import RULE, effort_vectors

    index = bot.index
    pos = {y: [p for p, e in enumerate(index.efforts) if e.fiscal_year == y]
           for y in (before, after)}
    greedy = bot.compare(before, after)
    measures = dict(greedy.measures)
    vb, va = effort_vectors(index, pos[before]), effort_vectors(index, pos[after])
    sims = va @ vb.T
    after_e = [index.efforts[p] for p in pos[after]]
    before_e = [index.efforts[p] for p in pos[before]]
    lines = np.array([[RULE.same_measure if measures.get(a.measure_title) == b.measure_title
                       else RULE.any_measure for b in before_e] for a in after_e])
    shared = np.array([[bool(set(a.ministries) & set(b.ministries)) for b in before_e]
                       for a in after_e])
    ok = (sims >= lines) & shared
    cost = np.where(ok, -sims, 0.0)
    rows, cols = linear_sum_assignment(cost)
    optimal = {(before_e[j].id, after_e[i].id) for i, j in zip(rows, cols, strict=True)
               if ok[i, j]}
    mine = {(p.before.id, p.after.id) for p in greedy.continued}
    return sorted(f"{a} -> {b}" for a, b in optimal ^ mine)


def calibrate(bot: Any, step: float = 0.005) -> dict[str, Any]:
    """F1 of continued pairs on the calibration pair for each same-measure line."""
    from assistant.compare import RULE, compare_years
    from assistant.compare_eval import CALIBRATION_PAIR, load_labels, score_matching

    labels = load_labels()[CALIBRATION_PAIR]
    curve = []
    n = int(round((0.95 - 0.30) / step))
    for k in range(n + 1):
        line = round(0.30 + k * step, 3)
        rule = RULE.model_copy(update={"same_measure": line})
        s = score_matching(compare_years(bot.index, *CALIBRATION_PAIR, rule=rule), labels)
        curve.append((line, round(s.continued.f1, 4), round(s.new.f1, 4), round(s.stopped.f1, 4)))
    best = max(f1 for _, f1, _, _ in curve)
    runs: list[list[float]] = []
    for line, f1, _, _ in curve:
        if f1 == best and runs and abs(runs[-1][-1] + step - line) < 1e-9:
            runs[-1].append(line)
        elif f1 == best:
            runs.append([line])
    widest = max(runs, key=len)
    return {
        "pair": f"FY{CALIBRATION_PAIR[0]} -> FY{CALIBRATION_PAIR[1]}",
        "best_continued_f1": best,
        "best_run": [widest[0], widest[-1]],
        "chosen_line": round((widest[0] + widest[-1]) / 2, 2),
        "curve": curve,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true",
                        help="sweep the same-measure line on FY2019 -> FY2020 only")
    parser.add_argument("--index-dir", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        bot = load_bot(args.index_dir or Path(tmp))
        result = calibrate(bot) if args.calibrate else score(bot)
    result["machine"] = machine_info()
    result["load_average"] = load_average()
    if not args.calibrate:
        RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    elif args.calibrate:
        print(f"{result['pair']}: best continued F1 {result['best_continued_f1']} for lines "
              f"{result['best_run'][0]} to {result['best_run'][1]}; chosen "
              f"{result['chosen_line']}")
        for line, f1, new, stopped in result["curve"][::10]:
            print(f"  line {line:.3f}: continued F1 {f1:.3f}, new {new:.3f}, stopped {stopped:.3f}")
    else:
        print(result["describe"])
        print("| pair | continued P / R | new P / R | no longer reported P / R |")
        print("|---|---|---|---|")
        for pair in result["pairs"]:
            print(pair["table_row"] + f"  ({pair['role']})")
        for pair in result["pairs"]:
            for w in pair["wrong"]:
                print(f"  {pair['pair']}: {w}")
            if pair["hungarian_differs"]:
                print(f"  {pair['pair']}: Hungarian differs on {pair['hungarian_differs']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
