"""The scale section of report.md."""

from __future__ import annotations

from typing import Any

from benchmarks.markdown import failure, fmt, table
from benchmarks.scale import EF_SWEEP, HNSW_PARAMS


def render_scale(s: dict[str, Any], out: list[str]) -> None:
    sc = s.get("scale")
    out.append("## 4. Scale (synthetic reports from `corpus/synth.py`)\n")
    if sc and not failure(sc):
        sizes = sc["sizes"]
        ok = {k: v for k, v in sizes.items() if "error" not in v}
        hp = sc.get("hnsw_params", HNSW_PARAMS)
        out.append(
            f"Each build runs in a child process (its peak RSS is the build's, model included). "
            f"Above {sc['hnsw_threshold']:,} documents the index is HNSW "
            f"(M={hp['M']}, efConstruction={hp['efConstruction']}, "
            f"efSearch={hp['efSearch']}), below it exact `IndexFlatIP`; the floor "
            "always searches exactly, so above the threshold it is slower than planqa's HNSW. "
            "⚠ marks a corpus whose vectors are mostly substitutes (see below); its build "
            "time is then an estimate.\n"
        )
        overrides = {v.get("hnsw_threshold_override") for v in ok.values()} - {None}
        if overrides:
            out.append(f"**Test run: HNSW threshold overridden to {overrides}.**\n")
        out.append(
            table(
                [
                    "efforts",
                    "documents",
                    "vectors",
                    "index build s",
                    "peak RSS MB",
                    "disk MB",
                    "index load ms",
                    "search median ms",
                    "search p95 ms",
                    "floor median ms",
                    "ratio",
                    "recall@10 HNSW vs exact",
                ],
                [
                    [
                        int(k),
                        v["documents"],
                        v["faiss_index"] + ("" if v["mode"] == "real" else " ⚠"),
                        (
                            fmt(v["index_build_s"])
                            + (" (est.)" if v["index_build_estimated"] else "")
                        ),
                        v["peak_rss_mb"],
                        round(v["disk_bytes"]["total"] / 1e6, 1),
                        v["index_load_ms"],
                        v["query"]["search_ms"]["median"],
                        v["query"]["search_ms"]["p95"],
                        v["query"]["floor_ms"]["median"],
                        fmt(v["query"]["ratio_median"], 2),
                        fmt(v["hnsw"]["recall_at_10"], 3),
                    ]
                    for k, v in ok.items()
                ],
            )
        )
        out.append("\nWhat was measured:\n")
        for k, v in ok.items():
            line = (
                f"- **{int(k):,} efforts**: {v['documents']:,} documents; the model embedded "
                f"{v['probe_documents']:,} sampled documents in {v['probe_s']} s "
                f"({v['embed_rate_per_s']}/s), ETA for all {fmt(v['embed_all_eta_s'] / 60)} min, "
                f"budget {fmt(v['budget_s'] / 60)} min. "
            )
            if v["mode"] == "real" and v.get("embed_sessions"):
                line += (
                    f"All {v['real_vectors']:,} vectors are real MiniLM vectors, kept in a "
                    f"persistent embedding cache (`--scale-root`) over "
                    f"{len(v['embed_sessions'])} session(s)"
                    f"{' (resumed)' if v.get('resumed') else ''}; the build time is measured "
                    f"({v['index_build_s']} s: embedding {fmt(v['embed_all_sessions_s'])} s "
                    f"of {v['embedded_all_sessions']:,} documents in all sessions, parse "
                    f"{v['parse_s']} s, the rest {v['build_without_embedding_s']} s, save "
                    f"{v['save_s']} s). "
                )
            elif v["mode"] == "real":
                line += (
                    f"All {v['real_vectors']:,} vectors are real MiniLM vectors; the build "
                    f"time is measured ({v['build_measured_s']} s: parse {v['parse_s']} s, "
                    f"embedding {fmt(v['probe_s'] + v['embed_in_build_s'])} s, the rest "
                    f"{v['build_without_embedding_s']} s, save {v['save_s']} s). "
                )
            else:
                line += (
                    f"⚠ Only {v['real_vectors']:,} vectors are real; {v['substitute_vectors']:,} "
                    f"are substitutes drawn from a Gaussian fitted to "
                    f"{v.get('substitute_fit_rows', 0):,} real MiniLM vectors. Parse "
                    f"({v['parse_s']} s), chunking, BM25, FAISS "
                    f"({v['build_without_embedding_s']} s together) and save ({v['save_s']} s) "
                    f"were measured; the build time shown is that plus the embedding ETA "
                    f"(measured total with substitutes: {v['build_measured_s']} s). "
                    "Recall is measured on the substitute vectors (real queries). "
                )
            h = v["hnsw"]
            line += f"HNSW for recall: {h['source']}, efSearch {h['efSearch']}"
            if h.get("build_s") is not None:
                line += f", built in {h['build_s']} s"
            if "recall_at_10_gaussian_same_size" in h:
                line += (
                    f"; a Gaussian stand-in of the same size gives recall@10 "
                    f"{h['recall_at_10_gaussian_same_size']:.3f} (vs {h['recall_at_10']:.3f} "
                    "on the real vectors), which calibrates the substitute figures"
                )
            q = v["query"]
            if v.get("first_search_ms") is not None:
                line += f". First search after loading: {v['first_search_ms']} ms"
            line += (
                f". Pure vector search, median: flat {q['vector_search_flat_ms']['median']} ms, "
                f"HNSW {q['vector_search_hnsw_ms']['median']} ms. "
                f"Recall over {v['recall_queries']} question embeddings; latency over "
                f"{q['queries']} queries."
            )
            out.append(line)
        sweep_rows = []
        for k, v in ok.items():
            h = v["hnsw"]
            kind = "real vectors" if v["mode"] == "real" else "⚠ mostly substitute vectors"
            for key, label in (("sweep", kind), ("sweep_gaussian", "Gaussian stand-in, same size")):
                if key in h:
                    sweep_rows.append(
                        [f"{int(k):,} efforts, {label}"]
                        + [
                            f"{x['recall_at_10']:.3f} ({x['query_ms']['median']:.2f} ms)"
                            for x in h[key]
                        ]
                    )
        if sweep_rows:
            out.append(
                "\nRecall@10 of HNSW against exact search by `efSearch` (median one-query "
                "vector-search time in brackets; planqa uses "
                f"{hp['efSearch']}, or the search depth if "
                "larger):\n"
            )
            out.append(table(["corpus", *[f"ef {e}" for e in EF_SWEEP]], sweep_rows))
        for k, v in sizes.items():
            if "error" in v:
                out.append(f"- **{int(k):,} efforts**: failed: `{v['error']}`")
        out.append("")
    else:
        out.append(failure(sc) if sc else "_not run_\n")
