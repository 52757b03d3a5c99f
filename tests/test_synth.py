"""Tests for the synthetic report generator used by the scale benchmarks."""

import re
from pathlib import Path

import pytest

from corpus.synth import generate_report, write_corpus

MINISTRIES = {"NPA", "CAS", "CAO", "MIC", "MOJ", "MOFA", "MEXT", "MHLW", "METI", "CFA", "MLIT"}
MONTHS = (
    "January February March April May June July August September October November December"
).split()

# A bullet line that is neither a measure header (``- O``) nor the glossary (``- *``).
BULLET = re.compile(r"^(?:· |• |- · |- )(?!O |\* )")
ATTRIBUTION = re.compile(r"\[([A-Z]+(?:(?:, | and |, and )[A-Z]+)*)\]$")
DATE = re.compile(r"\((" + "|".join(MONTHS) + r") (\d{4})\)")


def effort_lines(text: str) -> list[str]:
    """Return every bullet line of a report that is an effort.

    Args:
        text: A report's text.

    Returns:
        The effort lines, markers included.
    """
    return [line for line in text.splitlines() if BULLET.match(line)]


def ministries_of(line: str) -> list[str]:
    """Return the ministries credited by an effort line's attribution.

    Args:
        line: An effort line.

    Returns:
        The abbreviations in the attribution.
    """
    match = ATTRIBUTION.search(line)
    assert match, line
    return re.split(r", and |, | and ", match.group(1))


def test_generate_report_is_deterministic() -> None:
    kwargs = {"sections": 6, "measures_per_section": 4, "efforts_per_measure": 5, "seed": 7}
    first = generate_report(2019, **kwargs)
    assert first == generate_report(2019, **kwargs)
    assert first != generate_report(2019, **{**kwargs, "seed": 8})
    assert first != generate_report(2020, **kwargs)


def test_generate_report_shape() -> None:
    text = generate_report(2019, sections=6, measures_per_section=3, efforts_per_measure=4, seed=1)
    lines = text.splitlines()
    assert (
        lines[0]
        == 'FY2019 Efforts on the "Basic Plan on Measures against Child Sexual Exploitation"'
    )
    assert [int(m.group(1)) for m in re.finditer(r"^(\d+)\. \S", text, re.M)] == [1, 2, 3, 4, 5, 6]
    assert len(re.findall(r"^(?:- )?O \S", text, re.M)) == 18
    assert len(effort_lines(text)) == 72
    glossary = [
        line for line in lines if re.match(r"^(?:- )?\* NPA \(National Police Agency\)", line)
    ]
    assert len(glossary) == 1
    assert set(re.findall(r"\b([A-Z]{3,4}) \(", glossary[0])) == MINISTRIES


def test_write_corpus_is_byte_identical(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", efforts=3000, seed=3)
    second = write_corpus(tmp_path / "b", efforts=3000, seed=3)
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    other = write_corpus(tmp_path / "c", efforts=3000, seed=4)
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


@pytest.mark.parametrize("efforts", [1, 250, 4321, 20_000])
def test_write_corpus_reaches_requested_effort_count(tmp_path: Path, efforts: int) -> None:
    paths = write_corpus(tmp_path, efforts=efforts)
    counts = [len(effort_lines(p.read_text(encoding="utf-8"))) for p in paths]
    assert abs(sum(counts) - efforts) <= 0.05 * efforts
    assert max(counts) <= 2100
    assert [p.name for p in paths] == [f"fy{2000 + i}_efforts.txt" for i in range(len(paths))]


def test_every_effort_line_ends_with_an_attribution(tmp_path: Path) -> None:
    joint = total = 0
    for path in write_corpus(tmp_path, efforts=5000, seed=11):
        for line in effort_lines(path.read_text(encoding="utf-8")):
            credited = ministries_of(line)
            assert set(credited) <= MINISTRIES, line
            assert len(credited) == len(set(credited)) <= 3, line
            total += 1
            joint += len(credited) > 1
    assert 0.1 < joint / total < 0.3


def test_dates_fall_within_the_fiscal_year(tmp_path: Path) -> None:
    dated = total = 0
    for path in write_corpus(tmp_path, efforts=5000, seed=5):
        text = path.read_text(encoding="utf-8")
        fiscal_year = int(text.split()[0].removeprefix("FY"))
        assert path.name == f"fy{fiscal_year}_efforts.txt"
        for line in effort_lines(text):
            total += 1
            for month, year in DATE.findall(line):
                dated += 1
                index = MONTHS.index(month) + 1
                expected = fiscal_year if index >= 4 else fiscal_year + 1
                assert int(year) == expected, line
    assert 0.15 < dated / total < 0.35
