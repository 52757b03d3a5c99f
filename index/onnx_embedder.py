"""all-MiniLM-L6-v2 through ONNX Runtime: the query path, without torch or sentence-transformers.

An index built with :class:`~index.embedder.MiniLMEmbedder` holds ``model.onnx`` (the model
with mean pooling and L2 normalisation in its graph, exported and checked against
sentence-transformers by :mod:`index.onnx_export`) and ``tokenizer.json``. Loading the index
reads the tokenizer and opens the model; the first text to embed reads the model through
that open file (the same file, whatever has since become of the folder), checks both against
the manifest's checksums and starts an ONNX Runtime session, so a question answered from the
plan's structure never pays for any of it. Anything off (onnxruntime missing, a damaged file, a
session that will not start) logs one notice and hands every text to sentence-transformers
instead: a question is always answered, only more slowly.
"""

from __future__ import annotations

import hashlib
import logging
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
    "OnnxEmbedder",
    "OnnxExport",
    "ReferenceStandIn",
    "query_embedder",
]

log = logging.getLogger("planqa")

ONNX_MODEL, ONNX_TOKENIZER = "model.onnx", "tokenizer.json"
BATCH_SIZE = 32
REBUILD_HINT = "run `planqa index --rebuild` to export it again"


class OnnxExport(BaseModel):
    """What an index's manifest records of the ONNX export beside its vectors."""

    model_config = ConfigDict(frozen=True)

    model_sha256: str
    tokenizer_sha256: str
    max_length: int  # tokens; sentence-transformers' max_seq_length, not tokenizer.json's 128
    min_cosine: float  # the lowest cosine to sentence-transformers measured when checked
    checked_texts: int
    exported_with: dict[str, str]


class OnnxEmbedder:
    """The exported model run by ONNX Runtime, tokenised by ``tokenizers``; same vectors.

    Args:
        model: The bytes of ``model.onnx``, or the file opened to read them on first use.
        tokenizer: The bytes of ``tokenizer.json``.
        export: The manifest's record of both (checksums, token limit).
        fallback: The reference embedder, used if this one cannot start.
        threads: ONNX Runtime intra-op threads per call.
        source: Where the files came from, for the notice.

    Example:
        >>> emb = OnnxEmbedder(model, tok, export, fallback=MiniLMEmbedder())  # doctest: +SKIP
        >>> emb.encode(["child abuse hotline"]).shape  # doctest: +SKIP
        (1, 384)
    """

    def __init__(
        self,
        model: bytes | BinaryIO,
        tokenizer: bytes,
        export: OnnxExport,
        *,
        fallback: Embedder,
        threads: int = 1,
        source: str = "the index",
    ) -> None:
        self._files: tuple[bytes | BinaryIO, bytes] | None = (model, tokenizer)
        if not isinstance(model, bytes):
            weakref.finalize(self, model.close)  # never started: the file is let go with it
        self.export = export
        self.fallback = fallback
        self.threads = threads
        self.source = source
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
                try:
                    self._session, self._tokenizer = self._open()
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
                self._files = None  # the session holds its own copy
            return self._session is not None

    def _open(self) -> tuple[Any, Any]:
        assert self._files is not None
        opened, tokenizer = self._files
        if isinstance(opened, bytes):
            model = opened
        else:
            with opened:
                model = opened.read()
        # Hashing 90 MB takes about 0.1 s; hashlib lets go of the GIL, so the checksums are
        # computed beside the session's start rather than before it (the cold start counts).
        digests: dict[str, str] = {}
        checker = threading.Thread(
            target=lambda: digests.update(
                model=hashlib.sha256(model).hexdigest(),
                tokenizer=hashlib.sha256(tokenizer).hexdigest(),
            )
        )
        checker.start()
        try:
            session, tok = self._session_for(model, tokenizer)
        finally:
            checker.join()
        if digests.get("model") != self.export.model_sha256:
            raise ValueError(f"{ONNX_MODEL} does not match its checksum")
        if digests.get("tokenizer") != self.export.tokenizer_sha256:
            raise ValueError(f"{ONNX_TOKENIZER} does not match its checksum")
        return session, tok

    def _session_for(self, model: bytes, tokenizer: bytes) -> tuple[Any, Any]:
        import onnxruntime as ort  # type: ignore[import-untyped]
        from tokenizers import Tokenizer

        tok = Tokenizer.from_str(tokenizer.decode("utf-8"))
        # As sentence-transformers does: cut at its max_seq_length, pad to the longest text
        # of the batch (tokenizer.json as shipped cuts at 128 and pads everything to 128).
        tok.enable_truncation(self.export.max_length)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: no optimiser chatter on stderr
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        return session, tok

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
            out[rows] = self._session.run(None, feed)[0]
        return out


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
        if not self._told.is_set():
            self._told.set()
            log.warning("%s", self.notice)
        return self.embedder.encode(texts)


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
        # 90 MB: opened now, read when a question first needs it (an open file keeps its
        # contents however the folder is replaced or deleted meanwhile).
        model = (folder / ONNX_MODEL).open("rb")
    except OSError as exc:
        return ReferenceStandIn(
            embedder,
            f"planqa: cannot read the ONNX model in {folder} "
            f"({exc.strerror or type(exc).__name__}); embedding questions with "
            f"sentence-transformers; {REBUILD_HINT}",
        )
    return OnnxEmbedder(
        model, tokenizer, export, fallback=embedder, threads=embedder.threads, source=str(folder)
    )
