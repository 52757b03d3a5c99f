"""Child processes of ``benchmarks.run``: an index build measured on its own, and a build to kill.

    python -m benchmarks.workers build --corpus DIR --root DIR --out FILE [--budget-s S]
        [--embed-cache FILE]
    python -m benchmarks.workers rebuild --corpus DIR --root DIR --pause-at embed|save

``build`` runs in its own process so that its peak RSS is the build's alone. It first embeds
a random sample of the documents with the real model (``--probe``, default 2,000) and prints
an ETA for embedding them all. When the ETA fits ``--budget-s`` the whole corpus is embedded
with the real model (the sample's vectors are reused, not recomputed). When it does not, the
sample keeps its real vectors and every other document gets a *substitute* vector drawn from a
Gaussian fitted to real MiniLM vectors (mean and full covariance, then L2-normalised); the
rest of the build (parsing, chunking, BM25, FAISS, saving) is real, and the build time with the
real model is estimated as measured build − substitute time + ETA. The JSON it writes says
which of the two happened.

With ``--embed-cache`` (index's ``embeddings.sqlite3``) a build embedding for real keeps every
batch it embeds there, so a build that was interrupted resumes: the probe and the ETA cover
only the documents the cache lacks, and each session's embedding time and count are kept
beside the cache (``embed-sessions.json``, rewritten after every batch) so that the build's
total embedding time can be given. Substitute vectors never enter the cache.

``rebuild`` starts a forced rebuild of an index that already exists and prints a marker when
it is embedding (``embed``) or about to write the BM25 files into its temporary folder
(``save``, where it then pauses), so that the parent can SIGKILL it at that point.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from benchmarks import common  # noqa: F401  (sets the offline environment first)
from corpus import load_corpus
from index import MODEL_NAME, MiniLMEmbedder, build_chunks, build_index, index_folder, save_index
from index.embed_cache import EmbeddingCache, text_key


def fit_gaussian(vectors: npt.NDArray[np.float32]) -> tuple[np.ndarray, np.ndarray]:
    """Mean and a Cholesky factor of the covariance of real embedding vectors."""
    x = np.asarray(vectors, dtype=np.float64)
    mean = x.mean(axis=0)
    cov = np.cov(x, rowvar=False) + 1e-6 * np.eye(x.shape[1])
    return mean, np.linalg.cholesky(cov)


def sample_gaussian(
    fit: tuple[np.ndarray, np.ndarray], n: int, rng: np.random.Generator
) -> npt.NDArray[np.float32]:
    mean, chol = fit
    z = rng.standard_normal((n, mean.size))
    x = mean + z @ chol.T
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x.astype(np.float32)


class BenchEmbedder:
    """Real MiniLM vectors for cached texts; the rest from the model, or substitutes.

    It carries the real model's name and width, so the index it builds loads with the real
    :class:`MiniLMEmbedder` for queries afterwards.
    """

    name = MODEL_NAME
    dimension = 384

    def __init__(
        self,
        real: MiniLMEmbedder,
        cache: dict[str, np.ndarray],
        fit: tuple[np.ndarray, np.ndarray] | None,
        total: int,
        seed: int = 0,
        on_batch: Callable[[BenchEmbedder], None] | None = None,
    ) -> None:
        self.real = real
        self.on_batch = on_batch
        self.cache = cache
        self.fit = fit
        self.total = total
        self.rng = np.random.default_rng(seed)
        self.real_s = 0.0
        self.substitute_s = 0.0
        self.real_count = 0
        self.substitute_count = 0
        self.cached_count = 0
        self.done = 0
        self.started = time.perf_counter()
        self._last_print = 0.0

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        missing = []
        for i, text in enumerate(texts):
            vector = self.cache.get(text)
            if vector is None:
                missing.append(i)
            else:
                out[i] = vector
        self.cached_count += len(texts) - len(missing)
        if missing:
            started = time.perf_counter()
            if self.fit is None:
                out[missing] = self.real.encode([texts[i] for i in missing])
                self.real_s += time.perf_counter() - started
                self.real_count += len(missing)
            else:
                out[missing] = sample_gaussian(self.fit, len(missing), self.rng)
                self.substitute_s += time.perf_counter() - started
                self.substitute_count += len(missing)
        self.done += len(texts)
        if self.on_batch is not None:
            self.on_batch(self)
        now = time.perf_counter()
        if self.fit is None and now - self._last_print > 30:
            self._last_print = now
            elapsed = now - self.started
            left = elapsed / max(1, self.done) * (self.total - self.done)
            print(
                f"  embedding {self.done:,}/{self.total:,} documents, "
                f"{elapsed:.0f}s so far, about {left:.0f}s left",
                file=sys.stderr,
                flush=True,
            )
        return out


def _disk(folder: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_file():
            top = path.relative_to(folder).parts[0]
            sizes[top] = sizes.get(top, 0) + path.stat().st_size
    sizes["total"] = sum(sizes.values())
    return sizes


class Sessions:
    """The embedding sessions of one resumable build: ``[{started, documents, embed_s}]``."""

    def __init__(self, path: Path, *, fresh: bool) -> None:
        self.path = path
        earlier = [] if fresh or not path.exists() else json.loads(path.read_text())
        self.earlier: list[dict[str, Any]] = earlier
        self.now = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "documents": 0, "embed_s": 0.0}

    def update(self, documents: int, embed_s: float) -> None:
        self.now.update(documents=documents, embed_s=round(embed_s, 1))
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps([*self.earlier, self.now], indent=1), encoding="utf-8")
        tmp.replace(self.path)

    def total(self) -> tuple[int, float]:
        every = [*self.earlier, self.now]
        return sum(int(s["documents"]) for s in every), sum(float(s["embed_s"]) for s in every)


def _record_session(
    sessions: Sessions, probe_documents: int, probe_s: float, embedder: BenchEmbedder
) -> None:
    sessions.update(probe_documents + embedder.real_count, probe_s + embedder.real_s)


def cmd_build(args: argparse.Namespace) -> int:
    result: dict[str, Any] = {}
    if args.hnsw_threshold is not None:
        import index.store

        index.store.HNSW_THRESHOLD = args.hnsw_threshold
        result["hnsw_threshold_override"] = args.hnsw_threshold
    real = MiniLMEmbedder()
    t = time.perf_counter()
    real.encode(["warm-up sentence"])
    result["model_load_s"] = round(time.perf_counter() - t, 2)

    t = time.perf_counter()
    corpus = load_corpus(args.corpus)
    result["parse_s"] = round(time.perf_counter() - t, 2)
    efforts, chunks = build_chunks(corpus)
    texts = list(dict.fromkeys(c.text for c in chunks))
    result.update(efforts=len(efforts), documents=len(chunks), unique_documents=len(texts))

    store = None
    todo = texts
    if args.embed_cache is not None:
        args.embed_cache.parent.mkdir(parents=True, exist_ok=True)
        store = EmbeddingCache(args.embed_cache)
        held = store.lookup(MODEL_NAME, real.dimension, [text_key(x) for x in texts])
        todo = [x for x in texts if text_key(x) not in held]
        result["cached_at_start"] = len(texts) - len(todo)
        del held
    # The probe embeds documents the build still needs, so its work is not wasted on a resume.
    pool = todo or texts
    probe = random.Random(args.seed).sample(pool, min(args.probe, len(pool)))
    t = time.perf_counter()
    probe_vectors = real.encode(probe)
    probe_s = time.perf_counter() - t
    rate = len(probe) / probe_s
    probe_needed = len(probe) if todo else 0
    eta_s = probe_s + (len(todo) - probe_needed) / rate
    result.update(
        probe_documents=len(probe),
        probe_s=round(probe_s, 2),
        embed_rate_per_s=round(rate, 2),
        embed_all_eta_s=round(eta_s, 1),
        budget_s=args.budget_s,
    )
    real_all = eta_s <= args.budget_s
    print(
        f"  {len(chunks):,} documents; embedding {len(probe):,} took {probe_s:.1f}s "
        f"({rate:.1f}/s): ETA for all {eta_s / 60:.1f} min, budget {args.budget_s / 60:.1f} min "
        f"-> {'real model for all' if real_all else 'real model for the sample only'}",
        file=sys.stderr,
        flush=True,
    )
    fit = None
    if not real_all:
        fit_source = [probe_vectors]
        for extra in args.fit_vectors:
            fit_source.append(np.load(extra))
        fit_rows = np.vstack(fit_source)
        fit = fit_gaussian(fit_rows)
        result["substitute_fit_rows"] = int(len(fit_rows))
    sessions: Sessions | None = None
    on_batch: Callable[[BenchEmbedder], None] | None = None
    needed_probe_s = probe_s if todo else 0.0  # a probe of cached texts is no build work
    if store is not None and real_all:
        # A cache that held none of this corpus starts a new count of sessions.
        sessions = Sessions(
            Path(args.embed_cache).with_name("embed-sessions.json"),
            fresh=result["cached_at_start"] == 0,
        )
        on_batch = partial(_record_session, sessions, probe_needed, needed_probe_s)

    cache = dict(zip(probe, probe_vectors, strict=True))
    embedder = BenchEmbedder(real, cache, fit, total=len(todo), seed=args.seed, on_batch=on_batch)

    t = time.perf_counter()
    # Substitute vectors carry the real model's name: they must never reach the cache.
    idx = build_index(corpus, embedder, cache=store if real_all else None)
    if store is not None:
        store.close()
    build_s = time.perf_counter() - t
    folder = index_folder(corpus, args.root)
    t = time.perf_counter()
    save_index(idx, folder, corpus_source=str(args.corpus))
    save_s = time.perf_counter() - t

    embed_in_build_s = embedder.real_s + embedder.substitute_s
    result.update(
        mode="real" if real_all else "substitute",
        build_s=round(build_s, 2),
        embed_in_build_s=round(embedder.real_s, 2),
        substitute_s=round(embedder.substitute_s, 3),
        build_without_embedding_s=round(build_s - embed_in_build_s, 2),
        save_s=round(save_s, 2),
        real_vectors=result.get("cached_at_start", 0) + embedder.cached_count + embedder.real_count,
        substitute_vectors=embedder.substitute_count,
        faiss_index=type(idx.vectors).__name__,
        folder=str(folder),
        disk_bytes=_disk(folder),
    )
    # The index build as `planqa index` does it, model already loaded: parse, chunk, embed,
    # BM25, FAISS, save. Real when every vector was real, else estimated from the ETA.
    without_embedding = result["parse_s"] + (build_s - embed_in_build_s) + save_s
    if sessions is not None:
        _record_session(sessions, probe_needed, needed_probe_s, embedder)
        documents, embed_s = sessions.total()
        result.update(
            resumed=result["cached_at_start"] > 0,
            embed_sessions=[*sessions.earlier, sessions.now],
            embedded_all_sessions=documents,
            embed_all_sessions_s=round(embed_s, 1),
        )
        # The build's work: every session's embedding, plus this session's rest.
        result["index_build_s"] = round(without_embedding + embed_s, 1)
        result["index_build_estimated"] = False
    elif real_all:
        result["index_build_s"] = round(without_embedding + probe_s + embedder.real_s, 1)
        result["index_build_estimated"] = False
    else:
        result["index_build_s"] = round(without_embedding + eta_s, 1)
        result["index_build_estimated"] = True
    result["build_measured_s"] = round(without_embedding + probe_s + embed_in_build_s, 1)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    Path(args.out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    from index import open_index
    from index.lexical import Lexical

    real = MiniLMEmbedder()
    corpus = load_corpus(args.corpus)

    class Announcing:
        name = real.name
        dimension = real.dimension
        announced = False

        def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
            if not self.announced and args.pause_at == "embed":
                self.announced = True
                print("EMBEDDING", flush=True)
            return real.encode(texts)

    if args.pause_at == "save":
        original = Lexical.save

        def slow_save(self: Lexical, folder: Path) -> None:
            print("SAVING", flush=True)
            time.sleep(60)
            original(self, folder)

        Lexical.save = slow_save  # type: ignore[method-assign]
    open_index(corpus, Announcing(), root=args.root, rebuild=True)
    print("FINISHED", flush=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.workers")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build")
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--root", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--budget-s", type=float, default=25 * 60)
    p.add_argument("--probe", type=int, default=2000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--fit-vectors", type=Path, action="append", default=[])
    p.add_argument(
        "--embed-cache", type=Path, default=None, help="keep real vectors here, to resume"
    )
    p.add_argument(
        "--hnsw-threshold", type=int, default=None, help="override, to test the HNSW path"
    )
    p = sub.add_parser("rebuild")
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--root", type=Path, required=True)
    p.add_argument("--pause-at", choices=["embed", "save"], default="embed")
    args = parser.parse_args(argv)
    return cmd_build(args) if args.command == "build" else cmd_rebuild(args)


if __name__ == "__main__":
    raise SystemExit(main())
