"""The quality section of report.md."""

from __future__ import annotations

from typing import Any

from benchmarks.markdown import failure, pct, table
from benchmarks.quality import NAIVE_KEY, NAIVE_WINDOW, RETRIEVAL_KINDS


def render_quality(s: dict[str, Any], out: list[str]) -> None:
    qs = s.get("quality")
    out.append("## 5. Quality on `tests/data/questions.json`\n")
    if qs and not failure(qs):
        p, r = qs["pipelines"], qs["retrieval"]
        out.append(
            f"Answer pass rate over {qs['questions']} questions (`assistant.evaluate`: cited ids "
            "match, abstention matches, every `answer_contains` string present); for BM25-only and "
            "dense-only the assistant runs with its effort ranking forced to that mode. Retrieval "
            f"recall@5 over {qs['retrieval_questions']} questions of kinds "
            f"{', '.join(RETRIEVAL_KINDS)} with expected efforts: the expected efforts among the "
            "first 5 of `index.rank_efforts(question)`. Naive pipeline: fixed "
            f"{NAIVE_WINDOW}-character windows of the raw report text, dense top-5 with the same "
            f"model; an effort counts as retrieved when a retrieved window holds the first "
            f"{NAIVE_KEY} characters of its text (only "
            f"{', '.join(f'{k} {pct(v)}' for k, v in qs['naive_effort_coverage'].items())} of the "
            "efforts lie wholly inside one window).\n"
        )
        rows = []
        for name, label in (
            ("hybrid", "planqa hybrid"),
            ("bm25", "BM25 only"),
            ("dense", "dense only"),
            ("naive", "naive 500-char windows"),
        ):
            a = p.get(name)
            rows.append(
                [
                    label,
                    pct(a["pass_rate"]) if a else "—",
                    pct(a["by_corpus"]["bundled"]) if a else "—",
                    pct(a["by_corpus"]["multi"]) if a else "—",
                    pct(r[name]["recall_at_5"]),
                    pct(r[name]["all_expected_in_top5"]),
                ]
                + [pct(r[name]["by_kind"].get(k)) for k in RETRIEVAL_KINDS]
            )
        out.append(
            table(
                [
                    "pipeline",
                    "answer pass",
                    "pass (bundled)",
                    "pass (multi)",
                    "recall@5",
                    "all expected in top 5",
                    *[f"recall@5 {k}" for k in RETRIEVAL_KINDS],
                ],
                rows,
            )
        )
        h = p["hybrid"]
        out.append(
            f"\nplanqa (hybrid): {h['passed']}/{qs['questions']} pass; false abstentions "
            f"{pct(h['false_abstain_rate'])}, false answers {pct(h['false_answer_rate'])}.\n"
        )
        out.append(
            table(
                ["kind", "questions", "pass", "recall", "precision", "abstention"],
                [
                    [
                        k["kind"],
                        k["questions"],
                        pct(k["pass_rate"]),
                        pct(k["recall"]),
                        pct(k["precision"]),
                        pct(k["abstention_accuracy"]),
                    ]
                    for k in h["kinds"]
                ],
            )
        )
        if h["failures"]:
            out.append("\nFailed questions (hybrid):\n")
            for f in h["failures"]:
                out.append(
                    f"- {f['id']} [{f['kind']}] {f['question']!r}: expected {f['expected']}, "
                    f"cited {f['cited']}"
                    + (" (abstained)" if f["abstained"] else "")
                    + (f", missing text {f['missing_text']}" if f["missing_text"] else "")
                )
        out.append("")
    else:
        out.append(failure(qs) if qs else "_not run_\n")
