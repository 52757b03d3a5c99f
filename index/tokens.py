"""Word-level matching of a question to an effort: BERTScore recall over token vectors.

A sentence vector averages a text's words, so a question that says each thing of an effort
in other words can land nearer an effort that shares only its frame. Scoring each content
word of the question by its best match among an effort's words, with the contextual token
vectors the sentence vector is pooled from, each word weighted by its rarity among the
efforts (BERTScore recall with idf: Zhang et al., "BERTScore: Evaluating Text Generation
with BERT", ICLR 2020), tells such efforts apart. The search re-orders its few best
efforts by it (:data:`RERANK_DEPTH`, :data:`TOKEN_WEIGHT`).

An embedder that can give token vectors has ``encode_with_tokens`` (:class:`TokenEmbedder`):
the sentence vectors and, per text, the unit vectors of its word pieces (without the
model's [CLS] and [SEP]) with the pieces themselves. An index built with one keeps each
effort's token vectors (:class:`EffortTokens`, float16) and how many efforts hold each
word piece; an index without them, or a query embedder without the method, ranks as
before.
"""

from __future__ import annotations

import io
import json
import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

__all__ = [
    "IDF_FLOOR",
    "MAX_TOKEN_EFFORTS",
    "RERANK_DEPTH",
    "TOKEN_WEIGHT",
    "EffortTokens",
    "TokenEmbedder",
    "TokenRows",
    "content_mask",
    "effort_tokens",
    "rescored",
    "token_recall",
]

# The efforts re-ordered, best first by the fused score, and how much the word-level
# recall weighs against that score (its spread among those few efforts is about 0.1).
# First effort expected, on the 2,850 dev questions that expect efforts (searched within
# their ministries and years), words unweighted: 2,222 without; with weight 0.5 2,280, 1.0
# 2,302, 2.0 2,316 (open paraphrases 526 → 561, 563, 561 of 772). Depth 5, 10 or 20 made
# no difference. End to end, of 3,952 dev questions: 3,642 without, 3,651 at 1.0, 3,648
# at 2.0.
RERANK_DEPTH = 10
TOKEN_WEIGHT = 1.0
# A question's words weigh by their rarity among the efforts (idf), at least this much:
# first effort expected 2,302 unweighted, 2,314 weighted (open paraphrases 563 → 577).
IDF_FLOOR = 0.5
# Above this many efforts an index keeps no token vectors and ranks by the fused score
# alone: at about 50 tokens an effort they take some 38 KB each in float16 (190 MB here;
# twenty years of reports hold about 2,000 efforts), and embedding them again costs a
# build about half as long as its first pass.
MAX_TOKEN_EFFORTS = 5_000

# Unit token vectors of one text (rows) and its word pieces ("stalk", "##ing").
TokenRows = tuple[npt.NDArray[np.float32], tuple[str, ...]]


@runtime_checkable
class TokenEmbedder(Protocol):
    """An embedder that also gives each text's token vectors, from the same pass."""

    def encode_with_tokens(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], list[TokenRows]]: ...


def content_mask(pieces: Sequence[str], skip: Collection[str]) -> npt.NDArray[np.bool_]:
    """Which word pieces are of content words: not punctuation, not a word of ``skip``
    (how a question asks: "what", "did"); a word's later pieces go with its first."""
    keep: list[bool] = []
    head = False
    for piece in pieces:
        if not piece.startswith("##"):
            head = piece[:1].isalnum() and piece not in skip
        keep.append(head)
    return np.array(keep, dtype=bool)


def token_recall(
    query: npt.NDArray[np.float32],
    effort: npt.NDArray[np.floating[Any]],
    weights: npt.NDArray[np.float64] | None = None,
) -> float:
    """The mean, over the query's rows (weighted by ``weights`` if given), of the best
    cosine to any of the effort's rows."""
    if not len(query) or not len(effort):
        return 0.0
    best = (query @ effort.T.astype(np.float32)).max(axis=1)
    if weights is None:
        return float(best.mean())
    return float((best * weights).sum() / max(float(weights.sum()), 1e-9))


def rescored(
    rows: TokenRows, tokens: EffortTokens, positions: Sequence[int], skip: Collection[str]
) -> list[float]:
    """What each effort's score changes by: :data:`TOKEN_WEIGHT` times its word-level recall
    of the query less the best among them (0 for the best; 0 for all when the query has no
    content word)."""
    vectors, pieces = rows
    keep = content_mask(pieces, skip)
    words = vectors[keep]
    if not len(words) or not positions:
        return [0.0] * len(positions)
    weights = tokens.weights([p for p, k in zip(pieces, keep, strict=True) if k])
    recall = [token_recall(words, tokens.effort(p), weights) for p in positions]
    top = max(recall)
    return [TOKEN_WEIGHT * (r - top) for r in recall]


@dataclass(frozen=True)
class EffortTokens:
    """Every effort's token vectors in one float16 array; effort ``i`` is rows
    ``offsets[i]:offsets[i + 1]``."""

    vectors: npt.NDArray[np.float16]
    offsets: npt.NDArray[np.int64]
    # How many efforts hold each word piece, for weighting a question's words by rarity.
    df: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        rows: Sequence[npt.NDArray[np.float32]],
        dimension: int,
        pieces: Sequence[Sequence[str]] = (),
    ) -> EffortTokens:
        sizes = np.array([len(r) for r in rows], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        vectors = (
            np.vstack(rows).astype(np.float16)
            if len(rows) and offsets[-1]
            else np.zeros((0, dimension), dtype=np.float16)
        )
        df = Counter(p for effort in pieces for p in set(effort))
        return cls(vectors, offsets, dict(df))

    def weights(self, pieces: Sequence[str]) -> npt.NDArray[np.float64] | None:
        """Each word piece's weight, its idf among the efforts (at least :data:`IDF_FLOOR`);
        None when the efforts' pieces are not known."""
        if not self.df:
            return None
        n = len(self)
        return np.array(
            [max(math.log((n + 1) / (self.df.get(p, 0) + 1)), IDF_FLOOR) for p in pieces]
        )

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def effort(self, position: int) -> npt.NDArray[np.float16]:
        return self.vectors[self.offsets[position] : self.offsets[position + 1]]

    def valid(self, efforts: int, dimension: int) -> bool:
        """Whether these are the token vectors of ``efforts`` efforts of that width."""
        return (
            len(self) == efforts
            and self.vectors.ndim == 2
            and self.vectors.shape[1] == dimension
            and int(self.offsets[0]) == 0
            and int(self.offsets[-1]) == len(self.vectors)
            and bool(np.all(np.diff(self.offsets) >= 0))
        )

    # -- persisted in an index folder (index.store) ------------------------------------

    FILES: ClassVar[tuple[str, str]] = ("tokens.npy", "token_offsets.npy")
    DF_FILE: ClassVar[str] = "token_df.json"

    def to_files(self) -> dict[str, bytes]:
        out = {}
        arrays: tuple[npt.NDArray[Any], ...] = (self.vectors, self.offsets)
        for name, array in zip(self.FILES, arrays, strict=True):
            buffer = io.BytesIO()
            np.save(buffer, array, allow_pickle=False)
            out[name] = buffer.getvalue()
        out[self.DF_FILE] = json.dumps(self.df, sort_keys=True).encode("utf-8")
        return out

    @classmethod
    def from_files(cls, files: dict[str, bytes]) -> EffortTokens | None:
        """The token vectors among an index folder's files; None when it has none."""
        if not all(name in files for name in cls.FILES):
            return None
        vectors, offsets = (
            np.load(io.BytesIO(files.pop(name)), allow_pickle=False) for name in cls.FILES
        )
        df = json.loads(files.pop(cls.DF_FILE, b"{}"))
        if not isinstance(df, dict) or not all(isinstance(v, int) for v in df.values()):
            raise ValueError(f"{cls.DF_FILE} is not a table of word pieces and counts")
        return cls(vectors.astype(np.float16, copy=False), offsets.astype(np.int64, copy=False), df)


def effort_tokens(embedder: object, texts: Sequence[str], dimension: int) -> EffortTokens | None:
    """The token vectors of the efforts' texts, if ``embedder`` gives them and there are
    not more than :data:`MAX_TOKEN_EFFORTS`."""
    if not isinstance(embedder, TokenEmbedder) or len(texts) > MAX_TOKEN_EFFORTS:
        return None
    _, tokens = embedder.encode_with_tokens(texts)
    if len(tokens) != len(texts):
        return None
    return EffortTokens.of(
        [rows for rows, _ in tokens], dimension, [pieces for _, pieces in tokens]
    )
