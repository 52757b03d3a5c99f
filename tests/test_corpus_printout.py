"""A report released as a mainframe's line-printer listing is read by its columns: the
"SECTION-CD S1" and "MEASURE-CD S1-M1" headings, one effort per "S1-M1-E01" row with its
text wrapped in its column, its bodies wrapped at a comma in theirs and an indented table
of figures in it, an effort cut by a page break joined again, the page furniture, the
carriage-control characters and the control totals left out, and the code table of the
bodies as the legend."""

from __future__ import annotations

from pathlib import Path

from corpus import parse_plan
from corpus.printout import printout_to_plain
from tests.conftest import assert_reads_only_its_form

# a listing as printed, 120 columns wide: kept as a file, as the lines are longer than code's
REPORT = (Path(__file__).parent / "data" / "printout" / "fy2090_efforts.txt").read_text(
    encoding="utf-8"
)


def test_rows_give_sections_measures_and_efforts_with_their_bodies_and_dates() -> None:
    plan = parse_plan(REPORT, source="fy2090_efforts.txt")
    assert (
        plan.title
        == 'FY2090 Efforts on the "Basic Plan on Measures Against Child Sexual Exploitation"'
    )
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness and international collaboration"),
    ]  # the heading in sentence case
    measure = plan.sections[0].measures[0]
    assert measure.title == (  # wrapped under itself
        "Promotion of public relations and awareness-raising for the prevention of victimization"
    )
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2090-1.1.1", ("CFA", "NPA", "MIC"), ("2090-07",)),  # bodies wrapped at a comma
        ("fy2090-1.1.2", ("MEXT",), ()),
        ("fy2090-1.1.3", ("MOJ",), ("2091-02",)),  # "03FEB2091 THRU 10FEB2091"
    ]


def test_an_effort_keeps_its_table_its_key_figure_and_its_text_across_a_page_break() -> None:
    first, second, third = (e for *_, e in parse_plan(REPORT, source="x").efforts())
    # the column's figure, which the text gives in other words
    assert first.text.endswith("watched 2.4 million times. Key figure: 2,400,000 views.")
    assert "| SEMINARS HELD | 280 | 310 |" in second.text
    assert "Key figure" not in second.text  # the text gives its 310 already
    assert third.text == (
        "Sent two prosecutors to a course in Manila (03FEB2091 THRU 10FEB2091) on "
        "interviewing children."
    )  # no page header, no "CONTINUED FROM PAGE" marker


def test_the_code_table_is_the_legend_with_its_wrapped_names() -> None:
    glossary = parse_plan(REPORT, source="x").glossary
    assert glossary["MIC"] == "Ministry of Internal Affairs and Communications"
    assert glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(printout_to_plain, REPORT)
