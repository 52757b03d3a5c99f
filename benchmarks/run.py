"""planqa's benchmarks: speed (warm and cold), index builds, scale, quality and robustness.

    python -m benchmarks.run [--quick] [--only warm,cold,build,scale,quality,robustness]

Writes ``benchmarks/results/results.json`` (every number) and ``benchmarks/results/report.md``
(the tables). Every speed figure stands next to a *floor* measured in the same run on the same
machine, because the machine is small and shared and absolute times drift. ``--quick`` does
fewer repetitions and skips the 100,000-effort corpus; see ``benchmarks/README.md``.

The sections live in their own modules (``speed``, ``scale``, ``quality``, ``robustness``) and
``report`` renders report.md; this module parses the arguments and runs them in order.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import RESULTS, load_average, machine_info, write_json
from benchmarks.context import FULL, QUICK, Context, log
from benchmarks.quality import section_quality
from benchmarks.report import render
from benchmarks.robustness import section_robustness
from benchmarks.scale import section_scale
from benchmarks.speed import section_build, section_cold, section_warm

SECTIONS = ("warm", "cold", "build", "quality", "robustness", "scale")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer repetitions, no 100,000-effort corpus (about 10-15 minutes)",
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run (default all: {','.join(SECTIONS)}); "
        "the others are kept from the previous results.json",
    )
    parser.add_argument("--scale", default=None, help="comma-separated corpus sizes in efforts")
    parser.add_argument(
        "--deadline-min",
        type=float,
        default=None,
        help="whole-run time the scale section plans its embedding budget for",
    )
    parser.add_argument(
        "--embed-budget-min",
        type=float,
        default=None,
        help="minutes the scale section may embed for real before it samples (default 25); "
        "give it, and --deadline-min, the time a real 100,000-effort build takes",
    )
    parser.add_argument(
        "--scale-root",
        type=Path,
        default=None,
        help="keep the scale section's synthetic corpora and indexes in this folder, with "
        "their embedding cache, so that a rerun resumes a stopped build (not deleted)",
    )
    parser.add_argument(
        "--hnsw-threshold",
        type=int,
        default=None,
        help="testing: use HNSW above this many documents",
    )
    parser.add_argument(
        "--render-only", action="store_true", help="rewrite report.md from results.json"
    )
    args = parser.parse_args(argv)
    results_json = RESULTS / "results.json"
    if args.render_only:
        (RESULTS / "report.md").write_text(
            render(json.loads(results_json.read_text())), encoding="utf-8"
        )
        return 0
    only = [x.strip() for x in args.only.split(",") if x.strip()]
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    params = QUICK if args.quick else FULL
    if args.scale:
        params.scale_sizes = tuple(int(x) for x in args.scale.split(","))
    if args.deadline_min:
        params.deadline_min = args.deadline_min
    if args.embed_budget_min:
        params.embed_budget_min = args.embed_budget_min

    previous: dict[str, Any] = {}
    if set(only) != set(SECTIONS) and results_json.exists():
        previous = json.loads(results_json.read_text()).get("sections", {})
    results: dict[str, Any] = {
        "machine": machine_info(),
        "quick": args.quick,
        "params": params.__dict__,
        "sections": dict(previous),
    }
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="planqa-bench-") as tmp:
        ctx = Context(params=params, quick=args.quick, root=Path(tmp), started=started)
        ctx.hnsw_threshold = args.hnsw_threshold
        ctx.scale_root = args.scale_root
        functions: dict[str, Callable[[Context], dict[str, Any]]] = {
            "warm": section_warm,
            "cold": section_cold,
            "build": section_build,
            "quality": section_quality,
            "robustness": section_robustness,
            "scale": section_scale,
        }
        for name in SECTIONS:
            if name not in only:
                continue
            log(f"{name}: start (load average {load_average()})")
            t0 = time.perf_counter()
            try:
                section = functions[name](ctx)
            except Exception as exc:  # noqa: BLE001 - a failed section is reported, not fatal
                log(f"{name}: FAILED {type(exc).__name__}: {exc}")
                section = {
                    "error": f"{type(exc).__name__}: {exc}",
                    "traceback": traceback.format_exc()[-4000:],
                }
            section["section_s"] = round(time.perf_counter() - t0, 1)
            section["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S")
            if name == "scale":
                section = _with_earlier_sizes(section, previous.get("scale", {}))
            results["sections"][name] = section
            log(f"{name}: done in {section['section_s']} s")
            results["total_s"] = round(time.time() - started, 1)
            results["load_average_at_end"] = load_average()
            write_json(results_json, results)
            (RESULTS / "report.md").write_text(render(results), encoding="utf-8")
    log(f"wrote {results_json} and {RESULTS / 'report.md'} in {time.time() - started:.0f} s")
    return 0


def _with_earlier_sizes(section: dict[str, Any], earlier: dict[str, Any]) -> dict[str, Any]:
    """A scale run of some sizes (``--scale N``) keeps the rows of the sizes it did not run,
    each marked with when and with which HNSW settings it was measured."""
    kept = {
        size: {
            "measured_at": earlier.get("measured_at"),
            "hnsw_params": earlier.get("hnsw_params"),
            **row,
        }
        for size, row in earlier.get("sizes", {}).items()
        if size not in section.get("sizes", {})
    }
    if not kept or "sizes" not in section:
        return section
    sizes = kept | section["sizes"]
    return section | {"sizes": {k: sizes[k] for k in sorted(sizes, key=int)}}


if __name__ == "__main__":
    raise SystemExit(main())
