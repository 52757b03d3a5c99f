"""A report kept as a team-chat channel is read from its export: the pinned "SEC" and
"THREAD" messages as sections and measures, each "#E" reply in a thread as an effort of
the poster's body (or the body it posts for) and of each body it @-mentions, across a
page break; discussion, reactions, "(edited)" marks and struck-out words left out."""

from __future__ import annotations

from corpus import parse_plan
from corpus.chat import chat_to_plain
from tests.conftest import assert_reads_only_its_form

REPORT = (
    'FY2083 Efforts on the "Basic Plan"\n'
    "\n"
    "[2084-04-06 10:05] Mori (CFA):\n"
    "  :pushpin: pinned · WHO IS WHO (abbreviation = ministry or agency)\n"
    "  CFA  = Children and Families Agency · @CFA-focal (Mori)\n"
    "  NPA  = National Police Agency · @NPA-focal (Sato)\n"
    "  MOJ  = Ministry of Justice · @MOJ-focal (Kato)\n"
    "  MEXT = Ministry of Education, Culture, Sports, Science and Technology ·\n"
    "         @MEXT-focal (Ito)\n"
    "  :bookmark: 5\n"
    "\n"
    "[2084-04-07 10:02] Mori (CFA):\n"
    "  :pushpin: SEC 1/2 » Enhancement of public awareness\n"
    "\n"
    "[2084-04-07 10:03] Mori (CFA):\n"
    "  :thread: THREAD 1.1 » Promotion of public relations and awareness-raising\n"
    "  for the prevention of victimization\n"
    "\n"
    "  ↳ [2084-04-09 11:06] Sato (NPA):\n"
    '      #E1 Ran the campaign "Send Nothing" from 1 Jun 2083 (Thu) till 31\n'
    "\n"
    "                                     ‹ 1 ›\n"
    "#fy2083-efforts · Slack export 2084-06-10\n"
    "\n"
    "      Jul 2083 (Mon) with @MEXT-focal (edited)\n"
    "      :tada: 3\n"
    "\n"
    "  ↳ [2084-04-09 11:30] Ito (MEXT):\n"
    "      thanks, I will add ours tomorrow :pray:\n"
    "\n"
    "  ↳ [2084-04-09 13:30] Kato (MOJ):\n"
    "      #E2 Gave 1,850 classes on ~21~ 22 Jan 2084.\n"
    "\n"
    "[2084-04-07 10:04] Mori (CFA):\n"
    "  :pushpin: SEC 2/2 » Support for children and families\n"
    "\n"
    "[2084-04-07 10:05] Mori (CFA):\n"
    "  :thread: THREAD 2.1 » Support for parents and guardians\n"
    "\n"
    "  ↳ [2084-04-17 13:19] Mori (CFA), posting for MOJ:\n"
    "      #E1 Ran the treatment programme at 50 probation offices.\n"
)


def test_pinned_headings_and_effort_replies_give_sections_measures_and_efforts() -> None:
    plan = parse_plan(REPORT, source="fy2083_efforts.txt")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness"),
        (2, "Support for children and families"),
    ]
    assert plan.sections[0].measures[0].title == (
        "Promotion of public relations and awareness-raising for the prevention of victimization"
    )
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        # a date cut by a page break; a mentioned body credited beside the poster's
        ("fy2083-1.1.1", ("NPA", "MEXT"), ("2083-06", "2083-07")),
        ("fy2083-1.1.2", ("MOJ",), ("2084-01",)),  # the discussion reply is no effort
        ("fy2083-2.1.1", ("MOJ",), ()),  # posted for another body: that body's
    ]
    assert (
        efforts[0].text
        == 'Ran the campaign "Send Nothing" from 1 Jun 2083 (Thu) till 31 Jul 2083 (Mon) with MEXT'
    )
    assert efforts[1].text == "Gave 1,850 classes on 22 Jan 2084."
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(chat_to_plain, REPORT)
