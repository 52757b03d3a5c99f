"""Hardening: any input, an interrupted build, a damaged or vanishing index, no network."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import Answer, Assistant, QuestionError
from corpus import Corpus, load_corpus
from corpus.synth import write_corpus
from index import SearchIndex, index_folder, open_index
from tests.conftest import REPO_ROOT, FakeEmbedder

# Strings people (and pasted documents) actually send, beyond what st.text() draws often.
AWKWARD = st.sampled_from(
    [
        "",
        " \t\n ",
        "\x00\x01\x02\x7f",
        "\ud800 lone surrogate \udfff",
        "🙂 What did MEXT do? 🚸",
        "ماذا فعلت الشرطة؟",  # right-to-left
        "מה עשה משרד החינוך",
        "<script>alert(1)</script> ![x](http://127.0.0.1:9/x.png)",
        "What did NPA do? " * 500,
        "a" * 5000,
        "[NPA] [MEXT] [" * 50,
        "FY9999 FY0000 January 1900 between 2019 and 1901",
    ]
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.one_of(st.text(), AWKWARD), k=st.integers(min_value=-3, max_value=30))
def test_any_search_gives_hits_or_a_question_error(bot: Assistant, query: str, k: int) -> None:
    try:
        hits = bot.search(query, k)
    except QuestionError as error:
        assert str(error)
    else:
        assert len(hits) <= k


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    question=st.one_of(st.text(), AWKWARD),
    history=st.lists(st.one_of(st.text(), AWKWARD), max_size=3),
)
def test_any_question_with_any_history_gives_an_answer(
    bot: Assistant, question: str, history: list[str]
) -> None:
    answer = bot.ask(question, history)
    assert isinstance(answer, Answer)
    assert answer.text.strip()


def test_a_100000_character_question_is_cut_with_a_notice(bot: Assistant) -> None:
    answer = bot.ask("What did the police do? " * 4200)
    assert answer.notice is not None and "100,800 characters" in answer.notice
    assert answer.kind == "list"
    assert len(answer.question) <= 2000


def _slow_build_script(corpus_dir: Path, root: Path) -> str:
    return textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        sys.path.insert(0, {str(REPO_ROOT)!r})
        from corpus import load_corpus
        from index import open_index
        from tests.conftest import FakeEmbedder

        class Slow(FakeEmbedder):
            def encode(self, texts):
                print("embedding", flush=True)
                time.sleep(0.5)
                return super().encode(texts)

        corpus = load_corpus({str(corpus_dir)!r})
        open_index(corpus, Slow(), root=Path({str(root)!r}), rebuild=True)
        print("finished", flush=True)
        """
    )


def test_a_build_killed_midway_leaves_the_previous_index_usable(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "reports"
    write_corpus(corpus_dir, efforts=1500, seed=3)
    root = tmp_path / "indexes"
    corpus = load_corpus(corpus_dir)
    before, built = open_index(corpus, FakeEmbedder(), root=root)
    assert built
    expected = before.search("seminar", k=1)[0].efforts[0].id

    child = subprocess.Popen(
        [sys.executable, "-c", _slow_build_script(corpus_dir, root)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "embedding"  # the rebuild is under way
    time.sleep(0.2)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    after, rebuilt = open_index(corpus, FakeEmbedder(), root=root)
    assert not rebuilt
    assert after.search("seminar", k=1)[0].efforts[0].id == expected


def test_the_next_build_clears_what_a_killed_build_left(tmp_path: Path) -> None:
    corpus = load_corpus()
    root = tmp_path / "indexes"
    open_index(corpus, FakeEmbedder(), root=root)
    leftover = root / f".{corpus.sha256[:16]}.abc123.tmp"
    leftover.mkdir()
    (leftover / "vectors.faiss").write_bytes(b"half written")
    open_index(corpus, FakeEmbedder(), root=root, rebuild=True)
    assert not leftover.exists()


@pytest.mark.slow
def test_planqa_answers_with_every_socket_blocked(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import socket, sys
        def refuse(*args, **kwargs):
            raise OSError("network blocked by the test")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from ui.cli import main
        sys.exit(main(sys.argv[1:]))
        """
    )
    env = {**os.environ, "PLANQA_INDEX_DIR": str(tmp_path), "HF_HUB_OFFLINE": "1"}
    question = "How is the government helping teachers notice abuse?"
    result = subprocess.run(
        [sys.executable, "-c", script, "ask", question, "--json"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    answer = Answer.model_validate_json(result.stdout)
    assert "fy2019-6.1.1" in [c.effort_id for c in answer.citations]


# -- an index that heals itself and, once loaded, needs no disk ----------------------------------

HOTLINE = "child abuse hotline toll-free number"
HOTLINE_EFFORT = "fy2019-4.1.1"


def answer(index: SearchIndex) -> str:
    return index.search(HOTLINE, k=1)[0].efforts[0].id


def _forge_checksum(folder: Path, name: str) -> None:
    """Make the manifest vouch for a damaged file, so the damage reaches the reader."""
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


def _npy(values: list[float] | list[int], dtype: str) -> bytes:
    out = io.BytesIO()
    np.save(out, np.asarray(values, dtype=dtype), allow_pickle=False)
    return out.getvalue()


def _huge_npy(data: bytes) -> bytes:
    """A float32 .npy header declaring 10**12 values, over the few the file holds."""
    out = io.BytesIO()
    header = {"descr": "<f4", "fortran_order": False, "shape": (10**12,)}
    np.lib.format.write_array_header_1_0(out, header)
    return out.getvalue() + data[-64:]


def _edit(data: bytes, **changes: object) -> bytes:
    """The JSON object in ``data`` with some values changed."""
    return json.dumps(json.loads(data) | changes).encode()


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda data: data[: len(data) // 2],
    "random bytes": lambda data: np.random.default_rng(11).bytes(max(len(data), 16)),
    "empty": lambda data: b"",
}
# Damage a file's own shape allows: well-formed, but wrong.
PLAUSIBLE: list[tuple[str, str, Callable[[bytes], bytes]]] = [
    ("bm25/data.csc.index.npy", "not finite", lambda d: _npy([float("nan")] * 3, "float32")),
    ("bm25/data.csc.index.npy", "a header declaring 10**12 values", _huge_npy),
    ("bm25/indices.csc.index.npy", "documents out of range", lambda d: _npy([10**6] * 3, "int32")),
    ("bm25/indptr.csc.index.npy", "not increasing", lambda d: _npy([5, 3, 0], "int32")),
    ("bm25/indptr.csc.index.npy", "floats", lambda d: _npy([0.0, 1.5], "float64")),
    ("bm25/vocab.index.json", "a list", lambda d: b"[1, 2, 3]"),
    ("bm25/vocab.index.json", "ids out of range", lambda d: b'{"hotlin": 99999}'),
    ("bm25/params.index.json", "a list", lambda d: b"[]"),
    ("bm25/params.index.json", "documents as text", lambda d: _edit(d, num_docs="11")),
    ("bm25/params.index.json", "another method", lambda d: _edit(d, method="bm25+")),
    ("bm25/params.index.json", "another backend", lambda d: _edit(d, backend="numba")),
    ("bm25/params.index.json", "no dtype", lambda d: _edit(d, dtype="object")),
    ("bm25/params.index.json", "k1 as text", lambda d: _edit(d, k1="1.5")),
    ("chunks.json", "another shape", lambda d: b'{"efforts": [1, 2], "chunks": "x"}'),
]
FILES = [
    "vectors.faiss",
    "chunks.json",
    "bm25/data.csc.index.npy",
    "bm25/indices.csc.index.npy",
    "bm25/indptr.csc.index.npy",
    "bm25/vocab.index.json",
    "bm25/params.index.json",
]
CASES = [
    pytest.param(name, damage, id=f"{name}: {how}")
    for name in FILES
    for how, damage in DAMAGE.items()
    if not (name == "vectors.faiss" and how == "random bytes")  # test_index: in a subprocess
] + [pytest.param(name, damage, id=f"{name}: {how}") for name, how, damage in PLAUSIBLE]


@pytest.mark.parametrize(("name", "damage"), CASES)
def test_an_index_file_damaged_under_a_forged_checksum_is_rebuilt_with_one_warning(
    tmp_path: Path,
    bundled_corpus: Corpus,
    caplog: pytest.LogCaptureFixture,
    name: str,
    damage: Callable[[bytes], bytes],
) -> None:
    root = tmp_path / "indexes"
    open_index(bundled_corpus, FakeEmbedder(), root=root)
    folder = index_folder(bundled_corpus, root)
    path = folder / name
    path.write_bytes(damage(path.read_bytes()))
    _forge_checksum(folder, name)
    with caplog.at_level(logging.WARNING, logger="planqa"):
        index, built = open_index(bundled_corpus, FakeEmbedder(), root=root)
        assert answer(index) == HOTLINE_EFFORT
    assert built
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "\n" not in warnings[0], warnings
    assert warnings[0].startswith("planqa: rebuilding the index: ")
    reloaded, rebuilt = open_index(bundled_corpus, FakeEmbedder(), root=root)
    assert not rebuilt and answer(reloaded) == HOTLINE_EFFORT


def _loaded(corpus: Corpus, root: Path) -> SearchIndex:
    """The corpus's index as a fresh process sees it: built once, then loaded from disk."""
    open_index(corpus, FakeEmbedder(), root=root)
    index, built = open_index(corpus, FakeEmbedder(), root=root)
    assert not built
    return index


def test_a_loaded_index_answers_after_its_folder_is_deleted(
    tmp_path: Path, bundled_corpus: Corpus
) -> None:
    index = _loaded(bundled_corpus, tmp_path / "indexes")
    shutil.rmtree(index_folder(bundled_corpus, tmp_path / "indexes"))
    assert answer(index) == HOTLINE_EFFORT  # its first search, BM25 included
    assert index.search("poster contest for young people", k=3)


def test_a_loaded_index_answers_after_its_files_are_overwritten(
    tmp_path: Path, bundled_corpus: Corpus
) -> None:
    index = _loaded(bundled_corpus, tmp_path / "indexes")
    for path in index_folder(bundled_corpus, tmp_path / "indexes").rglob("*.*"):
        path.write_bytes(b"overwritten")
    assert answer(index) == HOTLINE_EFFORT


REBUILDER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from corpus import load_corpus
from index import open_index
from tests.conftest import FakeEmbedder

corpus, root, stop = load_corpus(), Path(sys.argv[2]), Path(sys.argv[3])
open_index(corpus, FakeEmbedder(), root=root, rebuild=True)  # imports done: at full speed now
rebuilds = 0
print("ready", flush=True)
while not stop.exists():
    open_index(corpus, FakeEmbedder(), root=root, rebuild=True)
    rebuilds += 1
    time.sleep(0.002)
print(rebuilds, flush=True)
"""


LOADS = 1_000  # the issue saw 28 of 7,725 such loads raise


def test_loads_racing_a_rebuild_in_another_process_all_answer_without_a_warning(
    tmp_path: Path, bundled_corpus: Corpus, caplog: pytest.LogCaptureFixture
) -> None:
    root, stop = tmp_path / "indexes", tmp_path / "stop"
    open_index(bundled_corpus, FakeEmbedder(), root=root)
    rebuilder = subprocess.Popen(
        [sys.executable, "-c", REBUILDER, str(REPO_ROOT), str(root), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    assert rebuilder.stdout is not None
    assert rebuilder.stdout.readline().strip() == "ready"
    answers, builds = [], 0
    try:
        with caplog.at_level(logging.WARNING, logger="planqa"):
            for _ in range(LOADS):
                index, built = open_index(bundled_corpus, FakeEmbedder(), root=root)
                builds += built
                answers.append(answer(index))
    finally:
        stop.touch()
        out, _ = rebuilder.communicate(timeout=60)
    assert rebuilder.returncode == 0
    rebuilds = int(out.strip())
    assert rebuilds >= 3, rebuilds  # the folder really was replaced under the loads
    assert answers == [HOTLINE_EFFORT] * LOADS
    assert builds == 0  # a load meeting a rebuild waits for it rather than building again
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
