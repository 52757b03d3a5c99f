"""Report shapes other drafting offices use: sections numbered without a full stop or as
pillars, measures circled or numbered "3-1", efforts numbered "(ii)" or "4-2-1" with items
under them, attributions after a closing dash, in angle brackets or labelled on a line of
their own, a legend of "ABBR = Name" pairs, and months of the Reiwa era or written "2050/10"."""

from __future__ import annotations

import pytest

from corpus.eras import western_years
from corpus.lines import day_first, find_dates
from corpus.parser import parse_plan
from tests.test_corpus_parse import only_effort, report

LEGEND = ["Abbreviations", "NPA: National Police Agency",
          "METI: Ministry of Economy, Trade and Industry", "DA: Digital Agency",
          "CFA: Children and Families Agency"]  # fmt: skip


def dashed(*body: str) -> str:
    """A report with a legend block, sections "n Title" and measures "① Title"."""
    return "\n".join(
        ["FY2049 Efforts on the Plan", "(Fiscal year Reiwa 31: April 2049 - March 2050)", "",
         *LEGEND, "", "1 Enhancement of public awareness", "", "① Campaigns", *body, "",
         "2 Support for children", "", "① Hotlines", "- Opened a hotline. [CFA/NPA]"]
    )  # fmt: skip


def test_sections_numbered_without_a_full_stop_and_circled_measures_are_read() -> None:
    plan = parse_plan(dashed("● Held a forum (July 2049). — NPA"), source="t.txt")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness"),
        (2, "Support for children"),
    ]
    assert [m.title for s in plan.sections for m in s.measures] == ["Campaigns", "Hotlines"]
    assert [e.id for *_, e in plan.efforts()] == ["fy2049-1.1.1", "fy2049-2.1.1"]
    assert plan.glossary["DA"] == "Digital Agency"


def test_a_line_opening_with_a_figure_is_no_section_unless_it_is_the_next_ones_number() -> None:
    plan = parse_plan(
        dashed("● Seconded police officers to Europol; they trained", "5 Partner agencies in",
               "The Hague. — NPA"),
        source="t.txt",
    )  # fmt: skip
    assert [s.number for s in plan.sections] == [1, 2]
    first = next(e for *_, e in plan.efforts())
    assert first.text.endswith("5 Partner agencies in The Hague.")


def test_abbreviations_after_a_closing_dash_are_the_attribution() -> None:
    plan = parse_plan(dashed("● Ran the campaign from 1 to 30 Sept. 2049. — CFA, NPA"), source="t")
    effort = next(e for *_, e in plan.efforts())
    assert effort.ministries == ("CFA", "NPA")
    assert effort.text == "Ran the campaign from 1 to 30 Sept. 2049."


def test_a_dash_inside_the_text_is_text_and_a_lone_dashed_line_closes_the_effort() -> None:
    plan = parse_plan(
        dashed("● Held it at Matsue Civic Hall — the first time in the region —",
               "  during the summer (July 2049).", "  — METI, DA"),
        source="t.txt",
    )  # fmt: skip
    effort = next(e for *_, e in plan.efforts())
    assert effort.ministries == ("METI", "DA")
    assert effort.text == (
        "Held it at Matsue Civic Hall — the first time in the region — during the summer "
        "(July 2049)."
    )


def test_a_dash_before_words_not_in_the_legend_is_no_attribution() -> None:
    # no legend lists MLIT: the line is kept as a note, not credited to it
    assert not list(parse_plan(report("· Held a forum — MLIT"), source="t.txt").efforts())
    plan = parse_plan(report("· Held a forum — with UNICEF. [NPA]"), source="t.txt")
    assert only_effort(plan).text == "Held a forum — with UNICEF."


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Held a meeting (November, Reiwa 31).", ("2049-11",)),
        ("Connected the centres (February, Reiwa 32).", ("2050-02",)),
        ("Calls FY Reiwa 30: 8,620 | FY Reiwa 31: 9,340", ()),
        ("Issued the guide (April, Heisei 30).", ("2018-04",)),
    ],
)
def test_months_of_the_reiwa_and_heisei_eras_are_read(text: str, dates: tuple[str, ...]) -> None:
    assert find_dates(text) == dates


def test_era_years_are_written_as_western_years() -> None:
    assert western_years("in november reiwa 31, FY Reiwa 30") == "in november 2049, FY 2048"
    assert western_years("Reiwa gannen and the first year of Reiwa") == "2019 and 2019"
    assert western_years("Reiwa Street 4") == "Reiwa Street 4"


PILLARS = """FY2050 Efforts on the Plan
Pillar 1: Enhancement of public awareness

1-1 Campaigns
(i) Held a symposium (2050/10); approx. 610 people attended.
    Ministries: CAO
(ii) Ran the campaign (Sep 2050) with the artist
    Haruto Kisaragi as its ambassador.
    Ministries: CFA; NPA

Pillar 4: Protection of child victims

4-2 Response to messages on SNS
4-2-1 Promoted the efforts of prefectural police departments:
      – warning messages posted: 58,300
      – children taken into protective custody: 471
      <NPA>
4-2-2 Added a call button to the app; average waiting time: < 40 seconds. <CFA, DA>

Note: NPA = National Police Agency; CAO = Cabinet Office; CFA = Children and
      Families Agency; DA = Digital Agency.
"""


def test_pillars_hyphen_numbered_measures_and_efforts_and_labelled_attributions_are_read() -> None:
    plan = parse_plan(PILLARS, source="t.txt")
    assert [(s.number, [m.title for m in s.measures]) for s in plan.sections] == [
        (1, ["Campaigns"]),
        (4, ["Response to messages on SNS"]),
    ]
    assert [(e.id, e.ministries) for *_, e in plan.efforts()] == [
        ("fy2050-1.1.1", ("CAO",)),
        ("fy2050-1.1.2", ("CFA", "NPA")),
        ("fy2050-4.1.1", ("NPA",)),
        ("fy2050-4.1.2", ("CFA", "DA")),
    ]
    assert plan.glossary["CFA"] == "Children and Families Agency"  # "=" legend, wrapped


def test_dashed_items_under_a_numbered_effort_are_lines_of_it() -> None:
    plan = parse_plan(PILLARS, source="t.txt")
    promoted = [e for *_, e in plan.efforts() if e.id == "fy2050-4.1.1"][0]
    assert promoted.text == (
        "Promoted the efforts of prefectural police departments: – warning messages posted: "
        "58,300 – children taken into protective custody: 471"
    )
    added = [e for *_, e in plan.efforts() if e.id == "fy2050-4.1.2"][0]
    assert added.text.endswith("< 40 seconds.")  # a "<" in the text is no attribution


def test_a_roman_item_in_lower_case_inside_an_effort_is_no_effort_of_its_own() -> None:
    plan = parse_plan(
        report("· Promoted two things: (i) sending warnings and",
               "(ii) taking 392 children into custody. [NPA]"),
        source="t.txt",
    )  # fmt: skip
    assert only_effort(plan).text.endswith("(ii) taking 392 children into custody.")


def test_a_month_written_year_slash_month_is_read() -> None:
    assert find_dates("Held a symposium (2050/10) and a forum (2051/3).") == ("2050-10", "2051-03")
    assert find_dates("Scored 2050/100 points.") == ()


PARTS = """FY2051 Efforts on the Plan

  Abbr.  | Ministry or agency
  -------+------------------------------------------
  NPA    | National Police Agency
  MEXT   | Ministry of Education, Culture, Sports, Science and
         | Technology
  CFA    | Children and Families Agency
  MIC    | Ministry of Internal Affairs and Communications

I. Enhancement of public awareness

A. Campaigns
▶ CFA, NPA: Launched the campaign "Pause" on Oct.
  15th, 2051; its videos were viewed 8.4 million times (early Sept.
  2051).
▶ MEXT: Distributed a comic booklet to pupils (May
  2051).

B. Information dissemination
▶ NPA: Organized the 36th Specialist Group Meeting (Jan. 21st, 2052).

                                                                 Page 1 of 9
FY2051 Efforts | Basic Plan on Measures

IV. Protection of child victims

A. Consultation
1. Extended the chat consultation service to 24 hours; consultations:
      Consultations in FY2051 ................ 41,280
      Consultations in FY2050 ................ 34,060
    (by CFA)
2. Opened a desk that received 2,140 consultations (by telephone or chat) by the
    end of the fiscal year. (by NPA)

                                                                 Page 2 of 9
FY2051 Efforts | Basic Plan on Measures

B. Response to messages on SNS
3. Asked 15 SNS operators to turn off direct messages (July 2051). (by CFA and
    MIC)
"""


def test_roman_parts_lettered_measures_and_bodies_named_at_an_efforts_head_are_read() -> None:
    plan = parse_plan(PARTS, source="t.txt")
    assert [(s.number, [m.title for m in s.measures]) for s in plan.sections] == [
        (1, ["Campaigns", "Information dissemination"]),
        (4, ["Consultation", "Response to messages on SNS"]),
    ]
    assert [(e.id, e.ministries, e.dates) for *_, e in plan.efforts()] == [
        ("fy2051-1.1.1", ("CFA", "NPA"), ("2051-09", "2051-10")),
        ("fy2051-1.1.2", ("MEXT",), ("2051-05",)),  # "(May" / "2051).": a date, no footer
        ("fy2051-1.2.1", ("NPA",), ("2052-01",)),
        ("fy2051-4.1.1", ("CFA",), ()),  # "(by CFA)" alone, after rows of figures
        ("fy2051-4.1.2", ("NPA",), ()),  # "(by telephone or chat)" is text
        ("fy2051-4.2.1", ("CFA", "MIC"), ("2051-07",)),  # "(by CFA and" / "MIC)"
    ]
    assert plan.glossary["MEXT"] == (
        "Ministry of Education, Culture, Sports, Science and Technology"  # a wrapped row
    )


def test_rows_of_figures_alike_are_no_running_footer() -> None:
    plan = parse_plan(PARTS, source="t.txt")
    extended = [e for *_, e in plan.efforts() if e.id == "fy2051-4.1.1"][0]
    assert "Consultations in FY2050 ................ 34,060" in extended.text
    assert "Page" not in extended.text and "Basic Plan" not in extended.text


COLUMNS = """FY2052 Efforts on the Plan

§1  Enhancement of public awareness, development of social awareness, and international
    collaboration

Main efforts                                                            In charge¹

1.1  Promotion of public relations
■ Held the symposium at Kanazawa Hall (July 2052); about 960          CAO
  people attended.
◎ Launched the campaign "Say No" on 12 October 2052; its videos         CFA, NPA
  had been played 5.3 million times by 2053-03-31.
◎ Published guidelines for developers of generative AI on               CAS, DA,
  preventing the generation of sexual images (2052-07-30).              CFA

                                           1 / 8
Main efforts                                                            In charge¹

1.1  Promotion of public relations
     (cont'd)
■ Extended the chat consultation service to 24 hours from
  1 October 2052; consultations received:                               CFA
      FY2051                41,280
      FY2052                46,820

■ Received 3,090 consultations at the "Image Harm Desk" (#8210) of
  prefectural police headquarters, 38% of them from pupils.             NPA

Notes
¹ Bodies in charge: National Police Agency (NPA); Cabinet Secretariat (CAS); Cabinet Office
  (CAO); Children and Families Agency (CFA); Digital Agency (DA).
"""


def test_bodies_in_a_right_hand_column_and_a_legend_of_names_in_a_note_are_read() -> None:
    plan = parse_plan(COLUMNS, source="t.txt")
    assert [(s.number, s.title[-13:], [m.title for m in s.measures]) for s in plan.sections] == [
        (1, "collaboration", ["Promotion of public relations"]),  # "(cont'd)": the same one
    ]
    assert [(e.id, e.ministries, e.dates) for *_, e in plan.efforts()] == [
        ("fy2052-1.1.1", ("CAO",), ("2052-07",)),
        ("fy2052-1.1.2", ("CFA", "NPA"), ("2052-10", "2053-03")),
        ("fy2052-1.1.3", ("CAS", "DA", "CFA"), ("2052-07",)),  # the cell wrapped
        ("fy2052-1.1.4", ("CFA",), ("2052-10",)),  # the cell beside a middle line
        ("fy2052-1.1.5", ("NPA",), ()),
    ]
    assert plan.glossary["CAO"] == "Cabinet Office"  # "Cabinet Office" / "(CAO)", wrapped
    chat = [e for *_, e in plan.efforts()][3]
    assert chat.text.endswith("FY2051 41,280 FY2052 46,820") and "⟦" not in chat.text


def test_a_month_written_as_an_iso_date_is_read() -> None:
    assert find_dates("on 2053-02-01, (2052-09) and FY2051-52") == ("2052-09", "2053-02")


LEAD_LINES = """FY2053 Efforts on the Plan

PART ONE
Enhancement of public awareness, development of social awareness, and international
collaboration

Measure 1.1: Promotion of public relations and awareness-raising for the prevention
             of victimization

❖ Held the symposium at Matsuyama Citizens' Hall (July 2053); about 840 people
  attended in person.
  Lead ministry: CAO

❖ Launched the campaign "Pause Before You Send" on the 3rd of November 2053:
  → posters put up in 4,600 trains and buses;
  → the chatbot "Pause Bot", which answered 182,000 questions.
  Lead ministry: CFA
  Partners: NPA,

                                        (1)

            MEXT

Measure 1.2: Strengthening of the structure of Child Guidance
             Centers

❖ Produced the animated series "Mirai" for the lower grades, broadcast from
  Oct-2053; the results:
      ----------------------------------------
      Classes            7,900
      ----------------------------------------
  Lead ministry: MEXT    Partners: CFA

Abbreviations used

NPA
    National Police Agency
MEXT
    Ministry of Education, Culture, Sports, Science and
    Technology
CAO
    Cabinet Office
CFA
    Children and Families Agency
"""


def test_parts_in_words_lead_and_partner_lines_and_a_stacked_legend_are_read() -> None:
    plan = parse_plan(LEAD_LINES, source="t.txt")
    assert [
        (s.number, s.title[-13:], [m.title[-7:] for m in s.measures]) for s in plan.sections
    ] == [
        (1, "collaboration", ["ization", "Centers"]),  # titles below and wrapped
    ]
    assert [(e.id, e.ministries, e.dates) for *_, e in plan.efforts()] == [
        ("fy2053-1.1.1", ("CAO",), ("2053-07",)),
        ("fy2053-1.1.2", ("CFA", "NPA", "MEXT"), ("2053-11",)),  # partners over a page break
        ("fy2053-1.2.1", ("MEXT", "CFA"), ("2053-10",)),  # lead and partners on one line
    ]
    effort = [e for *_, e in plan.efforts()][1]
    assert "→ the chatbot" in effort.text  # an arrowed item is a line of the effort
    assert [e for *_, e in plan.efforts()][2].text.endswith("the results: Classes 7,900")
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"


UNDERLINED = """FY2054 Efforts on the Plan

I    ENHANCEMENT OF PUBLIC AWARENESS, DEVELOPMENT OF SOCIAL AWARENESS, AND INTERNATIONAL
     COLLABORATION
========================================================================================

1-a  Promotion of public relations
----------------------------------
+ Held the symposium in Niigata (Jul 12, 2054); about 1,140 people attended.（CAO）
+ Broadcast the radio series "Ask Dr. Hoshino" (Oct–Nov 2054). （CFA）
+ Revised the guidelines on generative AI (2054.07.20–08.31), after a panel.（CAS、

                                                                      p. 1

  DA、CFA）

IV   PROMPT PROTECTION OF AND APPROPRIATE SUPPORT FOR CHILD VICTIMS
===================================================================

4-a  Responses considering convenience
--------------------------------------
+ Held the eighth examination on Sun, Dec 6, 2054; 1,905 persons passed. Responsible
  body: CFA

+ Opened 4 new centers (2054.10.05), bringing the total to fifty-one. Responsible bodies: CFA, MOJ
  & NPA

Notes
a) Responsible bodies (abbreviations used in this report):
   CAO    Cabinet Office
   CAS    Cabinet Secretariat
   CFA    Children and Families Agency
   DA     Digital Agency
   MEXT   Ministry of Education, Culture, Sports, Science
          and Technology
   MOJ    Ministry of Justice
   NPA    National Police Agency
"""


def test_roman_sections_in_capitals_lettered_measures_and_labels_after_the_text_are_read() -> None:
    plan = parse_plan(UNDERLINED, source="t.txt")
    assert [(s.number, s.title[-13:], [m.title for m in s.measures]) for s in plan.sections] == [
        (1, "collaboration", ["Promotion of public relations"]),  # capitals read as a sentence
        (4, "child victims", ["Responses considering convenience"]),
    ]
    assert [(e.id, e.ministries, e.dates) for *_, e in plan.efforts()] == [
        ("fy2054-1.1.1", ("CAO",), ("2054-07",)),
        ("fy2054-1.1.2", ("CFA",), ("2054-10", "2054-11")),
        ("fy2054-1.1.3", ("CAS", "DA", "CFA"), ("2054-07", "2054-08")),  # over a page break
        ("fy2054-4.1.1", ("CFA",), ("2054-12",)),  # "Responsible" / "body: CFA"
        ("fy2054-4.1.2", ("CFA", "MOJ", "NPA"), ("2054-10",)),  # "CFA, MOJ" / "& NPA"
    ]
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"


BRACED = """FY2055 Efforts on the Plan
(01/04/2055 to 31/03/2056)

Dates are written day/month/year, so that 05/10/2055 means 5 October 2055.

Glossary
NPA stands for the National Police Agency.
MEXT stands for the Ministry of Education, Culture, Sports, Science and
     Technology.
CFA stands for the Children and Families Agency.

[1]  Enhancement of public awareness, development of social awareness, and
     international collaboration

M1.1  Promotion of public relations

◇ Ran the campaign "Stop, Think, Tell" (01/11/2055–30/11/2055), which consisted of:
  – a song by an idol group, played on 2,900 screens;
  – an online quiz, completed by 1.3 million people. {CFA; NPA;
  MEXT}

[Figure] Key visual of the campaign (not reproduced here)

◇ Held night patrols in 68 districts (05/08/2055) and a forum (2055年11月～12月).
  {NPA}
"""


def test_bracketed_sections_braced_bodies_day_first_dates_and_a_glossary_of_sentences() -> None:
    plan = parse_plan(BRACED, source="t.txt")
    assert [(s.number, s.title[-13:], [m.title for m in s.measures]) for s in plan.sections] == [
        (1, "collaboration", ["Promotion of public relations"]),
    ]
    assert [(e.id, e.ministries, e.dates) for *_, e in plan.efforts()] == [
        # dashed items after "consisted of:" are lines of the effort, the last one ending it
        ("fy2055-1.1.1", ("CFA", "NPA", "MEXT"), ("2055-11",)),
        ("fy2055-1.1.2", ("NPA",), ("2055-08", "2055-11", "2055-12")),  # day first; 年月
    ]
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"
    assert day_first("on 10/25/2055") is False  # a month-first report, shown by its dates


WEB_PAGE = """# FY2056 Efforts on the Plan

## Goal A: Enhancement of public awareness, development of social awareness, and
   international collaboration

### A.1 Promotion of public relations

▪ Stop, Block, Tell — Ran a campaign with 2,300 buses (from 1st June 2056). Implemented by:
  Children and Families Agency and National Police
  Agency.
▪ Sent 14 teams to 9 cities during the holidays (21st Jul–31st Aug 2056). Implemented
  by: NPA, CFA.
▪ Trained the classifier "Kagami" (Oct/Nov 2056). Implemented by: NPA,
  DA.

## Goal D: Prompt protection of and appropriate support for child victims

### D.1 Responses considering convenience

▪ Extended the desks to nights (15th Jul 2056). [ NPA | DA ]

## Glossary

CFA  — Children and Families Agency             MEXT — Ministry of Education, Culture,
                                                       Sports, Science and Technology
DA   — Digital Agency                           NPA  — National Police Agency
"""


def test_a_web_page_s_goals_lettered_measures_labels_and_a_legend_in_two_columns_are_read() -> None:
    plan = parse_plan(WEB_PAGE, source="t.txt")
    assert [(s.number, [m.title for m in s.measures]) for s in plan.sections] == [
        (1, ["Promotion of public relations"]),  # "Goal A", "A.1"; the "##" marks dropped
        (4, ["Responses considering convenience"]),
    ]
    assert [(e.id, e.ministries, e.dates) for *_, e in plan.efforts()] == [
        ("fy2056-1.1.1", ("CFA", "NPA"), ("2056-06",)),  # full names, wrapped
        ("fy2056-1.1.2", ("NPA", "CFA"), ("2056-07", "2056-08")),  # "Implemented" / "by: …"
        ("fy2056-1.1.3", ("NPA", "DA"), ("2056-10", "2056-11")),  # "by: NPA," / "DA."
        ("fy2056-4.1.1", ("NPA", "DA"), ("2056-07",)),
    ]
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"
    assert plan.glossary["CFA"] == "Children and Families Agency"  # not joined to MEXT's


RUN_IN = """FY2057 Efforts on the Plan

1 ─ Enhancement of public awareness, development of social awareness, and international
    collaboration

(1.1) Promotion of public relations

1) Held the symposium at Toyama Hall (July 2057); 540 people attended. (CAO)

2) Held patrols in 74 districts during the summer holidays (2057/7/20–8/31), and handed
   out 41,000

────────────────────────
Abbreviations: CAO, Cabinet Office; DA, Digital Agency; MEXT,
Ministry of Education, Culture, Sports, Science and Technology; NPA,
National Police Agency.

1 │ FY2057 Efforts · Basic Plan on Measures against Child Sexual Exploitation

   pocket cards to young people. (NPA)

(1.2) Information dissemination

1) Sent consultations received:
      FY2056   61,030
      FY2057   64,870
   (MEXT, DA)
"""


def test_efforts_numbered_within_bracketed_measures_and_a_run_in_legend_are_read() -> None:
    plan = parse_plan(RUN_IN, source="t.txt")
    assert [(s.number, [m.title for m in s.measures]) for s in plan.sections] == [
        (1, ["Promotion of public relations", "Information dissemination"]),
    ]
    assert [(e.id, e.ministries, e.dates) for *_, e in plan.efforts()] == [
        ("fy2057-1.1.1", ("CAO",), ("2057-07",)),
        # the legend at the page's foot is set aside: the effort goes on after it
        ("fy2057-1.1.2", ("NPA",), ("2057-07", "2057-08")),
        ("fy2057-1.2.1", ("MEXT", "DA"), ()),  # "1)" again: the next measure's first
    ]
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"
    assert "Abbreviations" not in [e for *_, e in plan.efforts()][1].text


OUTLINE = """FY2058 Efforts on the Plan

I- Enhancement of public awareness, development of social awareness, and
   international collaboration

I-1. Promotion of public relations

(a) Held the symposium at Toyama (Jul. 12, 2058); 1,040 people attended. «CAO»
(b) Ran the campaign "Say No" (from 2058-6-1). «CFA,
    NPA»
(c) Contributed 710 million yen to a fund for hotlines. «Ministry of
    Foreign Affairs»

+--------------------------------------------+
| ABBREVIATIONS                              |
+--------------------------------------------+
| NPA  : National Police Agency              |
| CAO  : Cabinet Office                      |
| CFA  : Children and Families Agency        |
| MEXT : Ministry of Education, Culture,     |
|        Sports, Science and Technology      |
| MOFA : Ministry of Foreign Affairs         |
+--------------------------------------------+

[l]
\fEfforts in FY2058

IV- Prompt protection of and appropriate support for child victims

IV-1. Responses considering convenience

(a) Translated the leaflet into 9 languages (Mar. 2059).
    → MEXT
(b) Started a line in 14 languages (2058-6-10). → Ministry of Foreign Affairs, CFA
"""


def test_an_outline_s_lettered_efforts_guillemets_arrows_and_a_boxed_legend_are_read() -> None:
    plan = parse_plan(OUTLINE, source="t.txt")
    assert [(s.number, [m.title for m in s.measures]) for s in plan.sections] == [
        (1, ["Promotion of public relations"]),
        (4, ["Responses considering convenience"]),
    ]
    assert [(e.id, e.ministries, e.dates) for *_, e in plan.efforts()] == [
        ("fy2058-1.1.1", ("CAO",), ("2058-07",)),
        ("fy2058-1.1.2", ("CFA", "NPA"), ("2058-06",)),  # "2058-6-1", the bodies wrapped
        ("fy2058-1.1.3", ("MOFA",), ()),  # a name in full
        ("fy2058-4.1.1", ("MEXT",), ("2059-03",)),  # "→ MEXT" on a line of its own
        ("fy2058-4.1.2", ("MOFA", "CFA"), ("2058-06",)),
    ]
    assert plan.glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"


def test_a_tables_head_repeated_on_later_pages_is_no_running_header() -> None:
    text = "\n".join(
        [
            "FY2065 Efforts",
            "1. Awareness",
            "O Campaigns",
            "· Ran a hotline; calls:",
            "| | FY2064 | FY2065 |",
            "|---|---|---|",
            "| Calls | 100 | 120 | [CFA]",
            *[f"· Held forum {n}. [NPA]" for n in range(1, 7)],
            "· Ran a chat line; chats:",
            "| | FY2064 | FY2065 |",
            "|---|---|---|",
            "| Chats | 40 | 52 | [CFA]",
        ]
    )
    efforts = [e for *_, e in parse_plan(text, source="fy2065.txt").efforts()]
    head = "| | FY2064 | FY2065 | |---|---|---|"
    assert efforts[0].text.endswith(f"calls: {head} | Calls | 100 | 120 |")
    assert efforts[-1].text.endswith(f"chats: {head} | Chats | 40 | 52 |")
