"""The search engine: measure and effort documents, FAISS + BM25, persisted and filtered.

Example:
    >>> from corpus import load_corpus
    >>> from index import MiniLMEmbedder, open_index
    >>> idx, built = open_index(load_corpus(), MiniLMEmbedder())  # doctest: +SKIP
    >>> idx.search("hotline", k=1)[0].efforts[0].id  # doctest: +SKIP
    'fy2019-4.1.1'
"""

from index.documents import Chunk, CitedEffort, build_chunks
from index.embedder import MODEL_NAME, Embedder, MiniLMEmbedder
from index.errors import IndexError_, StaleIndex
from index.search import EffortMatch, Hit, SearchIndex
from index.store import (
    Manifest,
    build_index,
    default_index_root,
    index_folder,
    load_index,
    open_index,
    save_index,
)

__all__ = [
    "MODEL_NAME",
    "Chunk",
    "CitedEffort",
    "EffortMatch",
    "Embedder",
    "Hit",
    "IndexError_",
    "Manifest",
    "MiniLMEmbedder",
    "SearchIndex",
    "StaleIndex",
    "build_chunks",
    "build_index",
    "default_index_root",
    "index_folder",
    "load_index",
    "open_index",
    "save_index",
]
