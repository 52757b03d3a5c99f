"""Reading reports from disk: files, folders, bad input, and the corpus hash."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from corpus import BUNDLED_PLAN, CorpusError, Plan, load_corpus, parse_plan, read_report
from tests.conftest import EVALSET

REPORTS = EVALSET / "reports"
EXPECTED = Path(__file__).parent / "data" / "reports"
FIXTURES = sorted(REPORTS.glob("*_efforts.txt"))


def small_report(year: int, effort: str = "Held a forum (July {year}). [CAO]") -> str:
    return "\n".join(
        [
            f"FY{year} Efforts on the Basic Plan",
            "",
            "1. Awareness",
            "",
            "O Campaigns",
            "",
            "· " + effort.format(year=year),
            "",
        ]
    )


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# -- bad input names the file (and the line) ---------------------------------------------------


def test_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    missing = tmp_path / "fy2031_efforts.txt"
    with pytest.raises(CorpusError, match=r"fy2031_efforts\.txt does not exist"):
        load_corpus(missing)


def test_missing_file_is_refused_by_read_report(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"nowhere\.txt does not exist"):
        read_report(tmp_path / "nowhere.txt")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"", r"report\.txt is empty", id="empty"),
        pytest.param(b"  \n\n\t \r\n\xc2\xa0\n", r"report\.txt is empty", id="whitespace-only"),
        pytest.param(b"\xef\xbb\xbf\n\n", r"report\.txt is empty", id="bom-only"),
        pytest.param(
            "FY2019 Efforts\n".encode("utf-16-le"),
            r"report\.txt: not UTF-8 text \(every other byte is 0: UTF-16 saved without a "
            r"byte-order mark\?\)",
            id="utf-16-without-bom",
        ),
        pytest.param(
            "FY2019 Efforts\n1. Awareness\nO Caf\u00e9s\n".encode("latin-1"),
            r"report\.txt, line 3: not UTF-8 text \(byte 0xe9",
            id="latin-1",
        ),
        pytest.param(
            b"FY2019 Efforts\nJust prose, no numbered section.\n",
            r"no plan sections found in report\.txt \(expected lines like '1\. Title'\)",
            id="no-sections",
        ),
        pytest.param(
            b"\nEfforts on the Basic Plan\n1. Awareness\n",
            r"report\.txt, line 2: the title line has no fiscal year",
            id="no-fiscal-year",
        ),
    ],
)
def test_bad_report_is_refused_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = write(tmp_path, "report.txt", content)
    with pytest.raises(CorpusError, match=message):
        load_corpus(path)


def test_not_utf8_error_names_the_full_path(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", "FY2019 caf\u00e9\n".encode("latin-1"))
    with pytest.raises(CorpusError, match=re.escape(str(path)) + r", line 1: not UTF-8"):
        read_report(path)


def test_folder_without_txt_reports_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "empty_corpus"
    write(folder, "notes.md", "# not a report")
    write(folder, "fy2019_efforts.expected.json", "{}")
    with pytest.raises(CorpusError, match=r"empty_corpus holds no \.txt reports"):
        load_corpus(folder)


def test_two_reports_for_one_fiscal_year_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "a_report.txt", small_report(2020))
    write(folder, "b_report.txt", small_report(2020, "Sent leaflets. [NPA]"))
    message = r"two reports for FY2020: a_report\.txt and b_report\.txt; keep one report"
    with pytest.raises(CorpusError, match=message):
        load_corpus(folder)


def test_one_bad_report_in_a_folder_is_refused_by_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "fy2020_efforts.txt", small_report(2020))
    write(folder, "fy2021_efforts.txt", b"")
    with pytest.raises(CorpusError, match=r"fy2021_efforts\.txt is empty"):
        load_corpus(folder)


# -- what loads --------------------------------------------------------------------------------


def test_no_path_means_the_bundled_fy2019_report() -> None:
    corpus = load_corpus()
    assert corpus.fiscal_years == (2019,)
    assert corpus.plans[0].source == BUNDLED_PLAN.name
    assert corpus.plans[0].effort_count == 11


def test_read_report_drops_a_leading_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfFY2019 Efforts\n")
    assert read_report(path) == "FY2019 Efforts\n"


def test_folder_of_reports_keeps_each_fiscal_year_in_year_order(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    # File names sort opposite to the years, so the order must come from the years.
    write(folder, "a_latest.txt", small_report(2023))
    write(folder, "b_middle.txt", small_report(2021))
    write(folder, "c_earliest.txt", small_report(2020))
    corpus = load_corpus(folder)
    assert corpus.fiscal_years == (2020, 2021, 2023)
    assert [p.source for p in corpus.plans] == ["c_earliest.txt", "b_middle.txt", "a_latest.txt"]
    ids = [e.id for _, _, _, e in corpus.efforts()]
    assert ids == ["fy2020-1.1.1", "fy2021-1.1.1", "fy2023-1.1.1"]
    assert [e.dates for _, _, _, e in corpus.efforts()] == [
        ("2020-07",),
        ("2021-07",),
        ("2023-07",),
    ]


def test_list_of_files_and_folders_loads_together(tmp_path: Path) -> None:
    folder = tmp_path / "more"
    write(folder, "fy2021.txt", small_report(2021))
    corpus = load_corpus([BUNDLED_PLAN, folder])
    assert corpus.fiscal_years == (2019, 2021)


def test_fixture_folder_loads_only_its_txt_reports() -> None:
    corpus = load_corpus(REPORTS)
    assert corpus.fiscal_years == tuple(
        sorted(parse_plan(read_report(f), source=f.name).fiscal_year for f in FIXTURES)
    )


def test_corpus_glossary_merges_every_report() -> None:
    corpus = load_corpus([BUNDLED_PLAN, REPORTS])
    assert set(corpus.glossary) >= set(corpus.plans[0].glossary)
    for plan in corpus.plans:
        assert set(plan.glossary) <= set(corpus.glossary)


# -- the corpus hash ---------------------------------------------------------------------------


def test_corpus_hash_is_stable_for_the_same_files(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "fy2020.txt", small_report(2020))
    assert load_corpus(folder).sha256 == load_corpus(folder).sha256
    assert re.fullmatch(r"[0-9a-f]{64}", load_corpus(folder).sha256)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p: p.write_text(small_report(2020, "Held a fair. [CAO]")), id="edit"),
        pytest.param(lambda p: p.write_text(p.read_text() + "\n"), id="trailing-newline"),
        pytest.param(lambda p: p.rename(p.with_name("renamed.txt")), id="rename"),
        pytest.param(
            lambda p: p.with_name("fy2021.txt").write_text(small_report(2021)), id="add-report"
        ),
    ],
)
def test_corpus_hash_changes_when_a_file_changes(tmp_path: Path, change: Any) -> None:
    folder = tmp_path / "corpus"
    path = write(folder, "fy2020.txt", small_report(2020))
    before = load_corpus(folder).sha256
    change(path)
    assert load_corpus(folder).sha256 != before


# -- other fiscal years: invented fixtures with expected parses --------------------------------


def expected_shape(plan: Plan, expected: dict[str, Any]) -> dict[str, Any]:
    """The parse, cut down to the fields the ``.expected.json`` file lists at each level.

    Plan, section, measure and effort records keep only the listed fields; values such as
    the glossary, lists of ministries or notes are compared whole.
    """

    def fields(records: list[dict[str, Any]]) -> list[str]:
        return list(dict.fromkeys(k for r in records for k in r))

    full = plan.model_dump(mode="json")
    sections = expected.get("sections", [])
    section_fields = fields(sections)
    measures = [m for s in sections for m in s.get("measures", [])]
    measure_fields = fields(measures)
    effort_fields = fields([e for m in measures for e in m.get("efforts", [])])

    def measure(m: dict[str, Any]) -> dict[str, Any]:
        cut = {k: m[k] for k in measure_fields}
        if "efforts" in cut:
            cut["efforts"] = [{k: e[k] for k in effort_fields} for e in m["efforts"]]
        return cut

    def section(s: dict[str, Any]) -> dict[str, Any]:
        cut = {k: s[k] for k in section_fields}
        if "measures" in cut:
            cut["measures"] = [measure(m) for m in s["measures"]]
        return cut

    shape = {k: full[k] for k in expected}
    if "sections" in shape:
        shape["sections"] = [section(s) for s in full["sections"]]
    return shape


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_report_parses_to_its_expected_json(path: Path) -> None:
    expected = json.loads(
        (EXPECTED / (path.name.removesuffix(".txt") + ".expected.json")).read_text("utf-8")
    )
    plan = parse_plan(read_report(path), source=path.name)
    assert expected_shape(plan, expected) == expected


def test_there_are_fixture_reports_to_check() -> None:
    assert FIXTURES, f"no *_efforts.txt fixtures in {REPORTS}"
    for path in FIXTURES:
        assert (EXPECTED / (path.name.removesuffix(".txt") + ".expected.json")).is_file()


def test_crlf_fixture_keeps_its_line_endings() -> None:
    crlf = [p for p in FIXTURES if b"\r\n" in p.read_bytes()]
    assert crlf, "one fixture must use CRLF line endings (see tests/data/reports/README.md)"


def test_the_corpus_digest_changes_when_the_parse_does_not_only_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = load_corpus().sha256
    import corpus.loader

    def other_parse(text: str, *, source: str) -> Plan:
        plan = parse_plan(text, source=source)
        return plan.model_copy(update={"title": plan.title + " (read differently)"})

    monkeypatch.setattr(corpus.loader, "parse_plan", other_parse)
    assert load_corpus().sha256 != before  # a newer parser never reuses an older index
