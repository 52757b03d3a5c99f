"""A report a word processor saved as plain text is read by its outline numbering: the
bodies at the right margin after a tab, what follows an effort's first paragraph kept with
it, and the contents, footnotes, legend box and page breaks each in their place."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import load_corpus, parse_plan
from corpus.errors import CorpusError
from corpus.wordtext import word_text_to_plain
from tests.conftest import assert_reads_only_its_form

REPORT = (
    "FY2080 Efforts on the “Basic Plan on Measures against Child Sexual Exploitation”\n"
    "\n"
    "Contents\n"
    "1\tEnhancement of public awareness\t2\n"
    "2\tSupport for children and families\t3\n"
    "\n"
    "Overview\tMeasures\tEfforts\n"
    "Section\u00a01\t2\t3\n"
    "\n"
    "1\tEnhancement of public awareness, development of social awareness,\n"
    "and international collaboration\n"
    "\n"
    "1.1\tPromotion of public relations and awareness-raising for the prevention of\n"
    "victimization\n"
    "1.1.1\tHeld the forum “Safe Screens” in Nara on Saturday, July 13, 2080; 860 people\n"
    "attended.\tCAO\n"
    "1.1.2\tRan the campaign “Talk First” (Friday, July 19 – Saturday, August 31, 2080) at\n"
    "1,200 stations with the support of the e-Net Caravan[1] volunteers.\n"
    "\tNational Police Agency, Ministry of Economy, Trade and Industry\n"
    "1.2\tInformation dissemination\n"
    "1.2.1\tOperated the consultation line (Table\u00a01).\tCFA\n"
    "Table 1: Consultations received\n"
    "Channel\tFY2079\tFY2080\n"
    "Telephone\t12,400\t13,100\n"
    "o\tby SNS from June\u00a02080\n"
    "\n"
    "\fFY2080 Efforts on the “Basic Plan on Measures against Child Sexual Exploitation”"
    " (continued)\n"
    "2\tSupport for children and families\n"
    "\n"
    "2.1\tAwareness-raising activities\n"
    "2.1.1\tHeld seminars in 40 prefectures (May\u00a02080).\tMEXT, NPA\n"
    "\n"
    "________________\n"
    "[1] The e-Net Caravan is a program of seminars given by volunteers on\n"
    "Friday, December 25, 2071.\n"
    "\n"
    "Abbreviations\n"
    "Bodies in charge are shown at the right\n"
    "margin of each effort.\n"
    "·\tNPA – National Police Agency\n"
    "·\tCAO – Cabinet Office\n"
    "·\tMETI – Ministry of Economy, Trade and\n"
    "Industry\n"
    "·\tCFA – Children and Families Agency\n"
    "·\tMEXT – Ministry of Education, Culture,\n"
    "Sports, Science and Technology\n"
)


def test_the_outline_numbering_gives_sections_measures_and_efforts() -> None:
    plan = parse_plan(REPORT, source="fy2080_efforts.txt")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness, development of social awareness, and "
            "international collaboration"),
        (2, "Support for children and families"),
    ]  # fmt: skip
    assert plan.sections[0].measures[0].title == (
        "Promotion of public relations and awareness-raising for the prevention of victimization"
    )
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2080-1.1.1", ("CAO",), ("2080-07",)),
        # a name in full holding a comma of its own; a weekday before each end of a range
        ("fy2080-1.1.2", ("NPA", "METI"), ("2080-07", "2080-08")),
        ("fy2080-1.2.1", ("CFA",), ("2080-06",)),
        ("fy2080-2.1.1", ("MEXT", "NPA"), ("2080-05",)),
    ]
    assert "Caravan volunteers" in efforts[1].text  # the footnote mark, not the footnote
    table = efforts[2].text
    assert "| Telephone | 12,400 | 13,100 |" in table and "by SNS from June" in table
    assert plan.glossary["METI"] == "Ministry of Economy, Trade and Industry"
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(word_text_to_plain, REPORT)


def test_a_report_whose_sections_hold_no_effort_is_refused_when_loaded(tmp_path: Path) -> None:
    report = tmp_path / "fy2080.txt"
    report.write_text("FY2080 Efforts on the Plan\n1. Awareness\nSome words.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no effort in them"):
        load_corpus(report)
