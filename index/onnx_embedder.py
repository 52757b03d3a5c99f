"""all-MiniLM-L6-v2 through ONNX Runtime: the query path, without torch or sentence-transformers.

An index built with :class:`~index.embedder.MiniLMEmbedder` holds ``model.onnx`` (the model
with mean pooling and L2 normalisation in its graph, exported, optimised by onnxruntime and
checked against sentence-transformers by :mod:`index.onnx_export`), its weights
``model.onnx.data`` and ``tokenizer.json``. Loading the index reads the graph and the
tokenizer (small) and opens the weights (90 MB); the first text to embed checks them against
the manifest and starts an ONNX Runtime session, so a question answered from the plan's
structure never pays for any of it. The session maps the weights from the folder when it
still holds the file opened at load, and otherwise reads them through that open file (the
same file, whatever has since become of the folder). Anything off (onnxruntime missing, a
damaged file, a session that will not start) logs one notice and hands every text to
sentence-transformers instead: a question is always answered, only more slowly.

The weights are checked by their size and modification time against those recorded with
their SHA-256 when the export was made (and hashed again by every build that links them);
only when those differ are the 90 MB hashed, about 0.1 s of a cold start otherwise spent on
every question. A file changed in place with its modification time set back is therefore
not noticed until the next build.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import os
import threading
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict

from index.embedder import Embedder, MiniLMEmbedder

__all__ = [
    "ONNX_MODEL",
    "ONNX_TOKENIZER",
    "ONNX_WEIGHTS",
    "OnnxEmbedder",
    "OnnxExport",
    "ReferenceStandIn",
    "query_embedder",
]

log = logging.getLogger("planqa")

ONNX_MODEL, ONNX_WEIGHTS, ONNX_TOKENIZER = "model.onnx", "model.onnx.data", "tokenizer.json"
BATCH_SIZE = 32
REBUILD_HINT = "run `planqa index --rebuild` to export it again"


class OnnxExport(BaseModel):
    """What an index's manifest records of the ONNX export beside its vectors."""

    model_config = ConfigDict(frozen=True)

    model_sha256: str  # the graph, model.onnx
    tokenizer_sha256: str
    max_length: int  # tokens; sentence-transformers' max_seq_length, not tokenizer.json's 128
    min_cosine: float  # the lowest cosine to sentence-transformers measured when checked
    checked_texts: int
    exported_with: dict[str, str]
    # The weights apart from the graph (model.onnx.data; "" when the graph holds them), and
    # the size and modification time the file had when that checksum was computed.
    weights_sha256: str = ""
    weights_bytes: int = 0
    weights_mtime_ns: int = 0
    optimized: bool = False  # the graph was saved as onnxruntime optimises it: no second pass


class OnnxEmbedder:
    """The exported model run by ONNX Runtime, tokenised by ``tokenizers``; same vectors.

    Args:
        model: The bytes of ``model.onnx`` (the graph, or the whole model).
        tokenizer: The bytes of ``tokenizer.json``.
        export: The manifest's record of both (checksums, token limit).
        fallback: The reference embedder, used if this one cannot start.
        threads: ONNX Runtime intra-op threads per call.
        source: Where the files came from, for the notice.
        weights: ``model.onnx.data`` opened, when the graph keeps its weights apart.
        folder: The folder the files were read from (where a session maps the weights).

    Example:
        >>> emb = OnnxEmbedder(graph, tok, export, fallback=MiniLMEmbedder(),
        ...                    weights=opened, folder=folder)  # doctest: +SKIP
        >>> emb.encode(["child abuse hotline"]).shape  # doctest: +SKIP
        (1, 384)
    """

    def __init__(
        self,
        model: bytes,
        tokenizer: bytes,
        export: OnnxExport,
        *,
        fallback: Embedder,
        threads: int = 1,
        source: str = "the index",
        weights: BinaryIO | None = None,
        folder: Path | None = None,
    ) -> None:
        self._files: tuple[bytes, bytes, BinaryIO | None] | None = (model, tokenizer, weights)
        if weights is not None:
            weakref.finalize(self, weights.close)  # never started: the file is let go with it
        self.export = export
        self.fallback = fallback
        self.threads = threads
        self.source = source
        self.folder = folder
        self._session: Any = None
        self._tokenizer: Any = None
        self._failed = False
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.fallback.name

    @property
    def dimension(self) -> int:
        return self.fallback.dimension

    @property
    def active(self) -> bool:
        """Whether texts go through ONNX Runtime (starting it if it has not started)."""
        return self._start()

    def _start(self) -> bool:
        with self._lock:
            if self._session is None and not self._failed:
                assert self._files is not None
                weights = self._files[2]
                try:
                    self._session, self._tokenizer = self._open(*self._files)
                except Exception as exc:  # noqa: BLE001 - any failure means: use the fallback
                    self._failed = True
                    reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
                    log.warning(
                        "planqa: cannot use the ONNX model of %s (%s); embedding with "
                        "sentence-transformers instead (%s)",
                        self.source,
                        reason,
                        "pip install onnxruntime" if isinstance(exc, ImportError) else REBUILD_HINT,
                    )
                finally:
                    if weights is not None:
                        weights.close()  # the session holds the weights now
                self._files = None
            return self._session is not None

    def _open(self, model: bytes, tokenizer: bytes, weights: BinaryIO | None) -> tuple[Any, Any]:
        if hashlib.sha256(model).hexdigest() != self.export.model_sha256:
            raise ValueError(f"{ONNX_MODEL} does not match its checksum")
        if hashlib.sha256(tokenizer).hexdigest() != self.export.tokenizer_sha256:
            raise ValueError(f"{ONNX_TOKENIZER} does not match its checksum")
        if weights is not None:
            self._check_weights(weights)
        return self._session_for(model, tokenizer, weights)

    def _check_weights(self, weights: BinaryIO) -> None:
        """The weights are those the export recorded: by size and time when both are as
        recorded with the checksum, else by the checksum itself."""
        stat = os.fstat(weights.fileno())
        if (stat.st_size, stat.st_mtime_ns) == (
            self.export.weights_bytes,
            self.export.weights_mtime_ns,
        ):
            return
        with mmap.mmap(weights.fileno(), 0, access=mmap.ACCESS_READ) as data:
            digest = hashlib.sha256(data).hexdigest()
        if digest != self.export.weights_sha256:
            raise ValueError(f"{ONNX_WEIGHTS} does not match its checksum")

    def _session_for(
        self, model: bytes, tokenizer: bytes, weights: BinaryIO | None
    ) -> tuple[Any, Any]:
        import onnxruntime as ort  # type: ignore[import-untyped]
        from tokenizers import Tokenizer

        tok = Tokenizer.from_str(tokenizer.decode("utf-8"))
        # As sentence-transformers does: cut at its max_seq_length, pad to the longest text
        # of the batch (tokenizer.json as shipped cuts at 128 and pads everything to 128).
        tok.enable_truncation(self.export.max_length)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")

        def options() -> Any:
            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3  # errors only: no optimiser chatter on stderr
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            if self.export.optimized:  # optimised once, at export: not again on every start
                options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
            return options

        providers = ["CPUExecutionProvider"]
        if weights is None:
            return ort.InferenceSession(model, options(), providers=providers), tok
        opened = os.fstat(weights.fileno())
        if self.folder is not None and _holds(self.folder / ONNX_WEIGHTS, opened):
            # Mapped from the folder by onnxruntime, not copied: a fifth of the start-up.
            mapped = options()
            mapped.add_session_config_entry(
                "session.model_external_initializers_file_folder_path", str(self.folder)
            )
            session = ort.InferenceSession(model, mapped, providers=providers)
            if _holds(self.folder / ONNX_WEIGHTS, opened):  # not replaced while it was read
                return session, tok
        # The folder was deleted or rebuilt since the index was loaded: the weights are
        # read through the file opened then.
        weights.seek(0)
        data = weights.read()
        given = options()
        given.add_external_initializers_from_files_in_memory([ONNX_WEIGHTS], [data], [len(data)])
        return ort.InferenceSession(model, given, providers=providers), tok

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if not self._start():
            return self.fallback.encode(texts)
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        # Longest first, as sentence-transformers batches, so each batch pads little.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), BATCH_SIZE):
            rows = order[start : start + BATCH_SIZE]
            encodings = self._tokenizer.encode_batch([texts[i] for i in rows])
            feed = {
                "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            }
            out[rows] = self._session.run(["embedding"], feed)[0]
        return out

    def encode_with_tokens(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], list[tuple[npt.NDArray[np.float32], tuple[str, ...]]]]:
        """The sentence vectors and each text's unit token vectors with its word pieces,
        without [CLS] and [SEP] (see :mod:`index.tokens`), from one pass."""
        if not self._start() or not self._has_tokens():
            return _with_tokens(self.fallback, texts)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        tokens: list[tuple[npt.NDArray[np.float32], tuple[str, ...]]] = []
        for start in range(0, len(texts), BATCH_SIZE):
            encodings = self._tokenizer.encode_batch(list(texts[start : start + BATCH_SIZE]))
            feed = {
                "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            }
            pooled, hidden = self._session.run(["embedding", "tokens"], feed)
            vectors[start : start + len(encodings)] = pooled
            for row, e in enumerate(encodings):
                length = sum(e.attention_mask)
                rows = hidden[row, 1 : length - 1].astype(np.float32)
                rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
                tokens.append((rows, tuple(e.tokens[1 : length - 1])))
        return vectors, tokens

    def _has_tokens(self) -> bool:
        """Whether the export gives token vectors (an export made before it did does not)."""
        return any(o.name == "tokens" for o in self._session.get_outputs())


def _with_tokens(
    embedder: Embedder, texts: Sequence[str]
) -> tuple[npt.NDArray[np.float32], list[tuple[npt.NDArray[np.float32], tuple[str, ...]]]]:
    method = getattr(embedder, "encode_with_tokens", None)
    if method is None:  # no token vectors: the search ranks without them
        return embedder.encode(texts), []
    result: tuple[
        npt.NDArray[np.float32], list[tuple[npt.NDArray[np.float32], tuple[str, ...]]]
    ] = method(texts)
    return result


class ReferenceStandIn:
    """The reference embedder where an ONNX export was expected; says why, once, on first use.

    Only a question that needs the model pays for sentence-transformers' start, so the
    notice is given then, not on every load.
    """

    def __init__(self, embedder: Embedder, notice: str) -> None:
        self.embedder = embedder
        self.notice = notice
        self._told = threading.Event()

    @property
    def name(self) -> str:
        return self.embedder.name

    @property
    def dimension(self) -> int:
        return self.embedder.dimension

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self._tell()
        return self.embedder.encode(texts)

    def encode_with_tokens(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], list[tuple[npt.NDArray[np.float32], tuple[str, ...]]]]:
        self._tell()
        return _with_tokens(self.embedder, texts)

    def _tell(self) -> None:
        if not self._told.is_set():
            self._told.set()
            log.warning("%s", self.notice)


def query_embedder(
    folder: Path, export: OnnxExport | None, embedder: Embedder, *, note: str = ""
) -> Embedder:
    """The embedder a loaded index answers queries with.

    For :class:`MiniLMEmbedder` (with ``onnx`` on) and an index holding an export: the
    export, its files opened now and read on first use. For other embedders: ``embedder``
    itself. Where an export was expected but is missing: ``embedder``, saying so on its
    first use.
    """
    if not isinstance(embedder, MiniLMEmbedder) or not embedder.onnx:
        return embedder
    if export is None:
        why = note or "built by an older planqa"
        return ReferenceStandIn(
            embedder,
            f"planqa: {folder} holds no ONNX model ({why}); embedding questions with "
            f"sentence-transformers, which takes seconds to load; {REBUILD_HINT}",
        )
    try:
        tokenizer = (folder / ONNX_TOKENIZER).read_bytes()
        model = (folder / ONNX_MODEL).read_bytes()
        # 90 MB: opened now, mapped or read when a question first needs them (an open file
        # keeps its contents however the folder is replaced or deleted meanwhile).
        weights = (folder / ONNX_WEIGHTS).open("rb") if export.weights_sha256 else None
    except OSError as exc:
        return ReferenceStandIn(
            embedder,
            f"planqa: cannot read the ONNX model in {folder} "
            f"({exc.strerror or type(exc).__name__}); embedding questions with "
            f"sentence-transformers; {REBUILD_HINT}",
        )
    return OnnxEmbedder(
        model,
        tokenizer,
        export,
        fallback=embedder,
        threads=embedder.threads,
        source=str(folder),
        weights=weights,
        folder=folder,
    )


def _holds(path: Path, opened: os.stat_result) -> bool:
    """Whether ``path`` is still the file that was opened."""
    try:
        return os.path.samestat(os.stat(path), opened)
    except OSError:
        return False
