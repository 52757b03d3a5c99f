"""Word-level re-ranking: the few best efforts re-ordered by how well each content word of
the question is met by some word of the effort (BERTScore recall, ``index.tokens``)."""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from corpus import Corpus
from index import build_index, load_index, save_index
from index.errors import StaleIndex
from index.tokens import (
    IDF_FLOOR,
    RERANK_DEPTH,
    TOKEN_WEIGHT,
    EffortTokens,
    TokenRows,
    content_mask,
    rescored,
    token_recall,
)
from tests.conftest import FakeEmbedder

HOTLINE = "fy2019-4.1.1"


class WordEmbedder(FakeEmbedder):
    """The fake's sentence vectors, and for each word the fake's vector of that word alone."""

    def encode_with_tokens(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], list[TokenRows]]:
        tokens: list[TokenRows] = []
        for text in texts:
            words = re.findall(r"\w+|[^\w\s]", text.lower())
            rows = FakeEmbedder.encode(self, words) if words else np.zeros((0, self.dimension))
            tokens.append((rows.astype(np.float32), tuple(words)))
        return self.encode(texts), tokens


class SameSentences(WordEmbedder):
    """Every text gets one and the same sentence vector: only the words tell efforts apart."""

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return np.tile(FakeEmbedder.encode(self, ["same"]), (len(texts), 1))


def rows(*words: str) -> TokenRows:
    vectors = FakeEmbedder().encode(list(words))
    return vectors, words


def test_a_questions_content_words_are_its_words_not_how_it_asks_nor_punctuation() -> None:
    _, pieces = rows("what", "did", "stalk", "##ing", "?")
    kept = content_mask(pieces, skip={"what", "did"})
    assert kept.tolist() == [False, False, True, True, False]  # "##ing" goes with "stalk"


def test_recall_is_the_share_of_question_words_an_effort_meets() -> None:
    question = rows("hotline", "toll", "free")[0]
    assert token_recall(question, rows("toll", "free", "hotline", "renamed")[0]) == pytest.approx(1)
    partly = token_recall(question, rows("hotline", "renamed")[0])
    assert 0.3 < partly < 0.9
    assert token_recall(question, rows()[0][:0]) == 0.0


def test_the_effort_meeting_most_question_words_keeps_its_score_the_others_lose() -> None:
    tokens = EffortTokens.of(
        [rows("seminar", "teachers")[0], rows("seminar", "online", "safety")[0]], dimension=64
    )
    change = rescored(rows("online", "safety", "seminar"), tokens, [0, 1], skip=())
    assert change[1] == 0.0 and change[0] < 0
    assert change[0] >= -TOKEN_WEIGHT
    assert rescored(rows("what", "did"), tokens, [0, 1], skip={"what", "did"}) == [0.0, 0.0]


def test_a_word_few_efforts_hold_weighs_more_than_words_most_hold() -> None:
    efforts = [("seminar", "teachers", "online"), ("sextortion", "online")]
    efforts += [("seminar", "teachers")] * 5
    vectors = [rows(*words)[0] for words in efforts]
    question = rows("seminar", "teachers", "sextortion")
    by_rarity = EffortTokens.of(vectors, dimension=64, pieces=efforts)
    assert rescored(question, by_rarity, [0, 1], skip=())[1] == 0.0  # "sextortion" decides
    unweighted = EffortTokens.of(vectors, dimension=64)
    assert rescored(question, unweighted, [0, 1], skip=())[0] == 0.0  # two words of three
    assert by_rarity.weights(["seminar", "sextortion"]).tolist() == pytest.approx(
        [IDF_FLOOR, math.log(8 / 2)]
    )


def test_efforts_alike_as_sentences_are_told_apart_by_their_words(
    bundled_corpus: Corpus,
) -> None:
    index = build_index(bundled_corpus, SameSentences())
    hotline = next(e for e in index.efforts if e.id == HOTLINE)
    assert index.efforts.index(hotline) < RERANK_DEPTH
    matches = index.rank_efforts("toll-free hotline name changed", mode="dense")
    assert index.efforts[matches[0].position].id == HOTLINE


def test_without_token_vectors_the_ranking_is_the_fused_one(bundled_corpus: Corpus) -> None:
    plain = build_index(bundled_corpus, FakeEmbedder())
    assert plain.tokens is None
    words = build_index(bundled_corpus, WordEmbedder())
    query = "toll-free hotline name changed"
    assert [m.position for m in plain.rank_efforts(query, mode="bm25")] == [
        m.position for m in words.rank_efforts(query, mode="bm25")
    ]  # a keyword ranking is never re-ordered


def test_a_very_large_index_keeps_no_token_vectors_and_ranks_by_the_fused_score(
    bundled_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("index.tokens.MAX_TOKEN_EFFORTS", 10)
    index = build_index(bundled_corpus, SameSentences())
    assert len(index.efforts) > 10 and index.tokens is None
    matches = index.rank_efforts("toll-free hotline name changed", mode="dense")
    assert matches[0].position == 0  # every effort alike as a sentence: the first stays first


def test_token_vectors_are_saved_with_the_index_and_loaded_back(
    bundled_corpus: Corpus, tmp_path: Path
) -> None:
    embedder = WordEmbedder()
    built = build_index(bundled_corpus, embedder)
    assert built.tokens is not None and built.tokens.valid(len(built.efforts), 64)
    loaded = load_index(save_index(built, tmp_path / "index"), embedder)
    assert loaded.tokens is not None
    assert np.array_equal(loaded.tokens.vectors, built.tokens.vectors)
    assert np.array_equal(loaded.tokens.offsets, built.tokens.offsets)
    assert loaded.tokens.df == built.tokens.df and built.tokens.df["hotline"] >= 1
    assert (tmp_path / "index" / "tokens.npy").exists()


@pytest.mark.parametrize(
    ("name", "garbage"),
    [
        ("token_df.json", b'["not", "a", "table"]'),
        ("token_offsets.npy", b"not an array"),
    ],
)
def test_damaged_token_files_under_a_matching_checksum_make_the_index_stale(
    bundled_corpus: Corpus, tmp_path: Path, name: str, garbage: bytes
) -> None:
    embedder = WordEmbedder()
    folder = save_index(build_index(bundled_corpus, embedder), tmp_path / "index")
    (folder / name).write_bytes(garbage)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][name] = hashlib.sha256(garbage).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(StaleIndex):
        load_index(folder, embedder)
