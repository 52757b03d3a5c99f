"""BM25 over the indexed documents, with English stemming (``bm25s`` + PyStemmer)."""

from __future__ import annotations

import io
import json
import logging
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
        >>> tokenize("shelters run by NGOs"), tokenize("an NGO shelter")
        (['shelter', 'run', 'ngo'], ['ngo', 'shelter'])
    """
    text = _ACRONYM_PLURAL.sub(r"\1", text)  # "NGOs" is "NGO", as "teachers" is "teacher"
    words = [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]
    return list(_stemmer().stemWords(words))


# An abbreviation in capitals with a plural "s": "NGOs", "NPOs", "URLs".
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")


# The files bm25s writes (``BM25.save``) and planqa reads back into memory.
DATA, INDICES, INDPTR = "data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy"
VOCAB, PARAMS = "vocab.index.json", "params.index.json"
# What planqa builds (bm25s's defaults); BM25L and BM25+ would need one more array.
_METHODS = frozenset({"lucene", "robertson", "atire"})
_BACKENDS = frozenset({"numpy"})


class Lexical:
    """A BM25 index over documents, saved as ``bm25s`` files (no pickle), held in memory.

    A loaded index holds every array and the vocabulary from the moment it is loaded, so
    the index folder may vanish or change under a running process. It scores queries from
    those arrays with numpy, as bm25s does, so answering never imports bm25s and scipy
    (a quarter of a second on a cold start); a ``bm25s`` retriever is made only to save.
    """

    def __init__(self, retriever: Any, size: int, *, saved: _Saved | None = None) -> None:
        self._retriever = retriever
        self._saved = saved
        self._lock = threading.Lock()
        self.size = size

    @property
    def retriever(self) -> Any:
        if self._retriever is None:
            with self._lock:
                if self._retriever is None and self._saved is not None:
                    self._retriever = self._saved.retriever()
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
        """Read a saved BM25 index of ``size`` documents into memory (see :meth:`from_files`).

        Raises:
            OSError: a file cannot be read.
            ValueError: a file is damaged or does not fit the others.
        """
        names = (DATA, INDICES, INDPTR, VOCAB, PARAMS)
        return cls.from_files({name: (folder / name).read_bytes() for name in names}, size)

    @classmethod
    def from_files(cls, files: Mapping[str, bytes], size: int) -> Lexical:
        """A BM25 index of ``size`` documents from the bytes of its saved files.

        Every array and the vocabulary are parsed and checked against each other here, so
        a damaged file fails at load (and the index is rebuilt), never mid-question.

        Raises:
            ValueError: a file is missing, damaged or does not fit the others.
        """
        return cls(None, size, saved=_Saved.parse(files, size))

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """The BM25 score of every document for ``query`` (zeros when no word is known)."""
        if self._saved is not None:
            vocab, dtype = self._saved.vocab, self._saved.params["dtype"]
            data, indices, indptr = self._saved.data, self._saved.indices, self._saved.indptr
        else:
            vocab, dtype = self.retriever.vocab_dict, self.retriever.dtype
            arrays = self.retriever.scores
            data, indices, indptr = arrays["data"], arrays["indices"], arrays["indptr"]
        # bm25s's own sum (BM25.get_scores with the numpy backend, for the methods planqa
        # builds): each query token adds its column of precomputed scores, in order.
        scores = np.zeros(self.size, dtype=np.dtype(dtype))
        for token in tokenize(query):
            column = vocab.get(token)
            if column is not None:
                start, end = indptr[column], indptr[column + 1]
                np.add.at(scores, indices[start:end], data[start:end])
        return np.asarray(scores, dtype=np.float32)


@dataclass(frozen=True)
class _Saved:
    """A saved bm25s index, read and checked, waiting to become a retriever."""

    params: dict[str, Any]
    vocab: dict[str, int]
    data: npt.NDArray[Any]
    indices: npt.NDArray[Any]
    indptr: npt.NDArray[Any]
    num_docs: int

    @classmethod
    def parse(cls, files: Mapping[str, bytes], size: int) -> _Saved:
        def need(name: str) -> bytes:
            if name not in files:
                raise ValueError(f"the BM25 index has no {name}")
            return files[name]

        params = _json(PARAMS, need(PARAMS))
        if not isinstance(params, dict):
            raise ValueError(f"{PARAMS} holds no parameters")
        num_docs = params.get("num_docs")
        if num_docs != size or isinstance(num_docs, bool):
            raise ValueError(f"the BM25 index holds {num_docs!r} documents, not {size}")
        data, indices, indptr = (_array(name, need(name)) for name in (DATA, INDICES, INDPTR))
        tokens = len(indptr) - 1
        if data.dtype.kind != "f" or not np.isfinite(data).all():
            raise ValueError(f"{DATA} holds no finite scores")
        if indices.dtype.kind not in "iu" or indptr.dtype.kind not in "iu":
            raise ValueError(f"{INDICES} and {INDPTR} must hold integers")
        if len(indices) != len(data) or tokens < 0:
            raise ValueError(f"{INDICES} and {DATA} differ in length")
        if indptr[0] != 0 or indptr[-1] != len(data) or (np.diff(indptr) < 0).any():
            raise ValueError(f"{INDPTR} does not index {DATA}")
        if len(indices) and (indices.min() < 0 or indices.max() >= size):
            raise ValueError(f"{INDICES} names documents outside 0..{size - 1}")
        vocab = _json(VOCAB, need(VOCAB))
        # bm25s gives the empty token the id after the last column; it never scores.
        if not isinstance(vocab, dict) or not all(
            type(i) is int and (0 <= i < tokens or (token == "" and i == tokens))
            for token, i in vocab.items()
        ):
            raise ValueError(f"{VOCAB} is no vocabulary of {tokens} tokens")
        return cls(_retriever_params(params), vocab, data, indices, indptr, size)

    def retriever(self) -> Any:
        """The bm25s retriever over these arrays, from memory.

        Sets what ``BM25.load`` (bm25s 0.3) sets after the constructor; the test that a
        saved index answers as the built one did guards this against a bm25s upgrade.
        """
        retriever = _bm25s().BM25(**self.params)
        retriever.vocab_dict = self.vocab
        retriever.unique_token_ids_set = set(self.vocab.values())
        retriever.nonoccurrence_array = None  # lucene, robertson and atire use none
        retriever.scores = {
            "data": self.data,
            "indices": self.indices,
            "indptr": self.indptr,
            "num_docs": self.num_docs,
        }
        return retriever


def _retriever_params(params: dict[str, Any]) -> dict[str, Any]:
    """The saved parameters bm25s's constructor takes, each checked."""
    out: dict[str, Any] = {}
    for key in ("k1", "b", "delta"):
        value = params.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{PARAMS}: {key} is {value!r}, not a number")
        out[key] = value
    method, idf = params.get("method"), params.get("idf_method")
    if method not in _METHODS or (idf is not None and idf not in _METHODS):
        raise ValueError(f"{PARAMS}: method {method!r} / {idf!r} is not one planqa builds")
    backend = params.get("backend", "numpy")
    if backend not in _BACKENDS:
        raise ValueError(f"{PARAMS}: backend {backend!r} is not one planqa builds")
    for key, kinds in (("dtype", "f"), ("int_dtype", "iu")):
        value = params.get(key)
        if not isinstance(value, str) or _kind(value) not in kinds:
            raise ValueError(f"{PARAMS}: {key} {value!r} is no numeric type")
        out[key] = value
    return out | {"method": method, "idf_method": idf, "backend": backend}


def _kind(dtype: str) -> str:
    """numpy's kind letter of a dtype name ("f" for "float32"), or "?" for no dtype."""
    try:
        return np.dtype(dtype).kind
    except TypeError:
        return "?"


def _json(name: str, blob: bytes) -> Any:
    try:
        return json.loads(blob)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise ValueError(f"{name} is not JSON ({exc})") from None


def _array(name: str, blob: bytes) -> npt.NDArray[Any]:
    """A one-dimensional .npy array whose header agrees with the file's length."""
    stream = io.BytesIO(blob)
    try:
        version = np.lib.format.read_magic(stream)
        read_header = (
            np.lib.format.read_array_header_1_0
            if version == (1, 0)
            else np.lib.format.read_array_header_2_0
        )
        shape, _, dtype = read_header(stream)
    except (ValueError, TypeError, SyntaxError) as exc:
        raise ValueError(f"{name} is no .npy array ({exc})") from None
    if len(shape) != 1 or dtype.hasobject:
        raise ValueError(f"{name} holds a {shape} {dtype} array, not a list of numbers")
    # Checked before numpy allocates: a forged header could ask for any size.
    if stream.tell() + shape[0] * dtype.itemsize != len(blob):
        raise ValueError(f"{name} is {len(blob)} bytes, not the {shape[0]} values it declares")
    stream.seek(0)
    array: npt.NDArray[Any] = np.load(stream, allow_pickle=False)
    return array
