"""A report kept as an Org-mode file reads as the report its export prints: headings
without their stars, tags and progress counters, checklist items as efforts, "Agencies ::"
items as their bodies, timestamps as dates, and nothing of what Org never prints."""

from __future__ import annotations

from corpus.dates import find_dates
from corpus.org import is_org, org_to_plain
from corpus.parser import parse_plan

ORG = """#+TITLE: FY2060 Efforts on the Basic Plan
#+LATEX_HEADER: \\fancyhead[L]{FY2060 Efforts}
All figures are provisional[fn:1].

* Theme 1. Enhancement of public awareness
:PROPERTIES:
:CUSTOM_ID: theme-1
:END:

** 1(a) Promotion of public relations [2/3] :new:

- [X] Ran the /Hikari Campaign/ on the [[https://example.go.jp/x][Anshin portal]]
      (<2060-06-01 Tue>--<2060-07-31 Sat>).
  + Agencies :: NPA and CFA
# TODO check the figure with NPA -- KS [2061-05-20 Fri]
- [-] Co-hosted a dialogue in Kuala Lumpur (<2060-10-14
      Thu>) with experts from 17 countries.
  + Agencies :: National Center of Incident Readiness and Strategy for
    Cybersecurity and National Police Agency
#+LATEX: \\clearpage
* Theme 2. Support for children

** 2(a) Awareness-raising [1/1]

- [X] Held a workshop for parents in October of
      2060.
  + Agencies :: Children and Families Agency

* Abbreviations

- CFA :: Children and Families Agency
- NISC :: National Center of Incident Readiness and Strategy for
  Cybersecurity
- NPA :: National Police Agency

[fn:1] Figures as of [2061-05-31 Mon].
"""


def test_an_org_report_reads_as_its_export() -> None:
    plan = parse_plan(ORG, source="fy2060.org")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness"),
        (2, "Support for children"),
    ]
    assert [m.title for s in plan.sections for m in s.measures] == [
        "Promotion of public relations",
        "Awareness-raising",
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries) for e in efforts] == [
        ("fy2060-1.1.1", ("NPA", "CFA")),
        ("fy2060-1.1.2", ("NISC", "NPA")),
        ("fy2060-2.1.1", ("CFA",)),
    ]
    assert efforts[0].text == (
        "Ran the Hikari Campaign on the Anshin portal (2060-06-01 to 2060-07-31)."
    )
    assert efforts[0].dates == ("2060-06", "2060-07")
    assert efforts[1].text.startswith("Co-hosted a dialogue in Kuala Lumpur (2060-10-14) with")
    assert efforts[1].dates == ("2060-10",)
    assert efforts[2].dates == ("2060-10",)  # "October of" / "2060"
    assert plan.glossary["NISC"] == (
        "National Center of Incident Readiness and Strategy for Cybersecurity"
    )


def test_what_org_never_prints_is_blank_and_line_numbers_stay_the_files() -> None:
    lines = ORG.split("\n")
    plain = org_to_plain(lines)
    assert len(plain) == len(lines)
    assert plain[0] == "FY2060 Efforts on the Basic Plan"
    assert plain[1] == plain[5] == plain[6] == plain[7] == ""  # a keyword line, a drawer
    assert not any("TODO" in line or "clearpage" in line for line in plain)


def test_a_report_with_star_bullets_is_no_org_file() -> None:
    lines = ["FY2019 Efforts", "1. Awareness", "* Held a *big* forum (July 2019). [NPA]"]
    assert not is_org(lines)
    assert org_to_plain(lines) == lines


def test_a_month_of_a_year_is_read() -> None:
    assert find_dates("a workshop in October of 2060 and February of 2061") == (
        "2060-10",
        "2061-02",
    )


def test_a_date_line_repeated_pages_apart_is_no_running_header() -> None:
    efforts = "\n".join(
        f"- Held seminar {n} for teachers and\n  parents of pupils of the region\n  with guests"
        "\n  of honour and the press\n  (2060-07-01 to 2060-07-30).\n  Ministries: NPA"
        for n in range(4)
    )
    plan = parse_plan(f"FY2060 Efforts\n1. Awareness\n(a) Seminars\n{efforts}\n", source="t")
    assert all(e.dates == ("2060-07",) for *_, e in plan.efforts())
