"""Hybrid search over an index: dense (FAISS) and lexical (BM25) rankings, fused.

Filters (ministries, fiscal years, months) are turned into a document mask *before*
either ranking is cut, so a filter can never drop a matching effort that a later cut
would have kept. Per query the work is one embedding, one FAISS search, one sparse BM25
scoring pass (vectorised) and a Python loop over the few hundred fused candidates only.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict

from index.documents import Chunk, CitedEffort
from index.embedder import Embedder
from index.fusion import RRF_K, convex, rrf, top
from index.lexical import STOPWORDS, Lexical
from index.tokens import RERANK_DEPTH, EffortTokens, TokenEmbedder, TokenRows, rescored

__all__ = ["Hit", "Mode", "SearchIndex", "EffortMatch", "RRF_K"]

Mode = Literal["hybrid", "dense", "bm25"]
Fusion = Literal["rrf", "convex"]
# Convex fusion, tuned on the first 138 dev questions (recall@5 and hit@1; see README):
# the dense cosine carries most of the weight, BM25 (scaled by the best BM25 score) breaks
# ties towards documents that share the question's rare words.
DEFAULT_FUSION: Fusion = "convex"
DEFAULT_ALPHA = 0.9
QUERY_CACHE_SIZE = 256
# Recall@10 against exact search, measured in benchmarks/ (report.md, section 4): on
# 11,665 real MiniLM vectors efSearch 128 → 0.973, 512 → 0.996; on 216,650 vectors (100,000
# efforts; all but 2,000 drawn from a Gaussian fitted to real ones, which is harder to search)
# with efConstruction 200: 512 → 0.957, 1024 → 0.986 at about 7.5 ms a query.
HNSW_EF_SEARCH = 1024
# How much an effort is credited for a match on its whole measure chunk, relative to a
# match on its own document. A measure's mixed text is near many questions at once and
# credits every effort under it alike, so it weighs less than an effort's own match: on
# the 2,640 dev questions that expect efforts, the first effort is expected for 69.9% at
# 1.0, 70.9% at 0.94, 71.1% at 0.9, 71.2% at 0 (paraphrases 58.7% → 61.7% at 0.9, and their
# recall@5 87.2% → 91.5%, the best of these); no kind is worse at 0.9.
MEASURE_WEIGHT = 0.9


class Hit(BaseModel):
    """One measure that matched a query, with the (filtered) efforts it holds, best first."""

    model_config = ConfigDict(frozen=True)

    text: str
    score: float
    similarity: float
    fiscal_year: int
    section: int
    section_title: str
    measure: int
    measure_title: str
    ministries: tuple[str, ...]
    efforts: tuple[CitedEffort, ...]
    effort_scores: tuple[float, ...]


@dataclass(frozen=True)
class EffortMatch:
    """An effort's place in a fused ranking; ``similarity`` is its best dense cosine."""

    position: int
    score: float
    similarity: float


class SearchIndex:
    """Everything a query needs, held in memory: vectors, BM25, metadata, filter arrays.

    Built by :func:`index.store.build_index` or loaded by :func:`index.store.load_index`.
    """

    def __init__(
        self,
        *,
        efforts: Sequence[CitedEffort],
        chunks: Sequence[Chunk],
        vectors: Any,
        lexical: Lexical,
        embedder: Embedder,
        glossary: dict[str, str],
        fiscal_years: Sequence[int],
        corpus_sha256: str,
        tokens: EffortTokens | None = None,
    ) -> None:
        self.efforts = list(efforts)
        self.chunks = list(chunks)
        self.vectors = vectors  # a faiss index
        self.lexical = lexical
        self.embedder = embedder
        self.glossary = dict(glossary)
        self.fiscal_years = tuple(fiscal_years)
        self.corpus_sha256 = corpus_sha256
        self.tokens = tokens  # each effort's token vectors, for re-ranking (index.tokens)
        self._query_cache: dict[str, npt.NDArray[np.float32]] = {}
        self._token_cache: dict[str, TokenRows] = {}
        self._cache_lock = threading.Lock()
        self.ministries = tuple(
            sorted({m for e in self.efforts for m in e.ministries} | set(self.glossary))
        )
        self._ministry_col = {m: i for i, m in enumerate(self.ministries)}
        self.months = tuple(sorted({d for e in self.efforts for d in e.dates}))
        self._month_col = {m: i for i, m in enumerate(self.months)}
        n = len(self.efforts)
        self.effort_year = np.array([e.fiscal_year for e in self.efforts], dtype=np.int32)
        self.effort_ministry = np.zeros((n, len(self.ministries)), dtype=bool)
        self.effort_month = np.zeros((n, len(self.months)), dtype=bool)
        for row, effort in enumerate(self.efforts):
            for m in effort.ministries:
                self.effort_ministry[row, self._ministry_col[m]] = True
            for d in effort.dates:
                self.effort_month[row, self._month_col[d]] = True
        # chunk → efforts membership as flat arrays, so a chunk mask is one reduceat
        sizes = np.array([len(c.efforts) for c in self.chunks], dtype=np.int64)
        self._chunk_ptr = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self._chunk_members = np.array([p for c in self.chunks for p in c.efforts], dtype=np.int64)
        self._chunk_is_measure = np.array([c.kind == "measure" for c in self.chunks])
        # An effort's "text" view is folded into its effort document: the document ranks
        # by the better cosine of the two, and BM25 holds the document only.
        effort_chunk = {c.key: i for i, c in enumerate(self.chunks) if c.kind == "effort"}
        self._folds_into = np.array(
            [
                effort_chunk.get(c.key, i) if c.kind == "text" else i
                for i, c in enumerate(self.chunks)
            ],
            dtype=np.int64,
        )
        self._scored_by_words = np.array(
            [i for i, c in enumerate(self.chunks) if c.kind != "text"], dtype=np.int64
        )
        self._measure_chunk = {
            (c.fiscal_year, c.section, c.measure): i
            for i, c in enumerate(self.chunks)
            if c.kind == "measure"
        }

    # -- filters -------------------------------------------------------------------------

    def effort_mask(
        self,
        *,
        ministries: Collection[str] | None = None,
        fiscal_years: Collection[int] | None = None,
        months: Collection[str] | None = None,
    ) -> npt.NDArray[np.bool_] | None:
        """Which efforts pass the filters (None: no filter at all).

        A ministry filter matches an effort attributed to any of the ministries, alone or
        jointly; a month filter matches an effort dated in any of the months.
        """
        if not ministries and not fiscal_years and months is None:
            return None
        mask = np.ones(len(self.efforts), dtype=bool)
        if ministries:
            cols = [self._ministry_col[m] for m in ministries if m in self._ministry_col]
            mask &= self.effort_ministry[:, cols].any(axis=1) if cols else False
        if fiscal_years:
            mask &= np.isin(self.effort_year, np.fromiter(fiscal_years, dtype=np.int32))
        if months is not None:
            cols = [self._month_col[m] for m in months if m in self._month_col]
            mask &= self.effort_month[:, cols].any(axis=1) if cols else False
        return mask

    def _chunk_mask(self, effort_mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
        if not self.chunks:
            return np.zeros(0, dtype=bool)
        hits = effort_mask[self._chunk_members].astype(np.int8)
        return np.maximum.reduceat(hits, self._chunk_ptr).astype(bool)

    # -- ranking -------------------------------------------------------------------------

    def embed_query(self, query: str) -> npt.NDArray[np.float32]:
        """The query's vector; recent ones are kept, as follow-ups re-read earlier questions."""
        cached = self._query_cache.get(query)
        if cached is None:
            tokens: list[TokenRows] = []
            if self.tokens is not None and isinstance(self.embedder, TokenEmbedder):
                cached, tokens = self.embedder.encode_with_tokens([query])  # the same pass
            else:
                cached = self.embedder.encode([query])
            with self._cache_lock:  # the web UI asks from several threads
                if len(self._query_cache) >= QUERY_CACHE_SIZE:
                    old = next(iter(self._query_cache))
                    self._query_cache.pop(old)
                    self._token_cache.pop(old, None)
                self._query_cache[query] = cached
                if tokens:
                    self._token_cache[query] = tokens[0]
        return cached

    def _dense(
        self, vector: npt.NDArray[np.float32], depth: int, allowed: npt.NDArray[np.int64] | None
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        faiss: Any = importlib.import_module("faiss")  # its stubs lack the selector API

        if allowed is None:
            scores, ids = self.vectors.search(vector, depth)
        else:
            selector = faiss.IDSelectorBatch(allowed)
            params = (
                faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, depth))
                if isinstance(self.vectors, faiss.IndexHNSW)
                else faiss.SearchParameters(sel=selector)
            )
            scores, ids = self.vectors.search(vector, depth, params=params)
        keep = ids[0] >= 0
        return ids[0][keep].astype(np.int64), scores[0][keep]

    def nearest_similarity(self, query: str) -> float:
        """The best dense cosine between ``query`` and any document, no filter applied."""
        if not self.chunks:
            return -1.0
        _, sims = self._dense(self.embed_query(query), 1, None)
        return float(sims[0]) if sims.size else -1.0

    def rank_chunks(
        self,
        query: str,
        *,
        chunk_mask: npt.NDArray[np.bool_] | None = None,
        depth: int = 50,
        mode: Mode = "hybrid",
        fusion: Fusion = DEFAULT_FUSION,
        alpha: float = DEFAULT_ALPHA,
        vector: npt.NDArray[np.float32] | None = None,
    ) -> tuple[list[tuple[int, float]], dict[int, float]]:
        """Fused ranking of chunk positions, and each ranked chunk's dense cosine."""
        n = len(self.chunks)
        if n == 0:
            return [], {}
        allowed = None if chunk_mask is None else np.flatnonzero(chunk_mask).astype(np.int64)
        if allowed is not None and allowed.size == 0:
            return [], {}
        depth = min(depth, n if allowed is None else int(allowed.size))
        # The dense ranking runs in every mode: its cosine is what abstention is judged on.
        qv = self.embed_query(query) if vector is None else vector
        ids, sims = self._dense(qv, depth, allowed)
        # Ranked on the better view; judged (abstention) on the document's own cosine.
        best: dict[int, float] = {}
        cosine: dict[int, float] = {}
        folded = self._folds_into[ids].tolist()
        for i, j, sim in zip(ids.tolist(), folded, sims.tolist(), strict=True):
            best[j] = max(sim, best.get(j, -1.0))
            if i == j:
                cosine[j] = sim
        for j in best.keys() - cosine.keys():
            cosine[j] = float(np.dot(self.vectors.reconstruct(int(j)), qv[0]))
        dense_rank = sorted(best, key=lambda i: (-best[i], i))
        lex_rank: list[int] = []
        lex_scores: dict[int, float] = {}
        if mode != "dense":
            scores = np.zeros(n, dtype=np.float32)
            scores[self._scored_by_words] = self.lexical.scores(query)
            if chunk_mask is not None:
                scores = np.where(chunk_mask, scores, 0.0)
            best_words = top(scores, depth)
            lex_rank = [int(i) for i in best_words if scores[i] > 0]
            lex_scores = {i: float(scores[i]) for i in lex_rank}
        if mode == "dense":
            fused = [(i, best[i]) for i in dense_rank]
        elif mode == "bm25":
            fused = [(i, lex_scores[i]) for i in lex_rank]
        elif fusion == "rrf":
            fused = rrf(dense_rank, lex_rank)
        else:
            fused = convex(best, lex_scores, alpha)
        missing = [i for i, _ in fused if i not in cosine]
        if missing:
            for i in missing:
                cosine[i] = float(np.dot(self.vectors.reconstruct(int(i)), qv[0]))
        return fused, cosine

    def rank_efforts(
        self,
        query: str,
        *,
        effort_mask: npt.NDArray[np.bool_] | None = None,
        depth: int = 50,
        mode: Mode = "hybrid",
        fusion: Fusion = DEFAULT_FUSION,
        alpha: float = DEFAULT_ALPHA,
        skip_words: Collection[str] = STOPWORDS,
    ) -> list[EffortMatch]:
        """Efforts best first: each scores as the best chunk (effort or measure) holding it.

        The first :data:`~index.tokens.RERANK_DEPTH` are then re-ordered by how well each
        content word of the query (not one of ``skip_words``) is met by a word of the
        effort (:mod:`index.tokens`), where the index holds token vectors.
        """
        chunk_mask = None if effort_mask is None else self._chunk_mask(effort_mask)
        fused, cosine = self.rank_chunks(
            query, chunk_mask=chunk_mask, depth=depth, mode=mode, fusion=fusion, alpha=alpha
        )
        best: dict[int, EffortMatch] = {}
        for chunk_id, score in fused:
            chunk = self.chunks[chunk_id]
            weight = MEASURE_WEIGHT if chunk.kind == "measure" else 1.0
            for position in chunk.efforts:
                if effort_mask is not None and not effort_mask[position]:
                    continue
                s = score * weight
                old = best.get(position)
                sim = cosine.get(chunk_id, 0.0)
                if old is None or s > old.score:
                    best[position] = EffortMatch(
                        position, s, max(sim, old.similarity if old else -1.0)
                    )
                elif sim > old.similarity:
                    best[position] = EffortMatch(position, old.score, sim)
        ranked = sorted(best.values(), key=lambda m: (-m.score, m.position))
        return self._by_words(query, ranked, skip_words) if mode != "bm25" else ranked

    def _by_words(
        self, query: str, ranked: list[EffortMatch], skip_words: Collection[str]
    ) -> list[EffortMatch]:
        """The first few of ``ranked`` ordered by their score plus the change their
        word-level recall of the query makes (:func:`~index.tokens.rescored`). Each keeps
        its fused score, on which what is close to the first is judged: re-scoring them as
        well passed 3,649 dev questions, keeping the scores 3,651."""
        rows = self._token_cache.get(query)
        if self.tokens is None or rows is None:
            return ranked
        head = ranked[:RERANK_DEPTH]
        change = rescored(rows, self.tokens, [m.position for m in head], skip_words)
        order = sorted(range(len(head)), key=lambda i: (-(head[i].score + change[i]), i))
        return [head[i] for i in order] + ranked[RERANK_DEPTH:]

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        ministries: Collection[str] | None = None,
        fiscal_years: Collection[int] | None = None,
        months: Collection[str] | None = None,
        mode: Mode = "hybrid",
        fusion: Fusion = DEFAULT_FUSION,
    ) -> list[Hit]:
        """The ``k`` best measures for ``query``, each with its matching efforts, best first."""
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        mask = self.effort_mask(ministries=ministries, fiscal_years=fiscal_years, months=months)
        matches = self.rank_efforts(
            query, effort_mask=mask, depth=max(50, 4 * k), mode=mode, fusion=fusion
        )
        groups: dict[tuple[int, int, int], list[EffortMatch]] = {}
        for match in matches:
            e = self.efforts[match.position]
            groups.setdefault((e.fiscal_year, e.section, e.measure), []).append(match)
        ranked = sorted(groups.items(), key=lambda kv: -kv[1][0].score)[:k]
        return [self._hit(key, group) for key, group in ranked]

    def _hit(self, key: tuple[int, int, int], group: list[EffortMatch]) -> Hit:
        efforts = tuple(self.efforts[m.position] for m in group)
        first = efforts[0]
        chunk_id = self._measure_chunk.get(key)
        text = self.chunks[chunk_id].text if chunk_id is not None else first.text
        ministries = tuple(dict.fromkeys(m for e in efforts for m in e.ministries))
        return Hit(
            text=text,
            score=group[0].score,
            similarity=max(m.similarity for m in group),
            fiscal_year=first.fiscal_year,
            section=first.section,
            section_title=first.section_title,
            measure=first.measure,
            measure_title=first.measure_title,
            ministries=ministries,
            efforts=efforts,
            effort_scores=tuple(m.score for m in group),
        )
