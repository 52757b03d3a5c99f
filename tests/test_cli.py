"""The ``planqa`` command line, run in-process (``ui.cli.main``) and once as a real process.

Commands that open an index find one in ``$PLANQA_INDEX_DIR``. Building it needs the real
model (seconds), so the fast tests pre-build the bundled plan's index with the fake
embedder under the real model's name and width: the CLI then loads it as current, and
questions about ministries and the glossary never embed anything. Tests that need real
vectors (``search``) or that time a real build (``index``) are marked ``slow``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import load_corpus
from index import MODEL_NAME, MiniLMEmbedder, open_index
from tests.conftest import EVALSET, REPO_ROOT, FakeEmbedder
from ui.cli import main


def _prebuilt(root: Path) -> Path:
    fake = FakeEmbedder(name=MODEL_NAME, dimension=MiniLMEmbedder.dimension)
    open_index(load_corpus(), fake, root=root)
    return root


@pytest.fixture
def index_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty index folder named by ``$PLANQA_INDEX_DIR``."""
    root = tmp_path / "indexes"
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(root))
    return root


@pytest.fixture
def prebuilt(index_dir: Path) -> Path:
    """``$PLANQA_INDEX_DIR`` holding a current index of the bundled plan (no model run)."""
    return _prebuilt(index_dir)


@pytest.fixture(scope="module")
def real_bundled_root(real_index_root: Path, real_embedder: MiniLMEmbedder) -> Path:
    """The shared real-model index root, holding the bundled plan's index."""
    open_index(load_corpus(), real_embedder, root=real_index_root)
    return real_index_root


# -- parse -------------------------------------------------------------------------------


def test_parse_prints_a_summary_and_every_effort(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse"]) == 0
    out = capsys.readouterr().out
    assert "6 sections, 10 measures, 11 efforts, 9 glossary entries" in out
    assert "[fy2019-4.1.1]" in out and "[MHLW] (2019-12)" in out
    assert "Glossary: NPA = National Police Agency" in out


def test_parse_json_is_the_whole_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json"]) == 0
    corpus = json.loads(capsys.readouterr().out)
    (plan,) = corpus["plans"]
    assert plan["fiscal_year"] == 2019
    efforts = [e for s in plan["sections"] for m in s["measures"] for e in m["efforts"]]
    assert len(efforts) == 11
    assert efforts[0]["id"] == "fy2019-1.1.1"


def test_parse_of_several_reports_summarises_each(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EVALSET / "reports")]) == 0
    out = capsys.readouterr().out
    assert "FY2020 ·" in out and "FY2023 ·" in out


def test_parse_of_a_missing_file_is_an_error_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["parse", "missing.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Error: ")
    assert "missing.txt does not exist" in captured.err
    assert "Traceback" not in captured.err


def test_parse_of_a_file_that_is_not_a_plan_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n- eggs\n- milk\n", encoding="utf-8")
    assert main(["parse", str(notes)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "notes.txt" in err
    assert "Traceback" not in err


# -- ask ---------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["", "   ", "?!"])
def test_ask_without_words_says_what_to_type_and_exits_with_a_usage_error(
    prebuilt: Path, capsys: pytest.CaptureFixture[str], question: str
) -> None:
    assert main(["ask", question]) == 2
    assert "Please" in capsys.readouterr().out  # what to type instead


def test_ask_json_is_the_answer_with_its_citations(
    prebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "What did MEXT do in 2019?", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert [c["effort_id"] for c in answer["citations"]] == [
        "fy2019-2.1.1",
        "fy2019-2.1.2",
        "fy2019-6.1.1",
    ]
    assert [c["number"] for c in answer["citations"]] == [1, 2, 3]
    assert answer["kind"] == "list"
    assert answer["abstained"] is False


def test_ask_prints_the_answer_then_its_sources(
    prebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "How many efforts involved MHLW?"]) == 0
    out = capsys.readouterr().out
    answer, sources = out.split("\nSources:\n")
    assert "[1]" in answer and "[2]" in answer
    assert "(fy2019-4.1.1)" in sources and "(fy2019-6.2.1)" in sources


def test_ask_glossary_question_prints_no_sources(
    prebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "What does METI stand for?"]) == 0
    out = capsys.readouterr().out
    assert "Ministry of Economy, Trade and Industry" in out
    assert "Sources:" not in out


def test_ask_without_a_question_and_no_terminal_is_an_error(
    prebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: no question given")


_SCRIPT = Path(sys.executable).with_name("planqa")


@pytest.mark.parametrize(
    "command",
    [
        pytest.param([sys.executable, "-m", "ui.cli"], id="python-m"),
        pytest.param(
            [str(_SCRIPT)],
            id="console-script",
            marks=pytest.mark.skipif(not _SCRIPT.exists(), reason="planqa is not installed"),
        ),
    ],
)
def test_ask_in_a_real_process_exits_zero_with_the_answer(
    prebuilt: Path, command: list[str]
) -> None:
    env = {**os.environ, "PLANQA_INDEX_DIR": str(prebuilt), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [*command, "ask", "What does METI stand for?"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Ministry of Economy, Trade and Industry" in done.stdout
    assert "Traceback" not in done.stderr


# -- search ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   "])
def test_search_for_nothing_is_an_error(
    prebuilt: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    assert main(["search", query]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("Error: the search query is empty")
    assert "Traceback" not in captured.err


def test_search_with_a_lone_surrogate_searches_the_rest(
    prebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "\udcff symposium"]) == 0
    assert "fy2019-1.1.1" in capsys.readouterr().out


def test_search_with_an_unknown_ministry_lists_the_known_ones(
    prebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "x", "--ministry", "XYZ"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: unknown ministry 'XYZ'")
    assert "known ministries: CAO, CAS, METI, MEXT, MHLW, MIC, MOFA, MOJ, NPA" in err


def test_search_with_k_below_one_is_an_error(
    prebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "hotline", "-k", "0"]) == 1
    assert "k must be at least 1" in capsys.readouterr().err


def test_search_for_a_year_with_no_report_is_an_error(
    prebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "hotline", "--year", "2015"]) == 1
    assert "no report loaded for FY2015" in capsys.readouterr().err


@pytest.mark.slow
def test_search_json_finds_the_hotline_first(
    real_bundled_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(real_bundled_root))
    assert main(["search", "hotline", "--json", "-k", "2"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert isinstance(hits, list) and 1 <= len(hits) <= 2
    assert "fy2019-4.1.1" in [e["id"] for e in hits[0]["efforts"]]


@pytest.mark.slow
def test_search_prints_numbered_measures_with_their_efforts(
    real_bundled_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(real_bundled_root))
    assert main(["search", "hotline", "-k", "1", "--ministry", "mhlw"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. FY2019 §4 ")
    assert "[fy2019-4.1.1]" in out


# -- index -------------------------------------------------------------------------------


@pytest.mark.slow
def test_index_says_what_it_built_and_how_long_it_took(
    index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index"]) == 0
    built = capsys.readouterr().out
    assert built.startswith("built: 11 efforts in ")
    assert "(FY2019) in " in built
    assert built.split("(FY2019) in ")[1].split("s\n")[0].replace(".", "").isdigit()
    assert str(index_dir) in built

    assert main(["index"]) == 0
    assert capsys.readouterr().out.startswith("index is current, loaded: 11 efforts")


def test_index_json_says_what_was_built_where(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("index.MiniLMEmbedder", FakeEmbedder)
    assert main(["index", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["built"] is True and result["efforts"] == 11 and result["fiscal_years"] == [2019]
    assert Path(result["folder"]).parent == index_dir


def test_index_of_a_current_index_loads_it_without_building(
    prebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("index is current, loaded: 11 efforts")
    assert str(prebuilt) in out


def test_eval_lists_dev_failures_but_only_counts_held_out_ones(
    prebuilt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = {
        "id": "x1",
        "corpus": "bundled",
        "question": "What does MEXT stand for?",
        "history": [],
        "kind": "glossary",
        "expected": [],
        "exact": False,
        "abstain": False,
        "answer_contains": ["a string no answer states"],
    }
    for name in ("mine", "heldout"):
        (tmp_path / f"{name}.json").write_text(json.dumps([question]), encoding="utf-8")
    assert main(["eval", "--questions", str(tmp_path / "mine.json"), "--no-stability"]) == 0
    assert "What does MEXT stand for?" in capsys.readouterr().out
    assert main(["eval", "--questions", str(tmp_path / "heldout.json"), "--no-stability"]) == 0
    out = capsys.readouterr().out
    assert "1 held-out questions failed" in out
    assert "What does MEXT stand for?" not in out


# -- serve -------------------------------------------------------------------------------


def test_serve_refuses_a_port_out_of_range_before_loading_anything(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["serve", "--port", "99999"]) == 1
    err = capsys.readouterr().err
    assert "--port 99999 is not a port" in err and "Traceback" not in err


def test_serve_refuses_a_busy_port_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    assert f"cannot serve on 127.0.0.1:{port}" in capsys.readouterr().err
