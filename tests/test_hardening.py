"""Hardening: any input, an interrupted build, and no network at all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import Answer, Assistant, QuestionError
from corpus import load_corpus
from corpus.synth import write_corpus
from index import open_index
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
