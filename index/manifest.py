"""What an index folder says about itself: ``manifest.json``, its format and its versions.

The manifest names the model, the corpus, the versions that wrote the folder and the
SHA-256 of every file (``index.store`` reads each of those once and checks it before
anything parses it). The ONNX export is recorded apart from ``files``: a damaged
export costs speed (queries fall back to sentence-transformers), not the index.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from index.documents import Chunk, CitedEffort
from index.errors import StaleIndex
from index.onnx_embedder import OnnxExport

__all__ = [
    "BM25_DIR",
    "CHUNKS",
    "FORMAT_VERSION",
    "VECTORS",
    "Manifest",
    "Metadata",
    "read_manifest",
    "version",
    "versions",
]

# 2: each effort also indexed by its own words (chunk kind "text"); 3: an ONNX export of the
# model beside the vectors (an index without one still loads; queries then use the reference);
# 4: that export optimised, its weights in model.onnx.data (mapped, not copied, at start);
# 5: each effort's token vectors (tokens.npy, token_offsets.npy; index.tokens); 6: an
# abbreviation's plural is its word in the BM25 vocabulary ("NGOs" → "ngo")
FORMAT_VERSION = 6

# The files of an index folder, as the manifest names them.
VECTORS, CHUNKS, BM25_DIR = "vectors.faiss", "chunks.json", "bm25/"


class Manifest(BaseModel):
    """What an index folder holds and how it was made."""

    model_config = ConfigDict(frozen=True)

    format: int
    model: str
    dimension: int
    corpus_sha256: str
    corpus_source: str
    fiscal_years: tuple[int, ...]
    glossary: dict[str, str]
    efforts: int
    chunks: int
    faiss_index: str
    versions: dict[str, str]
    created: str
    files: dict[str, str]
    # The query-time model, kept apart from ``files``: a damaged one means queries go to
    # sentence-transformers, not a rebuild. ``onnx_note`` says why an index has none.
    onnx: OnnxExport | None = None
    onnx_note: str = ""


class Metadata(BaseModel):
    """``chunks.json``: the effort table and the indexed documents."""

    model_config = ConfigDict(frozen=True)

    efforts: list[CitedEffort]
    chunks: list[Chunk]


def version(package: str) -> str:
    """An installed package's version, or "unknown"."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def versions() -> dict[str, str]:
    """The versions a manifest records (faiss's must match to load)."""
    return {
        "planqa": version("planqa"),
        "faiss": version("faiss-cpu"),
        "sentence-transformers": version("sentence-transformers"),
        "bm25s": version("bm25s"),
    }


def read_manifest(folder: Path) -> Manifest:
    """The folder's manifest.

    Raises:
        StaleIndex: it is missing or unreadable.
    """
    path = folder / "manifest.json"
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise StaleIndex(f"{folder} has no manifest.json") from None
    except (ValidationError, ValueError, OSError) as exc:
        raise StaleIndex(f"{path} is unreadable ({type(exc).__name__})") from None
