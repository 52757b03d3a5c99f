"""Shared fixtures and the deterministic fake embedder.

``FakeEmbedder`` lives here (and ``tests/`` is a package) so that test modules and the
subprocesses some tests start can both use it: ``from tests.conftest import FakeEmbedder``
with the repository root on ``sys.path``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from assistant import Assistant
from corpus import BUNDLED_PLAN, Corpus, load_corpus
from index import MiniLMEmbedder

REPO_ROOT = Path(__file__).resolve().parent.parent
# The evaluation sets and the invented other-year reports ship inside the package.
EVALSET = REPO_ROOT / "assistant" / "evalset"

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or so such that the this "
    "to was were which while with etc".split()
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ed", "es", "ly", "s")
_TRIGRAM_WEIGHT = 0.25


def _stem(word: str) -> str:
    """Cut one common English suffix, keeping at least three letters ("seminars" → "seminar")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _bucket(token: str, dimension: int) -> tuple[int, float]:
    """A stable (across processes, unlike ``hash``) bucket and sign for a token."""
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    return value % dimension, 1.0 if (value >> 32) & 1 else -1.0


class FakeEmbedder:
    """Hashed bag of stemmed words plus a little character-trigram signal; no model needed.

    Identical texts give identical vectors, texts sharing words have a higher cosine, and
    every row is an L2-normalised float32 vector, which is all the index relies on.

    Example:
        >>> vectors = FakeEmbedder().encode(["child abuse hotline"])
        >>> vectors.shape, vectors.dtype.name
        ((1, 64), 'float32')
    """

    def __init__(self, *, name: str = "fake-hash-embedder", dimension: int = 64) -> None:
        self._name = name
        self._dimension = dimension
        self.calls = 0

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        return self._dimension

    def _vector(self, text: str) -> npt.NDArray[np.float32]:
        vector = np.zeros(self._dimension, dtype=np.float64)
        words = [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS]
        for word in words:
            column, sign = _bucket("w:" + word, self._dimension)
            vector[column] += sign
        for word in words:
            padded = f" {word} "
            for i in range(len(padded) - 2):
                column, sign = _bucket("t:" + padded[i : i + 3], self._dimension)
                vector[column] += sign * _TRIGRAM_WEIGHT
        norm = float(np.linalg.norm(vector))
        if norm == 0.0:
            # No words at all: a fixed unit vector keeps every row normalised.
            vector[0] = 1.0
            norm = 1.0
        return (vector / norm).astype(np.float32)

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls += 1
        if not texts:
            return np.zeros((0, self._dimension), dtype=np.float32)
        return np.ascontiguousarray(np.stack([self._vector(t) for t in texts]), dtype=np.float32)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def bundled_corpus() -> Corpus:
    return load_corpus()


@pytest.fixture
def index_root(tmp_path: Path) -> Path:
    return tmp_path / "indexes"


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The bundled FY2019 report, indexed with the fake embedder (asking never mutates it)."""
    return Assistant.load(index_dir=tmp_path_factory.mktemp("idx"), embedder=FakeEmbedder())


def blind_report_bot(tmp_path_factory: pytest.TempPathFactory, folder: str) -> Assistant:
    """FY2019 plus one invented blind report of the question sets (``reports13`` …), with
    the fake embedder."""
    (report,) = sorted((EVALSET / folder).glob("fy*_efforts.txt"))
    return Assistant.load(
        [BUNDLED_PLAN, report],
        index_dir=tmp_path_factory.mktemp(folder),
        embedder=FakeEmbedder(),
    )


@pytest.fixture(scope="session")
def bot2033(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """FY2019 plus the invented FY2033 report (``reports13``)."""
    return blind_report_bot(tmp_path_factory, "reports13")


@pytest.fixture(scope="session")
def multi(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """FY2019 plus the invented FY2020 and FY2023 reports, with the fake embedder."""
    return Assistant.load(
        [BUNDLED_PLAN, EVALSET / "reports"],
        index_dir=tmp_path_factory.mktemp("idx"),
        embedder=FakeEmbedder(),
    )


def report_bot(folder: Path, *efforts: str, year: int = 2080) -> Assistant:
    """An assistant, with the fake embedder, over a small invented report of ``year``
    written in ``folder``: one section and one measure holding ``efforts`` (each a
    bullet's text with its attribution)."""
    report = folder / f"fy{year}_efforts.txt"
    bullets = "".join(f"· {effort}\n" for effort in efforts)
    report.write_text(f"FY{year} Efforts on the Plan\n1. Support\nO Services\n{bullets}", "utf-8")
    return Assistant.load(report, index_dir=folder / "indexes", embedder=FakeEmbedder())


@pytest.fixture(scope="session")
def real_embedder() -> MiniLMEmbedder:
    """The product's model, loaded once per test session (the first load takes seconds)."""
    return MiniLMEmbedder()


@pytest.fixture(scope="session")
def real_index_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index root for the tests that ask the real model and do not test the index's own
    life. Each root keeps its own ONNX export of the model (90 MB), so a root per test had
    filled a CI machine's scratch disk midway through a run; in one root it is made once."""
    return tmp_path_factory.mktemp("real-indexes")


# A report already in the plain form the parser reads.
PLAIN_REPORT = ["FY2080 Efforts", "1. Awareness", "O Campaigns", "· Held a forum. [CAO]"]


def assert_reads_only_its_form(read: Callable[[list[str]], list[str]], report: str) -> None:
    """A form reader writes its own form's report on as many lines as it has (so line
    numbers stay the file's), and leaves a report in any other form as it is."""
    lines = report.split("\n")
    assert len(read(lines)) == len(lines)
    assert read(PLAIN_REPORT) == PLAIN_REPORT
