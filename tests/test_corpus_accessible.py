"""A report's accessible edition for screen readers is read by its spoken headings: the
"SECTION TWO." and "Measure two point three." lines, "Item one." efforts with the
"Responsible:" line after them (bodies in full, mapped by the spoken legend), page marks
left out, abbreviations spelt letter by letter written as words, and dates in words read."""

from __future__ import annotations

from corpus import parse_plan
from corpus.accessible import accessible_to_plain
from corpus.dates import find_dates
from tests.conftest import assert_reads_only_its_form

REPORT = (
    "Print page 1 of 2. Efforts in Fiscal Year 2080, accessible edition.\n"
    "\n"
    "Fiscal Year 2080 Efforts on the Basic Plan\n"
    "\n"
    "Contents.\n"
    "Section one, Enhancement of public awareness.\n"
    "\n"
    "SECTION ONE. Enhancement of public awareness, development of social\n"
    "awareness, and international collaboration.\n"
    "\n"
    "Measure one point one. Promotion of public relations.\n"
    "\n"
    "Item one. Ran the Pause First campaign on social networking services,\n"
    "S N S for short, from the 15th of June to the 31st of July 2080.\n"
    "Responsible: National Police Agency; Children and Families Agency.\n"
    "\n"
    "Item two. Held forums in nine cities from the 2nd of October\n"
    "\n"
    "End of print page 1 of 2.\n"
    "\n"
    "Print page 2 of 2. Efforts in Fiscal Year 2080, accessible edition.\n"
    "\n"
    "to the 18th of November 2080.\n"
    "Responsible: Ministry of Education, Culture, Sports, Science and\n"
    "Technology.\n"
    "\n"
    "End of section one.\n"
    "\n"
    "SECTION TWO. Support for children and families.\n"
    "\n"
    "Measure two point one. Awareness-raising activities.\n"
    "\n"
    "Item one. Opened a portal on Monday the 7th of November 2080.\n"
    "Responsible: Children and Families Agency.\n"
    "\n"
    "APPENDIX. ABBREVIATIONS.\n"
    "N P A stands for the National Police Agency.\n"
    "C F A stands for the Children and Families Agency.\n"
    "M E X T, said as mext, stands for the Ministry of Education, Culture,\n"
    "Sports, Science and Technology.\n"
    "\n"
    "Other abbreviations used in the text.\n"
    "S N S stands for social networking services.\n"
)


def test_spoken_headings_give_sections_measures_and_items_with_their_bodies() -> None:
    plan = parse_plan(REPORT, source="fy2080_efforts.txt")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness, development of social awareness, and "
            "international collaboration"),
        (2, "Support for children and families"),
    ]  # fmt: skip
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2080-1.1.1", ("NPA", "CFA"), ("2080-06", "2080-07")),
        # across a page's end and the next page's start; a body's name wrapped
        ("fy2080-1.1.2", ("MEXT",), ("2080-10", "2080-11")),
        ("fy2080-2.1.1", ("CFA",), ("2080-11",)),
    ]
    assert "SNS for short" in efforts[0].text and "print page" not in efforts[1].text
    assert "SNS" not in plan.glossary  # an abbreviation of the text, no body
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"


def test_a_day_written_as_an_ordinal_of_its_month_dates_both_ends_of_a_range() -> None:
    assert find_dates("from the 15th of June to the 31st of July 2080") == ("2080-06", "2080-07")


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(accessible_to_plain, REPORT)
