"""The quality section of report.md."""

from __future__ import annotations

from typing import Any

from benchmarks.markdown import failure, pct, table
from benchmarks.quality import NAIVE_KEY, NAIVE_WINDOW, RETRIEVAL_KINDS

PIPELINES = (
    ("hybrid", "planqa (hybrid ranking, synonym table)"),
    ("no_synonyms", "planqa without the synonym table"),
    ("no_word_rerank", "planqa without the word-level re-ranking"),
    ("bm25", "ranking forced to BM25 only"),
    ("dense", "ranking forced to dense only"),
)


def render_quality(s: dict[str, Any], out: list[str]) -> None:
    qs = s.get("quality")
    out.append("## 5. Quality on the dev and held-out question sets\n")
    if not qs or failure(qs):
        out.append(failure(qs) if qs else "_not run_\n")
        return
    p, r, n = qs["pipelines"], qs["retrieval"], qs["questions"]
    out.append(
        f"Claim-level pass rate (`assistant.evaluate`): the cited efforts match, the abstention "
        "matches, every `answer_contains` string is in the answer's own statements (quoted "
        "source lines excluded), and no stated figure or name is missing from the cited "
        f"efforts. Dev: {n['dev']} questions developed on; held-out: {n['heldout']} questions "
        "written from the reports before the redesign; held-out 2: "
        f"{n.get('heldout2', 0)} questions with an unseen invented FY2024 report written "
        f"after it; held-out 3: {n.get('heldout3', 0)} questions with an unseen invented "
        "FY2026 report written a session later; all by helpers who saw no code, never "
        "tuned on.\n"
    )
    splits = [s for s in ("dev", "heldout", "heldout2", "heldout3") if s in n]
    rows = []
    for name, label in PIPELINES:
        a = p.get(name)
        if a:
            rows.append(
                [label, *(pct(a[s]) for s in splits), a["false_abstentions"],
                 a["false_answers"], a["unsupported_facts"]]
            )
    out.append(
        table(
            ["pipeline", *splits, "false abstentions", "false answers", "unsupported facts"],
            rows,
        )
    )
    h = p["hybrid"]
    for title, key in (("kind", "kinds"), ("style", "styles")):
        groups = {s: {k["group"]: k for k in h[key][s]} for s in splits}
        out.append("")
        out.append(
            table(
                [title, *splits],
                [
                    [g, *(f"{pct(groups[s][g]['pass_rate'])} of {groups[s][g]['questions']}"
                          if g in groups[s] else "—" for s in splits)]
                    for g in sorted(set().union(*groups.values()))
                ],
            )
        )
    out.append(f"\nStability under rephrasing (same efforts cited, same abstention), "
               f"{pct(h['stability_rate'])} overall:\n")
    out.append(table(["variant", "pairs", "stable"],
                     [[v["kind"], v["pairs"], pct(v["rate"])] for v in h["stability"]]))
    out.append(
        f"\nRetrieval recall@5 over {qs['retrieval_questions']} dev questions of kinds "
        f"{', '.join(RETRIEVAL_KINDS)}: the expected efforts among the first 5 of "
        "`index.rank_efforts(question)`. Naive pipeline: fixed "
        f"{NAIVE_WINDOW}-character windows of the raw report text, dense top-5 with the same "
        f"model; an effort counts as retrieved when a retrieved window holds the first "
        f"{NAIVE_KEY} characters of its text (only "
        f"{', '.join(f'{k} {pct(v)}' for k, v in qs['naive_effort_coverage'].items())} of the "
        "efforts lie wholly inside one window).\n"
    )
    out.append(
        table(
            ["ranking", "recall@5", "all expected in top 5",
             *[f"recall@5 {k}" for k in RETRIEVAL_KINDS]],
            [
                [name, pct(r[name]["recall_at_5"]), pct(r[name]["all_expected_in_top5"])]
                + [pct(r[name]["by_kind"].get(k)) for k in RETRIEVAL_KINDS]
                for name in ("hybrid", "bm25", "dense", "naive")
            ],
        )
    )
    if h["failures"]:
        out.append("\nFailed dev questions (held-out failures are not listed):\n")
        for f in h["failures"]:
            out.append(
                f"- {f['id']} [{f['kind']}] {f['question']!r}: expected {f['expected']}, "
                f"cited {f['cited']}"
                + (" (abstained)" if f["abstained"] else "")
                + (f", missing text {f['missing_text']}" if f["missing_text"] else "")
                + (f", unsupported {f['unsupported']}" if f["unsupported"] else "")
            )
    out.append("")
