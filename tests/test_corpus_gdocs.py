"""A report downloaded from an online word processor as plain text is read by its typed
headings and bullets: the bracket of bodies ending an effort's first paragraph (names in
full too), nested items and a table kept with their effort, a pasted sheet's page footer
and header skipped, comment anchors dropped and the comment threads at the end left out."""

from __future__ import annotations

from corpus import parse_plan
from corpus.gdocs import gdocs_to_plain
from tests.conftest import assert_reads_only_its_form

REPORT = (
    "Children and Families Agency · Draft 4\n"
    "\n"
    "FY2080 Efforts on the “Basic Plan”\n"
    "\n"
    "Abbreviations\n"
    "Abbr.\tMinistry / agency\tAbbr.\tMinistry / agency\n"
    "CAO\tCabinet Office\tMOFA\tMinistry of Foreign Affairs\n"
    "CFA\tChildren and Families Agency\tNPA\tNational Police Agency\n"
    "METI\tMinistry of Economy, Trade and Industry\tMEXT[a]\tMinistry of Education\n"
    "\n"
    "Contents\n"
    "Section 1 – Enhancement of public awareness\n"
    "Section 2 - Support for children and families\n"
    "\n"
    "Section 1 – Enhancement of public awareness\n"
    "\n"
    "Sub-section 1.1 – Promotion of public relations\n"
    "● Held the forum “Safe Screens” (My Safe Screen) in Nara (July 2080); 860 came. "
    "(focal point: CAO)\n"
    "● Held regional forums in nine prefectures from September 18 to October 30 2080[b]. "
    "(focal points: NPA, MEXT & CFA)\n"
    "    ○ Tohoku block: Aomori and Iwate (September 2080)\n"
    "\n"
    "Subsection 1.2 Promotion of international collaboration\n"
    "● Supported a joint investigation in Phnom Penh; nine suspects were arrested\n"
    "(from December 1 2080 to\n"
    "Input sheet IC-3 | p. 2/4\n"
    "International cooperation – input of the Ministry of Foreign Affairs\n"
    "January 15 2081). (focal points: NPA & Ministry\n"
    "of Foreign Affairs)\n"
    "\n"
    "Section 2 - Support for children and families\n"
    "\n"
    "Sub-section 2.1. – Awareness-raising activities\n"
    "● Requested carriers to switch filtering on (focal points: CFA & Ministry of Economy, "
    "Trade and Industry)\n"
    "Table 1 – Filtering rate\n"
    "Item\tFY2079\tFY2080\n"
    "New contracts\t83.9%\t85.6%\n"
    "\n"
    "Page  of \tFY2080 efforts – draft 4\n"
    "\n"
    "[a]Ishikawa Mei (MOJ) – Apr 22 2081, 09:15\n"
    "Please check the name. (focal point: MOJ)\n"
)


def test_typed_headings_and_bullets_give_sections_measures_and_efforts() -> None:
    plan = parse_plan(REPORT, source="fy2080_efforts.txt")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness"),
        (2, "Support for children and families"),
    ]  # the contents list names no sections of its own
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2080-1.1.1", ("CAO",), ("2080-07",)),  # "(My Safe Screen)" names no body
        ("fy2080-1.1.2", ("NPA", "MEXT", "CFA"), ("2080-09", "2080-10")),
        # a pasted sheet's footer and header inside the effort; a name in full, wrapped
        ("fy2080-1.2.1", ("NPA", "MOFA"), ("2080-12", "2081-01")),
        ("fy2080-2.1.1", ("CFA", "METI"), ()),
    ]
    forums, phnom_penh, filtering = (e.text for e in efforts[1:])
    assert "2080. Tohoku block: Aomori and Iwate" in forums and "[b]" not in forums
    assert "Input sheet" not in phnom_penh and "input of the" not in phnom_penh
    assert "| New contracts | 83.9% | 85.6% |" in filtering
    assert plan.glossary["METI"] == "Ministry of Economy, Trade and Industry"


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(gdocs_to_plain, REPORT)
