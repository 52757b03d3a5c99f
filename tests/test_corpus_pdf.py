"""PDF reports, as a specification: a report's PDF reads as the same plan as its text.

The PDFs are written here, at test time, from the project's own text reports
(``tests/pdf_fixtures.py``): running headers and footers, page numbers, efforts wrapped
over lines and pages, hyphenated words, bullets drawn in a dingbat font and figure text in
a frame. Each must parse to the plan its text gives, every effort keeping its page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import BUNDLED_PLAN, CorpusError, Effort, Plan, load_corpus, parse_plan, read_report
from corpus.loader import check_corpus_size
from corpus.pages import PdfLine, PdfPage, report_lines, report_text
from corpus.pdf import read_pdf
from tests.conftest import FakeEmbedder
from tests.pdf_fixtures import TEXT_REPORTS, PdfLayout, bad_pdf, one_page_pdf, report_pdf
from ui.cli import main

Pages = tuple[PdfPage, ...]


def pdf_of(report: Path, folder: Path, layout: PdfLayout | None = None) -> Path:
    """The report's text written as a PDF of the same name in ``folder``."""
    text = report.read_text(encoding="utf-8")
    return report_pdf(text, folder / f"{report.stem}.pdf", layout=layout)


def parsed(path: Path) -> Plan:
    (plan,) = load_corpus(path).plans
    return plan


def essentials(plan: Plan) -> dict[str, Any]:
    """What a reader of the plan sees: everything but where each line was in its file."""
    measures = [
        (s.number, s.title, m.title, m.notes, [(e.id, e.text, e.ministries, e.dates)
                                               for e in m.efforts])
        for s in plan.sections for m in s.measures
    ]  # fmt: skip
    return {"title": plan.title, "fiscal_year": plan.fiscal_year, "glossary": plan.glossary,
            "notes": plan.notes, "measures": measures}  # fmt: skip


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every text report as a PDF, written once for the module."""
    folder = tmp_path_factory.mktemp("pdfs")
    for report in TEXT_REPORTS:
        pdf_of(report, folder)
    return folder


@pytest.fixture(scope="module")
def fy2019_pdf(pdfs: Path) -> Path:
    return pdfs / "fy2019_efforts.pdf"


@pytest.fixture(scope="module")
def fy2019_pages(fy2019_pdf: Path) -> Pages:
    """The bundled report's PDF as extracted: its pages' lines with their boxes."""
    return read_pdf(fy2019_pdf)


@pytest.fixture(scope="module")
def fy2019_plan(fy2019_pdf: Path) -> Plan:
    return parsed(fy2019_pdf)


def by_id(plan: Plan) -> dict[str, Effort]:
    return {effort.id: effort for _, _, effort in plan.efforts()}


def printed(pages: Sequence[PdfPage]) -> list[str]:
    """Every line of text on these pages as extracted, before the text layer."""
    return [line.text for page in pages for line in page.lines]


# -- a PDF reads as the same plan as its text ---------------------------------------------


@pytest.mark.parametrize("report", TEXT_REPORTS, ids=lambda p: p.stem)
def test_a_reports_pdf_parses_to_the_same_plan_as_its_text(report: Path, pdfs: Path) -> None:
    from_text = parse_plan(read_report(report), source=report.name)
    from_pdf = parsed(pdfs / f"{report.stem}.pdf")
    assert essentials(from_pdf) == essentials(from_text)


LAYOUTS = {
    "page-of-footer-beside-a-note": PdfLayout(
        footer="Page {page} of {pages}", footer_note="Cabinet Office, Government of Japan"
    ),
    "plain-bullets-no-hyphens-no-frames": PdfLayout(
        dingbat_bullets=False, hyphenate=False, figures=False
    ),
    "small-type-no-header": PdfLayout(header="", size=8.5),
    "large-type": PdfLayout(size=12),
}


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
@pytest.mark.parametrize("report", [TEXT_REPORTS[0], TEXT_REPORTS[5]], ids=lambda p: p.stem)
def test_the_parse_does_not_depend_on_how_the_pages_are_laid_out(
    report: Path, layout: PdfLayout, tmp_path: Path
) -> None:
    from_text = parse_plan(read_report(report), source=report.name)
    assert essentials(parsed(pdf_of(report, tmp_path, layout))) == essentials(from_text)


# -- what the pages add, undone -------------------------------------------------------------


def test_running_headers_footers_and_page_numbers_are_not_report_text(
    fy2019_pdf: Path, fy2019_pages: Pages
) -> None:
    header = "Efforts on the Basic Plan on Measures against Child Sexual Exploitation"
    assert printed(fy2019_pages).count(header) == 2  # on both pages
    text = read_report(fy2019_pdf)
    assert text.splitlines()[0].startswith("FY2019 Efforts")  # the header above it is gone
    assert "Efforts on the Basic Plan on Measures" not in text
    assert "- 1 -" not in text and "- 2 -" not in text


def test_a_word_hyphenated_at_a_line_end_is_read_whole(
    fy2019_pages: Pages, fy2019_plan: Plan
) -> None:
    assert any(line.endswith("ministr-") for line in printed(fy2019_pages))
    effort = by_id(fy2019_plan)["fy2019-1.2.1"]
    assert "representatives from relevant ministries and agencies" in effort.text


def test_a_bullet_extracted_as_a_dingbat_letter_opens_an_effort(
    fy2019_pages: Pages, fy2019_plan: Plan
) -> None:
    lines = printed(fy2019_pages)
    assert any(line.startswith("l Organized the 4th Specialist Group Meeting") for line in lines)
    effort = by_id(fy2019_plan)["fy2019-1.2.1"]
    assert effort.text.startswith("Organized the 4th Specialist Group Meeting")
    assert effort.ministries == ("NPA",)


def test_figure_text_in_a_frame_is_a_note_on_its_measure_not_an_effort(
    fy2019_pages: Pages, fy2019_plan: Plan
) -> None:
    framed = [line for page in fy2019_pages for line in page.lines if line.frame is not None]
    assert len(framed) == 3  # the quotation under measure 4.2, set small in a frame
    measure = fy2019_plan.sections[3].measures[1]
    assert [e.id for e in measure.efforts] == ["fy2019-4.2.1"]
    assert measure.notes == (
        "This is a message from the Juvenile Section of the XXX Police Station. Crimes of child "
        "sexual exploitation, such as child prostitution and the production of child "
        "pornography, are heinous acts that significantly violate",
    )


def test_a_table_row_keeps_its_columns_and_stays_a_note(pdfs: Path) -> None:
    plan = parsed(pdfs / "fy2016_efforts.pdf")
    notes = [note for s in plan.sections for m in s.measures for note in m.notes]
    assert "Category Reported Deletion requested Deleted (items)" in notes


# -- where each effort came from ------------------------------------------------------------


def test_each_effort_of_a_pdf_keeps_its_file_page_and_line(
    fy2019_pdf: Path, fy2019_pages: Pages, fy2019_plan: Plan
) -> None:
    plan = fy2019_plan
    text_lines = read_report(fy2019_pdf).splitlines()
    pages = {e.id: e.page for _, _, e in plan.efforts()}
    assert plan.source == "fy2019_efforts.pdf"
    assert pages == {
        "fy2019-1.1.1": 1, "fy2019-1.2.1": 1, "fy2019-2.1.1": 1, "fy2019-2.1.2": 1,
        "fy2019-3.1.1": 1, "fy2019-4.1.1": 1, "fy2019-4.2.1": 2, "fy2019-5.1.1": 2,
        "fy2019-5.2.1": 2, "fy2019-6.1.1": 2, "fy2019-6.2.1": 2,
    }  # fmt: skip
    for _, _, effort in plan.efforts():
        assert effort.text[:30] in text_lines[effort.line - 1]  # the line of the extracted text
        on_its_page = printed(fy2019_pages[(effort.page or 0) - 1 : effort.page])
        assert any(effort.text[:30] in line for line in on_its_page)


def test_an_effort_wrapped_over_a_page_break_is_one_effort_on_the_page_it_starts(
    pdfs: Path,
) -> None:
    pdf = pdfs / "fy2022_efforts.pdf"
    effort = by_id(parsed(pdf))["fy2022-3.2.1"]
    first, second = (printed([page]) for page in read_pdf(pdf)[:2])
    words = effort.text.split()
    assert any(" ".join(words[:6]) in line for line in first)
    assert any(" ".join(words[-3:]) in line for line in second)
    assert effort.page == 1
    from_text = parse_plan(read_report(TEXT_REPORTS[3]), source="fy2022_efforts.txt")
    assert effort.text == by_id(from_text)["fy2022-3.2.1"].text


def test_text_reports_carry_no_page_and_serialise_as_before() -> None:
    plan = parsed(BUNDLED_PLAN)
    assert all(effort.page is None for _, _, effort in plan.efforts())
    assert all("page" not in e for s in plan.model_dump()["sections"] for m in s["measures"]
               for e in m["efforts"])  # fmt: skip


def test_planqa_parse_json_gives_each_efforts_page(
    fy2019_pdf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(fy2019_pdf), "--json"]) == 0
    (plan,) = json.loads(capsys.readouterr().out)["plans"]
    efforts = [e for s in plan["sections"] for m in s["measures"] for e in m["efforts"]]
    assert len(efforts) == 11
    assert {e["page"] for e in efforts} == {1, 2}


# -- corpora of PDFs, or of PDFs and text ---------------------------------------------------


def test_a_folder_mixing_pdf_and_text_reports_is_one_corpus(
    fy2019_pdf: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / fy2019_pdf.name).write_bytes(fy2019_pdf.read_bytes())
    (folder / "fy2020_efforts.txt").write_bytes(TEXT_REPORTS[1].read_bytes())
    corpus = load_corpus(folder)
    assert corpus.fiscal_years == (2019, 2020)
    assert [p.source for p in corpus.plans] == ["fy2019_efforts.pdf", "fy2020_efforts.txt"]


def test_a_pdf_and_a_text_of_the_same_year_are_refused_as_two_reports(
    fy2019_pdf: Path,
) -> None:
    with pytest.raises(CorpusError, match=r"two reports for FY2019: fy2019_efforts\.txt and "):
        load_corpus([BUNDLED_PLAN, fy2019_pdf])


def test_a_pdf_corpus_is_indexed_and_its_hits_cite_pages(fy2019_pdf: Path, tmp_path: Path) -> None:
    from assistant import Assistant

    corpus = [fy2019_pdf, TEXT_REPORTS[1]]
    bot = Assistant.load(corpus, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    assert bot.corpus.fiscal_years == (2019, 2020)
    hits = bot.search("toll-free child abuse hotline", k=3, fiscal_years=[2019])
    cited = [effort for hit in hits for effort in hit.efforts]
    assert cited and all(e.source.endswith(".pdf") and e.page in (1, 2) for e in cited)


def test_an_answer_from_a_pdf_cites_the_page_of_each_effort(
    fy2019_pdf: Path, tmp_path: Path
) -> None:
    from assistant import Assistant

    bot = Assistant.load([fy2019_pdf], index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    answer = bot.ask("What did MEXT do in FY2019?")
    assert answer.citations
    for c in answer.citations:
        assert c.page in (1, 2)
        assert c.markdown().endswith(f"({c.effort_id}, {fy2019_pdf.name} p. {c.page})")
    dumped = json.loads(answer.model_dump_json())
    assert [c["page"] for c in dumped["citations"]] == [c.page for c in answer.citations]


def test_an_answer_from_a_text_report_cites_no_page(tmp_path: Path) -> None:
    from assistant import Assistant

    bot = Assistant.load(BUNDLED_PLAN, index_dir=tmp_path / "idx", embedder=FakeEmbedder())
    c = bot.ask("What did MEXT do in FY2019?").citations[0]
    assert c.page is None and c.markdown().endswith(f"({c.effort_id})")


def test_a_pdfs_size_for_the_corpus_limit_is_counted_by_its_pages(
    fy2019_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert check_corpus_size(fy2019_pdf) is False
    monkeypatch.setattr("corpus.loader.MAX_CORPUS_BYTES", 5_000)
    with pytest.raises(CorpusError, match=r"6\.0 KB of report text in 1 file"):
        check_corpus_size(fy2019_pdf)  # two pages at 3 KB each


# -- two reports in one PDF -----------------------------------------------------------------


def test_a_pdf_holding_two_reports_is_refused_naming_their_pages(tmp_path: Path) -> None:
    two = read_report(BUNDLED_PLAN) + "\n" + read_report(TEXT_REPORTS[1])
    pdf = report_pdf(two, tmp_path / "fy2019_and_2020.pdf")
    with pytest.raises(
        CorpusError,
        match=r"fy2019_and_2020\.pdf holds more than one report: titles at lines 1 and \d+ "
        r"\(pages 1 and 3\) .*split it into one report per file",
    ):
        load_corpus(pdf)


# -- PDFs that cannot be read ---------------------------------------------------------------


BAD_PDFS = {
    "encrypted": r"it is encrypted \(password-protected\); open it with its password and save "
    r"an unprotected copy",
    "scanned": r"it has no text layer \(a scan\?\); run OCR first",
    "truncated": r"is truncated \(its end-of-file marker is missing\); download it again",
    "damaged": r"cannot read .*report\.pdf as a PDF \(.+\); it may be damaged",
    "html": r"report\.pdf is not a PDF: it is an HTML page .*download the report's PDF again",
    "empty": r"report\.pdf is not a PDF: it is empty",
}


@pytest.mark.parametrize(("kind", "message"), BAD_PDFS.items(), ids=BAD_PDFS.keys())
def test_a_pdf_that_cannot_be_read_is_refused_saying_what_to_do(
    kind: str, message: str, fy2019_pdf: Path, tmp_path: Path
) -> None:
    path = tmp_path / "report.pdf"
    bad_pdf(kind, path, fy2019_pdf.read_bytes())
    with pytest.raises(CorpusError, match=message):
        load_corpus(path)


@pytest.mark.parametrize("kind", BAD_PDFS.keys())
def test_planqa_parse_of_a_bad_pdf_prints_one_error_line_and_no_traceback(
    kind: str, fy2019_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.pdf"
    bad_pdf(kind, path, fy2019_pdf.read_bytes())
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "report.pdf" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_pdf_whose_fonts_have_no_unicode_map_is_refused_as_unreadable_text(
    fy2019_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pdfminer gives "(cid:36)" for each character of a font without a map to Unicode.
    glyphs = PdfPage(1, 595, 842, (PdfLine("(cid:36)(cid:37)(cid:3)(cid:38)", 60, 200, 80, 90),))
    monkeypatch.setattr("corpus.pdf._page", lambda _page: glyphs)
    with pytest.raises(CorpusError, match=r"its fonts have no map to Unicode.*run OCR first"):
        load_corpus(fy2019_pdf)


def test_a_pdf_protected_only_against_editing_reads_as_any_other(tmp_path: Path) -> None:
    # Many published PDFs carry an owner password only: anyone may open and read them.
    one_page_pdf(owner_password="owner").output(str(tmp_path / "protected.pdf"))
    assert read_report(tmp_path / "protected.pdf") == "FY2019 Efforts on the Basic Plan"


# -- the text layer of the pages, without a PDF --------------------------------------------
#
# Lines are 10 points high; the lines of a paragraph are 12 points apart, paragraphs 24.
# A body line is full when it ends near 530 (the right margin).


def line(text: str, top: float, *, x0: float = 60, x1: float | None = None, **kw: Any) -> PdfLine:
    """A 10-point line; a line without ``x1`` ends where its text would (5 pt a letter)."""
    end = x1 if x1 is not None else x0 + 5 * len(text)
    first = kw.pop("first_word", 5 * len(text.split()[0]))
    return PdfLine(text=text, x0=x0, x1=end, top=top, bottom=top + 10, first_word=first, **kw)


def page(number: int, *lines: PdfLine) -> PdfPage:
    return PdfPage(number=number, width=595, height=842, lines=lines)


def texts(pages: list[PdfPage]) -> list[str]:
    return [text for _, text in report_lines(pages) if text]


def test_lines_in_the_page_margins_and_page_numbers_alone_are_furniture() -> None:
    one = page(1, line("Provisional translation", 20), line("FY2020 Efforts", 80),
               line("1. Awareness", 104), line("- 3 -", 760),
               line("Cabinet Office", 820))  # fmt: skip
    assert texts([one]) == ["FY2020 Efforts", "1. Awareness"]


def test_a_line_repeated_at_the_same_height_on_each_page_is_a_running_header() -> None:
    pages = [
        page(n, line("Basic Plan against Child Sexual Exploitation", 60), line(body, 90))
        for n, body in ((1, "FY2020 Efforts"), (2, "O Campaigns"), (3, "O Hotlines"))
    ]
    assert texts(pages) == ["FY2020 Efforts", "O Campaigns", "O Hotlines"]


def test_a_heading_at_the_top_of_two_pages_is_the_reports_own() -> None:
    pages = [page(n, line("O Campaigns", 60), line("· Held a forum. [NPA]", 75)) for n in (1, 2)]
    assert texts(pages) == [
        "O Campaigns", "· Held a forum. [NPA]", "O Campaigns", "· Held a forum. [NPA]"
    ]  # fmt: skip


def test_a_title_repeated_at_the_top_of_two_pages_is_kept_to_be_refused_as_two_reports() -> None:
    pages = [page(n, line(f"FY{year} Efforts on the Basic Plan", 60), line("1. Awareness", 84))
             for n, year in ((1, 2019), (2, 2020))]  # fmt: skip
    assert texts(pages) == [
        "FY2019 Efforts on the Basic Plan", "1. Awareness",
        "FY2020 Efforts on the Basic Plan", "1. Awareness",
    ]  # fmt: skip


def test_a_full_line_continues_into_the_next_and_a_hyphenated_word_is_joined() -> None:
    lines = report_lines([page(
        1,
        line("· Organized awareness-raising seminars for safe and secure inter-", 100, x1=530),
        line("net use by young people, with teachers and guardians of the Ministry", 112, x1=528),
        line("Education. [MIC]", 124),
        line("· Produced a leaflet. [MEXT]", 136),
    )])  # fmt: skip
    assert lines == [
        (1, "· Organized awareness-raising seminars for safe and secure internet use by young "
            "people, with teachers and guardians of the Ministry Education. [MIC]"),
        (1, "· Produced a leaflet. [MEXT]"),
    ]  # fmt: skip


def test_a_line_whose_next_word_would_have_fitted_ends_its_paragraph() -> None:
    wide = line("· Held a forum at the end of the year in all the prefectures,", 100, x1=530)
    short = line("with teachers. [MEXT]", 112, x1=300)
    note = line("Consultations rose in every prefecture of the country.", 124, x1=470)
    after = line("Figures are provisional.", 136, first_word=40)  # "Figures" fits after it
    assert texts([page(1, wide, short, note, after)]) == [
        "· Held a forum at the end of the year in all the prefectures, with teachers. [MEXT]",
        note.text,
        after.text,
    ]


def test_a_title_wrapped_in_larger_type_is_one_line_again() -> None:
    # 12-point lines; "Exploitation"" (90 pt) does not fit between 470 and the margin.
    title = PdfLine('FY2020 Efforts on the "Basic Plan on Measures against Child Sexual',
                    60, 470, 60, 72)  # fmt: skip
    rest = PdfLine('Exploitation"', 60, 150, 75, 87, first_word=90)
    body = line("1. Awareness", 100)
    assert report_lines([page(1, title, rest, body)])[0] == (
        1, 'FY2020 Efforts on the "Basic Plan on Measures against Child Sexual Exploitation"'
    )  # fmt: skip


def test_a_paragraph_wrapped_over_a_page_break_is_one_line_on_the_page_it_starts() -> None:
    end = line(
        "· Held a liaison conference of child guidance centres and the police in", 760, x1=532
    )
    start = line("every prefecture (March 2021). [MHLW]", 60)
    assert report_lines([page(4, end), page(5, start)]) == [
        (4, "· Held a liaison conference of child guidance centres and the police in every "
            "prefecture (March 2021). [MHLW]")
    ]  # fmt: skip


def test_lines_of_one_figure_join_and_never_join_the_text_around_them() -> None:
    lines = report_lines([page(
        1,
        line("· Held a forum for the heads of schools in all prefectures and", 100, x1=532),
        line("Crimes of child sexual", 112, x0=100, frame=0),
        line("exploitation are heinous", 122, x0=100, frame=0),
        line("its islands. [MEXT]", 134),
    )])  # fmt: skip
    assert [t for _, t in lines] == [
        "· Held a forum for the heads of schools in all prefectures and",
        "Crimes of child sexual exploitation are heinous",
        "its islands. [MEXT]",
    ]


def test_a_gap_between_paragraphs_and_a_page_break_between_them_are_blank_lines() -> None:
    pages = [
        page(
            1,
            line("O Campaigns", 100),
            line("Posters in stations and on the trains of every railway line in the", 124, x1=530),
            line("country.", 136),
            line("Leaflets in schools.", 160),
        ),
        page(2, line("Radio spots.", 60)),
    ]
    assert report_lines(pages) == [
        (1, "O Campaigns"), (1, ""),
        (1, "Posters in stations and on the trains of every railway line in the country."),
        (1, ""), (1, "Leaflets in schools."), (2, ""), (2, "Radio spots."),
    ]  # fmt: skip


_ROWS = st.tuples(st.text(min_size=1, max_size=40).filter(str.strip), st.floats(0, 842),
                  st.floats(0, 595))  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_ROWS, max_size=12), max_size=4))
def test_any_pages_give_text_whose_every_line_has_its_page(
    pages: list[list[tuple[str, float, float]]],
) -> None:
    built = [
        page(n, *(line(t, top, x0=x) for t, top, x in sorted(rows, key=lambda r: r[1])))
        for n, rows in enumerate(pages, start=1)
    ]
    text, on = report_text(built)
    assert len(text.split("\n")) == len(on) or (not text and not on)
    assert all(1 <= p <= len(pages) for p in on)
