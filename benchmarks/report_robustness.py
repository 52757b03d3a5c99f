"""The robustness section of report.md."""

from __future__ import annotations

from typing import Any

from benchmarks.markdown import failure, table


def render_robustness(s: dict[str, Any], out: list[str]) -> None:
    rb = s.get("robustness")
    out.append("## 6. Robustness\n")
    if rb and not failure(rb):
        lq = rb.get("long_question")
        if isinstance(lq, list):
            out.append(
                "A 100,000-character question to `bot.ask` (must answer within 1 s with a "
                "truncation notice):\n"
            )
            out.append(
                table(
                    ["input", "chars", "seconds", "notice", "answered as", "ok"],
                    [
                        [
                            x["input"],
                            x["chars"],
                            round(x["seconds"], 3),
                            x["notice"] or "—",
                            x["kind"],
                            x["ok"],
                        ]
                        for x in lq
                    ],
                )
            )
        else:
            out.append(f"Long question: failed `{lq}`")
        kb = rb.get("kill_build")
        if isinstance(kb, list):
            out.append(
                f"\nSIGKILL during a forced rebuild (`open_index(..., rebuild=True)` in a child "
                f"process) of a {kb[0]['efforts']}-effort synthetic corpus whose good index "
                f"already exists (good build {kb[0]['good_build_s']} s); then the same corpus is "
                "opened in-process and asked a question:\n"
            )
            out.append(
                table(
                    [
                        "killed while",
                        "exit status",
                        "left behind",
                        "loaded without rebuild",
                        "good index untouched",
                        "load ms",
                        "citations",
                        "ok",
                    ],
                    [
                        [
                            f"{x['killed_while']} (+{x['kill_after_marker_s']} s)",
                            x["exit_status"],
                            ", ".join(f"`{e}`" for e in x["leftover_entries"]) or "nothing",
                            x["loaded_without_rebuild"],
                            x["good_index_untouched"],
                            x["load_ms"],
                            x["citations"],
                            x["ok"],
                        ]
                        for x in kb[1:]
                    ],
                )
            )
            if "left_behind_after_a_later_rebuild" in kb[0]:
                left = kb[0]["left_behind_after_a_later_rebuild"]
                out.append(
                    "\nAfter one more (completed) rebuild of the same corpus, the index root "
                    "holds besides the index: "
                    + (", ".join(f"`{e}`" for e in left) or "nothing")
                    + ".\n"
                )
        else:
            out.append(f"\nKill test: failed `{kb}`")
        nb = rb.get("network_blocked")
        if isinstance(nb, list):
            out.append(
                "\n`planqa ask` with every socket connect and DNS lookup raising (a `-c` wrapper "
                "patches `socket`), and `HF_HUB_OFFLINE`/`TRANSFORMERS_OFFLINE` unset:\n"
            )
            out.append(
                table(
                    ["case", "exit", "seconds", "blocked attempts", "answered"],
                    [
                        [
                            x["case"],
                            x["rc"],
                            x["wall_s"],
                            x["blocked_connection_attempts"],
                            x["answered"],
                        ]
                        for x in nb
                    ],
                )
            )
        else:
            out.append(f"\nNetwork test: failed `{nb}`")
        out.append("")
    else:
        out.append(failure(rb) if rb else "_not run_\n")
