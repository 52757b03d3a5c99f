"""report.md from the results dict: a header on the machine, then one part per section.

A part that cannot be rendered (a results.json from an older run, say) says so and the
others still render.
"""

from __future__ import annotations

from typing import Any

from benchmarks.markdown import fmt
from benchmarks.report_quality import render_quality
from benchmarks.report_robustness import render_robustness
from benchmarks.report_scale import render_scale
from benchmarks.report_speed import render_build, render_cold, render_warm


def render(results: dict[str, Any]) -> str:
    m = results["machine"]
    s = results["sections"]
    header = [
        f"- Date: {m['date']}  ·  mode: {'quick' if results['quick'] else 'full'}  ·  "
        f"total run time {fmt(results.get('total_s'), 0)} s",
        f"- Machine: {m['nproc']} CPU cores ({m['cpu_model']}), {fmt(m['ram_gib'])} GiB RAM, "
        f"{m['platform']}, Python {m['python']}",
        f"- Load average at start {m['load_average_at_start']}, at end "
        f"{results.get('load_average_at_end')} (the machine is shared: compare each figure with "
        "the floor measured next to it in the same run, not with absolute times).",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
    ]
    out = ["# planqa benchmarks", "\n".join(header)]
    for part in (
        render_warm,
        render_cold,
        render_build,
        render_scale,
        render_quality,
        render_robustness,
    ):
        try:
            part(s, out)
        except (KeyError, TypeError, IndexError) as exc:
            out.append(f"_Could not render this section ({exc!r}); rerun it._\n")
    blocks = [block.strip("\n") for block in out]
    return "\n\n".join(block for block in blocks if block) + "\n"
