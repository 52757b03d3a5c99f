"""``planqa compare YEAR YEAR``: a table of what continued, is new or stopped, or JSON.

The index of FY2019 and the invented FY2020 comparison report is pre-built with the fake
embedder under the real model's name, so the command loads it as current and embeds
nothing (both reports share every heading).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus import BUNDLED_PLAN, load_corpus
from index import MODEL_NAME, MiniLMEmbedder, open_index
from tests.conftest import EVALSET, FakeEmbedder
from ui.cli import main


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    shutil.copy(BUNDLED_PLAN, folder)
    shutil.copy(EVALSET / "compare1" / "fy2020_efforts.txt", folder)
    return folder


@pytest.fixture
def prebuilt(two_years: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "indexes"
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(root))
    fake = FakeEmbedder(name=MODEL_NAME, dimension=MiniLMEmbedder.dimension)
    open_index(load_corpus(two_years), fake, root=root)
    open_index(load_corpus(), fake, root=root)
    return root


def test_compare_prints_each_measure_with_continued_new_and_stopped(
    prebuilt: Path, two_years: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", "FY2019", "FY2020", "--corpus", str(two_years)]) == 0
    out = capsys.readouterr().out
    first, rule = out.splitlines()[:2]
    assert first.startswith("FY2019 → FY2020 · ") and "no longer reported" in first
    assert rule.startswith("Efforts matched by the similarity of their text")
    assert "1. Enhancement of public awareness" in out
    assert "  ○ Promotion of public relations" in out
    assert "  new " in out and "fy2020-1.1.1" in out


def test_compare_accepts_bare_years_in_either_order_and_a_ministry(
    prebuilt: Path, two_years: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", "2020", "2019", "--ministry", "moj", "--corpus", str(two_years)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("FY2019 → FY2020 · MOJ · ")
    rows = [line for line in out.splitlines() if line.startswith("  continued")
            or line.startswith("  new") or line.startswith("  stopped")]
    assert rows and all("MOJ" in row for row in rows)


def test_compare_json_is_the_whole_comparison(
    prebuilt: Path, two_years: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", "FY2019", "FY2020", "--json", "--corpus", str(two_years)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["before"], data["after"]) == (2019, 2020)
    assert data["rule"]["same_measure"] > 0
    placed = [p["after"]["id"] for p in data["continued"]] + [e["id"] for e in data["new"]]
    assert len(placed) == 20 and len(set(placed)) == 20


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["compare", "FY2019", "FY2020"], "Error: no report for FY2020 is loaded (loaded: FY2019)"),
        (["compare", "FY2019", "FY2019", "--corpus", "{two}"], "cannot be compared with itself"),
        (["compare", "FY2019", "FY2020", "--ministry", "XYZ", "--corpus", "{two}"],
         "Error: unknown ministry 'XYZ'; known ministries: "),
    ],
)
def test_compare_errors_are_one_line_saying_what_to_do(
    prebuilt: Path,
    two_years: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    assert main([a.replace("{two}", str(two_years)) for a in argv]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_year_that_is_no_year_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["compare", "FY20", "2020"])
    assert stop.value.code == 2
    assert "'FY20' is not a fiscal year; write FY2019 or 2019" in capsys.readouterr().err
