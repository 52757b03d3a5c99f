# ruff: noqa: E501 (a page as pdftotext -layout writes it is wider than code)
"""A report whose sections are tables without rules, as ``pdftotext -layout`` writes a
PDF's, is read cell by cell: a row's words are its cells', whatever line they share."""

from __future__ import annotations

from corpus import parse_plan
from corpus.layout_tables import layout_tables

PAGE_1 = """\
            FY2072 Efforts on the "Basic Plan on Measures against Child Sexual Exploitation"

Table 1   Enhancement of public awareness

No.   Measure                   Effort                                        Bodies in     Period
                                                                              charge

  1   1(1) Promotion of         Held the "Safe Screens" forum in Nara on      CAO           Jul., 2072
      public relations          12 July, 2072; 860 people attended.

  2                             Ran the "Talk First" campaign (20 July–31     CFA           Jul.–Aug.,
                                August, 2072) with posters in 1,200           NPA           2072
                                stations.

  3   1(2) Information          Added a page to the portal                    DA
      dissemination             (www.gov-online.example.jp/kodomo-report), DA Gender
                                which had 1.3 million views; consultations    Equality
                                rose as follows.
                                                  FY2071     FY2072
                                Consultations     13,220     15,870
Provisional translation                                  A-1
\fBasic Plan on Measures against Child Sexual Exploitation                   FY2072 Annex Tables

No.  Measure                 Effort                                        Bodies in     Period
                                                                           charge

                             (as of 31 March, 2073).                       Bureau,
                                                                           Cabinet
                                                                           Office

Note: Abbreviations used in the column "Bodies in charge"

   CAO    Cabinet Office                          GEB    Gender Equality Bureau, Cabinet
   CFA    Children and Families Agency                   Office
   DA     Digital Agency                          NPA    National Police Agency
Provisional translation                                  A-2
\fBasic Plan on Measures against Child Sexual Exploitation                   FY2072 Annex Tables
"""


def test_each_row_is_an_effort_of_the_measure_written_beside_its_first_row() -> None:
    plan = parse_plan(PAGE_1, source="fy2072_efforts.txt")
    assert [(s.number, s.title) for s in plan.sections] == [(1, "Enhancement of public awareness")]
    assert [m.title for m in plan.sections[0].measures] == [
        "Promotion of public relations",  # the measure's cell runs on over its rows' lines
        "Information dissemination",
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2072-1.1.1", ("CAO",), ("2072-07",)),
        ("fy2072-1.1.2", ("CFA", "NPA"), ("2072-07", "2072-08")),  # one body a line
        # a body's name in full wrapped over lines and a page; a word of the effort's
        # cell run into the bodies' column is the effort's
        ("fy2072-1.2.1", ("DA", "GEB"), ("2073-03",)),
    ]
    assert efforts[0].text == (
        'Held the "Safe Screens" forum in Nara on 12 July, 2072; 860 people attended. '
        "(Jul., 2072)"  # the period's cell after the text
    )
    assert efforts[1].text.startswith('Ran the "Talk First" campaign (20 July–31 August, 2072)')
    assert "(www.gov-online.example.jp/kodomo-report), DA which had" in efforts[2].text
    # a small table in the cell, as Markdown rows
    assert "| | FY2071 | FY2072 | |---|---|---| | Consultations | 13,220 | 15,870 |" in (
        efforts[2].text
    )
    assert plan.glossary["GEB"] == "Gender Equality Bureau, Cabinet Office"


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    lines = PAGE_1.splitlines()
    assert len(layout_tables(lines)) == len(lines)
    plain = ["FY2019 Efforts", "1. Awareness", "  Item        FY1    FY2", "· Held a forum. [NPA]"]
    assert layout_tables(plain) == plain
