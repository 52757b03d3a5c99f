"""The wheel ships every data file the package reads: the question sets (``planqa eval`` from an
install) and the vocabulary of the synthetic reports."""

from __future__ import annotations

import fnmatch
import tomllib

from assistant.evaluate import CORPORA
from corpus.synth_words import VOCABULARY_FILE
from tests.conftest import EVALSET, REPO_ROOT


def test_every_evaluation_file_matches_a_package_data_pattern() -> None:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["assistant"]
    shipped = [
        path.relative_to(EVALSET.parent).as_posix()
        for path in EVALSET.rglob("*")
        if path.is_file()
    ]
    missing = [p for p in shipped if not any(fnmatch.fnmatch(p, pat) for pat in patterns)]
    assert missing == []
    assert {"evalset/compare.json", "evalset/comparisons.json"} <= set(shipped)
    for folders in CORPORA.values():
        for folder in folders:
            assert any(p.startswith(f"evalset/{folder}/") for p in shipped), folder


def test_the_synthetic_reports_vocabulary_matches_a_package_data_pattern() -> None:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["corpus"]
    shipped = VOCABULARY_FILE.relative_to(REPO_ROOT / "corpus").as_posix()
    assert any(fnmatch.fnmatch(shipped, pat) for pat in patterns), shipped
