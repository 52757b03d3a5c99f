"""The shipped model (all-MiniLM-L6-v2) behind the index: a few checks on the real thing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path

import numpy as np
import pytest

from corpus import Corpus
from index import MODEL_NAME, MiniLMEmbedder, build_index, index_folder, open_index

pytestmark = pytest.mark.slow


def test_vectors_are_384_wide_and_unit_length(real_embedder: MiniLMEmbedder) -> None:
    vectors = real_embedder.encode(["child abuse hotline", "", "Held a forum (July 2019)."])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_same_text_gives_the_same_vector(real_embedder: MiniLMEmbedder) -> None:
    first, second = real_embedder.encode(["toll-free hotline", "toll-free hotline"])
    np.testing.assert_allclose(first, second, atol=1e-6)


def test_hotline_question_finds_the_hotline_effort_first(
    bundled_corpus: Corpus, real_embedder: MiniLMEmbedder
) -> None:
    index = build_index(bundled_corpus, real_embedder)
    hits = index.search("child abuse hotline toll-free number", k=3)
    assert hits[0].efforts[0].id == "fy2019-4.1.1"


@pytest.mark.parametrize("mode", ["hybrid", "dense"])
def test_paraphrase_finds_the_school_guidebook_in_the_top_three(
    bundled_corpus: Corpus, real_embedder: MiniLMEmbedder, mode: str
) -> None:
    index = build_index(bundled_corpus, real_embedder)
    hits = index.search("how is the government helping teachers notice abuse", k=3, mode=mode)
    assert "fy2019-6.1.1" in [e.id for hit in hits for e in hit.efforts]


def test_manifest_records_model_corpus_and_versions(
    bundled_corpus: Corpus, real_embedder: MiniLMEmbedder, index_root: Path
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    _, built = open_index(bundled_corpus, real_embedder, root=index_root)
    assert built is True
    folder = index_folder(bundled_corpus, index_root)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"] == MODEL_NAME
    assert manifest["dimension"] == 384
    assert manifest["corpus_sha256"] == bundled_corpus.sha256
    assert manifest["versions"]["faiss"] == metadata.version("faiss-cpu")
    assert manifest["versions"]["sentence-transformers"] == metadata.version(
        "sentence-transformers"
    )
    assert manifest["versions"]["planqa"] == metadata.version("planqa")
    created = datetime.fromisoformat(manifest["created"])
    assert created.tzinfo is not None
    assert before <= created <= datetime.now(UTC) + timedelta(seconds=1)
    assert manifest["efforts"] == 11
    assert manifest["chunks"] == 32  # 11 efforts, each also by its own words, 10 measures


def test_real_index_reloads_with_the_same_answer(
    bundled_corpus: Corpus, real_embedder: MiniLMEmbedder, index_root: Path
) -> None:
    open_index(bundled_corpus, real_embedder, root=index_root)
    index, built = open_index(bundled_corpus, real_embedder, root=index_root)
    assert built is False
    assert index.search("child abuse hotline toll-free number", k=1)[0].efforts[0].id == (
        "fy2019-4.1.1"
    )
