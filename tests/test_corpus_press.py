"""A report bound as a compendium of press releases is read by its banners: each "RELEASE
SERIES" a section, each "Release series n-m" with its "Topic:" a measure, and each release
an effort: its headline and text (a table of figures as Markdown rows), credited by its
"Issued (jointly) by:" line, across a page break; "About the …" blurbs, media contacts,
running heads and "-more-" marks left out."""

from __future__ import annotations

from corpus import parse_plan
from corpus.dates import find_dates
from corpus.press import press_to_plain
from tests.conftest import assert_reads_only_its_form

REPORT = (
    "Compendium of Press Releases, Fiscal Year 2083\n"
    "\n"
    'Efforts in Fiscal Year 2083 under the "Basic Plan"\n'
    "\n"
    "*****************************************\n"
    "RELEASE SERIES 1\n"
    "ENHANCEMENT OF PUBLIC AWARENESS AND\n"
    "INTERNATIONAL COLLABORATION\n"
    "*****************************************\n"
    "\n"
    "Release series 1-1\n"
    "Topic: Promotion of public relations and awareness-raising for the\n"
    "       prevention of victimization\n"
    "-----------------------------------------\n"
    "\n"
    "FOR IMMEDIATE RELEASE              Release No. 1-1/1\n"
    "\n"
    "Youth Symposium Held in Kanazawa\n"
    "\n"
    "KANAZAWA, Tuesday 16 July 2083 — The Cabinet Office held a symposium\n"
    "from Monday 15 July to\n"
    "\n"
    "                 -more-\n"
    "\n"
    "                                   Leaf 1\n"
    "\n"
    "Compendium of Press Releases, Fiscal Year 2083\n"
    "\n"
    "Release No. 1-1/1 (continued)\n"
    "\n"
    "Friday 2 August 2083.\n"
    "\n"
    "  Symposium in figures        FY2082   FY2083\n"
    "  Participants                   610      640\n"
    "\n"
    "Issued jointly by: Cabinet Office (CAO) and National\n"
    "                   Police Agency (NPA)\n"
    "Media contact: Youth Policy Unit, CAO, tel. 03-0100-2201\n"
    "\n"
    "###\n"
    "\n"
    "About the Cabinet Office\n"
    "The Cabinet Office organizes the National Month every summer.\n"
    "\n"
    "                                   Leaf 2\n"
    "\n"
    "Compendium of Press Releases, Fiscal Year 2083\n"
    "\n"
    "*****************************************\n"
    "RELEASE SERIES 2\n"
    "SUPPORT FOR CHILDREN AND FAMILIES\n"
    "*****************************************\n"
    "\n"
    "Release series 2-1\n"
    "Topic: Support for parents and guardians\n"
    "-----------------------------------------\n"
    "\n"
    "FACT SHEET                         Release No. 2-1/1\n"
    "\n"
    "Fact Sheet: The Oyako Chat Line\n"
    "\n"
    "The chat line answered 12,400 parents.\n"
    "\n"
    "Issued by: Children and Families Agency (CFA)\n"
    "\n"
    "###\n"
    "\n"
    "FOR IMMEDIATE RELEASE              Release No. 2-1/2\n"
    "\n"
    "Guide for Parents Revised\n"
    "\n"
    "TOKYO, Thursday 5 December 2083 — The agency revised its guide.\n"
    "\n"
    "Issued by: Children and Families Agency (CFA)\n"
    "Media contact: Family Support Division, CFA,\n"
    "               tel. 03-0100-3301\n"
    "\n"
    "###\n"
    "\n"
    "                                   Leaf 3\n"
    "\n"
    "Compendium of Press Releases, Fiscal Year 2083\n"
    "\n"
    "*****************************************\n"
    "NOTES TO EDITORS: ABOUT THE ISSUING BODIES\n"
    "*****************************************\n"
    "\n"
    "About the Cabinet Office (CAO)\n"
    "  Runs cross-government campaigns.\n"
    "About the National Police Agency (NPA)\n"
    "  Supervises the prefectural police.\n"
    "About the Children and Families Agency (CFA)\n"
    "  Leads policies for children.\n"
)


def test_series_topics_and_releases_give_sections_measures_and_efforts() -> None:
    plan = parse_plan(REPORT, source="fy2083_efforts.txt")
    assert plan.title == 'Efforts in FY2083 under the "Basic Plan"'
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness and international collaboration"),
        (2, "Support for children and families"),
    ]
    assert plan.sections[0].measures[0].title == (
        "Promotion of public relations and awareness-raising for the prevention of victimization"
    )
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        # a sentence and a credit across a page break
        ("fy2083-1.1.1", ("CAO", "NPA"), ("2083-07", "2083-08")),
        ("fy2083-2.1.1", ("CFA",), ()),
        ("fy2083-2.1.2", ("CFA",), ("2083-12",)),
    ]
    assert efforts[0].text.startswith("Youth Symposium Held in Kanazawa. KANAZAWA, Tuesday")
    assert "to Friday 2 August 2083. | Symposium in figures | FY2082 |" in efforts[0].text
    assert "Leaf" not in efforts[0].text and "About the" not in efforts[0].text
    assert plan.glossary["NPA"] == "National Police Agency"


def test_a_weekday_before_a_day_leaves_a_range_of_months_whole() -> None:
    assert find_dates("from Monday 5 August to Friday 27 September 2080") == (
        "2080-08",
        "2080-09",
    )


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(press_to_plain, REPORT)
