"""Build, persist and load a :class:`~index.search.SearchIndex`; folders that describe themselves.

An index folder (one per corpus, named by the corpus hash) holds::

    manifest.json   model, dimension, corpus SHA-256, versions, counts, file checksums
    vectors.faiss   the FAISS index (exact IndexFlatIP, or HNSW for large corpora)
    chunks.json     the effort table and the indexed documents
    bm25/           the bm25s index (numpy arrays and JSON, no pickle)
    tokens.npy      each effort's token vectors, float16, with token_offsets.npy and
                    token_df.json (how many efforts hold each word piece; index.tokens)
    model.onnx      the model exported to ONNX, its weights (model.onnx.data) and its
                    tokenizer.json (real model only; checked against sentence-transformers
                    before it is written)

and the root beside the folders holds ``embeddings.sqlite3`` (vectors by text hash, so a
build embeds only new texts) and ``models/`` (the ONNX export the folders link to).

Writes go to a temporary sibling folder, then one rename; a file lock keeps two
processes from building the same index at once. Loading checks the manifest, reads every
file once and checks its checksum before FAISS or bm25s sees a byte, then parses those
bytes (checking the BM25 arrays against each other too), so a stale, truncated, foreign or
forged index is rebuilt (with a one-line warning) rather than trusted. A loaded index holds
all of it in memory and never reads the folder again; a load that fails while another
process rebuilds the folder tries again under the build lock, after that build.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import ValidationError

from corpus.models import Corpus
from index.documents import build_chunks, scored_by_words
from index.embed_cache import CACHE_FILE, EmbeddingCache, embed_texts
from index.embedder import Embedder, MiniLMEmbedder
from index.errors import IndexError_, StaleIndex
from index.lexical import Lexical
from index.manifest import (
    BM25_DIR,
    CHUNKS,
    FORMAT_VERSION,
    VECTORS,
    Manifest,
    Metadata,
    read_manifest,
    version,
    versions,
)
from index.onnx_embedder import ONNX_MODEL, ONNX_TOKENIZER, ONNX_WEIGHTS, query_embedder
from index.search import HNSW_EF_SEARCH, SearchIndex
from index.tokens import EffortTokens, effort_tokens

if TYPE_CHECKING:
    from index.onnx_export import ExportedModel

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

# Above this many documents the exact index gives way to HNSW (see benchmarks/ for the
# measured recall cost); below it an exact search is already well under a millisecond.
HNSW_THRESHOLD = 50_000
HNSW_M = 32
# Graph quality at build: 80 → 200 took recall@10 at efSearch 1024 from 0.964 to 0.986 on
# 216,650 vectors (see HNSW_EF_SEARCH) for some 3 minutes more of a build that embeds for
# an hour and more.
HNSW_EF_CONSTRUCTION = 200

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


def _sha256(source: Path | bytes) -> str:
    """The SHA-256 of a file, or of bytes already read from one."""
    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest()
    digest = hashlib.sha256()
    with source.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _one_line(text: str, limit: int = 300) -> str:
    """A message on one line (faiss's errors span several), cut to ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _vector_index(vectors: np.ndarray, dimension: int) -> Any:
    import faiss

    index: Any
    if len(vectors) > HNSW_THRESHOLD:
        index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dimension)
    if len(vectors):
        index.add(vectors)
    return index


def build_index(
    corpus: Corpus,
    embedder: Embedder,
    *,
    progress: bool = False,
    cache: EmbeddingCache | None = None,
) -> SearchIndex:
    """Chunk, embed and index a corpus in memory; ``cache`` supplies vectors already made.

    Example:
        >>> idx = build_index(load_corpus(), FakeEmbedder())  # doctest: +SKIP
        >>> len(idx.efforts)  # doctest: +SKIP
        11
    """
    efforts, chunks = build_chunks(corpus)
    vectors = embed_texts(embedder, [c.text for c in chunks], cache=cache, progress=progress)
    return SearchIndex(
        efforts=efforts,
        chunks=chunks,
        vectors=_vector_index(vectors, embedder.dimension),
        lexical=Lexical.build(scored_by_words(chunks)),
        embedder=embedder,
        glossary=corpus.glossary,
        fiscal_years=corpus.fiscal_years,
        corpus_sha256=corpus.sha256,
        tokens=effort_tokens(embedder, [e.text for e in efforts], embedder.dimension),
    )


def save_index(
    index: SearchIndex,
    folder: Path,
    *,
    corpus_source: str = "",
    onnx: ExportedModel | None = None,
    onnx_note: str = "",
) -> Path:
    """Write ``index`` to ``folder`` atomically: a temp sibling folder, then a rename.

    ``onnx``, a checked export, is linked in (copied where links fail) and recorded.
    """
    import faiss

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        faiss.write_index(index.vectors, str(tmp / VECTORS))
        meta = Metadata(efforts=index.efforts, chunks=index.chunks)
        (tmp / CHUNKS).write_text(meta.model_dump_json(), encoding="utf-8")
        index.lexical.save(tmp / BM25_DIR)
        for name, data in (index.tokens.to_files() if index.tokens else {}).items():
            (tmp / name).write_bytes(data)
        files = {str(p.relative_to(tmp)): _sha256(p) for p in sorted(tmp.rglob("*")) if p.is_file()}
        if onnx is not None:
            for name in (ONNX_MODEL, ONNX_WEIGHTS, ONNX_TOKENIZER):
                _link(onnx.folder / name, tmp / name)
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
            versions=versions(),
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            files=files,
            onnx=onnx.record if onnx is not None else None,
            onnx_note=onnx_note,
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


def _link(source: Path, target: Path) -> None:
    """A hard link (every index folder of a root shares one export), else a copy with the
    same modification time (which, with the size, vouches for the weights at query time)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _read_vectors(data: bytes) -> Any:
    """A FAISS index from its bytes; a callback reader, unlike ``faiss.deserialize_index``,
    makes no second copy of them (it is in faiss's module, not in its type stubs)."""
    import faiss

    reader = faiss.PyCallbackIOReader(io.BytesIO(data).read)  # type: ignore[attr-defined]
    return faiss.read_index(reader)


def _read_checked(folder: Path, manifest: Manifest) -> dict[str, bytes]:
    """Every file the manifest lists, read once into memory and checked against its checksum."""
    files: dict[str, bytes] = {}
    for name, digest in manifest.files.items():
        path = folder / name
        try:
            data = path.read_bytes()
            matches = _sha256(data) == digest
        except OSError:  # gone or replaced while another process rebuilds the folder
            matches = False
        if not matches:
            raise StaleIndex(f"{path} is missing or does not match its checksum")
        files[name] = data
    missing = [name for name in (VECTORS, CHUNKS) if name not in files]
    if missing or not any(name.startswith(BM25_DIR) for name in files):
        raise StaleIndex(f"{folder}/manifest.json lists no {', '.join(missing) or 'bm25 files'}")
    return files


def load_index(
    folder: Path, embedder: Embedder, *, corpus_sha256: str | None = None
) -> SearchIndex:
    """Load an index folder after checking its manifest and checksums, wholly into memory.

    The index returned reads nothing from the folder again: deleting or damaging the
    folder afterwards changes nothing until the next load. With :class:`MiniLMEmbedder`
    it embeds queries with the folder's ONNX export when there is one (see
    :func:`index.onnx_embedder.query_embedder`).

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
    if manifest.versions.get("faiss") != version("faiss-cpu"):
        raise StaleIndex(f"{folder} was written by another faiss version")
    files = _read_checked(folder, manifest)
    import faiss

    try:
        # Parsed from the bytes whose checksums were just checked: a folder replaced by
        # another process meanwhile cannot mix two builds, and nothing is read later.
        vectors = _read_vectors(files.pop(VECTORS))
        meta = Metadata.model_validate_json(files.pop(CHUNKS))
        tokens = EffortTokens.from_files(files)
        bm25 = {n.removeprefix(BM25_DIR): b for n, b in files.items() if n.startswith(BM25_DIR)}
        lexical = Lexical.from_files(bm25, len(scored_by_words(meta.chunks)))
    except (
        RuntimeError,  # faiss
        MemoryError,  # a forged size in a header
        ValidationError,
        ValueError,
        TypeError,
        KeyError,
    ) as exc:
        reason = _one_line(f"{type(exc).__name__}: {exc}")
        raise StaleIndex(f"{folder} could not be read ({reason})") from None
    if isinstance(vectors, faiss.IndexHNSW):
        vectors.hnsw.efSearch = HNSW_EF_SEARCH
    if vectors.ntotal != len(meta.chunks) or vectors.d != embedder.dimension:
        raise StaleIndex(f"{folder}: vectors do not match the documents")
    if tokens is not None and not tokens.valid(len(meta.efforts), embedder.dimension):
        raise StaleIndex(f"{folder}: token vectors do not match the efforts")
    return SearchIndex(
        efforts=meta.efforts,
        chunks=meta.chunks,
        vectors=vectors,
        lexical=lexical,
        embedder=query_embedder(folder, manifest.onnx, embedder, note=manifest.onnx_note),
        glossary=manifest.glossary,
        fiscal_years=manifest.fiscal_years,
        corpus_sha256=manifest.corpus_sha256,
        tokens=tokens,
    )


def _checked_export(
    index: SearchIndex, embedder: Embedder, root: Path, cache: EmbeddingCache | None
) -> tuple[ExportedModel | None, str]:
    """The ONNX export for an index of the real model, checked on it; None for other models."""
    if not isinstance(embedder, MiniLMEmbedder) or not embedder.onnx:
        return None, ""
    from index.onnx_export import prepare_onnx

    return prepare_onnx(
        root, embedder, index, lambda texts: embed_texts(embedder, texts, cache=cache)
    )


def open_index(
    corpus: Corpus,
    embedder: Embedder,
    *,
    root: Path | None = None,
    rebuild: bool = False,
    progress: bool = False,
    cache: bool | None = None,
) -> tuple[SearchIndex, bool]:
    """Load this corpus's index, building (or rebuilding) it first when needed.

    A build takes the vectors of texts it has seen from the root's ``embeddings.sqlite3``
    and stores the ones it makes (``cache``; by default for the packaged model only, whose
    embedding is what takes time); ``rebuild`` embeds everything afresh.

    Returns:
        The index, and whether it was built in this call.

    Raises:
        IndexError_: the index folder cannot be created or written.
    """
    folder = index_folder(corpus, root)
    if not rebuild:
        try:
            return load_index(folder, embedder, corpus_sha256=corpus.sha256), False
        except StaleIndex:
            pass  # missing, damaged, or being rebuilt by another process: ask again under the lock
    from filelock import FileLock, Timeout  # imported only when the index is not loaded as is
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(folder.with_name(folder.name + ".lock")), timeout=600)
        with lock:
            if not rebuild:
                # No build runs while this process holds the lock, so what fails now is
                # really missing or damaged (another process may also have just built it).
                try:
                    return load_index(folder, embedder, corpus_sha256=corpus.sha256), False
                except StaleIndex as exc:
                    if folder.exists():
                        log.warning("planqa: rebuilding the index: %s", _one_line(str(exc)))
            # Holding the lock, any temp folder of this index is left by a killed build.
            for stale in folder.parent.glob(f".{folder.name}.*"):
                shutil.rmtree(stale, ignore_errors=True)
            started = time.perf_counter()
            # A forced rebuild embeds everything afresh (and stores it): it is asked for when
            # something seems off. Any other build takes what the cache holds.
            keep = isinstance(embedder, MiniLMEmbedder) if cache is None else cache
            store = EmbeddingCache(folder.parent / CACHE_FILE, read=not rebuild) if keep else None
            try:
                index = build_index(corpus, embedder, progress=progress, cache=store)
                exported, note = _checked_export(index, embedder, folder.parent, store)
            finally:
                if store is not None:
                    store.close()
            save_index(index, folder, corpus_source=corpus.source, onnx=exported, onnx_note=note)
            if exported is not None:
                index.embedder = query_embedder(folder, exported.record, embedder)
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
