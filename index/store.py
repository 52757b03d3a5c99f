"""Build, persist and load a :class:`~index.search.SearchIndex`; folders that describe themselves.

An index folder (one per corpus, named by the corpus hash) holds::

    manifest.json   model, dimension, corpus SHA-256, versions, counts, file checksums
    vectors.faiss   the FAISS index (exact IndexFlatIP, or HNSW for large corpora)
    chunks.json     the effort table and the indexed documents
    bm25/           the bm25s index (numpy arrays and JSON, no pickle)

Writes go to a temporary sibling folder, then one rename; a file lock keeps two
processes from building the same index at once. Loading checks the manifest and every
file's checksum before FAISS reads a byte, so a stale, truncated or foreign index is
rebuilt (with a one-line warning) rather than trusted.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from corpus.models import Corpus
from index.documents import Chunk, CitedEffort, build_chunks, scored_by_words
from index.embedder import Embedder
from index.errors import IndexError_, StaleIndex
from index.lexical import Lexical
from index.search import HNSW_EF_SEARCH, SearchIndex

__all__ = [
    "FORMAT_VERSION",
    "HNSW_EF_SEARCH",
    "HNSW_THRESHOLD",
    "Manifest",
    "build_index",
    "default_index_root",
    "index_folder",
    "load_index",
    "open_index",
    "save_index",
]

log = logging.getLogger("planqa")

FORMAT_VERSION = 2  # 2: each effort also indexed by its own words (chunk kind "text")
# Above this many documents the exact index gives way to HNSW (see benchmarks/ for the
# measured recall cost); below it an exact search is already well under a millisecond.
HNSW_THRESHOLD = 50_000
HNSW_M = 32

EMBED_BATCH = 256


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


class _Metadata(BaseModel):
    model_config = ConfigDict(frozen=True)

    efforts: list[CitedEffort]
    chunks: list[Chunk]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _versions() -> dict[str, str]:
    return {
        "planqa": _version("planqa"),
        "faiss": _version("faiss-cpu"),
        "sentence-transformers": _version("sentence-transformers"),
        "bm25s": _version("bm25s"),
    }


def default_index_root() -> Path:
    """``$PLANQA_INDEX_DIR``, else the per-user cache folder."""
    env = os.environ.get("PLANQA_INDEX_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("planqa")) / "indexes"


def index_folder(corpus: Corpus, root: Path | None = None) -> Path:
    """The folder for this corpus's index: one sub-folder per corpus hash."""
    return (root or default_index_root()) / corpus.sha256[:16]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _embed_all(embedder: Embedder, texts: list[str], *, progress: bool) -> np.ndarray:
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    batches: Iterable[int] = range(0, len(texts), EMBED_BATCH)
    if progress and len(texts) > EMBED_BATCH:
        from tqdm import tqdm

        batches = tqdm(batches, desc="embedding", unit="batch", file=sys.stderr)
    parts = [embedder.encode(texts[i : i + EMBED_BATCH]) for i in batches]
    return np.vstack(parts).astype(np.float32)


def _vector_index(vectors: np.ndarray, dimension: int) -> Any:
    import faiss

    index: Any
    if len(vectors) > HNSW_THRESHOLD:
        index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dimension)
    if len(vectors):
        index.add(vectors)
    return index


def build_index(corpus: Corpus, embedder: Embedder, *, progress: bool = False) -> SearchIndex:
    """Chunk, embed and index a corpus in memory.

    Example:
        >>> idx = build_index(load_corpus(), FakeEmbedder())  # doctest: +SKIP
        >>> len(idx.efforts)  # doctest: +SKIP
        11
    """
    efforts, chunks = build_chunks(corpus)
    vectors = _embed_all(embedder, [c.text for c in chunks], progress=progress)
    return SearchIndex(
        efforts=efforts,
        chunks=chunks,
        vectors=_vector_index(vectors, embedder.dimension),
        lexical=Lexical.build(scored_by_words(chunks)),
        embedder=embedder,
        glossary=corpus.glossary,
        fiscal_years=corpus.fiscal_years,
        corpus_sha256=corpus.sha256,
    )


def save_index(index: SearchIndex, folder: Path, *, corpus_source: str = "") -> Path:
    """Write ``index`` to ``folder`` atomically: a temp sibling folder, then a rename."""
    import faiss

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        faiss.write_index(index.vectors, str(tmp / "vectors.faiss"))
        meta = _Metadata(efforts=index.efforts, chunks=index.chunks)
        (tmp / "chunks.json").write_text(meta.model_dump_json(), encoding="utf-8")
        index.lexical.save(tmp / "bm25")
        files = {str(p.relative_to(tmp)): _sha256(p) for p in sorted(tmp.rglob("*")) if p.is_file()}
        manifest = Manifest(
            format=FORMAT_VERSION,
            model=index.embedder.name,
            dimension=index.embedder.dimension,
            corpus_sha256=index.corpus_sha256,
            corpus_source=corpus_source,
            fiscal_years=index.fiscal_years,
            glossary=index.glossary,
            efforts=len(index.efforts),
            chunks=len(index.chunks),
            faiss_index=type(index.vectors).__name__,
            versions=_versions(),
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            files=files,
        )
        (tmp / "manifest.json").write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
        old = None
        if folder.exists():
            old = folder.with_name(f".{folder.name}.{os.getpid()}.old")
            os.replace(folder, old)
        os.replace(tmp, folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder


def read_manifest(folder: Path) -> Manifest:
    path = folder / "manifest.json"
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise StaleIndex(f"{folder} has no manifest.json") from None
    except (ValidationError, ValueError, OSError) as exc:
        raise StaleIndex(f"{path} is unreadable ({type(exc).__name__})") from None


def load_index(
    folder: Path, embedder: Embedder, *, corpus_sha256: str | None = None
) -> SearchIndex:
    """Load an index folder after checking its manifest and checksums.

    Raises:
        StaleIndex: the folder is missing, from another corpus, model, format or version,
            or a file is missing, truncated or altered.
    """
    manifest = read_manifest(folder)
    expected = {
        "format": FORMAT_VERSION,
        "model": embedder.name,
        "dimension": embedder.dimension,
    }
    for key, want in expected.items():
        have = getattr(manifest, key)
        if have != want:
            raise StaleIndex(f"{folder} was built with {key}={have!r}, not {want!r}")
    if corpus_sha256 is not None and manifest.corpus_sha256 != corpus_sha256:
        raise StaleIndex(f"{folder} was built from another version of the corpus")
    if manifest.versions.get("faiss") != _version("faiss-cpu"):
        raise StaleIndex(f"{folder} was written by another faiss version")
    for name, digest in manifest.files.items():
        path = folder / name
        try:
            matches = _sha256(path) == digest
        except OSError:  # gone or replaced while another process rebuilds the folder
            matches = False
        if not matches:
            raise StaleIndex(f"{path} is missing or does not match its checksum")
    import faiss

    try:
        vectors = faiss.read_index(str(folder / "vectors.faiss"))
        meta = _Metadata.model_validate_json((folder / "chunks.json").read_bytes())
        lexical = Lexical.load(folder / "bm25", len(scored_by_words(meta.chunks)))
    except (RuntimeError, ValidationError, ValueError, OSError, KeyError) as exc:
        raise StaleIndex(f"{folder} could not be read ({type(exc).__name__}: {exc})") from None
    if isinstance(vectors, faiss.IndexHNSW):
        vectors.hnsw.efSearch = HNSW_EF_SEARCH
    if vectors.ntotal != len(meta.chunks) or vectors.d != embedder.dimension:
        raise StaleIndex(f"{folder}: vectors do not match the documents")
    return SearchIndex(
        efforts=meta.efforts,
        chunks=meta.chunks,
        vectors=vectors,
        lexical=lexical,
        embedder=embedder,
        glossary=manifest.glossary,
        fiscal_years=manifest.fiscal_years,
        corpus_sha256=manifest.corpus_sha256,
    )


def open_index(
    corpus: Corpus,
    embedder: Embedder,
    *,
    root: Path | None = None,
    rebuild: bool = False,
    progress: bool = False,
) -> tuple[SearchIndex, bool]:
    """Load this corpus's index, building (or rebuilding) it first when needed.

    Returns:
        The index, and whether it was built in this call.

    Raises:
        IndexError_: the index folder cannot be created or written.
    """
    from filelock import FileLock, Timeout

    folder = index_folder(corpus, root)
    if not rebuild:
        try:
            return load_index(folder, embedder, corpus_sha256=corpus.sha256), False
        except StaleIndex as exc:
            if folder.exists():
                log.warning("planqa: rebuilding the index: %s", exc)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(folder.with_name(folder.name + ".lock")), timeout=600)
        with lock:
            if not rebuild:
                # Another process may have finished the build while this one waited.
                try:
                    return load_index(folder, embedder, corpus_sha256=corpus.sha256), False
                except StaleIndex:
                    pass
            # Holding the lock, any temp folder of this index is left by a killed build.
            for stale in folder.parent.glob(f".{folder.name}.*"):
                shutil.rmtree(stale, ignore_errors=True)
            started = time.perf_counter()
            index = build_index(corpus, embedder, progress=progress)
            save_index(index, folder, corpus_source=corpus.source)
            log.info("planqa: built %s in %.1fs", folder, time.perf_counter() - started)
            return index, True
    except Timeout:
        raise IndexError_(
            f"another planqa process has held the lock on {folder} for 10 minutes; "
            "wait for it to finish or remove the .lock file if no planqa is running"
        ) from None
    except OSError as exc:
        raise IndexError_(
            f"cannot write the index to {folder}: {exc.strerror}; "
            "set PLANQA_INDEX_DIR or --index-dir to a writable folder"
        ) from None
