"""Vectors already computed, kept between builds: a build embeds only texts it has not seen.

One SQLite file in the index root, beside the index folders (a corpus that gains a report
gets a new folder, named by its new hash, so the cache cannot live inside one), keyed by
model name, dimension and the SHA-256 of the text. Each batch is committed as soon as it is
embedded, so a build that is interrupted resumes where it stopped. SQLite, not pickle: safe
for several processes at once; a damaged file is replaced, and if the cache cannot be used
at all the build goes on without it after a one-line warning.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType

import numpy as np
import numpy.typing as npt

from index.embedder import Embedder

__all__ = ["CACHE_FILE", "EMBED_BATCH", "EmbeddingCache", "embed_texts", "text_key"]

log = logging.getLogger("planqa")

CACHE_FILE = "embeddings.sqlite3"
EMBED_BATCH = 256
_KEYS_PER_QUERY = 500  # under SQLite's limit on bound parameters

_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,
    dimension INTEGER NOT NULL,
    text_sha256 TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, dimension, text_sha256)
) WITHOUT ROWID
"""


def text_key(text: str) -> str:
    """The cache key of a text: the SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class EmbeddingCache:
    """An SQLite file of vectors by (model, dimension, text SHA-256).

    Args:
        path: The cache file; created if missing.
        read: False to ignore what is stored (a forced rebuild) while still storing anew.

    Example:
        >>> with EmbeddingCache(root / CACHE_FILE) as cache:  # doctest: +SKIP
        ...     vectors = embed_texts(embedder, texts, cache=cache)
    """

    def __init__(self, path: Path, *, read: bool = True) -> None:
        self.path = path
        self.read = read
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._connect()
        except sqlite3.DatabaseError:  # not a database (damaged): start a new one
            try:
                path.unlink(missing_ok=True)
                self._db = self._connect()
            except (sqlite3.Error, OSError) as exc:
                self._give_up(exc)
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
            db.execute(_SCHEMA)
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _give_up(self, exc: BaseException) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        log.warning(
            "planqa: the embedding cache %s cannot be used (%s); embedding every text "
            "(delete the file if this repeats)",
            self.path,
            " ".join(str(exc).split()) or type(exc).__name__,
        )

    def lookup(self, model: str, dimension: int, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors among ``keys``; a row of the wrong size is left out."""
        found: dict[str, np.ndarray] = {}
        if self._db is None or not self.read:
            return found
        unique = list(dict.fromkeys(keys))
        try:
            for start in range(0, len(unique), _KEYS_PER_QUERY):
                part = unique[start : start + _KEYS_PER_QUERY]
                rows = self._db.execute(
                    "SELECT text_sha256, vector FROM vectors WHERE model = ? AND dimension = ? "
                    f"AND text_sha256 IN ({','.join('?' * len(part))})",
                    (model, dimension, *part),
                )
                for key, blob in rows:
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (dimension,) and np.isfinite(vector).all():
                        found[key] = vector
        except sqlite3.Error as exc:
            self._give_up(exc)
            return {}
        return found

    def store(self, model: str, dimension: int, rows: Iterable[tuple[str, np.ndarray]]) -> None:
        """Keep ``rows`` (key, vector), committed at once."""
        if self._db is None:
            return
        values = [
            (model, dimension, key, np.ascontiguousarray(v, dtype=np.float32).tobytes())
            for key, v in rows
        ]
        try:
            with self._db:  # one transaction
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", values)
        except sqlite3.Error as exc:
            self._give_up(exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def embed_texts(
    embedder: Embedder,
    texts: Sequence[str],
    *,
    cache: EmbeddingCache | None = None,
    progress: bool = False,
) -> npt.NDArray[np.float32]:
    """Embed ``texts`` in batches, taking what ``cache`` holds and storing what it lacks.

    A text that occurs twice is embedded once.

    Example:
        >>> embed_texts(FakeEmbedder(), ["a hotline", "a forum"]).shape  # doctest: +SKIP
        (2, 64)
    """
    out = np.zeros((len(texts), embedder.dimension), dtype=np.float32)
    if not texts:
        return out
    keys = [text_key(t) for t in texts]
    known = cache.lookup(embedder.name, embedder.dimension, keys) if cache is not None else {}
    todo = list({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    batches: Iterable[int] = range(0, len(todo), EMBED_BATCH)
    if progress and len(todo) > EMBED_BATCH:
        from tqdm import tqdm

        batches = tqdm(batches, desc="embedding", unit="batch", file=sys.stderr)
    for start in batches:
        batch = todo[start : start + EMBED_BATCH]
        vectors = embedder.encode([text for _, text in batch])
        fresh = list(zip((key for key, _ in batch), vectors, strict=True))
        known.update(fresh)
        if cache is not None:
            cache.store(embedder.name, embedder.dimension, fresh)
    for row, key in enumerate(keys):
        out[row] = known[key]
    return out
