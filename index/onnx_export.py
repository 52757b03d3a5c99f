"""Index time: export the packaged model to ONNX, and check the export before it is trusted.

The export (``torch.onnx.export(..., dynamo=False)``: torch 2.13's default exporter writes
an invalid graph; eager attention) holds mean pooling and L2 normalisation in its graph, so
ONNX Runtime returns the same unit vectors as sentence-transformers. onnxruntime then
optimises the graph once (the extended level: fusions that suit any CPU; the level above
rewrites for the CPU at hand) and saves it with its weights in a file of their own, which a
session maps from disk instead of copying: a cold session starts in about 0.06 s, not 0.3 s.
It is made once per index root, in ``models/<key>/`` (the key covers the model files, the
recipe and the torch, onnx and onnxruntime versions), and hard-linked into each index folder
built there.

Before an index takes it, the export embeds a sample of that index's own documents and a
fixed set of questions; every cosine to sentence-transformers' vectors must be at least
``MIN_COSINE``. If that fails, or the export cannot be made, the index is saved without it
and queries use sentence-transformers (one notice). This module imports torch, transformers
and onnx: build side only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from index.embedder import MiniLMEmbedder, model_path
from index.onnx_embedder import (
    ONNX_MODEL,
    ONNX_TOKENIZER,
    ONNX_WEIGHTS,
    OnnxEmbedder,
    OnnxExport,
)
from index.search import SearchIndex

__all__ = [
    "MIN_COSINE",
    "VERIFY_QUESTIONS",
    "ExportedModel",
    "agreement",
    "optimise",
    "prepare_onnx",
    "trace",
]

log = logging.getLogger("planqa")

# Change when the graph below changes: every root exports anew. 2: optimised by onnxruntime,
# weights apart; 3: the token vectors as a second output (index.tokens).
EXPORT_RECIPE = "3"
OPSET = 17
MIN_COSINE = 0.999
VERIFY_DOCUMENTS = 32  # a larger index is checked on its longest and an even spread
MODELS_DIR = "models"
_SIDECAR = "export.json"
_MODEL_FILES = ("config.json", "model.safetensors", "tokenizer.json", "sentence_bert_config.json")
# Weights smaller than this stay in the graph (shapes and scalars that shape inference reads).
_APART_FROM_BYTES = 1024

# Questions of the shapes people ask, the last one longer than the token limit.
VERIFY_QUESTIONS: tuple[str, ...] = (
    "What did MEXT do in 2019?",
    "How is the government helping teachers notice children who are being abused?",
    "Are kids being taught how to stay out of trouble online?",
    "When was the symposium held?",
    "And the police?",
    "toll-free hotline",
    "Which efforts mention the Internet Hotline Center?",
    "How many people attended the seminar for guardians?",
    "What is done about child pornography on the internet and in other countries?",
    "Kōsei Rōdō-shō no torikumi wa?",
    "",
    " ".join(["Support for children who were victims of sexual exploitation, counselling,"
              " shelters and guidance for the staff of child guidance centres."] * 20),
)


@dataclass(frozen=True)
class ExportedModel:
    """A checked export, ready to be linked into an index folder."""

    folder: Path
    record: OnnxExport


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _max_length(source: Path) -> int:
    config = json.loads((source / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config["max_seq_length"])


def _export(source: Path, folder: Path, max_length: int) -> None:
    """Write ``model.onnx``, ``model.onnx.data`` and ``tokenizer.json`` for the model in
    ``source`` to ``folder``."""
    from tokenizers import Tokenizer

    traced = folder / "traced.onnx"
    trace(source, traced)
    optimise(traced, folder)
    traced.unlink()
    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    tokenizer.enable_truncation(max_length)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    tokenizer.save(str(folder / ONNX_TOKENIZER))


def trace(source: Path, path: Path) -> None:
    """The model in ``source`` with mean pooling and L2 normalisation, as one ONNX graph
    (the plain operators torch writes, before onnxruntime fuses them), to ``path``; its
    second output is the token vectors the sentence vector is pooled from."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # "Loading weights"
    bert = AutoModel.from_pretrained(str(source), attn_implementation="eager").eval()

    class Pooled(torch.nn.Module):
        """The model, then sentence-transformers' mean pooling and L2 normalisation; and
        the token vectors themselves."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(
            self, input_ids: torch.Tensor, attention_mask: torch.Tensor
        ) -> tuple[torch.Tensor, torch.Tensor]:
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1), hidden

    example = torch.ones((2, 16), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the legacy exporter's deprecation and tracer notes
        torch.onnx.export(
            Pooled().eval(),
            (example, example),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding", "tokens"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "embedding": {0: "batch"},
                "tokens": axes,
            },
            opset_version=OPSET,
            dynamo=False,
        )


def optimise(traced: Path, folder: Path) -> None:
    """Save ``traced`` as onnxruntime optimises it: ``model.onnx``, weights apart."""
    import onnxruntime as ort  # type: ignore[import-untyped]

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    options.optimized_model_filepath = str(folder / ONNX_MODEL)
    options.log_severity_level = 3
    options.add_session_config_entry(
        "session.optimized_model_external_initializers_file_name", ONNX_WEIGHTS
    )
    options.add_session_config_entry(
        "session.optimized_model_external_initializers_min_size_in_bytes", str(_APART_FROM_BYTES)
    )
    ort.InferenceSession(str(traced), options, providers=["CPUExecutionProvider"])


def _weights_stat(path: Path) -> dict[str, int]:
    """The size and modification time a checked weights file has now (see OnnxExport)."""
    stat = path.stat()
    return {"weights_bytes": stat.st_size, "weights_mtime_ns": stat.st_mtime_ns}


def exported_model(root: Path) -> tuple[Path, dict[str, Any]]:
    """The export for this root, made now if it is missing or damaged; its folder and record.

    Raises:
        Exception: whatever torch, transformers or onnx raise while exporting.
    """
    from filelock import FileLock

    source = model_path()
    versions = {
        "torch": _version("torch"),
        "onnx": _version("onnx"),
        "onnxruntime": _version("onnxruntime"),
        "recipe": EXPORT_RECIPE,
    }
    key = hashlib.sha256(json.dumps(versions, sort_keys=True).encode())
    for name in _MODEL_FILES:
        key.update(_sha256(source / name).encode())
    folder = root / MODELS_DIR / f"all-MiniLM-L6-v2-{key.hexdigest()[:16]}"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder.with_name(folder.name + ".lock")), timeout=600):
        try:
            record: dict[str, Any] = json.loads((folder / _SIDECAR).read_text(encoding="utf-8"))
            if (
                _sha256(folder / ONNX_MODEL) == record["model_sha256"]
                and _sha256(folder / ONNX_TOKENIZER) == record["tokenizer_sha256"]
                and _sha256(folder / ONNX_WEIGHTS) == record["weights_sha256"]
            ):
                # Checked whole just now: the index records the weights as they are now.
                return folder, record | _weights_stat(folder / ONNX_WEIGHTS)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing or damaged: export again
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            max_length = _max_length(source)
            _export(source, tmp, max_length)
            record = {
                "model_sha256": _sha256(tmp / ONNX_MODEL),
                "tokenizer_sha256": _sha256(tmp / ONNX_TOKENIZER),
                "weights_sha256": _sha256(tmp / ONNX_WEIGHTS),
                "optimized": True,
                "max_length": max_length,
                "exported_with": versions,
            }
            (tmp / _SIDECAR).write_text(json.dumps(record, indent=2), encoding="utf-8")
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(tmp, folder)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return folder, record | _weights_stat(folder / ONNX_WEIGHTS)


def agreement(
    candidate: npt.NDArray[np.float32], reference: npt.NDArray[np.float32]
) -> npt.NDArray[np.float32]:
    """Row-wise cosine of two sets of vectors (both renormalised, so any scale is fine)."""
    a = candidate / np.maximum(np.linalg.norm(candidate, axis=1, keepdims=True), 1e-12)
    b = reference / np.maximum(np.linalg.norm(reference, axis=1, keepdims=True), 1e-12)
    return np.asarray((a * b).sum(axis=1), dtype=np.float32)


def _sample(texts: Sequence[str], limit: int = VERIFY_DOCUMENTS) -> list[int]:
    """All rows, or the longest quarter of ``limit`` and an even spread of the rest."""
    if len(texts) <= limit:
        return list(range(len(texts)))
    longest = sorted(range(len(texts)), key=lambda i: -len(texts[i]))[: limit // 4]
    spread = np.linspace(0, len(texts) - 1, limit - len(longest)).round().astype(int)
    return sorted(set(longest) | {int(i) for i in spread})


def prepare_onnx(
    root: Path,
    embedder: MiniLMEmbedder,
    index: SearchIndex,
    embed: Callable[[Sequence[str]], npt.NDArray[np.float32]],
) -> tuple[ExportedModel | None, str]:
    """Export the model for ``root``; check it on the index's documents and the questions.

    Args:
        root: The index root (the export is kept in its ``models/`` folder).
        embedder: The reference embedder, and the export's fallback.
        index: The index just built with ``embedder``; its vectors are the reference.
        embed: The reference embedding of other texts (through the build's cache).

    Returns:
        The checked export, or None and why not (logged as one notice).
    """
    try:
        folder, record = exported_model(root)
    except Exception as exc:  # noqa: BLE001 - no export is never fatal: queries use the reference
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        note = f"could not export the model to ONNX: {reason}"
        log.warning("planqa: %s; queries will use sentence-transformers", note)
        return None, note
    documents = [c.text for c in index.chunks]
    rows = _sample(documents)
    texts = [documents[i] for i in rows] + list(VERIFY_QUESTIONS)
    stored = [index.vectors.reconstruct(i) for i in rows]
    reference = np.vstack([np.array(stored, dtype=np.float32).reshape(len(rows), -1),
                           embed(VERIFY_QUESTIONS)])
    draft = OnnxExport(**record, min_cosine=0.0, checked_texts=len(texts))
    candidate = OnnxEmbedder(
        (folder / ONNX_MODEL).read_bytes(),
        (folder / ONNX_TOKENIZER).read_bytes(),
        draft,
        fallback=embedder,
        threads=embedder.threads,
        source=str(folder),
        weights=(folder / ONNX_WEIGHTS).open("rb"),
        folder=folder,
    )
    if not candidate.active:  # onnxruntime missing or the session would not start (logged)
        return None, "onnxruntime could not run the export"
    lowest = float(agreement(candidate.encode(texts), reference).min())
    if not lowest >= MIN_COSINE:
        note = f"the ONNX export's cosine to sentence-transformers was {lowest:.4f} < {MIN_COSINE}"
        log.warning("planqa: %s; queries will use sentence-transformers", note)
        return None, note
    return ExportedModel(folder, draft.model_copy(update={"min_cosine": round(lowest, 7)})), ""
