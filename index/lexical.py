"""BM25 over the indexed documents, with English stemming (``bm25s`` + PyStemmer)."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Lexical", "tokenize"]

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def _bm25s() -> Any:
    import bm25s

    # bm25s sets its own logger to DEBUG on import, which prints every build on a terminal.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


# The English stop words bm25s uses, kept here so tokenising a question does not import
# bm25s (and scipy) for questions that never search.
STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their "
    "then there these they this to was will with".split()
)


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free, stemmed word tokens.

    Example:
        >>> tokenize("Organized awareness-raising seminars for teachers")
        ['organiz', 'awareness-rais', 'seminar', 'teacher']
    """
    words = [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]
    return list(_stemmer().stemWords(words))


class Lexical:
    """A BM25 index over documents, saved and loaded as ``bm25s`` files (no pickle).

    A loaded index reads its files on first use: questions answered from the effort
    table alone (a ministry's efforts, a month) never pay for importing bm25s and scipy.
    """

    def __init__(self, retriever: Any, size: int, *, folder: Path | None = None) -> None:
        self._retriever = retriever
        self._folder = folder
        self._lock = threading.Lock()
        self.size = size

    @property
    def retriever(self) -> Any:
        if self._retriever is None:
            with self._lock:
                if self._retriever is None:
                    self._retriever = _bm25s().BM25.load(
                        str(self._folder), load_corpus=False, allow_pickle=False
                    )
        return self._retriever

    @classmethod
    def build(cls, texts: Sequence[str]) -> Lexical:
        retriever = _bm25s().BM25()
        # An empty-token placeholder keeps documents with no words from breaking indexing.
        retriever.index([tokenize(t) or ["∅"] for t in texts], show_progress=False)
        return cls(retriever, len(texts))

    def save(self, folder: Path) -> None:
        self.retriever.save(str(folder), allow_pickle=False, show_progress=False)

    @classmethod
    def load(cls, folder: Path, size: int) -> Lexical:
        """A BM25 index whose (checksummed) files are read when first searched."""
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        if not isinstance(params, dict) or params.get("num_docs") != size:
            raise ValueError(
                f"the BM25 index holds {params.get('num_docs')!r} documents, not {size}"
            )
        for array in folder.glob("*.npy"):
            # Reads the header only: a damaged file fails here, at load, not mid-question.
            np.load(array, mmap_mode="r", allow_pickle=False)
        return cls(None, size, folder=folder)

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """The BM25 score of every document for ``query`` (zeros when no word is known)."""
        retriever = self.retriever
        ids = retriever.get_tokens_ids(tokenize(query))
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(retriever.get_scores(ids), dtype=np.float32)
