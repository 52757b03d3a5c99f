"""BM25 over the indexed documents, with English stemming (``bm25s`` + PyStemmer)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Lexical", "tokenize"]

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free, stemmed word tokens.

    Example:
        >>> tokenize("Organized awareness-raising seminars for teachers")
        ['organiz', 'awareness-rais', 'seminar', 'teacher']
    """
    stop = _stopwords()
    words = [w for w in _WORD.findall(text.lower()) if w not in stop]
    return list(_stemmer().stemWords(words))


class Lexical:
    """A BM25 index over documents, saved and loaded as ``bm25s`` files (no pickle)."""

    def __init__(self, retriever: Any, size: int) -> None:
        self._retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: Sequence[str]) -> Lexical:
        import bm25s

        retriever = bm25s.BM25()
        # An empty-token placeholder keeps documents with no words from breaking indexing.
        retriever.index([tokenize(t) or ["∅"] for t in texts], show_progress=False)
        return cls(retriever, len(texts))

    def save(self, folder: Path) -> None:
        self._retriever.save(str(folder), allow_pickle=False, show_progress=False)

    @classmethod
    def load(cls, folder: Path, size: int) -> Lexical:
        import bm25s

        retriever = bm25s.BM25.load(str(folder), load_corpus=False, allow_pickle=False)
        return cls(retriever, size)

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """The BM25 score of every document for ``query`` (zeros when no word is known)."""
        ids = self._retriever.get_tokens_ids(tokenize(query))
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(ids), dtype=np.float32)
