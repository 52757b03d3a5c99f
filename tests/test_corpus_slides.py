"""A report exported as a presentation's outline reads as the report its slides show:
slide markers, rules, footers and speaker notes are no part of it, an agenda is no list of
sections, a "(cont.)" slide carries on the effort the slide before it cut, details are
lines of their effort and an "Owners: CFA + NPA" item is its attribution."""

from __future__ import annotations

from corpus.dates import find_dates
from corpus.parser import parse_plan
from corpus.slides import is_deck, slides_to_plain

RULE = "─" * 60
FOOTER = "Children and Families Agency  ·  FY2061 Efforts (provisional)"

DECK = f"""Outline export: FY2061_Efforts.pptx
{RULE}
Slide 1 ▸ Title Slide
FY2061 Efforts on the Basic Plan

  Dates in this deck: d Mon ’yy

{FOOTER}
{RULE}
Slide 2 ▸ Title and Content
Agenda

  1  Enhancement of public awareness
  2  Support for children and families

{FOOTER}
{RULE}
Slide 3 ▸ Section Header
Focus Area 1
Enhancement of public awareness

{FOOTER}
{RULE}
Slide 4 ▸ Title and Content
Focus Area 1 › Measure 1
Promotion of public relations and awareness-raising for the prevention of
victimization

  ➢ Ran the "Hikari Signal" campaign in about 3,200 convenience stores (20 Jul–
    31 Aug ’61).
      – The 30-second clips were played 5.4 million times
      – Owners: CFA + NPA
  ➢ Distributed the picture book "Your Body, Your Rules" to nursery schools
    (from Oct ’61).

{FOOTER}
Speaker notes:
  MOFA asked to be named as co-organizer next year (29 Mar ’62).
{RULE}
Slide 5 ▸ Title and Content
Focus Area 1 › Measure 1
Promotion of public relations and awareness-raising for the prevention of
victimization (cont.)

      – 910 thousand copies printed
      – Owners: Children and Families Agency + Japan Legal Support Center
        (Houterasu)

{FOOTER}
{RULE}
Slide 6 ▸ Section Header
Focus Area 2
Support for children and families

{FOOTER}
{RULE}
Slide 7 ▸ Title and Content
Focus Area 2 › Measure 1
Awareness-raising activities for safe and secure internet use

  ➢ Ran "Filter Check 2061" with the carriers (Dec ’61–Jan ’62).
      – Owner: National Police Agency
  ➢ Held workshops for parents in 1,340 municipalities (May ’61).
      – Owners: CFA + NPA

{FOOTER}
{RULE}
Slide 8 ▸ Title and Content
Appendix: Abbreviations

  CFA ........... Children and Families Agency
  JLSC .......... Japan Legal Support Center (Houterasu)
  NPA ........... National Police Agency
  MOFA .......... Ministry of Foreign Affairs
  MEXT .......... Ministry of Education, Culture, Sports, Science and
                  Technology

{FOOTER}
{RULE}
End of outline
"""


def test_a_decks_outline_reads_as_its_slides_show() -> None:
    plan = parse_plan(DECK, source="fy2061.txt")
    assert plan.title == "FY2061 Efforts on the Basic Plan"
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness"),
        (2, "Support for children and families"),
    ]
    assert [m.title for s in plan.sections for m in s.measures] == [
        "Promotion of public relations and awareness-raising for the prevention of "
        "victimization",
        "Awareness-raising activities for safe and secure internet use",
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries) for e in efforts] == [
        ("fy2061-1.1.1", ("CFA", "NPA")),
        ("fy2061-1.1.2", ("CFA", "JLSC")),  # its owners on the next slide
        ("fy2061-2.1.1", ("NPA",)),
        ("fy2061-2.1.2", ("CFA", "NPA")),  # an owners line repeated is no running footer
    ]
    assert efforts[0].text.endswith("The 30-second clips were played 5.4 million times")
    assert efforts[1].text.endswith("(from Oct ’61). 910 thousand copies printed")
    assert "MOFA" not in efforts[1].text and "Speaker" not in efforts[1].text
    assert [e.dates for e in efforts] == [
        ("2061-07", "2061-08"),
        ("2061-10",),
        ("2061-12", "2062-01"),
        ("2061-05",),
    ]
    assert plan.glossary["JLSC"] == "Japan Legal Support Center (Houterasu)"
    # a name wrapped under its own column goes on, whole
    assert plan.glossary["MEXT"].endswith("Sports, Science and Technology")


def test_a_report_that_mentions_a_slide_is_no_deck() -> None:
    lines = ["FY2019 Efforts", "1. Awareness", "· Slide 3 of the deck was shown. [NPA]"]
    assert not is_deck(lines)
    assert slides_to_plain(lines) == lines


def test_a_month_with_its_year_in_two_figures_is_read() -> None:
    assert find_dates("(12 Jul ’61), (Feb–Mar '62) and (1–3 Nov ’61)") == (
        "2061-07",
        "2061-11",
        "2062-02",
        "2062-03",
    )
