"""A corpus is read whole or refused: one report per file, any marked encoding, a size guard."""

from __future__ import annotations

import codecs
import socket
from pathlib import Path

import pytest

import corpus.loader
from corpus import BUNDLED_PLAN, CorpusError, Measure, load_corpus, parse_plan
from corpus.integrity import check_unique_effort_ids
from corpus.loader import check_corpus_size
from corpus.synth import write_corpus
from tests.conftest import EVALSET, FakeEmbedder
from ui.cli import main

FY2019 = BUNDLED_PLAN.read_text(encoding="utf-8")
FY2020 = (EVALSET / "reports" / "fy2020_efforts.txt").read_text(encoding="utf-8")
FY2017_WITH_RUNNING_HEADERS = EVALSET / "reports5" / "fy2017_efforts.txt"
SPLIT_IT = "split it into one report per file"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# -- one report per file -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        pytest.param(FY2019 + "\n" + FY2020, "titles at lines 1 and 61", id="two-years"),
        pytest.param(FY2019 + "\n" + FY2019, "titles at lines 1 and 61", id="one-report-twice"),
        pytest.param(FY2020 + "\n\n" + FY2019, "titles at lines 1 and 85", id="later-year-first"),
    ],
)
def test_a_file_holding_two_reports_is_refused_naming_the_title_lines(
    tmp_path: Path, text: str, titles: str
) -> None:
    path = write(tmp_path, "joined.txt", text)
    with pytest.raises(CorpusError, match=rf"joined\.txt holds more than one report: {titles}"):
        load_corpus(path)
    with pytest.raises(CorpusError, match=SPLIT_IT):
        load_corpus(path)


def test_a_report_pasted_twice_without_its_second_title_is_refused_by_its_sections() -> None:
    body = FY2019.split("\n", 1)[1]
    with pytest.raises(CorpusError, match=r"r\.txt: section 1 appears twice, at lines 3 and 62"):
        parse_plan(FY2019 + "\n" + body, source="r.txt")


def test_a_section_number_used_twice_is_refused_naming_both_lines() -> None:
    text = "\n".join(
        [
            "FY2021 Efforts on the Basic Plan",
            "1. Awareness",
            "· Held a forum. [CAO]",
            "3. Protection",
            "· Ran a hotline. [NPA]",
            "3. Support",
            "· Trained counsellors. [MHLW]",
        ]
    )
    message = r"r\.txt: section 3 appears twice, at lines 4 and 6; .*otherwise fix the section"
    with pytest.raises(CorpusError, match=message):
        parse_plan(text, source="r.txt")


def test_two_efforts_with_one_id_are_refused_naming_both_lines() -> None:
    plan = parse_plan(FY2019, source="fy2019_efforts.txt")
    first = plan.sections[0]

    def later(measure: Measure) -> Measure:  # the same efforts, further down the file
        efforts = tuple(e.model_copy(update={"line": 99}) for e in measure.efforts)
        return measure.model_copy(update={"efforts": efforts})

    moved = tuple(later(m) for m in first.measures)
    again = first.model_copy(update={"measures": moved})
    doubled = plan.model_copy(update={"sections": (*plan.sections, again)})
    message = r"fy2019_efforts\.txt: effort id fy2019-1\.1\.1 is given twice, .*lines 7 and 99"
    with pytest.raises(CorpusError, match=message):
        check_unique_effort_ids(doubled)


def test_a_title_repeated_as_a_running_header_is_one_report() -> None:
    plan = load_corpus(FY2017_WITH_RUNNING_HEADERS).plans[0]
    assert plan.fiscal_year == 2017
    assert [s.number for s in plan.sections] == [1, 2, 3, 4, 5, 6]


def test_a_title_copied_on_each_page_before_the_next_section_is_one_report() -> None:
    title = "FY2021 Efforts on the Basic Plan"
    text = "\n".join(
        [
            title,
            "1. Awareness",
            "· Held a forum. [CAO]",
            title,
            "2. Protection",
            "· Ran a hotline. [NPA]",
            title,
        ]
    )
    assert [s.number for s in parse_plan(text, source="r.txt").sections] == [1, 2]


# -- two files, one fiscal year ----------------------------------------------------------------


def test_two_files_of_one_fiscal_year_in_a_folder_are_refused_naming_both(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write(folder, "fy2019_efforts.txt", FY2019)
    write(folder, "fy2019_copy.txt", FY2019)
    message = r"two reports for FY2019: fy2019_copy\.txt and fy2019_efforts\.txt; keep one"
    with pytest.raises(CorpusError, match=message):
        load_corpus(folder)


def test_two_files_of_one_name_and_year_in_two_folders_are_told_apart_by_path(
    tmp_path: Path,
) -> None:
    a = write(tmp_path / "a", "fy2019_efforts.txt", FY2019)
    b = write(tmp_path / "b", "fy2019_efforts.txt", FY2019.replace("toll-free", "free"))
    with pytest.raises(CorpusError, match=rf"two reports for FY2019: {a} and {b}; keep one"):
        load_corpus([a.parent, b.parent])


def test_the_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    report = write(tmp_path / "reports", "fy2019_efforts.txt", FY2019)
    once = load_corpus(report)
    twice = load_corpus([report, report.parent, tmp_path / "reports" / ".." / "reports"])
    assert twice.fiscal_years == (2019,)
    assert twice.plans == once.plans
    assert twice.sha256 == once.sha256


# -- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        pytest.param(codecs.BOM_UTF8, "utf-8", id="utf-8-with-bom"),
        pytest.param(codecs.BOM_UTF16_LE, "utf-16-le", id="utf-16-le"),
        pytest.param(codecs.BOM_UTF16_BE, "utf-16-be", id="utf-16-be"),
        pytest.param(codecs.BOM_UTF32_LE, "utf-32-le", id="utf-32-le"),
    ],
)
def test_a_report_with_a_byte_order_mark_reads_as_its_utf8_twin(
    tmp_path: Path, bom: bytes, codec: str
) -> None:
    marked = write(tmp_path / "marked", BUNDLED_PLAN.name, bom + FY2019.encode(codec))
    assert load_corpus(marked) == load_corpus(BUNDLED_PLAN).model_copy(
        update={"source": str(marked)}
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            "FY2019 Efforts\n1. Caf\u00e9\n".encode("latin-1"),
            r"bad\.txt, line 2: not UTF-8 text \(byte 0xe9 at offset 21\); save the report "
            r"as UTF-8 \(or UTF-16 with a byte-order mark\)",
            id="latin-1",
        ),
        pytest.param(
            "FY2019 Efforts\n1. 啓発\n".encode("shift_jis"),
            r"bad\.txt, line 2: not UTF-8 text \(byte 0x8c at offset 18\)",
            id="shift-jis",
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + "FY2019 Efforts".encode("utf-16-le") + b"\x00\xd8A\x00",
            r"bad\.txt starts with a UTF-16 LE byte-order mark but is not UTF-16 LE text "
            r"\(illegal UTF-16 surrogate at byte offset 30\); save the report as UTF-8",
            id="utf-16-lone-surrogate",
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + "FY2019".encode("utf-16-be") + b"\x00",
            r"bad\.txt starts with a UTF-16 BE byte-order mark but is not UTF-16 BE text "
            r"\(truncated data at byte offset 14\)",
            id="utf-16-odd-length",
        ),
        pytest.param(
            "FY2019 Efforts\n1. Awareness\n".encode("utf-16-be"),
            r"bad\.txt: not UTF-8 text \(every other byte is 0: UTF-16 saved without a "
            r"byte-order mark\?\)",
            id="utf-16-without-bom",
        ),
    ],
)
def test_a_report_in_an_undecodable_encoding_is_refused_naming_the_problem(
    tmp_path: Path, content: bytes, message: str
) -> None:
    with pytest.raises(CorpusError, match=message):
        load_corpus(write(tmp_path, "bad.txt", content))


# -- the size guard ----------------------------------------------------------------------------


@pytest.fixture
def limit_10kb(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(corpus.loader, "MAX_CORPUS_BYTES", 10_000)
    return 10_000


@pytest.fixture
def large_corpus(tmp_path: Path, limit_10kb: int) -> Path:
    """About 60 KB of reports, six times the limit, with more documents than one embedding
    batch (so a build shows its progress bar)."""
    folder = tmp_path / "large"
    write_corpus(folder, efforts=300, seed=5)
    return folder


def test_the_bundled_report_is_well_under_the_size_limit() -> None:
    assert BUNDLED_PLAN.stat().st_size * 100 < corpus.loader.MAX_CORPUS_BYTES
    assert check_corpus_size() is False


def test_a_corpus_over_the_size_limit_is_refused_saying_how_big_and_what_to_do(
    large_corpus: Path,
) -> None:
    size = sum(p.stat().st_size for p in large_corpus.iterdir()) / 1e3
    message = (
        rf"the corpus in {large_corpus} is {size:.1f} KB of report text in 1 file "
        r"\(about [\d,]+ efforts\), over the 10\.0 KB planqa reads without asking: .*"
        r"pass --yes to go on$"
    )
    with pytest.raises(CorpusError, match=message):
        check_corpus_size(large_corpus)
    assert check_corpus_size(large_corpus, confirmed=True) is True


def _free_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["index"], id="index"),
        pytest.param(["ask", "What did NPA do?"], id="ask"),
        pytest.param(["search", "hotline"], id="search"),
        pytest.param(["serve", "--port", "free"], id="serve"),
    ],
)
def test_a_command_stops_at_a_large_corpus_with_one_error_line(
    large_corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    served: list[object] = []
    monkeypatch.setattr("ui.web.serve", lambda *a, **k: served.append(a))  # never listens
    monkeypatch.setattr("index.MiniLMEmbedder", FakeEmbedder)
    monkeypatch.setattr("assistant.bot.MiniLMEmbedder", FakeEmbedder)
    command = [_free_port() if word == "free" else word for word in command]
    root = tmp_path / "indexes"
    status = main([*command, "--corpus", str(large_corpus), "--index-dir", str(root)])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("Error: the corpus in ") and err.count("\n") == 1
    assert "KB of report text" in err and "pass --yes to go on" in err
    assert not root.exists() and not served  # nothing parsed into an index, nothing served


@pytest.mark.parametrize(
    "command",
    [pytest.param(["index"], id="index"), pytest.param(["ask", "What did NPA do?"], id="ask")],
)
def test_yes_goes_on_with_a_large_corpus_showing_parse_and_build_progress(
    large_corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    monkeypatch.setattr("index.MiniLMEmbedder", FakeEmbedder)
    root = tmp_path / "indexes"
    status = main([*command, "--corpus", str(large_corpus), "--index-dir", str(root), "--yes"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "parsing: 100%" in err
    assert "embedding: 100%" in err
    assert out.strip()
    assert "Error" not in err
