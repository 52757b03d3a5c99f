"""A report circulated as a diplomatic cable in capitals is read by its numbered
paragraphs: "1. (U)" sections, "1.A." measures and "1.A.(1)" efforts with the "ACTION:"
line after them (bodies by abbreviation or in full, mapped by the "-- NAME (ABBR)" legend),
routing lines and page furniture left out, headings in sentence case and text in ordinary
case, and the legend and point of contact no sections."""

from __future__ import annotations

from corpus import parse_plan
from corpus.cable import cable_to_plain
from tests.conftest import assert_reads_only_its_form

REPORT = (
    "UNCLASSIFIED\n"
    "PAGE 01 OF 02   MOFA TOKYO 000123   170615Z JUN 84\n"
    "\n"
    "FM MOFA TOKYO\n"
    "INFO NPA TOKYO\n"
    "BT\n"
    "SUBJ: FY2083 EFFORTS ON THE BASIC PLAN -- SUMMARY FOR MISSIONS\n"
    "REF: TOKYO 000101 (15 JUN 83)\n"
    "\n"
    "1. (U) ENHANCEMENT OF PUBLIC AWARENESS AND INTERNATIONAL\n"
    "COLLABORATION\n"
    "\n"
    "1.A. RESPONSE TO INAPPROPRIATE MESSAGES ON SNS\n"
    "\n"
    '1.A.(1) RAN THE CAMPAIGN "Pause First" ON SNS (01 JUN-31 JUL 2083)\n'
    "WITH 41 COMPANIES.\n"
    "ACTION: NPA/CFA\n"
    "\n"
    "1.A.(2) HELD FORUMS IN OSAKA AND EIGHT CITIES FROM (02\n"
    "\n"
    "UNCLASSIFIED\n"
    "UNCLASSIFIED\n"
    "PAGE 02 OF 02   MOFA TOKYO 000123   170615Z JUN 84\n"
    "\n"
    "OCT-18 NOV 2083).\n"
    "ACTION: MINISTRY OF EDUCATION, CULTURE, SPORTS, SCIENCE AND\n"
    "TECHNOLOGY/NPA\n"
    "\n"
    "2. (U) SUPPORT FOR CHILDREN AND FAMILIES\n"
    "\n"
    "2.A. AWARENESS-RAISING ACTIVITIES\n"
    "\n"
    "2.A.(1) OPENED A PORTAL ON 07 NOV 2083.\n"
    "ACTION: CHILDREN AND FAMILIES AGENCY\n"
    "\n"
    "3. (U) ABBREVIATIONS:\n"
    "\n"
    "-- NATIONAL POLICE AGENCY (NPA)\n"
    "-- CHILDREN AND FAMILIES AGENCY (CFA)\n"
    "-- MINISTRY OF EDUCATION, CULTURE, SPORTS, SCIENCE AND TECHNOLOGY\n"
    "   (MEXT)\n"
    "\n"
    "OTHER ABBREVIATIONS USED IN THE TEXT:\n"
    "-- SOCIAL NETWORKING SERVICE (SNS)\n"
    "\n"
    "4. (U) POINT OF CONTACT IS THE CHILD AND YOUTH SECTION.\n"
    "BT\n"
    "NNNN\n"
    "UNCLASSIFIED\n"
)


def test_numbered_paragraphs_give_sections_measures_and_efforts_with_their_bodies() -> None:
    plan = parse_plan(REPORT, source="fy2083_efforts.txt")
    assert plan.title == "FY2083 efforts on the basic plan -- summary for missions"
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness and international collaboration"),
        (2, "Support for children and families"),
    ]  # the legend and the point of contact hold no measures
    assert plan.sections[0].measures[0].title == "Response to inappropriate messages on SNS"
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2083-1.1.1", ("NPA", "CFA"), ("2083-06", "2083-07")),
        # a date cut by a page break; a body's name in full, wrapped
        ("fy2083-1.1.2", ("MEXT", "NPA"), ("2083-10", "2083-11")),
        ("fy2083-2.1.1", ("CFA",), ("2083-11",)),
    ]
    # the text in ordinary case: a city's name capitalised, the abbreviations kept
    assert efforts[0].text == (
        'Ran the campaign "Pause First" on SNS (01 Jun-31 Jul 2083) with 41 companies.'
    )
    assert efforts[1].text.startswith("Held forums in Osaka and eight cities from (02 Oct-18 Nov")
    assert "PAGE" not in efforts[1].text
    assert "SNS" not in plan.glossary  # an abbreviation of the text, no body
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(cable_to_plain, REPORT)
