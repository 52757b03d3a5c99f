"""A report's web page saved as text by ``lynx -dump`` is read without the site around it:
headings at their margins, items with all they hold, the bodies after each, the legend
as a definition list; link numbers, carets and struck-out figures are no part of it."""

from __future__ import annotations

from corpus import parse_plan
from corpus.lynx import lynx_to_plain
from tests.conftest import assert_reads_only_its_form

PAGE = """\
   [1]Skip to main content

   * [2]Home
   * [3]Policies
      + [4]Child sexual exploitation

   [5]Home > [6]Policies > FY2080 Efforts
   (page 1 of 2)

            FY2080 Efforts on the "Basic Plan on Measures against
                          Child Sexual Exploitation"

   Published: 30^th June 2081   Page 1 of 2

Priority 1. Enhancement of public awareness, development of social awareness,
and international collaboration

  Initiative 1: Promotion of public relations and awareness-raising for the
  prevention of victimization

   * Held the "Safe Screens" forum in Nara (13^th July 2080); about 860 people
     attended.

     Relevant ministries and agencies: [7]CAO

   * Ran the campaign "Talk First" (19^th July – 31^st August 2080), consisting
     of:

      + posters at 1,200 stations;
      + a radio drama in 12 episodes.

     The share of pupils who knew the campaign reached [DEL: 40.1% :DEL] [INS: 41.0% :INS].

     Relevant ministries and agencies: [8]National Police Agency, [9]Ministry of
     Economy, Trade and Industry

   Pages: 1 [10]2 [11]Next >

   Share this page:

References

   Visible links:
   1. https://www.example.go.jp/#main
   2. https://www.example.go.jp/

   [1]Skip to main content

   * [2]Home
   * [3]Policies

            FY2080 Efforts on the "Basic Plan on Measures against
                          Child Sexual Exploitation"

Priority 1. Enhancement of public awareness, development of social awareness,
and international collaboration (continued)

  Initiative 2: Information dissemination

   * Operated the consultation line from 1^st June 2080:

     Channel        FY2079    FY2080
     Telephone      12,400    13,100

     Relevant ministries and agencies: [4]CFA

    Abbreviations used in this report

   CAO
          [5]Cabinet Office
   CFA
          [6]Children and Families Agency
   METI
          [7]Ministry of Economy, Trade and Industry
   NPA
          [8]National Police Agency

References

   Visible links:
   1. https://www.example.go.jp/#main
"""


def test_the_pages_read_as_the_report_without_the_site_around_it() -> None:
    plan = parse_plan(PAGE, source="fy2080_efforts.txt")
    assert plan.title.startswith("FY2080 Efforts on the") and plan.title.endswith('Exploitation"')
    assert [(s.number, [m.title for m in s.measures]) for s in plan.sections] == [
        (1, ["Promotion of public relations and awareness-raising for the prevention of "
             "victimization", "Information dissemination"]),
    ]  # fmt: skip
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2080-1.1.1", ("CAO",), ("2080-07",)),
        ("fy2080-1.1.2", ("NPA", "METI"), ("2080-07", "2080-08")),
        ("fy2080-1.2.1", ("CFA",), ("2080-06",)),
    ]
    assert "posters at 1,200 stations; a radio drama" in efforts[1].text
    assert "reached 41.0%" in efforts[1].text and "40.1" not in efforts[1].text
    assert "| Telephone | 12,400 | 13,100 |" in efforts[2].text
    assert "Home" not in " ".join(e.text for e in efforts)
    assert plan.glossary["METI"] == "Ministry of Economy, Trade and Industry"


def test_the_page_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(lynx_to_plain, PAGE)
