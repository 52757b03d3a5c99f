"""A report published as a notice in a gazette: its masthead and the notice above the
title, "Article n" sections, "Para. n  (Title)" measures, efforts "i)", "ii)" numbered
anew in each, bodies "(Competent: NPA)" or listed under "Competent authorities:", a
legend of '"NPA" means the National Police Agency;' clauses and dates in legal or era
form."""

from __future__ import annotations

from corpus.dates import find_dates
from corpus.parser import parse_plan

MASTHEAD = "Tuesday, 29 June 2060         OFFICIAL GAZETTE (Extra No. 241)          15"

GAZETTE = f"""{MASTHEAD}

NOTICE

  The efforts made in fiscal year 2059 are hereby published as set forth below.

Report on the Efforts in FY2059 under the Basic Plan

Article 1  Enhancement of public awareness, development of social awareness, and
           international collaboration

  Para. 1  (Promotion of public relations and awareness-raising for the prevention of
            victimization)

    i)   Held a symposium at the Kochi Prefectural Culture Hall on the 19th day of July
         2059; 860 persons attended in the hall and about 2,400 viewed the live stream,
         and the keynote lecture was given by a children's author. (Competent: NPA)
    ii)  Conducted the street guidance "Night Lantern Patrols" by police officers and
         juvenile guidance volunteers in 37 entertainment districts from the 20th day of
         July to the 31st day of August 2059, speaking to 3,150 young people. (Competent:
         NPA)
    iii) Published the results of the patrols in the districts, as in Table 1.
         Table 1  Patrols
         ══════════════════════════════════════════════════
         Classification                     FY2058    FY2059
         ──────────────────────────────────────────────────
         Districts visited                      31        37
         ══════════════════════════════════════════════════
         The figures are provisional and were compiled by the police. (Competent:
         NPA)

{MASTHEAD.replace("15", "16")}

Article 2  Support for children

  Para. 1  (Consultation)

    i)   Opened the SNS consultation service "Hitoiki Talk" (R41.11.13).
         Competent authorities:
           - CFA
           - Japan Coast Guard
    ii)  Held workshops for 2,860 staff of after-school children's clubs, as in Table 2.
         Table 2  Workshops
         ══════════════════════════════════════════════════
         Classification                     FY2058    FY2059
         ──────────────────────────────────────────────────
         Staff trained                       2,410     2,860
         ══════════════════════════════════════════════════
         Competent authority:
           - MOJ

Supplementary Provisions

(Definitions)
1  In this Notice, the abbreviations have the following meanings:
     "NPA" means the National Police Agency;
     "CFA" means the Children and Families Agency;
     "MOJ" means the Ministry of Justice;
     and "JCG" means the Japan Coast Guard.
"""


def test_a_gazette_notice_reads_as_a_report() -> None:
    plan = parse_plan(GAZETTE, source="fy2059.txt")
    assert plan.fiscal_year == 2059
    assert plan.title.startswith("Report on the Efforts in FY2059")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness, development of social awareness, and "
            "international collaboration"),
        (2, "Support for children"),
    ]  # fmt: skip
    assert [m.title for s in plan.sections for m in s.measures] == [
        "Promotion of public relations and awareness-raising for the prevention of victimization",
        "Consultation",
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries) for e in efforts] == [
        ("fy2059-1.1.1", ("NPA",)),
        ("fy2059-1.1.2", ("NPA",)),
        ("fy2059-1.1.3", ("NPA",)),
        ("fy2059-2.1.1", ("CFA", "JCG")),
        ("fy2059-2.1.2", ("MOJ",)),
    ]
    assert efforts[0].text.endswith("given by a children's author.")
    assert efforts[1].dates == ("2059-07", "2059-08")
    assert "═" not in efforts[2].text  # the table's rules, drawn
    # the head of a table's columns, however many of the report's tables repeat it
    assert "Classification FY2058 FY2059 Districts visited 31 37" in efforts[2].text
    assert "Classification FY2058 FY2059 Staff trained" in efforts[4].text
    assert efforts[3].text == 'Opened the SNS consultation service "Hitoiki Talk" (R41.11.13).'
    assert efforts[3].dates == ("2059-11",)
    assert plan.glossary["JCG"] == "Japan Coast Guard"


def test_era_dates_written_with_the_eras_initial_are_read() -> None:
    assert find_dates("(R41.11.13–14), from R42.3.1 and H30.4.1") == (
        "2018-04",
        "2059-11",
        "2060-03",
    )


def test_a_range_of_days_written_in_legal_form_names_both_months() -> None:
    assert find_dates("from the 15th day of July to the 14th day of August 2059") == (
        "2059-07",
        "2059-08",
    )


NOTICE = """                            O F F I C I A L   G A Z E T T E
Friday, 18 June 2060                      (Extra No. 118)                               1041

Children and Families Agency Public Notice No. 27

Efforts in Fiscal Year 2059 under the Basic Plan

  The efforts taken in fiscal year 2059 are hereby published as follows.

(Enhancement of public awareness, development of social awareness, and international
 collaboration)
Article 1

Para. 1  Promotion of public relations
  Item 1  Requested app store operators to review the age ratings of anonymous chat apps;
          31 apps had been re-rated as at the last day of February, 2060. (Competent: CFA
          and METI)
  Item 2  Held a forum on the safety of children online for parents and teachers and
          published its results on the websites of the ministries concerned.
          (Competent: CFA)

(Support for children)
Article 2

Para. 1  Consultation
  Item 1  Added a chat window to the hotline; the results are shown in Table 2.
          ┌─────────────────────┬────────┬────────┐
          │ Indicator           │ FY2058 │ FY2059 │
          ├─────────────────────┼────────┼────────┤
          │ Chat consultations  │      – │ 18,660 │
          └─────────────────────┴────────┴────────┘
          — CFA
          — Japan Coast Guard
  Item 2  Opened a consultation line in 15 languages (June 2059) and published a leaflet
          for parents on the line in 15 languages for the schools of the region.
          (Competent: CFA)

(Abbreviations)
   (i)    "CFA" means the Children and Families Agency;
   (ii)   "METI" means the Ministry of Economy, Trade and Industry;
   (iii)  "JCG" means the Japan Coast Guard.
"""


def test_an_articles_title_in_brackets_above_it_and_items_with_bodies_below_are_read() -> None:
    plan = parse_plan(NOTICE, source="fy2059.txt")
    assert plan.title == "Efforts in Fiscal Year 2059 under the Basic Plan"
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness, development of social awareness, and "
            "international collaboration"),
        (2, "Support for children"),
    ]  # fmt: skip
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries) for e in efforts] == [
        ("fy2059-1.1.1", ("CFA", "METI")),
        ("fy2059-1.1.2", ("CFA",)),
        ("fy2059-2.1.1", ("CFA", "JCG")),
        ("fy2059-2.1.2", ("CFA",)),
    ]
    table = efforts[2].text
    assert "| Chat consultations | – | 18,660 |" in " ".join(table.split())
    assert "|---" in table and "┌" not in table and "└" not in table
